// Probable identity, never merged: projects of one department whose normalised names differ but
// one contains the other (信息化 ⊂ 政务信息化) are probably one project. Exact matches are already
// one Project node. Decided here from the department's project names; Cypher only writes the
// SAME_AS links (cypher/load-same-as.cypher), with the rule and a score (shorter / longer length).

export interface NamedProject {
  id: string;
  normName: string;
}

export interface SameAs {
  /** The pair ordered by id, so one link stands for both directions. */
  from: string;
  to: string;
  rule: 'NAME_CONTAINS';
  score: number;
  note: string;
}

/** Names this short contain too many others to mean anything. */
const MIN_NAME_LENGTH = 4;
const MIN_SCORE = 0.4;

/**
 * The SAME_AS links between the projects a document brought (`mine`) and every project of its
 * department (`all`, mine included). Each pair once.
 */
export function sameAsLinks(mine: NamedProject[], all: NamedProject[]): SameAs[] {
  const out = new Map<string, SameAs>();
  for (const p of mine) {
    if (p.normName.length < MIN_NAME_LENGTH) continue;
    for (const q of all) {
      if (q.id === p.id || q.normName.length < MIN_NAME_LENGTH) continue;
      if (!p.normName.includes(q.normName) && !q.normName.includes(p.normName)) continue;
      const score = Math.min(p.normName.length, q.normName.length) / Math.max(p.normName.length, q.normName.length);
      if (score < MIN_SCORE) continue;
      const [a, b] = p.id < q.id ? [p, q] : [q, p];
      const key = `${a.id}\u0000${b.id}`;
      if (!out.has(key)) out.set(key, { from: a.id, to: b.id, rule: 'NAME_CONTAINS', score: roundHalfUp(score, 2), note: `"${a.normName}" and "${b.normName}": one name contains the other` });
    }
  }
  return [...out.values()];
}

/** Rounds half up at `digits` decimals on the number's shortest decimal form (as Cypher's round). */
export function roundHalfUp(x: number, digits: number): number {
  const [int, frac = ''] = String(x).split('.');
  if (frac.length <= digits) return x;
  const kept = Number(`${int}.${frac.slice(0, digits)}`);
  return Number((frac[digits]! >= '5' ? kept + 10 ** -digits : kept).toFixed(digits));
}

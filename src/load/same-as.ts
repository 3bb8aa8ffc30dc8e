// Probable identity, never merged: projects of one department whose normalised names differ but
// one contains the other (信息化 ⊂ 政务信息化) are probably one project. Exact matches are already
// one Project node. Decided here from the department's project names; Cypher only writes the
// SAME_AS links (cypher/load-same-as.cypher), with the rule and a score (shorter / longer length).
// A project is also its unit's (ids.ts projectId): two units' projects of one name are two
// projects and are not linked; a project printed for the department as a whole and a unit's
// project of the same name are one only by that name — linked SAME_NAME_NO_UNIT, never merged.
//
// Found by looking each name's windows up among the other names' (a rolling hash per window
// length), not by comparing every pair: comparing this document's projects with every project
// of its department cost their product, and a 40,000-project document spent 60-80 s in that loop
// on the server's main thread, past the transaction's timeout (issue 35). Now the cost grows with
// the names' lengths times the number of distinct lengths, whatever the number of projects.
import { pushTo } from '../multimap.js';
import { projectIdParts } from '../model/ids.js';

export interface NamedProject {
  id: string;
  normName: string;
}

export interface SameAs {
  /** The pair ordered by id, so one link stands for both directions. */
  from: string;
  to: string;
  rule: 'NAME_CONTAINS' | 'SAME_NAME_NO_UNIT';
  score: number;
  note: string;
}

/** Names this short contain too many others to mean anything. */
const MIN_NAME_LENGTH = 4;
const MIN_SCORE = 0.4;
/**
 * Names longer than this are a sentence, not a project's name (the longest project name of the
 * bundled and the real documents has 37 characters), and each costs its length times the lengths
 * it could contain to compare: they are not compared.
 */
export const MAX_NAME_LENGTH = 100;

/**
 * The SAME_AS links between the projects a document brought (`mine`) and every project of its
 * department (`all`, mine included). Each pair once, in the order of `mine` then of `all`.
 */
export function sameAsLinks(mine: NamedProject[], all: NamedProject[]): SameAs[] {
  const comparable = (p: NamedProject) => p.normName.length >= MIN_NAME_LENGTH && p.normName.length <= MAX_NAME_LENGTH;
  const mineAt = mine.map((p, i) => ({ p, i })).filter(({ p }) => comparable(p));
  const allAt = all.map((q, j) => ({ p: q, i: j })).filter(({ p }) => comparable(p));
  // [index in mine, index in all] of every pair where one name contains the other.
  const pairs: [number, number][] = [];
  for (const [outer, inner] of containments(mineAt.map(({ p }) => p.normName), allAt.map(({ p }) => p.normName))) pairs.push([mineAt[outer]!.i, allAt[inner]!.i]);
  for (const [outer, inner] of containments(allAt.map(({ p }) => p.normName), mineAt.map(({ p }) => p.normName))) pairs.push([mineAt[inner]!.i, allAt[outer]!.i]);
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);

  const out = new Map<string, SameAs>();
  for (const [i, j] of pairs) {
    const p = mine[i]!;
    const q = all[j]!;
    if (q.id === p.id) continue;
    const [pu, qu] = [projectIdParts(p.id).unitKey, projectIdParts(q.id).unitKey];
    // Two units' projects are two projects, whatever their names.
    if (pu !== '' && qu !== '' && pu !== qu) continue;
    const score = Math.min(p.normName.length, q.normName.length) / Math.max(p.normName.length, q.normName.length);
    if (score < MIN_SCORE) continue;
    const [a, b] = p.id < q.id ? [p, q] : [q, p];
    const key = `${a.id}\u0000${b.id}`;
    if (out.has(key)) continue;
    if (a.normName === b.normName && (pu === '') !== (qu === '')) {
      const unit = pu === '' ? qu : pu;
      out.set(key, { from: a.id, to: b.id, rule: 'SAME_NAME_NO_UNIT', score: 1, note: `"${a.normName}": printed for the department as a whole (no 预算单位) and for the unit ${unit}; the same project only by name` });
    } else {
      out.set(key, { from: a.id, to: b.id, rule: 'NAME_CONTAINS', score: roundHalfUp(score, 2), note: `"${a.normName}" and "${b.normName}": one name contains the other` });
    }
  }
  return [...out.values()];
}

/**
 * Every [outer, inner] index pair where `inners[inner]` occurs in `outers[outer]` and is at least
 * MIN_SCORE of its length (shorter ones could never be linked). Each outer name's windows of each
 * length some inner name has are hashed in one pass per length and looked up; a hash that matches
 * is checked on the text, so a collision costs a comparison, never a wrong pair.
 */
function containments(outers: string[], inners: string[]): [number, number][] {
  const byLength = new Map<number, Map<number, number[]>>();
  for (const [k, name] of inners.entries()) {
    let table = byLength.get(name.length);
    if (!table) byLength.set(name.length, (table = new Map()));
    pushTo(table, windowHash(name, 0, name.length), k);
  }
  const lengths = [...byLength.keys()].sort((a, b) => a - b);
  const found: [number, number][] = [];
  for (const [o, outer] of outers.entries()) {
    for (const length of lengths) {
      if (length > outer.length) break;
      if (length / outer.length < MIN_SCORE) continue;
      const table = byLength.get(length)!;
      forEachWindow(outer, length, (at, hash) => {
        for (const k of table.get(hash) ?? []) if (outer.startsWith(inners[k]!, at)) found.push([o, k]);
      });
    }
  }
  return found;
}

/** Multiplier of the polynomial hash (odd, so multiplying mod 2^32 loses nothing). */
const BASE = 0x01000193;

/** The hash of text[from, from + length), as forEachWindow computes it. */
function windowHash(text: string, from: number, length: number): number {
  let h = 0;
  for (let k = from; k < from + length; k++) h = (Math.imul(h, BASE) + text.charCodeAt(k)) | 0;
  return h >>> 0;
}

/** Calls `visit` with the start and hash of every window of `length` code units, in one pass. */
function forEachWindow(text: string, length: number, visit: (at: number, hash: number) => void): void {
  // BASE^(length - 1) mod 2^32: the weight of the code unit that leaves the window.
  let top = 1;
  for (let k = 1; k < length; k++) top = Math.imul(top, BASE);
  let h = windowHash(text, 0, length) | 0;
  for (let at = 0; ; at++) {
    visit(at, h >>> 0);
    if (at + length >= text.length) return;
    h = (Math.imul((h - Math.imul(text.charCodeAt(at), top)) | 0, BASE) + text.charCodeAt(at + length)) | 0;
  }
}

/** Rounds half up at `digits` decimals on the number's shortest decimal form (as Cypher's round). */
export function roundHalfUp(x: number, digits: number): number {
  const [int, frac = ''] = String(x).split('.');
  if (frac.length <= digits) return x;
  const kept = Number(`${int}.${frac.slice(0, digits)}`);
  return Number((frac[digits]! >= '5' ? kept + 10 ** -digits : kept).toFixed(digits));
}

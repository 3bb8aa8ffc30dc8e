// Which project (allocation) each government investment project (政府投资项目) reports on. The
// forms and the project tables name the same work in different words (“某某”信息平台 in a form, 某某信息平台项目
// in prose), so names are compared after
// normalisation, then by containment, then by character-bigram overlap — each link carries its
// rule, score and both lines. Nothing is linked silently: an investment project that matches no
// allocation, or two equally well, is a diagnostic.
import { normaliseProjectName } from '../model/names.js';
import type { Diagnostic, InvestmentProject, Project, Source } from '../parse/records.js';

export type ReportRule = 'SAME_NAME' | 'NAME_CONTAINS' | 'NAME_SIMILAR';

export interface InvestmentReport {
  investmentIndex: number;
  /** Index into the allocations' representative listings. */
  allocationIndex: number;
  rule: ReportRule;
  /** 1 for the same normalised name; shorter/longer for containment; bigram Dice otherwise. */
  score: number;
  evidence: Source[];
}

/** Lowest score a containment or similarity match needs. */
export const MIN_SCORE = 0.6;

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const g = text.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Sørensen–Dice coefficient over character bigrams (0..1). */
export function bigramDice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  for (const [g, n] of x) common += Math.min(n, y.get(g) ?? 0);
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

function score(ip: string, project: string): { rule: ReportRule; score: number } | null {
  if (ip === project) return { rule: 'SAME_NAME', score: 1 };
  const [short, long] = ip.length <= project.length ? [ip, project] : [project, ip];
  if (short.length >= 4 && long.includes(short)) {
    const s = short.length / long.length;
    return s >= MIN_SCORE ? { rule: 'NAME_CONTAINS', score: s } : null;
  }
  const d = bigramDice(ip, project);
  return d >= MIN_SCORE ? { rule: 'NAME_SIMILAR', score: d } : null;
}

export function linkInvestmentsToAllocations(investments: InvestmentProject[], allocations: Project[], diagnostics: Diagnostic[]): InvestmentReport[] {
  const names = allocations.map((a) => normaliseProjectName(a.name));
  const out: InvestmentReport[] = [];
  investments.forEach((ip, i) => {
    const own = normaliseProjectName(ip.name);
    const candidates = names
      .map((n, k) => ({ k, m: score(own, n) }))
      .filter((c): c is { k: number; m: { rule: ReportRule; score: number } } => c.m !== null)
      .sort((a, b) => b.m.score - a.m.score);
    if (candidates.length === 0) {
      diagnostics.push({ level: 'INFO', code: 'INVESTMENT_WITHOUT_PROJECT', message: `investment project ${ip.name} (${ip.code}) matches no project of the document by name; it is tied to its unit only`, line: ip.source.line });
      return;
    }
    const best = candidates[0]!;
    const tied = candidates.filter((c) => Math.abs(c.m.score - best.m.score) < 1e-9 && c.k !== best.k);
    if (tied.length && best.m.rule !== 'SAME_NAME') {
      diagnostics.push({ level: 'WARNING', code: 'INVESTMENT_PROJECT_AMBIGUOUS', message: `investment project ${ip.name} matches ${[best, ...tied].map((c) => allocations[c.k]!.name).join(' / ')} equally (${best.m.rule} ${best.m.score.toFixed(2)}); not linked`, line: ip.source.line });
      return;
    }
    // Every allocation with the same name gets the link (one project printed for two units).
    for (const c of best.m.rule === 'SAME_NAME' ? candidates.filter((x) => x.m.rule === 'SAME_NAME') : [best]) {
      out.push({ investmentIndex: i, allocationIndex: c.k, rule: c.m.rule, score: Math.round(c.m.score * 1000) / 1000, evidence: [ip.source, allocations[c.k]!.source] });
    }
  });
  return out;
}

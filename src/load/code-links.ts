// Project → 功能分类 code links, each with how it was established:
//   DIRECT      a table prints the project's code
//   NAMED       the project (or its task) is named after the code's 项 name
//   RECONCILED  amounts prove it to the fen: one project, or a unique subset of projects,
//               equals the code line's 项目支出 column
//   SPLIT       (trail-reconcile.ts) one project's money spread over two lines
import { formatWan, halfUnitOfPrinted } from '../model/money.js';
import type { LinkMethod } from '../model/codes.js';
import type { BudgetLine, Diagnostic, InvestmentProject, Project, Source } from '../parse/records.js';



export interface CodeLink {
  projectIndex: number;
  code: string;
  method: LinkMethod;
  evidence: Source[];
  note: string;
  /** The part of the project's money booked on this line, when it is not all of it (SPLIT). */
  amountFen?: bigint;
}

const MAX_SUBSET_PROJECTS = 22;

/**
 * @param actual final accounts (决算): amounts reconcile against the ACTUAL lines with what each
 *   project spent (executed), not against a budget.
 */
export function linkProjectsToCodes(projects: Project[], lines: BudgetLine[], diagnostics: Diagnostic[], actual = false): CodeLink[] {
  const basis = actual ? 'ACTUAL' : 'BUDGET';
  const money = (p: Project) => (actual ? (p.executed ?? p.amount) : p.amount);
  const links: CodeLink[] = [];
  const itemLines = lines.filter((l) => l.scheme === 'FUNCTION' && l.level === 3);
  const byName = new Map<string, BudgetLine[]>();
  for (const l of itemLines) {
    const list = byName.get(l.name) ?? [];
    if (!list.some((x) => x.code === l.code)) list.push(l);
    byName.set(l.name, list);
  }
  projects.forEach((p, i) => {
    if (p.functionCode) {
      links.push({ projectIndex: i, code: p.functionCode, method: 'DIRECT', evidence: [p.source], note: `${p.source.table} prints 科目编码 ${p.functionCode}` });
      return;
    }
    for (const candidate of [p.parent, p.name]) {
      if (!candidate) continue;
      const matches = byName.get(candidate.replace(/\s+/g, '')) ?? [];
      if (matches.length === 1) {
        const line = matches[0]!;
        links.push({ projectIndex: i, code: line.code, method: 'NAMED', evidence: [p.source, line.source], note: `${candidate === p.parent ? 'task' : 'project'} "${candidate}" is the name of 项 ${line.code}` });
        return;
      }
      if (matches.length > 1) {
        diagnostics.push({ level: 'INFO', code: 'NAMED_LINK_AMBIGUOUS', message: `"${candidate}" names ${matches.map((m) => m.code).join(', ')}; no NAMED link made`, line: p.source.line });
      }
    }
  });

  // RECONCILED: per 项 line, the unique set of projects whose amounts add up exactly. A
  // NAMED project is tested too: amounts can confirm the name, or contradict it (both kept).
  const linked = new Set(links.filter((l) => l.method === 'DIRECT').map((l) => l.projectIndex));
  // An item the document files under a 项 that has no 项目支出 is basic expenditure, not a project.
  for (const l of links) {
    if (l.method !== 'NAMED') continue;
    const line = itemLines.find((x) => x.code === l.code && x.basis === basis);
    if (line && line.project === 0n) linked.add(l.projectIndex);
  }
  const seenCodes = new Set<string>();
  for (const line of itemLines) {
    if (line.basis !== basis || line.project === null || line.project <= 0n || seenCodes.has(line.code)) continue;
    seenCodes.add(line.code);
    const pool = projects.map((p, i) => ({ p, i, v: money(p) })).filter(({ i, v }) => !linked.has(i) && v !== null && v > 0n && v <= line.project!);
    if (pool.length === 0 || pool.length > MAX_SUBSET_PROJECTS) continue;
    const solutions = subsetsSumming(pool.map((x) => x.v!), line.project, 2);
    if (solutions.length !== 1) {
      if (solutions.length > 1) diagnostics.push({ level: 'INFO', code: 'RECONCILE_AMBIGUOUS', message: `several sets of projects add up to ${line.code}'s 项目支出; none chosen`, line: line.source.line });
      continue;
    }
    const chosen = solutions[0]!.map((k) => pool[k]!);
    for (const { i } of chosen) {
      linked.add(i);
      links.push({
        projectIndex: i,
        code: line.code,
        method: 'RECONCILED',
        evidence: [line.source, ...chosen.map((c) => c.p.source)],
        note: chosen.length === 1 ? `amount equals ${line.code} 项目支出 exactly` : `${chosen.length} projects add up exactly to ${line.code} 项目支出, and no other set does`,
      });
    }
  }
  // A line no project reaches exactly: one project whose money is the line's amount to the line's
  // printed precision (100.1238 spent, the line prints 100.12), and only one, is its project.
  const reached = new Set(links.map((l) => l.code));
  for (const line of itemLines) {
    if (line.basis !== basis || line.project === null || line.project <= 0n || reached.has(line.code)) continue;
    const half = halfUnitOfPrinted(line.project);
    const fits = projects.map((p, i) => ({ p, i, v: money(p) })).filter(({ i, v }) => !linked.has(i) && v !== null && v - line.project! >= -half && v - line.project! < half);
    if (fits.length !== 1) continue;
    const { p, i, v } = fits[0]!;
    linked.add(i);
    reached.add(line.code);
    links.push({ projectIndex: i, code: line.code, method: 'RECONCILED', evidence: [line.source, p.source], note: `amount ${formatWan(v!)} equals ${line.code} 项目支出 ${formatWan(line.project)} to the line's printed precision, and no other project does` });
  }
  // The natural group: a line still unreached that all the document's remaining level-1 projects
  // add up to, within their rounding (six tasks Σ 100.01 against a line's 100.00), and
  // no other line does. Level-2 items are left out: they restate their level-1 project's money.
  const group = projects.map((p, i) => ({ p, i, v: money(p) })).filter(({ p, i, v }) => !linked.has(i) && p.level !== 2 && v !== null && v > 0n);
  if (group.length >= 2) {
    const sum = group.reduce((a, g) => a + g.v!, 0n);
    const slack = group.reduce((a, g) => a + halfUnitOfPrinted(g.v!), 0n);
    const fitting = itemLines.filter((line, k) => line.basis === basis && line.project !== null && line.project > 0n && !reached.has(line.code) && itemLines.findIndex((x) => x.code === line.code) === k && sum - line.project <= slack && line.project - sum <= slack);
    if (fitting.length === 1) {
      const line = fitting[0]!;
      for (const { i } of group) {
        linked.add(i);
        links.push({ projectIndex: i, code: line.code, method: 'RECONCILED', evidence: [line.source, ...group.map((g) => g.p.source)], note: `all ${group.length} remaining projects of the document add up to ${formatWan(sum)}, ${line.code} 项目支出 ${formatWan(line.project!)} to their rounding (Δ ${formatWan(sum - line.project!)}), and no other line does` });
      }
    }
  }
  return links;
}


/** Index sets of `values` (each positive) summing to `target`; stops after `limit` solutions. */
export function subsetsSumming(values: bigint[], target: bigint, limit: number): number[][] {
  const out: number[][] = [];
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => (a.v > b.v ? -1 : a.v < b.v ? 1 : 0));
  const suffix: bigint[] = new Array(order.length + 1).fill(0n);
  for (let k = order.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + order[k]!.v;
  const pick: number[] = [];
  const walk = (k: number, remaining: bigint): void => {
    if (out.length >= limit) return;
    if (remaining === 0n) {
      out.push([...pick].sort((a, b) => a - b));
      return;
    }
    if (k >= order.length || remaining < 0n || suffix[k]! < remaining) return;
    pick.push(order[k]!.i);
    walk(k + 1, remaining - order[k]!.v);
    pick.pop();
    walk(k + 1, remaining);
  };
  walk(0, target);
  return out;
}

export interface InvestmentLink {
  investmentIndex: number;
  code: string;
  evidence: Source[];
  note: string;
}

/**
 * Investment project (政府投资项目) → the 项 its money was booked under, when amounts prove it:
 * the year's completed investment equals a 项 line's 项目支出 (决算: spent) exactly and no other
 * line has that amount. Anything less than an exact, unique match makes no link.
 */
export function linkInvestmentsToCodes(investments: InvestmentProject[], lines: BudgetLine[], diagnostics: Diagnostic[]): InvestmentLink[] {
  const items = lines.filter((l) => l.scheme === 'FUNCTION' && l.level === 3 && l.project !== null && l.project > 0n);
  const out: InvestmentLink[] = [];
  investments.forEach((ip, i) => {
    if (ip.completedInYear === null || ip.completedInYear <= 0n) return;
    const codes = [...new Map(items.filter((l) => l.project === ip.completedInYear).map((l) => [l.code, l])).values()];
    if (codes.length === 1) {
      const line = codes[0]!;
      out.push({ investmentIndex: i, code: line.code, evidence: [ip.source, line.source], note: `本年完成投资 equals ${line.code} 项目支出 exactly, and no other 项 line does` });
    } else if (codes.length > 1) {
      diagnostics.push({ level: 'INFO', code: 'INVESTMENT_RECONCILE_AMBIGUOUS', message: `${ip.code}: several 项 lines equal its completed investment; none chosen`, line: ip.source.line });
    }
  });
  return out;
}

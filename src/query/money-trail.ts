// Money trail (资金去向): for a department and year, each 功能分类 项 line's project money
// (项目支出: the budget's, or the actual of final accounts) and what explains it — the projects
// and investment projects booked under that code, each by the link the loader established
// (DIRECT printed, NAMED by the 项 name, RECONCILED proved by exact sums — of projects, or of all
// the document's investment projects together with them — and SPLIT, one project over two lines). What stays unexplained
// is a figure: projectMoney = explained + unexplained, exactly, per line and in total. A negative
// unexplained amount means more money is linked to the line than it prints (a contradiction the
// anomalies report).
//
// Which lines: a document prints the same 项 in several tables (部门支出总表, 一般公共预算支出表 …);
// counting each would count the money twice, so the trail reads ONE table — the document's
// 功能分类 primary table, marked on its lines at load (src/model/document-tables.ts), the same
// table its headline total and the aggregates read — at the 项 level only.
import type { SourceRef } from './records.js';
import { sourceFromJson } from './rows.js';

import { LINK_METHOD_NAMES, countedAmount, countedLinks, linkRank as rankOf, type LinkMethod } from '../model/codes.js';

export type ContributionMethod = LinkMethod;

/** A stored link's method, checked to be one of the link methods (a statement bug throws, never casts). */
function methodOf(method: string): ContributionMethod {
  const found = LINK_METHOD_NAMES.find((m) => m === method);
  if (found === undefined) throw new Error(`stored link method ${method} is not one of ${LINK_METHOD_NAMES.join(' | ')}`);
  return found;
}

export interface TrailLineInput {
  id: string;
  code: string;
  name: string | null;
  projectFen: bigint | null;
  basis: string;
  /** A line of the document's primary table (BudgetLine.primary). */
  primary: boolean;
  srcTable: string | null;
  srcLine: number | null;
  srcText: string | null;
  /** The 预算单位 the line is printed for; null for a line of the department as a whole. */
  unit: string | null;
  unitId: string | null;
}

export interface TrailLinkInput {
  allocationId: string;
  name: string;
  amountFen: bigint | null;
  executedFen: bigint | null;
  /** The part booked on this line when it is not the whole amount (SPLIT and its partner link). */
  partFen?: bigint | null;
  /** null: an allocation of the department as a whole. */
  unitId: string | null;
  code: string;
  method: string;
  note: string | null;
  evidence: string[];
}

export interface TrailInvestmentLinkInput {
  investment: Record<string, unknown> & { id: string };
  amountFen: bigint | null;
  code: string;
  method: string;
  note: string | null;
  evidence: string[];
}

export interface TrailInput {
  department: { id: string; name: string };
  document: { id: string; file: string; title: string; year: number; kinds: string[] };
  lines: TrailLineInput[];
  links: TrailLinkInput[];
  investmentLinks: TrailInvestmentLinkInput[];
}

/** A row of cypher/money-trail.cypher: an input, and how many departments the name matched with a document of the year (past one, the rows only name a few, their lines and links empty). */
export interface TrailRow extends TrailInput {
  departmentCount: number;
}

/** Document rows a name matching several departments is answered with (cypher/money-trail.cypher `$listed`). */
export const MONEY_TRAIL_LISTED = 10;

export interface ContributionRow {
  amountFen: bigint;
  method: ContributionMethod;
  note: string | null;
  allocationId: string | null;
  investment: (Record<string, unknown> & { id: string }) | null;
  evidence: SourceRef[];
}

export interface TrailLineRow {
  lineId: string;
  code: string;
  name: string | null;
  unit: string | null;
  projectMoneyFen: bigint;
  explainedFen: bigint;
  unexplainedFen: bigint;
  source: SourceRef;
  contributions: ContributionRow[];
}

export interface MoneyTrailRow {
  departmentId: string;
  departmentName: string;
  documentId: string;
  /** ACTUAL for final accounts (决算), BUDGET otherwise. */
  basis: 'BUDGET' | 'ACTUAL';
  table: string | null;
  projectMoneyFen: bigint;
  explainedFen: bigint;
  unexplainedFen: bigint;
  lines: TrailLineRow[];
}

export function computeMoneyTrail(input: TrailInput): MoneyTrailRow {
  const actual = input.document.kinds.includes('FINAL_ACCOUNTS');
  const lines = input.lines.filter((l) => l.primary && l.projectFen !== null).sort((a, b) => (a.srcLine ?? 0) - (b.srcLine ?? 0));
  const table = input.lines.find((l) => l.primary)?.srcTable ?? null;
  // Several units' lines of one code in the chosen table: each unit is explained by its own allocations.
  const unitsPerCode = new Map<string, Set<string | null>>();
  for (const l of lines) unitsPerCode.set(l.code, (unitsPerCode.get(l.code) ?? new Set()).add(l.unitId));

  // One link per (allocation, code): the strongest method.
  const best = new Map<string, TrailLinkInput>();
  for (const k of input.links) {
    const key = `${k.allocationId}\u0000${k.code}`;
    const held = best.get(key);
    if (!held || rankOf(k.method) < rankOf(held.method)) best.set(key, k);
  }
  // A project's money is counted once: where its strongest link puts it (培训经费 NAMED under
  // 2010302 by its task but RECONCILED to 2050803 by amount counts at 2050803 only); a split
  // project counts at each of its lines with its part.
  const links = countedLinks([...best.values()], (k) => k.allocationId);

  const out: TrailLineRow[] = lines.map((l) => {
    const perUnit = (unitsPerCode.get(l.code)?.size ?? 0) > 1;
    const contributions: ContributionRow[] = [];
    for (const k of links) {
      if (k.code !== l.code || (perUnit && k.unitId !== l.unitId)) continue;
      const amount = countedAmount({ partFen: k.partFen ?? null, amountFen: k.amountFen, executedFen: k.executedFen }, actual) ?? 0n;
      contributions.push({ amountFen: amount, method: methodOf(k.method), note: k.note, allocationId: k.allocationId, investment: null, evidence: k.evidence.map(sourceFromJson) });
    }
    for (const k of input.investmentLinks) {
      if (k.code !== l.code || perUnit) continue;
      contributions.push({ amountFen: k.amountFen ?? 0n, method: methodOf(k.method), note: k.note, allocationId: null, investment: k.investment, evidence: k.evidence.map(sourceFromJson) });
    }
    contributions.sort((a, b) => rankOf(a.method) - rankOf(b.method) || (b.amountFen > a.amountFen ? 1 : b.amountFen < a.amountFen ? -1 : 0));
    const projectMoney = l.projectFen ?? 0n;
    const explained = contributions.reduce((s, c) => s + c.amountFen, 0n);
    return {
      lineId: l.id,
      code: l.code,
      name: l.name,
      unit: l.unit,
      projectMoneyFen: projectMoney,
      explainedFen: explained,
      unexplainedFen: projectMoney - explained,
      source: { documentId: input.document.id, table: l.srcTable, line: l.srcLine, text: l.srcText },
      contributions,
    };
  });
  const sum = (f: (l: TrailLineRow) => bigint) => out.reduce((s, l) => s + f(l), 0n);
  return {
    departmentId: input.department.id,
    departmentName: input.department.name,
    documentId: input.document.id,
    basis: actual ? 'ACTUAL' : 'BUDGET',
    table,
    projectMoneyFen: sum((l) => l.projectMoneyFen),
    explainedFen: sum((l) => l.explainedFen),
    unexplainedFen: sum((l) => l.unexplainedFen),
    lines: out,
  };
}

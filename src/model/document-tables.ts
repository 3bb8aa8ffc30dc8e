// Which of a document's tables stands for the document — one rule, declared once (issue 25).
// A document prints the same 科目 in several tables (部门支出总表, 一般公共预算支出表, 政府性基金
// 预算支出表 …); counting each would count its money two or three times. The load marks the lines
// of the chosen table (BudgetLine.primary) and reads the headline total from it; the aggregates
// and the money trail read the mark, so every question counts the same table.

/** 资金性质: the fund a table is restricted to by its title, or null for a table of all funds. */
export const FUND_TITLES = [
  { fund: '政府性基金预算', matches: /政府性基金/ },
  { fund: '国有资本经营预算', matches: /国有资本经营/ },
  { fund: '一般公共预算', matches: /一般公共预算/ },
] as const;

/** Title words of an expenditure table (支出总表 / 支出决算表), as opposed to income or 收支 tables' code lists. */
const EXPENDITURE_TITLE = /支出/;

export function fundOfTable(title: string): string | null {
  return FUND_TITLES.find((f) => f.matches.test(title))?.fund ?? null;
}

/** A fund table's place when a fund's table must stand for the document: 一般公共预算 first. */
const FUND_PREFERENCE = ['一般公共预算', '政府性基金预算', '国有资本经营预算'];
const fundRank = (title: string): number => FUND_PREFERENCE.indexOf(fundOfTable(title) ?? '');

/** What the rule reads of a printed line. */
export interface TableLine {
  scheme: string;
  level: number | null;
  project: bigint | null;
  source: { table: string; line: number };
}

/**
 * Per scheme, the table whose lines stand for the document: a table of all funds (a fund's own
 * table breaks the whole down); for 功能分类 one whose title says 支出, and among those the one
 * printing the most 项 lines with a 项目支出 figure (the money trail's lines); ties and every other
 * scheme: the first printed. A scheme printed only in fund tables falls back to its first table.
 */
export function primaryTables(lines: readonly TableLine[]): Map<string, string> {
  const out = new Map<string, string>();
  const schemes = [...new Set(lines.map((l) => l.scheme))];
  for (const scheme of schemes) {
    const stats = new Map<string, { first: number; itemsWithProject: number }>();
    for (const l of lines) {
      if (l.scheme !== scheme) continue;
      const s = stats.get(l.source.table) ?? { first: l.source.line, itemsWithProject: 0 };
      s.first = Math.min(s.first, l.source.line);
      if (l.level === 3 && l.project !== null) s.itemsWithProject++;
      stats.set(l.source.table, s);
    }
    const printed = [...stats.entries()].sort((a, b) => a[1].first - b[1].first);
    const allFunds = printed.filter(([t]) => fundOfTable(t) === null);
    let pick = allFunds[0] ?? printed[0];
    if (scheme === 'FUNCTION') {
      const expenditure = allFunds.filter(([t]) => EXPENDITURE_TITLE.test(t));
      // Stable sort: among equals the first printed stays first.
      const best = [...expenditure].sort((a, b) => b[1].itemsWithProject - a[1].itemsWithProject)[0];
      // No expenditure table of all funds printed (a 决算 that leaves out its 支出决算表): a fund's
      // own expenditure table stands for the document before any table of income, whose lines are
      // money received, not spent — the fund most of a department's money is in first
      // (FUND_PREFERENCE), and the headline total then says it is one fund's (load/plan/document.ts).
      const fundExpenditure = printed.filter(([t]) => fundOfTable(t) !== null && EXPENDITURE_TITLE.test(t)).sort((a, b) => fundRank(a[0]) - fundRank(b[0]));
      pick = best ?? fundExpenditure[0] ?? pick;
    }
    if (pick) out.set(scheme, pick[0]);
  }
  return out;
}

/**
 * The tables the headline total is looked for in, in order: the 功能分类 primary table first, then
 * the document's other 功能分类 tables (expenditure tables before the rest), for a document whose
 * primary table prints no 合计.
 */
export function totalTables(lines: readonly TableLine[]): string[] {
  const primary = primaryTables(lines).get('FUNCTION');
  const tables = [...new Set(lines.filter((l) => l.scheme === 'FUNCTION').map((l) => l.source.table))];
  const ordered = [...tables.filter((t) => EXPENDITURE_TITLE.test(t)), ...tables.filter((t) => !EXPENDITURE_TITLE.test(t))];
  return primary ? [primary, ...ordered.filter((t) => t !== primary)] : ordered;
}

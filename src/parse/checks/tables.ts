// Rules between tables: one amount printed by two tables of the document must be one amount. The
// summary tables (收入支出决算总表, 财政拨款收支总表 …) print each 类 as a numbered row
// (八、社会保障和就业支出 326.71); the classification tables print its line (208 社会保障和就业支出 326.72).
import { formatWan } from '../../model/money.js';
import { printedRounding, type PrintedFigure } from '../anomalies.js';
import type { Anomaly, BudgetLine, Figure, Source } from '../records.js';
import { pushTo } from '../../multimap.js';
import { group } from '../matches.js';
import { compared, printsAmount, printsTotal, tableAmount } from './passages.js';
import { nameKey } from './prose-tables.js';
import type { CheckContext, CheckRule } from './rule.js';

type PrintedLine = BudgetLine & { total: bigint };
type PrintedFigureRow = Figure & { amount: bigint };
import { BASIC_EXPENDITURE_TABLES, ROW_LABELS, TITLE_WORDS } from '../glossary/index.js';

const SUMMARY = TITLE_WORDS.incomeExpenditureSummary;

/**
 * Each 类 row of a summary table against the 类 lines of the same name: a finding when no amount
 * the row prints (合计, 一般公共预算 …) agrees with any line of that name, at the precision printed.
 */
function summaryRowsAgainstClassLines(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  const classes = new Map<string, PrintedLine[]>();
  for (const l of ctx.doc.lines.filter(printsTotal)) {
    // The summary's 支出 side is what was spent: the 支出 tables' lines, not the 收入决算表's (income by function).
    if (l.scheme !== 'FUNCTION' || l.level !== 1 || !TITLE_WORDS.expenditure.test(l.source.table)) continue;
    pushTo(classes, nameKey(l.name), l);
  }
  // Each summary row naming a 类, with the figures it prints: keyed by table, line and the class's name.
  const rows = new Map<string, { name: string; figures: PrintedFigureRow[] }>();
  for (const f of ctx.doc.figures.filter(printsAmount)) {
    const m = ROW_LABELS.numberedClass.exec(f.item.replace(/\s/g, ''));
    if (!m || !SUMMARY.test(f.source.table)) continue;
    const name = nameKey(group(m, 1));
    const key = `${f.source.table}|${f.source.line}|${name}`;
    const row = rows.get(key);
    if (row) row.figures.push(f);
    else rows.set(key, { name, figures: [f] });
  }
  for (const { name, figures } of rows.values()) {
    const lines = classes.get(name) ?? [];
    const [f] = figures;
    if (lines.length === 0 || !f) continue;
    // Two roundings of one amount differ by less than a unit of the last digit printed; equal is the same.
    const distance = (f: PrintedFigureRow, l: PrintedLine) => {
      const d = f.amount - l.total;
      return { d: d < 0n ? -d : d, unit: tableAmount(f.amount, f.value).half + tableAmount(l.total, l.source.text).half };
    };
    // One printed the other rounded (326.7 and 326.74): the same amount. Anything else is said.
    if (figures.some((f) => lines.some((l) => compared(tableAmount(f.amount, f.value), tableAmount(l.total, l.source.text)) === 'SAME'))) continue;
    const l = lines.reduce((best, x) => (distance(f, x).d < distance(f, best).d ? x : best));
    const { d, unit } = distance(f, l);
    // One unit of the last digit: a row summed from rounded parts, or a typo — said, as INFO.
    const oneUnit = d <= unit;
    out.push({
      kind: 'TABLES_DISAGREE',
      severity: oneUnit ? 'INFO' : 'WARNING',
      message: `${f.source.table} prints ${f.item} ${formatWan(f.amount)} 万元 (line ${f.source.line}); ${l.source.table} prints ${l.code} ${l.name} ${formatWan(l.total)} 万元 (line ${l.source.line})${oneUnit ? ' — one unit of the last digit printed' : ''}`,
      delta: f.amount - l.total,
      sources: [f.source, l.source],
    });
  }
  return out;
}

/**
 * The 基本支出 column of the 一般公共预算 function table (its 合计 row) against the economic table of
 * 基本支出 that details it: its printed 合计, else the sum of its 类 lines, and the sum of its
 * lowest lines (款, the lines with no child printed). The lowest lines are summed too because a
 * 类 line can agree with the total while its 款 do not (a 款 changed under a 类 left as printed,
 * or a 类 rounded apart from its 款). Inside the rounding of every figure summed (each to its
 * last printed digit, nothing when printed to the 分) an INFO; beyond it a WARNING.
 */
function basicExpenditureAgainstEconomicTable(ctx: CheckContext): Anomaly[] {
  const { doc } = ctx;
  const words = BASIC_EXPENDITURE_TABLES;
  const unitOf = (table: string) => doc.tableUnits?.find((u) => u.table === table)?.unit ?? doc.meta.moneyUnit;
  const basics: { fen: bigint; source: Source }[] = [];
  for (const t of doc.totals) {
    const title = t.source.table;
    if (t.unit !== null || t.basic === null || !words.generalBudget.test(title) || words.basic.test(title) || words.income.test(title) || !TITLE_WORDS.expenditure.test(title)) continue;
    basics.push({ fen: t.basic, source: t.source });
  }
  const economic = new Map<string, { fen: bigint; line: BudgetLine }[]>();
  for (const l of doc.lines) {
    if (l.scheme !== 'ECONOMIC' || l.unit !== null || l.total === null || !words.basic.test(l.source.table) || !words.generalBudget.test(l.source.table)) continue;
    pushTo(economic, l.source.table, { fen: l.total, line: l });
  }
  // One of each: with two 一般公共预算 function tables (or two economic ones) which pairs with which is not told.
  const basic = basics[0];
  const only = [...economic][0];
  if (basics.length !== 1 || economic.size !== 1 || !basic || !only) return [];
  const [table, lines] = only;
  const printedTotal = doc.totals.find((t) => t.source.table === table && t.unit === null && t.total !== null);
  const classes = lines.filter((l) => l.line.level === 1);
  const lowest = lines.filter((l) => !lines.some((c) => c !== l && c.line.code.length > l.line.code.length && c.line.code.startsWith(l.line.code)));
  const summed = (what: string, parts: { fen: bigint; line: BudgetLine }[]) => ({
    what,
    fen: parts.reduce((sum, p) => sum + p.fen, 0n),
    figures: parts.map((p): PrintedFigure => ({ fen: p.fen, text: p.line.source.text })),
    sources: parts.map((p) => p.line.source),
  });
  const sums: ReturnType<typeof summed>[] = [];
  if (printedTotal?.total != null) sums.push({ what: 'prints 合计', fen: printedTotal.total, figures: [{ fen: printedTotal.total, text: printedTotal.source.text }], sources: [printedTotal.source] });
  else if (classes.length > 0) sums.push(summed(`sums its ${classes.length} 类 lines to`, classes));
  // The lowest lines are the 类 themselves when no 款 is printed: said once.
  if (lowest.some((l) => l.line.level !== 1)) sums.push(summed(`sums its ${lowest.length} lowest lines (款) to`, lowest));
  const out: Anomaly[] = [];
  for (const s of sums) {
    const delta = basic.fen - s.fen;
    if (delta === 0n) continue;
    const rounding = printedRounding([{ fen: basic.fen, text: basic.source.text }], unitOf(basic.source.table)) + printedRounding(s.figures, unitOf(table));
    const inside = (delta < 0n ? -delta : delta) <= rounding;
    out.push({
      kind: 'TABLES_DISAGREE',
      severity: inside ? 'INFO' : 'WARNING',
      message: `${basic.source.table} prints 基本支出 ${formatWan(basic.fen)} 万元 (line ${basic.source.line}); ${table}, which details it, ${s.what} ${formatWan(s.fen)} 万元 (Δ ${formatWan(delta)})${inside ? `; within the rounding of the printed figures, which allows ±${formatWan(rounding)} 万元 here` : ''}`,
      delta,
      sources: [basic.source, ...s.sources],
    });
  }
  return out;
}

export const TABLE_RULES: CheckRule[] = [
  {
    code: 'SUMMARY_ROW_CLASS_LINE',
    kind: 'TABLES_DISAGREE',
    family: 'ARITHMETIC',
    severity: 'WARNING',
    compares: 'a 类 row of a summary table (收入支出总表, 财政拨款收支总表) with the 类 line of that name in the expenditure (支出) tables, at the precision printed',
    why: 'one class, one amount: a summary that differs from its own detail tables (326.71 against 326.72) has a figure typed, not carried over',
    run: summaryRowsAgainstClassLines,
  },
  {
    code: 'BASIC_EXPENDITURE_ECONOMIC',
    kind: 'TABLES_DISAGREE',
    family: 'ARITHMETIC',
    severity: 'WARNING',
    compares: 'the 基本支出 total of the 一般公共预算 function table with the economic table of 基本支出 (its 合计 or Σ 类, and Σ its lowest lines); INFO inside the rounding of the printed figures',
    why: 'the economic table breaks down the same 基本支出 by what it buys; a sum that differs has a figure typed in one of the two tables',
    run: basicExpenditureAgainstEconomicTable,
  },
];

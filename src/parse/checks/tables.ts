// Rules between tables: one amount printed by two tables of the document must be one amount. The
// summary tables (收入支出决算总表, 财政拨款收支总表 …) print each 类 as a numbered row
// (八、社会保障和就业支出 326.71); the classification tables print its line (208 社会保障和就业支出 326.72).
import { formatWan } from '../../model/money.js';
import type { Anomaly, BudgetLine, Figure } from '../records.js';
import { compared, tableAmount } from './passages.js';
import { nameKey } from './prose-tables.js';
import type { CheckContext, CheckRule } from './rule.js';
import { ROW_LABELS, TITLE_WORDS } from '../glossary/index.js';

const SUMMARY = TITLE_WORDS.incomeExpenditureSummary;

/**
 * Each 类 row of a summary table against the 类 lines of the same name: a finding when no amount
 * the row prints (合计, 一般公共预算 …) agrees with any line of that name, at the precision printed.
 */
function summaryRowsAgainstClassLines(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  const classes = new Map<string, BudgetLine[]>();
  for (const l of ctx.doc.lines) {
    // The summary's 支出 side is what was spent: the 支出 tables' lines, not the 收入决算表's (income by function).
    if (l.scheme !== 'FUNCTION' || l.level !== 1 || l.total === null || !TITLE_WORDS.expenditure.test(l.source.table)) continue;
    const key = nameKey(l.name);
    (classes.get(key) ?? classes.set(key, []).get(key)!).push(l);
  }
  const rows = new Map<string, Figure[]>();
  for (const f of ctx.doc.figures) {
    const m = ROW_LABELS.numberedClass.exec(f.item.replace(/\s/g, ''));
    if (!m || f.amount === null || !SUMMARY.test(f.source.table)) continue;
    const key = `${f.source.table}|${f.source.line}|${nameKey(m[1]!)}`;
    (rows.get(key) ?? rows.set(key, []).get(key)!).push(f);
  }
  for (const [key, figures] of rows) {
    const lines = classes.get(key.split('|')[2]!) ?? [];
    if (lines.length === 0) continue;
    // Two roundings of one amount differ by less than a unit of the last digit printed; equal is the same.
    const distance = (f: Figure, l: BudgetLine) => {
      const d = f.amount! - l.total!;
      return { d: d < 0n ? -d : d, unit: tableAmount(f.amount!, f.value).half + tableAmount(l.total!, l.source.text).half };
    };
    // One printed the other rounded (326.7 and 326.74): the same amount. Anything else is said.
    if (figures.some((f) => lines.some((l) => compared(tableAmount(f.amount!, f.value), tableAmount(l.total!, l.source.text)) === 'SAME'))) continue;
    const f = figures[0]!;
    const l = lines.reduce((best, x) => (distance(f, x).d < distance(f, best).d ? x : best));
    const { d, unit } = distance(f, l);
    // One unit of the last digit: a row summed from rounded parts, or a typo — said, as INFO.
    const oneUnit = d <= unit;
    out.push({
      kind: 'TABLES_DISAGREE',
      severity: oneUnit ? 'INFO' : 'WARNING',
      message: `${f.source.table} prints ${f.item} ${formatWan(f.amount!)} 万元 (line ${f.source.line}); ${l.source.table} prints ${l.code} ${l.name} ${formatWan(l.total!)} 万元 (line ${l.source.line})${oneUnit ? ' — one unit of the last digit printed' : ''}`,
      delta: f.amount! - l.total!,
      sources: [f.source, l.source],
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
];

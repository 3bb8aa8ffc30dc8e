// The 基本支出 说明's lists of items against the economic table of 基本支出 of the same document: the
// section says what 人员经费 and 公用经费 "主要包括" (基本工资、津贴补贴…), the table prints a row for
// each item under 人员经费合计 or 公用经费合计, a figure where money was spent. A name listed whose
// row prints nothing, or a row printing a figure that the list leaves out, is the list of another
// year or a neighbouring row taken by mistake (财政局 2024 决算: 个人农业生产补贴 listed, blank; 奖励金
// 0.31 left out). Compared only where the list's group amount is the table's total of that group, so
// the two are of one scope; a row printing 0.00 may hold an amount under the printed digit and is
// neither side.
import { formatWan } from '../../model/money.js';
import { group } from '../matches.js';
import type { Anomaly, BudgetLine, Figure } from '../records.js';
import { BASIC_ITEM_LISTS } from '../glossary/index.js';
import { compared, passages, printedWan, printsAmount, sourceAt, tableAmount } from './passages.js';
import { nameKey } from './prose-tables.js';
import type { CheckContext, CheckRule } from './rule.js';

const WORDS = BASIC_ITEM_LISTS;

/** A name as the list and the table both print it: decoration out, a trailing 支出 dropped. */
const itemKey = (name: string) => nameKey(name).replace(WORDS.expenditureSuffix, '');

/** The first cell a record read: where its block of columns starts. */
const firstCell = (r: { cellsRead?: number[] }) => r.cellsRead?.[0] ?? null;

/**
 * The economic table of 基本支出 printing 人员经费合计 and 公用经费合计, each with the lines of its
 * block of columns (the 决算 prints the two side by side: a line belongs to the total whose label
 * cell is the last at or left of the line's first cell); null unless exactly one table prints both.
 */
function groupsOfTable(ctx: CheckContext): Map<string, { total: Figure & { amount: bigint }; lines: BudgetLine[] }> | null {
  const totals = ctx.doc.figures.filter(printsAmount).filter((f) => f.family === 'BASIC_EXPENDITURE' && (WORDS.personnelTotal.test(f.item) || WORDS.publicTotal.test(f.item)));
  const tables = new Set(totals.map((f) => f.source.table));
  const [table] = tables;
  if (tables.size !== 1 || table === undefined) return null;
  const personnel = totals.find((f) => WORDS.personnelTotal.test(f.item));
  const pub = totals.find((f) => WORDS.publicTotal.test(f.item));
  if (!personnel || !pub || totals.length !== 2) return null;
  const [pCell, gCell] = [firstCell(personnel), firstCell(pub)];
  if (pCell === null || gCell === null || pCell === gCell) return null;
  const blocks = [
    { name: '人员经费', total: personnel, from: pCell },
    { name: '公用经费', total: pub, from: gCell },
  ].sort((a, b) => a.from - b.from);
  const out = new Map(blocks.map((b) => [b.name, { total: b.total, lines: new Array<BudgetLine>() }]));
  for (const l of ctx.doc.lines) {
    const at = firstCell(l);
    if (l.scheme !== 'ECONOMIC' || l.source.table !== table || l.level < 2 || at === null) continue;
    const block = blocks.filter((b) => b.from <= at).at(-1);
    if (block) out.get(block.name)?.lines.push(l);
  }
  return out;
}

function basicItemLists(ctx: CheckContext): Anomaly[] {
  const groups = groupsOfTable(ctx);
  if (!groups) return [];
  const { file } = ctx.doc.meta;
  const out: Anomaly[] = [];
  for (const p of passages(ctx.layout.prose)) {
    if (!WORDS.section.test(p.text)) continue;
    for (const m of p.text.matchAll(WORDS.list)) {
      const name = group(m, 1);
      const stated = printedWan(group(m, 2));
      const g = groups.get(name);
      if (!g || !stated || compared(stated, tableAmount(g.total.amount, g.total.value)) === 'BEYOND') continue;
      const listed = new Set(group(m, 3).split(WORDS.separator).map(itemKey).filter((k) => k !== ''));
      const rows = new Map(g.lines.map((l) => [itemKey(l.name), l]));
      const blank = [...listed].flatMap((k) => rows.get(k) ?? []).filter((l) => l.total === null);
      const left = g.lines.filter((l) => l.total !== null && l.total > 0n && !listed.has(itemKey(l.name)));
      if (blank.length === 0 && left.length === 0) continue;
      const listSource = sourceAt(p, m.index, file);
      const said = [
        ...blank.map((l) => `names ${l.name}, whose row (${l.code}, line ${l.source.line}) prints no figure`),
        ...left.map((l) => `leaves out ${l.name}, whose row (${l.code}, line ${l.source.line}) prints ${formatWan(l.total ?? 0n)} 万元`),
      ];
      out.push({
        kind: 'PROSE_TABLE_MISMATCH',
        // 主要包括 need not name every item: a row left out alone is said as INFO; a name listed
        // whose row is blank is a list the table does not bear out.
        severity: blank.length > 0 ? 'WARNING' : 'INFO',
        message: `the 基本支出 说明's list of ${name} items (line ${listSource.line}) ${said.join(', and ')}, in ${g.total.source.table}, whose ${g.total.item} ${formatWan(g.total.amount)} 万元 is the amount the list is of`,
        delta: null,
        sources: [listSource, ...blank.map((l) => l.source), ...left.map((l) => l.source)],
      });
    }
  }
  return out;
}

export const BASIC_ITEM_RULES: CheckRule[] = [
  {
    code: 'BASIC_ITEM_LIST',
    kind: 'PROSE_TABLE_MISMATCH',
    family: 'PROSE_TABLES',
    severity: 'WARNING',
    compares: 'the items the 基本支出 说明 lists for 人员经费 and 公用经费 (主要包括：…) with the rows of the economic table of 基本支出 under 人员经费合计 / 公用经费合计 that print a figure, where the list’s amount is the table’s total (a row left out alone: INFO)',
    why: 'the list tells a reader what the money bought; a name whose row is blank, beside a row with money the list leaves out, is a neighbouring row taken by mistake',
    run: basicItemLists,
  },
];

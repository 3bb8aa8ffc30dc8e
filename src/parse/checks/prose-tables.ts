// Rules comparing what the prose states with what the tables print, in one unit (fen) and at
// the rounding each side printed: an item named by its 功能分类 code or names
// (公共安全支出（204类）司法（06款）行政运行（01项）N万元), a table's 总计 / 本年收入合计 restated, and
// a 三公 table left blank under a sentence stating its amounts.
import { isKeyOf } from '../../keys.js';
import { formatWan, halfUnitOfPrinted } from '../../model/money.js';
import { THREE_COSTS_FIGURES, THREE_COSTS_FIGURE_NAMES, type ThreeCostsFigure } from '../../model/three-costs.js';
import { group } from '../matches.js';
import type { Anomaly, BudgetLine, Source } from '../records.js';
import { agrees, compared, passages, printedWan, printsAmount, printsTotal, sourceAt, tableAmount, type Printed } from './passages.js';
import type { CheckContext, CheckRule } from './rule.js';
import { FUNCTION_LEVEL_ITEM, FUNCTION_LEVELS, PROSE_CHANGE, PROSE_MARKS, ROW_LABELS, STATED_AMOUNTS, THREE_COSTS_NAMES, TITLE_WORDS, YEAR_CELLS } from '../glossary/index.js';

/** A name as the tables and the prose both print it, brackets, quotes and spaces out. */
export const nameKey = (name: string): string => name.replace(PROSE_MARKS.nameDecoration, '');

export interface CodedItem {
  /** 类 / 款 / 项 as the sentence names them, with the code when it prints one. */
  parts: { name: string; code: string | null; level: 1 | 2 | 3; index: number }[];
  /** The function code the parts add up to, when the sentence prints every code. */
  printedCode: string | null;
  /** Where the parts end in the passage text. */
  end: number;
}

const PART = FUNCTION_LEVEL_ITEM;
const LEVEL = FUNCTION_LEVELS;

/** The 类 / 款 / 项 a passage opens with ("1、公共安全支出（204类）司法（06款）行政运行（01项）"). */
export function codedItem(text: string): CodedItem | null {
  const parts: CodedItem['parts'] = [];
  let end = 0;
  for (const m of text.matchAll(PART)) {
    // Only a chain from the passage's start (after its numbering): a 类 named in passing is no item.
    if (parts.length === 0 && m.index > 8) break;
    if (parts.length > 0 && m.index !== end) break;
    // The chain may be quoted (“一般公共服务支出（类）…（项）”2.63万元): the quote is no part of a name.
    // Group 3 is one of LEVEL's words (the pattern's alternation): isKeyOf narrows it with no cast.
    const word = m[3];
    if (word === undefined || !isKeyOf(LEVEL, word)) break;
    parts.push({ name: group(m, 1), code: m[2] ?? null, level: LEVEL[word], index: m.index });
    end = m.index + m[0].length;
  }
  if (PROSE_MARKS.closingQuoteFirst.test(text.slice(end))) end++;
  if (parts[0]?.level !== 1) return null;
  const printedCode = parts.every((p) => p.code) ? parts.map((p) => p.code).join('') : null;
  return { parts, printedCode, end };
}

/** The function-code lines of the tables, by code. */
function functionLines(ctx: CheckContext): Map<string, BudgetLine[]> {
  const out = new Map<string, BudgetLine[]>();
  for (const l of ctx.doc.lines) {
    if (l.scheme !== 'FUNCTION') continue;
    const list = out.get(l.code);
    if (list) list.push(l);
    else out.set(l.code, [l]);
  }
  return out;
}

/** The code an item names: the printed codes, else the names followed down 类 → 款 → 项. */
export function resolveCode(item: CodedItem, byCode: Map<string, BudgetLine[]>): string | null {
  if (item.printedCode && byCode.has(item.printedCode)) return item.printedCode;
  if (item.printedCode) return null;
  // By names: the deepest part named, under a parent of the next part's name when it prints one.
  const deepest = item.parts.at(-1);
  if (!deepest) return null;
  const found = [...byCode.entries()].filter(([code, lines]) => code.length === [0, 3, 5, 7][deepest.level] && lines.some((l) => nameKey(l.name) === nameKey(deepest.name)));
  const parent = item.parts[item.parts.length - 2];
  const narrowed = parent ? found.filter(([code]) => (byCode.get(code.slice(0, [0, 3, 5][parent.level]))?.some((l) => nameKey(l.name) === nameKey(parent.name)) ?? false)) : found;
  const codes = narrowed.length === 1 ? narrowed : found.length === 1 ? found : [];
  return codes[0]?.[0] ?? null;
}

const lineSource = (l: BudgetLine): Source => l.source;
/** What an INFO of two printings a last digit apart says (#38: inside the rounding printed is INFO). */
const WITHIN_PRINTED = ' — a last digit apart, within the rounding both print';
const tablePrinted = (fen: bigint): Printed => ({ fen, half: halfUnitOfPrinted(fen), text: formatWan(fen) });

/**
 * The amounts a coded item's paragraph states for the document's own year — the amount after
 * the item (…（01项）208.8万元), "2026年预算安排 N 万元", "支出决算为 N 万元" — each against the line
 * of that code in the tables.
 */
function codedItemAmounts(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  const byCode = functionLines(ctx);
  const { year, file } = ctx.doc.meta;
  const actual = ctx.doc.meta.kinds.includes('FINAL_ACCOUNTS');
  const reported = new Set<string>();
  // The amounts the text cuts (87.708 → 87.70) and those it rounds where cutting would differ
  // (87.706 → 87.71): a text that only cuts follows a convention, said once (cutConvention).
  const cuts: { anomaly: Anomaly; table: bigint; text: bigint }[] = [];
  let roundedNotCut = 0;
  for (const p of passages(ctx.layout.prose)) {
    const item = codedItem(p.text);
    if (!item) continue;
    const code = resolveCode(item, byCode);
    const lines = code ? (byCode.get(code) ?? []).filter(printsTotal) : [];
    const [firstLine] = lines;
    if (!firstLine) continue;
    // An amount the text prints that does not read as 万元 is null, and passed over below.
    const stated: { amount: Printed | null; index: number; what: string }[] = [];
    const head = STATED_AMOUNTS.atStart.exec(p.text.slice(item.end));
    if (head) stated.push({ amount: printedWan(group(head, 1)), index: item.end, what: 'the item' });
    const own = actual ? STATED_AMOUNTS.actual : new RegExp(`${year}${STATED_AMOUNTS.budgetAfterYear.source}`, 'g');
    for (const m of p.text.matchAll(own)) stated.push({ amount: printedWan(group(m, 1)), index: m.index + m[0].length - group(m, 1).length - 2, what: m[0].replace(STATED_AMOUNTS.trailingAmount, '') });
    // 决算 paragraphs compare with the 财政拨款支出决算表 line; any table of that code prints it otherwise.
    const usual = lines.find((l) => (actual ? TITLE_WORDS.expenditureFinalAccounts : TITLE_WORDS.expenditure).test(l.source.table)) ?? firstLine;
    for (const s of stated) {
      const amount = s.amount;
      if (!amount) continue;
      const verdicts = lines.map((l) => compared(amount, tableAmount(l.total, l.source.text)));
      if (verdicts.includes('SAME')) {
        const same = lines[verdicts.indexOf('SAME')];
        if (same && same.total !== amount.fen && cutTo(same.total, amount) !== amount.fen) roundedNotCut++;
        continue;
      }
      // A last digit apart, within the rounding both print: said as INFO against that line.
      const near = lines.find((_, i) => verdicts[i] === 'ROUNDING');
      const preferred = near ?? usual;
      // One item stated twice (a text layer holding a paragraph twice) is one finding.
      const key = `${code}|${s.what}|${amount.fen}`;
      if (reported.has(key)) continue;
      reported.add(key);
      // Two decimals of 万元 from a table in 元 cut rather than rounded (87.708 → 87.70): within one
      // unit of the last printed digit the prose printed the table's amount, an INFO.
      const delta = amount.fen - preferred.total;
      const cut = !near && (delta < 0n ? -delta : delta) < 2n * amount.half + tableAmount(preferred.total, preferred.source.text).half;
      const anomaly: Anomaly = {
        kind: 'PROSE_TABLE_MISMATCH',
        severity: near || cut ? 'INFO' : 'WARNING',
        message: `${code} ${preferred.name}: the text states ${s.what === 'the item' ? '' : `${s.what} `}${amount.text} 万元 (line ${sourceAt(p, s.index, file).line}); ${preferred.source.table} prints ${formatWan(preferred.total)} 万元 (line ${preferred.source.line})${near ? WITHIN_PRINTED : cut ? ' — within one unit of the last digit the text prints (cut, not rounded)' : ''}`,
        delta,
        sources: [sourceAt(p, s.index, file), lineSource(preferred)],
      };
      out.push(anomaly);
      if (cut && cutTo(preferred.total, amount) === amount.fen) cuts.push({ anomaly, table: preferred.total, text: amount.fen });
    }
  }
  return cutConvention(out, cuts, roundedNotCut);
}

/** `fen` cut (not rounded) to the precision `shown` was printed with. */
function cutTo(fen: bigint, shown: Printed): bigint {
  const step = shown.half * 2n;
  return step <= 1n ? fen : fen - (fen % step);
}

/**
 * A text that cuts every amount it restates where cutting and rounding differ, and rounds none,
 * follows a convention of its own (财政局 2025: 87.708 → 87.70, 78.2164 → 78.21, 204.9197 → 204.91,
 * 268.776 → 268.77; its other items agree either way): one INFO for the document, citing every
 * item, in place of one a line. A text that also rounds some keeps each cut as its own INFO.
 */
function cutConvention(out: Anomaly[], cuts: readonly { anomaly: Anomaly; table: bigint; text: bigint }[], roundedNotCut: number): Anomaly[] {
  if (cuts.length < 2 || roundedNotCut > 0) return out;
  const first = cuts[0];
  if (!first) return out;
  const merged: Anomaly = {
    kind: 'PROSE_TABLE_MISMATCH',
    severity: 'INFO',
    message: `the text cuts every amount it restates from the tables to the digits it prints, rounding none: ${cuts.map((c) => `${formatWan(c.table)} → ${formatWan(c.text)} 万元 (line ${c.anomaly.sources[0]?.line ?? '?'})`).join(', ')} — a convention of the document, each within one unit of its last digit`,
    delta: null,
    sources: cuts.flatMap((c) => c.anomaly.sources),
  };
  const cutSet = new Set(cuts.map((c) => c.anomaly));
  // In the first cut's place, the others dropped.
  return out.flatMap((a) => (a === first.anomaly ? [merged] : cutSet.has(a) ? [] : [a]));
}

/** The summary table a total sentence restates: 收入支出(决算)总表 / 收支(预算)总表, 财政拨款 or not. */
const SUMMARY = TITLE_WORDS.incomeExpenditureSummary;

/** "收入支出总计 N 万元", "财政拨款收入支出总计 N 万元", "本年收入合计 N 万元" against that row of the summary table. */
function totals(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  const { file } = ctx.doc.meta;
  for (const p of passages(ctx.layout.prose)) {
    for (const m of p.text.matchAll(STATED_AMOUNTS.summaryTotal)) {
      const stated = printedWan(group(m, 3));
      if (!stated) continue;
      const fiscal = Boolean(m[1]);
      const rowWords = group(m, 2);
      const row = ROW_LABELS.grandTotalWord.test(rowWords) ? ROW_LABELS.incomeGrandTotal : new RegExp(`^${rowWords}$`);
      const printed = ctx.doc.figures.filter(printsAmount).filter((f) => SUMMARY.test(f.source.table) && TITLE_WORDS.fiscalGrant.test(f.source.table) === fiscal && row.test(f.item.replace(/\s/g, '')));
      const verdicts = printed.map((f) => compared(stated, tableAmount(f.amount, f.value)));
      if (printed.length === 0 || verdicts.includes('SAME')) continue;
      const nearAt = verdicts.indexOf('ROUNDING');
      const f = printed[Math.max(0, nearAt)];
      if (!f) continue;
      const at = m.index + m[0].length - group(m, 3).length - 2;
      out.push({
        kind: 'PROSE_TABLE_MISMATCH',
        severity: nearAt >= 0 ? 'INFO' : 'WARNING',
        message: `the text states ${m[1] ?? ''}${m[2]} ${stated.text} 万元 (line ${sourceAt(p, at, file).line}); ${f.source.table} prints ${f.item} ${formatWan(f.amount)} 万元 (line ${f.source.line})${nearAt >= 0 ? WITHIN_PRINTED : ''}`,
        delta: stated.fen - f.amount,
        sources: [sourceAt(p, at, file), f.source],
      });
    }
  }
  return out;
}

/** A 三公 table printing no figure at all while the text states a 三公 amount above zero. */
function blankThreeCostsTable(ctx: CheckContext): Anomaly[] {
  const { file } = ctx.doc.meta;
  const table = ctx.layout.tables.find((t) => TITLE_WORDS.threeCosts.test(t.title));
  if (!table || table.rows.some((r) => r.cells.some((c) => /\d/.test(c) && !YEAR_CELLS.yearOnly.test(c)))) return [];
  for (const p of passages(ctx.layout.prose)) {
    if (!TITLE_WORDS.threeCosts.test(p.text)) continue;
    const m = STATED_AMOUNTS.anyBasis.exec(p.text);
    const stated = m ? printedWan(group(m, 1)) : null;
    if (!m || !stated || stated.fen <= 0n) continue;
    const titleSource: Source = { file, table: table.title, line: table.titleLine, text: table.title };
    return [{
      kind: 'PROSE_TABLE_MISMATCH',
      severity: 'WARNING',
      message: `${table.title} (line ${table.titleLine}) prints no figure, but the text states ${stated.text} 万元 for "三公"经费 (line ${sourceAt(p, m.index, file).line})`,
      delta: null,
      sources: [sourceAt(p, m.index, file), titleSource],
    }];
  }
  return [];
}

const stemOf = (name: string) => name.replace(PROSE_MARKS.nameDecoration, '').replace(THREE_COSTS_NAMES.feeSuffix, '费').replace(THREE_COSTS_NAMES.beforeName, '');

/** The 三公 figure a prose item names ("公务接待费", "财政拨款“三公”经费"), if any. */
function threeCostsFigureOf(item: string): ThreeCostsFigure | null {
  const stem = stemOf(item);
  if (THREE_COSTS_NAMES.total.test(stem)) return 'total';
  for (const f of THREE_COSTS_FIGURE_NAMES) if (THREE_COSTS_FIGURES[f].names.some((n) => stemOf(n) === stem)) return f;
  return null;
}

/**
 * "公务接待费。2020年预算数 6 万元，比 2019 年减少 7 万元" against the 三公 table's rows of the two
 * years (13.00 → 6.00). "增加（减少）", the template's either-way word, compares the size only.
 */
function threeCostsChanges(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  const rows = ctx.doc.threeCosts.filter((t) => t.origin === 'TABLE');
  for (const a of ctx.doc.proseAmounts) {
    const figure = a.change === null ? null : threeCostsFigureOf(a.item);
    if (!figure || a.change === null) continue;
    const stated = { fen: a.amount, half: halfUnitOfPrinted(a.amount), text: formatWan(a.amount) };
    const now = rows.find((r) => {
      const printed = r[figure];
      return printed !== null && agrees(stated, tablePrinted(printed));
    });
    const before = now ? rows.find((r) => r.year === now.year - 1 && r.basis === now.basis && r[figure] !== null) : undefined;
    // The two rows' figures, read once so the null checks narrow them.
    const nowFen = now?.[figure] ?? null;
    const beforeFen = before?.[figure] ?? null;
    if (!now || !before || nowFen === null || beforeFen === null) continue;
    const expected = nowFen - beforeFen;
    const eitherWay = PROSE_CHANGE.eitherWay.test(a.source.text);
    const change = eitherWay && a.change < 0n ? -a.change : a.change;
    const target = eitherWay && expected < 0n ? -expected : expected;
    // The change as the text prints it against the two rows' difference, each row rounded.
    const verdict = compared({ fen: change, half: halfUnitOfPrinted(a.change), text: formatWan(a.change) }, { fen: target, half: 2n * halfUnitOfPrinted(nowFen), text: formatWan(target) });
    if (verdict === 'SAME') continue;
    out.push({
      kind: 'PROSE_TABLE_MISMATCH',
      severity: verdict === 'ROUNDING' ? 'INFO' : 'WARNING',
      message: `${a.item}: the text states a change of ${formatWan(a.change)} 万元 (line ${a.source.line}); the table prints ${formatWan(beforeFen)} for ${before.year} and ${formatWan(nowFen)} for ${now.year} (lines ${before.source.line}, ${now.source.line}): ${formatWan(expected)}${verdict === 'ROUNDING' ? WITHIN_PRINTED : ''}`,
      delta: a.change - expected,
      sources: [a.source, before.source, now.source],
    });
  }
  return out;
}

export const PROSE_TABLE_RULES: CheckRule[] = [
  {
    code: 'THREE_COSTS_CHANGE',
    kind: 'PROSE_TABLE_MISMATCH',
    family: 'PROSE_TABLES',
    severity: 'WARNING',
    compares: 'the change a sentence states for a "三公" figure (比上年增加 / 减少 N 万元) with the 三公 table’s rows of the two years',
    why: 'the change is the part of the 三公 explanation that is quoted; the table prints both years, so it is checkable',
    run: threeCostsChanges,
  },
  {
    code: 'PROSE_CODED_ITEM_AMOUNT',
    kind: 'PROSE_TABLE_MISMATCH',
    family: 'PROSE_TABLES',
    severity: 'WARNING',
    compares: 'the amounts a paragraph states for a 类/款/项 it names (its amount, this year’s 预算安排 or 支出决算) with the line of that code in the tables, at the prose’s printed precision',
    why: 'the explanation of each item must restate the table; one amount in two versions leaves the reader with two budgets',
    run: codedItemAmounts,
  },
  {
    code: 'PROSE_SUMMARY_TOTAL',
    kind: 'PROSE_TABLE_MISMATCH',
    family: 'PROSE_TABLES',
    severity: 'WARNING',
    compares: '收入支出总计 / 本年收入合计 / 本年支出合计 as the text states them with those rows of the (财政拨款) 收入支出总表',
    why: 'the opening figures of the explanation are the ones quoted; they must be the table’s',
    run: totals,
  },
  {
    code: 'THREE_COSTS_TABLE_BLANK',
    kind: 'PROSE_TABLE_MISMATCH',
    family: 'PROSE_TABLES',
    severity: 'WARNING',
    compares: 'a "三公"经费 table that prints no figure with the "三公" amount the text states',
    why: 'a blank table where the text states a budget hides the figures the table exists to show',
    run: blankThreeCostsTable,
  },
];

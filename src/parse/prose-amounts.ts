// ProseAmount // 正文金额: every "… N 万元" a sentence states, with the year-on-year change and
// percentage stated beside it, and the project it itemises ("某管理 2,000.00 万元，主要包括：
// 甲事务 1,200.00 万元，…"). Works on the words around the number, not on any one
// document's sentences.
import { parseAmount, toHalfWidth, type MoneyUnit } from './amount.js';
import type { ProseLine } from './layout.js';
import type { Project, ProseAmount } from './records.js';
import { group } from './matches.js';
import { LEADING_NUMBERING, LEVEL_MARK_FIRST, NUMBERED_LINE, NUMBERED_OR_BRACKETED, PROSE_CHANGE, PROSE_ITEM, PROSE_MARKS, SPACED_CJK } from './glossary/index.js';

/**
 * Every "N 万元" of a line, found from each 万 backwards (at most 40 characters), so a line of
 * digits without 万 costs linear time. Spaced digits ("1,234. 56 万元") and none ("1,234.56万元") both
 * read; so does "1,234.56万，" where the 元 is left out (PROSE_MARKS.bareWan*: two decimals, then a
 * clause's end).
 */
function amountsIn(text: string): { index: number; end: number; number: string }[] {
  const out: { index: number; end: number; number: string }[] = [];
  let from = 0;
  for (let at = text.indexOf('万'); at >= 0; at = text.indexOf('万', at + 1)) {
    const withYuan = text[at + 1] === '元';
    let start = at;
    // charAt: both loops stop before the text's start, so the character before is always there.
    while (start > 0 && /\s/.test(text.charAt(start - 1)) && at - start < 3) start--;
    let i = start;
    while (i > Math.max(from, at - 40) && /[\d,.\s]/.test(text.charAt(i - 1))) i--;
    const number = text.slice(i, start).replace(/^[\s,.]+/, '');
    const bare = !withYuan && PROSE_MARKS.bareWanNumber.test(number) && PROSE_MARKS.bareWanAfter.test(text.slice(at + 1, at + 2));
    if (!withYuan && !bare) continue;
    const end = at + (withYuan ? 2 : 1);
    if (/\d/.test(number)) out.push({ index: start - number.length, end, number });
    from = end;
  }
  return out;
}
const PERCENT = PROSE_CHANGE.percentAfter;
const CHANGE_BEFORE = PROSE_CHANGE.comparedBefore;

const DELIMITER = PROSE_MARKS.clauseDelimiter;
/** Just after the last delimiter of `text` (0 when none); a loop, as a line may hold 200,000 of them. */
function lastCut(text: string): number {
  let cut = 0;
  for (const m of text.matchAll(DELIMITER)) cut = m.index + 1;
  return cut;
}

/** The words a clause gives the amount: from the last delimiter before it, numbering and verbs trimmed. */
function itemBefore(text: string): string {
  const cut = lastCut(text);
  const item = text
    .slice(cut)
    .replace(LEADING_NUMBERING, '')
    .replace(PROSE_ITEM.unclosedBracket, '')
    .replace(PROSE_ITEM.leadWords, '')
    .replace(PROSE_ITEM.yearFirst, '')
    .replace(PROSE_ITEM.trailingVerbs, '')
    // "公务用车购置费2020年预算数 0 万元": the year says when, it is no part of the item's name.
    .replace(PROSE_ITEM.yearLast, '$1')
    .replace(/\s+/g, '')
    .trim();
  // "因公出国(境)费用。2024年预算数 56 万元": the subject is the clause before.
  if (item === '' && cut > 0) return itemBefore(text.slice(0, cut - 1));
  return item;
}

const pctOf = (after: string): string | null => {
  const pct = PERCENT.exec(after);
  return pct ? `${PROSE_CHANGE.percentDown.test(group(pct, 1)) ? '-' : ''}${group(pct, 2).replace(/\s+/g, '')}%` : null;
};
const stem = (s: string) => s.replace(PROSE_ITEM.genericWords, '');

/**
 * The line's words without the spaces a justified line puts between its characters ("本 年 收 入 合 计
 * 2946.25 万 元": a PDF gives each spread character its own run). A space between two Chinese
 * characters is no part of Chinese words; spaces beside digits stay (amountsIn reads them).
 */
const unspaced = (text: string): string => text.replace(SPACED_CJK, '$1');

/**
 * Does a clause take the name the line before wrapped at its end? Not when it opens with its own
 * numbering or bracket ("（一）基本支出 N 万元"), but yes when that bracket is the 类 / 款 / 项 mark of
 * the wrapped name ("…一般公共服务支出" / "（类）2106.66万元").
 */
const takesWrappedName = (before: string): boolean => LEVEL_MARK_FIRST.test(before) || !NUMBERED_OR_BRACKETED.test(before);

/** A short line without a stop or an amount, its numbering out: a label (小标题) an amount below may belong to. */
function labelOf(text: string): { line: number; words: string } | null {
  const words = text.replace(LEADING_NUMBERING, '').replace(/\s+/g, '');
  if (words === '' || words.length > 30 || PROSE_MARKS.endsInPunctuation.test(words) || /\d/.test(words)) return null;
  return { line: 0, words };
}

export function proseAmounts(prose: ProseLine[], file: string, unit: MoneyUnit): ProseAmount[] {
  const out: ProseAmount[] = [];
  let paragraph: ProseAmount[] = [];
  let listParent: string | null = null;
  let wrapTail = '';
  // The words of the line before when it is a label stating no amount ("六、年度预算安排"): an amount
  // printed alone on the next line ("795万元") is that label's.
  let label: { line: number; words: string } | null = null;
  let sentenceTail = '';
  for (const p of prose) {
    const text = toHalfWidth(unspaced(p.text));
    // A heading or a numbered item starts a new paragraph; a wrapped line continues the last one.
    if (p.heading || NUMBERED_LINE.test(text)) {
      paragraph = [];
      listParent = null;
    }
    const source = { file, table: '正文', line: p.line, text: p.text };
    // A name the PDF wrapped at the end of the line before ("…;甲" / "乙事务 10.5 万元")
    // starts there: that tail is carried onto this line's first item.
    const carried = wrapTail;
    // Only a long line wraps; a short one without a stop is a heading.
    const tail = text.slice(lastCut(text)).trim();
    wrapTail = !p.heading && text.length >= 30 && !PROSE_MARKS.endsInPunctuation.test(text) && tail.length <= 12 ? tail : '';
    // A sentence ended after the last amount of the line before ("…其他收入0万元。" / "支出预算…"): the
    // list that sentence opened ended with it.
    if (PROSE_MARKS.fullStop.test(sentenceTail)) listParent = null;
    let lastEnd = 0;
    let bracketParent: string | null = null;
    const labelAbove = label?.line === p.line - 1 ? label.words : '';
    const found = amountsIn(text);
    label = found.length === 0 ? labelOf(text) : null;
    if (label) label.line = p.line;
    for (const m of found) {
      const firstOnLine = lastEnd === 0;
      const before = text.slice(lastEnd, m.index);
      lastEnd = m.end;
      if (PROSE_ITEM.threshold.test(text.slice(lastEnd))) continue; // a threshold ("单价 100 万元以上"), not an amount
      const parsed = parseAmount(m.number.replace(/\s+/g, ''), unit);
      if (!parsed) continue;
      if (PROSE_MARKS.fullStop.test(before)) listParent = null;
      const change = CHANGE_BEFORE.exec(before);
      if (change) {
        // "…经费较上年减少 96 万元，下降 24%": the change of the amount its subject names, else of the one just stated.
        const clause = before.slice(lastCut(before.slice(0, change.index)));
        const subject = stem(clause.slice(0, clause.search(PROSE_CHANGE.comparison)));
        const target = (subject ? [...paragraph].reverse().find((a) => stem(a.item) !== '' && subject.includes(stem(a.item))) : undefined) ?? paragraph[paragraph.length - 1];
        if (target && target.change === null) {
          target.change = PROSE_CHANGE.amountDown.test(group(change, 1)) ? -parsed.fen : parsed.fen;
          target.changePercent = pctOf(text.slice(lastEnd));
          continue;
        }
      }
      const previous = paragraph[paragraph.length - 1];
      if (PROSE_ITEM.listOpens.test(before) && previous) listParent = previous.item;
      // "N 万元（基本支出 A 万元，项目支出 B 万元）": the bracket breaks down the amount before it.
      const opened = before.lastIndexOf('（') > before.lastIndexOf('）') || before.lastIndexOf('(') > before.lastIndexOf(')');
      if (PROSE_MARKS.closingBracket.test(before)) bracketParent = null;
      if (opened && previous) bracketParent = previous.item;
      const ownItem = itemBefore(before);
      const item = firstOnLine && carried && lastCut(before) === 0 && takesWrappedName(before) ? `${carried}${ownItem}` : firstOnLine && ownItem === '' && labelAbove ? labelAbove : ownItem;
      const parent = bracketParent ?? listParent;
      const record: ProseAmount = { item, amount: parsed.fen, change: null, changePercent: pctOf(text.slice(lastEnd)), parent: parent !== item ? parent : null, source };
      out.push(record);
      paragraph.push(record);
    }
    sentenceTail = text.slice(lastEnd);
  }
  return out;
}

/**
 * Level-2 projects of an itemised list: amounts a level-1 project's sentence lists after
 * "主要包括：" ("某管理 2,000.00 万元，主要包括：甲事务 1,200.00 万元，…").
 */
export function projectsFromItemisedProse(amounts: ProseAmount[], level1: Set<string>): Project[] {
  return amounts
    .filter((a) => a.parent !== null && level1.has(a.parent) && a.item.length >= 2 && a.item.length <= 40)
    .map((a) => ({ name: a.item, level: 2 as const, parent: a.parent, unit: null, amount: a.amount, executed: null, executionRate: null, functionCode: null, functionName: null, key: false, goal: null, sourceKind: 'PROSE_LIST' as const, source: a.source }));
}

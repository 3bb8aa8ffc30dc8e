// Rules on what a sentence computes from amounts it states itself: a change in percent
// (比 2025 年预算执行数增加 17.62%), a completion rate (完成年初预算的 98.20%), a share (占 71.73%), and
// a comparison in words (决算数大于预算数). Each is recomputed from the printed amounts, allowing
// the rounding of every printed digit (an amount printed 57.8 may be 57.75 … 57.85): a rate that
// some values the printed amounts round from give is accepted, as the department computed it from
// the amounts before rounding (57.8 printed for the table's 578,040.00 元: 59.11 → 57.804 is the
// −2.21% stated, where 59.11 → 57.8 gives −2.22%). Only a rate no rounding explains is reported.
import { formatWan, halfUnitOfPrinted } from '../../model/money.js';
import { group } from '../matches.js';
import type { Anomaly } from '../records.js';
import { amountsIn, passages, printedPercent, printedWan, sentences, sourceAt, wan, type Passage, type Printed } from './passages.js';
import type { CheckRule } from './rule.js';
import { BUDGET_BASES, PROSE_CHANGE, STATED_ARITHMETIC } from '../glossary/index.js';

/** The range a ratio b/a − 1 (in percent) can take when a and b are printed rounded. */
function changeRange(a: Printed, b: Printed): [number, number] | null {
  const lo = wan(a.fen - a.half);
  if (lo <= 0) return null;
  return [(wan(b.fen - b.half) / wan(a.fen + a.half) - 1) * 100, (wan(b.fen + b.half) / lo - 1) * 100];
}
function ratioRange(part: Printed, whole: Printed): [number, number] | null {
  const lo = wan(whole.fen - whole.half);
  if (lo <= 0) return null;
  return [(wan(part.fen - part.half) / wan(whole.fen + whole.half)) * 100, (wan(part.fen + part.half) / lo) * 100];
}
const fits = (range: [number, number], stated: number, half: number) => stated + half >= range[0] - 1e-9 && stated - half <= range[1] + 1e-9;
const pct = (x: number) => `${x.toFixed(2)}%`;

/**
 * A stated percentage against the one its printed amounts give: SAME when the stated one is the
 * computed one rounded to the decimals printed, or when it lies inside what the rounding of every
 * printed digit allows — the amounts were rounded to the digits they print (0.01 万元 from 元) and
 * the rate computed from the unrounded ones, which the page does not contradict (the tenth round's
 * reading of the pages: 减少2.21% for 59.11 → 57.8 is exact against the table's 578,040.00 元);
 * CUT when it is the computed one cut, not rounded, to the decimals printed (95.457% printed
 * 95.45%: a spreadsheet's truncation, or a share lowered so the shares add up to 100.00%: INFO);
 * BEYOND otherwise.
 */
function rateJudged(stated: number, half: number, computed: number, range: [number, number]): 'SAME' | 'CUT' | 'BEYOND' {
  if (Math.abs(computed - stated) <= half + 1e-9 || fits(range, stated, half)) return 'SAME';
  const step = half * 2;
  const cut = Math.sign(computed) * Math.trunc(Math.abs(computed) / step + 1e-9) * step;
  return Math.abs(cut - stated) <= step * 1e-6 ? 'CUT' : 'BEYOND';
}

const decimalsOf = (text: string | undefined) => /\.(\d+)/.exec(text ?? '')?.[1] ?? '';
/** What an INFO finding says of why it is no WARNING: the rate cut, not rounded. */
const judgedNote = (judged: 'SAME' | 'CUT' | 'BEYOND', decimals: string) =>
  judged === 'CUT' ? `; that rate cut (not rounded) to the ${decimals.length} decimal(s) printed is the one stated` : '';

const FALL = PROSE_CHANGE.down;

/** Amounts a sentence ties to a year: "2025年当年预算执行数为43269.3万元" → 2025 → 43,269.3. */
function amountsByYear(sentence: string): { year: number; amount: Printed; index: number }[] {
  const out: { year: number; amount: Printed; index: number }[] = [];
  for (const m of sentence.matchAll(STATED_ARITHMETIC.amountByYear)) {
    const printed = group(m, 3);
    const amount = printedWan(printed);
    if (amount) out.push({ year: Number(m[1]), amount, index: m.index + m[0].length - printed.length - 2 });
  }
  return out;
}

/**
 * "2025年当年预算执行数为 A 万元，2026年预算安排 B 万元，比2025年预算执行数增加 P%": P against
 * (B − A) ÷ A, the direction first (a rise stated where the amounts fall).
 */
function yearOnYear(p: Passage, file: string, year: number): Anomaly[] {
  const out: Anomaly[] = [];
  for (const s of sentences(p)) {
    const stated = STATED_ARITHMETIC.changeSinceYear.exec(s.text);
    if (!stated) continue;
    const byYear = amountsByYear(s.text.slice(0, stated.index));
    const before = byYear.find((x) => x.year === Number(stated[1]));
    const now = byYear.find((x) => x.year === year && x !== before) ?? byYear.find((x) => x.year !== Number(stated[1]));
    if (!before || !now) continue;
    const range = changeRange(before.amount, now.amount);
    if (!range) continue;
    const { value, half } = printedPercent(group(stated, 3));
    const signed = FALL.test(group(stated, 2)) ? -value : value;
    const actual = (wan(now.amount.fen) / wan(before.amount.fen) - 1) * 100;
    const judged = rateJudged(signed, half, actual, range);
    if (judged === 'SAME') continue;
    const wrongWay = (signed > 0 && range[1] < 0) || (signed < 0 && range[0] > 0);
    out.push({
      kind: 'PROSE_ARITHMETIC_MISMATCH',
      severity: judged === 'BEYOND' ? 'WARNING' : 'INFO',
      message: `the text states ${stated[2]}${stated[3]}% from ${stated[1]}'s ${before.amount.text} 万元 to ${now.amount.text} 万元, but that is ${actual >= 0 ? 'a rise' : 'a fall'} of ${pct(Math.abs(actual))}${wrongWay ? ' (the opposite direction)' : ''}${judgedNote(judged, decimalsOf(stated[3]))}`,
      delta: null,
      sources: [sourceAt(p, s.start + stated.index, file), sourceAt(p, s.start + before.index, file), sourceAt(p, s.start + now.index, file)],
    });
  }
  return out;
}

/**
 * "年初预算为 A 万元，支出决算为 B 万元 … 决算数大于预算数" and "完成年初预算的 P%": the words and the
 * rate against A and B as printed.
 */
function budgetAgainstActual(p: Passage, file: string): Anomaly[] {
  const out: Anomaly[] = [];
  const budgetAt = STATED_ARITHMETIC.budget.exec(p.text);
  const actualAt = STATED_ARITHMETIC.actual.exec(p.text);
  if (!budgetAt || !actualAt) return out;
  const budget = printedWan(group(budgetAt, 1));
  const actual = printedWan(group(actualAt, 1));
  if (!budget || !actual) return out;
  // The adjusted budget (全年预算) when the paragraph states it beside the one read first (年初预算).
  const fullAt = BUDGET_BASES.fullYear.exec(p.text);
  const full = fullAt && fullAt.index + fullAt[0].length !== budgetAt.index + budgetAt[0].length ? printedWan(fullAt[1] ?? '') : null;
  const both = [sourceAt(p, budgetAt.index, file), sourceAt(p, actualAt.index, file)];
  const words = STATED_ARITHMETIC.comparison.exec(p.text);
  if (words) {
    const levelAgainst = (b: Printed) => {
      const diff = actual.fen - b.fen;
      return diff > b.half + actual.half ? 1 : -diff > b.half + actual.half ? -1 : 0;
    };
    const diff = actual.fen - budget.fen;
    const level = levelAgainst(budget);
    const word = group(words, 1);
    const said = STATED_ARITHMETIC.greater.test(word) ? 1 : STATED_ARITHMETIC.less.test(word) ? -1 : 0;
    // "决算数小于预算数" naming no budget, in a paragraph stating the 年初 and the 全年 budget, may
    // mean either (a unit founded in the year has 年初预算 0 and a 全年预算): wrong only if wrong of both.
    const alsoFull = full !== null && !BUDGET_BASES.initial.test(words[0]) && said === levelAgainst(full);
    if (said !== level && !alsoFull) {
      const truth = level > 0 ? '大于' : level < 0 ? '小于' : '等于';
      out.push({
        kind: 'PROSE_COMPARISON_MISMATCH',
        // Stated unequal where the printed amounts are equal: the unrounded ones may differ.
        severity: level === 0 ? 'INFO' : 'WARNING',
        message: `the text says 决算数${words[1]}预算数, but it states 预算 ${budget.text} 万元 and 决算 ${actual.text} 万元: 决算数${truth}预算数${level === 0 ? ' at the precision printed' : ''}`,
        delta: diff,
        sources: [sourceAt(p, words.index, file), ...both],
      });
    }
  }
  // 完成…预算的 and 完成…预算数的 alike (a 决算's items print the second).
  const rate = BUDGET_BASES.executionRate.exec(p.text);
  if (rate) {
    // A rate naming the 全年 budget is of the 全年 budget when the paragraph states it.
    const base = full && BUDGET_BASES.fullYearNamed.test(rate[0]) ? full : budget;
    const range = ratioRange(actual, base);
    const { value, half } = printedPercent(group(rate, 1));
    const judged = range ? rateJudged(value, half, (wan(actual.fen) / wan(base.fen)) * 100, range) : 'SAME';
    if (range && judged !== 'SAME') {
      out.push({
        kind: 'PROSE_ARITHMETIC_MISMATCH',
        severity: judged === 'BEYOND' ? 'WARNING' : 'INFO',
        message: `the text states 完成预算的 ${rate[1]}%, but 决算 ${actual.text} ÷ 预算 ${base.text} 万元 = ${pct((wan(actual.fen) / wan(base.fen)) * 100)}${judgedNote(judged, decimalsOf(rate[1]))}`,
        delta: null,
        sources: [sourceAt(p, rate.index, file), ...both],
      });
    }
    // 完成年初预算的 P% where the 年初 budget is 0 and P is the rate of the 全年 budget: the words name
    // the wrong budget, the figures are right — said, as INFO.
    const fullRange = full ? ratioRange(actual, full) : null;
    if (!range && full && fullRange && BUDGET_BASES.initial.test(rate[0]) && rateJudged(value, half, (wan(actual.fen) / wan(full.fen)) * 100, fullRange) !== 'BEYOND') {
      out.push({
        kind: 'PROSE_ARITHMETIC_MISMATCH',
        severity: 'INFO',
        message: `the text states 完成年初预算的 ${rate[1]}% where it states 年初预算 ${budget.text} 万元: ${rate[1]}% is 决算 ${actual.text} ÷ 全年预算 ${full.text} 万元, the rate of the 全年 budget`,
        delta: null,
        sources: [sourceAt(p, rate.index, file), ...both, sourceAt(p, fullAt?.index ?? rate.index, file)],
      });
    }
  }
  return out;
}

/**
 * "本年收入合计 A 万元，其中：财政拨款收入 B 万元，占 P%": each share against B ÷ A, the whole being
 * the amount the passage opens with (and only when it goes on with 其中 / 主要用于 / 主要包括).
 */
function shares(p: Passage, file: string): Anomaly[] {
  const out: Anomaly[] = [];
  const amounts = amountsIn(p.text);
  const [first, second] = amounts;
  if (!first || !second) return out;
  const after = p.text.slice(first.end, second.index);
  if (!STATED_ARITHMETIC.breakdownOpens.test(after)) return out;
  const whole = printedWan(first.number);
  if (!whole || whole.fen <= 0n) return out;
  for (const m of amounts.slice(1)) {
    const share = STATED_ARITHMETIC.shareAfter.exec(p.text.slice(m.end, m.end + 24));
    const part = printedWan(m.number);
    if (!share || !part) continue;
    const range = ratioRange(part, whole);
    const { value, half } = printedPercent(group(share, 1));
    if (!range) continue;
    const computed = (wan(part.fen) / wan(whole.fen)) * 100;
    const judged = rateJudged(value, half, computed, range);
    if (judged === 'SAME') continue;
    out.push({
      kind: 'PROSE_ARITHMETIC_MISMATCH',
      severity: judged === 'BEYOND' ? 'WARNING' : 'INFO',
      message: `the text states ${part.text} 万元 is ${share[1]}% of ${whole.text} 万元; it is ${pct(computed)}${judgedNote(judged, decimalsOf(share[1]))}`,
      delta: null,
      sources: [sourceAt(p, m.index, file), sourceAt(p, first.index, file)],
    });
  }
  return out;
}

export const PROSE_ARITHMETIC_RULES: CheckRule[] = [
  {
    code: 'PROSE_CHANGE_RATE',
    kind: 'PROSE_ARITHMETIC_MISMATCH',
    family: 'ARITHMETIC',
    severity: 'WARNING',
    compares: 'a change in percent a sentence states (比 2025 年…增加 P%) with the two amounts it states for the two years (a rate some values the printed amounts round from give is accepted; one they give cut, not rounded: INFO)',
    why: 'a rate that the amounts beside it contradict (a rise where they fall) misleads whoever reads only the words',
    run: ({ doc, layout }) => passages(layout.prose).flatMap((p) => yearOnYear(p, doc.meta.file, doc.meta.year)),
  },
  {
    code: 'PROSE_CHANGE_AMOUNT_RATE',
    kind: 'PROSE_ARITHMETIC_MISMATCH',
    family: 'ARITHMETIC',
    severity: 'WARNING',
    compares: 'an amount, its change in 万元 and its change in percent as one sentence states them (A 万元 … 减少 D 万元，下降 P%): P against D ÷ (A − D) (accepted inside the rounding of every printed digit)',
    why: 'the three numbers describe one change; one of them is misprinted when they disagree',
    run: ({ doc }) => {
      const out: Anomaly[] = [];
      for (const a of doc.proseAmounts) {
        if (a.change === null || a.changePercent === null) continue;
        const stated = Number(a.changePercent.replace('%', ''));
        const previous = a.amount - a.change;
        if (previous <= 0n || Number.isNaN(stated)) continue;
        // Each amount to the rounding its own printed digits allow (the previous year's is A − D).
        const amount: Printed = { fen: a.amount, half: halfUnitOfPrinted(a.amount), text: formatWan(a.amount) };
        const before: Printed = { fen: previous, half: halfUnitOfPrinted(a.amount) + halfUnitOfPrinted(a.change), text: formatWan(previous) };
        const range = changeRange(before, amount);
        const digits = a.changePercent.replace(/[-%]/g, '');
        const { half } = printedPercent(digits);
        if (!range) continue;
        const computed = (wan(a.change) / wan(previous)) * 100;
        const judged = rateJudged(stated, half, computed, range);
        if (judged === 'SAME') continue;
        out.push({
          kind: 'PROSE_ARITHMETIC_MISMATCH',
          severity: judged === 'BEYOND' ? 'WARNING' : 'INFO',
          message: `${a.item || 'an amount'} ${formatWan(a.amount)} 万元 changed by ${formatWan(a.change)} 万元 from ${formatWan(previous)}: ${pct(computed)}, but the text states ${a.changePercent}${judgedNote(judged, decimalsOf(digits))}`,
          delta: null,
          sources: [a.source],
        });
      }
      return out;
    },
  },
  {
    code: 'PROSE_BUDGET_VS_ACTUAL',
    kind: 'PROSE_COMPARISON_MISMATCH',
    family: 'ARITHMETIC',
    severity: 'WARNING',
    compares: '决算数大于 / 小于 / 等于预算数 and 完成预算的 P% with the 年初预算 and 决算 amounts the same paragraph states (a rate inside the rounding of every printed digit accepted)',
    why: 'the reason a department gives for a gap is read against the gap it states; the words must say the way the amounts go',
    run: ({ doc, layout }) => passages(layout.prose).flatMap((p) => budgetAgainstActual(p, doc.meta.file)),
  },
  {
    code: 'PROSE_SHARE',
    kind: 'PROSE_ARITHMETIC_MISMATCH',
    family: 'ARITHMETIC',
    severity: 'WARNING',
    compares: 'a share a paragraph states (X N 万元，占 P%) with N ÷ the amount the paragraph opens with (accepted inside the rounding of every printed digit)',
    why: 'shares are how readers compare a department’s spending; one that its own amounts do not give is a misprint',
    run: ({ doc, layout }) => passages(layout.prose).flatMap((p) => shares(p, doc.meta.file)),
  },
];

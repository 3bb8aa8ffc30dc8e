// Passages // 段落: the prose joined into paragraphs, whitespace out, so a sentence wrapped over
// lines ("…支出决算为 1511.89 万元。 决算\n数大于预算数…") reads as one, while every character
// still knows the line it was printed on (a finding cites that line).
import { toHalfWidth } from '../amount.js';
import type { ProseLine } from '../layout.js';
import { group } from '../matches.js';
import type { BudgetLine, Figure, Source } from '../records.js';
import { FEN_PER_WAN, formatWan, halfUnitOfPrinted } from '../../model/money.js';
import { PASSAGE_OPENS, SENTENCE_END } from '../glossary/index.js';

export interface Passage {
  /** The paragraph's text, half-width, without whitespace. */
  text: string;
  /** The line each character of `text` was printed on. */
  at: number[];
  /** The paragraph's lines, as printed: a paragraph starts with its first line. */
  lines: [ProseLine, ...ProseLine[]];
}

/** A line that opens a paragraph of its own: a heading or a numbered item ("1.", not "80.38 万元" wrapped to a line's start). */
const OPENS = PASSAGE_OPENS;

/**
 * The passages of a document's prose, joined once: thirteen checks read them from the same
 * layout.prose (1,000 generated documents: joined thirteen times a document, 4% of the parse).
 * Held by the prose array while it lives, and joined again if it has grown since.
 */
const JOINED = new WeakMap<readonly ProseLine[], { length: number; passages: readonly Passage[] }>();

export function passages(prose: readonly ProseLine[]): readonly Passage[] {
  const known = JOINED.get(prose);
  if (known && known.length === prose.length) return known.passages;
  const joined = joinPassages(prose);
  JOINED.set(prose, { length: prose.length, passages: joined });
  return joined;
}

function joinPassages(prose: readonly ProseLine[]): readonly Passage[] {
  const out: Passage[] = [];
  let current: Passage | null = null;
  let last = -10;
  for (const p of prose) {
    const text = toHalfWidth(p.text);
    // A table between two prose lines, a heading or a numbered item ends the paragraph.
    if (!current || p.heading || OPENS.test(text) || p.line - last > 2) {
      current = { text: '', at: [], lines: [p] };
      out.push(current);
    } else current.lines.push(p);
    for (const ch of text) {
      if (/\s/.test(ch)) continue;
      current.text += ch;
      for (let i = 0; i < ch.length; i++) current.at.push(p.line);
    }
    last = p.line;
    if (p.heading) current = null;
  }
  return out.filter((p) => p.text !== '');
}

/** A line that prints its total: the type says so, so its total is read with no `!`. */
export const printsTotal = (l: BudgetLine): l is BudgetLine & { total: bigint } => l.total !== null;
/** A figure that prints an amount. */
export const printsAmount = (f: Figure): f is Figure & { amount: bigint } => f.amount !== null;

/** The printed line a character index of a passage lies on, as a Source. */
export function sourceAt(passage: Passage, index: number, file: string): Source {
  // Every character has its line (passages() keeps no passage without text); the first line otherwise.
  const line = passage.at[Math.min(Math.max(0, index), passage.at.length - 1)] ?? passage.lines[0].line;
  const printed = passage.lines.find((l) => l.line === line);
  return { file, table: '正文', line, text: printed?.text ?? '' };
}

/** A number as printed in prose ("2,940.05"), with the half unit of its last printed digit. */
export interface Printed {
  fen: bigint;
  /** Half a unit of the last digit printed, in fen (201.50 → 0.005 万元). */
  half: bigint;
  text: string;
}

/** "2,940.05" read as 万元: exact fen and the rounding its printed digits allow. */
export function printedWan(text: string): Printed | null {
  const m = /^(\d{1,13})(?:\.(\d{1,6}))?$/.exec(text.replace(/,/g, ''));
  if (!m) return null;
  const decimals = (m[2] ?? '').length;
  const fen = BigInt(group(m, 1)) * FEN_PER_WAN + BigInt((m[2] ?? '').padEnd(6, '0'));
  return { fen, half: 10n ** BigInt(6 - decimals) / 2n, text };
}

/** A percentage as printed ("17.62"), as a number and the half unit of its last digit. */
export function printedPercent(text: string): { value: number; half: number } {
  const decimals = (/\.(\d+)/.exec(text)?.[1] ?? '').length;
  return { value: Number(text), half: 0.5 * 10 ** -decimals };
}

/** Do two amounts agree at the precision both were printed with? */
export function agrees(a: Printed, b: Printed): boolean {
  const d = a.fen > b.fen ? a.fen - b.fen : b.fen - a.fen;
  return d <= a.half + b.half;
}

/**
 * An amount a table prints, with the rounding its printed digits show: the decimals `text` prints
 * (a cell, or the row's line) bound what the amount's trailing zeros alone suggest — 10.00 is
 * printed to 0.01 万元, not to the whole 万元 that 10,000,000 fen would say.
 */
export function tableAmount(fen: bigint, text: string | null | undefined): Printed {
  const decimals = Math.max(0, ...[...(text ?? '').matchAll(/\d\.(\d+)/g)].map((m) => group(m, 1).length));
  const shown = decimals >= 6 ? 0n : 10n ** BigInt(6 - decimals) / 2n;
  const zeros = halfUnitOfPrinted(fen);
  return { fen, half: zeros < shown ? zeros : shown, text: formatWan(fen) };
}

/** `fen` shown at the precision `shown` was printed with (half up), in fen. */
function roundedAs(fen: bigint, shown: Printed): bigint {
  const step = shown.half * 2n;
  if (step <= 1n) return fen;
  const abs = fen < 0n ? -fen : fen;
  const r = ((abs + step / 2n) / step) * step;
  return fen < 0n ? -r : r;
}

/**
 * How two printings of one amount compare (#38): SAME when one is the other rounded to the digits
 * it prints (208.8 and 208.76), ROUNDING when they differ yet lie within the rounding both print
 * (2,940.05 and 2,940.06: a finding, INFO), BEYOND otherwise.
 */
export function compared(a: Printed, b: Printed): 'SAME' | 'ROUNDING' | 'BEYOND' {
  if (a.fen === b.fen || roundedAs(b.fen, a) === a.fen || roundedAs(a.fen, b) === b.fen) return 'SAME';
  return agrees(a, b) ? 'ROUNDING' : 'BEYOND';
}

/** Amount → number of 万元 (for ratios only; money itself stays in fen). */
export const wan = (fen: bigint): number => Number(fen) / Number(FEN_PER_WAN);

/** The sentences of a passage (cut at 。；!?), with their offsets. */
export function sentences(p: Passage): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (const m of p.text.matchAll(SENTENCE_END)) {
    out.push({ text: p.text.slice(start, m.index + 1), start });
    start = m.index + 1;
  }
  if (start < p.text.length) out.push({ text: p.text.slice(start), start });
  return out;
}

/**
 * Every "N万元" of a text (whitespace already out): found from each 万元 backwards (at most 24
 * characters), so a line of digits without 万元 costs linear time, not a regex retried at each digit.
 */
export function amountsIn(text: string): { index: number; end: number; number: string }[] {
  const out: { index: number; end: number; number: string }[] = [];
  let from = 0;
  for (let at = text.indexOf('万元'); at >= 0; at = text.indexOf('万元', at + 2)) {
    let i = at;
    while (i > Math.max(from, at - 24) && /[\d,.]/.test(text.charAt(i - 1))) i--;
    const number = text.slice(i, at).replace(/^[,.]+/, '');
    if (/^\d[\d,]*(?:\.\d+)?$/.test(number)) out.push({ index: at - number.length, end: at + 2, number });
    from = at + 2;
  }
  return out;
}

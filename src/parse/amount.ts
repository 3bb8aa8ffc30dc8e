// Exact amounts. Text in 元, 千元, 万元 or 亿元 becomes integer fen (分); no float is ever involved.
// The repairs a flattened PDF needs (spaces inside numbers, full-width digits, a comma
// where the decimal point belongs) are reported so a reader can check them.

export interface ParsedAmount {
  fen: bigint;
  /** Set when the text needed more than a plain parse; says what was done. */
  repair: string | null;
}

const FULL_WIDTH = /[０-９，．－＋％]/g;

import { formatWan } from '../model/money.js';
import { PRINTED_UNITS } from './glossary/index.js';
import { isKeyOf, keysOf } from '../keys.js';
import { CellMemo } from './cell-memo.js';
import { group } from './matches.js';

export function toHalfWidth(text: string): string {
  // Most cells print no full-width character: a scan of the code units (all of FULL_WIDTH lies in
  // U+FF05-U+FF19) costs less than a replace that finds nothing, and this runs on every cell.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff05 && c <= 0xff19) return text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  }
  return text;
}

/** Fen in one of each unit a document can declare (单位：元 / 千元 / 万元 / 亿元). */
const FEN_PER_UNIT = { 元: 100n, 千元: 100_000n, 万元: 1_000_000n, 亿元: 10_000_000_000n } as const;

/** Neo4j stores integers in 64 bits: an amount beyond this many fen cannot be kept exactly. */
export const MAX_FEN = 2n ** 63n - 1n;
export type MoneyUnit = keyof typeof FEN_PER_UNIT;
export const MONEY_UNITS = keysOf(FEN_PER_UNIT);

/** Fen in one unit: 元 → 100, 万元 → 1,000,000. */
export const fenPerUnit = (unit: MoneyUnit): bigint => FEN_PER_UNIT[unit];

/** The most decimals an amount in this unit can print and still be a whole number of fen (元 2, 万元 6). */
export const exactDecimals = (unit: MoneyUnit): number => FEN_PER_UNIT[unit].toString().length - 1;

// "单位：元", "单位: 万元", "金额单位：人民币千元", "（单位：亿元）": a unit declaration, as a table, a page
// or a form prints it. 万元 / 千元 / 亿元 are tried before 元, which ends them all.
const UNIT_DECLARATION = PRINTED_UNITS.declaration;

/** The unit a line (or a cell) declares — "单位：元" → 元 — with where it stands; null when it declares none. */
/** A unit as printed, its letter-spacing removed ("万 元" → 万元); null when it is no money unit. */
export function moneyUnitOf(printed: string | undefined): MoneyUnit | null {
  const unit = printed?.replace(/\s+/g, '') ?? '';
  return isKeyOf(FEN_PER_UNIT, unit) ? unit : null;
}

export function declaredUnit(text: string): { unit: MoneyUnit; index: number } | null {
  const m = UNIT_DECLARATION.exec(toHalfWidth(text));
  const unit = moneyUnitOf(m?.[1]);
  return m && unit ? { unit, index: m.index } : null;
}

/**
 * Parses an amount cell. Returns null when the cell is not a number at all.
 * `-`, `—` and the empty cell are zero. `decimalCommaHint` says the column's other values
 * use two decimals, so "1,234,56" reads as 1234.56.
 */
export function parseAmount(raw: string, unit: MoneyUnit = '万元', decimalCommaHint = true): ParsedAmount | null {
  // Each cell's answer once a document (cell-memo.ts), handed out as a copy.
  const read = (decimalCommaHint ? READ_AMOUNTS : READ_AMOUNTS_NO_HINT).of(unit, raw, () => readAmount(raw, unit, decimalCommaHint));
  return read && { fen: read.fen, repair: read.repair };
}

/** parseAmount's answers by unit and cell, with the decimal-comma hint and without. */
const READ_AMOUNTS = new CellMemo<ParsedAmount | null>();
const READ_AMOUNTS_NO_HINT = new CellMemo<ParsedAmount | null>();

function readAmount(raw: string, unit: MoneyUnit, decimalCommaHint: boolean): ParsedAmount | null {
  let text = toHalfWidth(raw).replace(/<[^<>]+>/g, '').trim();
  const repairs: string[] = [];
  if (text === '' || /^[-—–]+$/.test(text)) return { fen: 0n, repair: null };
  // A cell that prints its own unit ("446.38万元") is in that unit, whatever its table declares.
  if (PRINTED_UNITS.wanAfter.test(text)) {
    unit = '万元';
    text = text.replace(PRINTED_UNITS.wanAfter, '').trim();
  }
  let negative = false;
  if (/^[-−]/.test(text)) {
    negative = true;
    text = text.replace(/^[-−]\s*/, '');
  }
  if (/\s/.test(text)) {
    const squeezed = text.replace(/\s+/g, '');
    if (!/^[\d.,]+$/.test(squeezed)) return null;
    repairs.push('removed spaces inside the number');
    text = squeezed;
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;

  // A comma in the decimal position with no decimal point: "1,234,56", "12,345,67".
  if (!text.includes('.') && /,\d{2}$/.test(text) && decimalCommaHint) {
    text = `${text.slice(0, -3)}.${text.slice(-2)}`;
    repairs.push('read the last comma as the decimal point');
  }
  if (text.includes(',')) {
    const [intPart] = text.split('.');
    if (!/^\d{1,3}(,\d{3})*$/.test(intPart ?? '')) repairs.push('thousands commas in unusual places');
    text = text.replace(/,/g, '');
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const whole = group(m, 1);
  const frac = m[2] ?? '';
  const scale = exactDecimals(unit);
  if (frac.length > scale) return null; // finer than 0.01 yuan: not an amount we can keep exactly
  const fen = BigInt(whole) * FEN_PER_UNIT[unit] + BigInt((frac + '0'.repeat(scale)).slice(0, scale));
  if (fen > MAX_FEN) return null; // reported by amountCellProblem, never wrapped
  return { fen: negative ? -fen : fen, repair: repairs.length ? repairs.join('; ') : null };
}

/**
 * A cell that may print its own unit after the number ("446.38万元", "1,200元"): read in that
 * unit, else in `unit` (its table's). Null when the rest is not an amount.
 */
export function parseAmountIn(raw: string, unit: MoneyUnit): ParsedAmount | null {
  const text = toHalfWidth(raw).replace(/\s+/g, '');
  const own = PRINTED_UNITS.unitAfter.exec(text);
  if (!own) return parseAmount(text, unit);
  const rest = text.slice(0, own.index);
  // unitAfter's group is one of the units FEN_PER_UNIT keys: isKeyOf narrows it with no cast.
  const printed = own[1];
  if (printed === undefined || !isKeyOf(FEN_PER_UNIT, printed)) return parseAmount(text, unit);
  return /\d/.test(rest) ? parseAmount(rest, printed) : null;
}

/** Normalises a percentage cell such as "99.44 %" to "99.44%"; null if it is not one. */
export function parsePercent(raw: string): string | null {
  const text = toHalfWidth(raw).replace(/\s+/g, '');
  return /^\d+(\.\d+)?%$/.test(text) ? text : null;
}

/**
 * Why a table cell that was meant as an amount cannot be kept, or null when it is an amount or
 * plainly not meant as one (a name, a code, a percentage). Parsers keep null for such a cell; the
 * document's diagnostics say why, with the line.
 */
export function amountCellProblem(raw: string, unit: MoneyUnit = '万元'): string | null {
  // Asked of every cell of every table (parse/pipeline.ts READERS): each cell's answer once a document.
  return CELL_PROBLEMS.of(unit, raw, () => cellProblem(raw, unit));
}

/** amountCellProblem's answers by unit and cell. */
const CELL_PROBLEMS = new CellMemo<string | null>();

function cellProblem(raw: string, unit: MoneyUnit): string | null {
  const cleaned = toHalfWidth(raw).replace(/<[^<>]+>/g, '').trim();
  if (PRINTED_UNITS.wanAfter.test(cleaned)) unit = '万元';
  const text = cleaned.replace(PRINTED_UNITS.wanAfter, '').trim();
  if (text === '' || text.length > 60 || parseAmount(raw, unit) !== null) return null;
  if (/^[-−]?[\d,]+(\.\d+)?$/.test(text.replace(/\s+/g, ''))) {
    const digits = text.replace(/[^\d.]/g, '');
    const frac = digits.split('.')[1] ?? '';
    if (frac.length > exactDecimals(unit)) return `"${text}" is finer than 0.01 yuan; expected at most ${exactDecimals(unit)} decimals in ${unit}`;
    return `"${text}" is beyond the exact range (${formatWan(MAX_FEN)} 万元); expected an amount in ${unit}`;
  }
  if (/^[-+]?(∞|infinity|nan)$/i.test(text)) return `"${text}" is not an amount; expected digits in ${unit}`;
  if (/^[-+]?\d+(\.\d+)?e[-+]?\d+$/i.test(text)) return `"${text}" is in exponent notation; expected the amount written out in ${unit}`;
  if (/^0x[0-9a-f]+$/i.test(text)) return `"${text}" is hexadecimal; expected a decimal amount in ${unit}`;
  if (PRINTED_UNITS.accountingNegative.test(text)) return `"${text}" is an accounting-style negative; write it as -${text.replace(PRINTED_UNITS.bracketsAndSpaces, '')}`;
  if (/^\d+(\.\d+){2,}$/.test(text)) return `"${text}" has more than one decimal point; expected one amount in ${unit}`;
  return null;
}

// Which printed cells a document's records hold: per line, the multiset of cell values its
// records took from that line. One record field accounts for one printed cell, so a row of ten
// "0.00" cells is not all "held" because one record kept one zero.
import { parseAmountIn, toHalfWidth, type MoneyUnit } from './amount.js';
import type { ParsedDocument, Source } from './records.js';
import { fieldSourced } from '../model/fact-kind.js';
import { INVESTMENT_PROJECT } from '../model/kinds/index.js';
import { THREE_COSTS_FIGURE_NAMES } from '../model/three-costs.js';

/** The investment project's properties read from a line of their own (its fieldSources' keys). */
const INVESTMENT_FIELDS = fieldSourced(INVESTMENT_PROJECT);
import { UNIT_MARKS } from './glossary/index.js';
import { CellMemo } from './cell-memo.js';

export type HeldIndex = Map<number, Map<string, number>>;

/** The key a cell or a record value compares by: the amount in fen, else the squeezed text. */
export function valueKey(value: string | bigint, unit: MoneyUnit): string {
  if (typeof value === 'bigint') return `fen:${value}`;
  // Each printed cell is keyed twice (the records' values, then the row's cells) and tables repeat
  // their values: a text's key is worked out once per unit a document (cell-memo.ts).
  return TEXT_KEYS.of(unit, value, () => textKey(value, unit));
}

/** valueKey of texts by unit and text. */
const TEXT_KEYS = new CellMemo<string>();

function textKey(value: string, unit: MoneyUnit): string {
  // A form prints "446.38万元" where a record keeps the amount: the unit is not part of the value.
  const printed = toHalfWidth(value).replace(/\s+/g, '');
  const text = printed.replace(UNIT_MARKS.trailingUnit.matches, '');
  // Read in the unit the cell prints after it, else its table's.
  const amount = /^[-−]?[\d,.]+$/.test(text) ? parseAmountIn(printed, unit) : null;
  return amount ? `fen:${amount.fen}` : `t:${text}`;
}

/**
 * `lineUnits` gives the unit of each table row's line whose table is read in another unit than the
 * document's (src/parse/units.ts): a printed cell is keyed in its own table's unit.
 */
export function heldIndex(doc: ParsedDocument, lineUnits: ReadonlyMap<number, MoneyUnit> = new Map()): HeldIndex {
  const index: HeldIndex = new Map();
  const hold = (source: Source | undefined, ...values: (string | bigint | null | undefined)[]) => {
    if (!source) return;
    let keys = index.get(source.line);
    if (!keys) index.set(source.line, (keys = new Map()));
    const unit = lineUnits.get(source.line) ?? doc.meta.moneyUnit;
    for (const v of values) {
      if (v === null || v === undefined || v === '') continue;
      const key = valueKey(v, unit);
      keys.set(key, (keys.get(key) ?? 0) + 1);
    }
  };
  for (const l of doc.lines) hold(l.source, l.code, l.name, ...Object.values(l.columns));
  for (const t of doc.totals) hold(t.source, ...(t.columns ? Object.values(t.columns) : [t.total, t.basic, t.project]));
  for (const p of doc.projects) {
    hold(p.source, p.name, p.functionCode);
    hold(p.amountSource ?? p.source, p.amount, p.executed, p.executionRate);
    for (const f of p.funding ?? []) hold(f.line, f.budget, f.executed, f.rate);
  }
  for (const i of doc.indicators) hold(i.source, i.level1, i.level2, i.name, i.target, i.actual, i.reason);
  for (const ip of doc.investmentProjects) {
    hold(ip.source, ip.code, ip.name);
    // In the order the form was read; each key one of the kind's declared fields with a line of its own.
    for (const key of Object.keys(ip.fieldSources)) {
      const field = INVESTMENT_FIELDS.find((f) => f === key);
      if (field) hold(ip.fieldSources[field], ip[field]);
    }
  }
  for (const e of doc.selfEvaluations) hold(e.source, e.budget, e.executed, e.rate);
  for (const t of doc.threeCosts) {
    if (t.origin !== 'TABLE') continue;
    const funds = t.byFund ?? [t];
    for (const f of funds) hold(t.source, ...THREE_COSTS_FIGURE_NAMES.map((k) => f[k]));
  }
  for (const p of doc.payments) hold(p.source, p.amount);
  for (const f of doc.figures) hold(f.source, f.value);
  return index;
}

/** Takes one occurrence of a cell's value from the line's held values; false when none is left. */
export function takeHeld(index: HeldIndex, line: number, key: string): boolean {
  const keys = index.get(line);
  const n = keys?.get(key) ?? 0;
  if (!keys || n === 0) return false;
  keys.set(key, n - 1);
  return true;
}

// "三公"经费 (因公出国（境）费, 公务接待费, 公务用车购置及运行维护费) from tables and prose.
import { parseAmount, toHalfWidth, type MoneyUnit } from './amount.js';
import type { ProseLine, Row, Table } from './layout.js';
import type { ThreeCosts } from './records.js';
import { CURLY_QUOTES, THREE_COSTS_COLUMNS, TITLE_WORDS, YEAR_CELLS, threeCostsSentences } from './glossary/index.js';

type Category = 'T' | 'A' | 'R' | 'V' | 'VP' | 'VR';

function categoryOf(cell: string): Category | null {
  const c = cell.replace(/\s+/g, '');
  if (THREE_COSTS_COLUMNS.total.test(c)) return 'T';
  if (THREE_COSTS_COLUMNS.abroad.test(c)) return 'A';
  if (THREE_COSTS_COLUMNS.reception.test(c)) return 'R';
  if (THREE_COSTS_COLUMNS.vehicles.test(c)) return 'V';
  if (THREE_COSTS_COLUMNS.vehiclePurchase.test(c)) return 'VP';
  if (THREE_COSTS_COLUMNS.vehicleRunning.test(c)) return 'VR';
  return null;
}

/**
 * Each category's column, where the header rows print their cells in the data rows' columns (a
 * PDF's ruled grid gives every row one cell per column, blank cells kept; layout drops a row's
 * trailing blank cells): the category's first cell, 公务用车's 小计 and 购置费 under its span. Null
 * when a header row is wider than the data row.
 */
function columnsOf(headerRows: Row[], width: number): Map<Category, number> | null {
  if (!headerRows.length || headerRows.some((r) => r.cells.length > width)) return null;
  const cols = new Map<Category, number>();
  let subtotal: number | null = null;
  for (const r of headerRows)
    r.cells.forEach((c, i) => {
      const t = c.replace(/\s+/g, '');
      const isSubtotal = THREE_COSTS_COLUMNS.subtotal.test(t);
      if (isSubtotal && subtotal === null) subtotal = i;
      const cat = categoryOf(c) ?? (isSubtotal ? 'V' : THREE_COSTS_COLUMNS.purchasePart.test(t) ? 'VP' : null);
      if (cat && !cols.has(cat)) cols.set(cat, i);
    });
  // Aligned only if 小计 sits under the start of 公务用车's span and 购置费 beside it: a text whose
  // second header row starts at the left edge ("小计 购置费 运行费" under the first columns) is not
  // a grid, and is read by order instead (below), never by misplaced columns.
  const vehicles = cols.get('V');
  if (subtotal !== null && subtotal !== vehicles) return null;
  if (cols.has('VP') && vehicles !== undefined && cols.get('VP') !== vehicles + 1) return null;
  return cols;
}

export function isThreeCostsTable(table: Table): boolean {
  return TITLE_WORDS.threeCosts.test(table.title);
}

const BUDGET_WORD = THREE_COSTS_COLUMNS.budget;
const ACTUAL_WORD = THREE_COSTS_COLUMNS.actual;

/**
 * A 决算's 三公 table printing each item's budget and actual side by side (财政拨款“三公”经费支出决算表:
 * 合计 | 因公出国（境）费 | 公务用车购置及运行费 (小计 | 购置费 | 运行费) | 公务接待费, each over 预算数 |
 * 决算数): the row of 预算数 / 决算数 pairs gives the columns, the rows above name each pair's
 * item (the lowest name printed over the pair's first column). Two records, BUDGET and ACTUAL; a
 * blank cell is no amount. Null when the table is not so printed.
 */
function budgetActualPairs(table: Table, file: string, unit: MoneyUnit, docYear: number): ThreeCosts[] | null {
  const at = table.rows.findIndex((r) => {
    const words = r.cells.map((c) => c.replace(/\s+/g, ''));
    const pairs = words.filter((w, i) => i % 2 === 0 && BUDGET_WORD.test(w) && ACTUAL_WORD.test(words[i + 1] ?? '')).length;
    return pairs >= 3 && pairs * 2 >= words.filter((w) => w !== '').length;
  });
  if (at < 0) return null;
  const pairRow = table.rows[at]!;
  const header = table.rows.slice(0, at);
  const item = new Map<number, Category>();
  for (let col = 0; col + 1 < Math.max(pairRow.cells.length, 2); col += 2) {
    for (let h = header.length - 1; h >= 0; h--) {
      const cell = (header[h]!.cells[col] ?? '').replace(/\s+/g, '');
      const cat = cell === '' ? null : (categoryOf(cell) ?? (THREE_COSTS_COLUMNS.subtotal.test(cell) ? 'V' : null));
      if (cat) {
        item.set(col, cat);
        break;
      }
    }
  }
  if (!item.has(0) && ![...item.values()].includes('T')) return null;
  const out: ThreeCosts[] = [];
  for (const row of table.rows.slice(at + 1)) {
    if (!row.cells.some((c) => c.trim() !== '' && parseAmount(c, unit) !== null)) continue;
    for (const [offset, basis] of [[0, 'BUDGET'], [1, 'ACTUAL']] as const) {
      const value = (cat: Category): bigint | null => {
        const col = [...item.entries()].find(([, c]) => c === cat)?.[0];
        if (col === undefined) return null;
        const cell = (row.cells[col + offset] ?? '').trim();
        return cell === '' ? null : (parseAmount(cell, unit)?.fen ?? null);
      };
      out.push({ origin: 'TABLE', year: docYear, basis, total: value('T'), abroad: value('A'), reception: value('R'), vehicles: value('V'), vehiclePurchase: value('VP'), vehicleRunning: value('VR'), source: { file, table: table.title, line: row.line, text: row.text } });
    }
  }
  return out;
}

export function threeCostsFromTable(table: Table, file: string, unit: MoneyUnit, docYear: number, docIsActual: boolean): ThreeCosts[] {
  const pairs = budgetActualPairs(table, file, unit, docYear);
  if (pairs) return pairs;
  const numbers = (r: Row) => r.cells.filter((c) => /\d/.test(c) && parseAmount(c, unit) !== null).length;
  let dataRows = table.rows.filter((r) => numbers(r) >= 4 && !/^1\s+2\s+3/.test(r.cells.filter((c) => c).join(' ')));
  // A row printing fewer numbers (财政局 2025 p. 21: 合计 0.95, 公务接待费 0.95, the rest blank) is
  // read only where the header is a grid that places each category (columnsOf below), never by order.
  const sparse = dataRows.length === 0;
  if (sparse) dataRows = table.rows.filter((r) => numbers(r) >= 1 && !r.cells.some((c) => /[\u4e00-\u9fa5]/.test(c)));
  const headerRows = table.rows.filter((r) => !dataRows.includes(r));
  // The first header row that names categories gives their order; 用车 expands into its parts.
  let order: Category[] = [];
  for (const r of headerRows) {
    const cats = r.cells.map(categoryOf).filter((c): c is Category => c !== null);
    const uniq = cats.filter((c, i) => cats.indexOf(c) === i);
    if (uniq.length >= 3) {
      order = uniq;
      break;
    }
  }
  if (order.length === 0) return [];
  // The vehicle block is 小计 | 购置费 | 运行(维护)费 wherever a header names its parts.
  const hasParts = headerRows.some((r) => r.cells.some((c) => categoryOf(c) === 'VP' || THREE_COSTS_COLUMNS.subtotal.test(c.replace(/\s+/g, ''))));
  const firstVehicle = order.findIndex((c) => c === 'V' || c === 'VP' || c === 'VR');
  if (firstVehicle >= 0) {
    order = order.filter((c) => c !== 'V' && c !== 'VP' && c !== 'VR');
    order.splice(firstVehicle, 0, ...(hasParts ? (['V', 'VP', 'VR'] as Category[]) : (['V'] as Category[])));
  }
  const fundsPerCategory = headerRows.some((r) => r.cells.filter((c) => THREE_COSTS_COLUMNS.generalBudgetFund.test(c)).length >= 3) ? 3 : 1;
  // Fund names in header order (一般公共预算 | 政府性基金预算 | 国有资本经营预算), repeated per category.
  const fundRow = headerRows.find((r) => r.cells.filter((c) => THREE_COSTS_COLUMNS.generalBudgetFund.test(c)).length >= 3);
  const funds = fundRow ? [...new Set(fundRow.cells.map((c) => c.replace(/\s+/g, '')).filter((c) => c !== ''))].slice(0, fundsPerCategory) : [];
  const out: ThreeCosts[] = [];
  for (const row of dataRows) {
    const yearCell = row.cells.find((c) => YEAR_CELLS.yearLabel.test(c.trim()));
    if (!yearCell && row.cells.some((c) => THREE_COSTS_COLUMNS.change.test(c))) continue;
    const values = row.cells.filter((c) => c.trim() !== '' && !YEAR_CELLS.endsInYear.test(c.trim()) && parseAmount(c, unit) !== null && !/[\u4e00-\u9fa5]/.test(c)).map((c) => parseAmount(c, unit)!.fen);
    const year = yearCell ? Number(toHalfWidth(yearCell).replace(/\D/g, '')) : docYear;
    const blocks = values.length >= order.length * fundsPerCategory * 2 && !yearCell ? 2 : 1;
    // Cells that line up with the header: each category read in its own column, a blank cell blank.
    const cols = blocks === 1 && fundsPerCategory === 1 && !yearCell ? columnsOf(headerRows, row.cells.length) : null;
    if (cols && order.every((c) => cols.has(c))) {
      const at = (cat: Category): bigint | null => {
        const cell = row.cells[cols.get(cat)!] ?? '';
        return cell.trim() === '' ? null : (parseAmount(cell, unit)?.fen ?? null);
      };
      out.push({ origin: 'TABLE', year, basis: docIsActual ? 'ACTUAL' : 'BUDGET', total: at('T'), abroad: at('A'), reception: at('R'), vehicles: at('V'), vehiclePurchase: order.includes('VP') ? at('VP') : null, vehicleRunning: order.includes('VR') ? at('VR') : null, source: { file, table: table.title, line: row.line, text: row.text } });
      continue;
    }
    if (sparse) continue;
    for (let b = 0; b < blocks; b++) {
      const pickFund = (cat: Category, f: number): bigint | null => {
        const idx = order.indexOf(cat);
        if (idx < 0) return null;
        return values[b * order.length * fundsPerCategory + idx * fundsPerCategory + f] ?? null;
      };
      // The headline figure of a category is the sum over its funds (all 财政拨款).
      const pick = (cat: Category): bigint | null => {
        const parts = Array.from({ length: fundsPerCategory }, (_, f) => pickFund(cat, f));
        return parts[0] === null || parts[0] === undefined ? null : parts.reduce<bigint>((a, v) => a + (v ?? 0n), 0n);
      };
      const figures = (f: (cat: Category) => bigint | null) => ({ total: f('T'), abroad: f('A'), reception: f('R'), vehicles: f('V'), vehiclePurchase: f('VP'), vehicleRunning: f('VR') });
      out.push({
        origin: 'TABLE',
        year,
        basis: blocks === 2 ? (b === 0 ? 'BUDGET' : 'ACTUAL') : docIsActual ? 'ACTUAL' : 'BUDGET',
        ...figures(pick),
        ...(funds.length === fundsPerCategory && fundsPerCategory > 1 ? { byFund: funds.map((fund, k) => ({ fund, ...figures((cat) => pickFund(cat, k)) })) } : {}),
        source: { file, table: table.title, line: row.line, text: row.text },
      });
    }
  }
  return out;
}

/** The 三公 paragraphs: total, then each category's 预算数 (or 决算数). */
export function threeCostsFromProse(prose: ProseLine[], file: string, unit: MoneyUnit, docYear: number, docIsActual: boolean): ThreeCosts[] {
  const sentences = threeCostsSentences(docIsActual);
  // In this order: the first sentence of a figure is its amount.
  const patterns: [keyof Pick<ThreeCosts, 'total' | 'abroad' | 'reception' | 'vehicles' | 'vehiclePurchase' | 'vehicleRunning'>, RegExp][] = [
    ['total', sentences.total],
    ['abroad', sentences.abroad],
    ['reception', sentences.reception],
    ['vehicles', sentences.vehicles],
    ['vehiclePurchase', sentences.vehiclePurchase],
    ['vehicleRunning', sentences.vehicleRunning],
  ];
  const found: Partial<Record<string, { fen: bigint; line: ProseLine }>> = {};
  for (const p of prose) {
    const text = toHalfWidth(p.text).replace(CURLY_QUOTES, '"');
    for (const [key, re] of patterns) {
      if (found[key]) continue;
      const m = re.exec(text);
      if (!m) continue;
      const amount = parseAmount(m[1]!, unit);
      if (amount) found[key] = { fen: amount.fen, line: p };
    }
  }
  const first = found.total ?? found.reception ?? found.abroad ?? found.vehicles;
  if (!first) return [];
  return [
    {
      origin: 'PROSE',
      year: docYear,
      basis: docIsActual ? 'ACTUAL' : 'BUDGET',
      total: found.total?.fen ?? null,
      abroad: found.abroad?.fen ?? null,
      reception: found.reception?.fen ?? null,
      vehicles: found.vehicles?.fen ?? null,
      vehiclePurchase: found.vehiclePurchase?.fen ?? null,
      vehicleRunning: found.vehicleRunning?.fen ?? null,
      source: { file, table: '正文', line: first.line.line, text: first.line.text },
    },
  ];
}

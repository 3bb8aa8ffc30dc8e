// Display helpers. Amounts arrive as exact decimal strings in 万元; they are formatted as
// strings (thousands separators), never through a float.
import { csvText } from '../../src/csv.js';
import { MONEY_BY_KIND, MONEY_DISPLAY_NAMES } from '../../src/model/money-fields.js';

export function wan(value: unknown): string {
  if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) return value === null || value === undefined ? '—' : String(value);
  const negative = value.startsWith('-');
  const [whole, frac] = value.replace('-', '').split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''} 万元`;
}

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The properties shown as money (their display values are already 万元 strings): the model's
 * declared money properties (src/model/money-fields.ts), never guessed from a name.
 */
export const MONEY_KEYS: ReadonlySet<string> = MONEY_DISPLAY_NAMES;

/** Whether `key` is money: of that node kind when it is known, else of any kind (an edge, an answer's column). */
export const isMoneyKey = (key: string, kind?: string): boolean => (kind !== undefined ? MONEY_BY_KIND.get(kind) : undefined)?.has(key) ?? MONEY_KEYS.has(key);

/** The answer table as CSV: the server's own writer (src/csv.ts, bundled), formula guard and RFC 4180 quoting. */
export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  return csvText(
    columns,
    rows.map((r) => columns.map((c) => r[c])),
  );
}

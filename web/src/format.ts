// Display helpers. Amounts arrive as exact decimal strings in 万元; they are formatted as
// strings (thousands separators), never through a float.
import { csvText } from '../../src/csv.js';

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

/** Money-like property names (the API's display properties are already in 万元). */
export const MONEY_KEYS = /^(amount|executed|total|basic|project|budget|actual|delta|totalInvestment|plannedInYear|completedInYear|cumulativeCompleted|abroad|reception|vehicles|vehiclePurchase|vehicleRunning)$/;

/** The answer table as CSV: the server's own writer (src/csv.ts, bundled), formula guard and RFC 4180 quoting. */
export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  return csvText(
    columns,
    rows.map((r) => columns.map((c) => r[c])),
  );
}

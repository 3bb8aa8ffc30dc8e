// The one CSV writer: the server's /export (src/api/export.ts), the load run report
// (src/load/run-report.ts) and the explorer's Download CSV (web/src/format.ts, bundled from here).
// RFC 4180: fields separated by commas, records ended by CRLF, a field holding a comma, a quote, a
// CR or an LF (or space at either end, which readers trim) quoted, its quotes doubled. Plus the
// OWASP guard against CSV injection. Pure: no Node or DOM API, so the browser bundle takes it as is.

/** Prepended to a CSV file so that spreadsheets read it as UTF-8 (Chinese names, not mojibake). */
export const UTF8_BOM = '\uFEFF';

/** A plain number ("-5.00"; "1e3" excluded) is data to a spreadsheet, never a formula. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** What a spreadsheet may run as a formula when a cell starts with it (OWASP: = + - @ tab CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field. Text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return) is prefixed with ' as OWASP's CSV-injection guidance says; plain numbers, negative
 * amounts included, are left as they are. null and undefined are empty.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, ended by CRLF. */
export function csvRecord(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A header and its records (no byte-order mark: add UTF8_BOM when writing a file). */
export function csvText(header: readonly string[], records: Iterable<readonly unknown[]>): string {
  let out = csvRecord(header);
  for (const r of records) out += csvRecord(r);
  return out;
}

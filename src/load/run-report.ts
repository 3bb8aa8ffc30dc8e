// The run report of `npm run load`: one row per file — what loaded, what was refused and why,
// and how well each document was read (records by kind, anomalies, diagnostics, parity) — written
// as JSON and CSV beside each other, with a summary for the terminal.
import { csvText } from '../csv.js';
import type { LoadReport } from './loader.js';

/** The record kinds a report counts, as the load plan names them. */
export const REPORTED_KINDS = ['units', 'lines', 'allocations', 'indicators', 'investments', 'evaluations', 'threeCosts', 'tableTotals', 'figures', 'proseAmounts', 'payments', 'anomalies'] as const;
type ReportedKind = (typeof REPORTED_KINDS)[number];

export interface RunReportRow {
  file: string;
  /** LOADED, UNCHANGED, REPLACED … from the loader; REFUSED when the file was not loaded. */
  status: string;
  department: string | null;
  year: number | null;
  kinds: string[];
  records: Partial<Record<ReportedKind, number>>;
  /** The parser's and the load's diagnostics (cells it could not read, repairs it made). */
  diagnostics: number;
  /** Of those, WARNINGs: lines whose figures are not in the graph or were read with doubt (Document.diagnostics says which). */
  warnings: number;
  /**
   * The WARNINGs by code, most first ("UNKNOWN_TABLE×2; COLUMN_UNLABELLED"): what was left unread
   * (a money table of no family, an amount under no header, a cell that is no number) at a glance,
   * as `npm run parse -- FILE --coverage` shows it table by table (#37 item 6).
   */
  warningCodes: string;
  /** Parse/graph parity differences; 0 when every fact reached the graph. */
  parity: number;
  /** Why a refused file was refused (code and sentence). */
  error: string | null;
  ms: number;
}

export function reportRow(r: LoadReport): RunReportRow {
  const plan = r.plan;
  const records: Partial<Record<ReportedKind, number>> = {};
  if (plan) for (const k of REPORTED_KINDS) records[k] = plan[k].length;
  return {
    file: r.file,
    status: r.status,
    department: plan ? plan.department.name : null,
    year: plan && plan.document.year !== null ? Number(plan.document.year) : null,
    kinds: plan ? [...plan.document.kinds] : [],
    records,
    diagnostics: plan ? plan.diagnostics.length : 0,
    warnings: plan ? plan.diagnostics.filter((d) => d.level === 'WARNING').length : 0,
    warningCodes: codeCounts(r.diagnostics.filter((d) => d.level === 'WARNING').map((d) => d.code)),
    parity: r.parity.length,
    error: null,
    ms: r.ms,
  };
}

/** Codes with their counts, most first, then by name: "UNKNOWN_TABLE×2; COLUMN_UNLABELLED". */
export function codeCounts(codes: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([c, n]) => (n > 1 ? `${c}×${n}` : c))
    .join('; ');
}

export function refusedRow(file: string, code: string, message: string, ms: number): RunReportRow {
  return { file, status: 'REFUSED', department: null, year: null, kinds: [], records: {}, diagnostics: 0, warnings: 0, warningCodes: '', parity: 0, error: `${code}: ${message}`, ms };
}

/** CSV with one column per record kind; kinds joined by "; " (the one CSV writer, src/csv.ts). */
export function reportCsv(rows: RunReportRow[]): string {
  const header = ['file', 'status', 'department', 'year', 'kinds', ...REPORTED_KINDS, 'diagnostics', 'warnings', 'warningCodes', 'parity', 'ms', 'error'];
  return csvText(
    header,
    rows.map((r) => [r.file, r.status, r.department, r.year, r.kinds.join('; '), ...REPORTED_KINDS.map((k) => r.records[k] ?? ''), r.diagnostics, r.warnings, r.warningCodes, r.parity, r.ms, r.error]),
  );
}

export interface RunSummary {
  files: number;
  byStatus: Record<string, number>;
  records: number;
  parityDifferences: number;
  /** Documents with at least one WARNING diagnostic. */
  documentsWithWarnings: number;
  ms: number;
}

export function summarise(rows: RunReportRow[], ms: number): RunSummary {
  const byStatus: Record<string, number> = {};
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  return { files: rows.length, byStatus, records: rows.reduce((a, r) => a + Object.values(r.records).reduce((x, y) => x + (y ?? 0), 0), 0), parityDifferences: rows.reduce((a, r) => a + r.parity, 0), documentsWithWarnings: rows.filter((r) => r.warnings > 0).length, ms };
}

export function summaryLine(s: RunSummary): string {
  const statuses = Object.entries(s.byStatus).map(([k, v]) => `${v} ${k}`).join(', ');
  const perMinute = s.ms > 0 ? Math.round((s.files / s.ms) * 60_000) : 0;
  return `${s.files} files (${statuses || 'none'}), ${s.records} records, ${s.parityDifferences} parity differences, ${s.documentsWithWarnings} with lines not read or read with doubt (warnings: Document.diagnostics), ${(s.ms / 1000).toFixed(1)} s (${perMinute} documents/min)`;
}

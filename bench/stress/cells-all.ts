// Every cell of every line of a 10,000-line document (#39 item 1, for npm run stress's abuse part):
// Source.cells(all: true) under each of a document's 功能分类 lines, in one request. Each line's place
// is read back (one batched statement, loaders.placeByLine), its cells parsed and served with their
// boxes and texts: the answer must come within the caps (HTTP 200, at most LIMITS.maxAnswerBytes,
// within the 55 s a request has) or be refused with a documented 4xx code (README "Limits": 400
// QUERY_TOO_COMPLEX, extensions.limit saying which) — never a 503 of a query that ran out of time,
// never a server that stops answering health. The document is a generated 功能分类 table
// (documents.ts functionTable) printed by LibreOffice, so that each line has a page and cell boxes
// (a 10,000-row print is over the PDF caps' 1,000,000 operators: refused at ingest, 400
// BAD_DOCUMENT), and the same table as a text with form feeds, whose 10,000 places are read back.
import { performance } from 'node:perf_hooks';
import { printPdfsWithLibreOffice } from '../../scripts/print-pdf-libreoffice.js';
import { LIMITS } from '../../src/api/limits.js';
import { functionTable } from './documents.js';

export const CELLS_ALL_LINES = 10_000;
/** The documented codes a request for too much is refused with (README "Limits"). */
export const CELLS_ALL_REFUSALS: ReadonlySet<string> = new Set(['QUERY_TOO_COMPLEX']);
/** How long a request may take before the server answers 408 (README: whole within 55 s). */
export const REQUEST_MS = 55_000;

export const CELLS_ALL_QUERY = 'query($id: ID!) { document(id: $id) { functionLines { code source { line page cells(all: true) { index page x0 y0 x1 y1 text read } } } } }';

/** The generated document: 10,000 code lines under one 功能分类 title (documents.ts). */
export const cellsAllDocument = (lines = CELLS_ALL_LINES, department = '大单元格局') => ({ name: department, text: functionTable(lines, department, 2033) });

export interface CellsAllAnswer {
  status: number;
  /** The error code of a refusal (extensions.code, or the HTTP error body's code); null for an answer. */
  code: string | null;
  bytes: number;
  ms: number;
  /** Lines answered, and cells among them (an answer only). */
  lines: number;
  cells: number;
  /** A refusal's or failure's first error: its message, its reason (extensions.reason), and how many errors the answer held. */
  error: { message: string; reason: string | null; count: number } | null;
}

export type CellsAllVerdict = 'ANSWERED' | 'REFUSED' | 'FAILED';

/**
 * ANSWERED: a 200 whose every line came back, within the answer cap and the request's time;
 * REFUSED: a 4xx with a documented code, promptly; anything else FAILED.
 */
export function cellsAllVerdict(a: CellsAllAnswer, expectedLines: number): CellsAllVerdict {
  if (a.ms > REQUEST_MS) return 'FAILED';
  if (a.status === 200 && a.code === null) return a.lines === expectedLines && a.bytes <= LIMITS.maxAnswerBytes ? 'ANSWERED' : 'FAILED';
  return a.status >= 400 && a.status < 500 && a.code !== null && CELLS_ALL_REFUSALS.has(a.code) ? 'REFUSED' : 'FAILED';
}

/** Asks every cell of every line of document `id` once, and measures the answer. */
export async function askCellsAll(graphqlUrl: string, id: string, headers: Record<string, string> = {}): Promise<CellsAllAnswer> {
  const t0 = performance.now();
  const res = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: CELLS_ALL_QUERY, variables: { id } }), signal: AbortSignal.timeout(REQUEST_MS + 10_000) });
  const body = await res.text();
  const ms = Math.round(performance.now() - t0);
  let parsed: { data?: { document?: { functionLines?: { source: { cells: unknown[] } }[] } | null }; errors?: { message?: string; extensions?: { code?: string; reason?: string } }[]; error?: { code?: string; message?: string }; code?: string; message?: string } = {};
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    // Not JSON: no code, a failure.
  }
  const lines = parsed.data?.document?.functionLines ?? [];
  const code = parsed.errors?.[0]?.extensions?.code ?? parsed.error?.code ?? parsed.code ?? null;
  const first = parsed.errors?.[0];
  const error = first ? { message: first.message ?? '', reason: first.extensions?.reason ?? null, count: parsed.errors?.length ?? 0 } : code ? { message: parsed.error?.message ?? parsed.message ?? '', reason: null, count: 1 } : null;
  return { status: res.status, code, bytes: Buffer.byteLength(body), ms, lines: lines.length, cells: lines.reduce((n, l) => n + l.source.cells.length, 0), error };
}

export interface CellsAllRow extends CellsAllAnswer {
  probe: string;
  verdict: CellsAllVerdict;
  /** The server's RSS after the answer (MB). */
  rssMb: number | null;
  /** The slowest { health { ok } } asked every 250 ms while the request ran. */
  healthMs: number;
}

/** The documented codes an ingest of too large a document is refused with (README: 400 BAD_DOCUMENT, 413). */
export const INGEST_REFUSALS: ReadonlySet<string> = new Set(['BAD_DOCUMENT', 'PAYLOAD_TOO_LARGE']);

/** The text of the document with a form feed every 40 lines: a text whose lines have pages (no boxes). */
const withPages = (text: string) => text.split('\n').map((l, i) => (i > 0 && i % 40 === 0 ? `\f${l}` : l)).join('\n');

/**
 * The probe, on two documents: the generated one printed by LibreOffice and ingested as a PDF (a
 * PDF of 10,000 rows may be refused by the PDF caps: that refusal, if documented, is the answer),
 * and the same table as a text with form feeds (every line a page, no boxes: the places of 10,000
 * lines are read all the same); each document that loads is asked every cell of every line twice.
 */
export async function cellsAllProbe(graphqlUrl: string, token: string, rss: () => number | null, log: (line: string) => void): Promise<CellsAllRow[]> {
  const base = graphqlUrl.replace(/\/graphql$/, '');
  const auth = { authorization: `Bearer ${token}` };
  const rows: CellsAllRow[] = [];
  const pdfDoc = cellsAllDocument();
  const t0 = performance.now();
  const pdf = printPdfsWithLibreOffice([pdfDoc]).get(pdfDoc.name);
  log(`cells(all): ${CELLS_ALL_LINES} lines printed to a ${((pdf?.length ?? 0) / 1e6).toFixed(2)} MB PDF in ${Math.round((performance.now() - t0) / 1000)} s`);
  const textDoc = cellsAllDocument(CELLS_ALL_LINES, '大单元格文本局');
  const documents = [
    { label: 'PDF', file: `${pdfDoc.name}.pdf`, id: pdfDoc.name, type: 'application/pdf', body: pdf ?? Buffer.alloc(0) },
    { label: 'text with form feeds', file: `${textDoc.name}.txt`, id: textDoc.name, type: 'text/plain; charset=utf-8', body: Buffer.from(withPages(textDoc.text)) },
  ];
  for (const d of documents) {
    const i0 = performance.now();
    const res = await fetch(`${base}/ingest?name=${encodeURIComponent(d.file)}&replace=true`, { method: 'POST', headers: { 'content-type': d.type, ...auth }, body: d.body, signal: AbortSignal.timeout(600_000) }).catch(() => null);
    const text = res ? await res.text() : '';
    const body = ((): { errors?: { message?: string; extensions?: { code?: string; reason?: string } }[] } => {
      try {
        return JSON.parse(text) as { errors?: { message?: string; extensions?: { code?: string; reason?: string } }[] };
      } catch {
        return {};
      }
    })();
    const first = body.errors?.[0];
    const status = res?.status ?? 0;
    const code = first?.extensions?.code ?? null;
    const ingest: CellsAllAnswer = { status, code, bytes: Buffer.byteLength(text), ms: Math.round(performance.now() - i0), lines: 0, cells: 0, error: first ? { message: first.message ?? '', reason: first.extensions?.reason ?? null, count: body.errors?.length ?? 0 } : null };
    const ingestVerdict: CellsAllVerdict = status === 200 ? 'ANSWERED' : status >= 400 && status < 500 && code !== null && INGEST_REFUSALS.has(code) ? 'REFUSED' : 'FAILED';
    rows.push({ probe: `${d.label}: ingest`, ...ingest, verdict: ingestVerdict, rssMb: rss(), healthMs: 0 });
    log(`cells(all) ${d.label}: ingest ${status} ${code ?? ''} in ${ingest.ms} ms${first ? ` (${first.extensions?.reason ?? ''} ${(first.message ?? '').slice(0, 200)})` : ''}`);
    if (status !== 200) continue;
    try {
      for (const round of ['cold', 'again']) {
        let slowest = 0;
        let done = false;
        const health = (async () => {
          while (!done) {
            const h0 = performance.now();
            await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ health { ok } }' }), signal: AbortSignal.timeout(30_000) }).catch(() => undefined);
            slowest = Math.max(slowest, performance.now() - h0);
            await new Promise((r) => setTimeout(r, 250));
          }
        })();
        const answer = await askCellsAll(graphqlUrl, d.id, auth);
        done = true;
        await health;
        const row: CellsAllRow = { probe: `${d.label}: cells(all), ${round}`, ...answer, verdict: cellsAllVerdict(answer, CELLS_ALL_LINES), rssMb: rss(), healthMs: Math.round(slowest) };
        log(`cells(all) ${row.probe}: ${row.status} ${row.code ?? ''} ${row.lines} lines, ${row.cells} cells, ${(row.bytes / 1e6).toFixed(1)} MB in ${row.ms} ms → ${row.verdict}${row.error ? ` (${row.error.count} errors, first: ${row.error.reason ?? ''} ${row.error.message.slice(0, 160)})` : ''}`);
        rows.push(row);
      }
    } finally {
      await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ query: 'mutation($n: String!) { removeDocument(name: $n) }', variables: { n: d.file } }) }).catch(() => undefined);
    }
  }
  return rows;
}

export function cellsAllReport(rows: CellsAllRow[]): string[] {
  const lines = [
    '',
    '### Every cell of a 10,000-line document (issue 39 item 1)',
    '',
    `Source.cells(all: true) under each of the ${CELLS_ALL_LINES.toLocaleString('en')} 功能分类 lines of a generated document, in one request: printed by LibreOffice and ingested as a PDF (its ingest may be refused by the PDF caps: a documented 4xx ${[...INGEST_REFUSALS].join(' / ')} is a pass), and as a text with a form feed every 40 lines. Expected of each question: a 200 with every line within ${LIMITS.maxAnswerBytes / 2 ** 20} MiB and ${REQUEST_MS / 1000} s, or a prompt 4xx ${[...CELLS_ALL_REFUSALS].join(' / ')}; health answering meanwhile.`,
    '',
    '| probe | status | code | lines | cells | answer | time | slowest health | server RSS | verdict | first error |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) lines.push(`| ${r.probe} | ${r.status} | ${r.code ?? ''} | ${r.lines} | ${r.cells} | ${(r.bytes / 1e6).toFixed(1)} MB | ${r.ms} ms | ${r.healthMs} ms | ${r.rssMb ?? '?'} MB | ${r.verdict} | ${r.error ? `${r.error.reason ?? ''} ${r.error.message.slice(0, 120).replace(/\|/g, '/')} (× ${r.error.count})` : ''} |`);
  lines.push('');
  return lines;
}

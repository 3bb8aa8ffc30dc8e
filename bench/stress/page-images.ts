// The printed-page probe of issue 39 (item 2) for npm run stress's abuse part: a real PDF is
// ingested, then GET /documents/<id>/pages/<n>.png is asked with page numbers out of range, huge
// and malformed, ids that try to climb out of the route, no preflight header, and 40 renders at
// once (the server renders 2 at a time and lets 8 wait: the rest must be prompt 503s, not a pile of
// pdftoppm children). Every answer's status and time is counted; no answer may be the PDF's bytes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../../src/config.js';

export interface PageImageRow {
  probe: string;
  requests: number;
  /** Status → how many answers had it. */
  statuses: Record<string, number>;
  slowestMs: number;
  /** Answers that started with %PDF- (must be 0). */
  pdfBytes: number;
}

const FILE = '上海市普陀区财政局2024年度部门决算.pdf';
const ID = FILE.replace(/\.pdf$/, '');

export async function pageImageAttacks(graphqlUrl: string, token: string, log: (line: string) => void): Promise<PageImageRow[]> {
  const base = graphqlUrl.replace(/\/graphql$/, '');
  const ingest = await fetch(`${base}/ingest?name=${encodeURIComponent(FILE)}&replace=true`, { method: 'POST', headers: { 'content-type': 'application/pdf', authorization: `Bearer ${token}` }, body: readFileSync(join(projectRoot, 'tests', 'fixtures', 'real', FILE)), signal: AbortSignal.timeout(180_000) });
  log(`page images: ingest ${FILE}: ${ingest.status}`);
  const page = (p: string, id = encodeURIComponent(ID)) => `${base}/documents/${id}/pages/${p}.png`;
  const rows: PageImageRow[] = [];
  const probe = async (name: string, urls: string[], headers: Record<string, string> = { 'apollo-require-preflight': 'true' }) => {
    const row: PageImageRow = { probe: name, requests: urls.length, statuses: {}, slowestMs: 0, pdfBytes: 0 };
    await Promise.all(
      urls.map(async (url) => {
        const t0 = performance.now();
        const res = await fetch(url, { headers, signal: AbortSignal.timeout(60_000) }).catch(() => null);
        const body = res ? Buffer.from(await res.arrayBuffer()) : Buffer.alloc(0);
        row.slowestMs = Math.max(row.slowestMs, Math.round(performance.now() - t0));
        const status = res ? String(res.status) : 'no answer';
        row.statuses[status] = (row.statuses[status] ?? 0) + 1;
        if (body.subarray(0, 5).toString('latin1') === '%PDF-') row.pdfBytes++;
      }),
    );
    log(`page images: ${name}: ${JSON.stringify(row.statuses)} slowest ${row.slowestMs} ms`);
    rows.push(row);
  };
  try {
    await probe('one page (8)', [page('8')]);
    await probe('pages past the last (30, 9999, 10000)', ['30', '9999', '10000'].map((p) => page(p)));
    await probe('huge and malformed page numbers', ['0', '-1', '10001', '99999999999999999999', '1e9', '1.5', '0x10', 'NaN', '%00', 'a'.repeat(5000)].map((p) => page(p)));
    await probe('ids that climb out or are not there', [page('1', '..%2F..%2Fpackage.json'), page('1', '%2e%2e'), page('1', 'x'.repeat(8000)), page('1', '%E0%A4%A'), `${base}/documents/${encodeURIComponent(ID)}`, `${base}/documents/${encodeURIComponent(ID)}.pdf`]);
    await probe('without the preflight header (an <img> of another site)', [page('1')], {});
    await probe('40 renders at once (pages 1-20, twice)', Array.from({ length: 40 }, (_, i) => page(String((i % 20) + 1))));
  } finally {
    await fetch(base + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: 'mutation($n: String!) { removeDocument(name: $n) }', variables: { n: FILE } }) }).catch(() => undefined);
  }
  return rows;
}

export function pageImageReport(rows: PageImageRow[]): string[] {
  const lines = [
    '',
    '### Printed pages (issue 39 item 2)',
    '',
    'GET /documents/<id>/pages/<n>.png on a real 决算 ingested for the probe. Expected: 400 for a malformed or huge page number, 404 past the last page or for an unknown id, 400 without the preflight header, 200 or a prompt 503 when more than 2 render and 8 wait; never the PDF itself.',
    '',
    '| probe | requests | statuses | slowest | answers that were the PDF |',
    '|---|---|---|---|---|',
  ];
  for (const r of rows) lines.push(`| ${r.probe} | ${r.requests} | ${Object.entries(r.statuses).map(([s, n]) => `${s} × ${n}`).join(', ')} | ${r.slowestMs} ms | ${r.pdfBytes} |`);
  lines.push('');
  return lines;
}

// The web-page and Markdown attacks (#39 item 5) for npm run stress's abuse part, against a server
// with the token: each hostile page POSTed to /ingest as text/html (or text/markdown), then a real
// page (data/000's excerpt saved as HTML by LibreOffice, tests/fixtures/html), which must load.
// While each runs, `{ health { ok } }` and GET /healthz are asked every 100 ms and the server's RSS
// sampled, as for the PDF attacks. Expected: each a 400 BAD_DOCUMENT naming its cap (or read in
// bounded time: an entity bomb is no bomb in HTML), in under 2 s, the server's RSS within 300 MB.
// Alone: tsx bench/stress/html-attacks.ts --url=http://127.0.0.1:4000/graphql --token=… --pid=<server pid>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../../src/config.js';
import { memoryMb } from '../proc.js';

export interface HtmlAttackRow {
  attack: string;
  bytes: number;
  status: number;
  answer: string;
  ms: number;
  healthSlowestMs: number;
  probesNotOk: number;
  probes: number;
  serverRssMbBefore: number | null;
  serverRssMbPeak: number | null;
}

const page = (body: string) => Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n${body}\n</body></html>`);

/** The hostile pages: name, file name, content type, bytes. */
export function htmlAttackPages(): [string, string, string, Buffer][] {
  return [
    ['deep nesting: 200,000 <div>s inside one another', 'deep.html', 'text/html', page('<div>'.repeat(200_000))],
    ['colspan=100000', 'colspan.html', 'text/html', page('<table><tr><td>2020年部门预算</td></tr><tr><td colspan="100000">1</td></tr></table>')],
    ['rowspan=100000 on 2,000 cells (cut at the row group, as browsers do)', 'rowspan.html', 'text/html', page(`<table>${'<tr><td rowspan="100000">1</td></tr>'.repeat(2_000)}</table>`)],
    ['many cells: 4,000 rows of 100 cells', 'cells.html', 'text/html', page(`<table>${`<tr>${'<td>1</td>'.repeat(100)}</tr>`.repeat(4_000)}</table>`)],
    ['element flood: 4 million <br> (16 MB)', 'flood.html', 'text/html', page('<br>'.repeat(4_000_000))],
    ['entity bomb: a DOCTYPE declaring nested entities, used 100,000 times', 'entities.html', 'text/html', Buffer.from(`<!DOCTYPE html [<!ENTITY a "${'x'.repeat(1000)}"><!ENTITY b "${'&a;'.repeat(1000)}">]><p>${'&b;'.repeat(100_000)}</p>`)],
    ['character references: 3 million &amp;', 'refs.html', 'text/html', page(`<p>${'&amp;'.repeat(3_000_000)}</p>`)],
    ['Markdown: 1 million table pipes', 'pipes.md', 'text/markdown', Buffer.from(`| a | b |\n| - | - |\n${'|'.repeat(1_000_000)}\n`)],
    ['Markdown: quotes nested 10,000 deep', 'quotes.md', 'text/markdown', Buffer.from(`${'>'.repeat(10_000)} x\n`)],
  ];
}

async function probeWhile(url: string, pid: number | undefined, done: Promise<unknown>): Promise<{ probes: { ms: number; ok: boolean }[]; rss: number[] }> {
  const out = { probes: [] as { ms: number; ok: boolean }[], rss: [] as number[] };
  let finished = false;
  void done.finally(() => (finished = true));
  while (!finished) {
    const t0 = performance.now();
    const ok = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ health { ok } }' }), signal: AbortSignal.timeout(10_000) })
      .then(async (res) => ((await res.json()) as { data?: { health?: { ok?: boolean } } }).data?.health?.ok === true)
      .catch(() => false);
    out.probes.push({ ms: Math.round(performance.now() - t0), ok });
    const rss = memoryMb(pid, 'VmRSS');
    if (rss !== null) out.rss.push(rss);
    await new Promise((r) => setTimeout(r, 100));
  }
  return out;
}

/** Each hostile page ingested in turn, then a real one (removed after). */
export async function htmlAttacks(url: string, token: string, serverPid: () => number | undefined = () => undefined, log: (m: string) => void = (m) => console.error(`stress: ${m}`)): Promise<HtmlAttackRow[]> {
  const ingest = url.replace(/\/graphql$/, '/ingest');
  const real = 'html-attacks-000-excerpt.html';
  const attacks = [...htmlAttackPages(), ['a real page (data/000 excerpt saved by LibreOffice), which loads', real, 'text/html', readFileSync(join(projectRoot, 'tests', 'fixtures', 'html', '000-excerpt.html'))] as [string, string, string, Buffer]];
  const rows: HtmlAttackRow[] = [];
  for (const [attack, name, type, bytes] of attacks) {
    const pid = serverPid();
    const before = memoryMb(pid, 'VmRSS');
    const t0 = performance.now();
    // replace: the real page is 000's department, year and kind, which the graph may hold already.
    const answer = fetch(`${ingest}?name=${encodeURIComponent(name)}&replace=true`, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${token}` }, body: bytes, signal: AbortSignal.timeout(180_000) }).then(async (res) => ({ status: res.status, body: (await res.json().catch(() => null)) as any, ms: Math.round(performance.now() - t0) }));
    const probes = await probeWhile(url, pid, answer);
    const { status, body, ms } = await answer;
    const error = body?.errors?.[0]?.extensions;
    const row: HtmlAttackRow = {
      attack,
      bytes: bytes.length,
      status,
      answer: error ? [error.code, error.reason, error.cap, error.line === undefined ? undefined : `line ${error.line}`].filter((x) => x !== undefined).join(' ') : `${body?.status} ${body?.records} records`,
      ms,
      healthSlowestMs: Math.max(0, ...probes.probes.map((p) => p.ms)),
      probesNotOk: probes.probes.filter((p) => !p.ok).length,
      probes: probes.probes.length,
      serverRssMbBefore: before,
      serverRssMbPeak: probes.rss.length ? Math.max(...probes.rss, memoryMb(pid, 'VmRSS') ?? 0) : memoryMb(pid, 'VmRSS'),
    };
    rows.push(row);
    log(`html: ${attack}: ${row.status} ${row.answer} in ${row.ms} ms; server RSS ${row.serverRssMbBefore} → peak ${row.serverRssMbPeak} MB; slowest health ${row.healthSlowestMs} ms (${row.probesNotOk} of ${row.probes} not ok)`);
  }
  await fetch(`${ingest}?name=${encodeURIComponent(real)}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  return rows;
}

/** The rows as a section of bench/STRESS.md. */
export function htmlAttackReport(rows: HtmlAttackRow[]): string[] {
  const lines = [
    '',
    '### Web page and Markdown attacks (issue 39 item 5)',
    '',
    'Each POSTed to `/ingest` as `text/html` or `text/markdown` with the token while `{ health { ok } }` is asked every 100 ms. Expected: each a 400 naming its cap (src/source/html/caps.ts) in under 2 s with the server within 300 MB of its RSS before; the real page loaded.',
    '',
    '| attack | bytes | status | answer | ms | server RSS MB before → peak | slowest health | probes not ok |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) lines.push(`| ${r.attack} | ${r.bytes.toLocaleString('en-US')} | ${r.status} | ${r.answer} | ${r.ms} | ${r.serverRssMbBefore ?? '?'} → ${r.serverRssMbPeak ?? '?'} | ${r.healthSlowestMs} ms | ${r.probesNotOk} of ${r.probes} |`);
  lines.push('');
  return lines;
}

// Alone, against a running server.
if (process.argv[1]?.endsWith('html-attacks.ts')) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const pid = arg('pid');
  htmlAttacks(arg('url') ?? 'http://127.0.0.1:4000/graphql', arg('token') ?? process.env.BUDGET_GRAPH_TOKEN ?? '', () => (pid ? Number(pid) : undefined))
    .then((rows) => console.log(htmlAttackReport(rows).join('\n')))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}

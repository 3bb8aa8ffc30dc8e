// The PDF attacks of issue 39 (item 6) for npm run stress's abuse part, against a server with the
// token: each hostile PDF of tests/hostile-pdfs.ts POSTed to /ingest as application/pdf, then a
// real PDF (which must load). While each runs, `{ health { ok } }` and GET /healthz are asked every
// 100 ms and the server's RSS is sampled (the parse worker is a thread of the server: its memory
// is the server's). Expected: each bomb a 400 BAD_DOCUMENT naming its cap, in under 2 s, the
// server's RSS staying within 300 MB of where it was; the real PDF loaded; every probe under 1 s.
// Alone: tsx bench/stress/pdf-attacks.ts --url=http://127.0.0.1:4000/graphql --token=… --pid=<server pid>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../../src/config.js';
import { memoryMb } from '../proc.js';
import { flateBomb, fontWithoutUnicode, imageBomb, nestedFlateBomb, operatorFlood, pageTreeBomb } from '../../tests/hostile-pdfs.js';

export interface PdfAttackRow {
  attack: string;
  bytes: number;
  status: number;
  /** extensions.code, reason, cap (or the load's status and records). */
  answer: string;
  ms: number;
  healthSlowestMs: number;
  healthzSlowestMs: number;
  probesNotOk: number;
  probes: number;
  serverRssMbBefore: number | null;
  serverRssMbPeak: number | null;
}

interface Probe {
  ms: number;
  ok: boolean;
}

async function timed(run: () => Promise<boolean>): Promise<Probe> {
  const t0 = performance.now();
  const ok = await run().catch(() => false);
  return { ms: Math.round(performance.now() - t0), ok };
}

/** Probes every 100 ms until `done` settles, with the server's RSS at each. */
async function probeWhile(url: string, pid: number | undefined, done: Promise<unknown>): Promise<{ graphql: Probe[]; healthz: Probe[]; rss: number[] }> {
  const healthz = url.replace(/\/graphql$/, '/healthz');
  const out = { graphql: [] as Probe[], healthz: [] as Probe[], rss: [] as number[] };
  let finished = false;
  void done.finally(() => (finished = true));
  while (!finished) {
    const [g, h] = await Promise.all([
      timed(async () => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ health { ok } }' }), signal: AbortSignal.timeout(10_000) });
        return ((await res.json()) as { data?: { health?: { ok?: boolean } } }).data?.health?.ok === true;
      }),
      timed(async () => (await fetch(healthz, { signal: AbortSignal.timeout(10_000) })).status === 200),
    ]);
    out.graphql.push(g);
    out.healthz.push(h);
    const rss = memoryMb(pid, 'VmRSS');
    if (rss !== null) out.rss.push(rss);
    await new Promise((r) => setTimeout(r, 100));
  }
  return out;
}

/** Each hostile PDF ingested in turn, then a real one (removed after). */
export async function pdfAttacks(url: string, token: string, serverPid: () => number | undefined = () => undefined, log: (m: string) => void = (m) => console.error(`stress: ${m}`)): Promise<PdfAttackRow[]> {
  const ingest = url.replace(/\/graphql$/, '/ingest');
  const real = '上海市普陀区人民政府办公室单位25年预算.pdf';
  const attacks: [string, string, Buffer][] = [
    ['flate bomb: one content stream of 1 GiB of zeros', 'flate-bomb.pdf', flateBomb()],
    ['the same compressed twice (/FlateDecode /FlateDecode)', 'nested-bomb.pdf', nestedFlateBomb()],
    ['image bomb: 40,000 × 40,000 greyscale', 'image-bomb.pdf', imageBomb()],
    ['page tree declaring 100,000 pages', 'page-bomb.pdf', pageTreeBomb()],
    ['operator flood: a form of 20,000 operators drawn 500 times', 'operator-flood.pdf', operatorFlood()],
    ['a font without a Unicode map', 'no-unicode.pdf', fontWithoutUnicode()],
    ['a real 单位预算 (21 pages), which loads', real, readFileSync(join(projectRoot, 'tests', 'fixtures', 'real', real))],
  ];
  const rows: PdfAttackRow[] = [];
  for (const [attack, name, bytes] of attacks) {
    const pid = serverPid();
    const before = memoryMb(pid, 'VmRSS');
    const t0 = performance.now();
    const answer = fetch(`${ingest}?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { 'content-type': 'application/pdf', authorization: `Bearer ${token}` }, body: bytes, signal: AbortSignal.timeout(180_000) }).then(async (res) => ({ status: res.status, body: (await res.json().catch(() => null)) as any, ms: Math.round(performance.now() - t0) }));
    const probes = await probeWhile(url, pid, answer);
    const { status, body, ms } = await answer;
    const error = body?.errors?.[0]?.extensions;
    const all = [...probes.graphql, ...probes.healthz];
    const row: PdfAttackRow = {
      attack,
      bytes: bytes.length,
      status,
      answer: error ? [error.code, error.reason, error.cap ?? error.font, error.page === undefined ? undefined : `page ${error.page}`].filter((x) => x !== undefined).join(' ') : `${body?.status} ${body?.records} records`,
      ms,
      healthSlowestMs: Math.max(0, ...probes.graphql.map((p) => p.ms)),
      healthzSlowestMs: Math.max(0, ...probes.healthz.map((p) => p.ms)),
      probesNotOk: all.filter((p) => !p.ok).length,
      probes: all.length,
      serverRssMbBefore: before,
      serverRssMbPeak: probes.rss.length ? Math.max(...probes.rss, memoryMb(pid, 'VmRSS') ?? 0) : memoryMb(pid, 'VmRSS'),
    };
    rows.push(row);
    log(`pdf: ${attack}: ${row.status} ${row.answer} in ${row.ms} ms; server RSS ${row.serverRssMbBefore} → peak ${row.serverRssMbPeak} MB; slowest health ${row.healthSlowestMs} ms, /healthz ${row.healthzSlowestMs} ms (${row.probesNotOk} of ${row.probes} not ok)`);
  }
  await fetch(`${ingest}?name=${encodeURIComponent(real)}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  return rows;
}

/** The rows as a section of bench/STRESS.md. */
export function pdfAttackReport(rows: PdfAttackRow[]): string[] {
  const lines = [
    '',
    '### PDF attacks (issue 39)',
    '',
    'Each POSTed to `/ingest` as `application/pdf` with the token while `{ health { ok } }` and `/healthz` are asked every 100 ms. Expected: each bomb a 400 naming its cap in under 2 s with the server within 300 MB of its RSS before; the real PDF loaded.',
    '',
    '| PDF | bytes | status | answer | ms | server RSS MB before → peak | slowest health | slowest /healthz | probes not ok |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) lines.push(`| ${r.attack} | ${r.bytes.toLocaleString('en-US')} | ${r.status} | ${r.answer} | ${r.ms} | ${r.serverRssMbBefore ?? '?'} → ${r.serverRssMbPeak ?? '?'} | ${r.healthSlowestMs} ms | ${r.healthzSlowestMs} ms | ${r.probesNotOk} of ${r.probes} |`);
  lines.push('');
  return lines;
}

// Alone, against a running server.
if (process.argv[1]?.endsWith('pdf-attacks.ts')) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const pid = arg('pid');
  pdfAttacks(arg('url') ?? 'http://127.0.0.1:4000/graphql', arg('token') ?? process.env.BUDGET_GRAPH_TOKEN ?? '', () => (pid ? Number(pid) : undefined))
    .then((rows) => console.log(pdfAttackReport(rows).join('\n')))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}

// The document attacks of issue 35 (items 3 and 4) for npm run stress's abuse part, against a
// server with the token: documents over each size cap (refused at once, before they are parsed
// or written), documents at the caps of the heaviest shapes found (written whole, in one
// transaction, while health answers), and file names with invisible characters. While each
// ingest runs, `{ health { ok } }` and GET /healthz are asked every 100 ms; their slowest answers
// and the JVM's memory before and after are recorded.
// Alone: tsx bench/stress/documents.ts --url=http://127.0.0.1:4000/graphql --token=… (a server
// of its own, with that token; it loads and then removes its documents).
import { performance } from 'node:perf_hooks';
import { memoryMb } from '../proc.js';

const TITLE = (department: string, year: number) => `${year}年深圳市示例区${department}部门预算\n\n表一：部门支出总表（按功能科目）\n\n单位：万元\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n`;

/** The document: a function table of `rows` lines under 20 codes. */
export function functionTable(rows: number, department = '大文件局', year = 2032): string {
  return `${TITLE(department, year)}${Array.from({ length: rows }, (_, i) => `${201 + (i % 20)}\t项目${i}\t${i}.00\t0.00\t${i}.00`).join('\n')}\n`;
}

/**
 * The heaviest table found per row: pairs of a 款 and its one 项 that do not add up, in every
 * column, so each pair gives three anomalies that concern two lines (before issue 35 each concern
 * was matched among every fact of the document: 10,000 rows ran past the transaction's timeout).
 */
export function mismatchedTable(rows: number, department = '大异常局', year = 2032, amount = '10.00'): string {
  const pairs = Array.from({ length: Math.floor(rows / 2) }, (_, i) => `${20100 + i}\t款${i}\t${amount}\t5.00\t5.00\n${20100 + i}01\t项${i}\t3.00\t1.00\t2.00`);
  return `${TITLE(department, year)}${pairs.join('\n')}\n`;
}

/**
 * A project table whose names contain one another (信息化建设项目1 ⊂ 信息化建设项目12): SAME_AS
 * is decided among them (before issue 35 by comparing every pair, on the server's main thread).
 */
export function projectTable(rows: number, department = '大项目局', year = 2032): string {
  const lines = Array.from({ length: rows }, (_, i) => `2010302\t一般行政管理事务\t信息化建设项目${i}\t${i + 1}\t目标\t依据`);
  return `${year}年深圳市示例区${department}部门预算\n\n部门预算绩效管理项目情况表\n\n单位：万元\n\n科目编码\t科目名称\t项目名称\t项目金额\t绩效目标\t项目申报依据\n${lines.join('\n')}\n`;
}

/** `tables` titled tables each printed as one line of 2,400 amounts (a PDF's text run together). */
export function runTogetherTables(tables: number): string {
  const one = (t: number) => `表${t + 2}：杂项${t}情况表\n${Array.from({ length: 2400 }, (_, i) => `${i}.${String(t % 100).padStart(2, '0')}`).join(' ')}\n`;
  return `${TITLE('连排局', 2032)}201\t一般公共服务支出\t1.00\t1.00\t0.00\n\n${Array.from({ length: tables }, (_, t) => one(t)).join('\n')}`;
}

export interface DocumentAttackRow {
  attack: string;
  status: number;
  /** extensions.code, then what refused or loaded it (reason, cap, or the load's status). */
  answer: string;
  ms: number;
  /** Slowest of the probes asked every 100 ms while the ingest ran. */
  healthSlowestMs: number;
  healthzSlowestMs: number;
  probes: number;
  probesNotOk: number;
  jvmRssMbBefore: number | null;
  jvmRssMbAfter: number | null;
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

/** Asks GraphQL health and /healthz every 100 ms until `done` settles. */
async function probeWhile(url: string, done: Promise<unknown>): Promise<{ graphql: Probe[]; healthz: Probe[] }> {
  const healthz = url.replace(/\/graphql$/, '/healthz');
  const out = { graphql: [] as Probe[], healthz: [] as Probe[] };
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
    await new Promise((r) => setTimeout(r, 100));
  }
  return out;
}

async function gql(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<{ status: number; body: any; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(180_000) });
  const body = await res.json().catch(() => null);
  return { status: res.status, body, ms: Math.round(performance.now() - t0) };
}

const INGEST = 'mutation($n: String!, $t: String!, $r: Boolean) { ingest(name: $n, text: $t, replace: $r) { status records } }';

/** Each attack ingested in turn with the probes beside it; the documents loaded are removed after. */
export async function documentAttacks(url: string, token: string, jvmPid: () => number | undefined = () => undefined, log: (m: string) => void = (m) => console.error(`stress: ${m}`)): Promise<DocumentAttackRow[]> {
  const attacks: [string, string, string, boolean?][] = [
    ["the issue's 40,000-row table (1.4 M characters)", 'big.txt', functionTable(40_000)],
    // As many as the 2 MiB body takes (each \n is two bytes of JSON).
    ['600,000 short lines', 'lines.txt', `${TITLE('短行局', 2032)}${'a\n'.repeat(600_000)}`],
    ['one line of 1.45 M characters', 'line.txt', `${TITLE('长行局', 2032)}${'1.00 '.repeat(290_000)}\n`],
    ['4 tables of 2,400 numbers, each run together on one line', 'flat.txt', runTogetherTables(4)],
    ['26 tables of 2,400 numbers, each run together on one line', 'flat.txt', runTogetherTables(26)],
    ['at the caps: 4,990 rows of a function table', 'cap-lines.txt', functionTable(4_990, '满行局')],
    ['at the caps: 4,990 rows that do not add up (7,485 anomalies)', 'cap-anomalies.txt', mismatchedTable(4_990)],
    ['at the caps: 4,990 projects whose names contain one another', 'cap-projects.txt', projectTable(4_990)],
    ['the anomalies document again, changed: replaced in one transaction', 'cap-anomalies.txt', mismatchedTable(4_990, '大异常局', 2032, '11.00'), true],
    ['a name with U+202E (right-to-left override)', 'report\u202Etxt.exe.txt', functionTable(10, '改名局')],
    ['a name with U+200B (zero-width space)', 'zero\u200Bwidth.txt', functionTable(10, '零宽局')],
  ];
  const rows: DocumentAttackRow[] = [];
  const loaded = new Set<string>();
  for (const [attack, name, text, replace] of attacks) {
    const rssBefore = memoryMb(jvmPid(), 'VmRSS');
    const ingest = gql(url, INGEST, { n: name, t: text, r: replace ?? false }, token);
    const probes = await probeWhile(url, ingest);
    const answer = await ingest;
    const error = answer.body?.errors?.[0]?.extensions;
    const status = answer.body?.data?.ingest?.status as string | undefined;
    if (status) loaded.add(name);
    const all = [...probes.graphql, ...probes.healthz];
    const row: DocumentAttackRow = {
      attack,
      status: answer.status,
      answer: error ? [error.code, error.reason, error.cap ?? error.codePoint, error.count ?? error.position, error.limit].filter((x) => x !== undefined).join(' ') : `${status} ${answer.body?.data?.ingest?.records} records`,
      ms: answer.ms,
      healthSlowestMs: Math.max(0, ...probes.graphql.map((p) => p.ms)),
      healthzSlowestMs: Math.max(0, ...probes.healthz.map((p) => p.ms)),
      probes: all.length,
      probesNotOk: all.filter((p) => !p.ok).length,
      jvmRssMbBefore: rssBefore,
      jvmRssMbAfter: memoryMb(jvmPid(), 'VmRSS'),
    };
    rows.push(row);
    log(`documents: ${attack}: ${row.status} ${row.answer} in ${row.ms} ms; slowest health ${row.healthSlowestMs} ms, /healthz ${row.healthzSlowestMs} ms (${row.probesNotOk} of ${row.probes} not ok); JVM ${row.jvmRssMbBefore} → ${row.jvmRssMbAfter} MB`);
  }
  for (const name of loaded) await gql(url, 'mutation($n: String!) { removeDocument(name: $n) }', { n: name }, token);
  return rows;
}

/** The rows as a section of bench/STRESS.md. */
export function documentReport(rows: DocumentAttackRow[]): string[] {
  const lines = [
    '',
    '### Documents and file names (issue 35)',
    '',
    'Each ingested with the token while `{ health { ok } }` and `/healthz` are asked every 100 ms. Expected: over a cap, a 400 at once naming the cap, the count and the limit; at the caps, the document written whole in well under the request deadline with every probe under 1 s; a name with an invisible character, a 400 naming it.',
    '',
    '| document | status | answer | ms | slowest health | slowest /healthz | probes not ok | JVM RSS MB before → after |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) lines.push(`| ${r.attack} | ${r.status} | ${r.answer} | ${r.ms} | ${r.healthSlowestMs} ms | ${r.healthzSlowestMs} ms | ${r.probesNotOk} of ${r.probes} | ${r.jvmRssMbBefore ?? '?'} → ${r.jvmRssMbAfter ?? '?'} |`);
  lines.push('');
  return lines;
}

// Alone, against a running server.
if (process.argv[1]?.endsWith('documents.ts')) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const pid = arg('jvm-pid');
  documentAttacks(arg('url') ?? 'http://127.0.0.1:4000/graphql', arg('token') ?? process.env.BUDGET_GRAPH_TOKEN ?? '', () => (pid ? Number(pid) : undefined))
    .then((rows) => console.log(documentReport(rows).join('\n')))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}

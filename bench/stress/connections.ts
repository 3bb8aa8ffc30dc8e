// The connection attacks of issue 35 (item 2) for npm run stress's abuse part, against a server
// with its default caps (4,096 connections, 256 per address, 8 per address past half; 5 s for a
// new connection's first byte; bodies at 1 KiB/s after 5 s). Each attacking client is a loopback
// address of its own (127.0.0.N); /healthz is asked every 200 ms meanwhile from an address no
// attack uses, and once more from a new address when the attack stands at its height.
//   silent     17 addresses × 250 connections that send nothing (the measured lockout: 25–30 s a wave)
//   keep-alive 17 addresses × 250 connections idle after one answer each (held 65 s by design)
//   many       100 addresses × 50 silent connections
//   trickle    17 addresses × 10 POST bodies sent 3 bytes a second
// Alone: tsx bench/stress/connections.ts --url=http://127.0.0.1:4000/graphql (a server of its own;
// its caps are the defaults unless it was started otherwise).
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface ConnectionAttackRow {
  attack: string;
  /** Connections the attack tried to open. */
  attempted: number;
  /** Of them, open 0.5 s after the last had connected: what the server held at the attack's height. */
  held: number;
  /** When the server closed the connections it held (ms after opening): median and last. */
  closedMedianMs: number | null;
  closedLastMs: number | null;
  /** How the attack's requests were answered (trickle), e.g. { "408": 170 }. */
  answers?: Record<string, number>;
  /** /healthz from an address new to the server at the attack's height. */
  newAddressStatus: number;
  newAddressMs: number;
  /** /healthz every 200 ms from one address while the attack ran. */
  healthStatuses: Record<string, number>;
  healthSlowestMs: number;
}

/** The address of the Nth attacking client (127.0.0.2 onwards; 127.0.1.x is left to the probes). */
const attacker = (n: number) => `127.0.0.${2 + n}`;
const PROBE = '127.0.1.1';
const NEWCOMER = '127.0.1.2';
/** Bounds every wait, so a server that never closes a connection ends the attack, not the run. */
const ATTACK_WAIT_MS = 30_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : null);

interface Held {
  socket: Socket;
  openedAt: number;
  closedAt: number | null;
}

/** One connection from `localAddress`; resolved once connected (or refused). */
function open(host: string, port: number, localAddress: string): Promise<Held> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, localAddress });
    const held: Held = { socket, openedAt: performance.now(), closedAt: null };
    socket.on('error', () => undefined);
    socket.on('close', () => {
      held.closedAt ??= performance.now();
      resolve(held);
    });
    socket.on('connect', () => resolve(held));
  });
}

/** GET /healthz on a connection of its own from `localAddress` (status 0: refused or no answer in 5 s). */
function health(host: string, port: number, localAddress: string): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = request({ host, port, path: '/healthz', localAddress, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Math.round(performance.now() - t0) }));
    });
    req.on('error', () => resolve({ status: 0, ms: Math.round(performance.now() - t0) }));
    req.setTimeout(5_000, () => req.destroy());
    req.end();
  });
}

/** Health every 200 ms until `stop` resolves. */
async function probeHealth(host: string, port: number, stop: Promise<unknown>): Promise<{ healthStatuses: Record<string, number>; healthSlowestMs: number }> {
  let done = false;
  void stop.then(() => (done = true));
  const answers: Promise<{ status: number; ms: number }>[] = [];
  while (!done) {
    answers.push(health(host, port, PROBE));
    await sleep(200);
  }
  const all = await Promise.all(answers);
  const healthStatuses: Record<string, number> = {};
  for (const a of all) healthStatuses[a.status] = (healthStatuses[a.status] ?? 0) + 1;
  return { healthStatuses, healthSlowestMs: Math.max(0, ...all.map((a) => a.ms)) };
}

/** Waits until every connection is closed by the server or ATTACK_WAIT_MS have passed, then closes the rest. */
async function outlast(held: Held[]): Promise<void> {
  const deadline = performance.now() + ATTACK_WAIT_MS;
  while (held.some((h) => h.closedAt === null) && performance.now() < deadline) await sleep(100);
  for (const h of held) h.socket.destroy();
}

/**
 * `each` connections from each of `addresses` addresses, one address after another (all at once,
 * thousands overflow the listen backlog: the client sees connections the server never accepted).
 */
async function openWave(host: string, port: number, addresses: number, each: number, prepare?: (h: Held) => Promise<void>): Promise<Held[]> {
  const held: Held[] = [];
  for (let a = 0; a < addresses; a++) {
    const batch = await Promise.all(Array.from({ length: each }, () => open(host, port, attacker(a))));
    if (prepare) await Promise.all(batch.map(prepare));
    held.push(...batch);
  }
  return held;
}

/** Opens a wave of connections (each `prepare`d), measures at its height, and lets the server close them. */
async function connectionWave(url: URL, name: string, addresses: number, each: number, prepare?: (h: Held) => Promise<void>): Promise<ConnectionAttackRow> {
  const host = url.hostname;
  const port = Number(url.port);
  let finished!: () => void;
  const stop = new Promise<void>((r) => (finished = r));
  const probes = probeHealth(host, port, stop);
  const held = await openWave(host, port, addresses, each, prepare);
  await sleep(500);
  const holding = held.filter((h) => h.closedAt === null);
  const newcomer = await health(host, port, NEWCOMER);
  // Connections the server holds on purpose (keep-alive, 65 s) are closed by us once measured.
  if (prepare) for (const h of held) h.socket.destroy();
  await outlast(held);
  finished();
  const closed = prepare ? [] : closedAfter(holding);
  return { attack: name, attempted: held.length, held: holding.length, closedMedianMs: round(median(closed)), closedLastMs: round(closed.length ? Math.max(...closed) : null), newAddressStatus: newcomer.status, newAddressMs: newcomer.ms, ...(await probes) };
}

const round = (x: number | null) => (x === null ? null : Math.round(x));
/** How long the server kept each of the connections it held (not those it refused at once). */
const closedAfter = (held: Held[]) => held.filter((h) => h.closedAt !== null).map((h) => h.closedAt! - h.openedAt);

/** One GET of a page that does not exist (a 404 without the database); the connection then idles as keep-alive. */
function askOnce(h: Held): Promise<void> {
  return new Promise((resolve) => {
    if (h.closedAt !== null) return resolve();
    h.socket.once('data', () => resolve());
    h.socket.once('close', () => resolve());
    h.socket.write('GET /no-such-page HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  });
}

/** POST bodies trickled 3 bytes a second from `addresses` × `each` connections: how and when each was cut. */
async function trickleWave(url: URL, addresses: number, each: number): Promise<ConnectionAttackRow> {
  const host = url.hostname;
  const port = Number(url.port);
  let finished!: () => void;
  const stop = new Promise<void>((r) => (finished = r));
  const probes = probeHealth(host, port, stop);
  const held = await openWave(host, port, addresses, each);
  const answers = new Map<Held, string>();
  const timers = held.map((h) => {
    h.socket.on('data', (d: Buffer) => answers.set(h, (answers.get(h) ?? '') + d.toString()));
    h.socket.write(`POST ${url.pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"query":"`);
    return setInterval(() => h.socket.writable && h.socket.write('   '), 1_000);
  });
  await sleep(500);
  const holding = held.filter((h) => h.closedAt === null);
  const newcomer = await health(host, port, NEWCOMER);
  await outlast(held);
  for (const t of timers) clearInterval(t);
  finished();
  const statuses: Record<string, number> = {};
  for (const h of held) {
    const status = /^HTTP\/1\.1 (\d{3})/.exec(answers.get(h) ?? '')?.[1] ?? 'none';
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  const closed = closedAfter(holding);
  return { attack: `${addresses} addresses × ${each} POST bodies at 3 bytes/s`, attempted: held.length, held: holding.length, closedMedianMs: round(median(closed)), closedLastMs: round(closed.length ? Math.max(...closed) : null), answers: statuses, newAddressStatus: newcomer.status, newAddressMs: newcomer.ms, ...(await probes) };
}

/** The four attacks one after another against the server whose GraphQL endpoint is `graphqlUrl`. */
export async function connectionAttacks(graphqlUrl: string, log: (m: string) => void = (m) => console.error(`stress: ${m}`)): Promise<ConnectionAttackRow[]> {
  const url = new URL(graphqlUrl);
  const rows: ConnectionAttackRow[] = [];
  const run = async (row: Promise<ConnectionAttackRow>) => {
    const r = await row;
    rows.push(r);
    log(`connections: ${r.attack}: held ${r.held} of ${r.attempted}, closed by the server after ${r.closedMedianMs ?? '-'} ms (last ${r.closedLastMs ?? '-'} ms)${r.answers ? `, answers ${JSON.stringify(r.answers)}` : ''}; a new address: ${r.newAddressStatus} in ${r.newAddressMs} ms; health ${JSON.stringify(r.healthStatuses)}, slowest ${r.healthSlowestMs} ms`);
  };
  await run(connectionWave(url, '17 addresses × 250 silent connections', 17, 250));
  await run(connectionWave(url, '17 addresses × 250 keep-alive connections idle after one answer', 17, 250, askOnce));
  await run(connectionWave(url, '100 addresses × 50 silent connections', 100, 50));
  await run(trickleWave(url, 17, 10));
  return rows;
}

/** The section of bench/STRESS.md. */
export function connectionReport(rows: ConnectionAttackRow[]): string[] {
  return [
    '',
    '### Connection attacks (issue 35)',
    '',
    'Default caps. Expected: a new address gets in (200) at the height of every attack, health answers within 1 s throughout, silent connections closed after 5 s, trickled bodies answered 408 after 5 s.',
    '',
    '| attack | held / tried | closed by the server after (median, last) | answers | new address | health meanwhile (slowest) |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.attack} | ${r.held} / ${r.attempted} | ${r.closedMedianMs === null ? 'by the client' : `${r.closedMedianMs} ms, ${r.closedLastMs} ms`} | ${r.answers ? Object.entries(r.answers).map(([k, v]) => `${k}: ${v}`).join(', ') : ''} | ${r.newAddressStatus} in ${r.newAddressMs} ms | ${Object.entries(r.healthStatuses).map(([k, v]) => `${k}: ${v}`).join(', ')} (${r.healthSlowestMs} ms) |`),
    '',
  ];
}

// Alone, against a running server.
if (process.argv[1]?.endsWith('connections.ts')) {
  const url = process.argv.find((a) => a.startsWith('--url='))?.slice(6) ?? 'http://127.0.0.1:4000/graphql';
  connectionAttacks(url)
    .then((rows) => console.log(connectionReport(rows).join('\n')))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}

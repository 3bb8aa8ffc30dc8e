// Connections under attack (issue 35, item 2), against the HTTP layer alone (a stub database: no
// Neo4j), from many client addresses on loopback (127.0.0.0/8, the client socket bound to
// 127.0.0.N): silent sockets, a few dozen addresses filling the global cap, bodies trickled a few
// bytes a second. Each attack runs while /healthz is asked from an address of its own, which must
// answer within 1 s. Small caps and a short grace keep the file fast; the defaults are the same
// code with larger numbers.
import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Database } from '../../src/db/connection.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { startHttpServer, type RunningServer } from '../../src/api/http-server.js';
import { bodyCheckInMs, MIN_BODY_RATE, type BodyRate } from '../../src/api/http/body-limits.js';
import { admitsConnection, busyShare, DEFAULT_CONNECTION_CAPS, type ConnectionCaps } from '../../src/api/http/connection-caps.js';

const schema = await buildApiSchema();
/** Up, and answering at once: health is about the HTTP layer here, not Neo4j. */
const stubDb = { isUp: () => true, driver: { getServerInfo: async () => ({}) } } as unknown as Database;

interface LogLine {
  status: number;
  client: string;
  errors?: string[];
}

let running: RunningServer | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await running?.stop(100);
  running = undefined;
});

async function startFront(opts: { connectionCaps?: ConnectionCaps; bodyRate?: BodyRate; trustedProxies?: string } = {}): Promise<{ port: number; log: LogLine[] }> {
  const log: LogLine[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (log.push(JSON.parse(String(chunk)) as LogLine), done()) }));
  running = await startHttpServer({ db: stubDb, schema, host: '127.0.0.1', port: 0, token: undefined, cacheAnswers: false, logger, ...opts });
  return { port: running.port, log };
}

/** 127.0.0.2, 127.0.0.3, …: one loopback address per attacking client. */
const addresses = (n: number, from = 2) => Array.from({ length: n }, (_, i) => `127.0.${(from + i) >> 8}.${(from + i) & 255}`);

/** A TCP connection from `localAddress`, with when (ms after `t0`) the server closed it. */
interface Held {
  socket: Socket;
  closedAt: number | null;
}

function openFrom(port: number, localAddress: string, t0 = performance.now()): Promise<Held> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    sockets.push(socket);
    const held: Held = { socket, closedAt: null };
    socket.on('error', () => undefined);
    socket.on('close', () => {
      held.closedAt ??= performance.now() - t0;
      resolve(held);
    });
    socket.on('connect', () => resolve(held));
  });
}

/**
 * `each` connections from every address, an address at a time (all at once, hundreds could
 * overflow the listen backlog, and the client would count connections the server never took);
 * the server's refusals have landed when it returns.
 */
async function flood(port: number, from: string[], each: number): Promise<Held[]> {
  const all: Held[] = [];
  for (const a of from) all.push(...(await Promise.all(Array.from({ length: each }, () => openFrom(port, a)))));
  await new Promise((r) => setTimeout(r, 400));
  return all;
}
const stillOpen = (held: Held[]) => held.filter((h) => h.closedAt === null).length;

/** GET /healthz from `localAddress` on a connection of its own: status and milliseconds (status 0: refused). */
function health(port: number, localAddress: string): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', localAddress, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
    req.setTimeout(5_000, () => req.destroy());
    req.end();
  });
}

/** A POST whose body comes `bytes` at a time every `everyMs`; what came back and when the server closed. */
function trickle(port: number, localAddress: string, path: string, bytes: number, everyMs: number): Promise<{ answer: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    sockets.push(socket);
    let answer = '';
    socket.on('error', () => undefined);
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    socket.on('connect', () => socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"query":"`));
    const timer = setInterval(() => socket.writable && socket.write(' '.repeat(bytes)), everyMs);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, closedAfterMs: performance.now() - t0 });
    });
  });
}

/** Health every 200 ms from its own address while `attack` runs: the slowest answer and every status. */
async function healthDuring<T>(port: number, attack: Promise<T>): Promise<{ result: T; slowestMs: number; statuses: Set<number> }> {
  let done = false;
  const probes: Promise<{ status: number; ms: number }>[] = [];
  const prober = (async () => {
    while (!done) {
      probes.push(health(port, '127.0.1.1'));
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const result = await attack;
  done = true;
  await prober;
  const answers = await Promise.all(probes);
  return { result, slowestMs: Math.max(...answers.map((a) => a.ms)), statuses: new Set(answers.map((a) => a.status)) };
}

describe('a new connection that sends nothing', () => {
  // Failed before: Node 20 never closed such a socket (none of the 340 closed; 100 s were watched).
  it('is closed after firstByteMs, 17 addresses × 20 sockets at once, while health answers', async () => {
    const { port } = await startFront({ connectionCaps: { total: 1_000, perClient: 50, firstByteMs: 1_000 } });
    const t0 = performance.now();
    const { result: held, slowestMs, statuses } = await healthDuring(
      port,
      (async () => {
        const all = await Promise.all(addresses(17).flatMap((a) => Array.from({ length: 20 }, () => openFrom(port, a, t0))));
        const deadline = performance.now() + 4_000;
        while (stillOpen(all) > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        return all;
      })(),
    );
    expect(held).toHaveLength(340);
    expect(stillOpen(held)).toBe(0);
    const closedAt = held.map((h) => h.closedAt!);
    expect(Math.min(...closedAt)).toBeGreaterThanOrEqual(900);
    expect(Math.max(...closedAt)).toBeLessThan(3_000);
    expect([...statuses]).toEqual([200]);
    expect(slowestMs).toBeLessThan(1_000);
  });

  it('that has had its answer stays open between requests (keep-alive), past firstByteMs', async () => {
    const { port } = await startFront({ connectionCaps: { total: 100, perClient: 10, firstByteMs: 500 } });
    const { socket } = await openFrom(port, '127.0.0.2');
    const ask = () =>
      new Promise<string>((resolve) => {
        socket.once('data', (d: Buffer) => resolve(d.toString()));
        socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      });
    expect(await ask()).toMatch(/^HTTP\/1\.1 200/);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(socket.destroyed).toBe(false);
    expect(await ask()).toMatch(/^HTTP\/1\.1 200/);
  });
});

describe('the connection cap keeps room for a new address', () => {
  it('fewer than total / 2 / share addresses, however greedy and in whatever order, leave room for a new one', () => {
    expect(busyShare(DEFAULT_CONNECTION_CAPS)).toBe(8);
    // Below half the total only the address's own cap counts, as before.
    expect(admitsConnection(255, 2_000, DEFAULT_CONNECTION_CAPS)).toBe(true);
    expect(admitsConnection(256, 0, DEFAULT_CONNECTION_CAPS)).toBe(false);
    expect(admitsConnection(8, 2_048, DEFAULT_CONNECTION_CAPS)).toBe(false);
    expect(admitsConnection(7, 4_095, DEFAULT_CONNECTION_CAPS)).toBe(true);
    /** Every address takes what it may: each in turn all at once, or one connection per round. */
    const attack = (caps: ConnectionCaps, n: number, order: 'one after another' | 'round robin') => {
      const held = new Array<number>(n).fill(0);
      let open = 0;
      const take = (i: number) => {
        if (!admitsConnection(held[i]!, open, caps)) return false;
        held[i]!++;
        open++;
        return true;
      };
      if (order === 'one after another') for (let i = 0; i < n; i++) while (take(i));
      else for (let grew = true; grew; ) grew = held.map((_, i) => take(i)).some(Boolean);
      return { open, held };
    };
    for (const caps of [DEFAULT_CONNECTION_CAPS, { total: 64, perClient: 16 }, { total: 400, perClient: 5 }]) {
      const most = caps.total / 2 / busyShare(caps);
      for (const n of [1, 17, 100, most - 1].filter((k) => k < most)) {
        for (const order of ['one after another', 'round robin'] as const) {
          const { open, held } = attack(caps, n, order);
          expect(open, `${n} addresses ${order} against ${caps.total}`).toBeLessThanOrEqual(caps.total / 2 + n * busyShare(caps));
          expect(admitsConnection(0, open, caps), `a new address after ${n} ${order}`).toBe(true);
          expect(Math.max(...held)).toBeLessThanOrEqual(caps.perClient);
        }
      }
    }
  });

  // Failed before: the first 4 addresses filled the global cap of 64 (16 each) and address 18 was
  // refused (health status 0, a reset connection).
  it('17 addresses × 16 sockets against a cap of 64: address 18 still gets in and health answers', async () => {
    const { port } = await startFront({ connectionCaps: { total: 64, perClient: 16, firstByteMs: 60_000 } });
    const { result: held, slowestMs, statuses } = await healthDuring(port, flood(port, addresses(17), 16));
    const newcomer = await health(port, '127.0.0.19');
    expect(newcomer.status).toBe(200);
    expect(newcomer.ms).toBeLessThan(1_000);
    // Half the cap, then one each (busyShare of 64 is 1); the health probes hold a few of the 64.
    expect(stillOpen(held)).toBeGreaterThanOrEqual(28);
    expect(stillOpen(held)).toBeLessThanOrEqual(32 + 17);
    expect([...statuses]).toEqual([200]);
    expect(slowestMs).toBeLessThan(1_000);
  });

  // Failed before: 80 of the 100 addresses filled the cap of 400 and address 101 was refused.
  it('100 addresses × 5 sockets against a cap of 400: address 101 still gets in', async () => {
    const { port } = await startFront({ connectionCaps: { total: 400, perClient: 5, firstByteMs: 60_000 } });
    const held = await flood(port, addresses(100), 5);
    expect((await health(port, '127.0.0.102')).status).toBe(200);
    expect(stillOpen(held)).toBeLessThanOrEqual(200 + 100);
  });

  // The proxy's part held before too; a direct client's share next to it is new (before: 4).
  it('a trusted proxy is bounded by the total only, and its connections count toward it', async () => {
    const { port } = await startFront({ connectionCaps: { total: 64, perClient: 4, firstByteMs: 60_000 }, trustedProxies: '127.0.0.50' });
    const held = await flood(port, ['127.0.0.50'], 40);
    expect(stillOpen(held)).toBe(40);
    // Its connections count in the total: the server is past half, so a direct client gets its share.
    expect(stillOpen(await flood(port, ['127.0.0.2'], 8))).toBe(1);
    expect(stillOpen(await flood(port, ['127.0.0.50'], 30))).toBe(64 - 41);
  });
});

describe('a request body trickled a few bytes a second', () => {
  const rate: BodyRate = { minBytesPerSecond: 1024, graceMs: 1_000, maxMs: 10_000 };

  it('bodyCheckInMs: the next look is when the bytes stop covering the average', () => {
    expect(bodyCheckInMs(0, 0, MIN_BODY_RATE)).toBe(5_000);
    expect(bodyCheckInMs(100, 5_000, MIN_BODY_RATE)).toBe(0);
    expect(bodyCheckInMs(10 * 1024, 5_000, MIN_BODY_RATE)).toBe(5_000);
    expect(bodyCheckInMs(1024 * 1024, 5_000, MIN_BODY_RATE)).toBe(MIN_BODY_RATE.maxMs - 5_000);
    expect(bodyCheckInMs(2 * 1024 * 1024, MIN_BODY_RATE.maxMs, MIN_BODY_RATE)).toBe(0);
  });

  // Failed before: no answer within 5 s from any of the 17 (Node's own 408 came at 60–90 s,
  // logged as 200 with BAD_REQUEST).
  it('is cut with a 408 REQUEST_TIMEOUT after the grace, logged as 408, the connection closed; 17 addresses at once', async () => {
    const { port, log } = await startFront({ bodyRate: rate });
    const { result, slowestMs, statuses } = await healthDuring(
      port,
      Promise.all(addresses(17).map((a) => Promise.race([trickle(port, a, '/graphql', 3, 250), new Promise<null>((r) => setTimeout(() => r(null), 5_000))]))),
    );
    for (const r of result) {
      expect(r).not.toBeNull();
      expect(r!.answer).toMatch(/^HTTP\/1\.1 408/);
      expect(r!.answer).toMatch(/connection: close/i);
      expect(r!.answer).toContain('"code":"REQUEST_TIMEOUT"');
      expect(r!.closedAfterMs).toBeLessThan(rate.graceMs + 1_500);
    }
    const lines = log.filter((l) => l.client !== '127.0.1.1');
    expect(lines).toHaveLength(17);
    for (const l of lines) expect(l).toMatchObject({ status: 408, errors: ['REQUEST_TIMEOUT'] });
    expect([...statuses]).toEqual([200]);
    expect(slowestMs).toBeLessThan(1_000);
  });

  // Failed before: the socket stayed open while Node read and dropped the trickle (to 60–90 s).
  it('to a route that never reads it (/healthz) closes the connection after the answer', async () => {
    const { port } = await startFront({ bodyRate: rate });
    const r = await Promise.race([trickle(port, '127.0.0.2', '/healthz', 3, 250), new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000))]);
    expect(r).not.toBeNull();
    expect(r!.answer).toMatch(/^HTTP\/1\.1 200/);
    expect(r!.closedAfterMs).toBeLessThan(rate.graceMs + 1_500);
  });

  it('a body at an ordinary pace (24 KiB over 1.5 s) is answered', async () => {
    const { port } = await startFront({ bodyRate: rate });
    const body = JSON.stringify({ query: `{ __typename }${' '.repeat(24 * 1024)}` });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', localAddress: '127.0.0.3', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const piece = Math.ceil(body.length / 16);
      let i = 0;
      const next = () => {
        req.write(body.slice(i * piece, (i + 1) * piece));
        if (++i < 16) setTimeout(next, 100);
        else req.end();
      };
      next();
    });
    expect(status).toBe(200);
  });
});

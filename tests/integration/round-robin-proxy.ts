// A small reverse proxy for tests/integration/multi-process.test.ts: what a load balancer in
// front of API replicas does, and no more. Requests go to the upstreams in turn; an upstream that
// refuses the connection or drops it before answering is skipped for a while and the request is
// sent to the next one (a GraphQL query is safe to send again; the test sends no mutation
// through it). The client address it puts in X-Forwarded-For is the test's `x-test-client`
// header, so one test process can act as many clients behind the proxy.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Answers each upstream gave (by its URL). */
  served: Map<string, number>;
  close(): Promise<void>;
}

/** How long an upstream that failed is left out before it is tried again. */
const LEFT_OUT_MS = 5_000;

export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const downUntil = new Map<string, number>();
  const served = new Map<string, number>();

  const forward = (upstream: string, req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const target = new URL(req.url ?? '/', upstream);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'x-test-client', 'connection'].includes(k)) headers[k] = v;
      headers['x-forwarded-for'] = String(req.headers['x-test-client'] ?? req.socket.remoteAddress ?? '');
      headers['content-length'] = String(body.length);
      const out = request(target, { method: req.method, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string' && k !== 'connection' && k !== 'transfer-encoding') h[k] = v;
          resolve({ status: res.statusCode ?? 502, headers: h, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      });
      out.on('error', reject);
      out.end(body);
    });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const errors: string[] = [];
      for (let tried = 0; tried < upstreams.length; tried++) {
        const upstream = upstreams[next++ % upstreams.length]!;
        if ((downUntil.get(upstream) ?? 0) > Date.now()) continue;
        try {
          const answer = await forward(upstream, req, body);
          served.set(upstream, (served.get(upstream) ?? 0) + 1);
          res.writeHead(answer.status, answer.headers).end(answer.body);
          return;
        } catch (err) {
          downUntil.set(upstream, Date.now() + LEFT_OUT_MS);
          errors.push(`${upstream}: ${(err as Error).message}`);
        }
      }
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`no upstream answered: ${errors.join('; ')}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    served,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

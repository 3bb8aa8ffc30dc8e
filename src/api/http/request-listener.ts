// One request from arrival to log line: its id, the checks in their order (target, Host, drain,
// then /healthz and files, then CORS and the per-client limits), its route, its failure answered.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyCors } from './cors.js';
import { serveStatic } from './static-files.js';
import { admitClient } from './admission.js';
import { cutSlowBody } from './body.js';
import { watchBodyRate } from './body-limits.js';
import { answerFailure, HttpError } from './errors.js';
import { answerHealth } from './health-route.js';
import type { ServerParts } from './parts.js';
import { logRequest, newRequestRecord } from './request-log.js';
import { apiHandlers, isApiRoute, routeOf, type Route } from './routes.js';

export function requestListener(parts: ServerParts): (req: IncomingMessage, res: ServerResponse) => void {
  const { drain, logger } = parts;
  const handlers = apiHandlers(parts);
  return (req, res) => {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    // Read once, now: once the socket is gone (an aborted or refused body) it is not there to ask.
    const client = parts.clientOf(req.socket.remoteAddress, req.headers['x-forwarded-for']);
    res.setHeader('x-request-id', requestId);
    const leave = drain.enter();
    const record = newRequestRecord();
    let release = () => {};
    res.once('close', () => {
      release();
      leave();
    });
    // A body under the minimum pace: its reader stops and the request is answered 408.
    const cut = new AbortController();
    watchBodyRate(req, parts.bodyRate, () => cutSlowBody(req, res, cut, parts.bodyRate));
    let route: Route = 'static';
    (async () => {
      // A request target URL cannot parse ("//[") is the client's mistake, not an exception.
      const url = URL.parse(req.url ?? '/', 'http://localhost');
      if (!url) throw new HttpError(400, 'BAD_REQUEST', 'The request target is not a valid path.');
      route = routeOf(url.pathname);
      // Shutting down: this connection is not kept for another request.
      if (drain.draining) res.setHeader('connection', 'close');
      if (!parts.hostAllowed(req.headers.host)) throw new HttpError(421, 'BAD_REQUEST', `This server does not answer for host "${String(req.headers.host ?? '').slice(0, 100)}"; set BUDGET_GRAPH_HOSTS to the names it is reached by.`);
      if (drain.draining) throw new HttpError(503, 'SERVICE_UNAVAILABLE', 'The server is shutting down; retry on another instance or in a moment.');
      if (route === 'health') return answerHealth(parts.db, res);
      if (route === 'static') return serveStatic(parts.webDir, url.pathname, req, res);
      // Before the limits: a preflight costs nothing, and a named origin's app can read its 429.
      const crossOrigin = applyCors(req, res, parts.cors);
      if (crossOrigin === 'PREFLIGHT_ANSWERED') return;
      release = admitClient(parts.limiter, client, res);
      await handlers[route]({ req, res, url, requestId, record, cut: cut.signal, allowedOrigin: crossOrigin === 'ALLOWED_ORIGIN' });
    })()
      .catch((thrown: unknown) => answerFailure(thrown, { res, requestId, record, logger }))
      .finally(() => {
        if (isApiRoute(route)) logRequest(logger, { requestId, client, record, started, status: res.statusCode });
      })
      // Nothing on a request's path may end the process: a fault here is logged and the socket dropped.
      .catch((err: unknown) => {
        logger.error({ requestId, err }, 'request cleanup failed');
        res.destroy();
      });
  };
}

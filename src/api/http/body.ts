// A request's body: read under the size cap (413) and the minimum pace (408), then decoded as JSON when it says it is.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BODY_BYTES, readBodyText, slowBody, type BodyRate } from './body-limits.js';
import { HttpError } from './errors.js';

/** The body as JSON when its content type says so, else its text (undefined when there is none). */
export async function readBody(req: IncomingMessage, cut: AbortSignal): Promise<unknown> {
  const text = await readBodyText(req, MAX_BODY_BYTES, cut);
  if (text === undefined) return undefined;
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpError(400, 'BAD_USER_INPUT', 'The request body is not valid JSON; send {"query": "...", "variables": {...}}.');
    }
  }
  return text;
}

/** An /export body sent without a JSON content type: it is JSON all the same. */
export function parseExportJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BAD_USER_INPUT', 'The request body is not valid JSON; send {"query": "...", "format": "csv"}.');
  }
}

/**
 * A body under the minimum pace. Before the answer: the connection is marked to close after it and
 * the body's reader is stopped with a 408, which the request answers and logs. After the answer
 * (Node is reading and dropping a body nobody read), there is nothing to answer: the socket goes.
 */
export function cutSlowBody(req: IncomingMessage, res: ServerResponse, cut: AbortController, rate: BodyRate): void {
  if (res.headersSent) return void req.socket.destroy();
  res.setHeader('connection', 'close');
  cut.abort(slowBody(rate));
}

// A request body read within its cap (413) and at a minimum pace (408), without ever touching a
// destroyed socket: the bytes as sent, or as text.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const tooLarge = (limit = MAX_BODY_BYTES) => new HttpError(413, 'PAYLOAD_TOO_LARGE', limit === MAX_BODY_BYTES ? `The request body is larger than ${MAX_BODY_BYTES} bytes; send a shorter query, or load large documents with npm run load.` : `The request body is larger than ${limit} bytes, the most one document may be.`);

/**
 * The body of a POST as text, at most MAX_BODY_BYTES. Over the cap (declared or streamed, chunked
 * included) it stops reading and rejects with 413: the socket is left open for the answer and
 * closed after it (the caller sets `connection: close`), never destroyed under the request, whose
 * log line still reads it. A client that aborts mid-body is a 400, not an unhandled error. When
 * `cut` aborts (watchBodyRate found the body too slow) it stops the same way and rejects with the
 * abort's reason, a 408.
 */
export async function readBodyText(req: IncomingMessage, limit = MAX_BODY_BYTES, cut?: AbortSignal): Promise<string | undefined> {
  return (await readBodyBytes(req, limit, cut))?.toString('utf8');
}

/** The same, as the bytes sent (a document's file: /ingest). */
export function readBodyBytes(req: IncomingMessage, limit = MAX_BODY_BYTES, cut?: AbortSignal): Promise<Buffer | undefined> {
  if (req.method !== 'POST') return Promise.resolve(undefined);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  if (cut?.aborted) return Promise.reject(cutReason(cut));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: HttpError | null) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      cut?.removeEventListener('abort', onCut);
      if (err) {
        // Stop taking data; what the client still sends is drained and dropped until we answer.
        req.on('error', () => undefined);
        req.resume();
        reject(err);
      } else resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(tooLarge(limit));
      chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onError = () => finish(new HttpError(400, 'BAD_REQUEST', 'The request body could not be read (the connection broke mid-body).'));
    const onAborted = onError;
    const onCut = () => finish(cutReason(cut!));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
    cut?.addEventListener('abort', onCut, { once: true });
  });
}

/** Node's own bound on receiving a whole request (server.requestTimeout). */
export const REQUEST_TIMEOUT_MS = 60_000;

/** The pace a request body must keep (watchBodyRate). */
export interface BodyRate {
  /** Bytes per second, averaged from the start of the request, that the body must keep up. */
  minBytesPerSecond: number;
  /** Before this any pace is accepted: a client's first write, a slow start of TCP. */
  graceMs: number;
  /** The whole body by then, whatever its pace. */
  maxMs: number;
}

/**
 * A body trickled a few bytes a second held its socket until Node's requestTimeout (60 s, checked
 * every 30 s: 68 s and more were reported, 90 s measured here), and Node's own 408 is written
 * under the handler, which logged the request as 200. Any client sends its body far faster than
 * 1 KiB/s (2 MiB, the largest accepted, takes 35 s even at 60 KiB/s), so a body under that average
 * after 5 s is cut with our 408; and any body not whole within 55 s, before Node's requestTimeout
 * would cut it without an answer the log can see.
 */
export const MIN_BODY_RATE: BodyRate = { minBytesPerSecond: 1024, graceMs: 5_000, maxMs: REQUEST_TIMEOUT_MS - 5_000 };

/** What a body cut for its pace is answered with. */
export const slowBody = (rate: BodyRate) => new HttpError(408, 'REQUEST_TIMEOUT', `The request body arrived slower than ${rate.minBytesPerSecond} bytes per second (or took over ${rate.maxMs / 1000} s); send it at once.`);

const cutReason = (cut: AbortSignal) => (cut.reason instanceof HttpError ? cut.reason : slowBody(MIN_BODY_RATE));

/**
 * When a body that has `received` bytes after `elapsedMs` must be looked at again: the time its
 * bytes stop covering the average, at the earliest at the end of the grace and at the latest at
 * the whole-body deadline. 0: it is under the rate (or past the deadline) now.
 */
export function bodyCheckInMs(received: number, elapsedMs: number, rate: BodyRate): number {
  const coveredUntil = Math.max(rate.graceMs, (received / rate.minBytesPerSecond) * 1000);
  return Math.max(0, Math.ceil(Math.min(coveredUntil, rate.maxMs) - elapsedMs));
}

/** A request that carries a body: a length above 0, or chunked. */
const hasBody = (req: IncomingMessage) => Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;

/**
 * Calls `onSlow` once if the request's body falls under `rate` before it is complete. It counts
 * the bytes the socket reads, not those a reader takes, so a body nobody reads (a refused request,
 * /healthz, a static file, which Node reads and drops after the answer) is held to the same pace.
 * One timer per request, set for the moment the pace could fall short, not a poll.
 */
export function watchBodyRate(req: IncomingMessage, rate: BodyRate, onSlow: () => void): void {
  if (!hasBody(req)) return;
  const socket = req.socket;
  const started = performance.now();
  const base = socket.bytesRead;
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    if (req.complete || socket.destroyed) return;
    const due = bodyCheckInMs(socket.bytesRead - base, performance.now() - started, rate);
    if (due === 0) return onSlow();
    timer = setTimeout(check, due);
  };
  timer = setTimeout(check, rate.graceMs);
  // On the request, not the socket: a keep-alive socket would gather one listener per request.
  req.once('close', () => clearTimeout(timer));
}

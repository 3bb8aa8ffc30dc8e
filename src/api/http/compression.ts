// Answers compressed as the client accepts them (Accept-Encoding): Brotli, else gzip, above a
// size where it pays. /graphql answers are compressed whole, off the event loop (zlib's thread
// pool); /export streams through a compressor flushed after each page, so a client sees rows as
// they are read. Static files are served precompressed by sirv (static-files.ts).
import { constants, createBrotliCompress, createGzip, brotliCompress, gzip, type BrotliCompress, type Gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Encoding = 'br' | 'gzip';

/** Below this, compressing costs more time than the bytes it saves on any link. */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * Brotli at quality 4: most of quality 11's saving on JSON (measured on the documented answers:
 * bench/RESULTS.md) at a small part of its time; gzip at zlib's default level.
 */
const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

/**
 * The encoding to answer with, from an Accept-Encoding header (RFC 9110 §12.5.3): `br` when it is
 * accepted, else `gzip`, else none; `q=0` refuses a coding, `*` stands for any not named.
 */
export function chooseEncoding(header: string | string[] | undefined): Encoding | null {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const weights = new Map<string, number>();
  for (const part of text.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p)).find(Boolean);
    weights.set(name, q ? Number(q[1]) : 1);
  }
  const weight = (coding: Encoding) => weights.get(coding) ?? (coding === 'gzip' ? weights.get('x-gzip') : undefined) ?? weights.get('*') ?? 0;
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Sends `body` (a whole answer), compressed when the client accepts it and it is large enough. */
export async function sendMaybeCompressed(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
  res.appendHeader('vary', 'accept-encoding');
  const encoding = Buffer.byteLength(body) >= MIN_COMPRESSED_BYTES ? chooseEncoding(req.headers['accept-encoding']) : null;
  if (!encoding) return void res.end(body);
  const packed = encoding === 'br' ? await brotliAsync(body, BROTLI_OPTIONS) : await gzipAsync(body);
  res.setHeader('content-encoding', encoding);
  res.setHeader('content-length', packed.length);
  res.end(packed);
}

/**
 * A stream to write an export's rows into: the response itself, or a compressor piped into it.
 * `pageDone` flushes what the compressor holds, so each page reaches the client as it is read.
 */
export function exportStream(req: IncomingMessage, res: ServerResponse): { out: NodeJS.WritableStream & { destroyed: boolean; destroy(): void }; pageDone(): void } {
  res.appendHeader('vary', 'accept-encoding');
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  if (!encoding) return { out: res, pageDone: () => undefined };
  res.setHeader('content-encoding', encoding);
  const zip: BrotliCompress | Gzip = encoding === 'br' ? createBrotliCompress(BROTLI_OPTIONS) : createGzip();
  zip.pipe(res);
  // The client went away: stop compressing for it.
  res.once('close', () => zip.destroy());
  return { out: zip, pageDone: () => zip.flush() };
}

// GET /documents/<documentId>/pages/<n>.png (#39 item 2): a PDF document's printed page as the
// explorer shows it beside a fact — rendered from the kept original (src/load/originals.ts) by
// poppler's pdftoppm, every line whose personal data the loader redacted (PERSONAL_DATA_REDACTED,
// PII_DROPPED) painted black over its stored box before a byte leaves. The PDF itself is never
// served. A page on which such a line has no box, or a document where one has no place at all, is
// refused whole: what cannot be painted is not shown.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import type { Database } from '../db/connection.js';
import { QueryRunner } from '../db/run.js';
import { originalPath, originalsDir } from '../db/originals-store.js';
import { ProgramError, runProgram } from '../child-program.js';
import { HttpError } from './http/errors.js';
import { CSRF_MESSAGE, passesCsrfRule } from './http/request-checks.js';
import { encodePng, paintBlack, parsePpm, type PointBox } from './page-png.js';
import { isProps } from '../query/props.js';

/** The route's shape; anything under /documents/ that is not it is a 404 of the route, not of the explorer. */
const ROUTE = /^\/documents\/([^/]+)\/pages\/([^/]+)\.png$/;

export const PAGE_IMAGE_LIMITS = {
  /** Pixels per point at most: 100 dpi, enough to read a table's figures. */
  maxScale: 100 / 72,
  /** The longer side of an image at most, in pixels (a poster-sized page is scaled down to it). */
  maxSidePx: 2000,
  /** Page numbers above this are refused before anything is read. */
  maxPage: 10_000,
  /** Renders at once in this process (each a pdftoppm child: CPU and ~20 MB), and waiting for one. */
  concurrent: 2,
  waiting: 8,
  /** One pdfinfo or pdftoppm run at most. */
  timeoutMs: 10_000,
};

/** Diagnostics whose line's text was hidden in the store: their boxes are painted on the page. */
const REDACTING = new Set(['PERSONAL_DATA_REDACTED', 'PII_DROPPED']);

export const isPageImagePath = (pathname: string): boolean => pathname.startsWith('/documents/');

let running = 0;
const queue: (() => void)[] = [];

async function withRenderSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= PAGE_IMAGE_LIMITS.concurrent) {
    if (queue.length >= PAGE_IMAGE_LIMITS.waiting) throw new HttpError(503, 'SERVICE_UNAVAILABLE', `${PAGE_IMAGE_LIMITS.concurrent} pages are being rendered and ${PAGE_IMAGE_LIMITS.waiting} wait; retry in a moment.`);
    await new Promise<void>((resolve) => queue.push(resolve));
  } else running++;
  try {
    return await work();
  } finally {
    const next = queue.shift();
    if (next) next();
    else running--;
  }
}

/** Wider and taller than any page: pixelBox clips it to the image. */
const EDGE = 1e6;

interface Place {
  page?: number;
  box?: PointBox;
  /** Boxes of the line's cells: two or more, a table row. */
  cells?: number;
  /** The printed lines joined to it after its first, when the source said (src/load/places.ts). */
  more?: { page: number; box: PointBox }[];
}

const isJoined = (v: unknown): v is { page: number; box: PointBox } => isProps(v) && typeof v.page === 'number' && isPointBox(v.box);

const isPointBox = (v: unknown): v is PointBox => Array.isArray(v) && v.length === 4 && v.every((x) => typeof x === 'number');

/** A stored place ({page, box, cells}, src/load/places.ts), checked: a field of another shape is not known. */
const placeAt = (places: readonly (string | null)[], line: number): Place | null => {
  const json = places[line - 1];
  if (!json) return null;
  const v: unknown = JSON.parse(json);
  if (!isProps(v)) return null;
  return {
    ...(typeof v.page === 'number' ? { page: v.page } : {}),
    ...(isPointBox(v.box) ? { box: v.box } : {}),
    ...(Array.isArray(v.cells) && v.cells.every(isPointBox) ? { cells: v.cells.length } : {}),
    ...(Array.isArray(v.more) && v.more.every(isJoined) ? { more: v.more.filter(isJoined) } : {}),
  };
};

/** A column of document-page-source that must be a list of strings (or nulls): anything else throws, so no page is shown unredacted. */
function stringList(value: unknown, what: string, nulls: boolean): (string | null)[] {
  if (Array.isArray(value) && value.every((x) => typeof x === 'string' || (nulls && x === null))) return value;
  throw new Error(`document-page-source returned ${what} that is not a list of strings`);
}

/**
 * The boxes to paint on page `page`, or why the page cannot be shown.
 *
 * A redacted line is painted over its own box when all it prints is inside it: a table row (two
 * cells or more) whose next stored line is on the same page — a row is joined to another printed
 * line only when a page break cut it (src/source/pdf/render.ts joinAcrossBreaks), and within a
 * page its box holds all its cells' printed lines. Before, every redacted line was painted the
 * page's whole width down to the next stored line, and the document's last one down to the foot
 * of its page: a form whose last row holds a 填报人 was black from there down, its page number
 * with it (tests/fixtures/personal-data-footer.pdf).
 *
 * Otherwise a stored line's box may be its first printed line's only: a paragraph wrapped over
 * printed lines (or over a page break) is one text line, and a row the break cut goes on at the
 * head of the next page. Then it is painted as before, the page's whole width from its box's top
 * down to where the next stored line starts — on its own page when that is below it, else to the
 * page's foot and, on the pages after, from the head down to it — never a printed line of it left
 * out; a cut row's rest on the next page's head only. A place that says which printed lines the
 * source joined to its line (`more`, src/load/places.ts) is painted over those boxes only.
 */
export function redactedBoxes(diagnostics: readonly string[], places: readonly (string | null)[], page: number): { boxes: PointBox[] } | { withheld: string } {
  const boxes: PointBox[] = [];
  for (const json of diagnostics) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return { withheld: 'a diagnostic of the document cannot be read' };
    }
    const d = isProps(parsed) ? parsed : {};
    if (typeof d.code !== 'string' || !REDACTING.has(d.code)) continue;
    const line = Number(d.line);
    const place = Number.isInteger(line) && line >= 1 ? placeAt(places, line) : null;
    if (!place || typeof place.page !== 'number') return { withheld: `line ${String(d.line)} holds personal data and its page is not known` };
    if (place.more) {
      // The source said where each of its printed lines is: those boxes, and nothing else.
      if (page === place.page) {
        if (!place.box) return { withheld: `line ${line} holds personal data and its box on page ${place.page} is not known` };
        boxes.push(place.box);
      }
      for (const m of place.more) if (m.page === page) boxes.push(m.box);
      continue;
    }
    // The next line printed after it (its place), or none: the document's end.
    let next: Place | null = null;
    for (let k = line + 1; k <= places.length && !next?.box; k++) next = placeAt(places, k);
    const nextPage = next?.box && typeof next.page === 'number' ? next.page : null;
    const row = (place.cells ?? 0) >= 2;
    // A row's rest, when a break cut it, is on the next page only; a paragraph's runs on to the next stored line.
    const lastPage = row ? (nextPage === place.page ? place.page : place.page + 1) : (nextPage ?? place.page);
    if (page < place.page || page > lastPage) continue;
    if (!place.box) return { withheld: `line ${line} holds personal data and its box on page ${place.page} is not known` };
    if (page === place.page && row) {
      boxes.push(place.box);
      continue;
    }
    const top = page === place.page ? place.box[1] : 0;
    const bottom = page === nextPage && next?.box ? Math.max(next.box[1], page === place.page ? place.box[3] : 0) : EDGE;
    boxes.push([0, top, EDGE, page === place.page ? Math.max(bottom, place.box[3]) : bottom]);
  }
  return { boxes };
}

export interface PageImageDeps {
  db: Database;
  /** Where originals are kept (default: originalsDir()). */
  originals?: string;
  /** From an origin BUDGET_GRAPH_CORS_ORIGINS names: the CSRF rule need not hold it off. */
  allowedOrigin: boolean;
}

export async function handlePageImage(req: IncomingMessage, res: ServerResponse, pathname: string, deps: PageImageDeps): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'BAD_USER_INPUT', 'GET /documents/<documentId>/pages/<n>.png');
  // An <img> of another site must not make a visitor's browser render pages: the explorer fetches with the header.
  if (!deps.allowedOrigin && !passesCsrfRule(req)) throw new HttpError(400, 'BAD_REQUEST', CSRF_MESSAGE);
  const m = ROUTE.exec(pathname);
  if (!m) throw new HttpError(404, 'NOT_FOUND', 'Not found; a printed page is at /documents/<documentId>/pages/<n>.png.');
  let documentId: string;
  try {
    documentId = decodeURIComponent(m[1]!);
  } catch {
    throw new HttpError(400, 'BAD_USER_INPUT', 'The document id is not valid percent-encoding.');
  }
  if (!/^[1-9]\d{0,5}$/.test(m[2]!) || Number(m[2]) > PAGE_IMAGE_LIMITS.maxPage) throw new HttpError(400, 'BAD_USER_INPUT', `The page is a number from 1 to ${PAGE_IMAGE_LIMITS.maxPage}.`);
  const page = Number(m[2]);
  const found = (await new QueryRunner(deps.db).read('document-page-source', { id: documentId })).records[0];
  if (!found) throw new HttpError(404, 'NOT_FOUND', `No document "${documentId.slice(0, 200)}".`);
  const path = originalPath(deps.originals ?? originalsDir(), found.get('sha256'));
  if (!path) throw new HttpError(404, 'NOT_FOUND', `"${documentId.slice(0, 200)}" has no printed pages (a text document, or a PDF loaded before originals were kept: load it again).`);
  if (!existsSync(path)) throw new HttpError(404, 'NOT_FOUND', `The original of "${documentId.slice(0, 200)}" is not kept on this server (ORIGINAL_MISSING): load it again here.`);
  const diagnostics = stringList(found.get('diagnostics'), 'diagnostics', false).filter((x): x is string => x !== null);
  const redaction = redactedBoxes(diagnostics, stringList(found.get('places'), 'places', true), page);
  if ('withheld' in redaction) throw new HttpError(404, 'NOT_FOUND', `Page ${page} of "${documentId.slice(0, 200)}" is not shown: ${redaction.withheld}, so it could not be blacked out.`);
  const { png, scale, rotate, points } = await withRenderSlot(() => renderPage(path, page, redaction.boxes));
  res.statusCode = 200;
  res.setHeader('content-type', 'image/png');
  res.setHeader('content-length', String(png.length));
  // Pixels per PDF point: the explorer scales a fact's boxes with it.
  res.setHeader('x-page-scale', scale.toFixed(6));
  // Boxes are measured on the unrotated page: with /Rotate they are turned as the image is (rotated()).
  res.setHeader('x-page-rotate', String(rotate));
  res.setHeader('x-page-points', `${points[0]} ${points[1]}`);
  res.setHeader('cache-control', 'private, no-cache');
  res.setHeader('x-content-type-options', 'nosniff');
  res.end(req.method === 'HEAD' ? undefined : png);
}

/** Page `page` rendered, painted and encoded; the scale is pixels per point. */
async function renderPage(path: string, page: number, boxes: readonly PointBox[]): Promise<{ png: Buffer; scale: number; rotate: number; points: readonly [number, number] }> {
  const limits = PAGE_IMAGE_LIMITS;
  try {
    const info = (
      await runProgram('pdfinfo', ['-f', String(page), '-l', String(page), path], null, limits.timeoutMs, 64 * 1024).catch((err: unknown) => {
        // "Wrong page range given: the first page (999) can not be after the last page (2)."
        const last = err instanceof ProgramError && /last page \((\d+)\)/.exec(err.message);
        if (last) throw new HttpError(404, 'NOT_FOUND', `The document has ${last[1]} pages; there is no page ${page}.`);
        throw err;
      })
    ).toString('utf8');
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    if (page > pages) throw new HttpError(404, 'NOT_FOUND', `The document has ${pages} pages; there is no page ${page}.`);
    const size = new RegExp(`^Page\\s+${page} size:\\s+([\\d.]+) x ([\\d.]+)`, 'm').exec(info);
    const rot = Number(new RegExp(`^Page\\s+${page} rot:\\s+(\\d+)`, 'm').exec(info)?.[1] ?? 0);
    const [pw, ph] = [Number(size?.[1] ?? 0), Number(size?.[2] ?? 0)];
    if (!(pw > 0 && ph > 0)) throw new HttpError(404, 'NOT_FOUND', `Page ${page}'s size cannot be read.`);
    const [w, h] = rot % 180 === 90 ? [ph, pw] : [pw, ph];
    const scale = Math.min(limits.maxScale, limits.maxSidePx / Math.max(w, h));
    const dpi = scale * 72;
    const maxBytes = Math.ceil(w * scale + 2) * Math.ceil(h * scale + 2) * 3 + 64;
    const ppm = await runProgram('pdftoppm', ['-r', dpi.toFixed(4), '-f', String(page), '-l', String(page), path], null, limits.timeoutMs, maxBytes);
    const img = parsePpm(ppm);
    // The scale of the pixels written (pdftoppm rounds the size to whole pixels).
    const actual = img.width / w;
    paintBlack(img, boxes.map((b) => rotated(b, rot, pw, ph)), actual);
    return { png: encodePng(img), scale: actual, rotate: rot, points: [pw, ph] as const };
  } catch (err) {
    if (err instanceof ProgramError) throw new HttpError(503, 'SERVICE_UNAVAILABLE', err.reason === 'MISSING' ? `Pages cannot be rendered here: ${err.message} (Debian: apt-get install poppler-utils).` : `The page could not be rendered: ${err.message}.`);
    throw err;
  }
}

/**
 * A box measured on the unrotated page (Box: pdf.js' viewport without the page's /Rotate) where
 * pdftoppm, which turns the page as it is meant to be seen, draws it: /Rotate turns clockwise.
 * `w` × `h`: the unrotated page in points.
 */
export function rotated(b: PointBox, rot: number, w: number, h: number): PointBox {
  const [x0, y0, x1, y1] = b;
  switch (((rot % 360) + 360) % 360) {
    case 90:
      return [h - y1, x0, h - y0, x1];
    case 180:
      return [w - x1, h - y1, w - x0, h - y0];
    case 270:
      return [y0, w - x1, y1, w - x0];
    default:
      return b;
  }
}

// The PDF source's one contact with pdf.js (pdfjs-dist, Apache-2.0; chosen over mupdf's
// WebAssembly build, which was 2.8× faster on the same PDFs but is AGPL: bench/RESULTS.md).
// Bytes → pages of glyph runs and drawn rulings (geometry.ts); nothing here knows what a table
// or a budget is. Errors name the file and what was expected.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BadDocumentError } from '../../errors.js';
import type { GlyphRun, PdfPage, Ruling } from './geometry.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
const load = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** pdf.js's own CMaps (CJK fonts name predefined ones such as UniGB-UCS2-H) and standard fonts. */
function assetUrls(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: pathToFileURL(join(root, 'cmaps') + '/').href, standardFontDataUrl: pathToFileURL(join(root, 'standard_fonts') + '/').href };
}

/** Limits that follow the real work: a department's document is tens of pages, not thousands. */
export const MAX_PDF_PAGES = 2_000;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** A stroke or fill thinner than this (points) is a ruling, not a shape. */
const THIN = 2.5;

export async function extractPdf(bytes: Uint8Array, file: string): Promise<PdfPage[]> {
  const lib = await load();
  const { OPS } = lib;
  let doc;
  try {
    // A copy: pdf.js takes ownership of (detaches) the buffer it is given.
    doc = await lib.getDocument({ data: new Uint8Array(bytes), ...assetUrls(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new BadDocumentError(file, 1, /password/i.test(why) ? 'the PDF is encrypted with a password; expected a PDF anyone can open' : `the PDF cannot be opened (${why}); expected a PDF file`);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new BadDocumentError(file, 1, `the PDF has ${doc.numPages} pages; expected one budget document (at most ${MAX_PDF_PAGES} pages)`);
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      pages.push(await readPage(doc, n, file, OPS));
    }
    return pages;
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/**
 * One page's glyph runs and rulings. Whatever pdf.js throws on a damaged page (a corrupt flate
 * stream, a broken xref entry, a font it cannot decode) is that document's BAD_DOCUMENT, with
 * the page: one bad file is one bad file, never an exception that ends a batch or the server.
 */
async function readPage(doc: PdfDocument, n: number, file: string, OPS: PdfJs['OPS']): Promise<PdfPage> {
  try {
    return await pageContent(doc, n, OPS);
  } catch (err) {
    if (err instanceof BadDocumentError) throw err;
    const why = (err instanceof Error ? err.message : String(err)).slice(0, 200);
    throw new BadDocumentError(file, 1, `the PDF's content cannot be read (${why}); expected an undamaged PDF: the file may be cut short or corrupted, download or save it again`, n);
  }
}

async function pageContent(doc: PdfDocument, n: number, OPS: PdfJs['OPS']): Promise<PdfPage> {
  const page = await doc.getPage(n);
  const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number];
  const width = vx1 - vx0;
  const height = vy1 - vy0;
  // PDF space (origin bottom-left) → top-left origin in points.
  const toPage = (x: number, y: number): [number, number] => [x - vx0, vy1 - y];

  const runs: GlyphRun[] = [];
  const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const [a, b, c, d, e, f] = item.transform as Matrix;
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3) continue; // rotated text (a stamp, a margin note) is not a printed line
    const [x0, base] = toPage(e, f);
    runs.push({ text: item.str, x0, x1: x0 + item.width, top: base - size * 0.86, bottom: base + size * 0.14, size });
  }

  const rulings: Ruling[] = [];
  let imageArea = 0;
  const ops = await page.getOperatorList();
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      const corners = [apply(ctm, 0, 0), apply(ctm, 1, 1)];
      imageArea += Math.abs((corners[1]![0] - corners[0]![0]) * (corners[1]![1] - corners[0]![1]));
    } else if (fn === OPS.constructPath) {
      const [drawOp, data] = args as [number, (Float32Array | number[] | null)[]];
      const filled = drawOp === OPS.fill || drawOp === OPS.eoFill || drawOp === OPS.fillStroke || drawOp === OPS.eoFillStroke;
      const stroked = drawOp === OPS.stroke || drawOp === OPS.closeStroke || drawOp === OPS.fillStroke || drawOp === OPS.eoFillStroke || drawOp === OPS.closeFillStroke || drawOp === OPS.closeEOFillStroke;
      if (!filled && !stroked) continue;
      for (const path of data) if (path) addPath(path, ctm, toPage, filled, stroked, rulings);
    }
  }
  const imageCover = imageArea / (width * height);
  page.cleanup();
  return { number: n, width, height, runs, rulings, imageCover };
}

/** A path's subpaths: thin filled rectangles and stroked axis-aligned segments become rulings. */
function addPath(path: ArrayLike<number>, ctm: Matrix, toPage: (x: number, y: number) => [number, number], filled: boolean, stroked: boolean, out: Ruling[]): void {
  let sub: [number, number][] = [];
  let start: [number, number] | null = null;
  const flush = () => {
    if (sub.length < 2) return (sub = []);
    if (filled) {
      const xs = sub.map((p) => p[0]);
      const ys = sub.map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      if (y1 - y0 <= THIN && x1 - x0 > THIN) out.push({ orientation: 'H', at: (y0 + y1) / 2, from: x0, to: x1 });
      else if (x1 - x0 <= THIN && y1 - y0 > THIN) out.push({ orientation: 'V', at: (x0 + x1) / 2, from: y0, to: y1 });
    }
    if (stroked) {
      for (let k = 1; k < sub.length; k++) segment(sub[k - 1]!, sub[k]!, out);
    }
    sub = [];
  };
  const point = (x: number, y: number) => toPage(...apply(ctm, x, y));
  for (let i = 0; i < path.length; ) {
    const op = path[i]!;
    if (op === 0) {
      flush();
      start = point(path[i + 1]!, path[i + 2]!);
      sub.push(start);
      i += 3;
    } else if (op === 1) {
      sub.push(point(path[i + 1]!, path[i + 2]!));
      i += 3;
    } else if (op === 2) {
      sub.push(point(path[i + 5]!, path[i + 6]!));
      i += 7;
    } else if (op === 3) {
      sub.push(point(path[i + 3]!, path[i + 4]!));
      i += 5;
    } else if (op === 4) {
      if (start) sub.push(start);
      i += 1;
    } else break; // an opcode this pdf.js build does not document: stop reading the path
  }
  flush();
}

function segment(p: [number, number], q: [number, number], out: Ruling[]): void {
  if (Math.abs(p[1] - q[1]) < 0.5 && Math.abs(p[0] - q[0]) > THIN) out.push({ orientation: 'H', at: (p[1] + q[1]) / 2, from: Math.min(p[0], q[0]), to: Math.max(p[0], q[0]) });
  else if (Math.abs(p[0] - q[0]) < 0.5 && Math.abs(p[1] - q[1]) > THIN) out.push({ orientation: 'V', at: (p[0] + q[0]) / 2, from: Math.min(p[1], q[1]), to: Math.max(p[1], q[1]) });
}

// The PDF source's one contact with pdf.js (pdfjs-dist, Apache-2.0; chosen over mupdf's
// WebAssembly build, which was 2.8× faster on the same PDFs but is AGPL: bench/RESULTS.md).
// Bytes → pages of glyph runs and drawn rulings (geometry.ts); nothing here knows what a table
// or a budget is. Errors name the file and what was expected.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BadDocumentError } from '../../errors.js';
import { unionBox, type Box, type CutText, type GlyphRun, type PdfPage, type PrintedGlyph, type Ruling } from './geometry.js';
import { GUARD_GLOBAL, loadGuardedPdfJs } from './pdfjs-guarded.js';
import { PDF_CAPS, PdfBudget, type PdfCap } from './pdf-budget.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
/** pdf.js's own normalisation of a text item (ligatures, compatibility forms): glyphs are compared to runs after it. */
let normalize: (s: string) => string = (s) => s;
// pdf.js with its worker code guarded by the budget of the document being read (pdfjs-guarded.ts).
const load = () =>
  (pdfjs ??= loadGuardedPdfJs().then((lib) => {
    normalize = lib.normalizeUnicode;
    return lib;
  }));

/** pdf.js's own CMaps (CJK fonts name predefined ones such as UniGB-UCS2-H) and standard fonts. */
function assetUrls(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: pathToFileURL(join(root, 'cmaps') + '/').href, standardFontDataUrl: pathToFileURL(join(root, 'standard_fonts') + '/').href };
}


type Matrix = [number, number, number, number, number, number];

/** The six numbers of a text matrix as pdf.js hands them over (a typed array or an array), checked. */
function matrixOf(value: unknown): Matrix {
  const list: unknown[] = value instanceof Float32Array || value instanceof Float64Array ? Array.from(value) : Array.isArray(value) ? value : [];
  const [a = NaN, b = NaN, c = NaN, d = NaN, e = NaN, f = NaN] = list.map((x) => (typeof x === 'number' ? x : NaN));
  const m: Matrix = [a, b, c, d, e, f];
  if (list.length !== 6 || !m.every(Number.isFinite)) throw new Error(`a text matrix of ${list.length} values that are not six finite numbers`);
  return m;
}
/**
 * Six numbers as a matrix, leniently (a form's or a drawing's matrix): a typed array or an array of
 * six, a value that is not a number read as NaN (as arithmetic on it would); null when not six.
 */
function sixOf(value: unknown): Matrix | null {
  const list: ArrayLike<unknown> | null = value instanceof Float32Array || value instanceof Float64Array || Array.isArray(value) ? value : null;
  if (!list || list.length !== 6) return null;
  const [a = NaN, b = NaN, c = NaN, d = NaN, e = NaN, f = NaN] = Array.from(list, (x) => (typeof x === 'number' ? x : NaN));
  return [a, b, c, d, e, f];
}

/**
 * One operator's arguments. pdf.js hands an operator list's arguments over untyped (`any[]`, or
 * null for an operator without any); each is read here through a guard, once, not cast at each
 * use. A number or a string that is not one is NaN or '' (what arithmetic on it would make).
 */
class OperatorArgs {
  readonly list: readonly unknown[];
  constructor(value: unknown) {
    this.list = Array.isArray(value) ? value : [];
  }
  number(i: number): number {
    const v = this.list[i];
    return typeof v === 'number' ? v : NaN;
  }
  string(i: number): string {
    const v = this.list[i];
    return typeof v === 'string' ? v : '';
  }
}

/** What a page's font tells the glyph placement: pdf.js's Font object, untyped (`any`) as commonObjs hands it over. */
function fontFacts(font: unknown): { fontMatrix: ArrayLike<number>; vertical: boolean } {
  const fontMatrix: unknown = font && typeof font === 'object' && 'fontMatrix' in font ? font.fontMatrix : undefined;
  const vertical = !!font && typeof font === 'object' && 'vertical' in font && font.vertical === true;
  return { fontMatrix: Array.isArray(fontMatrix) || fontMatrix instanceof Float32Array || fontMatrix instanceof Float64Array ? fontMatrix : FONT_MATRIX, vertical };
}

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** A stroke or fill thinner than this (points) is a ruling, not a shape. */
const THIN = 2.5;

/** One document at a time per thread: the budget pdf.js asks is this thread's one global. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * The pages of a PDF, read within its budget (pdf-budget.ts): a PDF past a cap is refused with
 * the cap (PdfTooLargeError), whatever pdf.js made of the budget's throw. `caps` for tests.
 */
export function extractPdf(bytes: Uint8Array, file: string, caps: Record<PdfCap, number> = PDF_CAPS): Promise<PdfPage[]> {
  const next = queue.then(() => extractWithin(bytes, file, new PdfBudget(file, caps), caps));
  queue = next.catch(() => undefined);
  return next;
}

/** What reading the last PDF cost on this thread (the figures behind PDF_CAPS; tests). */
export let lastPdfCosts: { decodedBytes: number; operators: number; largestPage: number; imagePixels: number; largestImage: number } | null = null;

async function extractWithin(bytes: Uint8Array, file: string, budget: PdfBudget, caps: Record<PdfCap, number>): Promise<PdfPage[]> {
  const lib = await load();
  const { OPS } = lib;
  // The budget pdf.js's guarded worker code asks for (pdfjs-guarded.ts): one global of this thread.
  Reflect.set(globalThis, GUARD_GLOBAL, budget);
  let doc;
  try {
    try {
      // A copy: pdf.js takes ownership of (detaches) the buffer it is given. Images over the cap
      // are never decoded (maxImageSize; the budget records them first and refuses the document).
      doc = await lib.getDocument({ data: new Uint8Array(bytes), ...assetUrls(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, maxImageSize: caps.imagePixels, verbosity: 0, stopAtErrors: false }).promise;
    } catch (err) {
      budget.check();
      const why = err instanceof Error ? err.message : String(err);
      throw new BadDocumentError(file, 1, /password/i.test(why) ? 'the PDF is encrypted with a password; expected a PDF anyone can open' : `the PDF cannot be opened (${why}); expected a PDF file`);
    }
    budget.check();
    budget.checkPages(doc.numPages);
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      budget.startPage(n);
      pages.push(await readPage(doc, n, file, OPS, budget));
      budget.check();
    }
    return pages;
  } finally {
    lastPdfCosts = { decodedBytes: budget.decodedBytes, operators: budget.operators, largestPage: budget.largestPage, imagePixels: budget.imagePixels, largestImage: budget.largestImage };
    await doc?.destroy().catch(() => undefined);
    if (Reflect.get(globalThis, GUARD_GLOBAL) === budget) Reflect.deleteProperty(globalThis, GUARD_GLOBAL);
  }
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/**
 * One page's glyph runs and rulings. Whatever pdf.js throws on a damaged page (a corrupt flate
 * stream, a broken xref entry, a font it cannot decode) is that document's BAD_DOCUMENT, with
 * the page: one bad file is one bad file, never an exception that ends a batch or the server.
 */
async function readPage(doc: PdfDocument, n: number, file: string, OPS: PdfJs['OPS'], budget: PdfBudget): Promise<PdfPage> {
  try {
    return await pageContent(doc, n, OPS, file);
  } catch (err) {
    if (err instanceof BadDocumentError) throw err;
    // pdf.js stopped because a cap was passed: the cap is the reason, not the damage it saw.
    budget.check();
    const why = (err instanceof Error ? err.message : String(err)).slice(0, 200);
    throw new BadDocumentError(file, 1, `the PDF's content cannot be read (${why}); expected an undamaged PDF: the file may be cut short or corrupted, download or save it again`, n);
  }
}

/** What the parser refuses as a control character (src/parse/index.ts), found in a PDF's text: a glyph with no Unicode value. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

async function pageContent(doc: PdfDocument, n: number, OPS: PdfJs['OPS'], file: string): Promise<PdfPage> {
  const page = await doc.getPage(n);
  // pdf.js's page box: always four numbers (x0, y0, x1, y1).
  const [vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0] = page.view;
  const width = vx1 - vx0;
  const height = vy1 - vy0;
  // PDF space (origin bottom-left) → top-left origin in points.
  const toPage = (x: number, y: number): [number, number] => [x - vx0, vy1 - y];

  const runs: GlyphRun[] = [];
  let unreadable: { fontId: string; control: string } | null = null;
  const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    // Refused once the drawing is read, when the font's name is known (fontWithoutUnicode).
    const control = CONTROL.exec(item.str);
    if (control) unreadable ??= { fontId: item.fontName, control: control[0] };
    // pdf.js types a text item's transform `any[]`; it is the item's six-number matrix.
    const [a, b, c, d, e, f] = sixOf(item.transform) ?? [NaN, NaN, NaN, NaN, NaN, NaN];
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3) continue; // rotated text (a stamp, a margin note) is not a printed line
    const [x0, base] = toPage(e, f);
    runs.push({ text: item.str, x0, x1: x0 + item.width, top: base - size * 0.86, bottom: base + size * 0.14, size });
  }

  const rulings: Ruling[] = [];
  const glyphs: PrintedGlyph[] = [];
  // The word spaces the page draws as glyphs (a space's advance box): where a space item of
  // getTextContent stands for a printed space, not a gap (see spacesKept).
  const spaces: PrintedGlyph[] = [];
  let imageArea = 0;
  const ops = await page.getOperatorList();
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let text = newTextState();
  // The text state is shared with the saved states until it changes (most q … Q draw no text).
  let shared = false;
  const own = (): TextState => {
    if (shared) {
      text = { ...text };
      shared = false;
    }
    return text;
  };
  // The clip in effect (page space, top-left origin: [x0, top, x1, bottom]), the bounds of each
  // clipping path intersected; null for the whole page. Text a page draws outside its clip is not
  // printed (a text frame overflowing its box draws the lines that overflow again, outside it),
  // and getTextContent ignores clipping, so the reader drops it here.
  let clip: Clip | null = null;
  let pendingClip = false;
  // The clips text objects begin in: what getTextContent's runs (which know no clip) are kept by.
  const textClips: (Clip | null)[] = [];
  // The glyphs a clip cuts through: part of each shows, part does not (cutGlyphs).
  const cut: CutGlyph[] = [];
  const stack: { ctm: Matrix; text: TextState; clip: Clip | null }[] = [];
  // A page's fonts, looked up once each: their matrix (glyph widths → text space) and writing mode.
  const fonts = new Map<string, { fontMatrix: ArrayLike<number>; vertical: boolean }>();
  const fontOf = (name: string): { fontMatrix: ArrayLike<number>; vertical: boolean } => {
    let found = fonts.get(name);
    if (!found) {
      try {
        found = fontFacts(page.commonObjs.has(name) ? page.commonObjs.get(name) : null);
      } catch {
        found = { fontMatrix: FONT_MATRIX, vertical: false };
      }
      fonts.set(name, found);
    }
    return found;
  };
  // Each glyph's text as pdf.js normalises a text item's (once per distinct text).
  const seen = new Map<string, string>();
  const normalized = (t: string) => {
    let out = seen.get(t);
    if (out === undefined) seen.set(t, (out = normalize(t)));
    return out;
  };
  const pop = (): { ctm: Matrix; text: TextState; clip: Clip | null } => stack.pop() ?? { ctm: [1, 0, 0, 1, 0, 0], text: newTextState(), clip: null };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = new OperatorArgs(ops.argsArray[i]);
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, text, clip });
        shared = true;
        break;
      case OPS.restore:
        ({ ctm, text, clip } = pop());
        shared = true;
        break;
      case OPS.clip:
      case OPS.eoClip:
        // W / W*: the path constructed next (pdf.js hands it over after the clip operator) clips.
        pendingClip = true;
        break;
      case OPS.transform:
        ctm = multiply(sixOf(args.list) ?? [NaN, NaN, NaN, NaN, NaN, NaN], ctm);
        break;
      case OPS.paintFormXObjectBegin: {
        // A form XObject draws in its own matrix, inside a saved state.
        stack.push({ ctm, text, clip });
        shared = true;
        const m = sixOf(args.list[0]);
        if (m) ctm = multiply(m, ctm);
        break;
      }
      case OPS.paintFormXObjectEnd:
        ({ ctm, text, clip } = pop());
        shared = true;
        break;
      case OPS.beginText: {
        textClips.push(clip);
        const t = own();
        t.tm = IDENTITY;
        t.x = t.y = t.lineX = t.lineY = 0;
        break;
      }
      case OPS.setFont: {
        const size = args.number(1);
        const font = fontOf(args.string(0));
        const t = own();
        t.fontMatrix = font.fontMatrix;
        t.vertical = font.vertical;
        t.size = Math.abs(size);
        t.direction = size < 0 ? -1 : 1;
        break;
      }
      case OPS.setTextMatrix: {
        // pdf.js hands over a fresh Float32Array (or six numbers).
        const t = own();
        t.tm = matrixOf(args.list.length === 1 ? args.list[0] : args.list);
        t.x = t.y = t.lineX = t.lineY = 0;
        break;
      }
      case OPS.moveText:
        moveText(own(), args.number(0), args.number(1));
        break;
      case OPS.setLeadingMoveText:
        own().leading = args.number(1);
        moveText(text, args.number(0), args.number(1));
        break;
      case OPS.nextLine:
        moveText(own(), 0, text.leading);
        break;
      case OPS.setLeading:
        own().leading = -args.number(0);
        break;
      case OPS.setCharSpacing:
        own().charSpacing = args.number(0);
        break;
      case OPS.setWordSpacing:
        own().wordSpacing = args.number(0);
        break;
      case OPS.setHScale:
        own().hScale = args.number(0) / 100;
        break;
      case OPS.setTextRise:
        own().rise = args.number(0);
        break;
      case OPS.showText: {
        const before = glyphs.length;
        const spacesBefore = spaces.length;
        showText(own(), ctm, args.list[0], toPage, normalized, glyphs, spaces);
        if (clip) {
          cutGlyphs(glyphs, before, clip, cut);
          dropOutside(glyphs, before, clip);
          dropOutside(spaces, spacesBefore, clip);
        }
        break;
      }
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject: {
        const [[x0, y0], [x1, y1]] = [apply(ctm, 0, 0), apply(ctm, 1, 1)];
        imageArea += Math.abs((x1 - x0) * (y1 - y0));
        break;
      }
      case OPS.constructPath: {
        // pdf.js 5: [the painting operator, [the path's data, a Float32Array of opcodes and points, or null], its bounds].
        const drawOp = args.number(0);
        if (pendingClip) {
          pendingClip = false;
          const bounds = clipBounds(args.list[2], ctm, toPage);
          if (bounds) clip = clip ? intersect(clip, bounds) : bounds;
        }
        const data: readonly unknown[] = Array.isArray(args.list[1]) ? args.list[1] : [];
        const filled = drawOp === OPS.fill || drawOp === OPS.eoFill || drawOp === OPS.fillStroke || drawOp === OPS.eoFillStroke;
        const stroked = drawOp === OPS.stroke || drawOp === OPS.closeStroke || drawOp === OPS.fillStroke || drawOp === OPS.eoFillStroke || drawOp === OPS.closeFillStroke || drawOp === OPS.closeEOFillStroke;
        if (!filled && !stroked) break;
        for (const path of data) if (path instanceof Float32Array || Array.isArray(path)) addPath(path, ctm, toPage, filled, stroked, rulings);
        break;
      }
    }
  }
  if (unreadable) throw fontWithoutUnicode(file, n, page, unreadable.fontId, unreadable.control);
  const imageCover = imageArea / (width * height);
  page.cleanup();
  return { number: n, width, height, runs: runsInside(spacesKept(runs, spaces), textClips), glyphs, rulings, imageCover, ...(cut.length ? { cut: cutLines(cut) } : {}) };
}

/** How far (points) a space item may stand off the runs either side of it and still be between them. */
const ABUTS = 0.5;

/**
 * A printed space between two runs, kept with the run before it. pdf.js reads a word space inside
 * a text item into its text ("年预算 财政拨款"), but where the item ends at the space (the font
 * changes: "2024" in a Latin font, then the space, then "年预算数" in a CJK one) it hands the space
 * over as an item of its own between the two. Such items are not printed lines (the layout drops
 * runs of spaces), so the space went with them, and the layout put one back only for a gap wider
 * than a quarter em — no wider than many fonts' space (Liberation Serif's is 0.25 em: 2.2 pt at
 * 9 pt). A space item that touches a run on each side, on their baseline, is the first run's
 * trailing space when the page draws a space glyph inside it; pdf.js also hands over gaps the
 * producer made by moving the pen (a justified or distributed line: "城 乡 社 区"), which stay gaps.
 */
function spacesKept(runs: GlyphRun[], spaces: PrintedGlyph[]): GlyphRun[] {
  if (!spaces.length) return runs;
  const byBase = new Map<number, PrintedGlyph[]>();
  for (const g of spaces) {
    const key = Math.round(g.base);
    const list = byBase.get(key);
    if (list) list.push(g);
    else byBase.set(key, [g]);
  }
  const drawnIn = (space: GlyphRun, base: number) => {
    for (let key = Math.round(base) - 1; key <= Math.round(base) + 1; key++)
      for (const g of byBase.get(key) ?? []) if (Math.abs(g.base - base) <= space.size * 0.15 && (g.x0 + g.x1) / 2 >= space.x0 - ABUTS && (g.x0 + g.x1) / 2 <= space.x1 + ABUTS) return true;
    return false;
  };
  for (let i = 1; i + 1 < runs.length; i++) {
    const [before, space, after] = [runs[i - 1], runs[i], runs[i + 1]];
    if (!before || !space || !after || space.text.trim() !== '' || before.text.trim() === '' || after.text.trim() === '' || /\s$/.test(before.text)) continue;
    const level = (r: GlyphRun) => Math.abs(r.bottom - space.bottom) <= Math.max(r.size, space.size) * 0.15;
    if (!level(before) || !level(after)) continue;
    if (Math.abs(space.x0 - before.x1) > ABUTS || Math.abs(after.x0 - space.x1) > ABUTS) continue;
    // The baseline: a run's bottom is set 0.14 of its size below it (pageContent).
    if (drawnIn(space, space.bottom - space.size * 0.14)) before.text += ' ';
  }
  return runs;
}

/** A clip's box in page space, top-left origin: [x0, top, x1, bottom]. */
type Clip = [number, number, number, number];

/** How far outside its clip a glyph's centre may fall and still be printed (rounding of the producer's boxes). */
const CLIP_SLACK = 1;

/** The bounds pdf.js gives a clipping path ([minX, minY, maxX, maxY], user space) in page space; null when it gives none. */
function clipBounds(bounds: unknown, ctm: Matrix, toPage: (x: number, y: number) => [number, number]): Clip | null {
  if (!(bounds instanceof Float32Array) && !Array.isArray(bounds)) return null;
  const [x0, y0, x1, y1] = Array.from(bounds, Number);
  if (x0 === undefined || y0 === undefined || x1 === undefined || y1 === undefined || ![x0, y0, x1, y1].every(Number.isFinite)) return null;
  const corners = [apply(ctm, x0, y0), apply(ctm, x1, y1), apply(ctm, x0, y1), apply(ctm, x1, y0)].map(([x, y]) => toPage(x, y));
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

const intersect = (a: Clip, b: Clip): Clip => [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];

const inside = (clip: Clip, x: number, y: number) => x >= clip[0] - CLIP_SLACK && x <= clip[2] + CLIP_SLACK && y >= clip[1] - CLIP_SLACK && y <= clip[3] + CLIP_SLACK;

/** How much of a glyph's em box (0.86 of its size above the baseline, 0.14 below) a clip shows, across and down. */
function shownPart(g: PrintedGlyph, clip: Clip): [number, number] {
  const top = g.base - g.size * 0.86;
  const bottom = g.base + g.size * 0.14;
  const across = Math.max(0, Math.min(g.x1, clip[2]) - Math.max(g.x0, clip[0])) / Math.max(g.x1 - g.x0, 1e-6);
  const down = Math.max(0, Math.min(bottom, clip[3]) - Math.max(top, clip[1])) / Math.max(bottom - top, 1e-6);
  return [across, down];
}

/**
 * How little of a glyph's em box a clip may show, and how much at most, for the glyph to be cut:
 * the ink of a CJK glyph fills about 0.05-0.95 of its em box, so a clip showing 0.9 of it (a line
 * set a point above its frame's top) hides nothing a reader sees, and one showing 0.15 (the line
 * at 司法局 2026 p. 4's foot) shows the top of every glyph.
 */
const CUT_SHOWN = { least: 0.05, most: 0.8 };

interface CutGlyph {
  glyph: PrintedGlyph;
  clip: Clip;
  read: boolean;
}

/** Collects the glyphs from `from` the clip cuts through, each with whether the reader keeps it (dropOutside). */
function cutGlyphs(glyphs: readonly PrintedGlyph[], from: number, clip: Clip, out: CutGlyph[]): void {
  for (let i = from; i < glyphs.length; i++) {
    const g = glyphs[i];
    if (!g || g.text.trim() === '') continue;
    const shown = Math.min(...shownPart(g, clip));
    if (shown < CUT_SHOWN.least || shown > CUT_SHOWN.most) continue;
    out.push({ glyph: g, clip, read: inside(clip, (g.x0 + g.x1) / 2, g.base - g.size * 0.36) });
  }
}

const emBox = (g: PrintedGlyph): Box => [g.x0, g.base - g.size * 0.86, g.x1, g.base + g.size * 0.14];

/** The cut glyphs as lines: one a clip and baseline, in the order drawn. */
function cutLines(cut: readonly CutGlyph[]): CutText[] {
  const lines = new Map<string, CutGlyph[]>();
  for (const c of cut) {
    const key = `${c.clip.join(',')}|${Math.round(c.glyph.base)}`;
    const line = lines.get(key);
    if (line) line.push(c);
    else lines.set(key, [c]);
  }
  return [...lines.values()].map((line) => ({
    box: unionBox(line.map((c) => emBox(c.glyph))),
    text: line.map((c) => c.glyph.text).join(''),
    unread: line.filter((c) => !c.read).length,
  }));
}

/** Drops the glyphs from `from` on whose centre the clip hides. */
function dropOutside(glyphs: PrintedGlyph[], from: number, clip: Clip): void {
  const shown = glyphs.slice(from).filter((g) => inside(clip, (g.x0 + g.x1) / 2, g.base - g.size * 0.36));
  glyphs.length = from;
  glyphs.push(...shown);
}

/**
 * getTextContent's runs, less those no text object's clip shows: a run is kept when its centre lies
 * inside the clip of some text object of the page, or when a text object begins unclipped.
 */
function runsInside(runs: GlyphRun[], textClips: readonly (Clip | null)[]): GlyphRun[] {
  if (textClips.length === 0 || textClips.some((c) => c === null)) return runs;
  const clips = textClips.filter((c): c is Clip => c !== null);
  return runs.filter((r) => clips.some((c) => inside(c, (r.x0 + r.x1) / 2, (r.top + r.bottom) / 2)));
}

/**
 * A text item whose characters are control codes: pdf.js found no Unicode value for the font's
 * glyphs (no ToUnicode map, glyph names that name no character) and handed over the raw codes.
 * The text cannot be read; said as such, with the page and the font, not as "control characters".
 */
function fontWithoutUnicode(file: string, n: number, page: { commonObjs: { has(id: string): boolean; get(id: string): unknown } }, fontId: string, control: string): BadDocumentError {
  let name = fontId;
  try {
    const font = page.commonObjs.has(fontId) ? page.commonObjs.get(fontId) : null;
    if (font && typeof font === 'object' && 'name' in font && typeof font.name === 'string' && font.name) name = font.name;
  } catch {
    // The font's id is name enough.
  }
  const code = control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  const err = new BadDocumentError(file, 1, `the text of page ${n} is printed in the font "${name}", which has no Unicode map (its glyphs give codes such as U+${code}, not characters), so the text cannot be read; export the PDF again with its fonts' Unicode maps (ToUnicode), or load its text`, n);
  Object.assign(err.details, { reason: 'FONT_WITHOUT_UNICODE', font: name });
  return err;
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
      sub.reduce((p, q) => (segment(p, q, out), q));
    }
    sub = [];
  };
  const point = (x: number, y: number) => toPage(...apply(ctm, x, y));
  // A point the path's data cuts short is NaN (as arithmetic on the missing number would make).
  const at = (k: number) => path[k] ?? NaN;
  for (let i = 0; i < path.length; ) {
    const op = path[i];
    if (op === 0) {
      flush();
      start = point(at(i + 1), at(i + 2));
      sub.push(start);
      i += 3;
    } else if (op === 1) {
      sub.push(point(at(i + 1), at(i + 2)));
      i += 3;
    } else if (op === 2) {
      sub.push(point(at(i + 5), at(i + 6)));
      i += 7;
    } else if (op === 3) {
      sub.push(point(at(i + 3), at(i + 4)));
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

/** The PDF text state (ISO 32000 9.3) as pdf.js's canvas follows it: enough to place each glyph. */
interface TextState {
  tm: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  fontMatrix: ArrayLike<number>;
  /** A vertical (top-to-bottom) font: its glyphs are not placed. */
  vertical: boolean;
  size: number;
  direction: 1 | -1;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

const FONT_MATRIX = [0.001, 0, 0, 0.001, 0, 0];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const newTextState = (): TextState => ({ tm: IDENTITY, x: 0, y: 0, lineX: 0, lineY: 0, fontMatrix: FONT_MATRIX, vertical: false, size: 0, direction: 1, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0 });

function moveText(t: TextState, x: number, y: number): void {
  t.x = t.lineX += x;
  t.y = t.lineY += y;
}

/** A glyph of pdf.js's operator list (its Glyph object, cloned): what is read of it. */
interface ShownGlyph {
  unicode?: unknown;
  width: number;
  isSpace?: unknown;
}
const isShownGlyph = (g: unknown): g is ShownGlyph => !!g && typeof g === 'object' && 'width' in g && typeof g.width === 'number';

/**
 * A showText operation: each glyph's advance box, as canvas.js's showText advances (widths in
 * glyph space × font size × the font matrix, TJ adjustments, character and word spacing, the
 * horizontal scale). Horizontal, upright text only: a rotated line is not a table's cell text.
 */
function showText(t: TextState, ctm: Matrix, shown: unknown, toPage: (x: number, y: number) => [number, number], normalized: (s: string) => string, out: PrintedGlyph[], spaces: PrintedGlyph[]): void {
  if (!t.size || t.vertical || !Array.isArray(shown)) return;
  const m = multiply(t.tm, ctm);
  const upright = Math.abs(m[1]) < 1e-6 && Math.abs(m[2]) < 1e-6 && m[0] > 0;
  const size = t.size * Math.hypot(m[2], m[3]);
  const scale = t.size * (t.fontMatrix[0] ?? 0.001);
  const h = t.hScale * t.direction;
  const y = t.y + t.rise;
  // Upright: page x = origin + m[0] · (text x), one baseline for the whole operation.
  const [origin, base] = toPage(...apply(m, 0, y));
  let x = 0;
  const items: readonly unknown[] = shown;
  for (const g of items) {
    if (typeof g === 'number') {
      x -= (g * t.size) / 1000;
      continue;
    }
    if (!isShownGlyph(g)) continue;
    const advance = g.width * scale;
    if (upright && typeof g.unicode === 'string') {
      const a = origin + m[0] * (t.x + x * h);
      const b = origin + m[0] * (t.x + (x + advance) * h);
      if (/\S/.test(g.unicode)) out.push({ text: normalized(g.unicode), x0: Math.min(a, b), x1: Math.max(a, b), base, size });
      else if (g.unicode === ' ' && advance > 0) spaces.push({ text: ' ', x0: Math.min(a, b), x1: Math.max(a, b), base, size });
    }
    x += advance + ((g.isSpace ? t.wordSpacing : 0) + t.charSpacing) * t.direction;
  }
  t.x += x * h;
}

// What reading one PDF may cost: the bytes its streams decode to, the operators its content
// streams hold, the pixels of its images, its pages. pdf.js asks this budget as it works
// (pdfjs-guarded.ts); past a cap the budget throws, pdf.js stops growing there, and the document
// is refused with the cap it passed (PdfTooLargeError), whatever pdf.js did with the throw.
import { inflateSync } from 'node:zlib';
import { BadDocumentError } from '../../errors.js';

/**
 * The caps. The nine real PDFs of tests/fixtures/real (21-35 pages; measured through this budget,
 * extract.ts's lastPdfCosts) decode at most 8.0 MB of streams (the 3.7 MB 决算 whose fonts are
 * embedded whole; the others 1.1-2.1 MB), read at most 140,146 operators (text layer and drawing
 * together; 14,872 on the busiest page) and hold no image. The caps leave four to seven times
 * that, and bound what a hostile PDF costs before it is refused (bench/STRESS.md, "PDF attacks"):
 * about 2 × decodedBytes of buffers (a growing buffer is copied once), about a second of work.
 */
export const PDF_CAPS = {
  /** Bytes all streams of the document decode to (fonts, content, images' data, object streams). */
  decodedBytes: 32 * 1024 * 1024,
  /** Operators read from content streams, text layer and drawing together (a form drawn N times counts N times). */
  operators: 1_000_000,
  /** The same on one page: a flood on one page is refused before it costs the document's whole allowance of time. */
  pageOperators: 100_000,
  /**
   * Pixels of one image (width × height as declared), checked before it is decoded: an A3 page
   * scanned at 300 dpi is 17.4 M. One at the cap (4,400 × 4,400 grey) peaked the reader at 224 MB.
   */
  imagePixels: 20_000_000,
  /**
   * Pixels of all the images decoded in the document. The text reader decodes none but a Type3
   * font's glyph images: the others it only places (pdfjs-guarded.ts), so a scan of any number of
   * pages costs nothing here (a 30-page scan at 300 dpi was refused at page 23 when every page's
   * picture was decoded).
   */
  documentImagePixels: 200_000_000,
  /** Pages. */
  pages: 1_000,
} as const;

export type PdfCap = keyof typeof PDF_CAPS;

const n = (x: number) => x.toLocaleString('en-US');

const SAID: Record<PdfCap, (limit: number) => string> = {
  decodedBytes: (l) => `its compressed streams decode to more than ${n(l / 1024 / 1024)} MiB (a compressed stream that inflates this far is a decompression bomb, not a budget document)`,
  operators: (l) => `its pages hold more than ${n(l)} drawing and text operators`,
  pageOperators: (l) => `a page holds more than ${n(l)} drawing and text operators`,
  imagePixels: (l) => `it holds an image of more than ${n(l)} pixels`,
  documentImagePixels: (l) => `the images it decodes add up to more than ${n(l)} pixels`,
  pages: (l) => `it has more than ${n(l)} pages`,
};

/** A PDF over one of PDF_CAPS: `details` carry reason DOCUMENT_TOO_LARGE, the `cap`, its `limit` and `page`. */
export class PdfTooLargeError extends BadDocumentError {
  constructor(file: string, cap: PdfCap, page: number | undefined, what?: string, limit: number = PDF_CAPS[cap]) {
    super(file, 1, `the PDF was refused: ${what ?? SAID[cap](limit)}, more than one document may have (cap ${cap}); expected one budget document: split it, or check that it is the PDF it should be`, page);
    Object.assign(this.details, { reason: 'DOCUMENT_TOO_LARGE', cap, limit });
  }
}

/** Thrown into pdf.js when a cap is passed; never reaches a caller (PdfBudget.check turns it into the refusal). */
class OverBudget extends Error {}

/** The running costs of one document, asked by pdf.js as it works. */
export class PdfBudget {
  decodedBytes = 0;
  operators = 0;
  /** Operators read on the page being read, and the most on any page. */
  pageOperators = 0;
  largestPage = 0;
  /** Pixels of the images decoded, and the largest image declared (decoded or placed). */
  imagePixels = 0;
  largestImage = 0;
  /** The first cap passed, and on which page (undefined: while opening the document). */
  passed: { cap: PdfCap; page: number | undefined; what?: string } | null = null;
  /** The page being read, for the refusal. */
  page: number | undefined;

  constructor(
    private readonly file: string,
    private readonly caps: Record<PdfCap, number> = PDF_CAPS,
    /**
     * Whether images are decoded. The text reader needs none: of an image, only where it is
     * drawn (how much of the page it covers: a scanned page). false: placed, never decoded.
     */
    private readonly decodeImages = false,
  ) {}

  private over(cap: PdfCap, what?: string): never {
    this.passed ??= { cap, page: this.page, what };
    throw new OverBudget(`over the PDF cap ${cap}`);
  }

  decoded(bytes: number): void {
    this.decodedBytes += bytes;
    if (this.decodedBytes > this.caps.decodedBytes || this.passed) this.over('decodedBytes');
  }

  operator(): void {
    if (++this.operators > this.caps.operators || this.passed) this.over('operators');
    if (++this.pageOperators > this.caps.pageOperators) this.over('pageOperators');
    if (this.pageOperators > this.largestPage) this.largestPage = this.pageOperators;
  }

  /** The next page is read: its operators are counted from zero. */
  startPage(page: number): void {
    this.page = page;
    this.pageOperators = 0;
  }

  /** An image as declared, before anything of it is decoded (whether it will be or not). */
  image(width: number, height: number): void {
    const pixels = width * height;
    this.largestImage = Math.max(this.largestImage, pixels);
    // Checked on every image, decoded or only placed: one this large is no budget document's,
    // and OCR would have pdftoppm decode it to render its page.
    if (pixels > this.caps.imagePixels) this.over('imagePixels', `it holds an image of ${n(width)} × ${n(height)} pixels (more than ${n(this.caps.imagePixels)})`);
    if (this.passed) this.over(this.passed.cap);
  }

  /** true: pdf.js places the image (its paint operator, its size) without decoding it. */
  placeOnly(): boolean {
    return !this.decodeImages;
  }

  /**
   * false: pdf.js does no work that serves only drawing a glyph (outlines for a canvas, a font
   * program rewritten for a font face): the text reader reads where glyphs stand, never draws one.
   */
  drawsGlyphs(): boolean {
    return false;
  }

  /** An image pdf.js is about to decode: its pixels count against the document's. */
  imageDecoded(width: number, height: number): void {
    this.imagePixels += width * height;
    if (this.imagePixels > this.caps.documentImagePixels || this.passed) this.over('documentImagePixels');
  }

  /**
   * A Flate stream (zlib format), inflated at once, never past what the document may still decode
   * (zlib stops there; the cap is passed and the stream fails). pdf.js inflated with the
   * platform's DecompressionStream, whose web-stream machinery (a writer, a reader, events,
   * promises for each chunk) cost more than the inflating itself (bench/RESULTS.md, PDF speed).
   * Same zlib, same bytes, the same failures (a cut, a wrong check, junk after the end is ignored
   * as the stream ignored it); a failure throws, and pdf.js then inflates with its own decoder as
   * it did when the stream failed. Other formats (brotli): null, pdf.js's own way.
   */
  inflate(format: string, compressed: Uint8Array): Uint8Array | null {
    if (format !== 'deflate') return null;
    const room = Math.max(0, this.caps.decodedBytes - this.decodedBytes);
    let out: Buffer;
    try {
      out = inflateSync(compressed, { maxOutputLength: room + 1 });
    } catch (err) {
      // Past the room: what would be decoded is past the cap.
      if (err instanceof RangeError) this.decoded(room + 1);
      throw err;
    }
    this.decoded(out.length);
    // pdf.js owns what it is given (it may transfer the buffer): never a view of Node's shared pool.
    // A buffer of its own (every output past the pool's small size) is handed over without a copy,
    // so a stream near the cap is held twice at most (zlib's chunks and their join), not three times.
    return out.byteOffset === 0 && out.buffer.byteLength === out.length ? new Uint8Array(out.buffer, 0, out.length) : new Uint8Array(out);
  }

  /** Refuses the document if pdf.js passed a cap (call after each step of pdf.js's work). */
  check(): void {
    if (this.passed) throw new PdfTooLargeError(this.file, this.passed.cap, this.passed.page, this.passed.what, this.caps[this.passed.cap]);
  }

  /** Refuses a document declaring more pages than the cap, before any is read. */
  checkPages(pages: number): void {
    if (pages > this.caps.pages) throw new PdfTooLargeError(this.file, 'pages', undefined, `it has ${n(pages)} pages (more than ${n(this.caps.pages)})`, this.caps.pages);
  }
}

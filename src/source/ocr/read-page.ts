// One scanned page → a PdfPage as a text layer would give it: rendered to gray pixels by
// pdftoppm, its table's rulings found on the image (image-rulings.ts) and erased, its words read
// by tesseract and set as glyph runs in points (page-words.ts).
import type { PdfPage, Ruling } from '../pdf/geometry.js';
import { parsePgm, type GrayImage } from './gray-image.js';
import type { PdfFile } from './pdf-file.js';
import { eraseRulings, findRulings } from './image-rulings.js';
import { wordsToRuns, type OcrRun } from './page-words.js';
import { runProgram } from './processes.js';
import { recognise } from './tesseract.js';

/** 300 dpi: a 10.5 pt digit is ~40 px high, what tesseract reads best; 200 dpi lost decimals. */
export const OCR_DPI = 300;

export interface OcrPage extends PdfPage {
  runs: OcrRun[];
}

/**
 * Page `n` of the PDF as 8-bit gray pixels at `dpi`: read by name from the document's file
 * (pdf-file.ts: written once for all its pages), or, given bytes, from pdftoppm's stdin.
 */
export async function renderPage(pdf: Uint8Array | PdfFile, n: number, dpi: number, timeoutMs: number): Promise<GrayImage> {
  const onDisk = !(pdf instanceof Uint8Array);
  // An A4 page at 300 dpi is 8.7 MB of gray; a page ten times that is no budget document's.
  // With no output name, pdftoppm writes the page to stdout.
  const pgm = await runProgram('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(n), '-l', String(n), onDisk ? pdf.path : '-'], onDisk ? null : pdf, timeoutMs, 100 * 1024 * 1024);
  return parsePgm(pgm);
}

/** The page read by OCR; `page` the text layer's (empty) page, for its number and size. */
export async function readScannedPage(pdf: Uint8Array | PdfFile, page: PdfPage, deadline: number, tesseract = 'tesseract'): Promise<OcrPage> {
  const left = () => Math.max(1000, deadline - Date.now());
  const img = await renderPage(pdf, page.number, OCR_DPI, left());
  const scale = { x: page.width / img.width, y: page.height / img.height };
  const found = findRulings(img, { scale: OCR_DPI / 72 });
  const words = await recognise(eraseRulings(img, found), OCR_DPI, left(), tesseract);
  const rulings: Ruling[] = found.map((r) => {
    const along = r.orientation === 'H' ? scale.x : scale.y;
    const across = r.orientation === 'H' ? scale.y : scale.x;
    return { orientation: r.orientation, at: r.at * across, from: r.from * along, to: r.to * along };
  });
  return { number: page.number, width: page.width, height: page.height, runs: wordsToRuns(words, scale), glyphs: [], rulings, imageCover: 0 };
}

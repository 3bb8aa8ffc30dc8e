// A scanned PDF of more pages than the document's pixel cap would hold decoded (#39). pdf.js
// decoded every picture it met, though the text reader needs of a picture only where it is drawn
// (a page a picture covers is a scanned page, which OCR renders with pdftoppm anyway): a 30-page
// scan at 300 dpi (8.7 M pixels a page) was refused at page 23 by the 200 M-pixel cap, after
// ~23 s and ~700 MB (bench/results/2026-12-06-pages.md). Now an image is placed, not decoded; the
// cap counts what is decoded (a Type3 glyph's image), and an image too large for one page is
// still refused before anything of it is read (tests/unit/hostile-pdf.test.ts).
//
// The scan is made here (tests/scans.ts: pdftoppm -jpeg at 300 dpi, quality 50, each page one
// /DCTDecode picture as img2pdf writes it) from 上海市普陀区人民政府万里街道办事处23年预算.pdf, whose
// 35 pages are A4 landscape (pdfinfo: 841.85 x 595.25 pts); its page 1 prints the cover
// "上海市普陀区2023年区级部门预算 / 预算主管部门：上海市普陀区人民政府万里街道办事处"
// (pdftoppm -r 40 -f 1 -l 1). Run it under the heavy lock: the scan takes ~6-10 s of pdftoppm.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { projectRoot } from '../../src/config.js';
import { BadDocumentError } from '../../src/errors.js';
import { MAX_SOURCE_BYTES, readSource } from '../../src/source/index.js';
import * as extract from '../../src/source/pdf/extract.js';
import { PDF_CAPS } from '../../src/source/pdf/pdf-budget.js';
import { renderPdf } from '../../src/source/pdf/render.js';
import { jpegScanOf } from '../scans.js';
import { manyImages, type3ImageGlyphs } from '../hostile-pdfs.js';

const FILE = join(projectRoot, 'tests', 'fixtures', 'real', '上海市普陀区人民政府万里街道办事处23年预算.pdf');
const PAGES = 30;

describe(`a ${PAGES}-page scan at 300 dpi (one JPEG picture a page, no text layer)`, () => {
  let scan: Buffer;
  beforeAll(() => {
    scan = jpegScanOf(FILE, Array.from({ length: PAGES }, (_, k) => k + 1), 300, 50);
  }, 120_000);

  it('is read whole by the text reader, every page found scanned, not one picture decoded', async () => {
    const pages = await extract.extractPdf(scan, 'scan.pdf');
    expect(pages).toHaveLength(PAGES);
    const costs = extract.lastPdfCosts!;
    // The pictures as the scan declares them: 841.85 × 595.25 pt at 300 dpi is 3,507.7 × 2,480.2 (pdftoppm: 3,508 × 2,481).
    expect(costs.largestImage).toBe(3508 * 2481);
    // What decoding them all would have cost is past the document's cap (refused at page 23 before).
    expect(PAGES * costs.largestImage).toBeGreaterThan(PDF_CAPS.documentImagePixels);
    expect(costs.imagePixels).toBe(0);
    expect(costs.decodedBytes).toBeLessThan(64 * 1024);
    // Each page is one picture over the whole page and no text: a scanned page, for OCR.
    for (const p of pages) {
      expect(p.runs).toEqual([]);
      expect(p.imageCover).toBeCloseTo(1, 2);
    }
    expect(renderPdf(pages).imageOnlyPages).toEqual(pages.map((p) => p.number));
  }, 60_000);

  it('through readSource, is refused for its pages not read (OCR off), not for its size', async () => {
    expect(scan.length).toBeLessThan(MAX_SOURCE_BYTES);
    let refused: unknown;
    try {
      await readSource(scan, 'scan.pdf', { ocr: false });
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(BadDocumentError);
    // Before: DOCUMENT_TOO_LARGE at page 23 (cap documentImagePixels).
    expect((refused as BadDocumentError).details).not.toHaveProperty('cap');
    expect((refused as BadDocumentError).message).toContain(`the PDF's ${PAGES} pages are scanned images with no text layer and were not read (OCR is switched off)`);
  }, 60_000);
});

describe('the pixel cap counts the images pdf.js decodes', () => {
  it('a Type3 font whose four glyphs each draw a 2,000 × 2,000 image: its 16 M pixels are decoded and counted, and refused at a lower cap', async () => {
    const pdf = type3ImageGlyphs(4, 2_000);
    const pages = await extract.extractPdf(pdf, 'type3.pdf');
    expect(pages[0]!.runs.map((r) => r.text).join('')).toBe('abcd');
    expect(extract.lastPdfCosts!.imagePixels).toBe(4 * 2_000 * 2_000);
    let refused: unknown;
    try {
      await extract.extractPdf(pdf, 'type3.pdf', { ...PDF_CAPS, documentImagePixels: 10_000_000 });
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(BadDocumentError);
    expect((refused as BadDocumentError).details).toMatchObject({ file: 'type3.pdf', page: 1, cap: 'documentImagePixels', limit: 10_000_000 });
  });

  it('a page drawing 20 pictures of 4,400 × 4,400 (each under the image cap): placed, never decoded, read', async () => {
    // Before, each was decoded: its 19.4 MB of zeros passed the 32 MiB decoded-bytes cap at the second.
    const pages = await extract.extractPdf(manyImages(20, 4_400), 'pictures.pdf');
    expect(pages).toHaveLength(1);
    expect(extract.lastPdfCosts!.imagePixels).toBe(0);
    expect(extract.lastPdfCosts!.largestImage).toBe(4_400 * 4_400);
  });
});


// OCR of a JPEG scan's large-type cover returned no text (#39 item 3). Two causes, both fixed:
// 1. The suite's JPEG scans (tests/scans.ts jpegScanOf) declared pdftoppm's -gray -jpeg pictures
//    /DeviceGray, but pdftoppm writes them with three components (`file`: "components 3"): read a
//    third of a pixel each, the page came out sheared into stripes (rendered at 40 dpi: the title's
//    glyphs smeared along the page's foot) and tesseract read no word. img2pdf declares what the
//    JPEG holds; so does jpegScanOf now.
// 2. On the cover rendered right, the rulings finder took the strokes of the 24 pt title for a
//    table's (28 "rulings" 20-35 pt long, up to 3 pt thick, meeting as a cell's do: 区, 口) and
//    erased them before tesseract read the page: the title came back "了 - 二 21 立 3 尼 一 海 方 …".
//    A short ruling now counts only joined to a grid (a horizontal line 60 pt long).
// The cover as printed (上海市普陀区人民政府万里街道办事处23年预算.pdf page 1, pdftoppm -r 40):
// "上海市普陀区2023年区级部门预算" and "预算主管部门：上海市普陀区人民政府万里街道办事处", no table,
// no line. Page 10 prints a ruled table (2023年部门财务收支预算总表, 本年收入 | 本年支出 across the page): its rulings stay found.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { extractPdf } from '../../src/source/pdf/extract.js';
import { findRulings } from '../../src/source/ocr/image-rulings.js';
import { OCR_DPI, readScannedPage, renderPage } from '../../src/source/ocr/read-page.js';
import { tesseractReady } from '../../src/source/ocr/tesseract.js';
import { jpegScanOf } from '../scans.js';

const FILE = join(projectRoot, 'tests', 'fixtures', 'real', '上海市普陀区人民政府万里街道办事处23年预算.pdf');
const scale = OCR_DPI / 72;

describe('the rulings of a page rendered at 300 dpi', () => {
  const pdf = readFileSync(FILE);

  it('a cover in large type has none: its glyphs’ strokes are no grid', async () => {
    expect(findRulings(await renderPage(pdf, 1, OCR_DPI, 30_000), { scale })).toEqual([]);
  });

  it('a ruled table keeps its grid: horizontal lines across the table, verticals between its columns', async () => {
    const found = findRulings(await renderPage(pdf, 10, OCR_DPI, 30_000), { scale });
    const hs = found.filter((r) => r.orientation === 'H');
    const vs = found.filter((r) => r.orientation === 'V');
    expect(hs.length).toBeGreaterThan(5);
    expect(vs.length).toBeGreaterThan(3);
    // The table's top line runs across the page's width (A4 landscape, 842 pt): most of it.
    expect(Math.max(...hs.map((h) => (h.to - h.from) / scale))).toBeGreaterThan(500);
  });
});

describe('a JPEG scan of the cover, read by OCR', () => {
  let scan: Buffer;
  beforeAll(async () => {
    if (!(await tesseractReady())) throw new Error("these tests need Debian's tesseract-ocr and tesseract-ocr-chi-sim (apt-get install tesseract-ocr tesseract-ocr-chi-sim; .ci/run installs them)");
    scan = jpegScanOf(FILE, [1], 300, 75);
  }, 60_000);

  it('declares the picture with as many components as its JPEG holds', () => {
    const listed = execFileSync('pdfimages', ['-list', '-'], { input: scan, encoding: 'utf8' });
    // pdftoppm's -gray -jpeg: three components, so /DeviceRGB (pdfimages: color "rgb", comp 3).
    expect(listed).toMatch(/image\s+3508\s+2481\s+rgb\s+3\s+8\s+jpeg/);
  });

  it('gives the title and the department line, in order', async () => {
    const [page] = await extractPdf(scan, 'cover.pdf');
    const read = await readScannedPage(scan, page!, Date.now() + 60_000);
    const text = read.runs.map((r) => r.text).join('');
    expect(text).toContain('上海市普陀区2023年区级部门预算');
    expect(text).toContain('上海市普陀区人民政府万里街道办事处');
  }, 60_000);
});

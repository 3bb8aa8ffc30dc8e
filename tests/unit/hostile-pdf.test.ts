// Hostile PDFs in bounded memory and time (issue #39 item 6). Each PDF of tests/hostile-pdfs.ts is
// refused by the cap it passes, with the file, the page where it was passed and the cap's name and
// limit, having cost no more than the cap allows (pdf.js's own counts, as the budget saw them).
// Before (measured with /usr/bin/time on the compiled reader, bench/STRESS.md): the 1 MB flate
// bomb took 73 s and 2.2 GB of memory and then was refused as "prints no text"; the image bomb
// 4.9 GB; the operator flood was read whole; the font without a Unicode map was read as text of
// control characters and refused as "control character U+0001".
import { afterAll, describe, expect, it } from 'vitest';
import { BadDocumentError } from '../../src/errors.js';
import { readSource } from '../../src/source/index.js';
import { PDF_CAPS } from '../../src/source/pdf/pdf-budget.js';
import * as extract from '../../src/source/pdf/extract.js';
import { ParseWorkerPool } from '../../src/load/parse-off-thread.js';
import { flateBomb, fontWithoutUnicode, imageBomb, nestedFlateBomb, operatorFlood, pageTreeBomb } from '../hostile-pdfs.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config.js';

/** The refusal `work` ends in (it must end in one). */
async function refusal(work: () => Promise<unknown>): Promise<BadDocumentError> {
  try {
    await work();
  } catch (err) {
    expect(err).toBeInstanceOf(BadDocumentError);
    return err as BadDocumentError;
  }
  throw new Error('the document was not refused');
}

describe('a hostile PDF is refused within the caps (src/source/pdf/pdf-budget.ts)', () => {
  it('a FlateDecode stream of 1 GiB of zeros (1 MB of file): refused at the decoded-bytes cap, on its page', async () => {
    const err = await refusal(() => readSource(flateBomb(), 'flate-bomb.pdf'));
    expect(err.details).toMatchObject({ file: 'flate-bomb.pdf', page: 1, reason: 'DOCUMENT_TOO_LARGE', cap: 'decodedBytes', limit: PDF_CAPS.decodedBytes });
    expect(err.message).toMatch(/^flate-bomb\.pdf: page 1: the PDF was refused: its compressed streams decode to more than 32 MiB/);
    // Decoding stopped at the cap (a buffer grows by doubling: at most one growth past it).
    expect(extract.lastPdfCosts!.decodedBytes).toBeLessThanOrEqual(2 * PDF_CAPS.decodedBytes);
  });

  it('the same stream compressed twice (/FlateDecode /FlateDecode, 3 KB of file): refused at the same cap', async () => {
    const err = await refusal(() => readSource(nestedFlateBomb(), 'nested-bomb.pdf'));
    expect(err.details).toMatchObject({ cap: 'decodedBytes', page: 1 });
    expect(extract.lastPdfCosts!.decodedBytes).toBeLessThanOrEqual(2 * PDF_CAPS.decodedBytes);
  });

  it('an image declared 40,000 × 40,000 pixels: refused at the image cap before any pixel is decoded', async () => {
    const err = await refusal(() => readSource(imageBomb(), 'image-bomb.pdf'));
    expect(err.details).toMatchObject({ page: 1, cap: 'imagePixels', limit: PDF_CAPS.imagePixels });
    expect(err.message).toContain('it holds an image of 40,000 × 40,000 pixels');
    // Its 1.6 GB of data was never inflated: only the page's few bytes of content were.
    expect(extract.lastPdfCosts!.decodedBytes).toBeLessThan(1024 * 1024);
  });

  it('a page tree declaring 100,000 pages: refused at the page cap before any page is read', async () => {
    const err = await refusal(() => readSource(pageTreeBomb(), 'page-bomb.pdf'));
    expect(err.details).toMatchObject({ cap: 'pages', limit: PDF_CAPS.pages });
    expect(err.details.page).toBeUndefined();
    expect(err.message).toContain('it has 100,172 pages');
    expect(extract.lastPdfCosts!.operators).toBe(0);
  });

  it('a form of 20,000 operators drawn 500 times (10 M operators in 1 KB): refused at the per-page operator cap', async () => {
    const err = await refusal(() => readSource(operatorFlood(), 'operator-flood.pdf'));
    expect(err.details).toMatchObject({ page: 1, cap: 'pageOperators', limit: PDF_CAPS.pageOperators });
    // pdf.js stops within a few operators of the cap (each read after it throws again).
    expect(extract.lastPdfCosts!.operators).toBeGreaterThan(PDF_CAPS.pageOperators);
    expect(extract.lastPdfCosts!.operators).toBeLessThan(PDF_CAPS.pageOperators + 100);
    // The document's cap, with the page's out of the way: the same flood stops there.
    const whole = await refusal(() => extract.extractPdf(operatorFlood(), 'operator-flood.pdf', { ...PDF_CAPS, pageOperators: Infinity }));
    expect(whole.details).toMatchObject({ page: 1, cap: 'operators', limit: PDF_CAPS.operators });
    expect(extract.lastPdfCosts!.operators).toBeLessThan(PDF_CAPS.operators + 100);
  });

  it('a font without a Unicode map: refused as such, naming the font and the page (not as "control characters")', async () => {
    const err = await refusal(() => readSource(fontWithoutUnicode(), 'no-unicode.pdf'));
    expect(err.details).toMatchObject({ file: 'no-unicode.pdf', page: 1, reason: 'FONT_WITHOUT_UNICODE', font: 'ABCDEF+SubsetSong' });
    expect(err.message).toMatch(/^no-unicode\.pdf: page 1: the text of page 1 is printed in the font "ABCDEF\+SubsetSong", which has no Unicode map/);
    expect(err.message).not.toMatch(/control character/);
  });

  it('lower caps refuse a real PDF at the first cap it passes: the caps are what is counted (a real PDF is within them)', async () => {
    const real = readFileSync(join(projectRoot, 'tests', 'fixtures', 'real', '上海市普陀区人民政府办公室单位25年预算.pdf'));
    const pages = await extract.extractPdf(real, 'real.pdf');
    expect(pages).toHaveLength(21);
    const costs = extract.lastPdfCosts!;
    expect(costs.decodedBytes).toBeGreaterThan(0);
    expect(costs.decodedBytes).toBeLessThan(PDF_CAPS.decodedBytes / 10);
    expect(costs.operators).toBeLessThan(PDF_CAPS.operators / 5);
    const err = await refusal(() => extract.extractPdf(real, 'real.pdf', { ...PDF_CAPS, operators: 10_000 }));
    expect(err.details).toMatchObject({ cap: 'operators', limit: 10_000 });
    const small = await refusal(() => extract.extractPdf(real, 'real.pdf', { ...PDF_CAPS, decodedBytes: 100_000 }));
    expect(small.details).toMatchObject({ cap: 'decodedBytes', limit: 100_000 });
  });
});

describe('a PDF is read in the parse worker, under its budget', () => {
  const pool = new ParseWorkerPool({ log: () => undefined });
  afterAll(() => pool.close());

  it("a PDF's bytes give, in the worker, the text readSource gives; a bomb's refusal comes back with its cap and page", async () => {
    const real = readFileSync(join(projectRoot, 'tests', 'fixtures', 'real', '上海市普陀区人民政府办公室单位25年预算.pdf'));
    const source = await readSource(real, 'unit.pdf');
    const prepared = await pool.parse('unit.pdf', real);
    expect(prepared.text.length).toBeGreaterThan(1000);
    expect(prepared.text.split('\n')).toHaveLength(source.text.split('\n').length);
    expect(prepared.doc.units.length + prepared.doc.lines.length).toBeGreaterThan(0);
    const err = await refusal(() => pool.parse('flate-bomb.pdf', flateBomb()));
    expect(err.details).toMatchObject({ file: 'flate-bomb.pdf', page: 1, reason: 'DOCUMENT_TOO_LARGE', cap: 'decodedBytes' });
    expect(err.message).toMatch(/^flate-bomb\.pdf: page 1: /);
  });

  it("a PDF's reading counts against the worker's time budget: past it, PARSE_BUDGET and a fresh worker for the next", async () => {
    const real = readFileSync(join(projectRoot, 'tests', 'fixtures', 'real', '上海市普陀区人民政府办公室单位25年预算.pdf'));
    const err = await refusal(() => pool.parse('slow.pdf', real, 50));
    expect(err.details).toMatchObject({ file: 'slow.pdf', reason: 'PARSE_BUDGET' });
    const next = await refusal(() => pool.parse('next.pdf', fontWithoutUnicode()));
    expect(next.details).toMatchObject({ reason: 'FONT_WITHOUT_UNICODE', page: 1 });
  });
});

// Size caps that follow the real work (#39): a PDF's bytes are mostly its pictures when it is a
// scan, so the 16 MiB cap on a text refused real scans before anything was read. A 300-dpi scan of
// 30 pages at JPEG quality 75 (what office scanners write) of 上海市普陀区人民政府万里街道办事处
// 23年预算.pdf (A4 landscape, pdfinfo 841.85 x 595.25 pts) is 16.85 MB, past 16 MiB: refused with
// "the file is larger than 16 MiB" before. Now a PDF has its own cap (MAX_PDF_BYTES, 64 MiB); what
// reading it costs stays bounded by the caps on the work (decoded streams, operators, pixels,
// pages: pdf-budget.ts), measured: 10 / 60 / 118 pages of that scan (5.9 / 33.8 / 66.0 MB) peaked
// the reader at 598 / 642 / 710 MB RSS, about twice the file's bytes above a fixed cost.
// Run under the heavy lock: the scan is ~10 s of pdftoppm.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { projectRoot } from '../../src/config.js';
import { BadDocumentError } from '../../src/errors.js';
import { MAX_INGEST_BYTES } from '../../src/api/ingest-service.js';
import { MAX_PDF_BYTES, MAX_SOURCE_BYTES, readSource } from '../../src/source/index.js';
import { jpegScanOf } from '../scans.js';

const FILE = join(projectRoot, 'tests', 'fixtures', 'real', '上海市普陀区人民政府万里街道办事处23年预算.pdf');

async function refusal(bytes: Uint8Array, file: string): Promise<BadDocumentError> {
  try {
    await readSource(bytes, file, { ocr: false });
  } catch (err) {
    if (err instanceof BadDocumentError) return err;
    throw err;
  }
  throw new Error('read, not refused');
}

describe('a 30-page scan at 300 dpi, JPEG quality 75', () => {
  let scan: Buffer;
  beforeAll(() => {
    scan = jpegScanOf(FILE, Array.from({ length: 30 }, (_, k) => k + 1), 300, 75);
  }, 180_000);

  it('is larger than a text may be, and is read: refused only for its pages OCR did not read (OCR off)', async () => {
    expect(scan.length).toBeGreaterThan(MAX_SOURCE_BYTES);
    const err = await refusal(scan, 'scan.pdf');
    expect(err.message).not.toMatch(/larger than/);
    expect(err.message).toContain("the PDF's 30 pages are scanned images with no text layer and were not read (OCR is switched off)");
  }, 60_000);

  it('goes through /ingest: its body cap is the PDF cap', () => {
    expect(MAX_INGEST_BYTES).toBe(MAX_PDF_BYTES);
    expect(scan.length).toBeLessThan(MAX_INGEST_BYTES);
  });
});

describe('past the caps', () => {
  it('a PDF past MAX_PDF_BYTES is refused for its size before anything of it is read', async () => {
    const big = Buffer.alloc(MAX_PDF_BYTES + 1, 0x20);
    big.write('%PDF-1.7\n');
    const started = performance.now();
    const err = await refusal(big, 'big.pdf');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(err.message).toContain('the PDF is larger than 64 MiB');
  });

  it('a text past MAX_SOURCE_BYTES still is: its bytes are its text, held by every stage', async () => {
    const text = Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x61);
    expect((await refusal(text, 'big.txt')).message).toContain('the file is larger than 16 MiB');
  });
});

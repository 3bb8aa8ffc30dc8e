// OCR's time is its own (#39 item 3): the parse worker reads a document under PARSE_BUDGET_MS,
// and when a PDF has scanned pages OCR gets its own allowance on top (parse-off-thread.ts):
// short for a request (ingest answers within seconds and names the pages it had no time for), long
// for a load from files. Before, OCR ran inside the parser's budget, so a scanned document loaded
// through the worker was refused as PARSE_BUDGET (or OCR'd a page or two) however it was loaded.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/config.js';
import { ParseWorkerPool } from '../../src/load/parse-off-thread.js';
import { scanOf } from '../scans.js';

const REAL = join(projectRoot, 'tests', 'fixtures', 'real', '上海市普陀区人民政府办公室25年预算.pdf');
/** The suite needs Debian's tesseract (.ci/run installs it): missing, the test fails saying so, never skips. */
function requireTesseract(): void {
  try {
    execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-chi-sim (as .ci/run does)');
  }
}

describe('a scanned PDF through the parse worker', () => {
  it('gets OCR time on top of the parser budget: two scanned pages read although OCR takes longer than the parser budget', async () => {
    requireTesseract();
    // p. 14-15: the 一般公共预算支出功能分类预算表, as a scanner would print them.
    const scan = scanOf(REAL, [14, 15], 200);
    const pool = new ParseWorkerPool({ log: () => undefined });
    try {
      // 4 s for the parser (pdf.js reads two picture pages in well under a second); OCR takes
      // 5-10 s for two pages on two busy cores, given 120 s of its own.
      const started = Date.now();
      const { doc } = await pool.parse('scan.pdf', scan, 4_000, [], 120_000);
      const ocrPages = doc.diagnostics.filter((d) => d.code === 'PAGE_READ_BY_OCR');
      expect(ocrPages.length).toBe(2);
      // Only meaningful when OCR did outlast the parser budget (else the test proves nothing).
      if (Date.now() - started > 4_000) expect(doc.lines.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  }, 180_000);

  it('keeps the parser budget for what is not OCR: a PDF over it is PARSE_BUDGET', async () => {
    const pool = new ParseWorkerPool({ log: () => undefined });
    try {
      const { readFileSync } = await import('node:fs');
      const err = await pool.parse('real.pdf', new Uint8Array(readFileSync(REAL)), 50, [], 120_000).then(
        () => null,
        (e: Error & { details?: Record<string, unknown> }) => e,
      );
      expect(err?.details?.reason).toBe('PARSE_BUDGET');
    } finally {
      await pool.close();
    }
  }, 60_000);
});

// Scanned pages read by OCR (#39 item 3). The suite makes its own scans: pages 14, 15, 19 and 20
// of 上海市普陀区人民政府办公室25年预算.pdf (the 一般公共预算支出功能分类预算表 over two pages, the
// economic classification table's second page, the 三公 table in 万元) printed to gray pixels at
// 200 dpi and put back in the PDF as pictures with no text layer (tests/scans.ts). What the text
// layer of the same pages prints is what OCR must give: ≥ 95 % of the amounts exact, each line
// read by OCR carrying its confidence, every amount it got wrong named by a diagnostic, and the
// function table's records (code and amounts) the same as the text pages give.
// Needs Debian's tesseract-ocr and tesseract-ocr-chi-sim (.ci/run installs them).
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config.js';
import { readSource, type SourceDocument } from '../../src/source/index.js';
import { tesseractReady } from '../../src/source/ocr/tesseract.js';
import { parseDocument } from '../../src/parse/index.js';
import { withScannedPages } from '../scans.js';

const FILE = join(projectRoot, 'tests', 'fixtures', 'real', '上海市普陀区人民政府办公室25年预算.pdf');
const SCANNED = [14, 15, 19, 20];
/** An amount as the tables print it: 82,096,797.42 · 867.50. */
const AMOUNT = /^-?\d{1,3}(?:,\d{3})*\.\d{2}$/;

function amountsOn(doc: SourceDocument, page: number): { amount: string; line: number }[] {
  const out: { amount: string; line: number }[] = [];
  doc.text.split('\n').forEach((text, i) => {
    if (doc.places![i]!.page !== page) return;
    for (const cell of text.split('\t')) for (const token of cell.trim().split(/\s+/)) if (AMOUNT.test(token)) out.push({ amount: token, line: i + 1 });
  });
  return out;
}

describe('a PDF whose pages 14, 15, 19 and 20 are scans (pictures, no text layer)', () => {
  let text: SourceDocument;
  let scan: SourceDocument;
  let seconds = 0;
  beforeAll(async () => {
    if (!(await tesseractReady())) throw new Error("these tests need Debian's tesseract-ocr and tesseract-ocr-chi-sim (apt-get install tesseract-ocr tesseract-ocr-chi-sim; .ci/run installs them)");
    text = await readSource(readFileSync(FILE), 'office-2025.pdf');
    const bytes = withScannedPages(FILE, SCANNED, 200);
    const started = Date.now();
    scan = await readSource(bytes, 'office-2025-scanned.pdf', { ocr: { budgetMs: 300_000 } });
    seconds = (Date.now() - started) / 1000;
  }, 400_000);

  it('reads ≥ 95 % of the pages\' amounts exactly as the text layer prints them, and names every one it got wrong', () => {
    let total = 0;
    let exact = 0;
    const flagged = new Set(scan.notes.filter((n) => n.code === 'OCR_LOW_CONFIDENCE').map((n) => n.line));
    const silent: string[] = [];
    const missed: string[] = [];
    for (const page of SCANNED) {
      const read = amountsOn(scan, page);
      const left = new Map<string, number>();
      for (const { amount } of read) left.set(amount, (left.get(amount) ?? 0) + 1);
      const printed = amountsOn(text, page);
      for (const { amount } of printed) {
        total++;
        if ((left.get(amount) ?? 0) === 0) missed.push(`page ${page}: ${amount}`);
        else {
          exact++;
          left.set(amount, left.get(amount)! - 1);
        }
      }
      // What OCR read that the page does not print: each on a line a diagnostic names.
      const printedSet = new Set(printed.map((p) => p.amount));
      for (const r of read) if (!printedSet.has(r.amount) && !flagged.has(r.line)) silent.push(`page ${page} line ${r.line}: ${r.amount}`);
    }
    console.log(`OCR of the suite's scans: ${exact} of ${total} amounts exact (${((100 * exact) / total).toFixed(1)} %), ${SCANNED.length} pages in ${seconds.toFixed(1)} s (${((60 * SCANNED.length) / seconds).toFixed(1)} pages a minute)`);
    expect(total).toBeGreaterThan(80);
    expect(exact / total).toBeGreaterThanOrEqual(0.95);
    expect(silent, missed.join(" | ")).toEqual([]);
  });

  it('says each scanned page was read by OCR, and each of its lines carries its confidence', () => {
    const byOcr = scan.notes.filter((n) => n.code === 'PAGE_READ_BY_OCR');
    expect(byOcr.map((n) => Number(/page (\d+)/.exec(n.message)![1]))).toEqual(SCANNED);
    expect(byOcr.every((n) => n.level === 'INFO')).toBe(true);
    expect(scan.notes.filter((n) => n.code === 'PAGE_NOT_READ')).toEqual([]);
    scan.text.split('\n').forEach((line, i) => {
      const place = scan.places![i]!;
      if (line.trim() === '') return;
      if (SCANNED.includes(place.page)) expect(place.ocr?.confidence, `line ${i + 1}`).toBeGreaterThanOrEqual(0);
      else expect(place.ocr, `line ${i + 1}`).toBeUndefined();
    });
    // A number read with low confidence is a WARNING with its line on a scanned page.
    for (const n of scan.notes.filter((x) => x.code === 'OCR_LOW_CONFIDENCE')) {
      expect(n.level).toBe('WARNING');
      expect(SCANNED).toContain(scan.places![n.line - 1]!.page);
    }
  });

  it('gives the function table\'s records (code and amounts) the text pages give, or names the line', () => {
    const fromText = parseDocument(text.text, 'office-2025.pdf', text.notes, text.places);
    const fromScan = parseDocument(scan.text, 'office-2025-scanned.pdf', scan.notes, scan.places);
    const onPages = (doc: typeof fromText, src: SourceDocument) => doc.lines.filter((l) => l.scheme === 'FUNCTION' && [14, 15].includes(src.places![l.source.line - 1]!.page) && l.source.table.includes('一般公共预算支出功能分类'));
    const key = (l: (typeof fromText.lines)[number]) => `${l.code} ${l.total} ${l.basic} ${l.project}`;
    const printed = onPages(fromText, text);
    const read = new Set(onPages(fromScan, scan).map(key));
    const flagged = new Set(scan.notes.filter((n) => n.code === 'OCR_LOW_CONFIDENCE').map((n) => n.line));
    expect(printed.length).toBeGreaterThanOrEqual(18);
    const missing = printed.filter((l) => !read.has(key(l)));
    console.log(`function lines of pages 14-15: ${printed.length - missing.length} of ${printed.length} read the same by OCR; not: ${missing.map(key).join(' | ')}`);
    // Each record OCR did not give back is on a line a diagnostic names: the scan's line that
    // prints one of the row's amounts as the text layer prints it.
    const scanLines = scan.text.split('\n');
    for (const l of missing) {
      const amounts = l.source.text.split('\t').filter((c) => AMOUNT.test(c.trim()));
      const lines = scanLines.flatMap((t, i) => ([14, 15].includes(scan.places![i]!.page) && amounts.some((a) => t.split('\t').includes(a)) ? [i + 1] : []));
      expect(lines.some((n) => flagged.has(n)), `${key(l)} (scan lines ${lines.join(', ')})`).toBe(true);
    }
    expect(missing.length / printed.length).toBeLessThanOrEqual(0.1);
  });
});

describe('the same scan where tesseract is not installed', () => {
  it('loads the text pages and names the scanned pages as not read', async () => {
    const scan = await readSource(withScannedPages(FILE, SCANNED, 100), 'office-2025-scanned.pdf', { ocr: { tesseract: 'no-such-tesseract-program' } });
    const notRead = scan.notes.filter((n) => n.code === 'PAGE_NOT_READ');
    expect(notRead.map((n) => Number(/page (\d+)/.exec(n.message)![1]))).toEqual(SCANNED);
    expect(notRead[0]!.message).toMatch(/tesseract-ocr/);
    expect(scan.places!.some((p) => p.page === 14)).toBe(false);
    expect(scan.text).toContain('2025年部门收入预算总表');
  });
});

// Every fact read by OCR says so, with its confidence (#39 item 3), through the API: pages 1, 14
// and 20 of 上海市普陀区人民政府办公室25年预算.pdf (the cover, the 功能分类 table, the 三公 table in 万元:
// three pages, so that the load stays well inside the parser's budget on a busy machine), the
// third one of the suite's own scans (tests/scans.ts: the page printed to gray pixels at 200 dpi,
// put back as a picture with no text layer), are loaded like any file; the 三公 fact read from the picture serves
// Source.ocrConfidence (0-100), a fact of a text-layer page serves null, and each number OCR was
// unsure of is a diagnostic of the document on the line of the facts it concerns, whose confidence
// is no higher than the diagnostic's. Before: places were stored without OCR's confidence and
// Source had no such field.
//
// The figures are the printed page's (pdftoppm -r 80 -f 20 -l 20): 合计 867.50, 因公出国(境)费 839.00,
// 公务接待费 28.50, 公务用车 blank; page 14: 201 03 01 行政运行 合计 12,029,501.84 元.
// Needs Debian's tesseract-ocr and tesseract-ocr-chi-sim (.ci/run installs them).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { QueryRunner } from '../../src/db/run.js';
import type { Database } from '../../src/db/connection.js';
import { loadFiles } from '../../src/load/directory.js';
import { startHttpServer, type RunningServer } from '../../src/api/http-server.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { tesseractReady } from '../../src/source/ocr/tesseract.js';
import { withScannedPages } from '../scans.js';
import { testDatabase, wipe } from './helpers.js';
import { scratchDirs } from '../scratch-dirs.js';

const scratch = scratchDirs();

const PDF = join(projectRoot, 'tests', 'fixtures', 'real', '上海市普陀区人民政府办公室25年预算.pdf');
const FILE = 'office-2025-pages-1-14-20-scanned-20.pdf';
/** The scanned page (printed page 20) and the text-layer page of the 功能分类 table (printed page 14), in the three-page file. */
const SCAN = 3;
const TEXT_PAGE = 2;

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  if (!(await tesseractReady())) throw new Error("these tests need Debian's tesseract-ocr and tesseract-ocr-chi-sim (apt-get install tesseract-ocr tesseract-ocr-chi-sim; .ci/run installs them)");
  db = await testDatabase();
  await wipe(db);
  const dir = scratch('ocr-provenance-');
  for (const n of [1, 14, 20]) execFileSync('pdfseparate', ['-f', String(n), '-l', String(n), PDF, join(dir, `p-%d.pdf`)]);
  execFileSync('pdfunite', [join(dir, 'p-1.pdf'), join(dir, 'p-14.pdf'), join(dir, 'p-20.pdf'), join(dir, 'three.pdf')]);
  writeFileSync(join(dir, FILE), withScannedPages(join(dir, 'three.pdf'), [SCAN], 200));
  const reports = await loadFiles(new QueryRunner(db), [join(dir, FILE)]);
  expect(reports.map((r) => r.parity)).toEqual([[]]);
  server = await startHttpServer({ db, schema: await buildApiSchema(), host: '127.0.0.1', port: 0, token: undefined });
}, 400_000);

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

async function gql(query: string) {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { data: any; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

const SOURCE = 'source { line page ocrConfidence }';

describe('a PDF with one scanned page, through the API', () => {
  it('the 三公 fact read by OCR from the picture of printed page 20 serves its confidence, 0 to 100', async () => {
    const data = await gql(`{ documents(first: 5) { nodes { threeCosts { basis total abroad reception vehicles ${SOURCE} } } } }`);
    const facts = data.documents.nodes[0].threeCosts.filter((t: { source: { page: number } }) => t.source.page === SCAN);
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.map((t: { total: string }) => Number(t.total))).toContain(867.5);
    const read = facts.find((t: { total: string }) => Number(t.total) === 867.5);
    expect([Number(read.abroad), Number(read.reception)]).toEqual([839, 28.5]);
    expect(Number.isInteger(read.source.ocrConfidence)).toBe(true);
    expect(read.source.ocrConfidence).toBeGreaterThanOrEqual(0);
    expect(read.source.ocrConfidence).toBeLessThanOrEqual(100);
    // Each cell says how sure OCR was of it (Box.ocrConfidence): 867.50, 839.00 and 28.50 each
    // with a confidence no lower than the line's (its lowest word's); a cell OCR read nothing in
    // (公务用车, blank as printed) says none.
    const { cells } = (await gql(`{ documents(first: 5) { nodes { threeCosts { total source { page cells { text ocrConfidence } } } } } }`)).documents.nodes[0].threeCosts.find((t: { total: string; source: { page: number } }) => Number(t.total) === 867.5 && t.source.page === SCAN).source;
    for (const printed of ['867.50', '839.00', '28.50']) {
      const cell = cells.find((c: { text: string }) => c.text === printed);
      expect(Number.isInteger(cell?.ocrConfidence)).toBe(true);
      expect(cell.ocrConfidence).toBeGreaterThanOrEqual(read.source.ocrConfidence);
    }
    for (const c of cells.filter((x: { text: string | null }) => x.text === '')) expect(c.ocrConfidence).toBeNull();
  });

  it('a fact of a page with a text layer says null: it was not read by OCR', async () => {
    const data = await gql(`{ documents(first: 5) { nodes { functionLines { code total ${SOURCE} } } } }`);
    const lines = data.documents.nodes[0].functionLines.filter((l: { code: string; source: { page: number } }) => l.code === '2010301' && l.source.page === TEXT_PAGE);
    expect(lines.length).toBeGreaterThan(0);
    // 12,029,501.84 元 as printed, in whichever unit the line is served.
    expect(lines.some((l: { total: string }) => [12029501.84, 1202.950184].includes(Number(l.total)))).toBe(true);
    for (const l of lines) expect(l.source.ocrConfidence).toBeNull();
  });

  it('says the scanned page was read by OCR, and every number OCR was unsure of is a diagnostic on its line, whose facts are no surer', async () => {
    const data = await gql(`{ documents(first: 5) { nodes { diagnostics { code level message source { line page ocrConfidence } } threeCosts { ${SOURCE} } functionLines { ${SOURCE} } economicLines { ${SOURCE} } figures { ${SOURCE} } } } }`);
    const doc = data.documents.nodes[0];
    const byOcr = doc.diagnostics.filter((d: { code: string }) => d.code === 'PAGE_READ_BY_OCR');
    expect(byOcr.map((d: { message: string }) => /page (\d+)/.exec(d.message)![1])).toEqual([String(SCAN)]);
    const facts = [...doc.threeCosts, ...doc.functionLines, ...doc.economicLines, ...doc.figures].map((f: { source: { line: number; page: number; ocrConfidence: number | null } }) => f.source);
    // Every fact of the scanned page and no other says it was read by OCR.
    expect(facts.filter((s) => s.page === SCAN).length).toBeGreaterThan(0);
    expect(facts.filter((s) => s.page !== SCAN).length).toBeGreaterThan(0);
    expect(facts.filter((s) => s.page === SCAN).every((s) => s.ocrConfidence !== null)).toBe(true);
    expect(facts.filter((s) => s.page !== SCAN).every((s) => s.ocrConfidence === null)).toBe(true);
    for (const d of doc.diagnostics.filter((x: { code: string }) => x.code === 'OCR_LOW_CONFIDENCE')) {
      expect(d.level).toBe('WARNING');
      expect(d.source.page).toBe(SCAN);
      const said = Number(/confidence (\d+)/.exec(d.message)?.[1] ?? 100);
      expect(d.source.ocrConfidence).toBeLessThanOrEqual(said);
      for (const s of facts.filter((f) => f.line === d.source.line)) expect(s.ocrConfidence).toBeLessThanOrEqual(said);
    }
  });
});

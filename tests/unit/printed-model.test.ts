// The printed document (src/source/printed.ts, #37 item 1): every source builds the model (pages →
// lines → cells, with boxes, spans and OCR confidences where it has them) and the text rendering
// is generated from it. The rendering must be what the sources gave before the model, byte for
// byte: tests/fixtures/source-renderings.json holds, for every fixture (data/, tests/fixtures/**:
// texts, Chromium's, LibreOffice's and the real Shanghai PDFs, a scanned page read by OCR, web
// pages, Markdown), the hashes of each field the sources returned then (written by
// scripts/source-renderings.ts at ee454ba, before the model).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ocrTexts, readSource, type SourceDocument } from '../../src/source/index.js';
import type { RenderedLine } from '../../src/source/pdf/render.js';
import { printedLines, printedText, renderText, type PrintedDocument } from '../../src/source/printed.js';
import { OCR_UNHURRIED_MS, renderingHashes, sourceFixtures } from '../../scripts/source-renderings.js';
import { redactCells, redactPersonalData, REDACTED } from '../../src/parse/personal-data.js';

const FIXTURES = sourceFixtures();
const before = JSON.parse(readFileSync('tests/fixtures/source-renderings.json', 'utf8')) as Record<string, Record<string, unknown>>;
const sources = new Map<string, SourceDocument>();

beforeAll(async () => {
  // OCR without its request budget: on a busy machine the scan's page could run out of the 12 s
  // and be recorded as not read, which is timing, not what this compares.
  for (const path of FIXTURES) sources.set(path, await readSource(readFileSync(path), basename(path), { ocr: { budgetMs: OCR_UNHURRIED_MS } }));
}, 300_000);

describe('the text rendering generated from the model is what every source gave before it', () => {
  it('the record covers every fixture there is (a new fixture is recorded with it)', () => {
    expect(Object.keys(before).sort()).toEqual(FIXTURES);
    // Every kind of source is among them: a paged text, PDFs with OCR'd lines, spanning web tables.
    const all = [...sources.values()];
    expect(new Set(all.map((s) => s.format))).toEqual(new Set(['TEXT', 'PDF', 'HTML', 'MARKDOWN']));
    expect(all.some((s) => s.places?.some((p) => p.ocr))).toBe(true);
    expect(all.some((s) => s.spans)).toBe(true);
    expect(all.some((s) => s.places?.some((p) => (p.more?.length ?? 0) > 0))).toBe(true);
  });

  it.each(FIXTURES)('%s: keys, text, places (page by page), spans, pages and notes as before', (path) => {
    const source = sources.get(path);
    expect(source).toBeDefined();
    const now = renderingHashes(source!);
    const was = before[path]!;
    // Field by field, so that a failure names what moved (and, for places, on which page).
    for (const field of Object.keys(was)) expect(now[field], `${path}: ${field}`).toEqual(was[field]);
  });
});

describe('the model of every fixture', () => {
  it('each line has a cell at least, no cell holds a tab or a line break, and a PDF line has a box a cell (a blank line none)', () => {
    for (const [path, source] of sources) {
      let n = 0;
      for (const { page, line } of printedLines(source.printed)) {
        n++;
        expect(line.cells.length, `${path} line ${n}`).toBeGreaterThan(0);
        for (const cell of line.cells) expect(cell.text, `${path} line ${n}`).not.toMatch(/[\t\n]/);
        if (source.format === 'PDF') {
          expect(page, `${path} line ${n}`).not.toBeNull();
          const blank = line.cells.length === 1 && line.cells[0]!.text === '' && !line.cells[0]!.box;
          if (!blank) expect(line.cells.every((c) => c.box), `${path} line ${n}`).toBe(true);
        }
      }
      expect(n, path).toBe(source.text.split('\n').length);
    }
  });

  it("a PDF's ruled grid rows say each cell's span: the cells of one printed cell share its box", () => {
    let spanned = 0;
    let covered = 0;
    for (const [path, source] of sources) {
      if (source.format !== 'PDF') continue;
      for (const { line } of printedLines(source.printed)) {
        if (!line.cells.some((c) => c.span)) continue;
        spanned++;
        expect(line.cells.every((c) => c.span), path).toBe(true);
        line.cells.forEach((c, k) => {
          const start = line.cells[c.span!.start];
          expect(c.span!.start, `${path}: ${c.text}`).toBeLessThanOrEqual(k);
          expect(start?.box, `${path}: ${c.text}`).toEqual(c.box);
          if (c.span!.start < k || c.span!.above) covered++;
        });
      }
    }
    // The real Shanghai PDFs print header cells spanning columns and 类 cells spanning rows.
    expect(spanned).toBeGreaterThan(1000);
    expect(covered).toBeGreaterThan(100);
  });

  it('pages come in order, every page of the document listed (one printing nothing with no lines)', () => {
    for (const [path, { printed }] of sources) {
      if (printed.pageCount === null) {
        expect(printed.pages.map((p) => p.number), path).toEqual([null]);
        continue;
      }
      expect(printed.pages.map((p) => p.number), path).toEqual(Array.from({ length: printed.pageCount }, (_, i) => i + 1));
    }
  });
});

describe("personal data redacted on the model's cells (#37 item 1)", () => {
  it("every fixture's cells redacted cell by cell render the text redacted line for line, the same lines touched", () => {
    let touched = 0;
    for (const [path, source] of sources) {
      const lines = [...printedLines(source.printed)].map(({ line }) => line.cells.map((c) => c.text));
      const byCells = redactCells(lines);
      const byText = redactPersonalData(source.text);
      expect(byCells.cells.map((c) => c.join('\t')).join('\n'), path).toBe(byText.text);
      expect(byCells.lines, path).toEqual(byText.lines);
      touched += byCells.lines.length;
    }
    // The fixtures print personal data (the personal-data forms, the real PDFs' 联系人 lines).
    expect(touched).toBeGreaterThan(5);
  });

  it('a label cell redacts the next cell, a header cell its column below; a line of one cell as a line of text', () => {
    const { cells, lines } = redactCells([
      ['填报人', '林黛玉、薛宝钗', '联系电话', '28336292'],
      ['项目名称', '项目负责人', '金额'],
      ['社区服务', '张三', '12.00'],
      ['联系人：李四，电话13800138000。'],
      ['合计', '12.00'],
    ]);
    expect(cells).toEqual([
      ['填报人', REDACTED, '联系电话', REDACTED],
      ['项目名称', '项目负责人', '金额'],
      ['社区服务', REDACTED, '12.00'],
      [`联系人：${REDACTED}，电话${REDACTED}。`],
      ['合计', '12.00'],
    ]);
    expect(lines).toEqual([1, 3, 4]);
  });
});

describe("OCR's word fixes on a scanned page's cells", () => {
  const row = (texts: string[]): RenderedLine => ({ text: texts.join('\t'), texts, page: 1, box: [0, 0, 100, 10], cells: texts.map((_, k) => [k * 10, 0, k * 10 + 10, 10]), kind: 'TABLE_ROW', more: [] });

  it('are made a cell at a time: a misread 单位; in one cell and 元 in the next stay two cells (a line-wide fix joined them, one cell fewer than boxes)', () => {
    const lines = [row(['部门', '单位;', '元']), row(['文出', '100.00'])];
    expect(ocrTexts(lines, new Map([[0, {}], [1, {}]]))).toEqual([
      ['部门', '单位：', '元'],
      ['支出', '100.00'],
    ]);
  });

  it('only on lines OCR read; the code-part labels under 科目编码 given back in their cells', () => {
    const lines = [row(['科目编码', '科目名称']), row(['六', '有', '志', '']), row(['单位;', '元'])];
    expect(ocrTexts(lines, new Map([[1, {}]]))).toEqual([['科目编码', '科目名称'], ['类', '款', '项', ''], ['单位;', '元']]);
  });
});

describe('the text source', () => {
  it("reads tab cells and form-feed pages, a page of form feeds only kept as a page with no lines; the rendering drops the form feeds", () => {
    const model = printedText('部门收支总表\n\f收入\t100.00\n\f\f合计\t100.00', 't.txt');
    expect(model.pages.map((p) => [p.number, p.lines.map((l) => l.cells.map((c) => c.text))])).toEqual([
      [1, [['部门收支总表']]],
      [2, [['收入', '100.00']]],
      [3, []],
      [4, [['合计', '100.00']]],
    ]);
    const text = renderText(model);
    expect(text.text).toBe('部门收支总表\n收入\t100.00\n合计\t100.00');
    expect(text.places?.map((p) => p.page)).toEqual([1, 2, 4]);
    expect(text.pages).toBe(4);
  });

  it('a text without form feeds prints no pages, and renders as it was given, blank cells and all', () => {
    const given = '表一\n\t\t\n名称\t\t金额\t\r\n';
    const model: PrintedDocument = printedText(given, 't.txt');
    expect(model.pageCount).toBeNull();
    expect(model.pages[0]!.lines[2]!.cells.map((c) => c.text)).toEqual(['名称', '', '金额', '\r']);
    expect(renderText(model)).toEqual({ file: 't.txt', format: 'TEXT', text: given, places: null, pages: null, notes: [] });
  });
});

// The cells a fact read (#39 item 1: "the cells' boxes where a record read several"): Source.cells
// served every cell of the fact's row; now the parser says which cells its 科目 records read (the
// code's, the name's, each amount's: src/parse/cells-read.ts), the store keeps it with the line's
// place and the API serves those cells, each with OCR's confidence where OCR read it (item 3).
// Before: no cells-read module, no `read` in the stored place, every cell served.
//
// What the page prints (上海市普陀区财政局2024年度部门决算.pdf page 8, 收入决算表, rendered with
// `pdftoppm -r 100 -f 8 -l 8`): eleven columns, 类 | 款 | 项 | 科目名称 | 本年收入合计 | 财政拨款收入 |
// 上级补助收入 | 事业收入 | 经营收入 | 附属单位上缴收入 | 其他收入; the row 201 | 06 | 01 | 行政运行 |
// 1,511.90 | 1,511.89 | (four blank) | 0.01; the row 201 | (blank) | (blank) | 一般公共服务支出 |
// 2,112.86 | 2,106.66 | (four blank) | 6.20; the 合计 row prints 类 | 款 | 项 in its first three
// cells (the header's labels on the same printed row) and 合计 | 2,946.25 | 2,940.05 | … | 6.20.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { parseWithCellsRead, type CellsRead } from '../../src/parse/cells-read.js';
import { placesJson, withCellsRead } from '../../src/load/places.js';
import { placeFromJson, readConfidence, servedCells } from '../../src/query/places.js';
import { readSource } from '../../src/source/index.js';
import type { LinePlace } from '../../src/source/index.js';

const PDF = join(projectRoot, 'tests', 'fixtures', 'real', '上海市普陀区财政局2024年度部门决算.pdf');

describe('the cells a 科目 line read, on a real PDF', () => {
  let read: CellsRead;
  let lines: string[];
  let page: (line: number) => number | undefined;
  beforeAll(async () => {
    const source = await readSource(readFileSync(PDF), '上海市普陀区财政局2024年度部门决算.pdf');
    lines = source.text.split('\n');
    page = (line) => source.places?.[line - 1]?.page;
    read = parseWithCellsRead(source.text, '上海市普陀区财政局2024年度部门决算.pdf', source.notes, source.places).cellsRead;
  }, 60_000);
  const lineOf = (start: string) => {
    const n = lines.findIndex((l, i) => l.startsWith(start) && page(i + 1) === 8) + 1;
    expect(n).toBeGreaterThan(0);
    return n;
  };

  it('a 项 line: its three code cells, its name and its three amounts, not the blank columns', () => {
    expect(read.get(lineOf('201\t06\t01\t行政运行'))).toEqual([0, 1, 2, 3, 4, 5, 10]);
  });

  it('a 类 line: the 类 cell (款 and 项 blank), its name and amounts', () => {
    expect(read.get(lineOf('201\t\t\t一般公共服务支出'))).toEqual([0, 3, 4, 5, 10]);
  });

  it('the 合计 row: its label and amounts, not the 类 | 款 | 项 labels printed beside it', () => {
    expect(read.get(lineOf('类\t款\t项\t合计'))).toEqual([3, 4, 5, 10]);
  });
});

describe('a row put back in its table’s columns past a page break', () => {
  // 上海市普陀区人民政府万里街道办事处25年预算.pdf page 18 (pdftoppm -r 60 -f 18 -l 18) prints one
  // row alone: 合计 (spanning what were four columns) | 189,767,551 | 101,341,746 | 88,425,805.
  // The table model sets its amounts back under their columns (cells 4-6 of seven); the cells
  // read are the four printed ones, by their place on the printed line.
  it('reads its label and three amounts as the line prints them: cells 0-3', async () => {
    const file = '上海市普陀区人民政府万里街道办事处25年预算.pdf';
    const source = await readSource(readFileSync(join(projectRoot, 'tests', 'fixtures', 'real', file)), file);
    const lines = source.text.split('\n');
    const line = lines.findIndex((l, i) => l === '合计\t189,767,551\t101,341,746\t88,425,805' && source.places?.[i]?.page === 18) + 1;
    expect(line).toBeGreaterThan(0);
    expect(parseWithCellsRead(source.text, file, source.notes, source.places).cellsRead.get(line)).toEqual([0, 1, 2, 3]);
  }, 60_000);
});

describe('stored with the place and served', () => {
  const box = (x0: number, x1: number): [number, number, number, number] => [x0, 100, x1, 112];
  const place: LinePlace = { page: 3, box: box(10, 90), cells: [box(10, 20), box(20, 40), box(40, 60), box(60, 90)], ocr: { confidence: 31, cells: [88, 31, 95, 90] } };
  const text = '2010601\t\t1.00\t2.00';

  it('keeps the cells read only with every cell’s box, each index one of them', () => {
    const [stored] = placesJson(withCellsRead([place], new Map([[1, [0, 2, 3]]])), 1)!;
    expect(JSON.parse(stored!).read).toEqual([0, 2, 3]);
    // An index past the cells: none kept rather than a wrong cell.
    expect(JSON.parse(placesJson([{ ...place, read: [0, 7] }], 1)![0]!).read).toBeUndefined();
    expect(JSON.parse(placesJson([{ ...place, cells: [], read: [0] }], 1)![0]!).read).toBeUndefined();
  });

  it('serves the cells read, each with its text and OCR’s confidence; all: every cell, flagged', () => {
    const stored = placeFromJson(placesJson(withCellsRead([place], new Map([[1, [0, 2, 3]]])), 1)![0], text)!;
    expect(servedCells(stored).map((c) => [c.index, c.text, c.read, c.ocrConfidence])).toEqual([
      [0, '2010601', true, 88],
      [2, '1.00', true, 95],
      [3, '2.00', true, 90],
    ]);
    expect(servedCells(stored, true).map((c) => c.read)).toEqual([true, false, true, true]);
    // The fact's confidence is its cells' lowest (88), not the blank cell's 31 that the line's lowest is.
    expect(readConfidence(stored)).toBe(88);
  });

  it('without cells read: every cell, none said read, and the line’s confidence', () => {
    const stored = placeFromJson(placesJson([place], 1)![0], text)!;
    expect(servedCells(stored).map((c) => c.read)).toEqual([null, null, null, null]);
    expect(readConfidence(stored)).toBe(31);
  });
});

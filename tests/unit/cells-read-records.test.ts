// The cells each record read, said by its reader (#39 item 1, items 2 and 3 of the round): the
// classification reader puts the code, name and amount cells it took on each BudgetLine and 合计
// row, the 三公 reader the figure cells of each record, the payment reader a payment's serial, item
// and amount; cells-read.ts only puts them on the printed line. A line giving several records
// (side-by-side 科目 blocks, a 三公 row's 预算数 | 决算数) keeps each record's own cells by its key.
// Before: cells-read.ts repeated the classification reader's rule for 科目 tables only; 三公 rows and
// payments said no cell (Source.cells served every cell, read null), and both blocks of a
// side-by-side line were served the cells of the two lines together.
//
// What the pages print (rendered with `pdftoppm -r 80 -f N -l N -png`):
// - 上海市普陀区财政局2024年度部门决算.pdf p. 18, 财政拨款“三公”经费支出决算表: twelve columns, 预算数 |
//   决算数 under each of 合计, 因公出国（境）费, 小计, 公务用车购置费, 公务用车运行费, 公务接待费; the one
//   data row prints 0.95 under 合计·预算数 (column 1) and 0.95 under 公务接待费·预算数 (column 11), every
//   决算数 blank.
// - 上海市普陀区规划和自然资源局 2024 年度部门决算.pdf p. 17, the same table: 2.85 | 0.39 | 0.00 … 0.00 |
//   2.85 | 0.39, every cell printed: 预算数 in the odd columns, 决算数 in the even.
// - 24年普陀区财政局（测试问题版本）.pdf p. 13, 一般公共预算财政拨款基本支出决算表, 经济分类 printed as two
//   blocks side by side (类 | 款 | 科目名称 | 决算数, twice): row 301 | (blank) | 工资福利支出 | 2,082.85 |
//   302 | (blank) | 商品和服务支出 | 171.07; row 301 | 01 | 基本工资 | 262.33 | 302 | 01 | 办公费 | 21.21.
// - 上海市普陀区人民政府万里街道办事处23年预算.pdf p. 31, 财政项目支出绩效目标填报表: 项目名称 | 新建万里街道
//   社区公共服务中心 | 项目性质 | 阶段性项目 | 项目类别 | 特定目标类 (the project's name row; 项目性质 and
//   项目类别 are no fact of the project).
// - data/004 line 1504, a 政府投资项目 form: 项目名称 | 坪山区智慧管理指挥平台项目 | (blank) | 国家编码 |
//   2016-440317-39-01-700908.
// - tests/fixtures/payment-detail.txt: 1 | 付创新坪山…首款 | 3.2, and 合计 | (blank) | 283.91.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { parseWithCellsRead } from '../../src/parse/cells-read.js';
import { placesJson, withCellsRead } from '../../src/load/places.js';
import { placeFromJson, readConfidence, servedCells } from '../../src/query/places.js';
import { readKey } from '../../src/model/read-keys.js';
import { readSource, type LinePlace } from '../../src/source/index.js';

async function readReal(file: string) {
  const source = await readSource(readFileSync(join(projectRoot, 'tests', 'fixtures', 'real', file)), file);
  const lines = source.text.split('\n');
  const read = parseWithCellsRead(source.text, file, source.notes, source.places);
  /** The line (1-based) on page `page` printing exactly `text`. */
  const lineOf = (page: number, text: string) => {
    const n = lines.findIndex((l, i) => l === text && source.places?.[i]?.page === page) + 1;
    expect(n).toBeGreaterThan(0);
    return n;
  };
  return { ...read, lineOf };
}

describe('a 三公 row printing 预算数 | 决算数 pairs', () => {
  it('a record whose figures are printed reads those cells; one printed blank reads none', async () => {
    const { cellsRead, recordCells, doc, lineOf } = await readReal('上海市普陀区财政局2024年度部门决算.pdf');
    const line = lineOf(18, '0.95\t\t\t\t\t\t\t\t\t\t0.95\t');
    expect(doc.threeCosts.filter((t) => t.source.line === line).map((t) => t.basis)).toEqual(['BUDGET', 'ACTUAL']);
    expect(cellsRead.get(line)).toEqual([0, 10]);
    expect(recordCells.get(line)).toEqual({ [readKey('ThreeCosts', 'BUDGET')]: [0, 10], [readKey('ThreeCosts', 'ACTUAL')]: [] });
  }, 60_000);

  it('each basis its own column of every pair', async () => {
    const { recordCells, lineOf } = await readReal('上海市普陀区规划和自然资源局 2024 年度部门决算.pdf');
    const line = lineOf(17, '2.85\t0.39\t0.00\t0.00\t0.00\t0.00\t0.00\t0.00\t0.00\t0.00\t2.85\t0.39');
    expect(recordCells.get(line)).toEqual({ [readKey('ThreeCosts', 'BUDGET')]: [0, 2, 4, 6, 8, 10], [readKey('ThreeCosts', 'ACTUAL')]: [1, 3, 5, 7, 9, 11] });
  }, 60_000);
});

describe('side-by-side 科目 blocks', () => {
  it('each line reads its own block: code, name and amount', async () => {
    const { cellsRead, recordCells, lineOf } = await readReal('24年普陀区财政局（测试问题版本）.pdf');
    const classes = lineOf(13, '301\t\t工资福利支出\t2,082.85\t302\t\t商品和服务支出\t171.07');
    // The 款 cells are blank on a 类 row: not read.
    expect(recordCells.get(classes)).toEqual({ [readKey('BudgetLine', '301')]: [0, 2, 3], [readKey('BudgetLine', '302')]: [4, 6, 7] });
    expect(cellsRead.get(classes)).toEqual([0, 2, 3, 4, 6, 7]);
    const items = lineOf(13, '301\t01\t基本工资\t262.33\t302\t01\t办公费\t21.21');
    expect(recordCells.get(items)).toEqual({ [readKey('BudgetLine', '30101')]: [0, 1, 2, 3], [readKey('BudgetLine', '30201')]: [4, 5, 6, 7] });
  }, 60_000);
});

describe('a 项目支出明细表', () => {
  it('a payment reads its serial, item and amount; the 合计 row its label and amount', () => {
    // The fixture under a document's title (it is a table of a 部门决算, alone).
    const text = `2020年度部门决算\n${readFileSync(join(projectRoot, 'tests', 'fixtures', 'payment-detail.txt'), 'utf8')}`;
    const lines = text.split('\n');
    // A source with places (a text's, without boxes: the cells read are worked out all the same).
    const { doc, cellsRead } = parseWithCellsRead(text, 'payment-detail.txt', [], lines.map(() => null));
    const first = lines.findIndex((l) => l.startsWith('1\t付创新坪山')) + 1;
    const total = lines.findIndex((l) => l.startsWith('合计\t')) + 1;
    expect(doc.payments.some((p) => p.source.line === first)).toBe(true);
    expect(cellsRead.get(first)).toEqual([0, 1, 2]);
    expect(cellsRead.get(total)).toEqual([0, 2]);
  });
});

describe('forms', () => {
  it('a project form’s project reads its 项目名称 label and the name, not 项目性质 or 项目类别', async () => {
    const { cellsRead, doc, lineOf } = await readReal('上海市普陀区人民政府万里街道办事处23年预算.pdf');
    const line = lineOf(31, '项目名称\t\t新建万里街道社区公共服务中心\t\t项目性质\t阶段性项目\t项目类别\t特定目标类');
    expect(doc.projects.filter((p) => p.source.line === line).map((p) => p.name)).toEqual(['新建万里街道社区公共服务中心']);
    expect(cellsRead.get(line)).toEqual([0, 2]);
  }, 60_000);

  it('an investment form’s project reads the 国家编码 label and code, and the name printed on the same row', () => {
    const text = readFileSync(join(projectRoot, 'data', '004_977ad1fe0b13bb92.txt'), 'utf8');
    const lines = text.split('\n');
    const { doc, cellsRead } = parseWithCellsRead(text, '004_977ad1fe0b13bb92.txt', [], lines.map(() => null));
    const line = lines.findIndex((l) => l === '项目名称\t坪山区智慧管理指挥平台项目\t\t国家编码\t2016-440317-39-01-700908') + 1;
    expect(line).toBe(1504);
    expect(doc.investmentProjects.filter((p) => p.source.line === line).map((p) => p.name)).toEqual(['坪山区智慧管理指挥平台项目']);
    expect(cellsRead.get(line)).toEqual([0, 1, 3, 4]);
  });
});

describe('each record’s cells stored with the place and served by its key', () => {
  const box = (x0: number, x1: number): [number, number, number, number] => [x0, 100, x1, 112];
  const place: LinePlace = { page: 13, box: box(0, 80), cells: [0, 10, 20, 30, 40, 50, 60, 70].map((x) => box(x, x + 10)), ocr: { confidence: 20, cells: [90, 20, 90, 90, 80, 20, 80, 70] } };
  const text = '301\t\t工资福利支出\t2,082.85\t302\t\t商品和服务支出\t171.07';
  const by = { [readKey('BudgetLine', '301')]: [0, 2, 3], [readKey('BudgetLine', '302')]: [4, 6, 7] };
  const stored = () => placeFromJson(placesJson(withCellsRead([place], new Map([[1, [0, 2, 3, 4, 6, 7]]]), new Map([[1, by]])), 1)![0], text)!;

  it('a block’s line is served its own cells, each with its text and confidence', () => {
    expect(servedCells(stored(), false, readKey('BudgetLine', '302')).map((c) => [c.index, c.text, c.ocrConfidence])).toEqual([
      [4, '302', 80],
      [6, '商品和服务支出', 80],
      [7, '171.07', 70],
    ]);
    expect(servedCells(stored(), true, readKey('BudgetLine', '301')).map((c) => c.read)).toEqual([true, false, true, true, false, false, false, false]);
    expect(readConfidence(stored(), readKey('BudgetLine', '301'))).toBe(90);
    expect(readConfidence(stored(), readKey('BudgetLine', '302'))).toBe(70);
  });

  it('without a key (or an unknown one): the cells the line’s records read', () => {
    expect(servedCells(stored()).map((c) => c.index)).toEqual([0, 2, 3, 4, 6, 7]);
    expect(servedCells(stored(), false, readKey('BudgetLine', '999')).map((c) => c.index)).toEqual([0, 2, 3, 4, 6, 7]);
  });

  it('a record’s cells outside the line’s cells read: none kept per record', () => {
    const [json] = placesJson(withCellsRead([place], new Map([[1, [0, 2, 3]]]), new Map([[1, by]])), 1)!;
    expect(JSON.parse(json!).readBy).toBeUndefined();
    expect(placeFromJson(json, text)!.readBy).toBeNull();
  });
});

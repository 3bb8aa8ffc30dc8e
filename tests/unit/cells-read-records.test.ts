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
// - 上海市普陀区人民政府万里街道办事处23年预算.pdf p. 31, the same form's 绩效指标 block: the merged label
//   绩效指标 | 产出指标 | 数量指标 | 规划建筑面积 | ≥13459.00(平方米) (一级指标 | 二级指标 | 三级指标 | 指标值).
// - data/004 lines 1142-1150, a 项目支出绩效自评表: 项目资金（万元） | 全年预算数（A） | 全年执行数（B） |
//   执行率（B/A）, then (blank) | (blank) | 年度资金总额： | (blank) | 1073.14 | 1067.17 | 99.44%; its first
//   indicator (blank) | 产出指标 | 数量指标 | 采购党建书籍28本 | 28 | 100% | (blank) under 绩效指标 | 一级指标 |
//   二级指标 | 三级指标 | 年度指标值 | 全年完成值 | 未完成原因和改进措施; the next row prints only 三级指标 and values.
// - data/000 lines 510-514, a 项目支出表: 科目编码 | 科目名称 | 项目名称 | 项目金额 | 绩效目标 | 项目申报依据;
//   a 预算单位 row 深圳市龙岗区政务服务数据管理局 | | | 4,545 | |; 2010302 | 一般行政管理事务 | ★政务服务管理 |
//   133 | (goal) | (basis).
// - data/001 lines 136 and 476-477: a 重点项目 table row 办公用房修缮与维护（通用项目） | 27.00 | (goal); a
//   target form's task rows (blank) | 一般行政管理事务 | 信息系统运行与维护（通用项目） | 336.00 | 336.00 | 0.00
//   and (blank) | (blank) | 宣传经费 | 6.00 | 6.00 | 0.00 (a project under the task printed above).
// - 上海市普陀区财政局部门25年预算.pdf p. 9, 2025年部门财务收支预算总表 (单位：元): 本年收入 (项目 | 预算数) and
//   本年支出 (项目 | 预算数) side by side; row 一、财政拨款收入 | 31,214,205.80 | 一、一般公共服务支出 |
//   22,186,440.80; row 2. 政府性基金 | (blank) | 三、卫生健康支出 | 782,164.00.
// - 上海市普陀区人民政府万里街道办事处23年预算.pdf p. 31, the 绩效目标填报表's money row: 项目资金（元） | 项目资金总额 |
//   4,100,000.00 | 年度资金申请总额 | 4,100,000.00.
// - data/004 lines 1093-1100, a 部门整体支出绩效评价指标评分表: 一级指标 | | 二级指标 | | 三级指标 | | 指标说明 |
//   评分标准 | 自评得分 over 名称 | 分值 (three times); row 预算执行情况 | 36 | 资金管理 | 18 | 部门预算资金支出率 | 5 |
//   (说明) | (标准) | 4.84.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { parseWithCellsRead } from '../../src/parse/cells-read.js';
import { placesJson, withCellsRead } from '../../src/load/places.js';
import { placeFromJson, readConfidence, servedCells } from '../../src/query/places.js';
import { figureReadKey, readKey } from '../../src/model/read-keys.js';
import { figureRow } from '../../src/query/rows.js';
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
  return { ...read, lineOf, source, lines };
}

/** A line's place as the load stores it and the query reads it back (src/load/places.ts, src/query/places.ts). */
function storedPlace(read: Awaited<ReturnType<typeof readReal>>, line: number) {
  const json = placesJson(withCellsRead(read.source.places ?? null, read.cellsRead, read.recordCells), read.lines.length)?.[line - 1];
  return placeFromJson(json, read.lines[line - 1]);
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

/** A data/*.txt document read as a source with places (a text's, without boxes). */
function readData(name: string) {
  const text = readFileSync(join(projectRoot, 'data', name), 'utf8');
  const lines = text.split('\n');
  const read = parseWithCellsRead(text, name, [], lines.map(() => null));
  /** The line (1-based) printing exactly `printed`. */
  const lineOf = (printed: string) => lines.findIndex((l) => l === printed) + 1;
  return { ...read, lineOf };
}

describe('indicators (绩效指标 rows)', () => {
  it('a target form’s indicator reads its levels, name and value, not the block’s merged label nor blank cells', async () => {
    const { cellsRead, doc, lineOf } = await readReal('上海市普陀区人民政府万里街道办事处23年预算.pdf');
    const line = lineOf(31, '绩效指标\t产出指标\t数量指标\t规划建筑面积\t\t\t≥13459.00(平方米)\t');
    expect(doc.indicators.filter((r) => r.source.line === line).map((r) => [r.level1, r.level2, r.name, r.target])).toEqual([['产出指标', '数量指标', '规划建筑面积', '≥13459.00(平方米)']]);
    expect(cellsRead.get(line)).toEqual([1, 2, 3, 6]);
  }, 60_000);

  it('a self-evaluation’s indicator reads the levels printed on its row, its name, target and achieved value', () => {
    const { cellsRead, doc, lineOf } = readData('004_977ad1fe0b13bb92.txt');
    const first = lineOf('\t产出指标\t数量指标\t采购党建书籍28本\t28\t100%\t');
    expect(first).toBe(1150);
    expect(doc.indicators.filter((r) => r.source.line === first).map((r) => [r.name, r.target, r.actual])).toEqual([['采购党建书籍28本', '28', '100%']]);
    expect(cellsRead.get(first)).toEqual([1, 2, 3, 4, 5]);
    // The levels carried from the row above are not on this row.
    expect(cellsRead.get(first + 1)).toEqual([3, 4, 5]);
  });
});

describe('self-evaluation forms', () => {
  it('the evaluation reads the money row’s 年度资金总额 label, 全年预算数, 全年执行数 and 执行率', () => {
    const { cellsRead, doc, lineOf } = readData('004_977ad1fe0b13bb92.txt');
    const line = lineOf('\t\t年度资金总额：\t\t1073.14\t1067.17\t99.44%');
    expect(line).toBe(1143);
    expect(doc.selfEvaluations.filter((r) => r.source.line === line).map((r) => [r.budget, r.executed, r.rate])).toEqual([[1_073_140_000n, 1_067_170_000n, '99.44%']]);
    expect(cellsRead.get(line)).toEqual([2, 4, 5, 6]);
  });
});

describe('listing tables', () => {
  it('a 项目支出表 row: code, 科目名称, name, amount, goal and basis; its 预算单位 row: the unit and its total', () => {
    const { cellsRead, doc, lineOf } = readData('000_5c682a4da5e2a113.txt');
    const line = lineOf(readFileSync(join(projectRoot, 'data', '000_5c682a4da5e2a113.txt'), 'utf8').split('\n').find((l) => l.startsWith('2010302\t一般行政管理事务\t★政务服务管理\t133\t')) ?? '');
    expect(doc.projects.filter((p) => p.source.line === line).map((p) => [p.name, p.amount, p.key])).toEqual([['政务服务管理', 133_000_000n, true]]);
    expect(cellsRead.get(line)).toEqual([0, 1, 2, 3, 4, 5]);
    const unitRow = lineOf('深圳市龙岗区政务服务数据管理局\t\t\t4,545\t\t');
    expect(doc.totals.filter((t) => t.source.line === unitRow).map((t) => t.total)).toEqual([4_545_000_000n]);
    expect(cellsRead.get(unitRow)).toEqual([0, 3]);
  });

  it('a 重点项目 row: name, amount and goal; a target form’s task rows: task, name, amount and funding, not the task printed above', () => {
    const { cellsRead, doc, lineOf } = readData('001_958a9ca9db32ab73.txt');
    const key = lineOf(readFileSync(join(projectRoot, 'data', '001_958a9ca9db32ab73.txt'), 'utf8').split('\n').find((l) => l.startsWith('办公用房修缮与维护（通用项目）\t27.00\t')) ?? '');
    expect(doc.projects.filter((p) => p.source.line === key).map((p) => [p.sourceKind, p.amount])).toEqual([['KEY_PROJECT_TABLE', 27_000_000n]]);
    expect(cellsRead.get(key)).toEqual([0, 1, 2]);
    const task = lineOf('\t一般行政管理事务\t信息系统运行与维护（通用项目）\t336.00\t336.00\t0.00');
    expect(cellsRead.get(task)).toEqual([1, 2, 3, 4, 5]);
    const under = lineOf('\t\t宣传经费\t6.00\t6.00\t0.00');
    expect(doc.projects.filter((p) => p.source.line === under).map((p) => [p.name, p.parent, p.amount])).toEqual([['宣传经费', '一般行政管理事务', 6_000_000n]]);
    expect(cellsRead.get(under)).toEqual([2, 3, 4, 5]);
  });
});

describe('a self-evaluation’s scores (评分表)', () => {
  const line = 1100;
  it('each score reads its 分值 or 自评得分 cell and the name it scores, not 指标说明 nor 评分标准', () => {
    const { cellsRead, recordCells, doc, lineOf } = readData('004_977ad1fe0b13bb92.txt');
    expect(lineOf(readFileSync(join(projectRoot, 'data', '004_977ad1fe0b13bb92.txt'), 'utf8').split('\n').find((l) => l.startsWith('预算执行情况\t36\t资金管理\t18\t部门预算资金支出率\t5\t')) ?? '')).toBe(line);
    const scores = doc.figures.filter((f) => f.source.line === line);
    expect(scores.map((f) => [f.item, f.value])).toEqual([['预算执行情况', '36'], ['资金管理', '18'], ['部门预算资金支出率', '5'], ['部门预算资金支出率', '4.84']]);
    expect(cellsRead.get(line)).toEqual([0, 1, 2, 3, 4, 5, 8]);
    const [first, second, third, selfScore] = scores.map((f) => figureReadKey(f.item, f.column));
    expect(recordCells.get(line)).toEqual({ [first ?? '']: [0, 1], [second ?? '']: [2, 3], [third ?? '']: [4, 5], [selfScore ?? '']: [4, 8] });
  });

  it('a stored score is served its own cells by the key its row builds from its item and column', () => {
    const box = (x0: number): [number, number, number, number] => [x0, 100, x0 + 10, 112];
    const place: LinePlace = { page: 1, box: [0, 100, 90, 112], cells: [0, 10, 20, 30, 40, 50, 60, 70, 80].map(box) };
    const key = figureReadKey('部门预算资金支出率', '自评得分');
    const by = { [figureReadKey('预算执行情况', '评价指标/一级指标/分值')]: [0, 1], [key]: [4, 8] };
    const stored = placeFromJson(placesJson(withCellsRead([place], new Map([[1, [0, 1, 4, 8]]]), new Map([[1, by]])), 1)?.[0], 'a\t36\tb\t18\tc\t5\td\te\t4.84');
    const row = figureRow({ id: 'f', documentId: 'd', family: 'SCORING', side: null, item: '部门预算资金支出率', column: '自评得分', measure: 'SCORE', value: '4.84', amountFen: null, basis: 'ACTUAL', srcTable: 't', srcLine: 1, srcText: '' });
    expect(row.source.readKey).toBe(key);
    expect(stored && servedCells(stored, false, row.source.readKey).map((c) => [c.index, c.text])).toEqual([[4, 'c'], [8, '4.84']]);
  });
});

describe('a figure beside a record served without a key', () => {
  it('a payment list printing a 占比 column: the payment and its row’s figure say no cells (the payment would be served the figure’s)', () => {
    // A constructed list (no bundled document prints one): 序号 | 支出事项 | 支出金额 | 占比, its 合计 row.
    const text = '2020年度部门决算\n“民生诉求”项目支出明细表\n\n序号\t支出事项\t支出金额 (万元)\t占比\n1\t付政府宣传服务合同尾款\t5\t7%\n合计\t\t5\t100%\n';
    const lines = text.split('\n');
    const { doc, cellsRead } = parseWithCellsRead(text, 'payments.txt', [], lines.map(() => null));
    const payment = lines.findIndex((l) => l.startsWith('1\t')) + 1;
    const total = lines.findIndex((l) => l.startsWith('合计\t')) + 1;
    expect(doc.payments.map((p) => [p.source.line, p.amount])).toEqual([[payment, 5_000_000n]]);
    expect(doc.totals.map((t) => t.source.line)).toEqual([total]);
    expect(doc.figures.map((f) => [f.source.line, f.value])).toEqual([[payment, '7%'], [total, '100%']]);
    expect(cellsRead.get(payment)).toBeUndefined();
    expect(cellsRead.get(total)).toBeUndefined();
  });
});

describe('summary and form figures (收支总表 items, a target form’s money figure)', () => {
  it('a 财务收支预算总表 row: the 收入 item reads its name and amount, the 支出 item its own, each served only its cells', async () => {
    const read = await readReal('上海市普陀区财政局部门25年预算.pdf');
    const line = read.lineOf(9, '一、财政拨款收入\t31,214,205.80\t一、一般公共服务支出\t22,186,440.80');
    const figures = read.doc.figures.filter((f) => f.source.line === line);
    expect(figures.map((f) => [f.side, f.item, f.value])).toEqual([
      ['收入', '一、财政拨款收入', '31,214,205.80'],
      ['支出', '一、一般公共服务支出', '22,186,440.80'],
    ]);
    const [income, expenditure] = figures.map((f) => figureReadKey(f.item, f.column));
    expect(read.cellsRead.get(line)).toEqual([0, 1, 2, 3]);
    expect(read.recordCells.get(line)).toEqual({ [income ?? '']: [0, 1], [expenditure ?? '']: [2, 3] });
    const stored = storedPlace(read, line);
    expect(stored && servedCells(stored, false, income).map((c) => [c.index, c.text])).toEqual([[0, '一、财政拨款收入'], [1, '31,214,205.80']]);
    expect(stored && servedCells(stored, false, expenditure).map((c) => [c.index, c.text])).toEqual([[2, '一、一般公共服务支出'], [3, '22,186,440.80']]);
  }, 60_000);

  it('a row whose 收入 amount is printed blank: only the 支出 item’s cells are read', async () => {
    const read = await readReal('上海市普陀区财政局部门25年预算.pdf');
    const line = read.lineOf(9, '2. 政府性基金\t\t三、卫生健康支出\t782,164.00');
    expect(read.doc.figures.filter((f) => f.source.line === line).map((f) => [f.item, f.value])).toEqual([['三、卫生健康支出', '782,164.00']]);
    expect(read.cellsRead.get(line)).toEqual([2, 3]);
    const stored = storedPlace(read, line);
    expect(stored && servedCells(stored, true).map((c) => c.read)).toEqual([false, false, true, true]);
  }, 60_000);

  it('a target form’s 年度资金申请总额 reads its label and amount; the project’s amount the 项目资金总额 cells', async () => {
    const read = await readReal('上海市普陀区人民政府万里街道办事处23年预算.pdf');
    const line = read.lineOf(31, '项目资金（元）\t\t项目资金总额\t\t4,100,000.00\t年度资金申请总额\t\t4,100,000.00');
    const [figure, ...more] = read.doc.figures.filter((f) => f.source.line === line);
    expect(more).toEqual([]);
    expect([figure?.item, figure?.value, figure?.amount]).toEqual(['年度资金申请总额', '4,100,000.00', 410_000_000n]);
    const project = read.doc.projects.find((p) => p.amountSource?.line === line);
    expect([project?.name, project?.amount, project?.amountRead?.cellsRead]).toEqual(['新建万里街道社区公共服务中心', 410_000_000n, [2, 4]]);
    const key = figureReadKey(figure?.item ?? '', figure?.column ?? '');
    expect(read.cellsRead.get(line)).toEqual([2, 4, 5, 7]);
    expect(read.recordCells.get(line)).toEqual({ [key]: [5, 7] });
    const stored = storedPlace(read, line);
    expect(stored && servedCells(stored, false, key).map((c) => [c.index, c.text])).toEqual([[5, '年度资金申请总额'], [7, '4,100,000.00']]);
  }, 60_000);
});

// Page and box on every fact (#39 item 1): a fact read from a PDF says, through the API, on which
// page and in which box (PDF points from the page's top-left corner) its row and each of its
// cells are printed; a text without pages says page null, a text with form feeds its page.
// Before: Source had document, table, line and text only — "page 21, this cell" could not be said.
//
// The expected pages and boxes are the printed page's, measured on the rendered page, not the
// parser's: `pdftoppm -r 144 -f N -l N -png 上海市普陀区财政局2024年度部门决算.pdf` (2 px per point),
// then the pixel rows and columns where the table's rulings are drawn (rows with more than half
// their pixels dark; columns dark over the row's height), divided by 2. Page 8 (一般公共预算财政
// 拨款支出决算表): the row "201 06 01 行政运行 1,511.90 1,511.89 … 0.01" lies between the rulings at
// y 275.5 and 292.5–293.0, the table between x 66.0–66.5 and 775.0–775.5; its 科目名称 cell between
// x 189.5 and 345.5, its first amount between 345.5 and 422.0–422.5; eleven columns. Page 18
// (财政拨款“三公”经费支出决算表): the data row "0.95 … 0.95" between y 254.5–255.0 and 278.5–279.0,
// x 26.0 and 815.5; 合计·预算数 (0.95) between x 26.0 and 91.5–92.0, 公务接待费·预算数 (0.95)
// between 684.0 and 749.5–750.0; twelve columns. The boxes were also drawn on the page rendered
// at 80 dpi (points × 80/72) and outline that row and those cells.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { QueryRunner } from '../../src/db/run.js';
import type { Database } from '../../src/db/connection.js';
import { loadFiles } from '../../src/load/directory.js';
import { startHttpServer, type RunningServer } from '../../src/api/http-server.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { testDatabase, wipe } from './helpers.js';
import { scratchDirs } from '../scratch-dirs.js';

const scratch = scratchDirs();

const FINAL = '上海市普陀区财政局2024年度部门决算';
const PDF = join(projectRoot, 'tests', 'fixtures', 'real', `${FINAL}.pdf`);
// A text without form feeds, and the same text with a form feed opening line FF_LINE (page 2 from there).
const TEXT = '002_94a530100b90bc43';
// Line 241 of 000 is the title 表三: its 功能分类 lines 219–239 are on page 1, 251–342 on page 2.
const FF_LINE = 241;
const FORM_FED = '000_formfeed';
// A form printing 联系人 柳如烟, 联系电话（座机）：021-52564588, 13912345678, 填报人 林黛玉、薛宝钗 联系电话
// 28336292, 手机号码 13800138000 and 身份证号 11010519491231002X (pdftotext of the PDF).
const PERSONAL = join(projectRoot, 'tests', 'fixtures', 'personal-data-form.pdf');
// A budget whose p. 31 is a 财政项目支出绩效目标填报表 (rendered): its first 绩效指标 row prints the merged
// label 绩效指标 | 产出指标 | 数量指标 | 规划建筑面积 | ≥13459.00(平方米), its money row 项目资金（元） |
// 项目资金总额 | 4,100,000.00 | 年度资金申请总额 | 4,100,000.00. Its p. 10, 2023年部门财务收支预算总表 (单位：元),
// prints 本年收入 (项目 | 预算数) and 本年支出 (项目 | 预算数) side by side: row 1. 一般公共预算 | 164,978,640 |
// 二、公共安全支出 | 1,252,300.
const TARGETS = '上海市普陀区人民政府万里街道办事处23年预算';

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = await testDatabase();
  await wipe(db);
  const dir = scratch('places-');
  const lines = readFileSync(join(projectRoot, 'data', '000_5c682a4da5e2a113.txt'), 'utf8').split('\n');
  lines[FF_LINE - 1] = `\f${lines[FF_LINE - 1]}`;
  writeFileSync(join(dir, `${FORM_FED}.txt`), lines.join('\n'));
  const reports = await loadFiles(new QueryRunner(db), [PDF, join(projectRoot, 'data', `${TEXT}.txt`), join(dir, `${FORM_FED}.txt`), PERSONAL, join(projectRoot, 'tests', 'fixtures', 'real', `${TARGETS}.pdf`)]);
  expect(reports.map((r) => r.parity)).toEqual([[], [], [], [], []]);
  server = await startHttpServer({ db, schema: await buildApiSchema(), host: '127.0.0.1', port: 0, token: undefined });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: any; errors?: unknown[]; extensions?: { cypherRoundTrips?: number } };
  expect(body.errors).toBeUndefined();
  return body;
}

interface Box {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const SOURCE = 'source { line page box { page x0 y0 x1 y1 text } cells { page x0 y0 x1 y1 text index read } }';

/** Within a point of the rulings measured on the rendered page (they are drawn 0.5-1 pt wide). */
function expectBox(actual: Box | null | undefined, page: number, [x0, y0, x1, y1]: [number, number, number, number]) {
  expect(actual?.page).toBe(page);
  for (const [got, want] of [[actual!.x0, x0], [actual!.y0, y0], [actual!.x1, x1], [actual!.y1, y1]] as const) expect(Math.abs(got - want)).toBeLessThanOrEqual(1);
}

describe('a fact of a PDF', () => {
  it('shows the page and box of its row and of each cell: a 功能分类 line (page 8)', async () => {
    const { data } = await gql(`query($id: ID!) { document(id: $id) { functionLines { code name ${SOURCE} } } }`, { id: FINAL });
    const line = data.document.functionLines.find((l: { code: string }) => l.code === '2010601');
    expect(line.name).toBe('行政运行');
    expect(line.source.page).toBe(8);
    expectBox(line.source.box, 8, [66.3, 275.5, 775.3, 292.8]);
    // The cells the line was read from, and only those (#39: "each cell it read"): 类 201 | 款 06 |
    // 项 01 | 行政运行 | 本年收入合计 1,511.90 | 财政拨款收入 1,511.89 | 其他收入 0.01, the four blank
    // columns between (上级补助收入 … 附属单位上缴收入) not. Each box between the rulings measured on
    // the page rendered at 144 dpi (vertical rulings at x 66.0-66.5, 108.5, 149.0, 189.5, 345.5,
    // 422.0-422.5, 499.0, …, 723.0-723.5, 775.0-775.5; the row between y 275.5 and 292.5-293.0).
    expect(line.source.cells.map((c: { index: number; text: string; read: boolean }) => [c.index, c.text, c.read])).toEqual([
      [0, '201', true],
      [1, '06', true],
      [2, '01', true],
      [3, '行政运行', true],
      [4, '1,511.90', true],
      [5, '1,511.89', true],
      [10, '0.01', true],
    ]);
    const columns: [number, number][] = [[66.3, 108.5], [108.5, 149.0], [149.0, 189.5], [189.5, 345.5], [345.5, 422.3], [422.3, 499.0], [723.3, 775.3]];
    columns.forEach(([x0, x1], k) => expectBox(line.source.cells[k], 8, [x0, 275.5, x1, 292.8]));
    expect(line.source.box.text).toBeNull();
    // Every cell of the row on asking: eleven, the blank ones not read.
    const { data: all } = await gql(`query($id: ID!) { document(id: $id) { functionLines { code source { line cells(all: true) { index text read } } } } }`, { id: FINAL });
    const every = all.document.functionLines.find((l: { code: string; source: { line: number } }) => l.code === '2010601' && l.source.line === line.source.line).source.cells;
    expect(every).toHaveLength(11);
    expect(every.filter((c: { read: boolean }) => !c.read).map((c: { index: number; text: string }) => [c.index, c.text])).toEqual([[6, ''], [7, ''], [8, ''], [9, '']]);
  });

  it('shows the page and box of its row and of each cell: a 三公 record (page 18)', async () => {
    const { data } = await gql(`query($id: ID!) { document(id: $id) { threeCosts { basis total ${SOURCE} } } }`, { id: FINAL });
    const budget = data.document.threeCosts.find((t: { basis: string }) => t.basis === 'BUDGET');
    expect(budget.total).toBe('0.95');
    expect(budget.source.page).toBe(18);
    expectBox(budget.source.box, 18, [26.0, 254.8, 815.5, 278.8]);
    // A 三公 row printing 预算数 | 决算数 pairs: the BUDGET record read the two figures the page prints
    // under 预算数 (合计 0.95, column 1; 公务接待费 0.95, column 11), not the blank cells.
    expect(budget.source.cells.map((c: { index: number; text: string; read: boolean }) => [c.index, c.text, c.read])).toEqual([
      [0, '0.95', true],
      [10, '0.95', true],
    ]);
    expectBox(budget.source.cells[0], 18, [26.0, 254.8, 91.8, 278.8]);
    expectBox(budget.source.cells[1], 18, [684.0, 254.8, 749.8, 278.8]);
    // The ACTUAL record of the same row: every 决算数 is printed blank, so it read no cell — served
    // none, not its BUDGET neighbour's (#39: each record its own cells).
    const actual = data.document.threeCosts.find((t: { basis: string }) => t.basis === 'ACTUAL');
    expect(actual.source.line).toBe(budget.source.line);
    expect(actual.source.cells).toEqual([]);
    const { data: all } = await gql(`query($id: ID!) { document(id: $id) { threeCosts { basis source { cells(all: true) { index text read } } } } }`, { id: FINAL });
    const every = all.document.threeCosts.find((t: { basis: string }) => t.basis === 'ACTUAL').source.cells;
    expect(every).toHaveLength(12);
    expect(every.every((c: { read: boolean }) => c.read === false)).toBe(true);
  });

  it('an indicator of a target form is served the cells it read: its levels, name and value (page 31)', async () => {
    const { data: list } = await gql(`query($id: ID!) { document(id: $id) { projects { indicators { id name } } } }`, { id: TARGETS });
    const { id } = list.document.projects.flatMap((p: { indicators: unknown[] }) => p.indicators).find((i: { name: string }) => i.name === '规划建筑面积');
    const { data } = await gql(`query($id: ID!) { node(id: $id) { ... on Indicator { source { page cells(all: true) { index text read } } } } }`, { id });
    const indicator = data.node;
    expect(indicator.source.page).toBe(31);
    // Before (#39): read null in every cell, as for every indicator.
    expect(indicator.source.cells.map((c: { index: number; text: string; read: boolean }) => [c.index, c.text, c.read])).toEqual([
      [0, '绩效指标', false],
      [1, '产出指标', true],
      [2, '数量指标', true],
      [3, '规划建筑面积', true],
      [4, '', false],
      [5, '', false],
      [6, '≥13459.00(平方米)', true],
      [7, '', false],
    ]);
  });

  it('a 收支总表 row’s 收入 item and 支出 item are each served their own cells (page 10)', async () => {
    const cells = 'source { page cells(all: true) { index text read } }';
    const { data } = await gql(`query($id: ID!) { document(id: $id) { figures(family: INCOME_EXPENDITURE_SUMMARY) { item side value ${cells} } } }`, { id: TARGETS });
    const figureOf = (item: string) => data.document.figures.find((f: { item: string }) => f.item === item);
    const served = (f: { source: { cells: { index: number; text: string; read: boolean }[] } }) => f.source.cells.map((c) => [c.index, c.text, c.read]);
    const expenditure = figureOf('二、公共安全支出');
    expect([expenditure.side, expenditure.value, expenditure.source.page]).toEqual(['支出', '1,252,300', 10]);
    // Before (#39): read null in all four cells, both items served the whole row.
    expect(served(expenditure)).toEqual([
      [0, '1. 一般公共预算', false],
      [1, '164,978,640', false],
      [2, '二、公共安全支出', true],
      [3, '1,252,300', true],
    ]);
    const income = figureOf('1.一般公共预算');
    expect([income.side, income.value]).toEqual(['收入', '164,978,640']);
    expect(served(income).map(([, , read]: unknown[]) => read)).toEqual([true, true, false, false]);
  });

  it('a target form’s 年度资金申请总额 is served its label and amount, not the 项目资金总额 cells (page 31)', async () => {
    const { data } = await gql(`query($id: ID!) { document(id: $id) { figures(family: PERFORMANCE_TARGETS) { item value source { page cells { index text } } } } }`, { id: TARGETS });
    const figure = data.document.figures.find((f: { item: string; source: { page: number } }) => f.item === '年度资金申请总额' && f.source.page === 31);
    expect(figure.value).toBe('4,100,000.00');
    expect(figure.source.cells.map((c: { index: number; text: string }) => [c.index, c.text])).toEqual([
      [5, '年度资金申请总额'],
      [7, '4,100,000.00'],
    ]);
  });

  it('reads the places of a list of facts in one statement, not one per fact', async () => {
    const without = await gql(`query($id: ID!) { document(id: $id) { functionLines { code source { line } } } }`, { id: FINAL });
    const withPlaces = await gql(`query($id: ID!) { document(id: $id) { functionLines { code ${SOURCE} } } }`, { id: FINAL });
    expect(withPlaces.data.document.functionLines.length).toBeGreaterThan(10);
    expect(withPlaces.extensions!.cypherRoundTrips! - without.extensions!.cypherRoundTrips!).toBe(1);
  });
});

describe('a fact of a text', () => {
  it('has no page nor box without form feeds', async () => {
    const { data } = await gql(`query($id: ID!) { document(id: $id) { functionLines { ${SOURCE} } } }`, { id: TEXT });
    expect(data.document.functionLines.length).toBeGreaterThan(0);
    for (const l of data.document.functionLines) expect(l.source).toMatchObject({ page: null, box: null, cells: [] });
  });

  it('has the page its form feeds mark, and no box', async () => {
    const { data } = await gql(`query($id: ID!) { document(id: $id) { functionLines { ${SOURCE} } } }`, { id: FORM_FED });
    const sources = data.document.functionLines.map((l: { source: { line: number } }) => l.source);
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(s).toMatchObject({ page: s.line < FF_LINE ? 1 : 2, box: null, cells: [] });
  });
});

describe('Source.cells(all: true) of a form that prints personal data', () => {
  it('serves every cell of every fact of the form, and none holds a name, a number or an ID of a person', async () => {
    const cells = '{ source { line text cells(all: true) { index text read } } }';
    const { data } = await gql(`{ document(id: "personal-data-form") { figures ${cells} tableTotals ${cells} functionLines ${cells} projects { listings ${cells} } indicators ${cells} } }`);
    const served = JSON.stringify(data);
    // The form's facts are served with their cells (so the assertion below looks at something).
    expect(served).toMatch(/"cells":\[\{"index":0/);
    expect(served).not.toMatch(/柳如烟|林黛玉|薛宝钗|52564588|13912345678|28336292|13800138000|11010519491231002X|liu\.ruyan/);
  });
});

// aggregate(): exact sums by dimensions over the five bundled documents, no money counted twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startApi, type ApiFixture } from './helpers.js';
import { QueryRunner } from '../../src/db/run.js';
import { loadFiles } from '../../src/load/directory.js';

let api: ApiFixture;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.stop());

describe('aggregate', () => {
  it('answers the contract: 2010504 for 龙岗 per year, 1,590.00 in 2020 and 2,110.00 in 2024, one fact each', async () => {
    const res = await api.gql(`{ aggregate(measure: TOTAL, groupBy: [YEAR], filter: { department: "龙岗", code: "2010504" }) { total count documents reads cells { year amount count documents } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.aggregate).toMatchObject({ total: '3700.00', count: 2, documents: 2 });
    expect(res.data.aggregate.cells).toEqual([
      { year: 2020, amount: '1590.00', count: 1, documents: ['Document:000_5c682a4da5e2a113'] },
      { year: 2024, amount: '2110.00', count: 1, documents: ['Document:001_958a9ca9db32ab73'] },
    ]);
    expect(res.data.aggregate.reads).toMatch(/项 \(level 3\).*primary table/);
  });

  it('counts each document once although it prints the same 科目 in several tables: 龙岗 2020 is Σ of its 项, 6,927 (the table prints 6,928: a whole-万元 rounding the anomalies record)', async () => {
    const res = await api.gql(`{ aggregate(measure: TOTAL, filter: { department: "龙岗", year: 2020 }) { total count cells { amount } } }`);
    expect(res.data.aggregate).toMatchObject({ total: '6927.00', count: 11 });
  });

  it('says where a printed 类 differs from the sum of its 款: 龙岗 2020’s 302 prints 2,841, its 款 add up to 2,842', async () => {
    const res = await api.gql(`{ aggregate(measure: TOTAL, groupBy: [ECONOMIC_CLASS], filter: { department: "龙岗", year: 2020 }) { reads cells { code name amount printed printedDiffers printedSources { line } } } }`);
    expect(res.data.aggregate.reads).toMatch(/经济分类 款/);
    const cells = res.data.aggregate.cells as any[];
    expect(cells.find((c) => c.code === '302')).toEqual({ code: '302', name: '商品和服务支出', amount: '2842.00', printed: '2841.00', printedDiffers: true, printedSources: [{ line: 365 }] });
    expect(cells.filter((c) => c.printedDiffers).map((c) => c.code)).toEqual(['302']);
  });

  it('sums a 类 from its 项 and sets it beside the printed 类 line; sorts and pages the cells', async () => {
    const res = await api.gql(`{ aggregate(measure: ACTUAL_PROJECT, groupBy: [FUNCTION_CLASS], filter: { department: "坪山" }, orderBy: [{ field: AMOUNT, direction: DESC }], first: 2) { total groups cells { code name amount count printed printedDiffers printedSources { line } } } }`);
    expect(res.errors).toBeUndefined();
    // 坪山 2020's 项目支出 is the money trail's 21,345.80.
    expect(res.data.aggregate).toMatchObject({ total: '21345.80', groups: 6 });
    expect(res.data.aggregate.cells).toEqual([
      { code: '201', name: '一般公共服务支出', amount: '15910.72', count: 5, printed: '15910.72', printedDiffers: false, printedSources: [{ line: 169 }] },
      { code: '234', name: '抗疫特别国债安排的支出', amount: '3825.17', count: 1, printed: '3825.17', printedDiffers: false, printedSources: [{ line: 195 }] },
    ]);
  });

  it('reads each fund’s own table when grouped by FUND, and says where a document’s funds differ from its all-funds table by rounding', async () => {
    const res = await api.gql(`{ aggregate(measure: TOTAL, groupBy: [DEPARTMENT, FUND], filter: { year: 2024 }) { cells { department fund amount } } }`);
    expect(res.data.aggregate.cells).toContainEqual({ department: '深圳市政务服务和数据管理局', fund: '一般公共预算', amount: '44972.10' });
  });

  // 000 (龙岗 2020) lines 510-530, 部门预算绩效管理项目情况表: line 511 prints 4,545 for the
  // department, line 512 2,858 for 深圳市龙岗区政务服务数据管理局 over seven projects (lines 513-521:
  // 2,303 + 133 + 280 + 71 + 22 + 20 + 28 = 2,857), line 522 1,687 for 深圳市龙岗区大数据中心 over seven
  // (lines 523-530: 88 + 9 + 160 + 99 + 241 + 186 + 904 = 1,687). Its line tables print no unit.
  it('groups 项目支出 by 预算单位 as the project table prints them, says which table, and invents no 本级 (#38 item 2)', async () => {
    const res = await api.gql(`{ aggregate(measure: PROJECT, groupBy: [UNIT], filter: { department: "龙岗", year: 2020 }) { total unitSource cells { unit amount count printed printedDiffers printedSources { line } sourceTables documents } } }`);
    expect(res.errors).toBeUndefined();
    const a = res.data.aggregate;
    expect(a.unitSource).toMatch(/部门预算绩效管理项目情况表/);
    expect(a.cells).toEqual([
      { unit: '深圳市龙岗区大数据中心', amount: '1687.00', count: 7, printed: '1687.00', printedDiffers: false, printedSources: [{ line: 522 }], sourceTables: ['部门预算绩效管理项目情况表'], documents: ['Document:000_5c682a4da5e2a113'] },
      { unit: '深圳市龙岗区政务服务数据管理局', amount: '2857.00', count: 7, printed: '2858.00', printedDiffers: true, printedSources: [{ line: 512 }], sourceTables: ['部门预算绩效管理项目情况表'], documents: ['Document:000_5c682a4da5e2a113'] },
    ]);
    expect(a.total).toBe('4544.00');
    expect(JSON.stringify(a)).not.toMatch(/本级/);
  });

  it('answers that no table prints a measure by 预算单位 rather than giving the department’s money to a unit', async () => {
    const res = await api.gql(`{ aggregate(measure: TOTAL, groupBy: [UNIT], filter: { department: "龙岗", year: 2020 }) { total unitSource emptyBecause cells { unit amount } sources { used reason } } }`);
    expect(res.errors).toBeUndefined();
    const a = res.data.aggregate;
    expect(a.cells).toEqual([]);
    expect(a.unitSource).toMatch(/no table .* prints TOTAL by 预算单位/);
    expect(a.emptyBecause).toMatch(/department as a whole/);
    expect(a.sources).toEqual([{ used: false, reason: expect.stringMatching(/prints no table of TOTAL by 预算单位/) }]);
  });

  it('keeps two units’ projects of one name apart: 其他一般管理事务 is 2,303 under the department’s own unit (line 513) and 88 under 大数据中心 (line 523) (#38 item 3)', async () => {
    const res = await api.gql(`{ projects(filter: { name: "其他一般管理事务", department: "龙岗", year: 2020 }) { nodes { id name amount allocations { year amount source { line } } sameAs { rule } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = (res.data.projects.nodes as any[]).filter((p) => p.name === '其他一般管理事务');
    const lines2020 = nodes.map((p) => (p.allocations as any[]).filter((x) => x.year === 2020).map((x) => [x.amount, x.source.line])).sort();
    expect(lines2020).toEqual([[['2303.00', 513]], [['88.00', 523]]]);
    expect(nodes.map((p) => p.id).sort()).toEqual(['Project:龙岗区政务服务数据管理局|本级|其他一般管理事务', 'Project:龙岗区政务服务数据管理局|龙岗区大数据中心|其他一般管理事务']);
    // Two units' projects of one name are not "probably the same".
    for (const p of nodes) expect((p.sameAs as any[]).map((s) => s.rule)).not.toContain('SAME_NAME_NO_UNIT');
  });

  it('refuses two code dimensions and a page over 1,000 with what to do', async () => {
    const two = await api.gql(`{ aggregate(measure: TOTAL, groupBy: [FUNCTION_CLASS, ECONOMIC_ITEM]) { total } }`);
    expect(two.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(two.errors?.[0]?.message).toMatch(/one code dimension/);
    const big = await api.gql(`{ aggregate(measure: TOTAL, first: 5000) { total } }`);
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('sorted and filtered lists, paged both ways', () => {
  it('gives the largest projects of 2020 first, above an amount, with their amounts', async () => {
    const res = await api.gql(`{ projects(first: 3, orderBy: [{ field: AMOUNT, direction: DESC }], filter: { minAmount: "1000", yearFrom: 2020, yearTo: 2020 }) { totalCount nodes { name amount } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.projects.totalCount).toBe(7);
    expect(res.data.projects.nodes).toEqual([
      { name: '其他网信事务支出', amount: '4461.04' },
      { name: '区级温馨驿站项目', amount: '3825.1738' },
      { name: '视频资源智慧管理平台（二期）项目', amount: '3000.00' },
    ]);
  });

  it('pages backwards with last/before to the same rows forwards paging gives', async () => {
    const all = await api.gql(`{ projects(first: 100, orderBy: [{ field: NAME, direction: ASC }]) { totalCount nodes { id } } }`);
    const ids = (all.data.projects.nodes as any[]).map((n) => n.id);
    const tail = await api.gql(`{ projects(last: 5, orderBy: [{ field: NAME, direction: ASC }]) { pageInfo { hasPreviousPage hasNextPage startCursor } nodes { id } } }`);
    expect(tail.data.projects.nodes.map((n: any) => n.id)).toEqual(ids.slice(-5));
    expect(tail.data.projects.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = await api.gql(`query($c: String) { projects(last: 5, before: $c, orderBy: [{ field: NAME, direction: ASC }]) { pageInfo { hasPreviousPage } nodes { id } } }`, { c: tail.data.projects.pageInfo.startCursor });
    expect(before.data.projects.nodes.map((n: any) => n.id)).toEqual(ids.slice(-10, -5));
    const both = await api.gql(`{ projects(first: 5, last: 5) { totalCount } }`);
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('aggregate across budgets and final accounts, in one call', () => {
  it('totals by year for each department: every document in its own basis, 坪山 as spent and 大鹏 from its form, with the change from the earlier year', async () => {
    const res = await api.gql(`{ aggregate(measure: DOCUMENT_TOTAL, groupBy: [YEAR, DEPARTMENT]) {
      total cells { year department basis amount documents previousYear change changePercent } sources { used document { file } } } }`);
    expect(res.errors).toBeUndefined();
    const cells = res.data.aggregate.cells.map((c: any) => [c.year, c.department.replace(/深圳市|政务服务(和)?数据管理局/g, ''), c.basis, c.amount]);
    expect(cells).toEqual([
      [2020, '坪山区', 'ACTUAL', '22902.34'],
      [2020, '大鹏新区', 'BUDGET', '2866.89'],
      [2020, '龙岗区', 'BUDGET', '6928.00'],
      [2024, '', 'BUDGET', '44972.11'],
      [2024, '龙岗区', 'BUDGET', '6762.91'],
    ]);
    // Planned and spent money are never added into one total.
    expect(res.data.aggregate.total).toBeNull();
    expect(res.data.aggregate.cells[4]).toMatchObject({ previousYear: 2020, change: '-165.09', changePercent: '-2.38' });
    expect(res.data.aggregate.cells[0]).toMatchObject({ previousYear: null, change: null, documents: ['Document:004_977ad1fe0b13bb92'] });
    expect(res.data.aggregate.sources.every((s: any) => s.used)).toBe(true);
    expect(res.data.aggregate.sources).toHaveLength(5);
  });

  it('says why an answer is empty: a department with only final accounts has no budget figures', async () => {
    const res = await api.gql(`{ aggregate(measure: PROJECT, groupBy: [YEAR], filter: { department: "坪山" }) { total cells { amount } emptyBecause sources { used reason document { file } } } }`);
    expect(res.data.aggregate.cells).toEqual([]);
    expect(res.data.aggregate.emptyBecause).toMatch(/ACTUAL.*not BUDGET/);
    expect(res.data.aggregate.sources).toEqual([{ used: false, reason: expect.stringMatching(/ask ACTUAL or AS_PRINTED/), document: { file: '004_977ad1fe0b13bb92.txt' } }]);
    const none = await api.gql(`{ aggregate(measure: TOTAL, filter: { department: "※no such department※" }) { cells { amount } emptyBecause } }`);
    expect(none.data.aggregate.emptyBecause).toBe('no loaded document matches the filter');
  });

  it('AS_PRINTED reads lines in each document’s basis, split by BASIS; the filter nests and / or / not and takes departmentIn', async () => {
    const res = await api.gql(`{ aggregate(measure: AS_PRINTED, groupBy: [YEAR, DEPARTMENT], filter: { or: [{ department: "坪山" }, { department: "大鹏" }, { departmentIn: ["龙岗"], not: { year: 2024 } }] }) {
      cells { year basis amount } sources { used reason document { file } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.aggregate.cells).toEqual([
      { year: 2020, basis: 'ACTUAL', amount: expect.any(String) },
      { year: 2020, basis: 'BUDGET', amount: '6927.00' },
    ]);
    const dapeng = res.data.aggregate.sources.find((s: any) => s.document.file.startsWith('003'));
    expect(dapeng).toEqual({ used: false, reason: expect.stringMatching(/no FUNCTION classification table.*DOCUMENT_TOTAL/), document: { file: '003_beb2cb8da5a2afe3.txt' } });
    const bad = await api.gql(`{ aggregate(measure: DOCUMENT_TOTAL, groupBy: [FUNCTION_ITEM]) { total } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const nestedScheme = await api.gql(`{ aggregate(measure: TOTAL, filter: { or: [{ scheme: ECONOMIC }] }) { total } }`);
    expect(nestedScheme.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // 政府采购 items do not add up by 类 / 款 / 项: a sum over them is refused, not answered from the FUNCTION path.
    const procurement = await api.gql(`{ aggregate(measure: TOTAL, filter: { scheme: PROCUREMENT }) { total } }`);
    expect(procurement.status).toBe(400);
    expect(procurement.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(procurement.errors?.[0]?.message).toMatch(/classificationCode\(scheme: PROCUREMENT/);
    // The list filters' bounds hold here too: a filter that expands past 64 alternatives is refused before it runs.
    const wide = { and: [{ or: Array.from({ length: 9 }, (_, i) => ({ year: 2000 + i })) }, { or: Array.from({ length: 9 }, (_, i) => ({ department: `d${i}` })) }] };
    const tooWide = await api.gql(`query($f: AggregateFilter) { aggregate(measure: TOTAL, filter: $f) { total } }`, { f: wide });
    expect(tooWide.status).toBe(400);
    expect(tooWide.errors?.[0]?.message).toMatch(/more than 64 alternatives/);
  });
});

// data/000 (龙岗 2020) prints its classification tables for the department as a whole: 部门支出总表
// (line 246: 科目编码 科目名称 支出合计 基本支出 项目支出, no 预算单位 column) prints 2010504 信息事务
// 1,590 / 0 / 1,590 at line 258. data/001 (龙岗 2024) prints a 预算单位 column: its 一般公共预算支出表
// prints 深圳市龙岗区政务服务数据管理局（本级） at line 322 and 2010504 2,110.00 under it at line 328.
describe('a budget line of the department as a whole is no unit’s (#38 item 2)', () => {
  const FILE_000 = '000_5c682a4da5e2a113.txt';
  const fields = 'id total unit { name isSelf } source { line document { file } }';

  it('serves no unit for 000’s lines, read by code, by document and by id; 001’s lines keep the unit their table prints', async () => {
    const byCode = await api.gql(`{ classificationCode(code: "2010504") { lines { ${fields} } } }`);
    expect(byCode.errors).toBeUndefined();
    const lines = byCode.data.classificationCode.lines as any[];
    const at = (file: string, line: number) => lines.find((l) => l.source.document.file === file && l.source.line === line);
    expect(at(FILE_000, 258)).toMatchObject({ total: '1590.00', unit: null });
    expect(at('001_958a9ca9db32ab73.txt', 328)).toMatchObject({ total: '2110.00', unit: { isSelf: true } });
    // No line of 000 is any unit's: none of its tables prints one.
    expect(lines.filter((l) => l.source.document.file === FILE_000).map((l) => l.unit)).toEqual(lines.filter((l) => l.source.document.file === FILE_000).map(() => null));

    const bundle = await api.gql(`{ document(id: "${FILE_000}") { functionLines { ${fields} } } }`);
    expect(bundle.errors).toBeUndefined();
    const own = bundle.data.document.functionLines as any[];
    expect(own.length).toBeGreaterThan(30);
    expect(own.filter((l) => l.unit !== null)).toEqual([]);
    expect(own.find((l) => l.source.line === 258)).toMatchObject({ total: '1590.00', unit: null });

    const viaNode = await api.gql(`query($id: ID!) { node(id: $id) { ... on BudgetLine { ${fields} } } }`, { id: at(FILE_000, 258).id });
    expect(viaNode.errors).toBeUndefined();
    expect(viaNode.data.node).toMatchObject({ total: '1590.00', unit: null, source: { line: 258 } });

    const viaDocNode = await api.gql(`{ node(id: "Document:000_5c682a4da5e2a113") { ... on Document { functionLines { unit { name } source { line } } } } }`);
    expect(viaDocNode.errors).toBeUndefined();
    expect((viaDocNode.data.node.functionLines as any[]).filter((l) => l.unit !== null)).toEqual([]);
  });

  it('gives the money trail’s lines no unit where the table prints none (000), and the printed unit where it does (001)', async () => {
    const res = await api.gql(`{ a: moneyTrail(department: "龙岗", year: 2020) { lines { code unit projectMoney source { line } } } b: moneyTrail(department: "龙岗", year: 2024) { lines { code unit } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.a.lines).toContainEqual({ code: '2010504', unit: null, projectMoney: '1590.00', source: { line: 258 } });
    expect((res.data.a.lines as any[]).filter((l) => l.unit !== null)).toEqual([]);
    expect(res.data.b.lines).toContainEqual({ code: '2010504', unit: '深圳市龙岗区政务服务数据管理局（本级）' });
  });
});

// tests/fixtures/real: 上海市普陀区人民政府办公室 2025 publishes its 部门预算 (printed for the department as a
// whole: 支出 合计 91,016,775.35 元 = 基本 24,606,775.35 + 项目 66,410,000.00, pdftotext line 211) and its own
// unit's 单位预算 (cover line 3 预算单位：上海市普陀区人民政府办公室; the same 合计 at line 237: the 部门预算 says the
// department is its 本部 with one centre merged into it). The unit's money is inside the department's.
describe('a unit’s own document beside its department’s (#38 item 2)', () => {
  const DEPT = '上海市普陀区人民政府办公室25年预算.pdf';
  const UNIT = '上海市普陀区人民政府办公室单位25年预算.pdf';
  beforeAll(async () => {
    const reports = await loadFiles(new QueryRunner(api.db), [DEPT, UNIT].map((f) => join('tests/fixtures/real', f)));
    expect(reports.map((r) => r.status)).toEqual(['LOADED', 'LOADED']);
  }, 300_000);

  it('counts the department’s money once: its 部门预算, not again its unit’s 单位预算, and says why the unit’s is left out', async () => {
    const res = await api.gql(`{ aggregate(measure: TOTAL, groupBy: [DEPARTMENT], filter: { department: "普陀区人民政府办公室", year: 2025 }) { total cells { department amount documents } sources { document { file } used reason } } }`);
    expect(res.errors).toBeUndefined();
    const a = res.data.aggregate;
    expect(a.total).toBe('9101.677535');
    expect(a.cells).toEqual([{ department: '上海市普陀区人民政府办公室', amount: '9101.677535', documents: [`Document:${DEPT.replace(/\.pdf$/, '')}`] }]);
    const unit = (a.sources as any[]).find((s) => s.document.file === UNIT);
    expect(unit).toMatchObject({ used: false });
    expect(unit.reason).toMatch(/within the department’s 上海市普陀区人民政府办公室25年预算\.pdf/);
    // The headline totals likewise: the 部门预算's 91,016,775.35 once.
    const totals = await api.gql(`{ aggregate(measure: DOCUMENT_TOTAL, groupBy: [DEPARTMENT], filter: { department: "普陀区人民政府办公室", year: 2025 }) { total cells { documents } } }`);
    expect(totals.errors).toBeUndefined();
    expect(totals.data.aggregate).toEqual({ total: '9101.677535', cells: [{ documents: [`Document:${DEPT.replace(/\.pdf$/, '')}`] }] });
  });

  it('gives the unit its own document’s money by UNIT, saying the document is the unit’s, and the department’s whole table to no unit', async () => {
    const res = await api.gql(`{ aggregate(measure: PROJECT, groupBy: [UNIT], filter: { department: "普陀区人民政府办公室", year: 2025 }) { total unitSource cells { unit amount documents sourceTables } } }`);
    expect(res.errors).toBeUndefined();
    const a = res.data.aggregate;
    expect(a.cells).toEqual([{ unit: '上海市普陀区人民政府办公室', amount: '6641.00', documents: [`Document:${UNIT.replace(/\.pdf$/, '')}`], sourceTables: [expect.stringMatching(/unit’s own document/)] }]);
    expect(a.unitSource).toMatch(/unit’s own document \(上海市普陀区人民政府办公室\)/);
  });

  // The 部门预算 prints no 预算单位 anywhere: its 部门支出预算总表 (pdftotext -layout line 170) is the
  // department's whole, and its prose lists "…-行政运行”科目1,202.95万元" (line 79) for the department.
  // The 单位预算 is its unit's (cover 预算单位：上海市普陀区人民政府办公室).
  it('links the department’s projects and 合计 rows to no unit and lists no invented 本级 for it; its unit’s document keeps the unit', async () => {
    const docId = (file: string) => file.replace(/\.pdf$/, '');
    const fields = 'units { name isSelf } projects { name amount unit { name } project { id } }';
    const res = await api.gql(`{ a: document(id: "${docId(DEPT)}") { ${fields} } b: document(id: "${docId(UNIT)}") { ${fields} } }`);
    expect(res.errors).toBeUndefined();
    const { a, b } = res.data;
    expect(a.units).toEqual([]);
    const projects = a.projects as any[];
    expect(projects.find((p) => p.name.includes('行政运行') && p.amount === '1202.95')).toMatchObject({ unit: null });
    expect(projects.filter((p) => p.unit !== null)).toEqual([]);
    // Its lineage keeps the year (no unit step: none is printed), where the unit MATCH dropped it.
    const lineage = await api.gql(`query($id: ID!) { lineage(projectId: $id) { allocations { amount unit { name } } steps { kind name amount } } }`, { id: projects.find((p) => p.name.includes('行政运行') && p.amount === '1202.95').project.id });
    expect(lineage.errors).toBeUndefined();
    expect(lineage.data.lineage.allocations).toContainEqual({ amount: '1202.95', unit: null });
    expect((lineage.data.lineage.steps as any[]).filter((st) => st.kind === 'UNIT')).toEqual([]);
    expect(lineage.data.lineage.steps).toContainEqual(expect.objectContaining({ kind: 'PROJECT', amount: '1202.95' }));
    expect(b.units).toEqual([{ name: '上海市普陀区人民政府办公室', isSelf: true }]);
    expect((b.projects as any[]).length).toBeGreaterThan(0);
    expect((b.projects as any[]).filter((p) => p.unit?.name !== '上海市普陀区人民政府办公室')).toEqual([]);

    // 合计 rows: the department's whole tables hang on no unit; the unit's document's on its unit.
    const totals = async (file: string) =>
      (await api.db.driver.executeQuery('MATCH (t:TableTotal {documentId: $id}) RETURN toString(t.totalFen) AS fen, EXISTS { (t)-[:FOR_UNIT]->(:BudgetUnit) } AS linked', { id: docId(file) }, { database: api.db.database })).records.map((r) => ({ fen: r.get('fen'), linked: r.get('linked') }));
    const own = await totals(DEPT);
    // 91,016,775.35 元 = 9,101,677,535 fen.
    expect(own).toContainEqual({ fen: '9101677535', linked: false });
    expect(own.filter((t) => t.linked)).toEqual([]);
    const unit = await totals(UNIT);
    expect(unit).toContainEqual({ fen: '9101677535', linked: true });
    expect(unit.filter((t) => !t.linked)).toEqual([]);
  });
});

// The structure stage (#37 item 2): given a table as printed, the roles of its columns and rows —
// code (or its parts 类 | 款 | 项 joined into the full code), name, amounts by meaning — read once
// per table (src/parse/structure/). The tables are written here from printed pages: a Shanghai
// 类 | 款 | 项 table from tests/fixtures/real/ (page image at -r 80), Shenzhen tables from data/000's lines.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClassification } from '../../src/parse/classification.js';
import { layout } from '../../src/parse/layout.js';
import { PARSE_PIPELINE } from '../../src/parse/pipeline.js';
import type { Diagnostic } from '../../src/parse/records.js';
import { roleOfPath, structureOf } from '../../src/parse/structure/index.js';
import { threeCostsFromTable } from '../../src/parse/three-costs.js';

const table = (lines: string[]) => layout(lines.join('\n')).tables[0]!;

/**
 * 上海市普陀区人民政府办公室25年预算.pdf p. 14, 2025年部门一般公共预算支出功能分类预算表 (单位：元): 项目 spans
 * 功能分类科目编码 (类 | 款 | 项) and 功能分类科目名称; 一般公共预算支出 spans 合计 | 基本支出 | 项目支出. Every
 * code row prints its 类; 一般行政管理事务 prints 基本支出 blank.
 */
const SHANGHAI_P14 = [
  '2025年部门一般公共预算支出功能分类预算表',
  '编制部门：上海市普陀区人民政府办公室\t单位：元',
  '项目\t\t\t\t一般公共预算支出',
  '功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出',
  '类\t款\t项',
  '201\t\t\t一般公共服务支出\t82,096,797.42\t15,686,797.42\t66,410,000.00',
  '201\t03\t\t政府办公厅（室）及相关机构事务\t82,096,797.42\t15,686,797.42\t66,410,000.00',
  '201\t03\t01\t行政运行\t12,029,501.84\t11,919,501.84\t110,000.00',
  '201\t03\t02\t一般行政管理事务\t46,140,000.00\t\t46,140,000.00',
  '208\t\t\t社会保障和就业支出\t4,213,779.28\t4,213,779.28',
  '208\t05\t\t行政事业单位养老支出\t4,213,779.28\t4,213,779.28',
  '208\t05\t01\t行政单位离退休\t1,554,220.00\t1,554,220.00',
];

describe('a Shanghai table printing its codes in cells 类 | 款 | 项', () => {
  const t = table(SHANGHAI_P14);
  const s = structureOf(t, '元');

  it('gives each column its role from the header paths: the code parts, the name, 合计 / 基本支出 / 项目支出', () => {
    expect(s.columns).toMatchObject({
      CODE_CLASS: { index: 0 },
      CODE_SECTION: { index: 1 },
      CODE_ITEM: { index: 2 },
      NAME: { index: 3, path: '功能分类科目名称' },
      TOTAL: { index: 4, path: '一般公共预算支出/合计' },
      BASIC: { index: 5, path: '一般公共预算支出/基本支出' },
      PROJECT: { index: 6, path: '一般公共预算支出/项目支出' },
    });
    expect(s.coded?.parts).toBe(3);
  });

  it('joins the parts into the full code whatever cells they are printed in, and gives each row its role', () => {
    const data = s.coded!.rows.filter((r) => r.role === 'DATA');
    expect(data.map((r) => r.blocks!.map((b) => `${b.code} ${t.rows.find((x) => x === r.row)!.cells[b.nameAt]}`)).flat()).toEqual([
      '201 一般公共服务支出',
      '20103 政府办公厅（室）及相关机构事务',
      '2010301 行政运行',
      '2010302 一般行政管理事务',
      '208 社会保障和就业支出',
      '20805 行政事业单位养老支出',
      '2080501 行政单位离退休',
    ]);
    expect(s.rows.filter((r) => r.role === 'HEADER')).toHaveLength(3);
  });

  it('a continuation row that leaves its 类 cell blank (a page break, 03 | 02 printed) takes the 类 of the code row above, and says so', () => {
    const lines = [...SHANGHAI_P14.slice(0, 8), '\t03\t02\t一般行政管理事务\t46,140,000.00\t\t46,140,000.00', ...SHANGHAI_P14.slice(9)];
    const diagnostics: Diagnostic[] = [];
    const read = extractClassification(table(lines), 'p14.pdf', '元', 'BUDGET', diagnostics);
    expect(read.lines.map((l) => l.code)).toEqual(['201', '20103', '2010301', '2010302', '208', '20805', '2080501']);
    const line = read.lines.find((l) => l.code === '2010302')!;
    // 46,140,000.00 元 in 合计 and 项目支出, as printed.
    expect(line).toMatchObject({ name: '一般行政管理事务', level: 3, total: 4_614_000_000n, project: 4_614_000_000n });
    expect(diagnostics).toContainEqual(expect.objectContaining({ level: 'INFO', code: 'CODE_CLASS_CARRIED', line: 9 }));
  });

  it('a blank 基本支出 cell is no amount (p. 14: 一般行政管理事务 prints 合计 and 项目支出 46,140,000.00, 基本支出 blank)', () => {
    const read = extractClassification(t, 'p14.pdf', '元', 'BUDGET', []);
    expect(read.lines.find((l) => l.code === '2010302')).toMatchObject({ total: 4_614_000_000n, basic: null, project: 4_614_000_000n });
    // A cell printed blank at the end of the row (208's 项目支出) was already none.
    expect(read.lines.find((l) => l.code === '208')).toMatchObject({ basic: 421_377_928n, project: null });
  });

  it('a blank 决算数 of a block printed side by side is no amount (上海市普陀区财政局2024年度部门决算.pdf p. 16: 奖金, 伙食补助费 blank; 手续费 0.09)', () => {
    const p16 = table([
      '一般公共预算财政拨款基本支出决算表',
      '单位：万元',
      '经济分类\t\t科目名称\t决算数\t经济分类\t\t科目名称\t决算数',
      '科目编码\t\t\t\t科目编码',
      '类\t款\t\t\t类\t款',
      '301\t\t工资福利支出\t2,082.85\t302\t\t商品和服务支出\t171.07',
      '301\t03\t奖金\t\t302\t03\t咨询费',
      '301\t06\t伙食补助费\t\t302\t04\t手续费\t0.09',
    ]);
    // 万元 to fen: 2,082.85 万元 = 2,082,850,000 fen; 0.09 万元 = 90,000 fen.
    const read = extractClassification(p16, 'p16.pdf', '万元', 'ACTUAL', []);
    expect(read.lines.map((l) => [l.code, l.name, l.total])).toEqual([
      ['301', '工资福利支出', 2_082_850_000n],
      ['302', '商品和服务支出', 171_070_000n],
      ['30103', '奖金', null],
      ['30203', '咨询费', null],
      ['30106', '伙食补助费', null],
      ['30204', '手续费', 90_000n],
    ]);
  });

  it('a 类 cell misprinted as the 类 above in look-alike characters ("2O1" under 201) is read as that 类, with a WARNING; another 类 is not guessed', () => {
    const lines = [...SHANGHAI_P14.slice(0, 8), '2O1\t03\t02\t一般行政管理事务\t46,140,000.00\t\t46,140,000.00', '2O8\t05\t\t行政事业单位养老支出\t4,213,779.28\t4,213,779.28'];
    const diagnostics: Diagnostic[] = [];
    const read = extractClassification(table(lines), 'p14.pdf', '元', 'BUDGET', diagnostics);
    expect(read.lines.map((l) => l.code)).toEqual(['201', '20103', '2010301', '2010302']);
    expect(diagnostics).toContainEqual(expect.objectContaining({ level: 'WARNING', code: 'CODE_CLASS_CARRIED', line: 9 }));
    // 2O8 | 05 | 行政事业单位养老支出 is no line, and says so with its line.
    expect(diagnostics).toContainEqual(expect.objectContaining({ level: 'WARNING', code: 'CODE_UNREADABLE', line: 10 }));
  });

  it('never carries a 类 into a row printing bare numbers there (行次, no name after them)', () => {
    const lines = [...SHANGHAI_P14.slice(0, 8), '\t03\t\t12\t46,140,000.00'];
    const s2 = structureOf(table(lines), '元');
    expect(s2.coded!.rows.at(-1)!.role).not.toBe('DATA');
  });

  it('the 合计 row of the page is a TOTAL row', () => {
    const s3 = structureOf(table([...SHANGHAI_P14, '合计\t\t\t\t91,016,775.35\t24,606,775.35\t66,410,000.00']), '元');
    expect(s3.rows.at(-1)).toEqual({ line: SHANGHAI_P14.length + 1, role: 'TOTAL' });
  });
});

const dataDir = join(import.meta.dirname, '../../data');
const file = readdirSync(dataDir).find((f) => f.startsWith('000_'))!;
const text = readFileSync(join(dataDir, file), 'utf8');
const line = (n: number) => text.split('\n')[n - 1]!;

describe('Shenzhen tables as data/000 prints them', () => {
  it('部门支出总表 (lines 249-254): 科目编码 one cell, 支出合计 the total, then 基本支出 and 项目支出; 合计 a TOTAL row', () => {
    const lines = [243, 249, 250, 251, 252, 253, 254].map(line);
    expect(lines[1]!.split('\t')).toEqual(['科目编码', '科目名称', '支出合计', '基本支出', '项目支出']);
    const s = structureOf(table(lines));
    expect(s.columns).toMatchObject({ CODE: { index: 0 }, NAME: { index: 1 }, TOTAL: { index: 2, path: '支出合计' }, BASIC: { index: 3 }, PROJECT: { index: 4 } });
    expect(s.rows.map((r) => r.role)).toEqual(['HEADER', 'TOTAL', 'DATA', 'DATA', 'DATA', 'DATA']);
    expect(s.coded!.rows.filter((r) => r.role === 'DATA').map((r) => r.blocks![0]!.code)).toEqual(['201', '20103', '2010301', '2010302']);
  });

  it('一般公共预算“三公”经费支出表 (lines 408-417): each figure by role, 公务用车 as 小计 | 购置费 | 运行维护费, one row a year', () => {
    const lines = [408, 414, 415, 416, 417].map(line);
    expect(lines[1]!.split('\t')).toEqual(['年度', '合计', '因公出国（境）费', '公务接待费', '公务用车购置及运行维护费', '', '']);
    expect(lines[3]!.split('\t')).toEqual(['2019年', '23.20', '0.00', '13.00', '10.20', '0.00', '10.20']);
    const t = table(lines);
    const s = structureOf(t);
    expect(s.threeCosts!.order).toEqual(['TOTAL', 'ABROAD', 'RECEPTION', 'VEHICLES', 'VEHICLE_PURCHASE', 'VEHICLE_RUNNING']);
    expect(s.threeCosts!.rows.map((r) => r.year)).toEqual([2019, 2020]);
    // The header paths say the same by meaning: 小计 under 公务用车购置及运行维护费 is the vehicles' total.
    expect(s.columns).toMatchObject({ TOTAL: { index: 1 }, ABROAD: { index: 2 }, RECEPTION: { index: 3 }, VEHICLES: { index: 4 }, VEHICLE_PURCHASE: { index: 5 }, VEHICLE_RUNNING: { index: 6 } });
    // 23.20 万元 = 23,200,000 fen.
    const [y2019] = threeCostsFromTable(t, file, '万元', 2020, false, s.threeCosts!);
    expect(y2019).toMatchObject({ year: 2019, total: 23_200_000n, abroad: 0n, reception: 13_000_000n, vehicles: 10_200_000n, vehiclePurchase: 0n, vehicleRunning: 10_200_000n });
  });

  it('--stage=structure shows each table’s roles (部门支出总表, line 243)', () => {
    const shown = PARSE_PIPELINE.show({ text, file, sourceNotes: [] }, 'structure') as { tables: { titleLine: number; structure: { columns: Record<string, unknown>; rows: { line: number; role: string }[] } }[] };
    const t = shown.tables.find((x) => x.titleLine === 243)!;
    expect(t.structure.columns).toMatchObject({ TOTAL: { index: 2, path: '支出合计' }, BASIC: { index: 3, path: '基本支出' } });
    expect(t.structure.rows.find((r) => r.line === 250)).toEqual({ line: 250, role: 'TOTAL' });
  });
});

describe('roles from header paths', () => {
  it('by the meaning of the last label, a 小计 taking the role of the label it is under', () => {
    expect(roleOfPath('本年收入/财政拨款/小计')).toBe('TOTAL');
    expect(roleOfPath('公务用车购置及运行费/小计')).toBe('VEHICLES');
    expect(roleOfPath('基本支出/人员经费')).toBe('PERSONNEL');
    expect(roleOfPath('基本支出/公用经费')).toBe('PUBLIC');
    expect(roleOfPath('年初预算数')).toBe('YEAR_START');
    expect(roleOfPath('调整预算数')).toBe('ADJUSTED');
    expect(roleOfPath('决算数')).toBe('ACTUAL');
    expect(roleOfPath('栏次')).toBe('LINE_NO');
    expect(roleOfPath('项目/功能分类科目编码/类')).toBe('CODE_CLASS');
    expect(roleOfPath('备注')).toBeNull();
  });
});

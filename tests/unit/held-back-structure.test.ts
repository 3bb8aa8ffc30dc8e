// Mechanisms the held-back real documents of tests/fixtures/real showed read wrong (issue #37), each
// tested from the printed lines of the page that shows it (pdftoppm -r 80 of that page beside it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { parseDocument } from '../../src/parse/index.js';
import { extractClassification } from '../../src/parse/classification.js';
import { layout, type Row, type Table } from '../../src/parse/layout.js';
import { threeCostsFromTable } from '../../src/parse/three-costs.js';
import { projectsFromProse } from '../../src/parse/projects.js';
import type { Diagnostic } from '../../src/parse/records.js';

const table = (lines: string[]) => layout(lines.join('\n')).tables[0]!;

describe('a 款 printed as one digit (上海市普陀区人民政府万里街道办事处24年预算.pdf p. 29)', () => {
  // The page prints 301 | 2 | 津贴补贴 and 301 | 7 | 绩效工资 between 301 | 01 and 301 | 08: the
  // 款 cell lost its leading zero. Read as printed before, 津贴补贴 and 绩效工资 were no lines of their
  // own but "301" again, named "2" and "7", and 301 was said to be named three ways.
  const P29 = [
    '2024年部门一般公共预算基本支出部门预算经济分类预算表',
    '编制部门：上海市普陀区人民政府万里街道办事处\t单位：元',
    '项目\t\t\t一般公共预算基本支出',
    '部门预算经济分类科目编码\t\t经济分类科目名称\t合计\t人员经费\t公用经费',
    '类\t款',
    '301\t\t工资福利支出\t88,282,511\t88,282,511\t0',
    '301\t01\t基本工资\t5,873,551\t5,873,551\t0',
    '301\t2\t津贴补贴\t16,623,810\t16,623,810\t0',
    '301\t7\t绩效工资\t11,447,100\t11,447,100\t0',
    '301\t08\t机关事业单位基本养老保险缴费\t4,608,515\t4,608,515\t0',
  ];

  it('reads 30102 津贴补贴 and 30107 绩效工资 with their amounts, and says each zero it supplied with its line', () => {
    const diagnostics: Diagnostic[] = [];
    const read = extractClassification(table(P29), 'p29.pdf', '元', 'BUDGET', diagnostics);
    expect(read.lines.map((l) => [l.code, l.name, l.total])).toEqual([
      ['301', '工资福利支出', 8_828_251_100n],
      ['30101', '基本工资', 587_355_100n],
      ['30102', '津贴补贴', 1_662_381_000n],
      ['30107', '绩效工资', 1_144_710_000n],
      ['30108', '机关事业单位基本养老保险缴费', 460_851_500n],
    ]);
    expect(diagnostics.filter((d) => d.code === 'CODE_PART_PADDED').map((d) => [d.level, d.line])).toEqual([
      ['INFO', 8],
      ['INFO', 9],
    ]);
  });

  it('takes no lone digit for a 款 when no name follows it (a bare number there is no code part)', () => {
    const read = extractClassification(table([...P29.slice(0, 5), '301\t2\t16,623,810\t16,623,810\t0']), 'p29.pdf', '元', 'BUDGET', []);
    expect(read.lines.map((l) => l.code)).not.toContain('30102');
  });
});

describe('a 三公 year row printing fewer than four numbers beside full rows (data/000 表八, lines 414-417)', () => {
  // data/000 表八 prints 年度 | 合计 | 因公出国（境）费 | 公务接待费 | 公务用车购置及运行维护费 (小计 |
  // 公务用车购置费 | 公务用车运行维护费), then 2019年 and 2020年 with every cell printed. Printed with
  // 2020's zero cells blank and only its vehicles spent, the row prints three numbers: it was taken
  // for a header row and lost without a word (no 2020 record, no diagnostic).
  const FILE = '000_5c682a4da5e2a113.txt';
  const WAN = 1_000_000n;
  const printedWith = (row2020: string) => {
    const lines = readFileSync(join(projectRoot, 'data', FILE), 'utf8').split('\n');
    expect(lines[416]).toBe('2020年\t19.50\t0.00\t6.00\t13.50\t0.00\t13.50');
    lines[416] = row2020;
    return parseDocument(lines.join('\n'), FILE);
  };

  it('reads it by column where it prints every cell of the header: 合计 13.50, 因公出国 and 公务接待 blank, 用车 13.50 (购置 blank, 运行维护 13.50)', () => {
    const doc = printedWith('2020年\t13.50\t\t\t13.50\t\t13.50');
    const rows = doc.threeCosts.filter((t) => t.origin === 'TABLE' && t.year === 2020);
    expect(rows.map(({ total, abroad, reception, vehicles, vehiclePurchase, vehicleRunning }) => ({ total, abroad, reception, vehicles, vehiclePurchase, vehicleRunning }))).toEqual([
      { total: 1350n * WAN / 100n, abroad: null, reception: null, vehicles: 1350n * WAN / 100n, vehiclePurchase: null, vehicleRunning: 1350n * WAN / 100n },
    ]);
    expect(rows[0]!.source.line).toBe(417);
    // 2019 is read as before.
    expect(doc.threeCosts.find((t) => t.origin === 'TABLE' && t.year === 2019)).toMatchObject({ total: 2320n * WAN / 100n, reception: 13n * WAN });
  });

  it('says a row whose cells cannot be placed (its trailing cells not printed) with its line, and reads no figure of it', () => {
    const doc = printedWith('2020年\t13.50\t\t\t13.50');
    expect(doc.threeCosts.filter((t) => t.origin === 'TABLE' && t.year === 2020)).toEqual([]);
    expect(doc.diagnostics.filter((d) => d.code === 'THREE_COSTS_ROW_UNPLACED').map((d) => [d.level, d.line])).toEqual([['WARNING', 417]]);
  });
});

describe('a budget’s 财政拨款支出主要内容 is no project list (上海市普陀区商务委员会25年预算.pdf p. 7)', () => {
  // p. 7 prints under 财政拨款支出主要内容如下 one item per 项 of the function tables, each naming its
  // 类 / 款 / 项: they were read as projects named after a function line (12 of the 16 items).
  const P7 = [
    '1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要用于机关行政运行和机关人员经费支出 。',
    '5. “科学技术支出（类）科技条件与服务（款）科技条件专项（项）”1,720.00万元，主要用于政策扶持资金支出。',
  ];

  it('reads none of its items as a project, and still reads a project list item that names no 类 / 款 / 项', () => {
    const prose = [...P7, '3. 政务服务管理 361.80 万元，主要用于政务服务中心运行'].map((text, i) => ({ line: i + 1, text, heading: false }));
    expect(projectsFromProse(prose, 'p7.pdf', '万元').map((p) => [p.name, p.amount])).toEqual([['政务服务管理', 361_800_000n]]);
  });
});

describe('a ruled 三公 year row whose trailing blank cells were not kept', () => {
  // The same 表八 as a PDF's ruled grid gives it: every printed cell has its box (spanStart), blank
  // ones too, and layout keeps no trailing blank cell. 2020年 | 13.50 | | | 13.50 then ends at 小计:
  // its 购置费 and 运行维护费 cells are printed blank, not lost, and each figure is in its column.
  const ruled = (line: number, cells: string[]): Row => ({ line, cells, text: cells.join('\t'), spanStart: cells.map((_, i) => i) });
  const table: Table = {
    title: '“三公”经费预算表',
    number: null,
    titleLine: 1,
    preamble: [],
    rows: [
      ruled(2, ['年度', '合计', '因公出国（境）费', '公务接待费', '公务用车购置及运行维护费', '', '']),
      ruled(3, ['', '', '', '', '小计', '公务用车购置费', '公务用车运行维护费']),
      ruled(4, ['2019年', '23.20', '0.00', '13.00', '10.20', '0.00', '10.20']),
      ruled(5, ['2020年', '13.50', '', '', '13.50']),
    ],
  };

  it('reads 2020 by column: 合计 13.50, 小计 13.50, the rest blank; said as nothing unplaced', () => {
    const diagnostics: Diagnostic[] = [];
    const read = threeCostsFromTable(table, 'x.pdf', '万元', 2020, false, undefined, diagnostics);
    expect(read.filter((t) => t.year === 2020).map(({ total, abroad, reception, vehicles, vehiclePurchase, vehicleRunning }) => [total, abroad, reception, vehicles, vehiclePurchase, vehicleRunning])).toEqual([[13_500_000n, null, null, 13_500_000n, null, null]]);
    expect(diagnostics.filter((d) => d.code === 'THREE_COSTS_ROW_UNPLACED')).toEqual([]);
  });

  it('without the grid’s boxes the same row is not placed: said with its line, no figure read', () => {
    const plain = { ...table, rows: table.rows.map(({ spanStart: _, ...r }) => r) };
    const diagnostics: Diagnostic[] = [];
    const read = threeCostsFromTable(plain, 'x.pdf', '万元', 2020, false, undefined, diagnostics);
    expect(read.filter((t) => t.year === 2020)).toEqual([]);
    expect(diagnostics.filter((d) => d.code === 'THREE_COSTS_ROW_UNPLACED').map((d) => d.line)).toEqual([5]);
  });
});

describe('a table of contents entry naming a table titles no rows (上海市普陀区规划和自然资源局 2024 年度部门决算.pdf p. 2)', () => {
  // p. 2 (目录) lists the nine tables, the last 九、国有资本经营预算财政拨款收入支出决算表, then 第三部分's
  // fifteen short entries; p. 3 opens with 第一部分 | 上海市普陀区规划和自然资源局概况, two cells on one line.
  // The TOC's last table entry was taken for the title of that line's "table": a tenth 决算 table.
  const TOC = [
    '八、政府性基金预算财政拨款收入支出决算表',
    '九、国有资本经营预算财政拨款收入支出决算表',
    '第三部分上海市普陀区规划和自然资源局 2024 年度部门决算',
    '情况说明',
    '一、收入支出决算总体情况说明',
    '二、收入决算情况说明',
    '三、支出决算情况说明',
    '四、财政拨款收入支出决算总体情况说明',
    '五、一般公共预算财政拨款支出决算情况说明',
    '十一、其他重要事项说明',
    '第四部分名词解释',
    '',
    '第一部分\t上海市普陀区规划和自然资源局概况',
  ];

  it('takes the two-cell line for no table of the TOC', () => {
    expect(layout(TOC.join('\n')).tables.map((t) => t.title).filter((t) => t.includes('决算表'))).toEqual([]);
  });

  it('still titles rows a few short lines under their title (a 单位 line, a note)', () => {
    const lines = ['国有资本经营预算财政拨款收入支出决算表', '单位：万元', '注：本表无数据', '项目\t合计', '合计\t0.00'];
    expect(layout(lines.join('\n')).tables.map((t) => t.title)).toEqual(['国有资本经营预算财政拨款收入支出决算表']);
  });
});

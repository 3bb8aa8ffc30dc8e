// Issue #38 item 4: facts the readers lost or hung on the wrong project. Each fixture is lines
// copied from a bundled Shenzhen document (data/*.txt); the expected names and amounts are
// copied from those lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layout } from '../../src/parse/layout.js';
import { projectsFromKeyTable, projectsFromSelfEvaluations, projectsFromTargetForm, selfEvaluationsFromProse } from '../../src/parse/projects.js';
import type { Diagnostic } from '../../src/parse/records.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');
// "616.34" 万元 → fen, by digits (two decimals), never through a float.
const fen = (wan: string) => BigInt(wan.replace(/,/g, '').replace('.', '')) * 10_000n;

describe('整体支出绩效目标申报表: every 任务名称 row is a project (data/003 lines 3-18)', () => {
  const table = layout(fixture('whole-target-form-running-task.txt')).tables[0]!;
  const projects = projectsFromTargetForm(table, 'f.txt', '万元');

  it('keeps the task 机构运行保障 616.34 (line 14 of 003) with its 主要内容 and funds', () => {
    const task = projects.find((p) => p.name === '机构运行保障');
    expect(task).toMatchObject({ amount: fen('616.34'), parent: null, sourceKind: 'TARGET_FORM' });
    expect(task!.goal).toMatch(/^按2020年工作安排,完成我局正常运行保障工作/);
    expect(task!.funding!.map((f) => [f.source, f.budget])).toEqual([['财政拨款', fen('616.34')], ['其他资金', 0n]]);
    expect(task!.source.line).toBe(12); // line 14 of 003, line 12 of the fixture
  });

  it('reads the seven tasks, which add up to the 金额合计 2,866.89 the form prints', () => {
    expect(projects.map((p) => [p.name, p.amount])).toEqual([
      ['科学技术管理事务', fen('98.00')],
      ['政务服务事务', fen('725.42')],
      ['政府投资项目', fen('201.15')],
      ['一般管理事务', fen('516.37')],
      ['机构运行保障', fen('616.34')],
      ['信息事务', fen('674.61')],
      ['财政专项资金', fen('35.00')],
    ]);
    expect(projects.reduce((s, p) => s + p.amount!, 0n)).toBe(fen('2,866.89'));
  });
});

describe('重点项目 table: a row whose name is not printed keeps its goal text (data/002 lines 130-194)', () => {
  const table = layout(fixture('key-project-table-nameless-row.txt')).tables[0]!;
  const diagnostics: Diagnostic[] = [];
  const projects = projectsFromKeyTable(table, 'f.txt', '万元', diagnostics);
  // Fixture line n is line n + 129 of 002.

  it('leaves 预算准备金 304.00 with its own two lines of goal (lines 166-167), not the next row\'s (lines 168-190)', () => {
    const reserve = projects.find((p) => p.name === '预算准备金')!;
    expect(reserve.amount).toBe(fen('304.00'));
    expect(reserve.goal).toBe('根据 2024 年的实际需求,灵活安排,解· 决我局工作中遇到的资金困难。');
    expect(projects.some((p) => /加强评估项目的信创可行性|民生诉求培训体系/.test(p.goal ?? ''))).toBe(false);
  });

  it('names no project with the row\'s amount 20,439.03 and says so on line 168, the goal text with it', () => {
    expect(projects.some((p) => p.amount === fen('20,439.03'))).toBe(false);
    const missing = diagnostics.find((d) => d.code === 'PROJECT_NAME_MISSING' && d.line + 129 === 168);
    expect(missing).toBeDefined();
    expect(missing!.message).toMatch(/1\. 加强评估项目的信创可行性/);
  });

  it('still reads the rows around it: 信息化运维项目 1,555.39 and 综合管理 1,915.51 with their goals', () => {
    expect(projects.map((p) => [p.name, p.amount])).toEqual([
      ['信息化服务类项目(非运维服务部分)', fen('11,452.25')],
      ['信息化新建项目(非政府投资项目)', fen('5,314.40')],
      ['信息化运维项目', fen('1,555.39')],
      ['预算准备金', fen('304.00')],
      ['综合管理', fen('1,915.51')],
    ]);
    expect(projects.find((p) => p.name === '综合管理')!.goal).toMatch(/^1\. 不断提升政务服务事项集中进驻率和综合受理率。/);
  });
});

describe('自评综述 wrapped over a blank line (data/004 lines 512-514, 646-648, 680-682)', () => {
  const prose = layout(fixture('self-evaluation-prose-wrapped.txt')).prose;
  const evaluations = selfEvaluationsFromProse(prose, 'f.txt', '万元');

  it('reads each evaluation: project, 全年预算数, 执行数, 预算执行率', () => {
    expect(evaluations.map((e) => [e.project, e.budget, e.executed, e.rate])).toEqual([
      ['坪山区智慧管理指挥平台项目', fen('298.64'), fen('298.64'), '100%'],
      ['坪山区信息化项目管理信息系统项目', fen('129.52'), fen('129.52'), '100%'],
      ['坪山区机房扩容（二期）项目', fen('219.77'), fen('219.77'), '100%'],
    ]);
  });

  it('cites the line the evaluation starts on, and lists each as an evaluated project', () => {
    // Fixture lines 7, 22, 33 are lines 512, 646 and 680 of 004.
    expect(evaluations.map((e) => e.source.line)).toEqual([7, 22, 33]);
    expect(projectsFromSelfEvaluations(evaluations).map((p) => [p.name, p.amount, p.executed, p.executionRate])).toEqual([
      ['坪山区智慧管理指挥平台项目', fen('298.64'), fen('298.64'), '100%'],
      ['坪山区信息化项目管理信息系统项目', fen('129.52'), fen('129.52'), '100%'],
      ['坪山区机房扩容（二期）项目', fen('219.77'), fen('219.77'), '100%'],
    ]);
  });
});

describe('整体支出绩效目标表: a 任务名称 row named 基本支出 stays out (data/002 lines 541-557)', () => {
  const table = layout(fixture('whole-target-form-basic-task.txt')).tables[0]!;
  const projects = projectsFromTargetForm(table, 'f.txt', '万元');

  it('reads the six tasks after "基本支出 | 主要用于人员、公用及对个人和家庭补助支出等 | 3,991.53" (line 548), the "6 个项目" of line 126', () => {
    expect(projects.map((p) => [p.name, p.amount])).toEqual([
      ['综合管理', fen('1,915.51')],
      ['政务综合管理', fen('20,439.03')],
      ['预算准备金', fen('304.00')],
      ['信息化运维项目', fen('1,555.39')],
      ['信息化新建项目(非政府投资项目)', fen('5,314.40')],
      ['信息化服务类项目(非运维服务部分)', fen('11,452.25')],
    ]);
  });
});

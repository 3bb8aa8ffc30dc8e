// Given fragments cut from real layouts, these records.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClassification } from '../../src/parse/classification.js';
import { layout } from '../../src/parse/layout.js';
import { projectFromForm, projectsFromTargetForm } from '../../src/parse/projects.js';
import type { Diagnostic } from '../../src/parse/records.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');
// "1073.14" 万元 → fen, by digits (two decimals), never through a float.
const fen = (wan: string) => BigInt(wan.replace('.', '')) * 10_000n;

function classify(text: string) {
  const table = layout(text).tables[0]!;
  const diagnostics: Diagnostic[] = [];
  return extractClassification(table, 'f.txt', '万元', 'BUDGET', diagnostics);
}

describe('a per-unit table whose header repeats after a page break', () => {
  it('keeps the lines after the repeated header under the unit above (预算单位 is a header label, not a unit)', () => {
    const result = classify(fixture('per-unit-table-repeated-header.txt'));
    expect(result.lines.map((l) => `${l.code} ${l.unit}`)).toEqual(['201 某某局(本级)', '20103 某某局(本级)', '210 某某局(本级)', '21011 某某局(本级)']);
    expect(result.totals.map((t) => t.unit)).toEqual(['某某局(本级)']);
    expect(result.lines.find((l) => l.code === '210')!.basic).toBe(fen('93.00'));
  });
});

describe('a one-row header that labels a column 合计', () => {
  it('reads 合计 / 基本支出 / 项目支出 as columns, and the numbered 合计 row as the total', () => {
    const result = classify(fixture('one-row-header-with-total-label.txt'));
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatchObject({ code: '201', total: fen('10.00'), basic: fen('4.00'), project: fen('6.00') });
    expect(result.totals).toMatchObject([{ unit: null, total: fen('10.00'), basic: fen('4.00'), project: fen('6.00') }]);
  });
});

describe('资金来源 of project forms', () => {
  it('reads one row per fund under 年度资金总额 (self-evaluation form): budget and executed, empty funds skipped', () => {
    const table = layout(fixture('self-evaluation-form.txt')).tables[0]!;
    const form = projectFromForm(table, 'f.txt', '万元')!;
    expect(form.project).toMatchObject({ name: '一般行政管理事务', amount: fen('1073.14'), executed: fen('1067.17'), executionRate: '99.44%' });
    expect(form.project.funding!.map((f) => [f.source, f.budget, f.executed])).toEqual([['区级财政资金', fen('1073.14'), fen('1067.17')]]);
    expect(form.project.funding![0]!.line.line).toBe(11);
  });

  it('reads label/value pairs on the 资金总额 row (target form)', () => {
    const table = layout(fixture('target-form-money-pairs.txt')).tables[0]!;
    const form = projectFromForm(table, 'f.txt', '万元')!;
    expect(form.project.name).toBe('政务服务事务');
    expect(form.project.funding!.map((f) => [f.source, f.budget])).toEqual([
      ['财政拨款', fen('725.42')],
      ['其他资金', 0n],
    ]);
  });
});

describe('整体支出 target form: 年度主要任务', () => {
  it('takes the task as the project when the next cell describes it, and the amount columns as funds', () => {
    const table = layout(fixture('whole-target-form-tasks.txt')).tables[0]!;
    const projects = projectsFromTargetForm(table, 'f.txt', '万元');
    expect(projects.map((p) => [p.name, p.parent, p.amount])).toEqual([
      ['一般管理事务', null, fen('516.37')],
      ['信息事务', null, fen('674.61')],
    ]);
    expect(projects[0]!.goal).toMatch(/^1\. 围绕年度重点工作计划/);
    expect(projects[1]!.funding!.map((f) => [f.source, f.budget])).toEqual([
      ['财政拨款', fen('674.61')],
      ['其他资金', 0n],
    ]);
  });
});

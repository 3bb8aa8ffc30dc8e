// A budget line's unit in the load plan (#38 item 2): the 预算单位 its table prints it under, else the
// unit a 单位预算 is of, else none (the department as a whole), never the department's own unit by
// default; parity counts the lines that hang on a unit.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { buildPlan } from '../../src/load/plan.js';
import { expectedTallies } from '../../src/load/parity.js';
import { readSource } from '../../src/source/index.js';

async function planOf(path: string) {
  const source = await readSource(readFileSync(path), basename(path));
  const doc = parseDocument(source.text, basename(path), source.notes, source.places);
  return { doc, plan: buildPlan(doc, source.text) };
}
const forUnit = (tallies: { kind: string; n: number }[]) => tallies.find((t) => t.kind === 'BudgetLine FOR_UNIT')?.n;

describe('a budget line’s unit', () => {
  it('is none for a table printed for the department as a whole (data/000: 部门支出总表 line 246 has no 预算单位 column)', async () => {
    const { doc, plan } = await planOf('data/000_5c682a4da5e2a113.txt');
    const line258 = plan.lines.find((l) => Number(l.srcLine) === 258);
    // 2010504 信息事务 1,590 0 1,590
    expect(line258).toMatchObject({ code: '2010504', unitId: null, unitPrinted: null });
    expect(plan.lines.filter((l) => l.unitId !== null)).toEqual([]);
    expect(forUnit(expectedTallies(doc, plan))).toBe(0);
  });

  it('is the unit the table prints (data/001 line 322 深圳市龙岗区政务服务数据管理局（本级）, the department’s own unit)', async () => {
    const { doc, plan } = await planOf('data/001_958a9ca9db32ab73.txt');
    expect(plan.lines.find((l) => Number(l.srcLine) === 328)).toMatchObject({ code: '2010504', unitId: '龙岗区政务服务数据管理局|本级', unitPrinted: '深圳市龙岗区政务服务数据管理局（本级）' });
    expect(forUnit(expectedTallies(doc, plan))).toBe(plan.lines.filter((l) => l.unitId !== null).length);
    expect(forUnit(expectedTallies(doc, plan))).toBeGreaterThan(0);
  });

  it('is the unit a 单位预算 is of, named by its cover line (unit_budget.pdf line 2 预算单位：上海市普陀区司法局)', async () => {
    const { plan } = await planOf('tests/fixtures/real/unit_budget.pdf');
    expect(plan.lines.length).toBeGreaterThan(0);
    expect(new Set(plan.lines.map((l) => l.unitId))).toEqual(new Set(['上海市普陀区司法局|本级']));
    expect(plan.units).toEqual([expect.objectContaining({ id: '上海市普陀区司法局|本级', srcLine: expect.anything(), srcText: '预算单位：上海市普陀区司法局' })]);
  });
});

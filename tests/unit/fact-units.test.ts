// The unit of a project allocation, a 合计 row and an investment project in the load plan (#38 item 2),
// as of a budget line (line-units.test.ts): the 预算单位 its table prints it under, else the unit a
// 单位预算 is of, else none (the department as a whole), never the department's own unit (本级) by
// default; a document that prints no unit lists none; parity counts the facts that hang on a unit.
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
const tally = (tallies: { kind: string; n: number }[], kind: string) => tallies.find((t) => t.kind === kind)?.n;

describe('the unit of projects, 合计 rows and investment projects', () => {
  it('is none for 合计 rows of tables printed for the department as a whole, the printed 项目单位 for an investment project (data/004)', async () => {
    const { doc, plan } = await planOf('data/004_977ad1fe0b13bb92.txt');
    // Line 124 (收入决算表) 合计 22,902.34; line 168 (支出决算表) 合计 22,902.34 1,556.54 21,345.8: no 预算单位 column.
    const at = (line: number) => plan.tableTotals.find((t) => Number(t.srcLine) === line);
    expect({ ...at(124), totalFen: Number(at(124)?.totalFen) }).toMatchObject({ totalFen: 22_902_340_000, unitId: null });
    expect({ ...at(168), basicFen: Number(at(168)?.basicFen) }).toMatchObject({ basicFen: 1_556_540_000, unitId: null });
    expect(plan.tableTotals.filter((t) => t.unitId !== null)).toEqual([]);
    // Line 1504 (a 项目绩效情况表) prints 项目单位： 深圳市坪山区政务服务数据管理局, the department's own unit.
    expect(plan.investments.find((i) => Number(i.srcLine) === 1504)).toMatchObject({ unitId: '坪山区政务服务数据管理局|本级' });
    expect(tally(expectedTallies(doc, plan), 'TableTotal FOR_UNIT')).toBe(0);
    expect(tally(expectedTallies(doc, plan), 'InvestmentProject FOR_UNIT')).toBe(plan.investments.length);
  });

  // The 部门预算 prints no 预算单位: its prose lists "…-行政运行”科目1,202.95万元" (pdftotext -layout line 79)
  // and its 部门支出预算总表 合计 91,016,775.35 元 for the department. Its unit's 单位预算 names the unit on
  // its cover (预算单位：上海市普陀区人民政府办公室).
  it('is none for a 部门预算’s projects and 合计 rows, which lists no unit; the unit’s own 单位预算 gives its unit to all', async () => {
    const dept = await planOf('tests/fixtures/real/上海市普陀区人民政府办公室25年预算.pdf');
    expect(dept.plan.units).toEqual([]);
    const run = dept.plan.allocations.find((a) => a.name.includes('行政运行') && Number(a.amountFen) === 1_202_950_000);
    expect(run).toMatchObject({ unitId: null });
    expect(dept.plan.allocations.filter((a) => a.unitId !== null)).toEqual([]);
    expect(dept.plan.tableTotals.some((t) => Number(t.totalFen) === 9_101_677_535)).toBe(true);
    expect(dept.plan.tableTotals.filter((t) => t.unitId !== null)).toEqual([]);
    expect(tally(expectedTallies(dept.doc, dept.plan), 'ProjectAllocation FOR_UNIT')).toBe(0);

    const unit = await planOf('tests/fixtures/real/上海市普陀区人民政府办公室单位25年预算.pdf');
    expect(unit.plan.units).toEqual([expect.objectContaining({ id: '上海市普陀区人民政府办公室|本级', srcText: '预算单位：上海市普陀区人民政府办公室' })]);
    expect(unit.plan.allocations.length).toBeGreaterThan(0);
    expect(unit.plan.allocations.filter((a) => a.unitId !== '上海市普陀区人民政府办公室|本级')).toEqual([]);
    expect(unit.plan.tableTotals.filter((t) => t.unitId !== '上海市普陀区人民政府办公室|本级')).toEqual([]);
    expect(tally(expectedTallies(unit.doc, unit.plan), 'ProjectAllocation FOR_UNIT')).toBe(unit.plan.allocations.length);
  });
});

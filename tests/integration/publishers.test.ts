// The publisher as printed, in the graph (issue #37 item 4): a department's 部门预算 and its unit's
// 单位预算 of the same year both load and say whose they are, with the line that names them.
// Facts from p. 1 of each PDF: "预算主管部门：上海市普陀区人民政府办公室" (the 部门预算) and
// "预算单位：上海市普陀区人民政府办公室" (the 单位预算), both titled 上海市普陀区2025年区级….
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { projectRoot } from '../../src/config.js';
import { QueryRunner } from '../../src/db/run.js';
import { loadDocument } from '../../src/load/loader.js';
import { readDocumentText } from '../../src/load/directory.js';
import { startApi, type ApiFixture } from './helpers.js';

const real = (name: string) => join(projectRoot, 'tests', 'fixtures', 'real', name);
const DEPARTMENT_BUDGET = '上海市普陀区人民政府办公室25年预算.pdf';
const UNIT_BUDGET = '上海市普陀区人民政府办公室单位25年预算.pdf';
let api: ApiFixture;

beforeAll(async () => {
  api = await startApi();
}, 180_000);
afterAll(async () => api?.stop());

describe('a 部门预算 and the 单位预算 of its unit, same year', () => {
  it('both load, neither replacing the other, each saying whose it is and where that is printed', async () => {
    const runner = new QueryRunner(api.db);
    const reports = [];
    for (const name of [DEPARTMENT_BUDGET, UNIT_BUDGET]) reports.push(await loadDocument(runner, name, await readDocumentText(real(name))));
    expect(reports.map((r) => r.status)).toEqual(['LOADED', 'LOADED']);
    const res = await api.gql(`{ documents(first: 100, filter: {year: 2025}) { nodes { file kinds year departmentPrinted unitPrinted publisherFrom publisherSource { line text } department { name } } } }`);
    expect(res.errors).toBeUndefined();
    const byFile = new Map<string, any>(res.data.documents.nodes.map((d: { file: string }) => [d.file, d]));
    const dept = byFile.get(DEPARTMENT_BUDGET);
    const unit = byFile.get(UNIT_BUDGET);
    expect(dept).toMatchObject({ kinds: ['BUDGET'], year: 2025, departmentPrinted: '上海市普陀区人民政府办公室', publisherFrom: 'LINE', unitPrinted: null });
    expect(dept.publisherSource.text).toMatch(/预算主管部门[：:]\s*上海市普陀区人民政府办公室/);
    expect(unit).toMatchObject({ kinds: ['UNIT_BUDGET'], year: 2025, unitPrinted: '上海市普陀区人民政府办公室' });
    expect(unit.publisherSource.text).toMatch(/预算单位[：:]\s*上海市普陀区人民政府办公室/);
    // One department, holding both.
    expect(unit.department.name).toBe(dept.department.name);
  }, 180_000);
});

// A 单位决算 beside its department's 部门决算 (#37 item 4): 财政局 2024 决算 p. 1 prints
// "上海市普陀区财政局" over "2024年度部门决算"; its unit's own 决算 is the same cover titled 单位决算
// with the unit's 预算单位 line under it. Both are 决算 of one department and year, each of its own
// publisher: neither is the other's rival.
describe('a 部门决算 and the 单位决算 of a unit of the department, same year', () => {
  it('both load, the unit’s saying whose it is', async () => {
    const runner = new QueryRunner(api.db);
    const FINAL = '上海市普陀区财政局2024年度部门决算.pdf';
    const printed = await readDocumentText(real(FINAL));
    const lines = printed.split('\n');
    expect(lines.slice(0, 2)).toEqual(['上海市普陀区财政局', '2024年度部门决算']);
    lines[1] = '2024年度单位决算';
    lines.splice(2, 0, '预算单位：上海市普陀区财政局信息中心');
    const UNIT_FINAL = '上海市普陀区财政局信息中心2024年度单位决算.txt';
    const reports = [await loadDocument(runner, FINAL, printed), await loadDocument(runner, UNIT_FINAL, lines.join('\n'))];
    expect(reports.map((r) => r.status)).toEqual(['LOADED', 'LOADED']);
    const res = await api.gql(`{ documents(first: 100, filter: {year: 2024}) { nodes { file kinds unitPrinted department { name } } } }`);
    expect(res.errors).toBeUndefined();
    const byFile = new Map<string, any>(res.data.documents.nodes.map((d: { file: string }) => [d.file, d]));
    expect(byFile.get(FINAL)).toMatchObject({ kinds: ['FINAL_ACCOUNTS'], unitPrinted: null, department: { name: '上海市普陀区财政局' } });
    expect(byFile.get(UNIT_FINAL)).toMatchObject({ kinds: ['FINAL_ACCOUNTS'], unitPrinted: '上海市普陀区财政局信息中心', department: { name: '上海市普陀区财政局' } });
    // A second 部门决算 of the same department and year is still a rival, refused.
    await expect(loadDocument(runner, 'copy-of-the-final-accounts.txt', printed)).rejects.toThrow(/already holds/);
  }, 300_000);
});

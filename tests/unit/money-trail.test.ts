// Money trail: each 项 line's project money = what explains it + what does not, exactly; the
// links behind it come from the documents (printed codes, names, exact sums).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { buildPlan } from '../../src/load/plan.js';
import { computeMoneyTrail, type TrailInput } from '../../src/query/money-trail.js';

const plan = (f: string) => {
  const text = readFileSync(join(import.meta.dirname, '../../data', f), 'utf8');
  return buildPlan(parseDocument(text, f), text);
};

describe('links that explain a line by amounts (load time)', () => {
  it('given 坪山 2020 决算, 一般行政管理事务 1,067.17 is split: 668.28 on 2013702 (its name) and 398.89 on 2013701', () => {
    const p = plan('004_977ad1fe0b13bb92.txt');
    const links = p.codeLinks.filter((l) => String(l.allocationId).endsWith('|一般行政管理事务')).map((l) => `${String(l.code)} ${String(l.method)} ${l.amountFen === null ? '-' : String(l.amountFen)}`);
    expect(links.sort()).toEqual(['2013701 SPLIT 398890000', '2013702 NAMED 668280000']);
  });

  it('given 坪山 2020 决算, all 26 investment projects together explain the rest of 2013799, to the line’s printed precision', () => {
    const p = plan('004_977ad1fe0b13bb92.txt');
    expect(p.investmentLinks).toHaveLength(26);
    expect(new Set(p.investmentLinks.map((l) => l.code))).toEqual(new Set(['2013799']));
    expect(String(p.investmentLinks[0]!.note)).toMatch(/all 26 investment projects.*Δ -0\.00394/);
  });

  it('never splits a project whose code is printed beside it (000: 办公设备购置 9.00 at 2010502, which prints 7.00)', () => {
    const p = plan('000_5c682a4da5e2a113.txt');
    expect(p.codeLinks.filter((l) => l.method === 'SPLIT')).toEqual([]);
  });
});

describe('the trail’s sums', () => {
  const line = (id: string, code: string, projectFen: bigint | null, table = '表一', srcLine = 1, primary = true) => ({ id, code, name: code, projectFen, basis: 'BUDGET', primary, srcTable: table, srcLine, srcText: '', unit: '本级', unitId: 'd|本级' });
  const link = (allocationId: string, code: string, amountFen: bigint, method = 'DIRECT', partFen: bigint | null = null) => ({ allocationId, name: allocationId, amountFen, executedFen: null, partFen, unitId: 'd|本级', code, method, note: null, evidence: [] });
  const input = (lines: TrailInput['lines'], links: TrailInput['links']): TrailInput => ({ department: { id: 'd', name: 'D' }, document: { id: 'doc', file: 'doc.txt', title: 't', year: 2024, kinds: ['BUDGET'] }, lines, links, investmentLinks: [] });

  it('reads the primary table’s lines only, so no money counts twice', () => {
    const lines = [line('a', '2010302', 100n, '表一', 5, false), line('b', '2010302', 100n, '表三', 50), line('c', '2010504', 30n, '表三', 51)];
    const t = computeMoneyTrail(input(lines, []));
    expect(t.table).toBe('表三');
    expect(t.projectMoneyFen).toBe(130n);
  });

  it('counts a project once, at its strongest link, and keeps projectMoney = explained + unexplained exactly', () => {
    const t = computeMoneyTrail(input([line('a', '2010302', 100n, 't', 1), line('b', '2050803', 5n, 't', 2)], [link('x', '2010302', 95n), link('y', '2010302', 5n, 'NAMED'), link('y', '2050803', 5n, 'RECONCILED')]));
    expect(t.lines.map((l) => [l.code, l.projectMoneyFen, l.explainedFen, l.unexplainedFen])).toEqual([
      ['2010302', 100n, 95n, 5n],
      ['2050803', 5n, 5n, 0n],
    ]);
    expect(t.projectMoneyFen).toBe(t.explainedFen + t.unexplainedFen);
  });

  it('books a split project’s part on each line', () => {
    const t = computeMoneyTrail(input([line('a', '2013702', 66n, 't', 1), line('b', '2013701', 34n, 't', 2)], [link('x', '2013702', 100n, 'NAMED', 66n), link('x', '2013701', 100n, 'SPLIT', 34n)]));
    expect(t.lines.map((l) => l.explainedFen)).toEqual([66n, 34n]);
    expect(t.unexplainedFen).toBe(0n);
  });
});

describe('contradictions the links and forms reveal', () => {
  it('given 000, 2010502 prints 7.00 while 办公设备购置 printed beside it is 9.00: LINKED_EXCEEDS_LINE with both lines', () => {
    const p = plan('000_5c682a4da5e2a113.txt');
    const a = p.anomalies.find((x) => x.kind === 'LINKED_EXCEEDS_LINE');
    expect(a).toMatchObject({ severity: 'WARNING', deltaFen: expect.anything() });
    expect(String(a!.deltaFen)).toBe('2000000');
    expect(a!.sources.map((x) => (JSON.parse(x) as { line: number }).line)).toEqual([257, 524]);
    // It concerns the facts printed on those lines: the 2010502 line and the project beside it.
    const onLine = (line: number) => [...p.lines, ...p.allocations].filter((f) => f.srcLine.toNumber() === line).map((f) => f.id);
    expect(a!.concerns.sort()).toEqual([...onLine(257), ...onLine(524)].sort());
    expect(a!.concerns.length).toBeGreaterThanOrEqual(2);
  });

  it('given 002, which declares 尾数误差 (line 519), 2010302 prints 40,980.57 (line 303) and its 6 projects sum to 0.01 more: INFO, saying the rounding it is within', () => {
    const p = plan('002_94a530100b90bc43.txt');
    const a = p.anomalies.find((x) => x.kind === 'LINKED_EXCEEDS_LINE');
    expect(String(a!.deltaFen)).toBe('10000');
    expect(a!.severity).toBe('INFO');
    expect(String(a!.message)).toContain('within the rounding the document declares (尾数误差) of 7 amounts');
    // 000 declares no rounding: its 2.00 more stays a WARNING (above).
  });

  it('given 004, a printed 项目总体完成率 that 累计完成投资 ÷ 项目总投资 contradicts is an anomaly with both lines', () => {
    const p = plan('004_977ad1fe0b13bb92.txt');
    const rates = p.anomalies.filter((x) => x.kind === 'COMPLETION_RATE_MISMATCH');
    const traffic = rates.find((x) => String(x.message).startsWith('智能交通升级完善工程（坪山片区）项目'));
    expect(String(traffic!.message)).toContain('printed 67.14%, but 累计完成投资 ÷ 项目总投资 = 53.855%');
    expect(traffic!.sources.map((x) => (JSON.parse(x) as { line: number }).line)).toEqual([1893, 1884]);
    // Within one unit of the last printed decimal: said, at INFO.
    expect(rates.find((x) => String(x.message).startsWith('大数据中心（二期）'))).toMatchObject({ severity: 'INFO' });
  });
});

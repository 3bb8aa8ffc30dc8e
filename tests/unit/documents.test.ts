// Whole-document tests: the five bundled documents parse, with counts and exact values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatWan } from '../../src/model/money.js';
import { parseDocument } from '../../src/parse/index.js';
import { BadDocumentError } from '../../src/errors.js';

const read = (f: string) => parseDocument(readFileSync(join(import.meta.dirname, '../../data', f), 'utf8'), f);

describe('000: 龙岗 2020 部门预算 (表一…表十四)', () => {
  const doc = read('000_5c682a4da5e2a113.txt');
  it('has its metadata, units and coded projects', () => {
    expect(doc.meta).toMatchObject({ year: 2020, department: '深圳市龙岗区政务服务数据管理局', kinds: ['BUDGET'] });
    expect(doc.units.map((u) => u.name)).toEqual(['深圳市龙岗区政务服务数据管理局', '深圳市龙岗区大数据中心']);
    const info = doc.projects.filter((p) => p.functionCode === '2010504');
    expect(info.map((p) => `${p.name} ${formatWan(p.amount!)}`)).toEqual([
      '信息安全服务 160.00',
      '智慧城市项目运营管理 99.00',
      '基础技术平台运营 241.00',
      '政务系统管理 186.00',
      '网络设备运维管理 904.00',
    ]);
    expect(info[0]!.key).toBe(true);
    expect(info.every((p) => p.unit === '深圳市龙岗区大数据中心')).toBe(true);
  });
  it('reports the rounding gaps of the integer tables as anomalies', () => {
    expect(doc.anomalies.some((a) => a.kind === 'PARENT_SUM_MISMATCH' && a.message.includes('2010350') && a.delta === 1_000_000n)).toBe(true);
  });
  it('reads the 三公 table by its header order', () => {
    const t2020 = doc.threeCosts.find((t) => t.origin === 'TABLE' && t.year === 2020)!;
    expect([t2020.total, t2020.abroad, t2020.reception, t2020.vehicles, t2020.vehicleRunning].map((v) => formatWan(v!))).toEqual(['19.50', '0.00', '6.00', '13.50', '13.50']);
  });
});

describe('001: 龙岗 2024 本级 (表 1 … 表 12)', () => {
  const doc = read('001_958a9ca9db32ab73.txt');

  it('reads the 18-column 三公 table per fund, the headline figures being their sums', () => {
    const y2024 = doc.threeCosts.find((t) => t.origin === 'TABLE' && t.year === 2024)!;
    expect(y2024.byFund!.map((f) => f.fund)).toEqual(['一般公共预算', '政府性基金预算', '国有资本经营预算']);
    expect(y2024.byFund![0]).toMatchObject({ total: 7_000_000n, reception: 3_000_000n, vehicles: 4_000_000n, vehiclePurchase: 0n, vehicleRunning: 4_000_000n });
    expect(y2024.byFund![1]!.total).toBe(0n);
    expect(y2024.total).toBe(7_000_000n);
    const y2023 = doc.threeCosts.find((t) => t.origin === 'TABLE' && t.year === 2023)!;
    expect(y2023.byFund![0]).toMatchObject({ total: 25_000_000n, vehiclePurchase: 18_000_000n });
  });
  it('keeps the prose and the table 三公 figures, and reports their disagreement', () => {
    const prose = doc.threeCosts.find((t) => t.origin === 'PROSE')!;
    const table = doc.threeCosts.find((t) => t.origin === 'TABLE' && t.year === 2024)!;
    expect(formatWan(prose.total!)).toBe('9.00');
    expect(formatWan(table.total!)).toBe('7.00');
    expect(doc.anomalies.filter((a) => a.kind === 'PROSE_TABLE_MISMATCH').map((a) => a.delta)).toContain(2_000_000n);
  });
  it('lists the 信息事务 tasks of the target form with their parent', () => {
    const tf = doc.projects.filter((p) => p.sourceKind === 'TARGET_FORM' && p.parent === '信息事务');
    expect(tf.map((p) => `${p.name} ${formatWan(p.amount!)}`)).toEqual(['城市建设-智慧城市建设-政务信息化 110.00', '城市建设-智慧城市建设-智慧龙岗 2000.00']);
  });
  it('reads the 2010504 line', () => {
    const l = doc.lines.find((x) => x.code === '2010504' && x.source.table.includes('按功能分类'))!;
    expect([l.total, l.basic, l.project].map((v) => formatWan(v!))).toEqual(['2110.00', '0.00', '2110.00']);
  });
});

describe('002: 市局 2024 本级 (garbled numbers)', () => {
  const doc = read('002_94a530100b90bc43.txt');
  it('repairs spaced numbers and keeps the original text in a diagnostic', () => {
    const l = doc.lines.find((x) => x.code === '30227')!;
    expect(formatWan(l.total!)).toBe('36429.86');
    expect(doc.diagnostics.some((d) => d.code === 'AMOUNT_REPAIRED' && d.original === '36, 429. 86')).toBe(true);
  });
  it('refuses to invent a name for the key-project row that lost it', () => {
    expect(doc.diagnostics.some((d) => d.code === 'PROJECT_NAME_MISSING')).toBe(true);
  });
});

describe('003: 大鹏 2020 绩效目标申报表', () => {
  const doc = read('003_beb2cb8da5a2afe3.txt');
  it('finds the project forms and their indicators', () => {
    const p = doc.projects.find((x) => x.name === '政务服务事务')!;
    expect(formatWan(p.amount!)).toBe('725.42');
    const ind = doc.indicators.find((i) => i.project === '政务服务事务' && i.name === '网站信息发布量')!;
    expect(ind).toMatchObject({ level1: '产出指标', level2: '数量指标', target: '≥28000条' });
  });
  it('serves no personal data', () => {
    expect(JSON.stringify(doc, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))).not.toMatch(/28336292|曾媛/);
  });
});

describe('004: 坪山 2020 决算, 自评 and 政府投资项目', () => {
  const doc = read('004_977ad1fe0b13bb92.txt');
  it('decodes 国家编码 and flags the truncated one without completing it', () => {
    const ip = doc.investmentProjects.find((x) => x.code === '2019-440317-65-01-107617')!;
    expect(ip).toMatchObject({ registrationYear: 2019, divisionCode: '440317', industryCode: '65', typeCode: '01', serial: '107617', truncated: false });
    const cut = doc.investmentProjects.filter((x) => x.truncated);
    expect(cut.map((x) => x.code)).toEqual(['2019-440317-65-01-']);
    expect(doc.anomalies.filter((a) => a.kind === 'TRUNCATED_CODE')).toHaveLength(1);
  });
  it('keeps investment amounts to 0.01 yuan and reads the checkbox', () => {
    const ip = doc.investmentProjects.find((x) => x.code === '2016-440317-39-01-700908')!;
    expect(formatWan(ip.plannedInYear!)).toBe('298.644346');
    expect(formatWan(ip.cumulativeCompleted!)).toBe('4336.153571');
    expect(ip.nature).toBe('续建');
  });
  it('reads self-evaluations from the forms and the prose', () => {
    const form = doc.selfEvaluations.find((e) => e.origin === 'TABLE' && e.project === '一般行政管理事务')!;
    expect([formatWan(form.budget!), formatWan(form.executed!), form.rate]).toEqual(['1073.14', '1067.17', '99.44%']);
    expect(doc.selfEvaluations.filter((e) => e.origin === 'PROSE').length).toBeGreaterThanOrEqual(30);
  });
  it('reads the 决算 lines as actuals', () => {
    const l = doc.lines.find((x) => x.code === '2013799')!;
    expect(l.basis).toBe('ACTUAL');
    expect(formatWan(l.total!)).toBe('14763.55');
  });
});

describe('bad input', () => {
  it('names the file and line', () => {
    expect(() => parseDocument('', 'empty.txt')).toThrow(BadDocumentError);
    expect(() => parseDocument('hello\nworld\n', 'notes.txt')).toThrow(/notes\.txt:1: not a budget document/);
  });
});

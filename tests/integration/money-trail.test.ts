// moneyTrail over HTTP on the bundled graph: every 项 line's project money and what explains it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiFixture } from './helpers.js';

let api: ApiFixture;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.stop());

const Q = `query($d: String!, $y: Int!) { moneyTrail(department: $d, year: $y) {
  department { name } document { id } basis table projectMoney explained unexplained
  lines { code name unit projectMoney explained unexplained source { line table }
    contributions { amount method note project { name } investmentProject { name code } evidence { line } } } } }`;

const trail = async (d: string, y: number) => {
  const res = await api.gql(Q, { d, y });
  expect(res.errors).toBeUndefined();
  return res.data.moneyTrail;
};
const line = (t: any, code: string) => t.lines.find((l: any) => l.code === code);
const cents = (s: string) => BigInt(s.replace('.', '').padEnd(s.indexOf('.') + 7, '0'));

describe('moneyTrail', () => {
  it('坪山 2020 (决算): 2013799’s 14,763.55 is its project plus all 26 investment projects; every line explained to its rounding', async () => {
    const t = await trail('坪山', 2020);
    // −0.00394 (2013799) + 0.005 (2050803) − 0.0038 (2340299): what is left is the lines' rounding.
    expect(t).toMatchObject({ department: { name: '深圳市坪山区政务服务数据管理局' }, basis: 'ACTUAL', table: '支出决算表', projectMoney: '21345.80', unexplained: '-0.00274' });
    // 2050803's 4.28 is one project: 培训支出 (spent 4.275) and the prose's 严控类经费(专项培训) are one
    // allocation (PROJECT_NAMED_TWICE), so it is no longer claimed twice.
    expect(line(t, '2050803')).toMatchObject({ projectMoney: '4.28', explained: '4.275', unexplained: '0.005' });
    expect(line(t, '2050803').contributions).toHaveLength(1);
    const l = line(t, '2013799');
    expect(l).toMatchObject({ projectMoney: '14763.55', explained: '14763.55394', unexplained: '-0.00394', source: { line: 177 } });
    expect(l.contributions.filter((c: any) => c.investmentProject)).toHaveLength(26);
    expect(l.contributions.find((c: any) => c.project)).toMatchObject({ method: 'NAMED', amount: '4428.95', project: { name: '其他网信事务支出' } });
    expect(line(t, '2013701')).toMatchObject({ projectMoney: '398.89', unexplained: '0.00', contributions: [{ method: 'SPLIT', amount: '398.89', project: { name: '一般行政管理事务' } }] });
    // The 抗疫特别国债 line: 区级温馨驿站项目 (its 转移支付 form) spent 3,825.1738, the line prints 3,825.17.
    expect(line(t, '2340299')).toMatchObject({ projectMoney: '3825.17', explained: '3825.1738', unexplained: '-0.0038', contributions: [{ method: 'RECONCILED', project: { name: '区级温馨驿站项目' } }] });
  });

  it('深圳市政务服务和数据管理局 2024 (预算): 2010302 is the natural group of its six tasks, to their rounding', async () => {
    const t = await trail('深圳市政务服务和数据管理局', 2024);
    expect(line(t, '2010302')).toMatchObject({ projectMoney: '40980.57', explained: '40980.58', unexplained: '-0.01' });
    expect(line(t, '2010302').contributions.map((c: any) => c.method)).toEqual(Array(6).fill('RECONCILED'));
  });

  it('龙岗 2020 (预算): every line explained by printed codes, the 大数据中心 rows included; 2010502 shows the table’s 7.00 against 9.00 printed for the project', async () => {
    const t = await trail('龙岗', 2020);
    expect(t).toMatchObject({ basis: 'BUDGET', projectMoney: '4544.00' });
    expect(line(t, '2010302')).toMatchObject({ projectMoney: '2945.00', explained: '2945.00', unexplained: '0.00' });
    expect(line(t, '2010302').contributions).toHaveLength(8);
    expect(line(t, '2010502')).toMatchObject({ projectMoney: '7.00', explained: '9.00', unexplained: '-2.00', contributions: [{ method: 'DIRECT', project: { name: '办公设备购置' } }] });
    expect(line(t, '2010504')).toMatchObject({ projectMoney: '1590.00', explained: '1590.00' });
  });

  it('龙岗 2024 (预算): 2010302 and 2010504 reconciled to the fen; 培训经费 counted once, at 2050803', async () => {
    const t = await trail('龙岗', 2024);
    expect(line(t, '2010302')).toMatchObject({ projectMoney: '3826.91', explained: '3826.91', unexplained: '0.00' });
    expect(line(t, '2010504')).toMatchObject({ projectMoney: '2110.00', explained: '2110.00' });
    expect(line(t, '2050803').contributions).toMatchObject([{ method: 'RECONCILED', amount: '5.00' }]);
    expect(line(t, '2010302').contributions.some((c: any) => /培训/.test(c.project?.name ?? ''))).toBe(false);
  });

  it('keeps projectMoney = explained + unexplained exactly, per line and in total', async () => {
    for (const [d, y] of [['坪山', 2020], ['龙岗', 2020], ['龙岗', 2024]] as const) {
      const t = await trail(d, y);
      for (const l of [t, ...t.lines]) expect(cents(l.projectMoney)).toBe(cents(l.explained) + cents(l.unexplained));
    }
  });

  it('says which departments a vague name matches, and when nothing matches', async () => {
    const vague = await api.gql(Q, { d: '政务', y: 2024 });
    expect(vague.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const none = await api.gql(Q, { d: '坪山', y: 1999 });
    expect(none.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('names a code’s scheme with the CodeScheme enum (the stored label is FunctionCode)', async () => {
    const res = await api.gql(`{ classificationCode(code: "2010504") { scheme code } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.classificationCode).toEqual({ scheme: 'FUNCTION', code: '2010504' });
  });
});

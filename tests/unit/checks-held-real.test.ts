// The checks (#38) on the real Shanghai disclosures added in d7b4305, transcribed from their page
// images: what a reviewer would mark is found, what the page shows right is not alarmed.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import type { Anomaly } from '../../src/parse/records.js';

/** A table the prose is printed with (社会工作部 2024 决算 page 12's 住房保障支出 line): a document has tables. */
const TABLE = ['一般公共预算财政拨款支出决算表', '单位：万元', '功能分类科目编码\t科目名称\t合计\t基本支出\t项目支出', '221\t住房保障支出\t29.42\t29.42\t'];
const of = (anomalies: Anomaly[], kind: string) => anomalies.filter((a) => a.kind === kind);
const said = (anomalies: Anomaly[], kind: string) => of(anomalies, kind).map((a) => [a.severity, a.sources.map((s) => s.line)]);

// 中共上海市普陀区委社会工作部 2024 年度部门决算.pdf, page 12 (一般公共预算财政拨款支出决算表, its 合计 row)
// and page 13 (一般公共预算财政拨款基本支出决算表, its lines that print a figure other than 0.00, one
// block instead of the page's two side by side), as printed.
function socialWork2024(changed: Record<string, string> = {}): string {
  const row = (code: string, name: string, amount: string) => `${code}\t${name}\t${changed[code] ?? amount}`;
  return [
    '中共上海市普陀区委社会工作部2024年度部门决算', // 1
    '一般公共预算财政拨款支出决算表', // 2
    '单位：万元', // 3
    '功能分类科目编码\t科目名称\t合计\t基本支出\t项目支出', // 4
    '201\t一般公共服务支出\t264.87\t62.63\t202.24', // 5
    '208\t社会保障和就业支出\t10.82\t10.82\t', // 6
    '210\t卫生健康支出\t2.71\t2.71\t', // 7
    '221\t住房保障支出\t29.42\t29.42\t', // 8
    '合计\t\t307.82\t105.58\t202.24', // 9
    '一般公共预算财政拨款基本支出决算表', // 10
    '单位：万元', // 11
    '经济分类科目编码\t科目名称\t决算数', // 12
    row('301', '工资福利支出', '95.36'), // 13
    row('30101', '基本工资', '14.12'), // 14
    row('30102', '津贴补贴', '39.72'), // 15
    row('30107', '绩效工资', '10.16'), // 16
    row('30108', '机关事业单位基本养老保险缴费', '6.18'), // 17
    row('30109', '职业年金缴费', '4.64'), // 18
    row('30110', '职工基本医疗保险缴费', '2.71'), // 19
    row('30112', '其他社会保障缴费', '0.09'), // 20
    row('30113', '住房公积金', '17.70'), // 21
    row('30199', '其他工资福利支出', '0.04'), // 22
    row('302', '商品和服务支出', '10.23'), // 23
    row('30201', '办公费', '3.78'), // 24
    row('30211', '差旅费', '1.15'), // 25
    row('30213', '维修（护）费', '0.02'), // 26
    row('30226', '劳务费', '0.68'), // 27
    row('30227', '委托业务费', '0.48'), // 28
    row('30229', '福利费', '1.48'), // 29
    row('30239', '其他交通费用', '2.43'), // 30
    row('30299', '其他商品和服务支出', '0.20'), // 31
  ].join('\n');
}

describe('基本支出 of the 一般公共预算 table against the economic table that details it (社会工作部 2024 决算, pages 12-13)', () => {
  const disagree = (text: string) => of(parseDocument(text, 'f.txt').anomalies, 'TABLES_DISAGREE');

  it('as printed: the 款 add up to 105.58, the 类 (95.36 + 10.23) to 105.59, one cent of rounding: one INFO, for the 类', () => {
    const found = disagree(socialWork2024());
    expect(found.map((a) => [a.severity, a.delta, a.sources[0]!.line])).toEqual([['INFO', -10_000n, 9]]);
    expect(found[0]!.message).toContain('类 lines');
  });

  it('30299 0.20 → 0.21 (the mutation no rule saw: 302 then equals its 款): the 款 now add up to 105.59, said', () => {
    const found = disagree(socialWork2024({ '30299': '0.21' }));
    expect(found.map((a) => [a.severity, a.delta])).toEqual([
      ['INFO', -10_000n],
      ['INFO', -10_000n],
    ]);
    expect(found[1]!.message).toContain('lowest lines (款)');
  });

  it('30299 0.20 → 0.90, beyond any rounding: a WARNING', () => {
    expect(disagree(socialWork2024({ '30299': '0.90' })).map((a) => a.severity)).toContain('WARNING');
  });
});

// unit_budget.pdf (上海市普陀区司法局 2026年单位预算) page 11-12: the 支出预算总表's 类 lines and its 合计
// row, which prints 基本支出 in whole 元 (22,118,861) where its lines print the 分.
function unitBudget2026(basicTotal: string): string {
  return [
    '上海市普陀区2026年区级单位预算', // 1
    '2026年预算单位支出预算总表', // 2
    '编制单位：上海市普陀区司法局\t单位：元', // 3
    '功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出', // 4
    '类\t款\t项\t\t\t\t', // 5
    '204\t\t\t公共安全支出\t79,189,400.34\t14,348,853.34\t64,840,547.00', // 6
    '208\t\t\t社会保障和就业支出\t2,925,857.00\t2,925,857.00\t0.00', // 7
    '210\t\t\t卫生健康支出\t982,692.00\t982,692.00\t0.00', // 8
    '221\t\t\t住房保障支出\t3,861,459.00\t3,861,459.00\t0', // 9
    `合计\t\t\t\t86,959,408.34\t${basicTotal}\t64,840,547.00`, // 10
  ].join('\n');
}

describe('a total printed in whole 元 over lines printed to the 分 (unit_budget.pdf page 12)', () => {
  const totals = (basic: string) => said(parseDocument(unitBudget2026(basic), 'f.txt').anomalies, 'TOTAL_SUM_MISMATCH');

  it('22,118,861 against Σ 22,118,861.34: inside the half 元 its printing allows, INFO (was a WARNING)', () => {
    expect(totals('22,118,861')).toEqual([['INFO', [10, 6, 7, 8, 9]]]);
  });

  it('22,118,851 is ten 元 off: a WARNING; 22,118,861.34 none', () => {
    expect(totals('22,118,851')).toEqual([['WARNING', [10, 6, 7, 8, 9]]]);
    expect(totals('22,118,861.34')).toEqual([]);
  });
});

describe('a 决算 paragraph stating 年初预算 0 and a 全年预算 (社会工作部 2024 决算, page 18)', () => {
  const paragraph = (rate: string, words: string) =>
    [
      '中共上海市普陀区委社会工作部2024年度部门决算',
      '（三）一般公共预算财政拨款支出决算具体情况',
      `一般公共预算财政拨款支出年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元，完成年初预算的 ${rate}%。`,
      `决算数${words}预算数的主要原因：人员经费支出数小于预算数。`,
      ...TABLE,
    ].join('\n');
  const found = (rate: string, words: string) => {
    const anomalies = parseDocument(paragraph(rate, words), 'f.txt').anomalies;
    return [...said(anomalies, 'PROSE_COMPARISON_MISMATCH'), ...said(anomalies, 'PROSE_ARITHMETIC_MISMATCH')].map(([severity]) => severity);
  };

  it('决算数小于预算数 is so of the 全年 budget: no WARNING (was: 决算数大于预算数 against the 0); the rate of the 全年 budget called 年初 is an INFO', () => {
    expect(found('95.89', '小于')).toEqual(['INFO']);
  });

  it('决算数等于预算数 is wrong of both budgets: a WARNING (大于 is so of the 年初 0: none)', () => {
    expect(found('95.89', '等于')).toEqual(['WARNING', 'INFO']);
    expect(found('95.89', '大于')).toEqual(['INFO']);
  });
});

describe('a rate cut, not rounded, to its printed decimals', () => {
  // 上海市普陀区规划和自然资源局 2024 年度部门决算.pdf page 21: 9746.50 ÷ 10210.34 = 95.457%.
  const rate = (stated: string) =>
    said(
      parseDocument(
        ['上海市普陀区规划和自然资源局2024年度部门决算', `一般公共预算财政拨款支出年初预算为 10210.34 万元，支出决算为 9746.50 万元，完成年初预算的 ${stated}%。决算数小于预算数的主要原因：城乡社区支出（类）未完成年初预期。`, ...TABLE].join('\n'),
        'f.txt',
      ).anomalies,
      'PROSE_ARITHMETIC_MISMATCH',
    ).map(([severity]) => severity);

  it('95.45% (95.457% cut) is an INFO; 95.46% none; 95.44% a WARNING', () => {
    expect(rate('95.45')).toEqual(['INFO']);
    expect(rate('95.46')).toEqual([]);
    expect(rate('95.44')).toEqual(['WARNING']);
  });

  // 社会工作部 2024 决算 page 18: 29.42 of 307.82 is 9.5575%, printed 9.55% so the four shares add up to 100.00%.
  it('占 9.55% for 29.42 of 307.82 (9.5575%) is an INFO; 占 9.65% a WARNING', () => {
    const share = (stated: string) =>
      said(
        parseDocument(
          ['中共上海市普陀区委社会工作部2024年度部门决算', `一般公共预算财政拨款支出 307.82 万元，主要用于以下方面：一般公共服务支出（类）264.87 万元，占 86.05%；社会保障和就业支出（类）10.82 万元，占 3.52%；卫生健康支出（类）2.71 万元，占 0.88%；住房保障支出（类）29.42 万元，占 ${stated}%。`, ...TABLE].join('\n'),
          'f.txt',
        ).anomalies,
        'PROSE_ARITHMETIC_MISMATCH',
      ).map(([severity]) => severity);
    expect(share('9.55')).toEqual(['INFO']);
    expect(share('9.65')).toEqual(['WARNING']);
  });
});

// unit_budget.pdf (上海市普陀区司法局 2026年单位预算), pages 6 and 21 as printed, with page 9's table so it
// is a document: the three findings of its reviewer's checklist on words (预算编制说明 1, 其他相关说明 1-2).
function unitBudgetWords(lines: { p6?: string; p21a?: string; p21b?: string; title?: string } = {}): string {
  return [
    lines.title ?? '上海市普陀区2026年区级单位预算', // 1
    '预算单位：上海市普陀区司法局', // 2
    '2026年单位预算编制说明', // 3
    lines.p6 ?? '财政拨款收入支出增加（减少）的主要原因是业务量增加。', // 4
    '其他相关情况说明', // 5
    lines.p21a ?? '（二）公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是。其中：公务用车购置费0万元，与2025年预算数持平，主要原因是无公务用车购置需求；公务用车运行费9.98万元，与2025年预算数持平，主要原因是公务用车数量无变化。', // 6
    lines.p21b ?? '2026年部门预算安排购置车辆0辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、应急保障用车0辆、执法执勤用车0辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车0辆；部门预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。', // 7
    '2026年预算单位收入预算总表', // 8
    '编制单位：上海市普陀区司法局\t单位：元', // 9
    '功能分类科目编码\t\t\t功能分类科目名称\t合计\t财政拨款收入', // 10
    '221\t\t\t住房保障支出\t3,861,459.00\t3,861,459.00', // 11
  ].join('\n');
}

describe('what the template leaves to settle, and whose budget a sentence names (unit_budget.pdf pages 6 and 21)', () => {
  const found = (text: string, kind: string) => said(parseDocument(text, 'unit_budget.txt').anomalies, kind);

  it('增加（减少） printed as is (line 4) and 主要原因是。 with nothing after it (line 6): WARNINGs at their lines; the settled wording none', () => {
    expect(found(unitBudgetWords(), 'PLACEHOLDER_TEXT')).toEqual([
      ['WARNING', [4]],
      ['WARNING', [6]],
    ]);
    const settled = unitBudgetWords({ p6: '财政拨款收入支出增加的主要原因是业务量增加。', p21a: '（二）公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是公务用车数量无变化。' });
    expect(found(settled, 'PLACEHOLDER_TEXT')).toEqual([]);
  });

  it('增加（减少）0万元 (data/000 line 82: nothing changed) is form only: INFO', () => {
    expect(found(unitBudgetWords({ p6: '（一）因公出国（境）费用。2026年预算数0万元，比2025年增加（减少）0万元。' }), 'PLACEHOLDER_TEXT')[0]).toEqual(['INFO', [4]]);
  });

  it('部门预算安排 twice in a 单位预算: a WARNING each with the title line; 单位预算安排 none; in a 部门预算 none', () => {
    expect(found(unitBudgetWords(), 'DOCUMENT_KIND_MISMATCH')).toEqual([
      ['WARNING', [7, 1]],
      ['WARNING', [7, 1]],
    ]);
    expect(found(unitBudgetWords({ p21b: '2026年单位预算安排购置车辆0辆；单位预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。' }), 'DOCUMENT_KIND_MISMATCH')).toEqual([]);
    expect(found(unitBudgetWords({ title: '上海市普陀区2026年区级部门预算' }), 'DOCUMENT_KIND_MISMATCH')).toEqual([]);
  });
});

describe('完成全年预算数的 P% of an item (社会工作部 2024 决算, page 18, item 1)', () => {
  const item = (rate: string) =>
    said(
      parseDocument(['中共上海市普陀区委社会工作部2024年度部门决算', `1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。主要用于：行政单位人员支出、公用支出。全年预算为 52.00 万元，支出决算为 51.32 万元，完成全年预算数的 ${rate}%。`, ...TABLE].join('\n'), 'f.txt').anomalies,
      'PROSE_ARITHMETIC_MISMATCH',
    ).map(([severity]) => severity);

  it('98.69% as printed (51.32 ÷ 52.00) is none; 98.96% a WARNING (the 数 before 的 was not read)', () => {
    expect(item('98.69')).toEqual([]);
    expect(item('98.96')).toEqual(['WARNING']);
  });
});

// Given fragments cut from the bundled layouts, every number they print reaches a typed record.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatWan } from '../../src/model/money.js';
import { extractClassification } from '../../src/parse/classification.js';
import { coverage } from '../../src/parse/coverage.js';
import { familyOfTitle } from '../../src/parse/families.js';
import { residualFigures } from '../../src/parse/figures.js';
import { parseDocument } from '../../src/parse/index.js';
import { extractInvestmentProject } from '../../src/parse/investment.js';
import { layout } from '../../src/parse/layout.js';
import { proseAmounts, projectsFromItemisedProse } from '../../src/parse/prose-amounts.js';
import { projectFromForm, projectsFromCodedTable, projectsFromTargetForm } from '../../src/parse/projects.js';
import { extractIndicators } from '../../src/parse/indicators.js';
import type { ParsedDocument, TableTotal } from '../../src/parse/records.js';
import { restatements } from '../../src/load/restatements.js';
import { nameVariants } from '../../src/load/name-variants.js';
import { planActualAnomalies } from '../../src/parse/anomalies.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');
const wan = (fen: bigint | null) => (fen === null ? null : formatWan(fen));
const emptyDoc = (): ParsedDocument => ({
  meta: { file: 'f.txt', title: 't', department: 'd', year: 2020, kinds: ['FINAL_ACCOUNTS'], moneyUnit: '万元', roundingNote: false, source: { file: 'f.txt', table: '正文', line: 1, text: '' } },
  totals: [], units: [], lines: [], threeCosts: [], projects: [], indicators: [], investmentProjects: [], selfEvaluations: [], figures: [], proseAmounts: [], payments: [], anomalies: [], diagnostics: [],
});

describe('table families by title', () => {
  it('names each standard table however it is numbered or worded', () => {
    expect(['部门收支总表', '收入支出决算总表', '财政拨款收入支出决算总表', '政府预算拨款收支总表', '收入决算表', '基本支出总表', '一般公共预算财政拨款基本支出决算表', '“民生诉求”项目支出明细表', '2020 年度部门整体绩效评价指标评分表', '某项目绩效情况表'].map(familyOfTitle)).toEqual([
      'INCOME_EXPENDITURE_SUMMARY', 'INCOME_EXPENDITURE_SUMMARY', 'FISCAL_GRANT_SUMMARY', 'FISCAL_GRANT_SUMMARY', 'INCOME_SUMMARY', 'BASIC_EXPENDITURE', 'BASIC_EXPENDITURE', 'PAYMENT_DETAIL', 'SCORING', 'INVESTMENT_FORM',
    ]);
  });
});

describe('公开01 收入支出决算总表: 收入 and 支出 side by side, with 行次', () => {
  const table = layout(fixture('summary-side-by-side.txt')).tables[0]!;
  const figures = residualFigures(table, 'f.txt', '万元', 'ACTUAL', new Map());

  it('gives each side its own item and column, and never takes 行次 for an amount', () => {
    expect(figures.find((f) => f.source.line === 12 && f.side === '收入')).toMatchObject({ family: 'INCOME_EXPENDITURE_SUMMARY', item: '一、一般公共预算财政拨款收入', column: '收入/决算数', measure: 'MONEY', value: '19,077.16', amount: 19_077_160_000n });
    expect(figures.find((f) => f.source.line === 12 && f.side === '支出')).toMatchObject({ item: '一、一般公共服务支出', column: '支出/决算数', amount: 17_004_140_000n });
    expect(figures.map((f) => f.value)).not.toContain('33');
    expect(figures.filter((f) => f.source.line === 12)).toHaveLength(2);
  });

  it('keeps 年初结转和结余 and 年末结转和结余 apart on one row', () => {
    const row = figures.filter((f) => f.item.includes('结转和结余'));
    expect(row.map((f) => `${f.side} ${f.item} ${wan(f.amount)}`)).toEqual(['收入 年初结转和结余 0.04', '支出 年末结转和结余 0.04']);
  });

  it('leaves no number of the table unheld', () => {
    const doc = { ...emptyDoc(), figures };
    const [c] = coverage(doc, layout(fixture('summary-side-by-side.txt')));
    expect(c).toMatchObject({ cellsNotRead: 0, cellsFigures: c!.cells });
    expect(c!.cells).toBe(2 * 2 + 2 * 4); // two 收入/支出 pairs above, four below; 行次 31 and 63 name empty rows
  });
});

describe('公开06: three blocks of 经济分类 per row', () => {
  it('makes one line per block, each with only its own amount', () => {
    const table = layout(fixture('economic-blocks-side-by-side.txt')).tables[0]!;
    const { lines } = extractClassification(table, 'f.txt', '万元', 'ACTUAL', []);
    expect(lines.slice(0, 6).map((l) => `${l.code} ${l.name} ${wan(l.total)}`)).toEqual(['301 工资福利支出 1461.82', '302 商品和服务支出 93.61', '307 债务利息及费用支出 0.00', '30101 基本工资 142.52', '30201 办公费 40.30', '30701 国内债务付息 0.00']);
    expect(lines.every((l) => Object.keys(l.columns).length === 1)).toBe(true);
  });
});

describe('公开08: a header whose 科目名称 spans two empty cells', () => {
  it('lines its labels up with the figures: the total is 本年支出 小计, not 年初结转和结余', () => {
    const table = layout(fixture('fund-table-shifted-header.txt')).tables[0]!;
    const { lines, totals } = extractClassification(table, 'f.txt', '万元', 'ACTUAL', []);
    expect(lines.map((l) => `${l.code} ${wan(l.total)}`)).toEqual(['234 3825.17', '23402 3825.17', '2340299 3825.17']);
    expect(lines[0]!.columns).toMatchObject({ 年初结转和结余: 0n, 本年收入: 3_825_170_000n });
    expect(totals.map((t) => wan(t.total))).toEqual(['3825.17']);
  });
});

describe('政府投资项目 forms', () => {
  it('reads every field with its line: targets, plan under either wording, fund splits, rates, progress, industry, ticks', () => {
    const ip = extractInvestmentProject(layout(fixture('investment-form.txt')).tables[0]!, 'f.txt')!;
    expect({ ...ip, fieldSources: undefined, source: undefined }).toMatchObject({
      name: '视频前端建设（一期）项目', code: '2019-440317-65-01-', truncated: true, industry: '信息化', started: true, completed: true, nature: '续建',
      startDate: '2019年8月26日', endDate: '2020年6月30日', planExecutionRate: '100.00%', completionRate: '77.63%', imageProgress: '100%', progress: '视频前端建设（一期）项目已完成第三方审计。',
    });
    expect([ip.totalInvestment, ip.totalFiscal, ip.totalOther, ip.targetAtYearStart, ip.plannedInYear, ip.completedInYear, ip.completedGovernmentFund, ip.completedGeneralBudget, ip.cumulativeCompleted].map(wan)).toEqual(['575.04', '575.04', '0.00', '300.00', '280.3768', '280.3768', '0.00', '280.3768', '446.379625']);
    expect(ip.fieldSources.plannedInYear!.text).toContain('2020年下达政府投资计划');
    expect(ip.fieldSources.completedGeneralBudget!.line).toBe(ip.fieldSources.completedInYear!.line);
  });

  it('reads the fund split printed on the line after 实际完成投资, and a 政府性基金 left blank as nothing', () => {
    const ip = extractInvestmentProject(layout(fixture('investment-form-split-line.txt')).tables[0]!, 'f.txt')!;
    expect([ip.plannedInYear, ip.completedInYear, ip.completedGeneralBudget, ip.completedGovernmentFund].map(wan)).toEqual(['234.396377', '234.396377', '234.396377', null]);
    expect(ip.fieldSources.completedGeneralBudget!.line).toBe(ip.fieldSources.completedInYear!.line + 1);
    expect(ip.planExecutionRate).toBe('100%');
  });
});

describe('整体支出绩效目标表 年度主要任务', () => {
  const projects = projectsFromTargetForm(layout(fixture('target-form-basic-rows.txt')).tables[0]!, 'f.txt', '万元');
  it('reads 财政拨款 and 其他资金 by the order of their labels, not their shifted positions', () => {
    expect(projects[0]!.funding!.map((f) => `${f.source} ${wan(f.budget)}`)).toEqual(['财政拨款 336.00', '其他资金 0.00']);
  });
  it('keeps 基本支出 rows (在职人员经费, 机构公用经费 … under 行政运行) out of the projects', () => {
    expect(projects.map((p) => p.name)).not.toContain('在职人员经费');
    expect(projects.map((p) => p.name)).not.toContain('机构公用经费');
    expect(projects[0]!.name).toBe('信息系统运行与维护（通用项目）');
  });
});

describe('prose amounts', () => {
  const prose = layout(fixture('prose-itemised-list.txt')).prose;
  const amounts = proseAmounts(prose, 'f.txt', '万元');

  it('reads each amount with its item, and the change and percentage stated for it', () => {
    expect(amounts.find((a) => a.item === '政务综合管理')).toMatchObject({ amount: 20_439_030_000n, change: 4_521_510_000n, changePercent: '28.4%' });
    expect(amounts.find((a) => a.item === '综合管理')).toMatchObject({ amount: 1_915_510_000n, change: -110_300_000n, changePercent: '-5.4%' });
    expect(amounts.some((a) => a.amount === 4_521_510_000n)).toBe(false);
  });

  it('turns an itemised list (主要包括：…) into level-2 projects under the level-1 project', () => {
    const level2 = projectsFromItemisedProse(amounts, new Set(['政务综合管理', '综合管理']));
    expect(level2.filter((p) => p.parent === '政务综合管理').map((p) => `${p.name} ${wan(p.amount)}`).slice(0, 3)).toEqual(['发展规划综合管理 1261.12', '政务事项管理 73.08', '政务服务管理 361.80']);
    expect(level2.filter((p) => p.parent === '综合管理').map((p) => p.name)).toEqual(['行政综合管理', '党务人事综合']);
    expect(level2.every((p) => p.level === 2 && p.sourceKind === 'PROSE_LIST')).toBe(true);
  });

  it('skips thresholds ("单价 100 万元以上") and reads a long run of digits in linear time', () => {
    const lines = (digits: number) => [{ line: 1, text: '单价 100 万元以上设备 16 台，共 3 万元。', heading: false }, { line: 2, text: '1'.repeat(digits), heading: false }];
    expect(proseAmounts(lines(200_000), 'f.txt', '万元').map((a) => wan(a.amount))).toEqual(['3.00']);
    // Linear, measured as CPU time of 4× the digits against 1× (best of three; no wall clock):
    // about 4 when linear, 16 when quadratic.
    const cpu = (digits: number) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const before = process.cpuUsage();
        proseAmounts(lines(digits), 'f.txt', '万元');
        const used = process.cpuUsage(before);
        best = Math.min(best, used.user + used.system);
      }
      return Math.max(best, 1);
    };
    expect(cpu(400_000) / cpu(100_000)).toBeLessThan(10);
  });
});

describe('prose against table', () => {
  it('records 基本公用支出 128 (prose) against 商品和服务支出 127 of the 基本支出 block as a contradiction with both lines, and links what agrees', () => {
    const doc = parseDocument(fixture('prose-vs-table.txt'), 'f.txt');
    const { links, anomalies } = restatements(doc, []);
    expect(anomalies).toHaveLength(1);
    expect(anomalies[0]).toMatchObject({ kind: 'PROSE_TABLE_MISMATCH', severity: 'WARNING', delta: 1_000_000n });
    expect(anomalies[0]!.sources.map((s) => s.line)).toEqual([16, 11]);
    const linked = links.map((l) => doc.proseAmounts[l.proseIndex]!.item);
    expect(linked).toEqual(expect.arrayContaining(['基本支出', '工资福利支出']));
  });
});

describe('a 项目支出明细表', () => {
  it('lists each payment of the project its title names, its 合计 as a total, every number typed', () => {
    const text = `某局2020年部门决算\n\n${fixture('payment-detail.txt')}`;
    const doc = parseDocument(text, 'f.txt');
    expect(doc.payments).toHaveLength(8);
    expect(doc.payments[2]).toMatchObject({ project: '民生诉求', serial: '3', item: '付政府宣传服务合同尾款', amount: 5_000_000n });
    expect(doc.payments[4]!.amount).toBe(66_978_000n);
    expect(doc.totals.find((t) => t.table.includes('明细表'))).toMatchObject({ total: 283_910_000n });
    const [c] = coverage(doc, layout(text)).filter((t) => t.family === 'PAYMENT_DETAIL');
    expect(c).toMatchObject({ cells: 9, cellsTyped: 9, cellsFigures: 0, cellsNotRead: 0 });
  });

  it('printing the contract amount beside the amount paid (合同金额 | 支出金额), takes what was paid', () => {
    // Synthetic: the same table with a contract-amount column before the paid one.
    const table = '“民生诉求”项目支出明细表\n\n序号\t支出事项\t合同金额 (万元)\t支出金额 (万元)\n1\t付政府宣传服务合同尾款\t20\t5\n2\t付民生热线服务合同款\t267.912\t66.978\n合计\t\t287.912\t71.978\n';
    const doc = parseDocument(`某局2020年部门决算\n\n${table}`, 'f.txt');
    expect(doc.payments.map((p) => p.amount)).toEqual([5_000_000n, 66_978_000n]);
    expect(doc.totals.find((t) => t.table.includes('明细表'))).toMatchObject({ total: 71_978_000n });
  });
});

describe('indicator rows that lost or moved cells', () => {
  const read = (name: string) => extractIndicators(layout(fixture(name)).tables[0]!, 'f.txt', null, []);

  it('takes a threshold for a value, not a name: 服务对象满意度指标 | ≥95% | 95% is that indicator with target ≥95%, actual 95%', () => {
    const last = read('self-evaluation-indicators-shifted.txt').pop()!;
    expect(last).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度指标', target: '≥95%', actual: '95%' });
  });

  it('files 经济效益指标 under 效益指标 although the form prints it after the 产出 rows, and keeps the row', () => {
    const rows = read('indicator-level-under-wrong-parent.txt');
    expect(rows.find((r) => r.name === '经济效益指标')).toMatchObject({ level1: '效益指标', level2: '经济效益指标', target: null });
    expect(rows.find((r) => r.name === '安全生产事故发生次数')).toMatchObject({ level1: '效益指标', level2: '社会效益指标', target: '0次' });
    expect(rows.find((r) => r.name === '发生信息安全事故次数')).toMatchObject({ level1: '产出指标' });
  });

  it('reads 改进措施 after 指标值 where the form prints no achieved column (the reason follows the target, not a missing value)', () => {
    const rows = extractIndicators(layout('项目绩效指标\n一级指标\t二级指标\t三级指标\t指标值\t改进措施\n产出指标\t数量指标\t培训人次\t≥100人次\t扩大宣传\n').tables[0]!, 'f.txt', null, []);
    expect(rows[0]).toMatchObject({ name: '培训人次', target: '≥100人次', actual: null, reason: '扩大宣传' });
    expect(rows[0]!.cellsRead).toEqual([0, 1, 2, 3, 4]);
  });

  it('reads 完成情况 of an investment form as what was achieved (the form prints no target)', () => {
    const rows = extractIndicators(layout(fixture('investment-form.txt') + '\n' + '项目绩效指标\n一级指标\t二级指标\t指标内容描述\t完成情况\t改进措\n过程管理指标\t项目管理指标\t项目是否按照计划时间开工\t是\t\n\t\t经济效益指标\t\t不适用\t\n').tables[0]!, 'f.txt', null, []);
    expect(rows[0]).toMatchObject({ name: '项目是否按照计划时间开工', target: null, actual: '是' });
  });
});

describe('a 项目支出总表 the PDF ran together on one line', () => {
  it('is still a table: each number a figure with the words before it, and a warning that its columns are unknown', () => {
    const doc = parseDocument(`某局2024年部门预算\n\n${fixture('flattened-project-table.txt')}`, 'f.txt');
    const figures = doc.figures.filter((f) => f.family === 'PROJECT_EXPENDITURE');
    expect(figures.length).toBeGreaterThan(60);
    expect(figures.find((f) => f.item.endsWith('信息化运维项目'))!.amount).toBe(1_460_000_000n);
    // "40, 980, 57" (commas for the decimal point) and "0.000.000.00" (cells run together) both read.
    expect(figures.some((f) => f.amount === 40_980_570_000n)).toBe(true);
    expect(figures.filter((f) => f.value === '0.00').length).toBeGreaterThan(20);
    expect(doc.diagnostics.find((d) => d.code === 'FLATTENED_TABLE')).toMatchObject({ level: 'WARNING', line: 1 + 2 });
  });
});

describe('forms and project tables: every field', () => {
  it('reads a transfer-payment form (转移支付（项目）名称) as a project with its self-evaluation, goal and what was achieved', () => {
    const table = layout(fixture('transfer-payment-self-evaluation.txt')).tables[0]!;
    const form = projectFromForm(table, 'f.txt', '万元')!;
    expect(form.project).toMatchObject({ name: '区级温馨驿站项目', amount: 3_825_173_800n, executed: 3_825_173_800n });
    expect(form.project.goal).toMatch(/^做好区级温馨驿站承租/);
    expect(form.evaluation!.achieved).toBe('已较好实现后勤保障，未出现重大纰漏。');
    expect(form.project.funding!.map((f) => f.source)).toEqual(['中央财政资金']);
  });

  it('keeps the unit rows of a project table as totals, and each project’s 项目申报依据', () => {
    const table = layout(fixture('project-table-unit-rows.txt')).tables[0]!;
    const totals: TableTotal[] = [];
    const projects = projectsFromCodedTable(table, 'f.txt', '万元', [], totals);
    expect(totals.map((t) => `${t.unit} ${wan(t.total)} line ${t.source.line}`)).toEqual(['深圳市龙岗区政务服务数据管理局 4545.00 line 8', '深圳市龙岗区政务服务数据管理局 2858.00 line 9']);
    expect(projects[1]).toMatchObject({ name: '政务服务管理', justification: '提升服务群体办事体验，释放企业活力，保障大厅正常开展各项政务服务工作。' });
  });
});

describe('what the new facts reveal', () => {
  it('sees one project under two names: the prose’s 严控类经费（专项培训） 12.5 / 4.28 is the form’s 培训支出 12.504 / 4.275', () => {
    const form = { name: '培训支出', level: 2 as const, parent: null, unit: null, amount: 12_504_000n, executed: 4_275_000n, executionRate: '34.19%', functionCode: null, functionName: null, key: false, goal: null, sourceKind: 'SELF_EVALUATION' as const, source: { file: 'f.txt', table: '项目支出绩效自评表', line: 1351, text: '' } };
    const prose = { ...form, name: '严控类经费（专项培训）', level: null, amount: 12_500_000n, executed: 4_280_000n, executionRate: '34.2%', source: { file: 'f.txt', table: '正文', line: 486, text: '' } };
    const variants = nameVariants([form, prose]);
    expect(variants).toHaveLength(1);
    expect(variants[0]).toMatchObject({ printed: '严控类经费（专项培训）', canonical: '培训支出', anomaly: { kind: 'PROJECT_NAMED_TWICE', severity: 'INFO', delta: -4_000n } });
    // 4.29 is not 4.275 rounded: not the same project.
    expect(nameVariants([form, { ...prose, executed: 4_290_000n }])).toEqual([]);
    // Two forms that fit: ambiguous, so no match.
    expect(nameVariants([form, { ...form, name: '另一培训' }, prose])).toEqual([]);
  });

  it('records an investment form’s plan against what it completed, with both lines', () => {
    const ip = extractInvestmentProject(layout(fixture('investment-form.txt')).tables[0]!, 'f.txt')!;
    const gaps = planActualAnomalies([ip]);
    expect(gaps.map((a) => `${a.kind} ${a.severity} ${wan(a.delta)}`)).toEqual(['PLAN_ACTUAL_GAP INFO -19.6232']);
    expect(gaps[0]!.sources.map((s) => s.line)).toEqual([ip.fieldSources.targetAtYearStart!.line, ip.fieldSources.completedInYear!.line]);
  });

  it('explains a level-1 project’s gap over its items by the carry-over printed in the 项目支出总表', () => {
    const doc = parseDocument(readFileSync(join(import.meta.dirname, '../../data/002_94a530100b90bc43.txt'), 'utf8'), '002.txt');
    const gap = doc.anomalies.find((a) => a.kind === 'PROJECT_SUM_MISMATCH' && a.message.startsWith('政务综合管理'))!;
    expect(gap).toMatchObject({ severity: 'INFO', delta: 707_100_000n });
    expect(gap.sources.map((s) => s.line)).toEqual([550, 82, 387]);
  });
});

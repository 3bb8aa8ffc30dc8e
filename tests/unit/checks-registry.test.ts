// The registry of checks (#38 item 1) on the lines of the real Shanghai pages: each finding a
// person confirmed on the page (the reviewer's checklist of dept_budget.pdf, the errors planted in
// 24年普陀区财政局（测试问题版本）.pdf), with both sides' lines; no finding where the page agrees.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { CHECK_FAMILIES, CHECK_RULES } from '../../src/parse/checks/registry.js';
import { ANOMALY_KINDS, SEVERITIES } from '../../src/model/anomalies.js';
import { restatements } from '../../src/load/restatements.js';
import type { Anomaly } from '../../src/parse/records.js';

const lines = (a: Anomaly) => a.sources.map((s) => s.line);
const of = (anomalies: Anomaly[], kind: string) => anomalies.filter((a) => a.kind === kind);

// dept_budget.pdf (上海市普陀区司法局 2026年部门预算), pages 8-9 and the 收入预算总表 of page 11, as printed.
const BUDGET_2026 = [
  '上海市普陀区2026年区级部门预算', // 1
  '预算主管部门：上海市普陀区司法局', // 2
  '2026年部门预算编制说明', // 3
  '2026年，上海市普陀区司法局收入预算9628.22万元，其中：财政拨款收入9628.22万元，比2026年预算增加793.14万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。', // 4
  '支出预算9628.22万元，其中：财政拨款支出预算9628.22万元，比2026年预算增加793.14万元。财政拨款支出预算中，一般公共预算拨款支出预算9628.22万元，比2026年预算增加793.14万元；政府性基金拨款支出预算0万元，与2026年预算持平；国有资本经营预算拨款支出预算0万元，与2026年预算持平。', // 5
  '财政拨款支出主要内容如下：', // 6
  '1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。主要用于：行政单位的基本支出。2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。主要原因是：部分人员退休。', // 7
  '5、公共安全支出（204类）司法（06款）信息化建设（13项）227.88万元。主要用于：信息化建设及运行维护等方面的支出。。2025年当年预算执行数为60.41万元，2026年预算安排227.88万元，比2025年预算执行数增加277.22%。主要原因是：业务量增加。', // 8
  '6、公共安全支出（204类）司法（06款）其他司法支出（99项）3845.49万元。主要用于：依法治区、法制业务经费等支出。2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%。主要原因是：业务量增加。', // 9
  '7、社会保障和就业支出（208类）行政事业单位养老支出（05款）行政单位离退休（01项）57.8万元。主要用于：退休人员支出。2025年当年预算执行数为59.11万元，2026年预算安排57.8万元，比2025年预算执行数减少2.21%。主要原因是：退休实有人数减少。', // 10
  '9、社会保障和就业支出（208类）行政事业单位养老支出（05款）机关事业单位职业年金缴费支出（06项）91.97万元。主要用于：支付职业年金。2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加17.66%。主要原因是：职业年金支出增加。', // 11
  '11、医疗卫生与计划生育支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）114.97万元。主要用于：行政单位医疗保险缴费经费。2025年当年预算执行数为59.43万元，2026年预算安排114.97万元，比2025年预算执行数增加93.45%。主要原因是：支出增加。', // 12
  '12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。主要用于：行政事业单位为职工缴纳的住房公积金。2025年当年预算执行数为198.34万元，2026年预算安排201.50万元，比2025年预算执行数增加5.27%。主要原因是：支出增加。', // 13
  '2026年部门收入预算总表', // 14
  '', // 15
  '编制部门：上海市普陀区司法局\t单位：元', // 16
  '项目\t\t\t\t收入预算\t\t\t\t', // 17
  '功能分类科目编码\t\t\t功能分类科目名称\t合计\t财政拨款收入\t事业收入\t事业单位经营收入\t其他收入', // 18
  '类\t款\t项\t\t\t\t\t\t', // 19
  '204\t\t\t公共安全支出\t87267272.44\t87267272.44\t0.00\t0.00\t0.00', // 20
  '204\t06\t\t司法\t87267272.44\t87267272.44\t0.00\t0.00\t0.00', // 21
  '204\t06\t01\t行政运行\t16726725.44\t16726725.44\t0.00\t0.00\t0.00', // 22
  '204\t06\t13\t信息化建设\t2278800.00\t2278800.00\t0.00\t0.00\t0.00', // 23
  '204\t06\t99\t其他司法支出\t38454900.00\t38454900.00\t0.00\t0.00\t0.00', // 24
  '208\t\t\t社会保障和就业支出\t3343704.00\t3343704.00\t0.00\t0.00\t0.00', // 25
  '208\t05\t\t行政事业单位养老支出\t3343704.00\t3343704.00\t0.00\t0.00\t0.00', // 26
  '208\t05\t01\t行政单位离退休\t578040.00\t578040.00\t0.00\t0.00\t0.00', // 27
  '208\t05\t06\t机关事业单位职业年金缴费支出\t919739.00\t919739.00\t0.00\t0.00\t0.00', // 28
  '210\t\t\t卫生健康支出\t1149678.00\t1149678.00\t0.00\t0.00\t0.00', // 29
  '210\t11\t\t行政事业单位医疗\t1149678.00\t1149678.00\t0.00\t0.00\t0.00', // 30
  '210\t11\t01\t行政单位医疗\t1149678.00\t1149678.00\t0.00\t0.00\t0.00', // 31
  '221\t\t\t住房保障支出\t4521559.00\t4521559.00\t0.00\t0.00\t0.00', // 32
  '221\t02\t\t住房改革支出\t4521559.00\t4521559.00\t0.00\t0.00\t0.00', // 33
  '221\t02\t01\t住房公积金\t2087959.00\t2087959.00\t0.00\t0.00\t0.00', // 34
  '221\t02\t03\t购房补贴\t2433600.00\t2433600.00\t0.00\t0.00\t0.00', // 35
  '4.开展“人民调解协议书检查”、优秀调解案例”活动。', // 36
].join('\n');

describe('the registry', () => {
  it('declares every rule with a code, a kind, a family, a severity, what it compares and why', () => {
    const codes = CHECK_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of CHECK_RULES) {
      expect(Object.keys(ANOMALY_KINDS)).toContain(r.kind);
      expect(Object.keys(CHECK_FAMILIES)).toContain(r.family);
      expect(Object.keys(SEVERITIES)).toContain(r.severity);
      expect(r.compares.length).toBeGreaterThan(20);
      expect(r.why.length).toBeGreaterThan(20);
    }
    expect(new Set(CHECK_RULES.map((r) => r.family))).toEqual(new Set(Object.keys(CHECK_FAMILIES)));
  });
});

describe('dept_budget.pdf pages 8-9: what the reviewer found, and what agrees', () => {
  const doc = parseDocument(BUDGET_2026, 'dept_budget.txt');

  it('a rise of 17.62% stated where 43,269.3 → 3,845.49 万元 is a fall, and 17.66% where 77.99 → 91.97 is 17.93%; none where the rate fits', () => {
    const rates = of(doc.anomalies, 'PROSE_ARITHMETIC_MISMATCH').filter((a) => /增加|减少/.test(a.message) && a.severity === 'WARNING');
    expect(rates.map((a) => a.sources[0]!.line)).toEqual([9, 11, 13]);
    expect(rates[0]!.message).toMatch(/opposite direction/);
    // 1,690.69 → 1,672.67 is −1.0658%: the printed 减少1.07% is it, rounded; no finding.
    expect(of(doc.anomalies, 'PROSE_ARITHMETIC_MISMATCH').some((a) => a.sources[0]!.line === 7)).toBe(false);
  });

  it('减少2.21% where 59.11 → 57.8 gives −2.22%: no finding, as 57.8 is printed for p. 11\'s 578,040.00 元 and 59.11 → 57.804 is −2.21% (any values the printed amounts round from, −2.31 … −2.12%, are accepted)', () => {
    const line10 = of(doc.anomalies, 'PROSE_ARITHMETIC_MISMATCH').filter((a) => a.sources[0]!.line === 10);
    expect(line10).toEqual([]);
    // The same sentence stating 减少2.33%: beyond what the rounding allows, a WARNING.
    const beyond = parseDocument(BUDGET_2026.replace('比2025年预算执行数减少2.21%', '比2025年预算执行数减少2.33%'), 'dept_budget.txt');
    expect(of(beyond.anomalies, 'PROSE_ARITHMETIC_MISMATCH').filter((a) => a.sources[0]!.line === 10).map((a) => a.severity)).toEqual(['WARNING']);
  });

  it('住房公积金 stated 201.50 万元 for 2026 against 2,087,959.00 元 in the table; 208.8 agrees at the precision printed', () => {
    const [m, ...rest] = of(doc.anomalies, 'PROSE_TABLE_MISMATCH');
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ severity: 'WARNING', delta: 201_500_000n - 208_795_900n });
    expect(lines(m!)).toEqual([13, 34]);
  });

  it('医疗卫生与计划生育支出（210类） in the prose, 卫生健康支出 in the table', () => {
    const named = of(doc.anomalies, 'CODE_NAMED_TWICE');
    expect(named).toHaveLength(1);
    expect(named[0]!.message).toMatch(/210.*医疗卫生与计划生育支出.*卫生健康支出/);
    expect(lines(named[0]!)).toEqual([12, 29]);
  });

  it('five comparisons with 2026 in a 2026 budget', () => {
    const years = of(doc.anomalies, 'YEAR_MISMATCH');
    expect(years.map((a) => a.sources[0]!.line)).toEqual([4, 5, 5, 5, 5]);
  });

  it('p. 23: 人民调解项目经费’s 实施周期 2025年1月1日-2025年12月31日 in the 2026 budget, a YEAR_MISMATCH at its line; none for 2026, nor for a period reaching into 2026', () => {
    const project = (period: string) => {
      const text = [BUDGET_2026, '人民调解项目经费情况说明', '四、实施方案', '3.全年开展专题培训；', '五、实施周期', period, '六、年度预算安排', '795万元'].join('\n');
      return of(parseDocument(text, 'dept_budget.txt').anomalies, 'YEAR_MISMATCH').filter((a) => a.sources[0]!.line > 36);
    };
    const found = project('2025年1月1日-2025年12月31日');
    expect(found.map((a) => [a.severity, a.sources[0]!.line])).toEqual([['WARNING', 41]]);
    expect(found[0]!.message).toMatch(/实施周期 "2025年1月1日-2025年12月31日" lies wholly in 2025, outside 2026/);
    expect(project('2026年1月1日-2026年12月31日')).toEqual([]);
    expect(project('2025年7月1日至2027年6月30日')).toEqual([]);
    // A span of years that ended before the budget's (works finished, paid off later): INFO, not a WARNING.
    expect(project('2023年7月1日-2025年6月30日').map((a) => a.severity)).toEqual(['INFO']);
  });

  it('。。 and an unpaired ” as form findings (INFO)', () => {
    const marks = of(doc.anomalies, 'PUNCTUATION');
    expect(marks.map((a) => [a.severity, a.sources[0]!.line])).toEqual([['INFO', 8], ['INFO', 36]]);
  });
});

// 24年普陀区财政局（测试问题版本）.pdf: the errors planted, on the lines the page prints them.
const ACCOUNTS_2024 = [
  '上海市普陀区财政局', // 1
  '2024 年度部门决算', // 2
  '目录', // 3
  '一、收入支出决算总表', // 4
  '二、收入决算表', // 5
  '三、支出决算表', // 6
  '第二部分 上海市普陀区XX局 2024 年度部门决算表', // 7
  '收入支出决算总表', // 8
  '单位：万元', // 9
  '', // 10
  '收入\t\t支出\t', // 11
  '项目\t决算数\t项目\t决算数', // 12
  '一、一般公共预算财政拨款收入\t2,940.05\t一、一般公共服务支出\t2,106.66', // 13
  '本年收入合计\t2,946.25\t本年支出合计\t2,940.05', // 14
  '年初结转和结余\t49.14\t年末结转和结余\t55.34', // 15
  '总计\t2,995.39\t总计\t2,995.39', // 16
  '', // 17
  '收入决算表', // 18
  '单位：万元', // 19
  '', // 20
  '项目\t\t\t\t本年收入合计\t财政拨款收入\t其他收入', // 21
  '类\t款\t项\t合计\t2,946.25\t2,940.05\t6.20', // 22
  '201\t\t\t一般公共服务支出\t2,112.86\t2,106.66\t6.20', // 23
  '201\t06\t\t财政事务\t2,112.86\t2,106.66\t6.20', // 24
  '201\t06\t01\t行政运行\t1,511.90\t1,511.89\t0.01', // 25
  '', // 26
  '第三部分上海市普陀区财政局 2023年度部门决算情况说明', // 27
  '一、收入支出决算总体情况说明', // 28
  '上海市普陀区财政局 2024 年度收入支出总计 0 万元。与', // 29
  '2023 年度相比，收入支出总计减少 56.95 万元，下降 1.87%。主', // 30
  '要原因：基本支出中人员进出及退休变化。', // 31
  '1、一般公共服务支出（类）财政事务（款）行政运行', // 32
  '（项）。主要用于：局本部人员经费及公用经费等的基本支出。', // 33
  '年初预算为 1560.05 万元，支出决算为 1511.89 万元。 决算', // 34
  '数大于预算数的主要原因：人员进出及退休变化，减少人员经', // 35
  '费开支。', // 36
  '2、一般公共服务支出（类）财政事务（款）一般行政管理', // 37
  '事务（项）。主要用于：局财政业务指导与宣传等基本支出。年', // 38
  '初预算为 10.00 万元，支出决算为 10.00 万元。 决算数与预', // 39
  '算数基本持平。', // 40
  '9、卫生健康支出（类）行政事业单位医疗（款）行政单位', // 41
  '医疗（项）。主要用于：在职人员基本医疗保险费。年初预算为', // 42
  '62.29 万元，支出决算为 60.99 万元。 决算数等于预算数的主', // 43
  '要原因：预算按周全保障测算，实际执行基本贴合预期。', // 44
  '（三）国有资产占有使用情况说明', // 45
  '截至 2023年 12 月 31 日，上海市普陀区财政局共有车辆 0', // 46
  '辆。', // 47
  '一、财政拨款收入：指单位本年度从本级财政部门取得的', // 48
  '财政拨款，包括一般公共预算财政拨款、政府性基金预算财政', // 49
  '拨款和国有资本经营预算财政拨款。。', // 50
].join('\n');

describe('24年普陀区财政局（测试问题版本）: the planted errors, found by rules of any document', () => {
  const doc = parseDocument(ACCOUNTS_2024, 'test.txt');

  it('决算数大于 / 等于预算数 where the amounts stated say 小于, across wrapped lines; 持平 where equal is no finding', () => {
    const words = of(doc.anomalies, 'PROSE_COMPARISON_MISMATCH');
    expect(words.map((a) => [a.severity, lines(a)])).toEqual([
      ['WARNING', [34, 34, 34]],
      ['WARNING', [43, 42, 43]],
    ]);
  });

  it('收入支出总计 0 万元 against the table’s 总计 2,995.39, and the change it states against 0', () => {
    const total = of(doc.anomalies, 'PROSE_TABLE_MISMATCH').filter((a) => a.severity === 'WARNING');
    expect(total.map(lines)).toEqual([[29, 16]]);
    // Line 34's 支出决算为 1511.89 against line 25's 合计 1,511.90: a last digit apart, INFO (#38).
    expect(of(doc.anomalies, 'PROSE_TABLE_MISMATCH').filter((a) => a.severity === 'INFO').map(lines)).toEqual([[34, 25]]);
    expect(total[0]!.delta).toBe(-2_995_390_000n);
    expect(of(doc.anomalies, 'PROSE_ARITHMETIC_MISMATCH').map((a) => a.sources[0]!.line)).toEqual([29]);
  });

  it('a heading of 2023 and 截至 2023年12月31日 in the 2024 决算', () => {
    // Each with the title line that gives the document its year.
    expect(of(doc.anomalies, 'YEAR_MISMATCH').map(lines)).toEqual([[27, 1], [46, 1]]);
  });

  it('上海市普陀区XX局, 。。, and 支出决算表 listed in the contents but not printed', () => {
    expect(of(doc.anomalies, 'PLACEHOLDER_TEXT').map(lines)).toEqual([[7]]);
    expect(of(doc.anomalies, 'PUNCTUATION').map(lines)).toEqual([[50]]);
    expect(of(doc.anomalies, 'MISSING_TABLE').map((a) => [a.sources[0]!.line, a.sources[0]!.text])).toEqual([[6, '三、支出决算表']]);
  });
});

// 上海市普陀区财政局2024年度部门决算.pdf pp. 16-17 (一般公共预算财政拨款基本支出决算表, 人员经费 on the
// left, 公用经费 on the right) and p. 23 (六、基本支出决算情况说明), as printed; the 测试问题版本 prints the same
// (pp. 13 and 21).
const BASIC_2024 = [
  '上海市普陀区财政局2024年度部门决算', // 1
  '一般公共预算财政拨款基本支出决算表', // 2
  '单位：万元', // 3
  '经济分类\t\t科目名称\t决算数\t经济分类\t\t科目名称\t决算数', // 4
  '科目编码\t\t\t\t科目编码\t\t\t', // 5
  '类\t款\t\t\t类\t款\t\t', // 6
  '301\t\t工资福利支出\t2,082.85\t302\t\t商品和服务支出\t171.07', // 7
  '301\t01\t基本工资\t262.33\t302\t01\t办公费\t21.21', // 8
  '301\t02\t津贴补贴\t1,238.58\t302\t02\t印刷费\t7.61', // 9
  '301\t03\t奖金\t\t302\t03\t咨询费\t', // 10
  '301\t06\t伙食补助费\t\t302\t04\t手续费\t0.09', // 11
  '301\t07\t绩效工资\t\t302\t05\t水费\t', // 12
  '301\t08\t机关事业单位基本养老保险缴费\t160.75\t302\t06\t电费\t', // 13
  '301\t09\t职业年金缴费\t80.38\t302\t07\t邮电费\t4.88', // 14
  '301\t10\t职工基本医疗保险缴费\t60.99\t302\t08\t取暖费\t', // 15
  '301\t11\t公务员医疗补助缴费\t\t302\t09\t物业管理费\t', // 16
  '301\t12\t其他社会保障缴费\t1.61\t302\t11\t差旅费\t1.20', // 17
  '301\t13\t住房公积金\t187.19\t302\t12\t因 公 出 国 （ 境 ） 费用\t', // 18
  '301\t14\t医疗费\t\t302\t13\t维修（护）费\t2.83', // 19
  '301\t99\t其他工资福利支出\t91.03\t302\t14\t租赁费\t', // 20
  '303\t\t对个人和家庭的补助\t69.41\t302\t15\t会议费\t', // 21
  '303\t01\t离休费\t\t302\t16\t培训费\t4.05', // 22
  '303\t02\t退休费\t69.10\t302\t17\t公务接待费\t', // 23
  '303\t03\t退职（役）费\t\t302\t18\t专用材料费\t', // 24
  '303\t04\t抚恤金\t\t302\t24\t被装购置费\t', // 25
  '303\t05\t生活补助\t\t302\t25\t专用燃料费\t', // 26
  '303\t07\t医疗费补助\t\t302\t26\t劳务费\t2.01', // 27
  '303\t08\t助学金\t\t302\t27\t委托业务费\t', // 28
  '303\t09\t奖励金\t0.31\t302\t28\t工会经费\t24.42', // 29
  '303\t10\t个人农业生产补贴\t\t302\t29\t福利费\t42.77', // 30
  '303\t11\t代缴社会保险费\t\t302\t31\t公 务 用 车 运 行 维 护费\t', // 31
  '303\t99\t其他对个人和家庭的补助\t\t302\t39\t其他交通费用\t48.49', // 32
  '\t\t\t\t302\t40\t税金及附加费用\t', // 33
  '\t\t\t\t302\t99\t其 他 商 品 和 服 务 支出\t11.53', // 34
  '\t\t\t\t310\t\t资本性支出\t13.58', // 35
  '\t\t\t\t310\t01\t房屋建筑物购建\t', // 36
  '\t\t\t\t310\t02\t办公设备购置\t13.58', // 37
  '\t\t\t\t310\t03\t专用设备购置\t', // 38
  '\t\t\t\t310\t07\t信息网络及软件购置更新\t', // 39
  '\t\t\t\t310\t13\t公务用车购置\t', // 40
  '\t\t\t\t310\t19\t其他交通工具购置\t', // 41
  '\t\t\t\t310\t21\t文物和陈列品购置\t', // 42
  '\t\t\t\t310\t22\t无形资产购置\t', // 43
  '\t\t\t\t310\t99\t其他资本性支出\t', // 44
  '人员经费合计\t\t\t2,152.26\t公用经费合计\t\t\t184.65', // 45
  '六、一般公共预算财政拨款基本支出决算情况说明', // 46
  '一般公共预算财政拨款基本支出2336.91万元。其中：人员经费2152.26万元，主要', // 47
  '包括：基本工资、津贴补贴、机关事业单位基本养老保险缴费、职业年金缴费、职工', // 48
  '基本医疗保险缴费、其他社会保障缴费、住房公积金、其他工资福利支出、退休', // 49
  '费、个人农业生产补贴；公用经费184.65万元，主要包括：办公费、印刷费、手续', // 50
  '费、邮电费、差旅费、维修（护）费、培训费、劳务费、工会经费、福利费、其他交', // 51
  '通费用、其他商品和服务支出、办公设备购置。', // 52
].join('\n');

describe('the 基本支出 说明’s lists of items against the economic table of 基本支出 (财政局 2024 决算 pp. 16-17 and 23)', () => {
  const found = (text: string) => of(parseDocument(text, 'f.txt').anomalies, 'PROSE_TABLE_MISMATCH').filter((a) => a.message.includes('基本支出 说明'));

  it('个人农业生产补贴 listed under 人员经费, its row (303 10) blank, and 奖励金 (303 09, 0.31) left out: one WARNING citing the list and both rows; 公用经费’s 13 names are its 13 rows with a figure', () => {
    const [m, ...rest] = found(BASIC_2024);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ severity: 'WARNING' });
    expect(m!.message).toMatch(/list of 人员经费 items \(line 47\) names 个人农业生产补贴, whose row \(30310, line 30\) prints no figure, and leaves out 奖励金, whose row \(30309, line 29\) prints 0\.31 万元/);
    expect(lines(m!)).toEqual([47, 30, 29]);
  });

  it('none where the list names 奖励金, as the table prints it', () => {
    expect(found(BASIC_2024.replace('个人农业生产补贴；', '奖励金；'))).toEqual([]);
  });

  it('none where the list is of another amount than the table’s 人员经费合计 (another scope)', () => {
    expect(found(BASIC_2024.replace('人员经费2152.26万元', '人员经费2164.26万元'))).toEqual([]);
  });
});

// 上海市普陀区财政局部门25年预算.pdf pp. 17-18, as printed: the 政府性基金 table and the 国有资本经营 table,
// both empty, each with a note under it; p. 18's note is p. 17's, word for word (and the first line of p. 19's table).
const FUNDS_2025 = [
  '上海市普陀区2025年区级部门预算', // 1
  '2025年部门政府性基金预算支出功能分类预算表', // 2
  '', // 3
  '编制部门：上海市普陀区财政局\t单位：元', // 4
  '项目\t\t\t\t政府性基金预算支出\t\t', // 5
  '功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出', // 6
  '类\t款\t项\t\t\t\t', // 7
  '\t\t\t\t\t\t', // 8
  '\t\t\t\t\t\t', // 9
  '合计\t\t\t\t\t\t', // 10
  '', // 11
  '注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。', // 12
  '2025年部门国有资本经营预算支出功能分类预算表', // 13
  '', // 14
  '编制部门：上海市普陀区财政局\t单位：元', // 15
  '项目\t\t\t\t国有资本经营预算支出\t\t', // 16
  '功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出', // 17
  '类\t款\t项\t\t\t\t', // 18
  '\t\t\t\t\t\t', // 19
  '\t\t\t\t\t\t', // 20
  '合计\t\t\t\t\t\t', // 21
  '', // 22
  '注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。', // 23
  '2025年部门一般公共预算支出功能分类预算表', // 24
  '编制部门：上海市普陀区财政局\t单位：元', // 25
  '功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出', // 26
  '类\t款\t项\t\t\t\t', // 27
  '201\t\t\t一般公共服务支出\t22186440.80\t16093326.00\t6093114.80', // 28
].join('\n');

describe('an empty table whose note names another fund (财政局 2025 p. 18)', () => {
  const doc = parseDocument(FUNDS_2025, 'f.txt');

  it('is an INFO citing the note and the table: 无政府性基金预算… under the 国有资本经营预算 table; p. 17’s note, of its own fund, is none', () => {
    const found = of(doc.anomalies, 'EMPTY_NOTE_MISMATCH');
    expect(found.map((a) => [a.severity, lines(a)])).toEqual([['INFO', [23, 13]]]);
    expect(found[0]!.message).toMatch(/empty for want of 政府性基金, where the table is of 国有资本经营/);
    // The reading says so too, not "as the page says".
    expect(doc.diagnostics.filter((d) => d.code === 'EMPTY_TABLE').map((d) => [d.line, /as the page says/.test(d.message)])).toEqual([[2, true], [13, false]]);
  });
});

describe('a share inside and beyond the rounding (上海市普陀区财政局2024年度部门决算.pdf p. 21, lines 362-365)', () => {
  const shares = (whole: string, share: string) => {
    const text = [
      '上海市普陀区财政局2024年度部门决算',
      `一般公共预算财政拨款支出${whole}万元，主要用于以下方面：一般公共服务支出`,
      `（类）2106.66万元，占${share}%；社会保障和就业支出（类）326.72万元，占11.11%；`,
      '卫生健康支出（类）60.99万元，占2.07%；住房保障支出（类）445.69万元，占',
      '15.16%；',
      '支出决算表',
      '单位：万元',
      '项目\t\t\t\t合计\t基本支出\t项目支出',
      '221\t\t\t住房保障支出\t445.69\t445.69\t',
    ].join('\n');
    return of(parseDocument(text, 'f.txt').anomalies, 'PROSE_ARITHMETIC_MISMATCH').map((a) => [a.severity, a.sources[0]!.line]);
  };

  it('占71.73% as printed: 2,106.66 of 2,940.05 is 71.65%, beyond the rounding: a WARNING; the other three shares are their amounts’ (none)', () => {
    expect(shares('2940.05', '71.73')).toEqual([['WARNING', 3]]);
  });

  it('the whole printed to the 万元 (2940): 2,106.66 ÷ 2,940 = 71.66%, and 71.65% lies inside 71.64 … 71.67%: accepted; 71.73% still a WARNING', () => {
    expect(shares('2940', '71.65')).toEqual([]);
    expect(shares('2940', '71.73')).toEqual([['WARNING', 3]]);
  });
});

describe('a 部门预算 whose prose cuts 万元 from a table in 元 (上海市普陀区财政局部门25年预算.pdf)', () => {
  const text = [
    '上海市普陀区2025年区级部门预算',
    '5.“社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”87.70万元，主要用于局本部人员的退休经费支出。',
    '7.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）”887.36万元，主要用于缴纳职业年金。',
    '2025年部门支出预算总表',
    '编制部门：上海市普陀区财政局\t单位：元',
    '功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出',
    '类\t款\t项\t\t\t\t',
    '208\t\t\t社会保障和就业支出\t2757957.00\t2757957.00\t0.00',
    '208\t05\t\t行政事业单位养老支出\t2757957.00\t2757957.00\t0.00',
    '208\t05\t01\t行政单位离退休\t877080.00\t877080.00\t0.00',
    '208\t05\t06\t机关事业单位职业年金缴费支出\t873617.00\t873617.00\t0.00',
  ].join('\n');
  const doc = parseDocument(text, 'f.txt');

  it('87.70 against 877,080.00 元 (87.708 万元) is within one unit of the printed digit: INFO; 887.36 against 87.3617 is a WARNING', () => {
    expect(of(doc.anomalies, 'PROSE_TABLE_MISMATCH').map((a) => [a.severity, a.sources[0]!.line])).toEqual([
      ['INFO', 2],
      ['WARNING', 3],
    ]);
  });

  // pp. 7-8 items 5, 7, 9-11 and p. 13's lines: every amount where cutting and rounding differ is cut.
  const items = [
    '上海市普陀区2025年区级部门预算',
    '5.“社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”87.70万元，主要用于局本部人员的退休经费支出。',
    '7.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）”887.36万元，主要用于缴纳职业年金。',
    '9.“卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”78.21万元，主要用于局本级和所属单位在职人员基本医疗保险费。',
    '10.“住房保障支出（类）住房改革支出（款）住房公积金（项）”204.91万元，主要用于缴纳在职人员住房公积金。',
    '11.“住房保障支出（类）住房改革支出（款）购房补贴（项）”268.77万元，主要用于购房补贴支出。',
    '2025年部门支出预算总表',
    '编制部门：上海市普陀区财政局\t单位：元',
    '功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出',
    '类\t款\t项\t\t\t\t',
    '208\t\t\t社会保障和就业支出\t1750697.00\t1750697.00\t0.00',
    '208\t05\t\t行政事业单位养老支出\t1750697.00\t1750697.00\t0.00',
    '208\t05\t01\t行政单位离退休\t877080.00\t877080.00\t0.00',
    '208\t05\t06\t机关事业单位职业年金缴费支出\t873617.00\t873617.00\t0.00',
    '210\t\t\t卫生健康支出\t782164.00\t782164.00\t0.00',
    '210\t11\t\t行政事业单位医疗\t782164.00\t782164.00\t0.00',
    '210\t11\t01\t行政单位医疗\t782164.00\t782164.00\t0.00',
    '221\t\t\t住房保障支出\t4736957.00\t4736957.00\t0.00',
    '221\t02\t\t住房改革支出\t4736957.00\t4736957.00\t0.00',
    '221\t02\t01\t住房公积金\t2049197.00\t2049197.00\t0.00',
    '221\t02\t03\t购房补贴\t2687760.00\t2687760.00\t0.00',
  ].join('\n');

  it('a text that cuts all four amounts where cutting and rounding differ, rounding none, is one INFO for the document citing the four; 887.36 stays a WARNING', () => {
    const found = of(parseDocument(items, 'f.txt').anomalies, 'PROSE_TABLE_MISMATCH');
    expect(found.map((a) => [a.severity, a.sources.map((x) => x.line)])).toEqual([
      ['INFO', [2, 13, 4, 17, 5, 20, 6, 21]],
      ['WARNING', [3, 14]],
    ]);
    expect(found[0]!.message).toMatch(/cuts every amount .*87\.708 → 87\.70 万元 \(line 2\), 78\.2164 → 78\.21 万元 \(line 4\), 204\.9197 → 204\.91 万元 \(line 5\), 268\.776 → 268\.77 万元 \(line 6\)/);
  });

  it('a text that rounds one of them (78.22 for 78.2164) keeps each cut as its own INFO', () => {
    const found = of(parseDocument(items.replace('78.21万元', '78.22万元'), 'f.txt').anomalies, 'PROSE_TABLE_MISMATCH');
    expect(found.map((a) => [a.severity, a.sources[0]!.line])).toEqual([['INFO', 2], ['WARNING', 3], ['INFO', 5], ['INFO', 6]]);
  });
});

const data = (name: string) => readFileSync(join(import.meta.dirname, '../../data', name), 'utf8');

describe('the Shenzhen documents (data/)', () => {
  it('000 line 69: 6265 万元, 比 2019 年增加 1124 万元, 增长 33% — 1124 of 5141 is 21.86%, the line contradicts itself', () => {
    const doc = parseDocument(data('000_5c682a4da5e2a113.txt'), '000.txt');
    const rates = of(doc.anomalies, 'PROSE_ARITHMETIC_MISMATCH');
    expect(rates.map(lines)).toEqual([[69]]);
  });

  it('a 三公 sentence restates this year’s row, not last year’s that prints the same amount (000 line 88 → 417, 002 lines 110-112 → 516)', () => {
    for (const [file, rows] of [['000_5c682a4da5e2a113.txt', [88, 417]], ['002_94a530100b90bc43.txt', [110, 516]]] as const) {
      const doc = parseDocument(data(file), file);
      const { links } = restatements(doc, []);
      const three = links.filter((l) => l.kind === 'ThreeCosts' && doc.proseAmounts[l.proseIndex]!.source.line >= rows[0]);
      expect(three.length).toBeGreaterThan(0);
      for (const l of three) expect(doc.threeCosts[l.target as number]!.source.line).toBe(rows[1]);
    }
  });
});

describe('a note saying its table is empty by a table that prints figures', () => {
  // 上海市普陀区财政局2024年度部门决算.pdf p. 19: 政府性基金预算财政拨款收入支出决算表 with its note; one figure put in.
  const table = (cell: string) => [
    '上海市普陀区财政局2024年度部门决算',
    '政府性基金预算财政拨款收入支出决算表',
    '单位：万元',
    '项目\t\t\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余',
    '支出功能分类科目编码\t\t\t科目名称\t\t\t小计\t基本支出\t项目支出\t',
    `合计\t\t\t\t${cell}\t\t\t\t\t`,
    '注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。',
    '收入决算表',
    '单位：万元',
    '项目\t\t\t\t本年收入合计\t财政拨款收入\t其他收入',
    '201\t\t\t一般公共服务支出\t2,112.86\t2,106.66\t6.20',
  ].join('\n');

  it('is a WARNING citing the note and the row; the table printed blank, as the page prints it, is none', () => {
    const found = of(parseDocument(table('12.50'), 'f.txt').anomalies, 'EMPTY_NOTE_MISMATCH');
    expect(found.map(lines)).toEqual([[7, 6]]);
    expect(of(parseDocument(table(''), 'f.txt').anomalies, 'EMPTY_NOTE_MISMATCH')).toEqual([]);
  });
});

describe('a summary table’s 类 row against the 类 line (上海市普陀区财政局2024年度部门决算, pages 14 and 17, both copies)', () => {
  const text = (row: string) => [
    '上海市普陀区财政局2024年度部门决算',
    '收入支出决算总表',
    '单位：万元',
    '收入\t\t支出\t',
    '项目\t决算数\t项目\t决算数',
    '一、一般公共预算财政拨款收入\t2,940.05\t一、一般公共服务支出\t2,106.66',
    `八、其他收入\t6.20\t八、社会保障和就业支出\t${row}`,
    '本年收入合计\t2,946.25\t本年支出合计\t2,940.05',
    '一般公共预算财政拨款支出决算表',
    '单位：万元',
    '项目\t\t\t\t合计\t基本支出\t项目支出',
    '功能分类\t\t\t科目名称\t\t\t',
    '科目编码\t\t\t\t\t\t',
    '类\t款\t项\t\t\t\t',
    '201\t\t\t一般公共服务支出\t2,106.66\t1,503.52\t603.14',
    '208\t\t\t社会保障和就业支出\t326.72\t326.72\t',
  ].join('\n');

  it('326.71 against 326.72 is one cent: INFO with both lines; 300.71 a WARNING; 326.72 none', () => {
    const rows = (row: string) => of(parseDocument(text(row), 'f.txt').anomalies, 'TABLES_DISAGREE').map((a) => [a.severity, lines(a)]);
    expect(rows('326.71')).toEqual([['INFO', [7, 16]]]);
    expect(rows('300.71')).toEqual([['WARNING', [7, 16]]]);
    expect(rows('326.72')).toEqual([]);
  });
});

describe('a sentence without its stop (dept_budget.pdf page 8: “…的主要原因是工作量增加”)', () => {
  const text = (next: string) => [
    '上海市普陀区2026年区级部门预算',
    '支出预算9628.22万元，其中：财政拨款支出预算9628.22万元，比2025年预算增加793.14万元。财政拨款支出预算中，一般公共预算拨款支出预算9628.22万元。',
    '财政拨款收入支出增加的主要原因是工作量增加',
    next,
    '2026年部门“三公”经费和机关运行经费预算表',
    '编制部门：上海市普陀区司法局\t单位:万元',
    '合计\t因公出国(境)费\t公务接待费',
    '10.81\t0\t0.83',
  ].join('\n');

  it('is an INFO at its line when the next line starts anew; none when the next goes on with it (的…)', () => {
    expect(of(parseDocument(text('财政拨款支出主要内容如下：'), 'f.txt').anomalies, 'PUNCTUATION').map((a) => [a.severity, lines(a)])).toEqual([['INFO', [3]]]);
    expect(of(parseDocument(text('的需要，支出相应增加。'), 'f.txt').anomalies, 'PUNCTUATION')).toEqual([]);
  });
});

describe('prose amounts: the year after an item is no part of its name', () => {
  it('000 line 88 “公务用车购置费2020年预算数0万元” is 公务用车购置费 (was 公务用车购置费2020年)', () => {
    const doc = parseDocument(data('000_5c682a4da5e2a113.txt'), '000.txt');
    const items = doc.proseAmounts.filter((p) => p.source.line === 88).map((p) => p.item);
    expect(items).toEqual(expect.arrayContaining(['公务用车购置费', '公务用车运行维护费']));
    expect(items.some((i) => /2020年$/.test(i))).toBe(false);
  });
});

describe('the checks on hostile text', () => {
  it('read a prose line of 200,000 digits in linear time (a share regex retried at each digit took 85 s)', () => {
    const text = `某局2020年部门预算\n${'1'.repeat(200_000)}\n\n部门收支总表\n单位：万元\n项目\t金额\n一般公共服务支出\t10.00\n合计\t10.00\n`;
    const started = Date.now();
    parseDocument(text, 'f.txt');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('a 三公 change against the table’s two years (data/000 lines 80-88, table lines 416-417)', () => {
  const text = data('000_5c682a4da5e2a113.txt');

  it('agrees as printed — 公务接待费 13.00 → 6.00 “减少7万元”, and “增加（减少）3.3万元” for 10.20 → 13.50 read either way', () => {
    expect(of(parseDocument(text, '000.txt').anomalies, 'PROSE_TABLE_MISMATCH')).toEqual([]);
  });

  it('a change of 5 where the rows give 7 is a WARNING citing the sentence and both rows', () => {
    const lines86 = text.split('\n');
    lines86[85] = lines86[85]!.replace('比2019年减少7万元', '比2019年减少5万元');
    const found = of(parseDocument(lines86.join('\n'), '000.txt').anomalies, 'PROSE_TABLE_MISMATCH');
    expect(found.map((a) => [a.severity, lines(a)])).toEqual([['WARNING', [86, 416, 417]]]);
  });
});

// The glossary is what the parser and the corpus generator share: every printed form must be read
// back as what it means.
import { describe, expect, it } from 'vitest';
import { COLUMNS, PRINTED_TITLES, headerText } from '../../src/parse/glossary/index.js';
import { familyOfTitle, type TableFamily } from '../../src/parse/families.js';

describe('the glossary (src/parse/glossary/)', () => {
  it('names each printed title as its own family', () => {
    const wrong = Object.entries(PRINTED_TITLES).flatMap(([family, titles]) => (titles as readonly string[]).filter((t) => familyOfTitle(t) !== (family as TableFamily)).map((t) => `${t} → ${familyOfTitle(t)}, expected ${family}`));
    expect(wrong).toEqual([]);
  });

  it('reads each printed column label as itself, spaced or not', () => {
    for (const [name, label] of Object.entries(COLUMNS)) {
      expect(label.matches.test(headerText(label.printed)), name).toBe(true);
      expect(label.matches.test(headerText([...label.printed].join(' '))), `${name} spaced`).toBe(true);
    }
  });

  it('keeps labels apart where the parser must: 科目编码 is not 科目名称, 合计 is not 支出合计', () => {
    expect(COLUMNS.code.matches.test('科目名称')).toBe(false);
    expect(COLUMNS.total.matches.test('支出合计')).toBe(false);
    expect(COLUMNS.projectAmount.matches.test('预算金额')).toBe(true);
  });
});

describe('the glossary of forms and covers (src/parse/glossary/forms.ts)', async () => {
  const forms = await import('../../src/parse/glossary/forms.js');
  const groups = {
    UNIT_MARKS: forms.UNIT_MARKS,
    INVESTMENT_FORM: forms.INVESTMENT_FORM,
    TICKED: forms.TICKED,
    CONSTRUCTION_NATURE: Object.fromEntries(forms.CONSTRUCTION_NATURE.map((n) => [n.nature, n])),
    COVER: forms.COVER,
    DOCUMENT_KINDS: forms.DOCUMENT_KINDS,
    TITLE_QUOTES: forms.TITLE_QUOTES,
    PAYMENT_DETAIL: forms.PAYMENT_DETAIL,
    PROJECT_LISTS: forms.PROJECT_LISTS,
    TASK_FORM: forms.TASK_FORM,
    PROJECT_FORM: forms.PROJECT_FORM,
    INDICATOR_FORM: forms.INDICATOR_FORM,
  } as Record<string, Record<string, { printed: string; matches: RegExp }>>;

  it('reads each printed form (or example) as its own term', () => {
    const unread = Object.entries(groups).flatMap(([group, terms]) =>
      Object.entries(terms)
        // A fresh copy: a global pattern's lastIndex must not carry over between tests.
        .filter(([, term]) => !new RegExp(term.matches.source, term.matches.flags.replace('g', '')).test(term.printed))
        .map(([name, term]) => `${group}.${name}: "${term.printed}"`),
    );
    expect(unread).toEqual([]);
  });

  it('lists the publisher labels as plain words in the order of trust (meta.ts ranks a label by its place)', () => {
    for (const labels of [forms.COVER.departmentLabels.matches, forms.COVER.unitLabels.matches]) {
      const order = labels.source.replace(/^\^\(|\)\$$/g, '').split('|');
      expect(order.every((word) => labels.test(word) && /^[\u4e00-\u9fff]+$/.test(word)), labels.source).toBe(true);
    }
    expect(forms.COVER.departmentLabels.matches.source.startsWith('^(预算主管部门|')).toBe(true);
  });

  it('keeps terms apart where the readers must', () => {
    expect(forms.DOCUMENT_KINDS.finalAccounts.matches.test('部门预算')).toBe(false);
    expect(forms.DOCUMENT_KINDS.unitBudget.matches.test('部门预算')).toBe(false);
    expect(forms.INDICATOR_FORM.levelColumn.matches.test('年度目标')).toBe(false);
    expect(forms.TASK_FORM.basicCategory.matches.test('基本支出项目')).toBe(false);
    expect(forms.INVESTMENT_FORM.projectCode.matches.test('项目代码2020')).toBe(false);
    expect(forms.COVER.levelOnly.matches.test('上海市普陀区财政局')).toBe(false);
    expect(forms.COVER.placeholder.matches.test('上海市财政局')).toBe(false);
  });
});

describe('the glossary\'s prose, check and table words (prose.ts, checks.ts, tables.ts additions)', async () => {
  const g = await import('../../src/parse/glossary/index.js');
  const { THREE_COSTS_FIGURES } = await import('../../src/model/three-costs.js');

  it('reads the prose\'s changes, numbering and stated amounts as printed', () => {
    expect(g.PROSE_CHANGE.percentAfter.exec('，增长 5.2%')?.slice(1)).toEqual(['增长', '5.2']);
    expect(g.PROSE_CHANGE.comparedBefore.exec('较上年减少 ')?.[1]).toBe('减少');
    for (const form of ['增加（减少）', '减少(增加)']) expect(g.PROSE_CHANGE.eitherWay.test(form), form).toBe(true);
    expect(g.PROSE_CHANGE.eitherWay.test('增加 5 万元')).toBe(false);
    for (const form of ['1.', '1、', '（一）', '(1)', '一、']) expect(g.NUMBERED_LINE.test(`${form}基本支出`), form).toBe(true);
    expect([...'公共安全支出（204类）司法（06款）行政运行（01项）'.matchAll(g.FUNCTION_LEVEL_ITEM)].map((m) => [m[1], m[2], g.FUNCTION_LEVELS[m[3] as '类']])).toEqual([['公共安全支出', '204', 1], ['司法', '06', 2], ['行政运行', '01', 3]]);
    expect([...'支出决算为12.5万元'.matchAll(g.STATED_AMOUNTS.actual)][0]?.[1]).toBe('12.5');
    expect(new RegExp(`2026${g.STATED_AMOUNTS.budgetAfterYear.source}`).exec('2026年预算安排1,234.5万元')?.[1]).toBe('1,234.5');
    expect([...'财政拨款收入支出总计为88万元'.matchAll(g.STATED_AMOUNTS.summaryTotal)][0]?.slice(1)).toEqual(['财政拨款', '收入支出总计', '88']);
    expect(g.STATED_ARITHMETIC.executionRate.exec('完成年初预算的98.5%')?.[1]).toBe('98.5');
    expect(g.STATED_ARITHMETIC.shareAfter.exec('，占12.5%')?.[1]).toBe('12.5');
  });

  it('keeps apart what must stay apart: up from down, more from less, budget from actual', () => {
    for (const up of ['增长', '增加', '上升']) expect(g.PROSE_CHANGE.down.test(up), up).toBe(false);
    for (const down of ['减少', '下降', '降低']) expect(g.PROSE_CHANGE.down.test(down), down).toBe(true);
    expect(g.STATED_ARITHMETIC.greater.test('小于') || g.STATED_ARITHMETIC.less.test('大于')).toBe(false);
    expect(g.THREE_COSTS_COLUMNS.budget.test('决算数') || g.THREE_COSTS_COLUMNS.actual.test('预算数')).toBe(false);
    expect(g.threeCostsSentences(false).reception.exec('公务接待费。2024年预算数 6 万元')?.[1]).toBe('6');
    expect(g.threeCostsSentences(false).reception.test('公务接待费2024年决算数 6 万元')).toBe(false);
    expect(g.threeCostsSentences(true).reception.exec('公务接待费2024年决算数 6 万元')?.[1]).toBe('6');
  });

  it('names each 三公 figure by its header word, as the model prints it', () => {
    const column = { abroad: g.THREE_COSTS_COLUMNS.abroad, reception: g.THREE_COSTS_COLUMNS.reception, vehicles: g.THREE_COSTS_COLUMNS.vehicles, vehiclePurchase: g.THREE_COSTS_COLUMNS.vehiclePurchase, vehicleRunning: g.THREE_COSTS_COLUMNS.vehicleRunning };
    for (const [figure, re] of Object.entries(column)) {
      for (const name of THREE_COSTS_FIGURES[figure as keyof typeof column].names) expect(re.test(name), `${figure} ${name}`).toBe(true);
    }
    expect(g.THREE_COSTS_COLUMNS.vehicles.test('公务用车购置费') || g.THREE_COSTS_COLUMNS.vehiclePurchase.test('公务用车购置及运行费')).toBe(false);
    expect(g.THREE_COSTS_COLUMNS.total.test('合计') && g.THREE_COSTS_COLUMNS.subtotal.test('小计') && !g.THREE_COSTS_COLUMNS.total.test('小计')).toBe(true);
  });

  it('reads table titles, units, preambles and row labels as printed', () => {
    for (const title of ['收入支出决算总表', '财务收支预算总表', ...g.PRINTED_TITLES.INCOME_EXPENDITURE_SUMMARY]) expect(g.TITLE_WORDS.incomeExpenditureSummary.test(title), title).toBe(true);
    expect(g.TITLE_WORDS.incomeExpenditureSummary.test('支出决算表')).toBe(false);
    for (const [form, unit] of [['单位：元', '元'], ['单位: 万元', '万元'], ['金额单位：人民币千元', '千元'], ['（单位：亿元）', '亿元']]) expect(g.PRINTED_UNITS.declaration.exec(form!)?.[1], form).toBe(unit);
    expect(g.TABLE_NUMBER.exec('表三：部门收支总表')?.slice(1)).toEqual(['表三', '部门收支总表']);
    expect(g.TABLE_NUMBER.exec('公开03表 部门收支总表')?.[1]).toBe('公开03表');
    expect(g.TITLE_PARTS.unitSuffix.test('部门收支总表（单位：万元）')).toBe(true);
    for (const line of ['部门：某局', '单位：万元', '2024年度', '金额单位：人民币元']) expect(g.PREAMBLE_LINE.test(line), line).toBe(true);
    expect(g.PREAMBLE_LINE.test('部门收支总表')).toBe(false);
    expect(g.ROW_LABELS.totalSpaced.test('合 计') && g.ROW_LABELS.total.test('总计')).toBe(true);
    expect(g.ROW_LABELS.incomeGrandTotal.test('本年收入合计')).toBe(false);
    expect(g.ROW_LABELS.numberedClass.exec('一、一般公共服务支出')?.[1]).toBe('一般公共服务支出');
    expect(g.FIGURE_COLUMNS.rate.test('得分') || g.FIGURE_COLUMNS.score.test('完成率') || g.FIGURE_COLUMNS.count.test('金额')).toBe(false);
  });

  it('reads the checks\' and the identity\'s words as printed', () => {
    expect(g.CONTENTS.heading.test('目 录')).toBe(true);
    expect([...'与2024年相比'.matchAll(g.YEAR_WORDS.comparedWithYear)][0]?.[2]).toBe('2024');
    expect([...'截至2023年12月31日'.matchAll(g.YEAR_WORDS.yearEndDate)][0]?.[1]).toBe('2023');
    const fold = (name: string) => g.NAME_SYNONYMS.find(([re]) => re.test(name))?.[1];
    expect(['公用经费', '基本公用支出', '商品和服务'].map(fold)).toEqual(['商品和服务', '商品和服务', '商品和服务']);
    expect(['人员经费', '工资福利'].map(fold)).toEqual(['工资福利', '工资福利']);
    expect(fold('对个人和家庭的补助')).toBe('对个人和家庭补助');
    expect(g.DEPARTMENT_NAME.ownUnitBracketed.test('某区某局（本级）') && !g.DEPARTMENT_NAME.ownUnitBracketed.test('某区某局')).toBe(true);
    expect(g.CARELESS_WRITING.placeholder.test('XX局') && !g.CARELESS_WRITING.placeholder.test('XXL')).toBe(true);
    expect(g.LABEL_MARKS.qualifier.exec('（座机）')?.[0]).toBe('（座机）');
    expect(g.LABEL_MARKS.qualifier.exec('(021)')?.[0]).toBe('');
  });

  it('reads the printed page\'s furniture and OCR\'s misreadings', () => {
    for (const line of ['第 3 页', '- 3 -', '3 / 20', 'page 3 of 20']) expect(g.PRINTED_PAGE.pageNumber.test(line), line).toBe(true);
    expect(g.PRINTED_PAGE.pageNumber.test('第三部分')).toBe(false);
    expect('一般公共预算文出功能分类预算表'.replace(g.OCR_MISREADINGS.zhiChu.misread, g.OCR_MISREADINGS.zhiChu.meant)).toBe('一般公共预算支出功能分类预算表');
    expect('单位; 元'.replace(g.OCR_MISREADINGS.unitColon.misread, g.OCR_MISREADINGS.unitColon.meant)).toBe('单位：元');
    expect('”03'.replace(g.OCR_MISREADINGS.markBeforeNumber, '')).toBe('03');
  });
});

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

// The words documents print that the parser keys on: the titles of each table family and the
// column labels of their headers, each with the variants that mean the same. The parser's
// patterns and the bench corpus generator's tables both come from here (bench/corpus/generate.ts
// prints `printed`), so generated documents speak the words the parser reads; a unit test checks
// that every printed form is recognised (tests/unit/glossary.test.ts).
import type { TableFamily } from './families.js';

export interface Label {
  /** The form a generator prints (the commonest in real documents). */
  printed: string;
  /** Every form that means this column, as a header cell reads once spaces are removed. */
  matches: RegExp;
}

/** Column labels of classification and project tables. */
export const COLUMNS = {
  code: { printed: '科目编码', matches: /^科目编码$/ },
  codeName: { printed: '科目名称', matches: /^科目名称$/ },
  /** A table's grand total: preferred over a sub-block's 合计. */
  grandTotal: { printed: '支出合计', matches: /^(支出总计|本年支出合计|支出合计|收入总计|本年收入合计|总计)$/ },
  total: { printed: '合计', matches: /^合计$/ },
  amount: { printed: '金额', matches: /^金额$/ },
  subtotal: { printed: '小计', matches: /^小计$/ },
  basic: { printed: '基本支出', matches: /基本支出(数)?$/ },
  project: { printed: '项目支出', matches: /项目支出(数)?$/ },
  projectName: { printed: '项目名称', matches: /^项目名称/ },
  projectAmount: { printed: '项目金额', matches: /^(项目金额|金额|预算数|预算金额)/ },
  budgetAmount: { printed: '预算数', matches: /^预算数/ },
  performanceTarget: { printed: '绩效目标', matches: /^绩效目标$/ },
  justification: { printed: '项目申报依据', matches: /申报依据|立项依据/ },
  taskName: { printed: '任务名称', matches: /^任务名称$/ },
  /** A form's total row (整体支出绩效目标申报表: 金额合计 under the 任务名称 rows). */
  formTotal: { printed: '金额合计', matches: /^(金额合计|资金合计|合计|总计)$/ },
  /** The form's all-sources money column (总额, beside 财政拨款 / 其他资金). */
  formAmount: { printed: '总额', matches: /(^|\/)(总额|合计|金额)[^/]*$/ },
} as const satisfies Record<string, Label>;

/** Titles a family is printed under (the family itself is recognised by families.ts's patterns). */
export const PRINTED_TITLES = {
  EXPENDITURE_SUMMARY: ['部门支出总表（按功能科目）', '支出决算表'],
  GENERAL_BUDGET_EXPENDITURE: ['一般公共预算支出表（按功能科目）'],
  THREE_COSTS: ['一般公共预算“三公”经费支出表', '“三公”经费支出决算表'],
  PROJECT_LIST: ['部门预算绩效管理项目情况表'],
  INCOME_EXPENDITURE_SUMMARY: ['部门收支总表'],
  GOVERNMENT_FUND: ['政府性基金预算支出表'],
  BASIC_EXPENDITURE: ['一般公共预算财政拨款基本支出决算表'],
  SELF_EVALUATION: ['项目支出绩效自评表'],
} as const satisfies Partial<Record<TableFamily, readonly string[]>>;

/** A header cell as the glossary compares it: spaces removed. */
export const headerText = (cell: string) => cell.replace(/\s/g, '');

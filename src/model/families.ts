// TableFamily // 表类: which kind of table a title names, with its Chinese and English names and
// the title pattern that recognises it (in the order they are tried, the most specific first).
// Served as the TableFamily enum; src/parse/families.ts reads titles with it.

export const TABLE_FAMILIES = {
  FISCAL_GRANT_SUMMARY: { zh: '财政拨款收支总表', en: 'Fiscal-grant income and expenditure summary', title: /财政拨款收[入支]?支出?(决算)?总表|政府预算拨款收支总表/ },
  INCOME_EXPENDITURE_SUMMARY: { zh: '收支总表', en: 'Income and expenditure summary', title: /收[入支]?支出?(决算)?总表/ },
  INCOME_SUMMARY: { zh: '收入总表', en: 'Income summary', title: /收入(决算)?(总)?表/ },
  BASIC_EXPENDITURE: { zh: '基本支出表', en: 'Basic expenditure', title: /基本支出/ },
  PAYMENT_DETAIL: { zh: '项目支出明细表', en: 'Payment detail of a project', title: /支出明细表|支付明细/ },
  PROJECT_EXPENDITURE: { zh: '项目支出表', en: 'Project expenditure', title: /项目支出(总表|表|预算表)$/ },
  THREE_COSTS: { zh: '“三公”经费支出表', en: '“Three public costs”', title: /三公/ },
  GOVERNMENT_FUND: { zh: '政府性基金预算支出表', en: 'Government-fund budget', title: /政府性基金/ },
  STATE_CAPITAL: { zh: '国有资本经营预算支出表', en: 'State-capital operating budget', title: /国有资本经营/ },
  GENERAL_BUDGET_EXPENDITURE: { zh: '一般公共预算支出表', en: 'General public budget expenditure', title: /一般公共预算.*支出/ },
  EXPENDITURE_SUMMARY: { zh: '支出总表', en: 'Expenditure summary', title: /支出(决算)?(总)?表/ },
  PROCUREMENT: { zh: '政府采购预算表', en: 'Government procurement', title: /采购/ },
  CAPITAL_CONSTRUCTION: { zh: '基本建设项目资金预算表', en: 'Capital construction projects', title: /基本建设/ },
  TRANSFER_PAYMENTS: { zh: '专项转移支付支出预算表', en: 'Earmarked transfer payments', title: /转移支付支出/ },
  SCORING: { zh: '绩效评价指标评分表', en: 'Performance scoring', title: /评分表/ },
  SELF_EVALUATION: { zh: '绩效自评表', en: 'Performance self-evaluation', title: /自评/ },
  INVESTMENT_FORM: { zh: '政府投资项目绩效情况表', en: 'Government investment project form', title: /项目绩效情况表$/ },
  PROJECT_LIST: { zh: '项目情况表', en: 'Project list', title: /项目情况表|重点项目/ },
  PERFORMANCE_TARGETS: { zh: '绩效目标表', en: 'Performance targets', title: /绩效目标|申报表/ },
  OTHER: { zh: '其他表', en: 'Other table', title: /$^/ },
} as const;
export type TableFamily = keyof typeof TABLE_FAMILIES;

// ProjectAllocation // 项目年度安排: a project as one document budgets, spends and evaluates it.
// Declared once here (src/model/fact-kind.ts says how each layer takes it). The parser's record is
// one listing of the project (a table row, a form, a sentence: parse/records.ts Project); the load
// merges a document's listings of one project into its allocation (src/load/plan/allocations.ts:
// a property is the first listing's that prints it unless the merge says otherwise). Its project,
// unit, code links and listings are relationships; its year is its document's.
import { defineKind } from '../fact-kind.js';

export const PROJECT_ALLOCATION = defineKind({
  name: 'ProjectAllocation',
  zh: '项目年度安排',
  properties: {
    name: { type: 'string', zh: '项目名称', description: 'Name as this document prints it.' },
    level: { type: 'int', zh: '项目级次', nullable: true, description: '1 = 一级项目, 2 = 二级项目.' },
    amount: { type: 'money', printedIn: '万元', zh: '预算数', nullable: true, description: 'Budget (预算数 / 全年预算数), 万元.' },
    executed: { type: 'money', printedIn: '万元', zh: '全年执行数', nullable: true, description: 'Spent (全年执行数), 万元; from a self-evaluation.' },
    executionRate: { type: 'string', zh: '执行率', nullable: true, description: '执行率 as printed, e.g. "99.28%".' },
    key: { type: 'boolean', zh: '重点项目', description: 'Marked as a key project (重点, ★) or a 重点绩效项目.' },
    goal: { type: 'string', zh: '绩效目标', nullable: true, description: 'Performance goal (绩效目标 / 年度总体目标) text.' },
    // Printed only by some listings (a table's 申报依据 column, a form's 项目起止时间): other readers leave them out.
    justification: { type: 'string', zh: '项目申报依据', nullable: true, optional: true, description: '项目申报依据 (why the project was proposed) as printed.' },
    period: { type: 'string', zh: '项目起止时间', nullable: true, optional: true, description: '项目起止时间 as printed, e.g. "2020.1.1~2020.12.31".' },
  },
});

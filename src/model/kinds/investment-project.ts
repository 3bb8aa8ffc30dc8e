// InvestmentProject // 政府投资项目: one project of a 政府投资项目 form, identified by its 国家编码.
// Every property the parser reads, the graph stores, the API serves and the explorer formats is
// declared here once (src/model/fact-kind.ts says how each layer takes it).
import { defineKind } from '../fact-kind.js';

export const INVESTMENT_PROJECT = defineKind({
  name: 'InvestmentProject',
  zh: '政府投资项目',
  properties: {
    code: { type: 'string', zh: '国家编码', description: '国家编码 as printed (possibly cut short: see codeTruncated).' },
    truncated: { type: 'boolean', zh: '编码不全', apiName: 'codeTruncated', description: 'True when the printed code is incomplete; its missing parts are null.' },
    registrationYear: { type: 'int', zh: '登记年份', nullable: true, description: 'Registration year decoded from the code.' },
    divisionCode: { type: 'string', zh: '行政区划', nullable: true, description: 'Administrative division (行政区划) decoded from the code, e.g. 440307.' },
    industryCode: { type: 'string', zh: '行业代码', nullable: true, description: 'Industry (行业) part of the code.' },
    typeCode: { type: 'string', zh: '项目类型代码', nullable: true, description: 'Project type part of the code.' },
    serial: { type: 'string', zh: '顺序码', nullable: true, description: 'Serial number part of the code.' },
    name: { type: 'string', zh: '项目名称', description: 'Name as printed on its form.' },
    totalInvestment: { type: 'money', printedIn: '万元', zh: '总投资', nullable: true, provenance: 'field', description: '总投资, 万元.' },
    plannedInYear: { type: 'money', printedIn: '万元', zh: '年度计划投资', nullable: true, provenance: 'field', description: '年度计划投资, 万元.' },
    completedInYear: { type: 'money', printedIn: '万元', zh: '本年完成投资', nullable: true, provenance: 'field', description: '本年完成投资, 万元.' },
    cumulativeCompleted: { type: 'money', printedIn: '万元', zh: '累计完成投资', nullable: true, provenance: 'field', description: '累计完成投资, 万元.' },
    completionRate: { type: 'string', zh: '完成率', nullable: true, provenance: 'field', description: 'Completion rate (完成率) as printed.' },
    progress: { type: 'string', zh: '项目进度', nullable: true, provenance: 'field', description: 'Progress (项目进度) text.' },
    startDate: { type: 'string', zh: '开工时间', nullable: true, provenance: 'field', description: 'Start date as printed (null when the form prints a blank placeholder).' },
    endDate: { type: 'string', zh: '竣工时间', nullable: true, provenance: 'field', description: 'Completion date as printed (null when the form prints a blank placeholder).' },
    nature: { type: 'string', zh: '建设性质', nullable: true, description: '建设性质 (新建, 续建, …) as ticked.' },
    totalFiscal: { type: 'money', printedIn: '万元', zh: '财政拨款', nullable: true, provenance: 'field', description: '项目总投资 of which 财政拨款, 万元.' },
    totalOther: { type: 'money', printedIn: '万元', zh: '其它资金', nullable: true, provenance: 'field', description: '项目总投资 of which 其它资金, 万元.' },
    targetAtYearStart: { type: 'money', printedIn: '万元', zh: '年初设定的目标', nullable: true, provenance: 'field', description: '年初设定的目标: the year’s investment planned at its start, 万元.' },
    completedGeneralBudget: { type: 'money', printedIn: '万元', zh: '一般公共预算完成', nullable: true, provenance: 'field', description: '本年完成投资 from 一般公共预算, 万元.' },
    completedGovernmentFund: { type: 'money', printedIn: '万元', zh: '政府性基金完成', nullable: true, provenance: 'field', description: '本年完成投资 from 政府性基金, 万元 (null when the form leaves it blank).' },
    planExecutionRate: { type: 'string', zh: '政府投资计划支出率', nullable: true, provenance: 'field', description: '政府投资计划支出率 as printed.' },
    imageProgress: { type: 'string', zh: '工程形象进度百分比', nullable: true, provenance: 'field', description: '工程形象进度百分比 as printed.' },
    industry: { type: 'string', zh: '行业归口', nullable: true, provenance: 'field', description: '行业归口 (the sector responsible).' },
    started: { type: 'boolean', zh: '是否开工', nullable: true, description: '是否开工 as ticked (null when neither box is).' },
    completed: { type: 'boolean', zh: '是否竣工', nullable: true, description: '是否竣工 as ticked (null when neither box is).' },
  },
});

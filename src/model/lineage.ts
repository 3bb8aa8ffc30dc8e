// The links of a project's funding chain, in order, declared once: the lineage query builds its
// steps from them and the LineageStepKind enum serves them.

/** LineageStepKind // 资金链环节, in the order a lineage prints them. */
export const LINEAGE_STEPS = {
  FUNDING: '资金来源: where the money came from (财政拨款, 其他资金 …).',
  DEPARTMENT: '部门: the department that runs the project.',
  UNIT: '预算单位: the unit that holds the money.',
  PARENT_PROJECT: '一级项目/任务: the project or task it is itemised under.',
  PROJECT: '项目: the project itself.',
  FUNCTION_CODE: '功能分类科目: a code the money is booked under, with its link method.',
  INVESTMENT_PROJECT: '国家编码: an investment project that reports on it.',
  INDICATOR: '绩效指标: a performance indicator, target against actual.',
  SELF_EVALUATION: '绩效自评: the self-evaluation of the year’s money.',
} as const;
export type LineageStepKind = keyof typeof LINEAGE_STEPS;

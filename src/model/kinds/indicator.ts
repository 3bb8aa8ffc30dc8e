// Indicator // 绩效指标: one row of a performance-target or self-evaluation form (一级 / 二级 / 三级
// 指标 with its target and, in a self-evaluation, what was achieved). Declared once here (src/model/
// fact-kind.ts says how each layer takes it); what it measures is a relationship (MEASURES).
import { defineKind } from '../fact-kind.js';

export const INDICATOR = defineKind({
  name: 'Indicator',
  zh: '绩效指标',
  properties: {
    level1: { type: 'string', zh: '一级指标', nullable: true, description: '一级指标 (产出指标, 效益指标, …).' },
    level2: { type: 'string', zh: '二级指标', nullable: true, description: '二级指标 (数量指标, 质量指标, …).' },
    name: { type: 'string', zh: '三级指标', description: '三级指标 name.' },
    target: { type: 'string', zh: '指标值', nullable: true, description: 'Target (年度指标值 / 指标目标值) as printed.' },
    actual: { type: 'string', zh: '完成值', nullable: true, description: 'Actual (全年完成值 / 实际完成值) as printed.' },
    reason: { type: 'string', zh: '未完成原因和改进措施', nullable: true, description: '未完成原因和改进措施.' },
  },
});

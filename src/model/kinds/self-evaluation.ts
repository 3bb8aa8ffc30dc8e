// SelfEvaluation // 绩效自评: a project's budget, spending and rate as a self-evaluation form (自评表)
// or its summary in prose (自评综述) prints them. Declared once here (src/model/fact-kind.ts says
// how each layer takes it); the allocation it evaluates is a relationship (EVALUATES).
import { defineKind } from '../fact-kind.js';

export const SELF_EVALUATION = defineKind({
  name: 'SelfEvaluation',
  zh: '绩效自评',
  properties: {
    project: { type: 'string', zh: '项目名称', description: 'Project name as printed.' },
    origin: { type: 'enum', values: ['TABLE', 'PROSE'] as const, zh: '出处', description: 'TABLE (自评表) or PROSE (自评综述).' },
    budget: { type: 'money', printedIn: '万元', zh: '全年预算数', nullable: true, description: '全年预算数, 万元.' },
    executed: { type: 'money', printedIn: '万元', zh: '全年执行数', nullable: true, description: '全年执行数, 万元.' },
    rate: { type: 'string', zh: '执行率', nullable: true, description: '执行率 as printed.' },
    // Only a form prints it: the prose summary's reader leaves it out.
    achieved: { type: 'string', zh: '全年实际完成情况', nullable: true, optional: true, description: '全年实际完成情况: what the form says was achieved against the year’s goal.' },
  },
});

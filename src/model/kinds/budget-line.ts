// BudgetLine // 科目行: one printed line of a classification table (功能分类, 经济分类, 政府采购品目):
// its code, name and amount columns. Declared once here (src/model/fact-kind.ts says how each
// layer takes it); its unit and code are relationships (FOR_UNIT, OF_CODE).
import { defineKind } from '../fact-kind.js';
import { CODE_SCHEME_NAMES } from '../codes.js';
import { BASES } from '../documents.js';
import { keysOf } from '../../keys.js';

export const BUDGET_LINE = defineKind({
  name: 'BudgetLine',
  zh: '科目行',
  properties: {
    scheme: { type: 'enum', values: CODE_SCHEME_NAMES, enumName: 'CodeScheme', zh: '科目分类', description: 'Which classification the code belongs to.' },
    code: { type: 'string', zh: '科目编码', description: 'Classification code as printed: 201, 20105, 2010504 (功能分类科目), 301/30101 (经济分类), or a procurement item.' },
    name: { type: 'string', zh: '科目名称', description: 'Name printed beside the code.' },
    // 1 = 类, 2 = 款, 3 = 项 (for procurement: depth by code length); every line has one.
    level: { type: 'int', zh: '级次', servedNullable: true, description: '类 = 1, 款 = 2, 项 = 3.' },
    basis: { type: 'enum', values: keysOf(BASES), enumName: 'Basis', zh: '口径', description: 'BUDGET (预算) or ACTUAL (决算).' },
    total: { type: 'money', printedIn: '万元', zh: '合计', nullable: true, description: '合计 column, 万元.' },
    basic: { type: 'money', printedIn: '万元', zh: '基本支出', nullable: true, description: '基本支出 column, 万元.' },
    project: { type: 'money', printedIn: '万元', zh: '项目支出', nullable: true, description: '项目支出 column, 万元.' },
  },
});

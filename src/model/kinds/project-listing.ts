// ProjectListing: one place a document lists a project (a table row, a form, a sentence), with that
// place's own amount: the listings of one project can disagree, and its allocation is their merge.
// Declared once here (src/model/fact-kind.ts says how each layer takes it). Its record is the
// parser's listing (parse/records.ts Project), which also carries its allocation's properties; the
// allocation it lists is a relationship (LISTS). The documents have no term for it (zh: null).
import { defineKind } from '../fact-kind.js';
import { PROJECT_SOURCE_KINDS } from '../projects.js';
import { keysOf } from '../../keys.js';

export const PROJECT_LISTING = defineKind({
  name: 'ProjectListing',
  zh: null,
  properties: {
    name: { type: 'string', zh: '项目名称', description: 'The project name as this listing prints it.' },
    sourceKind: { type: 'enum', values: keysOf(PROJECT_SOURCE_KINDS), enumName: 'ListingKind', zh: '列示处', description: 'Which kind of listing.' },
    amount: { type: 'money', printedIn: '万元', zh: '金额', nullable: true, description: 'Amount this listing prints (万元), if any.' },
    executed: { type: 'money', printedIn: '万元', zh: '执行数', nullable: true, description: 'Executed amount this listing prints (万元), if any.' },
    functionCode: { type: 'string', zh: '功能分类科目编码', nullable: true, description: '功能分类 code printed beside it, if any.' },
  },
});

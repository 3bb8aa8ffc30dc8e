// Project // 项目: one project across documents and years, identified by department + unit +
// normalised name (src/model/ids.ts projectId). Declared once here (src/model/fact-kind.ts says how
// each layer takes it). Its node is written from its allocations' rows (cypher/load-allocations.cypher:
// the first name printed, every name printed, the normalised name), not from a record of its own; its
// all-years amount is derived (project-totals-set.cypher) and its allocations are a relationship.
import { defineKind } from '../fact-kind.js';

export const PROJECT = defineKind({
  name: 'Project',
  zh: '项目',
  properties: {
    name: { type: 'string', zh: '项目名称', description: 'Name as first printed.' },
    names: { type: 'strings', zh: '项目名称（各次印刷）', description: 'Every name printed for it (suffix 项目, （通用项目）, quotes vary).' },
    normName: { type: 'string', zh: '规范化名称', description: 'The normalised name that, with its department and unit, identifies it.' },
  },
});

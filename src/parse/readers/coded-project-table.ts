// 项目支出表 with 科目编码 per row; its 预算单位 rows are totals
import { projectsFromCodedTable } from '../projects.js';
import type { TableTotal } from '../records.js';
import { claim, structureIn, type TableFamilyReader, unitOf } from './reader.js';

export const codedProjectTableReader: TableFamilyReader = {
  family: 'CODED_PROJECT_TABLE',
  extract(table, ctx) {
    const { file, diagnostics } = ctx;
    const unitTotals: TableTotal[] = [];
    const projects = projectsFromCodedTable(table, file, unitOf(ctx), diagnostics, unitTotals, structureIn(table, ctx).listing);
    if (projects.length === 0) return unitTotals.length ? { records: { totals: unitTotals }, claimed: false } : null;
    return claim({ totals: unitTotals, projects });
  },
};

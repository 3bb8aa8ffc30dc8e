// 绩效目标表 listing several projects' tasks
import { extractIndicators } from '../indicators.js';
import { projectsFromTargetForm } from '../projects.js';
import { claim, type TableFamilyReader, unitOf } from './reader.js';

export const targetFormReader: TableFamilyReader = {
  family: 'TARGET_FORM',
  extract(table, ctx) {
    const { file, diagnostics } = ctx;
    if (!/绩效目标/.test(table.title) && !table.rows.some((r) => /年度主要任务/.test(r.text))) return null;
    return claim({ projects: projectsFromTargetForm(table, file, unitOf(ctx)), indicators: extractIndicators(table, file, null, diagnostics) });
  },
};

// 绩效目标申报表 / 绩效自评表 of one project
import { extractIndicators } from '../indicators.js';
import { projectFromForm } from '../projects.js';
import { claim, structureIn, type TableFamilyReader, unitOf } from './reader.js';

export const projectFormReader: TableFamilyReader = {
  family: 'PROJECT_FORM',
  extract(table, ctx) {
    const { file, diagnostics } = ctx;
    const structure = structureIn(table, ctx);
    const form = projectFromForm(table, file, unitOf(ctx), structure.projectForm);
    if (!form) return null;
    return claim({ projects: [form.project], selfEvaluations: form.evaluation ? [form.evaluation] : [], indicators: extractIndicators(table, file, form.project.name, diagnostics, structure.indicators) });
  },
};

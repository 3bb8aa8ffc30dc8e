// 绩效目标表 listing several projects' tasks
import { extractIndicators } from '../indicators.js';
import { projectsFromTargetForm } from '../projects.js';
import { claim, structureIn, type TableFamilyReader, unitOf } from './reader.js';
import { DOCUMENT_KINDS } from '../glossary/index.js';

export const targetFormReader: TableFamilyReader = {
  family: 'TARGET_FORM',
  extract(table, ctx) {
    const { file, diagnostics } = ctx;
    const structure = structureIn(table, ctx);
    if (!DOCUMENT_KINDS.targetsTitle.matches.test(table.title) && !structure.mainTasks) return null;
    return claim({ projects: projectsFromTargetForm(table, file, unitOf(ctx), structure.listing), indicators: extractIndicators(table, file, null, diagnostics, structure.indicators) });
  },
};

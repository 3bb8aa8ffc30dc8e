// 重点项目 tables
import { projectsFromKeyTable } from '../projects.js';
import { claim, structureIn, type TableFamilyReader, unitOf } from './reader.js';

export const keyProjectTableReader: TableFamilyReader = {
  family: 'KEY_PROJECT_TABLE',
  extract(table, ctx) {
    const { file, diagnostics } = ctx;
    const projects = projectsFromKeyTable(table, file, unitOf(ctx), diagnostics, structureIn(table, ctx).listing);
    return projects.length ? claim({ projects }) : null;
  },
};

// 重点项目 tables
import { projectsFromKeyTable } from '../projects.js';
import { claim, type TableFamilyReader } from './reader.js';

export const keyProjectTableReader: TableFamilyReader = {
  family: 'KEY_PROJECT_TABLE',
  extract(table, { file, meta, diagnostics }) {
    const projects = projectsFromKeyTable(table, file, meta.moneyUnit, diagnostics);
    return projects.length ? claim({ projects }) : null;
  },
};

// 功能 / 经济分类 tables, and whatever else prints 科目 lines
import { extractClassification } from '../classification.js';
import { sumAnomalies } from '../anomalies.js';
import { claim, type TableFamilyReader } from './reader.js';

export const classificationReader: TableFamilyReader = {
  family: 'CLASSIFICATION',
  extract(table, { file, meta, isActual, diagnostics }) {
    const cls = extractClassification(table, file, meta.moneyUnit, isActual || /决算/.test(table.title) ? 'ACTUAL' : 'BUDGET', diagnostics);
    return claim({ lines: cls.lines, totals: cls.lines.length ? cls.totals.map((t) => ({ ...t, table: table.title })) : [], anomalies: sumAnomalies(cls, meta.roundingNote) });
  },
};

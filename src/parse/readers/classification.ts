// 功能 / 经济分类 tables, and whatever else prints 科目 lines
import { extractClassification } from '../classification.js';
import { sumAnomalies } from '../anomalies.js';
import { claim, structureIn, type TableFamilyReader, unitOf } from './reader.js';
import { DOCUMENT_KINDS } from '../glossary/index.js';

export const classificationReader: TableFamilyReader = {
  family: 'CLASSIFICATION',
  extract(table, ctx) {
    const { file, meta, isActual, diagnostics } = ctx;
    const unit = unitOf(ctx);
    const cls = extractClassification(table, file, unit, isActual || DOCUMENT_KINDS.finalAccounts.matches.test(table.title) ? 'ACTUAL' : 'BUDGET', diagnostics, structureIn(table, ctx).coded);
    return claim({ lines: cls.lines, totals: cls.lines.length ? cls.totals.map((t) => ({ ...t, table: table.title })) : [], anomalies: sumAnomalies(cls, meta.roundingNote, unit) });
  },
};

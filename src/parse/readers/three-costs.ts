// "三公"经费表
import { isThreeCostsTable, threeCostsFromTable } from '../three-costs.js';
import { claim, structureIn, type TableFamilyReader, unitOf } from './reader.js';

export const threeCostsReader: TableFamilyReader = {
  family: 'THREE_COSTS',
  extract(table, ctx) {
    const { file, meta, isActual } = ctx;
    const structure = structureIn(table, ctx).threeCosts;
    if (!isThreeCostsTable(table) || !structure) return null;
    return claim({ threeCosts: threeCostsFromTable(table, file, unitOf(ctx), meta.year, isActual, structure, ctx.diagnostics) });
  },
};

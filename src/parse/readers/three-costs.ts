// "三公"经费表
import { isThreeCostsTable, threeCostsFromTable } from '../three-costs.js';
import { claim, type TableFamilyReader, unitOf } from './reader.js';

export const threeCostsReader: TableFamilyReader = {
  family: 'THREE_COSTS',
  extract(table, ctx) {
    const { file, meta, isActual } = ctx;
    if (!isThreeCostsTable(table)) return null;
    return claim({ threeCosts: threeCostsFromTable(table, file, unitOf(ctx), meta.year, isActual) });
  },
};

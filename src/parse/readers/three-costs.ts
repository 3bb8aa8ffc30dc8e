// "三公"经费表
import { isThreeCostsTable, threeCostsFromTable } from '../three-costs.js';
import { claim, type TableFamilyReader } from './reader.js';

export const threeCostsReader: TableFamilyReader = {
  family: 'THREE_COSTS',
  extract(table, { file, meta, isActual }) {
    if (!isThreeCostsTable(table)) return null;
    return claim({ threeCosts: threeCostsFromTable(table, file, meta.moneyUnit, meta.year, isActual) });
  },
};

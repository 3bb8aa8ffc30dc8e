// 政府投资项目表: one form per 国家编码
import { extractIndicators } from '../indicators.js';
import { extractInvestmentProject, isInvestmentTable } from '../investment.js';
import { truncatedCodeAnomaly } from '../anomalies.js';
import { claim, structureIn, type TableFamilyReader } from './reader.js';

export const investmentFormReader: TableFamilyReader = {
  family: 'INVESTMENT_FORM',
  extract(table, ctx) {
    const { file, diagnostics } = ctx;
    if (!isInvestmentTable(table)) return null;
    const ip = extractInvestmentProject(table, file);
    if (!ip) return claim({});
    return claim({ investmentProjects: [ip], anomalies: ip.truncated ? [truncatedCodeAnomaly(ip.code, ip.source)] : [], indicators: extractIndicators(table, file, ip.name, diagnostics, structureIn(table, ctx).indicators) });
  },
};

// 政府投资项目表: one form per 国家编码
import { extractIndicators } from '../indicators.js';
import { extractInvestmentProject } from '../investment.js';
import { truncatedCodeAnomaly } from '../anomalies.js';
import { claim, structureIn, type TableFamilyReader } from './reader.js';

export const investmentFormReader: TableFamilyReader = {
  family: 'INVESTMENT_FORM',
  extract(table, ctx) {
    const { file, diagnostics } = ctx;
    const structure = structureIn(table, ctx);
    // A form with a 国家编码 / 项目代码 label (the structure stage found it), read by its fields.
    if (!structure.investment) return null;
    const ip = extractInvestmentProject(table, file, structure.investment);
    if (!ip) return claim({});
    return claim({ investmentProjects: [ip], anomalies: ip.truncated ? [truncatedCodeAnomaly(ip.code, ip.source)] : [], indicators: extractIndicators(table, file, ip.name, diagnostics, structure.indicators) });
  },
};

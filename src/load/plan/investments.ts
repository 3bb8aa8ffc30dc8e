// InvestmentProject // 政府投资项目 rows, with what they report on (REPORTS_ON) and the code lines
// their money was booked under (RECONCILED by amounts).
import type { ParsedDocument } from '../../parse/records.js';
import type { InvestmentLink } from '../code-links.js';
import type { InvestmentReport } from '../investment-reports.js';
import { normaliseProjectName } from '../../model/names.js';
import { factId } from '../../model/ids.js';
import type { UnitRegistry } from './units.js';
import { n, sourceJson, src } from './values.js';
import { storedValues } from './stored.js';
import { INVESTMENT_PROJECT } from '../../model/kinds/investment-project.js';
import { indexed } from './indexed.js';

export function investmentRows(doc: ParsedDocument, documentId: string, units: UnitRegistry) {
  return doc.investmentProjects.map((ip, i) => ({
    id: factId(documentId, 'InvestmentProject', i),
    // null: printed for the department as a whole, with no 项目单位 (no FOR_UNIT).
    unitId: units.ownerOf(ip.unit, ip.source, doc.meta.publisher ?? null),
    ...storedValues(INVESTMENT_PROJECT, ip, { name: { normName: normaliseProjectName(ip.name) } }),
    fieldSources: JSON.stringify(ip.fieldSources),
    year: n(doc.meta.year),
    searchText: `${ip.name} ${ip.code}`,
    ...src(ip.source),
  }));
}

export function investmentReportRows(reports: InvestmentReport[], documentId: string, allocationIds: string[]) {
  return reports.map((r) => ({
    investmentId: factId(documentId, 'InvestmentProject', r.investmentIndex),
    allocationId: indexed(allocationIds, r.allocationIndex, 'an investment report’s allocation'),
    rule: r.rule,
    score: r.score,
    evidence: sourceJson(r.evidence),
  }));
}

export function investmentLinkRows(links: InvestmentLink[], documentId: string) {
  return links.map((l) => ({
    investmentId: factId(documentId, 'InvestmentProject', l.investmentIndex),
    code: l.code,
    method: 'RECONCILED',
    note: l.note,
    evidence: sourceJson(l.evidence),
  }));
}

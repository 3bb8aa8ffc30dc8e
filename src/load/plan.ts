// Turns one parsed document into the rows each load statement UNWINDs. Pure: no I/O. One mapper
// per record kind lives in src/load/plan/; this module decides the order they run in (units are
// registered as facts name them, links need the allocations) and what each statement receives.
import { createHash } from 'node:crypto';
import type { Diagnostic, ParsedDocument } from '../parse/records.js';
import { linkInvestmentsToAllocations } from './investment-reports.js';
import { investmentGroupLinks, splitLinks } from './trail-reconcile.js';
import { runPlanChecks } from './plan-checks.js';
import { linkInvestmentsToCodes, linkProjectsToCodes, type CodeLink } from './code-links.js';
import { departmentIdentity } from './identity.js';
import { restatements } from './restatements.js';
import { allocationsOf } from './plan/allocations.js';
import { codeRows } from './plan/codes.js';
import { departmentRow, documentRow } from './plan/document.js';
import { anomalyRows, codeLinkRows, evaluationRows, figureRows, indicatorRows, paymentRows, proseAmountRows, tableTotalRows, threeCostsRows } from './plan/facts.js';
import { investmentLinkRows, investmentReportRows, investmentRows } from './plan/investments.js';
import { lineRows } from './plan/lines.js';
import { UnitRegistry } from './plan/units.js';
import { big } from './plan/values.js';

export { slotListings } from './plan/slots.js';

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function buildPlan(doc: ParsedDocument, text: string) {
  const hash = contentHash(text);
  const documentId = doc.meta.file.replace(/\.[^.]+$/, '');
  const dept = departmentIdentity(doc.meta.department);
  const diagnostics: Diagnostic[] = [...doc.diagnostics];
  const isActual = doc.meta.kinds.includes('FINAL_ACCOUNTS');

  const units = new UnitRegistry(dept);
  units.add(null, doc.meta.source);
  for (const u of doc.units) units.add(u.name, u.source);

  const lines = lineRows(doc, documentId, units);
  const allocations = allocationsOf(doc, documentId, dept, units);
  const { representatives, allocationIds, ownerOf } = allocations;

  const links: CodeLink[] = linkProjectsToCodes(representatives, doc.lines, diagnostics, isActual);
  links.push(...splitLinks(representatives, doc.lines, links, isActual, diagnostics));
  const investments = investmentRows(doc, documentId, units);
  const indicators = indicatorRows(doc, documentId, allocationIds, ownerOf);
  const investmentReports = investmentReportRows(linkInvestmentsToAllocations(doc.investmentProjects, representatives, diagnostics), documentId, allocationIds);
  const singleInvestmentLinks = linkInvestmentsToCodes(doc.investmentProjects, doc.lines, diagnostics);
  const groupLinks = singleInvestmentLinks.length ? [] : investmentGroupLinks(doc.investmentProjects, representatives, doc.lines, links, isActual, diagnostics);
  const investmentLinks = [...singleInvestmentLinks, ...groupLinks];
  const evaluations = evaluationRows(doc, documentId, ownerOf);
  const threeCosts = threeCostsRows(doc, documentId);
  const tableTotals = tableTotalRows(doc, documentId, units);
  const figures = figureRows(doc, documentId);
  // Which table fact each prose amount restates (and where they disagree), decided in TypeScript.
  const restated = restatements(
    doc,
    representatives.map((p, i) => ({ id: allocationIds[i]!, name: p.name, amount: p.amount, source: p.source })),
  );
  const proseAmounts = proseAmountRows(doc, documentId, restated.links);
  const payments = paymentRows(doc, documentId, ownerOf);
  // The checks only the links reveal (plan-checks.ts), their findings after the parser's.
  const revealed = runPlanChecks({ doc, representatives, links, investmentLinks, restated, variants: allocations.variants, isActual });

  return {
    documentId,
    contentHash: hash,
    document: documentRow(doc, documentId, hash),
    department: departmentRow(doc, dept),
    units: units.rows(),
    codes: codeRows(doc.lines, doc.meta.year, links, representatives),
    lines,
    allocations: allocations.rows,
    listings: allocations.listings,
    codeLinks: codeLinkRows(links, allocationIds, allocations.rows.map((r) => ({ amount: big(r.amountFen), executed: big(r.executedFen) })), isActual),
    indicators,
    investments,
    investmentLinks: investmentLinkRows(investmentLinks, documentId),
    /** Investment project → the allocation it reports on (rule, score, evidence). */
    investmentReports,
    evaluations,
    threeCosts,
    tableTotals,
    figures,
    proseAmounts,
    payments,
    anomalies: anomalyRows([...doc.anomalies, ...revealed], documentId, { BudgetLine: lines, ProjectAllocation: allocations.rows, ThreeCosts: threeCosts, SelfEvaluation: evaluations, InvestmentProject: investments, TableTotal: tableTotals, Figure: figures, ProseAmount: proseAmounts, Payment: payments }),
    links,
    diagnostics,
  };
}

/** The rows of one document's load, typed per statement by the mappers that build them. */
export type LoadPlan = ReturnType<typeof buildPlan>;

/** What a plan's rows weigh as JSON: the measure of the room a load needs (loader.ts refuseWithoutRoom). */
export function planBytes(plan: LoadPlan): number {
  const { links: _links, diagnostics: _diagnostics, ...rows } = plan;
  return Buffer.byteLength(JSON.stringify(rows));
}

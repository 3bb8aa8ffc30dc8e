// The whole path of a document // 文档流程: the parse's stages (src/parse/pipeline.ts), then the
// load's: what the load decides (identity, units, code links, restatements, name variants) → the
// checks only those links reveal (plan-checks.ts) → the rows each kind's statement writes → the
// plan, its anomalies pointed at the rows they cite. Each stage a named, typed function of the
// state so far (LOAD_PIPELINE at the end of this file); buildPlan (plan.ts) runs the load's, and
// `npm run parse -- FILE --stage=NAME` runs the whole path to any stage and prints what it gave.
// Pure: no I/O.
import { createHash } from 'node:crypto';
import { PARSE_PIPELINE, Pipeline, type Stage } from '../parse/pipeline.js';
import type { Redaction } from '../parse/personal-data.js';
import type { Anomaly, Diagnostic, ParsedDocument } from '../parse/records.js';
import { linkInvestmentsToAllocations, type InvestmentReport } from './investment-reports.js';
import { investmentGroupLinks, splitLinks } from './trail-reconcile.js';
import { runPlanChecks } from './plan-checks.js';
import { linkInvestmentsToCodes, linkProjectsToCodes, type CodeLink, type InvestmentLink } from './code-links.js';
import { departmentIdentity, type DepartmentIdentity } from './identity.js';
import { restatements } from './restatements.js';
import { allocationsOf, type Allocations } from './plan/allocations.js';
import { codeRows } from './plan/codes.js';
import { departmentRow, documentRow } from './plan/document.js';
import { anomalyRows, codeLinkRows, evaluationRows, figureRows, indicatorRows, paymentRows, proseAmountRows, tableTotalRows, threeCostsRows } from './plan/facts.js';
import { investmentLinkRows, investmentReportRows, investmentRows } from './plan/investments.js';
import { lineRows } from './plan/lines.js';
import { UnitRegistry } from './plan/units.js';
import { big } from './plan/values.js';

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// ── The states: each stage's output, holding its input ──────────────────────────────────────────

/** What the load reads of the parse: the document, and the text as stored (personal data redacted). */
export interface PlanInput {
  doc: ParsedDocument;
  /** The text as stored: what the document's content hash is of. */
  redaction: Pick<Redaction, 'text'>;
}

/** What the load decides of the document: who it is, which projects are one, what links to what. */
export interface Linked extends PlanInput {
  documentId: string;
  contentHash: string;
  dept: DepartmentIdentity;
  /** A 决算: links reconcile executed amounts against the ACTUAL lines. */
  isActual: boolean;
  /** Every budget unit the facts name (printed, or the unit a unit's own document is of), in the order the mappers meet them. */
  units: UnitRegistry;
  /** One allocation per slot of a project's listings (identity), with the name variants it merged. */
  allocations: Allocations;
  /** Project (by allocation index) → the 项 code line its money was booked under. */
  links: CodeLink[];
  /** Investment project → the allocation it reports on (rule, score, evidence). */
  investmentReports: InvestmentReport[];
  /** Investment project → the 项 code line its money was booked under (one, else a group's). */
  investmentLinks: InvestmentLink[];
  /** Which table fact each prose amount restates, and where they disagree. */
  restated: ReturnType<typeof restatements>;
  /** The parser's diagnostics, then what the linking said. */
  diagnostics: Diagnostic[];
}

export interface PlanChecked extends Linked {
  /** The findings of the plan's own checks (plan-checks.ts), in the order of its rules. */
  revealed: Anomaly[];
}

export interface Rowed extends PlanChecked {
  rows: PlanRows;
}

export interface Planned extends Rowed {
  plan: LoadPlan;
}

// ── The stages, top to bottom ────────────────────────────────────────────────────────────────────

export const LINKS: Stage<PlanInput, Linked> = {
  name: 'links',
  purpose: 'what the load decides: the document, department and unit identities, one allocation per project slot (name variants merged), code links of projects and investment projects, what the prose restates',
  run(input) {
    const { doc } = input;
    const documentId = doc.meta.file.replace(/\.[^.]+$/, '');
    const dept = departmentIdentity(doc.meta.department);
    const diagnostics: Diagnostic[] = [...doc.diagnostics];
    const isActual = doc.meta.kinds.includes('FINAL_ACCOUNTS');

    // The units in the order the row mappers meet them (lines, allocations, investment projects,
    // table totals): the rows stage names them again and finds each already there. Only units
    // printed (or the unit a unit's own document is of): a fact of the department as a whole is
    // no unit's, so no 本级 unit is made for it (plan/units.ts ownerOf).
    const units = new UnitRegistry(dept);
    const own = doc.meta.publisher ?? null;
    for (const u of doc.units) units.add(u.name, u.source);
    for (const l of doc.lines) units.ownerOf(l.unit, l.source, own);
    const allocations = allocationsOf(doc, documentId, dept, units);
    for (const ip of doc.investmentProjects) units.ownerOf(ip.unit, ip.source, own);
    for (const t of doc.totals) units.ownerOf(t.unit, t.source, own);
    const { representatives, allocationIds } = allocations;

    // The linkers' diagnostics in the order they run.
    const links = linkProjectsToCodes(representatives, doc.lines, diagnostics, isActual);
    links.push(...splitLinks(representatives, doc.lines, links, isActual, diagnostics));
    const investmentReports = linkInvestmentsToAllocations(doc.investmentProjects, representatives, diagnostics);
    const singleInvestmentLinks = linkInvestmentsToCodes(doc.investmentProjects, doc.lines, diagnostics);
    const groupLinks = singleInvestmentLinks.length ? [] : investmentGroupLinks(doc.investmentProjects, representatives, doc.lines, links, isActual, diagnostics);
    // Which table fact each prose amount restates (and where they disagree), decided in TypeScript.
    const restated = restatements(
      doc,
      representatives.map((p, i) => ({ id: allocationIds[i]!, name: p.name, amount: p.amount, source: p.source })),
    );
    return { ...input, documentId, contentHash: contentHash(input.redaction.text), dept, isActual, units, allocations, links, investmentReports, investmentLinks: [...singleInvestmentLinks, ...groupLinks], restated, diagnostics };
  },
  show: ({ doc, documentId, contentHash: hash, dept, units, allocations, links, investmentReports, investmentLinks, restated, diagnostics }) => {
    const { representatives, allocationIds } = allocations;
    const allocation = (i: number) => ({ allocationId: allocationIds[i] ?? null, project: representatives[i]?.name ?? null });
    return {
      documentId,
      contentHash: hash,
      department: dept,
      units: units.rows(),
      allocations: representatives.map((p, i) => ({ id: allocationIds[i], name: p.name, amount: p.amount, unit: p.unit, functionCode: p.functionCode, line: p.source.line })),
      nameVariants: allocations.variants.map(({ printed, canonical }) => ({ printed, canonical })),
      codeLinks: links.map((l) => ({ ...allocation(l.projectIndex), ...l })),
      investmentReports: investmentReports.map((r) => ({ ...r, ...allocation(r.allocationIndex) })),
      investmentLinks,
      restatements: restated.links,
      diagnostics: diagnostics.slice(doc.diagnostics.length),
    };
  },
};

export const PLAN_CHECKS: Stage<Linked, PlanChecked> = {
  name: 'plan-checks',
  purpose: 'the checks only the links reveal, declared like the registry (plan-checks.ts): a 项 line its linked projects exceed, prose restating a table otherwise, one project under two names',
  run: (input) => ({
    ...input,
    revealed: runPlanChecks({ doc: input.doc, representatives: input.allocations.representatives, links: input.links, investmentLinks: input.investmentLinks, restated: input.restated, variants: input.allocations.variants, isActual: input.isActual }),
  }),
  show: ({ revealed }) => ({ anomalies: revealed }),
};

/** Each load statement's rows but the anomalies', in the order the plan lists them. */
function rowsOf({ doc, documentId, contentHash: hash, dept, isActual, units, allocations, links, investmentReports, investmentLinks, restated }: Linked) {
  const { representatives, allocationIds, ownerOf } = allocations;
  const lines = lineRows(doc, documentId, units);
  const investments = investmentRows(doc, documentId, units);
  const indicators = indicatorRows(doc, documentId, allocationIds, ownerOf);
  const reports = investmentReportRows(investmentReports, documentId, allocationIds);
  const evaluations = evaluationRows(doc, documentId, ownerOf);
  const threeCosts = threeCostsRows(doc, documentId);
  const tableTotals = tableTotalRows(doc, documentId, units);
  const figures = figureRows(doc, documentId);
  const proseAmounts = proseAmountRows(doc, documentId, restated.links);
  const payments = paymentRows(doc, documentId, ownerOf);
  return {
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
    investmentReports: reports,
    evaluations,
    threeCosts,
    tableTotals,
    figures,
    proseAmounts,
    payments,
  };
}

export type PlanRows = ReturnType<typeof rowsOf>;

export const ROWS: Stage<PlanChecked, Rowed> = {
  name: 'rows',
  purpose: 'the rows each kind’s load statement writes (src/load/plan/): document, department, units, codes, lines, allocations and listings, code links, indicators, investments, evaluations, 三公, totals, figures, prose amounts, payments',
  run: (input) => ({ ...input, rows: rowsOf(input) }),
  show: ({ rows }) => rows,
};

/** The plan of one document's load: each statement's rows, the parser's anomalies then the plan checks' pointed at the rows they cite. */
function planOf({ doc, documentId, contentHash: hash, revealed, links, diagnostics, rows }: Rowed) {
  const { lines, allocations, threeCosts, evaluations, investments, tableTotals, figures, proseAmounts, payments } = rows;
  return {
    documentId,
    contentHash: hash,
    ...rows,
    anomalies: anomalyRows([...doc.anomalies, ...revealed], documentId, { BudgetLine: lines, ProjectAllocation: allocations, ThreeCosts: threeCosts, SelfEvaluation: evaluations, InvestmentProject: investments, TableTotal: tableTotals, Figure: figures, ProseAmount: proseAmounts, Payment: payments }),
    links,
    diagnostics,
  };
}

/** The rows of one document's load, typed per statement by the mappers that build them. */
export type LoadPlan = ReturnType<typeof planOf>;

export const PLAN: Stage<Rowed, Planned> = {
  name: 'plan',
  purpose: "the rows each load statement writes, as the loader receives them: the rows stage's, then the anomalies (the parser's, then the plan checks') pointed at the rows they cite, the links and diagnostics",
  run: (input) => ({ ...input, plan: planOf(input) }),
  show: ({ plan }) => plan,
};

/** The load plan, stage by stage: buildPlan(doc, text) is LOAD_PIPELINE.run({ doc, redaction: { text } }).plan. */
export const LOAD_PIPELINE = Pipeline.start<PlanInput>().then(LINKS).then(PLAN_CHECKS).then(ROWS).then(PLAN);

/** The whole path: planned from the text as stored (personal data redacted), as the loader and the parse worker do. */
export const DOCUMENT_PIPELINE = PARSE_PIPELINE.then(LINKS).then(PLAN_CHECKS).then(ROWS).then(PLAN);

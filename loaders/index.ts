// The per-request DataLoaders. createLoaders() is called once per GraphQL request (see
// src/api/context.ts): caches never outlive a request, so no user sees another's data.
import { PrimedLoader } from './primed-loader.js';
import type { Repository } from '../src/query/repository.js';
import type {
  AllocationRow,
  AnomalyRow,
  BudgetLineRow,
  CodeFeedRow,
  CodeLinkRow,
  CodeRow,
  DepartmentRow,
  DiagnosticRow,
  DocumentRow,
  EvaluationRow,
  FigureRow,
  PaymentRow,
  ProseAmountRow,
  TableTotalRow,
  IndicatorRow,
  InvestmentRow,
  ListingRow,
  ProjectRow,
  SameAsRow,
  ThreeCostsRow,
  UnitRow,
} from '../src/query/records.js';
import { ALLOCATION_FIELDS, EVALUATION_FIELDS, INDICATOR_FIELDS, LISTING_FIELDS, PAYMENT_FIELDS } from '../src/query/records.js';
import { anomalyRow, budgetLineRow, codeLinks, codeRow, departmentRow, diagnosticRow, documentRow, factRow, figureRow, investmentRow, projectRow, proseAmountRow, sameAsRow, tableTotalRow, threeCostsRow, unitRow } from '../src/query/rows.js';
import { listEach, oneEach } from './batch.js';
import type { BatchStatement } from '../src/db/statements.generated.js';
import { primeNeighbours } from './prime.js';
import { documentOfAllocation } from '../src/model/ids.js';
import { placeFromJson, type LinePlaceRow } from '../src/query/places.js';


export function createLoaders(repo: Repository) {
  // Rows carrying their unit/project (as _unit/_project) prime those loaders (see prime.ts).
  const withNeighbours = <T>(map: (p: Record<string, unknown>) => T) => (p: Record<string, unknown>) => {
    const { _unit, _project, _links, ...rest } = p as { _unit?: Record<string, unknown>; _project?: Record<string, unknown>; _links?: Record<string, unknown>[] } & Record<string, unknown>;
    primeNeighbours(loaders, { unit: _unit, project: _project });
    if (_links && typeof rest.id === 'string') loaders.codeLinksByAllocation.prime(rest.id, codeLinks(_links));
    return map(rest);
  };
  const one = <T>(statement: BatchStatement, map: (p: Record<string, unknown>) => T) => new PrimedLoader<string, T | null>(oneEach(repo, statement, withNeighbours(map)));
  const many = <T>(statement: BatchStatement, map: (p: Record<string, unknown>) => T) => new PrimedLoader<string, T[]>(listEach(repo, statement, withNeighbours(map)));
  const loaders = {
    documentById: one<DocumentRow>('documents-by-id', documentRow),
    documentsByDepartment: many<DocumentRow>('documents-by-department', documentRow),
    departmentById: one<DepartmentRow>('departments-by-id', departmentRow),
    unitById: one<UnitRow>('units-by-id', (p) => unitRow(p)),
    unitsByDocument: many<UnitRow>('units-by-document', (p) => unitRow(p)),
    unitsByDepartment: many<UnitRow>('units-by-department', (p) => unitRow(p)),
    /** key: documentSchemeKey(documentId, scheme) (FUNCTION / ECONOMIC / PROCUREMENT). */
    linesByDocumentScheme: many<BudgetLineRow>('lines-by-document', budgetLineRow),
    linesByCode: many<BudgetLineRow>('lines-by-code', budgetLineRow),
    codeByKey: one<CodeRow>('codes-by-key', codeRow),
    projectById: one<ProjectRow>('projects-by-id', projectRow),
    allocationById: one<AllocationRow>('allocations-by-id', (p) => factRow(p, ALLOCATION_FIELDS)),
    allocationsByDocument: many<AllocationRow>('allocations-by-document', (p) => factRow(p, ALLOCATION_FIELDS)),
    allocationsByProject: many<AllocationRow>('allocations-by-project', (p) => factRow(p, ALLOCATION_FIELDS)),
    listingsByAllocation: many<ListingRow>('listings-by-allocation', (p) => factRow({ ...p, documentId: documentOfAllocation(String(p.allocationId)) }, LISTING_FIELDS)),
    codeLinksByAllocation: new PrimedLoader<string, CodeLinkRow[]>(async (keys) => (await listEach(repo, 'code-links-by-allocation', (p) => p)(keys)).map(codeLinks)),
    codeLinksByInvestment: new PrimedLoader<string, CodeLinkRow[]>(async (keys) => (await listEach(repo, 'code-links-by-investment', (p) => p)(keys)).map(codeLinks)),
    sameAsByProject: many<SameAsRow>('same-as-by-project', sameAsRow),
    indicatorsByAllocation: many<IndicatorRow>('indicators-by-allocation', (p) => factRow(p, INDICATOR_FIELDS)),
    indicatorsByDocument: many<IndicatorRow>('indicators-by-document', (p) => factRow(p, INDICATOR_FIELDS)),
    indicatorsByInvestment: many<IndicatorRow>('indicators-by-investment', (p) => factRow(p, INDICATOR_FIELDS)),
    evaluationsByAllocation: many<EvaluationRow>('evaluations-by-allocation', (p) => factRow(p, EVALUATION_FIELDS)),
    evaluationsByDocument: many<EvaluationRow>('evaluations-by-document', (p) => factRow(p, EVALUATION_FIELDS)),
    investmentsByAllocation: many<InvestmentRow>('investments-by-allocation', investmentRow),
    investmentsByDocument: many<InvestmentRow>('investments-by-document', investmentRow),
    threeCostsByDocument: many<ThreeCostsRow>('three-costs-by-document', threeCostsRow),
    figuresByDocument: many<FigureRow>('figures-by-document', figureRow),
    tableTotalsByDocument: many<TableTotalRow>('table-totals-by-document', tableTotalRow),
    paymentsByDocument: many<PaymentRow>('payments-by-document', (p) => factRow(p, PAYMENT_FIELDS)),
    proseAmountsByDocument: many<ProseAmountRow>('prose-amounts-by-document', proseAmountRow),
    anomaliesByDocument: many<AnomalyRow>('anomalies-by-document', anomalyRow),
    diagnosticsByDocument: new PrimedLoader<string, DiagnosticRow[]>(async (keys) => (await listEach(repo, 'diagnostics-by-document', (p) => p)(keys)).map((rows, i) => rows.map((p) => diagnosticRow(p, String(keys[i]))))),
    anomaliesByFact: many<AnomalyRow>('anomalies-by-fact', anomalyRow),
    /** key: placeKey(documentId, line): where that line is printed (Source.page / box / cells). */
    placeByLine: new PrimedLoader<string, LinePlaceRow | null>(oneEach(repo, 'places-by-line', (p) => placeFromJson(p.json, p.text))),
    // By id, for node(id) / nodes(ids): the same row shapes as the lists above.
    lineById: one<BudgetLineRow>('lines-by-id', budgetLineRow),
    anomalyById: one<AnomalyRow>('anomalies-by-id', anomalyRow),
    indicatorById: one<IndicatorRow>('indicators-by-id', (p) => factRow(p, INDICATOR_FIELDS)),
    evaluationById: one<EvaluationRow>('evaluations-by-id', (p) => factRow(p, EVALUATION_FIELDS)),
    investmentById: one<InvestmentRow>('investments-by-id', investmentRow),
    figureById: one<FigureRow>('figures-by-id', figureRow),
    tableTotalById: one<TableTotalRow>('table-totals-by-id', tableTotalRow),
    paymentById: one<PaymentRow>('payments-by-id', (p) => factRow(p, PAYMENT_FIELDS)),
    proseAmountById: one<ProseAmountRow>('prose-amounts-by-id', proseAmountRow),
    threeCostsById: one<ThreeCostsRow>('three-costs-by-id', threeCostsRow),
    listingById: one<ListingRow>('listings-by-id', (p) => factRow({ ...p, documentId: documentOfAllocation(String(p.allocationId)) }, LISTING_FIELDS)),
    codeFeedById: new PrimedLoader<string, CodeFeedRow | null>(async (keys) => {
      const found = await repo.codeFeedsByKey(keys);
      return keys.map((k) => found.get(k) ?? null);
    }),
  };
  return loaders;
}

export type Loaders = ReturnType<typeof createLoaders>;


// The per-request DataLoaders. createLoaders() is called once per GraphQL request (see
// src/api/context.ts): caches never outlive a request, so no user sees another's data. Each is
// made when the request first reads it.
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
  // Each loader is made the first time the request reads it, then kept as a plain property: a
  // question reads a few of the 45, and making them all cost 86-136 µs a request,
  // 2.2 % of the server's busy time for codeFeeds at c = 50 (bench/api-profile.ts --prof, r6).
  const made = <V>(name: string, make: () => V): V => {
    const loader = make();
    Object.defineProperty(loaders, name, { value: loader, enumerable: true });
    return loader;
  };
  const one = <T>(statement: BatchStatement, map: (p: Record<string, unknown>) => T) => new PrimedLoader<string, T | null>(oneEach(repo, statement, withNeighbours(map)));
  const many = <T>(statement: BatchStatement, map: (p: Record<string, unknown>) => T) => new PrimedLoader<string, T[]>(listEach(repo, statement, withNeighbours(map)));
  const loaders = {
    get documentById() {
      return made('documentById', () => one<DocumentRow>('documents-by-id', documentRow));
    },
    get documentsByDepartment() {
      return made('documentsByDepartment', () => many<DocumentRow>('documents-by-department', documentRow));
    },
    get departmentById() {
      return made('departmentById', () => one<DepartmentRow>('departments-by-id', departmentRow));
    },
    get unitById() {
      return made('unitById', () => one<UnitRow>('units-by-id', (p) => unitRow(p)));
    },
    get unitsByDocument() {
      return made('unitsByDocument', () => many<UnitRow>('units-by-document', (p) => unitRow(p)));
    },
    get unitsByDepartment() {
      return made('unitsByDepartment', () => many<UnitRow>('units-by-department', (p) => unitRow(p)));
    },
    /** key: documentSchemeKey(documentId, scheme) (FUNCTION / ECONOMIC / PROCUREMENT). */
    get linesByDocumentScheme() {
      return made('linesByDocumentScheme', () => many<BudgetLineRow>('lines-by-document', budgetLineRow));
    },
    get linesByCode() {
      return made('linesByCode', () => many<BudgetLineRow>('lines-by-code', budgetLineRow));
    },
    get codeByKey() {
      return made('codeByKey', () => one<CodeRow>('codes-by-key', codeRow));
    },
    get projectById() {
      return made('projectById', () => one<ProjectRow>('projects-by-id', projectRow));
    },
    get allocationById() {
      return made('allocationById', () => one<AllocationRow>('allocations-by-id', (p) => factRow(p, ALLOCATION_FIELDS)));
    },
    get allocationsByDocument() {
      return made('allocationsByDocument', () => many<AllocationRow>('allocations-by-document', (p) => factRow(p, ALLOCATION_FIELDS)));
    },
    get allocationsByProject() {
      return made('allocationsByProject', () => many<AllocationRow>('allocations-by-project', (p) => factRow(p, ALLOCATION_FIELDS)));
    },
    get listingsByAllocation() {
      return made('listingsByAllocation', () => many<ListingRow>('listings-by-allocation', (p) => factRow({ ...p, documentId: documentOfAllocation(String(p.allocationId)) }, LISTING_FIELDS)));
    },
    get codeLinksByAllocation() {
      return made('codeLinksByAllocation', () => new PrimedLoader<string, CodeLinkRow[]>(async (keys) => (await listEach(repo, 'code-links-by-allocation', (p) => p)(keys)).map(codeLinks)));
    },
    get codeLinksByInvestment() {
      return made('codeLinksByInvestment', () => new PrimedLoader<string, CodeLinkRow[]>(async (keys) => (await listEach(repo, 'code-links-by-investment', (p) => p)(keys)).map(codeLinks)));
    },
    get sameAsByProject() {
      return made('sameAsByProject', () => many<SameAsRow>('same-as-by-project', sameAsRow));
    },
    get indicatorsByAllocation() {
      return made('indicatorsByAllocation', () => many<IndicatorRow>('indicators-by-allocation', (p) => factRow(p, INDICATOR_FIELDS)));
    },
    get indicatorsByDocument() {
      return made('indicatorsByDocument', () => many<IndicatorRow>('indicators-by-document', (p) => factRow(p, INDICATOR_FIELDS)));
    },
    get indicatorsByInvestment() {
      return made('indicatorsByInvestment', () => many<IndicatorRow>('indicators-by-investment', (p) => factRow(p, INDICATOR_FIELDS)));
    },
    get evaluationsByAllocation() {
      return made('evaluationsByAllocation', () => many<EvaluationRow>('evaluations-by-allocation', (p) => factRow(p, EVALUATION_FIELDS)));
    },
    get evaluationsByDocument() {
      return made('evaluationsByDocument', () => many<EvaluationRow>('evaluations-by-document', (p) => factRow(p, EVALUATION_FIELDS)));
    },
    get investmentsByAllocation() {
      return made('investmentsByAllocation', () => many<InvestmentRow>('investments-by-allocation', investmentRow));
    },
    get investmentsByDocument() {
      return made('investmentsByDocument', () => many<InvestmentRow>('investments-by-document', investmentRow));
    },
    get threeCostsByDocument() {
      return made('threeCostsByDocument', () => many<ThreeCostsRow>('three-costs-by-document', threeCostsRow));
    },
    get figuresByDocument() {
      return made('figuresByDocument', () => many<FigureRow>('figures-by-document', figureRow));
    },
    get tableTotalsByDocument() {
      return made('tableTotalsByDocument', () => many<TableTotalRow>('table-totals-by-document', tableTotalRow));
    },
    get paymentsByDocument() {
      return made('paymentsByDocument', () => many<PaymentRow>('payments-by-document', (p) => factRow(p, PAYMENT_FIELDS)));
    },
    get proseAmountsByDocument() {
      return made('proseAmountsByDocument', () => many<ProseAmountRow>('prose-amounts-by-document', proseAmountRow));
    },
    get anomaliesByDocument() {
      return made('anomaliesByDocument', () => many<AnomalyRow>('anomalies-by-document', anomalyRow));
    },
    get diagnosticsByDocument() {
      return made('diagnosticsByDocument', () => new PrimedLoader<string, DiagnosticRow[]>(async (keys) => (await listEach(repo, 'diagnostics-by-document', (p) => p)(keys)).map((rows, i) => rows.map((p) => diagnosticRow(p, String(keys[i]))))));
    },
    get anomaliesByFact() {
      return made('anomaliesByFact', () => many<AnomalyRow>('anomalies-by-fact', anomalyRow));
    },
    /** key: placeKey(documentId, line): where that line is printed (Source.page / box / cells). */
    get placeByLine() {
      return made('placeByLine', () => new PrimedLoader<string, LinePlaceRow | null>(oneEach(repo, 'places-by-line', (p) => placeFromJson(p.json, p.text))));
    },
    // By id, for node(id) / nodes(ids): the same row shapes as the lists above.
    get lineById() {
      return made('lineById', () => one<BudgetLineRow>('lines-by-id', budgetLineRow));
    },
    get anomalyById() {
      return made('anomalyById', () => one<AnomalyRow>('anomalies-by-id', anomalyRow));
    },
    get indicatorById() {
      return made('indicatorById', () => one<IndicatorRow>('indicators-by-id', (p) => factRow(p, INDICATOR_FIELDS)));
    },
    get evaluationById() {
      return made('evaluationById', () => one<EvaluationRow>('evaluations-by-id', (p) => factRow(p, EVALUATION_FIELDS)));
    },
    get investmentById() {
      return made('investmentById', () => one<InvestmentRow>('investments-by-id', investmentRow));
    },
    get figureById() {
      return made('figureById', () => one<FigureRow>('figures-by-id', figureRow));
    },
    get tableTotalById() {
      return made('tableTotalById', () => one<TableTotalRow>('table-totals-by-id', tableTotalRow));
    },
    get paymentById() {
      return made('paymentById', () => one<PaymentRow>('payments-by-id', (p) => factRow(p, PAYMENT_FIELDS)));
    },
    get proseAmountById() {
      return made('proseAmountById', () => one<ProseAmountRow>('prose-amounts-by-id', proseAmountRow));
    },
    get threeCostsById() {
      return made('threeCostsById', () => one<ThreeCostsRow>('three-costs-by-id', threeCostsRow));
    },
    get listingById() {
      return made('listingById', () => one<ListingRow>('listings-by-id', (p) => factRow({ ...p, documentId: documentOfAllocation(String(p.allocationId)) }, LISTING_FIELDS)));
    },
    get codeFeedById() {
      return made(
        'codeFeedById',
        () =>
          new PrimedLoader<string, CodeFeedRow | null>(async (keys) => {
            const found = await repo.codeFeedsByKey(keys);
            return keys.map((k) => found.get(k) ?? null);
          }),
      );
    },
  };
  return loaders;
}

export type Loaders = ReturnType<typeof createLoaders>;


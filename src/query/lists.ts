// The paged lists of the API, declared once: for each, its statement, the filter fields it
// understands (each a test in the statement's CASE, src/query/filters.ts), what it can be sorted
// by (with the tie-breaks that make the order total, so keyset cursors are exact) and its default
// order. The GraphQL filter inputs and sort enums are derived from or checked against this.
import type { FilterFields } from './filters.js';
import type { StatementReading } from '../db/statements.generated.js';

/** A page statement: it reads the keyset window's parameters (cypher/page-window.cypher). */
export type ListStatement = StatementReading<'where' | 'keys' | 'dirs' | 'after' | 'before' | 'first' | 'last' | 'withSortKeys'>;

export type Direction = 'ASC' | 'DESC';
export interface SortKey<F extends string = string> {
  field: F;
  direction: Direction;
}

export interface ListSpec<S extends string> {
  statement: ListStatement;
  filter: FilterFields;
  /** Sort fields with their meaning (served as the list's OrderField enum). */
  sort: Record<S, string>;
  /** The order when orderBy is absent. */
  defaultOrder: SortKey<S>[];
  /** Sort-key positions the statement appends after the asked keys (ascending). */
  tieBreaks: number;
  /** Positions cypher/order-by-sort-key.cypher orders by. */
  maxKeys: number;
  /**
   * The item field that is null when its row left the graph between the statement's MATCH and
   * its projection (the item then reads back without properties): such a row is left out.
   */
  presentIf: string;
}

/** Filter fields every list (and aggregate) shares: the department, and the year. */
export const department = { department: { atom: 'department', value: 'departmentRef' }, departmentIn: { atom: 'departmentIn', value: 'departmentRefs' } } as const;
export const years = { year: { atom: 'year', value: 'int' }, yearFrom: { atom: 'yearFrom', value: 'int' }, yearTo: { atom: 'yearTo', value: 'int' } } as const;

export const LISTS = {
  projects: {
    statement: 'projects-page',
    filter: {
      name: { atom: 'name', value: 'string' },
      ...department,
      ...years,
      yearIn: { atom: 'yearIn', value: 'ints' },
      code: { atom: 'code', value: 'string' },
      codePrefix: { atom: 'codePrefix', value: 'string' },
      minAmount: { atom: 'minAmount', value: 'fen' },
      maxAmount: { atom: 'maxAmount', value: 'fen' },
      hasAnomaly: { atom: 'hasAnomaly', value: 'boolean' },
    },
    sort: {
      AMOUNT: 'Σ of its allocations in the years of the top-level year filter (all years when none).',
      NAME: 'Its name.',
      DEPARTMENT: 'Its department’s name.',
      YEAR: 'The latest year it has an allocation in (within the top-level year filter).',
    },
    defaultOrder: [],
    tieBreaks: 3,
    maxKeys: 10,
    presentIf: 'id',
  } satisfies ListSpec<'AMOUNT' | 'NAME' | 'DEPARTMENT' | 'YEAR'>,
  documents: {
    statement: 'documents-page',
    filter: {
      file: { atom: 'file', value: 'documentId' },
      ...department,
      ...years,
      yearIn: { atom: 'yearIn', value: 'ints' },
      kind: { atom: 'kind', value: 'string' },
      kindIn: { atom: 'kindIn', value: 'strings' },
      hasAnomaly: { atom: 'hasAnomaly', value: 'boolean' },
    },
    sort: { YEAR: 'Fiscal year.', FILE: 'File name.', DEPARTMENT: 'Department name.' },
    defaultOrder: [{ field: 'YEAR', direction: 'DESC' }],
    tieBreaks: 2,
    maxKeys: 10,
    presentIf: 'id',
  } satisfies ListSpec<'YEAR' | 'FILE' | 'DEPARTMENT'>,
  anomalies: {
    statement: 'anomalies-page',
    filter: {
      document: { atom: 'document', value: 'documentId' },
      kind: { atom: 'kind', value: 'string' },
      kindIn: { atom: 'kindIn', value: 'strings' },
      severity: { atom: 'severity', value: 'string' },
      ...department,
      ...years,
      minDelta: { atom: 'minDelta', value: 'fen' },
    },
    sort: {
      DOCUMENT: 'File name of its document.',
      KIND: 'Its kind.',
      SEVERITY: 'Its severity, least first: INFO, WARNING, ERROR.',
      DELTA: 'Size of the difference (|delta|; 0 when none is stated).',
      YEAR: 'Fiscal year of its document.',
    },
    defaultOrder: [],
    tieBreaks: 2,
    maxKeys: 10,
    presentIf: 'id',
  } satisfies ListSpec<'DOCUMENT' | 'KIND' | 'SEVERITY' | 'DELTA' | 'YEAR'>,
  investmentProjects: {
    statement: 'investments-page',
    filter: {
      code: { atom: 'code', value: 'string' },
      name: { atom: 'name', value: 'string' },
      ...department,
      ...years,
      yearIn: { atom: 'yearIn', value: 'ints' },
      truncated: { atom: 'truncated', value: 'boolean' },
      minTotalInvestment: { atom: 'minTotalInvestment', value: 'fen' },
      maxTotalInvestment: { atom: 'maxTotalInvestment', value: 'fen' },
      hasAnomaly: { atom: 'hasAnomaly', value: 'boolean' },
    },
    sort: { YEAR: 'Year of the reporting document.', CODE: 'The 国家编码.', NAME: 'Its name.', TOTAL_INVESTMENT: 'Total investment (项目总投资); unknown sorts lowest.' },
    defaultOrder: [{ field: 'YEAR', direction: 'DESC' }],
    tieBreaks: 2,
    maxKeys: 10,
    presentIf: 'id',
  } satisfies ListSpec<'YEAR' | 'CODE' | 'NAME' | 'TOTAL_INVESTMENT'>,
  codeFeeds: {
    statement: 'code-feeds-page',
    // Its arguments (code, department, years, includeDescendants) are fixed, not a filter tree.
    filter: {},
    sort: { YEAR: 'Fiscal year.', AMOUNT: 'The linked amount.', DEPARTMENT: 'Department name.', PROJECT: 'Project name as the document prints it.' },
    defaultOrder: [],
    tieBreaks: 3,
    maxKeys: 10,
    // A feed row is a link: its method, the last of its tie-breaks, is null once the link is gone.
    presentIf: 'method',
  } satisfies ListSpec<'YEAR' | 'AMOUNT' | 'DEPARTMENT' | 'PROJECT'>,
} as const;

export type ListName = keyof typeof LISTS;
export type SortField<L extends ListName> = keyof (typeof LISTS)[L]['sort'] & string;

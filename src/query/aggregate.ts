// aggregate(): exact sums of budget lines by any set of dimensions, with no money counted twice.
// Which facts are read is decided here and said in the answer: the 项 lines (经济分类: 款) of each
// document's primary table of the scheme (all funds), or with FUND the tables of one fund each.
// A cell by 类 / 款 is the sum of its 项 facts; where the document prints that 类 / 款 line with
// another amount the cell says so, with the printed lines.
import { BudgetGraphError } from '../errors.js';
import type { QueryRunner } from '../db/run.js';
import { row } from './mapping.js';
import type { SourceRef } from './records.js';

export const AGGREGATE_MEASURES = {
  TOTAL: '预算 合计 of budget lines (BUDGET basis).',
  BASIC: '预算 基本支出 of budget lines.',
  PROJECT: '预算 项目支出 of budget lines.',
  ACTUAL: '决算数 (本年支出合计) of final-account lines (ACTUAL basis).',
  ACTUAL_BASIC: '决算 基本支出.',
  ACTUAL_PROJECT: '决算 项目支出.',
} as const;
export type AggregateMeasure = keyof typeof AGGREGATE_MEASURES;

export const AGGREGATE_DIMENSIONS = {
  YEAR: 'The document’s year.',
  DEPARTMENT: 'The publishing department.',
  UNIT: 'The 预算单位 a line is printed for (tables printed per unit).',
  DOCUMENT_KIND: 'The document’s first kind (BUDGET, FINAL_ACCOUNTS …).',
  FUND: '资金性质 (一般公共预算 / 政府性基金预算 / 国有资本经营预算): reads each fund’s own table instead of the all-funds table.',
  FUNCTION_CLASS: '功能分类 类 (3 digits), the sum of its 项.',
  FUNCTION_SECTION: '功能分类 款 (5 digits), the sum of its 项.',
  FUNCTION_ITEM: '功能分类 项 (7 digits).',
  ECONOMIC_CLASS: '经济分类 类 (3 digits), the sum of its 款.',
  ECONOMIC_ITEM: '经济分类 款 (5 digits).',
} as const;
export type AggregateDimension = keyof typeof AGGREGATE_DIMENSIONS;

const CODE_DIMENSIONS: Partial<Record<AggregateDimension, { scheme: 'FUNCTION' | 'ECONOMIC'; length: number; leaf: boolean }>> = {
  FUNCTION_CLASS: { scheme: 'FUNCTION', length: 3, leaf: false },
  FUNCTION_SECTION: { scheme: 'FUNCTION', length: 5, leaf: false },
  FUNCTION_ITEM: { scheme: 'FUNCTION', length: 7, leaf: true },
  ECONOMIC_CLASS: { scheme: 'ECONOMIC', length: 3, leaf: false },
  ECONOMIC_ITEM: { scheme: 'ECONOMIC', length: 5, leaf: true },
};

export interface AggregateFilterArgs {
  department?: string | null;
  years?: number[] | null;
  yearFrom?: number | null;
  yearTo?: number | null;
  codes?: string[] | null;
  documentKinds?: string[] | null;
  scheme?: 'FUNCTION' | 'ECONOMIC' | null;
}

export interface AggregateCellRow {
  key: string;
  year: number | null;
  departmentId: string | null;
  departmentName: string | null;
  unitId: string | null;
  unitName: string | null;
  documentKind: string | null;
  fund: string | null;
  code: string | null;
  scheme: 'FUNCTION' | 'ECONOMIC';
  amountFen: bigint;
  /** Lines summed (with an amount in the measure). */
  count: number;
  documents: string[];
  /** For a 类 / 款 cell: what the document prints on that line, when it prints it. */
  printedFen: bigint | null;
  printedDiffers: boolean;
  printedSources: SourceRef[];
}

export interface AggregateResult {
  measure: AggregateMeasure;
  scheme: 'FUNCTION' | 'ECONOMIC';
  reads: string;
  totalFen: bigint;
  count: number;
  documents: number;
  cells: AggregateCellRow[];
  groups: number;
}

export type AggregateOrderField = 'AMOUNT' | 'COUNT' | 'YEAR' | 'DEPARTMENT' | 'UNIT' | 'CODE' | 'FUND' | 'DOCUMENT_KIND';
export interface AggregateOrder {
  field: AggregateOrderField;
  direction: 'ASC' | 'DESC';
}

/** More groups than this and the question is too wide to answer as cells (narrow the filter). */
export const MAX_GROUPS = 10_000;

export async function aggregate(
  runner: QueryRunner,
  measure: AggregateMeasure,
  dims: AggregateDimension[],
  filter: AggregateFilterArgs,
  orderBy: AggregateOrder[],
  first: number,
): Promise<AggregateResult> {
  const codeDims = dims.filter((d) => CODE_DIMENSIONS[d]);
  if (codeDims.length > 1) throw new BudgetGraphError('BAD_USER_INPUT', `group by one code dimension at a time (got ${codeDims.join(', ')}); a cell of a finer code already names its 类 by its first digits.`, { argument: 'groupBy' });
  const codeDim = codeDims[0] ? CODE_DIMENSIONS[codeDims[0]]! : null;
  if (codeDim && filter.scheme && filter.scheme !== codeDim.scheme) throw new BudgetGraphError('BAD_USER_INPUT', `filter.scheme ${filter.scheme} does not match groupBy ${codeDims[0]}.`, { argument: 'filter' });
  const scheme = codeDim?.scheme ?? filter.scheme ?? 'FUNCTION';
  const basis = measure.startsWith('ACTUAL') ? 'ACTUAL' : 'BUDGET';
  const byFund = dims.includes('FUND');
  const level = scheme === 'FUNCTION' ? 3 : 2;
  for (const c of filter.codes ?? []) if (!/^\d{1,7}$/.test(c)) throw new BudgetGraphError('BAD_USER_INPUT', `filter.codes: "${c}" is not a code or code prefix (digits, e.g. "201" or "2010504").`, { argument: 'filter' });
  const params = {
    department: filter.department?.trim() || null,
    years: filter.years?.length ? filter.years : null,
    yearFrom: filter.yearFrom ?? null,
    yearTo: filter.yearTo ?? null,
    kinds: filter.documentKinds?.length ? filter.documentKinds : null,
    codes: filter.codes?.length ? filter.codes : null,
    scheme,
    level,
    basis,
    byFund,
    measure: measure.replace(/^ACTUAL_?/, '') || 'TOTAL',
    dims,
    codeLength: codeDim?.length ?? null,
    limit: MAX_GROUPS + 1,
  };
  const res = await runner.read('aggregate-lines', params);
  if (res.records.length > MAX_GROUPS) throw new BudgetGraphError('QUERY_TOO_COMPLEX', `more than ${MAX_GROUPS} groups: narrow the filter or group by fewer dimensions.`, { limit: 'groups' });
  type Raw = Omit<AggregateCellRow, 'key' | 'scheme' | 'amountFen' | 'count' | 'printedFen' | 'printedDiffers' | 'printedSources'> & { amountFen: bigint; facts: number };
  const cells: AggregateCellRow[] = res.records.map((r) => {
    const x = row<Raw>(r);
    const key = [x.year, x.departmentId, x.unitId, x.documentKind, x.fund, x.code].map((v) => v ?? '').join('|');
    return { key, year: x.year, departmentId: x.departmentId, departmentName: x.departmentName, unitId: x.unitId, unitName: x.unitName, documentKind: x.documentKind, fund: x.fund, code: x.code, scheme, amountFen: x.amountFen, count: x.facts, documents: x.documents, printedFen: null, printedDiffers: false, printedSources: [] };
  });
  // A 类 / 款 cell against the line the documents print for it.
  if (codeDim && !codeDim.leaf && cells.length) {
    const printed = await runner.read('aggregate-printed', {
      cells: cells.map((c) => ({ key: c.key, code: c.code, documents: c.documents, fund: c.fund, unitId: c.unitId })),
      scheme,
      basis,
      byFund,
      measure: params.measure,
    });
    const byKey = new Map(printed.records.map((r) => [String(r.get('key')), row<{ printedFen: bigint; printedLines: number; sources: { line: number; documentId: string; table: string; text: string }[] }>(r)]));
    for (const c of cells) {
      const p = byKey.get(c.key);
      if (!p || p.printedLines === 0) continue;
      c.printedFen = p.printedFen;
      c.printedDiffers = p.printedFen !== c.amountFen;
      c.printedSources = p.sources.map((s) => ({ documentId: s.documentId, table: s.table, line: s.line, text: s.text }));
    }
  }
  const totalFen = cells.reduce((a, c) => a + c.amountFen, 0n);
  const count = cells.reduce((a, c) => a + c.count, 0);
  const documents = new Set(cells.flatMap((c) => c.documents)).size;
  const sorted = [...cells].sort(comparator(orderBy));
  return {
    measure,
    scheme,
    reads: `${scheme === 'FUNCTION' ? '功能分类 项 (level 3)' : '经济分类 款 (level 2)'} lines of ${byFund ? 'each fund’s own table (一般公共预算 / 政府性基金预算 / 国有资本经营预算)' : 'each document’s primary table of all funds (部门支出总表 / 支出总表 / 支出决算表; else the first table printing the scheme)'}, ${basis === 'ACTUAL' ? '决算 (ACTUAL)' : '预算 (BUDGET)'} basis; coarser codes are sums of these`,
    totalFen,
    count,
    documents,
    cells: sorted.slice(0, first),
    groups: cells.length,
  };
}

function comparator(orderBy: AggregateOrder[]): (a: AggregateCellRow, b: AggregateCellRow) => number {
  const value = (c: AggregateCellRow, f: AggregateOrderField): bigint | number | string => {
    switch (f) {
      case 'AMOUNT':
        return c.amountFen;
      case 'COUNT':
        return c.count;
      case 'YEAR':
        return c.year ?? 0;
      case 'DEPARTMENT':
        return c.departmentName ?? '';
      case 'UNIT':
        return c.unitName ?? '';
      case 'CODE':
        return c.code ?? '';
      case 'FUND':
        return c.fund ?? '';
      case 'DOCUMENT_KIND':
        return c.documentKind ?? '';
    }
  };
  // Ties fall back to the statement's order (year, department, unit, kind, fund, code): stable.
  return (a, b) => {
    for (const o of orderBy) {
      const x = value(a, o.field);
      const y = value(b, o.field);
      const cmp = x < y ? -1 : x > y ? 1 : 0;
      if (cmp !== 0) return o.direction === 'DESC' ? -cmp : cmp;
    }
    return 0;
  };
}

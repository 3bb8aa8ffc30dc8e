// aggregate(): exact sums of budget lines by any set of dimensions, with no money counted twice.
// Which facts are read is decided here and said in the answer: the 项 lines (经济分类: 款) of each
// document's primary table of the scheme (all funds), or with FUND the tables of one fund each.
// A cell by 类 / 款 is the sum of its 项 facts; where the document prints that 类 / 款 line with
// another amount the cell says so, with the printed lines.
import { BudgetGraphError } from '../errors.js';
import type { QueryRunner } from '../db/run.js';
import { row } from './mapping.js';
import { keysOf } from './props.js';
import { subFilters, whereOf, type FilterFields, type FilterTree } from './filters.js';
import { department, years } from './lists.js';
import type { SourceRef } from './records.js';

export const AGGREGATE_MEASURES = {
  TOTAL: '预算 合计 of budget lines (BUDGET basis).',
  BASIC: '预算 基本支出 of budget lines.',
  PROJECT: '预算 项目支出 of budget lines.',
  ACTUAL: '决算数 (本年支出合计) of final-account lines (ACTUAL basis).',
  ACTUAL_BASIC: '决算 基本支出.',
  ACTUAL_PROJECT: '决算 项目支出.',
  AS_PRINTED: '合计 of lines in each document’s own basis: 预算 of a budget, 决算 of final accounts; cells are always split by BASIS, so the two are never added.',
  AS_PRINTED_BASIC: '基本支出 in each document’s own basis (split by BASIS).',
  AS_PRINTED_PROJECT: '项目支出 in each document’s own basis (split by BASIS).',
  DOCUMENT_TOTAL: 'Each document’s headline total (Document.total: its primary table’s 支出合计, or a form’s 金额合计 where it prints no table) in the basis it prints; split by BASIS. Groups by YEAR, DEPARTMENT, DOCUMENT_KIND and BASIS only.',
} as const;
export type AggregateMeasure = keyof typeof AGGREGATE_MEASURES;

export const AGGREGATE_DIMENSIONS = {
  YEAR: 'The document’s year.',
  DEPARTMENT: 'The publishing department.',
  UNIT: 'The 预算单位 a table prints the money under, as printed (or the unit a 单位预算 / 单位决算 is of): only tables printed per unit are read (a line of the department as a whole is no unit’s, and no unit is invented for it); a project measure whose line tables print no unit is read from the project table’s 预算单位 rows. unitSource says which tables, or that none prints the measure by unit.',
  DOCUMENT_KIND: 'The document’s first kind (BUDGET, FINAL_ACCOUNTS …).',
  BASIS: 'BUDGET (预算, planned) or ACTUAL (决算, spent), as each document prints its figures.',
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

/**
 * The filter's fields as atoms of the list filters (src/query/filters.ts): they nest with and /
 * or / not; `scheme` is not among them (it chooses which lines are read, at the top only).
 */
export const AGGREGATE_FILTER_FIELDS = {
  ...department,
  ...years,
  // `years` here (not `yearIn`): the name aggregate's filter has always had.
  years: { atom: 'yearIn', value: 'ints' },
  code: { atom: 'code', value: 'string' },
  codes: { atom: 'codeIn', value: 'strings' },
  documentKind: { atom: 'kind', value: 'string' },
  documentKinds: { atom: 'kindIn', value: 'strings' },
} as const satisfies FilterFields;

export interface AggregateFilterArgs {
  /** The filter tree as GraphQL hands it over, without `scheme`. */
  tree: FilterTree | null;
  scheme?: 'FUNCTION' | 'ECONOMIC' | null;
}

/** A document the filter matches: whether its facts are in the answer, and why not. */
export interface AggregateDocumentRow {
  documentId: string;
  file: string;
  year: number;
  departmentName: string;
  used: boolean;
  reason: string | null;
}

export interface AggregateCellRow {
  key: string;
  year: number | null;
  departmentId: string | null;
  departmentName: string | null;
  unitId: string | null;
  unitName: string | null;
  documentKind: string | null;
  basis: 'BUDGET' | 'ACTUAL' | null;
  fund: string | null;
  code: string | null;
  scheme: 'FUNCTION' | 'ECONOMIC';
  amountFen: bigint;
  /** With YEAR grouped: the nearest earlier year of the same series (every other dimension equal) and the change from it. */
  previousYear: number | null;
  changeFen: bigint | null;
  /** (amount − previous) / previous × 100, to two decimals, rounded half away from zero; null when the previous is 0. */
  changePercent: string | null;
  /** Lines summed (with an amount in the measure). */
  count: number;
  documents: string[];
  /** For a 类 / 款 cell: what the document prints on that line, when it prints it. */
  printedFen: bigint | null;
  printedDiffers: boolean;
  printedSources: SourceRef[];
  /** The tables the summed facts were printed in. */
  sourceTables: string[];
}

export interface AggregateResult {
  measure: AggregateMeasure;
  scheme: 'FUNCTION' | 'ECONOMIC';
  reads: string;
  /** Grouped by UNIT: the tables that print the measure by 预算单位 and were read, or that none does. */
  unitSource: string | null;
  /** Null when the cells hold both BUDGET and ACTUAL figures. */
  totalFen: bigint | null;
  count: number;
  documents: number;
  cells: AggregateCellRow[];
  groups: number;
  /**
   * Every document the filter matches, used or not (with the reason): one more statement, run
   * only when the answer asks for sources or emptyBecause, and once for both.
   */
  sources: () => Promise<AggregateDocumentRow[]>;
  /** Why there are no cells, when there are none (reads sources only for an empty answer). */
  emptyBecause: () => Promise<string | null>;
}

export type AggregateOrderField = 'AMOUNT' | 'COUNT' | 'YEAR' | 'DEPARTMENT' | 'UNIT' | 'CODE' | 'FUND' | 'DOCUMENT_KIND' | 'BASIS' | 'CHANGE';
export interface AggregateOrder {
  field: AggregateOrderField;
  direction: 'ASC' | 'DESC';
}

/** More groups than this and the question is too wide to answer as cells (narrow the filter). */
export const MAX_GROUPS = 10_000;

/** Dimensions only lines have (a document's total has no unit, fund or code). */
const LINE_DIMENSIONS_ONLY: AggregateDimension[] = ['UNIT', 'FUND', ...keysOf(CODE_DIMENSIONS)];

/** Every code test of the filter, anywhere in its tree: digits only. */
function checkCodes(tree: FilterTree | null): void {
  if (!tree) return;
  const t = tree;
  const listed = 'codes' in t && Array.isArray(t.codes) ? t.codes : [];
  const codes = ['code' in t ? t.code : undefined, ...listed].filter((c): c is string => typeof c === 'string');
  for (const c of codes) if (!/^\d{1,7}$/.test(c)) throw new BudgetGraphError('BAD_USER_INPUT', `filter code "${c}" is not a code or code prefix (digits, e.g. "201" or "2010504").`, { argument: 'filter' });
  if ('scheme' in t && t.scheme !== undefined && t.scheme !== null) throw new BudgetGraphError('BAD_USER_INPUT', 'filter.scheme chooses the lines read and goes at the top of the filter only, not inside and / or / not.', { argument: 'filter' });
  const { and, or, not } = subFilters(t);
  for (const sub of [...(and ?? []), ...(or ?? []), ...(not ? [not] : [])]) checkCodes(sub);
}

export async function aggregate(
  runner: QueryRunner,
  measure: AggregateMeasure,
  asked: AggregateDimension[],
  filter: AggregateFilterArgs,
  orderBy: AggregateOrder[],
  first: number,
): Promise<AggregateResult> {
  const ownBasis = measure.startsWith('AS_PRINTED') || measure === 'DOCUMENT_TOTAL';
  // Budget and actual are never added: a measure in each document's own basis splits by it.
  const dims = ownBasis && !asked.includes('BASIS') ? [...asked, 'BASIS' as const] : asked;
  const codeDims = dims.filter((d) => CODE_DIMENSIONS[d]);
  if (codeDims.length > 1) throw new BudgetGraphError('BAD_USER_INPUT', `group by one code dimension at a time (got ${codeDims.join(', ')}); a cell of a finer code already names its 类 by its first digits.`, { argument: 'groupBy' });
  const codeDim = codeDims[0] ? CODE_DIMENSIONS[codeDims[0]]! : null;
  if (codeDim && filter.scheme && filter.scheme !== codeDim.scheme) throw new BudgetGraphError('BAD_USER_INPUT', `filter.scheme ${filter.scheme} does not match groupBy ${codeDims[0]}.`, { argument: 'filter' });
  if (measure === 'DOCUMENT_TOTAL') {
    const lineOnly = dims.filter((d) => LINE_DIMENSIONS_ONLY.includes(d));
    if (lineOnly.length) throw new BudgetGraphError('BAD_USER_INPUT', `DOCUMENT_TOTAL is one printed figure per document; it has no ${lineOnly.join(', ')} (group budget lines with AS_PRINTED for that).`, { argument: 'groupBy' });
  }
  checkCodes(filter.tree);
  const scheme = codeDim?.scheme ?? filter.scheme ?? 'FUNCTION';
  const basis = ownBasis ? null : measure.startsWith('ACTUAL') ? 'ACTUAL' : 'BUDGET';
  const byFund = dims.includes('FUND');
  const level = scheme === 'FUNCTION' ? 3 : 2;
  const where = whereOf(filter.tree, AGGREGATE_FILTER_FIELDS);
  const params = {
    where,
    scheme,
    level,
    basis,
    byFund,
    measure: measure.replace(/^(ACTUAL|AS_PRINTED)_?/, '') || 'TOTAL',
    dims,
    codeLength: codeDim?.length ?? null,
    limit: MAX_GROUPS + 1,
  };
  const res = measure === 'DOCUMENT_TOTAL' ? await runner.read('aggregate-document-totals', { where, scheme, dims, limit: MAX_GROUPS + 1 }) : await runner.read('aggregate-lines', params);
  if (res.records.length > MAX_GROUPS) throw new BudgetGraphError('QUERY_TOO_COMPLEX', `more than ${MAX_GROUPS} groups: narrow the filter or group by fewer dimensions.`, { limit: 'groups' });
  const byUnit = dims.includes('UNIT');
  const cells: AggregateCellRow[] = res.records.map((r) => cellOf(row<RawCell>(r), scheme));
  // A project measure by UNIT, where a document's line tables print no unit: its project table's
  // 预算单位 rows (the projects under each, and the row the table prints for the unit).
  if (byUnit && PROJECT_MEASURES.includes(measure)) {
    const answered = [...new Set(cells.flatMap((c) => c.documents))];
    const fromProjects = await runner.read('aggregate-unit-projects', { where, scheme, dims, basis, exclude: answered, limit: MAX_GROUPS + 1 });
    if (cells.length + fromProjects.records.length > MAX_GROUPS) throw new BudgetGraphError('QUERY_TOO_COMPLEX', `more than ${MAX_GROUPS} groups: narrow the filter or group by fewer dimensions.`, { limit: 'groups' });
    for (const r of fromProjects.records) {
      const x = row<RawCell & { printedRows: { amountFen: bigint; line: number; documentId: string; table: string; text: string }[][] }>(r);
      const cell = cellOf(x, scheme);
      const printed = x.printedRows.flat();
      if (printed.length) {
        cell.printedFen = printed.reduce((a, p) => a + p.amountFen, 0n);
        cell.printedDiffers = cell.printedFen !== cell.amountFen;
        cell.printedSources = printed.map((p) => ({ documentId: p.documentId, table: p.table, line: p.line, text: p.text }));
      }
      cells.push(cell);
    }
  }
  if (dims.includes('YEAR')) yearOnYear(cells);
  // A 类 / 款 cell against the line the documents print for it.
  if (codeDim && !codeDim.leaf && cells.length) {
    const printed = await runner.read('aggregate-printed', {
      cells: cells.map((c) => ({ key: c.key, code: c.code, documents: c.documents, fund: c.fund, unitId: c.unitId, basis: c.basis ?? basis })),
      scheme,
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
  let uses: Promise<AggregateDocumentRow[]> | undefined;
  const sources = () => (uses ??= documentUses(runner, measure, scheme, basis, byFund, byUnit, { where, scheme, level, limit: MAX_GROUPS }, new Set(cells.flatMap((c) => c.documents))));
  // Planned and spent money are never added: no total across bases.
  const mixed = new Set(cells.map((c) => c.basis)).size > 1;
  const totalFen = mixed ? null : cells.reduce((a, c) => a + c.amountFen, 0n);
  const count = cells.reduce((a, c) => a + c.count, 0);
  const documents = new Set(cells.flatMap((c) => c.documents)).size;
  const sorted = [...cells].sort(comparator(orderBy));
  const tables = [...new Set(cells.flatMap((c) => c.sourceTables))];
  const unitSource = !byUnit ? null : tables.length ? `预算单位 as printed in: ${tables.join('; ')}` : `no table of the matching documents prints ${measure} by 预算单位 (their tables print the department as a whole); no unit is given money they do not print for it`;
  const schemeWords = scheme === 'FUNCTION' ? '功能分类 项 (level 3)' : '经济分类 款 (level 2)';
  const basisWords = basis === 'ACTUAL' ? '决算 (ACTUAL) basis' : basis === 'BUDGET' ? '预算 (BUDGET) basis' : 'each document’s own basis (BUDGET or ACTUAL, split by BASIS)';
  return {
    measure,
    scheme,
    reads:
      measure === 'DOCUMENT_TOTAL'
        ? 'each document’s headline total (its primary table’s 支出合计, or a form’s 金额合计), in the basis it prints, split by BASIS'
        : `${schemeWords} lines of ${byFund ? 'each fund’s own table (一般公共预算 / 政府性基金预算 / 国有资本经营预算)' : 'each document’s primary table of all funds (部门支出总表 / 支出总表 / 支出决算表; else the first table printing the scheme)'}, ${basisWords}; coarser codes are sums of these`,
    unitSource,
    totalFen,
    count,
    documents,
    cells: sorted.slice(0, first),
    groups: cells.length,
    sources,
    emptyBecause: async () => {
      if (cells.length) return null;
      const matched = await sources();
      if (matched.length && byUnit) return `none of the ${matched.length} matching documents prints ${measure} by 预算单位: their tables print the department as a whole, and no unit is given money they do not print for it`;
      return matched.length === 0 ? 'no loaded document matches the filter' : `none of the ${matched.length} matching documents has facts for this measure: ${[...new Set(matched.map((d) => d.reason))].join('; ')}`;
    },
  };
}

/** The measures of 项目支出: by UNIT, read from a project table's 预算单位 rows where no line table prints units. */
const PROJECT_MEASURES: AggregateMeasure[] = ['PROJECT', 'ACTUAL_PROJECT', 'AS_PRINTED_PROJECT'];

type RawCell = Pick<AggregateCellRow, 'year' | 'departmentId' | 'departmentName' | 'unitId' | 'unitName' | 'documentKind' | 'basis' | 'fund' | 'code' | 'documents'> & { amountFen: bigint; facts: number; tables?: string[] };

function cellOf(x: RawCell, scheme: 'FUNCTION' | 'ECONOMIC'): AggregateCellRow {
  const key = [x.year, x.departmentId, x.unitId, x.documentKind, x.basis, x.fund, x.code].map((v) => v ?? '').join('|');
  return { key, year: x.year, departmentId: x.departmentId, departmentName: x.departmentName, unitId: x.unitId, unitName: x.unitName, documentKind: x.documentKind, basis: x.basis, fund: x.fund, code: x.code, scheme, amountFen: x.amountFen, previousYear: null, changeFen: null, changePercent: null, count: x.facts, documents: x.documents, printedFen: null, printedDiffers: false, printedSources: [], sourceTables: (x.tables ?? []).filter((t): t is string => typeof t === 'string') };
}

/** Each cell's change from the nearest earlier year of its series (the other dimensions equal). */
function yearOnYear(cells: AggregateCellRow[]): void {
  const series = new Map<string, AggregateCellRow[]>();
  for (const c of cells) {
    const key = [c.departmentId, c.unitId, c.documentKind, c.basis, c.fund, c.code].map((v) => v ?? '').join('|');
    const list = series.get(key);
    if (list) list.push(c);
    else series.set(key, [c]);
  }
  for (const list of series.values()) {
    list.sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
    for (let i = 1; i < list.length; i++) {
      const [prev, cur] = [list[i - 1]!, list[i]!];
      cur.previousYear = prev.year;
      cur.changeFen = cur.amountFen - prev.amountFen;
      cur.changePercent = percent(cur.changeFen, prev.amountFen);
    }
  }
}

/** change / base × 100 to two decimals, half away from zero, exactly (integer arithmetic). */
export function percent(change: bigint, base: bigint): string | null {
  if (base === 0n) return null;
  const negative = change < 0n !== base < 0n && change !== 0n;
  const [n, d] = [change < 0n ? -change : change, base < 0n ? -base : base];
  const hundredths = (n * 10000n * 2n + d) / (2n * d);
  const text = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
  return negative && hundredths !== 0n ? `-${text}` : text;
}

/** The documents the filter matches, and for each whether the answer used it and why not. */
async function documentUses(runner: QueryRunner, measure: AggregateMeasure, scheme: string, basis: 'BUDGET' | 'ACTUAL' | null, byFund: boolean, byUnit: boolean, params: { where: unknown[][]; scheme: string; level: number; limit: number }, used: Set<string>): Promise<AggregateDocumentRow[]> {
  const res = await runner.read('aggregate-documents', params);
  const rows = res.records.map((r) => row<{ documentId: string; file: string; year: number; kinds: string[]; departmentId: string; departmentName: string; unitPrinted: string | null; totalFen: bigint | null; totalBasis: string | null; primaryBases: string[]; fundBases: string[] }>(r));
  return rows.map((d) => {
    const isUsed = used.has(d.documentId);
    // A unit's own document beside a used document of its whole department (aggregate-lines leaves it out).
    const whole = byUnit || d.unitPrinted === null ? undefined : rows.find((w) => w.departmentId === d.departmentId && w.unitPrinted === null && w.year === d.year && w.totalBasis === d.totalBasis && used.has(w.documentId));
    const has = byFund ? d.fundBases : d.primaryBases;
    const table = byFund ? 'fund table' : 'classification table';
    let reason: string | null = null;
    if (!isUsed) {
      if (whole) reason = `the own document of the unit ${d.unitPrinted} (预算单位): its money is within the department’s ${whole.file} of the same year, counted there (group by UNIT to read it as the unit’s)`;
      else if (measure === 'DOCUMENT_TOTAL') reason = 'prints no headline total (no 支出合计 and no form 金额合计)';
      else if (has.length === 0) reason = d.totalFen !== null ? `prints no ${scheme} ${table} (its total is under DOCUMENT_TOTAL)` : `prints no ${scheme} ${table}`;
      else if (basis && !has.includes(basis)) reason = `its lines are ${has.join(' / ')} (${d.kinds.join(', ')}), not ${basis}: ask ${has.includes('ACTUAL') ? 'ACTUAL' : 'TOTAL'} or AS_PRINTED`;
      else if (byUnit) reason = `prints no table of ${measure} by 预算单位 (its tables print the department as a whole)`;
      else reason = 'no line of it passes the code tests, or its lines print no amount in this measure';
    }
    return { documentId: d.documentId, file: d.file, year: d.year, departmentName: d.departmentName, used: isUsed, reason };
  });
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
      case 'BASIS':
        return c.basis ?? '';
      case 'CHANGE':
        return c.changeFen ?? 0n;
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

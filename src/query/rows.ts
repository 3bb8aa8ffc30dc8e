// Stored node properties → read-model rows. Provenance lives on each node as
// srcTable / srcLine / srcText and documentId; here it becomes one SourceRef.
import type { ThreeCostsFen } from './records.js';
import type { AnomalyRow, BudgetLineRow, DiagnosticRow, CodeFeedRow, LinkSupportRow, SameAsRow, CodeLinkRow, CodeRow, DepartmentRow, DocumentRow, FigureRow, InvestmentRow, ProjectRow, ProseAmountRow, SourceRef, TableTotalRow, ThreeCostsRow, UnitRow } from './records.js';
import { bool, decode, fen, fenOrNull, list, num, numOrNull, oneOf, parseJson, props, str, strOrNull, stringRecord, strings, type Decoded, type Props, type Reader } from './props.js';
import { FIGURE_FIELDS, INVESTMENT_FIELDS, LINE_FIELDS, PROJECT_FIELDS, THREE_COSTS_FIELDS } from './records.js';
import { LINK_METHOD_NAMES, LINK_STATUS_NAMES, linkRank, schemeOfLabel } from '../model/codes.js';
import { THREE_COSTS_FIGURES, THREE_COSTS_FIGURE_NAMES, fenProperty, type ThreeCostsFigure } from '../model/three-costs.js';
import { isKeyOf, tableOf } from '../keys.js';
import { codeFeedKey, departmentOfUnit, globalId, projectIdParts } from '../model/ids.js';
import { BUDGET_COLUMN_OF_ACTUALS } from '../model/documents.js';
import { figureReadKey, readKey } from '../model/read-keys.js';

export function sourceOf(p: Props, documentId = str(p, 'documentId')): SourceRef {
  return { documentId, table: strOrNull(p, 'srcTable'), line: numOrNull(p, 'srcLine'), text: strOrNull(p, 'srcText') };
}

/** A fact row: the fields its spec reads, each checked, plus its SourceRef. */
export function factRow<S extends Record<string, Reader<unknown>>>(p: Props, spec: S): Decoded<S> & { source: SourceRef } {
  return { ...decode(p, spec), source: sourceOf(p) };
}

/** Evidence and anomaly sources are stored as JSON of the parser's Source {file, table, line, text}. */
export function sourceFromJson(json: string): SourceRef {
  return sourceFromParsed(parseJson(json));
}

/** A parser's Source {file, table, line, text} already parsed from JSON, checked field by field. */
function sourceFromParsed(value: unknown): SourceRef {
  const s = props({ source: value }, 'source');
  return { documentId: str(s, 'file').replace(/\.[^.]+$/, ''), table: strOrNull(s, 'table'), line: numOrNull(s, 'line'), text: strOrNull(s, 'text') };
}

export function documentRow(p: Props): DocumentRow {
  const total = p.totalLine === undefined || p.totalLine === null ? null : { documentId: str(p, 'id'), table: strOrNull(p, 'totalTable'), line: numOrNull(p, 'totalLine'), text: strOrNull(p, 'totalText') };
  const title = p.srcLine === undefined || p.srcLine === null ? null : sourceOf(p, str(p, 'id'));
  return {
    id: str(p, 'id'),
    file: str(p, 'file'),
    title: str(p, 'title'),
    year: num(p, 'year'),
    kinds: strings(p, 'kinds'),
    moneyUnit: str(p, 'moneyUnit'),
    departmentId: str(p, 'departmentId'),
    departmentPrinted: str(p, 'departmentPrinted'),
    unitPrinted: strOrNull(p, 'unitPrinted'),
    publisherFrom: p.publisherFrom === null || p.publisherFrom === undefined ? null : oneOf(p, 'publisherFrom', ['LINE', 'TITLE', 'UNIT', 'COVER'] as const),
    publisherSource: p.publisherLine === undefined || p.publisherLine === null ? null : { documentId: str(p, 'id'), table: null, line: numOrNull(p, 'publisherLine'), text: strOrNull(p, 'publisherText') },
    totalFen: fenOrNull(p, 'totalFen'),
    totalBasis: p.totalBasis === null || p.totalBasis === undefined ? null : oneOf(p, 'totalBasis', ['BUDGET', 'ACTUAL'] as const),
    totalNote: strOrNull(p, 'totalNote'),
    totalSource: total,
    titleSource: title,
    contentHash: str(p, 'contentHash'),
    loadedAt: strOrNull(p, 'loadedAt') ?? '',
  };
}

export function anomalyRow(p: Props): AnomalyRow {
  return {
    id: str(p, 'id'),
    documentId: str(p, 'documentId'),
    kind: str(p, 'kind'),
    severity: str(p, 'severity'),
    message: str(p, 'message'),
    deltaFen: fenOrNull(p, 'deltaFen'),
    sources: strings(p, 'sources').map(sourceFromJson),
  };
}

/** Budget line: columns parsed from JSON; budget/actual split by basis (决算 lines are actuals). */
export function budgetLineRow(p: Props): BudgetLineRow {
  const columns = columnsOf(p.columns);
  const row = factRow(p, LINE_FIELDS);
  const actual = row.basis === 'ACTUAL';
  // A 决算 table may print the year's budget beside the actual (年初预算数 / 调整预算数).
  const budgetColumn = actual ? columns.find((c) => BUDGET_COLUMN_OF_ACTUALS.test(c.header)) : undefined;
  return { ...row, source: { ...row.source, readKey: readKey('BudgetLine', row.code) }, budgetFen: actual ? (budgetColumn?.amountFen ?? null) : row.totalFen, actualFen: actual ? row.totalFen : null, columns };
}

/** An allocation's code links: counted first, then supporting, then rejected; strongest method first within each. */
export function codeLinks(rows: Props[]): CodeLinkRow[] {
  return rows
    .map(codeLinkRow)
    .sort((a, b) => LINK_STATUS_NAMES.indexOf(a.status) - LINK_STATUS_NAMES.indexOf(b.status) || linkRank(a.method) - linkRank(b.method) || a.code.localeCompare(b.code));
}

function codeLinkRow(p: Props): CodeLinkRow {
  return {
    allocationId: strOrNull(p, 'allocationId'),
    codeKey: str(p, 'codeKey'),
    code: str(p, 'code'),
    name: strOrNull(p, 'name'),
    method: oneOf(p, 'method', LINK_METHOD_NAMES),
    note: strOrNull(p, 'note'),
    ...(p.amountFen !== undefined ? { amountFen: fenOrNull(p, 'amountFen') } : {}),
    status: oneOf(p, 'status', LINK_STATUS_NAMES),
    rejectedBecause: strOrNull(p, 'rejectedBecause'),
    evidence: strings(p, 'evidence').map(sourceFromJson),
  };
}

function linkSupportRow(p: Props): LinkSupportRow {
  return { method: oneOf(p, 'method', LINK_METHOD_NAMES), note: strOrNull(p, 'note'), evidence: strings(p, 'evidence').map(sourceFromJson) };
}

/** Stored `columns`: JSON of header → decimal fen. */
function columnsOf(json: unknown): { header: string; amountFen: bigint }[] {
  return Object.entries(stringRecord(parseJson(String(json ?? '{}')), 'columns')).map(([header, fen]) => ({ header, amountFen: BigInt(fen) }));
}

/** Each figure's stored name, `${figure}Fen`, in the figures' order. */
const FEN_NAMES = THREE_COSTS_FIGURE_NAMES.map(fenProperty);

function threeCostsFen(value: (figure: ThreeCostsFigure) => bigint | null): ThreeCostsFen {
  return tableOf(FEN_NAMES, (property) => {
    const figure = property.slice(0, -'Fen'.length);
    // Always a figure: each name was built from one (fenProperty).
    if (!isKeyOf(THREE_COSTS_FIGURES, figure)) throw new RangeError(`${property} is no 三公 figure's stored name`);
    return value(figure);
  });
}

/** 三公 row: its per-fund figures stored as JSON (decimal strings of fen) become bigint fields. */
export function threeCostsRow(p: Props): ThreeCostsRow {
  const funds = typeof p.byFund === 'string' ? list({ byFund: parseJson(p.byFund) }, 'byFund') : [];
  const fen = (x: Props, f: string) => (x[f] === null || x[f] === undefined ? null : BigInt(str(x, f)));
  const row = factRow(p, THREE_COSTS_FIELDS);
  return { ...row, source: { ...row.source, readKey: readKey('ThreeCosts', row.basis) }, byFund: funds.map((x) => ({ fund: String(x.fund), ...threeCostsFen((f) => fen(x, f)) })) };
}

export function unitRow(p: Props, departmentId?: string): UnitRow {
  return { id: str(p, 'id'), name: str(p, 'name'), isSelf: bool(p, 'isSelf'), departmentId: departmentId ?? strOrNull(p, 'departmentId') ?? departmentOfUnit(str(p, 'id')) };
}

export function projectRow(p: Props): ProjectRow {
  return { ...decode(p, PROJECT_FIELDS), departmentId: strOrNull(p, 'departmentId') ?? projectIdParts(str(p, 'id')).departmentId, ...(p.amountFen !== undefined ? { amount: fenOrNull(p, 'amountFen') } : {}), ...(p.department !== undefined && p.department !== null ? { department: departmentRow(props(p, 'department')) } : {}) };
}

export function departmentRow(p: Props): DepartmentRow {
  return { id: str(p, 'id'), name: str(p, 'name'), aliases: strings(p, 'aliases'), aliasRules: strings(p, 'aliasRules') };
}

/** A projectsFeedingCode / codeFeeds row: the counted link with its support, alternatives and neighbours. */
export function codeFeedRow(p: Props): CodeFeedRow {
  const departmentId = str(p, 'departmentId');
  const support = list(p, 'support').map(linkSupportRow);
  const unit = p.unit === null || p.unit === undefined ? null : unitRow(props(p, 'unit'), departmentId);
  const investment = p.investment === null || p.investment === undefined ? null : investmentRow(props(p, 'investment'));
  const allocationId = strOrNull(p, 'allocationId');
  return {
    id: codeFeedKey(allocationId ?? investment?.id ?? '', str(p, 'code')),
    year: num(p, 'year'),
    documentId: str(p, 'documentId'),
    departmentId,
    unitId: strOrNull(p, 'unitId'),
    projectId: strOrNull(p, 'projectId'),
    allocationId,
    amountFen: fenOrNull(p, 'amountFen'),
    code: str(p, 'code'),
    method: oneOf(p, 'method', LINK_METHOD_NAMES),
    methods: support.map((s) => s.method),
    note: strOrNull(p, 'note'),
    // support[0], when read, is the counted link itself (cypher/code-feed-row.cypher): its evidence is parsed once.
    evidence: support[0]?.evidence ?? strings(p, 'evidence').map(sourceFromJson),
    support,
    alternatives: list(p, 'alternatives').map((a) => ({ ...linkSupportRow(a), code: str(a, 'code'), reason: str(a, 'reason') })),
    department: departmentRow(props(p, 'department')),
    unit,
    project: p.projectNode === null || p.projectNode === undefined ? null : projectRow(props(p, 'projectNode')),
    investment,
  };
}


export function codeRow(p: Props): CodeRow {
  return {
    key: String(p.key),
    // The stored scheme is the node's label (FunctionCode …); the API speaks the CodeScheme enum.
    scheme: schemeOfLabel(String(p.scheme)) ?? String(p.scheme),
    code: String(p.code),
    name: strOrNull(p, 'name'),
    level: numOrNull(p, 'level'),
    namesByYear: strings(p, 'namesByYear'),
    parentKey: strOrNull(p, 'parentKey'),
    childKeys: strings(p, 'childKeys'),
  };
}


export function figureRow(p: Props): FigureRow {
  const row = factRow(p, FIGURE_FIELDS);
  return { ...row, source: { ...row.source, readKey: figureReadKey(row.item, row.column) } };
}

const TABLE_TOTAL_FIELDS = { id: str, documentId: str, table: str, unitName: strOrNull, totalFen: fenOrNull, basicFen: fenOrNull, projectFen: fenOrNull };

export function tableTotalRow(p: Props): TableTotalRow {
  return { ...factRow(p, TABLE_TOTAL_FIELDS), columns: columnsOf(p.columns) };
}

export function proseAmountRow(p: Props): ProseAmountRow {
  const r = p._restates === null || p._restates === undefined ? null : props(p, '_restates');
  return {
    ...factRow(p, PROSE_AMOUNT_FIELDS),
    restates: r ? { kind: str(r, 'kind'), factId: globalId(str(r, 'kind'), str(r, 'id')), rule: str(r, 'rule'), source: sourceOf(r, str(r, 'documentId')) } : null,
  };
}

const PROSE_AMOUNT_FIELDS = { id: str, documentId: str, item: str, amountFen: fen, changeFen: fenOrNull, changePercent: strOrNull, parent: strOrNull };

/** Investment row: the per-field lines stored as JSON of the parser's Sources. */
export function investmentRow(p: Props): InvestmentRow {
  const fields = typeof p.fieldSources === 'string' ? props({ fieldSources: parseJson(p.fieldSources) }, 'fieldSources') : {};
  return {
    ...factRow(p, INVESTMENT_FIELDS),
    fieldSources: Object.entries(fields).map(([field, s]) => ({ field, source: sourceFromParsed(s) })),
  };
}

export function sameAsRow(p: Props): SameAsRow {
  return { rule: str(p, 'rule'), score: num(p, 'score'), note: strOrNull(p, 'note') ?? '', project: projectRow(props(p, 'project')) };
}

/** A stored diagnostic (one JSON object, checked field by field: a malformed one is a bug, never a cast). */
export function diagnosticRow(p: Props, documentId: string): DiagnosticRow {
  const d = props({ diagnostic: parseJson(str(p, 'json')) }, 'diagnostic');
  return {
    level: oneOf(d, 'level', ['INFO', 'WARNING'] as const),
    code: str(d, 'code'),
    message: str(d, 'message'),
    original: strOrNull(d, 'original'),
    source: { documentId, table: null, line: numOrNull(d, 'line'), text: strOrNull(d, 'text') },
  };
}

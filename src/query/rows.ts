// Stored node properties → read-model rows. Provenance lives on each node as
// srcTable / srcLine / srcText and documentId; here it becomes one SourceRef.
import type { CodeLinkRow, CodeRow, FigureRow, InvestmentRow, ProseAmountRow, SourceRef, TableTotalRow } from './records.js';

type Props = Record<string, unknown>;

export function sourceOf(p: Props, documentId = p.documentId as string): SourceRef {
  return { documentId, table: (p.srcTable as string) ?? null, line: (p.srcLine as number) ?? null, text: (p.srcText as string) ?? null };
}

/** A fact row: its stored properties plus its SourceRef. */
export function fact<T>(p: Props): T {
  return { ...p, source: sourceOf(p) } as T;
}

/** Evidence and anomaly sources are stored as JSON of the parser's Source {file, table, line, text}. */
export function sourceFromJson(json: string): SourceRef {
  const s = JSON.parse(json) as { file: string; table: string | null; line: number | null; text: string | null };
  return { documentId: s.file.replace(/\.[^.]+$/, ''), table: s.table, line: s.line, text: s.text };
}

export function documentRow(p: Props): Props {
  const total = p.totalLine === undefined || p.totalLine === null ? null : { documentId: p.id as string, table: p.totalTable as string, line: p.totalLine as number, text: p.totalText as string };
  const title = p.srcLine === undefined || p.srcLine === null ? null : sourceOf(p, p.id as string);
  return { ...p, totalFen: p.totalFen ?? null, totalSource: total, titleSource: title };
}

export function anomalyRow(p: Props): Props {
  return { ...p, sources: ((p.sources as string[] | undefined) ?? []).map(sourceFromJson) };
}

export function withEvidence(p: Props): Props {
  return { ...p, evidence: ((p.evidence as string[] | undefined) ?? []).map(sourceFromJson) };
}

/** Budget line: columns parsed from JSON; budget/actual split by basis (决算 lines are actuals). */
export function budgetLineRow(p: Props): Props {
  const columns = Object.entries(JSON.parse(String(p.columns ?? '{}')) as Record<string, string>).map(([header, fen]) => ({ header, amountFen: BigInt(fen) }));
  const actual = p.basis === 'ACTUAL';
  // A 决算 table may print the year's budget beside the actual (年初预算数 / 调整预算数).
  const budgetColumn = actual ? columns.find((c) => /预算/.test(c.header)) : undefined;
  return {
    ...fact<Props>(p),
    columns,
    budgetFen: actual ? (budgetColumn?.amountFen ?? null) : (p.totalFen ?? null),
    actualFen: actual ? (p.totalFen ?? null) : null,
  };
}

const METHOD_RANK: Record<string, number> = { DIRECT: 0, RECONCILED: 1, NAMED: 2 };

/** An allocation's code links, strongest method first (a printed code outranks an inference). */
export function codeLinks(rows: Props[]): CodeLinkRow[] {
  return rows
    .map((p) => withEvidence(p) as unknown as CodeLinkRow)
    .sort((a, b) => (METHOD_RANK[a.method] ?? 9) - (METHOD_RANK[b.method] ?? 9) || a.code.localeCompare(b.code));
}

/** 三公 row: its per-fund figures stored as JSON (decimal strings of fen) become bigint fields. */
export function threeCostsRow(p: Props): Props {
  const funds = typeof p.byFund === 'string' ? (JSON.parse(p.byFund) as Record<string, string | null>[]) : [];
  const fen = (v: string | null | undefined) => (v === null || v === undefined ? null : BigInt(v));
  return {
    ...fact<Props>(p),
    byFund: funds.map((f) => ({ fund: f.fund, totalFen: fen(f.total), abroadFen: fen(f.abroad), receptionFen: fen(f.reception), vehiclesFen: fen(f.vehicles), vehiclePurchaseFen: fen(f.vehiclePurchase), vehicleRunningFen: fen(f.vehicleRunning) })),
  };
}

/** The stored scheme is the node's label (FunctionCode …); the API speaks the CodeScheme enum. */
const SCHEME_OF_LABEL: Record<string, string> = { FunctionCode: 'FUNCTION', EconomicCode: 'ECONOMIC', ProcurementItem: 'PROCUREMENT' };

export function codeRow(p: Props): CodeRow {
  return {
    key: String(p.key),
    scheme: SCHEME_OF_LABEL[String(p.scheme)] ?? String(p.scheme),
    code: String(p.code),
    name: (p.name as string | null | undefined) ?? null,
    level: (p.level as number | null | undefined) ?? null,
    namesByYear: (p.namesByYear as string[] | undefined) ?? [],
    parentKey: (p.parentKey as string | null | undefined) ?? null,
    childKeys: (p.childKeys as string[] | undefined) ?? [],
  };
}

const columnsOf = (json: unknown) => Object.entries(JSON.parse(String(json ?? '{}')) as Record<string, string>).map(([header, fen]) => ({ header, amountFen: BigInt(fen) }));

export function figureRow(p: Props): FigureRow {
  return fact<FigureRow>({ ...p, side: p.side ?? null, amountFen: p.amountFen ?? null });
}

export function tableTotalRow(p: Props): TableTotalRow {
  return fact<TableTotalRow>({ ...p, unitName: p.unitName ?? null, totalFen: p.totalFen ?? null, basicFen: p.basicFen ?? null, projectFen: p.projectFen ?? null, columns: columnsOf(p.columns) });
}

export function proseAmountRow(p: Props): ProseAmountRow {
  const r = p._restates as Props | null | undefined;
  const { _restates, ...rest } = p;
  void _restates;
  return fact<ProseAmountRow>({
    ...rest,
    changeFen: rest.changeFen ?? null,
    changePercent: rest.changePercent ?? null,
    parent: rest.parent ?? null,
    restates: r ? { kind: String(r.kind), id: String(r.id), rule: String(r.rule), source: sourceOf(r, String(r.documentId)) } : null,
  });
}

/** Investment row: the per-field lines stored as JSON of the parser's Sources. */
export function investmentRow(p: Props): InvestmentRow {
  const fields = typeof p.fieldSources === 'string' ? (JSON.parse(p.fieldSources) as Record<string, { file: string; table: string; line: number; text: string }>) : {};
  return fact<InvestmentRow>({
    ...p,
    fieldSources: Object.entries(fields).map(([field, s]) => ({ field, source: sourceFromJson(JSON.stringify(s)) })),
  });
}

// The rows of the facts that hang off a document and, where they name one, an allocation:
// code links, indicators, self-evaluations, 三公, table totals, figures, prose amounts (with what
// they restate), payments and anomalies. Each is its parse record with ids and provenance.
import type { Integer } from 'neo4j-driver';
import type { Anomaly, ParsedDocument } from '../../parse/records.js';
import type { CodeLink } from '../code-links.js';
import type { Restatement } from '../restatements.js';
import { countedAmount, linkStatuses } from '../../model/codes.js';
import { factId } from '../../model/ids.js';
import { severityRank } from '../../model/anomalies.js';
import type { UnitRegistry } from './units.js';
import { columnsJson, int, n, sourceJson, src } from './values.js';
import { storedValues } from './stored.js';
import { INDICATOR } from '../../model/kinds/indicator.js';
import { THREE_COSTS } from '../../model/kinds/three-costs.js';
import { SELF_EVALUATION } from '../../model/kinds/self-evaluation.js';
import { pushTo } from '../../multimap.js';
import { indexed } from './indexed.js';

type OwnerOf = (printed: string | null) => string | null;

/**
 * Each link with its status under the strength rule (src/model/codes.ts) and the money it counts at
 * its code, decided once here: the code's project lists read COUNTED links and their countedFen,
 * the same amounts the money trail adds up.
 */
export function codeLinkRows(links: CodeLink[], allocationIds: string[], money: { amount: bigint | null; executed: bigint | null }[], actual: boolean) {
  return linkStatuses(links, (l) => l.projectIndex).map(({ link: l, status, reason }) => {
    const m = indexed(money, l.projectIndex, 'a code link’s project');
    return {
      allocationId: indexed(allocationIds, l.projectIndex, 'a code link’s project'),
      code: l.code,
      method: l.method,
      note: l.note,
      amountFen: l.amountFen === undefined ? null : int(l.amountFen),
      status,
      rejectedBecause: reason === null || status !== 'REJECTED' ? null : reason,
      countedFen: status === 'COUNTED' ? int(countedAmount({ partFen: l.amountFen ?? null, amountFen: m.amount, executedFen: m.executed }, actual)) : null,
      evidence: sourceJson(l.evidence),
    };
  });
}

/**
 * An investment form's indicators measure the investment project, and the project it reports on
 * when it has one by that name (never the department as a whole).
 */
export function indicatorRows(doc: ParsedDocument, documentId: string, allocationIds: string[], ownerOf: OwnerOf) {
  const allocationIdSet = new Set(allocationIds);
  const investmentByName = new Map(doc.investmentProjects.map((ip, i) => [ip.name, factId(documentId, 'InvestmentProject', i)]));
  return doc.indicators.map((ind, i) => {
    const owner = ownerOf(ind.project);
    const onAllocation = owner !== null && allocationIdSet.has(owner);
    return {
      id: factId(documentId, 'Indicator', i),
      ...storedValues(INDICATOR, ind),
      ownerAllocationId: onAllocation ? owner : null,
      ownerInvestmentId: ind.project ? (investmentByName.get(ind.project) ?? null) : null,
      ...src(ind.source),
    };
  });
}

export function evaluationRows(doc: ParsedDocument, documentId: string, ownerOf: OwnerOf) {
  return doc.selfEvaluations.map((e, i) => ({
    id: factId(documentId, 'SelfEvaluation', i),
    ...storedValues(SELF_EVALUATION, e),
    allocationId: ownerOf(e.project),
    ...src(e.source),
  }));
}

export function threeCostsRows(doc: ParsedDocument, documentId: string) {
  return doc.threeCosts.map((t, i) => ({
    id: factId(documentId, 'ThreeCosts', i),
    ...storedValues(THREE_COSTS, t),
    byFund: t.byFund ? JSON.stringify(t.byFund, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) : null,
    ...src(t.source),
  }));
}

/**
 * A project table's 预算单位 row that heads no project but the unit rows after it (000 line 511,
 * the department's 4,545 over 本级's 2,858 and 大数据中心's 1,687) is the department's, whatever
 * name it prints: it is not a unit's row (the same reading as parse/anomalies.ts unitProjectsAnomalies).
 */
function headsUnits(doc: ParsedDocument, t: ParsedDocument['totals'][number]): boolean {
  if (t.unit === null) return false;
  const rows = doc.totals.filter((x) => x.table === t.table && x.unit !== null).map((x) => x.source.line).sort((a, b) => a - b);
  const listed = doc.projects.filter((p) => p.source.table === t.table);
  if (listed.length === 0) return false;
  const next = rows.find((line) => line > t.source.line) ?? Number.POSITIVE_INFINITY;
  const under = listed.some((p) => p.source.line > t.source.line && p.source.line < next);
  return !under && rows.filter((line) => line > t.source.line).length >= 2;
}

export function tableTotalRows(doc: ParsedDocument, documentId: string, units: UnitRegistry) {
  return doc.totals.map((t, i) => ({
    id: factId(documentId, 'TableTotal', i),
    table: t.table,
    unitName: t.unit,
    headsUnits: headsUnits(doc, t),
    // null: the table prints the department as a whole (no FOR_UNIT).
    unitId: units.ownerOf(t.unit, t.source, doc.meta.publisher ?? null),
    totalFen: int(t.total),
    basicFen: int(t.basic),
    projectFen: int(t.project),
    columns: columnsJson(t.columns ?? {}),
    ...src(t.source),
  }));
}

export function figureRows(doc: ParsedDocument, documentId: string) {
  return doc.figures.map((f, i) => ({
    id: factId(documentId, 'Figure', i),
    family: f.family,
    side: f.side,
    item: f.item,
    column: f.column,
    measure: f.measure,
    value: f.value,
    amountFen: int(f.amount),
    basis: f.basis,
    year: n(doc.meta.year),
    ...src(f.source),
  }));
}

/** Prose amounts with the table fact each restates (decided in restatements.ts). */
export function proseAmountRows(doc: ParsedDocument, documentId: string, restated: Restatement[]) {
  // Facts are restated by their index in the parse; an allocation by its id.
  const targetId = (r: Restatement) => (r.kind === 'ProjectAllocation' ? String(r.target) : factId(documentId, r.kind, String(r.target)));
  const restatementOf = new Map(restated.map((r) => [r.proseIndex, r]));
  return doc.proseAmounts.map((p, i) => {
    const r = restatementOf.get(i);
    return {
      id: factId(documentId, 'ProseAmount', i),
      item: p.item,
      amountFen: int(p.amount),
      changeFen: int(p.change),
      changePercent: p.changePercent,
      parent: p.parent,
      year: n(doc.meta.year),
      restates: r ? targetId(r) : null,
      restatesKind: r?.kind ?? null,
      restateRule: r?.rule ?? null,
      ...src(p.source),
    };
  });
}

export function paymentRows(doc: ParsedDocument, documentId: string, ownerOf: OwnerOf) {
  return doc.payments.map((p, i) => ({
    id: factId(documentId, 'Payment', i),
    project: p.project,
    serial: p.serial,
    item: p.item,
    amountFen: int(p.amount),
    allocationId: p.project ? ownerOf(p.project) : null,
    ...src(p.source),
  }));
}

/**
 * Anomalies with the facts they concern (CONCERNS): every fact of the document printed on a line
 * the anomaly cites. `facts` are the document's fact rows by their node label (lines, allocations,
 * 三公, evaluations, investments, totals, figures, prose amounts, payments); each concerned id goes
 * with its label (concernLabels, side by side), so the statement finds it by that label's index.
 */
export function anomalyRows(anomalies: Anomaly[], documentId: string, facts: Record<string, { id: string; srcLine: Integer }[]>) {
  const byLine = new Map<number, { id: string; label: string }[]>();
  for (const [label, rows] of Object.entries(facts)) for (const f of rows) pushTo(byLine, f.srcLine.toNumber(), { id: f.id, label });
  return anomalies.map((a, i) => {
    const concerned = new Map(a.sources.flatMap((s) => byLine.get(s.line) ?? []).map((f) => [f.id, f.label]));
    return {
      id: factId(documentId, 'Anomaly', i),
      kind: a.kind,
      severity: a.severity,
      severityRank: n(severityRank(a.severity)),
      message: a.message,
      deltaFen: int(a.delta),
      sources: sourceJson(a.sources),
      concerns: [...concerned.keys()],
      concernLabels: [...concerned.values()],
    };
  });
}

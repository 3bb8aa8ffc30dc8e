// Turns one parsed document into the rows each load statement UNWINDs. Pure: no I/O.
import { createHash } from 'node:crypto';
import neo4j, { type Integer } from 'neo4j-driver';
import type { Anomaly, Diagnostic, FundingLine, ParsedDocument, Project, Source, TableTotal } from '../parse/records.js';
import { linkInvestmentsToAllocations } from './investment-reports.js';
import { investmentGroupLinks, linkedExceedsLineAnomalies, splitLinks } from './trail-reconcile.js';
import { linkInvestmentsToCodes, linkProjectsToCodes, type CodeLink } from './code-links.js';
import { departmentIdentity, projectId, unitId } from './identity.js';
import { normaliseProjectName } from '../parse/anomalies.js';
import { restatements, type Restatement } from './restatements.js';
import { nameVariants } from './name-variants.js';
import { codeKey, codeLevel, labelOfScheme } from '../model/codes.js';
import { THREE_COSTS_FIGURE_NAMES, fenProperty } from '../model/three-costs.js';
import { allocationId, factId, listingId, projectIdParts, yearName } from '../model/ids.js';

const int = (v: bigint | null): Integer | null => (v === null ? null : neo4j.int(v.toString()));
const src = (s: Source) => ({ srcTable: s.table, srcLine: neo4j.int(s.line), srcText: s.text });
const n = (v: number | null) => (v === null || !Number.isFinite(v) ? null : neo4j.int(v));
const sourceJson = (list: Source[]) => list.map((s) => JSON.stringify(s));
const fundingJson = (list: FundingLine[] | null) =>
  list ? JSON.stringify(list.map((f) => ({ source: f.source, budgetFen: f.budget?.toString() ?? null, executedFen: f.executed?.toString() ?? null, rate: f.rate ?? null, line: f.line }))) : null;

export interface LoadPlan {
  documentId: string;
  contentHash: string;
  document: Record<string, unknown>;
  department: Record<string, unknown>;
  units: Record<string, unknown>[];
  codes: Record<string, unknown>[];
  lines: Record<string, unknown>[];
  allocations: Record<string, unknown>[];
  listings: Record<string, unknown>[];
  codeLinks: Record<string, unknown>[];
  indicators: Record<string, unknown>[];
  investments: Record<string, unknown>[];
  investmentLinks: Record<string, unknown>[];
  /** Investment project → the allocation it reports on (rule, score, evidence). */
  investmentReports: Record<string, unknown>[];
  evaluations: Record<string, unknown>[];
  threeCosts: Record<string, unknown>[];
  tableTotals: Record<string, unknown>[];
  figures: Record<string, unknown>[];
  proseAmounts: Record<string, unknown>[];
  payments: Record<string, unknown>[];
  anomalies: Record<string, unknown>[];
  links: CodeLink[];
  diagnostics: Diagnostic[];
}

const KIND_PREFERENCE: Project['sourceKind'][] = ['SELF_EVALUATION', 'PROJECT_TABLE', 'KEY_PROJECT_TABLE', 'PROSE_LIST', 'TARGET_FORM'];

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function buildPlan(doc: ParsedDocument, text: string): LoadPlan {
  const hash = contentHash(text);
  const documentId = doc.meta.file.replace(/\.[^.]+$/, '');
  const dept = departmentIdentity(doc.meta.department);
  const diagnostics: Diagnostic[] = [...doc.diagnostics];

  const units = new Map<string, Record<string, unknown>>();
  const addUnit = (name: string | null, source: Source) => {
    const id = unitId(dept.id, name);
    if (!units.has(id)) units.set(id, { id, name: name ?? `${dept.name}（本级）`, isSelf: id.endsWith('|本级'), searchText: name ?? dept.name, ...src(source) });
    return id;
  };
  addUnit(null, doc.meta.source);
  for (const u of doc.units) addUnit(u.name, u.source);

  const codes = new Map<string, Record<string, unknown>>();
  for (const l of doc.lines) {
    const label = labelOfScheme(l.scheme);
    const parent = l.scheme === 'PROCUREMENT' ? (l.code.length > 1 ? l.code.slice(0, l.code.length <= 3 ? 1 : l.code.length - 2) : null) : l.code.length > 3 ? l.code.slice(0, l.code.length - 2) : null;
    codes.set(codeKey(l.scheme, l.code), { label, code: l.code, name: l.name, level: n(l.level), parent, yearName: yearName(doc.meta.year, l.name) });
  }

  // Which lines aggregates read, so no money is counted twice: a document prints the same 科目 in
  // several tables; the primary table of each scheme stands for all funds, fund tables for one fund.
  const primary = primaryTables(doc.lines);
  const lines = doc.lines.map((l, i) => ({
    id: factId(documentId, 'BudgetLine', i),
    primary: primary.get(l.scheme) === l.source.table,
    fund: fundOfTable(l.source.table),
    scheme: l.scheme,
    label: labelOfScheme(l.scheme),
    code: l.code,
    name: l.name,
    level: n(l.level),
    basis: l.basis,
    year: n(doc.meta.year),
    unitId: addUnit(l.unit, l.source),
    totalFen: int(l.total),
    basicFen: int(l.basic),
    projectFen: int(l.project),
    columns: JSON.stringify(Object.fromEntries(Object.entries(l.columns).map(([k, v]) => [k, v.toString()]))),
    ...src(l.source),
  }));

  // An allocation is one printed row's money: document + unit + project + code line. The listings
  // of one project (tables, forms, prose) are grouped into slots that agree on unit and code; a
  // listing that names neither joins the slot whose amount it repeats (else the first). So two
  // units' rows of a same-named project stay two allocations, and no listing is dropped.
  // A project the prose names otherwise than its form is that project (decided with evidence).
  const variants = nameVariants(doc.projects);
  const canonical = new Map(variants.map((v) => [v.printed, v.canonical]));
  const identityName = (name: string) => canonical.get(name) ?? name;
  const byProject = new Map<string, Project[]>();
  for (const p of doc.projects) {
    const id = projectId(dept.id, identityName(p.name));
    byProject.set(id, [...(byProject.get(id) ?? []), p]);
  }
  const representatives: Project[] = [];
  const allocationIds: string[] = [];
  const allocations: Record<string, unknown>[] = [];
  const listings: Record<string, unknown>[] = [];
  /** Allocation of a project name for indicators and evaluations: the slot holding its form, else the first. */
  const ownerByName = new Map<string, string>();
  for (const [pid, list] of byProject) {
    const slots = slotListings(list, (u) => unitId(dept.id, u));
    const withForm = slots.findIndex((slot) => slot.some((p) => p.sourceKind === 'TARGET_FORM' || p.sourceKind === 'SELF_EVALUATION'));
    const ownerSlot = withForm >= 0 ? withForm : 0;
    slots.forEach((slot, k) => {
      const sorted = [...slot].sort((a, b) => KIND_PREFERENCE.indexOf(a.sourceKind) - KIND_PREFERENCE.indexOf(b.sourceKind));
      const rep = { ...sorted[0]! };
      rep.parent = slot.find((p) => p.parent)?.parent ?? null;
      rep.functionCode = slot.find((p) => p.functionCode)?.functionCode ?? null;
      rep.unit = slot.find((p) => p.unit)?.unit ?? null;
      representatives.push(rep);
      const allocId = allocationId(documentId, pid, k);
      allocationIds.push(allocId);
      if (k === ownerSlot) ownerByName.set(pid, allocId);
      allocations.push({
        id: allocId,
        projectId: pid,
        name: rep.name,
        normName: projectIdParts(pid).normName,
        parentName: rep.parent,
        level: n(rep.level ?? (rep.parent ? 2 : null)),
        year: n(doc.meta.year),
        unitId: addUnit(rep.unit, rep.source),
        amountFen: int(rep.amount),
        executedFen: int(slot.find((p) => p.executed !== null)?.executed ?? null),
        executionRate: slot.find((p) => p.executionRate)?.executionRate ?? null,
        key: slot.some((p) => p.key),
        goal: slot.find((p) => p.goal)?.goal ?? null,
        justification: slot.find((p) => p.justification)?.justification ?? null,
        period: slot.find((p) => p.period)?.period ?? null,
        sourceKinds: [...new Set(slot.map((p) => p.sourceKind))],
        funding: fundingJson(slot.find((p) => p.funding?.length)?.funding ?? null),
        searchText: rep.name,
        ...src(rep.source),
      });
      slot.forEach((p, j) =>
        listings.push({ id: listingId(allocId, j), allocationId: allocId, name: p.name, sourceKind: p.sourceKind, amountFen: int(p.amount), executedFen: int(p.executed), functionCode: p.functionCode, unit: p.unit, ...src(p.source) }),
      );
    });
  }
  const isActual = doc.meta.kinds.includes('FINAL_ACCOUNTS');
  const links = linkProjectsToCodes(representatives, doc.lines, diagnostics, isActual);
  links.push(...splitLinks(representatives, doc.lines, links, isActual, diagnostics));
  const codeLinks = links.map((l) => ({
    allocationId: allocationIds[l.projectIndex]!,
    code: l.code,
    method: l.method,
    note: l.note,
    amountFen: l.amountFen === undefined ? null : int(l.amountFen),
    evidence: sourceJson(l.evidence),
  }));
  for (const l of links) {
    const key = codeKey('FUNCTION', l.code);
    if (!codes.has(key)) codes.set(key, { label: labelOfScheme('FUNCTION'), code: l.code, name: representatives[l.projectIndex]!.functionName ?? null, level: n(codeLevel(l.code) ?? 3), parent: l.code.length > 3 ? l.code.slice(0, -2) : null, yearName: null });
  }

  const ownerAlloc = (printed: string | null) => {
    if (!printed) return null;
    const name = identityName(printed);
    return ownerByName.get(projectId(dept.id, name)) ?? allocationId(documentId, projectId(dept.id, name));
  };
  const investments = doc.investmentProjects.map((ip, i) => ({
    id: factId(documentId, 'InvestmentProject', i),
    unitId: addUnit(ip.unit, ip.source),
    code: ip.code,
    truncated: ip.truncated,
    registrationYear: n(ip.registrationYear),
    divisionCode: ip.divisionCode,
    industryCode: ip.industryCode,
    typeCode: ip.typeCode,
    serial: ip.serial,
    name: ip.name,
    normName: normaliseProjectName(ip.name),
    totalInvestmentFen: int(ip.totalInvestment),
    plannedInYearFen: int(ip.plannedInYear),
    completedInYearFen: int(ip.completedInYear),
    cumulativeCompletedFen: int(ip.cumulativeCompleted),
    completionRate: ip.completionRate,
    progress: ip.progress,
    startDate: ip.startDate,
    endDate: ip.endDate,
    nature: ip.nature,
    totalFiscalFen: int(ip.totalFiscal),
    totalOtherFen: int(ip.totalOther),
    targetAtYearStartFen: int(ip.targetAtYearStart),
    completedGeneralBudgetFen: int(ip.completedGeneralBudget),
    completedGovernmentFundFen: int(ip.completedGovernmentFund),
    planExecutionRate: ip.planExecutionRate,
    imageProgress: ip.imageProgress,
    industry: ip.industry,
    started: ip.started,
    completed: ip.completed,
    fieldSources: JSON.stringify(ip.fieldSources),
    year: n(doc.meta.year),
    searchText: `${ip.name} ${ip.code}`,
    ...src(ip.source),
  }));

  // An investment form's indicators measure the investment project, and the project it reports
  // on when it has one by that name (never the department as a whole).
  const allocationIdSet = new Set(allocationIds);
  const investmentByName = new Map(doc.investmentProjects.map((ip, i) => [ip.name, factId(documentId, 'InvestmentProject', i)]));
  const indicators = doc.indicators.map((ind, i) => {
    const owner = ownerAlloc(ind.project);
    const onAllocation = owner !== null && allocationIdSet.has(owner);
    return {
      id: factId(documentId, 'Indicator', i),
      level1: ind.level1,
      level2: ind.level2,
      name: ind.name,
      target: ind.target,
      actual: ind.actual,
      reason: ind.reason,
      ownerAllocationId: onAllocation ? owner : null,
      ownerInvestmentId: ind.project ? (investmentByName.get(ind.project) ?? null) : null,
      ...src(ind.source),
    };
  });

  const investmentReports = linkInvestmentsToAllocations(doc.investmentProjects, representatives, diagnostics).map((r) => ({
    investmentId: factId(documentId, 'InvestmentProject', r.investmentIndex),
    allocationId: allocationIds[r.allocationIndex]!,
    rule: r.rule,
    score: r.score,
    evidence: sourceJson(r.evidence),
  }));

  const singleInvestmentLinks = linkInvestmentsToCodes(doc.investmentProjects, doc.lines, diagnostics);
  const groupLinks = singleInvestmentLinks.length ? [] : investmentGroupLinks(doc.investmentProjects, representatives, doc.lines, links, isActual, diagnostics);
  const investmentLinks = [...singleInvestmentLinks, ...groupLinks].map((l) => ({
    investmentId: factId(documentId, 'InvestmentProject', l.investmentIndex),
    code: l.code,
    method: 'RECONCILED',
    note: l.note,
    evidence: sourceJson(l.evidence),
  }));

  const evaluations = doc.selfEvaluations.map((e, i) => ({
    id: factId(documentId, 'SelfEvaluation', i),
    project: e.project,
    origin: e.origin,
    budgetFen: int(e.budget),
    executedFen: int(e.executed),
    rate: e.rate,
    achieved: e.achieved ?? null,
    allocationId: ownerAlloc(e.project),
    ...src(e.source),
  }));

  const threeCosts = doc.threeCosts.map((t, i) => ({
    id: factId(documentId, 'ThreeCosts', i),
    origin: t.origin,
    year: n(t.year),
    basis: t.basis,
    ...Object.fromEntries(THREE_COSTS_FIGURE_NAMES.map((f) => [fenProperty(f), int(t[f])])),
    byFund: t.byFund ? JSON.stringify(t.byFund, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) : null,
    ...src(t.source),
  }));

  const tableTotals = doc.totals.map((t, i) => ({
    id: factId(documentId, 'TableTotal', i),
    table: t.table,
    unitName: t.unit,
    unitId: addUnit(t.unit, t.source),
    totalFen: int(t.total),
    basicFen: int(t.basic),
    projectFen: int(t.project),
    columns: JSON.stringify(Object.fromEntries(Object.entries(t.columns ?? {}).map(([k, v]) => [k, v.toString()]))),
    ...src(t.source),
  }));

  const figures = doc.figures.map((f, i) => ({
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

  // Which table fact each prose amount restates (and where they disagree), decided in TypeScript.
  const restated = restatements(
    doc,
    representatives.map((p, i) => ({ id: allocationIds[i]!, name: p.name, amount: p.amount, source: p.source })),
  );
  // Facts are restated by their index in the parse; an allocation by its id.
  const targetId = (r: Restatement) => (r.kind === 'ProjectAllocation' ? String(r.target) : factId(documentId, r.kind, String(r.target)));
  const restatementOf = new Map(restated.links.map((r) => [r.proseIndex, r]));
  const proseAmounts = doc.proseAmounts.map((p, i) => {
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

  const payments = doc.payments.map((p, i) => ({
    id: factId(documentId, 'Payment', i),
    project: p.project,
    serial: p.serial,
    item: p.item,
    amountFen: int(p.amount),
    allocationId: p.project ? ownerAlloc(p.project) : null,
    ...src(p.source),
  }));

  // Load-time anomalies (what the links reveal) follow the parser's.
  const revealed = [
    ...linkedExceedsLineAnomalies(representatives, doc.investmentProjects, doc.lines, links, [...singleInvestmentLinks, ...groupLinks], isActual),
    ...restated.anomalies,
    ...variants.map((v) => v.anomaly),
  ];
  const anomalies = [...doc.anomalies, ...revealed].map((a: Anomaly, i) => ({
    id: factId(documentId, 'Anomaly', i),
    kind: a.kind,
    severity: a.severity,
    message: a.message,
    deltaFen: int(a.delta),
    sources: sourceJson(a.sources),
    lines: a.sources.map((s) => neo4j.int(s.line)),
  }));

  return {
    documentId,
    contentHash: hash,
    document: {
      id: documentId,
      file: doc.meta.file,
      title: doc.meta.title,
      year: n(doc.meta.year),
      kinds: doc.meta.kinds,
      moneyUnit: doc.meta.moneyUnit,
      roundingNote: doc.meta.roundingNote,
      departmentPrinted: doc.meta.department,
      contentHash: hash,
      searchText: doc.meta.title,
      ...src(doc.meta.source),
      ...documentTotal(doc.totals, doc.lines),
    },
    department: { id: dept.id, name: dept.name, alias: doc.meta.department, rule: dept.rules.join('; ') || 'exact', searchText: dept.name },
    units: [...units.values()],
    codes: [...codes.values()],
    lines,
    allocations,
    listings,
    codeLinks,
    indicators,
    investments,
    investmentLinks,
    investmentReports,
    evaluations,
    threeCosts,
    tableTotals,
    figures,
    proseAmounts,
    payments,
    anomalies,
    links,
    diagnostics,
  };
}

/**
 * Per scheme, the table whose lines stand for the document in aggregates: for 功能分类 the first
 * table of all funds that prints 支出 (部门支出总表 / 支出总表 / 支出决算表), else the first; for
 * 经济分类 and 采购 the first table printing them.
 */
export function primaryTables(lines: ParsedDocument['lines']): Map<string, string> {
  const out = new Map<string, string>();
  for (const scheme of ['FUNCTION', 'ECONOMIC', 'PROCUREMENT'] as const) {
    const tables = [...new Set(lines.filter((l) => l.scheme === scheme).map((l) => l.source.table))];
    const allFunds = tables.filter((t) => fundOfTable(t) === null);
    const pick = (scheme === 'FUNCTION' ? allFunds.find((t) => /支出/.test(t)) : undefined) ?? allFunds[0] ?? tables[0];
    if (pick) out.set(scheme, pick);
  }
  return out;
}

/** The fund (资金性质) a table is restricted to by its title, or null for a table of all funds. */
export function fundOfTable(title: string): string | null {
  if (/政府性基金/.test(title)) return '政府性基金预算';
  if (/国有资本经营/.test(title)) return '国有资本经营预算';
  if (/一般公共预算/.test(title)) return '一般公共预算';
  return null;
}

/**
 * The document's headline total: the whole-table 合计 of the first table of 功能分类 lines
 * (支出总表 comes before the tables that break it down), with the line it was read from.
 */
function documentTotal(totals: TableTotal[], lines: ParsedDocument['lines']): Record<string, unknown> {
  const functionTables = [...new Set(lines.filter((l) => l.scheme === 'FUNCTION').map((l) => l.source.table))];
  const ordered = [...functionTables.filter((t) => /支出/.test(t)), ...functionTables.filter((t) => !/支出/.test(t))];
  for (const table of ordered) {
    const inTable = totals.filter((x) => x.table === table && x.total !== null);
    const whole = inTable.find((x) => x.unit === null);
    if (whole) return { totalFen: int(whole.total), totalNote: null, totalTable: table, totalLine: neo4j.int(whole.source.line), totalText: whole.source.text };
    // Tables printed per 预算单位 carry no 合计 row: the total is the sum of the unit rows.
    if (inTable.length) {
      const sum = inTable.reduce((acc, x) => acc + x.total!, 0n);
      const first = inTable[0]!.source;
      return { totalFen: int(sum), totalNote: inTable.length > 1 ? `sum of ${inTable.length} unit rows` : null, totalTable: table, totalLine: neo4j.int(first.line), totalText: first.text };
    }
  }
  return { totalFen: null };
}

/**
 * Groups one project's listings into allocation slots. Listings that print a unit or a code
 * decide the slots (they agree when neither contradicts the other); a listing that prints
 * neither joins the slot whose amount it repeats, or the first slot.
 */
export function slotListings(list: Project[], unitKey: (unit: string | null) => string): Project[][] {
  type Slot = { unit: string | null; code: string | null; members: Project[] };
  const slots: Slot[] = [];
  const specific = list.filter((p) => p.unit || p.functionCode);
  const vague = list.filter((p) => !p.unit && !p.functionCode);
  // Most specific first, so a listing with unit and code founds the slot the partial ones join.
  const order = [...specific].sort((a, b) => Number(Boolean(b.unit && b.functionCode)) - Number(Boolean(a.unit && a.functionCode)));
  for (const p of order) {
    const u = p.unit ? unitKey(p.unit) : null;
    const fits = slots.filter((s) => (s.unit === null || u === null || s.unit === u) && (s.code === null || p.functionCode === null || s.code === p.functionCode));
    const slot = fits.length === 1 ? fits[0] : fits.find((s) => s.members.some((m) => m.amount !== null && m.amount === p.amount)) ?? (fits.length ? fits[0] : undefined);
    if (slot && !(p.unit && p.functionCode && slot.members.some((m) => m.unit && m.functionCode && (unitKey(m.unit) !== u || m.functionCode !== p.functionCode)))) {
      slot.members.push(p);
      slot.unit ??= u;
      slot.code ??= p.functionCode;
    } else {
      slots.push({ unit: u, code: p.functionCode, members: [p] });
    }
  }
  if (slots.length === 0) return [list];
  for (const p of vague) (slots.find((s) => s.members.some((m) => m.amount !== null && m.amount === p.amount)) ?? slots[0]!).members.push(p);
  // Keep print order inside each slot and among slots (the first printed row's slot first).
  const firstIndex = (s: Slot) => Math.min(...s.members.map((m) => list.indexOf(m)));
  return slots.sort((a, b) => firstIndex(a) - firstIndex(b)).map((s) => s.members.sort((a, b) => list.indexOf(a) - list.indexOf(b)));
}

// Parse accuracy against the generator's ground truth: every fact, compared exactly.
import { coverage } from '../src/parse/coverage.js';
import { parseDocument } from '../src/parse/index.js';
import { layout } from '../src/parse/layout.js';
import type { ParsedDocument } from '../src/parse/records.js';
import type { DocumentTruth } from './corpus/truth.js';

export interface Tally {
  expected: number;
  matched: number;
  misses: string[];
}

export interface AccuracyReport {
  documents: number;
  lines: Tally;
  projects: Tally;
  investments: Tally;
  threeCosts: Tally;
  anomalies: Tally;
  /** Numbers of tables no family record holds (收支总表, zero-only and run-together tables). */
  figures: Tally;
  /** Amounts the prose states, with their change and the item they are part of. */
  proseAmounts: Tally;
  /** Rows that are not projects (基本支出) read as projects. */
  falseProjects: number;
  /** Coverage over the corpus: numbers the tables print, and how many no record holds. */
  cells: number;
  cellsNotRead: number;
  cellsTyped: number;
  /** Anomalies the parser reported that the truth does not carry. */
  falseAnomalies: number;
  failedDocuments: string[];
}

const tally = (): Tally => ({ expected: 0, matched: 0, misses: [] });
const s = (v: bigint | null | undefined) => (v === null || v === undefined ? 'null' : v.toString());

function check(t: Tally, ok: boolean, miss: string): void {
  t.expected++;
  if (ok) t.matched++;
  else if (t.misses.length < 20) t.misses.push(miss);
}

export function compare(doc: ParsedDocument, truth: DocumentTruth, report: AccuracyReport): void {
  for (const l of truth.lines) {
    const got = doc.lines.find((x) => x.scheme === (l.scheme ?? 'FUNCTION') && x.source.table === l.table && x.code === l.code);
    check(report.lines, !!got && s(got.total) === l.total && s(got.basic) === l.basic && s(got.project) === l.project, `${truth.file} ${l.table} ${l.code}: want ${l.total}/${l.basic}/${l.project}, got ${got ? `${s(got.total)}/${s(got.basic)}/${s(got.project)}` : 'none'}`);
  }
  for (const p of truth.projects) {
    const got = doc.projects.filter((x) => x.name === p.name);
    const ok = got.some((x) => s(x.amount) === p.amount && (p.functionCode === null || x.functionCode === p.functionCode)) && (p.executed === null || got.some((x) => s(x.executed) === p.executed));
    check(report.projects, ok, `${truth.file} project ${p.name}: want ${p.amount}/${p.executed}/${p.functionCode}, got ${got.map((x) => `${s(x.amount)}/${s(x.executed)}/${x.functionCode}`).join(', ') || 'none'}`);
  }
  for (const ip of truth.investments) {
    // Two forms may print the same cut-short code: the name tells them apart.
    const got = doc.investmentProjects.find((x) => x.code === ip.code && x.name === ip.name) ?? doc.investmentProjects.find((x) => x.code === ip.code);
    const ok =
      !!got &&
      got.truncated === ip.truncated &&
      got.name === ip.name &&
      s(got.totalInvestment) === ip.totalInvestment &&
      s(got.plannedInYear) === ip.plannedInYear &&
      s(got.completedInYear) === ip.completedInYear &&
      s(got.cumulativeCompleted) === ip.cumulativeCompleted &&
      s(got.targetAtYearStart) === ip.targetAtYearStart &&
      s(got.totalFiscal) === ip.totalFiscal &&
      s(got.totalOther) === ip.totalOther &&
      s(got.completedGeneralBudget) === ip.completedGeneralBudget &&
      s(got.completedGovernmentFund) === ip.completedGovernmentFund &&
      got.planExecutionRate === ip.planExecutionRate &&
      got.industry === ip.industry &&
      got.started === ip.started;
    check(report.investments, ok, `${truth.file} investment ${ip.code}: ${got ? `${got.name} ${s(got.totalInvestment)} ${s(got.plannedInYear)} ${s(got.completedInYear)} ${s(got.cumulativeCompleted)} ${s(got.targetAtYearStart)} ${s(got.totalFiscal)}/${s(got.totalOther)} ${s(got.completedGeneralBudget)}/${s(got.completedGovernmentFund)} ${got.planExecutionRate} ${got.industry} ${got.started}` : 'none'}`);
  }
  for (const t of truth.threeCosts) {
    const got = doc.threeCosts.find((x) => x.origin === t.origin && x.year === truth.year);
    const ok = !!got && s(got.total) === t.total && s(got.abroad) === t.abroad && s(got.reception) === t.reception && s(got.vehicles) === t.vehicles;
    check(report.threeCosts, ok, `${truth.file} 三公 ${t.origin}: want ${t.total}/${t.abroad}/${t.reception}/${t.vehicles}, got ${got ? `${s(got.total)}/${s(got.abroad)}/${s(got.reception)}/${s(got.vehicles)}` : 'none'}`);
  }
  for (const f of truth.figures ?? []) {
    const ok = doc.figures.some((x) => x.family === f.family && x.side === f.side && s(x.amount) === f.amount && (x.item === f.item || x.item.endsWith(f.item)));
    check(report.figures, ok, `${truth.file} figure ${f.family} ${f.side ?? ''} ${f.item} ${f.amount}: ${doc.figures.filter((x) => x.family === f.family && x.item.endsWith(f.item)).map((x) => `${x.side} ${s(x.amount)}`).join(', ') || 'none'}`);
  }
  for (const p of truth.proseAmounts ?? []) {
    const got = doc.proseAmounts.find((x) => x.item === p.item && s(x.amount) === p.amount && x.parent === p.parent);
    check(report.proseAmounts, !!got && s(got.change) === (p.change ?? 'null') && got.changePercent === p.changePercent, `${truth.file} prose ${p.item} ${p.amount} (parent ${p.parent}, change ${p.change} ${p.changePercent}): ${doc.proseAmounts.filter((x) => s(x.amount) === p.amount).map((x) => `${x.item} parent ${x.parent} change ${s(x.change)} ${x.changePercent}`).join('; ') || 'none'}`);
  }
  report.falseProjects += doc.projects.filter((x) => (truth.notProjects ?? []).includes(x.name)).length;
  const kinds = doc.anomalies.map((a) => a.kind as string);
  for (const kind of new Set(truth.anomalies)) check(report.anomalies, kinds.includes(kind), `${truth.file} anomaly ${kind} not reported`);
  report.falseAnomalies += kinds.filter((k) => !truth.anomalies.includes(k)).length;
}

export function accuracy(docs: { file: string; text: string; truth: DocumentTruth }[]): AccuracyReport {
  const report: AccuracyReport = { documents: docs.length, lines: tally(), projects: tally(), investments: tally(), threeCosts: tally(), anomalies: tally(), figures: tally(), proseAmounts: tally(), falseProjects: 0, cells: 0, cellsNotRead: 0, cellsTyped: 0, falseAnomalies: 0, failedDocuments: [] };
  for (const d of docs) {
    try {
      const doc = parseDocument(d.text, d.file);
      compare(doc, d.truth, report);
      for (const t of coverage(doc, layout(d.text))) {
        report.cells += t.cells;
        report.cellsNotRead += t.cellsNotRead;
        report.cellsTyped += t.cellsTyped;
      }
    } catch (err) {
      report.failedDocuments.push(`${d.file}: ${(err as Error).message}`);
    }
  }
  return report;
}

// Parse accuracy against the generator's ground truth: every fact, compared exactly.
import { parseDocument } from '../src/parse/index.js';
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
    const got = doc.lines.find((x) => x.scheme === 'FUNCTION' && x.source.table === l.table && x.code === l.code);
    check(report.lines, !!got && s(got.total) === l.total && s(got.basic) === l.basic && s(got.project) === l.project, `${truth.file} ${l.table} ${l.code}: want ${l.total}/${l.basic}/${l.project}, got ${got ? `${s(got.total)}/${s(got.basic)}/${s(got.project)}` : 'none'}`);
  }
  for (const p of truth.projects) {
    const got = doc.projects.filter((x) => x.name === p.name);
    const ok = got.some((x) => s(x.amount) === p.amount && (p.functionCode === null || x.functionCode === p.functionCode)) && (p.executed === null || got.some((x) => s(x.executed) === p.executed));
    check(report.projects, ok, `${truth.file} project ${p.name}: want ${p.amount}/${p.executed}/${p.functionCode}, got ${got.map((x) => `${s(x.amount)}/${s(x.executed)}/${x.functionCode}`).join(', ') || 'none'}`);
  }
  for (const ip of truth.investments) {
    const got = doc.investmentProjects.find((x) => x.code === ip.code);
    const ok = !!got && got.truncated === ip.truncated && got.name === ip.name && s(got.totalInvestment) === ip.totalInvestment && s(got.plannedInYear) === ip.plannedInYear && s(got.completedInYear) === ip.completedInYear && s(got.cumulativeCompleted) === ip.cumulativeCompleted;
    check(report.investments, ok, `${truth.file} investment ${ip.code}: ${got ? `${got.name} ${s(got.totalInvestment)} ${s(got.plannedInYear)} ${s(got.completedInYear)} ${s(got.cumulativeCompleted)}` : 'none'}`);
  }
  for (const t of truth.threeCosts) {
    const got = doc.threeCosts.find((x) => x.origin === t.origin && x.year === truth.year);
    const ok = !!got && s(got.total) === t.total && s(got.abroad) === t.abroad && s(got.reception) === t.reception && s(got.vehicles) === t.vehicles;
    check(report.threeCosts, ok, `${truth.file} 三公 ${t.origin}: want ${t.total}/${t.abroad}/${t.reception}/${t.vehicles}, got ${got ? `${s(got.total)}/${s(got.abroad)}/${s(got.reception)}/${s(got.vehicles)}` : 'none'}`);
  }
  const kinds = doc.anomalies.map((a) => a.kind as string);
  for (const kind of new Set(truth.anomalies)) check(report.anomalies, kinds.includes(kind), `${truth.file} anomaly ${kind} not reported`);
  report.falseAnomalies += kinds.filter((k) => !truth.anomalies.includes(k)).length;
}

export function accuracy(docs: { file: string; text: string; truth: DocumentTruth }[]): AccuracyReport {
  const report: AccuracyReport = { documents: docs.length, lines: tally(), projects: tally(), investments: tally(), threeCosts: tally(), anomalies: tally(), falseAnomalies: 0, failedDocuments: [] };
  for (const d of docs) {
    try {
      compare(parseDocument(d.text, d.file), d.truth, report);
    } catch (err) {
      report.failedDocuments.push(`${d.file}: ${(err as Error).message}`);
    }
  }
  return report;
}

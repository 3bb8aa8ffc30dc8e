// Parse/graph parity: what the parser read of a document must be what the graph holds of it,
// record kind by record kind, in count and in fen. A difference means a fact vanished or merged
// on the way into Neo4j; the load reports it as an error (npm run load exits 1).
import type { ParsedDocument } from '../parse/records.js';
import type { LoadPlan } from './plan.js';
import { recordCount } from './document-caps.js';

export interface Tally {
  kind: string;
  n: number;
  /** Fen sums as decimal strings, in the order cypher/load-parity.cypher returns them. */
  sums: string[];
}

const total = <T>(items: T[], ...fields: ((x: T) => bigint | null)[]) => fields.map((f) => items.reduce((s, x) => s + (f(x) ?? 0n), 0n).toString());

/**
 * What the thread that writes needs of a parsed document once its plan is made: its record count
 * and year (the report, a conflict's message) and the parser's tallies (parity). The parse worker
 * sends this in place of the ParsedDocument for a load from files (parse-off-thread.ts
 * readOffThread): the records themselves are in the plan, and their structured clone was a third
 * of the worker's reply (~33 KB a generated document) for the writing thread to deserialise.
 */
export interface ReadDigest {
  digest: true;
  records: number;
  year: number;
  /** The parser's part of expectedTallies, in its order. */
  parsed: Tally[];
}

/** A parsed document's digest (the same digest back when given one). */
export function readDigest(doc: ParsedDocument | ReadDigest): ReadDigest {
  if ('digest' in doc) return doc;
  return { digest: true, records: recordCount(doc), year: doc.meta.year, parsed: parsedTallies(doc) };
}

/** What the parser read, in the shape the graph is counted in; `placedLines`: the lines whose place (page, boxes) is stored. */
export function expectedTallies(doc: ParsedDocument | ReadDigest, plan: LoadPlan, placedLines = 0): Tally[] {
  return [
    ...readDigest(doc).parsed,
    // The parser's anomalies and those the load's links reveal (plan.anomalies holds both).
    { kind: 'Anomaly', n: plan.anomalies.length, sums: [plan.anomalies.reduce((s, a) => s + BigInt(String(a.deltaFen ?? 0)), 0n).toString()] },
    { kind: 'BudgetUnit', n: plan.units.length, sums: [] },
    // Facts printed by a unit (or in a unit's document) hang on it; the department's own on none.
    { kind: 'BudgetLine FOR_UNIT', n: plan.lines.filter((l) => l.unitId !== null).length, sums: [] },
    { kind: 'ProjectAllocation FOR_UNIT', n: plan.allocations.filter((a) => a.unitId !== null).length, sums: [] },
    { kind: 'TableTotal FOR_UNIT', n: plan.tableTotals.filter((t) => t.unitId !== null).length, sums: [] },
    { kind: 'InvestmentProject FOR_UNIT', n: plan.investments.filter((i) => i.unitId !== null).length, sums: [] },
    { kind: 'ProjectAllocation', n: plan.allocations.length, sums: [] },
    // Every line's page and boxes arrived with the text (src/load/places.ts), or none was to.
    { kind: 'LinePlace', n: placedLines, sums: [] },
  ];
}

/** The tallies of the parser's records alone (the first part of expectedTallies). */
function parsedTallies(doc: ParsedDocument): Tally[] {
  return [
    { kind: 'BudgetLine', n: doc.lines.length, sums: total(doc.lines, (l) => l.total, (l) => l.basic, (l) => l.project) },
    { kind: 'ProjectListing', n: doc.projects.length, sums: total(doc.projects, (p) => p.amount, (p) => p.executed) },
    { kind: 'Indicator', n: doc.indicators.length, sums: [] },
    { kind: 'InvestmentProject', n: doc.investmentProjects.length, sums: total(doc.investmentProjects, (i) => i.totalInvestment, (i) => i.plannedInYear, (i) => i.completedInYear, (i) => i.cumulativeCompleted) },
    { kind: 'SelfEvaluation', n: doc.selfEvaluations.length, sums: total(doc.selfEvaluations, (e) => e.budget, (e) => e.executed) },
    { kind: 'ThreeCosts', n: doc.threeCosts.length, sums: total(doc.threeCosts, (t) => t.total, (t) => t.abroad, (t) => t.reception, (t) => t.vehicles) },
    { kind: 'TableTotal', n: doc.totals.length, sums: total(doc.totals, (t) => t.total, (t) => t.basic, (t) => t.project) },
    { kind: 'Figure', n: doc.figures.length, sums: total(doc.figures, (f) => f.amount) },
    { kind: 'Payment', n: doc.payments.length, sums: total(doc.payments, (p) => p.amount) },
    { kind: 'ProseAmount', n: doc.proseAmounts.length, sums: total(doc.proseAmounts, (p) => p.amount, (p) => p.change) },
  ];
}

/** One line per difference ("BudgetLine: parsed 103 (sums …), graph holds 101 (sums …)"); empty when they agree. */
export function parityDifferences(expected: Tally[], actual: Tally[]): string[] {
  const held = new Map(actual.map((t) => [t.kind, t]));
  const out: string[] = [];
  for (const e of expected) {
    const a = held.get(e.kind) ?? { kind: e.kind, n: 0, sums: e.sums.map(() => '0') };
    if (a.n !== e.n || a.sums.join() !== e.sums.join()) {
      out.push(`${e.kind}: parsed ${e.n}${e.sums.length ? ` (fen sums ${e.sums.join(' / ')})` : ''}, graph holds ${a.n}${a.sums.length ? ` (fen sums ${a.sums.join(' / ')})` : ''}`);
    }
  }
  return out;
}

// Loads one document into Neo4j in ONE write transaction: it is all there or not at all.
// Re-loading an unchanged file is a no-op (content hash); a changed file replaces its facts.
import type { ParamsArg, QueryRunner, RunStatement } from '../db/run.js';
import type { StatementName, StatementParams } from '../db/statements.generated.js';
import type { QueryResult } from 'neo4j-driver';
import { documentText, parseDocument } from '../parse/index.js';
import type { ParsedDocument } from '../parse/records.js';
import { loaderFingerprint } from './fingerprint.js';
import { BudgetGraphError, ServiceUnavailableError } from '../errors.js';
import { expectedTallies, parityDifferences } from './parity.js';
import { buildPlan, contentHash, type LoadPlan } from './plan.js';
import { sameAsLinks } from './same-as.js';

/** What loading one document did. */
export const LOAD_STATUSES = {
  LOADED: 'New: written in one transaction.',
  REPLACED: 'The file (or a rival for the same department, year and kind) was there before; replaced in one transaction.',
  UNCHANGED: 'Same content hash as the stored copy: nothing written.',
  DRY_RUN: 'Parsed and planned only; nothing written.',
} as const;

export interface LoadReport {
  file: string;
  status: keyof typeof LOAD_STATUSES;
  records: number;
  nodesCreated: number;
  relationshipsCreated: number;
  ms: number;
  plan: LoadPlan | null;
  /** Other files of the same department, year and kind this load superseded (replace: true). */
  replacedFiles: string[];
  /** Parse/graph parity differences (record kind, count, fen sums); empty when every fact arrived. */
  parity: string[];
}

export interface LoadOptions {
  dryRun?: boolean;
  /** Supersede a document already loaded for the same department, year and kind. */
  replace?: boolean;
  /** Tests only: throw after this statement ran, to prove the transaction rolls back. */
  failAfter?: string;
}

/** One statement of a document's load, typed by its name (src/db/statements.generated.ts). */
interface LoadStep {
  name: StatementName;
  run: (run: RunStatement) => Promise<QueryResult>;
}

function step<N extends StatementName>(name: N, params: StatementParams<N>): LoadStep {
  return { name, run: (run) => run(name, ...([params] as ParamsArg<N>)) };
}

/** The statements of one document's transaction, in order, with the plan rows each gets. */
function statements(plan: LoadPlan, text: string, loaderVersion: string): LoadStep[] {
  const base = { documentId: plan.documentId, departmentId: plan.department.id };
  return [
    // The loader's version is stored with the document: a new parser reloads unchanged files.
    step('load-document', { document: { ...plan.document, loaderVersion }, department: plan.department }),
    // Line numbers are the parser's: the same split.
    step('load-document-text', { documentId: plan.documentId, lines: text.split(/\r?\n/) }),
    step('load-units', { ...base, rows: plan.units }),
    step('load-codes', { rows: plan.codes }),
    step('load-lines', { ...base, rows: plan.lines }),
    step('load-allocations', { ...base, rows: plan.allocations }),
    step('load-listings', { rows: plan.listings }),
    step('load-code-links', { rows: plan.codeLinks }),
    step('load-investments', { ...base, rows: plan.investments }),
    step('load-investment-links', { rows: plan.investmentLinks }),
    step('load-investment-reports', { rows: plan.investmentReports }),
    step('load-indicators', { ...base, rows: plan.indicators }),
    step('load-evaluations', { ...base, rows: plan.evaluations }),
    step('load-three-costs', { ...base, rows: plan.threeCosts }),
    step('load-table-totals', { ...base, rows: plan.tableTotals }),
    step('load-figures', { ...base, rows: plan.figures }),
    step('load-prose-amounts', { ...base, rows: plan.proseAmounts }),
    step('load-payments', { ...base, rows: plan.payments }),
    step('load-anomalies', { ...base, rows: plan.anomalies }),
    {
      name: 'load-same-as',
      run: async (run) => {
        const names = await run('department-project-names', { departmentId: plan.department.id });
        const all = names.records.map((r) => ({ id: String(r.get('id')), normName: String(r.get('normName')) }));
        const mine = [...new Map(plan.allocations.map((a) => [a.projectId, { id: a.projectId, normName: a.normName }])).values()];
        return run('load-same-as', { rows: sameAsLinks(mine, all) });
      },
    },
  ];
}

export function recordCount(doc: ParsedDocument): number {
  return doc.units.length + doc.lines.length + doc.projects.length + doc.indicators.length + doc.investmentProjects.length + doc.selfEvaluations.length + doc.threeCosts.length + doc.totals.length + doc.figures.length + doc.proseAmounts.length + doc.payments.length + doc.anomalies.length;
}

export async function loadDocument(runner: QueryRunner, file: string, text: string, options: LoadOptions = {}): Promise<LoadReport> {
  const started = Date.now();
  const doc = parseDocument(text, file); // throws BadDocumentError before anything is written
  return loadParsed(runner, file, text, doc, options, started);
}

/**
 * Writes an already parsed document (the API parses in a worker thread). Refuses a second
 * document for the same department, year and kind unless `replace` says it supersedes the first.
 */
export async function loadParsed(runner: QueryRunner, file: string, input: string, doc: ParsedDocument, options: LoadOptions = {}, started = Date.now(), planned?: LoadPlan): Promise<LoadReport> {
  // Stored, hashed and planned from the text the parser read: personal data already redacted.
  const text = documentText(input, file);
  // The parse worker plans too (parse-off-thread.ts): then only the writes happen here.
  const plan = planned ?? buildPlan(doc, text);
  const records = recordCount(doc);
  if (options.dryRun) return { file, status: 'DRY_RUN', records, nodesCreated: 0, relationshipsCreated: 0, ms: Date.now() - started, plan, replacedFiles: [], parity: [] };

  const existing = await runner.read('load-document-hash', { file });
  const storedHash = existing.records[0]?.get('contentHash') as string | undefined;
  const storedLoader = existing.records[0]?.get('loaderVersion') as string | undefined;
  const loaderVersion = loaderFingerprint();
  if (storedHash === contentHash(text) && storedLoader === loaderVersion) return { file, status: 'UNCHANGED', records, nodesCreated: 0, relationshipsCreated: 0, ms: Date.now() - started, plan, replacedFiles: [], parity: [] };

  const rivals = (await runner.read('documents-same-slot', { departmentId: plan.department.id, year: plan.document.year, kinds: plan.document.kinds, file })).records.map((r) => String(r.get('file')));
  if (rivals.length && !options.replace) {
    throw new BudgetGraphError('CONFLICT', `${file}: the graph already holds ${rivals.join(', ')} for ${plan.department.name}, ${doc.meta.year}, ${plan.document.kinds.join('/')}; remove it first or load this one with replace: true to supersede it.`, { file, conflictsWith: rivals });
  }

  refuseWithoutRoom(runner, file, plan, text);

  let nodesCreated = 0;
  let relationshipsCreated = 0;
  let parity: string[] = [];
  await runner.writeTransaction(async (_tx, run) => {
    for (const other of rivals) await run('load-delete-document', { file: other });
    // The file's own earlier copy is emptied, not removed: its node, department, units and
    // projects are still there when the new facts MERGE onto them, so nothing a reader looks up
    // is deleted and created again; what only the old copy held is collected afterwards.
    if (storedHash) await run('load-clear-document', { file });
    for (const { name, run: runStep } of statements(plan, text, loaderVersion)) {
      const res = await runStep(run);
      const c = res.summary.counters.updates();
      nodesCreated += c.nodesCreated;
      relationshipsCreated += c.relationshipsCreated;
      if (options.failAfter === name) throw new Error(`injected failure after ${name}`);
    }
    if (storedHash || rivals.length) await run('load-collect-orphans');
    await run('load-refresh-codes', { keys: plan.codes.map((c) => `${String(c.label)}:${String(c.code)}`) });
    // A replaced document's projects were refreshed by load-collect-orphans.
    await run('load-refresh-project-totals', { ids: [...new Set(plan.allocations.map((a) => String(a.projectId)))] });
    const held = await run('load-parity', { documentId: plan.documentId });
    parity = parityDifferences(
      expectedTallies(doc, plan),
      held.records.map((r) => ({ kind: String(r.get('kind')), n: Number(r.get('n')), sums: r.get('sums') as string[] })),
    );
  });
  return { file, status: storedHash || rivals.length ? 'REPLACED' : 'LOADED', records, nodesCreated, relationshipsCreated, ms: Date.now() - started, plan, replacedFiles: rivals, parity };
}

/**
 * Room Neo4j needs on its disk for one document's transaction: its rows and text several times
 * over (store records, indexes, the transaction log) and headroom for checkpoints and log
 * rotation. Generous on purpose: Neo4j that fails a write on a full disk refuses everything
 * until it is restarted, while a load refused here leaves the service answering.
 */
export const WRITE_HEADROOM_BYTES = 32 * 1024 * 1024;

function refuseWithoutRoom(runner: QueryRunner, file: string, plan: LoadPlan, text: string): void {
  const free = runner.freeBytes();
  if (free === null) return;
  const { links: _links, diagnostics: _diagnostics, ...rows } = plan;
  const needed = 4 * Buffer.byteLength(JSON.stringify(rows)) + 2 * Buffer.byteLength(text) + WRITE_HEADROOM_BYTES;
  if (free >= needed) return;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  throw new ServiceUnavailableError(`${file}: not loaded — the graph database's disk has ${mb(free)} free and this document needs about ${mb(needed)} (with headroom for Neo4j's logs); free space there and load it again. Nothing was written.`, { reason: 'DISK_FULL', file, freeBytes: free, neededBytes: needed });
}

/** Removes a document and what only it held; the graph is as if it had never been loaded. */
export async function removeDocument(runner: QueryRunner, file: string): Promise<boolean> {
  return runner.writeTransaction(async (_tx, run) => {
    const res = await run('load-delete-document', { file });
    if (res.summary.counters.updates().nodesDeleted === 0) return false;
    await run('load-collect-orphans');
    await run('load-refresh-codes', { keys: null });
    return true;
  });
}

/**
 * Derived properties a graph written by an older version lacks (each project's all-years total):
 * computed once at start-up. Returns how many projects needed it.
 */
export async function backfillDerived(runner: QueryRunner): Promise<number> {
  const res = await runner.read('projects-without-totals');
  const n = Number(res.records[0]?.get('n') ?? 0);
  if (n > 0) await runner.write('load-refresh-project-totals', { ids: null });
  return n;
}

// Loads one document into Neo4j in ONE write transaction: it is all there or not at all.
// Re-loading an unchanged file is a no-op (content hash); a changed file replaces its facts.
import neo4j from 'neo4j-driver';
import type { ParamsArg, QueryRunner, RunStatement } from '../db/run.js';
import { textOrNullField, textsField } from '../db/record-fields.js';
import type { StatementName, StatementParams, StatementReading } from '../db/statements.generated.js';
import { documentText, parseDocument } from '../parse/index.js';
import type { Diagnostic, ParsedDocument } from '../parse/records.js';
import { loaderFingerprint } from './fingerprint.js';
import { BudgetGraphError, ServiceUnavailableError } from '../errors.js';
import { expectedTallies, parityDifferences, readDigest, type ReadDigest } from './parity.js';
import { buildPlan, contentHash, planBytes, type LoadPlan } from './plan.js';
import { sameAsLinks, type NamedProject } from './same-as.js';
import { pushTo } from '../multimap.js';
import { refuseOversizedPlan, refuseOversizedRecords, refuseOversizedText } from './document-caps.js';
import { refuseFileName } from './file-name.js';
import { placesJson } from './places.js';
import { backfillLinkKeys } from './link-keys.js';
import type { LinePlace } from '../source/index.js';
import { phaseRecorder, since, timed } from './phases.js';
import { PROJECT } from '../model/kinds/project.js';
import { storedValuesOf } from './plan/stored.js';
import { allocationSent, lineSent, listingSent, proseAmountSent } from './sent-rows.js';
import { resampleIndexes } from './index-statistics.js';

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
  /** Created by the write transaction that wrote the document: its own alone, a batch's in all when `writtenWith` > 1. */
  nodesCreated: number;
  relationshipsCreated: number;
  /**
   * How many documents that write transaction wrote: 1 alone, more in a batch (loadParsedBatch:
   * each statement writes every document's rows at once, so Neo4j counts what it created for
   * the batch, not for each document); 0 when nothing was written.
   */
  writtenWith: number;
  ms: number;
  plan: LoadPlan | null;
  /** Other files of the same department, year and kind this load superseded (replace: true). */
  replacedFiles: string[];
  /** Parse/graph parity differences (record kind, count, fen sums); empty when every fact arrived. */
  parity: string[];
  /** What the reader said about reading it (stored with the document: Document.diagnostics). */
  diagnostics: ReadDiagnostic[];
}

export interface LoadOptions {
  dryRun?: boolean;
  /** Supersede a document already loaded for the same department, year and kind. */
  replace?: boolean;
  /** Tests only: throw after this statement ran, to prove the transaction rolls back. */
  failAfter?: string;
  /** Tests only: with failAfter, only this file's load throws (a bad document inside a batch). */
  failIn?: string;
  /**
   * loadFiles: false to return no reports, each having gone to its caller's onEach (the CLI and the
   * start-up load): a report holds its document's whole plan, and a folder of 100,000 documents
   * would hold 100,000 plans until the end (Node's peak RSS grew with the corpus, #41 item 3).
   */
  keepReports?: boolean;
}

/** What a statement (or its slices) created, summed into the load's report. */
interface Written {
  nodesCreated: number;
  relationshipsCreated: number;
}

/** One statement of a document's load (or one slice of its rows), typed by its name (src/db/statements.generated.ts). */
interface LoadStep {
  name: StatementName;
  run: (run: RunStatement) => Promise<Written>;
}

function step<N extends StatementName>(name: N, params: StatementParams<N>): LoadStep {
  return {
    name,
    run: async (run) => {
      // Cast kept: ParamsArg<N> is a conditional type over a generic N, which TypeScript does not
      // resolve; `params` is StatementParams<N>, exactly what ParamsArg<N> holds for every N.
      const { nodesCreated, relationshipsCreated } = (await run(name, ...([params] as ParamsArg<N>))).summary.counters.updates();
      return { nodesCreated, relationshipsCreated };
    },
  };
}

/** Runs steps one after another and sums what they created. */
async function runSteps(run: RunStatement, steps: LoadStep[]): Promise<Written> {
  const total = { nodesCreated: 0, relationshipsCreated: 0 };
  for (const s of steps) {
    const w = await s.run(run);
    total.nodesCreated += w.nodesCreated;
    total.relationshipsCreated += w.relationshipsCreated;
  }
  return total;
}

/**
 * Runs the steps in their order in the transaction, each sent without waiting for the answer to
 * the one before: the driver queues them on the connection and Neo4j runs them one after another,
 * so Node packs the next statement's rows while the server runs this one, and the server never
 * waits a round trip between two (a batch's ~22 statements were ~22 waits). A step that must read
 * before it writes (load-same-as) sends its read in turn and its writes when the read is back;
 * nothing after it in `steps` depends on them. The first failure fails the transaction, which
 * rolls back whole; every later statement's rejection is awaited here, none left unhandled.
 * `failAfter` (tests): throws once that step has run, the later ones already sent.
 */
async function sentTogether(run: RunStatement, steps: readonly LoadStep[], failAfter?: string): Promise<Written> {
  const sending = steps.map((s) => s.run(run));
  const total = { nodesCreated: 0, relationshipsCreated: 0 };
  await settledInOrder(sending, (w, k) => {
    total.nodesCreated += w.nodesCreated;
    total.relationshipsCreated += w.relationshipsCreated;
    if (steps[k]?.name === failAfter) throw new Error(`injected failure after ${failAfter}`);
  });
  return total;
}

/**
 * Awaits promises sent together in their order, handing each value to `each`; the first rejection
 * in that order (or throw of `each`) is thrown once every other has settled. Each promise is
 * given its handler at once, not when its turn comes: a later statement failing on this side
 * (a value the driver cannot pack) before an earlier one is answered would otherwise be an
 * unhandled rejection, which ends the process.
 */
export async function settledInOrder<T>(sent: readonly Promise<T>[], each: (value: T, k: number) => void = () => undefined): Promise<void> {
  const outcomes = await Promise.all(sent.map((p) => p.then((value) => ({ value }), (error: unknown) => ({ error }))));
  let failure: { error: unknown } | null = null;
  for (const [k, outcome] of outcomes.entries()) {
    if (failure) break;
    if ('error' in outcome) failure = { error: outcome.error };
    else {
      try {
        each(outcome.value, k);
      } catch (error) {
        failure = { error };
      }
    }
  }
  if (failure) throw failure.error;
}

/**
 * The most rows one statement run carries. A document's rows go in slices of this many, every
 * slice in the document's one transaction (a reader sees all of it or none): no statement's
 * parameters, nor the memory Neo4j needs to plan and run it, grow with the document. (A batch's
 * statements are all handed to the driver at once, sentTogether: their packing holds the event
 * loop for the batch's rows, bounded by the batch's row limit, a few MB.) 2,000
 * rows are a few hundred KB; a document within the caps (src/load/document-caps.ts) sends at
 * most a few dozen slices.
 */
export const WRITE_SLICE_ROWS = 2_000;

/** `rows` in slices of at most `size`; none for no rows (an UNWIND of nothing writes nothing). */
export function slices<T>(rows: readonly T[], size = WRITE_SLICE_ROWS): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < rows.length; at += size) out.push(rows.slice(at, at + size));
  return out;
}

/** A statement that UNWINDs `$rows`, once per slice of them, with the same other parameters. */
function sliced<N extends StatementReading<'rows'>>(name: N, rows: readonly unknown[], params: Omit<StatementParams<N>, 'rows'>): LoadStep[] {
  // Cast kept: for a generic N, TypeScript cannot see Omit<P, 'rows'> & { rows } as P again.
  return slices(rows).map((slice) => step(name, { ...params, rows: slice } as StatementParams<N>));
}

/** One document's share of a statement that writes many documents' rows ($docs: cypher/load-lines.cypher and the like). */
export interface DocumentRows<T = unknown> {
  documentId: unknown;
  departmentId?: unknown;
  rows: readonly T[];
}

/**
 * Every document's rows in runs of at most `size` rows in all: a document's rows stay under its
 * id (cut across two runs when they do not fit), so one run writes many documents' rows and each
 * row still knows its document. A document without rows is left out (it writes nothing).
 */
export function groupedSlices<T>(groups: readonly DocumentRows<T>[], size = WRITE_SLICE_ROWS): DocumentRows<T>[][] {
  const out: DocumentRows<T>[][] = [];
  let run: DocumentRows<T>[] = [];
  let room = size;
  for (const g of groups) {
    for (let at = 0; at < g.rows.length; ) {
      const take = Math.min(room, g.rows.length - at);
      run.push({ ...g, rows: g.rows.slice(at, at + take) });
      at += take;
      room -= take;
      if (room === 0) {
        out.push(run);
        run = [];
        room = size;
      }
    }
  }
  if (run.length) out.push(run);
  return out;
}

/** A statement that UNWINDs `$docs` (each document's id and rows), once per run of groupedSlices. */
function grouped<N extends StatementReading<'docs'>>(name: N, groups: readonly DocumentRows[]): LoadStep[] {
  // Cast kept: N reads `docs` (StatementReading<'docs'>) and, for the load statements given here,
  // nothing else; for a generic N TypeScript cannot see { docs } as all of StatementParams<N>.
  return groupedSlices(groups).map((docs) => step(name, { docs } as StatementParams<N>));
}

/**
 * The text's lines, the diagnostics and the lines' places as stored
 * (cypher/load-document-text.cypher): each diagnostic one JSON object with the text of its line,
 * as the document view shows it; each place one JSON object (page, boxes: src/load/places.ts),
 * null for a source without pages. The text is the redacted one, so none carries personal data.
 */
export function textAndDiagnostics(text: string, diagnostics: readonly Diagnostic[], places: readonly LinePlace[] | null = null): { lines: string[]; diagnostics: string[]; places: string[] | null } {
  const { lines, read, places: stored } = storedText(text, diagnostics, places);
  return { lines, diagnostics: read.map((d) => JSON.stringify(d)), places: stored };
}

function storedText(text: string, diagnostics: readonly Diagnostic[], places: readonly LinePlace[] | null): { lines: string[]; read: ReadDiagnostic[]; places: string[] | null } {
  const lines = text.split(/\r?\n/);
  const stored = placesJson(places, lines.length);
  // Places that do not line up with the text line for line are not stored: said, never guessed.
  const said = places?.length && !stored ? [...diagnostics, placesDropped(places.length, lines.length)] : diagnostics;
  return { lines, read: withLineText(lines, said), places: stored };
}

function placesDropped(places: number, lines: number): Diagnostic {
  return { level: 'WARNING', code: 'PLACES_NOT_STORED', line: 1, message: `the source placed ${places} lines but the text has ${lines}; no line's page or box is stored for this document (its facts keep their line numbers)` };
}

/** A diagnostic with the text of its line, as stored, served and reported. */
export interface ReadDiagnostic {
  level: Diagnostic['level'];
  code: string;
  message: string;
  line: number;
  text: string | null;
  original: string | null;
}

function withLineText(lines: readonly string[], diagnostics: readonly Diagnostic[]): ReadDiagnostic[] {
  return diagnostics.map((d) => ({ level: d.level, code: d.code, message: d.message, line: d.line, text: lines[d.line - 1] ?? null, original: d.original ?? null }));
}

/** One document of a write transaction: its plan and its text as stored. */
interface DocumentWrite {
  plan: LoadPlan;
  stored: ReturnType<typeof storedText>;
}

/**
 * The most text lines one load-document-text run carries (lines, diagnostics and places of many
 * documents; one document's text is never cut: it is one node).
 */
export const TEXT_SLICE_LINES = 10_000;

/** The documents in runs whose texts hold at most TEXT_SLICE_LINES lines (a longer text alone). */
function textRuns<T extends { lines: readonly string[] }>(texts: readonly T[]): T[][] {
  const out: T[][] = [];
  let run: T[] = [];
  let lines = 0;
  for (const t of texts) {
    if (run.length && lines + t.lines.length > TEXT_SLICE_LINES) {
      out.push(run);
      run = [];
      lines = 0;
    }
    run.push(t);
    lines += t.lines.length;
  }
  if (run.length) out.push(run);
  return out;
}

/**
 * The statements of a write transaction, in order, each run once for every document of it with
 * all their rows (`$docs`, each row under its document's id) or, for rows that carry their own
 * keys, with the documents' rows one after another: a batch of 32 documents costs about as many
 * statements as one. Rows go in document order, so what a MERGE keeps of the first row that
 * created a node (a code's or a project's first name) is what one document after another keeps.
 */
function statements(docs: readonly DocumentWrite[], loaderVersion: string): LoadStep[] {
  const plans = docs.map((d) => d.plan);
  const of = <T>(rows: (plan: LoadPlan) => readonly T[], withDepartment = false): DocumentRows[] =>
    plans.map((plan) => ({ documentId: plan.documentId, ...(withDepartment ? { departmentId: plan.department.id } : {}), rows: rows(plan) }));
  const all = <T>(rows: (plan: LoadPlan) => readonly T[]): T[] => plans.flatMap((plan) => rows(plan));
  const texts = docs.map(({ plan, stored }) => ({ documentId: plan.documentId, lines: stored.lines, diagnostics: stored.read.map((d) => JSON.stringify(d)), places: stored.places }));
  return [
    // The loader's version is stored with the document: a new parser reloads unchanged files.
    ...slices(plans.map((plan) => ({ document: { ...plan.document, loaderVersion }, department: plan.department }))).map((rows) => step('load-document', { docs: rows })),
    // Line numbers are the parser's: the same split. A few properties of one node per document:
    // their size is bounded by the caps on characters, lines and cells.
    ...textRuns(texts).map((run) => step('load-document-text', { docs: run })),
    ...grouped('load-units', of((p) => p.units, true)),
    // Needs every unit of a document at once, so it follows the slices (ids only).
    ...slices(plans.map((plan) => ({ documentId: plan.documentId, unitIds: plan.units.map((u) => u.id) }))).map((rows) => step('load-units-prune', { docs: rows })),
    // Each code once a batch: its first row (a later row of the same key only finds the node the
    // first created, with the same parent), so 32 documents send their few dozen codes, not ~590 rows.
    ...sliced('load-codes', firstOfEachKey(all((p) => p.codes), (c) => `${String(c.label)}:${String(c.code)}`), {}),
    // Lines, allocations, listings and prose amounts: the values their nodes store apart from what the
    // statement reads (sent-rows.ts).
    ...grouped('load-lines', of((p) => p.lines.map(lineSent))),
    ...grouped('load-allocations', of((p) => p.allocations.map(allocationWrite), true)),
    ...sliced('load-listings', all((p) => p.listings.map(listingSent)), {}),
    ...sliced('load-code-links', all((p) => p.codeLinks), {}),
    ...grouped('load-investments', of((p) => p.investments)),
    ...sliced('load-investment-links', all((p) => p.investmentLinks), {}),
    ...sliced('load-investment-reports', all((p) => p.investmentReports), {}),
    ...grouped('load-indicators', of((p) => p.indicators)),
    ...grouped('load-evaluations', of((p) => p.evaluations)),
    ...grouped('load-three-costs', of((p) => p.threeCosts)),
    ...grouped('load-table-totals', of((p) => p.tableTotals)),
    ...grouped('load-figures', of((p) => p.figures)),
    ...grouped('load-prose-amounts', of((p) => p.proseAmounts.map(proseAmountSent))),
    ...grouped('load-payments', of((p) => p.payments)),
    ...grouped('load-anomalies', of((p) => p.anomalies)),
    { name: 'load-same-as', run: (run) => writeSameAs(run, plans) },
  ];
}

/** The first row of each key, in order: what a MERGE that sets values only ON CREATE keeps of them all. */
export function firstOfEachKey<T>(rows: readonly T[], keyOf: (row: T) => string): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = keyOf(row);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Project properties the statement gathers over every allocation instead of taking from the row
 * that creates the node: `names` is each name printed, added as documents come (load-allocations.cypher).
 */
const GATHERED_PROJECT_PROPERTIES: ReadonlySet<string> = new Set(['names']);

/**
 * The Project node's values an allocation row brings when it creates the node, one for each
 * property the declaration (src/model/kinds/project.ts) names but the gathered ones, taken from the
 * row's value of the same name (the first printed name, the normalised name): a property
 * added to the declaration is written by cypher/load-allocations.cypher (`SET p += project`) with
 * no edit there, and a row that lacks it stops the load naming it (Project.x), never stores null.
 */
export function projectNodeValues(row: object): Record<string, unknown> {
  return storedValuesOf(PROJECT_SET_ON_CREATE, (name) => Reflect.get(row, name));
}

/** Project's declaration without the gathered properties: what its node takes from the row that creates it. */
const PROJECT_SET_ON_CREATE = { ...PROJECT, properties: Object.fromEntries(Object.entries(PROJECT.properties).filter(([name]) => !GATHERED_PROJECT_PROPERTIES.has(name))) };

/** An allocation row as load-allocations.cypher takes it: its values, and those of its project's node. */
function allocationWrite(row: LoadPlan['allocations'][number]) {
  return allocationSent(row, projectNodeValues(row));
}

/**
 * SAME_AS once per department of the transaction, after every document's projects are in: the
 * projects its documents brought against every project of the department. The links are those of
 * one document after another — a pair is linked when one of it came with a document of the
 * transaction, and a pair of two of them is found the same whichever came first.
 */
async function writeSameAs(run: RunStatement, plans: readonly LoadPlan[]): Promise<Written> {
  const mine = new Map<string, Map<string, NamedProject>>();
  for (const plan of plans) {
    const id = String(plan.department.id);
    let projects = mine.get(id);
    if (!projects) mine.set(id, (projects = new Map()));
    for (const a of plan.allocations) if (!projects.has(String(a.projectId))) projects.set(String(a.projectId), { id: String(a.projectId), normName: String(a.normName) });
  }
  const names = await run('load-department-project-names', { departmentIds: [...mine.keys()] });
  const all = new Map<string, NamedProject[]>();
  for (const r of names.records) pushTo(all, String(r.get('departmentId')), { id: String(r.get('id')), normName: String(r.get('normName')) });
  const links = [...mine.entries()].flatMap(([department, projects]) => sameAsLinks([...projects.values()], all.get(department) ?? []));
  return runSteps(run, sliced('load-same-as', links, {}));
}

export async function loadDocument(runner: QueryRunner, file: string, text: string, options: LoadOptions = {}): Promise<LoadReport> {
  const started = Date.now();
  refuseFileName(file);
  refuseOversizedText(text, file);
  const doc = parseDocument(text, file); // throws BadDocumentError before anything is written
  return loadParsed(runner, file, text, doc, options, started);
}

/**
 * Writes an already parsed document (the API parses in a worker thread). Refuses a second
 * document for the same department, year and kind unless `replace` says it supersedes the first.
 * `doc`: the parsed document, or its digest when the parse worker planned it (`prepared`).
 */
export async function loadParsed(runner: QueryRunner, file: string, input: string, doc: ParsedDocument | ReadDigest, options: LoadOptions = {}, started = Date.now(), prepared?: Prepared): Promise<LoadReport> {
  const planned = prepared?.plan;
  const prepareStarted = performance.now();
  refuseFileName(file);
  // Stored, hashed and planned from the text the parser read: personal data already redacted.
  // The parse worker redacted it already (parse-off-thread.ts): not again on the request thread.
  const text = prepared?.text ?? documentText(input, file);
  // The parse worker plans too (parse-off-thread.ts): then only the writes happen here.
  const plan = planned ?? plannedHere(doc, file, text);
  const rows = planRows(plan);
  refuseOversizedPlan(file, rows.lines, rows.total);
  const read = readDigest(doc);
  const records = read.records;
  const stored = storedText(text, plan.diagnostics, prepared?.places ?? null);
  const diagnostics = stored.read;
  since(planned ? 'main: prepare (rows counted, text split)' : 'main: plan and prepare', prepareStarted);
  if (options.dryRun) return { file, status: 'DRY_RUN', records, nodesCreated: 0, relationshipsCreated: 0, writtenWith: 0, ms: Date.now() - started, plan, replacedFiles: [], parity: [], diagnostics };

  const prof = phaseRecorder();
  if (prof) prof.reads += 2;
  const existing = await timed('main: read stored hash', () => runner.read('load-document-hash', { file }));
  const stored0 = existing.records[0];
  const storedHash = stored0 ? textOrNullField(stored0, 'contentHash') : null;
  const storedLoader = stored0 ? textOrNullField(stored0, 'loaderVersion') : null;
  const loaderVersion = loaderFingerprint();
  if (storedHash === contentHash(text) && storedLoader === loaderVersion) return { file, status: 'UNCHANGED', records, nodesCreated: 0, relationshipsCreated: 0, writtenWith: 0, ms: Date.now() - started, plan, replacedFiles: [], parity: [], diagnostics };

  const rivals = (await timed('main: read rivals', () => runner.read('load-documents-same-slot', { departmentId: plan.department.id, year: plan.document.year, kinds: plan.document.kinds, unit: plan.document.unitPrinted, file }))).records.map((r) => String(r.get('file')));
  if (rivals.length && !options.replace) {
    throw new BudgetGraphError('CONFLICT', `${file}: the graph already holds ${rivals.join(', ')} for ${plan.department.name}, ${read.year}, ${plan.document.kinds.join('/')}; remove it first or load this one with replace: true to supersede it.`, { file, conflictsWith: rivals });
  }

  // The places are stored beside the text (a few bytes a cell): counted with the plan's rows.
  refuseWithoutRoom(runner, file, text, () => (prepared?.planBytes ?? planBytes(plan)) + (stored.places ?? []).reduce((n, p) => n + p.length, 0));

  let nodesCreated = 0;
  let relationshipsCreated = 0;
  let parity: string[] = [];
  const txStarted = performance.now();
  let inside = 0;
  if (prof) prof.transactions++;
  await runner.writeTransaction(async (_tx, untimed) => {
    const insideStarted = performance.now();
    const run = counted(untimed);
    await retireReplaced(run, file, rivals, Boolean(storedHash));
    for (const { name, run: runStep } of statements([{ plan, stored }], loaderVersion)) {
      const written = await timed(`write: ${name}`, () => runStep(run));
      nodesCreated += written.nodesCreated;
      relationshipsCreated += written.relationshipsCreated;
      if (options.failAfter === name && (options.failIn === undefined || options.failIn === file)) throw new Error(`injected failure after ${name}`);
    }
    let at = performance.now();
    // A new document only adds names: the codes whose names it can change (load-refresh-codes-changed);
    // a replacement may take names away, so every code it touches is derived again.
    if (storedHash || rivals.length) for (const keys of slices(plan.codes.map((c) => `${String(c.label)}:${String(c.code)}`))) await run('load-refresh-codes', { keys });
    else for (const rows of slices(codeNamesBrought([plan]))) await run('load-refresh-codes-changed', { rows });
    for (const ids of slices([...new Set(plan.allocations.map((a) => String(a.projectId)))])) await run('load-refresh-project-totals', { ids });
    since('inference: stored totals (codes, project totals)', at);
    at = performance.now();
    if (storedHash || rivals.length) await deleteRetired(run);
    since('inference: retire and collect orphans', at);
    at = performance.now();
    const held = await run('load-parity', { documentId: plan.documentId });
    since('parity', at);
    inside = performance.now() - insideStarted;
    parity = parityDifferences(
      expectedTallies(read, plan, stored.places?.length ?? 0),
      held.records.map((r) => ({ kind: String(r.get('kind')), n: Number(r.get('n')), sums: textsField(r, 'sums') })),
    );
  });
  if (prof) prof.add('write: commit and write counts', performance.now() - txStarted - inside);
  return { file, status: storedHash || rivals.length ? 'REPLACED' : 'LOADED', records, nodesCreated, relationshipsCreated, writtenWith: 1, ms: Date.now() - started, plan, replacedFiles: rivals, parity, diagnostics };
}

/** A document parsed by the caller, planned here; the parse worker refused an oversized one already, a caller's is checked here. */
function plannedHere(doc: ParsedDocument | ReadDigest, file: string, text: string): LoadPlan {
  if ('digest' in doc) throw new Error(`${file}: a document's digest comes with its plan (parse-off-thread.ts readOffThread)`);
  refuseOversizedRecords(doc, file);
  return buildPlan(doc, text);
}

/** "N nodes, M relationships" a report's transaction created, saying so when it wrote other documents too. */
export function writtenSummary(r: Pick<LoadReport, 'nodesCreated' | 'relationshipsCreated' | 'writtenWith'>): string {
  const counts = `${r.nodesCreated} nodes, ${r.relationshipsCreated} relationships`;
  return r.writtenWith > 1 ? `${counts} created by its transaction of ${r.writtenWith} documents` : counts;
}

/** One document of a batch (loadParsedBatch), read and planned by the parse worker. */
export interface BatchDocument<D extends ParsedDocument | ReadDigest = ParsedDocument | ReadDigest> {
  file: string;
  /** Its digest from the parse worker (a load from files), or the document as parsed. */
  doc: D;
  prepared: Prepared;
  /** When its load began (Date.now()), for its report's ms. */
  started: number;
}

/** What became of one document of a batch: its report, or the error that refused it. */
export type BatchOutcome = { report: LoadReport; error?: undefined } | { error: unknown; report?: undefined };

/**
 * Loads many parsed documents (issue 41): new documents of distinct slots are written together
 * in ONE write transaction — the same statements as loadParsed's, document after document, then
 * the stored totals of every code and project the batch touched and the parity of every document
 * in one statement each — with one read of the stored hashes and one of the rivals for the batch.
 * Atomic per document all the same: if the batch's transaction fails, it rolls back whole and its
 * documents are loaded again one by one (loadParsed), so a bad document fails alone and the graph
 * holds nothing of it. A document that replaces another (a reload, a rival) or shares its slot or
 * file with an earlier one of the batch is loaded alone after the batch, as loadParsed decides.
 * Outcomes in the order of `items`.
 */
export async function loadParsedBatch(runner: QueryRunner, items: readonly BatchDocument[], options: LoadOptions = {}): Promise<BatchOutcome[]> {
  const only = items.length === 1 ? items[0] : undefined;
  if (only) {
    const item = only;
    try {
      return [{ report: await loadParsed(runner, item.file, item.prepared.text, item.doc, options, item.started, item.prepared) }];
    } catch (error) {
      return [{ error }];
    }
  }
  const out: (BatchOutcome | undefined)[] = new Array(items.length);
  const alone: number[] = [];
  type Ready = { i: number; item: BatchDocument; plan: LoadPlan; text: string; stored: ReturnType<typeof storedText>; records: number };
  const ready: Ready[] = [];
  for (const [i, item] of items.entries()) {
    const prepareStarted = performance.now();
    try {
      refuseFileName(item.file);
      const plan = item.prepared.plan;
      const rows = planRows(plan);
      refuseOversizedPlan(item.file, rows.lines, rows.total);
      const stored = storedText(item.prepared.text, plan.diagnostics, item.prepared.places ?? null);
      ready.push({ i, item, plan, text: item.prepared.text, stored, records: readDigest(item.doc).records });
    } catch (error) {
      out[i] = { error };
    }
    since('main: prepare (rows counted, text split)', prepareStarted);
  }
  const report = (r: Ready, status: LoadReport['status'], written: Written = { nodesCreated: 0, relationshipsCreated: 0 }, parity: string[] = [], writtenWith = 0): LoadReport => ({
    file: r.item.file,
    status,
    records: r.records,
    ...written,
    writtenWith,
    ms: Date.now() - r.item.started,
    plan: r.plan,
    replacedFiles: [],
    parity,
    diagnostics: r.stored.read,
  });
  if (options.dryRun) {
    for (const r of ready) out[r.i] = { report: report(r, 'DRY_RUN') };
    return everyOutcome(out);
  }

  const prof = phaseRecorder();
  const loaderVersion = loaderFingerprint();
  let fresh: Ready[] = [];
  if (ready.length) {
    if (prof) prof.reads += 2;
    const held = await timed('main: read stored hashes (batch)', () => runner.read('load-documents-hash', { files: ready.map((r) => r.item.file) }));
    const storedOf = new Map(held.records.map((rec) => [String(rec.get('file')), { hash: textOrNullField(rec, 'contentHash'), loader: textOrNullField(rec, 'loaderVersion') }]));
    const slotted: Ready[] = [];
    for (const r of ready) {
      const was = storedOf.get(r.item.file);
      if (!was) slotted.push(r);
      else if (was.hash === contentHash(r.text) && was.loader === loaderVersion) out[r.i] = { report: report(r, 'UNCHANGED') };
      else alone.push(r.i); // a reload replaces its own copy: loadParsed's way
    }
    const slots = slotted.map((r) => ({ r, slot: { file: r.item.file, departmentId: r.plan.department.id, year: r.plan.document.year, kinds: r.plan.document.kinds, unit: r.plan.document.unitPrinted } }));
    const rivals = new Set(slots.length ? (await timed('main: read rivals (batch)', () => runner.read('load-documents-same-slot-many', { slots: slots.map((s) => s.slot) }))).records.map((rec) => String(rec.get('of'))) : []);
    // Two documents of the batch in one slot (or one file twice): the later goes alone, after.
    const taken: (typeof slots)[number]['slot'][] = [];
    for (const { r, slot } of slots) {
      // One slot: department, year, a kind shared and the same unit printed (load-documents-same-slot.cypher).
      const clash = taken.some((t) => t.file === slot.file || (t.departmentId === slot.departmentId && sameValue(t.year, slot.year) && t.kinds.some((x) => slot.kinds.includes(x)) && (t.unit ?? '') === (slot.unit ?? '')));
      if (rivals.has(r.item.file) || clash) alone.push(r.i);
      else {
        taken.push(slot);
        fresh.push(r);
      }
    }
    // Room on the disk: a document refused for it is refused alone.
    fresh = fresh.filter((r) => {
      try {
        refuseWithoutRoom(runner, r.item.file, r.text, () => r.item.prepared.planBytes + (r.stored.places ?? []).reduce((n, p) => n + p.length, 0));
        return true;
      } catch (error) {
        out[r.i] = { error };
        return false;
      }
    });
  }

  // Room for the batch as a whole, or its documents go one by one (each checked as it goes).
  const free = runner.freeBytes();
  if (free !== null && fresh.length > 1) {
    const needed = fresh.reduce((n, r) => n + 4 * (r.item.prepared.planBytes + (r.stored.places ?? []).reduce((m, p) => m + p.length, 0)) + 2 * Buffer.byteLength(r.text), WRITE_HEADROOM_BYTES);
    if (free < needed) {
      alone.push(...fresh.map((r) => r.i));
      fresh = [];
    }
  }
  const [first] = fresh;
  if (fresh.length === 1 && first) alone.push(first.i);
  else if (fresh.length > 1) {
    try {
      const results = await writeBatch(runner, fresh, loaderVersion, options);
      for (const { of: r, written, parity } of results) out[r.i] = { report: report(r, 'LOADED', written, parity, fresh.length) };
    } catch {
      // Rolled back whole: each document again on its own, so only a bad one fails.
      if (prof) prof.add('batch rolled back', 0);
      alone.push(...fresh.map((r) => r.i));
    }
  }
  for (const i of alone.sort((a, b) => a - b)) {
    const item = items[i]!;
    try {
      out[i] = { report: await loadParsed(runner, item.file, item.prepared.text, item.doc, options, item.started, item.prepared) };
    } catch (error) {
      out[i] = { error };
    }
  }
  return everyOutcome(out);
}

/** The outcomes in order, each index filled: a hole is the loader's own fault, said, never left undefined. */
function everyOutcome(out: readonly (BatchOutcome | undefined)[]): BatchOutcome[] {
  return Array.from({ length: out.length }, (_, i) => out[i] ?? { error: new BudgetGraphError('INTERNAL', `the batch load left document ${i + 1} of ${out.length} without an outcome`) });
}

/** Equal as plan values (a year is a neo4j Integer or null). */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && String(a) === String(b));
}

/** The batch's one transaction: each document's statements, then the totals and parity of all. */
async function writeBatch<B extends { item: BatchDocument; plan: LoadPlan; stored: ReturnType<typeof storedText> }>(
  runner: QueryRunner,
  batch: readonly B[],
  loaderVersion: string,
  options: LoadOptions,
): Promise<{ of: B; written: Written; parity: string[] }[]> {
  const prof = phaseRecorder();
  const txStarted = performance.now();
  let inside = 0;
  if (prof) prof.transactions++;
  const results = await runner.writeTransaction(async (_tx, untimed) => {
    const insideStarted = performance.now();
    const run = counted(untimed);
    const failing = options.failAfter !== undefined && (options.failIn === undefined || batch.some((b) => b.item.file === options.failIn)) ? options.failAfter : undefined;
    let at = performance.now();
    const written = await sentTogether(run, statements(batch, loaderVersion), failing);
    since('write: the statements (sent together)', at);
    // Stored totals once for everything the batch touched: the same values as after each document.
    at = performance.now();
    const projects = new Set<string>();
    for (const { plan } of batch) for (const a of plan.allocations) projects.add(String(a.projectId));
    const refreshed = [
      ...slices(codeNamesBrought(batch.map((b) => b.plan))).map((rows) => run('load-refresh-codes-changed', { rows })),
      ...slices([...projects]).map((ids) => run('load-refresh-project-totals', { ids })),
    ];
    const parityRead = run('load-parity-many', { documentIds: batch.map((b) => b.plan.documentId) });
    await settledInOrder([...refreshed, parityRead]);
    since('inference: stored totals (codes, project totals) and parity read', at);
    at = performance.now();
    const held = await parityRead;
    const tallies = new Map<string, { kind: string; n: number; sums: string[] }[]>();
    for (const r of held.records) {
      const id = String(r.get('documentId'));
      const list = tallies.get(id) ?? [];
      list.push({ kind: String(r.get('kind')), n: Number(r.get('n')), sums: textsField(r, 'sums') });
      tallies.set(id, list);
    }
    // Each document of the batch with what the transaction wrote and its own parity.
    const outcomes = batch.map((b) => ({ of: b, written, parity: parityDifferences(expectedTallies(b.item.doc, b.plan, b.stored.places?.length ?? 0), tallies.get(String(b.plan.documentId)) ?? []) }));
    since('parity', at);
    inside = performance.now() - insideStarted;
    return outcomes;
  });
  if (prof) prof.add('write: commit and write counts', performance.now() - txStarted - inside);
  return results;
}

/**
 * Each code a batch touched, with the "year:name" pairs its lines print (as code-names-set lists
 * them in namesByYear) and whether a line of a document without a year names it: what
 * cypher/load-refresh-codes-changed.cypher needs to tell whether the code's names can change.
 */
export function codeNamesBrought(plans: readonly LoadPlan[]): { key: string; names: string[]; nullYear: boolean }[] {
  const byKey = new Map<string, { names: Set<string>; nullYear: boolean }>();
  const entry = (key: string) => {
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { names: new Set(), nullYear: false }));
    return e;
  };
  for (const plan of plans) {
    for (const c of plan.codes) entry(`${String(c.label)}:${String(c.code)}`);
    const year = plan.document.year;
    for (const line of plan.lines) {
      const e = entry(`${String(line.label)}:${String(line.code)}`);
      if (line.name === null || line.name === undefined) continue;
      if (year === null || year === undefined) e.nullYear = true;
      else e.names.add(`${String(year)}:${String(line.name)}`);
    }
  }
  return [...byKey.entries()].map(([key, e]) => ({ key, names: [...e.names], nullYear: e.nullYear }));
}

/** `run`, counting each statement by name when a phase recorder is installed (src/load/phases.ts). */
function counted(run: RunStatement): RunStatement {
  const prof = phaseRecorder();
  if (!prof) return run;
  return (name, ...args) => {
    prof.statement(name, rowsSent(args[0]));
    prof.sent();
    const answer = run(name, ...args);
    // Answered when its answer or its failure comes: how many statements are on their way at once.
    answer.then(
      () => prof.answered(),
      () => prof.answered(),
    );
    return answer;
  };
}

/** The rows a statement's parameters carry: `$rows`, or each document's under `$docs`; 0 for neither. */
function rowsSent(params: unknown): number {
  if (params === null || typeof params !== 'object') return 0;
  const rows: unknown = Reflect.get(params, 'rows');
  if (Array.isArray(rows)) return rows.length;
  const docs: unknown = Reflect.get(params, 'docs');
  if (!Array.isArray(docs)) return 0;
  let n = 0;
  for (const d of docs) {
    const mine: unknown = d !== null && typeof d === 'object' ? Reflect.get(d, 'rows') : undefined;
    n += Array.isArray(mine) ? mine.length : 1;
  }
  return n;
}

/** How many rows a plan writes, and the source line of each that has one (for the records cap). */
export function planRows(plan: LoadPlan): { total: number; lines: number[] } {
  const { links: _links, diagnostics: _diagnostics, ...parts } = plan;
  let total = 0;
  const lines: number[] = [];
  for (const part of Object.values(parts)) {
    if (!Array.isArray(part)) continue;
    total += part.length;
    for (const row of part) {
      const at = srcLineOf(row);
      if (at !== null) lines.push(at);
    }
  }
  return { total, lines };
}

/** A row's source line (a neo4j Integer in a plan), or null for a row without one. */
function srcLineOf(row: unknown): number | null {
  if (row === null || typeof row !== 'object' || !('srcLine' in row)) return null;
  const at = row.srcLine;
  return typeof at === 'number' ? at : neo4j.isInt(at) ? at.toNumber() : null;
}

/**
 * Takes out what a load replaces: the other files of the same slot (`rivals`) whole, and the
 * file's own earlier copy (`reloaded`) but for its Document node, department, units and projects,
 * which stay for the new facts to MERGE onto, so nothing a reader looks up is deleted and created
 * again. Retired, not deleted: they lose their relationships and labels (their ids and keys are
 * free for the new copy at once) and are deleted at the end of the same transaction
 * (deleteRetired). Once a transaction has deleted nodes, Neo4j 5.26 gathers every node it
 * deleted into a set on each index look-up that follows (DefaultNodeValueIndexCursor.removed),
 * so every MERGE or MATCH by key costs as much as the deletions: deleting first made replacing
 * a document quadratic (a table of 2,000 rows that do not add up took 11 s, 4,000 rows 40 s,
 * 6,000 rows 87 s; 20,000 look-ups after 20,000 deletions 16.6 s, after retiring them 0.6 s).
 */
async function retireReplaced(run: RunStatement, file: string, rivals: string[], reloaded: boolean): Promise<void> {
  for (const other of rivals) await run('load-retire-document', { file: other });
  if (reloaded) await run('load-clear-document', { file });
}

/** Deletes what retireReplaced retired, then what only it held: scans, no look-up by key follows them. */
async function deleteRetired(run: RunStatement): Promise<void> {
  await run('load-delete-retired');
  await run('load-collect-orphans');
}

/**
 * Room Neo4j needs on its disk for one document's transaction: its rows and text several times
 * over (store records, indexes, the transaction log) and headroom for checkpoints and log
 * rotation. Generous on purpose: Neo4j that fails a write on a full disk refuses everything
 * until it is restarted, while a load refused here leaves the service answering.
 */
export const WRITE_HEADROOM_BYTES = 32 * 1024 * 1024;

/**
 * What the parse worker hands the load besides the records: the plan, the text as stored (personal
 * data redacted) and planBytes — the work that would otherwise hold the request thread (a document
 * at the caps: 50 ms of redaction, 75-115 ms of JSON).
 */
export interface Prepared {
  plan: LoadPlan;
  text: string;
  planBytes: number;
  /** Where each line of the text is printed (src/source), stored with it; null for a text without pages. */
  places?: LinePlace[] | null;
}

function refuseWithoutRoom(runner: QueryRunner, file: string, text: string, planJsonBytes: () => number): void {
  const free = runner.freeBytes();
  if (free === null) return;
  const needed = 4 * planJsonBytes() + 2 * Buffer.byteLength(text) + WRITE_HEADROOM_BYTES;
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
    await run('load-refresh-all-codes');
    return true;
  });
}

/** What backfillDerived wrote: how many projects got their totals, departments their matchText, links their ends' keys. */
export interface Backfilled {
  projectTotals: number;
  matchTexts: number;
  linkKeys: number;
  linkKeysMs: number;
}

/**
 * Derived properties a graph written by an older version lacks, computed once at start-up: each
 * project's all-years total, each department's matchText (what the department-name search reads
 * through its TEXT index). Each is first counted without locks, so a graph that has them, the
 * usual case, costs two reads and writes nothing. Written through the runner, so readers see the
 * write counted (src/db/consistency.ts) as any load's.
 */
export async function backfillDerived(runner: QueryRunner): Promise<Backfilled> {
  const count = async (name: 'load-projects-without-totals' | 'load-departments-without-match-text') => Number((await runner.read(name)).records[0]?.get('n') ?? 0);
  const projectTotals = await count('load-projects-without-totals');
  if (projectTotals > 0) await runner.write('load-refresh-all-project-totals');
  const matchTexts = await count('load-departments-without-match-text');
  if (matchTexts > 0) {
    // Locked first, computed second: a load of another process changing a department's aliases
    // meanwhile is waited for, and the aliases it committed are the ones joined.
    await runner.writeTransaction(async (_tx, run) => {
      await run('load-lock-match-texts');
      await run('load-refresh-match-texts');
    });
  }
  // r.code / r.ownerId on every BOOKED_UNDER (codeFeeds' index: src/load/link-keys.ts).
  const links = await backfillLinkKeys(runner);
  // An index created at this start and filled by the backfill is sampled again (index-statistics.ts).
  if (projectTotals > 0 || matchTexts > 0 || links.written > 0) await resampleIndexes(runner);
  return { projectTotals, matchTexts, linkKeys: links.written, linkKeysMs: links.ms };
}

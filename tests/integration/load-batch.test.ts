// Many documents a write transaction (issue 41 item 2): the graph a batched folder load leaves is
// the graph one document a transaction leaves; a bad document in a batch rolls back only itself;
// and what a document costs the database is counted (statements, transactions) against a budget.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { cypher } from '../../src/db/cypher.js';
import { QueryRunner } from '../../src/db/run.js';
import { loadFiles, loadTuning } from '../../src/load/directory.js';
import { loadParsedBatch, type BatchDocument } from '../../src/load/loader.js';
import { expectedTallies, parityDifferences } from '../../src/load/parity.js';
import { parseOffThread } from '../../src/load/parse-off-thread.js';
import type { ParsedDocument } from '../../src/parse/records.js';
import { PhaseRecorder, recordPhases } from '../../src/load/phases.js';
import { generateCorpus } from '../../bench/corpus/generate.js';
import { testDatabase, wipe } from './helpers.js';

let db: Database;
let runner: QueryRunner;
let dir: string;
let files: string[];
// 12 generated documents of every family, of 3 departments (SAME_AS, shared codes and projects
// across documents of one batch).
const docs = generateCorpus(12, 4141);
// Loads of a few documents on a busy shared machine: counted, never timed.
const SLOW = 600_000;

beforeAll(async () => {
  db = await testDatabase();
  runner = new QueryRunner(db);
  dir = mkdtempSync(join(tmpdir(), 'load-batch-'));
  files = docs.map((d) => {
    const path = join(dir, d.file);
    writeFileSync(path, d.text);
    return path;
  });
});

afterAll(async () => {
  loadTuning.batchDocuments = 32;
  recordPhases(null);
  rmSync(dir, { recursive: true, force: true });
  await wipe(db);
  await db.close();
});

/** Every node and relationship, load times left out (they differ from run to run). */
async function fingerprint(): Promise<{ nodes: string[]; relationships: string[] }> {
  const rec = (await runner.read('test-graph-fingerprint')).records[0]!;
  const norm = (v: unknown): unknown =>
    neo4j.isInt(v)
      ? v.toString()
      : Array.isArray(v)
        ? v.map(norm)
        : v && typeof v === 'object' && v.constructor === Object
          ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'loadedAt').sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, norm(x)]))
          : typeof v === 'object' && v !== null
            ? String(v)
            : v;
  return {
    nodes: (norm(rec.get('nodes')) as unknown[]).map((x) => JSON.stringify(x)).sort(),
    relationships: (norm(rec.get('relationships')) as unknown[]).map((x) => JSON.stringify(x)).sort(),
  };
}

async function loadAll(batch: number): Promise<{ recorder: PhaseRecorder; parity: string[]; statuses: string[] }> {
  await wipe(db);
  loadTuning.batchDocuments = batch;
  const recorder = recordPhases(new PhaseRecorder())!;
  const parity: string[] = [];
  const statuses: string[] = [];
  try {
    await loadFiles(runner, files, {}, (r) => {
      statuses.push(r.status);
      parity.push(...r.parity.map((p) => `${r.file}: ${p}`));
    });
  } finally {
    recordPhases(null);
  }
  return { recorder, parity, statuses };
}

describe('a folder load writes many documents a transaction', () => {
  it('leaves the same graph as one document a transaction (facts, SAME_AS, stored totals, code names), every document at parity', async () => {
    const one = await loadAll(1);
    const alone = await fingerprint();
    const many = await loadAll(32);
    const batched = await fingerprint();
    expect(one.statuses).toEqual(docs.map(() => 'LOADED'));
    expect(many.statuses).toEqual(docs.map(() => 'LOADED'));
    expect(many.parity).toEqual([]);
    expect(alone.nodes.length).toBeGreaterThan(1000);
    expect(batched.nodes).toEqual(alone.nodes);
    expect(batched.relationships).toEqual(alone.relationships);
    // SAME_AS links exist in this corpus (one department's projects across its documents).
    expect(batched.relationships.filter((r) => r.includes('"SAME_AS"')).length).toBeGreaterThan(0);
    // The code names refreshed incrementally are the names derived from every line again.
    await runner.write('load-refresh-all-codes');
    expect((await fingerprint()).nodes).toEqual(batched.nodes);
  }, SLOW);

  it('costs at most 2 statements and 1/8 of a write transaction a document (each statement once for the whole batch: recorded 22 for 12 documents at 32 a batch: 1.83 + 0.17 reads; 14.1 + 0.1 reads when each document sent its own; one a transaction: 16.7 + 2 reads and 1)', async () => {
    const { recorder } = await loadAll(32);
    const n = docs.length;
    // Statements inside the write transactions, and the auto-commit reads before them.
    const perDocument = (recorder.statementCount + recorder.reads) / n;
    expect(perDocument).toBeLessThanOrEqual(2);
    expect(recorder.transactions / n).toBeLessThanOrEqual(1 / 8);
  }, SLOW);
});

describe('what a batch sends', () => {
  it("sends a batch's statements without waiting for each answer: Neo4j runs the next as soon as one is done, and Node packs the next while it runs (loader.ts sentTogether)", async () => {
    const { recorder, parity, statuses } = await loadAll(32);
    expect(statuses).toEqual(docs.map(() => 'LOADED'));
    expect(parity).toEqual([]);
    // One batch of 12 documents: its ~20 write statements are sent before the first answer comes
    // back (each waited for the one before: 1 at a time).
    expect(recorder.mostUnanswered).toBeGreaterThanOrEqual(15);
  }, SLOW);

  it('sends each code once a batch (load-codes: the first row of each key, not one row a document that prints it), and leaves the same codes', async () => {
    const { recorder } = await loadAll(32);
    const { nodes } = await fingerprint();
    // Code nodes in the graph: every key sent, and the parents its rows created.
    const codes = nodes.filter((x) => x.includes('"Code"')).length;
    const sent = recorder.rows.get('load-codes') ?? 0;
    // The 12 documents print codes in common (3 departments, shared function codes): sent once
    // each, the rows are at most the Code nodes; one row a document that prints a code is several
    // times that.
    expect(sent).toBeGreaterThan(0);
    expect(recorder.statements.get('load-codes')).toBeGreaterThan(0);
    expect(sent).toBeLessThanOrEqual(codes);
  }, SLOW);

  it("reads a batch's rivals from each document's department, never from every document of its year", async () => {
    // Planned (EXPLAIN: planned, not run) over an emptied graph and over a loaded one. A plan that
    // seeks Document by year reads every document of the year for each slot of each batch: made
    // on a fresh database, it cost 54 ms a batch over 1,000 generated documents
    // (bench/ingest-profile.ts --plans), growing with the graph. This shared test database keeps
    // statistics from earlier files and its planner took the department here even without the
    // hint (checked at ee454ba): what this holds is that the statements keep to the department.
    // (Document(year)'s index was retired in 743ca73, so no plan can seek by year any more; the
    // department's unique seek is what is checked.)
    const session = db.driver.session({ database: db.database });
    const plans = async (state: string) => {
      for (const name of ['load-documents-same-slot-many', 'load-documents-same-slot'] as const) {
        const plan = JSON.stringify((await session.run(`EXPLAIN ${cypher(name)}`)).summary.plan);
        expect(plan, `${name}, ${state}`).toMatch(/UNIQUE \w*:Department\(id\)/);
      }
    };
    try {
      await wipe(db);
      await plans('empty graph');
      await loadAll(32);
      await plans('loaded graph');
    } finally {
      await session.close();
    }
  }, SLOW);
});

describe('a bad document in a batch', () => {
  it('rolls back only itself: the others load, the graph holds nothing of it', async () => {
    await wipe(db);
    const picked = docs.slice(0, 6);
    const items: BatchDocument<ParsedDocument>[] = [];
    for (const d of picked) {
      const { doc, ...prepared } = await parseOffThread(d.file, d.text);
      items.push({ file: d.file, doc, prepared, started: Date.now() });
    }
    const bad = picked[3]!.file;
    const outcomes = await loadParsedBatch(runner, items, { failAfter: 'load-allocations', failIn: bad });
    expect(outcomes.map((o) => (o.report ? o.report.status : String(o.error)))).toEqual(picked.map((d) => (d.file === bad ? 'Error: injected failure after load-allocations' : 'LOADED')));
    for (const o of outcomes) if (o.report) expect(o.report.parity).toEqual([]);
    const held = await runner.read('test-documents-held', { files: picked.map((d) => d.file) });
    const byFile = new Map(held.records.map((r) => [String(r.get('file')), Number(r.get('facts'))]));
    expect(byFile.has(bad)).toBe(false);
    for (const d of picked) if (d.file !== bad) expect(byFile.get(d.file)).toBeGreaterThan(0);
    // Nothing of it anywhere: no fact carries its document id.
    const orphans = await runner.read('test-facts-of-document', { documentId: bad.replace(/\.txt$/, '') });
    expect(Number(orphans.records[0]!.get('n'))).toBe(0);
  }, SLOW);
});

describe('parse/graph parity', () => {
  it('finds a fen, a listing and an indicator the graph lost, in the documents of a batch that lost them and only there', async () => {
    await wipe(db);
    const picked = docs.slice(0, 6);
    const items: BatchDocument<ParsedDocument>[] = [];
    for (const d of picked) {
      const { doc, ...prepared } = await parseOffThread(d.file, d.text);
      items.push({ file: d.file, doc, prepared, started: Date.now() });
    }
    const outcomes = await loadParsedBatch(runner, items);
    for (const o of outcomes) expect(o.report?.parity).toEqual([]);
    const held = async () => {
      const res = await runner.read('load-parity-many', { documentIds: items.map((i) => i.prepared.plan.documentId) });
      return items.map((item) => {
        const mine = res.records.filter((r) => r.get('documentId') === item.prepared.plan.documentId);
        return parityDifferences(expectedTallies(item.doc, item.prepared.plan), mine.map((r) => ({ kind: String(r.get('kind')), n: Number(r.get('n')), sums: r.get('sums') as string[] })));
      });
    };
    expect(await held()).toEqual(items.map(() => []));
    // One figure a fen off, one listing and one indicator gone, each in a document that has them.
    const of = (has: (i: BatchDocument<ParsedDocument>) => boolean) => items.findIndex(has);
    const spoiled = { Figure: of((i) => i.doc.figures.some((f) => f.amount !== null)), ProjectListing: of((i) => i.doc.projects.length > 0), Indicator: of((i) => i.doc.indicators.length > 0) };
    for (const k of Object.values(spoiled)) expect(k).toBeGreaterThanOrEqual(0);
    const idOf = (k: number) => items[k]!.prepared.plan.documentId;
    await runner.write('test-tamper-document', { figureOf: idOf(spoiled.Figure), listingOf: idOf(spoiled.ProjectListing), indicatorOf: idOf(spoiled.Indicator) });
    const after = await held();
    // In the order parity.ts lists the kinds; nothing in the documents left alone.
    const expected = items.map((_, j) => (['ProjectListing', 'Indicator', 'Figure'] as const).filter((kind) => spoiled[kind] === j));
    expect(after.map((list) => list.map((p) => p.split(':')[0]))).toEqual(expected);
    const said = (kind: string) => after[spoiled[kind as keyof typeof spoiled]]!.find((p) => p.startsWith(`${kind}:`));
    const indicators = items[spoiled.Indicator]!.doc.indicators.length;
    expect(said('Indicator')).toBe(`Indicator: parsed ${indicators}, graph holds ${indicators - 1}`);
    const listings = items[spoiled.ProjectListing]!.doc.projects.length;
    expect(said('ProjectListing')).toMatch(new RegExp(`^ProjectListing: parsed ${listings} .*graph holds ${listings - 1} `));
    const figures = items[spoiled.Figure]!.doc.figures;
    const fen = figures.reduce((s, f) => s + (f.amount ?? 0n), 0n);
    expect(said('Figure')).toBe(`Figure: parsed ${figures.length} (fen sums ${fen}), graph holds ${figures.length} (fen sums ${fen + 1n})`);
  }, SLOW);
});

// The folder load parses ahead while it writes (src/load/directory.ts), but bounded: at most two
// parses waiting per parse worker, and none started while the parsed documents not yet written
// hold two batches' rows — memory does not grow with the folder nor with the documents' size.
// The parse workers are replaced by a counting fake; a dry run writes nothing (no database).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { QueryRunner } from '../../src/db/run.js';
import { documentText, parseDocument } from '../../src/parse/index.js';
import { buildPlan } from '../../src/load/plan.js';
import { generateCorpus } from '../../bench/corpus/generate.js';

const watch = { inFlight: 0, maxInFlight: 0, resolved: 0, reported: 0, maxUnwritten: 0 };

vi.mock('../../src/load/parse-off-thread.js', async () => {
  const { parseDocument: parse, documentText: redact } = await import('../../src/parse/index.js');
  const { buildPlan: plan } = await import('../../src/load/plan.js');
  return {
    PARSE_BUDGET_MS: 20_000,
    OCR_LOAD_BUDGET_MS: 240_000,
    parseWorkerCount: () => 1,
    readOffThread: async (file: string, bytes: Uint8Array) => {
      watch.inFlight++;
      watch.maxInFlight = Math.max(watch.maxInFlight, watch.inFlight);
      // How many documents are parsed and not yet reported, as each new parse starts.
      watch.maxUnwritten = Math.max(watch.maxUnwritten, watch.resolved - watch.reported);
      await new Promise((r) => setTimeout(r, 2));
      const text = new TextDecoder().decode(bytes);
      const doc = parse(text, file);
      const stored = redact(text, file);
      const p = plan(doc, stored);
      watch.inFlight--;
      watch.resolved++;
      return { doc, plan: p, text: stored, planBytes: 0, places: null };
    },
  };
});

const { loadFiles, loadTuning } = await import('../../src/load/directory.js');
const { planRows } = await import('../../src/load/loader.js');

const dir = mkdtempSync(join(tmpdir(), 'read-ahead-'));
afterAll(() => {
  loadTuning.batchDocuments = 32;
  loadTuning.batchRows = 20_000;
  rmSync(dir, { recursive: true, force: true });
});

describe('the folder load reads ahead', () => {
  it('with at most two parses waiting per worker, and stops while two batches of rows wait unwritten; every file reported in order', async () => {
    const docs = generateCorpus(40, 99);
    const paths = docs.map((d) => {
      const path = join(dir, d.file);
      writeFileSync(path, d.text);
      return path;
    });
    const rows = docs.map((d) => planRows(buildPlan(parseDocument(d.text, d.file), documentText(d.text, d.file))).total);
    const largest = Math.max(...rows);
    // Batches of up to 8 documents and 3 of the largest documents' rows.
    loadTuning.batchDocuments = 8;
    loadTuning.batchRows = 3 * largest;
    const order: number[] = [];
    const reports = await loadFiles({} as QueryRunner, paths, { dryRun: true }, (r, i) => {
      watch.reported++;
      order.push(i);
      expect(r.status).toBe('DRY_RUN');
    });
    expect(reports).toHaveLength(40);
    expect(order).toEqual(docs.map((_, i) => i));
    expect(watch.maxInFlight).toBeLessThanOrEqual(2);
    // Unwritten at most: the batch being written (up to 8), two batches' rows waiting (6 of the
    // largest at least), and the two in flight.
    expect(watch.maxUnwritten).toBeLessThanOrEqual(8 + Math.ceil((2 * loadTuning.batchRows) / Math.min(...rows)) + 2);
    expect(watch.maxInFlight).toBeGreaterThan(1);
  });

  it('holds no report once its caller has it (keepReports: false, as npm run load and npm start ask): each goes to onEach, none is kept to the end', async () => {
    const docs = generateCorpus(6, 7);
    const paths = docs.map((d) => {
      const path = join(dir, `kept-${d.file}`);
      writeFileSync(path, d.text);
      return path;
    });
    const seen: string[] = [];
    const kept = await loadFiles({} as QueryRunner, paths, { dryRun: true, keepReports: false }, (r) => {
      expect(r.plan).not.toBeNull();
      seen.push(r.file);
    });
    expect(seen).toHaveLength(6);
    expect(kept).toEqual([]);
  });
});

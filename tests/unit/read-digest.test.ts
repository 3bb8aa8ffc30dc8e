// A load from files (src/load/directory.ts) gets from the parse worker the parsed document's digest
// in place of its records (#41): once the worker has planned it, the thread that writes reads of the
// records only their count, the year and the parser's parity tallies, and their structured clone was
// a third of the reply it deserialised. The digest stands for the document: the same count, year and
// tallies. The API's ingest and a document parsed in process keep the whole document.
import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { buildPlan } from '../../src/load/plan.js';
import { expectedTallies, readDigest } from '../../src/load/parity.js';
import { recordCount } from '../../src/load/document-caps.js';
import { ParseWorkerPool } from '../../src/load/parse-off-thread.js';

const FILES = ['data/000_5c682a4da5e2a113.txt', 'data/001_958a9ca9db32ab73.txt', 'data/002_94a530100b90bc43.txt'];
const fileOf = (path: string) => path.split('/').pop() ?? path;

const pool = new ParseWorkerPool();
afterAll(() => pool.close());

describe("a parsed document's digest", () => {
  it('stands for its document: the same record count, year and parity tallies', () => {
    for (const path of FILES) {
      const text = readFileSync(path, 'utf8');
      const doc = parseDocument(text, fileOf(path));
      const plan = buildPlan(doc, text);
      const digest = readDigest(doc);
      expect(digest.records).toBe(recordCount(doc));
      expect(digest.year).toBe(doc.meta.year);
      expect(expectedTallies(digest, plan, 7)).toEqual(expectedTallies(doc, plan, 7));
      expect(readDigest(digest)).toBe(digest);
    }
  });

  it('comes from the parse worker in place of the records (read), the plan the same as with them (parse)', async () => {
    for (const path of FILES) {
      const text = readFileSync(path, 'utf8');
      const whole = await pool.parse(fileOf(path), text);
      const read = await pool.read(fileOf(path), text);
      expect(read.doc).toEqual(readDigest(whole.doc));
      expect(Object.keys(read.doc).sort()).toEqual(['digest', 'parsed', 'records', 'year']);
      expect(read.plan).toEqual(whole.plan);
      // What crosses the thread boundary for the document: a few hundred bytes, not its records.
      expect(serialize(read.doc).length * 20).toBeLessThan(serialize(whole.doc).length);
    }
  }, 60_000);
});

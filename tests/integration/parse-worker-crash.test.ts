// One bad file is one bad file (issue #36): a document the parse worker dies on — its thread
// exits, an exception ends it, its heap runs out — or whose parser fails inside, is that
// document's BAD_DOCUMENT naming its file. A folder load (`npm run load`, the start-up load)
// reports it and loads the others; the server starts and says which files it refused; ingest
// answers 400 and takes the next document.
// Before: the load stopped at that file with a plain Error ("parse worker exited with code 70"):
// the documents after it were not loaded, `npm start` exited, ingest answered 500.
//
// The worker fails for real: the test-only hook of src/load/parse-worker.ts, on only with
// BUDGET_GRAPH_TEST_PARSE_WORKER_FAULTS=1 in its environment, acts out the fault a text's first
// line `PARSE-WORKER-TEST-FAULT: <kind>` asks for.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../src/config.js';
import type { Database } from '../../src/db/connection.js';
import { QueryRunner } from '../../src/db/run.js';
import { listDocuments, loadFiles } from '../../src/load/directory.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { startHttpServer } from '../../src/api/http-server.js';
import { testDatabase, wipe } from './helpers.js';

/** A department's one-table budget. */
const budget = (dept: string) => `2025年深圳市${dept}部门预算\n\n表一：部门支出总表（按功能科目）\n\n单位：万元\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n201\t一般公共服务支出\t10.00\t4.00\t6.00\n`;

/** The same, but the worker fails on it the way `kind` says (the test hook). */
const failing = (kind: 'internal' | 'throw' | 'exit' | 'oom', dept: string) => `PARSE-WORKER-TEST-FAULT: ${kind}\n${budget(dept)}`;

/** A folder of documents: name → text. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'budget-graph-worker-crash-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

let db: Database;
let runner: QueryRunner;
beforeAll(async () => {
  // Read by a worker when it starts: every worker of this file (and of the server it spawns) has the hook on.
  vi.stubEnv('BUDGET_GRAPH_TEST_PARSE_WORKER_FAULTS', '1');
  db = await testDatabase();
  await wipe(db);
  runner = new QueryRunner(db);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  if (db) await wipe(db);
  await db?.close();
});

describe('a folder whose parser dies on one of its documents', () => {
  it('good, worker exits, good, parser fails inside, good, heap runs out, good: the four good ones load, the three bad ones are reported as BAD_DOCUMENT with their file', async () => {
    const dir = folder({
      'a-甲局.txt': budget('示例区甲局'),
      'b-exits.txt': failing('exit', '示例区乙局'),
      'c-丙局.txt': budget('示例区丙局'),
      'd-internal.txt': failing('internal', '示例区丁局'),
      'e-戊局.txt': budget('示例区戊局'),
      'f-oom.txt': failing('oom', '示例区己局'),
      'g-庚局.txt': budget('示例区庚局'),
    });
    try {
      const bad: string[] = [];
      const reports = await loadFiles(runner, listDocuments(dir), {}, undefined, (file, err) => bad.push(`${file} ${err.code} ${String(err.details.reason)} ${err.message}`));
      expect(reports.map((r) => `${r.file} ${r.status}`)).toEqual(['a-甲局.txt LOADED', 'c-丙局.txt LOADED', 'e-戊局.txt LOADED', 'g-庚局.txt LOADED']);
      expect(bad).toEqual([
        'b-exits.txt BAD_DOCUMENT PARSER_FAILED b-exits.txt: the parser stopped on this document (its worker exited with code 70); the other documents load; report it with the file',
        'd-internal.txt BAD_DOCUMENT PARSER_FAILED d-internal.txt: the parser stopped on this document (an internal error); the other documents load; report it with the file',
        expect.stringMatching(/^f-oom\.txt BAD_DOCUMENT PARSER_OUT_OF_MEMORY f-oom\.txt: reading this document needed more than the 512 MB of memory one document may use; the parser stopped on it, the other documents load; split the document/),
      ]);
      const counts = await runner.read('graph-counts');
      expect(counts.records.filter((r) => `${r.get('kind')}:${r.get('name')}` === 'node:Document').map((r) => Number(r.get('n')))).toEqual([4]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await wipe(db);
    }
  });

  it('at start-up: the server loads the others, starts, and says which file it refused', async () => {
    const dir = folder({ 'a-甲局.txt': budget('示例区甲局'), 'b-crashes.txt': failing('throw', '示例区乙局'), 'c-丙局.txt': budget('示例区丙局') });
    const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'main.ts')], {
      cwd: projectRoot,
      env: { ...process.env, PORT: '0', BUDGET_GRAPH_DATA: dir, BUDGET_GRAPH_LOG_LEVEL: 'warn', BUDGET_GRAPH_TEST_PARSE_WORKER_FAULTS: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const log: string[] = [];
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start within 90 s:\n${log.join('\n')}`)), 90_000);
        createInterface({ input: child.stderr! }).on('line', (line) => {
          log.push(line);
          const m = /GraphQL ready at (\S+?);/.exec(line);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${log.join('\n')}`)));
      });
      expect(log).toContain('budget-graph: 2/3 b-crashes.txt: NOT LOADED: b-crashes.txt: the parser stopped on this document (its worker crashed); the other documents load; report it with the file');
      expect(log).toContain('budget-graph: 1 of 3 files refused (see above): b-crashes.txt');
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ documents { nodes { file } } }' }) });
      const files = ((await res.json()) as { data: { documents: { nodes: { file: string }[] } } }).data.documents.nodes.map((d) => d.file).sort();
      expect(files).toEqual(['a-甲局.txt', 'c-丙局.txt']);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
      await wipe(db);
    }
  }, 150_000);
});

describe('ingest of a document the parser dies on', () => {
  it('is a 400 BAD_USER_INPUT with reason BAD_DOCUMENT and the file, not a 500; the next document is ingested', async () => {
    const TOKEN = 'test-token-worker-crash-0123';
    const server = await startHttpServer({ db, schema: await buildApiSchema(), host: '127.0.0.1', port: 0, token: TOKEN });
    const ingest = async (name: string, text: string) => {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ query: 'mutation($n: String!, $t: String!) { ingest(name: $n, text: $t) { status } }', variables: { n: name, t: text } }),
      });
      return { status: res.status, body: (await res.json()) as { data?: { ingest: { status: string } } | null; errors?: { message: string; extensions: Record<string, unknown> }[] } };
    };
    try {
      const crashed = await ingest('乙局.txt', failing('exit', '示例区乙局'));
      expect(crashed.status).toBe(400);
      expect(crashed.body.errors?.[0]).toMatchObject({
        message: '乙局.txt: the parser stopped on this document (its worker exited with code 70); the other documents load; report it with the file',
        extensions: { code: 'BAD_USER_INPUT', reason: 'BAD_DOCUMENT', file: '乙局.txt' },
      });
      const next = await ingest('甲局.txt', budget('示例区甲局'));
      expect(next.status).toBe(200);
      expect(next.body.data?.ingest.status).toBe('LOADED');
    } finally {
      await server.stop();
      await wipe(db);
    }
  });
});

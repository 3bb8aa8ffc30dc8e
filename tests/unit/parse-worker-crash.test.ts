// One bad file is one bad file (issue #36): whatever the parse worker does on a document — replies
// that it failed inside (an exception that is no BadDocumentError), dies of an exception, exits,
// runs out of its heap — is that document's BAD_DOCUMENT naming its file, with a `reason`, and a
// message that says what happened and what to do; the stack goes to the log. The worker that died
// is replaced: the next document parses.
// Before: the promise rejected with a plain Error ("parse worker exited with code 70", "parse
// worker failed: TypeError: …"), which ended `npm run load` and the start-up load at that file and
// was a 500 INTERNAL_SERVER_ERROR through ingest.
//
// The worker fails for real: a test-only hook in src/load/parse-worker.ts, on only when
// BUDGET_GRAPH_TEST_PARSE_WORKER_FAULTS=1 is in its environment, acts out the fault a text's first
// line `PARSE-WORKER-TEST-FAULT: <kind>` asks for.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GraphQLError } from 'graphql';
import { BadDocumentError, HTTP_STATUS } from '../../src/errors.js';
import { ParseWorkerPool, parseOffThread } from '../../src/load/parse-off-thread.js';
import { IngestService } from '../../src/api/ingest-service.js';
import { formatError } from '../../src/api/format-error.js';
import type { Database } from '../../src/db/connection.js';

/** A department's one-table budget: a good document. */
const GOOD = '2025年深圳市示例区甲局部门预算\n\n表一：部门支出总表（按功能科目）\n\n单位：万元\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n201\t一般公共服务支出\t10.00\t4.00\t6.00\n';

/** A document the worker fails on, the way `kind` says (the test hook). */
const failing = (kind: 'internal' | 'throw' | 'exit' | 'oom') => `PARSE-WORKER-TEST-FAULT: ${kind}\n${GOOD}`;

/** The refusal `work` ends in (it must end in one). */
async function refusal(work: () => Promise<unknown>): Promise<BadDocumentError> {
  try {
    await work();
  } catch (err) {
    expect(err).toBeInstanceOf(BadDocumentError);
    return err as BadDocumentError;
  }
  throw new Error('the document was not refused');
}

let logged: string[] = [];
beforeAll(() => {
  // Read by a worker when it starts: every worker of this file has the hook on.
  vi.stubEnv('BUDGET_GRAPH_TEST_PARSE_WORKER_FAULTS', '1');
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
});
afterEach(() => {
  logged = [];
});
afterAll(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('the parse worker fails on a document', () => {
  it('an exception inside the parser (an `internal` reply): BAD_DOCUMENT PARSER_FAILED naming the file, the stack in the log only; the next document parses', async () => {
    const err = await refusal(() => parseOffThread('甲局-internal.txt', failing('internal')));
    expect(err.code).toBe('BAD_DOCUMENT');
    expect(err.file).toBe('甲局-internal.txt');
    expect(err.details).toMatchObject({ file: '甲局-internal.txt', reason: 'PARSER_FAILED' });
    expect(err.message).toMatch(/^甲局-internal\.txt: the parser stopped on this document \(an internal error\); the other documents load; report it with the file$/);
    expect(logged.join('\n')).toMatch(/甲局-internal\.txt: .*TypeError: test fault: Cannot read properties of undefined \(reading 'cells'\)\n\s+at /);
    const next = await parseOffThread('乙局.txt', GOOD);
    expect(next.doc.meta.file).toBe('乙局.txt');
  });

  it('an exception that ends the worker: BAD_DOCUMENT PARSER_FAILED; a fresh worker parses the next document', async () => {
    const err = await refusal(() => parseOffThread('甲局-throw.txt', failing('throw')));
    expect(err.details).toMatchObject({ file: '甲局-throw.txt', reason: 'PARSER_FAILED' });
    expect(err.message).toMatch(/^甲局-throw\.txt: the parser stopped on this document \(its worker crashed\); the other documents load; report it with the file$/);
    expect(err.message).not.toMatch(/test fault|\n/);
    expect(logged.join('\n')).toMatch(/甲局-throw\.txt: .*test fault: an exception outside any handler/);
    expect((await parseOffThread('乙局.txt', GOOD)).doc.meta.file).toBe('乙局.txt');
  });

  it('the worker thread exiting: BAD_DOCUMENT PARSER_FAILED with the exit code; a fresh worker parses the next document', async () => {
    const err = await refusal(() => parseOffThread('甲局-exit.txt', failing('exit')));
    expect(err.details).toMatchObject({ file: '甲局-exit.txt', reason: 'PARSER_FAILED' });
    expect(err.message).toMatch(/^甲局-exit\.txt: the parser stopped on this document \(its worker exited with code 70\); the other documents load; report it with the file$/);
    expect((await parseOffThread('乙局.txt', GOOD)).doc.meta.file).toBe('乙局.txt');
  });

  it('its heap running out (ERR_WORKER_OUT_OF_MEMORY, the 512 MB of the shared worker): BAD_DOCUMENT PARSER_OUT_OF_MEMORY; the next document parses', async () => {
    const err = await refusal(() => parseOffThread('甲局-oom.txt', failing('oom')));
    expect(err.details).toMatchObject({ file: '甲局-oom.txt', reason: 'PARSER_OUT_OF_MEMORY' });
    expect(err.message).toMatch(/^甲局-oom\.txt: reading this document needed more than the 512 MB of memory one document may use; the parser stopped on it, the other documents load; split the document, or report it with the file/);
    expect((await parseOffThread('乙局.txt', GOOD)).doc.meta.file).toBe('乙局.txt');
  });

  it('one after another in a pool of its own (64 MB): each refused, each followed by a document that parses', async () => {
    const pool = new ParseWorkerPool({ resourceLimits: { maxOldGenerationSizeMb: 64 } });
    try {
      const seen: string[] = [];
      for (const kind of ['oom', 'exit', 'throw', 'internal'] as const) {
        const err = await refusal(() => pool.parse(`${kind}.txt`, failing(kind)));
        seen.push(`${err.file} ${String(err.details.reason)}`);
        seen.push(`${(await pool.parse('good.txt', GOOD)).doc.meta.file} parsed`);
      }
      expect(seen).toEqual([
        'oom.txt PARSER_OUT_OF_MEMORY', 'good.txt parsed',
        'exit.txt PARSER_FAILED', 'good.txt parsed',
        'throw.txt PARSER_FAILED', 'good.txt parsed',
        'internal.txt PARSER_FAILED', 'good.txt parsed',
      ]);
    } finally {
      await pool.close();
    }
  });

  it('through ingest: a 400 BAD_USER_INPUT with reason BAD_DOCUMENT and the file, not a 500', async () => {
    // The parse refuses before the database is asked: none is needed.
    const ingest = new IngestService({} as Database, null);
    const err = await refusal(() => ingest.ingest('甲局.txt', failing('exit'), false));
    const formatted = formatError(new GraphQLError(err.message, { originalError: err }).toJSON(), new GraphQLError(err.message, { originalError: err }));
    expect(formatted).toMatchObject({ message: expect.stringMatching(/^甲局\.txt: the parser stopped on this document/), extensions: { code: 'BAD_USER_INPUT', reason: 'BAD_DOCUMENT', file: '甲局.txt' } });
    expect(HTTP_STATUS[formatted.extensions!.code as 'BAD_USER_INPUT']).toBe(400);
  });
});

// A quiet server's log lines reach the log within a second, and an error's at once: before, lines
// waited in a 4 KB batch, so at low traffic an error's line appeared minutes later (issue #42).
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, LOG_FLUSH_MS } from '../../src/api/logger.js';
import { scratchDirs } from '../scratch-dirs.js';

const scratch = scratchDirs();

const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the request log', () => {
  it('writes one short line within a second, though far from a full batch', async () => {
    const file = join(scratch('log-'), 'server.log');
    const logger = createLogger('info', file);
    await wait(100); // the file opens
    logger.info({ requestId: 'r-1', status: 200 }, 'graphql');
    await wait(LOG_FLUSH_MS + 500);
    expect(read(file)).toContain('"requestId":"r-1"');
  });

  it('writes an error at once, with its request id', async () => {
    const file = join(scratch('log-'), 'server.log');
    const logger = createLogger('info', file);
    await wait(100);
    logger.error({ requestId: 'r-2', err: new Error('boom') }, 'internal error');
    await wait(100); // well under the interval
    expect(read(file)).toContain('"requestId":"r-2"');
  });
});

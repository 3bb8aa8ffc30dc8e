// A PDF document's original bytes (#39 item 2), kept so the explorer can show the printed page:
// content-addressed (<sha256>.pdf) in a private folder beside the Neo4j home, named by the
// document (Document.originalSha256), removed once no document names it. Never served as bytes:
// src/api/page-images.ts renders a page and paints the redacted lines over before it leaves.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHA256, originalOf, originalsDir } from '../db/originals-store.js';
import { ensurePrivateDir } from '../db/private-dir.js';
import type { QueryRunner } from '../db/run.js';

export { originalPath, originalsDir, sha256Of } from '../db/originals-store.js';

/** Files written by this process and not yet named by their document: pruning leaves them. */
const pending = new Set<string>();

/**
 * Keeps a loaded PDF's bytes and names them on its document (`file`). Written to a temporary name
 * and renamed, so a reader never finds half a file; the same bytes again are not rewritten.
 */
export async function keepOriginal(runner: QueryRunner, file: string, bytes: Uint8Array, dir = originalsDir()): Promise<string> {
  const { sha256, path } = originalOf(dir, bytes);
  pending.add(sha256);
  try {
    ensurePrivateDir(dir);
    if (!existsSync(path)) {
      const tmp = join(dir, `.${randomUUID()}.tmp`);
      writeFileSync(tmp, bytes, { mode: 0o600 });
      renameSync(tmp, path);
    }
    await runner.writeTransaction((_tx, run) => run('load-document-original-set', { file, sha256 }));
  } finally {
    pending.delete(sha256);
  }
  return sha256;
}

/**
 * Removes every kept original no document names any more (a removed or replaced document's, a
 * text that replaced a PDF). Returns how many. A temporary file older than a minute (a write cut
 * by a crash) goes too.
 */
export async function pruneOriginals(runner: QueryRunner, dir = originalsDir()): Promise<number> {
  if (!existsSync(dir)) return 0;
  const named = new Set((await runner.read('load-originals-referenced')).records.map((r) => String(r.get('sha256'))));
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const sha = name.endsWith('.pdf') ? name.slice(0, -4) : null;
    const stale = sha !== null ? SHA256.test(sha) && !named.has(sha) && !pending.has(sha) : name.endsWith('.tmp') && ageMs(path) > 60_000;
    if (!stale) continue;
    try {
      unlinkSync(path);
      removed++;
    } catch (err) {
      if (!(err instanceof Error && 'code' in err && err.code === 'ENOENT')) throw err;
    }
  }
  return removed;
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

// A PDF document's original bytes (#39 item 2), kept so the explorer can show the printed page:
// content-addressed (<sha256>.pdf) in a private folder beside the Neo4j home, named by the
// document (Document.originalSha256), removed once no document names it. Never served as bytes:
// src/api/page-images.ts renders a page and paints the redacted lines over before it leaves.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { neo4jSettings } from '../config.js';
import { ensurePrivateDir } from '../db/private-dir.js';
import type { QueryRunner } from '../db/run.js';

/**
 * Where originals are kept: `<NEO4J_DATA_DIR>-originals` (`.data/neo4j-originals` by default), so
 * a graph and its originals live and go together, and two graphs (a test run's, the default one)
 * never prune each other's files. With an external Neo4j (NEO4J_URI) it is the same path on this
 * machine: an API replica on another machine has no originals and answers ORIGINAL_MISSING.
 */
export function originalsDir(dataDir = neo4jSettings().dataDir): string {
  return join(dirname(dataDir), `${basename(dataDir)}-originals`);
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The kept file of a sha256, or null for anything that is not one (no path is built from other text). */
export function originalPath(dir: string, sha256: unknown): string | null {
  return typeof sha256 === 'string' && SHA256.test(sha256) ? join(dir, `${sha256}.pdf`) : null;
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Files written by this process and not yet named by their document: pruning leaves them. */
const pending = new Set<string>();

/**
 * Keeps a loaded PDF's bytes and names them on its document (`file`). Written to a temporary name
 * and renamed, so a reader never finds half a file; the same bytes again are not rewritten.
 */
export async function keepOriginal(runner: QueryRunner, file: string, bytes: Uint8Array, dir = originalsDir()): Promise<string> {
  const sha256 = sha256Of(bytes);
  const path = originalPath(dir, sha256)!;
  pending.add(sha256);
  try {
    ensurePrivateDir(dir);
    if (!existsSync(path)) {
      const tmp = join(dir, `.${randomUUID()}.tmp`);
      writeFileSync(tmp, bytes, { mode: 0o600 });
      renameSync(tmp, path);
    }
    await runner.writeTransaction((_tx, run) => run('document-original-set', { file, sha256 }));
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
  const named = new Set((await runner.read('originals-referenced')).records.map((r) => String(r.get('sha256'))));
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
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
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

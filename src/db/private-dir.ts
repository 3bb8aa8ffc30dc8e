// The embedded Neo4j's home holds the whole graph and its transaction logs: readable by its
// owner only. Created 0700; an existing one (from an older version, or a copy) loses its group
// and other permission bits at start. A directory that cannot be made or written is a sentence
// that says what to do, not an ENOENT / EROFS stack.
import { accessSync, chmodSync, constants, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceUnavailableError } from '../errors.js';

const WHAT_TO_DO: Record<string, string> = {
  EACCES: 'this user may not write there: choose another NEO4J_DATA_DIR or fix its owner',
  EPERM: 'this user may not write there: choose another NEO4J_DATA_DIR or fix its owner',
  EROFS: 'the file system is read-only: point NEO4J_DATA_DIR at a writable disk',
  ENOSPC: 'the disk is full: free space or point NEO4J_DATA_DIR at another disk',
  ENOTDIR: 'a file stands where a folder is expected: remove it or choose another NEO4J_DATA_DIR',
  ENOENT: 'a parent folder is missing and cannot be created: check the path of NEO4J_DATA_DIR',
};

/** Describes a file-system failure on the data directory as what to do. */
export function dataDirError(dir: string, err: unknown): ServiceUnavailableError {
  const code = err !== null && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : 'EIO';
  return new ServiceUnavailableError(`The Neo4j data directory ${dir} cannot be used (${code}): ${WHAT_TO_DO[code] ?? 'check the disk and the path of NEO4J_DATA_DIR'}.`, { reason: 'DATA_DIRECTORY', errno: code });
}

/** Makes `dir` (0700), checks it is writable, and strips group/other bits from what it holds. */
export function ensurePrivateDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK);
    restrict(dir, 0);
  } catch (err) {
    throw dataDirError(dir, err);
  }
}

function restrict(path: string, depth: number): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return;
  if ((st.mode & 0o077) !== 0) chmodSync(path, st.mode & 0o700);
  if (st.isDirectory() && depth < 12) for (const name of readdirSync(path)) restrict(join(path, name), depth + 1);
}

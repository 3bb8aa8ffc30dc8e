// Loads every .txt document of a folder (the bundled data/ at start-up, or the CLI's list).
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { QueryRunner } from '../db/run.js';
import { BadDocumentError, BudgetGraphError } from '../errors.js';
import { loadDocument, type LoadOptions, type LoadReport } from './loader.js';

const MAX_FILE_BYTES = 16 * 1024 * 1024;

export function listDocuments(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}

export function readDocumentText(path: string): string {
  const buf = readFileSync(path);
  if (buf.length > MAX_FILE_BYTES) throw new BadDocumentError(basename(path), 1, `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB; expected the text of one budget document`);
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  if (decoded.includes('\uFFFD')) {
    const line = decoded.slice(0, decoded.indexOf('\uFFFD')).split('\n').length;
    throw new BadDocumentError(basename(path), line, 'the file is not valid UTF-8; save the text as UTF-8 and load it again');
  }
  return decoded;
}

/**
 * Loads files one by one, each in its own transaction. With `onBadFile`, a file that is not a
 * readable document (or conflicts with one loaded) is reported there and skipped, and the rest
 * load; without it the first such file throws. `signal` stops between files.
 */
export async function loadFiles(
  runner: QueryRunner,
  paths: string[],
  options: LoadOptions = {},
  onEach: (report: LoadReport, index: number) => void = () => undefined,
  onBadFile?: (file: string, err: BudgetGraphError, index: number) => void,
  signal?: AbortSignal,
): Promise<LoadReport[]> {
  const reports: LoadReport[] = [];
  for (const [i, path] of paths.entries()) {
    if (signal?.aborted) break;
    try {
      const report = await loadDocument(runner, basename(path), readDocumentText(path), options);
      reports.push(report);
      onEach(report, i);
    } catch (err) {
      const skippable = err instanceof BudgetGraphError && (err.code === 'BAD_DOCUMENT' || err.code === 'CONFLICT');
      if (!onBadFile || !skippable) throw err;
      onBadFile(basename(path), err, i);
    }
  }
  return reports;
}

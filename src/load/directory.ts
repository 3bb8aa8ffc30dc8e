// Loads every .txt document of a folder (the bundled data/ at start-up, or the CLI's list).
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { QueryRunner } from '../db/run.js';
import { BadDocumentError } from '../errors.js';
import { loadDocument, type LoadOptions, type LoadReport } from './loader.js';

export function listDocuments(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}

export function readDocumentText(path: string): string {
  const buf = readFileSync(path);
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  if (decoded.includes('\uFFFD')) {
    const line = decoded.slice(0, decoded.indexOf('\uFFFD')).split('\n').length;
    throw new BadDocumentError(basename(path), line, 'the file is not valid UTF-8; save the text as UTF-8 and load it again');
  }
  return decoded;
}

export async function loadFiles(
  runner: QueryRunner,
  paths: string[],
  options: LoadOptions = {},
  onEach: (report: LoadReport, index: number) => void = () => undefined,
): Promise<LoadReport[]> {
  const reports: LoadReport[] = [];
  for (const [i, path] of paths.entries()) {
    const report = await loadDocument(runner, basename(path), readDocumentText(path), options);
    reports.push(report);
    onEach(report, i);
  }
  return reports;
}

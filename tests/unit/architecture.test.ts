// Data flows one way: source → parse → load → (Neo4j) → query → api. The read side (query, api,
// loaders, the explorer) and the model never import the parser, the source readers or the
// loader; the one exception is the ingest mutation, the API's write path, which parses and loads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';

const WRITE_SIDE = ['src/parse', 'src/load', 'src/source', 'src/cli'];
const READ_SIDE = ['src/query', 'src/api', 'loaders', 'web/src', 'src/model', 'src/db'];
/** The ingest mutation: it parses a posted document off-thread and loads it. */
const WRITE_PATH_IN_API = ['src/api/ingest-service.ts', 'src/api/types/ingest.ts'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|mts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'";]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)]
    .map((m) => m[1] ?? m[2]!)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(projectRoot, resolve(dirname(file), spec)).replace(/\.js$/, ''));
}

describe('one-way data flow', () => {
  it('nothing on the read side (query, api, loaders, explorer, model, db) imports parse, load, source or cli', () => {
    const offending = READ_SIDE.flatMap((dir) => filesUnder(join(projectRoot, dir)))
      .filter((f) => !WRITE_PATH_IN_API.includes(relative(projectRoot, f)))
      .flatMap((f) => importsOf(f).filter((target) => WRITE_SIDE.some((w) => target === w || target.startsWith(`${w}/`))).map((target) => `${relative(projectRoot, f)} → ${target}`));
    expect(offending).toEqual([]);
  });

  it('finds the imports it checks (the scan is not empty)', () => {
    const all = READ_SIDE.flatMap((dir) => filesUnder(join(projectRoot, dir))).flatMap(importsOf);
    expect(all.length).toBeGreaterThan(200);
    expect(importsOf(join(projectRoot, 'src/api/ingest-service.ts'))).toContain('src/load/loader');
  });

  it('the source (text, PDF, OCR) imports nothing of the parser but the glossary, and the glossary imports nothing', () => {
    // Source → parse: a source may key on the documents' words (a page number, an OCR misreading),
    // which live in the one glossary; the glossary is a leaf, so the source takes words, not the parser.
    const fromSource = filesUnder(join(projectRoot, 'src/source'))
      .flatMap((f) => importsOf(f).map((target) => ({ f: relative(projectRoot, f), target })))
      .filter(({ target }) => target.startsWith('src/parse/') && !target.startsWith('src/parse/glossary/'));
    expect(fromSource.map(({ f, target }) => `${f} → ${target}`)).toEqual([]);
    const glossaryImports = filesUnder(join(projectRoot, 'src/parse/glossary')).flatMap((f) => importsOf(f).filter((t) => !t.startsWith('src/parse/glossary/')).map((t) => `${relative(projectRoot, f)} → ${t}`));
    // Type-only imports of the families' names are the one exception: they carry no code.
    expect(glossaryImports.filter((line) => !line.endsWith('→ src/parse/families'))).toEqual([]);
  });
});


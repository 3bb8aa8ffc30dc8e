// Every statement in cypher/ is run by name from somewhere (no orphaned file), and every name the
// code runs has its file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cypher, cypherNames, withoutComments } from '../../src/db/cypher.js';
import { cataloguePath, catalogue, renderCatalogue } from '../../scripts/statement-catalogue.js';
import { NOT_API_READS } from '../../src/db/warm-up.js';

const root = join(import.meta.dirname, '../..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|mjs)$/.test(f) ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('cypher/ statements', () => {
  const code = ['src', 'loaders', 'bench', 'tests'].flatMap((d) => sources(join(root, d))).join('\n');

  it('that the warm-up may replay call no procedure but a full-text query and the server version', () => {
    // The warm-up runs the last text an API read was sent with, as it was sent (src/db/warm-up.ts):
    // a statement that collects plans, awaits an index or drops the query caches must be named as
    // the loader's or the schema's, or a warm-up after a restart would run it.
    const called = cypherNames()
      .filter((name) => !NOT_API_READS.test(name))
      .flatMap((name) => [...withoutComments(cypher(name)).matchAll(/\bCALL\s+(db[\w.]*|dbms[\w.]*)/g)].map((m) => `${name}: ${m[1]}`))
      .filter((c) => !/: (db\.index\.fulltext\.queryNodes|dbms\.components)$/.test(c));
    expect(called).toEqual([]);
  });

  it('run only by the load or its start-up backfill are named as the loader\'s, so the warm-up never replays them', () => {
    // The warm-up replays every statement NOT_API_READS lets through with the parameters it was
    // last sent (src/db/warm-up.ts), the loader's reads included: a backfill's count of every link
    // would run again after each restart of the JVM. The statements src/load/ names and neither
    // src/query/ nor src/api/ does must carry the prefix.
    const names = new Set(cypherNames());
    const quoted = (dir: string) => new Set([...sources(join(root, dir)).join('\n').matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1]!).filter((n) => names.has(n)));
    const api = new Set([...quoted('src/query'), ...quoted('src/api')]);
    const unprefixed = [...quoted('src/load')].filter((n) => !api.has(n) && !NOT_API_READS.test(n));
    expect(unprefixed).toEqual([]);
  });

  it('are each run by name from the code', () => {
    const included = new Set(cypherNames().flatMap((n) => [...readFileSync(join(root, 'cypher', `${n}.cypher`), 'utf8').matchAll(/^[ \t]*\/\/ @include ([a-z0-9-]+)/gm)].map((m) => m[1]!)));
    const orphans = cypherNames().filter((name) => name !== 'schema' && !included.has(name) && !code.includes(`'${name}'`));
    expect(orphans).toEqual([]);
  });

  it('exist for every statement name the loader and the read side run', () => {
    const used = [...code.matchAll(/(?:read|run|write|many<[^>]+>|one<[^>]+>|listEach\(repo,|readBounded)\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]!);
    const names = new Set(cypherNames());
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((n) => !names.has(n))).toEqual([]);
  });

  it('hold comments on whole lines only, so the text sent can drop them without touching a string', () => {
    const inline = cypherNames().flatMap((n) =>
      readFileSync(join(root, 'cypher', `${n}.cypher`), 'utf8')
        .split('\n')
        .map((line, i) => ({ at: `${n}.cypher:${i + 1}`, line }))
        .filter(({ line }) => line.includes('//') && !/^\s*\/\//.test(line))
        .map(({ at }) => at),
    );
    expect(inline).toEqual([]);
  });

  it('are sent without their comments and blank lines, the code unchanged', () => {
    expect(withoutComments('// why\nMATCH (n)\n\n  // more\n  RETURN n.url = "http://x" AS y')).toBe('MATCH (n)\n  RETURN n.url = "http://x" AS y');
    for (const name of cypherNames()) {
      const sent = cypher(name);
      expect(sent).not.toMatch(/^\s*\/\//m);
      const raw = readFileSync(join(root, 'cypher', `${name}.cypher`), 'utf8');
      // Every code line of the file is in what is sent (includes add lines, nothing drops one).
      for (const line of raw.split('\n').filter((l) => l.trim() && !/^\s*\/\//.test(l))) expect(sent).toContain(line);
    }
  });

  it('are declared in src/db/statements.generated.ts with the parameters they read (run `npm run statements` after editing cypher/)', () => {
    expect(readFileSync(cataloguePath, 'utf8')).toBe(renderCatalogue());
  });

  it('have their parameters read from the text, fragments included and comments and strings ignored', () => {
    const page = catalogue().find((e) => e.name === 'code-feeds-page')!;
    expect(page.kind).toBe('statement');
    expect(page.includes).toEqual(['order-by-sort-key', 'page-window', 'code-feed-row']);
    // $after, $before, $first, $last and $dirs come from page-window and order-by-sort-key.
    expect(page.params).toEqual(['after', 'before', 'code', 'department', 'dirs', 'first', 'includeDescendants', 'keys', 'last', 'where', 'wholeDepartment', 'wholeProject', 'wholeUnit', 'withAlternatives', 'withSortKeys', 'withSupport', 'years']);
    expect(catalogue().find((e) => e.name === 'page-window')!.kind).toBe('fragment');
  });
});

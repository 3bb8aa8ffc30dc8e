// One declaration of the environment (src/environment.ts): the README's configuration tables are
// generated from it, and every variable the code reads or sets is in it (#42 item 5).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { ENVIRONMENT } from '../../src/environment.js';
import { readmePath, readmeWithTables } from '../../scripts/config-docs.js';

/**
 * Not ours: the launcher's ready line, the Neo4j image's own setting (its container only), and the
 * JVM's own JAVA_TOOL_OPTIONS (bench/ingest-profile.ts sets it for the embedded JVM it starts, round
 * by round; the service never reads it).
 */
const NOT_OURS = new Set(['NEO4J_READY', 'NEO4J_AUTH', 'JAVA_TOOL_OPTIONS']);

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'target', '.data', 'results'].includes(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else if (/\.(ts|tsx|mts|mjs|cjs|js|java|yml)$/.test(e.name) || e.name === 'Dockerfile') out.push(p);
  }
  return out;
}

describe('the configuration declaration', () => {
  it('is what the README says (npm run docs:config rewrites it)', () => {
    const readme = readFileSync(readmePath, 'utf8');
    expect(readme).toBe(readmeWithTables(readme));
  });

  it('holds every variable the code reads (process.env) or names under BUDGET_GRAPH_ / NEO4J_', () => {
    const self = join(projectRoot, 'tests', 'unit', 'config.test.ts');
    const roots = ['src', 'loaders', 'scripts', 'bench', 'tests', 'web/src', 'neo4j/launcher/src', 'Dockerfile', 'docker-compose.yml', 'vitest.config.ts'];
    const found = new Map<string, string>();
    for (const root of roots) {
      const path = join(projectRoot, root);
      for (const file of root.includes('.') || root === 'Dockerfile' ? [path] : files(path)) {
        if (file === self) continue;
        const text = readFileSync(file, 'utf8');
        const names = [
          ...[...text.matchAll(/process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*['"]([^'"]+)['"]\s*\])/g)].map((m) => m[1] ?? m[2]!),
          ...[...text.matchAll(/stubEnv\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!),
          ...[...text.matchAll(/\b((?:BUDGET_GRAPH|NEO4J)_[A-Z0-9_]*[A-Z0-9])\b/g)].map((m) => m[1]!),
        ];
        for (const name of names) if (!NOT_OURS.has(name)) found.set(name, relative(projectRoot, file));
      }
    }
    const undeclared = [...found].filter(([name]) => !(name in ENVIRONMENT)).map(([name, file]) => `${name} (${file})`);
    expect(undeclared).toEqual([]);
    // The scan sees what it should.
    expect([...found.keys()]).toEqual(expect.arrayContaining(['BUDGET_GRAPH_TEST_EMBEDDED', 'BUDGET_GRAPH_TEST_PARSE_WORKER_FAULTS', 'NEO4J_URI', 'PORT', 'CHROMIUM_PATH', 'BUDGET_GRAPH_SKIP_LAUNCHER_BUILD', 'NEO4J_TX_TIMEOUT_S']));
  });
});

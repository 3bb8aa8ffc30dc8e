// The Docker image (#41 item 6): a multi-stage build whose runtime stage carries what runs and
// nothing that builds, with data mounted rather than baked in. No Docker engine here, so the
// image is checked three ways: the Dockerfile's stages as written; every package the compiled
// server imports is a production dependency (what `npm ci --omit=dev` installs); and the image's
// file list, copied as its COPY lines say into an empty folder, run as the server over the
// suite's Neo4j with a document "mounted" in data/. Where an engine is present, a real build too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '../../src/config.js';
import type { Database } from '../../src/db/connection.js';
import { fingerprintOf, RECORDED_FINGERPRINT } from '../../src/load/fingerprint.js';
import { buildServer } from '../../scripts/build-server.mjs';
import { buildWeb } from '../../scripts/build-web.mjs';
import { testDatabase, wipe } from './helpers.js';

interface Stage {
  name: string;
  /** Each instruction: its keyword and the rest of the line (continuations joined). */
  steps: { op: string; args: string }[];
}

/** The Dockerfile's stages, comments dropped and `\` continuations joined. */
function stagesOf(dockerfile: string): Stage[] {
  const lines = dockerfile.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (op.toUpperCase() === 'FROM') stages.push({ name: /\sAS\s+(\S+)/i.exec(args)?.[1] ?? `#${stages.length}`, steps: [] });
    stages.at(-1)?.steps.push({ op: op.toUpperCase(), args });
  }
  return stages;
}

const dockerfile = readFileSync(join(projectRoot, 'Dockerfile'), 'utf8');
const stages = stagesOf(dockerfile);
const image = stages.at(-1)!;
/** The runtime stage's COPY lines as [from stage or null for the build context, source, target]. */
const copies = image.steps
  .filter((s) => s.op === 'COPY')
  .map((s) => {
    const from = /--from=(\S+)/.exec(s.args)?.[1] ?? null;
    const paths = s.args.replace(/--\S+/g, '').trim().split(/\s+/);
    return { from, sources: paths.slice(0, -1), target: paths.at(-1)! };
  });

describe('the Dockerfile', () => {
  it('builds in stages and runs from the last: compiled server, production modules, no sources, no documents', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'deps', '#2']);
    // Every npm install of the runtime's modules leaves dev dependencies out and runs no scripts.
    const deps = stages.find((s) => s.name === 'deps')!;
    expect(deps.steps.filter((s) => s.op === 'RUN' && /npm ci/.test(s.args)).map((s) => s.args)).toEqual([expect.stringMatching(/npm ci --omit=dev --ignore-scripts/)]);
    expect(image.steps.some((s) => s.op === 'RUN' && /npm (ci|install)/.test(s.args))).toBe(false);
    // The runtime copies built outputs from the stages and only data files from the context.
    const fromContext = copies.filter((c) => c.from === null).flatMap((c) => c.sources);
    expect(fromContext.sort()).toEqual(['cypher', 'docs/queries', 'package.json']);
    expect(copies.filter((c) => c.from !== null).map((c) => `${c.from}:${c.sources.join(' ')}`).sort()).toEqual(['build:/app/dist', 'build:/app/web/dist', 'deps:/app/node_modules']);
    // Documents come from a mount (or /ingest), not from the image.
    expect(image.steps.find((s) => s.op === 'VOLUME')?.args).toContain('/app/data');
    expect(image.steps.find((s) => s.op === 'USER')?.args).toBe('node');
    // The build stage records the loader's fingerprint: the image has no sources to hash.
    expect(stages[0]!.steps.some((s) => s.op === 'RUN' && s.args.includes('write-loader-fingerprint.mjs'))).toBe(true);
  });

  it('every package the compiled server imports is a production dependency', async () => {
    await buildServer({ quiet: true });
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : n.endsWith('.js') ? [join(dir, n)] : []));
    })(join(projectRoot, 'dist', 'src'));
    expect(files.length).toBeGreaterThan(100);
    const packages = new Set(
      // import … from "x", export … from "x", import "x", import("x"): a module specifier, not a dot path.
      files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/^\s*(?:import|export)\b[^;'"]*?(?:\sfrom\s*)?["'](@?[\w-][\w@./-]*)["']|\bimport\(\s*["'](@?[\w-][\w@./-]*)["']\s*\)/gm)].map((m) => (m[1] ?? m[2])!)),
    );
    const bare = [...packages].filter((p) => !p.startsWith('node:') && !builtinModules.includes(p)).map((p) => (p.startsWith('@') ? p.split('/').slice(0, 2).join('/') : p.split('/')[0]!));
    expect(bare.length).toBeGreaterThan(5);
    expect([...new Set(bare)].filter((p) => !(p in pkg.dependencies)).sort()).toEqual([]);
  });
});

describe('the image, run from its file list', () => {
  let db: Database;
  let root: string;
  let child: ChildProcess | undefined;
  const log: string[] = [];
  /** The fingerprint the emulated build stage recorded. */
  let recorded = '';

  beforeAll(async () => {
    db = await testDatabase();
    await wipe(db);
    await buildServer({ quiet: true });
    // The build stage's pages (a checkout where `npm install` could not build them builds them here).
    const web = await buildWeb({ quiet: true });
    if (web.missing) throw new Error(`the explorer pages are not built: ${web.missing}`);
    root = mkdtempSync(join(tmpdir(), 'budget-graph-image-'));
    for (const { from, sources, target } of copies) {
      for (const source of sources) {
        // A stage's /app/<path> is this checkout's build output at <path>; node_modules is linked
        // (the dependency check above stands for --omit=dev).
        const local = from === null ? source : source.replace(/^\/app\//, '');
        const dest = join(root, target.replace(/^\.\//, ''), target.endsWith('/') || sources.length > 1 ? local.split('/').at(-1)! : '');
        mkdirSync(dirname(dest), { recursive: true });
        if (local === 'node_modules') symlinkSync(join(projectRoot, 'node_modules'), dest);
        else cpSync(join(projectRoot, local), dest, { recursive: true });
      }
    }
    // What the build stage's write-loader-fingerprint.mjs writes.
    recorded = fingerprintOf(projectRoot);
    writeFileSync(join(root, RECORDED_FINGERPRINT), `${recorded}\n`);
    // The mounted data/.
    mkdirSync(join(root, 'data'));
    cpSync(join(projectRoot, 'data', '003_beb2cb8da5a2afe3.txt'), join(root, 'data', '003_beb2cb8da5a2afe3.txt'));
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (root) rmSync(root, { recursive: true, force: true });
    await wipe(db);
    await db.close();
  }, 60_000);

  it('holds no sources, and starts: loads the mounted document, answers GraphQL, serves the explorer', async () => {
    expect(existsSync(join(root, 'src'))).toBe(false);
    expect(existsSync(join(root, 'web', 'src'))).toBe(false);
    expect(existsSync(join(root, 'dist', 'src', 'main.js'))).toBe(true);
    child = spawn(process.execPath, ['--max-old-space-size=768', 'dist/src/main.js'], {
      cwd: root,
      // The image's environment: the system's search path, the Neo4j connection, nothing of this checkout's.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k === 'PATH' || k.startsWith('NEO4J_'))), NODE_ENV: 'production', PORT: '0', BUDGET_GRAPH_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the image did not start within 170 s:\n${log.join('\n')}`)), 170_000);
      createInterface({ input: child!.stderr! }).on('line', (line) => {
        log.push(line);
        const m = /GraphQL ready at (\S+?);/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child!.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the image exited with ${code}:\n${log.join('\n')}`));
      });
    });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ documents(first: 5) { nodes { file year } } }' }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { documents: { nodes: { file: string; year: number }[] } } };
    // data/003 line 4: (2020年度).
    expect(body.data.documents.nodes).toEqual([{ file: '003_beb2cb8da5a2afe3.txt', year: 2020 }]);
    // The document was loaded by the sources the image was built from: their recorded fingerprint.
    const stored = await db.driver.executeQuery('MATCH (d:Document {file: $file}) RETURN d.loaderVersion AS v', { file: '003_beb2cb8da5a2afe3.txt' }, { database: db.database });
    expect(stored.records[0]?.get('v')).toBe(recorded);
    const page = await fetch(url.replace(/graphql$/, ''));
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
  }, 240_000);
});

// Skipped where no Docker engine answers `docker info` (these machines and CI have none, and a build
// needs one); the file-list run above stands for the image there.
const dockerEngine = spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;
describe.skipIf(!dockerEngine)('with a Docker engine', () => {
  it('builds the image', () => {
    const build = spawnSync('docker', ['build', '-q', '-t', 'budget-graph:test', projectRoot], { encoding: 'utf8', timeout: 900_000 });
    expect(build.status, build.stderr).toBe(0);
  }, 900_000);
});

#!/usr/bin/env node
// Builds the embedded Neo4j launcher (neo4j/launcher) with Maven when its jar is missing
// or older than its sources. Runs from `npm install` (postinstall) and again before `npm start`,
// `npm test`, `npm run load` and `npm run neo4j` (scripts/prepare-run.mjs), so a fresh clone never
// needs a manual Java step; the server itself only looks for the jar (src/db/embedded-neo4j.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const launcherDir = join(root, 'neo4j', 'launcher');
export const jar = join(launcherDir, 'target', 'neo4j-launcher.jar');
const lib = join(launcherDir, 'target', 'lib');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export function launcherIsFresh() {
  if (!existsSync(jar) || !existsSync(lib)) return false;
  const built = statSync(jar).mtimeMs;
  return built >= statSync(join(launcherDir, 'pom.xml')).mtimeMs && built >= newestSource(join(launcherDir, 'src'));
}

export function buildLauncher({ quiet = false } = {}) {
  if (launcherIsFresh()) return { built: false, jar };
  if (process.env.BUDGET_GRAPH_SKIP_LAUNCHER_BUILD === '1') return { built: false, jar };
  const which = spawnSync('mvn', ['-v'], { stdio: 'ignore' });
  if (which.error || which.status !== 0) {
    throw new Error(
      'Maven (mvn) and Java 17 are needed to build the embedded Neo4j launcher. ' +
        'Install them (Debian: apt-get install -y maven openjdk-17-jdk-headless), or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  if (!quiet) {
    console.error('budget-graph: building the embedded Neo4j launcher with Maven (the first build downloads Neo4j 5.26 from Maven Central, ~120 MB)…');
  }
  const started = Date.now();
  const res = spawnSync('mvn', ['-B', '-q', '-DskipTests', 'package'], { cwd: launcherDir, stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.status !== 0) {
    throw new Error(`Maven build of neo4j/launcher failed (exit ${res.status}). Run 'cd neo4j/launcher && mvn -B package' to see why.`);
  }
  if (!quiet) console.error(`budget-graph: launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${jar}`);
  return { built: true, jar };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.env.NEO4J_URI) {
    console.error('budget-graph: NEO4J_URI is set, skipping the embedded launcher build.');
  } else {
    try {
      buildLauncher();
    } catch (err) {
      // Do not fail `npm install`: the build is retried before the server starts, with this same message.
      console.error(`budget-graph: ${err.message}`);
    }
  }
}

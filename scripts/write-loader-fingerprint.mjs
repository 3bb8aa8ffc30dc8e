#!/usr/bin/env node
// Records the loader's fingerprint (src/load/fingerprint.ts: a hash of the parsers, the load plan,
// the model, the sources and the load Cypher) in dist/loader-fingerprint.txt, for a build that
// ships without its sources (the Docker image's build stage runs this after compiling). Run after
// scripts/build-server.mjs: it uses the compiled module.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { fingerprintOf, RECORDED_FINGERPRINT } = await import(join(root, 'dist', 'src', 'load', 'fingerprint.js'));
const fingerprint = fingerprintOf(root);
writeFileSync(join(root, RECORDED_FINGERPRINT), `${fingerprint}\n`);
console.log(`loader fingerprint ${fingerprint} → ${RECORDED_FINGERPRINT}`);

// One fuzz worker: `count` mutations of the bundled documents through parseDocument. Every
// outcome is a parse or a BadDocumentError with a line; anything else is a crash, reported with
// its seed so it can be replayed. Prints one JSON line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../../src/config.js';
import { parseDocument } from '../../src/parse/index.js';
import { BadDocumentError } from '../../src/errors.js';
import { Random } from '../corpus/random.js';
import { mutate } from './mutate.js';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const count = arg('count', 1000);
const seed = arg('seed', 1);
const dir = join(projectRoot, 'data');
const docs = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));

let parsed = 0;
let refused = 0;
let refusedWithoutLine = 0;
const crashes: { seed: number; iteration: number; file: string; mutations: string[]; error: string }[] = [];
let slowest = { ms: 0, iteration: -1, file: '', mutations: [] as string[] };
const rnd = new Random(seed);
const started = performance.now();
for (let i = 0; i < count; i++) {
  const doc = rnd.pick(docs);
  const { text, applied } = mutate(doc.text, rnd);
  const t0 = performance.now();
  try {
    parseDocument(text, doc.file);
    parsed++;
  } catch (err) {
    if (err instanceof BadDocumentError) {
      refused++;
      if (!(err.line >= 1)) refusedWithoutLine++;
    } else {
      crashes.push({ seed, iteration: i, file: doc.file, mutations: applied, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
    }
  }
  const ms = performance.now() - t0;
  if (ms > slowest.ms) slowest = { ms: Math.round(ms), iteration: i, file: doc.file, mutations: applied };
}
console.log(JSON.stringify({ seed, count, parsed, refused, refusedWithoutLine, crashes: crashes.length, crashSamples: crashes.slice(0, 5), slowest, seconds: Math.round((performance.now() - started) / 100) / 10 }));

import { generateCorpus } from './corpus/generate.js';
import { accuracy } from './accuracy.js';
import { writeFileSync, mkdirSync } from 'node:fs';
const docs = generateCorpus(Number(process.argv[2] ?? 30));
mkdirSync('/tmp/corpus', { recursive: true });
for (const d of docs) writeFileSync(`/tmp/corpus/${d.file}`, d.text);
const r = accuracy(docs);
for (const k of ['lines', 'projects', 'investments', 'threeCosts', 'anomalies'] as const) console.log(k, r[k].matched, '/', r[k].expected, r[k].misses.slice(0, 6));
console.log('false anomalies', r.falseAnomalies, 'failed', r.failedDocuments);

// One reader of bench/cells-speed.ts: the PDF source of a built tree (ROOT/dist, `npm run build`
// or scripts/build-server.mjs there), run by plain node so that its time and memory are the
// service's, not a TypeScript loader's (under tsx, loading pdf.js alone cost ~430 MB more).
//
//   node bench/cells-speed-child.mjs ROOT --serve        file paths on stdin, one JSON line each on stdout
//   node bench/cells-speed-child.mjs ROOT --once FILE    one read in a fresh process, with its peak RSS
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const [root, mode, file] = process.argv.slice(2);
if (!root || (mode !== '--serve' && mode !== '--once')) {
  console.error('usage: node bench/cells-speed-child.mjs ROOT --serve | --once FILE');
  process.exit(2);
}
const { readSource } = await import(pathToFileURL(join(root, 'dist', 'src', 'source', 'index.js')).href);

/** Bytes → the text with its cells, as ours.ts reads a document (the whole of readSource). */
async function read(path) {
  const bytes = readFileSync(path);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const doc = await readSource(bytes, basename(path), { ocr: false });
  const c = process.cpuUsage(c0);
  return { file: basename(path), pages: doc.pages ?? 0, seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, lines: doc.text.split('\n').length };
}

if (mode === '--once') {
  const r = await read(file);
  console.log(JSON.stringify({ ...r, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
} else {
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    try {
      console.log(JSON.stringify(await read(line.trim())));
    } catch (err) {
      console.log(JSON.stringify({ file: basename(line), error: String(err) }));
    }
  }
}

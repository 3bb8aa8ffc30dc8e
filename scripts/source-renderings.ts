// npx tsx scripts/source-renderings.ts [--out FILE]: what every source gives each fixture (data/,
// tests/fixtures/**: texts, PDFs — the real Shanghai ones and the scanned one read by OCR
// included —, web pages and Markdown) as hashes, field by field: the SourceDocument's keys in
// their order, its text, places (and per page), spans, page count and notes. The rendering of the
// printed-document model (src/source/printed.ts renderText) must give them byte for byte:
// tests/unit/printed-model.test.ts compares against tests/fixtures/source-renderings.json, written
// by this script from the sources as they were before the model (#37 item 1). Written again only
// when a source is meant to read a fixture differently, with the reason in the commit.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { readSource, type SourceDocument } from '../src/source/index.js';

/** A budget no scan of the fixtures comes near: the record is what OCR reads, not how fast. */
export const OCR_UNHURRIED_MS = 600_000;

/** The fixtures every source reads, in a stable order (README.md files are notes, not documents). */
export function sourceFixtures(root = '.'): string[] {
  const dirs = ['data', 'tests/fixtures', 'tests/fixtures/real', 'tests/fixtures/libreoffice', 'tests/fixtures/html'];
  return dirs.flatMap((d) => readdirSync(join(root, d)).filter((f) => /\.(txt|pdf|html?|md)$/.test(f) && f !== 'README.md').map((f) => join(d, f))).sort();
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const json = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v));

/** A SourceDocument's fields as hashes; the model (printed) is no field of the rendering. */
export function renderingHashes(doc: SourceDocument): Record<string, unknown> {
  const { printed: _model, ...rendering } = doc;
  const byPage: Record<string, string> = {};
  if (doc.places) {
    const pages = new Map<number, { lines: string[]; places: unknown[] }>();
    const lines = doc.text.split('\n');
    doc.places.forEach((p, i) => {
      const entry = pages.get(p.page) ?? { lines: [], places: [] };
      entry.lines.push(lines[i] ?? '');
      entry.places.push(p);
      pages.set(p.page, entry);
    });
    for (const [page, entry] of pages) byPage[page] = sha(json(entry));
  }
  return {
    keys: Object.keys(rendering).join(','),
    file: rendering.file,
    format: rendering.format,
    lines: doc.text.split('\n').length,
    text: sha(doc.text),
    places: sha(json(rendering.places)),
    spans: sha(json(rendering.spans)),
    pages: rendering.pages,
    notes: sha(json(rendering.notes)),
    byPage,
  };
}

if (process.argv[1]?.endsWith('source-renderings.ts')) {
  const out: Record<string, unknown> = {};
  for (const path of sourceFixtures()) {
    try {
      out[path] = renderingHashes(await readSource(readFileSync(path), basename(path), { ocr: { budgetMs: OCR_UNHURRIED_MS } }));
    } catch (err) {
      out[path] = { error: err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 200) : String(err) };
    }
  }
  const file = process.argv[process.argv.indexOf('--out') + 1];
  if (process.argv.includes('--out') && file) writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
  else console.log(JSON.stringify(out, null, 1));
}

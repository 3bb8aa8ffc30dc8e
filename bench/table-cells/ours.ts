// Our reader's table cells, page by page, as the service reads a PDF: src/source's readSource
// (pdf.js text and rulings → grid.ts cells → render.ts lines with each cell's box), untouched.
// A line's cells are its tab-separated texts; a slot a spanning cell covers (the same box as the
// slot before it, or a box that starts above the row: a row span) is dropped, so that a printed
// cell is one cell, once, as the truth files write it.
//
//   npx tsx bench/table-cells/ours.ts FILE.pdf [PAGE ...]     → JSON on stdout
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readSource } from '../../src/source/index.js';

export interface ReaderPage {
  page: number;
  /** Rows top to bottom, each the printed cells left to right ('' a cell that prints nothing). */
  rows: string[][];
}

export interface ReaderResult {
  file: string;
  pageCount: number;
  /** Wall-clock seconds to read the whole document (bytes → lines with cell places). */
  seconds: number;
  /** CPU seconds of the reading process over the same span (less swayed by other work on the machine). */
  cpuSeconds: number;
  pages: ReaderPage[];
}

const same = (a: readonly number[], b: readonly number[]) => a.every((v, k) => Math.abs(v - b[k]!) < 0.05);

export async function ourCells(path: string, wanted?: readonly number[]): Promise<ReaderResult> {
  const bytes = readFileSync(path);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const doc = await readSource(bytes, basename(path), { ocr: false });
  const c1 = process.cpuUsage(c0);
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = (c1.user + c1.system) / 1e6;
  const lines = doc.text.split('\n');
  const byPage = new Map<number, string[][]>();
  lines.forEach((text, i) => {
    const place = doc.places?.[i];
    // The blank line render.ts puts between a table and what is not in it prints nothing; a row of
    // blank cells ("\t\t\t") is a row.
    if (!place || !place.box || text === '' || (text.trim() === '' && !text.includes('\t'))) return;
    const texts = text.split('\t');
    const row: string[] = [];
    texts.forEach((t, k) => {
      const box = place.cells[k];
      if (box && texts.length === place.cells.length) {
        const prev = k > 0 ? place.cells[k - 1] : undefined;
        if (t === '' && prev && same(box, prev)) return; // a column span's covered slot
        if (t === '' && box[1] < place.box![1] - 1) return; // a row span's covered slot (row bands are rounded to 0.1 pt)
      }
      row.push(t);
    });
    const list = byPage.get(place.page) ?? [];
    list.push(row);
    byPage.set(place.page, list);
  });
  const numbers = wanted?.length ? wanted : [...byPage.keys()].sort((a, b) => a - b);
  return { file: basename(path), pageCount: doc.pages ?? 0, seconds, cpuSeconds, pages: numbers.map((page) => ({ page, rows: byPage.get(page) ?? [] })) };
}

if (process.argv[1] && /ours\.ts$/.test(process.argv[1])) {
  const [file, ...pages] = process.argv.slice(2);
  if (!file) {
    console.error('usage: npx tsx bench/table-cells/ours.ts FILE.pdf [PAGE ...]');
    process.exit(2);
  }
  const result = await ourCells(file, pages.map(Number));
  console.log(JSON.stringify(result, null, 1));
}

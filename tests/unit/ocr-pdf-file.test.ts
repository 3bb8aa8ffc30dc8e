// OCR renders a document's scanned pages from one file (#39 item 4 of the round): the PDF is written
// once, each page rendered by pdftoppm from that file with -f N -l N, and the file removed when
// OCR is done. Before: the whole PDF went down pdftoppm's stdin once per scanned page (a 30-page
// 300-dpi scan, 16.85 MB, piped and parsed 30 times).
//
// The pages are the suite's own scans (tests/scans.ts: pages of a bundled PDF printed to gray
// pixels and put back as pictures); tesseract is stood in for (an empty TSV: no words), as the
// test is about what pdftoppm is given, not what OCR reads (tests/unit/ocr-scan.test.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { scanOf } from '../scans.js';

interface Call {
  program: string;
  args: readonly string[];
  stdin: boolean;
  fileThere: boolean;
}
const calls: Call[] = [];

vi.mock('../../src/source/ocr/processes.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/source/ocr/processes.js')>();
  return {
    ...real,
    runProgram: async (program: string, args: readonly string[], input: Uint8Array | null, timeoutMs: number, maxOutput: number, env?: NodeJS.ProcessEnv) => {
      const last = args[args.length - 1] ?? '';
      calls.push({ program, args, stdin: input !== null, fileThere: last !== '-' && existsSync(last) });
      // tesseract: installed or not, an answer with its language and no word.
      if (program === 'tesseract') return Buffer.from(args[0] === '--list-langs' ? 'List of available languages (1):\nchi_sim\n' : 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n');
      return real.runProgram(program, args, input, timeoutMs, maxOutput, env);
    },
  };
});

const { readScannedPages } = await import('../../src/source/ocr/index.js');

describe('scanned pages rendered for OCR', () => {
  it('from the document written once, each page by its number, the file removed afterwards', async () => {
    // Pages 1 and 2 of a real PDF, scanned at 50 dpi (small and quick: what is rendered is not read here).
    const pdf = scanOf(join(projectRoot, 'tests', 'fixtures', 'real', '上海市普陀区财政局2024年度部门决算.pdf'), [1, 2], 50);
    const pages = [1, 2].map((number) => ({ number, width: 595, height: 842, runs: [], glyphs: [], rulings: [], imageCover: 1 }));
    const out = await readScannedPages(pdf, pages, { enabled: true, budgetMs: 120_000 });
    expect(out.notRead).toEqual([]);
    expect([...out.read.keys()]).toEqual([1, 2]);
    const renders = calls.filter((c) => c.program === 'pdftoppm');
    expect(renders.map((c) => [c.args[c.args.indexOf('-f') + 1], c.args[c.args.indexOf('-l') + 1]])).toEqual([['1', '1'], ['2', '2']]);
    // Not on stdin: a file, there while pdftoppm runs, the same for both pages.
    expect(renders.map((c) => [c.stdin, c.fileThere])).toEqual([[false, true], [false, true]]);
    const [first, second] = renders.map((c) => c.args[c.args.length - 1]);
    expect(second).toBe(first);
    // Removed once OCR is done: the document (personal data too) is not left on disk.
    expect(existsSync(first!)).toBe(false);
  }, 60_000);
});

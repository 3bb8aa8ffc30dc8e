// A second PDF producer (#37 item 8): the five bundled documents printed by LibreOffice Writer
// (scripts/print-pdf-libreoffice.ts: other fonts, A4 landscape or US Letter, columns as wide as
// their text, rows a page break cuts with a border drawn at the cut, 部门：… and 单位：万元 on one
// line) read as the records their text gives, kind by kind. Chromium's prints are pdf-source.test.ts.
// Integration, not unit: soffice prints the five at test time, once, in one run (~10 s).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { printPdfsWithLibreOffice, type PageSize } from '../../scripts/print-pdf-libreoffice.js';
import { parseDocument, type ParsedDocument } from '../../src/parse/index.js';
import { readSource } from '../../src/source/index.js';

const KINDS = ['totals', 'lines', 'threeCosts', 'projects', 'indicators', 'investmentProjects', 'selfEvaluations', 'figures', 'proseAmounts', 'payments'] as const;
type Kind = (typeof KINDS)[number];

const DOCS: { file: string; page: PageSize }[] = [
  { file: '000_5c682a4da5e2a113.txt', page: 'A4_LANDSCAPE' },
  { file: '001_958a9ca9db32ab73.txt', page: 'LETTER' },
  { file: '002_94a530100b90bc43.txt', page: 'A4_LANDSCAPE' },
  { file: '003_beb2cb8da5a2afe3.txt', page: 'LETTER' },
  { file: '004_977ad1fe0b13bb92.txt', page: 'A4_LANDSCAPE' },
];

/**
 * 'ALL': the PDF gives exactly the text's records of that kind. [floor, extra]: parity is not
 * reached yet; at least `floor` of the text's records come back identical from the PDF, and at
 * most `extra` records the PDF gives are not the text's (a record read wrong, or split in two) —
 * figures measured on this print, to be tightened as the PDF reader learns (bench/RESULTS.md,
 * "A second PDF producer").
 */
type Expected = 'ALL' | [floor: number, extra: number];
const EXPECTED: Record<string, Record<Kind, Expected>> = {
  '000_5c682a4da5e2a113.txt': { totals: 'ALL', lines: 'ALL', threeCosts: 'ALL', projects: 'ALL', indicators: 'ALL', investmentProjects: 'ALL', selfEvaluations: 'ALL', figures: 'ALL', proseAmounts: 'ALL', payments: 'ALL' },
  '001_958a9ca9db32ab73.txt': { totals: 'ALL', lines: 'ALL', threeCosts: 'ALL', projects: 'ALL', indicators: 'ALL', investmentProjects: 'ALL', selfEvaluations: 'ALL', figures: 'ALL', proseAmounts: 'ALL', payments: 'ALL' },
  '002_94a530100b90bc43.txt': { totals: 'ALL', lines: 'ALL', threeCosts: 'ALL', projects: 'ALL', indicators: 'ALL', investmentProjects: 'ALL', selfEvaluations: 'ALL', figures: 'ALL', proseAmounts: 'ALL', payments: 'ALL' },
  '003_beb2cb8da5a2afe3.txt': { totals: 'ALL', lines: 'ALL', threeCosts: 'ALL', projects: 'ALL', indicators: 'ALL', investmentProjects: 'ALL', selfEvaluations: 'ALL', figures: 'ALL', proseAmounts: 'ALL', payments: 'ALL' },
  '004_977ad1fe0b13bb92.txt': { totals: 'ALL', lines: 'ALL', threeCosts: 'ALL', projects: 'ALL', indicators: 'ALL', investmentProjects: 'ALL', selfEvaluations: 'ALL', figures: 'ALL', proseAmounts: 'ALL', payments: 'ALL' },
};

/** Where a record was read (file, line, the line's text, the cells of that line it read: a PDF may split a line into other cells than its text's tabs) is not the record; spaces are not printed glyphs. */
const PROVENANCE = new Set(['source', 'amountSource', 'sources', 'line', 'text', 'table', 'cellsRead']);
const factKey = (r: unknown) =>
  JSON.stringify(r, (k, v: unknown) => (PROVENANCE.has(k) || k.endsWith('Source') ? undefined : typeof v === 'bigint' ? String(v) : typeof v === 'string' ? v.replace(/\s+/g, '') : v));
const facts = (d: ParsedDocument, kind: Kind) => (d[kind] as unknown[]).map(factKey).sort();

/** How many of `want` are in `got`, each counted once. */
function matched(want: string[], got: string[]): number {
  const left = new Map<string, number>();
  for (const g of got) left.set(g, (left.get(g) ?? 0) + 1);
  let n = 0;
  for (const w of want) {
    const k = left.get(w) ?? 0;
    if (k) {
      n++;
      left.set(w, k - 1);
    }
  }
  return n;
}

const parsed = new Map<string, { fromText: ParsedDocument; fromPdf: ParsedDocument }>();

beforeAll(async () => {
  const texts = DOCS.map((d) => ({ name: d.file, text: readFileSync(`data/${d.file}`, 'utf8'), page: d.page }));
  const pdfs = printPdfsWithLibreOffice(texts);
  for (const { name, text } of texts) {
    const source = await readSource(pdfs.get(name)!, name.replace('.txt', '.pdf'));
    parsed.set(name, { fromText: parseDocument(text, name), fromPdf: parseDocument(source.text, name) });
  }
}, 170_000);

describe.each(DOCS.map((d) => d.file))('%s printed by LibreOffice', (file) => {
  it.each(KINDS)('gives the %s its text gives', (kind) => {
    const { fromText, fromPdf } = parsed.get(file)!;
    const want = facts(fromText, kind);
    const got = facts(fromPdf, kind);
    const expected = EXPECTED[file]![kind];
    if (expected === 'ALL') expect(got).toEqual(want);
    else {
      // Not yet at parity (a floor, not the goal): no fewer records come back, no more read wrong.
      const [floor, extra] = expected;
      const same = matched(want, got);
      expect(same).toBeGreaterThanOrEqual(floor);
      expect(got.length - same).toBeLessThanOrEqual(extra);
      expect(got, 'parity reached: make this kind ALL').not.toEqual(want);
    }
  });
});

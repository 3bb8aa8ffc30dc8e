// Table cells as printed (issue #37 item 9): the truth of bench/table-cells/truth/ — 32 table pages
// of the real Shanghai PDFs (each of the 15 has one at least) and the LibreOffice fixtures (and 3
// of the bundled documents printed by Chromium, the bench's only), every cell read off the page image
// (`pdftoppm -r 80 -f N -l N -png FILE out`, amounts checked zoomed), never from a reader's
// output — is well-formed, and our reader (readSource, as the service reads a PDF) gets at least
// the cells it got when the truth was written: a ratchet that fails if the reader regresses.
// The figures beside pdfplumber's: bench/RESULTS.md ("Table cells exact, ours against pdfplumber") (bench/table-cells/compare.ts).
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ourCells, type ReaderPage } from '../../bench/table-cells/ours.js';
import { GAP, loadTruth, scorePage, sumScores, truthProblems, type PageScore } from '../../bench/table-cells/score.js';

// The pages of the bundled documents printed by Chromium (bundled/…) are the bench's only: the
// unit suite prints no PDF.
const all = loadTruth('bench/table-cells/truth');
const truth = all.filter((t) => t.file.startsWith('tests/'));

/**
 * Exact cells per truth file when the truth was written (2026-12-06); a page may gain, never
 * lose. Raise a floor when the reader gets better.
 */
const FLOOR: Record<string, number> = {
  'commerce25-p13-function-continued.json': 116,
  'commerce25-p21-three-costs.json': 16,
  'commerce25-unit-p21-three-costs.json': 16,
  'final2024-p06-summary.json': 54,
  'final2024-p08-income.json': 176,
  'final2024-p15-function.json': 147,
  'final2024-p16-basic-economic.json': 92,
  'final2024-p18-three-costs.json': 40,
  'final2024-planted-p15-three-costs.json': 32,
  'finance25-p14-fiscal-summary.json': 65,
  'justice26-p12-expenditure.json': 94,
  'justice26-p19-economic.json': 87,
  'justice26-p21-three-costs.json': 16,
  'justice26-unit-p20-three-costs.json': 16,
  'lo-income-narrow-p1.json': 126,
  'lo-investment-form-p1.json': 55,
  'lo-landscape-three-costs-p2.json': 120,
  'lo-three-costs-p1.json': 124,
  'office25-p08-summary.json': 62,
  'office25-p14-function.json': 101,
  'office25-p18-economic.json': 87,
  'office25-p20-three-costs.json': 16,
  'office25-unit-p20-three-costs.json': 16,
  'planning2024-p16-basic-economic.json': 90,
  'planning2024-p17-three-costs.json': 32,
  'social2024-p14-three-costs-blank.json': 32,
  'template-p12-three-costs.json': 32,
  'wanli23-p31-performance-form.json': 40,
  'wanli24-p31-three-costs.json': 16,
  'wanli25-p10-income.json': 129,
  'wanli25-p20-function.json': 101,
  'wanli25-p29-three-costs.json': 16,
};
/** Cells exact over all the pages, and the most cells invented (text where the page prints another or none). */
const TOTAL_EXACT = 2162;
const MAX_INVENTED = 0;

const pages = new Map<string, ReaderPage>();
const scores = new Map<string, PageScore>();

beforeAll(async () => {
  for (const file of [...new Set(truth.map((t) => t.file))]) {
    const numbers = truth.filter((t) => t.file === file).map((t) => t.page);
    const read = await ourCells(file, numbers);
    for (const p of read.pages) pages.set(`${file}#${p.page}`, p);
  }
  for (const t of truth) scores.set(t.name, scorePage(t.rows, pages.get(`${t.file}#${t.page}`)?.rows ?? []));
}, 300_000);

describe('the table-cells truth', () => {
  it('is at least 12 pages of the real PDFs and 3 of the LibreOffice fixtures, each well-formed', () => {
    expect(truth.filter((t) => t.file.startsWith('tests/fixtures/real/')).length).toBeGreaterThanOrEqual(12);
    expect(truth.filter((t) => t.file.startsWith('tests/fixtures/libreoffice/')).length).toBeGreaterThanOrEqual(3);
    for (const t of all) expect(truthProblems(t), t.name).toEqual([]);
    for (const t of truth) expect(existsSync(t.file), t.file).toBe(true);
    expect(all.filter((t) => !truth.includes(t)).every((t) => /^bundled\/[^/]+\.pdf$/.test(t.file))).toBe(true);
    expect(new Set(all.map((t) => `${t.file}#${t.page}`)).size).toBe(all.length);
  });

  it('scores a reading that moves a number into the blank cell beside it, drops a cell or invents one as wrong', () => {
    const t = truth.find((x) => x.name === 'office25-p20-three-costs.json')!;
    const rows = t.rows.filter((r): r is string[] => r !== GAP);
    expect(scorePage(t.rows, rows)).toMatchObject({ exact: 16, missed: 0, invented: 0 });
    // 机关运行经费 213.28 read into the blank 小计 cell: 4 cells wrong (3 blanks lost, 213.28 in the wrong column).
    const moved = [...rows.slice(0, 3), ['867.50', '839.00', '28.50', '213.28']];
    expect(scorePage(t.rows, moved)).toMatchObject({ exact: 12, invented: 1 });
    // A row the reader does not give, and one it makes up between two printed rows.
    expect(scorePage(t.rows, [rows[0]!, rows[1]!, rows[3]!])).toMatchObject({ exact: 13, missed: 3 });
    expect(scorePage(t.rows, [rows[0]!, ['x', 'y'], rows[1]!, rows[2]!, rows[3]!])).toMatchObject({ exact: 16, invented: 2 });
    // Numbers equal as numbers; text after NFKC without whitespace.
    expect(scorePage([['1,097,073.43', '因公出国（境）费']], [['1097073.43', '因公出国 (境)费']])).toMatchObject({ exact: 2 });
    expect(scorePage([['6.20']], [['6.2']])).toMatchObject({ exact: 1 });
    expect(scorePage([['6.20']], [['62']])).toMatchObject({ exact: 0 });
  });
});

describe('our reader against the truth (a ratchet)', () => {
  it.each(truth.map((t) => [t.name]))('%s: at least the exact cells measured when the truth was written', (name) => {
    const s = scores.get(name)!;
    const wrong = s.findings.map((f) => `row ${f.row + 1} col ${f.col + 1} ${f.kind}: printed ${JSON.stringify(f.truth)}, read ${JSON.stringify(f.read)}`);
    expect(FLOOR[name], `${name}: no floor written`).toBeDefined();
    expect(s.exact, `${name}: ${s.exact}/${s.cells} exact\n${wrong.join('\n')}`).toBeGreaterThanOrEqual(FLOOR[name]!);
  });

  it('all pages together: the exact share measured now, and no more cells invented', () => {
    const s = sumScores([...scores.values()]);
    expect(s.exact).toBeGreaterThanOrEqual(TOTAL_EXACT);
    expect(s.invented).toBeLessThanOrEqual(MAX_INVENTED);
  });
});

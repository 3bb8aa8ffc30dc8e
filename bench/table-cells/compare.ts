// Table cells exact, ours against pdfplumber's, on the pages of bench/table-cells/truth/ (read off
// the page images), and pages a second of both on whole documents. pdfplumber serves the bench
// only (Python in a venv: see pdfplumber_cells.py's header), never the service.
//
//   npx tsx bench/table-cells/compare.ts [--reps N] [--bundled DIR] [--no-speed] [--no-accuracy] [--findings FILE]
//
// Accuracy: per truth page, cells (as printed), exact, misplaced, missed, invented (score.ts) for
// ours (readSource, ours.ts) and pdfplumber's extract_tables with its default settings (which are
// lines/lines), explicit {"vertical_strategy": "lines", "horizontal_strategy": "lines"}, and text/text.
// Speed: every PDF of tests/fixtures/real/ and tests/fixtures/libreoffice/, and the bundled
// documents printed by scripts/print-pdf.ts into --bundled DIR (made when absent; the truth's
// bundled/NAME.pdf pages are read there), each read whole
// by both readers in turn, the order swapped from one document to the next and from one
// repetition to the next; ours in-process after a warm-up document (pdf.js loaded), pdfplumber's
// time measured inside Python (the interpreter's start and the import left out). `uptime` is
// printed before and after.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ourCells, type ReaderResult } from './ours.js';
import { loadTruth, sumScores, scorePage, type PageScore } from './score.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const REPS = Number(opt('--reps', '2'));
const BUNDLED = opt('--bundled', '/tmp/table-cells-bundled');
const FINDINGS = opt('--findings', '');
const SPEED = !args.includes('--no-speed');
const ACCURACY = !args.includes('--no-accuracy');
const PYTHON = existsSync('bench/.venv/bin/python') ? 'bench/.venv/bin/python' : 'python3';
const SETTINGS = ['default', 'lines', 'text'] as const;

function plumber(file: string, pages: number[], settings: string = 'default'): ReaderResult {
  const out = execFileSync(PYTHON, ['bench/table-cells/pdfplumber_cells.py', '--settings', settings, file, ...pages.map(String)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out) as ReaderResult;
}

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-');

console.log(`# table cells — ${new Date().toISOString()}`);
console.log(`load before: ${uptime()}`);

// The bundled documents printed by Chromium, as the suite prints them (truth files name them bundled/NAME.pdf).
if (!existsSync(BUNDLED) || readdirSync(BUNDLED).filter((f) => f.endsWith('.pdf')).length < 5) {
  mkdirSync(BUNDLED, { recursive: true });
  for (const txt of readdirSync('data').filter((f) => f.endsWith('.txt'))) execFileSync('npx', ['tsx', 'scripts/print-pdf.ts', join('data', txt), join(BUNDLED, txt.replace(/\.txt$/, '.pdf'))], { stdio: 'inherit' });
}
const where = (file: string) => (file.startsWith('bundled/') ? join(BUNDLED, file.slice('bundled/'.length)) : file);

// ── Accuracy ────────────────────────────────────────────────────────────────────────────────
const truth = ACCURACY ? loadTruth('bench/table-cells/truth') : [];
const readers = ['ours', ...SETTINGS.map((s) => `pdfplumber ${s}`)];
const scores = new Map<string, PageScore[]>(readers.map((r) => [r, []]));
const files = [...new Set(truth.map((t) => t.file))];
const report: string[] = [];
for (const file of files) {
  const pages = truth.filter((t) => t.file === file);
  const numbers = pages.map((p) => p.page);
  const results: Record<string, ReaderResult> = { ours: await ourCells(where(file), numbers) };
  for (const s of SETTINGS) results[`pdfplumber ${s}`] = plumber(where(file), numbers, s);
  for (const t of pages) {
    const line = [`${t.name}`];
    for (const r of readers) {
      const rows = results[r]!.pages.find((p) => p.page === t.page)?.rows ?? [];
      const s = scorePage(t.rows, rows);
      scores.get(r)!.push(s);
      line.push(`${s.exact}/${s.cells}`);
      if (FINDINGS && (r === 'ours' || r === 'pdfplumber default')) for (const f of s.findings) report.push(`${r}\t${t.name}\tp.${t.page}\trow ${f.row + 1}\tcol ${f.col + 1}\t${f.kind}\tprinted: ${JSON.stringify(f.truth)}\tread: ${JSON.stringify(f.read)}`);
    }
    report.push(`SCORE\t${line.join('\t')}`);
  }
}
console.log('\n| page (truth file) | cells | ' + readers.map((r) => `${r} exact`).join(' | ') + ' |');
console.log('|---|---|' + readers.map(() => '---|').join(''));
truth.forEach((t, k) => {
  const cells = scores.get('ours')![k]!.cells;
  console.log(`| ${t.name} (p. ${t.page}) | ${cells} | ` + readers.map((r) => String(scores.get(r)![k]!.exact)).join(' | ') + ' |');
});
console.log('\n| reader | cells | exact | exact % | misplaced | missed | invented |');
console.log('|---|---|---|---|---|---|---|');
for (const r of ACCURACY ? readers : []) {
  const s = sumScores(scores.get(r)!);
  console.log(`| ${r} | ${s.cells} | ${s.exact} | ${pct(s.exact, s.cells)} | ${s.misplaced} | ${s.missed} | ${s.invented} |`);
}
if (FINDINGS) {
  writeFileSync(FINDINGS, report.join('\n') + '\n');
  console.log(`\nfindings (ours and pdfplumber default, every cell not exact): ${FINDINGS}`);
}

// ── Speed ───────────────────────────────────────────────────────────────────────────────────
if (SPEED) {
  const groups: [string, string[]][] = [
    ['real (tests/fixtures/real)', readdirSync('tests/fixtures/real').filter((f) => f.endsWith('.pdf')).map((f) => join('tests/fixtures/real', f))],
    ['bundled (data/*.txt, Chromium)', readdirSync(BUNDLED).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(BUNDLED, f))],
    ['LibreOffice (tests/fixtures/libreoffice)', readdirSync('tests/fixtures/libreoffice').filter((f) => f.endsWith('.pdf')).map((f) => join('tests/fixtures/libreoffice', f))],
  ];
  await ourCells(groups[0]![1][0]!, [1]); // warm-up: pdf.js loads once per process
  console.log(`\nload before speed: ${uptime()}`);
  const totals = new Map<string, { pages: number; ours: number; plumber: number; oursCpu: number; plumberCpu: number; perDoc: string[] }>();
  let turn = 0;
  for (let rep = 0; rep < REPS; rep++)
    for (const [group, docs] of groups)
      for (const doc of docs) {
        const t = totals.get(group) ?? { pages: 0, ours: 0, plumber: 0, oursCpu: 0, plumberCpu: 0, perDoc: [] };
        const runOurs = async () => await ourCells(doc, [0]); // reads the whole document; no page's rows kept
        const runPlumber = () => plumber(doc, []);
        let o: ReaderResult;
        let p: ReaderResult;
        if (turn++ % 2 === 0) {
          o = await runOurs();
          p = runPlumber();
        } else {
          p = runPlumber();
          o = await runOurs();
        }
        t.pages += p.pageCount;
        t.ours += o.seconds;
        t.plumber += p.seconds;
        t.oursCpu += o.cpuSeconds;
        t.plumberCpu += p.cpuSeconds;
        t.perDoc.push(`${basename(doc)} ${p.pageCount}p ours ${(o.seconds / p.pageCount).toFixed(3)} s/p (CPU ${(o.cpuSeconds / p.pageCount).toFixed(3)}), pdfplumber ${(p.seconds / p.pageCount).toFixed(3)} s/p (CPU ${(p.cpuSeconds / p.pageCount).toFixed(3)})`);
        totals.set(group, t);
      }
  console.log(`load after speed: ${uptime()}`);
  console.log(`\n| documents (${REPS} reads each, alternating) | pages read | ours pages/s | ours s a page | ours CPU s a page | pdfplumber pages/s | pdfplumber s a page | pdfplumber CPU s a page |`);
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [group, t] of totals) console.log(`| ${group} | ${t.pages} | ${(t.pages / t.ours).toFixed(1)} | ${(t.ours / t.pages).toFixed(3)} | ${(t.oursCpu / t.pages).toFixed(3)} | ${(t.pages / t.plumber).toFixed(1)} | ${(t.plumber / t.pages).toFixed(3)} | ${(t.plumberCpu / t.pages).toFixed(3)} |`);
  if (FINDINGS) writeFileSync(FINDINGS, report.join('\n') + '\n\n' + [...totals.values()].flatMap((t) => t.perDoc).join('\n') + '\n');
}
console.log(`\nload after: ${uptime()}`);

// Every mutation that breaks a printed sum yields an anomaly (#38 item 6). Given the bundled
// documents as printed, and the real PDFs of tests/fixtures/real/ as their text is read (with the
// grid's places), change one amount of a coded row whose parent row the same table prints
// (a 款 under its 类, a 项 under its 款, 30217 under 302), in whichever amount column comes first,
// and parse again: a new anomaly must name it. Two changes each:
// - 7 in the units digit, beyond any rounding a table can show: a WARNING. Before, a table's
//   parent = Σ children was checked in 合计 / 基本支出 / 项目支出 only, so a change in any other
//   column (004 line 362's 本年收入 of 2340299 抗疫相关支出 under 23402) went unsaid.
// - one unit of the last printed digit (0.59 → 0.60), inside the rounding a document declaring
//   尾数误差 allows: at least an INFO. Before, the table's tolerance made it silent (004 line
//   316's 30217 公务接待费 under 302, whose 27 children allow ±0.14 万元).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { parseDocument } from '../../src/parse/index.js';
import type { Diagnostic } from '../../src/parse/records.js';
import { readSource, type SourceDocument } from '../../src/source/index.js';

const DATA = join(projectRoot, 'data');
const REAL = join(projectRoot, 'tests/fixtures/real');
const AMOUNT = /^-?[\d,]+(\.\d+)?$/;

/** A printed amount plus `units` of its last printed digit, printed as the document prints it (commas kept). */
function plus(printed: string, units: bigint): string {
  const decimals = /\.(\d+)$/.exec(printed)?.[1]?.length ?? 0;
  const fen = BigInt(printed.replace(/[,.]/g, '')) + units;
  const digits = fen.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, printed.includes(',') ? ',' : '');
  return decimals ? `${whole}.${digits.slice(-decimals)}` : whole;
}
/** 7 in the units digit, whatever the decimals printed. */
const plusSeven = (printed: string) => plus(printed, 7n * 10n ** BigInt(/\.(\d+)$/.exec(printed)?.[1]?.length ?? 0));
/** One unit of the last digit printed. */
const plusOneUnit = (printed: string) => plus(printed, 1n);

interface Document {
  file: string;
  text: string;
  notes?: readonly Diagnostic[];
  places?: SourceDocument['places'];
}

/**
 * Rows mutated per document: evenly spread, so the run stays within seconds on a shared machine
 * (a parse of 004 takes ~0.2 s); MUTATE_ALL=1 mutates every row.
 */
const PER_DOCUMENT = process.env.MUTATE_ALL ? Number.POSITIVE_INFINITY : 10;

/** Each mutation of the coded child rows that no new anomaly names: file:line code before → after. */
function silentMutations(doc: Document, mutate: (printed: string) => string, offset: number): { tried: number; silent: string[] } {
  const parse = (text: string) => parseDocument(text, doc.file, doc.notes ?? [], doc.places ?? null);
  const base = parse(doc.text);
  const said = new Set(base.anomalies.map((a) => a.message));
  const codes = new Set(base.lines.map((l) => l.code));
  const lines = doc.text.split('\n');
  const inTable = new Map<string, Set<string>>();
  for (const l of base.lines) (inTable.get(l.source.table ?? '') ?? inTable.set(l.source.table ?? '', new Set()).get(l.source.table ?? '')!).add(l.code);
  const seen = new Set<number>();
  const rows = base.lines.filter((l) => {
    const line = l.source.line;
    if (l.code.length <= 3 || !inTable.get(l.source.table ?? '')?.has(l.code.slice(0, l.code.length - 2)) || !line || seen.has(line)) return false;
    seen.add(line);
    return true;
  });
  // Every stride-th row from `offset`: the two mutations look at different rows of a long table.
  const stride = Math.max(1, Math.ceil(rows.length / PER_DOCUMENT));
  let tried = 0;
  const silent: string[] = [];
  for (const l of rows.filter((_, i) => i % stride === offset % stride)) {
    const line = l.source.line;
    const cells = lines[line - 1]!.split('\t');
    // The row's own amount: the first figure after its name, before the next block's code or name
    // (a PDF prints the code in parts, 301 | 07 | 绩效工资, and two blocks side by side).
    const own = cells.findIndex((c) => c.trim() === l.name);
    const name = own >= 0 ? own : cells.findIndex((c) => /\p{Script=Han}/u.test(c));
    let at = -1;
    for (let i = name + 1; i < cells.length && at < 0; i++) {
      const c = cells[i]!.trim();
      if (codes.has(c) || /\p{Script=Han}/u.test(c)) break;
      if (AMOUNT.test(c) && !/^0+(\.0+)?$/.test(c)) at = i;
    }
    if (at < 0) continue;
    const before = cells[at]!.trim();
    cells[at] = mutate(before);
    const mutated = [...lines];
    mutated[line - 1] = cells.join('\t');
    tried++;
    if (!parse(mutated.join('\n')).anomalies.some((a) => !said.has(a.message))) silent.push(`${doc.file}:${line} ${l.code} ${before} → ${cells[at]}`);
  }
  return { tried, silent };
}

const documents: Document[] = [];
beforeAll(async () => {
  for (const file of readdirSync(DATA).filter((f) => f.endsWith('.txt')).sort()) documents.push({ file, text: readFileSync(join(DATA, file), 'utf8') });
  // The real PDFs as the loader reads them: the text, the source's notes and each line's place.
  for (const file of readdirSync(REAL).filter((f) => f.endsWith('.pdf')).sort()) {
    const source = await readSource(readFileSync(join(REAL, file)), file, { ocr: false });
    // A blank template is refused, not read (parse/template.ts): nothing of it to mutate.
    if (/模板/.test(file)) continue;
    documents.push({ file, text: source.text, notes: source.notes, places: source.places });
  }
}, 60_000);

describe('mutating a child amount of the bundled documents and the real PDFs', () => {
  for (const [name, mutate, least, offset] of [['by 7 in its units digit', plusSeven, 'beyond any rounding', 0], ['by one unit of its last printed digit', plusOneUnit, 'at least an INFO', 1]] as const) {
    it(`every one that breaks its parent row, ${name}, is an anomaly (${least})`, () => {
      let tried = 0;
      let pdfs = 0;
      const silent: string[] = [];
      for (const doc of documents) {
        const found = silentMutations(doc, mutate, offset);
        tried += found.tried;
        if (doc.places && found.tried > 0) pdfs++;
        silent.push(...found.silent);
      }
      // 10 rows at most of each of 12 documents (data/ alone has over 150: MUTATE_ALL=1 tries them all).
      expect(tried).toBeGreaterThan(100);
      expect(pdfs).toBeGreaterThanOrEqual(5);
      expect(silent).toEqual([]);
    }, 60_000);
  }
});

// Table cells against the truth (bench/table-cells/truth/*.json, read off the page images): the
// scoring shared by compare.ts and tests/unit/table-cells-truth.test.ts. Pure.
//
// A truth file lists a page's printed rows, top to bottom, each the cells that START in that row,
// left to right ('' a drawn cell that prints nothing; a cell spanning columns or rows once, in
// the row it starts in). "..." stands for rows not transcribed (between two regions of a page):
// the reader's rows there are not scored. A reader's page is the same shape (ours.ts and
// pdfplumber_cells.py drop the slots a spanning cell covers).
//
// Rows are aligned in order (a dynamic programme maximising exact cells), reader rows before the
// first and after the last truth row being outside the transcribed region. In an aligned pair a
// truth cell is EXACT when the reader's cell at the same place in the row (its index from the
// left) has the same text: NFKC, whitespace removed (a cell's text wraps over lines), and two
// amounts equal as numbers ("1,097,073.43" = "1097073.43"). A number that moved into the blank
// cell beside it is not exact: the place is the column. MISPLACED: the text is in the row but at
// another place (a cell dropped or split before it). MISSED: the rest (read wrong, or not at
// all). INVENTED: reader cells with text that the truth does not print at their place (wrong
// text, text in a blank cell, cells past the row's end, unaligned reader rows inside a region).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const GAP = '...';
export type TruthRow = string[] | typeof GAP;

export interface TruthPage {
  /** Repository-relative path of the PDF. */
  file: string;
  page: number;
  table: string;
  region: string;
  read: string;
  rows: TruthRow[];
  /** The truth file's name. */
  name: string;
}

export function loadTruth(dir: string): TruthPage[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ ...(JSON.parse(readFileSync(join(dir, name), 'utf8')) as Omit<TruthPage, 'name'>), name }));
}

/** What is wrong with a truth file's shape ([] when it is well-formed). */
export function truthProblems(t: TruthPage): string[] {
  const out: string[] = [];
  if (typeof t.file !== 'string' || !/\.pdf$/i.test(t.file)) out.push('file: a path to a PDF');
  if (!Number.isInteger(t.page) || t.page < 1) out.push('page: a page number from 1');
  for (const key of ['table', 'region', 'read'] as const) if (typeof t[key] !== 'string' || t[key].trim() === '') out.push(`${key}: a non-empty sentence`);
  if (!Array.isArray(t.rows) || !t.rows.some((r) => Array.isArray(r))) out.push('rows: at least one row of cells');
  else
    t.rows.forEach((r, i) => {
      if (r === GAP) {
        if (i === 0 || i === t.rows.length - 1 || t.rows[i - 1] === GAP) out.push(`rows[${i}]: "..." only between two transcribed rows`);
      } else if (!Array.isArray(r) || r.length === 0 || !r.every((c) => typeof c === 'string')) out.push(`rows[${i}]: a list of one or more cell texts`);
      else if (r.every((c) => c.trim() === '') && r.length < 2) out.push(`rows[${i}]: a row of one blank cell`);
    });
  return out;
}

const AMOUNT = /^[-−]?\d[\d,]*(?:\.\d+)?$/;
export const normalize = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
export function sameCell(truth: string, read: string | undefined): boolean {
  if (read === undefined) return false;
  const [a, b] = [normalize(truth), normalize(read)];
  if (a === b) return true;
  if (AMOUNT.test(a) && AMOUNT.test(b)) return Number(a.replace(/,/g, '').replace('−', '-')) === Number(b.replace(/,/g, '').replace('−', '-'));
  return false;
}

export interface CellFinding {
  row: number;
  col: number;
  kind: 'MISSED' | 'MISPLACED' | 'INVENTED';
  truth: string | null;
  read: string | null;
}

export interface PageScore {
  cells: number;
  exact: number;
  misplaced: number;
  missed: number;
  invented: number;
  findings: CellFinding[];
}

/** Longest common subsequence of equal cells: how many of the truth row's cells the reader row holds in order. */
function lcs(t: string[], r: string[]): Set<number> {
  const n = t.length;
  const m = r.length;
  const d = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) d[i]![j] = sameCell(t[i]!, r[j]) ? 1 + d[i + 1]![j + 1]! : Math.max(d[i + 1]![j]!, d[i]![j + 1]!);
  const held = new Set<number>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (sameCell(t[i]!, r[j])) {
      held.add(i);
      i++;
      j++;
    } else if (d[i + 1]![j]! >= d[i]![j + 1]!) i++;
    else j++;
  }
  return held;
}

function scoreRow(t: string[], r: string[], row: number): PageScore {
  const s: PageScore = { cells: t.length, exact: 0, misplaced: 0, missed: 0, invented: 0, findings: [] };
  const inOrder = lcs(t, r);
  t.forEach((cell, k) => {
    if (sameCell(cell, r[k])) s.exact++;
    else if (inOrder.has(k)) {
      s.misplaced++;
      s.findings.push({ row, col: k, kind: 'MISPLACED', truth: cell, read: r[k] ?? null });
    } else {
      s.missed++;
      s.findings.push({ row, col: k, kind: 'MISSED', truth: cell, read: r[k] ?? null });
    }
  });
  r.forEach((cell, k) => {
    if (normalize(cell) === '') return;
    if (k < t.length && sameCell(t[k]!, cell)) return;
    s.invented++;
    if (k >= t.length) s.findings.push({ row, col: k, kind: 'INVENTED', truth: null, read: cell });
  });
  return s;
}

const add = (a: PageScore, b: PageScore): PageScore => ({ cells: a.cells + b.cells, exact: a.exact + b.exact, misplaced: a.misplaced + b.misplaced, missed: a.missed + b.missed, invented: a.invented + b.invented, findings: [...a.findings, ...b.findings] });
export const emptyScore = (): PageScore => ({ cells: 0, exact: 0, misplaced: 0, missed: 0, invented: 0, findings: [] });
export const sumScores = (scores: PageScore[]) => scores.reduce(add, emptyScore());

/** A reader's rows of one page against the truth's. */
export function scorePage(truth: TruthRow[], read: string[][]): PageScore {
  const n = truth.length;
  const m = read.length;
  const rowScore = new Map<string, PageScore>();
  const pair = (i: number, j: number) => {
    const key = `${i},${j}`;
    let s = rowScore.get(key);
    if (!s) rowScore.set(key, (s = scoreRow(truth[i] as string[], read[j]!, i)));
    return s;
  };
  const inventedRow = (j: number) => read[j]!.filter((c) => normalize(c) !== '').length;
  // best[i][j]: the best value of aligning truth rows i.. with reader rows j.. (exact cells, then fewer invented).
  const value = (s: { exact: number; invented: number }) => s.exact * 1000 - s.invented;
  const best = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const move = Array.from({ length: n + 1 }, () => new Array<'pair' | 'skipTruth' | 'skipRead'>(m + 1).fill('skipRead'));
  for (let i = n; i >= 0; i--)
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      let b = -Infinity;
      let mv: 'pair' | 'skipTruth' | 'skipRead' = 'skipRead';
      // A reader row outside every region (before the first truth row, after the last, or where the truth says "...") costs nothing.
      const outside = i === n || truth[i] === GAP || !truth.slice(0, i).some((r) => r !== GAP);
      if (j < m) {
        const v = best[i]![j + 1]! - (outside ? 0 : inventedRow(j));
        if (v > b) [b, mv] = [v, 'skipRead'];
      }
      if (i < n) {
        const v = best[i + 1]![j]!;
        if (v > b || (truth[i] === GAP && v >= b)) [b, mv] = [v, 'skipTruth'];
      }
      if (i < n && j < m && truth[i] !== GAP) {
        const v = value(pair(i, j)) + best[i + 1]![j + 1]!;
        if (v > b) [b, mv] = [v, 'pair'];
      }
      best[i]![j] = b;
      move[i]![j] = mv;
    }
  let total = emptyScore();
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const mv = move[i]![j]!;
    if (mv === 'pair') {
      total = add(total, pair(i, j));
      i++;
      j++;
    } else if (mv === 'skipTruth') {
      const t = truth[i]!;
      if (t !== GAP) total = add(total, { cells: t.length, exact: 0, misplaced: 0, missed: t.length, invented: 0, findings: t.map((c, k) => ({ row: i, col: k, kind: 'MISSED' as const, truth: c, read: null })) });
      i++;
    } else {
      const outside = i === n || truth[i] === GAP || !truth.slice(0, i).some((r) => r !== GAP);
      if (!outside) {
        const extra = read[j]!.map((c, k) => ({ c, k })).filter(({ c }) => normalize(c) !== '');
        total = add(total, { cells: 0, exact: 0, misplaced: 0, missed: 0, invented: extra.length, findings: extra.map(({ c, k }) => ({ row: i, col: k, kind: 'INVENTED' as const, truth: null, read: c })) });
      }
      j++;
    }
  }
  return total;
}

// Rules on the printed pages // 页面: what the page map of the source shows. A PDF knows each
// line's page (src/source LinePlace.page); a text file marks pages with form feeds (pdftotext
// writes one per page, so a blank page is two in a row). A page between printed pages that
// prints nothing, or only its page number, is a page a reviewer marks for removal (a reviewer's
// checklist: 目录后有一页多余的空表页).
import { PRINTED_PAGE } from '../glossary/index.js';
import type { Anomaly, Source } from '../records.js';
import type { CheckContext, CheckRule } from './rule.js';

/** The source's notes on a scanned page (src/source/index.ts: PAGE_NOT_READ, PAGE_READ_BY_OCR, "page N is a scanned image …"). */
const SCANNED_PAGE_NOTE = { codes: ['PAGE_NOT_READ', 'PAGE_READ_BY_OCR'], page: /^page (\d+)\b/ };
/** The source's note on a line of text a clip cuts (src/source/cut-text.ts CUT_TEXT_NOTE). */
const CUT_TEXT_NOTE = 'TEXT_CUT_BY_CLIP';

/** What one page of the source prints, as the lines placed on it show. */
interface PageContent {
  /** Lines placed on the page (1-based). */
  lines: number[];
  /** Any line printing words or figures other than a page number. */
  prints: boolean;
  /** A line printing nothing in boxes of its own: an empty ruled table row. */
  emptyCells: number | null;
}

/** The pages the source names a line on, each with what its lines print; null without a page map. */
function pageContents(ctx: CheckContext): Map<number, PageContent> | null {
  const places = ctx.places;
  if (!places) return null;
  const pages = new Map<number, PageContent>();
  places.forEach((place, i) => {
    const page = place?.page;
    if (page === undefined) return;
    let content = pages.get(page);
    if (!content) pages.set(page, (content = { lines: [], prints: false, emptyCells: null }));
    const text = (ctx.lines[i] ?? '').replace(/\t/g, ' ').trim();
    content.lines.push(i + 1);
    if (text !== '' && !PRINTED_PAGE.pageNumber.test(text)) content.prints = true;
    else if (text === '' && (place?.cells.length ?? 0) > 1) content.emptyCells ??= i + 1;
  });
  return pages.size ? pages : null;
}

/** Pages the source says are scanned images (read by OCR or not): not blank, whatever their text. */
function scannedPages(ctx: CheckContext): Set<number> {
  const out = new Set<number>();
  for (const note of ctx.sourceNotes ?? []) {
    if (!SCANNED_PAGE_NOTE.codes.includes(note.code)) continue;
    const m = SCANNED_PAGE_NOTE.page.exec(note.message);
    if (m) out.add(Number(m[1]));
  }
  return out;
}

/**
 * Each page between the first and the last printed page that prints no text (none of its lines, or
 * only a page number), citing the last line printed before it and the first after; a run of such
 * pages with no line at all is one finding (a text of a million form feeds is one finding, not a
 * million). A page whose only line is a row of empty ruled cells is said as such: a table's empty
 * row run over onto a page of its own.
 */
function blankPages(ctx: CheckContext): Anomaly[] {
  const pages = pageContents(ctx);
  if (!pages) return [];
  const printed = [...pages].filter(([, c]) => c.prints).map(([p]) => p).sort((a, b) => a - b);
  if (printed.length < 2) return [];
  const scanned = scannedPages(ctx);
  // Pages within the printed ones that are not blank runs: placed lines printing nothing, or scanned.
  const marked = [...new Set([...[...pages].filter(([, c]) => !c.prints).map(([p]) => p), ...scanned])].sort((a, b) => a - b);
  const { file } = ctx.doc.meta;
  const at = (line: number): Source => ({ file, table: tableAt(ctx, line), line, text: ctx.lines[line - 1] ?? '' });
  const printedLines = (page: number) => (pages.get(page)?.lines ?? []).filter((l) => (ctx.lines[l - 1] ?? '').trim() !== '');
  const out: Anomaly[] = [];
  let m = 0;
  // Each two printed pages in a row, by their numbers (printed is sorted).
  const gaps = printed.slice(1).map((after, k) => [printed[k] ?? after, after] as const);
  for (const [before, after] of gaps) {
    if (after === before + 1) continue;
    // A printed page prints a line (that is what printed means): its last and the next one's first.
    const last = printedLines(before).at(-1) ?? 1;
    const first = printedLines(after)[0] ?? 1;
    const [lastBefore, firstAfter] = [at(last), at(first)];
    const around = [lastBefore, firstAfter];
    const between = `between page ${before} (line ${last}) and page ${after} (line ${first})`;
    const blank = (from: number, to: number) => {
      if (from > to) return;
      const pagesSaid = from === to ? `page ${from} is` : `pages ${from}-${to} are`;
      out.push({ kind: 'BLANK_PAGE', severity: 'INFO', message: `${pagesSaid} blank: nothing is printed ${between}`, delta: null, sources: around });
    };
    while ((marked[m] ?? Infinity) <= before) m++;
    let from = before + 1;
    for (let page = marked[m]; page !== undefined && page < after; page = marked[++m]) {
      blank(from, page - 1);
      from = page + 1;
      const content = pages.get(page);
      if (scanned.has(page) || !content) continue;
      if (content.emptyCells !== null) {
        const message = `page ${page} prints no text, only an empty row of table cells (line ${content.emptyCells}), ${between}: a table's empty row run over onto a page of its own`;
        out.push({ kind: 'BLANK_PAGE', severity: 'INFO', message, delta: null, sources: [lastBefore, at(content.emptyCells), firstAfter] });
      } else {
        const pageNumber = printedLines(page).length > 0;
        out.push({ kind: 'BLANK_PAGE', severity: 'INFO', message: `page ${page} is blank${pageNumber ? ' but for its page number' : ''}: nothing is printed ${between}`, delta: null, sources: around });
      }
    }
    blank(from, after - 1);
  }
  return out;
}

/**
 * Each line of text the source says a clip cuts through (src/source/cut-text.ts: its page and box in
 * the note), at the line printed nearest it: the reader of the page sees part of each glyph.
 */
function cutText(ctx: CheckContext): Anomaly[] {
  const { file } = ctx.doc.meta;
  return (ctx.sourceNotes ?? [])
    .filter((note) => note.code === CUT_TEXT_NOTE)
    .map((note) => ({
      kind: 'TEXT_CUT',
      // As grave as the note: glyphs not read are text the page's reader cannot see whole and the
      // parse does not have (WARNING); glyphs read as printed lose nothing (INFO).
      severity: note.level,
      message: note.message,
      delta: null,
      sources: [{ file, table: tableAt(ctx, note.line), line: note.line, text: ctx.lines[note.line - 1] ?? '' }],
    }));
}

/** The title of the table a line is a row of, else 正文. */
function tableAt(ctx: CheckContext, line: number): string {
  const table = ctx.layout.tables.find((t) => t.titleLine <= line && t.rows.some((r) => r.line >= line));
  return table && table.rows.some((r) => r.line === line) ? table.title : '正文';
}

export const PAGE_RULES: CheckRule[] = [
  {
    code: 'BLANK_PAGE',
    kind: 'BLANK_PAGE',
    family: 'FORMAT',
    severity: 'INFO',
    compares: 'each page between the first and the last printed page (the source’s page map: a PDF’s pages, a text’s form feeds) with the lines printed on it: none, only a page number, or only an empty row of table cells',
    why: 'a blank page in a disclosure is a page left over from typesetting; a reviewer marks it for removal, and a reader looks for what is missing there',
    run: blankPages,
  },
  {
    code: 'TEXT_CUT',
    kind: 'TEXT_CUT',
    family: 'FORMAT',
    severity: 'INFO',
    compares: 'each glyph a PDF page draws with the clip it is drawn in: a line the clip cuts through (part of each glyph shown, part hidden), as the source notes it with its page and box',
    why: 'a line cut at a frame’s foot or a cell’s edge is printed only in part (部分文字未正常显示, a reviewer’s checklist item); the reader of the page cannot read it there',
    run: cutText,
  },
];

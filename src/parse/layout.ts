// Layout: the document's printed lines (their cells, from the source's model: src/source/printed.ts)
// → prose lines and tables. Knows how these documents print tables (titles repeated after page
// breaks, rows cut over two lines, cells spanning columns and rows), not what any one document says.
import { printedLines, textCells, type PrintedDocument } from '../source/printed.js';
import { declaredUnit, moneyUnitOf, toHalfWidth, type MoneyUnit } from './amount.js';
import { opensWithPersonalLabel, REDACTED } from './personal-data.js';
import { headerRows, printsDigit } from './structure/header.js';
import { group } from './matches.js';
import { CELL_UNIT, FORM_START_LABEL, NOTE_LINE, PREAMBLE_FORM_LINE, PREAMBLE_LINE, SPACES_AND_FULL_BRACKETS, TABLE_NUMBER, TITLE_DECORATION, TITLE_PARTS } from './glossary/index.js';

export interface Row {
  line: number;
  cells: string[];
  text: string;
  /**
   * Where the source knows the printed cells (a PDF's ruled grid): for each cell, the index of the
   * first cell of the printed cell it is part of — i itself, or the start of a cell spanning
   * columns. Absent when the source prints no grid (text, a table without rulings).
   */
  spanStart?: number[];
  /** With spanStart: each printed cell's left and right edge (points), to line up a row cut off by a page break. */
  edges?: [number, number][];
  /**
   * Where the source knows the printed cells: each cell that lies in a printed cell begun on a row
   * above (a cell spanning rows: a 类 or a name printed once for the rows it covers), that row's
   * line and the text it prints; null for the cells printed on this row. Absent when no cell is so.
   * The cell itself stays blank in `cells`, as the row prints it.
   */
  fromAbove?: (SpannedCell | null)[];
  /**
   * A text line (no place from the source) ending in blank cells: how many cells it prints, those
   * too (its tabs). `cells` drops them; a reader lining a row up with its header's columns needs
   * them to tell a row printing its last figures blank from one that printed fewer cells.
   */
  width?: number;
}

/** The printed cell a cell of a lower row lies in: the line it is printed on, and its text. */
export interface SpannedCell {
  line: number;
  text: string;
}

/** A cell as part of the printed cell it lies in (src/source CellSpan): that cell's first column, and whether it began on a row above. */
export interface CellSpanOf {
  start: number;
  above: boolean;
}

/**
 * Where a text line's cells are printed, as the source says (src/source LinePlace): a box per cell
 * (a PDF), or each cell's span where the source knows spans but no boxes (an HTML table).
 */
export interface LineCells {
  /** Each cell's box: x0, y0, x1, y1 in points. */
  cells: readonly (readonly [number, number, number, number])[];
  spans?: readonly CellSpanOf[];
}

/** A line's place as the parser reads it: its cells' boxes or spans (LineCells) and, for a paged source, its page. */
export interface LinePlaceOf extends LineCells {
  page?: number;
}

/**
 * What the parser reads of a printed document: each line's cells' texts, and each line's place —
 * a paged source's page and cell boxes (a PDF's, a text's form-feed pages), the cells' spans where
 * the source knows them (a PDF's ruled grid, a web table's colspan / rowspan: not guessed from the
 * boxes then); null for a line the source says nothing of, and null in all when it says nothing of any.
 */
export function linesOfPrinted(doc: PrintedDocument): { cells: string[][]; places: (LinePlaceOf | null)[] | null } {
  const cells: string[][] = [];
  const places: (LinePlaceOf | null)[] = [];
  let placed = false;
  for (const { page, line } of printedLines(doc)) {
    // One pass over the line's cells: their texts, boxes and spans (every cell's, or none).
    const texts: string[] = [];
    const boxes: LineCells['cells'][number][] = [];
    let spans: CellSpanOf[] | null = [];
    for (const c of line.cells) {
      texts.push(c.text);
      if (c.box) boxes.push(c.box);
      if (spans && c.span) spans.push(c.span);
      else spans = null;
    }
    cells.push(texts);
    if (page !== null) {
      places.push(spans ? { page, cells: boxes, spans } : { page, cells: boxes });
      placed = true;
    } else if (spans) {
      places.push({ cells: [], spans });
      placed = true;
    } else places.push(null);
  }
  return { cells, places: placed ? places : null };
}

/**
 * A line's cells less the white space it ends in: the blank cells at its end, the spaces after its
 * last printed cell (a text line's trailing tabs and spaces are no cells of the row).
 */
function trimmedCells(cells: readonly string[]): string[] {
  let n = cells.length;
  while (n > 0 && (cells[n - 1] ?? '').trim() === '') n--;
  const out = cells.slice(0, n);
  if (n > 0) out[n - 1] = (out[n - 1] ?? '').trimEnd();
  return out;
}

/** Short prose lines a title may stand above its rows by (a subtitle, a note, a 单位 line not read as preamble). */
const MAX_PROSE_UNDER_TITLE = 5;

/**
 * Each cell's span start from the boxes of its line: a cell printed in the same box as the cell
 * before it is part of that printed cell. Only for a line whose every cell has a box (a ruled grid
 * row: its blank cells are boxes too); undefined otherwise.
 */
function spanStarts(cells: string[], place: LineCells | null | undefined): number[] | undefined {
  if (place?.spans && place.spans.length >= cells.length && cells.length > 0) return place.spans.map((s) => s.start);
  if (!place || place.cells.length < cells.length || cells.length === 0) return undefined;
  const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, k) => v === b[k]);
  // Over every printed cell, the blank ones the line's text drops at its end included; a cell starts
  // a span unless its box is the one before it.
  let start = 0;
  return place.cells.map((box, i, boxes) => {
    const before = boxes[i - 1];
    if (!(before && same(box, before))) start = i;
    return start;
  });
}

/** Box tops closer than this (points) are one row's top. */
const SAME_TOP = 0.5;

/**
 * Which cells of a line lie in a printed cell begun on a row above: as the source says (spans), or
 * from the boxes of a ruled grid's row (a cell spanning rows keeps its box on the rows it covers,
 * its top above the row's own: the highest top of a cell printed on the row).
 */
function aboveFlags(cells: string[], place: LineCells | null | undefined): boolean[] | undefined {
  if (!place || cells.length === 0) return undefined;
  if (place.spans) return place.spans.length >= cells.length ? place.spans.map((s) => s.above) : undefined;
  if (place.cells.length < cells.length) return undefined;
  const top = Math.max(...place.cells.map((b) => b[1] ?? -Infinity));
  return place.cells.map((b) => (b[1] ?? top) < top - SAME_TOP);
}

/**
 * Each cell of `row` that lies in a printed cell begun above: the row above's text there, or what
 * that row's own cell lay in. Null where the row above is not known (the table's first row), and
 * for a PDF where its box there is not the same printed cell.
 */
function spannedFromAbove(row: Row, above: boolean[], prev: Row | undefined, boxes: LineCells | null | undefined, prevBoxes: LineCells | null | undefined): (SpannedCell | null)[] | undefined {
  if (!above.some(Boolean)) return undefined;
  const same = (i: number) => {
    const [a, b] = [boxes?.cells[i], prevBoxes?.cells[i]];
    return boxes?.spans !== undefined || (a !== undefined && b !== undefined && a.length === b.length && a.every((v, k) => v === b[k]));
  };
  return above.map((isAbove, i) => {
    if (!isAbove || !prev || !same(i)) return null;
    const carried = prev.fromAbove?.[i];
    if (carried) return carried;
    const start = prev.spanStart?.[i] ?? i;
    return { line: prev.line, text: prev.cells[start] ?? '' };
  });
}

export interface Table {
  /** Printed on one line, cells run together by the PDF's text extraction (columns lost). */
  flattened?: boolean;
  title: string;
  /** 表三 / 表 3 / 公开03表 as printed, if any. */
  number: string | null;
  titleLine: number;
  rows: Row[];
  /** Text lines between the title and the first row (部门：… 单位：万元). */
  preamble: string[];
  /** The line each preamble entry is printed on. */
  preambleLines?: number[];
  /**
   * The unit the table declares for its amounts (单位：元 on its title line, on the line above its
   * header, or on its page before it) and that line; absent when it declares none (it then takes
   * the document's unit: src/parse/units.ts).
   */
  unit?: { unit: MoneyUnit; line: number; text: string };
}

export interface ProseLine {
  line: number;
  text: string;
  heading: boolean;
}

export interface Layout {
  tables: Table[];
  prose: ProseLine[];
  /** Lines dropped because they carry personal data (填表人, 联系电话). */
  piiLinesDropped: number[];
}

// Tag patterns never cross a '<': a line of many '<' is scanned in linear time.
const CHECKED = /<input[^<>]*checked[^<>]*>/gi;
const UNCHECKED = /<input[^<>]*type="checkbox"[^<>]*>/gi;

/** What cleanCell may change besides the ends: markup, bold marks, a run of spaces, a wide space. */
const UNCLEAN = /[<*\u00a0\u3000]| {2}/;

/** Strips HTML remnants; a checked box becomes ☑ and an empty one ☐ so choices survive. */
export function cleanCell(text: string): string {
  // Most cells hold none of it: one test instead of five replaces that find nothing (every cell
  // of the document comes here).
  if (!UNCLEAN.test(text)) return text.trim();
  return text
    .replace(CHECKED, '☑')
    .replace(UNCHECKED, '☐')
    .replace(/<[^<>]+>/g, '')
    .replace(/\*\*/g, '')
    .replace(/[ \u00a0\u3000]+/g, ' ')
    .trim();
}

/** A line or cell that opens with a personal label (填报人：, 联系电话, 联 系 人 …: personal-vocabulary.ts). */
export function isPiiLabel(cell: string): boolean {
  return opensWithPersonalLabel(cell.trim());
}

/**
 * A row's cells without personal data: personal-data.ts already replaced every value with
 * REDACTED before layout runs; the labels and the redacted values are no cells a reader takes.
 */
function scrubRow(cells: string[]): string[] {
  return cells.map((c) => (c === REDACTED || isPiiLabel(c) ? '' : c));
}

/** A title line: "部门收支总表", "表一：部门收支总表", "## 项目支出绩效自评表", "某某项目绩效情况表 (2020年度)". */
export function tableTitleOf(raw: string): { title: string | null; number: string | null; unit: MoneyUnit | null } {
  let text = cleanCell(raw.replace(/^#+\s*/, '').replace(/^[-*]\s+/, ''));
  text = text.replace(TITLE_PARTS.yearSuffix, '').trim();
  // "部门收支总表（单位：万元）": the unit is the table's, not part of its title.
  const unitSuffix = TITLE_PARTS.closingBracketLast.test(text) ? TITLE_UNIT.exec(text) : null;
  const unit = unitSuffix ? declaredUnit(unitSuffix[0])?.unit ?? null : null;
  if (unitSuffix) text = text.slice(0, unitSuffix.index).trim();
  const numbered = TABLE_NUMBER.exec(text);
  if (numbered) {
    const rest = group(numbered, 2).trim();
    return { number: group(numbered, 1).replace(/\s+/g, ''), title: rest && isTitleText(rest) ? rest : null, unit };
  }
  return { number: null, title: isTitleText(text) ? text : null, unit };
}

const TITLE_UNIT = TITLE_PARTS.unitSuffix;

function isTitleText(text: string): boolean {
  if (text.length > 60 || text.length < 3) return false;
  if (TITLE_PARTS.sentenceStop.test(text)) return false;
  return TITLE_PARTS.endsInTable.test(text) || TITLE_PARTS.endsInTableBracketed.test(text);
}

/** Lines that repeat under a title after a page break and say nothing about rows. */
const PREAMBLE = PREAMBLE_LINE;

/**
 * A tab-separated line that is a table's preamble printed in cells ("编制部门：某局 | 单位：元", the
 * two ends of one printed line): every cell a preamble line and one of them declaring the unit. It
 * is no header row (its words would prefix every column's name).
 */
function isPreambleRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  return filled.length > 0 && filled.every((c) => PREAMBLE.test(c)) && filled.some((c) => declaredUnit(c) !== null);
}

/**
 * `lines`: each printed line's cells (the source model's: linesOfPrinted), or a text, read as the
 * text source reads one (its lines' tab-separated parts). `places`: one per line, where the source
 * knows its cells' boxes (a PDF) or spans (a web table); spans are read from them.
 */
export function layout(lines: string | readonly (readonly string[])[], places?: readonly (LineCells | null)[] | null): Layout {
  const printed = typeof lines === 'string' ? textCells(lines) : lines;
  const tables: Table[] = [];
  const prose: ProseLine[] = [];
  const piiLinesDropped: number[] = [];
  let pendingTitle: { title: string; number: string | null; line: number; unit: Table['unit'] } | null = null;
  /** Prose lines read since the pending title: past a few, the title names no rows (a table of contents entry). */
  let proseSinceTitle = 0;
  let pendingNumber: string | null = null;
  let current: Table | null = null;
  let preamble: string[] = [];
  let preambleLines: number[] = [];
  // The last unit a preamble line declared since the last table started (a table's own, or its page's).
  let preambleUnit: Table['unit'] = undefined;
  let sawProseSinceTable = false;
  let lastProse = '';
  // The last row of cells that printed nothing (not kept): a cell spanning down from it is blank, not the row above it.
  let blankRowLine = 0;
  const addPreamble = (text: string, line: number) => {
    preamble.push(text);
    preambleLines.push(line);
    const declared = declaredUnit(text);
    if (declared) preambleUnit = { unit: declared.unit, line, text };
  };
  /** The preamble (and the unit it declares) goes to a table that starts, or that continues. */
  const takePreamble = (table: Table, titleUnit: Table['unit']) => {
    const unit = titleUnit ?? preambleUnit;
    if (unit && !table.unit) table.unit = unit;
    if (table.preamble === preamble) table.preambleLines = preambleLines;
    preamble = [];
    preambleLines = [];
    preambleUnit = undefined;
  };

  printed.forEach((raw, idx) => {
    const lineNo = idx + 1;
    const printedCells = trimmedCells(raw);
    // The line's text (its cells between tabs): what a title, a heading or prose is read from.
    const line = printedCells.join('\t');
    if (line.trim() === '') {
      // A row of blank cells printed nothing.
      if (raw.length > 1) blankRowLine = lineNo;
      return;
    }
    if (isPiiLabel(cleanCell(line.replace(/^#+\s*/, '')))) {
      piiLinesDropped.push(lineNo);
      return;
    }
    if (printedCells.length > 1) {
      const cells = scrubRow(printedCells.map(cleanCell));
      if (cells.every((c) => c === '' || /^[-|]+$/.test(c))) {
        blankRowLine = lineNo;
        return;
      }
      if (isPreambleRow(cells)) {
        for (const c of cells) if (c !== '') addPreamble(c, lineNo);
        return;
      }
      const place = places?.[idx];
      const spans = spanStarts(cells, place);
      const width = raw.length;
      const row: Row = { line: lineNo, cells, text: cells.join('\t'), ...(spans && place ? { spanStart: spans, ...(place.cells.length ? { edges: place.cells.map(([x0, , x1]): [number, number] => [x0, x1]) } : {}) } : {}), ...(!place && width > cells.length ? { width } : {}) };
      const above = aboveFlags(cells, place);
      if (cells.some((c) => isPiiLabel(c))) piiLinesDropped.push(lineNo);
      if (pendingTitle) {
        // A form that starts again (项目名称 …) is a new table even under the same title.
        const formStart = FORM_START_LABEL.test((cells.find((c) => c !== '') ?? '').replace(SPACES_AND_FULL_BRACKETS, (m) => (m === '（' ? '(' : m === '）' ? ')' : '')));
        const continuing = current !== null && sameTitle(current.title, pendingTitle.title) && !sawProseSinceTable && !formStart;
        if (continuing && current) {
          appendContinuation(current, row);
        } else {
          current = { title: pendingTitle.title, number: pendingTitle.number ?? pendingNumber, titleLine: pendingTitle.line, rows: [row], preamble };
          tables.push(current);
        }
        takePreamble(current, pendingTitle.unit);
        pendingTitle = null;
        pendingNumber = null;
      } else if (current && !sawProseSinceTable) {
        appendContinuation(current, row);
      } else {
        // No title: the sentence that introduces the rows names them (e.g. "重点项目绩效目标情况如下").
        current = { title: lastProse ? `(untitled) ${lastProse.slice(0, 40)}` : '(untitled table)', number: pendingNumber, titleLine: lineNo, rows: [row], preamble };
        tables.push(current);
        takePreamble(current, undefined);
        pendingNumber = null;
      }
      // The cells this row prints through a cell begun on the row above it (a cell spanning rows).
      const rows = current?.rows ?? [];
      if (above && rows.at(-1) === row) {
        const kept = rows.at(-2);
        const prev = kept && kept.line > blankRowLine ? kept : undefined;
        const fromAbove = spannedFromAbove(row, above, prev, place, prev ? places?.[prev.line - 1] : null);
        if (fromAbove) row.fromAbove = fromAbove;
      }
      sawProseSinceTable = false;
      return;
    }
    const { title, number, unit } = tableTitleOf(line);
    if (title) {
      pendingTitle = { title, number: number ?? pendingNumber, line: lineNo, unit: unit ? { unit, line: lineNo, text: cleanCell(line.replace(/^#+\s*/, '')) } : undefined };
      proseSinceTitle = 0;
      return;
    }
    if (number) {
      pendingNumber = number;
      return;
    }
    const cleaned = cleanCell(line.replace(/^#+\s*/, ''));
    // A titled table whose rows the PDF ran together on one line ("某单位 1, 234, 56 1,234.56 …
    // 0.000.000.00", decimal commas and cells without spaces): numbers and labels become cells of one row.
    if (pendingTitle && !line.includes('\t')) {
      const cells = flattenedCells(cleaned);
      if (cells.filter((c) => /\d/.test(c)).length >= 8) {
        current = { title: pendingTitle.title, number: pendingTitle.number ?? pendingNumber, titleLine: pendingTitle.line, rows: [{ line: lineNo, cells, text: cleaned }], preamble, flattened: true };
        tables.push(current);
        takePreamble(current, pendingTitle.unit);
        pendingTitle = null;
        pendingNumber = null;
        sawProseSinceTable = true;
        return;
      }
    }
    if (PREAMBLE.test(cleaned) || PREAMBLE_FORM_LINE.test(cleaned)) {
      addPreamble(cleaned, lineNo);
      return;
    }
    if (current && NOTE_LINE.test(cleaned)) {
      prose.push({ line: lineNo, text: cleaned, heading: false });
      return;
    }
    prose.push({ line: lineNo, text: cleaned, heading: /^#/.test(line) });
    lastProse = cleaned;
    // A title only names rows that follow it closely: a paragraph in between (a table of
    // contents entry followed by text) cancels it, and so do more lines of prose than a title's
    // subtitle and notes take (a table of contents of short entries, the last naming a table).
    proseSinceTitle += 1;
    if (cleaned.length > 30 || /^#/.test(line) || proseSinceTitle > MAX_PROSE_UNDER_TITLE) pendingTitle = null;
    // A short prose fragment between two tables with the same title is page furniture;
    // only a real paragraph ends the table.
    if (cleaned.length > 30 || /^#/.test(line)) sawProseSinceTable = true;
  });
  for (const t of tables) if (!t.unit) t.unit = cellDeclaredUnit(t);
  return { tables, prose, piiLinesDropped };
}

/** A label cell that names its unit: "项目资金（元）", "预算金额(万元)", "金额单位：元". */

/**
 * The unit a table without a unit line declares in its own cells (a form's "项目资金（元）", a
 * header's "预算金额(万元)"), when every such cell names the same one; undefined otherwise.
 */
function cellDeclaredUnit(table: Table): Table['unit'] {
  let found: Table['unit'];
  for (const row of table.rows) {
    for (const cell of row.cells) {
      if (cell.length > 30 || !cell.includes('元')) continue;
      const unit = moneyUnitOf(CELL_UNIT.exec(toHalfWidth(cell))?.[1]) ?? declaredUnit(cell)?.unit;
      if (!unit) continue;
      if (found && found.unit !== unit) return undefined;
      found ??= { unit, line: row.line, text: cell };
    }
  }
  return found;
}

// An amount of a run-together table: thousands groups and two decimals, the decimal point
// sometimes printed as a comma and digits sometimes spaced ("1, 234, 56", "123. 45").
// Integer digits are bounded (16: beyond any amount a budget prints), so a run of digits costs
// linear time to scan; with \d+ every start inside a long run rescanned the run (quadratic).
const FLAT_AMOUNT = /\d\.\d{2}(?=\d\.\d{2})|\d{1,3}(?:,\s?\d{3})+(?:[.,]\s?\d{2})(?!\d)|\d{1,16}(?:\.\s?\d{2})(?!\d)|\d{1,3},\s?\d{2}(?![\d.])/g;

/** A run-together line as cells: each amount one cell (spaces squeezed), the words between as label cells. */
export function flattenedCells(text: string): string[] {
  const cells: string[] = [];
  let last = 0;
  for (const m of text.matchAll(FLAT_AMOUNT)) {
    const words = text.slice(last, m.index).trim();
    if (words) cells.push(words);
    cells.push(m[0].replace(/\s+/g, ''));
    last = m.index + m[0].length;
  }
  const tail = text.slice(last).trim();
  if (tail) cells.push(tail);
  return cells;
}

function sameTitle(a: string, b: string): boolean {
  const norm = (s: string) => toHalfWidth(s).replace(TITLE_DECORATION, '');
  return norm(a) === norm(b);
}

/** Edges closer than this (points) are one ruling. */
const SAME_EDGE = 2;

/**
 * A grid row printed alone past a page break is a grid of its own (万里 2025 p. 18: 合计 | three
 * amounts, 合计 spanning what were four columns): its cells are put back in the table's columns by
 * their edges, a cell covering several columns in the first of them. Unchanged when its edges do
 * not fall on the table's (then it is another layout, not a cut-off row).
 */
function regridded(table: Table, row: Row): Row {
  const edges = row.edges;
  if (!edges) return row;
  const reference = [...table.rows].reverse().find((r) => r.edges && r.edges.length > edges.length && new Set(r.spanStart).size === r.edges.length);
  if (!reference?.edges) return row;
  const cols = reference.edges;
  const near = (a: number, b: number) => Math.abs(a - b) <= SAME_EDGE;
  const cells: string[] = [];
  const spanStart: number[] = [];
  for (const [i, [x0, x1]] of edges.entries()) {
    const first = cols.findIndex(([c0]) => near(c0, x0));
    const last = cols.findIndex(([, c1]) => near(c1, x1));
    if (first < 0 || last < first || first !== cells.length) return row;
    for (let c = first; c <= last; c++) {
      cells.push(c === first ? (row.cells[i] ?? '') : '');
      spanStart.push(first);
    }
  }
  if (cells.length !== cols.length) return row;
  const trimmed = cells.slice(0, cells.length - [...cells].reverse().findIndex((c) => c !== ''));
  return { line: row.line, cells: trimmed, text: trimmed.join('\t'), spanStart, edges: cols };
}

/** Adds a row to a table, skipping header rows that a page break repeated. */
function appendContinuation(table: Table, row: Row): void {
  row = regridded(table, row);
  // Only the table's own header rows (those before its first row with figures, at most six) repeat
  // after a page break; a data row equal to an earlier one (a wrapped tail, a twin project) is kept.
  // Spaces are not compared: a header cell wraps where its column's width on that page puts the
  // break, and a space printed at a line break is no glyph on the page.
  const header = headerRows(table.rows, printsDigit, { noData: 'all', limit: 6 }).rows;
  const unspaced = (r: Row) => r.text.replace(/ +/g, '');
  if (!printsDigit(row) && header.some((r) => unspaced(r) === unspaced(row))) return;
  table.rows.push(row);
}

// Layout: document text → prose lines and tables. Knows how these PDFs flatten tables
// (tab-separated cells, titles repeated after page breaks, rows cut over two lines), not
// what any one document says.
import { toHalfWidth } from './amount.js';
import { opensWithPersonalLabel, REDACTED } from './personal-data.js';

export interface Row {
  line: number;
  cells: string[];
  text: string;
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

/** Strips HTML remnants; a checked box becomes ☑ and an empty one ☐ so choices survive. */
export function cleanCell(text: string): string {
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

const CN_NUM = '一二三四五六七八九十百';
const TABLE_NUMBER = new RegExp(`^(表\\s*[${CN_NUM}\\d]+|公开\\s*\\d+\\s*表|附表\\s*\\d+)\\s*[:：]?\\s*(.*)$`);

/** A title line: "部门收支总表", "表一：部门收支总表", "## 项目支出绩效自评表", "某某项目绩效情况表 (2020年度)". */
export function tableTitleOf(raw: string): { title: string | null; number: string | null } {
  let text = cleanCell(raw.replace(/^#+\s*/, '').replace(/^[-*]\s+/, ''));
  text = text.replace(/\s*[（(]\s*\d{4}\s*年度?\s*[)）]\s*$/, '').trim();
  const numbered = TABLE_NUMBER.exec(text);
  if (numbered) {
    const rest = numbered[2]!.trim();
    return { number: numbered[1]!.replace(/\s+/g, ''), title: rest && isTitleText(rest) ? rest : null };
  }
  return { number: null, title: isTitleText(text) ? text : null };
}

function isTitleText(text: string): boolean {
  if (text.length > 60 || text.length < 3) return false;
  if (/[。；;]/.test(text)) return false;
  return /表$/.test(text) || /表\s*[（(][^）)]*[)）]$/.test(text);
}

/** Lines that repeat under a title after a page break and say nothing about rows. */
const PREAMBLE = /^(部门|单位|部门名称|单位名称|项目单位|项目主管部门|编制单位)\s*[:：]|^单位\s*[:：]?\s*(万元|元)|^(\d{4}\s*年度?\s*)?单位\s*[:：]\s*(万元|元)$|^[（(]?\d{4}\s*年度?[)）]?$|^\d{4}$/;

export function layout(text: string): Layout {
  const rawLines = text.split(/\r?\n/);
  const tables: Table[] = [];
  const prose: ProseLine[] = [];
  const piiLinesDropped: number[] = [];
  let pendingTitle: { title: string; number: string | null; line: number } | null = null;
  let pendingNumber: string | null = null;
  let current: Table | null = null;
  let preamble: string[] = [];
  let sawProseSinceTable = false;
  let lastProse = '';

  rawLines.forEach((rawLine, idx) => {
    const lineNo = idx + 1;
    const line = rawLine.trimEnd();
    if (line.trim() === '') return;
    if (isPiiLabel(cleanCell(line.replace(/^#+\s*/, '')))) {
      piiLinesDropped.push(lineNo);
      return;
    }
    if (line.includes('\t')) {
      const cells = scrubRow(line.split('\t').map(cleanCell));
      if (cells.every((c) => c === '' || /^[-|]+$/.test(c))) return;
      const row: Row = { line: lineNo, cells, text: cells.join('\t') };
      if (cells.some((c) => isPiiLabel(c))) piiLinesDropped.push(lineNo);
      if (pendingTitle) {
        // A form that starts again (项目名称 …) is a new table even under the same title.
        const formStart = /^(项目名称|项目概况|单位名称|部门\(单位\)名称)$/.test((cells.find((c) => c !== '') ?? '').replace(/[\s（）]/g, (m) => (m === '（' ? '(' : m === '）' ? ')' : '')));
        const continuing = current !== null && sameTitle(current.title, pendingTitle.title) && !sawProseSinceTable && !formStart;
        if (continuing && current) {
          appendContinuation(current, row);
        } else {
          current = { title: pendingTitle.title, number: pendingTitle.number ?? pendingNumber, titleLine: pendingTitle.line, rows: [row], preamble };
          tables.push(current);
        }
        pendingTitle = null;
        pendingNumber = null;
        preamble = [];
      } else if (current && !sawProseSinceTable) {
        appendContinuation(current, row);
      } else {
        // No title: the sentence that introduces the rows names them (e.g. "重点项目绩效目标情况如下").
        current = { title: lastProse ? `(untitled) ${lastProse.slice(0, 40)}` : '(untitled table)', number: pendingNumber, titleLine: lineNo, rows: [row], preamble };
        tables.push(current);
        pendingNumber = null;
        preamble = [];
      }
      sawProseSinceTable = false;
      return;
    }
    const { title, number } = tableTitleOf(line);
    if (title) {
      pendingTitle = { title, number: number ?? pendingNumber, line: lineNo };
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
        pendingTitle = null;
        pendingNumber = null;
        preamble = [];
        sawProseSinceTable = true;
        return;
      }
    }
    if (PREAMBLE.test(cleaned) || /^(项目概况|栏\s*次)$/.test(cleaned)) {
      preamble.push(cleaned);
      return;
    }
    if (current && /^(注|备注|说明)\s*[:：]/.test(cleaned)) {
      prose.push({ line: lineNo, text: cleaned, heading: false });
      return;
    }
    prose.push({ line: lineNo, text: cleaned, heading: /^#/.test(line) });
    lastProse = cleaned;
    // A title only names rows that follow it closely: a paragraph in between (a table of
    // contents entry followed by text) cancels it.
    if (cleaned.length > 30 || /^#/.test(line)) pendingTitle = null;
    // A short prose fragment between two tables with the same title is page furniture;
    // only a real paragraph ends the table.
    if (cleaned.length > 30 || /^#/.test(line)) sawProseSinceTable = true;
  });
  return { tables, prose, piiLinesDropped };
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
    last = m.index! + m[0].length;
  }
  const tail = text.slice(last).trim();
  if (tail) cells.push(tail);
  return cells;
}

function sameTitle(a: string, b: string): boolean {
  const norm = (s: string) => toHalfWidth(s).replace(/[\s#*（）()"“”]/g, '');
  return norm(a) === norm(b);
}

/** Adds a row to a table, skipping header rows that a page break repeated. */
function appendContinuation(table: Table, row: Row): void {
  // Only the table's own header rows (those before its first row with figures) repeat after a
  // page break; a data row equal to an earlier one (a wrapped tail, a twin project) is kept.
  const hasFigures = (r: Row) => /\d/.test(r.text.replace(/\d{4}\s*年/g, ''));
  const firstData = table.rows.findIndex(hasFigures);
  const header = table.rows.slice(0, Math.min(6, firstData < 0 ? table.rows.length : firstData));
  if (!hasFigures(row) && header.some((r) => r.text === row.text)) return;
  table.rows.push(row);
}

// Disclosure completeness // 公开完整性: what a document's tables are against the standard set it
// follows (glossary.ts STANDARD_DISCLOSURES: Shanghai's nine tables of a 部门预算 and of a 部门决算).
// A table printed empty on purpose ("注：…故本表无数据。") is read as empty, not missing; a table of
// the set that is not printed at all is named (as an anomaly), with the contents line that lists it.
import { entriesOf } from '../keys.js';
import { isFigureCell } from './figures.js';
import { standardTableOf } from './families.js';
import { CONTENTS, EMPTY_TABLE_NOTE, FIGURE_COLUMNS, NOTE_FUNDS, STANDARD_DISCLOSURES, standardTitleKey } from './glossary/index.js';
import type { Layout, Table } from './layout.js';
import type { Anomaly, Diagnostic, DocumentMeta } from './records.js';

const CN_DIGITS = '一二三四五六七八九十';
const CN_NUMERAL: Record<number, string> = Object.fromEntries([...CN_DIGITS].map((c, i) => [i + 1, c]));

/** How many of a set's tables a document must print to be taken as following that set. */
const MOST_OF_A_SET = 5;

/** The note saying a table is empty on purpose, printed in the table or just after it; null when none. */
export function emptyTableNote(table: Table, lay: Layout): { line: number; text: string } | null {
  for (const r of table.rows) if (EMPTY_TABLE_NOTE.test(r.text)) return { line: r.line, text: r.text };
  const last = table.rows[table.rows.length - 1]?.line ?? table.titleLine;
  const next = lay.tables.find((t) => t.titleLine > last)?.titleLine ?? Number.POSITIVE_INFINITY;
  // The few prose lines under the table (its 合计 line, printed alone, is one), before the next table.
  const note = lay.prose.filter((p) => p.line > last && p.line < next).slice(0, 3).find((p) => EMPTY_TABLE_NOTE.test(p.text));
  return note ? { line: note.line, text: note.text } : null;
}

/**
 * The fund an empty table's note names where the table's title names another (财政局 2025 p. 18: the
 * 国有资本经营预算 table's note says 无政府性基金预算…, copied from the table before it); null when
 * either names none or the note names the title's.
 */
export function noteOfOtherFund(title: string, note: string): { note: string; title: string } | null {
  const inNote = NOTE_FUNDS.filter((f) => note.includes(f));
  const inTitle = NOTE_FUNDS.filter((f) => title.includes(f));
  const [said] = inNote;
  const [own] = inTitle;
  if (said === undefined || own === undefined || inNote.some((f) => inTitle.includes(f))) return null;
  return { note: said, title: own };
}

/** A table with no number in any row (a blank grid, or a header only). */
export function printsNoFigure(table: Table): boolean {
  return !table.rows.some((r) => r.cells.some((c) => isFigureCell(c.replace(FIGURE_COLUMNS.yearLed, ''))));
}

/**
 * Diagnostics of the document's tables: EMPTY_TABLE (INFO when the page says so, WARNING when a
 * table of the set prints no figure and no word why). A table of the set not printed at all is a
 * finding, not a reading problem: the MISSING_TABLE anomaly (checks/completeness.ts, from
 * `missingStandardTables`) says it, with the contents line when the contents list it.
 */
export function disclosureDiagnostics(lay: Layout): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const table of lay.tables) {
    if (!printsNoFigure(table)) continue;
    const note = emptyTableNote(table, lay);
    const other = note ? noteOfOtherFund(table.title, note.text) : null;
    if (note && other) out.push({ level: 'INFO', code: 'EMPTY_TABLE', message: `${table.title}: printed empty; its note (line ${note.line}) says so of ${other.note}, not of the table's ${other.title}; no figure to read`, line: table.titleLine, original: note.text });
    else if (note) out.push({ level: 'INFO', code: 'EMPTY_TABLE', message: `${table.title}: printed empty, as the page says (line ${note.line}); no figure to read`, line: table.titleLine, original: note.text });
    else if (standardTableOf(table.title)) out.push({ level: 'WARNING', code: 'EMPTY_TABLE', message: `${table.title}: prints no figure and no note saying it is empty; nothing is read from it (check the PDF)`, line: table.titleLine });
  }
  return out;
}

/**
 * A WARNING diagnostic on a line an anomaly already cites is one finding said twice (#38): the
 * blank 三公 table is EMPTY_TABLE here and THREE_COSTS_TABLE_BLANK among the checks, which also
 * cites the text's amount. The anomaly is the finding; the diagnostic goes.
 */
export function withoutFindings(diagnostics: Diagnostic[], anomalies: readonly Anomaly[]): Diagnostic[] {
  const cited = new Set(anomalies.flatMap((a) => a.sources.map((s) => s.line)));
  return diagnostics.filter((d) => !(d.code === 'EMPTY_TABLE' && d.level === 'WARNING' && cited.has(d.line)));
}

/** A table of the standard set the document does not print, with the contents line listing it. */
export interface MissingStandardTable {
  /** The set, in Chinese (上海市部门决算). */
  set: string;
  printed: number;
  of: number;
  no: number;
  /** The table's numbered title as the set orders it (三、支出决算表). */
  title: string;
  listed: { line: number; text: string } | null;
}

/** The tables of each standard set the document follows (it prints most of them) but does not print. */
export function missingStandardTables(lay: Layout, meta: DocumentMeta, lines: readonly string[]): MissingStandardTable[] {
  const out: MissingStandardTable[] = [];
  for (const [name, set] of entriesOf(STANDARD_DISCLOSURES)) {
    const kinds: readonly string[] = set.kinds;
    if (!meta.kinds.some((k) => kinds.includes(k))) continue;
    const printed = new Set(lay.tables.flatMap((t) => {
      const s = standardTableOf(t.title);
      return s && s.disclosure === name ? [s.table.no] : [];
    }));
    if (printed.size < MOST_OF_A_SET) continue;
    for (const table of set.tables) {
      if (printed.has(table.no)) continue;
      out.push({ set: set.zh, printed: printed.size, of: set.tables.length, no: table.no, title: `${CN_NUMERAL[table.no] ?? table.no}、${table.title}`, listed: contentsLine(lines, table.title) });
    }
  }
  return out;
}

/**
 * The contents (目录) line that lists a table: its numbering, its title, dots and a page number. A
 * text line, not a prose one: a contents entry ends in 表 and reads as a title to the layout.
 */
function contentsLine(lines: readonly string[], title: string): { line: number; text: string } | null {
  const key = standardTitleKey(title);
  for (const [i, line] of lines.entries()) {
    const text = line.trim();
    if (text.length > 80 || text.includes('\t')) continue;
    const entry = text.replace(CONTENTS.listedNumbering, '').replace(/[.…·\s]*\d*$/, '');
    if (entry !== text && standardTitleKey(entry) === key) return { line: i + 1, text };
  }
  return null;
}

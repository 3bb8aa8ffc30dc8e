// The structure of a table printing 科目 codes (功能 / 经济分类, 政府采购品目): where its data starts,
// its header paths, how many cells a code is printed in (类 | 款 | 项), its columns by role (合计,
// 基本支出, 项目支出) and each row's role and code. The classification reader reads these; it looks
// no header up itself.
import type { Row, Table } from '../layout.js';
import type { CodeScheme } from '../records.js';
import { COLUMNS, FIGURE_COLUMNS, headerText, ROW_LABELS, TITLE_WORDS } from '../glossary/index.js';
import { FUNCTION_OR_ECONOMIC, PROCUREMENT, lookalikeDigits, schemeOfCode } from './codes.js';
import type { ColumnsByRole, RowRole } from './roles.js';
import { headerCell, headerPaths, headerRows } from './header.js';

/** The roles a 科目 table's columns are read by. */
export type CodedColumnRole = 'CODE' | 'CODE_CLASS' | 'CODE_SECTION' | 'CODE_ITEM' | 'NAME' | 'TOTAL' | 'BASIC' | 'PROJECT';

/** One code of a row: 公开06 prints three blocks of 科目 side by side (code | name | amount, three times). */
export interface CodeBlock {
  /** The cell the code starts in, and the cell after the block (the next block's start or the row's end). */
  start: number;
  end: number;
  /** How far this block sits right of the row's first (role columns are shifted by it). */
  offset: number;
  /** The full code, its parts joined (201 | 03 | 01 = 2010301). */
  code: string;
  scheme: CodeScheme;
  /** The cell of the code's name. */
  nameAt: number;
  /** The 类 was not printed on this row (a continuation row leaving it blank) and is the row above's. */
  classCarried?: string;
  /** The 款 was not printed either (类 and 款 blank, 项 printed) and is the code row above's. */
  sectionCarried?: string;
  /** The 类 cell printed this instead (a misprint whose look-alike characters read as the 类 above: "2O1"). */
  classMisprinted?: string;
  /** 款 / 项 parts printed as one digit ("2" in the 款 cell, its leading zero dropped): as printed, read as "02". */
  partsPadded?: string[];
}

export interface CodedRow {
  row: Row;
  role: RowRole;
  /** TOTAL rows: the row's label; SECTION rows: the unit (预算单位) it heads. */
  label?: string;
  /** DATA rows: the codes it prints. */
  blocks?: CodeBlock[];
  /** OTHER rows printing a name and 款 / 项 parts under a 类 cell that reads as no code ("2O8"): that cell. */
  unreadableClass?: string;
  /** OTHER rows whose 款 or 项 cell reads as no part ("O8" before a name, a 款 with no name but figures): that cell. */
  unreadablePart?: { part: '款' | '项'; printed: string };
  /** OTHER rows printing a 款 and a name with the 类 blank where no readable 类 row above heads them: the 款. */
  classUnknown?: string;
  /** OTHER rows printing a 项 and a name with 类 and 款 blank where no 款 row above heads them: the 项, to be said. */
  sectionUnknown?: string;
}

export interface CodedTable {
  /** Index of the first row under the header (−1: every row looks like a header). */
  firstData: number;
  /** Cells a code is printed in: 3 for 类 | 款 | 项, 2 for 类 | 款, 0 for one cell. */
  parts: number;
  /** Each column's header path ("本年收入/财政拨款/小计"). */
  paths: string[];
  columns: ColumnsByRole<CodedColumnRole>;
  /** Every row from firstData on, with its role. */
  rows: CodedRow[];
}

/** Preference order of the total column's labels: a table's grand-total column beats a sub-block's 合计. */
const TOTAL_LABELS = [COLUMNS.grandTotal.matches, COLUMNS.total.matches, COLUMNS.amount.matches, COLUMNS.subtotal.matches];

/** The column roles from the header rows: a label found in the lowest header row that prints it. */
function roleColumns(header: Row[], paths: string[]): ColumnsByRole<'TOTAL' | 'BASIC' | 'PROJECT'> {
  const find = (...patterns: RegExp[]) => {
    for (const re of patterns) {
      const at = headerCell(header, re, { fromBottom: true });
      if (at) return { index: at.index, path: paths[at.index] ?? '' };
    }
    return undefined;
  };
  const out: ColumnsByRole<'TOTAL' | 'BASIC' | 'PROJECT'> = {};
  const total = find(...TOTAL_LABELS);
  const basic = find(COLUMNS.basic.matches);
  const project = find(COLUMNS.project.matches);
  if (total) out.TOTAL = total;
  if (basic) out.BASIC = basic;
  if (project) out.PROJECT = project;
  return out;
}

/**
 * A header row whose 科目名称 cell spanned empty cells (公开08: 科目名称 | | | 年初结转和结余 | 本年收入 | 小计)
 * puts its labels right of the figures they name. When the data's first amount column is empty in
 * the last header row and a label follows, that row is shifted left to line up.
 */
function alignHeader(rows: Row[], firstAmountIdx: number | null): Row[] {
  // The 栏次 row numbers the columns (1 2 3 …); it names none.
  const header = rows.filter((r) => !FIGURE_COLUMNS.rowNumbering.test((r.cells.find((c) => c.trim() !== '') ?? '').replace(/\s+/g, '')));
  const last = header.at(-1);
  if (firstAmountIdx === null || last === undefined) return header;
  // Only when no header row labels the first figure column (a 科目名称 spanning empty cells); a 总计 printed above an empty cell is a label.
  if (header.some((r) => (r.cells[firstAmountIdx] ?? '').trim() !== '')) return header;
  const next = last.cells.findIndex((c, i) => i > firstAmountIdx && c.trim() !== '');
  if (next < 0) return header;
  const shift = next - firstAmountIdx;
  const cells = [...last.cells.slice(0, firstAmountIdx), ...last.cells.slice(next)];
  // Shifted cells are no longer where the grid printed them: their spans are dropped with them.
  return shift > 0 ? [...header.slice(0, -1), { line: last.line, cells, text: cells.join('\t') }] : header;
}

/** A 科目 table's header row: no amount, no code, no 合计 label beside numbers (the data rows print those). */
function isHeaderRow(row: Row): boolean {
  if (row.cells.some((c) => /^\d{1,3}(,\d{3})*\.\d+$|^\d+\.\d{2}$/.test(c.replace(/\s+/g, '')))) return false;
  if (row.cells.some((c) => FUNCTION_OR_ECONOMIC.test(c) || PROCUREMENT.test(c))) return false;
  // "合计" is a column label in a header ("科目编码 | 科目名称 | 合计 | 基本支出") but the label of
  // the total row in the data; the total row is the one carrying numbers.
  const hasTotalLabel = row.cells.some((c) => ROW_LABELS.total.test(c.replace(/\s/g, '')));
  return !hasTotalLabel || !row.cells.some((c) => /^-?[\d,，.\s]+$/.test(c.trim()) && /\d/.test(c));
}

/**
 * Codes printed in parts, one cell each (类 | 款 | 项: `201` | `03` | `01` = 2010301; a 款 row leaves
 * 项 empty, a 类 row both): how many part cells the header names (3 for 类 款 项, 2 for 类 款) and
 * the 类 cell's column, or 0 parts when the code is printed in one cell.
 */
function codeParts(rows: Row[]): { parts: number; classAt: number | null } {
  for (const r of rows) {
    const cells = r.cells.map(headerText);
    for (let i = 0; i < cells.length - 1; i++) {
      if (cells[i] === '类' && cells[i + 1] === '款') return { parts: cells[i + 2] === '项' ? 3 : 2, classAt: i };
    }
  }
  return { parts: 0, classAt: null };
}

/**
 * The code starting at cell `at`, its parts joined when the header prints it in parts, and the
 * index of the cell after them (the name's). A 款 / 项 part is two digits; one printed as a single
 * digit ("301 | 2 | 津贴补贴": a spreadsheet cell that dropped its leading zero) is that part with
 * its zero ("02") when the cell after the parts prints the row's name, and is named in `padded` so
 * the reader says so; without a name there, a lone digit is not taken for a part.
 */
export function codeAt(cells: string[], at: number, parts: number): { code: string; next: number; padded: string[] } {
  // A cell past the row's end is blank: no code.
  let code = (cells[at] ?? '').trim();
  let next = at + 1;
  const padded: string[] = [];
  if (parts > 1 && /^\d{3}$/.test(code)) {
    const named = /[^\d\s,.]/.test(cells[at + parts] ?? '');
    for (let k = 1; k < parts; k++) {
      const part = (cells[at + k] ?? '').trim();
      const single = /^\d$/.test(part) && named;
      if (/^\d{2}$/.test(part) || single) {
        // A 项 part only extends a 款 code: without its 款 it is not joined (no code is guessed).
        if (code.length === 1 + 2 * k) {
          code += part.padStart(2, '0');
          if (single) padded.push(part);
        }
      } else if (part !== '') break;
      next = at + k + 1;
    }
  }
  return { code, next, padded };
}

/** The codes a row prints from its first code cell on: one block per code (side-by-side blocks). */
function blocksOf(cells: string[], codeIdx: number, parts: number, title: string): CodeBlock[] {
  const starts = cells.flatMap((c, i) => (i >= codeIdx && schemeOfCode(c.trim(), title) !== null && (i === codeIdx || /[^\d\s,.]/.test(cells[codeAt(cells, i, parts).next] ?? '')) ? [i] : []));
  return starts.flatMap((start, k) => {
    const { code, next: nameAt, padded } = codeAt(cells, start, parts);
    const scheme = schemeOfCode(code, title);
    return scheme ? [{ start, end: starts[k + 1] ?? cells.length, offset: start - codeIdx, code, scheme, nameAt, ...(padded.length ? { partsPadded: padded } : {}) }] : [];
  });
}

/** The role of a row printing no code: a repeated header, a 合计 row, a unit's row, or none. */
function uncodedRole(row: Row, parts: number): CodedRow {
  // "类 | 款 | 项 | 合计 | 2,946.25 …": the code-part labels printed on the 合计 row name no row.
  const label = row.cells.find((c) => c !== '' && !(parts && ROW_LABELS.codePart.test(headerText(c)))) ?? '';
  // A header repeated after a page break ("预算单位 | 科目编码 | …") is not a unit row.
  if (row.cells.some((c) => COLUMNS.code.matches.test(headerText(c)) || COLUMNS.codeName.matches.test(headerText(c)))) return { row, role: 'HEADER' };
  if (ROW_LABELS.totalSpaced.test(label.replace(/\s/g, '')) && row.cells.some((c) => /\d/.test(c))) return { row, role: 'TOTAL', label };
  // A unit row (预算单位) heads the lines that follow it and carries their total.
  if (row.cells[0] && !/^\d/.test(row.cells[0]) && ROW_LABELS.unitName.test(row.cells[0].replace(/\s/g, ''))) return { row, role: 'SECTION', label: row.cells[0] };
  return { row, role: 'OTHER' };
}

/**
 * How a 科目 table is laid out; null when it prints no code (no classification table). Codes in
 * parts are joined whatever cells they are printed in; a continuation row that leaves the 类 cell
 * blank (its 款 printed) takes the 类 of the code row above it, and says so (classCarried).
 */
export function codedTable(table: Table): CodedTable | null {
  const isCode = (c: string) => FUNCTION_OR_ECONOMIC.test(c.trim()) || (PROCUREMENT.test(c.trim()) && TITLE_WORDS.procurement.test(table.title));
  const firstCodeRow = table.rows.find((r) => r.cells.some(isCode));
  if (!firstCodeRow) return null;
  // The 类 | 款 | 项 cells may share a printed row with the 合计 row (a 决算's 收入决算表): every row
  // above the first code row is looked at, not only the header rows.
  const { parts, classAt } = codeParts(table.rows.slice(0, Math.max(0, table.rows.indexOf(firstCodeRow))));
  if (classAt === null && !namesCodes(table, isCode, parts)) return null;
  // A table whose every row looks like a header reads nothing by its header.
  const { rows: printedHeader, firstData } = headerRows(table.rows, (r) => !isHeaderRow(r), { noData: 'none' });
  const firstCodeAt = firstCodeRow.cells.findIndex((c) => schemeOfCode(c.trim(), table.title) !== null);
  const firstNameAt = firstCodeAt >= 0 ? codeAt(firstCodeRow.cells, firstCodeAt, parts).next : null;
  const header = alignHeader(printedHeader, firstNameAt === null ? null : firstNameAt + 1);
  const paths = headerPaths(header);
  const columns: ColumnsByRole<CodedColumnRole> = roleColumns(header, paths);
  if (parts && classAt !== null) {
    (['CODE_CLASS', 'CODE_SECTION', 'CODE_ITEM'] as const).slice(0, parts).forEach((role, k) => (columns[role] = { index: classAt + k, path: paths[classAt + k] ?? '' }));
  } else if (firstCodeAt >= 0) columns.CODE = { index: firstCodeAt, path: paths[firstCodeAt] ?? '' };
  if (firstNameAt !== null) columns.NAME = { index: firstNameAt, path: paths[firstNameAt] ?? '' };

  const rows: CodedRow[] = [];
  let lastClass: string | null = null;
  // The 类 + 款 (5 digits) of the last code row printing or carrying a 款 under lastClass: the 款 a
  // 项 row printing neither heads under, in printed order. A 类 row without 款 ends it.
  let lastSection: string | null = null;
  const sectionOf = (code: string) => (parts === 3 && code.length >= 5 ? code.slice(0, 5) : null);
  const labelEnd = firstNameAt === null ? 0 : firstNameAt + 1;
  for (const printed of table.rows.slice(Math.max(0, firstData))) {
    const row = withSpannedLabels(printed, labelEnd);
    const codeIdx = row.cells.findIndex((c) => schemeOfCode(c.trim(), table.title) !== null);
    if (codeIdx >= 0) {
      const blocks = blocksOf(row.cells, codeIdx, parts, table.title);
      const printedClass = (row.cells[codeIdx] ?? '').trim();
      // "208 | O5 | | name": the 类 is read but the 款 is not; the row is no 类 row (its figures are the 款's).
      const misprinted = codeIdx === classAt && blocks[0]?.start === classAt ? unjoinedPart(row, classAt, parts, blocks[0].nameAt) : null;
      if (codeIdx === classAt && /^\d{3}$/.test(printedClass)) {
        lastClass = printedClass;
        lastSection = misprinted ? null : sectionOf(blocks[0]?.code ?? '');
      }
      rows.push(misprinted ? { row, role: 'OTHER', unreadablePart: misprinted } : { row, role: 'DATA', blocks });
      continue;
    }
    const carried = lastClass !== null && classAt !== null && parts > 1 ? (carriedClass(row, classAt, lastClass, parts, table.title) ?? carriedSection(row, classAt, lastClass, lastSection, parts, table.title)) : null;
    const carriedMisprint = carried && classAt !== null ? unjoinedPart(row, classAt, parts, carried.nameAt) : null;
    if (carriedMisprint) {
      lastSection = null;
      rows.push({ row, role: 'OTHER', unreadablePart: carriedMisprint });
      continue;
    }
    if (carried) {
      lastSection = sectionOf(carried.code);
      rows.push({ row, role: 'DATA', blocks: [carried] });
      continue;
    }
    const role = uncodedRole(row, parts);
    // A unit's row (预算单位) or a 合计 row ends the rows a 款 heads: a 项 after it names its own.
    if (role.role === 'SECTION' || role.role === 'TOTAL') lastSection = null;
    // So does a row read as no code that prints something where a 款 stands (a 款 misprinted "O8",
    // a 款 row without its name): the 项 rows below are that 款's, not the one above. A header
    // repeated after a page break ("类 | 款 | 项") ends nothing.
    const sectionCell = classAt === null ? '' : (row.cells[classAt + 1] ?? '').trim();
    if (role.role === 'OTHER' && sectionCell !== '' && !ROW_LABELS.codePart.test(headerText(sectionCell))) lastSection = null;
    const unreadable = role.role === 'OTHER' && classAt !== null && parts > 1 ? unreadableClass(row, classAt, parts) : null;
    // A 类 cell read as no code ends the 类 above: the 款 rows below are not its.
    if (unreadable !== null) lastClass = null;
    const part = role.role === 'OTHER' && classAt !== null && parts > 1 && unreadable === null ? unreadableSection(row, classAt, lastClass, parts) : null;
    const noClass = role.role === 'OTHER' && classAt !== null && parts > 1 && unreadable === null && part === null && lastClass === null ? sectionOnly(row, classAt, parts) : null;
    const unknown = role.role === 'OTHER' && classAt !== null && parts === 3 ? itemOnly(row, classAt) : null;
    rows.push(unreadable ? { ...role, unreadableClass: unreadable } : part ? { ...role, unreadablePart: part } : noClass ? { ...role, classUnknown: noClass } : unknown ? { ...role, sectionUnknown: unknown } : role);
  }
  return { firstData, parts, paths, columns, rows };
}

/**
 * Whether a table's code-like cells are 科目 codes: a code names a line, so some code prints its
 * name after its parts, or a header cell names the code column (科目编码), or the header prints
 * 类 | 款 (checked by the caller). A form's figure that reads like a code (a three-digit count
 * completing an indicator, printed last on its row) names nothing: the form is no 科目 table, and
 * its money rows stay rows printing figures.
 */
function namesCodes(table: Table, isCode: (cell: string) => boolean, parts: number): boolean {
  const named = (cells: string[], at: number) => /[^\d\s,.]/.test(cells[codeAt(cells, at, parts).next] ?? '');
  return table.rows.some((r) => r.cells.some((c, i) => (isCode(c) && named(r.cells, i)) || COLUMNS.code.matches.test(headerText(c))));
}

/**
 * A row with its label cells (code parts, name: those before `labelEnd`) that lie in a cell
 * spanning down from a row above (Row.fromAbove: a 类 printed once for the rows under it) read as
 * that cell prints them, not as blanks: the 类 is printed, not carried. Amount cells are never so
 * filled (an amount printed once is not the covered rows' amount).
 */
function withSpannedLabels(row: Row, labelEnd: number): Row {
  const above = row.fromAbove;
  if (!above) return row;
  let filled = false;
  const cells = row.cells.map((c, i) => {
    const spanned = i < labelEnd && c.trim() === '' ? above[i] : null;
    if (!spanned) return c;
    filled = true;
    return spanned.text;
  });
  return filled ? { ...row, cells } : row;
}

/**
 * The 类 cell of a row that prints a 款 part and a name after its parts but whose 类 reads as no
 * code (a misprint other than the 类 above: "2O8" under 201): the cell, to be said, never guessed.
 */
function unreadableClass(row: Row, classAt: number, parts: number): string | null {
  const printed = (row.cells[classAt] ?? '').trim();
  const section = (row.cells[classAt + 1] ?? '').trim();
  // A 类 row ("2O8 | | | name", 款 blank) too: the rows under it would otherwise take the 类 above.
  if (printed === '' || (section !== '' && !/^\d{2}$/.test(section))) return null;
  return /[^\d\s,.]/.test(row.cells[classAt + parts] ?? '') ? printed : null;
}

/**
 * The 款 cell of a row whose 类 is blank (or the 类 above misprinted, as carriedClass reads it) that
 * is read as no code: a name follows its parts but the 款 is no two-digit part (a misprint "O8", a
 * lone "8"), or the 款 is a part but no name follows and the row prints figures (a 款 row whose name
 * was lost). The cell, to be said, never guessed.
 */
function unreadableSection(row: Row, classAt: number, lastClass: string | null, parts: number): { part: '款' | '项'; printed: string } | null {
  const klass = (row.cells[classAt] ?? '').trim();
  const printed = (row.cells[classAt + 1] ?? '').trim();
  if (klass !== '' && (lastClass === null || lookalikeDigits(klass) !== lastClass)) return null;
  const named = /[^\d\s,.]/.test(row.cells[classAt + parts] ?? '');
  if (printed === '') {
    // 类 and 款 blank, the 项 printed as no part ("O1" before a name).
    const item = parts === 3 ? (row.cells[classAt + 2] ?? '').trim() : '';
    return item !== '' && !/^\d{2}$/.test(item) && named ? { part: '项', printed: item } : null;
  }
  if (!/^\d{2}$/.test(printed)) return named ? { part: '款', printed } : null;
  return !named && row.cells.slice(classAt + parts).some((c) => /\d/.test(c)) ? { part: '款', printed } : null;
}

/**
 * The part cell a code read from the 类 cell (printed or carried) stopped at although a name stands
 * after the parts ("208 | O5 | | name": the 款 is no part, so the code stops at 208 and "O5" would be
 * its name): that cell, the row's code not being known.
 */
function unjoinedPart(row: Row, classAt: number, parts: number, nameAt: number): { part: '款' | '项'; printed: string } | null {
  if (parts < 2 || !/[^\d\s,.]/.test(row.cells[classAt + parts] ?? '')) return null;
  for (let k = 1; k < parts; k++) {
    const printed = (row.cells[classAt + k] ?? '').trim();
    if (classAt + k >= nameAt && printed !== '') return { part: k === 1 ? '款' : '项', printed };
  }
  return null;
}

/** A row printing a 款 and a name with its 类 cell blank (read only under a 类 row above): the 款. */
function sectionOnly(row: Row, classAt: number, parts: number): string | null {
  const printed = (row.cells[classAt + 1] ?? '').trim();
  if ((row.cells[classAt] ?? '').trim() !== '' || !/^\d{2}$/.test(printed)) return null;
  return /[^\d\s,.]/.test(row.cells[classAt + parts] ?? '') || /[^\d\s,.]/.test(row.cells[classAt + 2] ?? '') ? printed : null;
}

/**
 * A continuation row printing its 款 (and 项) with the 类 cell blank, or misprinted as the 类 above
 * with look-alike characters ("2O1" under 201): its code, the 类 the row above's. Any other 类 cell
 * is no code (nothing is guessed).
 */
function carriedClass(row: Row, classAt: number, lastClass: string, parts: number, title: string): CodeBlock | null {
  const printed = (row.cells[classAt] ?? '').trim();
  const misprinted = printed !== '' && lookalikeDigits(printed) === lastClass;
  if ((printed !== '' && !misprinted) || !/^\d{2}$/.test((row.cells[classAt + 1] ?? '').trim())) return null;
  const cells = row.cells.map((c, i) => (i === classAt ? lastClass : c));
  const { code, next: nameAt } = codeAt(cells, classAt, parts);
  const scheme = schemeOfCode(code, title);
  // A name must follow the code: a row of bare numbers there is 行次, no code.
  if (!scheme || code.length <= 3 || !/[^\d\s,.]/.test(row.cells[nameAt] ?? '')) return null;
  return { start: classAt, end: row.cells.length, offset: 0, code, scheme, nameAt, classCarried: lastClass, ...(misprinted ? { classMisprinted: printed } : {}) };
}

/**
 * The 项 a row prints with its 类 and 款 cells both blank and a name after its parts (a sheet
 * printing each 类 and 款 once, on the first row under it): the 项 cell, else null.
 */
function itemOnly(row: Row, classAt: number): string | null {
  const blank = (i: number) => (row.cells[i] ?? '').trim() === '';
  const item = (row.cells[classAt + 2] ?? '').trim();
  if (!blank(classAt) || !blank(classAt + 1) || !/^\d{2}$/.test(item)) return null;
  return /[^\d\s,.]/.test(row.cells[classAt + 3] ?? '') ? item : null;
}

/**
 * A 项 row printing neither 类 nor 款 (itemOnly): its code is the 款 of the code rows above it
 * (lastSection, printed or carried since the last 类 row) and its 项, said by the reader. Without
 * such a 款 (a 项 straight under a 类 row, or before any) the code is not known: null, and the row
 * is named (sectionUnknown), never guessed.
 */
function carriedSection(row: Row, classAt: number, lastClass: string, lastSection: string | null, parts: number, title: string): CodeBlock | null {
  const item = parts === 3 ? itemOnly(row, classAt) : null;
  if (item === null || lastSection === null || !lastSection.startsWith(lastClass)) return null;
  const code = lastSection + item;
  const scheme = schemeOfCode(code, title);
  if (!scheme) return null;
  return { start: classAt, end: row.cells.length, offset: 0, code, scheme, nameAt: classAt + 3, classCarried: lastClass, sectionCarried: lastSection.slice(3) };
}

// Classification tables (功能分类 / 经济分类 / 政府采购品目) → BudgetLine records.
import { parseAmount, type MoneyUnit } from './amount.js';
import type { Row, Table } from './layout.js';
import { headerLabels } from './figures.js';
import type { BudgetLine, CodeScheme, Diagnostic, Source } from './records.js';
import { COLUMNS, FIGURE_COLUMNS, headerText, ROW_LABELS, TITLE_WORDS } from './glossary/index.js';

const FUNCTION_OR_ECONOMIC = /^(?:[23]\d{2})(?:\d{2}){0,2}$/;
const PROCUREMENT = /^[ABC](?:\d{2,})?$/;

/** 功能分类 codes start with 2 (201 一般公共服务支出 …), 经济分类 codes with 3 (301 工资福利支出 …). */
export function schemeOfCode(code: string, title: string): CodeScheme | null {
  if (PROCUREMENT.test(code) && TITLE_WORDS.procurement.test(title)) return 'PROCUREMENT';
  if (!FUNCTION_OR_ECONOMIC.test(code)) return null;
  return code.startsWith('3') ? 'ECONOMIC' : 'FUNCTION';
}

export function levelOf(scheme: CodeScheme, code: string): number {
  if (scheme === 'PROCUREMENT') return code.length === 1 ? 1 : Math.ceil((code.length - 1) / 2);
  return code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
}

/** The column roles a classification table is read by: each column's header path, and which column is the total, 基本支出, 项目支出. */
export interface ColumnMap {
  labels: string[];
  total: number | null;
  basic: number | null;
  project: number | null;
}

/** Flattens the header rows into one label path per column ("本年收入/财政拨款/小计"). */
function columnMap(header: Row[], firstAmountIdx: number | null): ColumnMap {
  header = alignHeader(header, firstAmountIdx);
  const labels = headerLabels(header);
  // Labels in order of preference: a table's grand-total column beats a sub-block's 合计.
  const find = (...patterns: RegExp[]) => {
    for (const re of patterns) {
      for (let h = header.length - 1; h >= 0; h--) {
        const idx = header[h]!.cells.findIndex((c) => re.test(c.replace(/\s+/g, '')));
        if (idx >= 0) return idx;
      }
    }
    return null;
  };
  return {
    labels,
    total: find(COLUMNS.grandTotal.matches, COLUMNS.total.matches, COLUMNS.amount.matches, COLUMNS.subtotal.matches),
    basic: find(COLUMNS.basic.matches),
    project: find(COLUMNS.project.matches),
  };
}

/**
 * A header row whose 科目名称 cell spanned empty cells (公开08: 科目名称 | | | 年初结转和结余 | 本年收入 | 小计)
 * puts its labels right of the figures they name. When the data's first amount column is empty in
 * the last header row and a label follows, that row is shifted left to line up.
 */
function alignHeader(rows: Row[], firstAmountIdx: number | null): Row[] {
  // The 栏次 row numbers the columns (1 2 3 …); it names none.
  const header = rows.filter((r) => !FIGURE_COLUMNS.rowNumbering.test((r.cells.find((c) => c.trim() !== '') ?? '').replace(/\s+/g, '')));
  if (firstAmountIdx === null || header.length === 0) return header;
  const last = header[header.length - 1]!;
  // Only when no header row labels the first figure column (a 科目名称 spanning empty cells); a 总计 printed above an empty cell is a label.
  if (header.some((r) => (r.cells[firstAmountIdx] ?? '').trim() !== '')) return header;
  const next = last.cells.findIndex((c, i) => i > firstAmountIdx && c.trim() !== '');
  if (next < 0) return header;
  const shift = next - firstAmountIdx;
  const cells = [...last.cells.slice(0, firstAmountIdx), ...last.cells.slice(next)];
  // Shifted cells are no longer where the grid printed them: their spans are dropped with them.
  return shift > 0 ? [...header.slice(0, -1), { line: last.line, cells, text: cells.join('\t') }] : header;
}

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
 * 项 empty, a 类 row both): how many part cells the header names (3 for 类 款 项, 2 for 类 款), or 0
 * when the code is printed in one cell.
 */
function codePartCount(header: Row[]): number {
  for (const r of header) {
    const cells = r.cells.map(headerText);
    for (let i = 0; i < cells.length - 1; i++) {
      if (cells[i] === '类' && cells[i + 1] === '款') return cells[i + 2] === '项' ? 3 : 2;
    }
  }
  return 0;
}

/**
 * The code starting at cell `at`, its parts joined when the header prints it in parts, and the
 * index of the cell after them (the name's).
 */
function codeAt(cells: string[], at: number, parts: number): { code: string; next: number } {
  let code = cells[at]!.trim();
  let next = at + 1;
  if (parts > 1 && /^\d{3}$/.test(code)) {
    for (let k = 1; k < parts; k++) {
      const part = (cells[at + k] ?? '').trim();
      if (/^\d{2}$/.test(part)) {
        // A 项 part only extends a 款 code: without its 款 it is not joined (no code is guessed).
        if (code.length === 1 + 2 * k) code += part;
      } else if (part !== '') break;
      next = at + k + 1;
    }
  }
  return { code, next };
}

export interface ClassificationResult {
  lines: BudgetLine[];
  /** 合计 rows per unit (null = the whole table). */
  totals: { unit: string | null; total: bigint | null; basic: bigint | null; project: bigint | null; columns: Record<string, bigint>; source: Source }[];
}

/**
 * How a classification table is laid out: where its data starts, how many cells a code is printed
 * in (类 | 款 | 项), and its column roles; null when it prints no code (not a classification table).
 */
export function classificationColumns(table: Table): { firstData: number; parts: number; columns: ColumnMap } | null {
  const codeRows = table.rows.filter((r) => r.cells.some((c) => FUNCTION_OR_ECONOMIC.test(c.trim()) || (PROCUREMENT.test(c.trim()) && TITLE_WORDS.procurement.test(table.title))));
  const firstCodeRow = codeRows[0];
  if (!firstCodeRow) return null;
  const firstData = table.rows.findIndex((r) => !isHeaderRow(r));
  const header = table.rows.slice(0, Math.max(0, firstData)).filter(isHeaderRow);
  // The 类 | 款 | 项 cells may share a printed row with the 合计 row (a 决算's 收入决算表): every row
  // above the first code row is looked at, not only the header rows.
  const parts = codePartCount(table.rows.slice(0, Math.max(0, table.rows.indexOf(firstCodeRow))));
  const firstCodeAt = firstCodeRow.cells.findIndex((c) => schemeOfCode(c.trim(), table.title) !== null);
  return { firstData, parts, columns: columnMap(header, firstCodeAt >= 0 ? codeAt(firstCodeRow.cells, firstCodeAt, parts).next + 1 : null) };
}

export function extractClassification(
  table: Table,
  file: string,
  unit: MoneyUnit,
  basis: 'BUDGET' | 'ACTUAL',
  diagnostics: Diagnostic[],
): ClassificationResult {
  const result: ClassificationResult = { lines: [], totals: [] };
  const structure = classificationColumns(table);
  if (!structure) return result;
  const { firstData, parts, columns: cols } = structure;
  let currentUnit: string | null = null;

  const amountAt = (row: Row, idx: number | null): bigint | null => {
    if (idx === null) return null;
    const cell = row.cells[idx];
    if (cell === undefined) return null;
    const parsed = parseAmount(cell, unit);
    if (!parsed) return null;
    if (parsed.repair) diagnostics.push({ level: 'INFO', code: 'AMOUNT_REPAIRED', message: `${table.title}: ${parsed.repair}`, line: row.line, original: cell });
    return parsed.fen;
  };

  // Amount columns no header labels: said once per column, with the first line printing one.
  const unlabelled = new Map<number, number>();
  /** Every amount cell of a row from `from` on, by its column's header path. */
  const rowColumns = (row: Row, from: number): Record<string, bigint> => {
    const columns: Record<string, bigint> = {};
    for (let i = from; i < row.cells.length; i++) {
      const parsed = parseAmount(row.cells[i] ?? '', unit);
      if (!parsed || row.cells[i] === '') continue;
      if (!cols.labels[i] && !unlabelled.has(i)) unlabelled.set(i, row.line);
      // Side-by-side blocks repeat a label (决算数 | … | 决算数): the column number keeps them apart.
      const label = cols.labels[i] || `column ${i + 1}`;
      columns[label in columns ? `${label} (column ${i + 1})` : label] = parsed.fen;
    }
    return columns;
  };

  for (const row of table.rows.slice(Math.max(0, firstData))) {
    const codeIdx = row.cells.findIndex((c) => schemeOfCode(c.trim(), table.title) !== null);
    const source: Source = { file, table: table.title, line: row.line, text: row.text };
    if (codeIdx < 0) {
      // "类 | 款 | 项 | 合计 | 2,946.25 …": the code-part labels printed on the 合计 row name no row.
      const label = row.cells.find((c) => c !== '' && !(parts && ROW_LABELS.codePart.test(headerText(c)))) ?? '';
      // A header repeated after a page break ("预算单位 | 科目编码 | …") is not a unit row.
      if (row.cells.some((c) => COLUMNS.code.matches.test(headerText(c)) || COLUMNS.codeName.matches.test(headerText(c)))) continue;
      if (ROW_LABELS.totalSpaced.test(label.replace(/\s/g, '')) && row.cells.some((c) => /\d/.test(c))) {
        result.totals.push({ unit: currentUnit, total: amountAt(row, cols.total), basic: amountAt(row, cols.basic), project: amountAt(row, cols.project), columns: rowColumns(row, 1), source });
      } else if (row.cells[0] && !/^\d/.test(row.cells[0]) && ROW_LABELS.unitName.test(row.cells[0].replace(/\s/g, ''))) {
        // A unit row (预算单位) heads the lines that follow it and carries their total.
        currentUnit = row.cells[0];
        result.totals.push({ unit: currentUnit, total: amountAt(row, cols.total), basic: amountAt(row, cols.basic), project: amountAt(row, cols.project), columns: rowColumns(row, 1), source });
      }
      continue;
    }
    // 公开06 prints three blocks of 科目 side by side (code | name | amount, three times): each
    // block is a line of its own, reading only its own cells.
    const starts = row.cells
      .map((c, i) => i)
      .filter((i) => i >= codeIdx && schemeOfCode(row.cells[i]!.trim(), table.title) !== null && (i === codeIdx || /[^\d\s,.]/.test(row.cells[codeAt(row.cells, i, parts).next] ?? '')));
    starts.forEach((start, k) => {
      const end = starts[k + 1] ?? row.cells.length;
      const offset = start - codeIdx;
      const inBlock = (idx: number | null) => (idx === null ? null : idx + offset < end ? idx + offset : null);
      const blockRow: Row = { ...row, cells: row.cells.slice(0, end) };
      const { code, next: nameAt } = codeAt(row.cells, start, parts);
      const scheme = schemeOfCode(code, table.title);
      if (!scheme) return;
      result.lines.push({
        scheme,
        code,
        name: (row.cells[nameAt] ?? '').replace(/\s+/g, ''),
        level: levelOf(scheme, code),
        unit: currentUnit,
        basis,
        total: amountAt(blockRow, inBlock(cols.total) ?? nameAt + 1),
        basic: amountAt(blockRow, inBlock(cols.basic)),
        project: amountAt(blockRow, inBlock(cols.project)),
        columns: rowColumns(blockRow, nameAt + 1),
        source,
      });
    });
  }
  for (const [i, line] of unlabelled) {
    diagnostics.push({ level: 'WARNING', code: 'COLUMN_UNLABELLED', message: `${table.title}: amounts in column ${i + 1} sit under no header label; kept as "column ${i + 1}" (check the header against the PDF)`, line });
  }
  return result;
}

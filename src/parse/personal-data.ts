// Personal data (个人信息) out of a document's text before anything reads or stores it. What is
// personal is declared in personal-vocabulary.ts; this module finds it in the forms documents
// print it:
//   - a label and its value in one cell or line: "项目负责人：尚明芳", "联 系 人：张三",
//     "联系电话（座机）：021-5256 4588", "联系人 张三" (no colon: the value must then look like a
//     name), "电话28336292" (nothing between: only a number, never a name — "联系人民群众");
//   - a cell that is only a label, its value in the next non-empty cell ("填报人 | 曾媛、陈聪聪");
//   - a header cell over a column of values ("项目名称 | 项目负责人 | 金额", then one name a row);
//   - values personal without a label: mobile numbers, numbers with an area code, e-mail
//     addresses, 18-digit ID numbers whose check digit holds.
// Each value is replaced by REDACTED, line for line, so line numbers (the provenance of every
// fact) do not move. Every source's text passes here before the parser, the store, the export or
// the search index see it (parse/index.ts documentText).
//
// Bare digit runs are redacted only where a label or a shape says they are telephone numbers: an
// eight-digit integer in a 元 table is an amount, and one in a 联系电话 cell is not.
import { PERSONAL_LABELS, VALUE_SHAPES, idNumberValid, type PersonalValueKind } from './personal-vocabulary.js';
import { HEADER_ROW_WORDS, LABEL_MARKS } from './glossary/index.js';
import { group } from './matches.js';

/** What a redacted value reads as, in the stored text and in every fact's printed line. */
export const REDACTED = '［个人信息已隐去］';

// ---- the vocabulary as patterns -------------------------------------------------------------

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
/** "联系人" → "联[ \u3000]*系[ \u3000]*人": a label printed with spaces between its characters. */
const spaced = (term: string) => [...term].map(escape).join('[ \\u3000]*');
/** Longest first: 项目负责人 is tried before 负责人, 手机号码 before 手机. */
const LABELS_BY_LENGTH = [...PERSONAL_LABELS].sort((a, b) => b.term.length - a.term.length);
const LABEL_SOURCE = LABELS_BY_LENGTH.map((l) => spaced(l.term)).join('|');
/** A parenthesised qualifier after a label: （座机）, (手机), （项目） — not an area code: (021). */
const QUALIFIER = LABEL_MARKS.qualifier.source;
const COLON = LABEL_MARKS.colon.source;
/** A label, its qualifier and its separator; group 1 the label, group 2 the separator. */
const LABEL_AT = new RegExp(`(${LABEL_SOURCE})${QUALIFIER}(\\s*${COLON}\\s*|[ \\u3000]+|)`, 'gi');
/** A cell that is only a label: "联系电话", "填报人：", "联 系 人", "联系电话（座机）". */
const LABEL_CELL = new RegExp(`^\\s*(?:${LABEL_SOURCE})${QUALIFIER}\\s*${COLON}?\\s*$`, 'i');
/** A cell that ends with a label after a separator ("项目名称：社区服务，填报人"): its value is in the next cell too. */
const ENDS_WITH_LABEL = new RegExp(`${LABEL_MARKS.beforeLabel.source}(?:${LABEL_SOURCE})${QUALIFIER}\\s*${COLON}?\\s*$`, 'i');
/** A line or cell that opens with a label and its separator (layout.ts drops such lines). */
const OPENS_WITH_LABEL = new RegExp(`^\\s*(?:${LABEL_SOURCE})${QUALIFIER}(?:\\s*${COLON}|\\s|$)`, 'i');

const kindOf = new Map(PERSONAL_LABELS.map((l) => [l.term.toLowerCase(), l.value]));
const kindOfMatch = (label: string): PersonalValueKind => kindOf.get(label.replace(/[ \u3000]/g, '').toLowerCase()) ?? 'NAME';

const S = VALUE_SHAPES;
const PHONE_SHAPE = `(?:${S.areaCodePhone}|${S.mobile}|${S.localPhone})(?:\\s*[、,，/]\\s*(?:${S.areaCodePhone}|${S.mobile}|${S.localPhone}))*`;
/** A value with its kind's shape at the start of the text after a label with no colon. */
const SHAPE_AFTER_LABEL: Record<PersonalValueKind, RegExp> = {
  NAME: new RegExp(`^(?:${S.names})(?![\\u4e00-\\u9fff])`),
  TELEPHONE: new RegExp(`^${PHONE_SHAPE}(?![0-9０-９])`),
  EMAIL: new RegExp(`^${S.email}`),
  ID_NUMBER: new RegExp(`^(?:${S.idNumber18}|${S.idNumber15})(?![0-9Xx])`),
  CONTACT: new RegExp(`^(?:${S.email}|${PHONE_SHAPE}(?![0-9０-９]))`),
};
/** Kinds whose value may follow the label with nothing between ("电话28336292"). */
const JOINED_OK: ReadonlySet<PersonalValueKind> = new Set(['TELEPHONE', 'EMAIL', 'ID_NUMBER', 'CONTACT']);

// Values personal wherever they are printed. Digits next to them must not be part of a longer
// number (an amount, a code).
const AREA_CODE_PHONE = new RegExp(`(?<![0-9０-９.])${S.areaCodePhone}(?![0-9０-９.])`, 'g');
const MOBILE = new RegExp(`(?<![0-9０-９.,，])${S.mobile}(?![0-9０-９.])`, 'g');
const EMAIL = new RegExp(S.email, 'g');
const ID_NUMBER = new RegExp(`(?<![0-9A-Za-z])${S.idNumber18}(?![0-9A-Za-z])`, 'g');
/** A cell that is an amount or a code: a mobile-shaped integer beside such cells is money. */
const NUMERIC_CELL = /^[-−]?[\d,]+(?:\.\d+)?$/;

// ---- redaction --------------------------------------------------------------------------------

export interface Redaction {
  text: string;
  /** 1-based lines where something was redacted. */
  lines: number[];
}

/** Whether a line or cell opens with a personal label ("填报人：…", "联系电话 …", "联 系 人"). */
export function opensWithPersonalLabel(text: string): boolean {
  return OPENS_WITH_LABEL.test(text);
}

/** The text with its personal data replaced, line for line (its lines' tab-separated cells, as redactCells). Idempotent. */
export function redactPersonalData(text: string): Redaction {
  const lines = text.split('\n');
  const { cells, lines: touched } = redactCells(lines.map((l) => l.split('\t')));
  for (const n of touched) lines[n - 1] = (cells[n - 1] ?? []).join('\t');
  return { text: touched.length ? lines.join('\n') : text, lines: touched };
}

/**
 * A source's note (an OCR reading quoted back, a page warning) without personal data: the note is
 * stored and served with the document, so what it quotes passes the same redaction as the text, and
 * a note on a line whose personal data was hidden or dropped quotes nothing of it — a bare
 * "5256 4588" is personal only by its line's label, which the quote does not carry.
 */
export function redactNote(message: string, onPersonalLine: boolean): string {
  const quoted = onPersonalLine ? message.replace(/"[^"]*"/g, `"${REDACTED}"`) : message;
  return redactSegment(quoted);
}

/**
 * A printed document's lines (src/source/printed.ts), each its cells' texts, with their personal data
 * replaced cell by cell: what redactPersonalData does to the text that renders them (cells between
 * tabs, a line of one cell a line of text), on the cells themselves. Lines untouched keep their arrays.
 */
export function redactCells(lines: readonly (readonly string[])[]): { cells: (readonly string[])[]; lines: number[] } {
  const touched: number[] = [];
  let personalColumns: number[] = [];
  const cells = lines.map((row, i) => {
    let out: readonly string[] = row;
    if (row.length > 1) {
      // Most rows of a table hold no label, no @ and no phone-shaped digits: such a row under no
      // personal column is left as it is, and ends none.
      if (personalColumns.length || row.some(mayHold)) {
        const redacted = redactRowCells(row, personalColumns);
        personalColumns = redacted.personalColumns;
        if (redacted.cells.some((c, k) => c !== row[k])) out = redacted.cells;
      }
    } else {
      // A line without cells ends a table, and with it the columns of personal values.
      const line = row[0] ?? '';
      if (line.trim() !== '') personalColumns = [];
      const redacted = redactSegment(line);
      if (redacted !== line) out = [redacted];
    }
    if (out !== row) touched.push(i + 1);
    return out;
  });
  return { cells, lines: touched };
}

/** A row's cells redacted: labels' values, a header's personal columns below it, values personal by their shape. */
function redactRowCells(cells: readonly string[], columnsAbove: number[]): { cells: string[]; personalColumns: number[] } {
  const labelCells = cells.map((c) => LABEL_CELL.test(c));
  const out = [...cells];
  // Under a header row: its personal columns hold one value a row.
  for (const c of columnsAbove) {
    const cell = out[c];
    if (cell !== undefined && cell.trim() !== '' && !labelCells[c]) out[c] = REDACTED;
  }
  const headsColumns: number[] = [];
  /** Labels with nothing after them: a column's head if the row is a header row, else an empty form field. */
  const trailing: number[] = [];
  const amountsBeside = cells.filter((c) => NUMERIC_CELL.test(c.trim())).length;
  // forEach visits each cell as it is when reached: a value cell redacted by its label before it is seen so.
  out.forEach((cell, i) => {
    if (labelCells[i] || ENDS_WITH_LABEL.test(cell)) {
      if (!labelCells[i]) out[i] = redactSegment(cell);
      // The value is the next non-empty cell (a layout may leave an empty one between); a label
      // followed by another label or a column header ("项目名称 | 项目负责人 | 金额") heads a column.
      const j = out.findIndex((c, k) => k > i && k <= i + 2 && c.trim() !== '');
      const value = out[j];
      if (value === undefined) {
        trailing.push(i);
        return;
      }
      if (labelCells[j] || HEADER_ROW_WORDS.test(value.replace(/\s/g, ''))) headsColumns.push(i);
      else out[j] = valueCell(value);
      return;
    }
    if (cell === REDACTED) return;
    // A bare mobile-shaped integer is a number to call unless the row's other numbers say it is money.
    out[i] = NUMERIC_CELL.test(cell.trim()) && amountsBeside > 1 ? cell : redactSegment(cell);
  });
  // A header row starts columns of values; a row under one keeps them; any other row ends them.
  const personalColumns = headsColumns.length ? [...headsColumns, ...trailing] : labelCells.some(Boolean) ? [] : columnsAbove;
  return { cells: out, personalColumns };
}

/**
 * The cell after a label, redacted. Cells printed close together can reach the text as one
 * ("林黛玉、薛宝钗 联系电话"): a label inside it stays, and ends the cell, so its own value (in the
 * next cell) is taken too.
 */
function valueCell(cell: string): string {
  const inner = [...cell.matchAll(LABEL_AT)].find((m) => m.index > 0 && cell.slice(0, m.index).trim() !== '');
  return inner ? `${REDACTED} ${cell.slice(inner.index)}` : REDACTED;
}

/** One cell or line: labelled values, then values personal by their shape. */
function redactSegment(text: string): string {
  if (!mayHold(text)) return text;
  return redactLabelled(text)
    .replace(AREA_CODE_PHONE, REDACTED)
    .replace(MOBILE, REDACTED)
    .replace(EMAIL, REDACTED)
    .replace(ID_NUMBER, (m) => (idNumberValid(m) ? REDACTED : m));
}

/** Labels with their values in the same text: "联系人：张三，联系电话：13800138000。" */
function redactLabelled(text: string): string {
  const found = [...text.matchAll(LABEL_AT)];
  if (!found.length) return text;
  let out = '';
  let at = 0;
  found.forEach((m, k) => {
    const valueStart = m.index + m[0].length;
    if (valueStart < at) return;
    const valueEnd = valueEndOf(text, valueStart, found[k + 1]?.index ?? text.length, group(m, 2), kindOfMatch(group(m, 1)));
    out += text.slice(at, valueStart);
    if (valueEnd > valueStart) {
      out += REDACTED;
      // What the value ran into (a separator, the next label) stays.
      const rest = text.slice(valueStart, valueEnd);
      // (\s and trimEnd strip the same characters: white space and line ends.)
      out += rest.slice(rest.trimEnd().length);
    }
    at = Math.max(valueEnd, valueStart);
  });
  return out + text.slice(at);
}

/** Where a label's value ends, or valueStart when what follows is not its value. */
function valueEndOf(text: string, valueStart: number, nextLabel: number, separator: string, kind: PersonalValueKind): number {
  const after = text.slice(valueStart, nextLabel);
  if (after.trim() === '' || after.startsWith(REDACTED)) return valueStart;
  if (LABEL_MARKS.colon.test(separator)) {
    // After a colon the value is everything up to the next separator or label, whatever it looks like.
    const stop = LABEL_MARKS.valueStop.exec(after);
    return valueStart + (stop ? stop.index : after.length);
  }
  if (separator === '' && !JOINED_OK.has(kind)) return valueStart;
  const shaped = SHAPE_AFTER_LABEL[kind].exec(after);
  return shaped ? valueStart + shaped[0].length : valueStart;
}

/** Cheap test first: most lines hold no label, no @ and no run of digits a phone could be. */
const MAY_HOLD = new RegExp(`${LABEL_SOURCE}|@|[0-9０-９]{3}${LABEL_MARKS.phoneGroupSeparator.source}?[0-9０-９]{4}`, 'i');
function mayHold(text: string): boolean {
  return MAY_HOLD.test(text);
}

// Personal data (个人信息) out of a document's text before anything reads or stores it: the names
// after 填报人 / 填表人 / 联系人 and the numbers after 联系电话 / 电话 / 手机 / 传真, in a table's
// cells or in a line of prose, and telephone numbers written with an area code anywhere. Each is
// replaced by REDACTED, line for line, so line numbers (the provenance of every fact) do not move.
// The parser, the stored text, the export and the search index all see this text only.
//
// Bare digit runs are redacted only where a label says they are telephone numbers: an eight-digit
// integer in a 元 table is an amount, and one in a 联系电话 cell is not.

/** What a redacted value reads as, in the stored text and in every fact's printed line. */
export const REDACTED = '［个人信息已隐去］';

/** Labels whose value is a person's name or their telephone number. */
const LABELS = ['填报人', '填表人', '联系人', '联系电话', '联系方式', '电话', '手机', '传真', '经办人'];
const LABEL = LABELS.join('|');

/** A cell that is only a label ("联系电话", "填报人：") — its value is the next non-empty cell. */
const LABEL_CELL = new RegExp(`^\\s*(?:${LABEL})\\s*[:：]?\\s*$`);
/** A label with its value inside one cell or prose line: "联系人：张三", "联系电话:0755-2833 6292". */
const LABELLED_VALUE = new RegExp(`((?:${LABEL})\\s*[:：]\\s*)([^，,;；。\\t]+)`, 'g');
/** Telephone numbers an area code makes unmistakable: 0755-28318397, (0755)28318397, 0755－2831 8397. */
const AREA_CODE_PHONE = /(?<![\d.])(?:[（(]0\d{2,3}[)）]\s*|0\d{2,3}\s*[-－—]\s*)\d{3,4}\s*-?\s*\d{4}(?:\s*(?:转|-)\s*\d{1,6})?(?![\d.])/g;
/** A mobile number in a line of prose (never in a table's cells: those hold amounts). */
const MOBILE = /(?<![\d.,])1[3-9]\d{9}(?![\d.])/g;

export interface Redaction {
  text: string;
  /** 1-based lines where something was redacted. */
  lines: number[];
}

/** The text with its personal data replaced, line for line. Idempotent. */
export function redactPersonalData(text: string): Redaction {
  const lines = text.split('\n');
  const touched: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const out = line.includes('\t') ? redactRow(line) : redactProse(line);
    if (out !== line) {
      lines[i] = out;
      touched.push(i + 1);
    }
  }
  return { text: touched.length ? lines.join('\n') : text, lines: touched };
}

function redactProse(line: string): string {
  // Cheap test first: most lines hold none of the labels and no area-code number.
  if (!mayHold(line)) return line;
  return line.replace(LABELLED_VALUE, (_m, label: string, value: string) => `${label}${isRedacted(value) ? value : REDACTED}`).replace(AREA_CODE_PHONE, REDACTED).replace(MOBILE, REDACTED);
}

function redactRow(line: string): string {
  if (!mayHold(line)) return line;
  const cells = line.split('\t');
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (LABEL_CELL.test(cell)) {
      // The value is the next non-empty cell (a layout may leave an empty one between).
      for (let j = i + 1; j < cells.length && j <= i + 2; j++) {
        if (cells[j]!.trim() === '') continue;
        if (!LABEL_CELL.test(cells[j]!)) cells[j] = REDACTED;
        break;
      }
      continue;
    }
    cells[i] = cell.replace(LABELLED_VALUE, (_m, label: string, value: string) => `${label}${isRedacted(value) ? value : REDACTED}`).replace(AREA_CODE_PHONE, REDACTED);
  }
  return cells.join('\t');
}

const isRedacted = (value: string) => value.trim() === REDACTED;

function mayHold(line: string): boolean {
  for (const label of LABELS) if (line.includes(label)) return true;
  return /0\d{2,3}\s*[-－—)）]|1[3-9]\d{9}/.test(line);
}

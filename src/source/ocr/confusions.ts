// What tesseract's chi_sim reliably misreads in the words these documents print, put right in a
// line read by OCR — words only, never a digit (a number in doubt is a diagnostic, ocr/index.ts).
// Each fix is one seen on the suite's scans of the real PDFs (tests/unit/ocr-scan.test.ts) and
// makes a word no budget document prints into the one it prints:
// - 支 in 宋体 read as 文: "文出" (no word) for 支出, which titles and headers key on
//   (一般公共预算文出功能分类预算表 is no table the parser knows);
// - the full-width colon after 单位 read as ";" or ",": "单位; 元" declares no unit, and the
//   table's amounts would be read in the document's other unit (元 as 万元: 10,000 times);
// - a space between a digit and a Chinese character ("2025 年"), which a text layer never prints
//   and tesseract sets wherever the script changes.
// The words misread, and what they mean: a leaf module of words, no parser.
import { OCR_MISREADINGS } from '../../parse/glossary/prose.js';

const CJK = '\\u3400-\\u9fff';

const FIXES: [RegExp, string][] = [
  [OCR_MISREADINGS.zhiChu.misread, OCR_MISREADINGS.zhiChu.meant],
  [OCR_MISREADINGS.unitColon.misread, OCR_MISREADINGS.unitColon.meant],
  [new RegExp(`(\\d) +(?=[${CJK}])`, 'g'), '$1'],
  [new RegExp(`([${CJK}]) +(?=\\d)`, 'g'), '$1'],
];

/** A line read by OCR with the misreadings above put right (cells stay between their tabs). */
export function correctOcrLine(text: string): string {
  return FIXES.reduce((t, [from, to]) => t.replace(from, to), text);
}

/**
 * The row under a 科目编码 header cell prints the code-part labels 类 | 款 | 项 (or 类 | 款), one
 * glyph a cell, and nothing else: three lone glyphs in a narrow cell are what chi_sim reads worst
 * ("六 有 志", "类 于 项" on the suite's scans), and without them the parser cannot tell a code
 * printed in parts (201 | 03 | 01) from a code and a name. Such a row read by OCR — right under
 * a line with 科目编码, its first cells two or three single Chinese characters and nothing after
 * them — is given the labels back. `text` the line, `above` the line before it.
 */
export function correctCodePartLabels(text: string, above: string): string {
  if (!OCR_MISREADINGS.codeHeader.test(above)) return text;
  const cells = text.split('\t');
  const first = cells.findIndex((c) => c.trim() !== '');
  if (first < 0) return text;
  const lone = new RegExp(`^[${CJK}]$`);
  let n = 0;
  for (const cell of cells.slice(first)) {
    if (!lone.test(cell.trim())) break;
    n++;
  }
  if ((n !== 2 && n !== 3) || cells.slice(first + n).some((c) => c.trim() !== '')) return text;
  ['类', '款', '项'].slice(0, n).forEach((label, k) => (cells[first + k] = label));
  return cells.join('\t');
}

// 科目编码 as printed: which scheme a code is of (功能 / 经济分类, 政府采购品目) and its level; the
// structure stage finds code cells with these, readers take the scheme and level of what it found.
import type { CodeScheme } from '../records.js';
import { TITLE_WORDS } from '../glossary/index.js';

export const FUNCTION_OR_ECONOMIC = /^(?:[23]\d{2})(?:\d{2}){0,2}$/;
export const PROCUREMENT = /^[ABC](?:\d{2,})?$/;

/** 功能分类 codes start with 2 (201 一般公共服务支出 …), 经济分类 codes with 3 (301 工资福利支出 …). */
export function schemeOfCode(code: string, title: string): CodeScheme | null {
  if (PROCUREMENT.test(code) && TITLE_WORDS.procurement.test(title)) return 'PROCUREMENT';
  if (!FUNCTION_OR_ECONOMIC.test(code)) return null;
  return code.startsWith('3') ? 'ECONOMIC' : 'FUNCTION';
}

/** Characters a scan or a font map prints for a digit (O for 0, l or I for 1 …), as the digit. */
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', l: '1', I: '1', '|': '1', Z: '2', S: '5', B: '8' };

/** A code cell with its look-alike characters read as digits and spaces removed ("2O1" → "201"). */
export function lookalikeDigits(cell: string): string {
  return cell.replace(/\s+/g, '').replace(/[OoDlI|ZSB]/g, (c) => DIGIT_LOOKALIKES[c] ?? c);
}

export function levelOf(scheme: CodeScheme, code: string): number {
  if (scheme === 'PROCUREMENT') return code.length === 1 ? 1 : Math.ceil((code.length - 1) / 2);
  return code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
}

// Code // 科目 rows: every code a line prints (its name that year), and the function codes the
// project links reach that no line prints.
import type { BudgetLine, Project } from '../../parse/records.js';
import type { CodeLink } from '../code-links.js';
import { codeKey, codeLevel, labelOfScheme, parentCode } from '../../model/codes.js';
import { yearName } from '../../model/ids.js';
import { n } from './values.js';

export type CodeRow = ReturnType<typeof codeRow>;

function codeRow(label: string, code: string, name: string | null, level: number | null, parent: string | null, printedAs: string | null) {
  return { label, code, name, level: n(level), parent, yearName: printedAs };
}

export function codeRows(lines: BudgetLine[], year: number, links: CodeLink[], representatives: Project[]): CodeRow[] {
  const codes = new Map<string, CodeRow>();
  for (const l of lines) codes.set(codeKey(l.scheme, l.code), codeRow(labelOfScheme(l.scheme), l.code, l.name, l.level, parentCode(l.scheme, l.code), yearName(year, l.name)));
  for (const l of links) {
    const key = codeKey('FUNCTION', l.code);
    if (!codes.has(key)) codes.set(key, codeRow(labelOfScheme('FUNCTION'), l.code, representatives[l.projectIndex]!.functionName ?? null, codeLevel(l.code) ?? 3, parentCode('FUNCTION', l.code), null));
  }
  return [...codes.values()];
}

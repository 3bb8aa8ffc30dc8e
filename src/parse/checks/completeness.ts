// Rules on what a document must print: the tables its contents (目录) lists. (The tables a family
// must publish whatever the contents say — the nine of a Shanghai 部门预算 / 决算 — are read by the
// table families; a rule reading them belongs here beside this one.)
import { toHalfWidth } from '../amount.js';
import type { Anomaly, Source } from '../records.js';
import type { CheckContext, CheckRule } from './rule.js';

/** A contents entry or a title reduced to its words: numbering, leaders, page numbers, years, quotes out. */
export function titleKey(text: string): string {
  return toHalfWidth(text)
    .replace(/\s/g, '')
    .replace(/^(\d+[.、．]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|表[一二三四五六七八九十\d]+)/, '')
    .replace(/[….·]{2,}.*$/, '')
    .replace(/\d+$/, '')
    .replace(/\d{4}年度?/g, '')
    .replace(/["“”'‘’]/g, '');
}

/** The contents: lines after 目录 and before the first table that name a table (…表). */
function contentsEntries(ctx: CheckContext): { line: number; text: string; key: string }[] {
  const start = ctx.lines.findIndex((l, i) => i < 80 && /^目\s*录$/.test(l.trim()));
  if (start < 0) return [];
  const firstTable = Math.min(...ctx.layout.tables.map((t) => t.titleLine), ctx.lines.length + 1);
  const out: { line: number; text: string; key: string }[] = [];
  for (let i = start + 1; i < Math.min(firstTable - 1, start + 60); i++) {
    const text = ctx.lines[i]!;
    const key = titleKey(text);
    if (!/表$/.test(key) || key.length < 4 || key.length > 40 || /部分/.test(key)) continue;
    // "五、部门预算表" over "1. 2026年部门财务收支预算总表 …" heads a group of tables: no table itself.
    const next = ctx.lines.slice(i + 1, i + 4).find((l) => l.trim() !== '') ?? '';
    if (/^\s*[一二三四五六七八九十]+、/.test(text) && /^\s*\d+\s*[.、．]/.test(next)) continue;
    out.push({ line: i + 1, text, key });
  }
  return out;
}

/** A table the contents list and the document never prints (no table, no line, carries its title). */
function listedTablesPrinted(ctx: CheckContext): Anomaly[] {
  const entries = contentsEntries(ctx);
  if (entries.length === 0) return [];
  const listed = new Set(entries.map((e) => e.line));
  const printed = new Set<string>();
  for (const t of ctx.layout.tables) printed.add(titleKey(t.title));
  ctx.lines.forEach((l, i) => {
    if (!listed.has(i + 1)) printed.add(titleKey(l));
  });
  const { file } = ctx.doc.meta;
  // A title may carry the department's name before the table's ("上海市普陀区财政局收入支出决算总表").
  const department = titleKey(ctx.doc.meta.department ?? '');
  return entries
    .filter((e) => !printed.has(e.key) && !printed.has(`${department}${e.key}`))
    .map((e): Anomaly => {
      const source: Source = { file, table: '目录', line: e.line, text: e.text };
      return {
        kind: 'MISSING_TABLE',
        severity: 'WARNING',
        message: `the contents list ${e.text.trim()} (line ${e.line}), but no table of that title is printed`,
        delta: null,
        sources: [source],
      };
    });
}

export const COMPLETENESS_RULES: CheckRule[] = [
  {
    code: 'CONTENTS_TABLE_PRINTED',
    kind: 'MISSING_TABLE',
    family: 'COMPLETENESS',
    severity: 'WARNING',
    compares: 'each table the contents (目录) list with the tables the document prints (an empty table printed with 本表无数据 counts as printed)',
    why: 'a disclosure must publish every table it lists; a missing one is money not disclosed',
    run: listedTablesPrinted,
  },
];

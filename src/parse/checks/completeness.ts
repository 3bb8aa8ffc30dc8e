// Rules on what a document must print: the tables its contents (目录) list and the tables of the
// standard set it follows (the nine of a Shanghai 部门预算 / 决算, parse/disclosure.ts), one finding
// per table missing.
import { toHalfWidth } from '../amount.js';
import { missingStandardTables, type MissingStandardTable } from '../disclosure.js';
import { CONTENTS, standardTitleKey, TITLE_PARTS, TITLE_QUOTES } from '../glossary/index.js';
import type { Anomaly, Source } from '../records.js';
import type { CheckContext, CheckRule } from './rule.js';

/** Digits at the end of a text, matched once from where the run begins (linear). */
const TRAILING_DIGITS = /(?<!\d)\d+$/;

/** A contents entry or a title reduced to its words: numbering, leaders, page numbers, years, quotes out. */
export function titleKey(text: string): string {
  return toHalfWidth(text)
    .replace(/\s/g, '')
    .replace(CONTENTS.entryNumbering, '')
    .replace(/[….·]{2,}.*$/, '')
    // The page number after the title; not /\d+$/, which tries every digit of a long run of
    // digits as a start (a 200,000-digit line took a minute: tests/unit/hostile-text.test.ts).
    .replace(TRAILING_DIGITS, '')
    // A form number after the title ("（公开01表）") is the producer's numbering, not the title's.
    .replace(TITLE_QUOTES.formNumberAfter.matches, '')
    .replace(CONTENTS.year, '')
    .replace(CONTENTS.quotes, '');
}

/** The contents: lines after 目录 and before the first table that name a table (…表). */
function contentsEntries(ctx: CheckContext): { line: number; text: string; key: string }[] {
  const start = ctx.lines.findIndex((l, i) => i < 80 && CONTENTS.heading.test(l.trim()));
  if (start < 0) return [];
  const firstTable = Math.min(...ctx.layout.tables.map((t) => t.titleLine), ctx.lines.length + 1);
  const out: { line: number; text: string; key: string }[] = [];
  for (let i = start + 1; i < Math.min(firstTable - 1, start + 60); i++) {
    const text = ctx.lines[i];
    if (text === undefined) break;
    const key = titleKey(text);
    if (!TITLE_PARTS.endsInTable.test(key) || key.length < 4 || key.length > 40 || CONTENTS.part.test(key)) continue;
    // "五、部门预算表" over "1. 2026年部门财务收支预算总表 …" heads a group of tables: no table itself.
    const next = ctx.lines.slice(i + 1, i + 4).find((l) => l.trim() !== '') ?? '';
    if (CONTENTS.groupNumbering.test(text) && CONTENTS.itemNumbering.test(next)) continue;
    out.push({ line: i + 1, text, key });
  }
  return out;
}

/**
 * A table the document should print and does not, from either evidence — the contents (目录) list
 * it, or it is one of the standard set (the nine of a Shanghai 部门预算 / 决算) the document
 * follows — one finding per table, carrying each evidence it has (#38: the set's check was a
 * diagnostic beside this anomaly, the same table said twice).
 */
function listedTablesPrinted(ctx: CheckContext): Anomaly[] {
  const entries = contentsEntries(ctx);
  const listed = new Set(entries.map((e) => e.line));
  const printed = new Set<string>();
  for (const t of ctx.layout.tables) printed.add(titleKey(t.title));
  // A line's key is only looked up as an entry's (or the department's name before one), so a line
  // lacking each entry key's last character cannot match and is not reduced: titleKey only
  // deletes characters, and maps full-width signs and digits to ASCII (hence all lines when a key
  // ends in ASCII). Reducing every line of the document was 5% of the parse (1,000 generated
  // documents); none when there are no contents.
  const lastChars = [...new Set(entries.map((e) => e.key.charCodeAt(e.key.length - 1)))];
  const everyLine = lastChars.some((c) => c < 0x80);
  const mayMatch = (l: string) => everyLine || lastChars.some((c) => l.includes(String.fromCharCode(c)));
  ctx.lines.forEach((l, i) => {
    if (!listed.has(i + 1) && mayMatch(l)) printed.add(titleKey(l));
  });
  const { file } = ctx.doc.meta;
  // A title may carry the department's name before the table's ("上海市普陀区财政局收入支出决算总表").
  const department = titleKey(ctx.doc.meta.department ?? '');
  const standard = missingStandardTables(ctx.layout, ctx.doc.meta, ctx.lines);
  const ofSet = (m: MissingStandardTable) => `it is table ${m.no} of the ${m.of} a ${m.set} publishes (${m.printed} printed), so its figures are not read`;
  const out: Anomaly[] = [];
  const said = new Set<MissingStandardTable>();
  for (const e of entries) {
    if (printed.has(e.key) || printed.has(`${department}${e.key}`)) continue;
    const set = standard.find((m) => m.listed?.line === e.line || standardTitleKey(titleKey(m.title)) === standardTitleKey(e.key));
    if (set) said.add(set);
    const source: Source = { file, table: CONTENTS.printed, line: e.line, text: e.text };
    out.push({
      kind: 'MISSING_TABLE',
      severity: 'WARNING',
      message: `the contents list ${e.text.trim()} (line ${e.line}), but no table of that title is printed${set ? `; ${ofSet(set)}` : ''}`,
      delta: null,
      sources: [source],
    });
  }
  for (const m of standard) {
    if (said.has(m)) continue;
    // Not in the contents this rule reads (none, or listed outside them): the set is the evidence.
    const source: Source = m.listed ? { file, table: CONTENTS.printed, line: m.listed.line, text: m.listed.text } : ctx.doc.meta.source;
    out.push({
      kind: 'MISSING_TABLE',
      severity: 'WARNING',
      message: `${m.set}: prints ${m.printed} of its ${m.of} tables; ${m.title} (table ${m.no}) is not printed${m.listed ? ` though the contents list it (line ${m.listed.line})` : ''}, so its figures are not read`,
      delta: null,
      sources: [source],
    });
  }
  return out;
}

export const COMPLETENESS_RULES: CheckRule[] = [
  {
    code: 'CONTENTS_TABLE_PRINTED',
    kind: 'MISSING_TABLE',
    family: 'COMPLETENESS',
    severity: 'WARNING',
    compares: 'each table the contents (目录) list, and each of the standard set the document follows (the nine of a Shanghai 部门预算 / 决算), with the tables the document prints (an empty table printed with 本表无数据 counts as printed); one finding per table, with each evidence',
    why: 'a disclosure must publish every table it lists and its set requires; a missing one is money not disclosed',
    run: listedTablesPrinted,
  },
];

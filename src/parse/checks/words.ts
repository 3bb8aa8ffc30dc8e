// Rules on words one document must use one way: a 功能分类 code named with one name, and the
// document's own year where a sentence or a heading needs it.
import { emptyTableNote, noteOfOtherFund, printsNoFigure } from '../disclosure.js';
import { group } from '../matches.js';
import { pushTo } from '../../multimap.js';
import type { Anomaly, BudgetLine, Source } from '../records.js';
import { codedItem, nameKey, resolveCode } from './prose-tables.js';
import { DOCUMENT_KIND_WORDS, YEAR_CELLS, YEAR_WORDS } from '../glossary/index.js';
import { passages, sourceAt } from './passages.js';
import type { CheckContext, CheckRule } from './rule.js';

/** The prose's 类/款/项 names against the tables' names for the same code. */
function proseCodeNames(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  const byCode = new Map<string, BudgetLine[]>();
  for (const l of ctx.doc.lines) if (l.scheme === 'FUNCTION') pushTo(byCode, l.code, l);
  const seen = new Set<string>();
  for (const p of passages(ctx.layout.prose)) {
    const item = codedItem(p.text);
    if (!item) continue;
    // With printed codes each part is its own code; with names only the deepest part places the rest.
    const full = resolveCode(item, byCode);
    let code = '';
    for (const part of item.parts) {
      code = part.code ? code + part.code : (full?.slice(0, [0, 3, 5, 7][part.level]) ?? '');
      const lines = byCode.get(code) ?? [];
      const [printed] = lines;
      if (!printed || lines.some((l) => nameKey(l.name) === nameKey(part.name))) continue;
      const key = `${code}|${part.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        kind: 'CODE_NAMED_TWICE',
        severity: 'WARNING',
        message: `${code}: the text names it ${part.name} (line ${sourceAt(p, part.index, ctx.doc.meta.file).line}); ${printed.source.table} prints ${printed.name} (line ${printed.source.line})`,
        delta: null,
        sources: [sourceAt(p, part.index, ctx.doc.meta.file), printed.source],
      });
    }
  }
  return out;
}

/** The same code under two names in the tables themselves (a name cut by the PDF is the same name). */
function tableCodeNames(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  const first = new Map<string, BudgetLine>();
  const reported = new Set<string>();
  for (const l of ctx.doc.lines) {
    const key = `${l.scheme}|${l.code}`;
    const before = first.get(key);
    if (!before) {
      first.set(key, l);
      continue;
    }
    const a = nameKey(before.name);
    const b = nameKey(l.name);
    if (a === b || a.startsWith(b) || b.startsWith(a) || reported.has(`${key}|${b}`)) continue;
    reported.add(`${key}|${b}`);
    out.push({
      kind: 'CODE_NAMED_TWICE',
      severity: 'WARNING',
      message: `${l.code}: ${before.source.table} names it ${before.name} (line ${before.source.line}), ${l.source.table} ${l.name} (line ${l.source.line})`,
      delta: null,
      sources: [before.source, l.source],
    });
  }
  return out;
}

const prose = (ctx: CheckContext, line: number): Source => ({ file: ctx.doc.meta.file, table: '正文', line, text: ctx.lines[line - 1] ?? '' });

/**
 * "比2026年预算增加 …" in a document of 2026: a comparison must be with another year. A 决算's
 * own year's budget (比2024年年初预算 / 预算数) is the one comparison with its year it may make.
 */
function selfComparison(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  const { year, file } = ctx.doc.meta;
  const actual = ctx.doc.meta.kinds.includes('FINAL_ACCOUNTS');
  for (const p of passages(ctx.layout.prose)) {
    for (const m of p.text.matchAll(YEAR_WORDS.comparedWithYear)) {
      if (Number(m[2]) !== year) continue;
      if (actual && YEAR_WORDS.budget.test(group(m, 3))) continue;
      out.push({
        kind: 'YEAR_MISMATCH',
        severity: 'WARNING',
        message: `the text compares ${year} with ${m[2]}年${m[3]} ("${m[0]}"), the document's own year: the comparison is with another year (${year - 1}?)`,
        delta: null,
        // Both sides: the sentence, and the title that gives the document its year.
        sources: [sourceAt(p, m.index, file), ctx.doc.meta.source],
      });
    }
  }
  return out;
}

/** A heading naming the document another year ("2023年度部门决算情况说明" in the 2024 决算). */
function headingYear(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  const { year } = ctx.doc.meta;
  for (const p of ctx.layout.prose) {
    const text = p.text.replace(/\s/g, '');
    if (YEAR_WORDS.sentencePunctuation.test(text) || text.length > 60) continue;
    const m = YEAR_WORDS.documentHeading.exec(text);
    if (!m || Number(m[1]) === year) continue;
    out.push({
      kind: 'YEAR_MISMATCH',
      severity: 'WARNING',
      message: `a heading names ${m[1]} ("${text}"), the document is of ${year}`,
      delta: null,
      sources: [prose(ctx, p.line), ctx.doc.meta.source],
    });
  }
  return out;
}

/** A 决算 reports what it holds at its year's end: 截至 another year's 12月31日 is a stale date. */
function yearEndDate(ctx: CheckContext): Anomaly[] {
  if (!ctx.doc.meta.kinds.includes('FINAL_ACCOUNTS')) return [];
  const out: Anomaly[] = [];
  const { year, file } = ctx.doc.meta;
  for (const p of passages(ctx.layout.prose)) {
    for (const m of p.text.matchAll(YEAR_WORDS.yearEndDate)) {
      if (Number(m[1]) === year) continue;
      out.push({
        kind: 'YEAR_MISMATCH',
        severity: 'WARNING',
        message: `the ${year} 决算 states what it holds ${m[0]}: its year ends 31 December ${year}`,
        delta: null,
        sources: [sourceAt(p, m.index, file), ctx.doc.meta.source],
      });
    }
  }
  return out;
}

/**
 * A project's 实施周期 dated wholly in another year than the document's ("2025年1月1日-2025年12月31日"
 * in the 2026 budget): the 说明 of last year's project copied, its period not changed. A period
 * reaching into the document's year (a project of several years) is none. A one-year period is a
 * WARNING; a span of years that ended before it (2023年7月-2025年6月 in a 2026 budget) only INFO,
 * since works finished earlier are paid off (尾款, 审价) in a later year's budget.
 */
function projectPeriodYear(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  const { year } = ctx.doc.meta;
  ctx.lines.forEach((text, i) => {
    if (!YEAR_WORDS.projectPeriod.test(text)) return;
    // The heading's own line, then the next one unless it is the next heading.
    const next = ctx.lines[i + 1] ?? '';
    const candidates = [i + 1, ...(YEAR_WORDS.nextHeading.test(next) ? [] : [i + 2])];
    for (const line of candidates) {
      const m = YEAR_WORDS.dateRange.exec(ctx.lines[line - 1] ?? '');
      if (!m) continue;
      const [from, to] = [Number(m[1]), Number(m[2])];
      if (from <= to && from <= year && year <= to) break;
      out.push({
        kind: 'YEAR_MISMATCH',
        severity: from === to ? 'WARNING' : 'INFO',
        message: `a project's 实施周期 "${(ctx.lines[line - 1] ?? '').trim()}" lies wholly in ${from === to ? from : `${from}-${to}`}, outside ${year}, the year of the document: a period of another year copied?`,
        delta: null,
        sources: [prose(ctx, line), ctx.doc.meta.source],
      });
      break;
    }
  });
  return out;
}

/**
 * A 单位预算 whose sentence says "部门预算安排…" (or a 部门预算 saying "单位预算安排…"): the sentence
 * was copied from the other document of the pair and not adapted; whose budget arranges it is
 * then misstated. The classification's own name (部门预算经济分类) is no such sentence.
 */
function documentKindWords(ctx: CheckContext): Anomaly[] {
  const kinds = ctx.doc.meta.kinds;
  const own = kinds.includes('UNIT_BUDGET') ? DOCUMENT_KIND_WORDS.unit : kinds.includes('BUDGET') ? DOCUMENT_KIND_WORDS.department : null;
  if (own === null) return [];
  const out: Anomaly[] = [];
  const { file } = ctx.doc.meta;
  for (const p of passages(ctx.layout.prose)) {
    for (const m of p.text.matchAll(DOCUMENT_KIND_WORDS.arranges)) {
      if (m[1] === own) continue;
      const i = m.index ?? 0;
      out.push({
        kind: 'DOCUMENT_KIND_MISMATCH',
        severity: 'WARNING',
        message: `the text says "${m[0]}" ("${p.text.slice(Math.max(0, i - 8), i + m[0].length + 8)}") in a ${own}预算: the document is the ${own}'s budget`,
        delta: null,
        // Both sides: the sentence, and the title that says what the document is.
        sources: [sourceAt(p, i, file), ctx.doc.meta.source],
      });
    }
  }
  return out;
}

/** A note saying its table is empty ("故本表无数据") by a table that prints figures. */
function emptyNoteOverFigures(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  for (const table of ctx.layout.tables) {
    const note = emptyTableNote(table, ctx.layout);
    if (!note || printsNoFigure(table)) continue;
    const row = table.rows.find((r) => r.cells.some((c) => /\d[\d,]*\.\d+|[1-9]/.test(c) && !YEAR_CELLS.opensWithYear.test(c)));
    out.push({
      kind: 'EMPTY_NOTE_MISMATCH',
      severity: 'WARNING',
      message: `${table.title}: the note "${note.text.trim()}" (line ${note.line}) says the table is empty, but it prints figures${row ? ` (line ${row.line})` : ''}`,
      delta: null,
      sources: [prose(ctx, note.line), ...(row ? [{ file: ctx.doc.meta.file, table: table.title, line: row.line, text: row.text }] : [])],
    });
  }
  return out;
}

/** An empty table's note naming another fund than the table's: the note of the table before it, copied. */
function emptyNoteOfOtherFund(ctx: CheckContext): Anomaly[] {
  const out: Anomaly[] = [];
  for (const table of ctx.layout.tables) {
    const note = emptyTableNote(table, ctx.layout);
    const other = note && printsNoFigure(table) ? noteOfOtherFund(table.title, note.text) : null;
    if (!note || !other) continue;
    out.push({
      kind: 'EMPTY_NOTE_MISMATCH',
      // The table is empty, as the note says: only the fund it names is wrong, a matter of form.
      severity: 'INFO',
      message: `${table.title}: its note "${note.text.trim()}" (line ${note.line}) says the table is empty for want of ${other.note}, where the table is of ${other.title}`,
      delta: null,
      sources: [prose(ctx, note.line), { file: ctx.doc.meta.file, table: table.title, line: table.titleLine, text: table.title }],
    });
  }
  return out;
}

export const WORD_RULES: CheckRule[] = [
  {
    code: 'DOCUMENT_KIND_WORDS',
    kind: 'DOCUMENT_KIND_MISMATCH',
    family: 'WORDS',
    severity: 'WARNING',
    compares: 'whose budget a sentence says arranges a thing (部门预算安排 / 单位预算安排) with the kind of document it is printed in (部门预算 or 单位预算)',
    why: 'a 单位预算 copied from its department’s document and not adapted says the department arranges what the unit does',
    run: documentKindWords,
  },
  {
    code: 'EMPTY_NOTE_OVER_FIGURES',
    kind: 'EMPTY_NOTE_MISMATCH',
    family: 'WORDS',
    severity: 'WARNING',
    compares: 'a note saying its table is empty (本表无数据, 故本表为空表) with the figures the table prints (the note and the table as disclosure.ts pairs them)',
    why: 'either the figures or the note is wrong; a reader told a table is empty skips money it prints',
    run: emptyNoteOverFigures,
  },
  {
    code: 'EMPTY_NOTE_OTHER_FUND',
    kind: 'EMPTY_NOTE_MISMATCH',
    family: 'WORDS',
    severity: 'INFO',
    compares: 'the fund an empty table’s note names (无政府性基金预算…，故本表为空表) with the fund of the table’s title (国有资本经营预算…)',
    why: 'the note of the table before it, copied and not adapted: the table is empty, but the page says why of another fund',
    run: emptyNoteOfOtherFund,
  },
  {
    code: 'PROSE_CODE_NAME',
    kind: 'CODE_NAMED_TWICE',
    family: 'WORDS',
    severity: 'WARNING',
    compares: 'the name the prose gives a 类/款/项 (with its code or under its parent) with the name the tables print for that code',
    why: 'a class renamed in the classification (医疗卫生与计划生育支出 → 卫生健康支出) and left in old words in the prose makes two classes of one',
    run: proseCodeNames,
  },
  {
    code: 'TABLE_CODE_NAME',
    kind: 'CODE_NAMED_TWICE',
    family: 'WORDS',
    severity: 'WARNING',
    compares: 'the names two tables print for one code (a name cut short by the PDF counts as the same)',
    why: 'one code is one line of the classification; two names are a copy error in one of the tables',
    run: tableCodeNames,
  },
  {
    code: 'SELF_YEAR_COMPARISON',
    kind: 'YEAR_MISMATCH',
    family: 'WORDS',
    severity: 'WARNING',
    compares: 'the year a sentence compares with (比 / 与 / 较 YYYY 年) with the document’s own year',
    why: 'a budget compared with itself says nothing; the sentence was copied from last year’s and its year not moved',
    run: selfComparison,
  },
  {
    code: 'HEADING_YEAR',
    kind: 'YEAR_MISMATCH',
    family: 'WORDS',
    severity: 'WARNING',
    compares: 'the year a heading gives the 部门预算 / 决算 with the document’s year (its title)',
    why: 'a section headed with another year is a section of another document, or a copy left unchanged',
    run: headingYear,
  },
  {
    code: 'YEAR_END_DATE',
    kind: 'YEAR_MISMATCH',
    family: 'WORDS',
    severity: 'WARNING',
    compares: '截至 YYYY年12月31日 in a 决算 with the 决算’s year',
    why: 'assets are reported at the end of the year the 决算 closes; another year’s date is a copy left unchanged',
    run: yearEndDate,
  },
  {
    code: 'PROJECT_PERIOD_YEAR',
    kind: 'YEAR_MISMATCH',
    family: 'WORDS',
    severity: 'WARNING',
    compares: 'the years of a project’s 实施周期 (YYYY年M月D日-YYYY年M月D日) with the document’s year',
    why: 'the document arranges or accounts for money of its own year; a project whose period lies wholly in another year is a 说明 copied from another year and not adapted',
    run: projectPeriodYear,
  },
];

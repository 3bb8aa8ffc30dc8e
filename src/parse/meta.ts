// Document metadata: title, publisher (department and unit), year, the families of tables present
// and the document's money unit.
import { declaredUnit, toHalfWidth } from './amount.js';
import type { Layout } from './layout.js';
import type { DocumentKind, DocumentMeta, Publisher, Source } from './records.js';
import { documentUnit } from './units.js';
import { COVER, DOCUMENT_KINDS as KINDS, INVESTMENT_FORM } from './glossary/index.js';
import { group } from './matches.js';

/** How far the cover reaches: the lines before 目录, at most this many. */
const COVER_LINES = 12;

/** A line "label：value" (预算主管部门：某局, 编制单位：某中心). */
const LABEL_LINE = COVER.labelLine.matches;

/**
 * Labels that name the department (预算主管部门, the first-level budget unit) or the unit a 单位预算
 * is of (预算单位), as the cover or a table's preamble prints them, most trusted first.
 */
const DEPARTMENT_LABELS = COVER.departmentLabels.matches;
const UNIT_LABELS = COVER.unitLabels.matches;

/** What the cover and title call the document (部门预算 …): it names no publisher. */
const KIND_WORDS = COVER.kindWords.matches;
/** A title that names only the government level ("上海市普陀区区级", "上海市市级"), not a department. */
const LEVEL_ONLY = COVER.levelOnly.matches;

/**
 * A cover line that is an organisation's name ("某市某区财政局", "某区人民政府某街道办事处"):
 * no digit, no label, ending as a body's name does. A cover printing its department under the
 * title without a label (预算主管部门：…) names it so.
 */
const ORGANISATION_LINE = COVER.organisationLine.matches;

const clean = (t: string) => t.replace(/^#+\s*/, '').replace(/\*\*/g, '').trim();
const squeeze = (t: string) => t.replace(/\s+/g, '');
/**
 * The label before a line's first colon: a cover may spread its characters to a width
 * ("预 算 主 管 部 门：", full-width spaces), which are no part of it (nor count towards its length).
 */
const LABEL_BEFORE_COLON = COVER.labelBeforeColon.matches;
/** A "label：name" line (预算主管部门：某局), both squeezed; null when the line is not one. */
const labelLine = (text: string): { label: string; name: string } | null => {
  const m = LABEL_LINE.exec(text.replace(LABEL_BEFORE_COLON, squeeze));
  return m && { label: squeeze(group(m, 1)), name: squeeze(group(m, 2)) };
};

export function extractMeta(text: string, file: string, lay: Layout): DocumentMeta {
  const lines = text.split(/\r?\n/);
  // The cover: the first non-empty lines, up to 目录.
  const cover: { line: number; text: string }[] = [];
  for (const [i, line] of lines.entries()) {
    if (cover.length >= COVER_LINES) break;
    const t = clean(line);
    if (COVER.contents.matches.test(t)) break;
    if (t) cover.push({ line: i + 1, text: t });
  }
  const head = cover.slice(0, 3);
  const title = titleOf(head);
  const yearMatch = COVER.titleYear.matches.exec(toHalfWidth(title)) ?? COVER.bracketedYear.matches.exec(toHalfWidth(lines.slice(0, 10).join(' ')));
  const year = yearMatch ? Number(yearMatch[1]) : NaN;
  const titleSource: Source = { file, table: '标题', line: head[0]?.line ?? 1, text: head[0]?.text ?? '' };

  const publisher = publisherOf(title, titleSource, cover, lay, file);
  const kinds = new Set<DocumentKind>();
  const titles = lay.tables.map((t) => t.title).join('\n');
  // A 单位预算 is one unit's own budget inside its department's: a kind of its own, so it stands
  // beside the department's 部门预算 of the same year rather than in its place.
  const unitBudget = KINDS.unitBudget.matches.test(title) && !KINDS.departmentBudget.matches.test(title);
  if (unitBudget) kinds.add('UNIT_BUDGET');
  else if (KINDS.departmentBudget.matches.test(title) || KINDS.budgetTable.matches.test(titles)) kinds.add('BUDGET');
  if (KINDS.finalAccounts.matches.test(title) || KINDS.finalAccountsTable.matches.test(titles)) kinds.add('FINAL_ACCOUNTS');
  if (KINDS.targetsTable.matches.test(titles) || KINDS.targetsDocument.matches.test(title)) kinds.add('PERFORMANCE_TARGETS');
  if (KINDS.selfEvaluationTable.matches.test(titles)) kinds.add('SELF_EVALUATION');
  if (lay.tables.some((t) => t.rows.some((r) => INVESTMENT_FORM.projectCodeInLine.matches.test(r.text)))) kinds.add('INVESTMENT_PROJECTS');
  if (KINDS.finalAccounts.matches.test(title)) {
    kinds.delete('BUDGET');
    kinds.delete('UNIT_BUDGET');
  }
  const unit = documentUnit(text, lay, file);
  return {
    file,
    title,
    department: publisher.department,
    year,
    kinds: [...kinds],
    moneyUnit: unit.unit,
    moneyUnitSource: unit.source,
    roundingNote: KINDS.roundingNote.matches.test(text),
    source: titleSource,
    publisher,
  };
}

/**
 * The title as printed over one to three lines ("上海市普陀区财政局" / "2024年度部门决算"): the next
 * line is joined while the title still lacks its kind (部门预算 …) or the next line is only its
 * year; never a "label：value" line (预算主管部门：…), which names the publisher, not the document.
 */
function titleOf(head: { line: number; text: string }[]): string {
  let title = head[0]?.text ?? '';
  for (const next of head.slice(1)) {
    if (LABEL_LINE.test(next.text)) break;
    if (!COVER.titleHasKind.matches.test(title)) title += next.text;
    else if (COVER.titleYearLine.matches.test(squeeze(next.text))) title += next.text;
    else break;
  }
  return squeeze(title);
}

/**
 * The department and unit as printed, in order of trust: a line that names them (预算主管部门：…
 * on the cover, 部门：… / 编制部门：… above a table), the title, the cover's first line. A 单位预算
 * that names only its unit (预算单位：…) is the unit's document: its name stands for the department
 * when none is printed (UNIT).
 */
function publisherOf(title: string, titleSource: Source, cover: { line: number; text: string }[], lay: Layout, file: string): Publisher {
  const labelled = (labels: RegExp): { name: string; source: Source } | null => {
    // The cover's lines first (in the order the labels are trusted), then each table's preamble.
    const candidates: { label: string; name: string; source: Source }[] = [];
    for (const c of cover) {
      const m = labelLine(c.text);
      if (m && labels.test(m.label) && m.name) candidates.push({ ...m, source: { file, table: '封面', line: c.line, text: c.text } });
    }
    for (const t of lay.tables) {
      t.preamble.forEach((p, i) => {
        // "编制部门：某局 单位：元" printed as one line: the name ends where the unit starts.
        const unitAt = declaredUnit(p)?.index ?? -1;
        const m = labelLine((unitAt > 0 ? p.slice(0, unitAt).replace(COVER.amountBeforeUnit.matches, '') : p).trim());
        if (m && labels.test(m.label) && m.name) candidates.push({ ...m, source: { file, table: t.title, line: t.preambleLines?.[i] ?? t.titleLine, text: p } });
      });
    }
    const rank = (label: string) => {
      const order = labels.source.replace(/^\^\(|\)\$$/g, '').split('|');
      const i = order.indexOf(label);
      return i < 0 ? order.length : i;
    };
    // Cover lines before preambles, then by the label's trust; the first printed wins a tie.
    const best = candidates.reduce<(typeof candidates)[number] | null>((a, c) => (!a ? c : (c.source.table === '封面' ? 0 : 1) * 100 + rank(c.label) < (a.source.table === '封面' ? 0 : 1) * 100 + rank(a.label) ? c : a), null);
    return best ? { name: best.name, source: best.source } : null;
  };
  const unit = labelled(UNIT_LABELS);
  const department = labelled(DEPARTMENT_LABELS);
  const unitOf = { unit: unit?.name ?? null, unitSource: unit?.source ?? null };
  if (department) return { department: department.name, departmentFrom: 'LINE', departmentSource: department.source, ...unitOf };
  const stripped = title.replace(COVER.yearWord.matches, '').replace(KIND_WORDS, '').trim();
  const named = stripped !== '' && !LEVEL_ONLY.test(stripped);
  if (named) return { department: stripped, departmentFrom: 'TITLE', departmentSource: titleSource, ...unitOf };
  // A unit's own document (单位预算) naming no department: the unit's name stands for it.
  if (unit) return { department: unit.name, departmentFrom: 'UNIT', departmentSource: unit.source, ...unitOf };
  // The title names only the level (某市某区区级) or nothing ("2024年度部门决算"): a cover line
  // under it that is a body's name, printed without a label, names the department.
  const bare = cover.find((c) => !title.includes(squeeze(c.text)) && ORGANISATION_LINE.test(squeeze(c.text)) && !LEVEL_ONLY.test(squeeze(c.text)));
  if (bare) return { department: squeeze(bare.text), departmentFrom: 'LINE', departmentSource: { file, table: '封面', line: bare.line, text: bare.text }, ...unitOf };
  const first = cover[0];
  return { department: stripped || title, departmentFrom: 'COVER', departmentSource: first ? { file, table: '封面', line: first.line, text: first.text } : titleSource, ...unitOf };
}

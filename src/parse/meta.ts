// Document metadata: title, publisher (department and unit), year, the families of tables present
// and the document's money unit.
import { declaredUnit, toHalfWidth } from './amount.js';
import type { Layout } from './layout.js';
import type { DocumentKind, DocumentMeta, Publisher, Source } from './records.js';
import { documentUnit } from './units.js';

/** How far the cover reaches: the lines before 目录, at most this many. */
const COVER_LINES = 12;

/** A line "label：value" (预算主管部门：某局, 编制单位：某中心). */
const LABEL_LINE = /^([^:：\t]{2,10})\s*[:：]\s*(.+)$/;

/**
 * Labels that name the department (预算主管部门, the first-level budget unit) or the unit a 单位预算
 * is of (预算单位), as the cover or a table's preamble prints them, most trusted first.
 */
const DEPARTMENT_LABELS = /^(预算主管部门|主管部门|部门名称|编制部门|部门|项目主管部门)$/;
const UNIT_LABELS = /^(预算单位|编制单位|单位名称)$/;

/** What the cover and title call the document (部门预算 …): it names no publisher. */
const KIND_WORDS = /(部门预算|单位预算|部门决算|单位决算|整体支出绩效目标申报表|项目支出绩效目标申报表|[(（]\d{4}年度[)）])/g;
/** A title that names only the government level ("上海市普陀区区级", "上海市市级"), not a department. */
const LEVEL_ONLY = /^(.{2,12}?[省市区县镇])?(省级|市级|区级|县级|镇级|本级)?$/;

const clean = (t: string) => t.replace(/^#+\s*/, '').replace(/\*\*/g, '').trim();
const squeeze = (t: string) => t.replace(/\s+/g, '');

export function extractMeta(text: string, file: string, lay: Layout): DocumentMeta {
  const lines = text.split(/\r?\n/);
  // The cover: the first non-empty lines, up to 目录.
  const cover: { line: number; text: string }[] = [];
  for (let i = 0; i < lines.length && cover.length < COVER_LINES; i++) {
    const t = clean(lines[i]!);
    if (/^目\s*录$/.test(t)) break;
    if (t) cover.push({ line: i + 1, text: t });
  }
  const head = cover.slice(0, 3);
  const title = titleOf(head);
  const yearMatch = /(\d{4})\s*年/.exec(toHalfWidth(title)) ?? /[(（]\s*(\d{4})\s*年度\s*[)）]/.exec(toHalfWidth(lines.slice(0, 10).join(' ')));
  const year = yearMatch ? Number(yearMatch[1]) : NaN;
  const titleSource: Source = { file, table: '标题', line: head[0]?.line ?? 1, text: head[0]?.text ?? '' };

  const publisher = publisherOf(title, titleSource, cover, lay, file);
  const kinds = new Set<DocumentKind>();
  const titles = lay.tables.map((t) => t.title).join('\n');
  // A 单位预算 is one unit's own budget inside its department's: a kind of its own, so it stands
  // beside the department's 部门预算 of the same year rather than in its place.
  const unitBudget = /单位预算/.test(title) && !/部门预算/.test(title);
  if (unitBudget) kinds.add('UNIT_BUDGET');
  else if (/部门预算/.test(title) || /预算表/.test(titles)) kinds.add('BUDGET');
  if (/决算/.test(title) || /决算表/.test(titles)) kinds.add('FINAL_ACCOUNTS');
  if (/绩效目标(申报)?表/.test(titles) || /绩效目标申报表/.test(title)) kinds.add('PERFORMANCE_TARGETS');
  if (/自评表/.test(titles)) kinds.add('SELF_EVALUATION');
  if (lay.tables.some((t) => t.rows.some((r) => /国家编码|项目代码/.test(r.text)))) kinds.add('INVESTMENT_PROJECTS');
  if (/决算/.test(title)) {
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
    roundingNote: /尾数误差|四舍五入/.test(text),
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
    if (!/(部门|单位)(预|决)算|申报表|绩效/.test(title)) title += next.text;
    else if (/^\d{4}\s*年度?((部门|单位)(预|决)算)?$/.test(squeeze(next.text))) title += next.text;
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
      const m = LABEL_LINE.exec(c.text);
      if (m && labels.test(squeeze(m[1]!)) && squeeze(m[2]!)) candidates.push({ label: squeeze(m[1]!), name: squeeze(m[2]!), source: { file, table: '封面', line: c.line, text: c.text } });
    }
    for (const t of lay.tables) {
      t.preamble.forEach((p, i) => {
        // "编制部门：某局 单位：元" printed as one line: the name ends where the unit starts.
        const unitAt = declaredUnit(p)?.index ?? -1;
        const m = LABEL_LINE.exec((unitAt > 0 ? p.slice(0, unitAt).replace(/金额$/, '') : p).trim());
        if (m && labels.test(squeeze(m[1]!)) && squeeze(m[2]!)) candidates.push({ label: squeeze(m[1]!), name: squeeze(m[2]!), source: { file, table: t.title, line: t.preambleLines?.[i] ?? t.titleLine, text: p } });
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
  const stripped = title.replace(/\d{4}年度?/g, '').replace(KIND_WORDS, '').trim();
  const named = stripped !== '' && !LEVEL_ONLY.test(stripped);
  if (named) return { department: stripped, departmentFrom: 'TITLE', departmentSource: titleSource, ...unitOf };
  // A unit's own document (单位预算) naming no department: the unit's name stands for it.
  if (unit) return { department: unit.name, departmentFrom: 'UNIT', departmentSource: unit.source, ...unitOf };
  const first = cover[0];
  return { department: stripped || title, departmentFrom: 'COVER', departmentSource: first ? { file, table: '封面', line: first.line, text: first.text } : titleSource, ...unitOf };
}

// 项目经费情况说明: the pages a 部门预算 may end with, one per key project — a title naming it, then
// numbered sections (项目概述, 立项依据, 实施主体, 实施方案, 实施周期, 年度预算安排, 绩效目标). Read
// from the prose as the project's listing: its name, the year's total and the parts it lists (二级
// items under it, so the check of a project against its items sees them), 实施主体 when it is a
// unit's name, and the texts the model has a place for. Every amount of the budget sentence is
// placed (total, part, 合计) or said in a diagnostic.
import { parseAmount, type ParsedAmount } from '../amount.js';
import type { ProseLine } from '../layout.js';
import type { Diagnostic, Project, Source } from '../records.js';
import { PROJECT_EXPLANATION as PE } from '../glossary/index.js';
import { group } from '../matches.js';
import { formatWan } from '../../model/money.js';

/** The section labels a page is read by: any other numbered heading ends the page. */
const FIELDS = [['overview', PE.overview], ['basis', PE.basis], ['implementer', PE.implementer], ['plan', PE.plan], ['period', PE.period], ['budget', PE.budget], ['goal', PE.goal]] as const;
type Field = (typeof FIELDS)[number][0];

interface Section { field: Field; lines: ProseLine[] }
interface Page { title: ProseLine; name: string; sections: Section[] }

/** The field a line heads, or null when it heads none of the page's. */
function fieldOf(text: string): Field | null {
  const m = PE.section.matches.exec(text);
  if (!m) return null;
  const label = group(m, 1);
  return FIELDS.find(([, term]) => term.matches.test(label))?.[0] ?? null;
}

/** The pages: a title line followed by a 项目概述 heading, then its sections while the lines run on. */
function pagesIn(prose: ProseLine[]): Page[] {
  const pages: Page[] = [];
  let page: Page | null = null;
  let prev: ProseLine | null = null;
  prose.forEach((p, i) => {
    const title = PE.title.matches.exec(p.text.trim());
    if (title && fieldOf(prose[i + 1]?.text ?? '') === 'overview') {
      page = { title: p, name: group(title, 1), sections: [] };
      pages.push(page);
      prev = p;
      return;
    }
    // A page's lines run on: a table or another part of the document between them ends it, as
    // does a numbered heading that is none of its sections.
    const field = fieldOf(p.text);
    if (!page || !prev || p.line > prev.line + 1 || (!field && PE.section.matches.test(p.text))) { page = null; return; }
    if (field) page.sections.push({ field, lines: [] });
    else page.sections[page.sections.length - 1]?.lines.push(p);
    prev = p;
  });
  return pages;
}

const textOf = (s: Section | undefined): string | null => {
  const text = (s?.lines ?? []).map((l) => l.text.trim()).join('');
  return text === '' ? null : text;
};

/** The budget sentence read: its total, its parts and what it printed that is neither. */
interface Budget { total: ParsedAmount | null; parts: { name: string; amount: ParsedAmount; at: number }[]; sum: ParsedAmount | null; unplaced: string[] }

/** "2025年度项目总预算1410.00万，其中A340.00万，B120.00万…，合计1410.00万。" or "795万元". */
export function readBudget(text: string): Budget {
  const out: Budget = { total: null, parts: [], sum: null, unplaced: [] };
  const whole = PE.amountOnly.matches.exec(text);
  if (whole) return { ...out, total: parseAmount(group(whole, 1), '万元') };
  let inParts = false;
  // Where each segment starts in the text (the separators are one character): a part's line.
  let at = -1;
  for (const raw of text.split(PE.partSeparator.matches)) {
    at += 1;
    const from = at;
    at += raw.length;
    let segment = raw.trim();
    if (segment === '') continue;
    const total = PE.total.matches.exec(segment);
    if (total && !out.total) { out.total = parseAmount(group(total, 1), '万元'); if (!out.total) out.unplaced.push(segment); continue; }
    const start = PE.partsStart.matches.exec(segment);
    if (start) { inParts = true; segment = segment.slice(start.index + start[0].length); }
    const sum = PE.partsSum.matches.exec(segment);
    const part = PE.part.matches.exec(segment);
    const sumAmount = sum ? parseAmount(group(sum, 1), '万元') : null;
    const partAmount = part ? parseAmount(group(part, 2), '万元') : null;
    if (sumAmount) out.sum = sumAmount;
    else if (inParts && part && partAmount) out.parts.push({ name: group(part, 1), amount: partAmount, at: from });
    else if (PE.anyAmount.matches.test(segment)) out.unplaced.push(segment);
  }
  return out;
}

/** The line of a section's text (its lines joined, each trimmed) a character of it is on. */
function lineAt(lines: ProseLine[], offset: number): ProseLine | undefined {
  let end = 0;
  return lines.find((l) => (end += l.text.trim().length) > offset) ?? lines[lines.length - 1];
}

/** The projects the 项目经费情况说明 pages describe; what they print and cannot be placed goes to `diagnostics`. */
export function projectsFromExplanations(prose: ProseLine[], file: string, diagnostics: Diagnostic[], department: string | null = null): Project[] {
  const squeeze = (t: string) => t.replace(/\s+/g, '');
  const out: Project[] = [];
  for (const page of pagesIn(prose)) {
    const section = (field: Field) => page.sections.find((s) => s.field === field);
    const budgetSection = section('budget');
    const budgetText = textOf(budgetSection);
    const budgetLine = budgetSection?.lines[0];
    const budget = budgetText ? readBudget(budgetText) : null;
    const where = page.title.text.trim();
    if (page.name === '') {
      // The title names no project (项目经费情况说明 alone): its amounts belong to none the reader can name.
      if (budgetText && PE.anyAmount.matches.test(budgetText)) diagnostics.push({ level: 'WARNING', code: 'PROJECT_NAME_MISSING', message: `${where}: the page names no project; its 年度预算安排 is kept out of the project list`, line: budgetLine?.line ?? page.title.line, original: budgetText });
      continue;
    }
    const source: Source = { file, table: where, line: page.title.line, text: page.title.text };
    const amountSource: Source | undefined = budgetLine ? { file, table: where, line: budgetLine.line, text: budgetLine.text } : undefined;
    const implementer = textOf(section('implementer'));
    const goal = textOf(section('goal'));
    const basis = textOf(section('basis'));
    const period = textOf(section('period'));
    for (const a of [budget?.total, budget?.sum, ...(budget?.parts ?? []).map((p) => p.amount)]) {
      if (a?.repair) diagnostics.push({ level: 'INFO', code: 'AMOUNT_REPAIRED', message: `${where}: ${a.repair}`, line: budgetLine?.line ?? page.title.line });
    }
    out.push({
      name: page.name,
      level: budget && budget.parts.length > 0 ? 1 : null,
      parent: null,
      // 实施主体 is a unit when it prints one name; a sentence about the work names none. The
      // document's own department is left out, as its tables leave it: the same project listed
      // there is then compared with this listing (the check keys listings by name and unit).
      unit: implementer && !PE.notAName.matches.test(implementer) && implementer.length <= 40 && squeeze(implementer) !== squeeze(department ?? '') ? implementer : null,
      amount: budget?.total?.fen ?? null,
      executed: null,
      executionRate: null,
      functionCode: null,
      functionName: null,
      key: false,
      goal: goal && !PE.goalReferral.matches.test(goal) ? goal : null,
      ...(basis ? { justification: basis } : {}),
      ...(period ? { period } : {}),
      sourceKind: 'PROSE_LIST',
      source,
      ...(amountSource && budget?.total ? { amountSource } : {}),
    });
    if (!budget) continue;
    for (const part of budget.parts) {
      const line = lineAt(budgetSection?.lines ?? [], part.at);
      out.push({ name: part.name, level: 2, parent: page.name, unit: null, amount: part.amount.fen, executed: null, executionRate: null, functionCode: null, functionName: null, key: false, goal: null, sourceKind: 'PROSE_LIST', source: line ? { file, table: where, line: line.line, text: line.text } : source });
    }
    if (budgetText && budget.unplaced.length > 0) {
      diagnostics.push({ level: 'WARNING', code: 'PROJECT_AMOUNT_UNPLACED', message: `${where}: 年度预算安排 prints amounts read as neither the year's total nor a part: ${budget.unplaced.join('；')}`, line: budgetLine?.line ?? page.title.line, original: budgetText });
    }
    if (budget.sum && budget.total && budget.sum.fen !== budget.total.fen) {
      diagnostics.push({ level: 'WARNING', code: 'PROJECT_SUM_PRINTED_DIFFERS', message: `${where}: 合计 ${formatWan(budget.sum.fen)} 万元 ≠ 项目总预算 ${formatWan(budget.total.fen)} 万元`, line: budgetLine?.line ?? page.title.line, original: budgetText ?? '' });
    }
  }
  return out;
}

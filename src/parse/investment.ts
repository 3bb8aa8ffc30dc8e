// 政府投资项目 forms: 国家编码 (YYYY-DDDDDD-II-TT-SSSSSS), investment figures, 建设性质.
import { parseAmount, toHalfWidth } from './amount.js';
import type { Row, Table } from './layout.js';
import type { InvestmentProject, Source } from './records.js';
import { CONSTRUCTION_NATURE, INVESTMENT_FORM as FORM, TICKED, UNIT_MARKS } from './glossary/index.js';
import { matchGroups } from './matches.js';
import { investmentForm, type FormField, type InvestmentFieldRole, type InvestmentForm } from './structure/form-fields.js';

const FULL_CODE = /^(?<year>\d{4})-(?<division>\d{6})-(?<industry>\d{2})-(?<type>\d{2})-(?<serial>\d{6})$/;

/** Decodes a 国家编码; a code cut short keeps what is printed and is flagged, never completed. */
export function decodeProjectCode(printed: string) {
  const code = toHalfWidth(printed).replace(/\s+/g, '');
  const m = matchGroups(FULL_CODE, code, 'year', 'division', 'industry', 'type', 'serial');
  if (m) return { code, truncated: false, registrationYear: Number(m.year), divisionCode: m.division, industryCode: m.industry, typeCode: m.type, serial: m.serial };
  const parts = code.split('-');
  return {
    code,
    truncated: true,
    registrationYear: parts[0] && /^\d{4}$/.test(parts[0]) ? Number(parts[0]) : null,
    divisionCode: parts[1] && /^\d{6}$/.test(parts[1]) ? parts[1] : null,
    industryCode: parts[2] && /^\d{2}$/.test(parts[2]) ? parts[2] : null,
    typeCode: parts[3] && /^\d{2}$/.test(parts[3]) ? parts[3] : null,
    serial: parts[4] && /^\d{6}$/.test(parts[4]) ? parts[4] : null,
  };
}

/** A figure followed by its 万元 ("100.5 万元"). */
const WAN_AMOUNT = new RegExp(`(?<figure>[\\d,.\\s]+?)\\s*${UNIT_MARKS.wanYuan.matches.source}`);
const wanIn = (text: string): bigint | null => {
  const m = matchGroups(WAN_AMOUNT, toHalfWidth(text), 'figure');
  return m ? parseAmount(m.figure, '万元')?.fen ?? null : null;
};

export function isInvestmentTable(table: Table): boolean {
  return investmentForm(table) !== null;
}

type Field = import('./records.js').InvestmentField;

/**
 * One 政府投资项目 form, its fields by role (structure/form-fields.ts finds each label and its
 * value: beside it, or on the next line "(资金来源：…)"). Each field keeps the line it was read from.
 */
export function extractInvestmentProject(table: Table, file: string, form: InvestmentForm | null = investmentForm(table)): InvestmentProject | null {
  if (!form) return null; // not a form: no 项目代码 label
  const rows = table.rows;
  const sourceOf = (r: Row): Source => ({ file, table: table.title, line: r.line, text: r.text });
  const squeezed = (c: string) => toHalfWidth(c).replace(/\s+/g, '');
  const fieldSources: Partial<Record<Field, Source>> = {};
  const after = (role: InvestmentFieldRole): FormField | null => form.fields[role] ?? null;
  const text = (field: Field, role: InvestmentFieldRole): string | null => {
    const hit = after(role);
    if (!hit) return null;
    fieldSources[field] = sourceOf(hit.row);
    return hit.value;
  };
  const money = (field: Field, role: InvestmentFieldRole, inText?: RegExp): bigint | null => {
    const hit = after(role);
    if (!hit) return null;
    const fen = inText ? wanAfter(hit.value, inText) : wanIn(hit.value);
    if (fen !== null) fieldSources[field] = sourceOf(hit.row);
    return fen;
  };
  const codeRow = form.code.row;
  const decoded = decodeProjectCode(form.code.printed);
  const name = after('name')?.value ?? table.title.replace(FORM.titleSuffix.matches, '');
  const joined = rows.map((r) => r.text).join('\n');
  const nature = CONSTRUCTION_NATURE.find((n) => n.matches.test(joined))?.nature ?? null;
  const ticked = (r: Row | null): boolean | null => {
    if (!r) return null;
    return TICKED.yes.matches.test(r.text) ? true : TICKED.no.matches.test(r.text) ? false : null;
  };
  // 本年实际完成投资: the amount, and its 资金来源 split on the same line or the next one.
  const completedRow = form.completedInYearAt;
  let completedInYear: bigint | null = null;
  let completedGeneralBudget: bigint | null = null;
  let completedGovernmentFund: bigint | null = null;
  const r = rows[completedRow];
  if (r) {
    const next = rows[completedRow + 1];
    // The row's first cell is its label (the row was found by it).
    const own = r.cells.slice(1).join(' ') || (r.cells[0] ?? '').replace(FORM.completedLabelPrefix.matches, '');
    completedInYear = wanIn(own.replace(FORM.fundingSourceTail.matches, ''));
    if (completedInYear !== null) fieldSources.completedInYear = sourceOf(r);
    const splitRow = FORM.fundingSource.matches.test(own) ? r : next && FORM.fundingSource.matches.test(next.text) ? next : null;
    if (splitRow) {
      completedGovernmentFund = wanAfter(splitRow.text, FORM.completedGovernmentFund.matches);
      completedGeneralBudget = wanAfter(splitRow.text, FORM.completedGeneralBudget.matches);
      if (completedGovernmentFund !== null) fieldSources.completedGovernmentFund = sourceOf(splitRow);
      if (completedGeneralBudget !== null) fieldSources.completedGeneralBudget = sourceOf(splitRow);
    }
  }
  const date = (field: Field, role: InvestmentFieldRole) => {
    const v = text(field, role);
    const d = v ? toHalfWidth(v).replace(/\s+/g, '') : null;
    // An empty date field prints its placeholder "年月日": no date.
    if (d !== null && !/\d/.test(d)) {
      delete fieldSources[field];
      return null;
    }
    return d;
  };
  const percent = (field: Field, role: InvestmentFieldRole) => {
    const v = text(field, role);
    return v === null ? null : squeezed(v);
  };
  return {
    ...decoded,
    name,
    unit: after('unit')?.value ?? null,
    totalInvestment: money('totalInvestment', 'totalInvestment'),
    totalFiscal: money('totalFiscal', 'totalInvestment', FORM.fiscalPart.matches),
    totalOther: money('totalOther', 'totalInvestment', FORM.otherPart.matches),
    targetAtYearStart: money('targetAtYearStart', 'targetAtYearStart'),
    plannedInYear: money('plannedInYear', 'plannedInYear'),
    completedInYear,
    completedGeneralBudget,
    completedGovernmentFund,
    planExecutionRate: percent('planExecutionRate', 'planExecutionRate'),
    cumulativeCompleted: money('cumulativeCompleted', 'cumulativeCompleted'),
    completionRate: percent('completionRate', 'completionRate'),
    ...rowSource('rateSource', form.rateRow ?? undefined, file, table.title),
    ...rowSource('totalSource', form.totalRow ?? undefined, file, table.title),
    imageProgress: percent('imageProgress', 'imageProgress'),
    progress: text('progress', 'progress'),
    industry: text('industry', 'industry'),
    started: ticked(form.startedRow),
    completed: ticked(form.completedRow),
    startDate: date('startDate', 'startDate'),
    endDate: date('endDate', 'endDate'),
    nature,
    source: { file, table: table.title, line: codeRow.line, text: codeRow.text },
    fieldSources,
    cellsRead: codeRowCells(form),
  };
}

/** The amount in 万元 printed right after `label` in a sentence ("财政拨款 100.5万元"). */
function wanAfter(text: string, label: RegExp): bigint | null {
  const m = matchGroups(new RegExp(`${label.source}\\s*(?<figure>[\\d,.]+)\\s*${UNIT_MARKS.wanYuan.matches.source}`), toHalfWidth(text), 'figure');
  return m ? parseAmount(m.figure, '万元')?.fen ?? null : null;
}

function rowSource<K extends string>(key: K, row: { line: number; text: string } | undefined, file: string, table: string): Partial<Record<K, Source>> {
  const out: Partial<Record<K, Source>> = {};
  if (row) out[key] = { file, table, line: row.line, text: row.text };
  return out;
}

/**
 * The cells of its source line (the 国家编码 row) an investment project read: the 国家编码 label and
 * the code printed after it, and the label and value of every field printed on the same row (a
 * form printing 项目名称 | name | 国家编码 | code on one row).
 */
function codeRowCells(form: InvestmentForm): number[] {
  const { code } = form;
  const cells = [code.labelAt, ...(code.at >= 0 ? [code.at] : [])];
  for (const field of Object.values(form.fields)) if (field.row === code.row) cells.push(field.labelAt, field.at);
  return [...new Set(cells)].sort((a, b) => a - b);
}

// The table families a document's tables are read as, in the order they are tried. Each entry
// says whether a table is its own (`extract` answers null when it is not) and what it read; the
// first family that claims a table is the last to see it. Adding a family is adding an entry
// here (its reading lives in its own module), not another branch in parseDocument.
import { extractClassification } from './classification.js';
import { extractIndicators } from './indicators.js';
import { extractInvestmentProject, isInvestmentTable } from './investment.js';
import { familyOfTitle } from './families.js';
import { paymentsFromTable } from './payments.js';
import { sumAnomalies, truncatedCodeAnomaly } from './anomalies.js';
import { projectFromForm, projectsFromCodedTable, projectsFromKeyTable, projectsFromTargetForm } from './projects.js';
import { isThreeCostsTable, threeCostsFromTable } from './three-costs.js';
import type { Table } from './layout.js';
import type { Diagnostic, DocumentMeta, ParsedDocument, TableTotal } from './records.js';

/** What every family reads a table with. */
export interface TableContext {
  file: string;
  meta: DocumentMeta;
  isActual: boolean;
  /** Shared with the document: families add warnings about what they could not read. */
  diagnostics: Diagnostic[];
}

/** The record lists a table can add to. */
export type TableRecords = Partial<Pick<ParsedDocument, 'lines' | 'totals' | 'projects' | 'indicators' | 'investmentProjects' | 'selfEvaluations' | 'threeCosts' | 'payments' | 'anomalies'>>;

export interface Extracted {
  records: TableRecords;
  /** True: the table is this family's, no later family sees it. False: keep these, try on. */
  claimed: boolean;
}

export interface TableFamilyReader {
  family: string;
  /** Null when the table is not of this family. */
  extract(table: Table, ctx: TableContext): Extracted | null;
}

const claim = (records: TableRecords): Extracted => ({ records, claimed: true });

export const TABLE_FAMILY_READERS: readonly TableFamilyReader[] = [
  {
    family: 'INVESTMENT_FORM', // 政府投资项目表: one form per 国家编码
    extract(table, { file, diagnostics }) {
      if (!isInvestmentTable(table)) return null;
      const ip = extractInvestmentProject(table, file);
      if (!ip) return claim({});
      return claim({ investmentProjects: [ip], anomalies: ip.truncated ? [truncatedCodeAnomaly(ip.code, ip.source)] : [], indicators: extractIndicators(table, file, ip.name, diagnostics) });
    },
  },
  {
    family: 'PAYMENT_DETAIL', // 项目支出明细表: its 合计 rows are kept even when no payment row is read
    extract(table, { file, meta }) {
      if (familyOfTitle(table.title) !== 'PAYMENT_DETAIL') return null;
      const { payments, totals } = paymentsFromTable(table, file, meta.moneyUnit);
      return { records: { payments, totals }, claimed: payments.length > 0 };
    },
  },
  {
    family: 'THREE_COSTS', // "三公"经费表
    extract(table, { file, meta, isActual }) {
      if (!isThreeCostsTable(table)) return null;
      return claim({ threeCosts: threeCostsFromTable(table, file, meta.moneyUnit, meta.year, isActual) });
    },
  },
  {
    family: 'PROJECT_FORM', // 绩效目标申报表 / 绩效自评表 of one project
    extract(table, { file, meta, diagnostics }) {
      const form = projectFromForm(table, file, meta.moneyUnit);
      if (!form) return null;
      return claim({ projects: [form.project], selfEvaluations: form.evaluation ? [form.evaluation] : [], indicators: extractIndicators(table, file, form.project.name, diagnostics) });
    },
  },
  {
    family: 'CODED_PROJECT_TABLE', // 项目支出表 with 科目编码 per row; its 预算单位 rows are totals
    extract(table, { file, meta, diagnostics }) {
      const unitTotals: TableTotal[] = [];
      const projects = projectsFromCodedTable(table, file, meta.moneyUnit, diagnostics, unitTotals);
      if (projects.length === 0) return unitTotals.length ? { records: { totals: unitTotals }, claimed: false } : null;
      return claim({ totals: unitTotals, projects });
    },
  },
  {
    family: 'KEY_PROJECT_TABLE', // 重点项目 tables
    extract(table, { file, meta, diagnostics }) {
      const projects = projectsFromKeyTable(table, file, meta.moneyUnit, diagnostics);
      return projects.length ? claim({ projects }) : null;
    },
  },
  {
    family: 'TARGET_FORM', // 绩效目标表 listing several projects' tasks
    extract(table, { file, meta, diagnostics }) {
      if (!/绩效目标/.test(table.title) && !table.rows.some((r) => /年度主要任务/.test(r.text))) return null;
      return claim({ projects: projectsFromTargetForm(table, file, meta.moneyUnit), indicators: extractIndicators(table, file, null, diagnostics) });
    },
  },
  {
    family: 'CLASSIFICATION', // 功能 / 经济分类 tables, and whatever else prints 科目 lines
    extract(table, { file, meta, isActual, diagnostics }) {
      const cls = extractClassification(table, file, meta.moneyUnit, isActual || /决算/.test(table.title) ? 'ACTUAL' : 'BUDGET', diagnostics);
      return claim({ lines: cls.lines, totals: cls.lines.length ? cls.totals.map((t) => ({ ...t, table: table.title })) : [], anomalies: sumAnomalies(cls, meta.roundingNote) });
    },
  },
];

/** Reads one table with the first family that claims it; the records of every family that read it. */
export function readTable(table: Table, ctx: TableContext): TableRecords[] {
  const out: TableRecords[] = [];
  for (const reader of TABLE_FAMILY_READERS) {
    const got = reader.extract(table, ctx);
    if (!got) continue;
    out.push(got.records);
    if (got.claimed) break;
  }
  return out;
}

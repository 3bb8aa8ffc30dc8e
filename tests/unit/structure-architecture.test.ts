// One structure stage (#37 item 2): a table's header is read once, by src/parse/structure/, into
// column roles; the family readers ask it for the roles they need. No reader looks a header label
// up by itself: the glossary's header-label terms (column labels) are used under structure/ only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';

/** The readers: the family readers and the modules they read tables with. */
const READERS = [
  ...readdirSync(join(projectRoot, 'src/parse/readers')).filter((f) => f.endsWith('.ts')).map((f) => `src/parse/readers/${f}`),
  ...['classification', 'three-costs', 'indicators', 'projects', 'payments', 'investment'].map((m) => `src/parse/${m}.ts`),
];

/**
 * The glossary's header-label terms: an export that is all column labels (true), or the members of a
 * mixed export that label columns (the others label rows or cells, which readers do read).
 */
const HEADER_TERMS: Record<string, true | readonly string[]> = {
  COLUMNS: true,
  COLUMN_ROLE_LABELS: true,
  THREE_COSTS_COLUMNS: true,
  FIGURE_COLUMNS: true,
  headerText: true,
  PAYMENT_DETAIL: ['amount', 'item', 'serial'],
  INDICATOR_FORM: ['level1Column', 'actualColumn', 'targetColumn', 'levelColumn', 'reasonColumn'],
  TASK_FORM: ['totalAmount', 'totalAmountOrSum', 'ofWhich'],
  /** A project form's row labels (项目名称, 资金总额, 实施单位, 年初设定目标, 项目起止时间). */
  PROJECT_FORM: ['nameRow', 'moneyRow', 'unitLabel', 'projectUnit', 'goalHeader', 'period'],
  /** A 政府投资项目 form's field labels (the value is printed beside them). */
  INVESTMENT_FORM: ['projectCode', 'projectName', 'unit', 'totalInvestment', 'totalInvestmentLine', 'targetAtYearStart', 'plannedInYear', 'completedInYear', 'planExecutionRate', 'cumulativeCompleted', 'completionRate', 'imageProgress', 'progress', 'industry', 'started', 'completed', 'startDate', 'endDate'],
};

/** Each header-label term a source uses: imported whole, or a header member of a mixed export (under its local name). */
export function headerLookups(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'[^']*glossary\/[^']*'/g)) {
    for (const spec of m[1]!.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [name, local = name] = spec.replace(/^type\s+/, '').split(/\s+as\s+/).map((s) => s.trim()) as [string, string?];
      const term = HEADER_TERMS[name];
      if (term === true) out.push(name);
      else if (term) for (const member of term) if (new RegExp(`\\b${local}\\.${member}\\b`).test(source)) out.push(`${name}.${member}`);
    }
  }
  return out;
}

describe('no reader finds a header by itself', () => {
  it('no reader module uses a glossary header-label term (they live under src/parse/structure/)', () => {
    const offending = READERS.flatMap((f) => headerLookups(readFileSync(join(projectRoot, f), 'utf8')).map((t) => `${f}: ${t}`));
    expect(offending).toEqual([]);
  });

  it('the structure stage is where they are used', () => {
    const dir = join(projectRoot, 'src/parse/structure');
    const used = readdirSync(dir).flatMap((f) => headerLookups(readFileSync(join(dir, f), 'utf8')));
    expect(used).toEqual(expect.arrayContaining(['COLUMNS', 'THREE_COSTS_COLUMNS', 'COLUMN_ROLE_LABELS', 'PAYMENT_DETAIL.amount', 'INDICATOR_FORM.level1Column', 'TASK_FORM.totalAmount', 'INVESTMENT_FORM.projectCode']));
  });

  it('sees a lookup where there is one (the scan is not empty)', () => {
    expect(headerLookups("import { COLUMNS, ROW_LABELS } from './glossary/index.js';")).toEqual(['COLUMNS']);
    expect(headerLookups("import { PAYMENT_DETAIL as DETAIL } from './glossary/index.js';\nconst a = DETAIL.amount.matches; const t = DETAIL.totalLabel;")).toEqual(['PAYMENT_DETAIL.amount']);
    expect(headerLookups("import { PAYMENT_DETAIL as DETAIL } from '../glossary/index.js';\nconst t = DETAIL.totalLabel;")).toEqual([]);
    expect(READERS.length).toBeGreaterThan(10);
  });
});

// One rule for "the table that stands for the document" (issue 25): the headline total, the lines
// the aggregates count and the money trail's lines all come from src/model/document-tables.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { primaryTables, totalTables, type TableLine } from '../../src/model/document-tables.js';
import { parseDocument } from '../../src/parse/index.js';
import { buildPlan } from '../../src/load/plan.js';
import { computeMoneyTrail } from '../../src/query/money-trail.js';
import { generateCorpus } from '../../bench/corpus/generate.js';
import { projectRoot } from '../../src/config.js';

const line = (table: string, at: number, level = 3, project: bigint | null = 100n, scheme = 'FUNCTION'): TableLine => ({ scheme, level, project, source: { table, line: at } });

describe('the primary table of a scheme', () => {
  it('given a fund’s table printed before the all-funds 支出总表, is the 支出总表', () => {
    const lines = [line('一般公共预算支出表', 10), line('部门支出总表', 40), line('部门收支总表', 5, 1, null)];
    expect(primaryTables(lines).get('FUNCTION')).toBe('部门支出总表');
  });

  it('given two all-funds expenditure tables, is the one printing more 项 with 项目支出; ties go to the first printed', () => {
    const more = [line('支出总表', 10, 3, null), line('支出总表', 11, 3, null), line('项目支出表', 40), line('项目支出表', 41)];
    expect(primaryTables(more).get('FUNCTION')).toBe('项目支出表');
    const tie = [line('支出总表', 10), line('项目支出表', 40)];
    expect(primaryTables(tie).get('FUNCTION')).toBe('支出总表');
  });

  it('given only fund tables, is the first printed; for 经济分类 the first all-funds table', () => {
    expect(primaryTables([line('政府性基金预算支出表', 30), line('一般公共预算支出表', 20)]).get('FUNCTION')).toBe('一般公共预算支出表');
    expect(primaryTables([line('一般公共预算基本支出表', 20, 2, null, 'ECONOMIC'), line('基本支出表', 30, 2, null, 'ECONOMIC')]).get('ECONOMIC')).toBe('基本支出表');
  });

  it('given an all-funds table of income and only a fund’s table of expenditure (a 决算 leaving out its 支出决算表), is the fund’s expenditure table, 一般公共预算 before the others', () => {
    // 24年普陀区财政局（测试问题版本）.pdf: p. 8 收入决算表 (本年收入合计 2,946.25), p. 12 一般公共预算财政拨款支出决算表 (合计 2,940.05), no 支出决算表.
    const lines = [line('收入决算表', 100, 3, null), line('政府性基金预算财政拨款收入支出决算表', 300), line('一般公共预算财政拨款支出决算表', 200)];
    expect(primaryTables(lines).get('FUNCTION')).toBe('一般公共预算财政拨款支出决算表');
    expect(totalTables(lines)[0]).toBe('一般公共预算财政拨款支出决算表');
  });

  it('looks for the headline total in the primary table first', () => {
    expect(totalTables([line('部门收支总表', 5), line('一般公共预算支出表', 10), line('部门支出总表', 40)])).toEqual(['部门支出总表', '一般公共预算支出表', '部门收支总表']);
  });
});

describe('every bundled and generated document', () => {
  const docs: [string, string][] = readdirSync(join(projectRoot, 'data'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f, readFileSync(join(projectRoot, 'data', f), 'utf8')]);
  for (const d of generateCorpus(36, 7)) docs.push([d.file, d.text]);

  it('reads its headline total, its aggregates and its money trail from one table', () => {
    let withTrail = 0;
    for (const [file, text] of docs) {
      const plan = buildPlan(parseDocument(text, file), text);
      const primary = [...new Set(plan.lines.filter((l) => l.primary && l.scheme === 'FUNCTION').map((l) => l.srcTable))];
      if (primary.length === 0) continue;
      expect(primary, file).toHaveLength(1);
      const trail = computeMoneyTrail({
        department: { id: 'd', name: 'd' },
        document: { id: plan.documentId, file, title: '', year: 2020, kinds: plan.document.kinds },
        lines: plan.lines.filter((l) => l.scheme === 'FUNCTION' && l.level?.toNumber() === 3).map((l) => ({ id: l.id, code: l.code, name: l.name, projectFen: l.projectFen === null ? null : BigInt(l.projectFen.toString()), basis: l.basis, primary: l.primary, srcTable: l.srcTable, srcLine: l.srcLine.toNumber(), srcText: l.srcText, unit: '', unitId: l.unitId })),
        links: [],
        investmentLinks: [],
      });
      if (trail.lines.length > 0) {
        withTrail++;
        expect(trail.table, file).toBe(primary[0]);
      }
      // A primary table that prints a 合计 gives the headline total.
      const printsTotal = plan.tableTotals.some((t) => t.srcTable === primary[0] && t.totalFen !== null);
      if (printsTotal) expect(plan.document.totalTable, file).toBe(primary[0]);
    }
    expect(withTrail).toBeGreaterThan(10);
  });
});

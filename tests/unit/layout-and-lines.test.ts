import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClassification } from '../../src/parse/classification.js';
import { layout } from '../../src/parse/layout.js';
import type { Diagnostic } from '../../src/parse/records.js';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/function-table-page-break.txt'), 'utf8');

function linesOf(text: string) {
  const lay = layout(text);
  const diagnostics: Diagnostic[] = [];
  return { lay, diagnostics, result: extractClassification(lay.tables[0]!, 'f.txt', '万元', 'BUDGET', diagnostics) };
}

describe('a 功能分类 table split by a page break', () => {
  it('is one table: the repeated title and header do not start a second one', () => {
    const { lay } = linesOf(fixture);
    expect(lay.tables).toHaveLength(1);
    expect(lay.tables[0]!.title).toBe('一般公共预算支出表（按功能分类）');
    expect(lay.tables[0]!.number).toBe('表7');
  });

  it('gives one line per code with level, unit and exact columns', () => {
    const { result, diagnostics } = linesOf(fixture);
    expect(result.lines.map((l) => `${l.code} L${l.level} ${l.total} ${l.basic} ${l.project}`)).toEqual([
      '201 L1 2110000000 0 2110000000',
      '20105 L2 2110000000 0 2110000000',
      '2010504 L3 2110000000 0 2110000000',
      '210 L1 6000000 6000000 0',
      '21011 L2 6000000 6000000 0',
      '2101101 L3 6000000 6000000 0',
    ]);
    expect(result.lines[2]!.unit).toBe('深圳市某区某局（本级）');
    expect(result.lines[2]!.source.line).toBe(19);
    expect(diagnostics.some((d) => d.code === 'AMOUNT_REPAIRED' && d.original === '6. 00')).toBe(true);
  });

  it('reads the same records whatever the table numbering style', () => {
    const base = linesOf(fixture).result.lines.map((l) => `${l.code}:${l.total}`);
    for (const style of ['表七', '公开07表', '表 7：']) {
      const relabelled = fixture.replace(/^表 7$/gm, style);
      expect(linesOf(relabelled).result.lines.map((l) => `${l.code}:${l.total}`)).toEqual(base);
    }
  });

  it('drops 填表人 and 联系电话 lines', () => {
    const lay = layout('项目名称\t某项目\n填表人：张三\n联系电话：0755-12345678\n');
    expect(lay.piiLinesDropped).toEqual([2, 3]);
    expect(JSON.stringify(lay)).not.toContain('张三');
    expect(JSON.stringify(lay)).not.toContain('12345678');
  });
});

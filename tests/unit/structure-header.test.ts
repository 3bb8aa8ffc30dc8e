// One header finder (#37 item 2): where a table's header rows end and its data begins, and the
// header paths they give, is worked out by src/parse/structure/header.ts only; the structure stage
// (the 科目 tables, the 三公 tables, the listings, every other table), the figures' header blocks and
// the layout's repeated headers after a page break take it from there.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import type { Row } from '../../src/parse/layout.js';
import { headerCell, headerPaths, headerRows, printsDigit, printsFigure } from '../../src/parse/structure/header.js';

const row = (line: number, ...cells: string[]): Row => ({ line, cells, text: cells.join('\t') });

/** Every .ts file under src/parse. */
function parseFiles(dir = join(projectRoot, 'src/parse')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? parseFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the header is found in one place', () => {
  it('each module that reads a header takes it from structure/header.ts', () => {
    for (const f of ['structure/index.ts', 'structure/coded-table.ts', 'structure/three-costs-table.ts', 'structure/listings.ts', 'figures.ts', 'layout.ts']) {
      expect(readFileSync(join(projectRoot, 'src/parse', f), 'utf8'), f).toMatch(/from '\.(\/structure)?\/header\.js'/);
    }
  });

  it('no other module builds header paths', () => {
    const builders = parseFiles().filter((f) => !f.endsWith('structure/header.ts') && /function\s+(headerLabels|headerPaths)\b/.test(readFileSync(f, 'utf8')));
    expect(builders).toEqual([]);
  });
});

describe('headerRows', () => {
  // A 部门收支总表's header as the bundled texts print it: 收入 | | 支出 | over 项目 | 预算数 | 项目 | 预算数.
  const rows = [row(1, '收入', '', '支出', ''), row(2, '项目', '预算数', '项目', '预算数'), row(3, '一、一般公共预算拨款', '1,234.56', '一、一般公共服务支出', '1,000.00')];

  it('is the rows above the first data row', () => {
    expect(headerRows(rows, printsFigure)).toEqual({ rows: rows.slice(0, 2), firstData: 2 });
  });

  it('with no data row: every row, or none, as the caller says', () => {
    const labels = rows.slice(0, 2);
    expect(headerRows(labels, printsFigure, { noData: 'all' }).rows).toEqual(labels);
    expect(headerRows(labels, printsFigure, { noData: 'none' }).rows).toEqual([]);
    expect(headerRows(labels, printsFigure).firstData).toBe(-1);
  });

  it('takes at most `limit` rows', () => {
    expect(headerRows(rows, printsFigure, { limit: 1 }).rows).toEqual(rows.slice(0, 1));
  });

  it("a year's digits make no data row for the layout (a title row printing 2024年)", () => {
    expect(printsDigit(row(1, '2024年预算数', '备注'))).toBe(false);
    expect(printsDigit(row(2, '合计', '12.00'))).toBe(true);
  });
});

describe('headerCell', () => {
  const rows = [row(1, '项目', '本年预算', ''), row(2, '', '合 计', '基本支出')];
  it('finds a label with its spaces removed, first from the top or from the bottom', () => {
    expect(headerCell(rows, /^合计$/)).toEqual({ row: 1, index: 1 });
    expect(headerCell(rows, /本年预算|合计/, { fromBottom: true })).toEqual({ row: 1, index: 1 });
    expect(headerCell(rows, /本年预算|合计/)).toEqual({ row: 0, index: 1 });
    expect(headerCell(rows, /基本支出/, { limit: 1 })).toBeNull();
  });
});

describe('headerPaths', () => {
  it('without spans, an upper label is carried right over the blank cells after it', () => {
    expect(headerPaths([row(1, '收入', '', '支出', ''), row(2, '项目', '预算数', '项目', '预算数')])).toEqual(['收入/项目', '收入/预算数', '支出/项目', '支出/预算数']);
  });
});

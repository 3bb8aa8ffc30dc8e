// The covers of tests/fixtures/real as other producers print the same lines (issue #37 item 4, and
// "held-back documents of the same families, other producers"): WPS and Word covers spread a label's
// characters to a width ("预 算 主 管 部 门：", full-width spaces "预算主管部门　："). The publisher is
// still read from that cover line, not from the first table's 编制部门 preamble nor from the
// cover's first line. The printed cover lines are those of p. 1 of each PDF
// (`pdftoppm -r 80 -f 1 -l 1 -png FILE out`): 司法局 2026 "预算主管部门：上海市普陀区司法局",
// 办公室 单位预算 2025 "预算单位：上海市普陀区人民政府办公室".
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { readSource } from '../../src/source/index.js';
import { extractMeta } from '../../src/parse/meta.js';
import { layout } from '../../src/parse/layout.js';

const REAL = 'tests/fixtures/real';
const JUSTICE = 'dept_budget.pdf';
const OFFICE_UNIT = '上海市普陀区人民政府办公室单位25年预算.pdf';
const FINAL = '上海市普陀区财政局2024年度部门决算.pdf';
const texts = new Map<string, string>();

beforeAll(async () => {
  for (const file of [JUSTICE, OFFICE_UNIT, FINAL]) texts.set(file, (await readSource(readFileSync(`${REAL}/${file}`), file)).text);
}, 120_000);

/** The document with its cover line `printed` re-typeset as `as`. */
function retypeset(file: string, printed: string, as: string): string {
  const text = texts.get(file)!;
  const lines = text.split('\n');
  expect(lines.slice(0, 3).join('\n')).toContain(printed);
  return text.replace(printed, as);
}

describe('a cover label spread over its width', () => {
  it.each([
    ['letter-spaced', '预 算 主 管 部 门：上海市普陀区司法局'],
    ['with full-width spaces and a space before the colon', '预　算　主　管　部　门　：上海市普陀区司法局'],
    ['with a space after the colon', '预算主管部门：　上海市普陀区司法局'],
  ])('names the department on that line (%s)', (_how, as) => {
    const d = parseDocument(retypeset(JUSTICE, '预算主管部门：上海市普陀区司法局', as), JUSTICE);
    expect(d.meta.department).toBe('上海市普陀区司法局');
    expect(d.meta.publisher).toMatchObject({ department: '上海市普陀区司法局', departmentFrom: 'LINE', unit: null });
    // The cover's own line (line 2), not the 编制部门 line above the first table.
    expect(d.meta.publisher!.departmentSource.line).toBe(2);
  });

  it('names the unit of a 单位预算 on its letter-spaced 预算单位 line', () => {
    const d = parseDocument(retypeset(OFFICE_UNIT, '预算单位：上海市普陀区人民政府办公室', '预 算 单 位 ：上海市普陀区人民政府办公室'), OFFICE_UNIT);
    expect(d.meta.kinds).toEqual(['UNIT_BUDGET']);
    expect(d.meta.publisher).toMatchObject({ unit: '上海市普陀区人民政府办公室', departmentFrom: 'UNIT' });
    expect(d.meta.publisher!.unitSource!.line).toBe(2);
  });

  it('names the department from the cover alone, where no table preamble names it, not "上海市普陀区区级"', () => {
    // The cover's three lines (title, label, 目录), read by the metadata stage on their own.
    const cover = retypeset(JUSTICE, '预算主管部门：上海市普陀区司法局', '预 算 主 管 部 门：上海市普陀区司法局').split('\n').slice(0, 3).join('\n');
    const meta = extractMeta(cover, JUSTICE, layout(cover));
    expect([meta.department, meta.year, meta.publisher?.departmentFrom, meta.publisher?.departmentSource.line]).toEqual(['上海市普陀区司法局', 2026, 'LINE', 2]);
  });
});

describe('a cover printing the department under its title, without a label', () => {
  // 财政局 2024 决算 p. 1 prints "上海市普陀区财政局" over "2024年度部门决算"; printed the other way
  // round, the title names no department and the line under it does.
  it('names the department of a 决算 whose title comes first (财政局 2024, p. 1 re-typeset)', () => {
    const text = retypeset(FINAL, '上海市普陀区财政局\n2024年度部门决算', '2024年度部门决算\n上海市普陀区财政局');
    const d = parseDocument(text, FINAL);
    expect([d.meta.department, d.meta.year, d.meta.kinds]).toEqual(['上海市普陀区财政局', 2024, ['FINAL_ACCOUNTS']]);
    expect(d.meta.publisher).toMatchObject({ departmentFrom: 'LINE', departmentSource: { line: 2, text: '上海市普陀区财政局' } });
  });

  it('names the department of a budget whose cover prints it without 预算主管部门 (司法局 2026, p. 1 re-typeset), not "上海市普陀区区级"', () => {
    const cover = retypeset(JUSTICE, '预算主管部门：上海市普陀区司法局', '上海市普陀区司法局').split('\n').slice(0, 3).join('\n');
    const meta = extractMeta(cover, JUSTICE, layout(cover));
    expect([meta.department, meta.year, meta.publisher?.departmentFrom, meta.publisher?.departmentSource.line]).toEqual(['上海市普陀区司法局', 2026, 'LINE', 2]);
  });

  it('takes no date or kind line under the title for a department', () => {
    for (const under of ['二〇二五年一月', '2025年1月', '（公开版）', '部门预算']) {
      const cover = retypeset(JUSTICE, '预算主管部门：上海市普陀区司法局', under).split('\n').slice(0, 3).join('\n');
      expect(extractMeta(cover, JUSTICE, layout(cover)).publisher?.departmentFrom, under).toBe('COVER');
    }
  });
});

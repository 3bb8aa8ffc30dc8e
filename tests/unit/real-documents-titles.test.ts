// The nine tables of tests/fixtures/real's disclosures as other producers title them (issue #37
// item 5, "held-back documents of the same families, other producers"): a table number before the
// title ("表1 ", "附表3：", "1.", "一、") or a form number after it ("（公开01表）"). The titles are those
// the pages print (财政局 2025 pp. 9-21, 单位：元 above each; 财政局 2024 决算 pp. 6-20), each read as the
// table of the standard set it is.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { familyOfTitle, standardTableOf } from '../../src/parse/families.js';
import { parseDocument } from '../../src/parse/index.js';
import { readSource } from '../../src/source/index.js';
import { coverage } from '../../src/parse/coverage.js';
import { layout } from '../../src/parse/layout.js';

const BUDGET = ['2025年部门财务收支预算总表', '2025年部门收入预算总表', '2025年部门支出预算总表', '2025年部门财政拨款收支预算总表', '2025年部门一般公共预算支出功能分类预算表', '2025年部门政府性基金预算支出功能分类预算表', '2025年部门国有资本经营预算支出功能分类预算表', '2025年部门一般公共预算基本支出部门预算经济分类预算表', '2025年部门“三公”经费和机关运行经费预算表'];
const FINAL = ['收入支出决算总表', '收入决算表', '支出决算表', '财政拨款收入支出决算总表', '一般公共预算财政拨款支出决算表', '一般公共预算财政拨款基本支出决算表', '财政拨款“三公”经费支出决算表', '政府性基金预算财政拨款收入支出决算表', '国有资本经营预算财政拨款收入支出决算表'];
const NUMBERED: [string, (n: number) => (title: string) => string][] = [
  ['表1 …', (n) => (t) => `表${n} ${t}`],
  ['附表1：…', (n) => (t) => `附表${n}：${t}`],
  ['1.…', (n) => (t) => `${n}.${t}`],
  ['一、…', (n) => (t) => `${'一二三四五六七八九'[n - 1]}、${t}`],
  ['…（公开01表）', (n) => (t) => `${t}（公开0${n}表）`],
];

describe.each(NUMBERED)('a title numbered %s', (_how, number) => {
  it.each([
    ['SHANGHAI_BUDGET', BUDGET],
    ['SHANGHAI_FINAL_ACCOUNTS', FINAL],
  ] as const)('is the table of %s it titles, in its place, with its family', (set, titles) => {
    expect(titles.map((t, i) => standardTableOf(number(i + 1)(t)))).toEqual(titles.map((t) => standardTableOf(t)));
    expect(titles.map((t, i) => familyOfTitle(number(i + 1)(t)))).toEqual(titles.map((t) => familyOfTitle(t)));
    expect(titles.map((t) => standardTableOf(t)?.disclosure)).toEqual(titles.map(() => set));
  });
});

describe('a 决算 whose table titles carry their form number (财政局 2024, pp. 6-20)', () => {
  it('has its nine tables counted as the set’s nine', async () => {
    const file = '上海市普陀区财政局2024年度部门决算.pdf';
    const source = await readSource(readFileSync(`tests/fixtures/real/${file}`), file);
    const lines = source.text.split('\n');
    let n = 0;
    for (const t of layout(source.text).tables) {
      if (!standardTableOf(t.title)) continue;
      n++;
      lines[t.titleLine - 1] = `${lines[t.titleLine - 1]}（公开0${n}表）`;
    }
    expect(n).toBe(9);
    const text = lines.join('\n');
    const doc = parseDocument(text, file);
    const tables = coverage(doc, layout(text));
    expect(tables.flatMap((t) => (t.standardNo === null ? [] : [t.standardNo]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Its contents (p. 2) list the nine without the form number: each is found printed, none missing.
    expect(parseDocument(source.text, file).anomalies.filter((a) => a.kind === 'MISSING_TABLE')).toEqual([]);
    expect(doc.anomalies.filter((a) => a.kind === 'MISSING_TABLE').map((a) => a.message)).toEqual([]);
  }, 60_000);
});

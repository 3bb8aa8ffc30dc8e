// A unit line printed justified (单 位：元, 单　位：万 元) declares its table's unit as 单位：元 does:
// otherwise a table of 元 would take the document's 万元 and every amount would be 10,000× too large
// without a word (#37 item 3). Given 办公室 2025's pages (tests/fixtures/real, pp. 9-20: every
// table's 编制部门 line ends "单位：元", the 三公 table's "单位:万元"), printed letter-spaced.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { declaredUnit } from '../../src/parse/amount.js';
import { parseDocument } from '../../src/parse/index.js';
import type { ParsedDocument } from '../../src/parse/records.js';
import { projectRoot } from '../../src/config.js';
import { readSource } from '../../src/source/index.js';

const FILE = '上海市普陀区人民政府办公室25年预算.pdf';

describe('a letter-spaced unit declaration', () => {
  it.each([
    ['单 位：元', '元'],
    ['单　位：万元', '万元'],
    ['单位：万 元', '万元'],
    ['金 额 单 位：人 民 币 元', '元'],
    ['（单 位：千 元）', '千元'],
  ])('reads %s as %s', (printed, unit) => {
    expect(declaredUnit(printed)?.unit).toBe(unit);
  });

  it('is no unit when the word after it goes on (单位：元旦)', () => {
    expect(declaredUnit('单 位：元旦')).toBeNull();
  });
});

describe('办公室 2025 with its unit lines justified', () => {
  let printed: ParsedDocument;
  let spaced: ParsedDocument;
  beforeAll(async () => {
    const source = await readSource(readFileSync(join(projectRoot, 'tests/fixtures/real', FILE)), FILE, { ocr: false });
    printed = parseDocument(source.text, FILE, source.notes, source.places);
    const text = source.text.replaceAll('单位：元', '单 位：元').replaceAll('单位:万元', '单　位：万 元');
    expect(text).not.toBe(source.text);
    spaced = parseDocument(text, FILE, source.notes, source.places);
  }, 60_000);

  it('reads each table in the unit its page declares: tables 1-8 in 元, the 三公 table in 万元', () => {
    const units = (d: ParsedDocument) => Object.values(d.tableUnits ?? {}).map((u) => u.unit);
    expect(units(spaced)).toEqual(units(printed));
    expect(units(spaced)).toContain('元');
  });

  it('gives 一般公共服务支出 its printed 82,096,797.42 元 (p. 11), not 82,096,797.42 万元', () => {
    const line = spaced.lines.find((l) => l.code === '201' && l.scheme === 'FUNCTION');
    expect(line?.total).toBe(8_209_679_742n);
    expect(spaced.lines.map((l) => [l.code, l.total])).toEqual(printed.lines.map((l) => [l.code, l.total]));
  });
});

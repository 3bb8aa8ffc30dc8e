// A sum that does not add up inside the rounding the document declares is said as INFO (#38:
// "a difference inside the rounding the document declares (尾数误差) … is INFO"); before, the
// table's tolerance silenced it. 004 (data/004_977ad1fe0b13bb92.txt) declares 尾数误差 at line 111;
// its 一般公共预算财政拨款基本支出决算表 prints 302 商品和服务支出 93.61 (line 300) over 27 coded
// children, 30217 公务接待费 0.59 among them (line 316): half of 0.01 万元 for each of 28 rows
// allows ±0.14 万元. 001 (data/001_958a9ca9db32ab73.txt, 尾数误差 at lines 243 and 512) prints
// 301 工资福利支出 760.07 (line 364) over nine 款 summing to 760.08 (lines 365-373).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { parseDocument } from '../../src/parse/index.js';

const read = (file: string) => readFileSync(join(projectRoot, 'data', file), 'utf8');
const sums = (text: string, file: string) => parseDocument(text, file).anomalies.filter((a) => a.kind === 'PARENT_SUM_MISMATCH' || a.kind === 'TOTAL_SUM_MISMATCH');

/** 004 with 30217 公务接待费 (line 316) printed as `printed` instead of 0.59. */
function reception(printed: string): string {
  const lines = read('004_977ad1fe0b13bb92.txt').split('\n');
  expect(lines[315]).toMatch(/\t30217\t公务接待费\t0\.59\t/);
  lines[315] = lines[315]!.replace('公务接待费\t0.59', `公务接待费\t${printed}`);
  return lines.join('\n');
}
const ofLine = (text: string, line: number) => sums(text, '004_977ad1fe0b13bb92.txt').filter((a) => a.sources[0]!.line === line);

describe('a sum inside the declared rounding (尾数误差)', () => {
  it('given 004 as printed, 302 商品和服务支出 (line 300) adds up: nothing said', () => {
    expect(ofLine(read('004_977ad1fe0b13bb92.txt'), 300).filter((a) => a.message.includes('302 商品和服务支出'))).toEqual([]);
  });

  it('given 004 with 30217 公务接待费 0.66 for 0.59, 302 is 0.07 short: an INFO saying the declared rounding allows ±0.14', () => {
    const found = ofLine(reception('0.66'), 300).filter((a) => a.message.includes('302 商品和服务支出'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'PARENT_SUM_MISMATCH', severity: 'INFO', delta: -70_000n });
    expect(found[0]!.message).toContain('within the rounding the document declares (尾数误差), which allows ±0.14 万元');
    expect(found[0]!.sources.map((s) => s.line)).toContain(316);
  });

  it('given 004 with 30217 公务接待费 0.74, 0.15 short: beyond the rounding, a WARNING', () => {
    const found = ofLine(reception('0.74'), 300).filter((a) => a.message.includes('302 商品和服务支出'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'WARNING', delta: -150_000n });
    expect(found[0]!.message).not.toContain('尾数误差');
  });

  it('given 001 as printed, 301 工资福利支出 760.07 against its 款 760.08 is an INFO; with the rounding notes taken out, still an INFO (two decimals of 万元 are rounded), naming the printed rounding; 0.10 off, a WARNING', () => {
    const text = read('001_958a9ca9db32ab73.txt');
    const at = (t: string, total = '760.07') => sums(t, '001_958a9ca9db32ab73.txt').filter((a) => a.sources[0]!.line === 364 && a.message.includes(`合计 ${total}`));
    const declared = at(text);
    expect(declared).toHaveLength(1);
    expect(declared[0]).toMatchObject({ severity: 'INFO', delta: -10_000n });
    expect(declared[0]!.message).toContain('尾数误差');
    const undeclared = at(text.replace(/尾数误差/g, '误差'));
    expect(undeclared).toHaveLength(1);
    expect(undeclared[0]).toMatchObject({ severity: 'INFO', delta: -10_000n });
    expect(undeclared[0]!.message).toContain('the rounding of the printed figures');
    const lines = text.split('\n');
    expect(lines[363]).toContain('760.07');
    lines[363] = lines[363]!.replace('760.07', '760.17');
    const beyond = at(lines.join('\n').replace(/尾数误差/g, '误差'), '760.17');
    // Both of its sums: against its 款 (Δ 0.09) and against 基本支出 + 项目支出 (Δ 0.10).
    expect(beyond.map((a) => [a.severity, a.delta])).toEqual([['WARNING', 90_000n], ['WARNING', 100_000n]]);
  });
});

// A PDF grid's blank cell under a printed parent adds nothing; before, one blank child made the
// whole sum unchecked. 上海市普陀区财政局2024年度部门决算.pdf p. 16-17 (一般公共预算财政拨款基本支出决算表,
// 单位：万元) prints 302 商品和服务支出 171.07 over 30201 21.21, 30202 7.61, 30204 0.09, 30207 4.88,
// 30211 1.20, 30213 2.83, 30216 4.05, 30226 2.01, 30228 24.42, 30229 42.77, 30239 48.49,
// 30299 11.53 (= 171.09) and every other 款 blank (30203 咨询费, 30205 水费 …).
describe('a sum over children some of which print blank', () => {
  it('given 财政局 2024 决算 p. 16-17, 302 171.07 against its printed 款 171.09: an INFO (twelve figures rounded to 0.01 万元 allow ±0.06; no rounding declared)', async () => {
    const { readSource } = await import('../../src/source/index.js');
    const file = '上海市普陀区财政局2024年度部门决算.pdf';
    const source = await readSource(readFileSync(join(projectRoot, 'tests/fixtures/real', file)), file, { ocr: false });
    const doc = parseDocument(source.text, file, source.notes, source.places);
    const found = doc.anomalies.filter((a) => a.kind === 'PARENT_SUM_MISMATCH' && a.message.includes('302 商品和服务支出'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'INFO', delta: -20_000n });
    expect(found[0]!.message).toContain('合计 171.07 ≠ Σ children 171.09');
    expect(found[0]!.message).toContain('the rounding of the printed figures');
  }, 60_000);
});

// Prose against a table a last digit apart is INFO too (#38), not silence: 财政局 2024 决算 p. 22
// item 2 says 一般公共服务支出（类）财政事务（款）一般行政管理事务（项）… 支出决算为10.00万元, the
// tables print 2010602 一般行政管理事务 10.00 (p. 10 支出决算表, p. 15 一般公共预算财政拨款支出决算表).
describe('a prose amount a last digit from its table line', () => {
  const file = '上海市普陀区财政局2024年度部门决算.pdf';
  let source: Awaited<ReturnType<typeof import('../../src/source/index.js')['readSource']>>;
  beforeAll(async () => {
    const { readSource } = await import('../../src/source/index.js');
    source = await readSource(readFileSync(join(projectRoot, 'tests/fixtures/real', file)), file, { ocr: false });
  }, 60_000);
  const stating = (amount: string) => {
    const lines = source.text.split('\n');
    const at = lines.findIndex((l) => l.includes('支出决算为10.00万元'));
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at]!.replace('支出决算为10.00万元', `支出决算为${amount}万元`);
    return parseDocument(lines.join('\n'), file, source.notes, source.places).anomalies.filter((a) => a.kind === 'PROSE_TABLE_MISMATCH' && a.message.startsWith('2010602'));
  };

  it('as printed (10.00 and 10.00): nothing', () => {
    expect(stating('10.00')).toEqual([]);
  });

  it('10.01 against 10.00: an INFO saying they are a last digit apart (silent before)', () => {
    const found = stating('10.01');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'INFO', delta: 10_000n });
    expect(found[0]!.message).toContain('a last digit apart, within the rounding both print');
  });

  it('10.11 against 10.00: a WARNING', () => {
    expect(stating('10.11').map((a) => a.severity)).toEqual(['WARNING']);
  });
});

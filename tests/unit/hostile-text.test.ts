// Hostile and broken text: the parser refuses what is not a document with file and line, reports
// amounts it cannot keep exactly, and reads very long lines in linear time (each case below took
// 30-80 s before the patterns were made linear; the test's own timeout catches a regression).
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { amountCellProblem, MAX_FEN, parseAmount } from '../../src/parse/amount.js';
import { BadDocumentError } from '../../src/errors.js';

const head = '2024年深圳市某区某局部门预算\n\n表一：部门支出总表（按功能科目）\n\n单位：万元\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n';
const table = `${head}201\t一般公共服务支出\t10.00\t4.00\t6.00\n`;

describe('documents that are not documents', () => {
  it('given a control character, refuses with its line and column', () => {
    expect(() => parseDocument(`${table}20101\t人大\u0007事务\t1.00\t1.00\t0.00\n`, 'bell.txt')).toThrowError(/^bell\.txt:9: control character U\+0007 at column \d+/);
  });

  it('given a title and prose but no table of a known family, refuses naming what it found', () => {
    const err = (() => {
      try {
        parseDocument('2024年深圳市某区某局部门预算\n\n一、部门职责\n负责全区政务服务。\n', 'prose.txt');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(BadDocumentError);
    expect((err as BadDocumentError).message).toMatch(/known family/);
  });
});

describe('amounts that cannot be kept exactly', () => {
  it('given a value beyond 64-bit fen, keeps no value and reports it with the line', () => {
    expect(parseAmount('99999999999999999999999999999999.99')).toBeNull();
    expect(parseAmount('9223372036854.775807')).toEqual({ fen: MAX_FEN, repair: null });
    expect(parseAmount('9223372036854.775808')).toBeNull();
    const doc = parseDocument(`${head}201\t一般公共服务支出\t99999999999999999999999999999999.99\t4.00\t6.00\n`, 'huge.txt');
    expect(doc.diagnostics).toContainEqual(expect.objectContaining({ code: 'AMOUNT_UNREADABLE', line: 8, original: '99999999999999999999999999999999.99' }));
    expect(doc.lines[0]!.total).toBeNull();
  });

  it.each(['∞', '1e999', 'NaN', '(12.00)', '1.2.3', '0x1F', '1.0000001'])('reports %s as an amount it cannot keep', (cell) => {
    expect(amountCellProblem(cell)).toMatch(/expected|write it as/);
  });

  it.each(['12.00', '1,234.56', '—', '', '一般公共服务支出', '2010504', '99.5%', '2019-440317-65-01-'])('finds nothing wrong with %s', (cell) => {
    expect(amountCellProblem(cell)).toBeNull();
  });
});

describe('very long lines are read in linear time', () => {
  const long = (ch: string) => ch.repeat(200_000) + 'x';
  it.each([' ', '\t', '1', '<', '\u3000', '（', '费', ',', 'a', '0', '-', '@', '联 ', 'a@', '电话'])('a 200,000-character run of %j, as prose and as a cell', (ch) => {
    for (const text of [`${table}${long(ch)}\n`, `${table}201\t${long(ch)}\t12.00\n`]) {
      try {
        parseDocument(text, 'long.txt');
      } catch (e) {
        expect(e).toBeInstanceOf(BadDocumentError);
      }
    }
  });

  it('a 40,000-row table parses (sum checks index children, no scan per parent)', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `${201 + (i % 20)}\t项目${i}\t${i}.00\t0.00\t${i}.00`).join('\n');
    expect(parseDocument(`${head}${rows}\n`, 'rows.txt').lines).toHaveLength(40_000);
  });
});

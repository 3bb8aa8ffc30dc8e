// Personal data (填报人, 联系人, 联系电话, telephone numbers) is redacted from a document's text
// before the parser or the store sees it, line for line, and amounts are never touched.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REDACTED, redactPersonalData } from '../../src/parse/personal-data.js';
import { parseDocument } from '../../src/parse/index.js';
import { buildPlan } from '../../src/load/plan.js';
import { projectRoot } from '../../src/config.js';
import { BadDocumentError } from '../../src/errors.js';

const redact = (text: string) => redactPersonalData(text).text;

describe('given a line that names a person or a telephone number', () => {
  it('a 绩效目标表 footer row: the cells after 填报人 and 联系电话 go, the labels stay', () => {
    expect(redact('填报人\t曾媛、陈聪聪\t联系电话\t28336292、28333150\t\t')).toBe(`填报人\t${REDACTED}\t联系电话\t${REDACTED}\t\t`);
    expect(redact('填报人\t\t刘丽珠\t联系电话\t28333067')).toBe(`填报人\t\t${REDACTED}\t联系电话\t${REDACTED}`);
  });

  it('prose with a colon, full- or half-width: the value up to the next separator goes', () => {
    expect(redact('填报人：吴广锋')).toBe(`填报人：${REDACTED}`);
    expect(redact('联系电话:0755-28318397')).toBe(`联系电话:${REDACTED}`);
    expect(redact('联系人：张三，联系电话：13800138000。')).toBe(`联系人：${REDACTED}，联系电话：${REDACTED}。`);
  });

  it('a telephone number with an area code anywhere, and a mobile number in prose', () => {
    expect(redact('如有疑问请致电0755-2833 6292或（0755）28333150转123')).toBe(`如有疑问请致电${REDACTED}或${REDACTED}`);
    expect(redact('咨询 13912345678 即可')).toBe(`咨询 ${REDACTED} 即可`);
  });

  it('keeps line numbers: one line in, one line out, and says which lines changed', () => {
    const text = '2020年部门预算\n\n填报人：吴广锋\n\n联系电话：0755-28318397\n合计\t1.00';
    const r = redactPersonalData(text);
    expect(r.text.split('\n')).toHaveLength(text.split('\n').length);
    expect(r.lines).toEqual([3, 5]);
    expect(redactPersonalData(r.text).text).toBe(r.text);
  });
});

describe('given amounts and words that only look like personal data', () => {
  it('leaves amounts alone: eight-digit integers in a 元 table, decimals, codes, 邮电费', () => {
    for (const line of ['2130599\t其他扶贫支出\t28336292\t13800138000', '合计\t12,345,678.90\t0755.00', '3020207\t邮电费\t电话费\t1.20', '2019-440307-83-01-012345\t某工程']) {
      expect(redact(line)).toBe(line);
    }
  });
});

describe('the bundled documents', () => {
  const dir = join(projectRoot, 'data');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));

  // What a reader would call personal: the values printed after the labels, found independently of
  // the redaction's own rules (whole cells after a label cell, text after a label and a colon).
  function personalValues(text: string): string[] {
    const values = new Set<string>();
    for (const line of text.split('\n')) {
      if (!/填报人|填表人|联系人|联系电话/.test(line)) continue;
      const cells = line.split('\t').map((c) => c.trim());
      cells.forEach((c, i) => {
        const m = /^(?:填报人|填表人|联系人|联系电话)\s*[:：]?\s*(.*)$/.exec(c);
        if (!m) return;
        if (m[1]) values.add(m[1]);
        else if (cells[i + 1]) values.add(cells[i + 1]!);
      });
    }
    return [...values].flatMap((v) => v.split(/[、,，\s]+/)).filter((v) => v.length >= 2 && !/^[:：]$/.test(v));
  }

  it('print personal data, and none of it is in the redacted text, the parse or the load plan', () => {
    let seen = 0;
    for (const file of files) {
      const raw = readFileSync(join(dir, file), 'utf8');
      const values = personalValues(raw);
      seen += values.length;
      const text = redact(raw);
      const plan = JSON.stringify(buildPlan(parseDocument(raw, file), text), (_k, v) => (typeof v === 'bigint' ? String(v) : v));
      for (const v of values) {
        expect(text.includes(v), `${file}: ${v} in the text`).toBe(false);
        expect(plan.includes(v), `${file}: ${v} in the plan`).toBe(false);
      }
    }
    expect(seen).toBeGreaterThan(15);
  });
});

describe('text that is not Unicode', () => {
  it('a lone surrogate is refused with its line and column, not stored as U+FFFD', () => {
    const err = (() => {
      try {
        parseDocument('2020年部门预算\n表一\t\ud800x\n', 'lone.txt');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(BadDocumentError);
    expect(err).toMatchObject({ file: 'lone.txt', line: 2 });
    expect((err as Error).message).toMatch(/surrogate.*column 4/);
  });
});

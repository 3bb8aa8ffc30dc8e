// The blank government template (附件2：部门决算模板.pdf) however its cover is filled in (issue #37
// item 4: "a template (XX placeholders, empty tables) is refused with a sentence saying so"). Its
// pages, rendered (`pdftoppm -r 80 -f N -l N -png FILE out`): p. 1 "上海市 XX 局 / 2024 年度部门决算";
// p. 6-14 the nine tables with their codes and no figure; p. 15-21 the prose with "XXX 万元",
// "XX%", "XX 辆" where the figures belong. A department that types its name over "上海市XX局" and
// nothing else has still published no data: loaded, it would stand as that department's 2024 决算
// and turn the real one away as a rival of the same department, year and kind.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { readSource } from '../../src/source/index.js';
import { BadDocumentError } from '../../src/errors.js';

const REAL = 'tests/fixtures/real';
const TEMPLATE = '附件2：部门决算模板.pdf';
const FINAL = '上海市普陀区财政局2024年度部门决算.pdf';
const texts = new Map<string, string>();

beforeAll(async () => {
  for (const file of [TEMPLATE, FINAL]) texts.set(file, (await readSource(readFileSync(`${REAL}/${file}`), file)).text);
}, 120_000);

/** The error parsing `text` throws, or null when it is read. */
function refusal(text: string, file: string): Error | null {
  try {
    parseDocument(text, file);
    return null;
  } catch (err) {
    return err as Error;
  }
}

describe('the blank template with its publisher filled in', () => {
  it.each([
    ['a department’s name', '上海市普陀区财政局'],
    ['a bracketed blank', '（部门名称）'],
  ])('is refused as a template when the cover prints %s and every figure is still a placeholder', (_how, name) => {
    const text = texts.get(TEMPLATE)!.replace(/上海市\s*XX\s*局/g, name);
    const error = refusal(text, TEMPLATE);
    expect(error).toBeInstanceOf(BadDocumentError);
    expect((error as BadDocumentError).code).toBe('BAD_DOCUMENT');
    expect(error!.message).toMatch(/blank template/);
    // The sentence names what shows it: no table prints an amount, the text prints "XXX 万元" (p. 15).
    expect(error!.message).toMatch(/no table prints an amount/);
    expect(error!.message).toContain('XXX 万元');
  });
});

describe('a real document printing a placeholder is read', () => {
  it('the 财政局 2024 决算 with "XX 万元" typed into three of its sentences (its tables print their figures, p. 8-18)', () => {
    let text = texts.get(FINAL)!;
    for (const printed of ['2995.39万元', '2946.25万元', '603.14万元']) {
      expect(text).toContain(printed);
      text = text.replace(printed, 'XX 万元');
    }
    expect(refusal(text, FINAL)).toBeNull();
  });
});

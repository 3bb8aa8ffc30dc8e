// The glossary is what the parser and the corpus generator share: every printed form must be read
// back as what it means.
import { describe, expect, it } from 'vitest';
import { COLUMNS, PRINTED_TITLES, headerText } from '../../src/parse/glossary/index.js';
import { familyOfTitle, type TableFamily } from '../../src/parse/families.js';

describe('the glossary (src/parse/glossary/)', () => {
  it('names each printed title as its own family', () => {
    const wrong = Object.entries(PRINTED_TITLES).flatMap(([family, titles]) => (titles as readonly string[]).filter((t) => familyOfTitle(t) !== (family as TableFamily)).map((t) => `${t} → ${familyOfTitle(t)}, expected ${family}`));
    expect(wrong).toEqual([]);
  });

  it('reads each printed column label as itself, spaced or not', () => {
    for (const [name, label] of Object.entries(COLUMNS)) {
      expect(label.matches.test(headerText(label.printed)), name).toBe(true);
      expect(label.matches.test(headerText([...label.printed].join(' '))), `${name} spaced`).toBe(true);
    }
  });

  it('keeps labels apart where the parser must: 科目编码 is not 科目名称, 合计 is not 支出合计', () => {
    expect(COLUMNS.code.matches.test('科目名称')).toBe(false);
    expect(COLUMNS.total.matches.test('支出合计')).toBe(false);
    expect(COLUMNS.projectAmount.matches.test('预算金额')).toBe(true);
  });
});

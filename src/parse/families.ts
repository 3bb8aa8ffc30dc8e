// TableFamily // 表类: which kind of table a title names. The titles are data, in the order they are
// tried: first the standard disclosures' own titles (glossary.ts: Shanghai's nine tables of a 部门预算
// and of a 部门决算, compared whole), then the families' patterns (the most specific first); the
// bench corpus generator prints tables from the same glossary.
import { toHalfWidth } from './amount.js';
import { STANDARD_DISCLOSURES, TITLE_QUOTES, standardTitleKey, type StandardDisclosure, type StandardTable } from './glossary/index.js';

export { TABLE_FAMILIES, type TableFamily } from '../model/families.js';
import { TABLE_FAMILIES, type TableFamily } from '../model/families.js';

const isStandardDisclosure = (key: string): key is StandardDisclosure => Object.hasOwn(STANDARD_DISCLOSURES, key);
/** The families in the order they are tried (the object's own order: the most specific first). */
const FAMILY_NAMES = Object.keys(TABLE_FAMILIES).filter((key): key is TableFamily => Object.hasOwn(TABLE_FAMILIES, key));

const STANDARD_BY_KEY = new Map<string, { disclosure: StandardDisclosure; table: StandardTable }>(
  Object.keys(STANDARD_DISCLOSURES).filter(isStandardDisclosure).flatMap((disclosure) => STANDARD_DISCLOSURES[disclosure].tables.flatMap((table: StandardTable) => [table.title, ...(table.variants ?? [])].map((title) => [standardTitleKey(title), { disclosure, table }] as const))),
);

/**
 * A table's number printed before its title ("表1 ", "附表3：", "表一", "1.", "一、", "（二）") or its
 * form number after it ("（公开01表）"): the title is what lies between. Other producers of the same
 * disclosure number their tables so; the set's titles are compared without it.
 */
const TABLE_NUMBER_BEFORE = TITLE_QUOTES.numberBefore.matches;
const FORM_NUMBER_AFTER = TITLE_QUOTES.formNumberAfter.matches;

/** The standard disclosure table a title names (its number and family), or null. */
export function standardTableOf(title: string): { disclosure: StandardDisclosure; table: StandardTable } | null {
  const exact = STANDARD_BY_KEY.get(standardTitleKey(title));
  if (exact) return exact;
  const bare = title.replace(TABLE_NUMBER_BEFORE, '').replace(FORM_NUMBER_AFTER, '');
  return bare !== title ? (STANDARD_BY_KEY.get(standardTitleKey(bare)) ?? null) : null;
}

/** The family a table title names; OTHER when no entry of the glossary matches. */
export function familyOfTitle(title: string): TableFamily {
  const standard = standardTableOf(title);
  if (standard) return standard.table.family;
  const text = toHalfWidth(title).replace(TITLE_QUOTES.ignored.matches, '');
  for (const family of FAMILY_NAMES) {
    if (TABLE_FAMILIES[family].title.test(text)) return family;
  }
  return 'OTHER';
}

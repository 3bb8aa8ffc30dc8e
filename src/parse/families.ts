// TableFamily // 表类: which kind of table a title names. The titles are data, in the order they are
// tried (the most specific first); the bench corpus generator prints tables from the same glossary.
import { toHalfWidth } from './amount.js';

export { TABLE_FAMILIES, type TableFamily } from '../model/families.js';
import { TABLE_FAMILIES, type TableFamily } from '../model/families.js';

/** The family a table title names; OTHER when no entry of the glossary matches. */
export function familyOfTitle(title: string): TableFamily {
  const text = toHalfWidth(title).replace(/[\s"“”]/g, '');
  for (const [family, entry] of Object.entries(TABLE_FAMILIES) as [TableFamily, (typeof TABLE_FAMILIES)[TableFamily]][]) {
    if (entry.title.test(text)) return family;
  }
  return 'OTHER';
}

// The reader registry: given a table cut from a real layout, the family that claims it, and what
// the readers before it left alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layout } from '../../src/parse/layout.js';
import { TABLE_FAMILY_READERS, readTable, type TableContext } from '../../src/parse/table-families.js';
import type { DocumentMeta } from '../../src/parse/records.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');
const meta = { year: 2020, moneyUnit: '万元', roundingNote: false, kinds: ['FINAL_ACCOUNTS'] } as unknown as DocumentMeta;
const ctx = (): TableContext => ({ file: 'fixture.txt', meta, isActual: true, diagnostics: [] });

/** The families that read the fixture's first table, and which one claimed it. */
function claimants(name: string) {
  const table = layout(fixture(name)).tables[0]!;
  const seen: string[] = [];
  for (const reader of TABLE_FAMILY_READERS) {
    const got = reader.extract(table, ctx());
    if (!got) continue;
    seen.push(`${reader.family}${got.claimed ? '' : ' (kept, passed on)'}`);
    if (got.claimed) break;
  }
  return { seen, records: readTable(table, ctx()) };
}

describe('the table-family readers, in order', () => {
  it('are each a distinct family, classification last (it reads whatever prints 科目 lines)', () => {
    const families = TABLE_FAMILY_READERS.map((r) => r.family);
    expect(new Set(families).size).toBe(families.length);
    expect(families.at(-1)).toBe('CLASSIFICATION');
  });

  it('given an investment form, the investment reader claims it with the project and its indicators', () => {
    const { seen, records } = claimants('investment-form.txt');
    expect(seen).toEqual(['INVESTMENT_FORM']);
    expect(records[0]!.investmentProjects).toHaveLength(1);
    expect(records[0]!.investmentProjects![0]!.name).toBe('视频前端建设（一期）项目');
  });

  it('given a 功能分类 table broken over a page, no earlier family wants it and classification reads its lines', () => {
    const { seen, records } = claimants('function-table-page-break.txt');
    expect(seen).toEqual(['CLASSIFICATION']);
    expect(records[0]!.lines!.length).toBeGreaterThan(3);
  });

  it('given a payment detail table, the payment reader claims it', () => {
    const { seen, records } = claimants('payment-detail.txt');
    expect(seen).toEqual(['PAYMENT_DETAIL']);
    expect(records[0]!.payments!.length).toBeGreaterThan(0);
  });
});

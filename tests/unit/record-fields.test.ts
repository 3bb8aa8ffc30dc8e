// src/db/record-fields.ts: a statement's returned field read by the type the code expects, or a
// typed INTERNAL error naming the field — never a value of another type passed on as if it were it.
import { Record as Neo4jRecord } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { textField, textOrNullField, textsField } from '../../src/db/record-fields.js';

const record = (fields: Record<string, unknown>) => new Neo4jRecord(Object.keys(fields), Object.values(fields));

describe('typed fields of a driver record', () => {
  it('reads texts, nulls and lists of texts as returned', () => {
    const r = record({ hash: 'ab12', loader: null, sums: ['0', '1250'] });
    expect(textField(r, 'hash')).toBe('ab12');
    expect(textOrNullField(r, 'loader')).toBeNull();
    expect(textOrNullField(r, 'hash')).toBe('ab12');
    expect(textsField(r, 'sums')).toEqual(['0', '1250']);
  });

  it('refuses a value of another type, or a field the statement does not return, naming it', () => {
    const r = record({ hash: 12, sums: ['1', null], loader: 'x' });
    expect(() => textField(r, 'hash')).toThrow(expect.objectContaining({ code: 'INTERNAL', message: expect.stringMatching(/hash as number/) }));
    expect(() => textsField(r, 'sums')).toThrow(/sums as null where the code reads a list of texts/);
    expect(() => textOrNullField(r, 'missing')).toThrow(/missing as undefined/);
    expect(() => textField(record({ hash: null }), 'hash')).toThrow(/hash as null/);
  });
});

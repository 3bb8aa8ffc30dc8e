// Paged lists: filters with AND / OR / NOT become alternatives of field tests; keyset cursors
// carry their sort key and refuse another ordering; the GraphQL inputs match the declarations.
import neo4j from 'neo4j-driver';
import { isEnumType, isInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { whereOf, type Atom } from '../../src/query/filters.js';
import { LISTS } from '../../src/query/lists.js';
import { decodeCursor, encodeCursor, listArgs, signatureOf } from '../../src/api/pagination.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { BudgetGraphError } from '../../src/errors.js';

const plainAtom = (a: Atom) => `${a.neg ? '!' : ''}${a.f}=${JSON.stringify(neo4j.isInt(a.v) ? a.v.toNumber() : Array.isArray(a.v) ? a.v.map((x) => (neo4j.isInt(x) ? x.toNumber() : x)) : a.v)}`;
const show = (where: Atom[][]) => where.map((clause) => clause.map(plainAtom).join(' & '));
const projects = LISTS.projects.filter;

describe('filters as alternatives of field tests', () => {
  it('no filter matches everything: one empty alternative', () => {
    expect(whereOf(undefined, projects)).toEqual([[]]);
  });

  it('given 龙岗, 2020 or 2024, and not concerned by an anomaly: two alternatives', () => {
    const where = whereOf({ department: '龙岗', or: [{ year: 2020 }, { year: 2024 }], not: { hasAnomaly: true } }, projects);
    expect(show(where)).toEqual(['department="龙岗" & year=2020 & !hasAnomaly=true', 'department="龙岗" & year=2024 & !hasAnomaly=true']);
  });

  it('NOT of a conjunction is the alternatives of the negated tests; NOT of OR their conjunction', () => {
    expect(show(whereOf({ not: { name: '培训', yearFrom: 2022 } }, projects))).toEqual(['!name="培训"', '!yearFrom=2022']);
    expect(show(whereOf({ not: { or: [{ name: 'a' }, { name: 'b' }] } }, projects))).toEqual(['!name="a" & !name="b"']);
    expect(show(whereOf({ not: { not: { code: '2010504' } } }, projects))).toEqual(['code="2010504"']);
  });

  it('amounts travel as exact integer fen, lists as lists', () => {
    const [[min, inYears]] = whereOf({ minAmount: 123456789012345678n, yearIn: [2020, 2024] }, projects) as [[Atom, Atom]];
    expect(neo4j.isInt(min.v) && min.v.toString()).toBe('123456789012345678');
    expect(plainAtom(inYears)).toBe('yearIn=[2020,2024]');
  });

  it('refuses a filter that explodes into too many alternatives, and an empty IN list', () => {
    const nine = Array.from({ length: 9 }, (_, i) => ({ year: 2015 + i }));
    expect(() => whereOf({ and: [{ or: nine }, { or: nine }] }, projects)).toThrow(/more than 64 alternatives/);
    expect(() => whereOf({ departmentIn: [] }, projects)).toThrow(BudgetGraphError);
  });
});

describe('keyset cursors', () => {
  it('carry the sort key exactly (fen beyond 2^53 too) and come back as Neo4j integers', () => {
    const signature = signatureOf('projects', { keys: ['AMOUNT'], dirs: ['DESC'] });
    const cursor = encodeCursor(signature, [9007199254740993n, '某部门', '项目', 'id|项目']);
    const key = decodeCursor(cursor, signature, 'after');
    expect(neo4j.isInt(key[0]) && key[0].toString()).toBe('9007199254740993');
    expect(key.slice(1)).toEqual(['某部门', '项目', 'id|项目']);
  });

  it('refuse another ordering’s cursor, a hand-made one and an old offset cursor, naming what to pass', () => {
    const byAmount = listArgs('projects', [{ field: 'AMOUNT', direction: 'DESC' }]);
    const cursor = encodeCursor(byAmount.signature, [1n, 'a', 'b', 'c']);
    expect(() => listArgs('projects', [{ field: 'NAME', direction: 'ASC' }], 5, cursor)).toThrow(/another orderBy/);
    expect(() => listArgs('projects', null, 5, 'nonsense')).toThrow(/pageInfo.endCursor/);
    expect(() => listArgs('projects', null, 5, Buffer.from('offset:20').toString('base64url'))).toThrow(BudgetGraphError);
  });

  it('a list sorts by at most three keys, each once; the default order applies when none is asked', () => {
    expect(listArgs('documents', null).order).toEqual({ keys: ['YEAR'], dirs: ['DESC'] });
    expect(() => listArgs('projects', [{ field: 'NAME', direction: 'ASC' }, { field: 'NAME', direction: 'DESC' }])).toThrow(/at most once/);
    expect(() => listArgs('anomalies', ['DOCUMENT', 'KIND', 'SEVERITY', 'DELTA'].map((field) => ({ field, direction: 'ASC' })))).toThrow(/at most 3 keys/);
  });
});

describe('the GraphQL list inputs match their declarations (src/query/lists.ts)', () => {
  it('each filter input has exactly the declared fields plus and / or / not; each OrderField the declared sort fields', async () => {
    const schema = await buildApiSchema();
    const inputs = { projects: 'Project', documents: 'Document', anomalies: 'Anomaly', investmentProjects: 'InvestmentProject' } as const;
    for (const [list, prefix] of Object.entries(inputs) as [keyof typeof inputs, string][]) {
      const filter = schema.getType(`${prefix}Filter`);
      const order = schema.getType(`${prefix}OrderField`);
      if (!isInputObjectType(filter) || !isEnumType(order)) throw new Error(`${prefix}Filter / ${prefix}OrderField missing`);
      expect(Object.keys(filter.getFields()).sort(), `${prefix}Filter`).toEqual([...Object.keys(LISTS[list].filter), 'and', 'or', 'not'].sort());
      expect(order.getValues().map((v) => v.name).sort(), `${prefix}OrderField`).toEqual(Object.keys(LISTS[list].sort).sort());
    }
  });
});

describe('year-on-year percent (aggregate cells)', () => {
  it('is exact to two decimals, half away from zero, and null over nothing', async () => {
    const { percent } = await import('../../src/query/aggregate.js');
    expect(percent(-16509n, 692800n)).toBe('-2.38');
    expect(percent(1n, 8n)).toBe('12.50');
    expect(percent(1n, 200000n)).toBe('0.00');
    expect(percent(-1n, 200000n)).toBe('0.00');
    expect(percent(5n, 1000n)).toBe('0.50');
    expect(percent(1n, 0n)).toBeNull();
  });
});

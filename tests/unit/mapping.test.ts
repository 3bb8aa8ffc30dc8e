// Neo4j values become plain values: money (a *Fen property) as an exact bigint, every other
// integer a number, dates their ISO text; nothing else changes shape.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { plain } from '../../src/query/mapping.js';

describe('plain', () => {
  it('keeps money exact past 2^53 fen and makes other integers numbers', () => {
    const row = { amountFen: neo4j.int('9007199254740993'), year: neo4j.int(2024), line: neo4j.int(17) };
    expect(plain(row)).toEqual({ amountFen: 9007199254740993n, year: 2024, line: 17 });
    // Negative (a 减少, a Δ) on both sides of the exact range, and the range's ends.
    expect(plain({ deltaFen: [neo4j.int('-9007199254740993'), neo4j.int(-51_600_000), neo4j.int('9007199254740991'), neo4j.int('-9007199254740991')] })).toEqual({ deltaFen: [-9007199254740993n, -51_600_000n, 9007199254740991n, -9007199254740991n] });
  });

  it('gives the items of a list the list’s key, and walks nested maps', () => {
    const row = { partsFen: [neo4j.int(1), neo4j.int(2)], years: [neo4j.int(2020)], unit: { id: 'u', budgetFen: neo4j.int(5) }, names: ['a', null] };
    expect(plain(row)).toEqual({ partsFen: [1n, 2n], years: [2020], unit: { id: 'u', budgetFen: 5n }, names: ['a', null] });
  });

  it('writes dates as their ISO text and leaves scalars and null alone', () => {
    expect(plain({ at: new neo4j.types.Date(2024, 3, 1), t: 'x', n: 1.5, ok: true, none: null })).toEqual({ at: '2024-03-01', t: 'x', n: 1.5, ok: true, none: null });
  });
});

// A pattern's groups read by name (src/parse/matches.ts): a group the pattern requires is a string;
// a match without it is the program's bug, a typed INTERNAL error naming the group, never a
// document's fault (BAD_DOCUMENT) nor an undefined read on.
import { describe, expect, it } from 'vitest';
import { group, groupsOf, matchGroups } from '../../src/parse/matches.js';

describe('matches', () => {
  it('gives the named groups of a match, or null when the text does not match', () => {
    expect(matchGroups(/(?<year>\d{4})年(?<kind>预算|决算)/, '2025年预算', 'year', 'kind')).toEqual({ year: '2025', kind: '预算' });
    expect(matchGroups(/(?<year>\d{4})年/, '年度', 'year')).toBeNull();
  });

  it('throws ProgramBugError PATTERN_GROUP naming a group that took no part', () => {
    const m = /(?<year>\d{4})年(?<month>\d+月)?/.exec('2025年')!;
    expect(() => groupsOf(m, ['year', 'month'])).toThrow(expect.objectContaining({ name: 'ProgramBugError', code: 'INTERNAL', details: { reason: 'PATTERN_GROUP' }, message: expect.stringContaining('"month"') }));
    expect(() => group(/(\d+)(万)?/.exec('12')!, 2)).toThrow(expect.objectContaining({ code: 'INTERNAL', message: expect.stringContaining('group 2') }));
    expect(group(/(\d+)(万)?/.exec('12万')!, 2)).toBe('万');
  });
});

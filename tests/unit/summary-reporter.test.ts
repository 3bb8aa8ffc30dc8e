// CI reads the closing "N passed, N failed" line: a file that failed outside its tests (a
// beforeAll that threw, an import error) must count as a failure, not vanish among the skipped.
import { describe, expect, it } from 'vitest';
import type { TestModule } from 'vitest/node';
import { summarize } from '../summary-reporter.js';

const mod = (states: string[], moduleState: string, errors: unknown[] = []) =>
  ({ state: () => moduleState, errors: () => errors, children: { allTests: () => states.map((s) => ({ result: () => ({ state: s }) })) } }) as unknown as TestModule;

describe('the CI summary', () => {
  it('counts tests by their state', () => {
    expect(summarize([mod(['passed', 'passed', 'failed', 'skipped'], 'failed')], [])).toEqual({ passed: 2, failed: 1, skipped: 1 });
  });

  it('counts a file whose beforeAll threw (all its tests skipped) as one failure', () => {
    expect(summarize([mod(['skipped', 'skipped', 'skipped'], 'failed')], [])).toEqual({ passed: 0, failed: 1, skipped: 3 });
  });

  it('counts a file that failed to load, an error after its tests, and unhandled errors', () => {
    expect(summarize([mod([], 'failed'), mod(['passed'], 'passed', [new Error('afterAll')])], [new Error('unhandled')])).toEqual({ passed: 1, failed: 3, skipped: 0 });
  });
});

// The work the parse worker's reply costs around the plan (#41): the plan's weight for the disk-room
// check is counted by a walk over its rows, never by writing its JSON, and is never less than that
// JSON; the plan's Integers come back from the structured clone as Integers, by a walk that makes no
// key lists on the way (it runs over every row of every document on the thread that writes).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import neo4j from 'neo4j-driver';
import { parseDocument } from '../../src/parse/index.js';
import { buildPlan, planBytes, type LoadPlan } from '../../src/load/plan.js';
import { reviveIntegers } from '../../src/load/parse-off-thread.js';

const FILES = ['data/000_5c682a4da5e2a113.txt', 'data/001_958a9ca9db32ab73.txt', 'data/002_94a530100b90bc43.txt'];

function planOf(path: string): LoadPlan {
  const text = readFileSync(path, 'utf8');
  const file = path.split('/').pop() ?? path;
  return buildPlan(parseDocument(text, file), text);
}

/** The plan's rows as JSON, as the weight was measured before (links and diagnostics left out). */
function rowsJsonBytes(plan: LoadPlan): number {
  const { links: _links, diagnostics: _diagnostics, ...rows } = plan;
  return Buffer.byteLength(JSON.stringify(rows));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the parse worker's reply around the plan", () => {
  it('weighs a plan at no less than its rows as JSON, without writing the JSON', () => {
    const plans = FILES.map(planOf);
    const json = plans.map(rowsJsonBytes);
    const stringify = vi.spyOn(JSON, 'stringify');
    const weights = plans.map(planBytes);
    expect(stringify).not.toHaveBeenCalled();
    for (const [i, w] of weights.entries()) expect(w).toBeGreaterThanOrEqual(json[i] ?? Infinity);
  });

  it('counts text by what UTF-8 can take: Chinese, a character outside the BMP, quotes', () => {
    const plan = planOf(FILES[0] ?? '');
    const odd = { ...plan, figures: plan.figures.map((f) => ({ ...f, item: `𠀀"引号"\\${String(f.item)}` })) };
    expect(planBytes(odd)).toBeGreaterThanOrEqual(rowsJsonBytes(odd));
  });

  it('counts what JSON escapes as six bytes a character, and an Integer at its longest', () => {
    // A control character, a lone surrogate: \uXXXX in JSON. An Integer: {"low":…,"high":…}.
    const plan = planOf(FILES[0] ?? '');
    const odd = {
      ...plan,
      figures: plan.figures.map((f) => ({ ...f, item: `${'\u0001'.repeat(2000)}\ud800${String(f.item)}`, srcLine: new neo4j.Integer(-2147483648, -2147483648) })),
    };
    expect(planBytes(odd)).toBeGreaterThanOrEqual(rowsJsonBytes(odd));
  });

  it('revives the Integers of a cloned plan as the plan had them, making no key list of a row', () => {
    const plan = planOf(FILES[1] ?? '');
    const clone = structuredClone(plan);
    const keys = vi.spyOn(Object, 'keys');
    const entries = vi.spyOn(Object, 'entries');
    const revived = reviveIntegers(clone);
    expect(keys).not.toHaveBeenCalled();
    expect(entries).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(revived).toEqual(plan);
    expect(neo4j.isInt(revived.lines[0]?.srcLine)).toBe(true);
  });
});

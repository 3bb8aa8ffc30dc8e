// A primed key is answered at once (no promise), an unknown key is loaded and batched as
// DataLoader does, and a key asked for before it was primed keeps its first answer.
import { describe, expect, it } from 'vitest';
import { andThen, PrimedLoader } from '../../loaders/primed-loader.js';

function loader() {
  const batches: string[][] = [];
  const l = new PrimedLoader<string, string>(async (keys) => {
    batches.push([...keys]);
    return keys.map((k) => `loaded ${k}`);
  });
  return { l, batches };
}

describe('PrimedLoader', () => {
  it('answers a primed key without a promise and without a batch', () => {
    const { l, batches } = loader();
    l.prime('u1', 'unit one');
    expect(l.get('u1')).toBe('unit one');
    expect(batches).toEqual([]);
  });

  it('loads the keys it was not primed with, in one batch', async () => {
    const { l, batches } = loader();
    l.prime('u1', 'unit one');
    const got = [l.get('u1'), l.get('u2'), l.get('u3')];
    expect(got[0]).toBe('unit one');
    expect(got[1]).toBeInstanceOf(Promise);
    expect(await Promise.all(got)).toEqual(['unit one', 'loaded u2', 'loaded u3']);
    expect(batches).toEqual([['u2', 'u3']]);
  });

  it('keeps the first answer for a key loaded before it was primed, as DataLoader does', async () => {
    const { l } = loader();
    await l.load('u1');
    l.prime('u1', 'primed later');
    expect(await l.get('u1')).toBe('loaded u1');
  });

  it('forgets a cleared key', async () => {
    const { l } = loader();
    l.prime('u1', 'unit one');
    l.clear('u1');
    expect(await l.get('u1')).toBe('loaded u1');
  });

  it('andThen applies at once to a value and later to a promise', async () => {
    expect(andThen(['a', 'b'], (v) => v[0])).toBe('a');
    expect(await andThen(Promise.resolve(['c']), (v) => v[0])).toBe('c');
  });
});

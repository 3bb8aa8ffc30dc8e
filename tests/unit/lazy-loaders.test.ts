// A request's DataLoaders are made when it first reads them (#41 item 4): making all 45 for every
// request cost 86-136 µs each time, where a question reads a few. Counted, not timed: the loaders
// that exist after createLoaders() and after reading one.
import { describe, expect, it } from 'vitest';
import { createLoaders } from '../../loaders/index.js';
import type { Repository } from '../../src/query/repository.js';

const made = (loaders: object) => Object.entries(Object.getOwnPropertyDescriptors(loaders)).filter(([, d]) => 'value' in d).map(([name]) => name);

describe('createLoaders', () => {
  it('makes no loader until one is read, then that one alone, once', () => {
    const loaders = createLoaders({} as Repository); // no statement is run: nothing is loaded
    expect(made(loaders)).toEqual([]);
    const first = loaders.documentById;
    expect(made(loaders)).toEqual(['documentById']);
    expect(loaders.documentById).toBe(first);
    expect(Object.keys(loaders)).toHaveLength(45); // every loader is still there to be read
  });

  it('keeps every loader under the name it is read by: each read twice is the same loader', () => {
    // A getter that made its loader under another name would make a new one at every read: no
    // batching, and what was primed lost.
    const loaders = createLoaders({} as Repository);
    const names = Object.keys(loaders);
    for (const name of names) expect(Reflect.get(loaders, name), name).toBe(Reflect.get(loaders, name));
    expect(made(loaders).sort()).toEqual([...names].sort());
  });

  it('gives each request its own loaders', () => {
    expect(createLoaders({} as Repository).documentById).not.toBe(createLoaders({} as Repository).documentById);
  });
});

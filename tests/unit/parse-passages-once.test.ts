// The checks read a document's passages from the same prose thirteen times: they are joined once
// (src/parse/checks/passages.ts), and joined again only when the prose has grown.
import { describe, expect, it } from 'vitest';
import { passages } from '../../src/parse/checks/passages.js';
import type { ProseLine } from '../../src/parse/layout.js';

describe('passages', () => {
  it('joins a prose once and hands the same passages to every check', () => {
    const prose: ProseLine[] = [
      { line: 1, text: 'Total 1511.89', heading: false },
      { line: 2, text: 'wrapped on', heading: false },
    ];
    const first = passages(prose);
    expect(first.map((p) => p.text)).toEqual(['Total1511.89wrappedon']);
    expect(passages(prose)).toBe(first);
  });

  it('joins again a prose that has grown, and a new prose of its own', () => {
    const prose: ProseLine[] = [{ line: 1, text: 'one', heading: false }];
    const first = passages(prose);
    prose.push({ line: 9, text: 'two', heading: false });
    expect(passages(prose).map((p) => p.text)).toEqual(['one', 'two']);
    expect(passages([...prose])).not.toBe(passages(prose));
    expect(first.map((p) => p.text)).toEqual(['one']);
  });
});

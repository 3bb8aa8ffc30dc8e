// Matching a run's characters to the glyphs printed inside its box (glyphs.ts) costs what the
// glyphs cost, wherever they stand: each run looked at every glyph of its baseline, so a wide
// table row (each cell a run, all on one baseline) cost runs × glyphs. Checked as a ratio of CPU
// times (the best of a few runs), not against a clock, as parse-scale.test.ts does: the same
// 4,000 runs of 8 glyphs, all on one baseline, against each on a baseline of its own (the same
// objects made, the same boxes given). Now 1.2-1.9×; before the change, 77× (4,000 runs on
// one baseline: 818 ms, 32 ms after).
import { describe, expect, it } from 'vitest';
import type { GlyphRun } from '../../src/source/pdf/geometry.js';
import { attachChars, type PrintedGlyph } from '../../src/source/pdf/glyphs.js';

const AMOUNT = '1,234.56';

/** `count` amounts, each a run and its 8 glyphs: side by side 60 pt apart on one baseline, or one above the other 20 pt apart. */
function amounts(count: number, oneBaseline: boolean): { runs: GlyphRun[]; bases: number[]; glyphs: PrintedGlyph[] } {
  const runs: GlyphRun[] = [];
  const bases: number[] = [];
  const glyphs: PrintedGlyph[] = [];
  for (let r = 0; r < count; r++) {
    const [x, base] = oneBaseline ? [60 * r, 100] : [0, 100 + 20 * r];
    for (let k = 0; k < AMOUNT.length; k++) glyphs.push({ text: AMOUNT.charAt(k), x0: x + 5 * k, x1: x + 5 * k + 5, base, size: 10 });
    runs.push({ text: AMOUNT, x0: x, x1: x + 5 * AMOUNT.length, top: base - 8.6, bottom: base + 1.4, size: 10 });
    bases.push(base);
  }
  return { runs, bases, glyphs };
}

function cpuMicros(count: number, oneBaseline: boolean, runs: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const { runs: r, bases, glyphs } = amounts(count, oneBaseline);
    const before = process.cpuUsage();
    const found = attachChars(r, bases, glyphs, (s) => s);
    const used = process.cpuUsage(before);
    expect(found).toBe(count);
    best = Math.min(best, used.user + used.system);
  }
  return best;
}

describe("a run's characters matched to its glyphs", () => {
  it('each run its own 8 boxes, where its glyphs are printed', () => {
    const { runs, bases, glyphs } = amounts(3, true);
    expect(attachChars(runs, bases, glyphs, (s) => s)).toBe(3);
    expect(runs[2]?.chars?.map((c) => c.x0)).toEqual([120, 125, 130, 135, 140, 145, 150, 155]);
  });

  it('costs no more for 4,000 runs on one baseline than for 4,000 runs each on its own', () => {
    cpuMicros(4_000, false, 1); // compiled first, so that the compiler's time counts for neither
    const ratio = cpuMicros(4_000, true, 3) / cpuMicros(4_000, false, 3);
    expect(ratio).toBeLessThan(8);
  }, 120_000);
});

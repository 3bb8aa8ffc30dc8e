// The uncached soak's growth rule (bench/stress/soak-growth.ts) on synthetic per-minute series:
// what settles passes, what keeps climbing fails, a GC sawtooth is not read as a climb.
import { describe, expect, it } from 'vitest';
import { Random } from '../../bench/corpus/random.js';
import { growthVerdict, jvmVerdict, leastSquares, settleMinutesFor } from '../../bench/stress/soak-growth.js';

/** 31 samples (minutes 0-30) of `f`, with uniform noise of ± `noise` MB from a fixed seed. */
function series(f: (minute: number) => number, noise = 0, seed = 36): number[] {
  const rnd = new Random(seed);
  return Array.from({ length: 31 }, (_, m) => Math.round(f(m) + (rnd.next() * 2 - 1) * noise));
}

describe('the soak growth rule', () => {
  it('settles for a third of the run, at most 10 minutes', () => {
    expect(settleMinutesFor(30)).toBe(10);
    expect(settleMinutesFor(60)).toBe(10);
    expect(settleMinutesFor(3)).toBe(1);
    expect(settleMinutesFor(9)).toBe(3);
  });

  it('fits a least-squares slope', () => {
    const fit = leastSquares([0, 1, 2, 3].map((x) => [x, 5 + 2 * x] as [number, number]));
    expect(fit.slope).toBeCloseTo(2);
    expect(fit.residualSd).toBeCloseTo(0);
  });

  it('passes a flat series with noise, across seeds', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const v = growthVerdict(series(() => 800, 8, seed));
      expect(v.judged).toBe(true);
      expect(v.pass, v.reason).toBe(true);
    }
  });

  it('passes a climb during the settle period that then stops (the JVM growing its heap toward -Xmx)', () => {
    const v = growthVerdict(series((m) => (m < 8 ? 507 + 45 * m : 867), 4));
    expect(v.pass, v.reason).toBe(true);
  });

  it('fails a steady climb of 1.5 MB/min, with or without noise', () => {
    for (const noise of [0, 3, 6]) {
      const v = growthVerdict(series((m) => 600 + 1.5 * m, noise));
      expect(v.climbing, v.reason).toBe(true);
      expect(v.pass).toBe(false);
    }
  });

  it('passes a slow drift under the bound (0.5 MB/min)', () => {
    const v = growthVerdict(series((m) => 600 + 0.5 * m, 2));
    expect(v.pass, v.reason).toBe(true);
  });

  it('passes a GC sawtooth of any period and phase, up to 80 MB deep', () => {
    for (const period of [2, 3, 4, 5, 7, 10]) {
      for (const depth of [20, 40, 80]) {
        for (let phase = 0; phase < period; phase++) {
          const v = growthVerdict(series((m) => 300 + (depth * ((m + phase) % period)) / (period - 1), 2));
          expect(v.pass, `period ${period}, depth ${depth}, phase ${phase}: ${v.reason}`).toBe(true);
        }
      }
    }
  });

  it('fails a sawtooth whose troughs and peaks climb', () => {
    const v = growthVerdict(series((m) => 300 + 2 * m + 30 * ((m % 4) / 3)));
    expect(v.pass, v.reason).toBe(false);
  });

  it('fails a step up after the settle period that the slope alone would dilute', () => {
    const v = growthVerdict(series((m) => (m < 29 ? 800 : 920), 2));
    expect(v.jumped, v.reason).toBe(true);
    expect(v.pass).toBe(false);
  });

  it('judges nothing with fewer than 6 samples after settling (the 3-minute check), and skips samples it could not read', () => {
    const check = growthVerdict([784, 794, 799, 801]);
    expect(check.judged).toBe(false);
    expect(check.pass).toBe(true);
    expect(check.slopeMbPerMin).toBe(3.5);
    expect(growthVerdict(series((m) => 600 + 3 * m).slice(0, 9)).judged).toBe(true);
    const gaps = series(() => 700, 3).map((v, m) => (m % 5 === 2 ? null : v));
    expect(growthVerdict(gaps).pass).toBe(true);
  });
});

describe('jvmVerdict: the JVM judged off-heap and on what its heap retains, not on its committed heap', () => {
  // The first 30-minute run (bench/STRESS.md, 2026-12-06 15:07): RSS and committed heap per minute.
  const rss = [733, 743, 750, 819, 823, 819, 821, 822, 822, 832, 859, 859, 862, 862, 862, 862, 862, 862, 862, 862, 862, 862, 863, 868, 869, 869, 924, 924, 924, 925, 924];
  const committed = [327, 327, 327, 392, 392, 392, 392, 392, 392, 392, 418, 418, 418, 418, 418, 418, 418, 418, 418, 418, 418, 418, 418, 418, 418, 418, 469, 469, 469, 469, 469];
  const afterGc = [null, null, null, null, null, null, null, null, null, null, null, null, 95, 95, 95, 95, 95, 95, 95, 95, 95, 95, 95, 88, 88, 88, 88, 88, 88, 88, 88];
  const samples = rss.map((r, m) => ({ jvmRssMb: r, jvmHeapCommittedMb: committed[m]!, jvmOldAfterGcMb: afterGc[m]! }));

  it('passes a run whose RSS steps up only as the heap is committed toward -Xmx (the whole RSS would fail)', () => {
    const v = jvmVerdict(samples, 10);
    expect(v.rss.pass).toBe(false);
    expect(v.offHeap.pass).toBe(true);
    expect(v.retained.pass).toBe(true);
    expect(v.pass).toBe(true);
    expect(v.heapCommittedMaxMb).toBe(469);
  });

  it('fails a run whose off-heap memory climbs 2 MB a minute under a flat heap', () => {
    const leaking = samples.map((s, m) => ({ ...s, jvmRssMb: 860 + 2 * m, jvmHeapCommittedMb: 418 }));
    expect(jvmVerdict(leaking, 10).offHeap.pass).toBe(false);
    expect(jvmVerdict(leaking, 10).pass).toBe(false);
  });

  it('fails a run whose heap keeps more after every collection', () => {
    const retaining = samples.map((s, m) => ({ ...s, jvmOldAfterGcMb: m < 12 ? null : 90 + 3 * (m - 12) }));
    expect(jvmVerdict(retaining, 10).retained.pass).toBe(false);
  });
});

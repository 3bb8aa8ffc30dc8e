// The growth rule of the uncached soak (bench/stress/soak.ts): does a process's memory, sampled
// once a minute, still climb once it has settled?
//
// The rule, for one series (RSS in MB at minutes 0, 1, … M):
//   settle   the first third of the run, at most 10 minutes (30 minutes: 0-10), is not judged: a
//            JVM started with -Xms256m grows its heap toward -Xmx under load, Node's heap and the
//            page cache fill, plans and the JIT's code are made. The earlier 3-minute uncached soak
//            climbed 507 → 886 MB there; what matters is whether it then stops.
//   window   the samples from the end of the settle period to the end (30 minutes: 21 samples).
//   climbing the least-squares slope over the window is above 1 MB/min AND the rise it fits over
//            the window is more than twice the residual's standard deviation (the trend stands out
//            of the minute-to-minute wiggle). 1 MB/min is 1.4 GB a day: a service meant to run
//            for weeks on a small host cannot afford it, while a settled process at a fixed -Xmx
//            and a bounded answer size moves by a few MB either way. The second half keeps a GC
//            sawtooth (RSS up while garbage builds, down after a collection gives pages back) from
//            reading as a trend when the window happens to start in a trough and end on a peak; a
//            real leak has a small residual around its line, and a leak hidden inside a large
//            sawtooth shows in a longer run or in the next rule.
//   jumped   the last sample is more than 10% above the highest sample of the settle period: a
//            step up (a cache or pool that grew once and stays) that a slope over the window can
//            dilute. A sawtooth's peaks are already in the settle period, so they do not trip it.
// The series fails when it is climbing or jumped. A window of fewer than 6 samples (a run under 8
// minutes, such as the 3-minute check) is not judged: a slope over a few minutes right after the
// settle period measures the settling, not a leak. Its figures are still given.

export interface GrowthRule {
  /** Minutes not judged at the start; default: a third of the run, at most 10. */
  settleMinutes?: number;
  /** Sustained slope above which a series climbs (MB per minute). */
  maxSlopeMbPerMin: number;
  /** The fitted rise over the window must exceed this many residual standard deviations. */
  noiseFactor: number;
  /** The last sample may exceed the settle period's highest by this fraction. */
  maxRiseOverSettled: number;
}

export const GROWTH_RULE: GrowthRule = { maxSlopeMbPerMin: 1, noiseFactor: 2, maxRiseOverSettled: 0.1 };

/** Samples after the settle period below which a series is not judged. */
export const MIN_WINDOW = 6;

export interface GrowthVerdict {
  judged: boolean;
  pass: boolean;
  settleMinutes: number;
  /** First and last minute of the window. */
  window: [number, number] | null;
  slopeMbPerMin: number | null;
  /** The slope times the window's length, MB. */
  fittedRiseMb: number | null;
  residualSdMb: number | null;
  settledMaxMb: number | null;
  finalMb: number | null;
  climbing: boolean;
  jumped: boolean;
  /** One line saying why. */
  reason: string;
}

/** A third of the run, at most 10 minutes, at least 1. */
export const settleMinutesFor = (minutes: number): number => Math.max(1, Math.min(10, Math.ceil(minutes / 3)));

/** Least-squares line through (x, y): slope and the residuals' standard deviation. */
export function leastSquares(points: [number, number][]): { slope: number; intercept: number; residualSd: number } {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = my - slope * mx;
  const sse = points.reduce((s, [x, y]) => s + (y - (intercept + slope * x)) ** 2, 0);
  return { slope, intercept, residualSd: n > 2 ? Math.sqrt(sse / (n - 2)) : 0 };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The verdict on `series[m]` = the value at minute m (null where it could not be read). */
export function growthVerdict(series: (number | null)[], rule: GrowthRule = GROWTH_RULE): GrowthVerdict {
  const minutes = series.length - 1;
  const settleMinutes = rule.settleMinutes ?? settleMinutesFor(minutes);
  const at = (from: number, to: number) => series.flatMap((v, m) => (v !== null && m >= from && m <= to ? [[m, v] as [number, number]] : []));
  const settled = at(0, settleMinutes);
  const window = at(settleMinutes, minutes);
  if (window.length < 2 || settled.length === 0) {
    return { settleMinutes, window: null, slopeMbPerMin: null, fittedRiseMb: null, residualSdMb: null, climbing: false, jumped: false, judged: false, pass: true, settledMaxMb: settled.length ? Math.max(...settled.map(([, v]) => v)) : null, finalMb: window.at(-1)?.[1] ?? null, reason: `not judged: ${window.length} samples after the ${settleMinutes}-minute settle period (${MIN_WINDOW} needed)` };
  }
  const { slope, residualSd } = leastSquares(window);
  const span = window.at(-1)![0] - window[0]![0];
  const fittedRise = slope * span;
  const settledMax = Math.max(...settled.map(([, v]) => v));
  const final = window.at(-1)![1];
  const climbing = slope > rule.maxSlopeMbPerMin && fittedRise > rule.noiseFactor * residualSd;
  const jumped = final > settledMax * (1 + rule.maxRiseOverSettled);
  const figures = { settleMinutes, window: [window[0]![0], window.at(-1)![0]] as [number, number], slopeMbPerMin: round1(slope), fittedRiseMb: round1(fittedRise), residualSdMb: round1(residualSd), settledMaxMb: settledMax, finalMb: final };
  if (window.length < MIN_WINDOW) {
    return { ...figures, judged: false, pass: true, climbing: false, jumped: false, reason: `not judged: ${window.length} samples after the ${settleMinutes}-minute settle period (${MIN_WINDOW} needed); for the record, ${round1(slope)} MB/min over minutes ${window[0]![0]}-${window.at(-1)![0]}, ${settledMax} → ${final} MB` };
  }
  const why: string[] = [];
  if (climbing) why.push(`climbing ${round1(slope)} MB/min over minutes ${window[0]![0]}-${window.at(-1)![0]} (bound ${rule.maxSlopeMbPerMin}; fitted rise ${round1(fittedRise)} MB against a wiggle of ${round1(residualSd)} MB)`);
  if (jumped) why.push(`ended at ${final} MB, over ${Math.round((1 + rule.maxRiseOverSettled) * 100)}% of the settle period's highest (${settledMax} MB)`);
  const reason = why.length
    ? why.join('; ')
    : `settled: ${round1(slope)} MB/min over minutes ${window[0]![0]}-${window.at(-1)![0]} (bound ${rule.maxSlopeMbPerMin}${slope > rule.maxSlopeMbPerMin ? `, but a fitted rise of ${round1(fittedRise)} MB is within ${rule.noiseFactor}× the wiggle of ${round1(residualSd)} MB` : ''}), ended at ${final} MB against the settle period's highest ${settledMax} MB`;
  return { ...figures, judged: true, pass: !climbing && !jumped, climbing, jumped, reason };
}

/**
 * The JVM's verdict. Its RSS is judged in two parts, not whole: a JVM grows its committed heap
 * in steps toward -Xmx when allocation needs it (in the first 30-minute run: 327 → 392 → 418 →
 * 469 MB, the RSS stepping by the same amounts, at minute 26 after 15 flat minutes), and that
 * growth is bounded by the configuration, not a leak. A leak shows as
 *   off-heap   RSS minus the committed heap (page cache, thread stacks, native buffers) climbing;
 *   retained   the old generation after its last collection (what the heap keeps alive) climbing.
 * Each is judged by growthVerdict; the whole RSS is judged too and reported, not failed on.
 */
export interface JvmVerdict {
  pass: boolean;
  offHeap: GrowthVerdict;
  retained: GrowthVerdict;
  rss: GrowthVerdict;
  /** Largest committed heap seen, against -Xmx. */
  heapCommittedMaxMb: number | null;
}

export function jvmVerdict(samples: { jvmRssMb: number | null; jvmHeapCommittedMb: number | null; jvmOldAfterGcMb: number | null }[], settleMinutes: number, rule: GrowthRule = GROWTH_RULE): JvmVerdict {
  const offHeapSeries = samples.map((s) => (s.jvmRssMb === null || s.jvmHeapCommittedMb === null ? null : s.jvmRssMb - s.jvmHeapCommittedMb));
  const retainedSeries = samples.map((s) => s.jvmOldAfterGcMb);
  // Nothing is retained-after-GC until the first collection: its settle period starts there.
  const firstCollection = retainedSeries.findIndex((v) => v !== null);
  const offHeap = growthVerdict(offHeapSeries, { ...rule, settleMinutes });
  const retained = growthVerdict(retainedSeries, { ...rule, settleMinutes: Math.max(settleMinutes, firstCollection) });
  const rss = growthVerdict(samples.map((s) => s.jvmRssMb), { ...rule, settleMinutes });
  const committed = samples.flatMap((s) => (s.jvmHeapCommittedMb === null ? [] : [s.jvmHeapCommittedMb]));
  return { pass: offHeap.pass && retained.pass, offHeap, retained, rss, heapCommittedMaxMb: committed.length ? Math.max(...committed) : null };
}

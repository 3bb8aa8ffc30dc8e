// A closed-loop load generator: `concurrency` workers each run the next task (an HTTP request, or
// the floor's statements) as soon as the previous finished, for `durationMs`. Every latency is
// kept, so percentiles are exact and stretches of one loop can be merged.
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A task the closed loop runs: true when the answer is good, false (or a throw) for an error. */
export type Task = () => Promise<boolean>;

/** One stretch of a closed loop: every latency kept, so stretches can be merged exactly. */
export interface LoadSample {
  latencies: number[];
  errors: number;
  seconds: number;
}

/**
 * `concurrency` workers each run `task` again as soon as it finished, for `durationMs`; a task
 * that throws or answers false is an error. Every latency is kept.
 */
export async function sample(task: Task, concurrency: number, durationMs: number): Promise<LoadSample> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        if (!(await task())) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

/**
 * Asked of every contender: answers uncompressed. fetch (undici) otherwise asks for br/gzip, which
 * Budget Graph honours (src/api/http/compression.ts, since 2c32918) and the peer ignores, so the
 * bench charged one side alone a Brotli pass per answer (and the load generator its decoding).
 */
const REQUEST_HEADERS = { 'content-type': 'application/json', 'accept-encoding': 'identity' };

/**
 * A POST of `body` to a GraphQL endpoint; an answer with errors counts as an error. `onError`
 * hears what a failed request said (its status and the start of its errors, or what the fetch
 * threw), so a bench can tell a timeout from a refusal instead of only counting them.
 */
export function httpTask(url: string, body: string, headers: Record<string, string> = REQUEST_HEADERS, onError?: (what: string) => void): Task {
  return async () => {
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, { method: 'POST', headers, body });
      // Read the whole body, but spare the client a JSON parse of every answer: on two shared
      // cores the load generator's own CPU would otherwise cap what it can measure.
      text = await res.text();
    } catch (err) {
      onError?.(`fetch: ${err instanceof Error ? `${err.message}${err.cause ? ` (${String(err.cause)})` : ''}` : String(err)}`);
      throw err;
    }
    const at = text.search(/"errors"\s*:\s*\[/);
    if (res.ok && at < 0) return true;
    onError?.(`HTTP ${res.status}: ${(at < 0 ? text : text.slice(at)).slice(0, 400)}`);
    return false;
  };
}

/** Several stretches of the same loop as one figure: throughput over their summed time. */
export function merge(samples: LoadSample[]): LoadResult {
  return summarize(
    samples.flatMap((s) => s.latencies),
    samples.reduce((n, s) => n + s.errors, 0),
    samples.reduce((t, s) => t + s.seconds, 0),
  );
}

/** Exact percentiles of every latency kept, and the throughput over the run. */
export function summarize(latencies: number[], errors: number, elapsedSeconds: number): LoadResult {
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    requests: latencies.length,
    errors,
    rps: round(latencies.length / elapsedSeconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? NaN),
  };
}

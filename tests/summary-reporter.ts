// Prints one closing line, "N passed, N failed[, N skipped]", that CI reads. A file that failed
// outside its tests (an import error, a beforeAll that threw, an error after the tests) counts as
// a failure even though no single test failed; so does every unhandled error of the run.
import type { Reporter, TestModule } from 'vitest/node';

export function summarize(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): { passed: number; failed: number; skipped: number } {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const mod of testModules) {
    let failedHere = 0;
    for (const test of mod.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') passed++;
      else if (state === 'failed') failedHere++;
      else skipped++;
    }
    // The file failed but none of its tests did: its hooks or its loading failed.
    if ((mod.state() === 'failed' || mod.errors().length > 0) && failedHere === 0) failedHere = 1;
    failed += failedHere;
  }
  failed += unhandledErrors.length;
  return { passed, failed, skipped };
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const { passed, failed, skipped } = summarize(testModules, unhandledErrors);
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}

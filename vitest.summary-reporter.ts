import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node';

/**
 * Ends the run with the plain `N passed, N failed` line that CI reads in any language, and makes
 * sure a run that failed, errored outside a test (e.g. in a global setup) or ran no test at all
 * exits non-zero: Vitest 5 was seen exiting 0 when a global setup threw.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: readonly TestModule[],
    unhandledErrors: readonly unknown[],
    reason: TestRunEndReason,
  ): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const testModule of testModules) {
      const tests = [...testModule.children.allTests()];
      if (testModule.state() === 'failed' && tests.length === 0) failed += 1;
      for (const test of tests) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
    }
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    const broken = failed > 0 || passed === 0 || unhandledErrors.length > 0 || reason !== 'passed';
    if (broken) {
      process.exitCode = 1;
      process.once('exit', () => {
        process.exitCode = 1;
      });
    }
  }
}

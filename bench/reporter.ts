import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Passes the bench's own output through as it comes, and says plainly if the run itself broke. */
export default class BenchReporter implements Reporter {
  onStdOut(chunk: string | Buffer): void {
    process.stdout.write(chunk);
  }

  onStdErr(chunk: string | Buffer): void {
    process.stderr.write(chunk);
  }

  onTestEnd(_test: TestCase, result: TestResult): void {
    if (result.status === 'passed') return;
    process.stderr.write(`\nThe bench stopped (${result.status}):\n`);
    for (const error of result.errors) process.stderr.write(`${error.stack ?? error.message ?? String(error.value)}\n`);
  }

  onError(error: { message?: string; stack?: string }): void {
    process.stderr.write(`\nThe bench could not run: ${error.stack ?? error.message}\n`);
  }

  onEnd(result: FullResult): void {
    if (result.status !== 'passed') process.stderr.write(`bench: ${result.status}\n`);
  }
}

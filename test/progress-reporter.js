// A jest reporter that prints one line of overall progress after each test file, so that a run outside a terminal
// (CI, a piped `npm test`) shows how far it is and how long it has taken. JavaScript: jest loads reporters untransformed.
class ProgressReporter {
  onRunStart(results) {
    this.total = results.numTotalTestSuites;
    this.started = Date.now();
  }

  onTestResult(_test, _result, aggregated) {
    const files = aggregated.numPassedTestSuites + aggregated.numFailedTestSuites + aggregated.numRuntimeErrorTestSuites;
    const seconds = Math.round((Date.now() - this.started) / 1000);
    process.stderr.write(`progress: ${files}/${this.total} test files, ${aggregated.numPassedTests} tests passed, `
      + `${aggregated.numFailedTests} failed, ${seconds} s\n`);
  }
}

module.exports = ProgressReporter;

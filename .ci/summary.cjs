// The CI's closing lines, from vitest's JSON report: each failed test with the
// first line of its error (the CI reader sees only the tail of the output, so
// the names must be there), then "N passed, N failed".
const report = require(require('node:path').resolve('.tmp/vitest.json'));
for (const file of report.testResults) {
  const path = file.name.replace(`${process.cwd()}/`, '');
  if (file.status === 'failed' && file.assertionResults.every((t) => t.status !== 'failed')) {
    console.log(`FAILED ${path}: ${(file.message || '').split('\n')[0]}`);
  }
  for (const test of file.assertionResults) {
    if (test.status !== 'failed') continue;
    const why = (test.failureMessages[0] || '').split('\n')[0].slice(0, 300);
    console.log(`FAILED ${path} > ${test.fullName}: ${why}`);
  }
}
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed`);

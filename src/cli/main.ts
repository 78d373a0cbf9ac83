/** Entry point of `consent-gate` (bin/consent-gate.js loads this, or its build in dist/). */
import { runCli } from './program';

const code = await runCli(process.argv.slice(2));
process.exitCode = code;

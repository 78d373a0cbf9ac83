// Starts the import's worker thread (importWorker.ts) through tsx, the way
// bin/consent-gate.js starts the CLI: a worker does not inherit the loader
// its parent registered.
import { register } from 'tsx/esm/api';

register();
await import('./importWorker.ts');

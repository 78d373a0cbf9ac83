#!/usr/bin/env node
// The `consent-gate` command: runs the TypeScript sources through tsx, like
// `npm start` does, so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

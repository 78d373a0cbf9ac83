#!/usr/bin/env node
// The `consent-gate` command. In a clone (src/ is here) it runs the TypeScript sources through tsx,
// like the tests do, so it never runs a build older than the code beside it; where only the build
// was shipped (the Docker image) it runs dist/.
import { existsSync } from 'node:fs';

if (existsSync(new URL('../src/cli/main.ts', import.meta.url))) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
} else {
  await import('../dist/src/cli/main.js');
}

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'adapters/**/*.test.ts', 'test/**/*.test.ts'],
    // Generous bounds: on a busy CI machine a test that starts child processes (gateways, CLI
    // imports, Chromium) can take several times what it takes here; a passing test is not slowed.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Child processes and real servers (redis, emulators) are started per file;
    // two workers keep a 2-core machine responsive.
    maxWorkers: 2,
    // One temporary directory per run, removed after it (test/tmpdir.globalSetup.ts).
    globalSetup: ['test/tmpdir.globalSetup.ts'],
  },
});

/**
 * The headless Chromium the page tests drive (Debian's `chromium` package, through playwright-core).
 * Missing, the page tests fail with this module's error rather than skip: `npm test` installs it
 * (scripts/test-deps.sh).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: npm test installs Debian's chromium package (scripts/test-deps.sh)`);

/** A browser with nothing of its own going to the network: the pages under test are all it loads. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The Twilio REST emulator of the test suite (test/emulators/twilio.ts) in
 * its own process, as the upstream both the gateway and the direct SDK calls
 * talk to. It records every request; the records are dropped every second
 * so a long run does not grow its memory.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { announceReady, exitOnSignal, REPO_ROOT } from '../lib/proc';

// Loaded by path so the bench still type-checks and runs where the emulator does not exist yet.
const { TwilioEmulator } = await import(pathToFileURL(join(REPO_ROOT, 'test/emulators/twilio.ts')).href);
const emulator = await new TwilioEmulator({ accountSid: process.env.TWILIO_ACCOUNT_SID!, authToken: process.env.TWILIO_AUTH_TOKEN! }).start();
setInterval(() => {
  emulator.requests.length = 0;
  emulator.calls.clear();
  emulator.messages.clear();
  emulator.callParams?.clear();
}, 1000).unref();
announceReady({ port: Number(new URL(emulator.url).port) });
exitOnSignal(() => emulator.stop());

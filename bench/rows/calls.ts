/**
 * The calls row: a call's lifetime of webhooks through the gateway, each moment the call record
 * keeps — answered (status callback), disclosure done (the Gather timing out after the script), ten
 * final transcription events, completed (status callback) — on Twilio calls the gateway gated,
 * placed with the real SDK, Twilio played by the test suite's emulator in this process.
 *
 * Figures: the gateway's CPU per call over its webhooks, and the latency of the webhooks that record
 * an event. The baseline, interleaved call by call so both meet the same load: the same status
 * callback sent to `/twilio/status` without the gateway's token, which relays and logs it and records
 * nothing — its difference is what recording adds to a webhook.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import twilio from 'twilio';
import type { BenchContext } from '../lib/context';
import { CALLING_NUMBER, phoneAt } from '../lib/fixtures';
import { REPO_ROOT } from '../lib/proc';
import { fmtNum, mark, ms, target } from '../lib/report';
import { round, summarize } from '../lib/stats';
import { twilioCallGateway } from '../lib/twilioGateway';
import { ACCOUNT_SID, AUTH_TOKEN } from '../scenarios/twilio';

interface EmulatorLike {
  url: string;
  start(): Promise<EmulatorLike>;
  stop(): Promise<void>;
  answer(sid: string): Promise<string>;
  statusCallback(sid: string, status: string, extra?: Record<string, string>): Promise<{ status: number; body: string }>;
  pressDigits(sid: string, actionUrl: string, digits: string): Promise<string>;
  consumerSays(sid: string, words: string): Promise<{ status: number; body: string }>;
  callWebhookParams(sid: string, extra?: Record<string, string>): Record<string, string>;
  post(url: string, params: Record<string, string>): Promise<{ status: number; body: string }>;
}

const TRANSCRIPTS = 10;

function gatherActionOf(xml: string): string {
  const action = /<Gather\b[^>]*\saction="([^"]+)"/.exec(xml)?.[1];
  if (!action) throw new Error('calls: no disclosure Gather in the call TwiML');
  return action.replace(/&amp;/g, '&');
}

async function timed(fn: () => Promise<{ status: number; body?: string } | string>): Promise<number> {
  const t0 = performance.now();
  const answer = await fn();
  const took = performance.now() - t0;
  if (typeof answer !== 'string' && answer.status !== 200) throw new Error(`calls: the gateway answered ${answer.status}: ${answer.body}`);
  return took;
}

export async function callsRow(ctx: BenchContext): Promise<void> {
  const { p, judge, report, servers } = ctx;
  const { TwilioEmulator } = (await import(pathToFileURL(join(REPO_ROOT, 'test/emulators/twilio.ts')).href)) as {
    TwilioEmulator: new (o: { accountSid: string; authToken: string }) => EmulatorLike;
  };
  const emulator = await new TwilioEmulator({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }).start();
  const gw = await twilioCallGateway(ctx, 'calls', emulator.url);
  try {
    const client = twilio(ACCOUNT_SID, AUTH_TOKEN);
    client.api.baseUrl = gw.url;
    const warmup = p.name === 'smoke' ? 5 : 30;
    const measured = Math.min(Math.floor(p.consents / 2) - warmup, p.name === 'smoke' ? 20 : 500);
    const recorded: number[] = [];
    const baseline: number[] = [];
    let cpuSeconds = 0;
    for (let i = 0; i < warmup + measured; i++) {
      const call = await client.calls.create({ to: phoneAt(i), from: CALLING_NUMBER, twiml: '<Response><Say>Hello</Say><Pause length="30"/></Response>' });
      const twiml = await emulator.answer(call.sid);
      const cpuBefore = gw.cpuSeconds();
      const lifetime = [
        await timed(() => emulator.statusCallback(call.sid, 'in-progress')),
        await timed(() => emulator.pressDigits(call.sid, gatherActionOf(twiml), '')),
      ];
      for (let k = 0; k < TRANSCRIPTS; k++) await timed(() => emulator.consumerSays(call.sid, 'I would like to hear more about the plan'));
      lifetime.push(await timed(() => emulator.statusCallback(call.sid, 'completed', { CallDuration: '42' })));
      const plain = await timed(() =>
        emulator.post(`${gw.url}/twilio/status`, emulator.callWebhookParams(call.sid, { CallStatus: 'completed', CallDuration: '42' })),
      );
      if (i >= warmup) {
        cpuSeconds += gw.cpuSeconds() - cpuBefore;
        recorded.push(...lifetime);
        baseline.push(plain);
      }
    }
    const latency = summarize(recorded);
    const base = summarize(baseline);
    const added = latency.p99 - base.p99;
    const t = target('call_record_webhook_added_p99', 'Call records: added latency per recorded webhook, p99', round(added, 3), 'max', 2, ' ms', judge);
    report.targets.push(t);
    const cpuPerCall = (cpuSeconds * 1e6) / Math.max(1, measured);
    report.results.calls = {
      calls: measured,
      webhooks_per_call: 3 + TRANSCRIPTS,
      recorded_webhook_latency_ms: latency,
      baseline_status_callback_latency_ms: base,
      added_p99_ms: round(added, 3),
      gateway_cpu_us_per_call: Math.round(cpuPerCall),
    };
    report.table.push({
      scenario: `Twilio call lifetime through the gateway:\nanswered, disclosure done, ${TRANSCRIPTS} transcription\nevents, completed (${measured} calls, 1 at a time)`,
      baseline: `status callback without the gateway's token\n(relayed, not recorded): p50 ${ms(base.p50)}, p99 ${ms(base.p99)}`,
      figure: `recorded webhooks p50 ${ms(latency.p50)}, p99 ${ms(latency.p99)}\n(+${ms(added)} at p99); gateway CPU ${fmtNum(cpuPerCall)} µs/call`,
      target: mark(t, judge),
    });
  } finally {
    await servers.stop(gw);
    await emulator.stop();
  }
}

/**
 * The transcription row: a consumer says "stop calling me" on a Twilio call
 * the gateway gated. Measured from the moment the signed final
 * `transcription-content` webhook is sent to the later of (a) the gateway's
 * answer — the revocation is committed before it answers — and (b) the
 * call-update request (confirmation, hang-up) reaching Twilio.
 *
 * Twilio is the test suite's emulator, in this process, so both ends are
 * timed on one clock (`receivedAt` of the call update). The gateway runs in
 * its own process on a copy of the seeded ledger; every call goes to a
 * distinct consented phone, each placed (calls.create with inline Twiml
 * through the gateway) and answered before its opt-out is timed, one at a
 * time. The baseline, interleaved call by call so both meet the same load:
 * `POST /v1/revoke` of another consented phone on the same gateway — the
 * revocation alone, committed before its answer.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import twilio from 'twilio';
import type { BenchContext } from '../lib/context';
import { CALLING_NUMBER, ENTITY, phoneAt } from '../lib/fixtures';
import { REPO_ROOT } from '../lib/proc';
import { fmtNum, mark, ms, target } from '../lib/report';
import { round, summarize } from '../lib/stats';
import { twilioCallGateway } from '../lib/twilioGateway';
import { AUTH } from '../scenarios/decisions';
import { ACCOUNT_SID, AUTH_TOKEN } from '../scenarios/twilio';

interface EmulatorLike {
  url: string;
  requests: { method: string; path: string; receivedAt: number }[];
  start(): Promise<EmulatorLike>;
  stop(): Promise<void>;
  answer(sid: string): Promise<string>;
  consumerSays(sid: string, words: string): Promise<{ status: number; body: string }>;
}

/** Waits for the call update of `sid` to have reached the emulator, a bounded number of turns. */
async function hangupArrival(emulator: EmulatorLike, sid: string): Promise<number> {
  const path = `/Calls/${sid}.json`;
  for (let i = 0; i < 2000; i++) {
    const update = emulator.requests.find((r) => r.method === 'POST' && r.path.endsWith(path));
    if (update) return update.receivedAt;
    await new Promise((r) => setImmediate(r));
    if (i > 100) await new Promise((r) => setTimeout(r, 1));
  }
  throw new Error(`transcription: no hang-up reached Twilio for call ${sid}`);
}

export async function transcriptionRow(ctx: BenchContext): Promise<void> {
  const { p, judge, report, servers } = ctx;
  const { TwilioEmulator } = (await import(pathToFileURL(join(REPO_ROOT, 'test/emulators/twilio.ts')).href)) as {
    TwilioEmulator: new (o: { accountSid: string; authToken: string }) => EmulatorLike;
  };
  const emulator = await new TwilioEmulator({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }).start();
  const gw = await twilioCallGateway(ctx, 'transcription', emulator.url);
  try {
    const client = twilio(ACCOUNT_SID, AUTH_TOKEN);
    client.api.baseUrl = gw.url;
    const warmup = p.name === 'smoke' ? 10 : 50;
    const measured = Math.min(Math.floor(p.consents / 2) - warmup, p.name === 'smoke' ? 40 : 1000);
    const samples: number[] = [];
    const baseline: number[] = [];
    let cpuSeconds = 0;
    for (let i = 0; i < warmup + measured; i++) {
      const call = await client.calls.create({ to: phoneAt(i), from: CALLING_NUMBER, twiml: '<Response><Say>Hello</Say><Pause length="30"/></Response>' });
      await emulator.answer(call.sid);
      const cpuBefore = gw.cpuSeconds();
      const t0 = performance.now();
      const heard = await emulator.consumerSays(call.sid, 'stop calling me');
      const answered = performance.now();
      if (heard.status !== 200) throw new Error(`transcription: the gateway answered ${heard.status}: ${heard.body}`);
      const arrived = await hangupArrival(emulator, call.sid);
      if (i >= warmup) {
        samples.push(Math.max(answered, arrived) - t0);
        cpuSeconds += gw.cpuSeconds() - cpuBefore;
      }
      const b0 = performance.now();
      const revoked = await fetch(`${gw.url}/v1/revoke`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({
          phone: phoneAt(warmup + measured + i),
          calling_entity: ENTITY,
          trigger: 'verbal_stop_during_call',
          transcript: 'stop calling me',
        }),
      });
      await revoked.arrayBuffer();
      if (revoked.status !== 201) throw new Error(`transcription baseline: /v1/revoke answered ${revoked.status}`);
      if (i >= warmup) baseline.push(performance.now() - b0);
    }
    const latency = summarize(samples);
    const base = summarize(baseline);
    const t = target(
      'twilio_transcription_optout_p99',
      'Twilio spoken opt-out: signed transcription webhook → revocation committed and hang-up sent',
      round(latency.p99, 3),
      'max',
      50,
      ' ms',
      judge,
    );
    report.targets.push(t);
    const cpuPerOptOut = (cpuSeconds * 1e6) / Math.max(1, samples.length);
    report.results.transcription = {
      opt_outs: samples.length,
      latency_ms: latency,
      gateway_cpu_us_per_opt_out: Math.round(cpuPerOptOut),
      baseline_revoke_latency_ms: base,
    };
    report.table.push({
      scenario: `Twilio: "stop calling me" in a signed final\ntranscription webhook → revocation committed\nand the hang-up request at Twilio\n(${samples.length} calls, distinct phones, 1 at a time)`,
      baseline: `POST /v1/revoke, same gateway,\ninterleaved: p50 ${ms(base.p50)}, p99 ${ms(base.p99)}`,
      figure: `p50 ${ms(latency.p50)}, p99 ${ms(latency.p99)}\ngateway CPU ${fmtNum(cpuPerOptOut)} µs/opt-out`,
      target: mark(t, judge),
    });
  } finally {
    await servers.stop(gw);
    await emulator.stop();
  }
}

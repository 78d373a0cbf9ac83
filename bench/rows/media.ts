/**
 * The media-stream row: what passing a Twilio Media Stream through the
 * gateway adds to each frame. 20 calls are placed through the gateway
 * (calls.create with inline `<Connect><Stream>`), answered by the emulator,
 * and their streams opened at the URL the gateway wrote into the TwiML, as
 * Twilio would; each sends a Twilio `media` message (20 ms of μ-law, base64)
 * every 20 ms. The stand-in application is a websocket server in this
 * process, so send and arrival are timed on one clock. The baseline, in the
 * same ticks so both meet the same load: 20 streams sent straight to the
 * application. Added latency = the through-gateway percentile minus the
 * direct one. CPU: the gateway process's CPU time over the run, per call
 * per second of call.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import twilio from 'twilio';
import WebSocket, { WebSocketServer } from 'ws';
import type { BenchContext } from '../lib/context';
import { CALLING_NUMBER, phoneAt } from '../lib/fixtures';
import { REPO_ROOT } from '../lib/proc';
import { fmtNum, mark, ms, target } from '../lib/report';
import { round, summarize } from '../lib/stats';
import { twilioCallGateway } from '../lib/twilioGateway';
import { ACCOUNT_SID, AUTH_TOKEN } from '../scenarios/twilio';

const CALLS = 20;
const FRAME_MS = 20;

interface EmulatorLike {
  url: string;
  start(): Promise<EmulatorLike>;
  stop(): Promise<void>;
  answer(sid: string): Promise<string>;
}

/** One stream's frames: when each was sent, when each arrived at the application (in order, so by index). */
interface Lane {
  ws: WebSocket;
  sent: number[];
  arrived: number[];
}

function openStream(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers: { 'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, {}) } });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`media: handshake refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

export async function mediaRow(ctx: BenchContext): Promise<void> {
  const { p, judge, report, servers } = ctx;
  const { TwilioEmulator } = (await import(pathToFileURL(join(REPO_ROOT, 'test/emulators/twilio.ts')).href)) as {
    TwilioEmulator: new (o: { accountSid: string; authToken: string }) => EmulatorLike;
  };
  const emulator = await new TwilioEmulator({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }).start();
  // The application: records the arrival of every frame, by the stream its path names.
  const arrivals = new Map<string, number[]>();
  const app = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  app.on('connection', (ws, req) => {
    const times = arrivals.get(req.url ?? '') ?? [];
    arrivals.set(req.url ?? '', times);
    ws.on('message', () => times.push(performance.now()));
  });
  await new Promise<void>((r) => app.once('listening', () => r()));
  const appUrl = `ws://127.0.0.1:${(app.address() as AddressInfo).port}`;
  const gw = await twilioCallGateway(ctx, 'media', emulator.url, { TRANSCRIBE_CALLS: 'off' });
  const lanes: { through: Lane; direct: Lane }[] = [];
  try {
    const client = twilio(ACCOUNT_SID, AUTH_TOKEN);
    client.api.baseUrl = gw.url;
    for (let k = 0; k < CALLS; k++) {
      const call = await client.calls.create({
        to: phoneAt(k),
        from: CALLING_NUMBER,
        twiml: `<Response><Connect><Stream url="${appUrl}/g${k}"/></Connect></Response>`,
      });
      const streamUrl = /<Stream url="([^"]+)"/.exec(await emulator.answer(call.sid))?.[1];
      if (!streamUrl?.includes('/twilio/media/')) throw new Error('media: the gateway did not route the stream through /twilio/media');
      const lane = async (url: string, path: string): Promise<Lane> => {
        const ws = await openStream(url);
        for (let i = 0; i < 200 && !arrivals.has(path); i++) await new Promise((r) => setTimeout(r, 1));
        return { ws, sent: [], arrived: arrivals.get(path) ?? [] };
      };
      lanes.push({ through: await lane(streamUrl.replace(/&amp;/g, '&'), `/g${k}`), direct: await lane(`${appUrl}/d${k}`, `/d${k}`) });
    }
    const seconds = p.name === 'smoke' ? 1 : 10;
    const warmupFrames = p.name === 'smoke' ? 5 : 50;
    const frames = Math.round((seconds * 1000) / FRAME_MS) + warmupFrames;
    const payload = randomBytes(160).toString('base64');
    const cpuBefore = gw.cpuSeconds();
    const started = performance.now();
    // Each call on its own 20 ms clock, the calls spread across the period, as independent calls are.
    await Promise.all(
      lanes.map(
        (pair, k) =>
          new Promise<void>((done) => {
            let n = 0;
            const tick = () => {
              const frame = JSON.stringify({
                event: 'media',
                sequenceNumber: String(n + 2),
                media: { track: 'inbound', chunk: String(n + 1), timestamp: String(n * FRAME_MS), payload },
                streamSid: `MZ${k}`,
              });
              const order = n % 2 === 0 ? [pair.through, pair.direct] : [pair.direct, pair.through];
              for (const l of order) {
                l.sent.push(performance.now());
                l.ws.send(frame);
              }
              if (++n >= frames) return done();
              setTimeout(tick, Math.max(0, started + (k * FRAME_MS) / CALLS + n * FRAME_MS - performance.now()));
            };
            setTimeout(tick, (k * FRAME_MS) / CALLS);
          }),
      ),
    );
    for (let i = 0; i < 2000 && lanes.some((l) => l.through.arrived.length < frames || l.direct.arrived.length < frames); i++)
      await new Promise((r) => setTimeout(r, 1));
    const elapsed = (performance.now() - started) / 1000;
    const cpuPerCallSecond = (gw.cpuSeconds() - cpuBefore) / (CALLS * elapsed);
    const delays = (pick: (l: { through: Lane; direct: Lane }) => Lane) =>
      lanes.flatMap((l) => {
        const lane = pick(l);
        if (lane.arrived.length < frames) throw new Error(`media: ${frames - lane.arrived.length} frames never arrived`);
        return lane.sent.slice(warmupFrames).map((t, i) => lane.arrived[i + warmupFrames] - t);
      });
    const through = summarize(delays((l) => l.through));
    const direct = summarize(delays((l) => l.direct));
    const added = { p50: round(through.p50 - direct.p50, 3), p99: round(through.p99 - direct.p99, 3) };
    const t = target(
      'twilio_media_added_p99',
      `Media Streams: latency the gateway adds per frame, ${CALLS} calls at 50 frames/s, p99`,
      added.p99,
      'max',
      1,
      ' ms',
      judge,
    );
    report.targets.push(t);
    report.results.media = {
      calls: CALLS,
      frames_per_call: frames - warmupFrames,
      through_ms: through,
      direct_ms: direct,
      added_ms: added,
      gateway_cpu_ms_per_call_second: round(cpuPerCallSecond * 1000, 3),
    };
    report.table.push({
      scenario: `Twilio Media Stream through /twilio/media:\nper-frame latency added (${CALLS} calls,\n50 frames/s each, ${frames - warmupFrames} frames a call)`,
      baseline: `the same frames straight to the app,\nsame ticks: p50 ${ms(direct.p50)}, p99 ${ms(direct.p99)}`,
      figure: `added p50 ${ms(added.p50)}, p99 ${ms(added.p99)}\ngateway CPU ${fmtNum(cpuPerCallSecond * 1000)} ms per call-second`,
      target: mark(t, judge),
    });
  } finally {
    for (const l of lanes) for (const s of [l.through.ws, l.direct.ws]) s.terminate();
    await new Promise<void>((r) => app.close(() => r()));
    await servers.stop(gw);
    await emulator.stop();
  }
}

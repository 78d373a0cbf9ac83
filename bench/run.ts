/**
 * `npm run bench` — what the gate adds to a call, side by side with a
 * baseline measured in the same run, and how it holds at ledger sizes from
 * 10,000 to 1,000,000 consents. Prints one table and writes
 * bench/results/latest.json (machine, every figure, every target).
 *
 * Servers under test are child processes (`node --import tsx
 * bench/servers/<x>.ts`) on loopback; the load (autocannon, the twilio SDK,
 * ws clients) runs here. Every run is bounded in time and in requests.
 *
 *   npm run bench                     the full bench (≈ 4–5 minutes; seeds cached in bench/.cache/)
 *   npm run bench -- --smoke          tiny sizes, 1-second runs, nothing judged (CI: npm run bench:smoke)
 *   npm run bench -- --only=precall,growth   some rows only
 *   npm run bench -- --cpu-prof       profile the gateway children; top frames printed, files in bench/.cache/profiles/
 *   npm run bench -- --cpu-prof --cpu-prof-interval=100   sample every 100 µs (default 1000)
 *   npm run bench -- --only=import --import-order=shuffled   the import of a CSV not sorted by phone
 *
 * Rows: precall, presend, twilio, growth, import, optout (detection + stream), redis.
 * Exit code 1 only when the harness itself failed (a server did not start,
 * errors instead of answers, a revocation not on disk), never for a missed target.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { measureDetection } from './optout';
import { API_KEY, ENTITY, CALLING_NUMBER, phoneAt, precallBody, presendBody } from './lib/fixtures';
import { machineInfo } from './lib/machine';
import { postJson, type LoadResult } from './lib/load';
import { mainThreadProfile, REPO_ROOT, spawnServer, type ChildServer } from './lib/proc';
import { FULL, SMOKE, type Profile } from './lib/profile';
import { fmtNum, mark, ms, renderTable, target, type TableRow, type Target } from './lib/report';
import { BENCH_DIR, dataDirWithCopy, sqliteSeed, sqliteSeedPath } from './lib/seed';
import { medianBy, minBy, round } from './lib/stats';
import { formatSummary, selfByModule, summarizeProfile } from './lib/cpuprofile';
import { AUTH, atRate, atRateAutocannon, DECISION_PATHS, peak, warm, type DecisionKind } from './scenarios/decisions';
import { importCsv, type ImportOrder } from './scenarios/import';
import { defaultParsers } from '../src/gate/importConsents';
import { streamRoundTrips } from './scenarios/stream';
import { ACCOUNT_SID, AUTH_TOKEN, sdkLoad, type SdkRun, type TwilioOp } from './scenarios/twilio';
import { readFileSync } from 'node:fs';

const ROWS = ['precall', 'presend', 'twilio', 'growth', 'import', 'optout', 'redis'] as const;
type RowName = (typeof ROWS)[number];

const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');
const p: Profile = smoke ? SMOKE : FULL;
const only = new Set((argv.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? ROWS) as RowName[]);
const cpuProf = argv.includes('--cpu-prof');
const cpuProfIntervalArg = argv.find((a) => a.startsWith('--cpu-prof-interval='))?.slice(20);
const cpuProfIntervalUs = cpuProfIntervalArg === undefined ? undefined : Number(cpuProfIntervalArg);
if (cpuProfIntervalUs !== undefined && !(Number.isInteger(cpuProfIntervalUs) && cpuProfIntervalUs > 0)) throw new Error(`--cpu-prof-interval: microseconds, a positive integer, not ${cpuProfIntervalArg}`);
if (cpuProfIntervalUs !== undefined && !cpuProf) throw new Error('--cpu-prof-interval goes with --cpu-prof');
const importOrder = (argv.find((a) => a.startsWith('--import-order='))?.slice(15) ?? 'sorted') as ImportOrder;
if (importOrder !== 'sorted' && importOrder !== 'shuffled') throw new Error(`--import-order: sorted or shuffled, not ${importOrder}`);
const profDir = cpuProf ? join(BENCH_DIR, '.cache', 'profiles', new Date().toISOString().replace(/[:.]/g, '-')) : undefined;
if (profDir) mkdirSync(profDir, { recursive: true });
for (const r of only) if (!ROWS.includes(r)) throw new Error(`--only: unknown row ${r}; rows are ${ROWS.join(', ')}`);

const started = performance.now();
const log = (s: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)}s] ${s}\n`);
const scratch = mkdtempSync(join(tmpdir(), 'cg-bench-run-'));
const failures: string[] = [];
const children: ChildServer[] = [];
const results: Record<string, unknown> = {};
const targets: Target[] = [];
const table: TableRow[] = [];
const judge = !smoke;

function gatewayEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    CONSENT_GATE_API_KEY: API_KEY,
    // The per-key limit (default 6000/min) would answer 429 to a load generator.
    RATE_LIMIT_PER_MINUTE: '1000000000',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    ...extra,
  };
}

async function start(name: string, script: string, env: Record<string, string>): Promise<ChildServer> {
  const server = await spawnServer(name, script, { env, cpuProfDir: profDir && script === 'gateway.ts' ? join(profDir, name) : undefined, cpuProfIntervalUs });
  children.push(server);
  return server;
}

async function stop(server: ChildServer): Promise<void> {
  await server.stop();
  children.splice(children.indexOf(server), 1);
  if (profDir && existsSync(join(profDir, server.name))) {
    const file = mainThreadProfile(join(profDir, server.name), server.pid);
    if (file) {
      const profile = JSON.parse(readFileSync(file, 'utf8'));
      const summary = summarizeProfile(profile, 30);
      const modules = selfByModule(profile, 30);
      log(`cpu profile of ${server.name} (${file}):\n${formatSummary(summary)}\n\nself    by module\n${modules.map((m) => `${(m.self * 100).toFixed(1).padStart(5)}%  ${m.module}`).join('\n')}`);
      (results.profiles ??= {}) as Record<string, unknown>;
      (results.profiles as Record<string, unknown>)[server.name] = { file, top_self: summary.self.slice(0, 15), top_total: summary.total.slice(0, 15), by_module: modules };
    }
  }
}

type Measured = LoadResult & { server_cpu_us_per_request: number };
/** The log's rewind holds met during a run: how many, and their mean. */
type RewindHolds = { count: number; mean_ms: number };

/** CPU the server used per answered request during fn, µs: steadier than wall-clock rates on a shared machine. */
async function withCpu<T extends { ok: number }>(server: ChildServer, fn: () => Promise<T>): Promise<T & { server_cpu_us_per_request: number }> {
  const c0 = server.cpuSeconds();
  const r = await fn();
  return { ...r, server_cpu_us_per_request: Math.round(((server.cpuSeconds() - c0) / Math.max(1, r.ok)) * 1e6) };
}

/** The rewind holds the gateway reported during fn (its consent_gate_sqlite_write_hold_seconds histogram). */
async function withHolds<T>(server: ChildServer, fn: () => Promise<T>): Promise<T & { rewind_holds: RewindHolds }> {
  const read = async () => {
    const text = await (await fetch(`${server.url}/metrics`, { headers: AUTH })).text();
    const value = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? 0);
    return { count: value('consent_gate_sqlite_write_hold_seconds_count'), sum: value('consent_gate_sqlite_write_hold_seconds_sum') };
  };
  const before = await read();
  const r = await fn();
  const after = await read();
  const count = after.count - before.count;
  return { ...r, rewind_holds: { count, mean_ms: count ? round(((after.sum - before.sum) / count) * 1000, 2) : 0 } };
}

function checkLoad(what: string, r: LoadResult, minAccepted = 0.5): void {
  const problems = [];
  if (r.ok === 0) problems.push('no 2xx answers');
  if (r.errors > 0) problems.push(`${r.errors} connection errors`);
  if (r.non2xx > 0) problems.push(`${r.non2xx} non-2xx answers`);
  if (r.accepted !== null && r.accepted < minAccepted) problems.push(`only ${(r.accepted * 100).toFixed(1)}% allowed`);
  if (problems.length) throw new Error(`${what}: ${problems.join(', ')}`);
}

async function row(name: RowName, fn: () => Promise<void>): Promise<void> {
  if (!only.has(name)) return;
  log(`— ${name}`);
  try {
    await fn();
  } catch (err) {
    const message = (err as Error).stack ?? String(err);
    failures.push(`${name}: ${message}`);
    log(`${name} FAILED: ${message}`);
    results[name] = { error: (err as Error).message };
    table.push({ scenario: name, baseline: '', figure: `FAILED: ${(err as Error).message.split('\n')[0].slice(0, 80)}`, target: '' });
  }
}

const twilioEmulatorPresent = existsSync(join(REPO_ROOT, 'test/emulators/twilio.ts'));

// ——— the gateway (and baseline) for precall, pre-send, the stream and Twilio ————————————
let gateway: ChildServer | null = null;
let gatewayDir = '';
let emulator: ChildServer | null = null;
let bare: ChildServer | null = null;
const decisionResults: Partial<Record<DecisionKind, Record<string, unknown>>> = {};

async function mainGateway(): Promise<ChildServer> {
  if (gateway) return gateway;
  const seed = await sqliteSeed(p.consents, log);
  log(`seed: ${p.consents.toLocaleString('en-US')} consents ${seed.cached ? 'from cache' : `built in ${seed.seconds.toFixed(1)} s`} (${(seed.bytes / 2 ** 20).toFixed(0)} MB)`);
  gatewayDir = dataDirWithCopy(seed.file);
  const extra: Record<string, string> = {};
  if (twilioEmulatorPresent && only.has('twilio')) {
    emulator = await start('twilio-emulator', 'twilioEmulator.ts', { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN });
    const configFile = join(scratch, 'gateway-config.json');
    // informational AI calls and texts: no quiet hours, so the forwarded path is taken at any hour of the run.
    writeFileSync(configFile, JSON.stringify({ entities: [{ name: ENTITY, numbers: [CALLING_NUMBER], purpose: 'informational', call_type: 'ai_voice', message_type: 'informational' }] }));
    Object.assign(extra, { TWILIO_API_BASE: emulator.url, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, CONSENT_GATE_CONFIG: configFile });
  }
  gateway = await start('gateway', 'gateway.ts', gatewayEnv(gatewayDir, extra));
  log(`gateway pid ${gateway.pid} on ${gateway.url} (${JSON.stringify(gateway.info)})`);
  return gateway;
}

async function bareExpress(): Promise<ChildServer> {
  if (bare) return bare;
  const gw = await mainGateway();
  // The baseline answers exactly what the gateway answered (same bytes, serialized per request).
  const responses: Record<string, unknown> = {};
  for (const kind of ['precall', 'presend'] as const) {
    const body = kind === 'precall' ? precallBody(phoneAt(p.consents - 1)) : presendBody(phoneAt(p.consents - 1));
    const r = await postJson(gw.url + DECISION_PATHS[kind], body, AUTH);
    if (r.status !== 200 || r.json.allowed !== true) throw new Error(`${kind}: expected an allowed answer, got ${r.status} ${JSON.stringify(r.json)}`);
    responses[DECISION_PATHS[kind]] = r.json;
  }
  const file = join(scratch, 'responses.json');
  writeFileSync(file, JSON.stringify(responses));
  bare = await start('bare-express', 'bareExpress.ts', { BENCH_RESPONSES: file });
  results.response_bytes = Object.fromEntries(Object.entries(responses).map(([k, v]) => [k, JSON.stringify(v).length]));
  return bare;
}

async function decisionRow(kind: DecisionKind): Promise<void> {
  const gw = await mainGateway();
  const base = await bareExpress();
  await warm(base, kind, p.consents, p);
  await warm(gw, kind, p.consents, p);
  // Alternating rounds (see Profile.decisionRounds): the median peak of each side, the best p99 at half peak.
  const bPeaks: Measured[] = [];
  const gPeaks: Measured[] = [];
  for (let i = 0; i < p.decisionRounds.peak; i++) {
    bPeaks.push(await withCpu(base, () => peak(base, kind, p.consents, p, 11 + 10 * i)));
    gPeaks.push(await withCpu(gw, () => peak(gw, kind, p.consents, p, 12 + 10 * i)));
    checkLoad(`${kind} gateway peak`, gPeaks[i], kind === 'presend' && smoke ? 0 : 0.5);
  }
  const bPeak = medianBy(bPeaks, (r) => r.rps);
  const gPeak = medianBy(gPeaks, (r) => r.rps);
  const bHalf: Measured[] = [];
  const gHalf: (Measured & { rewind_holds: RewindHolds })[] = [];
  for (let i = 0; i < p.decisionRounds.half; i++) {
    gHalf.push(await withCpu(gw, () => withHolds(gw, () => atRate(gw, kind, p.consents, p, gPeak.rps / 2, 13 + 10 * i))));
    bHalf.push(await withCpu(base, () => atRate(base, kind, p.consents, p, bPeak.rps / 2, 14 + 10 * i)));
    checkLoad(`${kind} gateway at 50%`, gHalf[i], kind === 'presend' && smoke ? 0 : 0.5);
  }
  const gFixed = minBy(gHalf, (r) => r.latency_ms.p99);
  const bFixed = minBy(bHalf, (r) => r.latency_ms.p99);
  // Cross-check with autocannon's overallRate (bursty pacing, see lib/paced.ts): recorded, not judged.
  const gBursty = await atRateAutocannon(gw, kind, p.consents, p, gPeak.rps / 2, 15, smoke ? 0.5 : 1);
  const ratio = gPeak.rps / bPeak.rps;
  const tRatio = target(`${kind}_throughput_ratio`, `${kind}: gateway/bare-express peak throughput`, round(ratio, 3), 'min', 0.6, '×', judge);
  const tP99 = target(`${kind}_p99_at_half_peak`, `${kind}: p99 at 50% of its peak rate`, gFixed.latency_ms.p99, 'max', 5, ' ms', judge);
  targets.push(tRatio, tP99);
  decisionResults[kind] = {
    bare: { peak: bPeak, at_half_peak: bFixed, rounds: { peak_rps: bPeaks.map((r) => r.rps), half_peak_p99_ms: bHalf.map((r) => r.latency_ms.p99) } },
    gateway: {
      peak: gPeak,
      at_half_peak: gFixed,
      at_half_peak_autocannon_overall_rate: gBursty,
      rounds: { peak_rps: gPeaks.map((r) => r.rps), half_peak_p99_ms: gHalf.map((r) => r.latency_ms.p99) },
    },
    throughput_ratio: round(ratio, 3),
  };
  results[kind] = { consents: p.consents, ...decisionResults[kind] };
  const label = kind === 'precall' ? 'POST /v1/precall, allowed path' : 'POST /v1/sms/pre-send, allowed path\n(frequency cap counted)';
  table.push({
    scenario: `${label}\nSQLite, ${p.consents.toLocaleString('en-US')} consents\npeak: autocannon ${p.peakConnections} conns, median of ${p.decisionRounds.peak}\n@50%: evenly paced, best p99 of ${p.decisionRounds.half}\n(rounds alternate with the baseline)`,
    baseline: `bare express, same JSON:\n${fmtNum(bPeak.rps)} req/s peak\n@50%: p50 ${ms(bFixed.latency_ms.p50)}, p99 ${ms(bFixed.latency_ms.p99)}`,
    figure: `${fmtNum(gPeak.rps)} req/s = ${fmtNum(ratio, 2)}× baseline\n@50% (${fmtNum(gFixed.rps)}/s): p50 ${ms(gFixed.latency_ms.p50)}, p99 ${ms(gFixed.latency_ms.p99)}\n@50%: WAL rewind holds ${gFixed.rewind_holds.count}, mean ${ms(gFixed.rewind_holds.mean_ms)}\nCPU ${fmtNum(gPeak.server_cpu_us_per_request)} µs/req vs ${fmtNum(bPeak.server_cpu_us_per_request)}`,
    target: `${mark(tRatio, judge)}\n${mark(tP99, judge)}`,
  });
}

async function streamRow(): Promise<void> {
  const gw = await mainGateway();
  const first = Math.floor(p.consents / 2);
  const r = await streamRoundTrips(gw, { connections: p.streamConnections, durationS: p.shortRunS, maxOps: Math.max(50, Math.floor(p.consents / 2) - 1), firstPhone: first });
  if (r.errors > 0 || r.round_trips === 0) throw new Error(`stream: ${r.errors} errors, ${r.round_trips} round trips`);
  // Durably committed: each opt_out was sent after its revocation's commit; check every one is in the file.
  const db = new Database(join(gatewayDir, 'consent-gate.db'), { readonly: true, fileMustExist: true });
  let onDisk = 0;
  try {
    const stmt = db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM revocations WHERE phone = ? AND org_id = 'org_default'");
    for (const phone of r.phones) onDisk += stmt.get(phone)!.n > 0 ? 1 : 0;
  } finally {
    db.close();
  }
  const { phones, ...rest } = r;
  (results.optout as Record<string, unknown>).stream_round_trip = { ...rest, revocations_on_disk: onDisk, calls: phones.length };
  if (onDisk < r.round_trips) throw new Error(`stream: ${r.round_trips} opt_out frames but only ${onDisk} revocations in the ledger`);
  table.push({
    scenario: `stream: final transcript → opt_out frame\n(revocation fsynced first; ws, distinct phones,\n${p.streamConnections} connections)`,
    baseline: '—',
    figure: `${fmtNum(r.ops_per_s)} opt-outs/s, p50 ${ms(r.latency_ms.p50)}, p99 ${ms(r.latency_ms.p99)}\n${onDisk.toLocaleString('en-US')}/${r.round_trips.toLocaleString('en-US')} revocations found on disk`,
    target: '—',
  });
}

/** Waits (at most 10 s) until a server uses under 5% of a core; answers the seconds waited. */
async function settle(server: ChildServer): Promise<number> {
  const started = performance.now();
  for (let before = server.cpuSeconds(); performance.now() - started < 10_000; ) {
    await new Promise((r) => setTimeout(r, 250));
    const now = server.cpuSeconds();
    if (now - before < 0.25 * 0.05) break;
    before = now;
  }
  return (performance.now() - started) / 1000;
}

async function twilioRow(): Promise<void> {
  if (!twilioEmulatorPresent) {
    results.twilio = { skipped: 'n/a (Twilio adapter not present)' };
    table.push({ scenario: 'Twilio calls.create / messages.create via gateway', baseline: 'SDK straight to the emulator', figure: 'n/a (Twilio adapter not present)', target: '' });
    return;
  }
  const gw = await mainGateway();
  const emu = emulator!;
  const lowerHalf = Math.max(1, Math.floor(p.consents / 2));
  const probe = await sdkLoad(gw.url, 'calls.create', { concurrency: 1, durationS: 5, maxOps: 1, consents: lowerHalf, seed: 1 });
  if (probe.ok !== 1) {
    results.twilio = { skipped: `n/a (Twilio adapter not answering: ${probe.first_error})` };
    table.push({ scenario: 'Twilio calls.create / messages.create via gateway', baseline: 'SDK straight to the emulator', figure: `n/a (Twilio adapter not present: ${probe.first_error})`, target: '' });
    return;
  }
  const out: Record<string, unknown> = {};
  const half = Math.min(1.5, p.runS / 2);
  const ops: TwilioOp[] = ['calls.create', 'messages.create'];
  const opts = (concurrency: number, seed: number) => ({ concurrency, durationS: half, maxOps: p.maxRequests, consents: lowerHalf, seed });
  // Warm every operation on both paths before measuring any: whichever operation was measured
  // first cost the gateway ~2× the CPU per call of the second (it was still being compiled).
  for (const op of [...ops, 'messages.list'] as TwilioOp[]) {
    await sdkLoad(emu.url, op, { ...opts(2, 3), durationS: p.warmupS });
    await sdkLoad(gw.url, op, { ...opts(2, 4), durationS: p.warmupS * 2 });
  }
  // One in flight, straight to the emulator and then through the gateway, with the gateway's own CPU per call.
  const oneAtATime = async (op: TwilioOp) => {
    // What ran before loaded this gateway at full speed: let it (and its checkpoint worker) settle first.
    const settled = await settle(gw);
    log(`twilio ${op}: gateway settled in ${settled.toFixed(1)} s`);
    const direct = await sdkLoad(emu.url, op, opts(1, 5));
    const cpuBefore = gw.cpuSeconds();
    const gated = await sdkLoad(gw.url, op, opts(1, 6));
    // How much of the added latency is work, not waiting.
    const cpuPerCall = ((gw.cpuSeconds() - cpuBefore) * 1e6) / Math.max(1, gated.ok + gated.failed);
    return { direct, gated, cpuPerCall, added50: gated.latency_ms.p50 - direct.latency_ms.p50, added99: gated.latency_ms.p99 - direct.latency_ms.p99 };
  };
  const checkRun = (op: TwilioOp, r: SdkRun) => {
    // Smoke sizes reuse few phones, so the daily texting cap legitimately blocks some messages there.
    if (r.ok === 0 || (!smoke && r.failed > r.ok * 0.01)) throw new Error(`twilio ${op} through the gateway: ${r.failed} failed, ${r.ok} ok (${r.first_error})`);
  };
  for (const op of ops) {
    const { direct: direct1, gated: gated1, cpuPerCall, added50, added99 } = await oneAtATime(op);
    const directN = await sdkLoad(emu.url, op, opts(p.twilioConcurrency, 7));
    const gatedN = await sdkLoad(gw.url, op, opts(p.twilioConcurrency, 8));
    checkRun(op, gated1);
    checkRun(op, gatedN);
    const ratio = gatedN.ops_per_s / directN.ops_per_s;
    const t = target(`twilio_${op}_added_p50`, `Twilio ${op}: added p50 latency through the gateway`, round(added50, 3), 'max', 1, ' ms', judge);
    targets.push(t);
    out[op] = { direct: { sequential: direct1, concurrent: directN }, gateway: { sequential: gated1, concurrent: gatedN }, added_ms: { p50: round(added50, 3), p99: round(added99, 3) }, gateway_cpu_us_per_call: Math.round(cpuPerCall), throughput_ratio: round(ratio, 3) };
    table.push({
      scenario: `Twilio ${op} (twilio-node SDK)\nthrough the gateway to the emulator\n(1 in flight for latency, ${p.twilioConcurrency} for throughput)`,
      baseline: `same SDK call straight to the emulator:\np50 ${ms(direct1.latency_ms.p50)}, p99 ${ms(direct1.latency_ms.p99)}\n${fmtNum(directN.ops_per_s)} calls/s`,
      figure: `added p50 ${ms(added50)}, p99 ${ms(added99)}\n${fmtNum(gatedN.ops_per_s)} calls/s = ${fmtNum(ratio, 2)}× direct\ngateway CPU ${fmtNum(cpuPerCall)} µs/call`,
      target: mark(t, judge),
    });
  }
  // The proxy hop alone: a request the gateway streams through without a decision. What the gated
  // creates add beyond this is the gate (decision, its commit, the disclosure); the rest is the hop.
  const list = await oneAtATime('messages.list');
  checkRun('messages.list', list.gated);
  out['messages.list'] = { direct: { sequential: list.direct }, gateway: { sequential: list.gated }, added_ms: { p50: round(list.added50, 3), p99: round(list.added99, 3) }, gateway_cpu_us_per_call: Math.round(list.cpuPerCall) };
  table.push({
    scenario: 'Twilio messages.list, not gated\n(streamed through: the proxy hop alone)\n(1 in flight)',
    baseline: `same SDK call straight to the emulator:\np50 ${ms(list.direct.latency_ms.p50)}, p99 ${ms(list.direct.latency_ms.p99)}`,
    figure: `added p50 ${ms(list.added50)}, p99 ${ms(list.added99)}\ngateway CPU ${fmtNum(list.cpuPerCall)} µs/call`,
    target: '(reference)',
  });
  results.twilio = out;
}

async function growthRow(): Promise<void> {
  const [small, large] = p.growth;
  const seeds = [];
  for (const n of [small, large]) {
    const s = await sqliteSeed(n, log);
    log(`seed: ${n.toLocaleString('en-US')} consents ${s.cached ? 'from cache' : `built in ${s.seconds.toFixed(1)} s`} (${(s.bytes / 2 ** 20).toFixed(0)} MB)`);
    seeds.push(s);
  }
  const dirs = seeds.map((s) => dataDirWithCopy(s.file));
  const servers = await Promise.all([start(`gateway-${small}`, 'gateway.ts', gatewayEnv(dirs[0])), start(`gateway-${large}`, 'gateway.ts', gatewayEnv(dirs[1]))]);
  try {
    // Same absolute rate for both: half the precall peak measured above (or a fixed one when that row did not run).
    const gwPeak = (decisionResults.precall?.gateway as { peak: LoadResult } | undefined)?.peak.rps;
    const rate = Math.max(50, Math.round((gwPeak ?? 1000) / 2));
    await Promise.all(servers.map((s, i) => warm(s, 'precall', p.growth[i], p)));
    const runs: (LoadResult & { rewind_holds: RewindHolds })[][] = [[], []];
    for (let round_ = 0; round_ < p.growthRounds; round_++) {
      for (const [i, s] of servers.entries()) {
        // The holds each run met, so a p99 made of one can be told from one made by the ledger's size.
        const r = await withHolds(s, () => atRate(s, 'precall', p.growth[i], { ...p, runS: p.shortRunS }, rate, 20 + round_));
        checkLoad(`growth ${p.growth[i]}`, r);
        runs[i].push(r);
      }
    }
    const bestP99 = runs.map((rs) => Math.min(...rs.map((r) => r.latency_ms.p99)));
    const bestP50 = runs.map((rs) => Math.min(...rs.map((r) => r.latency_ms.p50)));
    const ratio = bestP99[1] / bestP99[0];
    const holds = (i: number) => `WAL rewind holds per run: ${runs[i].map((r) => r.rewind_holds.count).join(', ')}`;
    const rss = servers[1].rssMb();
    const peakRss = servers[1].peakRssMb();
    // Anonymous memory (heaps) vs file pages: the node binary, and the ledger where it is read through its memory map
    // (a ledger larger than SQLITE_MMAP_MB at start is not mapped: see mapSize in sqliteLedger.ts).
    const split = servers[1].rssSplitMb();
    const tGrowth = target('growth_p99_ratio', `precall p99 with ${large} vs ${small} consents`, round(ratio, 3), 'max', 1.5, '×', judge);
    const tRss = target('rss_large_ledger', `gateway RSS with ${large} consents (SQLite)`, round(peakRss, 1), 'max', 300, ' MB', judge);
    targets.push(tGrowth, tRss);
    results.growth = {
      rate_per_s: rate,
      rounds: p.growthRounds,
      [small]: { runs: runs[0], best_p50: bestP50[0], best_p99: bestP99[0], rss_mb: round(servers[0].rssMb(), 1), peak_rss_mb: round(servers[0].peakRssMb(), 1) },
      [large]: { runs: runs[1], best_p50: bestP50[1], best_p99: bestP99[1], rss_mb: round(rss, 1), rss_anon_mb: round(split.anon, 1), rss_file_mb: round(split.file, 1), peak_rss_mb: round(peakRss, 1), db_mb: round(seeds[1].bytes / 2 ** 20, 0) },
      p99_ratio: round(ratio, 3),
    };
    table.push({
      scenario: `precall p99, ${small.toLocaleString('en-US')} vs ${large.toLocaleString('en-US')} consents\n(same rate ${rate}/s, best of ${p.growthRounds} alternating)\nRSS of the ${large.toLocaleString('en-US')}-consent gateway`,
      baseline: `itself at ${small.toLocaleString('en-US')}:\np50 ${ms(bestP50[0])}, p99 ${ms(bestP99[0])}\n${holds(0)}`,
      figure: `at ${large.toLocaleString('en-US')}: p50 ${ms(bestP50[1])}, p99 ${ms(bestP99[1])}\n= ${fmtNum(ratio, 2)}× p99\n${holds(1)}\nRSS ${fmtNum(rss)} MB (peak ${fmtNum(peakRss)} MB):\n${fmtNum(split.anon)} MB anonymous, ${fmtNum(split.file)} MB file-backed\n(the node binary; a ledger larger than\nthe map is not mapped)\nDB ${fmtNum(seeds[1].bytes / 2 ** 20)} MB`,
      target: `${mark(tGrowth, judge)}\n${mark(tRss, judge)}`,
    });
  } finally {
    for (const s of servers) await stop(s);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

async function importRow(): Promise<void> {
  const large = p.growth[1];
  // The first full run on a fresh checkout keeps the imported ledger as the large seed of the growth row: same
  // consents (same CSV fixtures, the same buildConsent + captureConsents path), a minute saved.
  const adopt = importOrder === 'sorted' && p.importRows === large && !existsSync(sqliteSeedPath(large));
  const r = await importCsv(p.importRows, importOrder, adopt ? (db) => (mkdirSync(join(BENCH_DIR, '.cache'), { recursive: true }), renameSync(db, sqliteSeedPath(large))) : undefined);
  const t = target('import_rows_per_s', `import of ${p.importRows} CSV rows`, r.rows_per_s, 'min', 50_000, ' rows/s', judge);
  targets.push(t);
  // The CLI's default: one parsing thread a core beside the writer's (importConsents.ts).
  const parsers = defaultParsers();
  results.import = { ...r, parsers, kept_as_seed: adopt };
  table.push({
    scenario: `import ${p.importRows.toLocaleString('en-US')} CSV rows (${importOrder === 'sorted' ? 'sorted by phone' : 'shuffled'})\ninto an empty SQLite ledger\n(${r.via === 'cli' ? 'consent-gate consents import --json' : 'importConsents job'}, own process,\n${parsers} parsing thread${parsers === 1 ? '' : 's'} beside the writer)`,
    baseline: '—',
    figure: `${fmtNum(r.rows_per_s)} rows/s (${fmtNum(r.seconds)} s end to end)\npeak RSS ${fmtNum(r.peak_rss_mb)} MB; CSV ${fmtNum(r.csv_mb)} MB → DB ${fmtNum(r.db_mb)} MB`,
    target: mark(t, judge),
  });
}

async function optoutRow(): Promise<void> {
  const share = Math.round((p.detectionS * 1000) / 3);
  const d = measureDetection({ throughputMs: Math.round(share * 1.3), baselineMs: Math.round(share * 0.4), latencyMs: Math.round(share * 1.3) });
  results.optout = { detection: d };
  table.push({
    scenario: `opt-out detection per utterance\n(detectOptOut over the ${d.utterances_in_set}-utterance eval set, bench/optout.ts)`,
    baseline: `text.toLowerCase().includes('stop'):\n${fmtNum(d.baseline.utterances_per_second)}/s`,
    figure: `${fmtNum(d.throughput.utterances_per_second)} utterances/s (${fmtNum(d.throughput.utterances_per_cpu_second)}/CPU-s)\np50 ${fmtNum(d.latency_us.p50)} µs, p99 ${fmtNum(d.latency_us.p99)} µs`,
    target: '—',
  });
  await streamRow();
}

async function redisRow(): Promise<void> {
  const skip = (why: string) => {
    results.redis = { skipped: why };
    table.push({ scenario: 'Redis engine: precall / pre-send', baseline: 'the SQLite figures above', figure: why, target: '' });
  };
  const { redisServerMissing, redisSeed, redisFromSeed } = await import('./lib/redis');
  const missing = redisServerMissing();
  if (missing) return skip(`n/a (${missing.split('.')[0]})`);
  let seed;
  try {
    seed = await redisSeed(p.consents, log);
  } catch (err) {
    return skip(`n/a (Redis engine not available: ${(err as Error).message.split('\n')[0]})`);
  }
  log(`redis seed: ${p.consents.toLocaleString('en-US')} consents ${seed.cached ? 'from cache' : `built in ${seed.seconds.toFixed(1)} s`}`);
  const redis = await redisFromSeed(seed.file);
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-redisgw-'));
  let gw: ChildServer;
  try {
    gw = await start('gateway-redis', 'gateway.ts', gatewayEnv(dir, { STORE: 'redis', REDIS_URL: redis.url }));
  } catch (err) {
    await redis.stop();
    if (/not available/.test((err as Error).message)) return skip('n/a (STORE=redis not available in this build)');
    throw err;
  }
  try {
    const out: Record<string, unknown> = {};
    for (const kind of ['precall', 'presend'] as DecisionKind[]) {
      await warm(gw, kind, p.consents, p);
      const short = { ...p, runS: p.shortRunS };
      const r = await withCpu(gw, () => peak(gw, kind, p.consents, short, 31));
      checkLoad(`redis ${kind} peak`, r, kind === 'presend' && smoke ? 0 : 0.5);
      const f = await atRate(gw, kind, p.consents, short, r.rps / 2, 32);
      checkLoad(`redis ${kind} at 50%`, f, kind === 'presend' && smoke ? 0 : 0.5);
      const sqlite = decisionResults[kind]?.gateway as { peak: LoadResult; at_half_peak: LoadResult } | undefined;
      const ratio = sqlite ? r.rps / sqlite.peak.rps : NaN;
      out[kind] = { peak: r, at_half_peak: f, throughput_vs_sqlite: round(ratio, 3) };
      table.push({
        scenario: `Redis engine (appendfsync always): ${DECISION_PATHS[kind]}\n${p.consents.toLocaleString('en-US')} consents`,
        baseline: sqlite ? `SQLite, same run:\n${fmtNum(sqlite.peak.rps)} req/s, p99@50% ${ms(sqlite.at_half_peak.latency_ms.p99)}` : 'SQLite row not run',
        figure: `${fmtNum(r.rps)} req/s = ${fmtNum(ratio, 2)}× SQLite\n@50%: p50 ${ms(f.latency_ms.p50)}, p99 ${ms(f.latency_ms.p99)}\nCPU ${fmtNum(r.server_cpu_us_per_request)} µs/req`,
        target: '—',
      });
    }
    results.redis = out;
  } finally {
    await stop(gw);
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const machine = machineInfo();
  log(`consent-gate bench (${p.name}) on ${machine.nproc} × ${machine.cpu_model}, node ${machine.node}, load ${machine.load_average_at_start.join(' ')}`);
  await row('precall', () => decisionRow('precall'));
  await row('presend', () => decisionRow('presend'));
  // Twilio before the stream row: the stream revokes the upper half of the seeded phones, Twilio calls the lower half.
  await row('twilio', twilioRow);
  await row('optout', optoutRow);
  for (const s of [gateway, bare, emulator]) if (s) await stop(s);
  if (gatewayDir) rmSync(gatewayDir, { recursive: true, force: true });
  await row('import', importRow);
  await row('growth', growthRow);
  await row('redis', redisRow);

  const seconds = (performance.now() - started) / 1000;
  const doc = {
    bench: 'consent-gate',
    profile: p,
    machine,
    load_average_at_end: (await import('node:os')).loadavg().map((x) => round(x, 2)),
    total_seconds: round(seconds, 1),
    settings: {
      log_level: process.env.BENCH_LOG_LEVEL ?? 'info',
      rate_limit_per_minute: 1_000_000_000,
      load_generator: 'autocannon (this process); servers are child processes on 127.0.0.1',
      latency: 'per-response durations from autocannon, percentiles computed here (ms, float)',
    },
    targets,
    results,
    failures,
  };
  const file = join(BENCH_DIR, 'results', smoke ? 'smoke.json' : only.size === ROWS.length ? 'latest.json' : 'partial.json');
  mkdirSync(join(BENCH_DIR, 'results'), { recursive: true });
  writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
  const header = `consent-gate bench${smoke ? ' --smoke (tiny sizes, 1 s runs: figures not judged)' : ''} — ${machine.nproc} cores (${machine.cpu_model}), node ${machine.node}, ${machine.date}, load avg ${machine.load_average_at_start[0]} → ${doc.load_average_at_end[0]}`;
  process.stdout.write(`\n${header}\n\n${renderTable(table)}\n\n`);
  const judged = targets.filter((t) => t.met !== null);
  if (judge) process.stdout.write(`targets met: ${judged.filter((t) => t.met).length}/${judged.length}${targets.length > judged.length ? ` (${targets.length - judged.length} not measured)` : ''}\n`);
  process.stdout.write(`written ${file.replace(REPO_ROOT + '/', '')} in ${seconds.toFixed(0)} s\n`);
  if (failures.length) {
    process.stdout.write(`\nharness failures:\n${failures.map((f) => '  ' + f.split('\n')[0]).join('\n')}\n`);
    process.exitCode = 1;
  }
}

const cleanup = async () => {
  for (const c of [...children]) await c.stop().catch(() => {});
  rmSync(scratch, { recursive: true, force: true });
};
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
main()
  .catch((err) => {
    process.stderr.write(`bench failed: ${(err as Error).stack}\n`);
    process.exitCode = 1;
  })
  .finally(cleanup);

/**
 * Where a precall's and a pre-send's time goes, in one process: the gateway
 * built as `npm start` builds it (loadConfig, startGateway) on a copy of the
 * bench's seeded SQLite ledger, then
 * - `chain`: the fast lane's handler chain without its socket (key check,
 *   body parse, zod, the route's use case, the answer serialised), driven by
 *   many concurrent requests as a load generator would, so that the turn's
 *   group commit batches them as it does under load: CPU µs and wall time
 *   per request, and the promises each request makes (async_hooks);
 * - `steps` (this tree only): each step of a decision timed alone, and the
 *   ledger's statements timed inside real decisions.
 *
 * `--root=DIR` measures another checkout (an older tree) with the same
 * driver; only `chain` runs there. The machine may be shared: run trees
 * alternately and compare medians. Prints one JSON line.
 *
 * `--rules-ab` (this tree only) alternates rounds between the shipped state
 * rule set and an empty one in the same process, on the same ledger: what
 * the state rules cost a decision, apart from everything else the tree does.
 * With `--covered-too`, the rounds without rules also leave out the ledger's
 * covered-contact bookkeeping (the count a state cap reads and adds to).
 * `--without-rules` runs every round (and the warm-up) that way, without the
 * state rules and their bookkeeping: for `--callgrind`, which counts a whole
 * process, against a run of the same tree with them.
 *
 * `--callgrind`: when run under `valgrind --tool=callgrind --instr-atstart=no`,
 * the measured rounds alone are instrumented (callgrind_control on this
 * process), so the instructions a request costs are counted apart from start
 * and warm-up, unmoved by how loaded the machine is (see docs/performance.md).
 *
 *   npx tsx bench/jobs/decisionCost.ts [--root=DIR] [--consents=100000] [--requests=20000] [--rounds=5] [--concurrency=32] [--kinds=precall,presend] [--chain-only] [--rules-ab [--covered-too] | --without-rules]
 */
import { createHook } from 'node:async_hooks';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stepTimings, type Loaded } from './decisionSteps';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    consents: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '32' },
    kinds: { type: 'string', default: 'precall,presend' },
    'chain-only': { type: 'boolean', default: false },
    'rules-ab': { type: 'boolean', default: false },
    'covered-too': { type: 'boolean', default: false },
    'without-rules': { type: 'boolean', default: false },
    callgrind: { type: 'boolean', default: false },
  },
});
const ownRoot = resolve(import.meta.dirname, '../..');
const root = resolve(values.root ?? ownRoot);
const consents = Number(values.consents);
const requests = Number(values.requests);
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);
const kinds = values.kinds!.split(',') as ('precall' | 'presend')[];

const load = (path: string) => import(pathToFileURL(join(root, path)).href);
const [seed, env, fixtures, config, server, auth, rateLimit, validation, routes] = await Promise.all(
  [
    'bench/lib/seed.ts',
    'bench/lib/gatewayEnv.ts',
    'bench/lib/fixtures.ts',
    'src/config.ts',
    'src/server.ts',
    'src/http/auth.ts',
    'src/http/rateLimit.ts',
    'src/http/validate.ts',
    'src/http/routes/decisions.ts',
  ].map(load),
);

const log = (s: string) => process.stderr.write(`${s}\n`);
const { file } = await seed.sqliteSeed(consents, log);
const dataDir: string = seed.dataDirWithCopy(file);
// Warnings only: the access log is not on this path, and stdout carries the result.
const gateway = await server.startGateway(config.loadConfig({ ...env.gatewayEnv(dataDir), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' }));
const ctx = gateway.ctx;
const authorizeAs = auth.authorizer(ctx, new rateLimit.TokenBuckets(), { perMinute: env.BENCH_RATE_LIMIT_PER_MINUTE, revokeFloorPerMinute: 6000 });
// Newer trees read the key and the address from the request itself (three parameters); older ones took them apart.
const requestLike = (authorization: string, remoteAddress: string) => ({ headers: { authorization }, socket: { remoteAddress } });
const authorize = (scope: string, optOut: boolean, authorization: string, remote: string) =>
  authorizeAs.length === 3 ? authorizeAs(scope, optOut, requestLike(authorization, remote)) : authorizeAs(scope, optOut, authorization, remote);
const byPath = new Map<string, Route>(routes.decisionRoutes(ctx).map((r: Route) => [r.path, r]));
const authorization = `Bearer ${fixtures.API_KEY}`;

interface Route {
  path: string;
  scope: string;
  body: unknown;
  handler(req: unknown, input: { body: unknown; query: undefined }): Promise<{ body: unknown; json?: string }>;
}

// The shipped rule set and an empty one, for --rules-ab (the policy object is the gateway's own: swapped between rounds).
const shippedRules = ctx.policy.stateRules;
const withoutRules = values['without-rules'];
const noRulesSet =
  values['rules-ab'] || withoutRules ? (await load('src/domain/stateLaw/ruleSet.ts')).parseRuleSet({ version: 'none', rules: [] }).ruleSet : undefined;
// Rounds alternate only for --rules-ab; --without-rules keeps the rules off throughout.
const noRules = values['rules-ab'] ? noRulesSet : undefined;
type Keys = { covered?: unknown };
type Decide = (org: string, phone: string, keys: Keys, decide: unknown) => Promise<unknown>;
const ledger = ctx.ledger as unknown as { decideCall: Decide; decideSend: Decide };
const shippedLedger = { decideCall: ledger.decideCall, decideSend: ledger.decideSend };
// The keys the ledger is handed with no covered window: it neither reads nor adds to the covered-contact count.
const uncovered =
  (method: Decide): Decide =>
  (org, phone, keys, decide) =>
    method.call(ctx.ledger, org, phone, { ...keys, covered: undefined }, decide);
const useRules = (withRules: boolean) => {
  (ctx.policy as { stateRules: unknown }).stateRules = withRules ? shippedRules : noRulesSet;
  if (!values['covered-too'] && !withoutRules) return;
  ledger.decideCall = withRules ? shippedLedger.decideCall : uncovered(shippedLedger.decideCall);
  ledger.decideSend = withRules ? shippedLedger.decideSend : uncovered(shippedLedger.decideSend);
};

if (withoutRules) useRules(false);

const loaded: Loaded = { root, fixtures, ctx, authorize, validate: validation.validate, byPath, authorization };

/** One request as the fast lane serves it once its body is read: key, parse, validate, use case, serialise. */
async function serve(route: Route, body: Buffer): Promise<string> {
  const apiKey = await authorize(route.scope, false, authorization, '127.0.0.1');
  const json = JSON.parse(body.toString('utf8'));
  const input = validation.validate(route.body, json);
  const result = await route.handler({ apiKey, params: {}, requestId: 'req_decision_cost' }, { body: input, query: undefined });
  // As sendJson: a body the use case serialised already (newer trees) is sent as it is.
  return result.json ?? JSON.stringify(result.body);
}

/** Bodies over the whole seeded set, in a fixed pseudo-random order (the bench's phones). */
function bodies(kind: string, n: number, seedValue: number): Buffer[] {
  const make = kind === 'precall' ? fixtures.precallBody : fixtures.presendBody;
  let x = seedValue >>> 0 || 1;
  return Array.from({ length: n }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return Buffer.from(make(fixtures.phoneAt((x >>> 0) % consents)));
  });
}

async function drive(route: Route, batch: Buffer[], workers: number): Promise<number> {
  let next = 0;
  let allowed = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < batch.length) {
        const answer = await serve(route, batch[next++]);
        if (answer.startsWith('{"allowed":true')) allowed++;
      }
    }),
  );
  return allowed;
}

/** wchar of /proc/self/io: every thread's writes, the checkpointer's too (0 where there is no /proc). */
function bytesWritten(): number {
  try {
    return Number(/^wchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Under callgrind (--callgrind), counts instructions only while a measured round runs. */
function instrument(on: boolean): void {
  if (values.callgrind) execFileSync('callgrind_control', ['-i', on ? 'on' : 'off', String(process.pid)], { stdio: 'ignore' });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round1 = (x: number) => Math.round(x * 10) / 10;

interface ChainResult {
  /** The process's CPU, every thread (the WAL checkpointer's and the GC's too). */
  cpu_us_per_request: number;
  wall_us_per_request: number;
  /** Bytes the process handed to write(2) and friends (the log's pages, the checkpointer's copies): not disturbed by a loaded machine. */
  bytes_written_per_request: number;
  allowed_share: number;
  promises_per_request: number;
  rounds_cpu_us: number[];
  /** --rules-ab: the median CPU of the rounds without any state rule, and their rounds (the others are with the shipped rules). */
  without_rules?: { cpu_us_per_request: number; rounds_cpu_us: number[] };
}

async function chain(kind: string): Promise<ChainResult> {
  const route = byPath.get(kind === 'precall' ? '/v1/precall' : '/v1/sms/pre-send')!;
  await drive(route, bodies(kind, Math.min(requests, 5000), 7), concurrency);
  const cpu: number[] = [];
  const cpuWithout: number[] = [];
  const wall: number[] = [];
  const written: number[] = [];
  let allowed = 0;
  for (let r = 0; r < (noRules ? 2 * rounds : rounds); r++) {
    // ABBA: which side runs first alternates pair by pair, since the first round of a pair was found to cost more.
    const withRules = !noRules || r % 4 === 0 || r % 4 === 3;
    if (noRules) useRules(withRules);
    const batch = bodies(kind, requests, 11 + (noRules ? r >> 1 : r));
    global.gc?.();
    instrument(true);
    const w0 = bytesWritten();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    allowed += await drive(route, batch, concurrency);
    const t1 = performance.now();
    const c = process.cpuUsage(c0);
    instrument(false);
    if (!withRules) {
      cpuWithout.push((c.user + c.system) / requests);
      continue;
    }
    cpu.push((c.user + c.system) / requests);
    written.push((bytesWritten() - w0) / requests);
    wall.push(((t1 - t0) * 1000) / requests);
  }
  if (noRules) useRules(true);
  // Promises made per request, one request at a time (the hook itself slows things, so apart from the timing).
  const counted = bodies(kind, 2000, 99);
  let promises = 0;
  const hook = createHook({
    init(_id, type) {
      if (type === 'PROMISE') promises++;
    },
  });
  hook.enable();
  for (const b of counted) await serve(route, b);
  hook.disable();
  return {
    cpu_us_per_request: round1(median(cpu)),
    wall_us_per_request: round1(median(wall)),
    bytes_written_per_request: Math.round(median(written)),
    allowed_share: Math.round((allowed / (requests * (noRules ? 2 * rounds : rounds))) * 1000) / 1000,
    promises_per_request: round1(promises / counted.length),
    rounds_cpu_us: cpu.map(round1),
    ...(noRules ? { without_rules: { cpu_us_per_request: round1(median(cpuWithout)), rounds_cpu_us: cpuWithout.map(round1) } } : {}),
  };
}

const result: Record<string, unknown> = { root, consents, requests, rounds, concurrency };
for (const kind of kinds) result[kind] = await chain(kind);
if (!values['chain-only'] && root === ownRoot) for (const kind of kinds) result[`${kind}_steps`] = await stepTimings(loaded, kind, consents);
// What every major collection has to mark: the gateway's live heap once the rounds are done (after a full collection when run with --expose-gc).
global.gc?.();
result.heap_used_mb = Math.round(process.memoryUsage().heapUsed / 1e5) / 10;
process.stdout.write(`${JSON.stringify(result)}\n`);
await gateway.close();
rmSync(dataDir, { recursive: true, force: true });

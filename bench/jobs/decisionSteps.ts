/**
 * The `steps` part of decisionCost.ts: each step of a precall or pre-send
 * timed alone on this tree (one request at a time, many phones), and the
 * ledger's statements and its turn transaction timed inside real decisions
 * by wrapping them on the running ledger's instances. Times are µs per
 * request, the best of the rounds (the least disturbed on a shared machine).
 */
import { auditText, decisionBody } from '../../src/ledger/auditChain';
import type { Decision } from '../../src/domain/records';
import { decidePrecall, type PrecallFacts } from '../../src/domain/checks/precall';
import { decidePresend, type PresendFacts } from '../../src/domain/checks/presend';
import { timeZonesForNumber } from '../../src/domain/time/timezones';
import type { GateContext } from '../../src/gate/context';
import { dncListsFor } from '../../src/gate/doNotCall';
import { consumerJurisdictions } from '../../src/gate/jurisdictions';
import { precall } from '../../src/gate/precall';
import { presend } from '../../src/gate/presend';
import { reassignedPlanFor } from '../../src/gate/reassignedNumbers';

export interface Loaded {
  root: string;
  // biome-ignore lint/suspicious/noExplicitAny: the bench's fixtures module, loaded from a root given at run time
  fixtures: any;
  ctx: GateContext;
  authorize: (scope: string, optOut: boolean, authorization: string, remote: string) => Promise<{ org_id: string }>;
  validate: (schema: unknown, json: unknown) => unknown;
  byPath: Map<string, { scope: string; body: unknown }>;
  authorization: string;
}

const ROUNDS = 5;
const PER_ROUND = 4000;

type Timed = Record<string, number>;

/** Per-request µs of each step, the best of the rounds; each round walks PER_ROUND phones. */
export async function stepTimings(l: Loaded, kind: string, consents: number): Promise<Record<string, number>> {
  const rounds: Timed[] = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await oneRound(l, kind, consents, r));
  const out: Record<string, number> = {};
  for (const name of Object.keys(rounds[0])) {
    const xs = rounds.map((t) => t[name] ?? 0).sort((a, b) => a - b);
    out[name] = Math.round(xs[0] * 100) / 100;
  }
  return out;
}

async function oneRound(l: Loaded, kind: string, consents: number, round: number): Promise<Timed> {
  const { ctx, fixtures } = l;
  const route = l.byPath.get(kind === 'precall' ? '/v1/precall' : '/v1/sms/pre-send')!;
  const phones = Array.from({ length: PER_ROUND }, (_, i) => fixtures.phoneAt((i * 7919 + round * 104_729) % consents) as string);
  const bodyOf = (phone: string) => (kind === 'precall' ? fixtures.precallBody(phone) : fixtures.presendBody(phone)) as string;
  const t: Timed = {};
  const add = (name: string, ms: number) => (t[name] = (t[name] ?? 0) + (ms * 1000) / PER_ROUND);
  let start: number;
  let orgId = '';
  // biome-ignore lint/suspicious/noExplicitAny: the validated body, whichever route
  const inputs: any[] = [];
  for (const phone of phones) {
    start = performance.now();
    orgId = (await l.authorize(route.scope, false, l.authorization, '127.0.0.1')).org_id;
    add('auth (awaited)', performance.now() - start);
    const raw = Buffer.from(bodyOf(phone));
    start = performance.now();
    inputs.push(l.validate(route.body, JSON.parse(raw.toString('utf8'))));
    add('body parse + zod', performance.now() - start);
  }
  for (const phone of phones) {
    start = performance.now();
    await dncListsFor(ctx, orgId, phone);
    add('dncListsFor (awaited)', performance.now() - start);
    start = performance.now();
    await reassignedPlanFor(ctx, orgId, phone);
    add('reassignedPlanFor (awaited)', performance.now() - start);
  }
  const facts = [];
  for (const phone of phones) {
    start = performance.now();
    facts.push(await ctx.ledger.contactFacts(orgId, phone));
    add('contact facts read (awaited, own read)', performance.now() - start);
  }
  for (let i = 0; i < phones.length; i++) {
    const phone = phones[i];
    const input = inputs[i];
    start = performance.now();
    const zones = timeZonesForNumber(phone);
    add('time zones of number', performance.now() - start);
    start = performance.now();
    const jurisdictions = consumerJurisdictions(ctx, phone, undefined, facts[i].consents);
    add('jurisdictions', performance.now() - start);
    const base = { orgId, consents: facts[i].consents, revocations: facts[i].revocations, stateRules: ctx.policy.stateRules, jurisdictions };
    const common = { ...base, maxAgeMonths: ctx.policy.maxAgeMonths, recipientZones: zones, coveredContactsInWindow: 0, emergencies: [] };
    start = performance.now();
    if (kind === 'precall') {
      const f: PrecallFacts = {
        ...common,
        at: input.call_at,
        entity: input.calling_entity,
        purpose: input.purpose,
        callType: input.call_type,
        callingCountry: 'US',
        adversaryCountries: ctx.policy.adversaryCountries,
        callingWindow: ctx.policy.callingWindow,
      };
      decidePrecall(f);
    } else {
      const f: PresendFacts = {
        ...common,
        at: input.send_at,
        entity: input.sending_entity,
        messageType: input.message_type,
        quietWindow: ctx.policy.smsWindow,
        sentThisMonth: 0,
        monthlyQuota: ctx.policy.defaultMonthlyQuota,
        sentToday: 0,
        dailyCap: ctx.policy.smsDailyCap,
      };
      decidePresend(f);
    }
    add('chain (consent, time of contact, state rules)', performance.now() - start);
  }
  // The whole use case, with the ledger's statements and its turn timed from inside.
  const timers = instrumentLedger(ctx, add);
  const responses: unknown[] = [];
  try {
    for (let i = 0; i < phones.length; i++) {
      start = performance.now();
      responses.push(kind === 'precall' ? await precall(ctx, { ...inputs[i], orgId }) : await presend(ctx, { ...inputs[i], orgId }));
      add('use case, whole (awaited, one commit each)', performance.now() - start);
    }
  } finally {
    timers.restore();
  }
  for (const r of responses) {
    start = performance.now();
    JSON.stringify(r);
    add('answer serialised', performance.now() - start);
  }
  const stored = await ctx.ledger.listDecisions(orgId, { limit: 200 });
  for (let i = 0; i < PER_ROUND; i++) {
    const d = stored.items[i % stored.items.length] as Decision;
    start = performance.now();
    JSON.stringify(d);
    add('decision row JSON', performance.now() - start);
    start = performance.now();
    auditText(decisionBody(d));
    add('audit entry text', performance.now() - start);
  }
  return t;
}

type Wrapped = { target: Record<string, unknown>; key: string; original: unknown };

/** Wraps the ledger's prepared statements, its turn's run and end, with timers; `restore` unwraps. */
function instrumentLedger(ctx: GateContext, add: (name: string, ms: number) => void): { restore(): void } {
  const wrapped: Wrapped[] = [];
  const wrap = (target: Record<string, unknown>, key: string, name: string) => {
    const original = target[key] as (...a: unknown[]) => unknown;
    if (typeof original !== 'function') return;
    wrapped.push({ target, key, original });
    target[key] = function (this: unknown, ...args: unknown[]) {
      const s = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        add(name, performance.now() - s);
      }
    };
  };
  // biome-ignore lint/suspicious/noExplicitAny: the SQLite engine's private parts, for timing only
  const ledger = ctx.ledger as any;
  if (!ledger.store) return { restore() {} };
  for (const [name, stmt] of Object.entries(ledger.store.stmt as Record<string, Record<string, unknown>>))
    for (const m of ['run', 'get', 'all']) wrap(stmt, m, `sql ${name}`);
  wrap(ledger.counts.bumpRow, 'run', 'sql dailyCounts.bump');
  wrap(ledger.emergencies.dataVersion, 'get', 'sql PRAGMA data_version');
  wrap(ledger.emergencies.notEnded, 'all', 'sql emergencies not ended');
  wrap(ledger.store.turn, 'run', 'turn.run (sync part: savepoint, read, decide, write)');
  wrap(ledger.store.turn, 'end', 'turn.end (commit, sync level)');
  return {
    restore() {
      for (const w of wrapped.reverse()) w.target[w.key] = w.original;
    },
  };
}

/**
 * The optout row: the detector over the eval set (bench/optout.ts) against
 * the cheapest possible check, then the agent stream's round trip from a
 * final transcript to the opt_out frame on the shared gateway.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { BenchContext } from '../lib/context';
import { fmtNum, ms } from '../lib/report';
import { measureDetection } from '../optout';
import { streamRoundTrips } from '../scenarios/stream';

export async function optoutRow(ctx: BenchContext): Promise<void> {
  const { p, report } = ctx;
  const share = Math.round((p.detectionS * 1000) / 3);
  const d = measureDetection({ throughputMs: Math.round(share * 1.3), baselineMs: Math.round(share * 0.4), latencyMs: Math.round(share * 1.3) });
  report.results.optout = { detection: d };
  report.table.push({
    scenario: `opt-out detection per utterance\n(detectOptOut over the ${d.utterances_in_set}-utterance eval set, bench/optout.ts)`,
    baseline: `text.toLowerCase().includes('stop'):\n${fmtNum(d.baseline.utterances_per_second)}/s`,
    figure: `${fmtNum(d.throughput.utterances_per_second)} utterances/s (${fmtNum(d.throughput.utterances_per_cpu_second)}/CPU-s)\np50 ${fmtNum(d.latency_us.p50)} µs, p99 ${fmtNum(d.latency_us.p99)} µs`,
    target: '—',
  });
  await streamRoundTrip(ctx);
}

/** Revokes the upper half of the seeded phones, one distinct phone a call; the Twilio row calls the lower half. */
async function streamRoundTrip(ctx: BenchContext): Promise<void> {
  const { p, report } = ctx;
  const gw = await ctx.shared.gateway();
  const first = Math.floor(p.consents / 2);
  const r = await streamRoundTrips(gw, {
    connections: p.streamConnections,
    durationS: p.shortRunS,
    maxOps: Math.max(50, Math.floor(p.consents / 2) - 1),
    firstPhone: first,
  });
  if (r.errors > 0 || r.round_trips === 0) throw new Error(`stream: ${r.errors} errors, ${r.round_trips} round trips`);
  const onDisk = revocationsOnDisk(join(ctx.shared.dataDir, 'consent-gate.db'), r.phones);
  const { phones, ...rest } = r;
  (report.results.optout as Record<string, unknown>).stream_round_trip = { ...rest, revocations_on_disk: onDisk, calls: phones.length };
  if (onDisk < r.round_trips) throw new Error(`stream: ${r.round_trips} opt_out frames but only ${onDisk} revocations in the ledger`);
  report.table.push({
    scenario: `stream: final transcript → opt_out frame\n(revocation fsynced first; ws, distinct phones,\n${p.streamConnections} connections)`,
    baseline: '—',
    figure: `${fmtNum(r.ops_per_s)} opt-outs/s, p50 ${ms(r.latency_ms.p50)}, p99 ${ms(r.latency_ms.p99)}\n${onDisk.toLocaleString('en-US')}/${r.round_trips.toLocaleString('en-US')} revocations found on disk`,
    target: '—',
  });
}

/** Durably committed: each opt_out was sent after its revocation's commit, so every one must be in the file. */
function revocationsOnDisk(dbFile: string, phones: string[]): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  let onDisk = 0;
  try {
    const stmt = db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM revocations WHERE phone = ? AND org_id = 'org_default'");
    for (const phone of phones) onDisk += stmt.get(phone)!.n > 0 ? 1 : 0;
  } finally {
    db.close();
  }
  return onDisk;
}

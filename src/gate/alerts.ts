/**
 * What needs a compliance officer's attention now, for one org: a do-not-call copy too old to rely
 * on, opt-outs waiting in the local fallback queue (the store was down when they came), network
 * opt-outs not yet delivered to the peers, and — for an admin, since carriers' webhooks are the
 * deployment's and not an org's — carrier webhooks refused for a bad signature since the gateway
 * started.
 *
 * The queue and the signature count live in the running gateway, not the store; the composition
 * root hands them in as `AlertSources`. Counts of other orgs' records are never told.
 */
import type { ApiKey } from '../domain/records';
import { isStaleCopy, DNC_FRESH_DAYS } from '../domain/checks/doNotCall';
import { isRegistryList } from '../domain/dnc/lists';
import type { GateContext } from './context';

export interface AlertSources {
  /** Opt-outs of the org waiting in this gateway's fallback queue. */
  queuedOptOuts?(orgId: string): number;
  /** Carrier webhooks this gateway refused for a bad or missing signature since it started. */
  webhookSignatureFailures?(): Promise<number>;
}

export type AlertCode = 'dnc_stale' | 'opt_outs_queued' | 'network_outbox_backlog' | 'webhook_signature_failures';

export interface Alert {
  code: AlertCode;
  message: string;
  count: number;
}

/** How many undelivered outbox messages are looked at; a backlog beyond it is reported as at least this many. */
export const OUTBOX_LOOK = 1000;
const FAR_FUTURE = '9999-12-31T23:59:59.999Z';

export async function alertsFor(ctx: GateContext, key: ApiKey, sources: AlertSources): Promise<Alert[]> {
  const orgId = key.org_id;
  const now = ctx.clock.now();
  const alerts: Alert[] = [];
  const lists = ctx.dnc ? await ctx.dnc.lists(orgId) : [];
  for (const l of lists) {
    if (isRegistryList(l.list) && isStaleCopy(l.as_of, now)) {
      alerts.push({
        code: 'dnc_stale',
        count: 1,
        message: `The ${l.list} do-not-call copy is as of ${l.as_of}, more than ${DNC_FRESH_DAYS} days old: import a fresh copy.`,
      });
    }
  }
  const queued = sources.queuedOptOuts?.(orgId) ?? 0;
  if (queued > 0) {
    alerts.push({
      code: 'opt_outs_queued',
      count: queued,
      message: `${queued} opt-out(s) wait in the local fallback queue: the store could not be reached when they came.`,
    });
  }
  // Every undelivered message, due now or waiting for its next attempt (dueOutbox up to the end of time).
  const undelivered = await ctx.ledger.dueOutbox(FAR_FUTURE, OUTBOX_LOOK);
  const backlog = undelivered.filter((m) => (m.payload as { org_id?: unknown }).org_id === orgId).length;
  if (backlog > 0) {
    alerts.push({
      code: 'network_outbox_backlog',
      count: backlog,
      message: `${backlog} network-wide opt-out(s) not yet acknowledged by the network peers.`,
    });
  }
  if (key.scopes.includes('admin') && sources.webhookSignatureFailures) {
    const failures = await sources.webhookSignatureFailures();
    if (failures > 0) {
      alerts.push({
        code: 'webhook_signature_failures',
        count: failures,
        message: `${failures} carrier webhook(s) refused for a bad or missing signature since the gateway started: check the carrier's auth token, or someone is forging requests.`,
      });
    }
  }
  return alerts;
}

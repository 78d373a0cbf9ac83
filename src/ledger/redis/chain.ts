/**
 * Appending to a subject's audit chain. The hash is computed here (Redis' Lua
 * has no SHA-256) over the head read before the write; the script writes
 * only if the head is still that one (scripts/records.ts), else the append
 * is recomputed over the new head.
 */
import { chainHashOf, type AuditText } from '../auditChain';
import { isSuppressionKey, LedgerUnavailableError } from '../ledger';
import { indexSubject } from './scripts/indexes';
import { delIfEqual } from './scripts/conditionalDelete';
import { REPLY, type ChainReply, type ChainStep } from './scripts/records';
import type { RedisStore } from './store';
import { scoreOf } from './time';

/** Chain-head races are retried; this many in a row means something is wrong. */
export const MAX_CAS_ATTEMPTS = 100;

/** An audit entry as the subject's list keeps it: previous hash, hash, and the body (its canonical JSON, spliced in as is). */
export const storedEntry = (prev: string, hash: string, text: AuditText) => `{"p":${JSON.stringify(prev)},"h":"${hash}","b":${text.canonical}}`;

/**
 * Appends `text` to the chain of (org, phone) with `write(step)`, where
 * `step.expected` is the head the phone's slot must still hold ('' = none),
 * recomputing the hash whenever another writer moved it first.
 *
 * A subject with no head under its phone may have one under its key (the
 * retention job moved the whole chain there): the entry continues that
 * chain, and the head comes back to the phone — the key's copy is deleted
 * and the org lists name the phone again.
 *
 * `heads` is what `readHeads` answered, when the caller read it beside
 * other work.
 */
export async function appendChained(
  store: RedisStore,
  orgId: string,
  phone: string,
  text: AuditText,
  write: (step: ChainStep) => Promise<ChainReply>,
  heads?: [string, string],
): Promise<ChainReply> {
  let [head, moved] = heads ?? (await readHeads(store, orgId, phone));
  await store.listOrg(orgId);
  for (let i = 0; i < MAX_CAS_ATTEMPTS; i++) {
    const chainPrev = head || moved;
    const hash = chainHashOf(chainPrev, text.canonical);
    const reply = await write({ expected: head, hash, entry: storedEntry(chainPrev, hash, text) });
    if (reply[0] === REPLY.written && !head) await headCreated(store, orgId, phone, text.at, moved);
    if (reply[0] !== REPLY.headMoved) return reply;
    head = reply[1] ?? '';
    moved = head ? '' : await movedHead(store, orgId, phone);
  }
  throw new LedgerUnavailableError('audit chain head kept moving; giving up');
}

/** The chain head under the phone ('' = none) and, with a keying, the one under its key, read in parallel. */
export function readHeads(store: RedisStore, orgId: string, phone: string): Promise<[string, string]> {
  return Promise.all([store.client.get(store.keys.subject(orgId, phone).head).then((h) => h ?? ''), movedHead(store, orgId, phone)]);
}

/** The chain head under the phone's suppression key, '' when there is none (or no keying). */
export async function movedHead(store: RedisStore, orgId: string, phone: string): Promise<string> {
  const key = store.altKey(phone);
  return key ? ((await store.client.get(store.keys.subject(orgId, key).head)) ?? '') : '';
}

/**
 * The phone's slot got a head (a new subject, or a chain continued from
 * the key): list the subject again, after the write, so that it follows a
 * retention job that dropped the phone from the lists while the write was
 * under way (retention.ts). Without a keying there is no chain to
 * continue and no retention job in this process; the write's own index
 * step listed the subject, so no extra round trip.
 */
export async function headCreated(store: RedisStore, orgId: string, phone: string, at: string, movedHead: string): Promise<void> {
  if (!store.suppression) return;
  const o = store.keys.org(orgId);
  const key = movedHead ? store.altKey(phone)! : '';
  // A suppression key is never a retention candidate (it names no phone to anonymise).
  const score = isSuppressionKey(phone) ? '' : scoreOf(at);
  await Promise.all([
    indexSubject(store.scripts, o, { phone, score, droppedKey: key }),
    key ? delIfEqual(store.scripts, store.keys.subject(orgId, key).head, movedHead) : null,
  ]);
}

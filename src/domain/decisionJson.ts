/**
 * A decision's answer serialised once. The answer is written twice as it
 * stands: inside the decision's stored row and as the HTTP reply. Both take
 * the same string, made the first time either asks for it.
 *
 * Why per answer object: an answer is made whole by the gate and not changed
 * afterwards (the row stored and the reply sent must say the same thing), so
 * its JSON cannot go stale; a WeakMap lets it go with the answer.
 */
import type { Decision } from './records';

const serialised = new WeakMap<object, string>();

/** `JSON.stringify(answer)`, made once per answer object. */
export function answerJson(answer: object): string {
  let json = serialised.get(answer);
  if (json === undefined) {
    json = JSON.stringify(answer);
    serialised.set(answer, json);
  }
  return json;
}

/**
 * `JSON.stringify(d)`, byte for byte, for a decision whose keys are in the order of the Decision
 * record (the order the gate makes them in, and a stored row parses back to): the answer is
 * spliced in from `answerJson`, so the reply reuses it instead of serialising it again.
 */
export function decisionJson(d: Decision): string {
  const before = JSON.stringify({
    id: d.id,
    org_id: d.org_id,
    kind: d.kind,
    phone: d.phone,
    entity: d.entity,
    allowed: d.allowed,
    reason: d.reason,
    request: d.request,
    // A key added to the Decision record and not written here would be dropped from the stored row: this fails to compile instead.
  } satisfies Record<Exclude<keyof Decision, 'response' | 'decided_at'>, unknown>);
  return `${before.slice(0, -1)},"response":${answerJson(d.response)},"decided_at":${JSON.stringify(d.decided_at)}}`;
}

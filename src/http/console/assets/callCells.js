/** How a call reads in a list: shared by the Calls page and a number's own page. */
import { h } from './dom.js';

/** When the call began for the consumer: the answer, else the precall decision, else its first event. */
export const callTime = (c) => c.answered_at ?? c.gated_at ?? c.events[0]?.at ?? null;

export const duration = (seconds) => (seconds === null || seconds === undefined ? '—' : `${seconds} s`);

/**
 * Whether the AI disclosure started within its window after the answer: yes, no, or unknown while a
 * time is missing. A call that needed no disclosure (a human voice, most agent-stream calls) says so
 * rather than "unknown", which would read as a gap in the evidence.
 */
export function disclosureVerdict(c) {
  if (!c.disclosure) return h('span', { class: 'muted', 'data-disclosure': 'none' }, 'none required');
  const w = c.disclosure.within_window;
  if (w === true) return h('span', { class: 'in-window', 'data-disclosure': 'yes' }, '✓ yes');
  if (w === false) return h('span', { class: 'blocked', 'data-disclosure': 'no' }, '✗ no');
  return h('span', { class: 'unknown', 'data-disclosure': 'unknown' }, '? unknown');
}

export function callLink(c, text) {
  return h('a', { href: `#/calls/${encodeURIComponent(c.id)}` }, text);
}

/** A call's status as a word, "in progress" while no status was heard yet. */
export const statusOf = (c) => c.status ?? (c.ended_at ? 'ended' : 'in progress');

/**
 * One call's record: the disclosure timing with where each time came from, the keys pressed, each
 * opt-out with its offset and the consumer's words (as text), every event, and the evidence
 * certificate one click away. The phone is whole here, as on a number's own page.
 */
import { api, ApiError } from './api.js';
import { duration, statusOf } from './callCells.js';
import { evidenceLink, h, heading, message, numberLink, section, table } from './dom.js';

/** Seconds matter on a call's timeline, so its times show them (minutes elsewhere in the console). */
const at = (iso) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : '—');

const secondsBetween = (from, to) => (from && to ? (Date.parse(to) - Date.parse(from)) / 1000 : null);

/** An offset from the answer as a person reads it: "+6.4 s", "−2 s" before it, "—" when unknown. */
function offset(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const rounded = Math.round(seconds * 10) / 10;
  return `${rounded < 0 ? '−' : '+'}${Math.abs(rounded)} s`;
}

function facts(record) {
  const row = (label, value) => h('div', {}, h('dt', {}, label), h('dd', {}, value ?? '—'));
  return h(
    'dl',
    { class: 'facts' },
    row('Phone', numberLink(record.phone, record.phone)),
    row('Entity', record.entity),
    row('Carrier', record.carrier),
    row('Carrier call id', h('code', {}, record.carrier_call_id)),
    row('Call id', h('code', {}, record.id)),
    row('Decision', record.decision_id ? h('code', {}, record.decision_id) : null),
    row('Status', statusOf(record)),
    row('Duration', duration(record.duration_seconds)),
    record.hangup_cause ? row('Hang-up cause', record.hangup_cause) : null,
  );
}

function disclosureVerdict(record) {
  const d = record.disclosure;
  if (!d) return message('info', 'This call needed no AI disclosure.');
  const late = offset(secondsBetween(record.answered_at, d.started_at));
  const window = `its ${d.delivery_window_seconds}-second window`;
  if (d.within_window === true) return message('ok', `✓ Within the window: the disclosure started ${late} after the answer, inside ${window}.`);
  if (d.within_window === false) return message('error', `✗ Not within the window: the disclosure started ${late} after the answer, later than ${window}.`);
  const missing = !record.answered_at ? 'the answer' : 'the start of the disclosure';
  return message('info', `? Unknown: the gateway did not hear ${missing}, so whether the disclosure started within ${window} cannot be said.`);
}

function timing(record) {
  const d = record.disclosure;
  const s = record.sources;
  const moments = [
    ['Precall decision', record.gated_at, s.gated_at],
    ['Answered', record.answered_at, s.answered_at],
    d ? ['Disclosure started', d.started_at, s.disclosure_started_at] : null,
    d ? ['Disclosure said in full (by)', d.completed_at, s.disclosure_completed_at] : null,
    ['Ended', record.ended_at, s.ended_at],
  ].filter(Boolean);
  return table(
    'Disclosure timing',
    ['Moment', 'Time', 'From the answer', 'Where the time comes from'],
    moments.map(([label, time, source]) => [label, at(time), time ? offset(secondsBetween(record.answered_at, time)) : '—', source ?? 'not heard']),
  );
}

function disclosureSection(record) {
  const d = record.disclosure;
  return section(
    'Disclosure',
    disclosureVerdict(record),
    d ? h('p', {}, 'Script ', h('code', {}, d.version), ': ', h('q', {}, d.script)) : null,
    timing(record),
  );
}

export async function callPage(main, id) {
  let record;
  try {
    record = await api(`/v1/calls/${encodeURIComponent(id)}`);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404) throw err;
    main.replaceChildren(
      heading('Call not found'),
      message('info', 'This organisation holds no call with that id.'),
      h('p', {}, h('a', { href: '#/calls' }, 'All calls')),
    );
    return;
  }
  main.replaceChildren(
    heading(`Call to ${record.phone}`),
    h('p', { class: 'actions' }, evidenceLink(record.evidence_url, 'Evidence certificate'), ' ', h('a', { href: '#/calls' }, 'All calls')),
    facts(record),
    disclosureSection(record),
    section(
      'Keys pressed',
      table(
        'Keys pressed',
        ['Key', 'Time', 'From the answer'],
        record.dtmf.map((k) => [h('code', {}, k.digit), at(k.at), offset(secondsBetween(record.answered_at, k.at))]),
        'No key pressed.',
      ),
    ),
    section(
      'Opt-outs',
      table(
        'Opt-outs',
        ['How', 'Time', 'From the answer', 'Words', 'Revocation'],
        record.opt_outs.map((o) => [
          o.trigger ?? '—',
          at(o.at),
          offset(o.offset_seconds),
          o.transcript ?? '—',
          o.revocation_id ? h('code', {}, o.revocation_id) : 'queued (store was down)',
        ]),
        'No opt-out on this call.',
      ),
    ),
    section(
      'Events',
      table(
        'Events',
        ['Time', 'Event', 'Source'],
        record.events.map((e) => [at(e.at), e.kind, e.source]),
      ),
    ),
  );
}

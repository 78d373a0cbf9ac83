/** Number: everything the org holds about one phone — consents, opt-outs, decisions, calls, its audit chain — with evidence links. */
import { api } from './api.js';
import { callLink, callTime, disclosureVerdict, duration, statusOf } from './callCells.js';
import { day, evidenceLink, h, heading, message, section, table, utc } from './dom.js';

function lookupForm(value) {
  const input = h('input', { id: 'phone', name: 'phone', type: 'tel', autocomplete: 'off', required: true, value: value ?? '', placeholder: '+12125550143' });
  return h(
    'form',
    {
      class: 'inline',
      role: 'search',
      onsubmit: (e) => {
        e.preventDefault();
        location.hash = `#/number/${encodeURIComponent(input.value.trim())}`;
      },
    },
    h('label', { for: 'phone' }, 'Phone number'),
    input,
    h('button', { type: 'submit' }, 'Look up'),
  );
}

function chainStatus(chain) {
  if (!chain.length) return message('info', 'No audit chain: the org holds no record of this number.');
  return chain.verified
    ? message('ok', `✓ Audit chain verified: ${chain.length} entr${chain.length === 1 ? 'y' : 'ies'}, each linked to the one before.`)
    : message('error', `✗ Audit chain broken at entry ${chain.first_broken_seq}: the history of this number was altered.`);
}

export async function numberPage(main, { rest }) {
  const phone = rest ? decodeURIComponent(rest) : '';
  if (!phone) {
    main.replaceChildren(
      heading('Number'),
      h('p', {}, 'Everything held about one phone number: consents, opt-outs, decisions and its audit chain.'),
      lookupForm(),
    );
    return;
  }
  // Both routes normalise the phone as typed alike, so the two reads go together.
  const [record, calls] = await Promise.all([
    api(`/v1/number?phone=${encodeURIComponent(phone)}`),
    api(`/v1/calls?phone=${encodeURIComponent(phone)}&limit=100`),
  ]);
  main.replaceChildren(
    heading(`Number ${record.phone}`),
    lookupForm(record.phone),
    chainStatus(record.chain),
    section(
      'Consents',
      record.consents === null
        ? message('info', 'This key lacks the consent:read scope.')
        : table(
            'Consents',
            ['Entity', 'Type', 'Covers', 'Captured', 'Status', ''],
            record.consents.map((c) => [c.calling_entity, c.type, c.scope.join(', '), utc(c.captured_at), c.status, evidenceLink(c.evidence_url)]),
            'No consent on file.',
          ),
    ),
    section(
      'Opt-outs',
      table(
        'Opt-outs',
        ['Entity', 'How', 'Captured', 'Honor by', 'Words', ''],
        record.revocations.map((r) => [
          r.scope === 'all' ? 'all entities' : r.calling_entity,
          r.trigger,
          utc(r.captured_at),
          day(r.honor_by_date),
          r.transcript ?? '—',
          evidenceLink(r.evidence_url),
        ]),
        'No opt-out recorded by this org.',
      ),
      record.network_opt_outs.length
        ? message('info', `Also opted out network-wide through another organisation (${record.network_opt_outs.map((n) => day(n.captured_at)).join(', ')}).`)
        : null,
    ),
    section(
      'Decisions',
      table(
        'Decisions',
        ['Decided', 'Check', 'Entity', 'Outcome', ''],
        record.decisions.data.map((d) => [
          utc(d.decided_at),
          d.kind,
          d.entity,
          d.allowed ? 'allowed' : h('span', { class: 'blocked' }, `blocked: ${d.reason}`),
          evidenceLink(d.evidence_url),
        ]),
        'No decision about this number.',
      ),
      record.decisions.next_cursor ? h('p', { class: 'muted' }, 'Only the first 100 decisions are shown; the Decisions API lists the rest.') : null,
    ),
    section(
      'Calls',
      table(
        'Calls',
        ['When', 'Entity', 'Carrier', 'Status', 'Duration', 'Disclosure in window', 'Opt-outs', ''],
        calls.data.map((c) => [
          callLink(c, utc(callTime(c))),
          c.entity ?? '—',
          c.carrier,
          statusOf(c),
          duration(c.duration_seconds),
          disclosureVerdict(c),
          String(c.opt_outs.length),
          evidenceLink(c.evidence_url),
        ]),
        'No call to this number.',
      ),
      calls.next_cursor
        ? h(
            'p',
            { class: 'muted' },
            'Only the first 100 calls are shown. ',
            h('a', { href: `#/calls?phone=${encodeURIComponent(record.phone)}` }, 'All calls to this number'),
          )
        : null,
    ),
  );
}

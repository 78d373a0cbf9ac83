/** Calls: the org's call records filtered by phone and UTC days, 50 a page, each opening its detail. */
import { api, ApiError } from './api.js';
import { callPage } from './call.js';
import { callLink, callTime, disclosureVerdict, duration, statusOf } from './callCells.js';
import { h, heading, message, numberLink, table, utc } from './dom.js';
import { maskPhone } from './phone.js';

const nextDay = (d) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Call records are audit records: without audit:read (or admin) the page says so instead of asking. */
export const canReadCalls = (session) => session.admin || session.key.scopes.includes('audit:read');

function filterForm(params) {
  const field = (id, label, control) => h('div', { class: 'field' }, h('label', { for: id }, label), control);
  const form = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      onsubmit: (e) => {
        e.preventDefault();
        const q = new URLSearchParams();
        for (const [k, v] of new FormData(form)) if (String(v).trim()) q.set(k, String(v).trim());
        location.hash = `#/calls?${q}`;
      },
    },
    field('call-phone', 'Phone', h('input', { id: 'call-phone', name: 'phone', type: 'tel', autocomplete: 'off', value: params.get('phone') ?? '' })),
    field('call-from', 'From (UTC day)', h('input', { id: 'call-from', name: 'from', type: 'date', value: params.get('from') ?? '' })),
    field('call-to', 'To (UTC day)', h('input', { id: 'call-to', name: 'to', type: 'date', value: params.get('to') ?? '' })),
    h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Filter')),
  );
  return form;
}

/** A list row: masked phone (whole on the number's page and the call's own). */
const listRow = (c) => [
  callLink(c, utc(callTime(c))),
  numberLink(c.phone, maskPhone(c.phone)),
  c.entity ?? '—',
  c.carrier,
  statusOf(c),
  duration(c.duration_seconds),
  disclosureVerdict(c),
  String(c.opt_outs.length),
];

export async function callsPage(main, context) {
  if (!canReadCalls(context.session)) {
    main.replaceChildren(heading('Calls'), message('info', 'Call records are shown to keys with the audit:read scope.'));
    return;
  }
  if (context.rest) return callPage(main, decodeURIComponent(context.rest));
  const params = new URLSearchParams(context.query);
  const q = new URLSearchParams({ limit: '50' });
  for (const k of ['phone', 'after']) if (params.get(k)) q.set(k, params.get(k));
  if (params.get('from')) q.set('from', `${params.get('from')}T00:00:00Z`);
  if (params.get('to')) q.set('to', `${nextDay(params.get('to'))}T00:00:00Z`);
  let page;
  try {
    page = await api(`/v1/calls?${q}`);
  } catch (err) {
    // A mistyped filter is the person's to fix: keep the form, say what the gateway refused.
    if (!(err instanceof ApiError) || err.status !== 400) throw err;
    const fields = Object.entries(err.details).map(([field, why]) => `${field}: ${why}`);
    main.replaceChildren(heading('Calls'), filterForm(params), message('error', `The filter was refused (${fields.join('; ') || err.message}).`));
    return;
  }
  const next = new URLSearchParams(params);
  if (page.next_cursor) next.set('after', page.next_cursor);
  main.replaceChildren(
    heading('Calls'),
    filterForm(params),
    h(
      'p',
      { class: 'muted', id: 'call-count' },
      `${page.data.length} call${page.data.length === 1 ? '' : 's'} shown, oldest first. Open a call for its disclosure timing and evidence.`,
    ),
    table(
      'Calls',
      ['When', 'Phone', 'Entity', 'Carrier', 'Status', 'Duration', 'Disclosure in window', 'Opt-outs'],
      page.data.map(listRow),
      'No call matches.',
    ),
    page.next_cursor ? h('p', {}, h('a', { href: `#/calls?${next}`, class: 'button' }, 'Next page')) : null,
    params.get('after') ? h('p', {}, h('a', { href: '#/calls' }, 'Back to the first page')) : null,
  );
}

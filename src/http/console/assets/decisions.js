/** Decisions: filtered by outcome, reason, entity and UTC days, newest filters kept in the address so Back works. */
import { api, apiDocument } from './api.js';
import { h, heading, message, numberLink, table, utc } from './dom.js';
import { maskPhone } from './phone.js';

const nextDay = (d) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function reasons() {
  const doc = await apiDocument();
  const param = doc.paths['/v1/decisions'].get.parameters.find((p) => p.name === 'reason');
  return param?.schema?.enum ?? [];
}

function filterForm(params, reasonList) {
  const field = (id, label, control) => h('div', { class: 'field' }, h('label', { for: id }, label), control);
  const select = (id, options, value) =>
    h(
      'select',
      { id, name: id },
      options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
    );
  const form = h(
    'form',
    {
      class: 'filters',
      onsubmit: (e) => {
        e.preventDefault();
        const q = new URLSearchParams();
        for (const [k, v] of new FormData(form)) if (String(v).trim()) q.set(k, String(v).trim());
        location.hash = `#/decisions?${q}`;
      },
    },
    field(
      'outcome',
      'Outcome',
      select(
        'outcome',
        [
          ['', 'any'],
          ['allowed', 'allowed'],
          ['blocked', 'blocked'],
        ],
        params.get('outcome') ?? '',
      ),
    ),
    field('reason', 'Reason', select('reason', [['', 'any'], ...reasonList.map((r) => [r, r])], params.get('reason') ?? '')),
    field('entity', 'Entity', h('input', { id: 'entity', name: 'entity', value: params.get('entity') ?? '' })),
    field('from', 'From (UTC day)', h('input', { id: 'from', name: 'from', type: 'date', value: params.get('from') ?? '' })),
    field('to', 'To (UTC day)', h('input', { id: 'to', name: 'to', type: 'date', value: params.get('to') ?? '' })),
    h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Filter')),
  );
  return form;
}

export async function decisionsPage(main, { query }) {
  const params = new URLSearchParams(query);
  const q = new URLSearchParams({ limit: '50' });
  for (const k of ['outcome', 'reason', 'entity', 'after']) if (params.get(k)) q.set(k, params.get(k));
  if (params.get('from')) q.set('from', `${params.get('from')}T00:00:00Z`);
  if (params.get('to')) q.set('to', `${nextDay(params.get('to'))}T00:00:00Z`);
  const [page, reasonList] = await Promise.all([api(`/v1/decisions?${q}`), reasons()]);
  const next = new URLSearchParams(params);
  if (page.next_cursor) next.set('after', page.next_cursor);
  main.replaceChildren(
    heading('Decisions'),
    filterForm(params, reasonList),
    h('p', { class: 'muted', id: 'decision-count' }, `${page.data.length} decision${page.data.length === 1 ? '' : 's'} shown, oldest first.`),
    table(
      'Decisions',
      ['Decided', 'Phone', 'Check', 'Entity', 'Outcome'],
      page.data.map((d) => [
        utc(d.decided_at),
        numberLink(d.phone, maskPhone(d.phone)),
        d.kind,
        d.entity,
        d.allowed ? 'allowed' : h('span', { class: 'blocked' }, `blocked: ${d.reason}`),
      ]),
      'No decision matches.',
    ),
    page.next_cursor ? h('p', {}, h('a', { href: `#/decisions?${next}`, class: 'button' }, 'Next page')) : null,
    params.get('after') ? h('p', {}, h('a', { href: '#/decisions' }, 'Back to the first page')) : null,
    page.data.length === 0 && page.next_cursor ? message('info', 'None matched in the decisions read so far; the next page reads on.') : null,
  );
}

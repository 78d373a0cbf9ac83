/** Overview: today's decisions by outcome and reason, 30 days of opt-outs, the honor-by dates ahead, and alerts. */
import { api } from './api.js';
import { barChart } from './chart.js';
import { day, h, heading, message, numberLink, section, table, utc } from './dom.js';
import { maskPhone } from './phone.js';

const DAY_MS = 86_400_000;

function todaySection(stats) {
  const rows = stats.data;
  const total = (outcome) => rows.filter((r) => r.outcome === outcome).reduce((n, r) => n + r.count, 0);
  const byReason = new Map();
  for (const r of rows.filter((x) => x.outcome === 'blocked')) {
    const entry = byReason.get(r.reason) ?? { precall: 0, presend: 0 };
    entry[r.kind] += r.count;
    byReason.set(r.reason, entry);
  }
  const allowed = total('allowed');
  const blocked = total('blocked');
  return section(
    `Today (${stats.to}, UTC)`,
    h(
      'dl',
      { class: 'figures' },
      h('div', {}, h('dt', {}, 'Decisions'), h('dd', { id: 'decisions-total' }, String(allowed + blocked))),
      h('div', {}, h('dt', {}, 'Allowed'), h('dd', { id: 'decisions-allowed' }, String(allowed))),
      h('div', { class: blocked ? 'warn' : '' }, h('dt', {}, 'Blocked'), h('dd', { id: 'decisions-blocked' }, String(blocked))),
    ),
    table(
      'Blocked today by reason',
      ['Reason', 'Calls', 'Texts', ''],
      [...byReason.entries()]
        .sort((a, b) => b[1].precall + b[1].presend - (a[1].precall + a[1].presend))
        .map(([reason, n]) => [
          h('code', {}, reason),
          String(n.precall),
          String(n.presend),
          h('a', { href: `#/decisions?reason=${encodeURIComponent(reason)}` }, 'See decisions'),
        ]),
      'Nothing was blocked today.',
    ),
  );
}

function optOutSection(optOuts) {
  const total = optOuts.data.reduce((n, d) => n + d.count, 0);
  const points = optOuts.data.map((d) => ({ label: d.day, short: d.day.slice(5), value: d.count }));
  return section(
    'Opt-outs per day, last 30 days',
    h('p', { class: 'muted' }, `${total} opt-out${total === 1 ? '' : 's'} from ${optOuts.from} to ${optOuts.to} (UTC days).`),
    h('figure', { class: 'chart-box' }, barChart(points, { title: `Opt-outs per day from ${optOuts.from} to ${optOuts.to}: ${total} in all` })),
  );
}

function honorBySection(due, now) {
  return section(
    'Opt-outs to honor',
    h('p', { class: 'muted' }, 'Opt-outs whose honor-by date is still ahead, soonest first. Contacts must stop by that date.'),
    table(
      'Opt-outs whose honor-by date is ahead',
      ['Phone', 'Entity', 'How', 'Recorded', 'Honor by', 'Days left'],
      due.data.map((r) => {
        const left = Math.ceil((Date.parse(r.honor_by_date) - now) / DAY_MS);
        return [
          numberLink(r.phone, maskPhone(r.phone)),
          r.scope === 'all' ? 'all entities' : (r.calling_entity ?? '—'),
          r.trigger,
          utc(r.created_at),
          day(r.honor_by_date),
          h('span', { class: left <= 3 ? 'soon' : '' }, String(left)),
        ];
      }),
      'No opt-out is waiting for its honor-by date.',
    ),
  );
}

function alertSection(alerts) {
  return section(
    'Alerts',
    alerts.data.length
      ? h(
          'ul',
          { class: 'alerts' },
          alerts.data.map((a) => h('li', { class: 'alert', 'data-code': a.code }, h('strong', {}, a.code.replaceAll('_', ' ')), ': ', a.message)),
        )
      : message('ok', 'No alerts: lists are fresh, nothing is queued.'),
  );
}

export async function overviewPage(main) {
  const [stats, optOuts, due, alerts] = await Promise.all([
    api('/v1/stats/decisions'),
    api('/v1/stats/opt-outs'),
    api('/v1/revocations?limit=50'),
    api('/v1/alerts'),
  ]);
  main.replaceChildren(heading('Overview'), alertSection(alerts), todaySection(stats), optOutSection(optOuts), honorBySection(due, Date.now()));
}

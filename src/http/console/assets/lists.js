/** Lists: the org's do-not-call lists, each with the date of its copy, its age and whether it is too old to rely on. */
import { api } from './api.js';
import { h, heading, message, table } from './dom.js';

export async function listsPage(main, { session }) {
  if (!session.admin) {
    main.replaceChildren(heading('Do-not-call lists'), message('info', 'The do-not-call lists are shown to keys with the admin scope.'));
    return;
  }
  const lists = await api('/v1/dnc');
  main.replaceChildren(
    heading('Do-not-call lists'),
    h('p', { class: 'muted' }, 'Each list the org imported. A registry copy older than its freshness window no longer protects the contacts it covers.'),
    table(
      'Do-not-call lists',
      ['List', 'Copy as of', 'Age', 'Numbers', 'Area codes', 'State'],
      lists.data.map((l) => [
        h('code', {}, l.list),
        l.as_of,
        `${l.age_days} day${l.age_days === 1 ? '' : 's'}`,
        l.entries.toLocaleString('en-US'),
        String(l.area_codes.length),
        l.stale ? h('span', { class: 'stale' }, 'stale: import a fresh copy') : 'fresh',
      ]),
      'No do-not-call list imported yet.',
    ),
  );
}

/**
 * The console's shell: sign-in, the page list, and a router over the address's fragment
 * (#/page/detail?query), so Back, Forward and bookmarks work and nothing reaches the server's logs.
 * The API key is typed once into the sign-in form and sent to /console/session; it is kept nowhere
 * in the browser.
 */
import { ApiError, session, useSession } from './api.js';
import { callsPage } from './calls.js';
import { decisionsPage } from './decisions.js';
import { h, message } from './dom.js';
import { keysPage } from './keys.js';
import { listsPage } from './lists.js';
import { numberPage } from './number.js';
import { overviewPage } from './overview.js';

// `needs`: the scope the page's reads ask for, named to a person whose key lacks it.
const PAGES = [
  { path: 'overview', label: 'Overview', render: overviewPage, needs: 'audit:read' },
  { path: 'number', label: 'Number', render: numberPage, needs: 'audit:read' },
  { path: 'decisions', label: 'Decisions', render: decisionsPage, needs: 'audit:read' },
  { path: 'calls', label: 'Calls', render: callsPage, needs: 'audit:read' },
  { path: 'lists', label: 'Lists', render: listsPage, needs: 'admin' },
  { path: 'keys', label: 'Keys', render: keysPage, needs: 'admin', admin: true },
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let current = null;
let shown = 0;

function signIn(notice) {
  current = null;
  window.onhashchange = null;
  nav.replaceChildren();
  const input = h('input', { id: 'api-key', name: 'api_key', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const status = h('div', { 'aria-live': 'polite' }, notice ? message('info', notice) : null);
  const form = h(
    'form',
    {
      class: 'signin',
      onsubmit: async (e) => {
        e.preventDefault();
        const answer = await session('POST', { api_key: input.value });
        input.value = '';
        if (answer.status === 201) return enter(answer.data);
        status.replaceChildren(message('error', answer.status === 429 ? 'Too many failed attempts: wait a minute.' : 'That key was not accepted.'));
        input.focus();
      },
    },
    h('label', { for: 'api-key' }, 'API key'),
    input,
    h('button', { type: 'submit' }, 'Sign in'),
  );
  main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Sign in'),
    h('p', {}, "Sign in with one of your organisation's API keys. What you can see follows its scopes. The key is held by the gateway for this session only."),
    status,
    form,
  );
  input.focus();
}

function enter(answer) {
  current = { csrf: answer.csrf, key: answer.key, admin: answer.key.scopes.includes('admin') };
  useSession(answer.csrf, signIn);
  const links = PAGES.filter((p) => !p.admin || current.admin).map((p) => h('a', { href: `#/${p.path}`, 'data-page': p.path }, p.label));
  const signOut = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      onclick: async () => {
        await session('DELETE');
        signIn('Signed out.');
      },
    },
    'Sign out',
  );
  nav.replaceChildren(...links, h('span', { class: 'who' }, `${answer.key.prefix}…`), signOut);
  window.onhashchange = route;
  if (!location.hash.startsWith('#/')) location.hash = '#/overview';
  else route();
}

async function route() {
  if (!current) return;
  const [pathPart, query = ''] = location.hash.slice(2).split('?');
  const [name, ...rest] = pathPart.split('/');
  const page = PAGES.find((p) => p.path === name) ?? PAGES[0];
  for (const a of nav.querySelectorAll('a')) {
    if (a.dataset.page === page.path) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const ticket = ++shown;
  main.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  try {
    await page.render(main, { rest: rest.join('/'), query, session: current });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return;
    if (ticket !== shown) return;
    // A refusal for a missing scope is not a fault: say what the page needs, as the Keys and Calls pages do.
    const refused = err instanceof ApiError && err.status === 403;
    const says = refused
      ? message('info', `This page is shown to keys with the ${page.needs} scope; this key does not have it.`)
      : message('error', err.message);
    main.replaceChildren(h('h1', { tabindex: '-1' }, page.label), says);
  }
  if (ticket === shown) main.querySelector('h1')?.focus();
}

session('GET').then((answer) => (answer.data?.signed_in === false || answer.status !== 200 ? signIn() : enter(answer.data)));

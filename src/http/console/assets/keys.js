/** Keys (admin): the org's API keys — list, create (the secret shown once), revoke (confirmed by a second press). */
import { api, apiDocument } from './api.js';
import { h, heading, message, table, utc } from './dom.js';

async function scopeList() {
  const doc = await apiDocument();
  const schema = doc.paths['/v1/keys'].post.requestBody.content['application/json'].schema;
  return schema.properties.scopes.items.enum ?? [];
}

function revokeButton(key, rerender) {
  const cell = h('span', {});
  const ask = h('button', { type: 'button', class: 'secondary', onclick: () => cell.replaceChildren(confirm, cancel) }, 'Revoke');
  const confirm = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      onclick: async () => {
        await api(`/v1/keys/${encodeURIComponent(key.id)}`, { method: 'DELETE' });
        await rerender(message('ok', `Key ${key.prefix}… revoked, with every key made from it.`));
      },
    },
    `Confirm: revoke ${key.prefix}…`,
  );
  const cancel = h('button', { type: 'button', class: 'secondary', onclick: () => cell.replaceChildren(ask) }, 'Cancel');
  cell.append(ask);
  return cell;
}

function createForm(scopes, rerender) {
  const boxes = scopes.map((s) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'scopes', value: s }), ` ${s}`));
  const form = h(
    'form',
    {
      onsubmit: async (e) => {
        e.preventDefault();
        const chosen = new FormData(form).getAll('scopes').map(String);
        if (!chosen.length) return void form.append(message('error', 'Choose at least one scope.'));
        const created = await api('/v1/keys', { method: 'POST', body: { scopes: chosen } });
        await rerender(
          h(
            'div',
            { class: 'message ok', role: 'status' },
            h('p', {}, `Key ${created.prefix}… created. Copy its secret now: it is not shown again.`),
            h('output', { class: 'secret', id: 'new-key' }, created.api_key),
          ),
        );
      },
    },
    h('fieldset', {}, h('legend', {}, 'Scopes of the new key'), boxes),
    h('button', { type: 'submit' }, 'Create key'),
  );
  return form;
}

export async function keysPage(main, { session }) {
  if (!session.admin) {
    main.replaceChildren(heading('Keys'), message('error', 'Keys are managed with a key that has the admin scope.'));
    return;
  }
  const render = async (notice) => {
    const [keys, scopes] = await Promise.all([api('/v1/keys'), scopeList()]);
    main.replaceChildren(
      heading('Keys'),
      notice ?? null,
      table(
        'API keys',
        ['Key', 'Scopes', 'Created', 'Revoked', ''],
        keys.data.map((k) => [
          h('code', {}, `${k.prefix}…`),
          k.scopes.join(', '),
          utc(k.created_at),
          k.revoked_at ? utc(k.revoked_at) : '—',
          k.revoked_at ? '' : k.id === session.key.id ? 'this session' : revokeButton(k, render),
        ]),
      ),
      h('h2', {}, 'Create a key'),
      createForm(scopes, render),
    );
    main.querySelector('h1').focus();
  };
  await render();
}

// API keys (admin): list without secrets, create (the secret is shown once), revoke after a confirm.
import { get, post, del } from '../api.js';
import { h, clear, fill, loading, empty, errorBox, fmtInstant, toast } from '../dom.js';
import { t } from '../i18n.js';

export function render(root) {
  const list = h('div', { class: 'panel-body' });
  const created = h('div');
  const name = h('input', { id: 'k-name', type: 'text', required: true, maxlength: '100' });
  const role = h('select', { id: 'k-role' }, ['analyst', 'ingest', 'admin'].map((r) => h('option', { value: r }, t('role.' + r))));

  async function load() {
    fill(list, loading());
    try {
      const r = await get('/v1/keys');
      clear(list);
      if (!r.items.length) { list.append(empty(t('keys.empty'))); return; }
      list.append(h('div', { class: 'table-wrap' }, h('table', { class: 'grid', 'data-testid': 'keys' },
        h('thead', null, h('tr', null, ['keys.id', 'keys.role', 'keys.name', 'keys.createdBy', 'keys.createdAt', ''].map((k) => h('th', { scope: 'col' }, k ? t(k) : '')))),
        h('tbody', null, r.items.map((k) => h('tr', null, h('td', { class: 'mono' }, k.id), h('td', null, t('role.' + k.role)), h('td', null, k.name),
          h('td', null, k.createdBy), h('td', { class: 'nowrap' }, fmtInstant(k.createdAt)), h('td', null, revokeButton(k))))))));
    } catch (e) {
      fill(list, errorBox(e, load));
    }
  }

  function revokeButton(k) {
    const b = h('button', { type: 'button', class: 'btn btn-ghost', 'aria-label': t('keys.revoke') + ' ' + k.name }, t('keys.revoke'));
    b.addEventListener('click', async () => {
      if (!b.dataset.armed) { // two steps: a revoked key cannot be brought back
        b.dataset.armed = '1';
        b.textContent = t('keys.revokeConfirm');
        b.classList.add('btn-danger');
        return;
      }
      b.disabled = true;
      try {
        await del('/v1/keys/' + encodeURIComponent(k.id));
        toast(t('keys.revoked'));
        load();
      } catch (e) {
        list.prepend(errorBox(e));
        b.disabled = false;
      }
    });
    return b;
  }

  const form = h('form', { class: 'filters', onsubmit: async (e) => {
    e.preventDefault();
    clear(created);
    try {
      const k = await post('/v1/keys', { role: role.value, name: name.value.trim() });
      created.append(h('div', { class: 'ok', role: 'status' }, t('keys.secret'), ' ', h('code', { class: 'secret', 'data-testid': 'new-key' }, k.key)));
      name.value = '';
      load();
    } catch (err) {
      created.append(errorBox(err));
    }
  } },
  h('label', { class: 'field', for: 'k-role' }, h('span', null, t('keys.role')), role),
  h('label', { class: 'field', for: 'k-name' }, h('span', null, t('keys.name')), name),
  h('button', { class: 'btn btn-primary', type: 'submit' }, t('keys.create')));

  root.append(h('section', { class: 'page' }, h('div', { class: 'page-head' }, h('h1', null, t('keys.title'))), form, created, h('div', { class: 'panel' }, list)));
  load();
}

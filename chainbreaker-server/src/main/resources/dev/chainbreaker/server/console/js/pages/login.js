// Sign in with an API key: checked with GET /v1/me, then kept in this tab's sessionStorage only.
import { get, setKey } from '../api.js';
import { h, errorBox } from '../dom.js';
import { t } from '../i18n.js';

export function render(root, _arg, ctx) {
  const status = h('div', { class: 'login-status' });
  const input = h('input', { id: 'key', name: 'key', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const button = h('button', { class: 'btn btn-primary', type: 'submit' }, t('login.submit'));
  const form = h('form', { class: 'login card', onsubmit: async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    button.disabled = true;
    const key = input.value.trim();
    try {
      const me = await get('/v1/me', { key });
      if (me.role === 'ingest') {
        status.append(errorBox({ title: t('common.error'), detail: t('login.ingest') }));
        return;
      }
      setKey(key);
      ctx.signedIn(me);
    } catch (e) {
      status.append(errorBox(e));
      input.focus();
    } finally {
      button.disabled = false;
    }
  } },
  h('h1', null, t('login.title')),
  h('label', { class: 'field', for: 'key' }, h('span', null, t('login.key')), input),
  h('p', { class: 'muted' }, t('login.hint')),
  button, status);
  root.append(h('div', { class: 'login-wrap' }, form));
  input.focus();
}

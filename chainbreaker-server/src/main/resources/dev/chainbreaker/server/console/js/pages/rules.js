// Rules: read the active pack, edit a draft (kept in localStorage), validate it with errors shown at
// their line, dry-run it against the stored events to see which decisions would change, publish it
// (admin, and only the exact text that was dry-run), and browse the history of versions.
import { get, post, request } from '../api.js';
import { h, clear, fill, loading, empty, errorBox, decisionBadge, riskBadge, stateBadge, fmtTime, fmtInstant, subjectLink, toast } from '../dom.js';
import { t } from '../i18n.js';

const DRAFT = 'cb.rules.draft';
const BASE = 'cb.rules.base';
let tab = 'draft';

export function render(root, _arg, ctx) {
  const isAdmin = ctx.me?.role === 'admin';
  const body = h('div', null, loading());
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('rules.title') });
  root.append(h('section', { class: 'page' }, h('div', { class: 'page-head' }, h('h1', null, t('rules.title'))), tabs, body));
  let active = null;
  let history = null;

  async function load() {
    fill(body, loading());
    try {
      [active, history] = await Promise.all([get('/v1/rules'), get('/v1/rules/history')]);
      show();
    } catch (e) {
      fill(body, errorBox(e, load));
    }
  }

  function show() {
    clear(tabs);
    const names = [['draft', 'rules.draft'], ['active', 'rules.active'], ['history', 'rules.history']];
    const buttons = names.map(([id, key]) => h('button', { type: 'button', role: 'tab', id: 'tab-' + id, 'aria-selected': String(tab === id),
      'aria-controls': 'tabpanel', tabindex: tab === id ? '0' : '-1', class: 'tab', onclick: () => { tab = id; show(); document.getElementById('tab-' + id).focus(); } }, t(key)));
    tabs.onkeydown = (e) => { // arrow keys move between tabs (WAI-ARIA tabs pattern)
      const at = names.findIndex(([id]) => id === tab);
      const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!d) return;
      tab = names[(at + d + names.length) % names.length][0];
      show();
      document.getElementById('tab-' + tab).focus();
    };
    tabs.append(...buttons);
    const panel = h('div', { id: 'tabpanel', role: 'tabpanel', 'aria-labelledby': 'tab-' + tab });
    fill(body, panel);
    if (tab === 'draft') draftTab(panel);
    else if (tab === 'active') panel.append(h('div', { class: 'panel' }, h('h2', { class: 'panel-title' }, versionLine(active)), h('pre', { class: 'code', tabindex: '0' }, active.yaml)));
    else historyTab(panel);
  }

  const versionLine = (v) => `${t('rules.version')} ${v.version} · ${v.name} ${v.packVersion} · ${v.changedBy} · ${fmtInstant(v.changedAt)}`;

  function draftTab(panel) {
    if (localStorage.getItem(DRAFT) === null) { localStorage.setItem(DRAFT, active.yaml); localStorage.setItem(BASE, String(active.version)); }
    let dryRunOf = null; // the exact text last dry-run without error
    const gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' });
    const editor = h('textarea', { id: 'rules-editor', class: 'code-edit', spellcheck: 'false', wrap: 'off', 'aria-label': t('rules.editorLabel'),
      'data-testid': 'rules-editor', value: localStorage.getItem(DRAFT) });
    const result = h('div', { class: 'panel-body', 'data-testid': 'rules-result', 'aria-live': 'polite' });
    const meta = h('span', { class: 'muted' });
    let errorLine = 0;
    const lines = () => {
      const n = editor.value.split('\n').length;
      clear(gutter);
      const frag = document.createDocumentFragment();
      for (let i = 1; i <= n; i++) frag.append(h('div', { class: i === errorLine ? 'err' : null }, String(i)));
      gutter.append(frag);
      gutter.scrollTop = editor.scrollTop;
    };
    const refresh = () => {
      const dirty = editor.value !== active.yaml;
      meta.textContent = t('rules.draftBase', { v: localStorage.getItem(BASE) || active.version }) + (dirty ? ' · ' + t('rules.dirty') : '');
      publish.disabled = !isAdmin || dryRunOf !== editor.value;
      publish.title = !isAdmin ? t('rules.adminOnly') : dryRunOf !== editor.value ? t('rules.publishNeedsDryRun') : '';
    };
    editor.addEventListener('input', () => { localStorage.setItem(DRAFT, editor.value); if (errorLine) { errorLine = 0; } lines(); refresh(); });
    editor.addEventListener('scroll', () => { gutter.scrollTop = editor.scrollTop; });
    editor.addEventListener('keydown', (e) => { // Tab indents (YAML needs spaces); Escape then Tab leaves the editor
      if (e.key === 'Tab' && !e.shiftKey && !editor.dataset.escaped) {
        e.preventDefault();
        editor.setRangeText('  ', editor.selectionStart, editor.selectionEnd, 'end');
        editor.dispatchEvent(new Event('input'));
      } else if (e.key === 'Escape') editor.dataset.escaped = '1';
      else delete editor.dataset.escaped;
    });

    const showError = (e) => {
      const m = /line (\d+)/.exec(e.field || '') || /line (\d+)/.exec(e.detail || '');
      errorLine = m ? Number(m[1]) : 0;
      lines();
      const goto = errorLine ? h('button', { type: 'button', class: 'btn btn-ghost', onclick: () => gotoLine(errorLine) }, t('rules.line', { n: errorLine })) : null;
      fill(result, h('div', { class: 'error', role: 'alert', 'data-testid': 'rules-error' },
        h('strong', null, t('rules.invalid')), goto, h('div', { class: 'error-detail' }, e.detail || e.message), e.field ? h('div', { class: 'muted' }, t('common.field') + ': ' + e.field) : null));
      if (errorLine) gotoLine(errorLine, true);
    };
    const gotoLine = (n, keepFocus) => {
      const parts = editor.value.split('\n');
      const start = parts.slice(0, n - 1).reduce((a, l) => a + l.length + 1, 0);
      editor.scrollTop = Math.max(0, (n - 5) * 18);
      if (!keepFocus) { editor.focus(); editor.setSelectionRange(start, start + (parts[n - 1] || '').length); }
    };

    const run = async (btn, f) => {
      [validate, dry, publish].forEach((b) => { b.disabled = true; });
      try { await f(); } finally { validate.disabled = false; dry.disabled = false; refresh(); }
    };
    const validate = h('button', { type: 'button', class: 'btn', onclick: () => run(validate, async () => {
      fill(result, loading());
      try {
        await post('/v1/rules/dry-run', { rules: editor.value, events: '' });
        errorLine = 0; lines();
        fill(result, h('div', { class: 'ok', role: 'status' }, t('rules.valid')));
      } catch (e) { if (e.status === 400 || e.status === 413) showError(e); else fill(result, errorBox(e)); }
    }) }, t('rules.validate'));
    const dry = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'dry-run', onclick: () => run(dry, async () => {
      const text = editor.value;
      fill(result, loading(t('rules.running')));
      try {
        const r = await request('POST', '/v1/rules/dry-run', { body: text, type: 'application/yaml' });
        errorLine = 0; lines();
        dryRunOf = text;
        showDryRun(result, r);
      } catch (e) { if (e.status === 400) showError(e); else fill(result, errorBox(e)); }
    }) }, t('rules.dryRun'));
    const publish = h('button', { type: 'button', class: 'btn btn-danger', 'data-testid': 'publish', onclick: () => run(publish, async () => {
      try {
        const v = await request('PUT', '/v1/rules', { body: editor.value, type: 'application/yaml' });
        toast(t('rules.published', { v: v.version }));
        localStorage.setItem(BASE, String(v.version));
        fill(result, h('div', { class: 'ok', role: 'status', 'data-testid': 'published' }, t('rules.published', { v: v.version })));
        dryRunOf = null;
        [active, history] = await Promise.all([get('/v1/rules'), get('/v1/rules/history')]);
      } catch (e) { if (e.status === 400) showError(e); else fill(result, errorBox(e)); }
    }) }, t('rules.publish'));
    const reset = h('button', { type: 'button', class: 'btn btn-ghost', onclick: () => {
      editor.value = active.yaml; localStorage.setItem(DRAFT, active.yaml); localStorage.setItem(BASE, String(active.version));
      errorLine = 0; dryRunOf = null; lines(); refresh(); clear(result);
    } }, t('rules.reset'));

    panel.append(h('div', { class: 'toolbar' }, validate, dry, publish, reset, h('div', { class: 'spacer' }), meta),
      h('div', { class: 'rules-grid' },
        h('div', { class: 'panel editor-wrap' }, gutter, editor),
        h('section', { class: 'panel', 'aria-label': t('rules.dryRun') }, h('h2', { class: 'panel-title' }, t('rules.dryRun')), result)));
    fill(result, empty(t('rules.publishNeedsDryRun')));
    lines();
    refresh();
  }

  function showDryRun(out, r) {
    fill(out, h('p', { 'data-testid': 'dry-run-summary' }, t('rules.dryRunResult', { events: r.events, changed: r.changedCount })));
    if (!r.changed.length) { out.append(empty(t('rules.noChange'))); return; }
    if (r.truncated) out.append(h('p', { class: 'warn' }, t('rules.truncatedList', { n: r.changed.length })));
    const sum = (d) => d ? h('span', { class: 'dec-sum' }, decisionBadge(d.decision), riskBadge(d.risk), stateBadge(d.subjectState)) : t('common.none');
    out.append(h('div', { class: 'table-wrap tall' }, h('table', { class: 'grid compact', 'data-testid': 'dry-run-changes' },
      h('thead', null, h('tr', null, ['col.time', 'col.subject', 'col.type', 'rules.before', 'rules.after'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', null, r.changed.map((c) => h('tr', null, h('td', { class: 'mono nowrap' }, fmtTime(c.time)), h('td', null, subjectLink(c.subject)),
        h('td', { class: 'mono' }, c.type), h('td', null, sum(c.before)), h('td', null, sum(c.after))))))));
  }

  function historyTab(panel) {
    const viewer = h('div');
    if (!history.items.length) { panel.append(empty(t('rules.history'))); return; }
    panel.append(h('div', { class: 'panel' }, h('div', { class: 'table-wrap' }, h('table', { class: 'grid', 'data-testid': 'rules-history' },
      h('thead', null, h('tr', null, ['rules.version', 'rules.active', 'rules.changedBy', 'rules.changedAt', 'rules.fromSeq', ''].map((k) => h('th', { scope: 'col' }, k ? t(k) : '')))),
      h('tbody', null, history.items.map((v) => h('tr', null,
        h('td', { class: 'num' }, String(v.version), v.active ? h('span', { class: 'badge label-open' }, t('rules.activeTag')) : null),
        h('td', null, v.name + ' ' + v.packVersion), h('td', null, v.changedBy), h('td', { class: 'nowrap' }, fmtInstant(v.changedAt)), h('td', { class: 'num' }, String(v.fromSequence)),
        h('td', { class: 'nowrap' },
          h('button', { type: 'button', class: 'btn btn-ghost', onclick: () => { fill(viewer, h('div', { class: 'panel' }, h('h2', { class: 'panel-title' }, versionLine(v)), h('pre', { class: 'code', tabindex: '0' }, v.yaml))); } }, t('rules.view')),
          h('button', { type: 'button', class: 'btn btn-ghost', onclick: () => { localStorage.setItem(DRAFT, v.yaml); localStorage.setItem(BASE, String(v.version)); tab = 'draft'; show(); } }, t('rules.useDraft'))))))))),
    viewer);
  }

  load();
}

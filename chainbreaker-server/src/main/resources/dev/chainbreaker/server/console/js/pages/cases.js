// Cases, one row per phone: the phones the engine holds in a non-NORMAL state and every labelled
// phone, with their label and note; filtered by label and state; exported for tuning.
import { get, qs, request } from '../api.js';
import { h, clear, fill, loading, empty, errorBox, stateBadge, labelBadge, fmtInstant, subjectLink, select, toast } from '../dom.js';
import { t } from '../i18n.js';

const filters = { label: '', state: '' };

export function render(root) {
  const body = h('div', { class: 'panel-body' });
  const errors = h('div');

  async function load() {
    fill(body, loading());
    try {
      const r = await get('/v1/cases' + qs(filters));
      clear(body);
      if (!r.items.length) { body.append(empty(t('cases.empty'))); return; }
      if (r.truncated) body.append(h('p', { class: 'warn' }, t('cases.truncated')));
      body.append(h('div', { class: 'table-wrap' }, h('table', { class: 'grid', 'data-testid': 'cases' },
        h('caption', { class: 'sr-only' }, t('cases.title')),
        h('thead', null, h('tr', null, ['col.subject', 'col.state', 'cases.since', 'case.label', 'case.note', 'cases.labelledBy', 'cases.chain']
          .map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', null, r.items.map((c) => h('tr', null,
          h('td', null, subjectLink(c.subject)),
          h('td', null, stateBadge(c.state)),
          h('td', { class: 'mono nowrap', 'data-testid': 'state-since', title: c.zone ? t('time.zoneSubject', { z: c.zone }) : t('time.zoneBrowser') }, fmtInstant(c.stateSince, c.zone)),
          h('td', null, labelBadge(c.label)),
          h('td', { class: 'reason' }, c.note || ''),
          h('td', null, c.labelledBy ? [c.labelledBy + ' · ', h('span', { class: 'nowrap' }, fmtInstant(c.labelledAt, c.zone))] : ''),
          h('td', { class: 'num' }, String(c.chain.length))))))));
    } catch (e) {
      fill(body, errorBox(e, load));
    }
  }

  async function exportAs(format, btn) {
    clear(errors);
    btn.disabled = true;
    try {
      const text = await request('GET', '/v1/cases/export' + qs({ format }), { raw: true });
      const blob = new Blob([text], { type: format === 'csv' ? 'text/csv' : 'application/jsonl' });
      const a = h('a', { href: URL.createObjectURL(blob), download: 'chainbreaker-cases.' + format });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      const n = format === 'csv' ? Math.max(0, text.split('\r\n').filter(Boolean).length - 1) : text.split('\n').filter(Boolean).length;
      toast(t('cases.exported', { n }));
    } catch (e) {
      errors.append(errorBox(e));
    } finally {
      btn.disabled = false;
    }
  }

  const set = (k) => (ev) => { filters[k] = ev.target.value; load(); };
  const csv = h('button', { class: 'btn', type: 'button', onclick: () => exportAs('csv', csv) }, t('cases.exportCsv'));
  const jsonl = h('button', { class: 'btn', type: 'button', onclick: () => exportAs('jsonl', jsonl) }, t('cases.exportJsonl'));
  root.append(h('section', { class: 'page' },
    h('div', { class: 'page-head' }, h('h1', null, t('cases.title')), h('div', { class: 'spacer' }), csv, jsonl),
    h('div', { class: 'filters' },
      select('c-label', t('case.label'), [['', t('common.all')], ...['open', 'confirmed_takeover', 'false_alarm'].map((l) => [l, t('label.' + l)])], filters.label, set('label')),
      select('c-state', t('col.state'), [['', t('common.all')], ...['COMPROMISED', 'RECOVERING', 'WATCH', 'NORMAL'].map((s) => [s.toLowerCase(), t('state.' + s)])], filters.state, set('state'))),
    errors, h('div', { class: 'panel' }, body)));
  load();
}

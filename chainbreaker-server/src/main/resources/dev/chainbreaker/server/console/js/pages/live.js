// Live decisions: newest first, filtered by decision, risk, institution kind and time; polled
// every 5 s while "Live" is on (new rows are marked), paged backwards with "Load more".
import { get, qs } from '../api.js';
import { h, clear, fill, loading, empty, errorBox, decisionBadge, riskBadge, stateBadge, fmtTime, offsetLabel, browserOffset, kindOf, subjectLink, select } from '../dom.js';
import { t, reasonText, codeLabel } from '../i18n.js';

const KINDS = ['telecom', 'gov', 'device-vendor', 'payment', 'bank', 'lender', 'merchant', 'antifraud', 'handset'];
// Filters survive language switches and navigation within the session.
const filters = { decision: '', risk: '', kind: '', from: '', to: '', live: true };

/** datetime-local value (browser zone) → RFC 3339 with the browser's offset. */
function rfc3339(local) {
  if (!local) return '';
  const off = offsetLabel(browserOffset(new Date(local).getTime()));
  return (local.length === 16 ? local + ':00' : local) + off;
}

export function render(root) {
  let items = [];
  let nextBefore = null;
  let timer = null;
  let gen = 0; // a newer load makes older answers stale
  const body = h('div', { class: 'panel-body' });
  const counts = h('div', { class: 'stats', 'aria-live': 'polite' });

  const query = (extra) => qs({ decision: filters.decision, risk: filters.risk, kind: filters.kind, from: rfc3339(filters.from), to: rfc3339(filters.to), limit: 100, ...extra });

  async function load() {
    const my = ++gen;
    fill(body, loading());
    try {
      const page = await get('/v1/decisions' + query());
      if (my !== gen) return;
      items = page.items;
      nextBefore = page.nextBefore ?? null;
      draw(new Set());
    } catch (e) {
      if (my !== gen) return;
      fill(body, errorBox(e, load));
      clear(counts);
    }
  }

  async function poll() {
    if (!filters.live || document.hidden || !items) return;
    const my = gen;
    try {
      const page = await get('/v1/decisions' + query());
      if (my !== gen) return;
      const top = items.length ? items[0].seq : -1;
      const fresh = page.items.filter((i) => i.seq > top);
      if (fresh.length) {
        items = fresh.concat(items);
        draw(new Set(fresh.map((i) => i.seq)));
      }
    } catch (e) {
      // a failed poll keeps the table; the next one retries
    }
  }

  async function more(btn) {
    btn.disabled = true;
    try {
      const page = await get('/v1/decisions' + query({ before: nextBefore }));
      items = items.concat(page.items);
      nextBefore = page.nextBefore ?? null;
      draw(new Set());
    } catch (e) {
      body.append(errorBox(e));
      btn.disabled = false;
    }
  }

  function draw(fresh) {
    clear(body);
    clear(counts);
    const by = { ALLOW: 0, CHALLENGE: 0, REVIEW: 0, DENY: 0 };
    items.forEach((i) => { by[i.decision?.decision] = (by[i.decision?.decision] || 0) + 1; });
    counts.append(h('span', { class: 'stat' }, t('live.count', { n: items.length })),
      ...Object.entries(by).map(([d, n]) => h('span', { class: 'stat' }, decisionBadge(d), ' ', h('b', null, String(n)))));
    if (fresh.size) counts.append(h('span', { class: 'stat new' }, t('live.new', { n: fresh.size })));
    if (!items.length) { body.append(empty(t('live.empty'))); return; }
    const rows = items.map((i) => {
      const d = i.decision || {};
      const r0 = (d.reasons || [])[0];
      return h('tr', { class: fresh.has(i.seq) ? 'fresh' : null },
        h('td', { class: 'mono nowrap' }, fmtTime(i.time)),
        h('td', null, subjectLink(i.subject)),
        h('td', { class: 'nowrap' }, h('span', { class: 'lane-dot k-' + kindOf(i.source), 'aria-hidden': 'true' }), i.source),
        h('td', { title: i.type }, codeLabel('event', i.type)),
        h('td', null, decisionBadge(d.decision)),
        h('td', null, riskBadge(d.risk)),
        h('td', null, stateBadge(d.subjectState)),
        h('td', { class: 'reason' }, r0 ? reasonText(r0) : ''));
    });
    body.append(h('div', { class: 'table-wrap' }, h('table', { class: 'grid', 'data-testid': 'decisions' },
      h('caption', { class: 'sr-only' }, t('live.title')),
      h('thead', null, h('tr', null, ['col.time', 'col.subject', 'col.source', 'col.type', 'col.decision', 'col.risk', 'col.state', 'col.reason'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', null, rows))));
    if (nextBefore !== null) {
      const btn = h('button', { class: 'btn', type: 'button', onclick: () => more(btn) }, t('common.loadMore'));
      body.append(h('div', { class: 'more' }, btn));
    }
  }

  const set = (k) => (ev) => { filters[k] = ev.target.value; load(); };
  const bar = h('form', { class: 'filters', 'aria-label': t('common.filters'), onsubmit: (e) => { e.preventDefault(); load(); } },
    select('f-decision', t('col.decision'), [['', t('common.all')], ...['ALLOW', 'CHALLENGE', 'REVIEW', 'DENY'].map((d) => [d, t('decision.' + d)])], filters.decision, set('decision')),
    select('f-risk', t('col.risk'), [['', t('common.all')], ...['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'].map((r) => [r, t('risk.' + r)])], filters.risk, set('risk')),
    select('f-kind', t('live.kind'), [['', t('common.all')], ...KINDS.map((k) => [k, t('kind.' + k)])], filters.kind, set('kind')),
    h('label', { class: 'field', for: 'f-from' }, h('span', null, t('common.from') + ' (' + offsetLabel(browserOffset()) + ')'), h('input', { id: 'f-from', type: 'datetime-local', value: filters.from, onchange: set('from') })),
    h('label', { class: 'field', for: 'f-to' }, h('span', null, t('common.to') + ' (' + offsetLabel(browserOffset()) + ')'), h('input', { id: 'f-to', type: 'datetime-local', value: filters.to, onchange: set('to') })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', checked: filters.live, onchange: (e) => { filters.live = e.target.checked; } }), t('live.auto')),
    h('button', { class: 'btn', type: 'submit' }, t('common.refresh')));

  root.append(h('section', { class: 'page' },
    h('div', { class: 'page-head' }, h('h1', null, t('live.title')), counts),
    bar, h('div', { class: 'panel' }, body)));
  load();
  timer = setInterval(poll, 5000);
  return () => clearInterval(timer);
}

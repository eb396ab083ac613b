// A virtualised event table: only the rows in view exist in the DOM, so 10,000 events scroll
// as smoothly as 10. Arrow keys, Page Up/Down, Home and End move the selection.
import { h, clear, decisionBadge, riskBadge, stateBadge, fmtTime, kindOf } from '../dom.js';
import { t, reasonText, codeLabel } from '../i18n.js';

const ROW = 28;
const COLS = ['col.time', 'col.source', 'col.type', 'col.decision', 'col.risk', 'col.state', 'col.reason'];

export function eventTable(events, chain, onSelect) {
  let selected = -1;
  const head = h('div', { class: 'vt-row vt-head', role: 'row' }, COLS.map((k) => h('div', { class: 'vt-cell', role: 'columnheader' }, t(k))));
  const spacer = h('div', { class: 'vt-spacer' });
  spacer.style.height = events.length * ROW + 'px';
  const rows = h('div', { class: 'vt-rows', role: 'rowgroup' });
  const viewport = h('div', { class: 'vt-viewport', tabindex: '0', role: 'grid', 'aria-rowcount': String(events.length + 1),
    'aria-label': t('story.eventsTable'), 'data-testid': 'event-table' }, spacer, rows);
  const el = h('div', { class: 'vt' }, h('div', { role: 'presentation' }, head), viewport);

  function row(i) {
    const e = events[i];
    const d = e.decision || {};
    const r0 = (d.reasons || [])[0];
    const r = h('div', { class: 'vt-row' + (i === selected ? ' sel' : '') + (chain.has(i) ? ' chain' : ''), role: 'row', 'aria-rowindex': String(i + 2),
      'aria-selected': i === selected ? 'true' : 'false', id: 'ev-row-' + i, 'data-index': String(i) },
    h('div', { class: 'vt-cell mono' }, fmtTime(e.time)),
    h('div', { class: 'vt-cell' }, h('span', { class: 'lane-dot k-' + kindOf(e.source), 'aria-hidden': 'true' }), e.source),
    h('div', { class: 'vt-cell', title: e.type }, codeLabel('event', e.type)),
    h('div', { class: 'vt-cell' }, decisionBadge(d.decision)),
    h('div', { class: 'vt-cell' }, riskBadge(d.risk)),
    h('div', { class: 'vt-cell' }, stateBadge(d.subjectState)),
    h('div', { class: 'vt-cell reason' }, r0 ? reasonText(r0) : ''));
    r.style.top = i * ROW + 'px';
    return r;
  }

  let drawn = '';
  function draw(force) {
    const top = viewport.scrollTop;
    const height = viewport.clientHeight || 400;
    const from = Math.max(0, Math.floor(top / ROW) - 10);
    const to = Math.min(events.length, Math.ceil((top + height) / ROW) + 10);
    const key = from + ':' + to;
    if (key === drawn && !force) return;
    drawn = key;
    clear(rows);
    const frag = document.createDocumentFragment();
    for (let i = from; i < to; i++) frag.append(row(i));
    rows.append(frag);
  }
  let pending = false;
  viewport.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; draw(false); });
  });
  viewport.addEventListener('click', (ev) => {
    const r = ev.target.closest('.vt-row');
    if (r && r.dataset.index) onSelect(Number(r.dataset.index));
  });
  viewport.addEventListener('keydown', (ev) => {
    const page = Math.max(1, Math.floor(viewport.clientHeight / ROW) - 1);
    const moves = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    if (!(ev.key in moves)) return;
    ev.preventDefault();
    const next = Math.min(events.length - 1, Math.max(0, (selected < 0 ? 0 : selected) + moves[ev.key]));
    onSelect(next);
  });

  /** Marks row i selected and scrolls it into view (called for every selection, from anywhere). */
  function select(i) {
    selected = i;
    const top = i * ROW;
    if (top < viewport.scrollTop || top + ROW > viewport.scrollTop + viewport.clientHeight) {
      viewport.scrollTop = Math.max(0, top - viewport.clientHeight / 2);
    }
    draw(true);
    viewport.setAttribute('aria-activedescendant', 'ev-row-' + i);
  }
  requestAnimationFrame(() => draw(true));
  return { el, select, draw };
}

// The linked identity graph: the phone in the centre, the institutions that reported it on an inner
// ring, and the masked accounts, cards and ID numbers seen with it on an outer ring. An account and a
// card are joined when one event carried both (a card bound to, or paying from, that account).
import { h, s, kindOf } from '../dom.js';
import { t } from '../i18n.js';

const MAX_INST = 24;
const MAX_IDS = 40;

export function identityGraph(phone, events, linked) {
  const inst = new Map(); // source → {n}
  const ids = new Map(); // kind:masked → {kind, masked, sources:Set}
  const pairs = new Set(); // account|card keys seen together
  const addId = (kind, masked, source) => {
    if (!masked) return null;
    const key = kind + ':' + masked;
    let n = ids.get(key);
    if (!n) { n = { key, kind, masked, sources: new Set() }; ids.set(key, n); }
    if (source) n.sources.add(source);
    return n;
  };
  for (const l of linked) addId(l.kind, l.masked, l.source);
  for (const e of events) {
    inst.set(e.source, (inst.get(e.source) || 0) + 1);
    const d = e.details;
    if (!d) continue;
    const a = addId('account', d.account, e.source);
    const c = addId('card', d.card, e.source);
    addId('idNumber', d.idNumber, e.source);
    if (a && c) pairs.add(a.key + '|' + c.key);
  }
  const table = h('table', { class: 'grid compact' },
    h('caption', { class: 'sr-only' }, t('story.linked')),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('story.kindCol')), h('th', { scope: 'col' }, t('story.masked')), h('th', { scope: 'col' }, t('story.seenAt')))),
    h('tbody', null, [...ids.values()].map((n) => h('tr', null, h('td', null, n.kind), h('td', { class: 'mono' }, n.masked), h('td', null, [...n.sources].join(', '))))));
  if (!ids.size) return { el: h('div', { class: 'empty' }, t('story.linkedEmpty')) };

  // institutions with identifiers first, then the busiest
  const sources = [...inst.keys()].sort((a, b) => {
    const ia = [...ids.values()].some((n) => n.sources.has(a)) ? 0 : 1;
    const ib = [...ids.values()].some((n) => n.sources.has(b)) ? 0 : 1;
    return ia - ib || kindOf(a).localeCompare(kindOf(b)) || a.localeCompare(b);
  }).slice(0, MAX_INST);
  const W = 640, H = 440, cx = W / 2, cy = H / 2;
  const pos = new Map();
  sources.forEach((src, i) => {
    const a = (i / sources.length) * 2 * Math.PI - Math.PI / 2;
    pos.set(src, { x: cx + 120 * Math.cos(a), y: cy + 110 * Math.sin(a), a });
  });
  // identifiers ordered by the angle of their first institution, spread evenly on the outer ring
  const list = [...ids.values()].map((n) => {
    const first = [...n.sources].find((x) => pos.has(x));
    return { n, a: first ? pos.get(first).a : Math.PI / 2 };
  }).sort((p, q) => p.a - q.a).slice(0, MAX_IDS);
  list.forEach((p, i) => {
    const a = (i / list.length) * 2 * Math.PI - Math.PI / 2 + (list.length > 1 ? 0 : 0);
    pos.set(p.n.key, { x: cx + 265 * Math.cos(a), y: cy + 195 * Math.sin(a), a });
  });
  const edges = s('g', { class: 'edges' });
  const nodes = s('g', { class: 'nodes' });
  for (const src of sources) {
    const p = pos.get(src);
    edges.append(s('line', { x1: cx, y1: cy, x2: p.x, y2: p.y, class: 'e-inst' }));
  }
  for (const { n } of list) {
    const p = pos.get(n.key);
    let linkedTo = false;
    for (const src of n.sources) {
      if (!pos.has(src)) continue;
      const q = pos.get(src);
      edges.append(s('line', { x1: q.x, y1: q.y, x2: p.x, y2: p.y, class: 'e-id' }));
      linkedTo = true;
    }
    if (!linkedTo) edges.append(s('line', { x1: cx, y1: cy, x2: p.x, y2: p.y, class: 'e-id' }));
  }
  for (const pair of pairs) {
    const [a, c] = pair.split('|');
    if (pos.has(a) && pos.has(c)) {
      const p = pos.get(a), q = pos.get(c);
      edges.append(s('line', { x1: p.x, y1: p.y, x2: q.x, y2: q.y, class: 'e-pair' }));
    }
  }
  nodes.append(s('circle', { cx, cy, r: 16, class: 'n-phone' }), s('text', { x: cx, y: cy + 30, class: 'l-phone' }, phone));
  for (const src of sources) {
    const p = pos.get(src);
    nodes.append(s('g', { class: 'n-inst k-' + kindOf(src) }, s('title', null, src), s('circle', { cx: p.x, cy: p.y, r: 7 }),
      s('text', { x: p.x, y: p.y - 10 }, src.split('/')[2] || src)));
  }
  for (const { n } of list) {
    const p = pos.get(n.key);
    const right = Math.cos(p.a) >= 0;
    nodes.append(s('g', { class: 'n-id id-' + n.kind.toLowerCase() }, s('title', null, n.kind + ' ' + n.masked),
      s('rect', { x: p.x - 4, y: p.y - 4, width: 8, height: 8, rx: n.kind === 'card' ? 1 : 4 }),
      s('text', { x: p.x + (right ? 7 : -7), y: p.y + 3, 'text-anchor': right ? 'start' : 'end' }, n.masked)));
  }
  const svg = s('svg', { class: 'idgraph', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t('story.graphLabel') }, edges, nodes);
  const details = h('details', { class: 'id-list' }, h('summary', null, t('story.linked') + ' (' + ids.size + ')'), table);
  return { el: h('div', null, svg, details) };
}

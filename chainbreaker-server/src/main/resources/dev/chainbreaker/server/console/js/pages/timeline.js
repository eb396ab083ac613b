// The swimlane timeline of one phone: a state track (NORMAL → WATCH → COMPROMISED → RECOVERING),
// one lane per kind of institution, the evidence chain drawn across the lanes, and a time axis.
// Events are binned per lane and pixel column: one button per non-empty bin, so a phone with
// 10,000 events costs a few thousand nodes at most and draws in one pass.
import { h, s, fmtTime, formatTime, offsetOf, offsetLabel } from '../dom.js';
import { t, codeLabel } from '../i18n.js';

export const LANES = ['telecom', 'gov', 'device-vendor', 'payment', 'bank', 'lender'];
const EXTRA = ['merchant', 'antifraud', 'handset'];
const LANE_H = 30;
const SEVERITY = { ALLOW: 0, CHALLENGE: 1, REVIEW: 2, DENY: 3 };

/**
 * events: chronological, each {time, ms, source, type, decision}; chain: Set of indexes;
 * onSelect(index); zone: the offset (minutes) of the axis, the phone's zone (default: the newest
 * event's offset). Returns {el, select(index)} — select only marks, it never calls onSelect.
 */
export function swimlanes(events, chain, scale, onSelect, zone) {
  const n = events.length;
  const axisZone = zone ?? offsetOf(events[n - 1].time) ?? 0;
  const lanes = LANES.concat(EXTRA.filter((k) => events.some((e) => e.kind === k)));
  if (events.some((e) => !lanes.includes(e.kind))) lanes.push('other');
  const laneOf = (e) => { const i = lanes.indexOf(e.kind); return i < 0 ? lanes.length - 1 : i; };
  const t0 = events[0].ms;
  const t1 = events[n - 1].ms;
  const span = Math.max(1, t1 - t0);
  // 2% padding each side so the first and last markers are not cut in half
  const xOf = scale === 'order' ? (i) => 2 + 96 * (n === 1 ? 0.5 : i / (n - 1)) : (i) => 2 + 96 * ((events[i].ms - t0) / span);
  const bins = n < 500 ? 1500 : 400;

  // --- bins: lane × column → the events in it (indexes, chronological)
  const binMap = new Map();
  for (let i = 0; i < n; i++) {
    const key = laneOf(events[i]) * 100000 + Math.round(xOf(i) / 100 * bins);
    let b = binMap.get(key);
    if (!b) { b = { lane: laneOf(events[i]), idx: [], worst: 'ALLOW', chain: false }; binMap.set(key, b); }
    b.idx.push(i);
    const d = events[i].decision?.decision || 'ALLOW';
    if (SEVERITY[d] > SEVERITY[b.worst]) b.worst = d;
    if (chain.has(i)) b.chain = true;
  }
  const binOfEvent = new Int32Array(n);
  const markers = [];
  const laneMarkers = lanes.map(() => []);
  const track = h('div', { class: 'lane-tracks', role: 'group', 'aria-label': t('story.lanes') });
  track.style.height = lanes.length * LANE_H + 'px';
  lanes.forEach((k, li) => {
    const row = h('div', { class: 'lane-bg' + (li % 2 ? ' odd' : '') });
    row.style.top = li * LANE_H + 'px';
    row.style.height = LANE_H + 'px';
    track.append(row);
  });
  const frag = document.createDocumentFragment();
  for (const b of binMap.values()) {
    const first = b.idx[0];
    const e = events[first];
    const label = fmtTime(e.time) + ' · ' + codeLabel('event', e.type) + ' · ' + t('decision.' + b.worst) + (b.idx.length > 1 ? ' · ' + t('story.inBin', { n: b.idx.length }) : '');
    const m = h('button', { type: 'button', class: 'marker dec-' + b.worst.toLowerCase() + (b.chain ? ' chain' : '') + (b.idx.length > 1 ? ' multi' : ''),
      tabindex: '-1', title: label, 'aria-label': label, 'data-index': first });
    m.style.left = xOf(first) + '%';
    m.style.top = b.lane * LANE_H + LANE_H / 2 + 'px';
    b.el = m;
    b.pos = markers.length;
    markers.push(b);
    laneMarkers[b.lane].push(b);
    b.idx.forEach((i) => { binOfEvent[i] = b.pos; });
    frag.append(m);
  }
  laneMarkers.forEach((l) => l.sort((a, b) => a.idx[0] - b.idx[0]));
  track.append(frag);

  // --- the evidence chain, drawn through its events in time order
  const chainIdx = [...chain].sort((a, b) => a - b);
  if (chainIdx.length > 1) {
    const svg = s('svg', { class: 'chain-line', viewBox: `0 0 1000 ${lanes.length * LANE_H}`, preserveAspectRatio: 'none', 'aria-hidden': 'true' },
      s('polyline', { points: chainIdx.map((i) => `${xOf(i) * 10},${laneOf(events[i]) * LANE_H + LANE_H / 2}`).join(' '), 'vector-effect': 'non-scaling-stroke' }));
    track.append(svg);
  }

  // --- state track and transition lines
  const stateTrack = h('div', { class: 'state-track', role: 'img' });
  const changes = [];
  let cur = 'NORMAL';
  for (let i = 0; i < n; i++) {
    const st = events[i].decision?.subjectState || cur;
    if (st !== cur) { changes.push({ from: cur, to: st, i }); cur = st; }
  }
  const segs = [];
  let prevX = 0;
  let prevState = 'NORMAL';
  for (const c of changes) {
    segs.push({ state: prevState, x0: prevX, x1: xOf(c.i) });
    prevX = xOf(c.i);
    prevState = c.to;
  }
  segs.push({ state: prevState, x0: prevX, x1: 100 });
  for (const sg of segs) {
    const el = h('div', { class: 'seg state-' + sg.state.toLowerCase(), title: t('state.' + sg.state) });
    el.style.left = sg.x0 + '%';
    el.style.width = Math.max(0.2, sg.x1 - sg.x0) + '%';
    if (sg.x1 - sg.x0 > 8) el.append(h('span', null, t('state.' + sg.state)));
    stateTrack.append(el);
  }
  stateTrack.setAttribute('aria-label', t('story.stateTrack') + ': ' + ['NORMAL'].concat(changes.map((c) => c.to)).slice(0, 20).map((x) => t('state.' + x)).join(' → '));
  // dashed lines where the state changed (bounded: a noisy phone could change state thousands of times)
  for (const c of changes.slice(0, 200)) {
    const line = h('div', { class: 'transition state-' + c.to.toLowerCase(), title: fmtTime(events[c.i].time) + ' ' + t('state.' + c.from) + ' → ' + t('state.' + c.to) });
    line.style.left = xOf(c.i) + '%';
    track.append(line);
  }

  // --- axis: ticks in the phone's zone, printed once in the axis label
  const axis = h('div', { class: 'axis', 'aria-hidden': 'true' });
  for (let k = 0; k <= 5; k++) {
    const x = 2 + 96 * k / 5;
    const ms = scale === 'order' ? events[Math.round((n - 1) * k / 5)].ms : t0 + span * k / 5;
    const label = formatTime(ms, axisZone, { year: false, label: false });
    const tick = h('span', { class: 'tick' }, label);
    tick.style.left = x + '%';
    axis.append(tick);
  }

  const labels = h('div', { class: 'swim-labels', 'aria-hidden': 'true' },
    h('div', { class: 'lab state-lab' }, t('story.stateTrack')),
    lanes.map((k) => h('div', { class: 'lab' }, h('span', { class: 'lane-dot k-' + k }), t('kind.' + k) === 'kind.' + k ? k : t('kind.' + k))),
    h('div', { class: 'lab axis-lab', 'data-testid': 'axis-zone' }, offsetLabel(axisZone)));
  const el = h('div', { class: 'swim' }, labels, h('div', { class: 'swim-track' }, stateTrack, track, axis));

  // --- interaction: click, and a roving focus moved with the arrow keys
  let focused = markers.length ? markers[binOfEvent[0]] : null;
  if (focused) focused.el.tabIndex = 0;
  let selected = null;
  const focusBin = (b) => {
    if (!b) return;
    if (focused) focused.el.tabIndex = -1;
    focused = b;
    b.el.tabIndex = 0;
    b.el.focus();
  };
  track.addEventListener('click', (ev) => {
    const m = ev.target.closest('.marker');
    if (!m) return;
    const i = Number(m.dataset.index);
    focusBin(markers[binOfEvent[i]]);
    onSelect(i);
  });
  track.addEventListener('keydown', (ev) => {
    const m = ev.target.closest('.marker');
    if (!m) return;
    const b = markers[binOfEvent[Number(m.dataset.index)]];
    const list = laneMarkers[b.lane];
    const at = list.indexOf(b);
    let next = null;
    if (ev.key === 'ArrowRight') next = list[at + 1];
    else if (ev.key === 'ArrowLeft') next = list[at - 1];
    else if (ev.key === 'Home') next = list[0];
    else if (ev.key === 'End') next = list[list.length - 1];
    else if (ev.key === 'ArrowUp' || ev.key === 'ArrowDown') {
      const step = ev.key === 'ArrowUp' ? -1 : 1;
      for (let l = b.lane + step; l >= 0 && l < lanes.length && !next; l += step) {
        next = nearest(laneMarkers[l], b.idx[0]);
      }
    } else return;
    ev.preventDefault();
    if (next) { focusBin(next); onSelect(next.idx[0]); }
  });

  function select(i) {
    if (selected) selected.el.classList.remove('sel');
    selected = markers[binOfEvent[i]];
    if (selected) {
      selected.el.classList.add('sel');
      if (focused !== selected) { if (focused) focused.el.tabIndex = -1; focused = selected; selected.el.tabIndex = 0; }
    }
  }
  return { el, select, nodes: markers.length };
}

function nearest(list, i) {
  let best = null;
  for (const b of list) if (!best || Math.abs(b.idx[0] - i) < Math.abs(best.idx[0] - i)) best = b;
  return best;
}

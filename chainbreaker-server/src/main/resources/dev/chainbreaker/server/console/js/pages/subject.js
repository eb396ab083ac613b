// The story of one phone: swimlanes along a time axis with the state track and the evidence chain,
// the selected event's decision and reasons, the case label, the linked identity graph and every
// event in a virtualised table. The whole history (up to 10,000 events) is fetched in pages of 2,000.
import { get, put, qs } from '../api.js';
import { h, clear, fill, loading, empty, errorBox, decisionBadge, riskBadge, stateBadge, labelBadge, fmtTime, fmtInstant, subjectZone, offsetLabel, kindOf, toast } from '../dom.js';
import { t, reasonText, codeLabel } from '../i18n.js';
import { swimlanes } from './timeline.js';
import { eventTable } from './eventtable.js';
import { identityGraph } from './graph.js';

/** Event fields whose values are codes the console names: field → prefix of their labels. */
const CODED_FIELDS = { channel: 'channel', verification: 'verif', realNameVerification: 'verif' };

const PAGE = 2000;
const MAX_EVENTS = 10000;
let scale = 'time';

export function render(root, phone) {
  const started = performance.now();
  const status = h('div', null, loading());
  root.append(h('section', { class: 'page story' }, status));
  let alive = true;

  (async () => {
    let first;
    let before;
    const timeline = [];
    const linked = new Map();
    try {
      do {
        // one more than the cap, so that "older events were left out" is known, not guessed
        const page = await get('/v1/subjects/' + encodeURIComponent(phone) + qs({ limit: Math.min(PAGE, MAX_EVENTS + 1 - timeline.length), before }));
        if (!alive) return;
        first = first || page;
        timeline.push(...page.timeline);
        page.linkedIdentifiers.forEach((l) => linked.set(l.kind + l.masked, l));
        before = page.nextBefore;
        fill(status, loading(t('story.loaded', { n: timeline.length })));
      } while (before !== undefined && before !== null && timeline.length <= MAX_EVENTS);
    } catch (e) {
      if (!alive) return;
      fill(status, e.status === 404 ? h('div', null, h('h1', null, phone), empty(t('story.notFound')), h('p', { class: 'muted' }, e.detail))
        : errorBox(e, () => { clear(root); render(root, phone); }));
      return;
    }
    const fetched = performance.now();
    const truncated = timeline.length > MAX_EVENTS;
    // the zone of the phone's derived times: its newest event's offset (the server's, else the newest fetched)
    const zone = subjectZone(first.zone, timeline[0]?.time);
    timeline.length = Math.min(timeline.length, MAX_EVENTS); // newest first: the oldest go
    timeline.reverse(); // the API pages newest first; the story reads oldest first
    const events = timeline.map((e) => ({ ...e, ms: Date.parse(e.time), kind: kindOf(e.source) }));
    events.sort((a, b) => a.ms - b.ms || a.seq - b.seq);
    const byId = new Map();
    events.forEach((e, i) => byId.set(e.eventId, i));
    const chain = new Set(first.chain.map((id) => byId.get(id)).filter((i) => i !== undefined));
    draw(root, status, first, events, chain, [...linked.values()], byId, truncated, zone);
    // Record how long the story took, for the browser test and for anyone curious (devtools: performance).
    const rendered = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      const painted = performance.now();
      const m = document.body.dataset;
      m.storyEvents = String(events.length);
      m.storyFetchMs = (fetched - started).toFixed(0);
      m.storyRenderMs = (rendered - fetched).toFixed(0);
      m.storyPaintedMs = (painted - started).toFixed(0);
    }, 0));
  })();
  return () => { alive = false; };
}

function draw(root, status, subject, events, chain, linked, byId, truncated, zone) {
  const phone = subject.subject;
  let selected = -1;
  const detail = h('div', { class: 'panel-body', 'data-testid': 'detail', 'aria-live': 'polite' }, h('p', { class: 'muted' }, t('story.pick')));
  const laneBox = h('div', { class: 'panel-body', 'data-testid': 'swimlanes' });
  let lanes;
  const table = eventTable(events, chain, (i) => select(i, 'table'));

  function drawLanes() {
    clear(laneBox);
    lanes = swimlanes(events, chain, scale, (i) => select(i, 'lanes'), zone);
    laneBox.append(lanes.el);
    if (selected >= 0) lanes.select(selected);
  }

  function select(i, from) {
    selected = i;
    lanes.select(i);
    table.select(i);
    showDetail(i);
  }

  function showDetail(i) {
    const e = events[i];
    const d = e.decision || {};
    const dl = h('dl', { class: 'kv' });
    const kv = (k, v) => { if (v !== undefined && v !== null && v !== '') dl.append(h('dt', null, k), h('dd', null, v)); };
    kv(t('col.time'), fmtTime(e.time));
    kv(t('col.source'), e.source);
    kv(t('col.type'), h('span', null, codeLabel('event', e.type), ' ', h('span', { class: 'mono muted' }, e.type)));
    kv(t('detail.id'), h('span', { class: 'mono' }, e.eventId));
    for (const [k, v] of Object.entries(e.details || {})) {
      const label = t('detail.' + k);
      // how a request came in and how its sender proved who they were, named; other values as sent
      const named = CODED_FIELDS[k] && typeof v === 'string' ? codeLabel(CODED_FIELDS[k], v) : null;
      kv(label === 'detail.' + k ? k : label, named && named !== v
        ? h('span', { title: v }, named) : h('span', { class: 'mono' }, String(v)));
    }
    const reasons = (d.reasons || []).map((r) => h('li', { class: 'reason-item' },
      h('div', null, h('code', null, r.code)),
      h('div', null, reasonText(r)),
      r.evidence?.length ? h('div', { class: 'chips', 'aria-label': t('story.evidence') }, r.evidence.map((id) => byId.has(id)
        ? h('button', { type: 'button', class: 'chip' + (chain.has(byId.get(id)) ? ' chip-chain' : ''), onclick: () => select(byId.get(id), 'chain') }, id)
        : h('span', { class: 'chip' }, id))) : null));
    fill(detail, 
      h('div', { class: 'detail-head' }, decisionBadge(d.decision), riskBadge(d.risk), stateBadge(d.subjectState),
        d.score !== undefined ? h('span', { class: 'muted' }, t('col.score') + ' ' + d.score) : null,
        chain.has(i) ? h('span', { class: 'badge chain-tag' }, t('story.chain')) : null),
      dl,
      reasons.length ? h('ol', { class: 'reasons' }, reasons) : null,
      d.requiredVerification?.length ? h('div', null, h('h3', null, t('story.required')), h('div', { class: 'chips' }, d.requiredVerification.map((v) => h('span', { class: 'chip', title: v }, codeLabel('verif', v))))) : null,
      d.actions?.length ? h('div', null, h('h3', null, t('story.actions')), h('div', { class: 'chips' }, d.actions.map((v) => h('span', { class: 'chip', title: v }, codeLabel('action', v))))) : null);
  }

  // --- evidence chain
  const chainList = [...chain].sort((a, b) => a - b);
  const chainBody = h('div', { class: 'panel-body', 'data-testid': 'chain' }, chainList.length
    ? h('ol', { class: 'chain-list' }, chainList.map((i, n) => {
      const e = events[i];
      return h('li', null, h('button', { type: 'button', class: 'chain-step', title: e.source + ' · ' + e.eventId, onclick: () => select(i, 'chain') },
        h('span', { class: 'step-n' }, String(n + 1)),
        h('span', { class: 'lane-dot k-' + e.kind, 'aria-hidden': 'true' }),
        h('span', { class: 'mono' }, fmtTime(e.time, { year: false })),
        h('span', { class: 'step-type', title: e.type }, codeLabel('event', e.type)),
        decisionBadge(e.decision?.decision)));
    }))
    : empty(t('story.chainEmpty')));

  // --- scale toggle
  const scaleToggle = h('fieldset', { class: 'seg-toggle' }, h('legend', { class: 'sr-only' }, t('story.scale')),
    ['time', 'order'].map((v) => h('label', null, h('input', { type: 'radio', name: 'scale', value: v, checked: scale === v, onchange: () => { scale = v; drawLanes(); } }),
      t(v === 'time' ? 'story.scaleTime' : 'story.scaleOrder'))));

  const head = h('div', { class: 'page-head' },
    h('h1', null, t('story.title', { phone })), stateBadge(subject.state),
    subject.stateSince ? h('span', { class: 'muted', 'data-testid': 'state-since', title: zoneNote(zone) }, t('story.since', { t: fmtInstant(subject.stateSince, zone) })) : null,
    h('span', { class: 'muted' }, t('story.events', { n: events.length })),
    truncated ? h('span', { class: 'warn' }, t('story.truncated', { n: events.length })) : null,
    h('div', { class: 'spacer' }), scaleToggle);

  const graph = identityGraph(phone, events, linked);
  fill(status, head,
    h('div', { class: 'story-grid' },
      h('div', { class: 'col-main' },
        panel(t('story.lanes'), laneBox),
        panel(t('story.eventsTable'), h('div', { class: 'panel-body flush' }, table.el)),
        panel(t('story.linked'), h('div', { class: 'panel-body' }, graph.el))),
      h('div', { class: 'col-side' },
        panel(t('case.title'), casePanel(phone, zone)),
        panel(t('story.detail'), detail),
        panel(t('story.chain') + ' (' + chainList.length + ')', chainBody))));
  drawLanes();
  // open on the newest event of the chain (what the analyst came for), else the newest event
  if (events.length) select(chainList.length ? chainList[chainList.length - 1] : events.length - 1, 'init');
}

/** Why a derived time reads in this zone (a tooltip): the phone's newest event's offset, else the browser's. */
function zoneNote(zone) {
  return zone === null || zone === undefined ? t('time.zoneBrowser') : t('time.zoneSubject', { z: offsetLabel(zone) });
}

function panel(title, body) {
  return h('section', { class: 'panel', 'aria-label': title }, h('h2', { class: 'panel-title' }, title), body);
}

function casePanel(phone, zone) {
  const body = h('div', { class: 'panel-body', 'data-testid': 'case' }, loading());
  const note = h('textarea', { id: 'case-note', rows: '2', maxlength: '2000' });
  const current = h('div', { class: 'case-current' });
  const errors = h('div');
  const show = (c) => {
    fill(current, labelBadge(c.label), c.labelledAt ? h('span', { class: 'muted', title: zoneNote(zone) }, ' ' + t('case.by', { who: c.labelledBy, t: fmtInstant(c.labelledAt, zone) })) : null);
    note.value = c.note || '';
  };
  const label = async (value, btn) => {
    clear(errors);
    btn.disabled = true;
    try {
      const c = await put('/v1/cases/' + encodeURIComponent(phone), { label: value, note: note.value });
      show(c);
      toast(t('case.saved'));
    } catch (e) {
      errors.append(errorBox(e));
    } finally {
      btn.disabled = false;
    }
  };
  const button = (value, key, cls) => {
    const b = h('button', { type: 'button', class: 'btn ' + cls, 'data-label': value, onclick: () => label(value, b) }, t(key));
    return b;
  };
  get('/v1/cases' + qs({ subject: phone })).then((r) => {
    fill(body, current,
      h('label', { class: 'field block', for: 'case-note' }, h('span', null, t('case.note')), note),
      h('div', { class: 'btn-row' }, button('confirmed_takeover', 'case.confirm', 'btn-danger'), button('false_alarm', 'case.falseAlarm', ''), button('open', 'case.reopen', 'btn-ghost')),
      errors);
    show(r.items[0] || { label: 'open' });
  }).catch((e) => fill(body, errorBox(e)));
  return body;
}

// Building the DOM without innerHTML: every piece of server data goes in as text, never as markup.
import { t } from './i18n.js';

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
      else if (k === 'value') el.value = v;
      else if (k === 'checked' || k === 'disabled' || k === 'selected') el[k] = !!v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }

/** Replaces el's children (null and false skipped, arrays flattened: unlike Element.append, which writes "null"). */
export function fill(el, ...children) { clear(el); append(el, children); return el; }

export const svgNs = 'http://www.w3.org/2000/svg';
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  append(el, children);
  return el;
}

export function loading(label) {
  return h('div', { class: 'loading', role: 'status', 'aria-busy': 'true' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), label || t('common.loading'));
}

export function empty(text) { return h('div', { class: 'empty', role: 'status' }, text); }

/** A readable error: the problem's title and detail, the field it names, and a retry button when given. */
export function errorBox(err, retry) {
  return h('div', { class: 'error', role: 'alert' },
    h('strong', null, err.title || t('common.error')),
    err.status ? h('span', { class: 'muted' }, ' · ' + t('error.status', { s: err.status })) : null,
    h('div', { class: 'error-detail' }, err.detail || err.message || ''),
    err.field ? h('div', { class: 'muted' }, t('common.field') + ': ' + err.field) : null,
    retry ? h('button', { class: 'btn', type: 'button', onclick: retry }, t('common.retry')) : null);
}

export function badge(kind, value, label) {
  return h('span', { class: 'badge ' + kind + '-' + String(value).toLowerCase().replace(/[^a-z_-]/g, '') }, label ?? value);
}

export const decisionBadge = (d) => d ? badge('dec', d, t('decision.' + d)) : h('span', { class: 'muted' }, t('common.none'));
export const riskBadge = (r) => r ? badge('risk', r, t('risk.' + r)) : h('span', { class: 'muted' }, t('common.none'));
export const stateBadge = (st) => st ? badge('state', st, t('state.' + st)) : h('span', { class: 'muted' }, t('common.none'));
export const labelBadge = (l) => badge('label', l, t('label.' + l));

// --- Times. Every time the console shows goes through formatTime, and always carries its offset:
// "2021-07-30 13:10:05 +08:00". An event is shown in its own offset (what the institution
// reported); a derived time (state since, case label) in the zone of its phone's events (the
// server's `zone`, the offset of the phone's newest event); a time with no phone (rule versions,
// keys) in the browser's zone. Never an unlabelled time, never two zones side by side unlabelled.

/** Minutes east of UTC of an RFC 3339 offset ("+08:00", "-05:30", "Z") ending text; null when none. */
export function offsetOf(text) {
  const m = /(?:([+-])(\d\d):?(\d\d)|Z)$/i.exec(text || '');
  if (!m) return null;
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The offset label: +08:00, -05:30, +00:00. */
export function offsetLabel(minutes) {
  const a = Math.abs(minutes);
  const p = (n) => String(n).padStart(2, '0');
  return (minutes < 0 ? '-' : '+') + p(Math.floor(a / 60)) + ':' + p(a % 60);
}

/** The browser's offset at that instant (minutes east of UTC), the zone of last resort. */
export function browserOffset(ms = Date.now()) { return -new Date(ms).getTimezoneOffset(); }

/**
 * The one time formatter: the instant ms shown at offset (minutes east of UTC; null: the browser's),
 * "2021-07-30 13:10 +08:00". Options: seconds (":05"), year (false drops "2021-"), label (false
 * drops the offset: only where the zone is printed once beside, as on the timeline axis).
 */
export function formatTime(ms, offset, { seconds = false, year = true, label = true } = {}) {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '';
  const off = offset ?? browserOffset(ms);
  const d = new Date(ms + off * 60000);
  const p = (n) => String(n).padStart(2, '0');
  let out = (year ? d.getUTCFullYear() + '-' : '') + p(d.getUTCMonth() + 1) + '-' + p(d.getUTCDate()) + ' ' + p(d.getUTCHours()) + ':' + p(d.getUTCMinutes());
  if (seconds) out += ':' + p(d.getUTCSeconds());
  return label ? out + ' ' + offsetLabel(off) : out;
}

/** An event's own time in its own offset, as the institution reported it: 2020-09-04 20:51:07 +08:00. */
export function fmtTime(text, opts) {
  if (!text) return '';
  return formatTime(Date.parse(text), offsetOf(text), { seconds: true, ...opts });
}

/**
 * A derived instant (server timestamp) in zone: an offset in minutes, an offset text ("+08:00", a
 * subject's `zone`), or null/undefined for the browser's zone. 2021-07-30 13:10 +08:00.
 */
export function fmtInstant(iso, zone, opts) {
  if (!iso) return '';
  return formatTime(Date.parse(iso), typeof zone === 'string' ? offsetOf(zone) : zone, opts);
}

/** The zone of a phone's derived times: its `zone` (newest event's offset), else a given event time's, else null (browser). */
export function subjectZone(zone, sampleTime) {
  return offsetOf(zone) ?? offsetOf(sampleTime);
}

/** The institution kind from a source such as /device-vendor/huawei-id. */
export function kindOf(source) { return (source || '').split('/')[1] || 'other'; }

export function subjectLink(phone) {
  return h('a', { class: 'mono', href: '#/subject/' + encodeURIComponent(phone) }, phone);
}

export function toast(text) {
  const el = document.getElementById('toast');
  el.textContent = text;
  el.classList.add('show');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => el.classList.remove('show'), 3000);
}

/** A labelled select whose options are [value, label] pairs. */
export function select(id, label, options, value, onchange) {
  return h('label', { class: 'field', for: id }, h('span', null, label),
    h('select', { id, onchange },
      options.map(([v, l]) => h('option', { value: v, selected: v === value }, l))));
}

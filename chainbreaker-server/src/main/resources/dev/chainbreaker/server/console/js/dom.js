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

/** An event's own time as written by the institution (its offset kept): 2020-09-04 20:51:07. */
export function fmtTime(text) {
  if (!text) return '';
  return text.replace('T', ' ').replace(/(\.\d+)?([+-]\d\d:\d\d|Z)$/, '');
}

/** An instant (server timestamps) in the browser's zone. */
export function fmtInstant(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
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

// The one way pages talk to the server: bearer key from this tab's sessionStorage, and every
// non-2xx answer turned into an ApiError carrying the RFC 9457 problem (title, detail, field).
import { t } from './i18n.js';

const KEY = 'cb.key';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || t('error.status', { s: status }));
    this.status = status;
    this.title = problem.title || t('common.error');
    this.detail = problem.detail || '';
    this.field = problem.field || null;
  }
}

export function getKey() { return sessionStorage.getItem(KEY); }
export function setKey(k) { if (k) sessionStorage.setItem(KEY, k); else sessionStorage.removeItem(KEY); }

/** Called on 401 so the app can send the user back to the login page. */
let onUnauthorized = () => {};
export function setUnauthorizedHandler(f) { onUnauthorized = f; }

export async function request(method, path, { body, type, raw, key } = {}) {
  const headers = { Authorization: 'Bearer ' + (key ?? getKey() ?? '') };
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = type || 'application/json';
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, { method, headers, body: payload, cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, { title: t('common.error'), detail: t('common.network') });
  }
  if (!res.ok) {
    let problem = {};
    try { problem = await res.json(); } catch (e) { problem = { detail: res.statusText }; }
    const err = new ApiError(res.status, problem);
    if (res.status === 401 && key === undefined) onUnauthorized(err);
    throw err;
  }
  if (res.status === 204) return null;
  if (raw) return res.text();
  return res.json();
}

export const get = (path, opts) => request('GET', path, opts);
export const post = (path, body, opts = {}) => request('POST', path, { ...opts, body });
export const put = (path, body, opts = {}) => request('PUT', path, { ...opts, body });
export const del = (path) => request('DELETE', path);

/** A query string from the non-empty members of an object. */
export function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, v);
  const s = p.toString();
  return s ? '?' + s : '';
}

// The console shell: the top bar, the hash router (#/live, #/subject/+86..., #/cases, #/screen,
// #/rules, #/keys) and the login gate. Each page module renders into <main> and may return a
// cleanup function (timers, listeners) that runs when the user leaves the page.
import { get, getKey, setKey, setUnauthorizedHandler } from './api.js';
import { h, clear } from './dom.js';
import { t, currentLang, setLang, onLangChange } from './i18n.js';
import * as login from './pages/login.js';
import * as live from './pages/live.js';
import * as subject from './pages/subject.js';
import * as cases from './pages/cases.js';
import * as screen from './pages/screen.js';
import * as rules from './pages/rules.js';
import * as keys from './pages/keys.js';

const pages = { login, live, subject, cases, screen, rules, keys };
const main = document.getElementById('main');
const topbar = document.getElementById('topbar');
let me = null;
let cleanup = null;

function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [name, ...rest] = hash.split('/');
  return { name: name || 'live', arg: rest.length ? decodeURIComponent(rest.join('/')) : null };
}

async function ensureMe() {
  if (me || !getKey()) return me;
  try {
    me = await get('/v1/me');
  } catch (e) {
    if (e.status === 401) { setKey(null); me = null; }
    else throw e;
  }
  return me;
}

let generation = 0;

async function render() {
  if (cleanup) { try { cleanup(); } catch (e) { /* a page's cleanup must not stop navigation */ } cleanup = null; }
  const mine = ++generation;
  let r = route();
  try {
    await ensureMe();
  } catch (e) {
    me = null; // the server is unreachable: the login page shows why
  }
  if (mine !== generation) return; // the user navigated again while the key was being checked
  if (!me && r.name !== 'login') { location.replace('#/login'); return; }
  if (me && r.name === 'login') { location.replace('#/live'); return; }
  if (!pages[r.name] || (r.name === 'keys' && me?.role !== 'admin')) r = { name: 'live', arg: null };
  renderTopbar(r.name);
  clear(main);
  document.title = t('app.name');
  const ctx = { me, signedIn: (m) => { me = m; location.hash = '#/live'; } };
  cleanup = pages[r.name].render(main, r.arg, ctx) || null;
}

function renderTopbar(active) {
  clear(topbar);
  const langBtn = h('button', { class: 'btn btn-ghost', type: 'button', 'aria-label': t('lang.toggleLabel'), onclick: () => setLang(currentLang() === 'zh' ? 'en' : 'zh'), 'data-testid': 'lang' }, t('lang.toggle'));
  const brand = h('a', { class: 'brand', href: '#/live' }, h('img', { src: '/console/favicon.svg', alt: '', width: 18, height: 18 }), t('app.name'));
  if (!me) { topbar.append(brand, h('div', { class: 'spacer' }), langBtn); return; }
  const links = [['live', 'nav.live'], ['cases', 'nav.cases'], ['screen', 'nav.screen'], ['rules', 'nav.rules']];
  if (me.role === 'admin') links.push(['keys', 'nav.keys']);
  const nav = h('nav', { 'aria-label': t('nav.main') }, h('ul', null, links.map(([p, k]) =>
    h('li', null, h('a', { href: '#/' + p, 'aria-current': active === p ? 'page' : null }, t(k))))));
  const search = h('form', { class: 'search', role: 'search', onsubmit: (ev) => {
    ev.preventDefault();
    const v = ev.target.elements.phone.value.trim();
    if (v) location.hash = '#/subject/' + encodeURIComponent(v);
  } }, h('input', { name: 'phone', type: 'search', placeholder: t('nav.searchPlaceholder'), 'aria-label': t('nav.search'), autocomplete: 'off' }));
  const who = h('span', { class: 'who', title: me.id }, me.name + ' · ' + t('role.' + me.role));
  const out = h('button', { class: 'btn btn-ghost', type: 'button', onclick: () => { setKey(null); me = null; location.hash = '#/login'; } }, t('nav.signout'));
  topbar.append(brand, nav, search, h('div', { class: 'spacer' }), who, langBtn, out);
}

setUnauthorizedHandler(() => { setKey(null); me = null; if (route().name !== 'login') location.hash = '#/login'; });
onLangChange(() => render());
window.addEventListener('hashchange', render);
document.querySelector('.skip').textContent = t('skip');
render();

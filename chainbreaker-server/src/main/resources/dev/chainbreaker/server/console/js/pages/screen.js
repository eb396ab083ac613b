// The screening playground: paste a text, see the verdict with the suspicious link and phrases
// highlighted where the screener found them (character spans) and its reasons.
import { post } from '../api.js';
import { h, fill, loading, empty, errorBox, badge } from '../dom.js';
import { t, reasonText, codeLabel } from '../i18n.js';

const SAMPLES = {
  fraud: { text: '【社保中心】您的社保账户未上传电子审核，请点击 p.uukp1.cc 在线办理，过时将被注销账户', sender: '+8617000000000' },
  benign: { text: '晚上一起吃饭吗？我七点下班，老地方见。', sender: '+8613900000001' },
};
const kept = { text: '', sender: '' }; // the text survives a language switch

export function render(root) {
  const text = h('textarea', { id: 'sc-text', rows: '6', value: kept.text, 'data-testid': 'screen-text', oninput: (e) => { kept.text = e.target.value; },
    onkeydown: (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); } } });
  const sender = h('input', { id: 'sc-sender', type: 'text', value: kept.sender, oninput: (e) => { kept.sender = e.target.value; } });
  const out = h('div', { class: 'panel-body', 'data-testid': 'screen-result' }, empty(t('screen.empty')));
  const button = h('button', { class: 'btn btn-primary', type: 'submit' }, t('screen.submit'));

  async function run() {
    const body = text.value;
    if (!body.trim()) { text.focus(); return; }
    button.disabled = true;
    fill(out, loading());
    try {
      const v = await post('/v1/messages/screen', { text: body, sender: sender.value.trim() || undefined });
      show(body, v);
    } catch (e) {
      fill(out, errorBox(e));
    } finally {
      button.disabled = false;
    }
  }

  function show(body, v) {
    const reasons = v.reasons.map((r) => h('li', { class: 'reason-item' },
      h('code', null, r.code), ' ', reasonText(r),
      r.span && r.span[1] > r.span[0] ? h('q', { class: 'quote' }, body.slice(r.span[0], r.span[1])) : null));
    fill(out, 
      h('div', { class: 'detail-head' }, badge('verdict', v.verdict, t('verdict.' + v.verdict)),
        h('span', null, t('screen.score') + ' ', h('b', null, Number(v.score).toFixed(2))),
        h('meter', { min: '0', max: '1', value: String(v.score), 'aria-label': t('screen.score') }),
        v.category ? h('span', { class: 'chip', title: v.category, 'data-testid': 'category' }, codeLabel('category', v.category)) : null),
      h('h3', null, t('screen.highlighted')),
      h('p', { class: 'legend' }, h('mark', { class: 'hl-link' }, t('screen.legendLink')), ' ', h('mark', { class: 'hl-phrase' }, t('screen.legendPhrase'))),
      h('div', { class: 'highlighted', 'data-testid': 'highlighted' }, highlight(body, v)),
      v.links.length ? h('div', null, h('h3', null, t('screen.links')), h('ul', { class: 'plain' }, v.links.map((l) =>
        h('li', null, h('span', { class: 'mono' }, l.text), ' → ', h('span', { class: 'mono' }, l.registrableDomain || l.host), ' ', badge('risk', l.risk, t('risk.' + l.risk)))))) : null,
      h('h3', null, t('screen.reasons')),
      reasons.length ? h('ol', { class: 'reasons' }, reasons) : h('p', { class: 'muted' }, t('screen.noReasons')),
      v.advice?.length ? h('div', null, h('h3', null, t('screen.advice')), h('ul', { class: 'plain' }, v.advice.map((a) => h('li', null, a)))) : null);
  }

  root.append(h('section', { class: 'page' },
    h('div', { class: 'page-head' }, h('h1', null, t('screen.title'))),
    h('div', { class: 'two-col' },
      h('form', { class: 'panel', onsubmit: (e) => { e.preventDefault(); run(); } },
        h('div', { class: 'panel-body' },
          h('label', { class: 'field block', for: 'sc-text' }, h('span', null, t('screen.text')), text),
          h('label', { class: 'field block', for: 'sc-sender' }, h('span', null, t('screen.sender')), sender),
          h('div', { class: 'btn-row' }, button,
            h('button', { class: 'btn btn-ghost', type: 'button', onclick: () => useSample(SAMPLES.fraud) }, t('screen.sample')),
            h('button', { class: 'btn btn-ghost', type: 'button', onclick: () => useSample(SAMPLES.benign) }, t('screen.sampleBenign'))),
          h('p', { class: 'muted' }, t('screen.shortcut')))),
      h('section', { class: 'panel', 'aria-label': t('screen.verdict') }, h('h2', { class: 'panel-title' }, t('screen.verdict')), out))));

  function useSample(sample) {
    text.value = kept.text = sample.text;
    sender.value = kept.sender = sample.sender;
    text.focus();
  }
}

/** The text split into runs by the spans that cover them: link spans and reason (phrase) spans. */
function highlight(body, v) {
  const n = body.length;
  const link = new Uint8Array(n + 1);
  const phrase = new Uint8Array(n + 1);
  const titles = new Array(n).fill(null);
  const mark = (arr, span, title) => {
    if (!span || span.length < 2) return;
    const a = Math.max(0, span[0]), b = Math.min(n, span[1]);
    for (let i = a; i < b; i++) { arr[i] = 1; if (title) titles[i] = titles[i] ? titles[i] + '; ' + title : title; }
  };
  v.links.forEach((l) => mark(link, l.span, l.host));
  v.reasons.forEach((r) => mark(phrase, r.span, r.code));
  const parts = [];
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && link[j] === link[i] && phrase[j] === phrase[i] && titles[j] === titles[i]) j++;
    const chunk = body.slice(i, j);
    if (link[i]) parts.push(h('mark', { class: 'hl-link', title: titles[i] }, chunk));
    else if (phrase[i]) parts.push(h('mark', { class: 'hl-phrase', title: titles[i] }, chunk));
    else parts.push(chunk);
    i = j;
  }
  return parts;
}

// Browser test of the analyst console against a running server (started by ConsoleBrowserTest).
// Env: CB_URL (http://127.0.0.1:PORT), CB_ADMIN_KEY, CB_SHOTS (screenshot folder),
// CB_BIG_EVENTS (events for the large-phone measurement; default 10000).
// Walks the story of the seed stolen phone like an analyst, then measures a 10,000-event story.
// The browser runs in America/New_York, neither UTC nor the events' +08:00, so a time shown in the
// wrong zone, or without its offset, is caught (see "times: one zone, labelled").
// Exits non-zero on the first failed step; prints METRIC lines for the numbers.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const URL = process.env.CB_URL;
const ADMIN = process.env.CB_ADMIN_KEY;
const SHOTS = process.env.CB_SHOTS || 'target/console-screenshots';
const BIG = Number(process.env.CB_BIG_EVENTS || 10000);
const SEED = '+8613800000001';
const BIG_PHONE = '+8613900010000';
const BROWSER_ZONE = 'America/New_York';
const SEED_ZONE = '+08:00'; // every event of the seed scenario carries +08:00
/** An instant as the console must show a derived time at +08:00: 2021-07-30 13:10 +08:00. */
const at8 = (iso) => new Date(Date.parse(iso) + 8 * 3600e3).toISOString().slice(0, 16).replace('T', ' ') + ' ' + SEED_ZONE;
const EVENT_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d$/;
if (!URL || !ADMIN) { console.error('CB_URL and CB_ADMIN_KEY are required'); process.exit(2); }
mkdirSync(SHOTS, { recursive: true });

const T = 15000; // per-step timeout
let step = '';
const log = (s) => { step = s; console.log('step: ' + s); };

async function api(method, path, body, type = 'application/json', key = ADMIN) {
  const res = await fetch(URL + path, { method, headers: { Authorization: 'Bearer ' + key, 'Content-Type': type }, body });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

const browser = await chromium.launch({
  executablePath: process.env.CB_CHROMIUM || '/usr/bin/chromium',
  // the network is closed: without these chromium waits on services it cannot reach
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  timeout: 60000,
});
const problems = [];
let expectErrors = false;
let page;
try {
  const analyst = (await api('POST', '/v1/keys', JSON.stringify({ role: 'analyst', name: 'browser test analyst' }))).key;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, timezoneId: BROWSER_ZONE });
  page = await context.newPage();
  page.setDefaultTimeout(T);
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !expectErrors) problems.push('console error: ' + m.text()); });
  // page.fill stalls on a 26 KB textarea in this chromium; set the draft as a paste would, with one input event
  const setEditor = (text) => page.$eval('[data-testid=rules-editor]', (el, v) => { el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); }, text);
  const shot = (name) => page.screenshot({ path: join(SHOTS, name + '.png'), fullPage: false });

  log('login with the keyboard');
  await page.goto(URL + '/');
  await page.waitForSelector('#key');
  await shot('01-login');
  expectErrors = true; // the browser logs the 401 of the wrong key
  await page.keyboard.type('wrong-key-0000000000');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.error[role=alert]');
  expectErrors = false;
  await page.fill('#key', analyst);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=decisions] tbody tr');
  await shot('02-live');
  const liveTime = (await page.locator('[data-testid=decisions] tbody tr td').first().textContent()).trim();
  if (!EVENT_TIME.test(liveTime)) throw new Error('a live decision\'s time lacks its offset: ' + liveTime);

  log('filter the live feed by decision and institution kind');
  await page.selectOption('#f-decision', 'DENY');
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid=decisions] tbody tr')];
    return rows.length > 0 && rows.every((r) => r.querySelector('.dec-deny'));
  });
  await page.selectOption('#f-kind', 'lender');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=decisions] tbody tr')].every((r) => r.textContent.includes('/lender/')));
  await page.selectOption('#f-decision', '');
  await page.selectOption('#f-kind', '');

  log('open the seed subject with one click');
  await page.locator('[data-testid=decisions] a', { hasText: SEED }).first().click();
  await page.waitForSelector('[data-testid=swimlanes] .marker');
  await page.waitForSelector('[data-testid=chain] .chain-step');
  const chainSteps = await page.locator('[data-testid=chain] .chain-step').count();
  if (chainSteps < 3) throw new Error('evidence chain has ' + chainSteps + ' steps');
  const story = await page.textContent('main');
  for (const want of ['COMPROMISED', 'RECOVERING']) {
    if (!(await page.locator('.state-track .state-' + want.toLowerCase()).count())) throw new Error('state track lacks ' + want);
  }
  if (!/\*{4}/.test(story)) throw new Error('no masked identifier shown');
  if (/6217\d{8,}/.test(story) || /5101\d{14}/.test(story)) throw new Error('a raw card or ID number is on the page');
  const markers = await page.locator('[data-testid=swimlanes] .marker.chain').count();
  if (!markers) throw new Error('no chain marker highlighted on the swimlanes');
  await page.waitForSelector('[data-testid=detail] .reasons');
  await shot('03-story');

  log('times: one zone, labelled (the header\'s "since" in the zone of the events)');
  const seedSubject = await api('GET', '/v1/subjects/' + encodeURIComponent(SEED) + '?limit=1');
  if (!seedSubject.stateSince) throw new Error('the seed subject has no stateSince');
  const sinceWant = at8(seedSubject.stateSince);
  const head = (await page.textContent('.page-head')).replace(/\s+/g, ' ');
  if (!head.includes('since ' + sinceWant)) throw new Error(`the header's "since" is not in the events' zone with its offset: want "since ${sinceWant}", header "${head}"`);
  if (seedSubject.zone !== SEED_ZONE) throw new Error('the subject\'s zone is ' + seedSubject.zone + ', not ' + SEED_ZONE);
  const rowTimes = await page.$$eval('[data-testid=event-table] .vt-rows .vt-row', (rs) => rs.map((r) => r.firstChild.textContent.trim()));
  if (!rowTimes.length) throw new Error('no event rows');
  const badRow = rowTimes.find((x) => !EVENT_TIME.test(x) || !x.endsWith(' ' + SEED_ZONE));
  if (badRow !== undefined) throw new Error('an event row\'s time is not in ' + SEED_ZONE + ' with its offset: ' + badRow);
  const stepTimes = await page.$$eval('[data-testid=chain] .chain-step .mono', (xs) => xs.map((x) => x.textContent.trim()));
  const badStep = stepTimes.find((x) => !x.endsWith(' ' + SEED_ZONE));
  if (badStep !== undefined) throw new Error('a chain step\'s time lacks ' + SEED_ZONE + ': ' + badStep);
  const detailTime = (await page.locator('[data-testid=detail] dd').first().textContent()).trim();
  if (!EVENT_TIME.test(detailTime) || !detailTime.endsWith(' ' + SEED_ZONE)) throw new Error('the selected event\'s time lacks ' + SEED_ZONE + ': ' + detailTime);
  const axisZone = (await page.textContent('[data-testid=axis-zone]')).trim();
  if (axisZone !== SEED_ZONE) throw new Error('the timeline axis is labelled ' + axisZone + ', not ' + SEED_ZONE);
  console.log('times: since ' + sinceWant + ', events ' + rowTimes[0] + ' … ' + rowTimes[rowTimes.length - 1]);

  log('follow the evidence chain');
  await page.locator('[data-testid=chain] .chain-step').first().click();
  const firstId = await page.locator('[data-testid=detail] dd .mono').nth(1).textContent();
  if (!firstId) throw new Error('no event selected from the chain');
  const chip = page.locator('[data-testid=detail] button.chip').first();
  if (await chip.count()) await chip.click();

  log('move along a lane with the keyboard');
  const before = await page.textContent('[data-testid=detail]');
  await page.locator('[data-testid=swimlanes] .marker[tabindex="0"]').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  const after = await page.textContent('[data-testid=detail]');
  if (before === after) throw new Error('arrow keys on the swimlanes did not change the selected event');
  await page.locator('[data-testid=event-table]').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  if (!(await page.locator('.vt-row.sel[aria-rowindex="3"]').count())) throw new Error('arrow keys in the event table did not select row 2');

  log('label the case');
  await page.fill('#case-note', 'owner confirmed by phone from the alternate contact');
  await page.click('[data-testid=case] button[data-label=confirmed_takeover]');
  await page.waitForSelector('[data-testid=case] .label-confirmed_takeover');

  log('cases page: the label is listed and exported');
  await page.click('nav a[href="#/cases"]');
  await page.waitForSelector('[data-testid=cases] tbody tr');
  const row = page.locator('[data-testid=cases] tr', { hasText: SEED });
  await row.locator('.label-confirmed_takeover').waitFor();
  const caseCells = await row.locator('td').allTextContents();
  if (!caseCells.includes(sinceWant)) throw new Error(`the case's "state since" is not ${sinceWant}: ${caseCells.join(' | ')}`);
  const labelledCell = caseCells.find((x) => x.includes(' · '));
  if (!labelledCell || !/\d\d:\d\d \+08:00$/.test(labelledCell.trim())) throw new Error('the case\'s label time is not in ' + SEED_ZONE + ': ' + labelledCell);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=' + (await page.locator('.page-head .btn').first().textContent()))]);
  const path = await download.path();
  const csv = (await import('node:fs')).readFileSync(path, 'utf8');
  if (!csv.includes(SEED) || !csv.includes('confirmed_takeover')) throw new Error('export lacks the label: ' + csv.slice(0, 200));
  await shot('04-cases');
  await page.selectOption('#c-label', 'false_alarm');
  await page.waitForSelector('main .empty');
  await page.selectOption('#c-label', '');

  log('screen a text in the playground');
  await page.click('nav a[href="#/screen"]');
  await page.fill('[data-testid=screen-text]', '【社保中心】您的社保账户未上传电子审核，请点击 p.uukp1.cc 在线办理，过时将被注销账户');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('[data-testid=screen-result] .badge[class*=verdict-]');
  await page.waitForSelector('[data-testid=highlighted] mark.hl-link');
  const verdict = await page.textContent('[data-testid=screen-result] .badge[class*=verdict-]');
  const reasons = await page.locator('[data-testid=screen-result] .reasons li').count();
  if (!reasons) throw new Error('no reasons shown for the phishing text');
  // the category is named in words, with its code kept for analysts in the tooltip
  const category = await page.textContent('[data-testid=category]');
  if (category !== 'Social security' || (await page.getAttribute('[data-testid=category]', 'title')) !== 'social_security') {
    throw new Error('the category is not shown by name: ' + category);
  }
  console.log('screening verdict: ' + verdict + ', ' + reasons + ' reasons, category ' + category);
  await shot('05-screen');

  log('rules: a broken draft shows its error inline');
  await page.click('nav a[href="#/rules"]');
  await page.waitForSelector('[data-testid=rules-editor]');
  const yaml = await page.inputValue('[data-testid=rules-editor]');
  expectErrors = true; // the browser logs the 400 of the invalid draft
  await setEditor(yaml.replace('when: since.owner_back > 360', 'when: since.nonsense_signal > 360'));
  await page.click('text=' + (await page.locator('.toolbar .btn').first().textContent()));
  await page.waitForSelector('[data-testid=rules-error]');
  if (!(await page.isDisabled('[data-testid=publish]'))) throw new Error('publish enabled without a dry run');
  await shot('06-rules-error');
  expectErrors = false;

  log('rules: dry-run a change, then publish it (as admin)');
  await page.evaluate((k) => sessionStorage.setItem('cb.key', k), ADMIN);
  await page.reload();
  await page.waitForSelector('[data-testid=rules-editor]');
  const changed = yaml.replace('decision: DENY', 'decision: REVIEW');
  if (changed === yaml) throw new Error('no DENY rule to change in the active pack');
  await setEditor(changed);
  if (!(await page.isDisabled('[data-testid=publish]'))) throw new Error('publish enabled before the dry run');
  await page.click('[data-testid=dry-run]');
  await page.waitForSelector('[data-testid=dry-run-summary]', { timeout: 60000 });
  const summary = await page.textContent('[data-testid=dry-run-summary]');
  await page.waitForSelector('[data-testid=dry-run-changes] tbody tr');
  console.log('dry run: ' + summary);
  await shot('07-rules-dry-run');
  await page.click('[data-testid=publish]');
  await page.waitForSelector('[data-testid=published]');
  await page.click('#tab-history');
  await page.waitForSelector('[data-testid=rules-history] tbody tr:nth-child(2)');
  const changedAt = (await page.locator('[data-testid=rules-history] tbody tr td').nth(3).textContent()).trim();
  // no phone here: the browser's zone (New York), labelled
  if (!/^\d{4}-\d\d-\d\d \d\d:\d\d -0[45]:00$/.test(changedAt)) throw new Error('a rule version\'s time is not in the browser\'s zone with its offset: ' + changedAt);
  await shot('08-rules-history');

  log('keys page (admin)');
  await page.click('nav a[href="#/keys"]');
  await page.fill('#k-name', 'night shift analyst');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=new-key]');
  await shot('09-keys');

  log('Chinese throughout, remembered');
  await page.goto(URL + '/#/subject/' + encodeURIComponent(SEED));
  await page.waitForSelector('[data-testid=swimlanes] .marker');
  await page.click('[data-testid=lang]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await page.reload();
  await page.waitForSelector('[data-testid=swimlanes] .marker');
  const zh = await page.textContent('body');
  if (!zh.includes('证据链') || !zh.includes('实时决策') || (await page.getAttribute('html', 'lang')) !== 'zh-CN') throw new Error('the page is not in Chinese after a reload');
  // events and verifications are named in Chinese, not shown as codes (更换手机 = telecom.device.changed)
  if (!zh.includes('更换手机') || !zh.includes('重置服务密码') || !zh.includes('短信验证码')) {
    throw new Error('the event types and verifications are not named in Chinese');
  }
  const zhHead = (await page.textContent('.page-head')).replace(/\s+/g, ' ');
  if (!zhHead.includes('自 ' + sinceWant)) throw new Error(`the Chinese header's "since" is not "自 ${sinceWant}": ${zhHead}`);
  await shot('10-story-zh');
  await page.click('[data-testid=lang]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');

  log('empty state and a server error with a readable message');
  expectErrors = true; // the browser logs the 404 and the simulated 500
  await page.goto(URL + '/#/subject/13600000000');
  await page.waitForSelector('main .empty');
  await page.route('**/v1/decisions**', (r) => r.fulfill({ status: 500, contentType: 'application/problem+json',
    body: JSON.stringify({ type: 'https://chainbreaker.dev/problems/internal-error', title: 'Internal error', status: 500, detail: 'simulated outage for the browser test' }) }));
  await page.goto(URL + '/#/live');
  await page.waitForSelector('.error[role=alert]');
  const err = await page.textContent('.error[role=alert]');
  if (!err.includes('simulated outage')) throw new Error('the problem detail is not shown: ' + err);
  await shot('11-error');
  await page.unroute('**/v1/decisions**');
  expectErrors = false;

  log(`a phone with ${BIG} events: post them`);
  const t0 = Date.now();
  await postBigPhone(BIG);
  console.log(`posted ${BIG} events in ${Date.now() - t0} ms`);

  log(`a phone with ${BIG} events: render the story`);
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.__longest = Math.max(window.__longest, e.duration); })).observe({ type: 'longtask', buffered: false });
    delete document.body.dataset.storyPaintedMs;
  });
  const navStart = Date.now();
  await page.goto(URL + '/#/subject/' + encodeURIComponent(BIG_PHONE));
  await page.waitForFunction(() => document.body.dataset.storyPaintedMs, null, { timeout: 120000 });
  const wall = Date.now() - navStart;
  const m = await page.evaluate(() => ({ ...document.body.dataset, nodes: document.querySelectorAll('.marker').length, rows: document.querySelectorAll('.vt-rows .vt-row').length }));
  if (Number(m.storyEvents) !== BIG) throw new Error('story shows ' + m.storyEvents + ' events, not ' + BIG);
  await shot('12-story-10k');
  // responsiveness: click 30 markers; time each handler, and the frame after it
  const clicks = await page.evaluate(async () => {
    const ms = [...document.querySelectorAll('[data-testid=swimlanes] .marker')];
    const handler = [];
    const frame = [];
    for (let k = 0; k < 30; k++) {
      const el = ms[Math.floor((k + 0.5) * ms.length / 30)];
      const a = performance.now();
      el.click();
      const b = performance.now();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      handler.push(b - a);
      frame.push(performance.now() - a);
    }
    const sorted = (x) => [...x].sort((p, q) => p - q);
    return { handlerMedian: sorted(handler)[15], handlerMax: sorted(handler)[29], frameMedian: sorted(frame)[15], frameMax: sorted(frame)[29] };
  });
  // the table scrolls: jump to the end and back, timing the frame
  const scroll = await page.evaluate(async () => {
    const v = document.querySelector('[data-testid=event-table]');
    const a = performance.now();
    v.scrollTop = v.scrollHeight;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - a;
  });
  const longest = await page.evaluate(() => window.__longest);
  const metrics = {
    events: Number(m.storyEvents), fetchMs: Number(m.storyFetchMs), renderMs: Number(m.storyRenderMs), paintedMs: Number(m.storyPaintedMs),
    wallMs: wall, markerNodes: m.nodes, tableRowsInDom: m.rows, longestTaskMs: Math.round(longest),
    clickHandlerMedianMs: +clicks.handlerMedian.toFixed(1), clickHandlerMaxMs: +clicks.handlerMax.toFixed(1),
    clickToFrameMedianMs: +clicks.frameMedian.toFixed(1), clickToFrameMaxMs: +clicks.frameMax.toFixed(1), scrollToEndFrameMs: +scroll.toFixed(1),
  };
  console.log('METRIC story-10k ' + JSON.stringify(metrics));
  // generous bounds: a shared 2-core CI machine; the figures are recorded in CONSOLE.md
  if (metrics.renderMs > 3000) throw new Error('rendering took ' + metrics.renderMs + ' ms');
  if (metrics.paintedMs > 30000) throw new Error('the story took ' + metrics.paintedMs + ' ms to appear');
  // the median bounds the typical click; the max only catches a frozen page (other builds share the CPU)
  if (metrics.clickToFrameMedianMs > 250) throw new Error('clicks took ' + metrics.clickToFrameMedianMs + ' ms (median) to show');
  if (metrics.clickHandlerMaxMs > 500 || metrics.clickToFrameMaxMs > 1500) throw new Error('a click took ' + metrics.clickToFrameMaxMs + ' ms to show');
  if (problems.length) throw new Error(problems.join('\n'));
  console.log('console browser test: OK');
} catch (e) {
  console.error('FAILED at step "' + step + '": ' + (e.stack || e));
  for (const p of problems) console.error(p);
  if (page) {
    await page.screenshot({ path: join(SHOTS, 'failure.png') }).catch(() => {});
    console.error('page text at failure: ' + (await page.textContent('main').catch(() => '')).slice(0, 1500));
  }
  await browser.close();
  process.exit(1);
}
await browser.close();

/** Posts a realistic mixed history for one phone: logins, codes, payments, cards, a few telecom events. */
async function postBigPhone(n) {
  const types = [
    ['/payment/alipay', 'auth.otp.sent', () => ({ purpose: 'login', senderNumber: '95188' })],
    ['/payment/alipay', 'account.login', (i) => ({ account: 'acct-alipay-0001', verification: 'password', deviceId: 'dev-1', deviceModel: 'HUAWEI P30', newDevice: false })],
    ['/payment/wechat-pay', 'payment.initiated', (i) => ({ account: 'wx-0001', amount: String(10 + (i % 90)) + '.00', currency: 'CNY', category: 'merchant', counterparty: 'shop-' + (i % 50) })],
    ['/bank/icbc', 'account.login', () => ({ account: 'icbc-0001', verification: 'password', deviceId: 'dev-1', newDevice: false })],
    ['/bank/icbc', 'payment.initiated', (i) => ({ account: 'icbc-0001', amount: String(100 + (i % 400)) + '.00', currency: 'CNY', card: '6222020200001234567', category: 'transfer' })],
    ['/gov/sc-hrss-app', 'account.login', () => ({ account: 'hrss-0001', verification: 'password', deviceId: 'dev-1', newDevice: false })],
    ['/lender/meituan-loan', 'auth.otp.sent', () => ({ purpose: 'login', senderNumber: '10690' })],
    ['/device-vendor/huawei-id', 'account.login', () => ({ account: 'hw-0001', verification: 'trusted_device', deviceId: 'dev-1', newDevice: false })],
    ['/telecom/sc-telecom', 'telecom.sms.sent', () => ({ to: '+8613900000099' })],
  ];
  const start = Date.parse('2026-01-01T08:00:00+08:00');
  const step = Math.floor((90 * 24 * 3600 * 1000) / n); // 90 days of history
  const events = [];
  for (let i = 0; i < n; i++) {
    const [source, type, data] = types[i % types.length];
    const d = new Date(start + i * step + 8 * 3600 * 1000);
    const time = d.toISOString().slice(0, 19) + '+08:00';
    events.push({ specversion: '1.0', id: 'big-' + i, source, type, time, subject: BIG_PHONE, datacontenttype: 'application/json', data: data(i) });
  }
  // one takeover in the middle, so the story has a chain to draw
  const mid = Math.floor(n / 2);
  const at = (k) => new Date(start + (mid + k) * step + 8 * 3600 * 1000 + 1000).toISOString().slice(0, 19) + '+08:00';
  events.splice(mid, 0,
    { specversion: '1.0', id: 'big-x1', source: '/telecom/sc-telecom', type: 'telecom.sim.replaced', time: at(0), subject: BIG_PHONE, data: { channel: 'hotline', verification: 'service_password' } },
    { specversion: '1.0', id: 'big-x2', source: '/payment/alipay', type: 'account.login', time: at(1), subject: BIG_PHONE, data: { account: 'acct-alipay-0001', verification: 'sms_otp', deviceId: 'dev-x', newDevice: true } },
    { specversion: '1.0', id: 'big-x3', source: '/payment/alipay', type: 'payment.password.reset', time: at(2), subject: BIG_PHONE, data: { account: 'acct-alipay-0001', verification: 'sms_otp' } },
    { specversion: '1.0', id: 'big-x4', source: '/telecom/sc-telecom', type: 'telecom.call_forwarding.set', time: at(3), subject: BIG_PHONE, data: { kind: 'unconditional', target: '+8617000000001' } });
  events.length = n;
  for (let i = 0; i < events.length; i += 1000) {
    await api('POST', '/v1/events', JSON.stringify(events.slice(i, i + 1000)), 'application/cloudevents-batch+json');
  }
}

// Delivery as a phone on a slow link sees it: the first screen paints in one round trip
// with the critical CSS inside the page, and no page breaks its Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useServerAndBrowser, newWatchedContext, pageTypes, artifacts } from './harness.mjs';

const env = useServerAndBrowser(before, after);

// Slow 3G as the issue sets it: a 2 s round trip, 50 kB/s each way, a CPU 4× slower.
const SLOW_LINK = { offline: false, latency: 2000, downloadThroughput: 50 * 1000, uploadThroughput: 50 * 1000 };
const FCP_BUDGET_MS = 2600;

test('a cold visit to / on a slow phone paints the 911 strip within 2.6 s, before the stylesheet arrives', async () => {
  // The server has rendered the page before (as for any visitor after the first); the
  // browser has nothing cached.
  await fetch(env.server.base + '/', { headers: { 'accept-encoding': 'br' } });
  const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

  await page.goto(env.server.base + '/', { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { polling: 50, timeout: 15_000 });
  // What the visitor sees at that moment: the strip, styled by the critical CSS alone.
  const atFirstPaint = await page.evaluate(() => {
    const strip = document.querySelector('.emergency');
    const call = document.querySelector('.emergency-call');
    const box = strip.getBoundingClientRect();
    const css = performance.getEntriesByType('resource').find((e) => e.name.includes('/static/style.'));
    return {
      fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
      stripTop: box.top,
      stripHeight: box.height,
      background: getComputedStyle(strip).backgroundColor,
      callText: call.innerText,
      callVisible: call.getBoundingClientRect().bottom <= window.innerHeight,
      cssDone: css ? css.responseEnd : null,
    };
  });
  await page.screenshot({ path: join(artifacts, 'screenshots', 'slow-phone-first-paint.png') });
  console.log(`first contentful paint on a slow phone: ${Math.round(atFirstPaint.fcp)} ms`);
  assert.ok(atFirstPaint.fcp <= FCP_BUDGET_MS, `first contentful paint took ${Math.round(atFirstPaint.fcp)} ms`);
  assert.equal(atFirstPaint.background, 'rgb(166, 27, 27)', 'the strip has its colour from the inline CSS');
  assert.ok(atFirstPaint.stripTop < 60 && atFirstPaint.stripHeight > 20, JSON.stringify(atFirstPaint));
  assert.equal(atFirstPaint.callText, 'Call 911');
  assert.ok(atFirstPaint.callVisible);
  assert.ok(atFirstPaint.cssDone === null || atFirstPaint.cssDone > atFirstPaint.fcp,
    'the first paint did not wait for the stylesheet');

  // And the stylesheet still arrives and applies.
  await page.waitForLoadState('load', { timeout: 30_000 });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.site-footer')).borderTopStyle === 'solid');
  assert.deepEqual(foreign, []);
  await context.close();
});

test('no page reports a Content-Security-Policy violation', async () => {
  const { context } = await newWatchedContext(env.browser, env.server.base, { viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  // Every page type, a saved result and its summary sheet among them.
  const saved = await fetch(env.server.base + '/api/v1/assessments', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"country":"us","frequency":"daily"}',
  }).then((r) => r.json());
  const paths = [...pageTypes.map(([, path]) => path), `/assessments/${saved.id}`, `/assessments/${saved.id}/summary`];
  for (const path of paths) {
    await page.goto(env.server.base + path, { waitUntil: 'load' });
    const violations = await page.evaluate(() => window.__violations);
    assert.deepEqual(violations, [], `${path}: ${violations.join('; ')}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

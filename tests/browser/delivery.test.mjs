// Delivery as a phone on a slow link sees it: the first screen paints in one round trip
// with the critical CSS inside the page, and no page breaks its Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useServerAndBrowser, newWatchedContext, pageTypes, artifacts, slowPhoneFirstPaint } from './harness.mjs';

const env = useServerAndBrowser(before, after);

// The 2.6 s budget for that first paint is a speed target, so it lives in a benchmark
// (`node bench/first-paint.mjs`); this test checks what the visitor sees at first paint.
test('a cold visit to / on a slow phone paints the 911 strip from the page itself, before the stylesheet arrives', async () => {
  const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width: 360, height: 800 } });
  const { page, atFirstPaint } = await slowPhoneFirstPaint(context, env.server.base);
  await page.screenshot({ path: join(artifacts, 'screenshots', 'slow-phone-first-paint.png') });
  console.log(`first contentful paint on a slow phone: ${Math.round(atFirstPaint.fcp)} ms`);
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

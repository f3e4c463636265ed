// A save that cannot be made, as a person sees it on a phone: the questionnaire comes
// back with every answer in it and a notice at the top. The per-address limit (one
// save a minute for this server) is the way to make a save fail from a browser; a
// refused database write shows the same page with its own words (tests/saving.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServerAndBrowser, newWatchedContext, artifacts, vnuErrors, axe } from './harness.mjs';

const env = useServerAndBrowser(before, after, ['--save-rate-per-minute', '1']);

/// Goes through the five steps by tapping: daily use and injecting, 7 DSM-5 criteria,
/// no steady home, in Canada.
async function completeQuestionnaire(page) {
  await page.goto(env.server.base + '/assessment');
  await page.getByRole('link', { name: /^Next/ }).first().click();
  await page.waitForSelector('text=Step 2 of 5');
  await page.locator('input[name="frequency"][value="daily"]').check();
  await page.locator('input[name="injects"][value="true"]').check();
  await page.locator('#step-2').getByRole('link', { name: /^Next/ }).click();
  await page.waitForSelector('text=Step 3 of 5');
  await page.locator('input[name="dsm5_criteria"]').fill('7');
  await page.locator('#step-3').getByRole('link', { name: /^Next/ }).click();
  await page.waitForSelector('text=Step 4 of 5');
  await page.locator('input[name="housing"][value="unstable"]').check();
  await page.locator('#step-4').getByRole('link', { name: /^Next/ }).click();
  await page.waitForSelector('text=Step 5 of 5');
  await page.locator('input[name="country"][value="ca"]').check();
  await page.getByRole('button', { name: 'See the result' }).click();
}

test('a save that cannot be made keeps every answer and says what to do', async () => {
  const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width: 360, height: 740 } });
  const page = await context.newPage();

  await completeQuestionnaire(page);
  await page.waitForURL(/\/assessments\/[A-Za-z0-9_-]{22}$/);

  // The same caller's answers again within the minute: not saved.
  await completeQuestionnaire(page);
  await page.waitForSelector('text=Not saved yet');
  const alert = page.getByRole('alert');
  assert.match(await alert.innerText(), /Every answer is still in this form: wait \d+ seconds/);
  assert.equal(await page.locator('input[name="country"][value="ca"]').isChecked(), true, 'this step kept');
  assert.ok(await page.locator('#step-5').isVisible(), 'open at the last step, where the button is');
  for (const [name, value] of [['frequency', 'daily'], ['injects', 'true'], ['housing', 'unstable']]) {
    assert.equal(await page.locator(`input[name="${name}"][value="${value}"]`).isChecked(), true, `${name} kept`);
  }
  assert.equal(await page.locator('input[name="dsm5_criteria"]').inputValue(), '7', 'dsm5_criteria kept');
  assert.ok(await page.getByRole('button', { name: 'See the result' }).isVisible(), 'the way to try again');

  const problems = [];
  await axe(page, 'not saved @360', problems);
  assert.deepEqual(problems, []);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scroll');
  await page.screenshot({ path: join(artifacts, 'screenshots', 'not-saved-360.png'), fullPage: false });
  const html = join(artifacts, 'html', 'not-saved.html');
  writeFileSync(html, await page.content());
  assert.equal(vnuErrors([html]), '');
  assert.deepEqual(foreign, []);
  await context.close();
});

// A family's journey, accessibility at phone and desktop widths, privacy, screenshots
// and HTML validity, in a real Chromium against the real server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { useServerAndBrowser, newWatchedContext, pageTypes, artifacts, vnuErrors, checkPage } from './harness.mjs';

const env = useServerAndBrowser(before, after);

test("a family's journey: home → treatments → methadone → compare → helplines → search", async () => {
  const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await page.goto(env.server.base + '/');
  assert.match(await page.locator('h1').innerText(), /Find your way into treatment/);
  assert.equal(await page.locator('.emergency a[href="tel:911"]').count(), 1, 'emergency strip on the home page');

  await page.getByRole('link', { name: 'Explore treatment options' }).click();
  await page.waitForURL('**/treatments');
  assert.equal(await page.locator('h1').innerText(), 'Treatment options');

  await page.locator('.cards').getByRole('link', { name: 'Methadone', exact: true }).click();
  await page.waitForURL('**/treatments/methadone');
  assert.equal(await page.locator('h1').innerText(), 'Methadone');
  assert.ok(await page.getByRole('heading', { name: 'Who it may suit' }).isVisible());
  assert.ok(await page.getByRole('heading', { name: 'Sources' }).isVisible());

  await page.getByRole('link', { name: /Compare Methadone with other medications/ }).click();
  await page.waitForURL('**/compare?**');
  assert.equal(await page.locator('h1').innerText(), 'Compare medications');
  assert.ok((await page.locator('table.compare thead th').count()) >= 3);
  // Change the comparison with the form alone (no JavaScript needed).
  await page.getByLabel('Lofexidine').check();
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.waitForURL(/lofexidine/);
  assert.ok(await page.locator('table.compare thead').getByText('Lofexidine').isVisible());

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Helplines' }).click();
  await page.waitForURL('**/helplines');
  assert.ok(await page.getByRole('heading', { name: 'United States', exact: true }).isVisible());
  assert.ok(await page.getByRole('heading', { name: 'Canada', exact: true }).isVisible());

  await page.getByRole('searchbox', { name: 'Search the site' }).fill('naloxone');
  await page.getByRole('searchbox', { name: 'Search the site' }).press('Enter');
  await page.waitForURL('**/search?q=naloxone');
  assert.ok((await page.locator('ol.results > li').count()) >= 1);
  assert.ok((await page.locator('ol.results mark').count()) >= 1, 'matches are highlighted');
  await page.locator('ol.results a').first().click();
  await page.waitForURL('**/treatments/**');

  assert.deepEqual(foreign, [], 'no request leaves the app');
  await context.close();
});

for (const width of [360, 1280]) {
  test(`axe-core finds no WCAG 2.1 AA violation at ${width} px, and nothing leaves the origin`, async () => {
    const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    for (const [name, path] of pageTypes) {
      await page.goto(env.server.base + path);
      await checkPage(page, name, width, problems);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, [], 'no request leaves the app');
    await context.close();
  });
}

test('on a 360 × 800 phone the home page shows the overdose steps and local care on the first screen', async () => {
  const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(env.server.base + '/');
  for (const [name, href] of [
    ['If someone is overdosing', '/treatments/overdose-response#what-to-do-right-now'],
    ['Find care near you', '/find-care'],
  ]) {
    const link = page.locator('main').getByRole('link', { name, exact: true });
    assert.equal(await link.getAttribute('href'), href, name);
    const box = await link.boundingBox();
    assert.ok(box, `${name} is laid out`);
    assert.ok(box.y >= 0 && box.y + box.height <= 800, `${name} within the first screen: ${JSON.stringify(box)}`);
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `${name} within the width: ${JSON.stringify(box)}`);
    assert.ok(box.height >= 24, `${name} is big enough to tap`);
  }
  // The emergency strip has both countries' lines and stays small.
  const strip = page.locator('aside.emergency');
  assert.ok((await strip.boundingBox()).height <= 120, 'the strip stays small');
  assert.equal(await strip.locator('a[href="tel:+18006624357"]').count(), 1);
  assert.equal(await strip.locator('a[href="tel:988"]').count(), 1);
  assert.equal(await strip.locator('a[href="/treatments/overdose-response#what-to-do-right-now"]').count(), 1);
  // One tap each: the overdose steps open at the steps, on screen, before anything else
  // of the item; "Find care near you" opens the page that finds a program.
  await page.locator('main').getByRole('link', { name: 'If someone is overdosing', exact: true }).click();
  await page.waitForURL('**/treatments/overdose-response#what-to-do-right-now');
  const steps = page.locator('#what-to-do-right-now');
  const stepsBox = await steps.boundingBox();
  assert.ok(stepsBox.y > -2 && stepsBox.y < 800, `the steps are on screen: ${JSON.stringify(stepsBox)}`);
  assert.match(await page.locator('.prose ol li').first().innerText(), /Check/);
  await page.screenshot({ path: join(artifacts, 'screenshots', 'overdose-steps-360.png') });
  await page.goBack();
  await page.locator('main').getByRole('link', { name: 'Find care near you', exact: true }).click();
  await page.waitForURL('**/find-care');
  assert.equal(await page.locator('h1').innerText(), 'Find care near you');
  assert.ok(await page.locator('a[href="https://findtreatment.gov/"]').count() > 0, 'the US locator');
  assert.ok(await page.locator('a[href="tel:+18665312600"]').count() > 0, 'ConnexOntario for Ontario');
  await page.screenshot({ path: join(artifacts, 'screenshots', 'find-care-360.png') });
  assert.deepEqual(await context.cookies(), [], 'no cookie');
  assert.deepEqual(foreign, [], 'no request leaves the app');
  await context.close();
});

test('every page works by keyboard: the skip link reaches the main content', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.base + '/treatments/methadone');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
  assert.equal(focused, 'Skip to main content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await context.close();
});

test('print hides the navigation and keeps the content', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.base + '/treatments/methadone');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('nav[aria-label="Main"]').isVisible(), false);
  assert.ok(await page.locator('h1').isVisible());
  const pdf = await page.pdf({ format: 'Letter' });
  writeFileSync(join(artifacts, 'methadone.pdf'), pdf);
  assert.ok(pdf.length > 1000);
  await context.close();
});

// The second rating of each COWS item, by its label's start: 1 point each, 3 for gooseflesh.
const cowsSecond = [
  ['Resting pulse rate', /^1 point: 81–100$/],
  ['Sweating', /^1 point: Reports chills/],
  ['Restlessness', /^1 point: Reports difficulty/],
  ['Pupil size', /^1 point: Possibly larger/],
  ['Bone or joint aches', /^1 point: Mild discomfort/],
  ['Runny nose or tearing', /^1 point: Stuffy nose/],
  ['GI upset', /^1 point: Stomach cramps/],
  ['Tremor', /^1 point: Tremor can be felt/],
  ['Yawning', /^1 point: Yawning once or twice/],
  ['Anxiety or irritability', /^1 point: Reports growing/],
  ['Gooseflesh skin', /^3 points: Gooseflesh can be felt/],
];

async function rateCows(page, items) {
  for (const [item, label] of items) {
    await page.getByRole('group', { name: new RegExp(`^\\d+\\. ${item}$`) }).getByRole('radio', { name: label }).check();
  }
}

test('the COWS form is scored without JavaScript and links the score to the questionnaire', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await page.goto(env.server.base + '/tools/cows');
  assert.equal(await page.locator('#cows-live').isVisible(), false, 'no running total without JavaScript');
  await rateCows(page, cowsSecond.slice(0, 9));
  await page.getByRole('button', { name: 'Score it' }).click();
  await page.waitForURL(/pulse=1/);
  assert.match(await page.locator('#cows-missing').innerText(), /Still to rate: Anxiety or irritability, Gooseflesh skin\./);
  await rateCows(page, cowsSecond.slice(9));
  await page.getByRole('button', { name: 'Score it' }).click();
  await page.waitForURL(/gooseflesh=3/);
  assert.equal(await page.locator('#cows-total').innerText(), 'Total: 13 of 48');
  assert.match(await page.locator('.cows-band').innerText(), /^Moderate withdrawal \(13–24\)/);
  const link = page.getByRole('link', { name: 'Use this score in the questionnaire' });
  assert.equal(await link.getAttribute('href'), '/assessment?cows_score=13');
  await context.close();
});

test('with JavaScript the COWS form keeps a running total, and the page prints on one page', async () => {
  const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(env.server.base + '/tools/cows');
  const live = page.locator('#cows-live');
  assert.match(await live.innerText(), /^Running total: 0 so far, 11 items still to rate\.$/);
  await rateCows(page, cowsSecond.slice(0, 10));
  assert.match(await live.innerText(), /^Running total: 10 so far, 1 item still to rate\.$/);
  await rateCows(page, cowsSecond.slice(10));
  assert.match(await live.innerText(), /^Running total: 13 of 48, moderate withdrawal\./);
  await page.getByRole('button', { name: 'Score it' }).click();
  await page.waitForURL(/gooseflesh=3/);
  assert.equal(await page.locator('#cows-total').innerText(), 'Total: 13 of 48');
  // A changed answer makes the shown total stale: it goes, and the running total follows.
  await page.getByRole('group', { name: /^1\. Resting pulse rate$/ }).getByRole('radio', { name: /^4 points/ }).check();
  assert.equal(await page.locator('#cows-result').isVisible(), false);
  assert.match(await live.innerText(), /^Running total: 16 of 48, moderate withdrawal\./);
  await page.getByRole('button', { name: 'Score it' }).click();
  await page.waitForURL(/pulse=4/);
  assert.equal(await page.locator('#cows-total').innerText(), 'Total: 16 of 48');

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'Score it' }).isVisible(), false);
  assert.ok(await page.locator('#cows-total').isVisible());
  for (const format of ['Letter', 'A4']) {
    const file = join(artifacts, `cows-${format}.pdf`);
    const pdf = await page.pdf({ format, printBackground: true });
    writeFileSync(file, pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, `${format}: ${pages} pages`);
  }
  assert.deepEqual(problems, [], 'no script errors');
  assert.deepEqual(foreign, [], 'no request leaves the app');
  await context.close();
});

test('the Nu Html Checker finds no error on any page type', async () => {
  const dir = join(artifacts, 'html');
  for (const f of readdirSync(dir)) rmSync(join(dir, f));
  const files = [];
  for (const [name, path] of pageTypes) {
    const response = await fetch(env.server.base + path);
    const file = join(dir, `${name}.html`);
    writeFileSync(file, await response.text());
    files.push(file);
  }
  assert.equal(vnuErrors(files), '', 'vnu found errors');
});

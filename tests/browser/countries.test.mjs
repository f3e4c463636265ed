// Country parts of an item and heading anchors, on the fixture content
// (tests/fixtures/content-countries): accessible at phone and desktop widths, valid
// HTML, marked in words as well as by a frame, and kept when printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useServerAndBrowser, newWatchedContext, artifacts, vnuErrors, repo, checkPage } from './harness.mjs';

const env = useServerAndBrowser(before, after, [], join(repo, 'tests', 'fixtures', 'content-countries'));

const pages = [
  ['country-parts', '/treatments/methadone'],
  ['overdose-response', '/treatments/overdose-response'],
  ['same-in-both', '/treatments/outpatient'],
];

for (const width of [360, 1280]) {
  test(`pages with country parts pass axe-core at ${width} px and fit the screen`, async () => {
    const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    for (const [name, path] of pages) {
      await page.goto(env.server.base + path);
      await checkPage(page, name, width, problems);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, []);
    await context.close();
  });
}

test('a country part is a region named in words, framed, and printed with its frame', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(env.server.base + '/treatments/methadone');
  const canada = page.getByRole('region', { name: 'In Canada' });
  assert.ok(await canada.isVisible());
  assert.ok(await canada.getByRole('heading', { name: 'Take-home doses' }).isVisible(), 'a level-3 heading stays in the part');
  assert.ok(await page.getByRole('region', { name: 'In the US' }).isVisible());
  const frame = await canada.evaluate((el) => getComputedStyle(el).borderTopStyle);
  assert.equal(frame, 'solid', 'marked by a frame, not by colour alone');
  assert.equal(await page.getByRole('heading', { name: 'Costs' }).evaluate((h) => h.closest('section.country-note')), null,
    'the part ends at the next level-2 heading');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await canada.isVisible());
  assert.equal(await canada.evaluate((el) => getComputedStyle(el).borderTopColor), 'rgb(0, 0, 0)');
  const pdf = await page.pdf({ format: 'Letter' });
  writeFileSync(join(artifacts, 'country-parts.pdf'), pdf);
  assert.ok(pdf.length > 1000);
  await context.close();
});

test('the overdose steps are reached by their anchor from the emergency strip', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(env.server.base + '/');
  await page.locator('aside.emergency').getByRole('link', { name: 'give naloxone' }).click();
  await page.waitForURL('**/treatments/overdose-response#what-to-do-right-now');
  const heading = page.getByRole('heading', { name: 'What to do right now' });
  assert.equal(await heading.getAttribute('id'), 'what-to-do-right-now');
  const box = await heading.boundingBox();
  assert.ok(box.y >= 0 && box.y < 800, `the steps are on screen: ${JSON.stringify(box)}`);
  await context.close();
});

test('the Nu Html Checker finds no error on pages with country parts', async () => {
  const dir = join(artifacts, 'html-countries');
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (const [name, path] of pages) {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, await (await fetch(env.server.base + path)).text());
    files.push(file);
  }
  assert.equal(vnuErrors(files), '', 'vnu found errors');
});

// The site in Spanish (issue 13), as a Spanish-speaking family sees it in a real
// browser: every page type under /es passes axe-core and the Nu Html Checker at phone
// and desktop widths, nothing leaves the origin, and the switch and the offer work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { useServerAndBrowser, newWatchedContext, pageTypes, artifacts, vnuErrors, checkPage, postForm } from './harness.mjs';

const env = useServerAndBrowser(before, after);

const spanish = (path) => (path === '/' ? '/es/' : `/es${path}`);

/// Every page type in Spanish, and a saved result with its summary sheet.
async function spanishPages() {
  const answers = [
    ['caller', 'family_or_friend'], ['country', 'us'], ['overdoses_past_year', 'one'], ['opioids', 'fentanyl'],
    ['frequency', 'daily'], ['current_medication', 'none'], ['suicidal_thoughts', 'false'], ['medical_urgent', 'false'],
  ];
  const response = await postForm(env.server.base, '/es/assessment', answers);
  assert.equal(response.status, 303);
  const location = response.headers.get('location');
  assert.match(location, /^\/es\/assessments\//, 'a Spanish questionnaire leads to the Spanish result');
  return [
    ...pageTypes.map(([name, path]) => [`es-${name}`, spanish(path)]),
    ['es-result', location],
    ['es-summary', `${location}/summary`],
  ];
}

for (const width of [360, 1280]) {
  test(`Spanish pages: axe-core finds no WCAG 2.1 AA violation at ${width} px, and nothing leaves the origin`, async () => {
    const pages = await spanishPages();
    const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width, height: 900 }, locale: 'es-MX' });
    const page = await context.newPage();
    const problems = [];
    for (const [name, path] of pages) {
      await page.goto(env.server.base + path);
      assert.equal(await page.getAttribute('html', 'lang'), 'es', `${path} is in Spanish`);
      await checkPage(page, name, width, problems);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, [], 'no request leaves the app');
    await context.close();
  });
}

test('Spanish pages: the Nu Html Checker finds no error', async () => {
  const dir = join(artifacts, 'html-es');
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) rmSync(join(dir, f));
  const files = [];
  for (const [name, path] of await spanishPages()) {
    const response = await fetch(env.server.base + path);
    // The same status as the English page (a 404, a partly scored COWS form's 422).
    const english = path.startsWith('/es/assessments/') ? 200 : (await fetch(env.server.base + (path.slice(3) || '/'))).status;
    assert.equal(response.status, english, path);
    const file = join(dir, `${name}.html`);
    writeFileSync(file, await response.text());
    files.push(file);
  }
  assert.equal(vnuErrors(files), '', 'vnu found errors');
});

test('a browser set to Spanish is offered the Spanish page, and the switch lands on the same page', async () => {
  const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width: 360, height: 800 }, locale: 'es-MX' });
  const page = await context.newPage();
  const response = await page.goto(env.server.base + '/treatments/methadone');
  assert.equal(response.status(), 200, 'no redirect');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const offer = page.locator('.lang-offer a');
  assert.equal(await offer.textContent(), 'Lea esta página en español');
  await page.screenshot({ path: join(artifacts, 'screenshots', 'offer-360.png') });
  await offer.click();
  await page.waitForURL('**/es/treatments/methadone');
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  // Back to English by the switch in the navigation, to the same page.
  await page.locator('.lang-switch a').click();
  await page.waitForURL((url) => url.pathname === '/treatments/methadone');
  assert.deepEqual(await context.cookies(), [], 'no cookie');
  assert.deepEqual(foreign, [], 'no request leaves the app');
  await context.close();
});

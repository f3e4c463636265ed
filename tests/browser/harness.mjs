// Starts the real server binary on a free port with a fresh database, and a real
// Chromium (Debian's) through playwright-core. Nothing is downloaded.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..', '..');
export const artifacts = join(here, 'artifacts');
mkdirSync(join(artifacts, 'screenshots'), { recursive: true });
mkdirSync(join(artifacts, 'html'), { recursive: true });

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/// `content` is the content folder: the real one unless a test names a fixture.
export async function startServer(extraArgs = [], content = join(repo, 'content')) {
  const bin = process.env.APP_BIN || join(repo, 'target', 'debug', 'treatment-navigator');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tn-browser-'));
  const child = spawn(bin, ['--listen', `127.0.0.1:${port}`, '--database', join(dir, 'db.sqlite3'),
    '--content', content, ...extraArgs], { stdio: ['ignore', openSync(join(artifacts, 'server.log'), 'a'), openSync(join(artifacts, 'server.log'), 'a')] });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error('server did not start within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, stop: () => new Promise((ok) => { child.once('exit', ok); child.kill('SIGTERM'); }) };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/// A browser context that records every request that leaves the app's origin.
export async function newWatchedContext(browser, base, options = {}) {
  const context = await browser.newContext(options);
  const foreign = [];
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(base + '/') && url !== base && !url.startsWith('data:') && !url.startsWith('about:')) {
      foreign.push(url);
    }
  });
  return { context, foreign };
}

/// The page types every check visits.
export const pageTypes = [
  ['home', '/'],
  ['treatments', '/treatments'],
  ['treatment', '/treatments/methadone'],
  ['emerging-treatment', '/treatments/transcranial-magnetic-stimulation'],
  ['compare', '/compare'],
  ['compare-unknown', '/compare?items=methadone,unicorn'],
  ['helplines', '/helplines'],
  ['helplines-province', '/helplines?province=on'],
  ['find-care', '/find-care'],
  ['find-care-province', '/find-care?country=ca&province=on'],
  ['rules', '/rules'],
  ['search', '/search?q=methadone'],
  ['search-empty', '/search?q=zzzzqqq'],
  ['questionnaire', '/assessment'],
  ['cows', '/tools/cows'],
  ['cows-scored', '/tools/cows?pulse=2&sweating=1&restlessness=3&pupils=1&aches=2&runny_nose=1&gi_upset=2&tremor=1&yawning=1&anxiety=2&gooseflesh=3'],
  ['cows-partial', '/tools/cows?pulse=9&sweating=1'],
  ['not-found', '/treatments/no-such-item'],
];

/// Starts the server and the browser before a test file's tests, and stops both after.
/// Returns an object whose `server` and `browser` are set once `before` has run.
/// `serverArgs` are extra flags for the server; `content` a content folder other than
/// the real one.
export function useServerAndBrowser(before, after, serverArgs = [], content = undefined) {
  const env = {};
  before(async () => {
    env.server = await startServer(serverArgs, content);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

// Slow 3G as issue 12 sets it: a 2 s round trip, 50 kB/s each way, a CPU 4× slower.
const SLOW_LINK = { offline: false, latency: 2000, downloadThroughput: 50 * 1000, uploadThroughput: 50 * 1000 };

/// A cold visit to `/` in `context` on a slow phone, stopped at the first contentful
/// paint: the page, and what the visitor sees then (the 911 strip, whether the
/// stylesheet had arrived) with the paint's time in ms. The server has rendered the
/// page before (as for any visitor after the first); the browser has nothing cached.
export async function slowPhoneFirstPaint(context, base) {
  await fetch(base + '/', { headers: { 'accept-encoding': 'br' } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(base + '/', { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { polling: 50, timeout: 15_000 });
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
  return { page, atFirstPaint };
}

/// The Nu Html Checker's errors for saved HTML files ('' when there are none). It is
/// given files because it refuses to fetch 127.0.0.1 URLs itself.
export function vnuErrors(files) {
  const jar = join(here, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
  try {
    return execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'text', ...files], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch (e) {
    // vnu exits non-zero when it finds errors; a missing Java shows up here too.
    return `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || String(e);
  }
}

// Shared by the questionnaire runs in each language.

/// Presses Tab until the focused element matches `selector` (keyboard only, no clicks).
export async function tabTo(page, selector, { backwards = false, limit = 80 } = {}) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

export async function axe(page, label, problems) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const v of results.violations) {
    problems.push(`${label}: ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
}

/// The page open now, as a visitor at `width` sees it: axe-core's WCAG 2.1 AA
/// violations and any sideways overflow go into `problems`, and a full-page screenshot
/// is saved as `<name>-<width>.png`.
export async function checkPage(page, name, width, problems) {
  await axe(page, `${name} (${new URL(page.url()).pathname}) @${width}`, problems);
  // Nothing may overflow sideways on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) problems.push(`${name} @${width}: page is ${overflow}px wider than the screen`);
  await page.screenshot({ path: join(artifacts, 'screenshots', `${name}-${width}.png`), fullPage: true });
}

/// Posts answers as the questionnaire's form does from this site's own page: the
/// response is a 303 to the saved result, or the form again with what is wrong.
export function postForm(base, path, answers) {
  return fetch(base + path, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams(answers),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
  });
}

/// Every risk at once: the most alerts, reasons and suggestions the rules produce, so
/// the fullest result and summary sheet there can be (in Ontario, by a relative).
export const fullestAnswers = [
  ['frequency', 'daily'], ['duration', 'over_5_years'], ['quit_attempts', 'several'], ['relapse_history', 'true'],
  ['injects', 'true'], ['days_since_last_use', '2'], ['mental_health', 'depression'],
  ['mental_health', 'ptsd'], ['mental_health', 'psychosis'], ['other_substances', 'alcohol'], ['other_substances', 'benzodiazepines'],
  ['other_substances', 'stimulants'], ['medical_conditions', 'true'], ['pregnant', 'true'], ['housing', 'homeless'],
  ['support', 'some'], ['responsibilities', 'work'], ['responsibilities', 'caregiving'], ['needs_privacy', 'true'],
  ['completed_residential', 'true'], ['medication_preference', 'no_opioid_agonist'],
  ['caller', 'family_or_friend'], ['age_group', '16_to_17'], ['suicidal_thoughts', 'true'], ['medical_urgent', 'true'],
  ['overdoses_past_year', 'several'], ['opioids', 'fentanyl'], ['opioids', 'counterfeit_pills'], ['opioids', 'heroin'],
  ['current_medication', 'none'], ['cows_score', '20'], ['prior_treatment', 'detox'], ['prior_treatment', 'medication'],
  ['prior_treatment', 'residential'], ['mental_health_status', 'crisis'], ['sedative_withdrawal_risk', 'past_seizures_or_dts'],
  ['chronic_pain', 'true'], ['recently_released', 'true'], ['readiness', 'not_ready'],
  ['declined_medications', 'methadone'], ['declined_medications', 'buprenorphine'],
  ['smokes', 'true'], ['country', 'ca'], ['province', 'on'],
  ...['larger_amounts', 'cut_down', 'time_spent', 'craving', 'role_failure', 'social_problems', 'activities_given_up',
    'hazardous_use', 'health_problems', 'tolerance', 'withdrawal'].map((c) => ['dsm5_checklist', c]),
];

export function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

export function pdfText(file) {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/// Picks the `index`-th choice (from 0) of a radio question by keyboard: Tab lands on
/// the checked radio ("don't know" at first, the last), and ArrowDown wraps to the first.
export async function choose(page, name, index) {
  await tabTo(page, `input[name="${name}"]:checked`);
  const checked = await page.evaluate((n) => {
    const radios = [...document.querySelectorAll(`input[name="${n}"]`)];
    return radios.findIndex((r) => r.checked);
  }, name);
  const count = await page.locator(`input[name="${name}"]`).count();
  const presses = (index - checked + count) % count;
  for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowDown');
  return page.evaluate((n) => document.querySelector(`input[name="${n}"]:checked`).value, name);
}

/// The questionnaire's words for its steps, in each language.
const steps = {
  en: { next: 'Next', of: (n) => `Step ${n} of 5`, titles: ['Right now', 'Use', 'Health', 'Life', 'Choices'] },
  es: { next: 'Siguiente', of: (n) => `Paso ${n} de 5`, titles: ['Ahora mismo', 'Consumo', 'Salud', 'Vida diaria', 'Decisiones'] },
};

/// Follows the step's "Next" link by keyboard to step `number`, and checks the link's
/// words, that the step shows, and that focus moves to its heading.
export async function next(page, number, lang = 'en') {
  const words = steps[lang];
  const title = words.titles[number - 1];
  await tabTo(page, `#step-${number - 1} .step-nav a[data-step="${number}"]`);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), `${words.next}: ${title}`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`#step-${number}:not([hidden])`);
  assert.equal(await page.evaluate(() => document.activeElement.id), `step-${number}-title`, 'focus moves to the step heading');
  assert.equal(await page.locator(`#step-${number}-title`).innerText(), `${words.of(number)}: ${title}`);
}

/// The sister's call, step 1 (Right now): she is calling about her brother; he
/// overdosed last month; no suicidal thoughts or urgent signs; not pregnant; an adult.
export async function sistersCallRightNow(page) {
  assert.equal(await choose(page, 'caller', 1), 'family_or_friend');
  assert.equal(await choose(page, 'overdoses_past_year', 1), 'one');
  assert.equal(await choose(page, 'suicidal_thoughts', 1), 'false');
  assert.equal(await choose(page, 'medical_urgent', 1), 'false');
  assert.equal(await choose(page, 'pregnant', 1), 'false');
  assert.equal(await choose(page, 'age_group', 2), '18_plus');
}

/// The sister's call, steps 2 to 5 by keyboard, from step 2 shown to the submit button
/// focused, with axe-core on steps 3 to 5 (`lang` picks the words and the path).
export async function sistersCallUseToChoices(page, lang, problems) {
  // Use: fentanyl every day for three years, smokes it, not injecting, used today, no
  // medication now.
  await tick(page, 'opioids', 'fentanyl');
  assert.equal(await choose(page, 'frequency', 0), 'daily');
  assert.equal(await choose(page, 'duration', 1), '1_to_5_years');
  assert.equal(await choose(page, 'injects', 1), 'false');
  assert.equal(await choose(page, 'smokes', 0), 'true');
  await tabTo(page, 'input[name="days_since_last_use"]');
  await page.keyboard.type('0');
  assert.equal(await choose(page, 'current_medication', 0), 'none');
  // Enter in a number box goes on to the next step rather than sending the form.
  await tabTo(page, 'input[name="cows_score"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#step-3:not([hidden])');
  const { pathname, hash } = new URL(page.url());
  assert.equal(pathname + hash, `${lang === 'en' ? '' : '/' + lang}/assessment#step-3`);
  await axe(page, `${lang} step 3 @1280`, problems);

  // Health: no diagnosis but really down; a few beers at night, not heavy daily drinking.
  await tick(page, 'mental_health', 'none');
  assert.equal(await choose(page, 'mental_health_status', 1), 'struggling');
  await tick(page, 'other_substances', 'alcohol');
  assert.equal(await choose(page, 'sedative_withdrawal_risk', 0), 'none');
  await next(page, 4, lang);
  await axe(page, `${lang} step 4 @1280`, problems);

  // Life: lives with their mother, works construction, tried to quit twice.
  assert.equal(await choose(page, 'housing', 0), 'stable');
  assert.equal(await choose(page, 'support', 1), 'some');
  await tick(page, 'responsibilities', 'work');
  assert.equal(await choose(page, 'quit_attempts', 2), 'several');
  await next(page, 5, lang);
  await axe(page, `${lang} step 5 @1280`, problems);

  // Choices: no methadone, buprenorphine is fine; in the US.
  await tick(page, 'declined_medications', 'methadone');
  assert.equal(await choose(page, 'country', 0), 'us');
  await tabTo(page, 'button[type="submit"]');
}

/// Ticks a checkbox by keyboard.
export async function tick(page, name, value) {
  await tabTo(page, `input[name="${name}"][value="${value}"]`);
  await page.keyboard.press('Space');
  assert.equal(await page.locator(`input[name="${name}"][value="${value}"]`).isChecked(), true, `${name}=${value}`);
}

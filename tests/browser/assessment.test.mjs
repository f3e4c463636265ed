// Intake staff on a live call: the questionnaire by keyboard alone, the result, and the
// clinician's printed summary sheet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { useServerAndBrowser, newWatchedContext, artifacts, vnuErrors, tabTo, axe, pdfPages, pdfText, tick, postForm, fullestAnswers, checkPage, choose, next, sistersCallRightNow, sistersCallUseToChoices } from './harness.mjs';

const env = useServerAndBrowser(before, after);

test('a sister calls about her brother: the whole call by keyboard alone, the result, Back, and Change answers', async () => {
  const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  await page.goto(env.server.base + '/assessment');
  assert.equal(await page.locator('section.step:not([hidden])').count(), 1, 'one step at a time');
  await axe(page, 'step 1 @1280', problems);

  await sistersCallRightNow(page);
  await next(page, 2);
  assert.equal(await page.locator('.urgent-now').isVisible(), false, 'nothing urgent to do first');
  // The words to read aloud now speak about him, not to him.
  assert.match(await page.locator('#say-injects').innerText(), /Do they ever inject\?/);
  assert.doesNotMatch(await page.locator('#say-injects').innerText(), /Do you/);
  await axe(page, 'step 2 @1280', problems);

  await sistersCallUseToChoices(page, 'en', problems);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'See the result');
  await Promise.all([page.waitForURL(/\/assessments\/[A-Za-z0-9_-]{22}$/), page.keyboard.press('Enter')]);
  const resultUrl = page.url();

  assert.equal(await page.locator('h1').innerText(), 'Assessment result');
  const setting = await page.locator('.headline p').first().innerText();
  assert.doesNotMatch(setting, /Inpatient|residential/i, `no inpatient placement: ${setting}`);
  const status = async (slug) => page.locator(`.suggestion:has(a[href="/treatments/${slug}"]) .status`).first().innerText();
  assert.equal(await status('buprenorphine'), 'Suggested', 'buprenorphine offered');
  assert.notEqual(await status('methadone'), 'Suggested', 'methadone not offered: he said no');
  const helplines = await page.locator('#helplines-heading + p + ul').innerText();
  assert.match(helplines, /988/, '988 listed');
  assert.ok(await page.locator('a[href="tel:988"]').count() > 0, '988 is a link a phone dials');
  const points = await page.locator('.talking-points li').allInnerTexts();
  assert.ok(points.length >= 3);
  // Worded about him for his sister: "a good place for them to start", never "for you".
  assert.match(points[0], /good place for them to start/, points[0]);
  for (const p of points) assert.doesNotMatch(p, /while you keep living|you don't have to wait|near you\b/i, `third person: ${p}`);
  assert.doesNotMatch(points.join(' '), /Methadone or buprenorphine/, 'the medicine he would not take is not pushed');
  await axe(page, 'result @1280', problems);

  // The summary sheet records the overdose and the smoking, and who called.
  await page.getByRole('link', { name: /Summary sheet/ }).click();
  await page.waitForURL(/\/summary$/);
  const sheet = await page.locator('main').innerText();
  for (const needle of [/Overdoses, past year\s+One/, /Smokes\s+Yes/, /Information from\s+A family member or friend/, /Opioids\s+Fentanyl/]) {
    assert.match(sheet, needle);
  }
  // Back from the sheet shows the result again, and Back from the result shows the
  // questionnaire (fetched with GET): never a prompt to resubmit a form.
  await page.goBack();
  assert.equal(page.url(), resultUrl);
  assert.equal(await page.locator('h1').innerText(), 'Assessment result');
  const back = await page.goBack();
  assert.equal(back.request().method(), 'GET');
  assert.match(page.url(), /\/assessment#step-5$/);
  assert.equal(await page.locator('h1').innerText(), 'Questionnaire');
  await page.goForward();
  assert.equal(page.url(), resultUrl);
  assert.equal(await page.locator('h1').innerText(), 'Assessment result');

  // Change answers: everything is filled in; a changed answer saves a new assessment.
  await page.getByRole('link', { name: 'Change answers' }).click();
  await page.waitForURL(/\/change$/);
  assert.equal(await page.locator('input[name="caller"][value="family_or_friend"]').isChecked(), true);
  assert.equal(await page.locator('input[name="smokes"][value="true"]').isChecked(), true);
  assert.equal(await page.locator('input[name="declined_medications"][value="methadone"]').isChecked(), true);
  assert.equal(await page.locator('input[name="days_since_last_use"]').inputValue(), '0');
  await page.locator('.progress a[data-step="4"]').click();
  await page.locator('input[name="housing"][value="unstable"]').check();
  await page.locator('.progress a[data-step="5"]').click();
  await Promise.all([page.waitForURL(/\/assessments\/[A-Za-z0-9_-]{22}$/), page.getByRole('button', { name: 'See the result' }).click()]);
  assert.notEqual(page.url(), resultUrl, 'a new assessment');

  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, [], 'no request leaves the app');
  await context.close();
});

test('suicidal thoughts: 988 comes before any other question, and every step passes axe at 360 px', async () => {
  const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  await page.goto(env.server.base + '/assessment');
  await axe(page, 'step 1 @360', problems);
  assert.equal(await choose(page, 'suicidal_thoughts', 0), 'true');
  await next(page, 2);
  const urgent = page.locator('#step-2 .urgent-now');
  assert.equal(await urgent.isVisible(), true, 'what to do now shows first');
  assert.match(await urgent.innerText(), /988/);
  const box = await urgent.boundingBox();
  const firstQuestion = await page.locator('#step-2 .question').first().boundingBox();
  assert.ok(box.y + box.height <= firstQuestion.y, 'before the next question');
  // The first thing after the step heading a keyboard reaches is the 988 link.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), 'tel:988');
  await page.screenshot({ path: join(artifacts, 'screenshots', 'questionnaire-urgent-360.png') });
  for (const n of [2, 3, 4, 5]) {
    if (n > 2) await next(page, n);
    await axe(page, `step ${n} @360`, problems);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `step ${n} fits the screen`);
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('the fullest possible summary still prints on two pages, and a form error is accessible', async () => {
  const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  const response = await postForm(env.server.base, '/assessment', fullestAnswers);
  assert.equal(response.status, 303);
  const location = response.headers.get('location');
  await page.goto(env.server.base + location);
  await axe(page, 'result @360', problems);
  await page.screenshot({ path: join(artifacts, 'screenshots', 'assessment-result-360.png'), fullPage: true });
  // The first screen of a phone: what to do first, then the setting and the plan.
  const plan = await page.locator('.headline p').nth(1).boundingBox();
  assert.ok(plan.y + plan.height <= 800, `the plan is on the first screen (ends at ${plan.y + plan.height})`);
  const id = location.split('/').pop();
  await page.goto(env.server.base + location + '/summary');
  // Opened on a phone, the sheet is read on screen: nothing runs off its right edge.
  await checkPage(page, 'summary-fullest', 360, problems);
  for (const format of ['Letter', 'A4']) {
    const file = join(artifacts, `summary-fullest-${format}.pdf`);
    const pdf = await page.pdf({ format, printBackground: true });
    writeFileSync(file, pdf);
    assert.ok(pdfPages(pdf) <= 2, `${format}: ${pdfPages(pdf)} pages`);
    const printed = pdfText(file);
    for (const needle of ['Pregnant', 'Alcohol or benzodiazepines', 'Injecting', 'Helplines', 'Clinician notes', 'not medical advice',
      'DSM-5 criteria ticked (11 of 11)', 'Patient name', 'Signature', 'Information from', 'Page 1 of 2']) {
      assert.ok(printed.includes(needle), `${format} PDF shows ${needle}`);
    }
    // Page 2 carries the header and its page number too.
    const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', file, '-'], { encoding: 'utf8' });
    assert.ok(page2.includes(`reference ${id}`), `${format}: header on page 2`);
    assert.ok(page2.includes('Page 2 of 2'), `${format}: page number on page 2`);
  }

  // A wrong value: the form comes back open at the step with the error, beside its
  // field, announced, with every other answer kept.
  await page.goto(env.server.base + '/assessment');
  await page.locator('.progress a[data-step="2"]').click();
  await page.locator('#days_since_last_use').fill('40000');
  await page.locator('input[name="frequency"][value="weekly"]').check();
  await page.locator('.progress a[data-step="5"]').click();
  await page.getByRole('button', { name: 'See the result' }).click();
  await page.waitForSelector('.error-summary');
  assert.ok(await page.locator('#err-days_since_last_use').isVisible(), 'the step with the error is open');
  assert.equal(await page.locator('input[name="frequency"][value="weekly"]').isChecked(), true, 'other answers kept');
  await axe(page, 'form with an error @360', problems);
  await page.screenshot({ path: join(artifacts, 'screenshots', 'questionnaire-error-360.png'), fullPage: true });

  // The pages only an assessment reaches, as the server sent them, through the Nu Html
  // Checker: the fullest result and summary, and a step showing an error.
  const dir = join(artifacts, 'html-assessment');
  mkdirSync(dir, { recursive: true });
  const saved = [];
  const save = async (name, response) => {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, await response.text());
    saved.push(file);
  };
  await save('result', await fetch(env.server.base + location));
  await save('summary', await fetch(env.server.base + location + '/summary'));
  const refused = await postForm(env.server.base, '/assessment', [['days_since_last_use', '40000']]);
  assert.equal(refused.status, 422, 'a wrong value is refused with the form shown again');
  await save('form-with-error', refused);
  await save('change-answers', await fetch(env.server.base + location + '/change'));
  await save('questionnaire-prefilled', await fetch(env.server.base + '/assessment?cows_score=14&caller=professional'));
  assert.equal(vnuErrors(saved), '', 'vnu found errors');

  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

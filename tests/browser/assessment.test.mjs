// Intake staff on a live call: the questionnaire by keyboard alone, the result, and the
// clinician's printed summary sheet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { AxeBuilder } from '@axe-core/playwright';
import { useServerAndBrowser, newWatchedContext, artifacts, vnuErrors } from './harness.mjs';

const env = useServerAndBrowser(before, after);

/// Presses Tab until the focused element matches `selector` (keyboard only, no clicks).
async function tabTo(page, selector, { backwards = false, limit = 80 } = {}) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

async function axe(page, label, problems) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const v of results.violations) {
    problems.push(`${label}: ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
}

function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

function pdfText(file) {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('intake staff complete the questionnaire by keyboard alone, go back, change an answer and read the result', async () => {
  const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  await page.goto(env.server.base + '/assessment');
  assert.match(await page.locator('.progress-text').innerText(), /Step 1 of 4/);
  await axe(page, 'step 1', problems);

  // Step 1: frequency "Every day" (arrow keys move within a radio group), duration left
  // as "don't know", days since last use typed, Enter submits with the first button: Next.
  await tabTo(page, 'input[name="frequency"]');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('input[name="frequency"][value="daily"]').isChecked(), true);
  await tabTo(page, 'input[name="days_since_last_use"]');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await page.waitForSelector('text=Step 2 of 4');
  await axe(page, 'step 2', problems);

  // Step 2: anxiety, and "none" for other substances.
  await tabTo(page, 'input[name="mental_health"][value="anxiety"]');
  await page.keyboard.press('Space');
  await tabTo(page, 'input[name="other_substances"][value="none"]');
  await page.keyboard.press('Space');
  await tabTo(page, 'button[value="next"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('text=Step 3 of 4');

  // Go back a step: the answers are still there. Change anxiety to depression.
  await tabTo(page, 'button[value="back"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('text=Step 2 of 4');
  assert.equal(await page.locator('input[name="mental_health"][value="anxiety"]').isChecked(), true, 'kept after going back');
  assert.equal(await page.locator('input[name="other_substances"][value="none"]').isChecked(), true);
  await tabTo(page, 'input[name="mental_health"][value="anxiety"]');
  await page.keyboard.press('Space');
  await tabTo(page, 'input[name="mental_health"][value="depression"]', { backwards: true });
  await page.keyboard.press('Space');
  await tabTo(page, 'button[value="next"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('text=Step 3 of 4');
  await axe(page, 'step 3', problems);

  // Step 3: stable housing; support left unknown.
  await tabTo(page, 'input[name="housing"]');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('input[name="housing"][value="stable"]').isChecked(), true);
  await tabTo(page, 'button[value="next"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('text=Step 4 of 4');
  await axe(page, 'step 4', problems);

  // Step 4: open to medication, in the US; submit.
  await tabTo(page, 'input[name="medication_preference"]');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'input[name="country"]');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('input[name="country"][value="us"]').isChecked(), true);
  await tabTo(page, 'button[value="next"]');
  await Promise.all([page.waitForURL(/\/assessments\/[A-Za-z0-9_-]{22}$/), page.keyboard.press('Enter')]);

  assert.equal(await page.locator('h1').innerText(), 'Assessment result');
  const text = await page.locator('main').innerText();
  assert.match(text, /Safety first/);
  assert.ok(await page.locator('a[href="/treatments/dual-diagnosis-treatment"]').count() > 0, 'the changed answer shaped the result');
  assert.doesNotMatch(text, /anxiety/i);
  assert.match(text, /can usually start today/, 'medication can start now, whatever the setting');
  assert.match(text, /What to ask next/);
  assert.match(text, /Talking points/);
  await axe(page, 'result', problems);
  await page.screenshot({ path: join(artifacts, 'screenshots', 'assessment-result-1280.png'), fullPage: true });

  // The clinician opens the summary and prints it.
  await page.getByRole('link', { name: /Clinician summary sheet/ }).click();
  await page.waitForURL(/\/summary$/);
  assert.ok(await page.getByRole('button', { name: 'Print this sheet' }).isVisible(), 'the Print button appears');
  await axe(page, 'summary', problems);
  await page.screenshot({ path: join(artifacts, 'screenshots', 'assessment-summary-1280.png'), fullPage: true });
  for (const format of ['Letter', 'A4']) {
    const file = join(artifacts, `summary-${format}.pdf`);
    const pdf = await page.pdf({ format, printBackground: true });
    writeFileSync(file, pdf);
    assert.ok(pdfPages(pdf) >= 1 && pdfPages(pdf) <= 2, `${format}: ${pdfPages(pdf)} pages`);
    const printed = pdfText(file);
    for (const needle of ['Alerts', 'naloxone', 'Helplines', '1-800-662-4357', 'Clinician notes', 'Rules version']) {
      assert.ok(printed.includes(needle), `${format} PDF shows ${needle}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, [], 'no request leaves the app');
  await context.close();
});

test('the fullest possible summary still prints on two pages, and a form error is accessible', async () => {
  const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  // Every risk at once: the most alerts, reasons and suggestions the rules produce.
  const answers = [
    ['frequency', 'daily'], ['duration', 'over_5_years'], ['quit_attempts', 'several'], ['relapse_history', 'true'],
    ['injects', 'true'], ['days_since_last_use', '2'], ['dsm5_criteria', '11'], ['mental_health', 'depression'],
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
  ];
  const response = await fetch(env.server.base + '/assessment', {
    method: 'POST', redirect: 'manual', body: new URLSearchParams(answers),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: env.server.base },
  });
  assert.equal(response.status, 303);
  const location = response.headers.get('location');
  await page.goto(env.server.base + location);
  await axe(page, 'result @360', problems);
  await page.screenshot({ path: join(artifacts, 'screenshots', 'assessment-result-360.png'), fullPage: true });
  await page.goto(env.server.base + location + '/summary');
  for (const format of ['Letter', 'A4']) {
    const file = join(artifacts, `summary-fullest-${format}.pdf`);
    const pdf = await page.pdf({ format, printBackground: true });
    writeFileSync(file, pdf);
    assert.ok(pdfPages(pdf) <= 2, `${format}: ${pdfPages(pdf)} pages`);
    const printed = pdfText(file);
    for (const needle of ['Pregnant', 'Alcohol or benzodiazepines', 'Injecting', 'Helplines', 'Clinician notes', 'not medical advice']) {
      assert.ok(printed.includes(needle), `${format} PDF shows ${needle}`);
    }
  }

  // A wrong value: the error sits beside its field and is announced.
  await page.goto(env.server.base + '/assessment');
  await page.locator('#days_since_last_use').fill('40000');
  await page.locator('input[name="frequency"][value="weekly"]').check();
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.waitForSelector('.error-summary');
  assert.ok(await page.locator('#err-days_since_last_use').isVisible());
  assert.equal(await page.locator('input[name="frequency"][value="weekly"]').isChecked(), true, 'other answers kept');
  await axe(page, 'step with an error @360', problems);
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
  const refused = await fetch(env.server.base + '/assessment', {
    method: 'POST', redirect: 'manual', body: new URLSearchParams([['days_since_last_use', '40000']]),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: env.server.base },
  });
  assert.equal(refused.status, 422, 'a wrong value is refused with the form shown again');
  await save('step-with-error', refused);
  assert.equal(vnuErrors(saved), '', 'vnu found errors');

  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

// The same call in Spanish: intake staff walk a Spanish-speaking caller through the
// questionnaire at /es/assessment by keyboard alone, read the Spanish result, and print
// the clinician's summary sheet in English for the chart (?lang=en).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useServerAndBrowser, newWatchedContext, artifacts, vnuErrors, tabTo, axe, pdfPages, pdfText, tick, postForm, fullestAnswers, choose, next, sistersCallRightNow, sistersCallUseToChoices } from './harness.mjs';

const env = useServerAndBrowser(before, after);

/// Every link on a Spanish page stays in Spanish, unless it is marked as English.
async function linksStayInSpanish(page, label) {
  const leaving = await page.evaluate(() => [...document.querySelectorAll('a[href]')]
    .filter((a) => a.getAttribute('hreflang') !== 'en')
    .map((a) => a.getAttribute('href'))
    .filter((h) => !/^(\/es\/|#|\/static\/|tel:|sms:|https?:)/.test(h)));
  assert.deepEqual(leaving, [], `${label}: links leave Spanish`);
}

test('una hermana llama por su hermano: the call in Spanish by keyboard alone, the Spanish result, the sheet printed in English', async () => {
  const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width: 1280, height: 900 }, locale: 'es-MX' });
  const page = await context.newPage();
  const problems = [];
  await page.goto(env.server.base + '/es/assessment');
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.equal(await page.locator('h1').innerText(), 'Cuestionario');
  assert.equal(await page.locator('section.step:not([hidden])').count(), 1, 'one step at a time');
  assert.match(await page.locator('#step-1-title').innerText(), /Paso 1 de 5: Ahora mismo/);
  await linksStayInSpanish(page, 'questionnaire');
  await axe(page, 'paso 1 @1280', problems);

  await sistersCallRightNow(page);
  await next(page, 2, 'es');
  assert.equal(await page.locator('.urgent-now').isVisible(), false, 'nothing urgent to do first');
  // The words to read aloud now speak about him ("la persona"), not to him ("usted").
  const say = await page.locator('#say-injects').innerText();
  assert.match(say, /Diga: “¿La persona se inyecta alguna vez\?/i);
  assert.doesNotMatch(say, /“¿Se inyecta/);
  assert.match(await page.locator('#q-injects legend').innerText(), /^¿Se inyecta drogas\?$/);
  assert.match(await page.locator('#q-injects .choice-unknown').innerText(), /No sé \/ prefiere no responder/);
  await axe(page, 'paso 2 @1280', problems);

  await sistersCallUseToChoices(page, 'es', problems);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Ver el resultado');
  await Promise.all([page.waitForURL(/\/es\/assessments\/[A-Za-z0-9_-]{22}$/), page.keyboard.press('Enter')]);
  const resultUrl = page.url();

  // The result, in Spanish.
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.equal(await page.locator('h1').innerText(), 'Resultado');
  assert.match(await page.locator('.headline p').first().innerText(), /^Tipo de atención:/);
  assert.equal(await page.locator('a[href="/es/treatments/buprenorphine"]').first().innerText(), 'Buprenorfina');
  assert.ok(await page.locator('a[href="/es/treatments/methadone"]').count() > 0, 'methadone is listed, in Spanish');
  const helplines = await page.locator('#helplines-heading + p + ul').innerText();
  assert.match(helplines, /988/, '988 listed');
  assert.match(helplines, /En español:/, 'how to be helped in Spanish on each line');
  assert.ok(await page.locator('a[href="tel:988"]').count() > 0, '988 is a link a phone dials');
  assert.ok((await page.locator('.talking-points li').count()) >= 3);
  const ask = await page.locator('.ask-next').innerText();
  assert.match(ask, /Qué preguntar después/);
  assert.match(ask, /la persona/, 'the questions to ask next are about him');
  assert.doesNotMatch(ask, /\b(you|they)\b/i, 'no English question');
  await linksStayInSpanish(page, 'result');
  await axe(page, 'resultado @1280', problems);

  // The sheet in English for the chart, by keyboard.
  await tabTo(page, 'a[hreflang="en"][href$="/summary?lang=en"]');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Hoja de resumen en inglés');
  await Promise.all([page.waitForURL(/\/es\/assessments\/[A-Za-z0-9_-]{22}\/summary\?lang=en$/), page.keyboard.press('Enter')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('h1').innerText(), 'Treatment Navigator: assessment summary');
  const sheet = await page.locator('main').innerText();
  for (const needle of [/Overdoses, past year\s+One/, /Smokes\s+Yes/, /Information from\s+A family member or friend/, /Opioids\s+Fentanyl/,
    /Declined medicines\s+Methadone/]) {
    assert.match(sheet, needle);
  }
  assert.doesNotMatch(sheet, /Sobredosis|Resultado|Fentanilo/, 'nothing Spanish on the English sheet');
  // The time in the reader's zone, written in the sheet's language.
  assert.match(await page.locator('time[data-local]').innerText(), /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/);
  assert.equal(await page.locator('a[href$="/summary?lang=es"]').innerText(), 'Español');
  assert.equal(await page.locator('a[href$="/summary?lang=en"]').getAttribute('aria-current'), 'page');
  await axe(page, 'sheet in English @1280', problems);
  mkdirSync(artifacts, { recursive: true });
  for (const format of ['Letter', 'A4']) {
    const file = join(artifacts, `summary-es-to-en-${format}.pdf`);
    const pdf = await page.pdf({ format, printBackground: true });
    writeFileSync(file, pdf);
    assert.ok(pdfPages(pdf) <= 2, `${format}: ${pdfPages(pdf)} pages`);
    const printed = pdfText(file);
    for (const needle of ['Patient name', 'Information from', 'Clinician notes', 'not medical advice', 'Page 1 of']) {
      assert.ok(printed.includes(needle), `${format} PDF shows ${needle}`);
    }
    for (const screenOnly of ['Language of this sheet', 'Back to the result', 'Español']) {
      assert.ok(!printed.includes(screenOnly), `${format} PDF leaves out ${screenOnly}`);
    }
  }

  // Back to Spanish on the sheet, then Back through the history: the sheets, the
  // Spanish result, the Spanish questionnaire (fetched with GET, no resubmission).
  await Promise.all([page.waitForURL(/\/summary\?lang=es$/), page.locator('a[href$="/summary?lang=es"]').click()]);
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.equal(await page.locator('h1').innerText(), 'Treatment Navigator: resumen del cuestionario');
  assert.match(await page.locator('main').innerText(), /Sobredosis, último año\s+Una/);
  await page.goBack();
  await page.goBack();
  assert.equal(page.url(), resultUrl);
  assert.equal(await page.locator('h1').innerText(), 'Resultado');
  const back = await page.goBack();
  assert.equal(back.request().method(), 'GET');
  assert.match(page.url(), /\/es\/assessment#step-5$/);
  assert.equal(await page.locator('h1').innerText(), 'Cuestionario');
  await page.goForward();
  assert.equal(page.url(), resultUrl);

  // Cambiar respuestas: everything filled in; a changed answer saves a new assessment,
  // shown in Spanish.
  await page.getByRole('link', { name: 'Cambiar respuestas' }).click();
  await page.waitForURL(/\/es\/assessments\/[A-Za-z0-9_-]{22}\/change$/);
  assert.equal(await page.locator('input[name="caller"][value="family_or_friend"]').isChecked(), true);
  assert.equal(await page.locator('input[name="declined_medications"][value="methadone"]').isChecked(), true);
  assert.equal(await page.locator('input[name="days_since_last_use"]').inputValue(), '0');
  await page.locator('.progress a[data-step="4"]').click();
  await page.locator('input[name="housing"][value="unstable"]').check();
  await page.locator('.progress a[data-step="5"]').click();
  await Promise.all([page.waitForURL(/\/es\/assessments\/[A-Za-z0-9_-]{22}$/), page.getByRole('button', { name: 'Ver el resultado' }).click()]);
  assert.notEqual(page.url(), resultUrl, 'a new assessment');
  assert.equal(await page.locator('h1').innerText(), 'Resultado');

  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, [], 'no request leaves the app');
  await context.close();
});

test('the fullest Spanish sheet still prints on two pages, and a wrong answer is named in Spanish', async () => {
  const { context, foreign } = await newWatchedContext(env.browser, env.server.base, { viewport: { width: 360, height: 800 }, locale: 'es-US' });
  const page = await context.newPage();
  const problems = [];
  const response = await postForm(env.server.base, '/es/assessment', fullestAnswers);
  assert.equal(response.status, 303);
  const location = response.headers.get('location');
  assert.match(location, /^\/es\/assessments\/[A-Za-z0-9_-]{22}$/);
  await page.goto(env.server.base + location);
  assert.equal(await page.locator('.urgent-actions h2').innerText(), 'Haga esto primero');
  await axe(page, 'resultado @360', problems);
  await page.screenshot({ path: join(artifacts, 'screenshots', 'assessment-result-es-360.png'), fullPage: true });
  // The setting and the plan within the first screen of a phone: measured from the top
  // of the page's own content, as the site's header and emergency strip above it are
  // the layout's (on the English page they leave 500 px of an 800 px screen).
  const plan = await page.locator('.headline p').nth(1).boundingBox();
  const main = await page.locator('main').boundingBox();
  assert.ok(plan.y + plan.height - main.y <= 500, `the plan ends ${plan.y + plan.height - main.y} px into the content`);
  for (const lang of ['es', 'en']) {
    await page.goto(`${env.server.base}${location}/summary?lang=${lang}`);
    await axe(page, `sheet ${lang} @360`, problems);
    for (const format of ['Letter', 'A4']) {
      const file = join(artifacts, `summary-fullest-${lang}-${format}.pdf`);
      const pdf = await page.pdf({ format, printBackground: true });
      writeFileSync(file, pdf);
      assert.ok(pdfPages(pdf) <= 2, `${lang} ${format}: ${pdfPages(pdf)} pages`);
      const printed = pdfText(file);
      const needles = lang === 'es'
        ? ['Embarazo', 'Notas del profesional de la salud', 'Criterios del DSM-5 marcados (11 de 11)', 'Nombre del paciente', 'Firma', 'Información dada por']
        : ['Pregnant', 'Clinician notes', 'DSM-5 criteria ticked (11 of 11)', 'Patient name', 'Signature', 'Information from'];
      for (const needle of needles) assert.ok(printed.includes(needle), `${lang} ${format} PDF shows ${needle}`);
    }
  }

  // A wrong value: the form comes back in Spanish, open at the step with the error, the
  // error beside its field and named in the summary, every other answer kept.
  await page.goto(env.server.base + '/es/assessment');
  await page.locator('.progress a[data-step="2"]').click();
  await page.locator('#days_since_last_use').fill('40000');
  await page.locator('input[name="frequency"][value="weekly"]').check();
  await page.locator('.progress a[data-step="5"]').click();
  await page.getByRole('button', { name: 'Ver el resultado' }).click();
  await page.waitForSelector('.error-summary');
  assert.match(page.url(), /\/es\/assessment$/);
  assert.equal(await page.locator('#error-summary-title').innerText(), 'Revise esta respuesta');
  assert.match(await page.locator('.error-summary li').innerText(), /^Días desde el último consumo de opioides no recetados: debe ser un número entero de 0 a 36500$/);
  assert.ok(await page.locator('#err-days_since_last_use').isVisible(), 'the step with the error is open');
  assert.match(await page.locator('#err-days_since_last_use').innerText(), /^Revise esta respuesta: debe ser/);
  assert.equal(await page.locator('input[name="frequency"][value="weekly"]').isChecked(), true, 'other answers kept');
  await axe(page, 'form with an error @360', problems);
  await page.screenshot({ path: join(artifacts, 'screenshots', 'questionnaire-error-es-360.png'), fullPage: true });

  // The Spanish pages as the server sent them, through the Nu Html Checker.
  const dir = join(artifacts, 'html-assessment-es');
  mkdirSync(dir, { recursive: true });
  const saved = [];
  const save = async (name, r) => {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, await r.text());
    saved.push(file);
  };
  await save('questionnaire', await fetch(env.server.base + '/es/assessment'));
  await save('result', await fetch(env.server.base + location));
  await save('summary-es', await fetch(env.server.base + location + '/summary'));
  await save('summary-en', await fetch(env.server.base + location + '/summary?lang=en'));
  const refused = await postForm(env.server.base, '/es/assessment', [['days_since_last_use', '40000'], ['province', 'on']]);
  assert.equal(refused.status, 422);
  await save('form-with-errors', refused);
  await save('change-answers', await fetch(env.server.base + location + '/change'));
  assert.equal(vnuErrors(saved), '', 'vnu found errors');

  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

# The questionnaire, the result and the summary sheet: the words around the questions.
# The questions themselves are in questionnaire.ftl, exported from the Rust table.
# Messages with HTML are rendered as they are; their arguments are the site's own
# paths, numbers, ids and dates.

## The questionnaire

questionnaire-title = Questionnaire
questionnaire-description = Questions intake staff can read aloud, in five short steps, matched to a setting, a plan and medications with their reasons.
questionnaire-changing = You are changing the answers of an earlier result. Every answer is filled in as it was; sending them saves a new result, and the earlier one stays as it was.
questionnaire-steps-label = Steps
questionnaire-privacy = Do not record the caller's name or contact details: none are asked for, and none are kept. Nothing is sent until you press “See the result”.
questionnaire-errors-title = { $count ->
    [one] Please check this answer
   *[other] Please check these answers
}
questionnaire-errors-kept = Every other answer has been kept.
questionnaire-step-count = Step { $number } of { $total }:
questionnaire-urgent-title = First: what to do now
questionnaire-urgent-suicide = <strong>Thoughts of suicide:</strong> call or text <a href="tel:988">988</a>, the Suicide and Crisis Lifeline (9-8-8 in Canada), free, any time. If the person is in danger right now, call <a href="tel:911">911</a>.
questionnaire-urgent-medical = <strong>Signs that need a hospital:</strong> call <a href="tel:911">911</a> or go to the nearest emergency department today. Many can start medication for opioid use there too.
questionnaire-urgent-rest = The rest of the questions are still here, whenever there is time.
questionnaire-next = Next: { $step }
questionnaire-back = Back: { $step }
questionnaire-submit = See the result
questionnaire-say = Say:
questionnaire-check-answer = Check this answer:
questionnaire-dont-know = Don't know / declined
questionnaire-none-of-these = None of these
questionnaire-hint-list = Leave all unticked for “don't know / declined”.
questionnaire-hint-number = Leave empty for “don't know / declined”.
questionnaire-hint-dsm5-count = Leave empty for “don't know / declined”. Leave it empty when you ticked the list above: the list is counted for you.
questionnaire-hint-cows = Leave empty for “don't know / declined”. <a href="{ $href }">Score it with the COWS tool</a>.
questionnaire-rate-limited-title = Not saved yet: too many saves from this connection
questionnaire-rate-limited = To keep the service running for everyone, one connection can save a limited number of questionnaires a minute. Every answer is still in this form: wait { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}, then press “See the result” again.
questionnaire-not-saved-title = Your answers were not saved
questionnaire-not-saved = We could not store them just now: the problem is on our side. Nothing you entered is lost, and every answer is still in this form. Press “See the result” to try again; if it fails again, wait a minute.
questionnaire-unreadable = The questionnaire could not be read. Please start it again from the questionnaire page.
questionnaire-bad-link = The link to the questionnaire could not be read. Open the questionnaire from the menu.

## What is wrong with an answer, after the question's name (the API's own words)

answer-error-not-asked = is not a question we ask
answer-error-none-and-items = tick "None" or the items that apply, not both
answer-error-one-answer = give one answer
answer-error-not-a-number = must be a whole number from 0 to { $max }, or left empty
answer-error-not-a-choice = must be one of { $choices }
answer-error-not-in-list = must be a list of any of { $choices } (empty for none)
answer-error-yes-no = must be true or false
answer-error-out-of-range = must be a whole number from 0 to { $max }
answer-error-province = is only for Canada: set country to ca, or leave the province out
answer-error-dsm5-both = give the number or tick the criteria in dsm5_checklist, not both: the list is counted for you
answer-error-other = { $message }

## Answers as the result and the sheet show them

assessment-answer-unknown = Don't know / declined
assessment-answer-none = None
assessment-answer-cows = { $total }: { $band }
assessment-informant-self = The person themselves
assessment-informant-family = A family member or friend
assessment-informant-professional = A professional
assessment-informant-unknown = Not recorded

## FindTreatment.gov's filters, as /find-care names them

assessment-filter-opioid-treatment-program = Opioid treatment program
assessment-filter-buprenorphine = Buprenorphine
assessment-filter-naltrexone = Naltrexone
assessment-filter-residential = Residential
assessment-filter-intensive-outpatient = Intensive outpatient
assessment-filter-outpatient = Outpatient
assessment-filter-pregnant-or-postpartum-women = Pregnant or postpartum women

## The result

result-title = Assessment result
result-heading = Assessment result
result-do-first = Do this first
result-urgent-medical = Go to an emergency department today, or call <a href="tel:911">911</a>.
result-urgent-suicide = Call or text <a href="tel:988">988</a> now; if life is in danger, call <a href="tel:911">911</a>.
result-urgent-overdose = A recent overdose: start medication soon, keep naloxone close, never use alone.
result-suggestion = The suggestion
result-setting = Setting:
result-plan = Plan:
result-start-today = Start today:
result-why = Why this setting and plan
result-severity = Severity:
result-severity-estimate = { $severity } (an estimate; a clinician should confirm it).
result-maintenance-or-taper = Maintenance or taper: what to weigh
result-sheet = Summary sheet to print
result-sheet-in-english = Summary sheet in English
result-change = Change answers
result-new = New questionnaire
result-saved = Saved { $when } · reference <code>{ $id }</code> · information to discuss with a treatment provider, not a diagnosis.
result-talking-points = Talking points to read aloud
result-areas = Risk in six areas
result-areas-intro = The setting follows the area with the highest risk. "Not known yet" counts as moderate until it is asked.
result-medications = Medications
result-therapies = Therapies
result-support = Support
result-safety-notes = Safety notes
result-ask-next = What to ask next
result-ask-next-intro = These answers could change the suggestion:
result-find-care = Find care near you
result-find-care-intro = These free lines find treatment close to where the person lives, and answer questions on the way.
result-helpline-call = call
result-helpline-text = text
result-helpline-in-language = In English:
result-care-link = Find care near you: programs, directories and local lines
result-care-filters = In the US, on FindTreatment.gov, these filters fit this result: { $filters }.
result-every-helpline = Every helpline, by country and province
result-rules-version-label = Rules version
result-how-rules-decide = how the rules decide
result-content-version-label = content version

## The summary sheet

summary-page-title = Assessment summary { $id }
summary-running-header = Treatment Navigator · assessment summary · reference { $id } · saved { $when }
summary-heading = Treatment Navigator: assessment summary
summary-print = Print this sheet
summary-back = Back to the result
summary-language-label = Language of this sheet
summary-saved = Saved
summary-reference = Reference
summary-informant = Information from
summary-versions = Versions
summary-versions-value = rules { $rules } · content { $content }
summary-patient-name = Patient name
summary-date-of-birth = Date of birth
summary-alerts = Alerts
summary-answers = Answers
summary-dsm5-ticked = DSM-5 criteria ticked ({ $count } of 11):
summary-dsm5-none = none
summary-unanswered = Don't know / declined:
summary-result = Result
summary-severity-estimate = { $severity } (estimate).
summary-setting = { $setting }, the most intensive level any area below needs.
summary-risk-by-area = <strong>Risk by area</strong> (the setting follows the highest):
summary-missing = Not answered, and could change the result
summary-helplines = Helplines
summary-helpline-text = (text { $number })
summary-rules = Rules that decided this result
summary-rules-explained = Each rule is explained at { $rules }.
summary-sources = Sources:
summary-notes = Clinician notes
summary-clinician = Clinician
summary-signature = Signature
summary-date = Date
summary-not-advice = Information, not medical advice.
summary-disclaimer = Transparent rules (version { $version }) applied to the answers above: they support, never replace, a clinician's assessment. No name or contact details were collected; the name above is written by hand.

## Talking points of results saved in format 1 (before talking points were stored)

assessment-list-or = { $first } or { $last }
assessment-tp1-start = From what you've told me, a good place to start is { $setting }. I'll explain why, and none of this is a final decision: a treatment program will talk it through with you.
assessment-tp1-medicine-works = Medicine works. { $medicines } can take away withdrawal and cravings, and people who stay on it are much less likely to die of an overdose.
assessment-tp1-maintenance = Staying on a medicine for opioid addiction long term is the safest path for most people, and it is worth talking through the options.
assessment-tp1-taper = You'd like to come off opioids. That can work when it is done slowly, with support. After stopping, your body can't handle the amount it used to, so a slip can be much more dangerous than before.
assessment-tp1-review = From what you've told me, this may not be an opioid addiction. It is still worth talking it through with a doctor, who can look at the opioid use with you.
assessment-tp1-residential = A residential program gives you a safe place to stay and people around you day and night while treatment starts.
assessment-tp1-naloxone-us = Please keep naloxone, also called Narcan, at home, and show someone close to you how to use it. It can reverse an overdose. In the US you can buy it at a pharmacy without a prescription.
assessment-tp1-naloxone-ca = Please keep naloxone, also called Narcan, at home, and show someone close to you how to use it. It can reverse an overdose. In Canada, free naloxone kits are available at most pharmacies without a prescription.
assessment-tp1-naloxone-both = Please keep naloxone, also called Narcan, at home, and show someone close to you how to use it. It can reverse an overdose. It is sold without a prescription in US pharmacies, and free kits are available at most pharmacies in Canada.
assessment-tp1-call-911 = If you ever think someone is overdosing, call 911 right away.
assessment-tp1-helpline-us = You can call the free SAMHSA helpline at 1-800-662-4357 any time, day or night, to find treatment near you.
assessment-tp1-helpline-ca = The free lines listed with this result can help you find treatment where you live, and if things ever feel like too much, you can call or text 9-8-8 any time.
assessment-tp1-helpline-both = In the US, the free SAMHSA helpline at 1-800-662-4357 helps find treatment any time, day or night; in Canada, the free lines listed with this result do, and 9-8-8 answers any time.

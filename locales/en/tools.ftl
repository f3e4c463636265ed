# The clinicians' pages: the COWS tool (/tools/cows) and the rules page (/rules).
# The COWS items, ratings and bands are in cows.ftl (exported from the Rust table);
# the rules themselves stay in English on every page.

## The COWS tool

tool-cows-title = COWS: Clinical Opiate Withdrawal Scale
tool-cows-description = The Clinical Opiate Withdrawal Scale (COWS): eleven signs of opioid withdrawal rated by someone observing the person, the total from 0 to 48 and what it means.
tool-cows-heading = Clinical Opiate Withdrawal Scale (COWS)
tool-cows-lead = A clinician's tool: someone observing the person, such as a nurse or doctor, rates eleven signs of opioid withdrawal, and the total shows how strong the withdrawal is. Clinics use it, for example, to time the first dose of buprenorphine. It is not a self-test. Information, not medical advice.
tool-cows-total = Total: { $score } of 48
# $band is the band's label, capitalised; $range its totals ("13–24", "under 5").
tool-cows-band-line = { $band } ({ $range }).
tool-cows-use-score = Use this score in the questionnaire
tool-cows-check-items = Please check { $count ->
    [one] this item
   *[other] these items
}
tool-cows-no-total-until-valid = No total is shown until every item has one of its ratings.
tool-cows-no-total-yet = No total yet:
tool-cows-needs-all = a total needs all eleven items rated.
# $items: the names of the items not rated yet, separated by commas.
tool-cows-still-to-rate = Still to rate: { $items }.
tool-cows-paper-person = Person:
tool-cows-paper-date = Date and time:
tool-cows-paper-rater = Rated by:
tool-cows-check-this = Check this item:
# $value: what was sent, shortened; $points: the item's points ("0, 1, 2, 4").
tool-cows-refused = “{ $value }” is not one of its ratings: choose one of { $points }.
# Read by screen readers after the points of a rating, before its words.
tool-cows-points = { $points ->
    [one] point
   *[other] points
}:
tool-cows-score-it = Score it
tool-cows-bands-heading = What the total means
tool-cows-this-total = (this total)
tool-cows-source = Source:
tool-cows-wording = The ratings' wording is shortened into plain words; the points and bands are as published.
# The running total shown while the form is filled in (static/cows.js). $total is
# replaced in the browser; $left is the number of items not rated yet.
tool-cows-running-partial = Running total: { $total } so far, { $left ->
    [one] { $left } item
   *[other] { $left } items
} still to rate.
# $band: the band's label, as in the list of bands.
tool-cows-running-complete = Running total: { $total } of 48, { $band }. Press "Score it" to keep it.

## The rules page

rules-page-title = How the questionnaire's suggestions are decided
rules-page-heading = How the suggestions are decided
rules-page-lead = Every rule the questionnaire uses, in plain words, with its source, so a clinician can check the logic. Rules version <code>{ $version }</code>. This is information to discuss with a clinician, not medical advice.
# Shown on translated pages only: the rules are reviewed in English.
rules-page-table-language = The rules below are written in English, the language clinicians review them in.
rules-page-toc = Decisions
rules-page-sources = Sources
rules-when = When:
rules-reason = Reason:
rules-to-person = To the person:
rules-about-person = About the person:
rules-source = Source:

rules-group-severity-title = Severity
rules-group-severity-how = The DSM-5 count decides whether a disorder is indicated and how strongly medication is recommended; it does not decide the setting. Without a count, an estimate is shown as one. The first row whose condition holds decides.
rules-group-areas-title = Risk in six areas
rules-group-areas-how = Every row that holds asks for a risk in its area; the area takes the highest. "Not known yet" ranks above low and counts as moderate: unknown is never reassuring. These areas follow the idea of multidimensional assessment; they are not ASAM's dimensions or levels.
rules-group-setting-title = Setting
rules-group-setting-how = Every row that holds asks for a level; the setting is the most intensive one asked for, unless a row that holds caps it ("at most"; a cap never lowers hospital care). Scores are never added up or averaged, and one high area on its own asks for intensive outpatient care at most (a dangerous alcohol or benzodiazepine withdrawal is the one exception). Pregnancy on its own never raises the level.
rules-group-plan-title = Plan
rules-group-plan-how = The first deciding row that holds decides; the rows marked "adds this reason" explain it further.
rules-group-medications-title = Medications
rules-group-medications-how = For each medicine, in this order, the first deciding row that holds decides its status or leaves it out; notes add reasons to a listed medicine. Alcohol or benzodiazepines never make methadone or buprenorphine "not advised" (FDA 2017).
rules-group-alerts-title = Alerts
rules-group-alerts-how = Every row that holds is shown, most urgent first. The reason column is the alert's text.
rules-group-therapies-title = Therapies
rules-group-therapies-how = Every row that holds is shown.
rules-group-support-title = Support
rules-group-support-how = Every row that holds is shown.
rules-group-talking-points-title = Talking points
rules-group-talking-points-how = Every row that holds is read, in this order, worded for the person when they call, or about them when family, a friend or a professional calls.

# The content pages: home, treatment options, one item, the comparison.
# Messages with HTML are sentences with a link inside; their arguments are the
# site's own paths, or HTML the app builds from the content (escaped titles).

## Category headings and the line under each, and the evidence badges with what
## they mean. The English is also in src/content/mod.rs (Category, Evidence), where
## clinicians review it; a test keeps the two the same.

category-withdrawal = Withdrawal and detox
category-withdrawal-blurb = Getting through withdrawal safely, and why it is only a first step.
category-medications = Medications
category-medications-blurb = Medicines that ease withdrawal and cravings, block opioids or reverse an overdose.
category-therapies = Therapies and counselling
category-therapies-blurb = Talking and behavioural treatments that help change habits and cope.
category-settings = Where treatment happens
category-settings-blurb = Where care takes place, from round-the-clock stays to visits from home.
category-support-groups = Support groups
category-support-groups-blurb = Free groups for people in recovery and for their families.
category-recovery = Recovery and family support
category-recovery-blurb = Staying well after the first weeks, and supporting someone you love.
category-safety = Safety
category-safety-blurb = Risks to know about: overdose, pregnancy, mixing drugs.
category-choosing-a-program = Choosing a program
category-choosing-a-program-blurb = What to ask, what good care looks like and how to pay.

evidence-established = Established evidence
evidence-established-explanation = Backed by many good studies and recommended by bodies such as NIDA, SAMHSA or the FDA.
evidence-supported = Supported by evidence
evidence-supported-explanation = Reasonable evidence or wide expert agreement, but fewer or weaker studies.
evidence-emerging = Emerging: not yet proven
evidence-emerging-explanation = Early or mixed research. It may help some people, but it is not a proven treatment.

## Dates. $month is 1 to 12, $year and $day numbers, $iso the date as written
## (YYYY-MM-DD). English pages show the full date as written.

date-month-year = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
date-long = { $iso }

## The home page

home-title = Find treatment for opioid addiction
home-heading = Find your way into treatment for opioid addiction
home-right-now-label = Right now
home-right-now-overdose = If someone is overdosing
home-right-now-find-care = Find care near you
home-lead = Clear, sourced information about treatment for heroin, fentanyl and other opioid addiction: what the options are, who they may suit and what to ask. Written for families, and for the staff and clinicians who help them.
home-ways-label = Ways in
home-way-explore = Explore treatment options
home-way-explore-text = Medications, therapies, detox, support groups and where care happens, each with the evidence behind it.
home-way-questionnaire = Start the questionnaire
home-way-questionnaire-text = A short set of questions that suggests a level of care and explains why. Nothing about you is kept.
home-way-help = Get help now
home-way-help-text = Free, confidential helplines in the US and Canada, open day and night.
home-overdose-heading = If someone may be overdosing
home-overdose-call = Call <a href="tel:911">911</a>.
home-overdose-naloxone = Give <a href="{ $href }">naloxone</a> (Narcan) if you have it. Another dose after 2–3 minutes if there is no response.
home-overdose-stay = Stay with them. Lay them on their side if they are breathing.
home-overdose-steps = What to do, step by step
home-overdose-tolerance = After detox, a hospital stay or time in jail, the body loses its tolerance quickly. A dose that was once usual can then kill. <a href="{ $href }">Read why</a>.
home-topics-heading = What you will find here
home-not-sure = Not sure where to begin? <a href="{ $compare }">Compare the three main medications</a> side by side, or <a href="{ $questions }">see what to ask a program</a> before you call.

## Treatment options: every item by category

treatments-title = Treatment options
treatments-lead = Everything on this site, grouped by topic. Each page says who an option may suit, what to weigh and where the facts come from.
treatments-toc-label = Topics on this page
evidence-legend = What the evidence labels mean

## One item's page

breadcrumb-label = Breadcrumb
# $month is the month and year in words; $iso the date as written.
item-reviewed = Reviewed <time datetime="{ $iso }">{ $month }</time>
# Shown on a page in another language above an item shown in English.
item-not-translated = This page has not been translated yet; it is shown in English.
item-translation-stale = This page's translation is being updated; it is shown in English.
item-compare-link = Compare { $title } with other medications
item-related = Related
item-sources = Sources
# $month: month and year in words; $date: the full date; $version: the content version.
item-checked = Reviewed { $month } (checked against its sources on { $date }) · content version { $version }
facts-suits = Who it may suit
facts-weigh = Things to weigh
facts-requirements = What it takes
facts-side-effects = Side effects
facts-cautions = Cautions

## The comparison of medications

compare-title = Compare medications
compare-lead = How the medicines used for opioid addiction differ: how they act, how they are taken, where to get them and what to watch for.
# $names: the names asked for, each in quotes, separated by commas; $count: how many.
compare-unknown = We have no medication called { $names }. Choose from the list below.
# $links: links to the items' own pages, separated by commas.
compare-not-comparable = { $count ->
    [one] Only medications can be compared here. Read about { $links } on its own page.
   *[other] Only medications can be compared here. Read about { $links } on their own pages.
}
compare-trimmed = At most four medications fit side by side; the first four are shown.
compare-default = Showing the three medications most used for opioid addiction instead.
# $names: the medications in the table, separated by commas.
compare-caption = { $names } compared
compare-row-action = How it acts
compare-row-taken = How it is taken
compare-row-obtained = Where to get it
compare-row-before-starting = Before starting
compare-row-pregnancy = In pregnancy
compare-row-risks = Main risks
compare-row-evidence = Evidence
compare-choose = Choose up to four medications
compare-button = Compare
compare-depends = Which medicine fits depends on the person, their history and what is available nearby. A prescriber or treatment program can help decide.

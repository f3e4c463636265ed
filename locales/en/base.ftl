# The layout on every page: header, emergency strip, footer.
# Messages with HTML are sentences with a link inside; their arguments are the
# site's own paths.

site-name = Treatment Navigator
site-description = Plain-language, sourced information about treatment for heroin and other opioid addiction.
skip-to-content = Skip to main content
offer-this-page = Read this page in English
nav-label = Main
nav-options = Options
nav-compare = Compare
nav-questionnaire = Questionnaire
nav-helplines = Helplines
search-label = Search the site
search-placeholder = Search, e.g. methadone
search-button = Search

emergency-label = Emergency help
emergency-danger = <strong>In danger now?</strong> <a class="emergency-call" href="tel:911">Call 911</a>
emergency-overdose = Possible overdose: <a href="{ $href }#what-to-do-right-now">give naloxone</a>, call 911
emergency-lines = Free 24/7: <span class="emergency-us">US <a href="tel:+18006624357">1-800-662-4357</a></span> <span class="emergency-ca">Canada <a href="tel:988">9-8-8</a>, call or text</span>

footer-not-advice = <strong>Information, not medical advice.</strong> Talk with a doctor, nurse or treatment program about what is right for you or your family member. In an emergency call 911.
footer-privacy = No accounts, no cookies, no tracking: nothing you read here is recorded about you. <a href="{ $rules }">How the questionnaire's suggestions are decided</a>. For clinicians: <a href="{ $cows }">the COWS withdrawal scale</a>.

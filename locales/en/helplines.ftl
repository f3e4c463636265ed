# The helplines page (/helplines) and the find-care page (/find-care), and the names
# of places (place-…), which other pages may use too.

## Places

place-country-us = United States
place-country-ca = Canada
place-province-ab = Alberta
place-province-bc = British Columbia
place-province-mb = Manitoba
place-province-nb = New Brunswick
place-province-nl = Newfoundland and Labrador
place-province-nt = Northwest Territories
place-province-ns = Nova Scotia
place-province-nu = Nunavut
place-province-on = Ontario
place-province-pe = Prince Edward Island
place-province-qc = Quebec
place-province-sk = Saskatchewan
place-province-yt = Yukon
place-countries = Countries
place-country = Country
place-choose-country = Choose a country
place-province = Province or territory
place-choose-province = Choose a province or territory
place-none-chosen = None chosen
place-show = Show
place-nothing-stored = Nothing is stored: the choice is only in this page's address.

## Helplines

helplines-title = Helplines
helplines-heading = Helplines
helplines-lead = Free, confidential help by phone or text. You do not have to give your name.
helplines-province-label = In Canada? Show your province's lines first:
helplines-province-lines = Lines for people who live in { $province }.
helplines-for-all-of = For all of { $country }
helplines-no-province-line = No line of { $province }'s own is listed here yet. The lines for all of Canada below serve you, and in most provinces and territories 811 reaches a nurse who can tell you about services near you.
helplines-other-provinces = Other provinces and territories
helplines-by-province = By province or territory
helplines-provinces-intro = These lines are for people who live in one province or territory.
helplines-national-above = The lines for all of { $country } are above.
helplines-national-serve-all = The lines above serve all of { $country }.
helplines-find-care = Looking for a treatment program rather than a line to call? <a href="{ $href }">Find care near you</a>: directories of programs in both countries.
helplines-call = Call
helplines-text = Text
helplines-tty = TTY
helplines-web = Web
helplines-hours = Hours
helplines-languages = Languages
helplines-source = Source:
# The next messages are shown on translated pages only, about the page's language:
# which lines answer in it and how to reach them in it.
helplines-speaks = Answers in Spanish:
helplines-in-language = In Spanish:
helplines-in-language-source = Where this is stated:
helplines-untranslated = This line is shown in English because its translation is not up to date.
helplines-speaking-heading = Lines that answer in Spanish
helplines-speaking-intro = These lines have help in Spanish. Under each one you will see how to ask for it.
helplines-speaking-others = Under every line on this page we say what we know about help in Spanish.

## Find care

care-title = Find care near you
care-description = Where to find a treatment program for opioid addiction near you, in the US and in Canada: official directories, the filters to pick and the local lines to call.
care-heading = Find care near you
care-lead = Official directories and free phone lines that know the treatment programs near where you live, in the US and in Canada.
care-privacy = This site does not ask where you are, keeps nothing about you and sends nothing to the services below: the links are plain links, and what you type on those sites stays between you and them.
care-show-first = Show my part first

care-ca-intro = In Canada, treatment is organised by each province and territory: there is no single national directory. The lines below find programs in their province.
# $href: the helplines page's Canadian part.
care-ca-no-province-line = No line of { $province }'s own is listed here yet: call 811 (below) or one of the lines for all of Canada on <a href="{ $href }">Helplines</a>.
care-call = call
care-text = text
care-website = website
care-raam-heading = Walk-in addiction clinics and 811
care-raam = Many provinces have rapid access addiction medicine (RAAM) clinics: walk-in clinics where you need no appointment and no referral from a doctor. They can start medication such as buprenorphine, often within a day or two. Your provincial line can tell you where the nearest one is.
care-811 = In most provinces and territories, calling 811 reaches a nurse, free and at any hour, who can answer health questions and tell you about services near you, addiction care included.

care-findtreatment-intro = The federal government's free, confidential list of state-licensed treatment programs, run by SAMHSA (the Substance Abuse and Mental Health Services Administration). Type a ZIP code, city or address there; then narrow the list with its filters. The ones that matter most for opioid addiction:
# Shown on translated pages only, after the list of filters.
care-filter-names = The filters are named as on the English version of FindTreatment.gov.
care-filter-otp = the clinics that can give methadone for opioid addiction
care-filter-buprenorphine = programs that prescribe it
care-filter-naltrexone = programs that give the monthly shot or the tablets
care-filter-setting = living at the program, going several days a week, or regular visits
care-filter-pregnant = programs for pregnancy and the months after birth
care-filter-payment = programs that take Medicaid, or that charge according to income
care-filter-spanish = staff who speak Spanish
care-open-findtreatment = Open FindTreatment.gov
care-listings-out-of-date = Listings can be out of date. Call before you go, and ask whether they have a place now and whether they start medication.
care-otp-heading = Opioid treatment programs (methadone clinics)
care-otp-text = In the US, methadone for opioid addiction is given only by certified opioid treatment programs (OTPs). SAMHSA lists them all, state by state, with their phone numbers.
care-otp-link = SAMHSA's Opioid Treatment Program Directory
care-samhsa-heading = Rather talk to someone?
care-samhsa-text = The SAMHSA National Helpline finds programs near you by phone: free, confidential, day and night, in English and Spanish. Call <a class="dial" href="tel:+18006624357">1-800-662-4357</a>.
# $questions, $signs: two of the site's pages.
care-before-you-call = Before you call a program, see <a href="{ $questions }">the questions to ask a program</a>, and <a href="{ $signs }">the signs of good care</a>.
care-every-line = Every line to call, crisis lines included: <a href="{ $href }">Helplines</a>.

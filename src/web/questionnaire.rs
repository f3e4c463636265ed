//! The questionnaire as intake staff see it: the questions in four short steps, the
//! words to read aloud, and reading the HTML form back into [`Answers`].
//!
//! The form keeps no state on the server: every answer travels in the form itself
//! (hidden fields for the steps not on screen), so back and next never lose anything.

use std::borrow::Cow;
use std::collections::BTreeMap;

use fluent_templates::fluent_bundle::FluentValue;
use serde_json::Value;

use crate::assessment::answers::{Choice, Dsm5Criterion, Kind};
use crate::assessment::cows::Band;
use crate::assessment::{AnswerError, Answers, Field};
use crate::i18n::{self, Lang, translated};

/// One question on the form.
pub struct Question {
    pub field: Field,
    /// The question as written on screen.
    pub label: &'static str,
    /// Words staff can read aloud to the person themselves.
    pub say: &'static str,
    /// The same, when someone else calls about the person (a relative, a friend or a
    /// professional): "they", never "you".
    pub say_about: &'static str,
    /// Short name for the clinician's summary.
    pub short: &'static str,
    /// The choices, as (value, label), for choice and list questions.
    pub options: &'static [(&'static str, &'static str)],
}

pub struct Step {
    pub number: usize,
    pub title: &'static str,
    pub intro: &'static str,
    pub questions: &'static [Question],
}

const YES_NO: &[(&str, &str)] = &[("true", "Yes"), ("false", "No")];

pub const STEPS: [Step; 5] = [
    Step {
        number: 1,
        title: "Right now",
        intro: "Safety first. If someone is overdosing now (won't wake up, slow or no breathing), stop and call 911.",
        questions: &[
            Question {
                field: Field::Caller,
                label: "Who is giving the answers?",
                short: "Caller",
                say: "Can I ask who I'm speaking with: are you calling about yourself, or about someone else?",
                say_about: "Can I ask who I'm speaking with: are you calling about yourself, or about someone else?",
                options: &[
                    ("self", "The person themselves"),
                    ("family_or_friend", "Family member or friend"),
                    ("professional", "A professional"),
                ],
            },
            Question {
                field: Field::OverdosesPastYear,
                label: "Overdoses in the past year",
                short: "Overdoses, past year",
                say: "In the past year, have you had an overdose: passed out, stopped breathing well, or needed naloxone?",
                say_about: "In the past year, have they had an overdose: passed out, stopped breathing well, or needed naloxone?",
                options: &[
                    ("none", "None"),
                    ("one", "One"),
                    ("several", "More than one"),
                ],
            },
            Question {
                field: Field::SuicidalThoughts,
                label: "Thoughts of suicide, or of overdosing on purpose, in the past month?",
                short: "Suicidal thoughts",
                say: "I ask everyone this: in the past month, have you had thoughts of suicide, or of taking an overdose on purpose?",
                say_about: "I ask everyone this: in the past month, have they talked about suicide, or about taking an overdose on purpose?",
                options: YES_NO,
            },
            Question {
                field: Field::MedicalUrgent,
                label: "Signs that need a hospital today?",
                short: "Urgent medical signs",
                say: "Right now, do you have a fever with wounds, redness that is spreading, chest pain, trouble breathing, or confusion?",
                say_about: "Right now, do they have a fever with wounds, redness that is spreading, chest pain, trouble breathing, or confusion?",
                options: YES_NO,
            },
            Question {
                field: Field::Pregnant,
                label: "Pregnant?",
                short: "Pregnant",
                say: "Is there a chance you are pregnant? It changes which treatments are safest.",
                say_about: "Is there a chance they are pregnant? It changes which treatments are safest.",
                options: YES_NO,
            },
            Question {
                field: Field::AgeGroup,
                label: "Age group",
                short: "Age group",
                say: "How old are you: under 16, 16 or 17, or 18 and over?",
                say_about: "How old are they: under 16, 16 or 17, or 18 and over?",
                options: &[
                    ("under_16", "Under 16"),
                    ("16_to_17", "16 or 17"),
                    ("18_plus", "18 or over"),
                ],
            },
        ],
    },
    Step {
        number: 2,
        title: "Use",
        intro: "How opioids are used now. Any question can be left as \"don't know\".",
        questions: &[
            Question {
                field: Field::Opioids,
                label: "Which opioids?",
                short: "Opioids",
                say: "Which opioids do you use? Fentanyl, heroin, pain pills from a pharmacy, pills bought on the street, or something else?",
                say_about: "Which opioids do they use? Fentanyl, heroin, pain pills from a pharmacy, pills bought on the street, or something else?",
                options: &[
                    ("fentanyl", "Fentanyl"),
                    ("heroin", "Heroin"),
                    ("prescription_pills", "Prescription pain pills"),
                    (
                        "counterfeit_pills",
                        "Pills from the street (may contain fentanyl)",
                    ),
                    ("other", "Other"),
                ],
            },
            Question {
                field: Field::Frequency,
                label: "How often are opioids used?",
                short: "Frequency",
                say: "In the last month, about how often have you used heroin, fentanyl or other opioids?",
                say_about: "In the last month, about how often have they used heroin, fentanyl or other opioids?",
                options: &[
                    ("daily", "Every day"),
                    ("weekly", "Weekly, but not every day"),
                    ("occasional", "Less than weekly"),
                ],
            },
            Question {
                field: Field::Duration,
                label: "For how long?",
                short: "Duration",
                say: "How long has this been going on, roughly?",
                say_about: "How long has this been going on for them, roughly?",
                options: &[
                    ("under_1_year", "Under a year"),
                    ("1_to_5_years", "1 to 5 years"),
                    ("over_5_years", "Over 5 years"),
                ],
            },
            Question {
                field: Field::Injects,
                label: "Injects drugs?",
                short: "Injects",
                say: "Do you ever inject? I ask everyone, so we can talk about safer ways and testing.",
                say_about: "Do they ever inject? I ask everyone, so we can talk about safer ways and testing.",
                options: YES_NO,
            },
            Question {
                field: Field::Smokes,
                label: "Smokes or inhales opioids?",
                short: "Smokes",
                say: "Do you smoke or inhale it, for example fentanyl on foil? Smoking can still cause an overdose.",
                say_about: "Do they smoke or inhale it, for example fentanyl on foil? Smoking can still cause an overdose.",
                options: YES_NO,
            },
            Question {
                field: Field::DaysSinceLastUse,
                label: "Days since non-prescribed opioids were last used",
                short: "Days since last use",
                say: "When did you last use opioids that weren't prescribed to you, like fentanyl, heroin or street pills? Today counts as 0 days. Methadone or buprenorphine from a prescriber doesn't count.",
                say_about: "When did they last use opioids that weren't prescribed to them, like fentanyl, heroin or street pills? Today counts as 0 days. Methadone or buprenorphine from a prescriber doesn't count.",
                options: &[],
            },
            Question {
                field: Field::CurrentMedication,
                label: "Medication for opioid use taken now",
                short: "Current medication",
                say: "Are you taking any medicine for opioid use now, like methadone, buprenorphine or naltrexone?",
                say_about: "Are they taking any medicine for opioid use now, like methadone, buprenorphine or naltrexone?",
                options: &[
                    ("none", "None"),
                    ("methadone", "Methadone"),
                    ("buprenorphine", "Buprenorphine (Suboxone and others)"),
                    (
                        "extended_release_buprenorphine",
                        "Buprenorphine injection (Sublocade, Brixadi)",
                    ),
                    ("naltrexone", "Naltrexone tablets"),
                    (
                        "extended_release_naltrexone",
                        "Naltrexone injection (Vivitrol)",
                    ),
                    ("slow_release_oral_morphine", "Slow-release oral morphine"),
                    ("injectable_oat", "Injectable OAT"),
                ],
            },
            Question {
                field: Field::CowsScore,
                label: "COWS withdrawal score, if scored (0–48)",
                short: "COWS score",
                say: "Staff only: the total of the Clinical Opiate Withdrawal Scale, if a clinician has scored it.",
                say_about: "Staff only: the total of the Clinical Opiate Withdrawal Scale, if a clinician has scored it.",
                options: &[],
            },
        ],
    },
    Step {
        number: 3,
        title: "Health",
        intro: "The DSM-5 list, mental health, other substances and physical health.",
        questions: &[
            Question {
                field: Field::Dsm5Checklist,
                label: "DSM-5 criteria met in the last 12 months",
                short: "DSM-5 criteria ticked",
                say: "Thinking about the last 12 months, I'd like to go through a few ways opioid use can affect someone. Tell me which have been true for you.",
                say_about: "Thinking about the last 12 months, I'd like to go through a few ways opioid use can affect someone. Tell me which have been true for them, as far as you know.",
                options: &DSM5_OPTIONS,
            },
            Question {
                field: Field::Dsm5Criteria,
                label: "Or: how many of the 11 criteria are met (0–11)?",
                short: "DSM-5 criteria met",
                say: "Staff only: if a clinician has counted the DSM-5 criteria already, enter the number here instead of the list.",
                say_about: "Staff only: if a clinician has counted the DSM-5 criteria already, enter the number here instead of the list.",
                options: &[],
            },
            Question {
                field: Field::MentalHealth,
                label: "Mental-health conditions",
                short: "Mental health",
                say: "Have you been told you have, or do you think you have, any of these?",
                say_about: "Have they been told they have, or do you think they have, any of these?",
                options: &[
                    ("depression", "Depression"),
                    ("anxiety", "Anxiety"),
                    ("ptsd", "PTSD or trauma"),
                    ("bipolar", "Bipolar disorder"),
                    ("psychosis", "Psychosis"),
                    ("other", "Something else"),
                ],
            },
            Question {
                field: Field::MentalHealthStatus,
                label: "Mental health right now",
                short: "Mental health now",
                say: "How are you doing with your mental health these days: steady, struggling, or in crisis?",
                say_about: "How are they doing with their mental health these days: steady, struggling, or in crisis?",
                options: &[
                    ("stable", "Steady"),
                    ("struggling", "Struggling"),
                    ("crisis", "In crisis"),
                ],
            },
            Question {
                field: Field::OtherSubstances,
                label: "Other substances used",
                short: "Other substances",
                say: "Do you also use alcohol, pills like Xanax or Valium, meth or cocaine, or anything else?",
                say_about: "Do they also use alcohol, pills like Xanax or Valium, meth or cocaine, or anything else?",
                options: &[
                    ("alcohol", "Alcohol"),
                    ("benzodiazepines", "Benzodiazepines (Xanax, Valium…)"),
                    ("stimulants", "Stimulants (meth, cocaine)"),
                    ("other", "Something else"),
                ],
            },
            Question {
                field: Field::SedativeWithdrawalRisk,
                label: "Heavy daily drinking or benzodiazepines?",
                short: "Sedative withdrawal risk",
                say: "Do you drink heavily every day, or take benzodiazepines like Xanax or Valium every day? Have you ever had a seizure or DTs when stopping?",
                say_about: "Do they drink heavily every day, or take benzodiazepines like Xanax or Valium every day? Have they ever had a seizure or DTs when stopping?",
                options: &[
                    ("none", "Neither"),
                    (
                        "daily_heavy",
                        "Heavy daily drinking or daily benzodiazepines",
                    ),
                    (
                        "past_seizures_or_dts",
                        "Seizures or DTs when stopping before",
                    ),
                ],
            },
            Question {
                field: Field::MedicalConditions,
                label: "Medical problems that need care?",
                short: "Medical conditions",
                say: "Are there health problems that need a doctor's care right now, like infections, heart, liver or lung problems?",
                say_about: "Do they have health problems that need a doctor's care right now, like infections, heart, liver or lung problems?",
                options: YES_NO,
            },
            Question {
                field: Field::ChronicPain,
                label: "Chronic pain?",
                short: "Chronic pain",
                say: "Do you live with pain that has lasted months?",
                say_about: "Do they live with pain that has lasted months?",
                options: YES_NO,
            },
        ],
    },
    Step {
        number: 4,
        title: "Life",
        intro: "Where treatment has to fit in daily life, and what has been tried before.",
        questions: &[
            Question {
                field: Field::Housing,
                label: "Housing",
                short: "Housing",
                say: "Do you have a steady place to live right now?",
                say_about: "Do they have a steady place to live right now?",
                options: &[
                    ("stable", "Stable"),
                    ("unstable", "Unstable (couch-surfing, at risk)"),
                    ("homeless", "Homeless"),
                ],
            },
            Question {
                field: Field::Support,
                label: "Family and social support",
                short: "Support",
                say: "Is there family or a friend who can support you through treatment?",
                say_about: "Is there family or a friend, maybe you, who can support them through treatment?",
                options: &[("strong", "Strong"), ("some", "Some"), ("none", "None")],
            },
            Question {
                field: Field::Responsibilities,
                label: "Responsibilities care must fit around",
                short: "Responsibilities",
                say: "Do you work, study or care for someone, so treatment needs to fit around it?",
                say_about: "Do they work, study or care for someone, so treatment needs to fit around it?",
                options: &[
                    ("work", "Work"),
                    ("school", "School"),
                    ("caregiving", "Caring for children or others"),
                ],
            },
            Question {
                field: Field::NeedsPrivacy,
                label: "Needs treatment to stay private?",
                short: "Needs privacy",
                say: "Is it important that time away for treatment doesn't draw attention?",
                say_about: "Is it important to them that time away for treatment doesn't draw attention?",
                options: YES_NO,
            },
            Question {
                field: Field::RecentlyReleased,
                label: "Left jail, prison or a hospital stay in the past month?",
                short: "Recently released",
                say: "In the past month, have you come out of jail, prison, or a hospital stay?",
                say_about: "In the past month, have they come out of jail, prison, or a hospital stay?",
                options: YES_NO,
            },
            Question {
                field: Field::CompletedResidential,
                label: "Has just completed residential treatment?",
                short: "Just completed residential",
                say: "Are you just finishing a stay in a residential or inpatient program?",
                say_about: "Are they just finishing a stay in a residential or inpatient program?",
                options: YES_NO,
            },
            Question {
                field: Field::PriorTreatment,
                label: "Earlier treatment",
                short: "Earlier treatment",
                say: "Have you had treatment before: detox, medicine, counselling, or a residential stay?",
                say_about: "Have they had treatment before: detox, medicine, counselling, or a residential stay?",
                options: &[
                    ("detox", "Detox"),
                    (
                        "medication",
                        "Medication (methadone, buprenorphine, naltrexone)",
                    ),
                    ("outpatient", "Outpatient counselling"),
                    ("residential", "Residential or inpatient"),
                ],
            },
            Question {
                field: Field::QuitAttempts,
                label: "Earlier attempts to stop",
                short: "Quit attempts",
                say: "Have you tried to cut down or stop before? Once, or several times?",
                say_about: "Have they tried to cut down or stop before? Once, or several times?",
                options: &[
                    ("none", "None"),
                    ("one", "Once"),
                    ("several", "Several times"),
                ],
            },
            Question {
                field: Field::RelapseHistory,
                label: "Returned to use after a period of not using or after treatment?",
                short: "Relapse history",
                say: "Has there been a time you stopped for a while, or had treatment, and then started again?",
                say_about: "Has there been a time they stopped for a while, or had treatment, and then started again?",
                options: YES_NO,
            },
        ],
    },
    Step {
        number: 5,
        title: "Choices",
        intro: "What the person wants. Every choice is respected and explained.",
        questions: &[
            Question {
                field: Field::Readiness,
                label: "Readiness",
                short: "Readiness",
                say: "How do you feel about making a change right now?",
                say_about: "How do they feel about making a change right now, as far as you know?",
                options: &[
                    ("wants_help_now", "Wants help now"),
                    ("unsure", "Unsure"),
                    ("not_ready", "Not ready yet"),
                ],
            },
            Question {
                field: Field::MedicationPreference,
                label: "Medication preference",
                short: "Medication preference",
                say: "Some people take medicine like methadone or buprenorphine, some prefer not to. What feels right to you?",
                say_about: "Some people take medicine like methadone or buprenorphine, some prefer not to. What do they think about it?",
                options: &[
                    ("open", "Open to any medication"),
                    ("no_opioid_agonist", "No methadone or buprenorphine"),
                    ("no_medication", "No medication at all"),
                    ("unsure", "Unsure"),
                ],
            },
            Question {
                field: Field::DeclinedMedications,
                label: "Medicines the person would not take",
                short: "Declined medicines",
                say: "Is there any medicine you would not want to take? Any answer is fine, and we can go through them one by one.",
                say_about: "Is there any medicine they would not want to take? Any answer is fine, and we can go through them one by one.",
                options: &[
                    ("methadone", "Methadone"),
                    ("buprenorphine", "Buprenorphine"),
                    ("naltrexone", "Naltrexone"),
                    ("injections", "Injections of any kind"),
                ],
            },
            Question {
                field: Field::Country,
                label: "Country",
                short: "Country",
                say: "Which country are you in? It decides which services and phone lines fit.",
                say_about: "Which country are they in? It decides which services and phone lines fit.",
                options: &[("us", "United States"), ("ca", "Canada")],
            },
            Question {
                field: Field::Province,
                label: "Province or territory (Canada)",
                short: "Province",
                say: "Which province or territory are you in? It picks the local lines.",
                say_about: "Which province or territory are they in? It picks the local lines.",
                options: &crate::content::PROVINCES,
            },
        ],
    },
];

/// The DSM-5 criteria in a few words each, for the summary sheet, numbered as in the
/// manual.
pub fn dsm5_short(criterion: Dsm5Criterion) -> &'static str {
    use Dsm5Criterion::*;
    match criterion {
        LargerAmounts => "1 more or longer than meant",
        CutDown => "2 cannot cut down",
        TimeSpent => "3 much time spent",
        Craving => "4 craving",
        RoleFailure => "5 duties neglected",
        SocialProblems => "6 social problems",
        ActivitiesGivenUp => "7 activities given up",
        HazardousUse => "8 hazardous use",
        HealthProblems => "9 use despite harm",
        Tolerance => "10 tolerance",
        Withdrawal => "11 withdrawal",
    }
}

/// [`dsm5_short`] in `lang` (`dsm5-short-<criterion>`).
pub fn dsm5_short_in(criterion: Dsm5Criterion, lang: Lang) -> Cow<'static, str> {
    translated(
        lang,
        &i18n::fluent_id("dsm5-short", criterion.name()),
        dsm5_short(criterion),
    )
}

/// A COWS band as the summary sheet names it, in `lang` (`q-cows_score-band-<band>`).
pub fn cows_band_in(band: Band, lang: Lang) -> Cow<'static, str> {
    translated(lang, &cows_band_id(band), band.label())
}

fn cows_band_id(band: Band) -> String {
    let name = serde_json::to_value(band)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    i18n::fluent_id("q-cows_score-band", &name)
}

impl Question {
    fn message_id(&self, part: &str) -> String {
        i18n::fluent_id("q", &format!("{}-{part}", self.field.name()))
    }

    fn option_id(&self, value: &str) -> String {
        self.message_id(&format!("opt-{value}"))
    }

    /// The question as written on screen, in `lang` (`q-<field>-label`).
    pub fn label_in(&self, lang: Lang) -> Cow<'static, str> {
        translated(lang, &self.message_id("label"), self.label)
    }

    /// The words for the person themselves, in `lang` (`q-<field>-say`).
    pub fn say_in(&self, lang: Lang) -> Cow<'static, str> {
        translated(lang, &self.message_id("say"), self.say)
    }

    /// The words for someone calling about the person, in `lang`
    /// (`q-<field>-say-about`, only where they differ from [`Self::say_in`]).
    pub fn say_about_in(&self, lang: Lang) -> Cow<'static, str> {
        if self.say == self.say_about {
            self.say_in(lang)
        } else {
            translated(lang, &self.message_id("say-about"), self.say_about)
        }
    }

    /// The short name for the summary sheet, in `lang` (`q-<field>-short`).
    pub fn short_in(&self, lang: Lang) -> Cow<'static, str> {
        translated(lang, &self.message_id("short"), self.short)
    }

    /// A choice's label in `lang` (`q-<field>-opt-<value>`); `None` for a value the
    /// question does not offer.
    pub fn option_in(&self, lang: Lang, value: &str) -> Option<Cow<'static, str>> {
        self.options
            .iter()
            .find(|(v, _)| *v == value)
            .map(|(v, label)| translated(lang, &self.option_id(v), label))
    }
}

impl Step {
    /// The step's title in `lang` (`step-<n>-title`).
    pub fn title_in(&self, lang: Lang) -> Cow<'static, str> {
        translated(lang, &format!("step-{}-title", self.number), self.title)
    }

    /// The step's introduction in `lang` (`step-<n>-intro`).
    pub fn intro_in(&self, lang: Lang) -> Cow<'static, str> {
        translated(lang, &format!("step-{}-intro", self.number), self.intro)
    }
}

/// Every text of the questionnaire's tables with its message id, in the order of the
/// form: what `locales/en/questionnaire.ftl` is exported from.
pub fn catalogue() -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for step in &STEPS {
        out.push((format!("step-{}-title", step.number), step.title));
        out.push((format!("step-{}-intro", step.number), step.intro));
        for q in step.questions {
            out.push((q.message_id("label"), q.label));
            out.push((q.message_id("say"), q.say));
            if q.say_about != q.say {
                out.push((q.message_id("say-about"), q.say_about));
            }
            out.push((q.message_id("short"), q.short));
            for (value, label) in q.options {
                out.push((q.option_id(value), label));
            }
        }
    }
    for &criterion in Dsm5Criterion::ALL {
        out.push((
            i18n::fluent_id("dsm5-short", criterion.name()),
            dsm5_short(criterion),
        ));
    }
    for (band, _, _) in Band::RANGES {
        out.push((cows_band_id(band), band.label()));
    }
    out
}

/// The 11 DSM-5 criteria for opioid use disorder, in plain words (last 12 months),
/// in the order of [`crate::assessment::answers::Dsm5Criterion`].
const DSM5_OPTIONS: [(&str, &str); 11] = [
    ("larger_amounts", "Takes more, or for longer, than intended"),
    ("cut_down", "Wants to cut down, or has tried and could not"),
    (
        "time_spent",
        "Spends a lot of time getting, using or recovering",
    ),
    ("craving", "Cravings or strong urges to use"),
    (
        "role_failure",
        "Use gets in the way of work, school or home duties",
    ),
    (
        "social_problems",
        "Keeps using despite problems with other people",
    ),
    (
        "activities_given_up",
        "Has given up activities that mattered",
    ),
    ("hazardous_use", "Uses in physically dangerous situations"),
    (
        "health_problems",
        "Keeps using despite knowing it harms body or mind",
    ),
    (
        "tolerance",
        "Tolerance: needs more for the same effect (not counting prescribed use)",
    ),
    (
        "withdrawal",
        "Withdrawal when stopping (not counting prescribed use)",
    ),
];

pub fn question(field: Field) -> &'static Question {
    STEPS
        .iter()
        .flat_map(|s| s.questions.iter())
        .find(|q| q.field == field)
        .expect("every field has a question")
}

pub fn step_of(field: &str) -> usize {
    STEPS
        .iter()
        .find(|s| s.questions.iter().any(|q| q.field.name() == field))
        .map_or(1, |s| s.number)
}

/// The label of an answer's value in `lang`, for the result and summary pages.
pub fn answer_label(field: Field, answers: &Answers, lang: Lang) -> String {
    // A COWS total reads with its band, as clinicians chart it.
    if let (Field::CowsScore, Some(total)) = (field, answers.cows_score) {
        let band = Band::from_total(total);
        return i18n::text_with(
            lang,
            "assessment-answer-cows",
            &[
                ("total", total.into()),
                ("band", cows_band_in(band, lang).into_owned().into()),
            ],
        );
    }
    let json = answers.to_json();
    let Some(value) = json.get(field.name()) else {
        return i18n::text(lang, "assessment-answer-unknown");
    };
    let q = question(field);
    let label = |v: &str| q.option_in(lang, v).map_or(v.to_string(), Cow::into_owned);
    match value {
        Value::Array(items) if items.is_empty() => i18n::text(lang, "assessment-answer-none"),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .map(label)
            .collect::<Vec<_>>()
            .join(", "),
        Value::Bool(b) => label(if *b { "true" } else { "false" }),
        Value::String(s) => label(s),
        other => other.to_string(),
    }
}

/// What is wrong with an answer on the form, by kind: worded in the page's language
/// (`answer-error-<kind>` in `locales/<code>/assessment.ftl`). The English words are
/// the API's ([`AnswerError`]), which stay as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A field the questionnaire does not have.
    NotAsked,
    /// "None of these" ticked together with items.
    NoneAndItems,
    /// Two answers to a one-answer question.
    OneAnswer,
    /// A number box holding something that is not a whole number.
    NotANumber {
        max: u32,
    },
    /// A value that is not one of the question's choices.
    NotAChoice {
        choices: String,
    },
    /// A list item that is not one of the question's choices.
    NotInList {
        choices: String,
    },
    NotYesNo,
    /// A whole number above the question's limit.
    OutOfRange {
        max: u32,
    },
    /// A province without Canada as the country.
    ProvinceOnlyCanada,
    /// The DSM-5 criteria both counted and ticked.
    Dsm5Both,
    /// A check across fields this list does not know yet: its English words.
    Other(String),
}

/// A field that could not be read from the form, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError {
    /// The field's name as the form sent it.
    pub field: String,
    pub problem: Problem,
}

impl FormError {
    /// A value [`Field::set`] refused: what was wrong follows from the field's kind.
    fn invalid(field: Field) -> FormError {
        let problem = match field.kind() {
            Kind::One(names) => Problem::NotAChoice {
                choices: names.join(", "),
            },
            Kind::Many(names) => Problem::NotInList {
                choices: names.join(", "),
            },
            Kind::YesNo => Problem::NotYesNo,
            Kind::Number { max } => Problem::OutOfRange { max },
        };
        FormError {
            field: field.name().to_string(),
            problem,
        }
    }

    /// A check across fields ([`Answers::check`]) that failed.
    fn across(e: AnswerError) -> FormError {
        let problem = match Field::from_name(&e.field) {
            Some(Field::Province) => Problem::ProvinceOnlyCanada,
            Some(Field::Dsm5Criteria) => Problem::Dsm5Both,
            _ => Problem::Other(e.message),
        };
        FormError {
            field: e.field,
            problem,
        }
    }

    /// What is wrong, in `lang`, worded to follow the question's name.
    pub fn message(&self, lang: Lang) -> String {
        let (id, args): (&str, Vec<(&'static str, FluentValue)>) = match &self.problem {
            Problem::NotAsked => ("answer-error-not-asked", vec![]),
            Problem::NoneAndItems => ("answer-error-none-and-items", vec![]),
            Problem::OneAnswer => ("answer-error-one-answer", vec![]),
            Problem::NotANumber { max } => {
                ("answer-error-not-a-number", vec![("max", (*max).into())])
            }
            Problem::NotAChoice { choices } => (
                "answer-error-not-a-choice",
                vec![("choices", choices.clone().into())],
            ),
            Problem::NotInList { choices } => (
                "answer-error-not-in-list",
                vec![("choices", choices.clone().into())],
            ),
            Problem::NotYesNo => ("answer-error-yes-no", vec![]),
            Problem::OutOfRange { max } => {
                ("answer-error-out-of-range", vec![("max", (*max).into())])
            }
            Problem::ProvinceOnlyCanada => ("answer-error-province", vec![]),
            Problem::Dsm5Both => ("answer-error-dsm5-both", vec![]),
            Problem::Other(english) => (
                "answer-error-other",
                vec![("message", english.clone().into())],
            ),
        };
        i18n::text_with(lang, id, &args)
    }
}

/// What was typed, kept as text so that a wrong value is shown back as typed.
#[derive(Debug, Clone, Default)]
pub struct FormValues(pub BTreeMap<String, Vec<String>>);

impl FormValues {
    pub fn from_pairs(pairs: &[(String, String)]) -> FormValues {
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (k, v) in pairs {
            map.entry(k.clone()).or_default().push(v.clone());
        }
        FormValues(map)
    }

    /// Saved answers as the form would send them, to fill the form in again.
    pub fn from_answers(answers: &Answers) -> FormValues {
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (key, value) in answers.to_json() {
            let values = match value {
                Value::Array(items) if items.is_empty() => vec!["none".to_string()],
                Value::Array(items) => items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect(),
                Value::String(s) => vec![s],
                other => vec![other.to_string()],
            };
            map.insert(key, values);
        }
        FormValues(map)
    }

    pub fn get(&self, key: &str) -> &[String] {
        self.0.get(key).map_or(&[], Vec::as_slice)
    }

    /// The first value, or "".
    pub fn first(&self, key: &str) -> &str {
        self.get(key).first().map_or("", String::as_str)
    }

    pub fn has(&self, key: &str, value: &str) -> bool {
        self.get(key).iter().any(|v| v == value)
    }

    /// Reads the answers. Every field is checked; the errors name their fields, and the
    /// answers that were fine are kept.
    pub fn answers(&self) -> (Answers, Vec<FormError>) {
        let mut answers = Answers::default();
        let mut errors = Vec::new();
        for key in self.0.keys() {
            if Field::from_name(key).is_none() {
                errors.push(FormError {
                    field: key.chars().take(64).collect(),
                    problem: Problem::NotAsked,
                });
            }
        }
        for &field in Field::ALL {
            let values: Vec<&str> = self
                .get(field.name())
                .iter()
                .map(|v| v.trim())
                .filter(|v| !v.is_empty() && *v != "unknown")
                .collect();
            let error = |problem: Problem| FormError {
                field: field.name().to_string(),
                problem,
            };
            let value = match field.kind() {
                Kind::Many(_) => {
                    if values.contains(&"none") && values.len() > 1 {
                        errors.push(error(Problem::NoneAndItems));
                        continue;
                    }
                    match values.as_slice() {
                        [] => continue,
                        ["none"] => Value::Array(vec![]),
                        items => Value::Array(items.iter().map(|v| Value::from(*v)).collect()),
                    }
                }
                _ if values.len() > 1 => {
                    errors.push(error(Problem::OneAnswer));
                    continue;
                }
                _ => match (field.kind(), values.first()) {
                    (_, None) => continue,
                    (Kind::YesNo, Some(&"true" | &"yes")) => Value::Bool(true),
                    (Kind::YesNo, Some(&"false" | &"no")) => Value::Bool(false),
                    (Kind::Number { max }, Some(v)) => match v.parse::<u64>() {
                        Ok(n) => Value::from(n),
                        Err(_) => {
                            errors.push(error(Problem::NotANumber { max }));
                            continue;
                        }
                    },
                    (_, Some(v)) => Value::from(*v),
                },
            };
            if field.set(&mut answers, &value).is_err() {
                errors.push(FormError::invalid(field));
            }
        }
        if let Err(e) = answers.check() {
            errors.push(FormError::across(e));
        }
        (answers, errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::answers::{Frequency, MentalHealth};

    fn form(pairs: &[(&str, &str)]) -> FormValues {
        FormValues::from_pairs(
            &pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn every_field_has_exactly_one_question() {
        for field in Field::ALL.iter().copied() {
            let count = STEPS
                .iter()
                .flat_map(|s| s.questions.iter())
                .filter(|q| q.field == field)
                .count();
            assert_eq!(count, 1, "{field:?}");
            if let Kind::One(names) | Kind::Many(names) = field.kind() {
                let values: Vec<_> = question(field).options.iter().map(|(v, _)| *v).collect();
                assert_eq!(values, names, "{field:?} offers every choice");
            }
        }
    }

    #[test]
    fn reads_the_form() {
        let (a, errors) = form(&[
            ("frequency", "daily"),
            ("duration", ""),
            ("injects", "false"),
            ("days_since_last_use", " 3 "),
            ("mental_health", "ptsd"),
            ("mental_health", "depression"),
            ("other_substances", "none"),
            ("pregnant", "unknown"),
        ])
        .answers();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(a.frequency, Some(Frequency::Daily));
        assert_eq!(a.duration, None, "empty is don't know");
        assert_eq!(a.injects, Some(false));
        assert_eq!(a.days_since_last_use, Some(3));
        assert_eq!(
            a.mental_health,
            Some(vec![MentalHealth::Depression, MentalHealth::Ptsd])
        );
        assert_eq!(a.other_substances, Some(vec![]));
        assert_eq!(a.pregnant, None);
    }

    #[test]
    fn the_checklist_is_kept_and_counted() {
        use crate::assessment::answers::Dsm5Criterion;
        let (a, e) = form(&[
            ("dsm5_checklist", "craving"),
            ("dsm5_checklist", "larger_amounts"),
            ("dsm5_checklist", "withdrawal"),
        ])
        .answers();
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(
            a.dsm5_checklist,
            Some(vec![
                Dsm5Criterion::LargerAmounts,
                Dsm5Criterion::Craving,
                Dsm5Criterion::Withdrawal
            ])
        );
        assert_eq!(a.dsm5_criteria, None, "kept as given");
        assert_eq!(a.dsm5_count(), Some(3));
        let (a, e) = form(&[("dsm5_checklist", "none")]).answers();
        assert!(e.is_empty());
        assert_eq!(a.dsm5_count(), Some(0));
        let (_, e) = form(&[("dsm5_criteria", "1"), ("dsm5_checklist", "craving")]).answers();
        assert_eq!(e[0].field, "dsm5_criteria", "one way or the other");
    }

    #[test]
    fn the_forms_english_errors_are_the_apis_and_every_kind_has_spanish() {
        // Each wrong value, sent as the API would get it: the form's English message is
        // the API's, word for word; the Spanish one is another sentence.
        let cases: [(&[(&str, &str)], serde_json::Value); 6] = [
            (
                &[("housing", "castle")],
                serde_json::json!({"housing": "castle"}),
            ),
            (
                &[("mental_health", "sadness")],
                serde_json::json!({"mental_health": ["sadness"]}),
            ),
            (
                &[("injects", "maybe")],
                serde_json::json!({"injects": "maybe"}),
            ),
            (
                &[("dsm5_criteria", "12")],
                serde_json::json!({"dsm5_criteria": 12}),
            ),
            (
                &[("province", "on"), ("country", "us")],
                serde_json::json!({"province": "on", "country": "us"}),
            ),
            (
                &[("dsm5_criteria", "2"), ("dsm5_checklist", "craving")],
                serde_json::json!({"dsm5_criteria": 2, "dsm5_checklist": ["craving"]}),
            ),
        ];
        for (pairs, json) in cases {
            let (_, errors) = form(pairs).answers();
            assert_eq!(errors.len(), 1, "{pairs:?}: {errors:?}");
            let api = Answers::from_json(json.as_object().unwrap()).unwrap_err();
            assert_eq!(errors[0].field, api.field, "{pairs:?}");
            assert_eq!(errors[0].message(Lang::En), api.message, "{pairs:?}");
            let spanish = errors[0].message(Lang::Es);
            assert_ne!(spanish, api.message, "{pairs:?}");
            assert!(!spanish.starts_with('['), "{pairs:?}: {spanish}");
        }
        let (_, errors) = form(&[("favourite_colour", "blue")]).answers();
        assert_eq!(errors[0].message(Lang::En), "is not a question we ask");
        assert_eq!(
            errors[0].message(Lang::Es),
            "no es una pregunta de este cuestionario"
        );
        let (_, errors) = form(&[("days_since_last_use", "soon")]).answers();
        assert_eq!(
            errors[0].message(Lang::Es),
            "debe ser un número entero de 0 a 36500, o quedar vacío"
        );
    }

    #[test]
    fn every_question_reads_in_each_language() {
        let q = question(Field::Injects);
        assert_eq!(q.label_in(Lang::En), "Injects drugs?");
        assert_eq!(q.label_in(Lang::Es), "¿Se inyecta drogas?");
        assert!(q.say_about_in(Lang::Es).starts_with("¿La persona"));
        assert_eq!(q.option_in(Lang::Es, "true").as_deref(), Some("Sí"));
        assert_eq!(q.option_in(Lang::Es, "maybe"), None);
        // Where the words are the same for both callers, one translation serves both.
        let caller = question(Field::Caller);
        assert_eq!(caller.say_in(Lang::Es), caller.say_about_in(Lang::Es));
        let a = Answers {
            cows_score: Some(14),
            other_substances: Some(vec![]),
            ..Answers::default()
        };
        assert_eq!(
            answer_label(Field::CowsScore, &a, Lang::Es),
            "14: abstinencia moderada"
        );
        assert_eq!(
            answer_label(Field::CowsScore, &a, Lang::En),
            "14: moderate withdrawal"
        );
        assert_eq!(
            answer_label(Field::OtherSubstances, &a, Lang::Es),
            "Ninguna"
        );
        assert_eq!(
            answer_label(Field::Housing, &a, Lang::Es),
            "No sé / prefiere no responder"
        );
    }

    #[test]
    fn errors_name_the_field_and_keep_the_other_answers() {
        let cases = [
            (vec![("dsm5_criteria", "12")], "dsm5_criteria"),
            (vec![("dsm5_criteria", "many")], "dsm5_criteria"),
            (vec![("days_since_last_use", "-1")], "days_since_last_use"),
            (vec![("frequency", "hourly")], "frequency"),
            (
                vec![("frequency", "daily"), ("frequency", "weekly")],
                "frequency",
            ),
            (vec![("injects", "maybe")], "injects"),
            (
                vec![("mental_health", "none"), ("mental_health", "ptsd")],
                "mental_health",
            ),
            (vec![("mental_health", "sadness")], "mental_health"),
            (vec![("favourite_colour", "blue")], "favourite_colour"),
        ];
        for (mut pairs, field) in cases {
            pairs.push(("housing", "stable"));
            let (a, errors) = form(&pairs).answers();
            assert_eq!(errors.len(), 1, "{pairs:?}: {errors:?}");
            assert_eq!(errors[0].field, field, "{pairs:?}");
            assert_eq!(
                a.housing,
                Some(crate::assessment::answers::Housing::Stable),
                "{pairs:?} keeps the rest"
            );
        }
    }
}

//! The questionnaire as intake staff see it: the questions in four short steps, the
//! words to read aloud, and reading the HTML form back into [`Answers`].
//!
//! The form keeps no state on the server: every answer travels in the form itself
//! (hidden fields for the steps not on screen), so back and next never lose anything.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::assessment::answers::Kind;
use crate::assessment::{AnswerError, Answers, Field};

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
pub fn dsm5_short(criterion: crate::assessment::answers::Dsm5Criterion) -> &'static str {
    use crate::assessment::answers::Dsm5Criterion::*;
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

/// The label of an answer's value, for the result and summary pages.
pub fn answer_label(field: Field, answers: &Answers) -> String {
    // A COWS total reads with its band, as clinicians chart it.
    if let (Field::CowsScore, Some(total)) = (field, answers.cows_score) {
        let band = crate::assessment::cows::Band::from_total(total);
        return format!("{total}: {}", band.label());
    }
    let json = answers.to_json();
    let Some(value) = json.get(field.name()) else {
        return "Don't know / declined".to_string();
    };
    let q = question(field);
    let label = |v: &str| {
        q.options
            .iter()
            .find(|(val, _)| *val == v)
            .map_or(v.to_string(), |(_, l)| l.to_string())
    };
    match value {
        Value::Array(items) if items.is_empty() => "None".to_string(),
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
    pub fn answers(&self) -> (Answers, Vec<AnswerError>) {
        let mut answers = Answers::default();
        let mut errors = Vec::new();
        for key in self.0.keys() {
            if Field::from_name(key).is_none() {
                errors.push(AnswerError {
                    field: key.chars().take(64).collect(),
                    message: "is not a question we ask".into(),
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
            let error = |message: String| AnswerError {
                field: field.name().to_string(),
                message,
            };
            let value = match field.kind() {
                Kind::Many(_) => {
                    if values.contains(&"none") && values.len() > 1 {
                        errors.push(error(
                            "tick \"None\" or the items that apply, not both".into(),
                        ));
                        continue;
                    }
                    match values.as_slice() {
                        [] => continue,
                        ["none"] => Value::Array(vec![]),
                        items => Value::Array(items.iter().map(|v| Value::from(*v)).collect()),
                    }
                }
                _ if values.len() > 1 => {
                    errors.push(error("give one answer".into()));
                    continue;
                }
                _ => match (field.kind(), values.first()) {
                    (_, None) => continue,
                    (Kind::YesNo, Some(&"true" | &"yes")) => Value::Bool(true),
                    (Kind::YesNo, Some(&"false" | &"no")) => Value::Bool(false),
                    (Kind::Number { max }, Some(v)) => match v.parse::<u64>() {
                        Ok(n) => Value::from(n),
                        Err(_) => {
                            errors.push(error(format!(
                                "must be a whole number from 0 to {max}, or left empty"
                            )));
                            continue;
                        }
                    },
                    (_, Some(v)) => Value::from(*v),
                },
            };
            if let Err(e) = field.set(&mut answers, &value) {
                errors.push(e);
            }
        }
        if let Err(e) = answers.check() {
            errors.push(e);
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

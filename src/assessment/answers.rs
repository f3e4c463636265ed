//! The questionnaire's answers as validated types.
//!
//! Every answer is optional: `None` means "don't know" or "declined", never a guess.
//! For the list answers, `Some(vec![])` means "none of these". The same field names are
//! used by the HTML form and the JSON API, and both are validated here, field by field,
//! so an error always names the field at fault.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

/// An answer value with a fixed list of choices, written as its snake_case name.
pub trait Choice: Sized + Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    /// The names, in the same order as `ALL`.
    const NAMES: &'static [&'static str];
    fn name(self) -> &'static str;
    fn from_name(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.name() == s)
    }
}

macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:tt),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
        pub enum $name { $(#[serde(rename = $text)] $variant),+ }

        impl Choice for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            const NAMES: &'static [&'static str] = &[$($text),+];
            fn name(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
    };
}

choice!(
    /// How often opioids are used.
    Frequency { Daily => "daily", Weekly => "weekly", Occasional => "occasional" }
);
choice!(
    /// How long opioids have been used.
    UseDuration { Under1Year => "under_1_year", OneTo5Years => "1_to_5_years", Over5Years => "over_5_years" }
);
choice!(
    /// Earlier attempts to stop.
    QuitAttempts { None => "none", One => "one", Several => "several" }
);
choice!(
    /// Mental-health conditions.
    MentalHealth { Depression => "depression", Anxiety => "anxiety", Ptsd => "ptsd", Bipolar => "bipolar", Psychosis => "psychosis", Other => "other" }
);
choice!(
    /// Other substances used.
    Substance { Alcohol => "alcohol", Benzodiazepines => "benzodiazepines", Stimulants => "stimulants", Other => "other" }
);
choice!(
    /// Where the person lives.
    Housing { Stable => "stable", Unstable => "unstable", Homeless => "homeless" }
);
choice!(
    /// Family and social support.
    Support { Strong => "strong", Some => "some", None => "none" }
);
choice!(
    /// Duties that care must fit around.
    Responsibility { Work => "work", School => "school", Caregiving => "caregiving" }
);
choice!(
    /// What the person wants from medication.
    MedicationPreference { Open => "open", NoOpioidAgonist => "no_opioid_agonist", NoMedication => "no_medication", Unsure => "unsure" }
);
choice!(
    /// Country: the helplines, and what is available and who provides it.
    Country { Us => "us", Ca => "ca" }
);

impl Country {
    /// The words for `country`: the US's, Canada's, or, when it is not known, words
    /// that cover both.
    pub fn pick<T>(country: Option<Country>, us: T, ca: T, both: T) -> T {
        match country {
            Some(Country::Us) => us,
            Some(Country::Ca) => ca,
            None => both,
        }
    }
}

impl MedicationPreference {
    /// True for the preferences that decline methadone and buprenorphine.
    pub fn declines_agonists(self) -> bool {
        matches!(
            self,
            MedicationPreference::NoOpioidAgonist | MedicationPreference::NoMedication
        )
    }
}

/// Everything a caller may tell intake staff. Every field may be left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    pub frequency: Option<Frequency>,
    pub duration: Option<UseDuration>,
    /// How many of the 11 DSM-5 opioid use disorder criteria were met in the last 12 months (0–11).
    #[schema(minimum = 0, maximum = 11)]
    pub dsm5_criteria: Option<u8>,
    pub quit_attempts: Option<QuitAttempts>,
    /// Returned to use after a period of abstinence or treatment.
    pub relapse_history: Option<bool>,
    pub injects: Option<bool>,
    /// Empty list: none.
    pub mental_health: Option<Vec<MentalHealth>>,
    /// Empty list: none.
    pub other_substances: Option<Vec<Substance>>,
    /// Medical problems that need care.
    pub medical_conditions: Option<bool>,
    pub pregnant: Option<bool>,
    pub housing: Option<Housing>,
    pub support: Option<Support>,
    /// Empty list: none.
    pub responsibilities: Option<Vec<Responsibility>>,
    pub needs_privacy: Option<bool>,
    /// Has just completed residential treatment.
    pub completed_residential: Option<bool>,
    /// Days since opioids were last used (0–36500).
    #[schema(minimum = 0, maximum = 36500)]
    pub days_since_last_use: Option<u16>,
    pub medication_preference: Option<MedicationPreference>,
    pub country: Option<Country>,
}

pub const MAX_DSM5: u8 = 11;
pub const MAX_DAYS: u16 = 36500;

/// A field that could not be read, and why, in words staff can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct AnswerError {
    pub field: String,
    pub message: String,
}

/// The shape of each field's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    One(&'static [&'static str]),
    Many(&'static [&'static str]),
    YesNo,
    Number { max: u32 },
}

/// Every answer field, in questionnaire order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Frequency,
    Duration,
    Dsm5Criteria,
    QuitAttempts,
    RelapseHistory,
    Injects,
    MentalHealth,
    OtherSubstances,
    MedicalConditions,
    Pregnant,
    Housing,
    Support,
    Responsibilities,
    NeedsPrivacy,
    CompletedResidential,
    DaysSinceLastUse,
    MedicationPreference,
    Country,
}

impl Field {
    pub const ALL: [Field; 18] = [
        Field::Frequency,
        Field::Duration,
        Field::Dsm5Criteria,
        Field::QuitAttempts,
        Field::RelapseHistory,
        Field::Injects,
        Field::MentalHealth,
        Field::OtherSubstances,
        Field::MedicalConditions,
        Field::Pregnant,
        Field::Housing,
        Field::Support,
        Field::Responsibilities,
        Field::NeedsPrivacy,
        Field::CompletedResidential,
        Field::DaysSinceLastUse,
        Field::MedicationPreference,
        Field::Country,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Frequency => "frequency",
            Field::Duration => "duration",
            Field::Dsm5Criteria => "dsm5_criteria",
            Field::QuitAttempts => "quit_attempts",
            Field::RelapseHistory => "relapse_history",
            Field::Injects => "injects",
            Field::MentalHealth => "mental_health",
            Field::OtherSubstances => "other_substances",
            Field::MedicalConditions => "medical_conditions",
            Field::Pregnant => "pregnant",
            Field::Housing => "housing",
            Field::Support => "support",
            Field::Responsibilities => "responsibilities",
            Field::NeedsPrivacy => "needs_privacy",
            Field::CompletedResidential => "completed_residential",
            Field::DaysSinceLastUse => "days_since_last_use",
            Field::MedicationPreference => "medication_preference",
            Field::Country => "country",
        }
    }

    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    pub fn kind(self) -> Kind {
        match self {
            Field::Frequency => Kind::One(Frequency::NAMES),
            Field::Duration => Kind::One(UseDuration::NAMES),
            Field::Dsm5Criteria => Kind::Number {
                max: MAX_DSM5 as u32,
            },
            Field::QuitAttempts => Kind::One(QuitAttempts::NAMES),
            Field::MentalHealth => Kind::Many(MentalHealth::NAMES),
            Field::OtherSubstances => Kind::Many(Substance::NAMES),
            Field::Housing => Kind::One(Housing::NAMES),
            Field::Support => Kind::One(Support::NAMES),
            Field::Responsibilities => Kind::Many(Responsibility::NAMES),
            Field::DaysSinceLastUse => Kind::Number {
                max: MAX_DAYS as u32,
            },
            Field::MedicationPreference => Kind::One(MedicationPreference::NAMES),
            Field::Country => Kind::One(Country::NAMES),
            Field::RelapseHistory
            | Field::Injects
            | Field::MedicalConditions
            | Field::Pregnant
            | Field::NeedsPrivacy
            | Field::CompletedResidential => Kind::YesNo,
        }
    }

    /// What a valid value looks like, for error messages.
    pub fn expected(self) -> String {
        match self.kind() {
            Kind::One(names) => format!("one of {}", names.join(", ")),
            Kind::Many(names) => format!("a list of any of {} (empty for none)", names.join(", ")),
            Kind::YesNo => "true or false".to_string(),
            Kind::Number { max } => format!("a whole number from 0 to {max}"),
        }
    }

    fn error(self, message: impl Into<String>) -> AnswerError {
        AnswerError {
            field: self.name().to_string(),
            message: message.into(),
        }
    }

    /// Whether this field is unanswered in `answers`.
    pub fn is_unknown(self, a: &Answers) -> bool {
        match self {
            Field::Frequency => a.frequency.is_none(),
            Field::Duration => a.duration.is_none(),
            Field::Dsm5Criteria => a.dsm5_criteria.is_none(),
            Field::QuitAttempts => a.quit_attempts.is_none(),
            Field::RelapseHistory => a.relapse_history.is_none(),
            Field::Injects => a.injects.is_none(),
            Field::MentalHealth => a.mental_health.is_none(),
            Field::OtherSubstances => a.other_substances.is_none(),
            Field::MedicalConditions => a.medical_conditions.is_none(),
            Field::Pregnant => a.pregnant.is_none(),
            Field::Housing => a.housing.is_none(),
            Field::Support => a.support.is_none(),
            Field::Responsibilities => a.responsibilities.is_none(),
            Field::NeedsPrivacy => a.needs_privacy.is_none(),
            Field::CompletedResidential => a.completed_residential.is_none(),
            Field::DaysSinceLastUse => a.days_since_last_use.is_none(),
            Field::MedicationPreference => a.medication_preference.is_none(),
            Field::Country => a.country.is_none(),
        }
    }

    /// Sets this field from a JSON value (`null` clears it), checking type and range.
    pub fn set(self, a: &mut Answers, value: &Value) -> Result<(), AnswerError> {
        if value.is_null() {
            self.set_unknown(a);
            return Ok(());
        }
        let bad = || self.error(format!("must be {}", self.expected()));
        fn one<C: Choice>(v: &Value) -> Option<C> {
            v.as_str().and_then(C::from_name)
        }
        fn many<C: Choice + Ord>(v: &Value) -> Option<Vec<C>> {
            let mut out: Vec<C> = v.as_array()?.iter().map(one::<C>).collect::<Option<_>>()?;
            out.sort();
            out.dedup();
            Some(out)
        }
        let number = |max: u32| -> Result<u32, AnswerError> {
            // JSON Schema counts 3.0 as an integer, so it is read as 3.
            let n = value
                .as_u64()
                .or_else(|| {
                    value
                        .as_f64()
                        .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= max as f64)
                        .map(|f| f as u64)
                })
                .ok_or_else(bad)?;
            if n > max as u64 {
                Err(bad())
            } else {
                Ok(n as u32)
            }
        };
        let yes_no = || value.as_bool().ok_or_else(bad);
        match self {
            Field::Frequency => a.frequency = Some(one(value).ok_or_else(bad)?),
            Field::Duration => a.duration = Some(one(value).ok_or_else(bad)?),
            Field::Dsm5Criteria => a.dsm5_criteria = Some(number(MAX_DSM5 as u32)? as u8),
            Field::QuitAttempts => a.quit_attempts = Some(one(value).ok_or_else(bad)?),
            Field::RelapseHistory => a.relapse_history = Some(yes_no()?),
            Field::Injects => a.injects = Some(yes_no()?),
            Field::MentalHealth => a.mental_health = Some(many(value).ok_or_else(bad)?),
            Field::OtherSubstances => a.other_substances = Some(many(value).ok_or_else(bad)?),
            Field::MedicalConditions => a.medical_conditions = Some(yes_no()?),
            Field::Pregnant => a.pregnant = Some(yes_no()?),
            Field::Housing => a.housing = Some(one(value).ok_or_else(bad)?),
            Field::Support => a.support = Some(one(value).ok_or_else(bad)?),
            Field::Responsibilities => a.responsibilities = Some(many(value).ok_or_else(bad)?),
            Field::NeedsPrivacy => a.needs_privacy = Some(yes_no()?),
            Field::CompletedResidential => a.completed_residential = Some(yes_no()?),
            Field::DaysSinceLastUse => {
                a.days_since_last_use = Some(number(MAX_DAYS as u32)? as u16)
            }
            Field::MedicationPreference => {
                a.medication_preference = Some(one(value).ok_or_else(bad)?)
            }
            Field::Country => a.country = Some(one(value).ok_or_else(bad)?),
        }
        Ok(())
    }

    fn set_unknown(self, a: &mut Answers) {
        match self {
            Field::Frequency => a.frequency = None,
            Field::Duration => a.duration = None,
            Field::Dsm5Criteria => a.dsm5_criteria = None,
            Field::QuitAttempts => a.quit_attempts = None,
            Field::RelapseHistory => a.relapse_history = None,
            Field::Injects => a.injects = None,
            Field::MentalHealth => a.mental_health = None,
            Field::OtherSubstances => a.other_substances = None,
            Field::MedicalConditions => a.medical_conditions = None,
            Field::Pregnant => a.pregnant = None,
            Field::Housing => a.housing = None,
            Field::Support => a.support = None,
            Field::Responsibilities => a.responsibilities = None,
            Field::NeedsPrivacy => a.needs_privacy = None,
            Field::CompletedResidential => a.completed_residential = None,
            Field::DaysSinceLastUse => a.days_since_last_use = None,
            Field::MedicationPreference => a.medication_preference = None,
            Field::Country => a.country = None,
        }
    }

    /// The values worth trying when the field is unanswered, to see whether its answer
    /// could change the result: every choice, every yes/no, the numbers at the rules'
    /// boundaries, and for lists "none" and each single item.
    pub fn candidates(self) -> &'static [Value] {
        // Built once: `missing` asks for them on every evaluation.
        static ALL: std::sync::LazyLock<Vec<Vec<Value>>> = std::sync::LazyLock::new(|| {
            Field::ALL
                .iter()
                .map(|field| field.build_candidates())
                .collect()
        });
        let index = Field::ALL
            .iter()
            .position(|f| *f == self)
            .expect("Field::ALL lists every field");
        &ALL[index]
    }

    fn build_candidates(self) -> Vec<Value> {
        match self.kind() {
            Kind::One(names) => names.iter().map(|n| Value::from(*n)).collect(),
            Kind::Many(names) => std::iter::once(Value::Array(vec![]))
                .chain(names.iter().map(|n| Value::Array(vec![Value::from(*n)])))
                .collect(),
            Kind::YesNo => vec![Value::Bool(true), Value::Bool(false)],
            Kind::Number { max } if max == MAX_DSM5 as u32 => (0..=max).map(Value::from).collect(),
            Kind::Number { .. } => [0u32, 6, 7, 30, 365].into_iter().map(Value::from).collect(),
        }
    }
}

impl Answers {
    /// Reads a JSON object of answers: unknown fields, wrong types and out-of-range
    /// values are refused, each naming its field. Stops at the first error.
    pub fn from_json(object: &Map<String, Value>) -> Result<Answers, AnswerError> {
        let mut answers = Answers::default();
        for (key, value) in object {
            let field = Field::from_name(key).ok_or_else(|| AnswerError {
                field: key.chars().take(64).collect(),
                message: "is not a question we ask".to_string(),
            })?;
            field.set(&mut answers, value)?;
        }
        Ok(answers)
    }

    /// The answers as the JSON object [`Answers::from_json`] reads (unknowns left out).
    pub fn to_json(&self) -> Map<String, Value> {
        match serde_json::to_value(self) {
            Ok(Value::Object(map)) => map.into_iter().filter(|(_, v)| !v.is_null()).collect(),
            _ => Map::new(),
        }
    }

    pub fn declines_agonists(&self) -> bool {
        self.medication_preference
            .is_some_and(MedicationPreference::declines_agonists)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(v: Value) -> Result<Answers, AnswerError> {
        Answers::from_json(v.as_object().unwrap())
    }

    #[test]
    fn reads_every_field() {
        let a = read(json!({
            "frequency": "daily", "duration": "1_to_5_years", "dsm5_criteria": 7, "quit_attempts": "several",
            "relapse_history": true, "injects": false, "mental_health": ["ptsd", "depression", "ptsd"],
            "other_substances": [], "medical_conditions": false, "pregnant": null, "housing": "unstable",
            "support": "some", "responsibilities": ["work"], "needs_privacy": true, "completed_residential": false,
            "days_since_last_use": 36500, "medication_preference": "no_opioid_agonist", "country": "ca"
        }))
        .unwrap();
        assert_eq!(a.frequency, Some(Frequency::Daily));
        assert_eq!(
            a.mental_health,
            Some(vec![MentalHealth::Depression, MentalHealth::Ptsd]),
            "sorted, no repeats"
        );
        assert_eq!(a.other_substances, Some(vec![]), "empty list means none");
        assert_eq!(a.pregnant, None, "null means unknown");
        assert_eq!(a.days_since_last_use, Some(36500));
        assert_eq!(
            read(json!({"dsm5_criteria": 4.0})).unwrap().dsm5_criteria,
            Some(4),
            "4.0 is the integer 4"
        );
        assert_eq!(read(Value::Object(a.to_json())).unwrap(), a, "round trip");
        assert_eq!(read(json!({})).unwrap(), Answers::default());
    }

    #[test]
    fn bad_values_name_their_field() {
        let cases = [
            (json!({"colour": "blue"}), "colour"),
            (json!({"frequency": "hourly"}), "frequency"),
            (json!({"frequency": 3}), "frequency"),
            (json!({"dsm5_criteria": 12}), "dsm5_criteria"),
            (json!({"dsm5_criteria": -1}), "dsm5_criteria"),
            (json!({"dsm5_criteria": 2.5}), "dsm5_criteria"),
            (json!({"dsm5_criteria": 12.0}), "dsm5_criteria"),
            (json!({"dsm5_criteria": "4"}), "dsm5_criteria"),
            (json!({"days_since_last_use": 36501}), "days_since_last_use"),
            (json!({"injects": "yes"}), "injects"),
            (json!({"mental_health": "depression"}), "mental_health"),
            (json!({"mental_health": ["sadness"]}), "mental_health"),
            (json!({"other_substances": [1]}), "other_substances"),
            (json!({"country": "uk"}), "country"),
            (json!({"housing": {"kind": "stable"}}), "housing"),
        ];
        for (input, field) in cases {
            let err = read(input.clone()).expect_err(&input.to_string());
            assert_eq!(err.field, field, "{input}");
            assert!(!err.message.is_empty());
        }
    }

    #[test]
    fn every_field_has_candidates_that_it_accepts() {
        for field in Field::ALL {
            assert!(!field.candidates().is_empty(), "{field:?}");
            for value in field.candidates() {
                let mut a = Answers::default();
                field
                    .set(&mut a, value)
                    .unwrap_or_else(|e| panic!("{field:?} {value}: {e}"));
                assert!(!field.is_unknown(&a), "{field:?}");
            }
            assert_eq!(Field::from_name(field.name()), Some(field));
        }
    }

    use proptest::prelude::*;

    /// Any JSON value, nested a little: what a hostile or careless client might send.
    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            "\\PC{0,12}".prop_map(Value::from),
            prop::sample::select(vec![
                "daily",
                "none",
                "us",
                "stable",
                "ptsd",
                "1_to_5_years",
                "open"
            ])
            .prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map("[a-z_]{1,8}", inner, 0..3)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    fn field_name() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => prop::sample::select(Field::ALL.to_vec()).prop_map(|f| f.name().to_string()),
            1 => "\\PC{0,10}",
        ]
    }

    proptest! {
        /// Whatever arrives, reading it never panics: it is accepted, or refused naming a
        /// field that was sent; accepted answers survive a round trip.
        #[test]
        fn any_object_is_read_or_refused_by_field(object in prop::collection::btree_map(field_name(), any_json(), 0..8)) {
            let map: Map<String, Value> = object.into_iter().collect();
            match Answers::from_json(&map) {
                Ok(answers) => prop_assert_eq!(Answers::from_json(&answers.to_json()).unwrap(), answers),
                Err(e) => {
                    prop_assert!(map.keys().any(|k| k.chars().take(64).collect::<String>() == e.field), "{} not sent", e.field);
                    prop_assert!(!e.message.is_empty());
                }
            }
        }
    }
}

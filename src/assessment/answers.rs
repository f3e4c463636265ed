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
    /// The 11 DSM-5 criteria for opioid use disorder, in the manual's order.
    Dsm5Criterion {
        LargerAmounts => "larger_amounts",
        CutDown => "cut_down",
        TimeSpent => "time_spent",
        Craving => "craving",
        RoleFailure => "role_failure",
        SocialProblems => "social_problems",
        ActivitiesGivenUp => "activities_given_up",
        HazardousUse => "hazardous_use",
        HealthProblems => "health_problems",
        Tolerance => "tolerance",
        Withdrawal => "withdrawal",
    }
);
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

choice!(
    /// Who is giving the answers.
    Caller { Myself => "self", FamilyOrFriend => "family_or_friend", Professional => "professional" }
);

impl Caller {
    /// Someone other than the person answers (a relative, a friend, a professional):
    /// questions and talking points say "they", not "you".
    pub fn is_someone_else(self) -> bool {
        self != Caller::Myself
    }
}
choice!(
    /// Age group: what is labelled for whom changes under 18, and again under 16.
    AgeGroup { Under16 => "under_16", From16To17 => "16_to_17", Adult => "18_plus" }
);
choice!(
    /// Which opioids are used.
    Opioid { Fentanyl => "fentanyl", Heroin => "heroin", PrescriptionPills => "prescription_pills", CounterfeitPills => "counterfeit_pills", Other => "other" }
);
choice!(
    /// Non-fatal overdoses in the past year.
    Overdoses { None => "none", One => "one", Several => "several" }
);
choice!(
    /// How the person's mental health is now.
    MentalHealthStatus { Stable => "stable", Struggling => "struggling", Crisis => "crisis" }
);
choice!(
    /// The risk of a dangerous withdrawal from alcohol or benzodiazepines.
    SedativeWithdrawalRisk { None => "none", DailyHeavy => "daily_heavy", PastSeizuresOrDts => "past_seizures_or_dts" }
);
choice!(
    /// The medication for opioid use disorder taken now.
    CurrentMedication {
        None => "none",
        Methadone => "methadone",
        Buprenorphine => "buprenorphine",
        ExtendedReleaseBuprenorphine => "extended_release_buprenorphine",
        Naltrexone => "naltrexone",
        ExtendedReleaseNaltrexone => "extended_release_naltrexone",
        SlowReleaseOralMorphine => "slow_release_oral_morphine",
        InjectableOat => "injectable_oat",
    }
);
choice!(
    /// Earlier treatment.
    PriorTreatment { Detox => "detox", Medication => "medication", Outpatient => "outpatient", Residential => "residential" }
);
choice!(
    /// How ready the person is to make a change.
    Readiness { WantsHelpNow => "wants_help_now", Unsure => "unsure", NotReady => "not_ready" }
);
choice!(
    /// Medicines the person would not take.
    Declined { Methadone => "methadone", Buprenorphine => "buprenorphine", Naltrexone => "naltrexone", Injections => "injections" }
);
choice!(
    /// Canadian province or territory: provincial helplines and programs. The same codes,
    /// in the same order, as the content's list of provinces (a test keeps them so).
    Province {
        Ab => "ab", Bc => "bc", Mb => "mb", Nb => "nb", Nl => "nl", Nt => "nt", Ns => "ns",
        Nu => "nu", On => "on", Pe => "pe", Qc => "qc", Sk => "sk", Yt => "yt",
    }
);

impl CurrentMedication {
    /// Methadone, buprenorphine (either form), slow-release oral morphine or injectable
    /// OAT: an opioid agonist, which keeps tolerance up.
    pub fn is_agonist(self) -> bool {
        matches!(
            self,
            CurrentMedication::Methadone
                | CurrentMedication::Buprenorphine
                | CurrentMedication::ExtendedReleaseBuprenorphine
                | CurrentMedication::SlowReleaseOralMorphine
                | CurrentMedication::InjectableOat
        )
    }

    pub fn is_naltrexone(self) -> bool {
        matches!(
            self,
            CurrentMedication::Naltrexone | CurrentMedication::ExtendedReleaseNaltrexone
        )
    }
}

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

/// Declares every answer field once: its variant in [`Field`], its name in the form and
/// the API, its type in [`Answers`], and how it is read. Adding a field here is all it
/// takes for the form, the API, `missing` and the error messages to know it.
macro_rules! answer_fields {
    ($( $(#[$meta:meta])* $variant:ident $field:ident : $ty:ty => $kind:ident $(($($arg:tt)*))? ),+ $(,)?) => {
        /// Everything a caller may tell intake staff. Every field may be left out.
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
        #[serde(deny_unknown_fields)]
        pub struct Answers {
            $( $(#[$meta])* pub $field: $ty, )+
        }

        /// Every answer field, in questionnaire order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field { $($variant),+ }

        impl Field {
            pub const ALL: &'static [Field] = &[$(Field::$variant),+];

            pub fn name(self) -> &'static str {
                match self { $(Field::$variant => stringify!($field)),+ }
            }

            pub fn kind(self) -> Kind {
                match self { $(Field::$variant => answer_kind!($kind $(($($arg)*))?)),+ }
            }

            /// Whether this field is unanswered in `answers`.
            pub fn is_unknown(self, a: &Answers) -> bool {
                match self { $(Field::$variant => a.$field.is_none()),+ }
            }

            fn read(self, a: &mut Answers, value: &Value) -> Option<()> {
                match self { $(Field::$variant => a.$field = Some(answer_read!(value, $kind $(($($arg)*))?)?)),+ }
                Some(())
            }

            /// Clears this field: "don't know".
            pub fn set_unknown(self, a: &mut Answers) {
                match self { $(Field::$variant => a.$field = None),+ }
            }

            /// Copies this field's answer from `from` (for most fields a plain copy).
            pub fn copy(self, from: &Answers, to: &mut Answers) {
                match self { $(Field::$variant => to.$field = from.$field.clone()),+ }
            }
        }

        impl<'a> Tracked<'a> {
            $(
                pub fn $field(&self) -> answer_view!($kind $(($($arg)*))?) {
                    self.note(Field::$variant);
                    answer_get!(self.answers.$field, $kind)
                }
            )+
        }
    };
}

macro_rules! answer_view {
    (one($t:ty)) => { Option<$t> };
    (many($t:ty)) => { Option<&'a [$t]> };
    (yes_no) => { Option<bool> };
    (number($t:ty, $max:expr)) => { Option<$t> };
}

macro_rules! answer_get {
    ($e:expr, many) => {
        $e.as_deref()
    };
    ($e:expr, $kind:ident) => {
        $e
    };
}

/// The answers as the rules read them, noting which fields were read. Reading is
/// deterministic, so answers that differ only in fields no rule read get the same
/// decision: `missing` need not try those fields.
pub struct Tracked<'a> {
    answers: &'a Answers,
    read: std::cell::Cell<u64>,
}

const _: () = assert!(Field::ALL.len() <= 64, "one bit per field");

impl<'a> Tracked<'a> {
    pub fn new(answers: &'a Answers) -> Tracked<'a> {
        Tracked {
            answers,
            read: std::cell::Cell::new(0),
        }
    }

    fn note(&self, field: Field) {
        self.read.set(self.read.get() | 1 << field as u64);
    }

    /// The fields read so far, one bit each (bit `Field as u64`).
    pub fn reads(&self) -> u64 {
        self.read.get()
    }

    /// Whether the person would not take `medicine` (see [`Answers::declines`]).
    pub fn declines(&self, medicine: Declined) -> bool {
        self.note(Field::MedicationPreference);
        self.note(Field::DeclinedMedications);
        self.answers.declines(medicine)
    }

    pub fn declines_agonists(&self) -> bool {
        self.declines(Declined::Methadone) && self.declines(Declined::Buprenorphine)
    }

    pub fn declines_all_medication(&self) -> bool {
        self.declines_agonists() && self.declines(Declined::Naltrexone)
    }
}

macro_rules! answer_kind {
    (one($t:ty)) => {
        Kind::One(<$t as Choice>::NAMES)
    };
    (many($t:ty)) => {
        Kind::Many(<$t as Choice>::NAMES)
    };
    (yes_no) => {
        Kind::YesNo
    };
    (number($t:ty, $max:expr)) => {
        Kind::Number { max: $max as u32 }
    };
}

macro_rules! answer_read {
    ($v:expr, one($t:ty)) => {
        read_one::<$t>($v)
    };
    ($v:expr, many($t:ty)) => {
        read_many::<$t>($v)
    };
    ($v:expr, yes_no) => {
        $v.as_bool()
    };
    ($v:expr, number($t:ty, $max:expr)) => {
        read_number($v, $max as u32).map(|n| n as $t)
    };
}

fn read_one<C: Choice>(v: &Value) -> Option<C> {
    v.as_str().and_then(C::from_name)
}

fn read_many<C: Choice + Ord>(v: &Value) -> Option<Vec<C>> {
    let mut out: Vec<C> = v
        .as_array()?
        .iter()
        .map(read_one::<C>)
        .collect::<Option<_>>()?;
    out.sort();
    out.dedup();
    Some(out)
}

fn read_number(v: &Value, max: u32) -> Option<u32> {
    // JSON Schema counts 3.0 as an integer, so it is read as 3.
    let n = v.as_u64().or_else(|| {
        v.as_f64()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= max as f64)
            .map(|f| f as u64)
    })?;
    (n <= max as u64).then_some(n as u32)
}

answer_fields! {
    /// Who is giving the answers: the person, someone close to them, or a professional.
    Caller caller: Option<Caller> => one(Caller),
    AgeGroup age_group: Option<AgeGroup> => one(AgeGroup),
    /// Thoughts of suicide, or of overdosing on purpose, in the past month.
    SuicidalThoughts suicidal_thoughts: Option<bool> => yes_no,
    /// Signs that need a hospital today: fever with wounds, spreading redness, chest
    /// pain, trouble breathing, confusion.
    MedicalUrgent medical_urgent: Option<bool> => yes_no,
    OverdosesPastYear overdoses_past_year: Option<Overdoses> => one(Overdoses),
    Pregnant pregnant: Option<bool> => yes_no,
    /// Which opioids are used. Empty list: none of these.
    Opioids opioids: Option<Vec<Opioid>> => many(Opioid),
    Frequency frequency: Option<Frequency> => one(Frequency),
    Duration duration: Option<UseDuration> => one(UseDuration),
    Injects injects: Option<bool> => yes_no,
    /// Smokes or inhales opioids (fentanyl on foil, for example).
    Smokes smokes: Option<bool> => yes_no,
    /// Days since non-prescribed opioids were last used (0–36500). Prescribed methadone
    /// or buprenorphine does not count.
    #[schema(minimum = 0, maximum = 36500)]
    DaysSinceLastUse days_since_last_use: Option<u16> => number(u16, MAX_DAYS),
    /// The medication for opioid use disorder taken now, if any.
    CurrentMedication current_medication: Option<CurrentMedication> => one(CurrentMedication),
    /// Clinical Opiate Withdrawal Scale total (0–48), if it was scored.
    #[schema(minimum = 0, maximum = 48)]
    CowsScore cows_score: Option<u8> => number(u8, MAX_COWS),
    /// Which of the 11 DSM-5 opioid use disorder criteria were met in the last 12 months,
    /// when they were gone through one by one. Empty list: none. Counted for the rules;
    /// give this or `dsm5_criteria`, not both.
    Dsm5Checklist dsm5_checklist: Option<Vec<Dsm5Criterion>> => many(Dsm5Criterion),
    /// How many of the 11 DSM-5 opioid use disorder criteria were met in the last 12 months (0–11).
    #[schema(minimum = 0, maximum = 11)]
    Dsm5Criteria dsm5_criteria: Option<u8> => number(u8, MAX_DSM5),
    QuitAttempts quit_attempts: Option<QuitAttempts> => one(QuitAttempts),
    /// Returned to use after a period of abstinence or treatment.
    RelapseHistory relapse_history: Option<bool> => yes_no,
    /// Earlier treatment. Empty list: none.
    PriorTreatment prior_treatment: Option<Vec<PriorTreatment>> => many(PriorTreatment),
    /// Empty list: none.
    MentalHealth mental_health: Option<Vec<MentalHealth>> => many(MentalHealth),
    MentalHealthStatus mental_health_status: Option<MentalHealthStatus> => one(MentalHealthStatus),
    /// Empty list: none.
    OtherSubstances other_substances: Option<Vec<Substance>> => many(Substance),
    SedativeWithdrawalRisk sedative_withdrawal_risk: Option<SedativeWithdrawalRisk> => one(SedativeWithdrawalRisk),
    /// Medical problems that need care.
    MedicalConditions medical_conditions: Option<bool> => yes_no,
    ChronicPain chronic_pain: Option<bool> => yes_no,
    Housing housing: Option<Housing> => one(Housing),
    Support support: Option<Support> => one(Support),
    /// Empty list: none.
    Responsibilities responsibilities: Option<Vec<Responsibility>> => many(Responsibility),
    NeedsPrivacy needs_privacy: Option<bool> => yes_no,
    /// Left jail, prison or a hospital stay in the past month.
    RecentlyReleased recently_released: Option<bool> => yes_no,
    /// Has just completed residential treatment.
    CompletedResidential completed_residential: Option<bool> => yes_no,
    Readiness readiness: Option<Readiness> => one(Readiness),
    MedicationPreference medication_preference: Option<MedicationPreference> => one(MedicationPreference),
    /// Medicines the person would not take, one by one. Empty list: none.
    DeclinedMedications declined_medications: Option<Vec<Declined>> => many(Declined),
    Country country: Option<Country> => one(Country),
    /// Province or territory: only with country `ca`.
    Province province: Option<Province> => one(Province),
}

pub const MAX_DSM5: u8 = 11;
pub const MAX_DAYS: u16 = 36500;
pub const MAX_COWS: u8 = 48;

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

impl Field {
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.name() == name)
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

    /// Sets this field from a JSON value (`null` clears it), checking type and range.
    pub fn set(self, a: &mut Answers, value: &Value) -> Result<(), AnswerError> {
        if value.is_null() {
            self.set_unknown(a);
            return Ok(());
        }
        self.read(a, value)
            .ok_or_else(|| self.error(format!("must be {}", self.expected())))
    }

    /// The values worth trying when the field is unanswered, to see whether its answer
    /// could change the result: every choice, every yes/no, the numbers at the rules'
    /// boundaries, and for lists "none" and each item the rules tell apart.
    pub fn candidates(self) -> &'static [Value] {
        // Built once: `missing` asks for them on every evaluation.
        static ALL: std::sync::LazyLock<Vec<Vec<Value>>> = std::sync::LazyLock::new(|| {
            Field::ALL
                .iter()
                .map(|field| field.build_candidates())
                .collect()
        });
        &ALL[self as usize]
    }

    /// The candidates as answers, each with only this field set, read once: `missing`
    /// copies the field from them instead of reading JSON on every trial.
    pub fn candidate_answers(self) -> &'static [Answers] {
        static ALL: std::sync::LazyLock<Vec<Vec<Answers>>> = std::sync::LazyLock::new(|| {
            Field::ALL
                .iter()
                .map(|field| {
                    field
                        .candidates()
                        .iter()
                        .map(|value| {
                            let mut a = Answers::default();
                            field.set(&mut a, value).expect("every candidate is valid");
                            a
                        })
                        .collect()
                })
                .collect()
        });
        &ALL[self as usize]
    }

    fn build_candidates(self) -> Vec<Value> {
        // Lists whose items the rules tell apart only in part: one item stands for the
        // others (a test checks that every value gives the decision of its stand-in).
        let list = |items: &[&str]| {
            std::iter::once(Value::Array(vec![]))
                .chain(items.iter().map(|i| Value::Array(vec![Value::from(*i)])))
                .collect()
        };
        match (self, self.kind()) {
            (Field::MentalHealth, _) => list(&["depression"]),
            (Field::Opioids, _) => list(&["fentanyl", "heroin", "prescription_pills"]),
            (Field::PriorTreatment, _) => list(&["medication", "detox"]),
            (Field::Responsibilities, _) => list(&["caregiving", "work"]),
            // Declining both agonists, or everything, is a plan of its own.
            (Field::DeclinedMedications, Kind::Many(names)) => {
                let mut out: Vec<Value> = list(names);
                out.push(serde_json::json!(["methadone", "buprenorphine"]));
                out.push(serde_json::json!([
                    "methadone",
                    "buprenorphine",
                    "naltrexone"
                ]));
                out
            }
            (_, Kind::One(names)) => names.iter().map(|n| Value::from(*n)).collect(),
            (_, Kind::Many(names)) => std::iter::once(Value::Array(vec![]))
                .chain(names.iter().map(|n| Value::Array(vec![Value::from(*n)])))
                .collect(),
            (_, Kind::YesNo) => vec![Value::Bool(true), Value::Bool(false)],
            // The lower end of each severity band: no rule reads the exact count.
            (Field::Dsm5Criteria, _) => [0u32, 2, 4, 6].into_iter().map(Value::from).collect(),
            // Below and at the moderate band of the COWS, the one boundary a rule reads.
            (Field::CowsScore, _) => [0u32, 13].into_iter().map(Value::from).collect(),
            // The rules' day boundaries: 3 (buprenorphine after fentanyl), 7 (naltrexone),
            // 30 (steady on medication).
            (_, Kind::Number { .. }) => [0u32, 3, 7, 30].into_iter().map(Value::from).collect(),
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
        answers.check()?;
        Ok(answers)
    }

    /// The checks across fields: a province only for Canada; the DSM-5 criteria either
    /// ticked one by one or counted, not both (two answers to one question could
    /// disagree).
    pub fn check(&self) -> Result<(), AnswerError> {
        if self.province.is_some() && self.country != Some(Country::Ca) {
            return Err(Field::Province
                .error("is only for Canada: set country to ca, or leave the province out"));
        }
        if self.dsm5_criteria.is_some() && self.dsm5_checklist.is_some() {
            return Err(Field::Dsm5Criteria.error(
                "give the number or tick the criteria in dsm5_checklist, not both: the list is counted for you",
            ));
        }
        Ok(())
    }

    /// How many DSM-5 criteria are met: the number given, or the ticked criteria counted.
    pub fn dsm5_count(&self) -> Option<u8> {
        self.dsm5_criteria.or_else(|| {
            self.dsm5_checklist
                .as_ref()
                .map(|ticked| ticked.len() as u8)
        })
    }

    /// The answers as the JSON object [`Answers::from_json`] reads (unknowns left out).
    pub fn to_json(&self) -> Map<String, Value> {
        match serde_json::to_value(self) {
            Ok(Value::Object(map)) => map.into_iter().filter(|(_, v)| !v.is_null()).collect(),
            _ => Map::new(),
        }
    }

    /// Whether the person would not take `medicine`, said one by one or through the
    /// overall preference (`no_opioid_agonist` declines methadone and buprenorphine,
    /// `no_medication` declines them all).
    pub fn declines(&self, medicine: Declined) -> bool {
        let by_preference = match self.medication_preference {
            Some(MedicationPreference::NoMedication) => medicine != Declined::Injections,
            Some(MedicationPreference::NoOpioidAgonist) => {
                matches!(medicine, Declined::Methadone | Declined::Buprenorphine)
            }
            _ => false,
        };
        by_preference
            || self
                .declined_medications
                .as_ref()
                .is_some_and(|d| d.contains(&medicine))
    }

    /// Both opioid agonists declined.
    pub fn declines_agonists(&self) -> bool {
        self.declines(Declined::Methadone) && self.declines(Declined::Buprenorphine)
    }

    /// Every medicine declined: methadone, buprenorphine and naltrexone.
    pub fn declines_all_medication(&self) -> bool {
        self.declines_agonists() && self.declines(Declined::Naltrexone)
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
    fn provinces_are_the_contents_provinces() {
        let codes: Vec<&str> = crate::content::PROVINCES.iter().map(|(c, _)| *c).collect();
        assert_eq!(Province::NAMES, codes.as_slice());
    }

    #[test]
    fn every_field_has_candidates_that_it_accepts() {
        for field in Field::ALL.iter().copied() {
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

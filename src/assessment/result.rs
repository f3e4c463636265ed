//! What the engine concludes, in the shape the API returns and the database keeps.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::i18n::Lang;

/// `label_in(lang)`: the type's `label()` in `lang`, from `locales/<code>/engine.ftl`
/// under `<prefix>-<serde name>` (`severity-mild`, `medication-status-not_yet`).
macro_rules! label_in {
    ($($ty:ty => $prefix:literal),* $(,)?) => {$(
        impl $ty {
            pub fn label_in(self, lang: Lang) -> std::borrow::Cow<'static, str> {
                let name = serde_json::to_value(self)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                crate::i18n::translated(lang, &crate::i18n::fluent_id($prefix, &name), self.label())
            }
        }
    )*};
}

label_in!(
    Severity => "severity",
    Level => "level",
    Plan => "plan",
    MedicationStatus => "medication-status",
    Area => "area",
    Risk => "risk",
);

/// How severe the opioid use disorder is, by DSM-5 count or estimated from the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    None,
    Mild,
    Moderate,
    Severe,
    Unknown,
    /// Few or no criteria while on medication for opioid use disorder: remission on
    /// treatment (DSM-5 "on maintenance therapy"), the medicine working.
    Remission,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::None => "No opioid use disorder indicated",
            Severity::Mild => "Mild",
            Severity::Moderate => "Moderate",
            Severity::Severe => "Severe",
            Severity::Unknown => "Not known yet",
            Severity::Remission => "In remission on treatment",
        }
    }
}

/// Where the severity comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SeverityBasis {
    /// Counted from the DSM-5 criteria.
    Dsm5,
    /// Estimated from how often and how long opioids were used: a clinician should confirm it.
    Estimate,
    /// Nothing known to judge by.
    Unknown,
}

/// The setting of care, from least to most intensive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Outpatient,
    IntensiveOutpatient,
    Inpatient,
    /// Care today in an emergency department or hospital.
    Hospital,
}

impl Level {
    /// Plain words, never a trademarked level name.
    pub fn label(self) -> &'static str {
        match self {
            Level::Outpatient => "Outpatient care",
            Level::IntensiveOutpatient => "Intensive outpatient care",
            Level::Inpatient => "Inpatient or residential care",
            Level::Hospital => "Hospital care today (emergency department)",
        }
    }

    /// The content item that explains it; none for the hospital, where the first step
    /// is to go, not to read.
    pub fn slug(self) -> Option<&'static str> {
        match self {
            Level::Outpatient => Some("outpatient"),
            Level::IntensiveOutpatient => Some("intensive-outpatient"),
            Level::Inpatient => Some("inpatient-residential"),
            Level::Hospital => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Plan {
    /// Stay on methadone or buprenorphine (or naltrexone) long term.
    Maintenance,
    /// Come off opioids gradually, with support.
    Taper,
    /// No opioid use disorder indicated: a clinician reviews the opioid use; no
    /// long-term medication, and no taper by default.
    Review,
    /// Every medicine declined: counselling and support, with the added risk spelled out.
    NoMedication,
}

/// The kind of medicine a maintenance plan rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MedicationKind {
    /// Methadone, buprenorphine, slow-release oral morphine or injectable OAT.
    Agonist,
    /// Naltrexone: blocks opioids.
    Antagonist,
}

impl Plan {
    pub fn label(self) -> &'static str {
        match self {
            Plan::Maintenance => "Maintenance: stay on medication long term",
            Plan::Taper => "Taper: come off opioids gradually, with support",
            Plan::Review => "Review with a clinician: no opioid use disorder is indicated",
            Plan::NoMedication => "No medication for now: counselling and support",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MedicationStatus {
    /// Already taken: keep taking it.
    Continue,
    Suggested,
    Consider,
    NotYet,
    NotAdvised,
}

impl MedicationStatus {
    pub fn label(self) -> &'static str {
        match self {
            MedicationStatus::Continue => "Keep taking it",
            MedicationStatus::Suggested => "Suggested",
            MedicationStatus::Consider => "Worth discussing",
            MedicationStatus::NotYet => "Not yet",
            MedicationStatus::NotAdvised => "Not advised",
        }
    }

    pub fn css(self) -> &'static str {
        match self {
            MedicationStatus::Continue => "continue",
            MedicationStatus::Suggested => "suggested",
            MedicationStatus::Consider => "consider",
            MedicationStatus::NotYet => "not-yet",
            MedicationStatus::NotAdvised => "not-advised",
        }
    }
}

/// The six areas whose risk decides the setting. They follow the ideas of multidimensional
/// assessment but are not ASAM's dimensions or levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Withdrawal,
    PhysicalHealth,
    MentalHealth,
    Readiness,
    UseAndOverdoseRisk,
    LivingSituation,
}

impl Area {
    pub const ALL: [Area; 6] = [
        Area::Withdrawal,
        Area::PhysicalHealth,
        Area::MentalHealth,
        Area::Readiness,
        Area::UseAndOverdoseRisk,
        Area::LivingSituation,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Area::Withdrawal => "Withdrawal",
            Area::PhysicalHealth => "Physical health",
            Area::MentalHealth => "Mental health",
            Area::Readiness => "Readiness to change",
            Area::UseAndOverdoseRisk => "Use and overdose risk",
            Area::LivingSituation => "Living situation",
        }
    }
}

/// An area's risk. `Unknown` counts as moderate when the setting is decided: unknown is
/// never reassuring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    Low,
    Unknown,
    Moderate,
    High,
}

impl Risk {
    pub fn label(self) -> &'static str {
        match self {
            Risk::Low => "Low",
            Risk::Unknown => "Not known yet",
            Risk::Moderate => "Moderate",
            Risk::High => "High",
        }
    }

    pub fn css(self) -> &'static str {
        match self {
            Risk::Low => "low",
            Risk::Unknown => "unknown",
            Risk::Moderate => "moderate",
            Risk::High => "high",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct AreaRisk {
    pub area: Area,
    pub risk: Risk,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Setting {
    pub level: Level,
    pub reasons: Vec<String>,
    /// The six areas, each with its risk and reasons (absent in results saved in format 1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<AreaRisk>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Approach {
    pub plan: Plan,
    pub reasons: Vec<String>,
    /// What the plan's medicine is: an agonist, an antagonist, or none (left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medication: Option<MedicationKind>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct MedicationAdvice {
    /// A content-library slug: `/treatments/{slug}`.
    pub slug: String,
    pub status: MedicationStatus,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Suggestion {
    /// A content-library slug: `/treatments/{slug}`.
    pub slug: String,
    pub reasons: Vec<String>,
}

/// An alert's code: part of the API, so codes are only ever added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AlertCode {
    MedicalUrgent,
    SuicideRisk,
    RecentOverdose,
    Naloxone,
    NeverUseAlone,
    OverdoseAfterAbstinence,
    StartToday,
    BuprenorphineStart,
    SedativeWithdrawal,
    SedativeCoUse,
    Pregnancy,
    InjectionRisks,
    StimulantFentanyl,
    NaltrexoneWait,
    CrisisSupport,
    Minor,
}

impl AlertCode {
    pub fn name(self) -> &'static str {
        match self {
            AlertCode::MedicalUrgent => "medical_urgent",
            AlertCode::SuicideRisk => "suicide_risk",
            AlertCode::RecentOverdose => "recent_overdose",
            AlertCode::Naloxone => "naloxone",
            AlertCode::NeverUseAlone => "never_use_alone",
            AlertCode::OverdoseAfterAbstinence => "overdose_after_abstinence",
            AlertCode::StartToday => "start_today",
            AlertCode::BuprenorphineStart => "buprenorphine_start",
            AlertCode::SedativeWithdrawal => "sedative_withdrawal",
            AlertCode::SedativeCoUse => "sedative_co_use",
            AlertCode::Pregnancy => "pregnancy",
            AlertCode::InjectionRisks => "injection_risks",
            AlertCode::StimulantFentanyl => "stimulant_fentanyl",
            AlertCode::NaltrexoneWait => "naltrexone_wait",
            AlertCode::CrisisSupport => "crisis_support",
            AlertCode::Minor => "minor",
        }
    }

    /// Alerts that ask for action now: shown first and marked urgent.
    pub fn is_urgent(self) -> bool {
        matches!(
            self,
            AlertCode::MedicalUrgent | AlertCode::SuicideRisk | AlertCode::RecentOverdose
        )
    }
}

impl std::fmt::Display for AlertCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Alert {
    pub code: AlertCode,
    pub message: String,
}

/// A sentence staff can read aloud, worded for whoever is on the line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TalkingPoint {
    /// Stable id, for translations.
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct HelplineContact {
    pub name: String,
    /// `us` or `ca`.
    pub country: String,
    pub phone: Option<String>,
    pub text: Option<String>,
    pub tty: Option<String>,
    pub url: Option<String>,
    pub hours: String,
    pub purpose: String,
}

/// The engine's whole answer for one set of answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Evaluation {
    pub severity: Severity,
    pub severity_basis: SeverityBasis,
    /// Why the severity is what it is.
    pub severity_reasons: Vec<String>,
    pub setting: Setting,
    pub approach: Approach,
    pub medications: Vec<MedicationAdvice>,
    pub therapies: Vec<Suggestion>,
    pub support: Vec<Suggestion>,
    /// Most urgent first.
    pub alerts: Vec<Alert>,
    pub helplines: Vec<HelplineContact>,
    /// Unanswered fields whose answer could change the severity, setting, plan or a
    /// medication's status: what to ask next.
    pub missing: Vec<String>,
    pub rules_version: String,
    /// Sentences to read to the caller (absent in results saved in format 1, whose
    /// talking points were worded when shown).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub talking_points: Vec<TalkingPoint>,
    /// The ids of the rules that decided this result: see `/rules`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules_fired: Vec<String>,
}

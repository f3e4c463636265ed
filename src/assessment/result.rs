//! What the engine concludes, in the shape the API returns and the database keeps.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How severe the opioid use disorder is, by DSM-5 count or estimated from the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    None,
    Mild,
    Moderate,
    Severe,
    Unknown,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::None => "No opioid use disorder indicated",
            Severity::Mild => "Mild",
            Severity::Moderate => "Moderate",
            Severity::Severe => "Severe",
            Severity::Unknown => "Not known yet",
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
}

impl Level {
    /// Plain words, never a trademarked level name.
    pub fn label(self) -> &'static str {
        match self {
            Level::Outpatient => "Outpatient care",
            Level::IntensiveOutpatient => "Intensive outpatient care",
            Level::Inpatient => "Inpatient or residential care",
        }
    }

    /// The content item that explains it.
    pub fn slug(self) -> &'static str {
        match self {
            Level::Outpatient => "outpatient",
            Level::IntensiveOutpatient => "intensive-outpatient",
            Level::Inpatient => "inpatient-residential",
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
}

impl Plan {
    pub fn label(self) -> &'static str {
        match self {
            Plan::Maintenance => "Maintenance: stay on medication long term",
            Plan::Taper => "Taper: come off opioids gradually, with support",
            Plan::Review => "Review with a clinician: no opioid use disorder is indicated",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MedicationStatus {
    Suggested,
    Consider,
    NotYet,
    NotAdvised,
}

impl MedicationStatus {
    pub fn label(self) -> &'static str {
        match self {
            MedicationStatus::Suggested => "Suggested",
            MedicationStatus::Consider => "Worth discussing",
            MedicationStatus::NotYet => "Not yet",
            MedicationStatus::NotAdvised => "Not advised",
        }
    }

    pub fn css(self) -> &'static str {
        match self {
            MedicationStatus::Suggested => "suggested",
            MedicationStatus::Consider => "consider",
            MedicationStatus::NotYet => "not-yet",
            MedicationStatus::NotAdvised => "not-advised",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Setting {
    pub level: Level,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Approach {
    pub plan: Plan,
    pub reasons: Vec<String>,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Alert {
    /// `naloxone`, `overdose_after_abstinence`, `pregnancy`, `sedative_co_use`,
    /// `injection_risks`, `naltrexone_wait`, `crisis_support`.
    pub code: String,
    pub message: String,
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
}

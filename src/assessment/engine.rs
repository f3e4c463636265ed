//! The matching rules: answers in, an explained suggestion out. Pure and deterministic:
//! no I/O, no clock, no randomness, so the same answers always give the same result.
//!
//! How to read it: each rule is a small function that returns its conclusion with the
//! reason a caller would understand, and names its source in a comment. The setting is
//! decided by the highest-risk factor present (the most intensive level any rule asks
//! for); scores are never added up or averaged.
//!
//! Unknown answers are never guessed. A rule that needs an answer to move someone to a
//! less intensive level does not fire while that answer is unknown; `missing` then tells
//! staff which questions could change the result.

use std::sync::LazyLock;

use sha2::{Digest, Sha256};
use smallvec::{SmallVec, smallvec};

use super::answers::{
    Answers, Country, Field, Frequency, Housing, QuitAttempts, Substance, Support, UseDuration,
};
use super::result::{
    Alert, Approach, Evaluation, HelplineContact, Level, MedicationAdvice, MedicationStatus, Plan,
    Setting, Severity, SeverityBasis, Suggestion,
};
use crate::content::{self, Helpline};

// Sources named by the rules below.
// DSM5:   American Psychiatric Association, DSM-5 (2013), opioid use disorder: 2–3 criteria mild, 4–5 moderate, 6+ severe.
// TIP63:  SAMHSA TIP 63, Medications for Opioid Use Disorder (2021).
// FDA17:  FDA Drug Safety Communication (2017): do not withhold buprenorphine or methadone from people who also use benzodiazepines or other sedatives.
// ACOG:   ACOG Committee Opinion 711 (2017), Opioid use and opioid use disorder in pregnancy.
// NIDA:   NIDA, Principles of Drug Addiction Treatment (3rd ed.) and Medications to Treat Opioid Use Disorder.
// SEEDS:  the team's source documents on heroin treatment (inpatient vs outpatient, key factors of a plan).

/// Changes whenever this file does: it is the hash of the rules' own source text, so no
/// edit to a rule can ship under an old version.
pub static RULES_VERSION: LazyLock<String> = LazyLock::new(|| {
    let digest = Sha256::digest(include_str!("engine.rs").as_bytes());
    let hex: String = digest.iter().take(5).map(|b| format!("{b:02x}")).collect();
    format!("1.{hex}")
});

/// A rule's reasons are fixed sentences, and a few fit inline: `missing` runs the rules
/// dozens of times per call, and this keeps those runs free of heap allocations.
type Reasons = SmallVec<[&'static str; 4]>;

/// What the rules decide, before reasons are turned into owned text and helplines
/// attached. `missing` compares these.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Decision {
    severity: Severity,
    basis: SeverityBasis,
    severity_reasons: Reasons,
    level: Level,
    level_reasons: Reasons,
    plan: Plan,
    plan_reasons: Reasons,
    medications: SmallVec<[Advice; 5]>,
}

impl Decision {
    /// Whether the parts of a result whose change makes a question worth asking are equal.
    fn same_key(&self, other: &Decision) -> bool {
        (self.severity, self.level, self.plan) == (other.severity, other.level, other.plan)
            && self.medications.len() == other.medications.len()
            && self
                .medications
                .iter()
                .zip(&other.medications)
                .all(|(a, b)| a.0 == b.0 && a.1 == b.1)
    }
}

/// Evaluates answers; `helplines` is the content library's list, filtered by country.
pub fn evaluate(answers: &Answers, helplines: &[Helpline]) -> Evaluation {
    let decision = decide(answers);
    let alerts = alerts(answers, &decision);
    Evaluation {
        severity: decision.severity,
        severity_basis: decision.basis,
        severity_reasons: owned(&decision.severity_reasons),
        setting: Setting {
            level: decision.level,
            reasons: owned(&decision.level_reasons),
        },
        approach: Approach {
            plan: decision.plan,
            reasons: owned(&decision.plan_reasons),
        },
        therapies: therapies(answers, decision.level),
        support: support(answers, decision.level, decision.plan),
        medications: decision
            .medications
            .iter()
            .map(|(slug, status, reasons)| MedicationAdvice {
                slug: slug.to_string(),
                status: *status,
                reasons: owned(reasons),
            })
            .collect(),
        alerts,
        helplines: helplines_for(answers.country, helplines),
        missing: missing(answers, &decision)
            .into_iter()
            .map(|f| f.name().to_string())
            .collect(),
        rules_version: RULES_VERSION.clone(),
    }
}

fn owned(reasons: &[&'static str]) -> Vec<String> {
    reasons.iter().map(|r| r.to_string()).collect()
}

fn decide(a: &Answers) -> Decision {
    let (severity, basis, severity_reasons) = severity(a);
    let (level, level_reasons) = setting(a, severity);
    let (plan, plan_reasons) = plan(a, severity);
    let medications = medications(a, severity, plan);
    Decision {
        severity,
        basis,
        severity_reasons,
        level,
        level_reasons,
        plan,
        plan_reasons,
        medications,
    }
}

/// The unanswered fields whose answer, tried value by value, would change the decision.
fn missing(a: &Answers, baseline: &Decision) -> Vec<Field> {
    // One copy of the answers is reused: each field is set, tried, then cleared again.
    let mut trial = a.clone();
    Field::ALL
        .into_iter()
        .filter(|field| field.is_unknown(a) && *field != Field::Country)
        .filter(|field| {
            let changes = field.candidates().iter().any(|value| {
                field.set(&mut trial, value).is_ok() && !decide(&trial).same_key(baseline)
            });
            let _ = field.set(&mut trial, &serde_json::Value::Null);
            changes
        })
        .collect()
}

// ---------------------------------------------------------------------------------
// Severity

/// DSM5: the count decides when it is known. Otherwise an estimate from the pattern of
/// use (SEEDS: depth of dependence, duration, earlier quit attempts), shown as one.
fn severity(a: &Answers) -> (Severity, SeverityBasis, Reasons) {
    if let Some(n) = a.dsm5_criteria {
        let (severity, reason) = match n {
            0..=1 => (
                Severity::None,
                "0–1 of the 11 DSM-5 criteria are met: this does not indicate an opioid use disorder.",
            ),
            2..=3 => (
                Severity::Mild,
                "2–3 of the 11 DSM-5 criteria are met: a mild opioid use disorder.",
            ),
            4..=5 => (
                Severity::Moderate,
                "4–5 of the 11 DSM-5 criteria are met: a moderate opioid use disorder.",
            ),
            _ => (
                Severity::Severe,
                "6 or more of the 11 DSM-5 criteria are met: a severe opioid use disorder.",
            ),
        };
        return (severity, SeverityBasis::Dsm5, smallvec![reason]);
    }
    let daily = a.frequency == Some(Frequency::Daily);
    let less_than_daily = matches!(a.frequency, Some(Frequency::Weekly | Frequency::Occasional));
    if daily && a.duration == Some(UseDuration::Over5Years) {
        return (
            Severity::Severe,
            SeverityBasis::Estimate,
            smallvec![
                "Estimated from the pattern: daily use for over 5 years usually means a severe disorder. A clinician should confirm it with the DSM-5 criteria.",
            ],
        );
    }
    if daily && (a.quit_attempts == Some(QuitAttempts::Several) || a.relapse_history == Some(true))
    {
        return (
            Severity::Severe,
            SeverityBasis::Estimate,
            smallvec![
                "Estimated from the pattern: daily use with several attempts to stop, or a return to use after stopping, usually means a severe disorder. A clinician should confirm it.",
            ],
        );
    }
    if less_than_daily
        && a.duration == Some(UseDuration::Under1Year)
        && a.quit_attempts == Some(QuitAttempts::None)
        && a.relapse_history != Some(true)
    {
        return (
            Severity::Mild,
            SeverityBasis::Estimate,
            smallvec![
                "Estimated from the pattern: use less than daily, for under a year, with no failed attempts to stop, suggests a mild disorder. A clinician should confirm it.",
            ],
        );
    }
    let anything_known = a.frequency.is_some()
        || a.duration.is_some()
        || a.quit_attempts.is_some()
        || a.relapse_history.is_some();
    if anything_known {
        return (
            Severity::Moderate,
            SeverityBasis::Estimate,
            smallvec![
                "Estimated from what is known of the pattern of use: treated as moderate until a clinician goes through the DSM-5 criteria.",
            ],
        );
    }
    (
        Severity::Unknown,
        SeverityBasis::Unknown,
        smallvec![
            "Not enough is known yet: how often and how long opioids have been used, or the DSM-5 count, would tell.",
        ],
    )
}

// ---------------------------------------------------------------------------------
// Setting

fn has_mental_health(a: &Answers) -> bool {
    a.mental_health.as_ref().is_some_and(|m| !m.is_empty())
}

fn uses_sedatives(a: &Answers) -> bool {
    a.other_substances
        .as_ref()
        .is_some_and(|s| s.contains(&Substance::Alcohol) || s.contains(&Substance::Benzodiazepines))
}

fn housing_at_risk(a: &Answers) -> bool {
    matches!(a.housing, Some(Housing::Unstable | Housing::Homeless))
}

fn has_support(a: &Answers) -> bool {
    matches!(a.support, Some(Support::Some | Support::Strong))
}

/// No co-occurring condition: both answered, and both "none".
fn no_co_occurring(a: &Answers) -> bool {
    a.mental_health.as_ref().is_some_and(Vec::is_empty)
        && a.other_substances.as_ref().is_some_and(Vec::is_empty)
}

/// Each rule that asks for a level at least this intensive, with its reason.
/// The setting is the most intensive level any rule asks for.
fn setting_rules(a: &Answers, severity: Severity) -> SmallVec<[(Level, &'static str); 8]> {
    let mut asks = SmallVec::new();
    // ASAM Criteria and NPG 2020 (review 1.7, 4.1): placement follows risk in several
    // areas, not the DSM-5 count. Residential care is for high risk in more than one
    // area together: above all repeated returns to use with a home situation that works
    // against recovery. One of them alone asks for intensive outpatient care at most.
    let use_risk_high =
        a.quit_attempts == Some(QuitAttempts::Several) || a.relapse_history == Some(true);
    let home_works_against = housing_at_risk(a) || a.support == Some(Support::None);
    if use_risk_high && home_works_against {
        asks.push((Level::Inpatient, "Repeated returns to use together with a home situation that works against recovery (no stable place to live, or no one to lean on): a residential program gives a safe place and support day and night while medication starts."));
    }
    if home_works_against {
        asks.push((Level::IntensiveOutpatient, "No stable place to live, or no one to lean on: several sessions a week, with help on housing and support, while medication starts. A bed is not needed to start medication."));
    }
    if use_risk_high {
        asks.push((Level::IntensiveOutpatient, "Several attempts to stop, or a return to use after stopping: more support than weekly visits at the start."));
    }
    // FDA17: treat, do not withhold; what matters is the risk of a dangerous withdrawal
    // from alcohol or benzodiazepines, which a clinician assesses.
    if uses_sedatives(a) {
        asks.push((Level::IntensiveOutpatient, "Alcohol or benzodiazepines as well: a clinician should check the risk of withdrawal from them and plan it. Stopping them suddenly can be dangerous."));
    }
    // Review 4.2: medical problems call for a medical assessment, whatever the severity.
    if a.medical_conditions == Some(true) {
        asks.push((Level::IntensiveOutpatient, "Medical problems that need care: get a medical assessment soon (a family doctor, or an emergency department if it is urgent). Medication for opioid use can start in hospital too."));
    }
    // TIP63, NIDA: co-occurring mental-health conditions need integrated care, more than weekly visits.
    if has_mental_health(a) {
        asks.push((Level::IntensiveOutpatient, "A mental-health condition was mentioned: care should treat it alongside the opioid use, which plain weekly outpatient visits rarely do."));
    }
    match severity {
        Severity::Severe => asks.push((Level::IntensiveOutpatient, "Severe use needs at least several sessions a week at the start.")),
        Severity::Unknown => asks.push((Level::IntensiveOutpatient, "Severity is not known yet, so the suggestion leans to more support until it is.")),
        Severity::Moderate if !(a.support == Some(Support::Strong) && a.housing == Some(Housing::Stable) && no_co_occurring(a)) => {
            asks.push((Level::IntensiveOutpatient, "Moderate use: several sessions a week help, unless stable housing, strong support and no other conditions are all confirmed."))
        }
        Severity::Mild if !(a.housing == Some(Housing::Stable) && has_support(a) && no_co_occurring(a)) => {
            asks.push((Level::IntensiveOutpatient, "Mild use, but stable housing, support, and no mental-health condition or other drug use are not all confirmed yet."))
        }
        _ => {}
    }
    asks
}

fn setting(a: &Answers, severity: Severity) -> (Level, Reasons) {
    let asks = setting_rules(a, severity);
    let mut level = asks
        .iter()
        .map(|(l, _)| *l)
        .max()
        .unwrap_or(Level::Outpatient);
    let mut reasons: Reasons = asks
        .iter()
        .filter(|(l, _)| *l == level)
        .map(|(_, r)| *r)
        .collect();

    // SEEDS, TIP63: after residential care, with a safe home, support and no other drug
    // use, the next step is down, not another residential stay.
    let step_down = a.completed_residential == Some(true)
        && a.housing == Some(Housing::Stable)
        && has_support(a)
        && a.other_substances.as_ref().is_some_and(Vec::is_empty);
    if step_down && level == Level::Inpatient {
        level = Level::IntensiveOutpatient;
        reasons = smallvec![
            "Just finished residential treatment, with stable housing, support and no other drug use: the next step is intensive outpatient care, not another residential stay.",
        ];
    } else if step_down {
        reasons.push("Just finished residential treatment: continuing care at home keeps the progress going.");
    }

    if level == Level::Outpatient {
        reasons.push(match severity {
            Severity::None => "Fewer than 2 DSM-5 criteria: an outpatient check-in with a clinician or counsellor is enough to start.",
            Severity::Moderate => "Moderate use with stable housing, strong support and no other conditions: outpatient care can work.",
            _ => "Mild use with stable housing, support and no other conditions: outpatient care fits, and keeps daily life going.",
        });
        if a.responsibilities.as_ref().is_some_and(|r| !r.is_empty()) {
            reasons.push("Outpatient visits can fit around work, school or caregiving.");
        }
        if a.needs_privacy == Some(true) {
            reasons.push("Outpatient care needs no time away, which helps keep treatment private.");
        }
    }
    (level, reasons)
}

// ---------------------------------------------------------------------------------
// Plan: maintenance or taper

fn plan(a: &Answers, severity: Severity) -> (Plan, Reasons) {
    let declines = a.declines_agonists();
    // DSM5, CDC22: medication for opioid use disorder needs the disorder. With 0–1
    // criteria a clinician reviews the opioid use; someone on opioids prescribed for pain
    // is not tapered by default. This runs before pregnancy: ACOG 711 tells opioid use in
    // medical care apart from the disorder.
    if severity == Severity::None {
        let mut reasons: Reasons = smallvec![
            "Fewer than 2 DSM-5 criteria: an opioid use disorder is not indicated, so no long-term medication is suggested. A clinician can review the opioid use; opioids prescribed for pain are not stopped or tapered by default.",
        ];
        if a.pregnant == Some(true) {
            reasons.push("Pregnant: talk about the opioid use with the prenatal clinician. Medication for opioid use disorder is for a diagnosed disorder only.");
        }
        return (Plan::Review, reasons);
    }
    // ACOG, TIP63: in pregnancy, maintenance on methadone or buprenorphine is the standard;
    // withdrawal risks the pregnancy.
    if a.pregnant == Some(true) {
        let mut reasons = smallvec![
            "Pregnant: staying on methadone or buprenorphine is safer for the pregnancy than withdrawal or a taper.",
        ];
        if declines {
            reasons.push("The preference was to avoid these medicines; in pregnancy it is worth talking this through with a prenatal and addiction specialist before deciding.");
        }
        return (Plan::Maintenance, reasons);
    }
    let mut high_risk = Reasons::new();
    if severity == Severity::Severe {
        high_risk.push("Severe use: staying on medication long term most lowers the risk of overdose and death (NIDA, SAMHSA).");
    }
    if a.quit_attempts == Some(QuitAttempts::Several) {
        high_risk.push("Several attempts to stop: long-term medication gives the best chance of staying stopped.");
    }
    if a.relapse_history == Some(true) {
        high_risk.push(
            "A return to use after stopping before: maintenance protects against the next one.",
        );
    }
    if a.support == Some(Support::None) {
        high_risk.push(
            "No family or social support: medication gives stability while support is built.",
        );
    }
    // TIP63: maintenance is the evidence-based default; a preference that declines agonists
    // is respected, with the risk made plain.
    if declines {
        let mut reasons = smallvec![
            "The preference is to avoid methadone and buprenorphine, so the plan is a gradual taper.",
        ];
        if !high_risk.is_empty() {
            reasons.extend(high_risk);
            reasons.push("A taper carries real added risk here: most people who taper return to use, and after a taper tolerance is low, so a return to use can be fatal. Naltrexone after the taper, naloxone at hand and close follow-up reduce the risk.");
        } else if a.support == Some(Support::Strong) {
            reasons.push("Mild or moderate use with strong support: a slow taper with counselling is a reasonable choice. If cravings return, maintenance is still open.");
        } else {
            reasons.push("A taper is safest when slow and supervised. After it, tolerance is low: a return to use can be fatal.");
        }
        return (Plan::Taper, reasons);
    }
    if high_risk.is_empty() {
        high_risk.push("Medication for opioid use disorder works best when continued: the longer people stay on it, the better they do (NIDA). Tapering later can be discussed.");
    }
    (Plan::Maintenance, high_risk)
}

// ---------------------------------------------------------------------------------
// Medications

type Advice = (&'static str, MedicationStatus, Reasons);

fn medications(a: &Answers, severity: Severity, plan: Plan) -> SmallVec<[Advice; 5]> {
    let mut list = smallvec![
        agonist(a, severity, plan, "methadone"),
        agonist(a, severity, plan, "buprenorphine"),
        naltrexone(a, severity, plan),
    ];
    list.push(("naloxone", MedicationStatus::Suggested, smallvec!["Everyone who uses opioids, and the people around them, should carry naloxone: it reverses an overdose."]));
    // Lofexidine is not approved in Canada (Health Canada Drug Product Database).
    if plan == Plan::Taper
        && a.medication_preference != Some(super::answers::MedicationPreference::NoMedication)
        && a.country != Some(Country::Ca)
    {
        list.push((
            "lofexidine",
            MedicationStatus::Consider,
            smallvec![
                "A non-opioid medicine that eases withdrawal symptoms during a taper or detox."
            ],
        ));
    }
    list
}

/// Methadone and buprenorphine: the opioid agonist medicines.
fn agonist(a: &Answers, severity: Severity, plan: Plan, slug: &'static str) -> Advice {
    use MedicationStatus::*;
    let is_methadone = slug == "methadone";
    let mut reasons = Reasons::new();
    let status = if a.pregnant == Some(true) && severity != Severity::None {
        // ACOG: both are recommended in pregnancy. Never below "consider".
        reasons.push("Recommended in pregnancy: it steadies the level of opioid and protects the baby from repeated withdrawal.");
        if a.declines_agonists() {
            Consider
        } else {
            Suggested
        }
    } else if severity == Severity::None {
        reasons.push("Only needed if a clinician finds an opioid use disorder, which the DSM-5 count does not indicate.");
        Consider
    } else if a.declines_agonists() {
        reasons.push("The preference was to avoid this kind of medicine. It stays an option, because it lowers the risk of overdose death more than any other treatment.");
        Consider
    } else if plan == Plan::Taper {
        reasons.push("Can be used for a slow, supervised taper.");
        Consider
    } else if is_methadone {
        // TIP63: methadone suits those who need more structure or a full agonist.
        let needs_structure = severity == Severity::Severe
            || a.injects == Some(true)
            || a.relapse_history == Some(true)
            || a.quit_attempts == Some(QuitAttempts::Several);
        if needs_structure {
            reasons.push("A full agonist given daily at a clinic: suits severe use, injecting or earlier returns to use, where daily structure helps.");
            Suggested
        } else {
            reasons.push("An option if buprenorphine does not control cravings; it means daily clinic visits at first.");
            Consider
        }
    } else {
        reasons.push("Can be prescribed by a doctor's office or by telehealth, with take-home doses: fits a maintenance plan and daily life.");
        Suggested
    };
    if is_methadone {
        // 42 CFR Part 8 (US); CRISM 2024 (Canada): who gives methadone differs by country.
        reasons.push(Country::pick(
a.country,
"In the US it is given at certified opioid treatment programs.",
"In Canada a doctor or nurse practitioner prescribes it and a pharmacy dispenses it.",
"In the US it is given at certified opioid treatment programs; in Canada a doctor or nurse practitioner prescribes it and a pharmacy dispenses it.",
));
    }
    // FDA17: sedative use is a reason for care, not for withholding.
    if uses_sedatives(a) {
        reasons.push("Alcohol or benzodiazepines add to the risk of slowed breathing; the FDA advises prescribers to treat anyway and manage that risk, not to withhold this medicine.");
    }
    (slug, status, reasons)
}

fn naltrexone(a: &Answers, severity: Severity, plan: Plan) -> Advice {
    use MedicationStatus::*;
    let mut reasons = Reasons::new();
    let status = match a.days_since_last_use {
        // ACOG 711, ASAM NPG 2020: naltrexone is not started in pregnancy, whatever the
        // days since use; starting it needs withdrawal first.
        _ if a.pregnant == Some(true) => {
            reasons.push("Not started in pregnancy: starting it needs withdrawal first, which is not advised while pregnant. Someone who became pregnant while taking it should talk with their clinician before stopping.");
            NotAdvised
        }
        _ if severity == Severity::None => {
            reasons.push("Only needed if a clinician finds an opioid use disorder, which the DSM-5 count does not indicate.");
            Consider
        }
        // FDA label: starting within 7–10 days of opioid use brings on sudden withdrawal.
        Some(days) if days < 7 => {
            reasons.push("Fewer than 7 days since opioids were last used: naltrexone can only start after 7–10 opioid-free days, or it brings on sudden withdrawal.");
            NotYet
        }
        _ if a.medication_preference
            == Some(super::answers::MedicationPreference::NoMedication) =>
        {
            reasons.push("The preference was no medication; naltrexone is not an opioid and is not addictive, which some people find easier to accept.");
            Consider
        }
        None => {
            reasons.push(
                "Needs 7–10 days without any opioids first; how long it has been is not known yet.",
            );
            Consider
        }
        Some(_) if a.declines_agonists() || plan == Plan::Taper => {
            reasons.push("At least 7 days without opioids and the preference avoids opioid medicines: naltrexone blocks opioids and helps prevent a return to use.");
            Suggested
        }
        Some(_) => {
            reasons.push("An alternative for people who want a non-opioid medicine; it needs 7–10 opioid-free days first.");
            Consider
        }
    };
    // The monthly injection has no Canadian marketing authorization (special access only).
    reasons.push(match a.country {
        Some(Country::Ca) => "In Canada it comes as a daily tablet; the monthly injection is available only through Health Canada's special access. Tolerance is low while on it and after stopping it, so an overdose is more likely if opioids are used.",
        _ => "Also comes as a monthly injection (in the US). Tolerance is low while on it and after stopping it, so an overdose is more likely if opioids are used.",
    });
    ("naltrexone", status, reasons)
}

// ---------------------------------------------------------------------------------
// Therapies and support (NIDA: behavioural therapies alongside medication)

fn therapies(a: &Answers, level: Level) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let mut add = |slug: &str, reason: &str| {
        out.push(Suggestion {
            slug: slug.to_string(),
            reasons: vec![reason.to_string()],
        })
    };
    if has_mental_health(a) {
        add(
            "dual-diagnosis-treatment",
            "A mental-health condition was mentioned: one team treating both at once works better than separate care.",
        );
    }
    add(
        "cognitive-behavioral-therapy",
        "Helps spot triggers, handle cravings and build new habits; well studied alongside medication.",
    );
    if a.other_substances
        .as_ref()
        .is_some_and(|s| s.contains(&Substance::Stimulants))
        || a.relapse_history == Some(true)
        || a.quit_attempts == Some(QuitAttempts::Several)
    {
        add(
            "contingency-management",
            "Small rewards for drug-free tests: strong evidence, especially with stimulant use or earlier returns to use.",
        );
    }
    if a.medication_preference
        .is_none_or(|p| p == super::answers::MedicationPreference::Unsure)
        || a.quit_attempts == Some(QuitAttempts::None)
    {
        add(
            "motivational-interviewing",
            "Helps a person weigh change in their own words when they are unsure or just starting.",
        );
    }
    if level != Level::Outpatient {
        add(
            "group-counseling",
            "A core part of intensive programs: learning from others in the same situation.",
        );
    }
    if has_support(a) {
        add(
            "family-counseling",
            "Family or friends are involved: sessions together help them support recovery without enabling.",
        );
    }
    out
}

fn support(a: &Answers, level: Level, plan: Plan) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let mut add = |slug: &str, reason: &str| {
        out.push(Suggestion {
            slug: slug.to_string(),
            reasons: vec![reason.to_string()],
        })
    };
    add(
        "narcotics-anonymous",
        "Free peer meetings almost everywhere, in person and online; based on the 12 steps.",
    );
    add(
        "smart-recovery",
        "A free, non-spiritual alternative built on practical tools.",
    );
    if housing_at_risk(a) {
        add(
            "case-management",
            "Housing is unstable: a case manager can help with housing, benefits and getting to appointments.",
        );
        add(
            "sober-living",
            "Recovery housing offers a drug-free place to live once the first phase of care is done.",
        );
    } else if a.medical_conditions == Some(true)
        || a.responsibilities
            .as_ref()
            .is_some_and(|r| r.contains(&super::answers::Responsibility::Caregiving))
    {
        add(
            "case-management",
            "A case manager can coordinate medical care, caregiving duties and treatment.",
        );
    }
    if a.needs_privacy == Some(true) || a.responsibilities.as_ref().is_some_and(|r| !r.is_empty()) {
        add(
            "telehealth",
            "Visits by phone or video keep treatment private and fit around work, school or caregiving.",
        );
    }
    if a.completed_residential == Some(true) || level == Level::Inpatient {
        add(
            "aftercare",
            "Residential care is a start: a plan for what follows keeps the progress going.",
        );
    }
    if a.relapse_history == Some(true) || plan == Plan::Taper {
        add(
            "relapse-prevention-plan",
            "A written plan for cravings and risky moments, shared with someone trusted.",
        );
    }
    if has_support(a) {
        add(
            "nar-anon",
            "For family members: support from others who love someone with an addiction.",
        );
        add(
            "supporting-a-loved-one",
            "For family members: how to help without enabling, and how to look after yourself.",
        );
    }
    out
}

// ---------------------------------------------------------------------------------
// Alerts, most urgent first

fn alerts(a: &Answers, decision: &Decision) -> Vec<Alert> {
    let (severity, plan) = (decision.severity, decision.plan);
    let buprenorphine_suggested = decision.medications.iter().any(|(slug, status, _)| {
        *slug == "buprenorphine" && *status == MedicationStatus::Suggested
    });
    let mut out = Vec::new();
    let mut add = |code: &str, message: &str| {
        out.push(Alert {
            code: code.to_string(),
            message: message.to_string(),
        })
    };
    let abstinent_a_week = a.days_since_last_use.is_some_and(|d| d >= 7);
    if plan == Plan::Taper || abstinent_a_week {
        add(
            "overdose_after_abstinence",
            if abstinent_a_week {
                "A week or more without opioids means tolerance is falling. Using the old amount again can be fatal. Keep naloxone close and never use alone."
            } else {
                "After a taper or detox, tolerance falls within days. A return to the old amount can be fatal. Keep naloxone close and never use alone."
            },
        );
    }
    add(
        "naloxone",
        "Make sure naloxone (Narcan) is in the home and that family knows how to use it. In an overdose: call 911, give naloxone, stay with the person.",
    );
    // ASAM NPG 2020, review 4.4: medication can start now, whatever the setting; the
    // wait for a bed or a program, without it, is a time of high overdose risk.
    if severity != Severity::None && plan == Plan::Maintenance {
        add(
            "start_today",
            Country::pick(
                a.country,
                "Medication can usually start today: at an emergency department, a bridge clinic, by telehealth or at an opioid treatment program. Nobody needs to wait for a bed or a program to start it.",
                "Medication can usually start today: at an emergency department, a rapid-access addiction clinic, by virtual care, or with a family doctor or nurse practitioner. Nobody needs to wait for a bed or a program to start it.",
                "Medication can usually start today: at an emergency department, a walk-in or bridge clinic, or by telehealth. Nobody needs to wait for a bed or a program to start it.",
            ),
        );
    }
    // ASAM 2023 clinical considerations on high-potency synthetic opioids: after fentanyl,
    // buprenorphine started too early can bring on sudden withdrawal. Fentanyl is most of
    // the supply, so this applies unless the last use is known to be 3 or more days ago.
    if buprenorphine_suggested && a.days_since_last_use.is_none_or(|d| d < 3) {
        add(
            "buprenorphine_start",
            "Starting buprenorphine after fentanyl: too soon can bring on sudden, severe withdrawal. Prescribers usually wait until withdrawal is clearly under way (they score it on a scale called COWS), or use a low-dose start that overlaps with current use. If sudden withdrawal happens, call the prescriber or go to an emergency department: it can be treated, often with more buprenorphine.",
        );
    }
    // Anyone who may still be using (used in the past week, or not known): unknown is
    // never reassuring.
    if a.days_since_last_use.is_none_or(|d| d < 7) {
        add(
            "never_use_alone",
            Country::pick(
                a.country,
                "While still using: never use alone. The Never Use Alone line (1-800-484-3731) stays on the phone and sends help if you stop answering. Fentanyl test strips show what is in a supply; start with a small amount.",
                "While still using: never use alone. The National Overdose Response Service (1-888-688-6677) stays on the phone and sends help if you stop answering. Drug-checking services and fentanyl test strips show what is in a supply; start with a small amount.",
                "While still using: never use alone. A line stays on the phone and sends help if you stop answering: Never Use Alone (US) 1-800-484-3731, National Overdose Response Service (Canada) 1-888-688-6677. Test strips and drug checking show what is in a supply; start with a small amount.",
            ),
        );
    }
    if uses_sedatives(a) {
        add(
            "sedative_co_use",
            "Alcohol or benzodiazepines with opioids greatly raise the risk of slowed breathing and death. Tell every prescriber about them; do not stop benzodiazepines suddenly.",
        );
    }
    if a.pregnant == Some(true) {
        add(
            "pregnancy",
            "Pregnant: do not stop opioids suddenly. Withdrawal can harm the pregnancy. Ask for a program that works with prenatal care; methadone and buprenorphine are safe choices.",
        );
    }
    if a.injects == Some(true) {
        add(
            "injection_risks",
            "Injecting brings risks of HIV, hepatitis C, and skin and heart infections. Offer testing, sterile supplies from a syringe services program, and vaccines.",
        );
    }
    // Only where naltrexone is a real option: never in pregnancy, never without a disorder.
    if a.days_since_last_use.is_some_and(|d| d < 7)
        && a.pregnant != Some(true)
        && severity != Severity::None
    {
        add(
            "naltrexone_wait",
            "Naltrexone must wait until 7–10 days after the last opioid use; starting sooner brings on sudden, severe withdrawal.",
        );
    }
    if has_mental_health(a) {
        add(
            "crisis_support",
            "If there are thoughts of suicide or self-harm, call or text 988 (US and Canada) at any time, or 911 in an emergency.",
        );
    }
    out
}

fn helplines_for(country: Option<Country>, helplines: &[Helpline]) -> Vec<HelplineContact> {
    let wanted = |c: content::Country| match country {
        Some(Country::Us) => c == content::Country::Us,
        Some(Country::Ca) => c == content::Country::Ca,
        None => true,
    };
    helplines
        .iter()
        .filter(|h| wanted(h.country))
        .map(|h| HelplineContact {
            name: h.name.clone(),
            country: h.country.code().to_string(),
            phone: h.phone.clone(),
            text: h.text.clone(),
            tty: h.tty.clone(),
            url: h.url.clone(),
            hours: h.hours.clone(),
            purpose: h.purpose.clone(),
        })
        .collect()
}

/// Every medication, therapy and support slug the rules can name, for the test that
/// checks each one has a page in the content library.
pub const SLUGS: &[&str] = &[
    "methadone",
    "buprenorphine",
    "naltrexone",
    "naloxone",
    "lofexidine",
    "dual-diagnosis-treatment",
    "cognitive-behavioral-therapy",
    "contingency-management",
    "motivational-interviewing",
    "group-counseling",
    "family-counseling",
    "narcotics-anonymous",
    "smart-recovery",
    "case-management",
    "sober-living",
    "telehealth",
    "aftercare",
    "relapse-prevention-plan",
    "nar-anon",
    "supporting-a-loved-one",
    "outpatient",
    "intensive-outpatient",
    "inpatient-residential",
];

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn answers(v: Value) -> Answers {
        Answers::from_json(v.as_object().expect("test answers are an object"))
            .expect("test answers are valid")
    }

    fn eval(v: Value) -> Evaluation {
        evaluate(&answers(v), &[])
    }

    fn status(e: &Evaluation, slug: &str) -> MedicationStatus {
        e.medications
            .iter()
            .find(|m| m.slug == slug)
            .unwrap_or_else(|| panic!("{slug} listed"))
            .status
    }

    fn alert_codes(e: &Evaluation) -> Vec<&str> {
        e.alerts.iter().map(|a| a.code.as_str()).collect()
    }

    #[test]
    fn severity_from_the_dsm5_count() {
        for (n, expected) in [
            (0, Severity::None),
            (1, Severity::None),
            (2, Severity::Mild),
            (3, Severity::Mild),
            (4, Severity::Moderate),
            (5, Severity::Moderate),
            (6, Severity::Severe),
            (11, Severity::Severe),
        ] {
            let e = eval(json!({"dsm5_criteria": n}));
            assert_eq!(
                (e.severity, e.severity_basis),
                (expected, SeverityBasis::Dsm5),
                "{n} criteria"
            );
        }
    }

    #[test]
    fn severity_estimated_from_the_pattern_of_use() {
        use Severity::*;
        let cases = [
            (
                json!({"frequency": "occasional", "duration": "under_1_year", "quit_attempts": "none"}),
                Mild,
            ),
            (
                json!({"frequency": "weekly", "duration": "under_1_year", "quit_attempts": "none"}),
                Mild,
            ),
            (
                json!({"frequency": "weekly", "duration": "under_1_year", "quit_attempts": "one"}),
                Moderate,
            ),
            (
                json!({"frequency": "weekly", "duration": "under_1_year"}),
                Moderate,
            ),
            (
                json!({"frequency": "weekly", "duration": "under_1_year", "quit_attempts": "none", "relapse_history": true}),
                Moderate,
            ),
            (
                json!({"frequency": "daily", "duration": "over_5_years"}),
                Severe,
            ),
            (
                json!({"frequency": "daily", "quit_attempts": "several"}),
                Severe,
            ),
            (
                json!({"frequency": "daily", "relapse_history": true}),
                Severe,
            ),
            (
                json!({"frequency": "daily", "duration": "1_to_5_years", "quit_attempts": "one"}),
                Moderate,
            ),
            (
                json!({"frequency": "weekly", "duration": "over_5_years"}),
                Moderate,
            ),
            (json!({"duration": "over_5_years"}), Moderate),
            (json!({}), Unknown),
            (json!({"housing": "stable", "pregnant": false}), Unknown),
        ];
        for (input, expected) in cases {
            let e = eval(input.clone());
            assert_eq!(e.severity, expected, "{input}");
            let basis = if expected == Unknown {
                SeverityBasis::Unknown
            } else {
                SeverityBasis::Estimate
            };
            assert_eq!(e.severity_basis, basis, "{input}");
        }
    }

    #[test]
    fn the_dsm5_count_wins_over_the_pattern() {
        let e = eval(json!({"dsm5_criteria": 2, "frequency": "daily", "duration": "over_5_years"}));
        assert_eq!(e.severity, Severity::Mild);
        let e = eval(
            json!({"dsm5_criteria": 9, "frequency": "occasional", "duration": "under_1_year", "quit_attempts": "none"}),
        );
        assert_eq!(e.severity, Severity::Severe);
    }

    #[test]
    fn setting_follows_the_highest_risk_factor() {
        use Level::*;
        let base = json!({"dsm5_criteria": 8, "housing": "stable", "support": "strong", "mental_health": [], "other_substances": [], "medical_conditions": false});
        let with = |k: &str, v: Value| {
            let mut b = base.clone();
            b[k] = v;
            b
        };
        let mild_ok = json!({"dsm5_criteria": 3, "housing": "stable", "support": "some", "mental_health": [], "other_substances": []});
        let cases = [
            ("severe, nothing else", base.clone(), IntensiveOutpatient),
            // Review 1.7, 4.1: one factor with a severe count is not a reason for a bed.
            (
                "severe + unstable housing",
                with("housing", json!("unstable")),
                IntensiveOutpatient,
            ),
            (
                "severe + homeless",
                with("housing", json!("homeless")),
                IntensiveOutpatient,
            ),
            (
                "severe + no support",
                with("support", json!("none")),
                IntensiveOutpatient,
            ),
            (
                "severe + depression",
                with("mental_health", json!(["depression"])),
                IntensiveOutpatient,
            ),
            (
                "severe + alcohol",
                with("other_substances", json!(["alcohol"])),
                IntensiveOutpatient,
            ),
            (
                "severe + benzodiazepines",
                with("other_substances", json!(["benzodiazepines"])),
                IntensiveOutpatient,
            ),
            (
                "severe + stimulants only",
                with("other_substances", json!(["stimulants"])),
                IntensiveOutpatient,
            ),
            (
                "severe + medical",
                with("medical_conditions", json!(true)),
                IntensiveOutpatient,
            ),
            // Two areas high together: repeated returns to use and a home that works
            // against recovery.
            (
                "several attempts + homeless",
                json!({"dsm5_criteria": 5, "quit_attempts": "several", "housing": "homeless"}),
                Inpatient,
            ),
            (
                "relapse + no support",
                json!({"dsm5_criteria": 8, "relapse_history": true, "support": "none", "housing": "stable"}),
                Inpatient,
            ),
            (
                "several attempts, stable home and support",
                json!({"dsm5_criteria": 8, "quit_attempts": "several", "housing": "stable", "support": "strong", "mental_health": [], "other_substances": []}),
                IntensiveOutpatient,
            ),
            (
                "review 4.1: working parent, depression, strong support",
                json!({"dsm5_criteria": 7, "mental_health": ["depression"], "housing": "stable", "support": "strong", "other_substances": [], "medical_conditions": false, "days_since_last_use": 0, "medication_preference": "open", "responsibilities": ["work", "caregiving"]}),
                IntensiveOutpatient,
            ),
            (
                "review 4.1: alcohol, stable, strong support",
                json!({"dsm5_criteria": 6, "other_substances": ["alcohol"], "housing": "stable", "support": "strong", "mental_health": [], "medical_conditions": false, "days_since_last_use": 1, "medication_preference": "open"}),
                IntensiveOutpatient,
            ),
            (
                "mild, stable, supported, nothing else",
                mild_ok.clone(),
                Outpatient,
            ),
            (
                "mild + anxiety is never plain outpatient",
                {
                    let mut m = mild_ok.clone();
                    m["mental_health"] = json!(["anxiety"]);
                    m
                },
                IntensiveOutpatient,
            ),
            (
                "mild + unstable housing",
                {
                    let mut m = mild_ok.clone();
                    m["housing"] = json!("unstable");
                    m
                },
                IntensiveOutpatient,
            ),
            (
                "mild, co-occurring unknown",
                json!({"dsm5_criteria": 3, "housing": "stable", "support": "some"}),
                IntensiveOutpatient,
            ),
            (
                "moderate, strong support, stable, none",
                json!({"dsm5_criteria": 5, "housing": "stable", "support": "strong", "mental_health": [], "other_substances": []}),
                Outpatient,
            ),
            (
                "moderate, some support",
                json!({"dsm5_criteria": 5, "housing": "stable", "support": "some", "mental_health": [], "other_substances": []}),
                IntensiveOutpatient,
            ),
            ("no disorder", json!({"dsm5_criteria": 1}), Outpatient),
            ("nothing known", json!({}), IntensiveOutpatient),
            (
                "severe + homeless + no support + everything",
                json!({"dsm5_criteria": 11, "housing": "homeless", "support": "none", "relapse_history": true, "mental_health": ["psychosis"], "other_substances": ["alcohol"], "medical_conditions": true}),
                Inpatient,
            ),
            (
                "homeless + no support, no returns to use known",
                json!({"dsm5_criteria": 11, "housing": "homeless", "support": "none", "mental_health": ["psychosis"], "other_substances": ["alcohol"], "medical_conditions": true}),
                IntensiveOutpatient,
            ),
        ];
        for (name, input, expected) in cases {
            let e = eval(input);
            assert_eq!(e.setting.level, expected, "{name}");
            assert!(
                !e.setting.reasons.is_empty(),
                "{name}: the setting has reasons"
            );
        }
    }

    #[test]
    fn a_mental_health_condition_brings_dual_diagnosis_treatment_and_never_plain_outpatient() {
        for condition in [
            "depression",
            "anxiety",
            "ptsd",
            "bipolar",
            "psychosis",
            "other",
        ] {
            for n in [2, 4, 7] {
                let e = eval(
                    json!({"dsm5_criteria": n, "housing": "stable", "support": "strong", "mental_health": [condition], "other_substances": []}),
                );
                assert_ne!(e.setting.level, Level::Outpatient, "{condition} {n}");
                assert!(
                    e.therapies
                        .iter()
                        .any(|t| t.slug == "dual-diagnosis-treatment"),
                    "{condition}"
                );
                assert!(alert_codes(&e).contains(&"crisis_support"));
            }
        }
    }

    #[test]
    fn after_residential_care_the_step_is_down_not_back() {
        let e = eval(
            json!({"dsm5_criteria": 9, "completed_residential": true, "housing": "stable", "support": "some",
            "other_substances": [], "mental_health": ["depression"], "medical_conditions": true}),
        );
        assert_eq!(e.setting.level, Level::IntensiveOutpatient);
        assert!(e.setting.reasons.iter().any(|r| r.contains("residential")));
        assert!(e.support.iter().any(|s| s.slug == "aftercare"));
        // A residential stay is never suggested again straight after one.
        let e = eval(
            json!({"dsm5_criteria": 9, "completed_residential": true, "relapse_history": true, "housing": "stable", "support": "none", "other_substances": []}),
        );
        assert_eq!(
            e.setting.level,
            Level::Inpatient,
            "no support is not a step-down"
        );
        // Without a stable home, after a return to use, residential stays on the table.
        let e = eval(
            json!({"dsm5_criteria": 9, "completed_residential": true, "relapse_history": true, "housing": "homeless", "support": "some", "other_substances": []}),
        );
        assert_eq!(e.setting.level, Level::Inpatient);
    }

    #[test]
    fn plan_maintenance_or_taper() {
        use Plan::*;
        let cases = [
            ("pregnant", json!({"pregnant": true}), Maintenance),
            (
                "pregnant, declines agonists",
                json!({"pregnant": true, "medication_preference": "no_opioid_agonist", "dsm5_criteria": 9}),
                Maintenance,
            ),
            (
                "pregnant, no medication",
                json!({"pregnant": true, "medication_preference": "no_medication"}),
                Maintenance,
            ),
            ("severe", json!({"dsm5_criteria": 7}), Maintenance),
            (
                "several attempts",
                json!({"dsm5_criteria": 3, "quit_attempts": "several"}),
                Maintenance,
            ),
            (
                "relapse",
                json!({"dsm5_criteria": 3, "relapse_history": true}),
                Maintenance,
            ),
            (
                "no support",
                json!({"dsm5_criteria": 3, "support": "none"}),
                Maintenance,
            ),
            (
                "severe, declines agonists",
                json!({"dsm5_criteria": 7, "medication_preference": "no_opioid_agonist"}),
                Taper,
            ),
            (
                "severe, no medication",
                json!({"dsm5_criteria": 7, "medication_preference": "no_medication"}),
                Taper,
            ),
            (
                "mild, strong support, declines",
                json!({"dsm5_criteria": 3, "support": "strong", "medication_preference": "no_opioid_agonist"}),
                Taper,
            ),
            (
                "moderate, strong support, declines",
                json!({"dsm5_criteria": 5, "support": "strong", "medication_preference": "no_medication"}),
                Taper,
            ),
            (
                "mild, open",
                json!({"dsm5_criteria": 3, "support": "strong", "medication_preference": "open"}),
                Maintenance,
            ),
            (
                "unsure",
                json!({"dsm5_criteria": 5, "medication_preference": "unsure"}),
                Maintenance,
            ),
            ("nothing known", json!({}), Maintenance),
            // Review 1.1, 1.4, 4.9: no disorder is a review, not a taper or maintenance.
            ("no disorder", json!({"dsm5_criteria": 1}), Review),
            (
                "no disorder, declines agonists",
                json!({"dsm5_criteria": 0, "medication_preference": "no_opioid_agonist"}),
                Review,
            ),
            (
                "pregnant, no disorder",
                json!({"pregnant": true, "dsm5_criteria": 0}),
                Review,
            ),
        ];
        for (name, input, expected) in cases {
            let e = eval(input);
            assert_eq!(e.approach.plan, expected, "{name}");
            assert!(!e.approach.reasons.is_empty(), "{name}");
        }
        let risky = eval(json!({"dsm5_criteria": 7, "medication_preference": "no_opioid_agonist"}));
        assert!(
            risky
                .approach
                .reasons
                .iter()
                .any(|r| r.contains("added risk") && r.contains("fatal")),
            "{:?}",
            risky.approach.reasons
        );
        let pregnant =
            eval(json!({"pregnant": true, "medication_preference": "no_opioid_agonist"}));
        assert!(
            !pregnant
                .approach
                .reasons
                .iter()
                .any(|r| r.contains("added risk")),
            "no taper risk talk in pregnancy"
        );
    }

    #[test]
    fn medication_statuses() {
        use MedicationStatus::*;
        let cases: Vec<(&str, Value, [MedicationStatus; 3])> = vec![
            (
                "severe, open, a month clean",
                json!({"dsm5_criteria": 8, "medication_preference": "open", "days_since_last_use": 30}),
                [Suggested, Suggested, Consider],
            ),
            (
                "moderate, open, used yesterday",
                json!({"dsm5_criteria": 5, "days_since_last_use": 1}),
                [Consider, Suggested, NotYet],
            ),
            (
                "moderate, injects",
                json!({"dsm5_criteria": 5, "injects": true}),
                [Suggested, Suggested, Consider],
            ),
            (
                "declines agonists, 10 days",
                json!({"dsm5_criteria": 8, "medication_preference": "no_opioid_agonist", "days_since_last_use": 10}),
                [Consider, Consider, Suggested],
            ),
            (
                "declines agonists, 2 days",
                json!({"dsm5_criteria": 8, "medication_preference": "no_opioid_agonist", "days_since_last_use": 2}),
                [Consider, Consider, NotYet],
            ),
            (
                "no medication",
                json!({"dsm5_criteria": 8, "medication_preference": "no_medication", "days_since_last_use": 10}),
                [Consider, Consider, Consider],
            ),
            (
                "pregnant",
                json!({"pregnant": true, "days_since_last_use": 20}),
                [Suggested, Suggested, NotAdvised],
            ),
            (
                "pregnant, declines",
                json!({"pregnant": true, "medication_preference": "no_opioid_agonist", "days_since_last_use": 20}),
                [Consider, Consider, NotAdvised],
            ),
            (
                // Review 1.2: naltrexone is not started in pregnancy, whatever the days.
                "pregnant, used today",
                json!({"pregnant": true, "days_since_last_use": 0}),
                [Suggested, Suggested, NotAdvised],
            ),
            (
                // Review 1.1: pregnancy without a disorder gets no medication suggested.
                "pregnant, no disorder",
                json!({"pregnant": true, "dsm5_criteria": 0}),
                [Consider, Consider, NotAdvised],
            ),
            (
                // Review 1.4: no disorder, 10 days off: no naltrexone for a false reason.
                "no disorder, 10 days",
                json!({"dsm5_criteria": 1, "days_since_last_use": 10}),
                [Consider, Consider, Consider],
            ),
            (
                "severe with benzodiazepines",
                json!({"dsm5_criteria": 9, "other_substances": ["benzodiazepines", "alcohol"]}),
                [Suggested, Suggested, Consider],
            ),
        ];
        for (name, input, [m, b, n]) in cases {
            let e = eval(input);
            assert_eq!(
                [
                    status(&e, "methadone"),
                    status(&e, "buprenorphine"),
                    status(&e, "naltrexone")
                ],
                [m, b, n],
                "{name}"
            );
        }
        let e = eval(json!({"dsm5_criteria": 9, "other_substances": ["benzodiazepines"]}));
        for slug in ["methadone", "buprenorphine"] {
            let reasons = &e
                .medications
                .iter()
                .find(|m| m.slug == slug)
                .unwrap()
                .reasons;
            assert!(
                reasons.iter().any(|r| r.contains("FDA")),
                "{slug} explains the FDA advice"
            );
        }
    }

    #[test]
    fn canada_gets_only_what_is_available_there() {
        // Review 1.5, 4.5: no lofexidine (not approved), no monthly naltrexone injection
        // (special access only), methadone from a prescriber and a pharmacy.
        let taper = json!({"dsm5_criteria": 8, "medication_preference": "no_opioid_agonist", "days_since_last_use": 2});
        let mut canada = taper.clone();
        canada["country"] = json!("ca");
        let slugs = |e: &Evaluation| {
            e.medications
                .iter()
                .map(|m| m.slug.clone())
                .collect::<Vec<_>>()
        };
        assert!(slugs(&eval(taper.clone())).contains(&"lofexidine".to_string()));
        let e = eval(canada);
        assert!(!slugs(&e).contains(&"lofexidine".to_string()));
        let reasons = |slug: &str| {
            e.medications
                .iter()
                .find(|m| m.slug == slug)
                .unwrap()
                .reasons
                .join(" ")
        };
        assert!(reasons("methadone").contains("pharmacy dispenses it"));
        assert!(!reasons("methadone").contains("opioid treatment programs"));
        assert!(reasons("naltrexone").contains("special access"));
        let never_alone = e
            .alerts
            .iter()
            .find(|a| a.code == "never_use_alone")
            .unwrap();
        assert!(
            never_alone.message.contains("1-888-688-6677"),
            "Canada's line"
        );
        assert!(!never_alone.message.contains("484-3731"), "not the US line");
        let us = eval(json!({"dsm5_criteria": 8, "country": "us"}));
        let methadone = us
            .medications
            .iter()
            .find(|m| m.slug == "methadone")
            .unwrap();
        assert!(
            methadone
                .reasons
                .join(" ")
                .contains("opioid treatment programs")
        );
    }

    #[test]
    fn alerts() {
        let cases: Vec<(Value, &[&str], &[&str])> = vec![
            (
                json!({}),
                &["naloxone"],
                &[
                    "overdose_after_abstinence",
                    "pregnancy",
                    "sedative_co_use",
                    "injection_risks",
                    "naltrexone_wait",
                ],
            ),
            (
                json!({"days_since_last_use": 7}),
                &["naloxone", "overdose_after_abstinence"],
                &["naltrexone_wait", "never_use_alone"],
            ),
            (
                json!({"days_since_last_use": 6}),
                &["naloxone", "naltrexone_wait", "never_use_alone"],
                &["overdose_after_abstinence"],
            ),
            // Review 4.6: anyone still using hears "never use alone", unknown included.
            (json!({}), &["never_use_alone"], &[]),
            (
                json!({"days_since_last_use": 0, "country": "ca"}),
                &["never_use_alone"],
                &[],
            ),
            // Review 4.4: start now, and how to start buprenorphine after fentanyl.
            (
                json!({"dsm5_criteria": 9, "days_since_last_use": 0}),
                &["start_today", "buprenorphine_start"],
                &[],
            ),
            (
                json!({"dsm5_criteria": 9, "days_since_last_use": 3}),
                &["start_today"],
                &["buprenorphine_start"],
            ),
            (
                json!({"dsm5_criteria": 1}),
                &[],
                &["start_today", "buprenorphine_start"],
            ),
            (
                json!({"dsm5_criteria": 8, "medication_preference": "no_opioid_agonist", "days_since_last_use": 0}),
                &[],
                &["start_today", "buprenorphine_start"],
            ),
            // Review 1.2: no naltrexone wait in pregnancy or without a disorder.
            (
                json!({"pregnant": true, "dsm5_criteria": 8, "days_since_last_use": 0}),
                &["pregnancy", "never_use_alone"],
                &["naltrexone_wait"],
            ),
            (
                json!({"dsm5_criteria": 1, "days_since_last_use": 2}),
                &["never_use_alone"],
                &["naltrexone_wait"],
            ),
            (
                json!({"dsm5_criteria": 3, "medication_preference": "no_medication"}),
                &["overdose_after_abstinence"],
                &[],
            ),
            (json!({"pregnant": true}), &["pregnancy"], &[]),
            (
                json!({"other_substances": ["alcohol"]}),
                &["sedative_co_use"],
                &[],
            ),
            (
                json!({"other_substances": ["benzodiazepines"]}),
                &["sedative_co_use"],
                &[],
            ),
            (
                json!({"other_substances": ["stimulants"]}),
                &[],
                &["sedative_co_use"],
            ),
            (json!({"injects": true}), &["injection_risks"], &[]),
            (json!({"injects": false}), &[], &["injection_risks"]),
        ];
        for (input, present, absent) in cases {
            let e = eval(input.clone());
            let codes = alert_codes(&e);
            for code in present {
                assert!(codes.contains(code), "{input}: {code} in {codes:?}");
            }
            for code in absent {
                assert!(!codes.contains(code), "{input}: {code} not in {codes:?}");
            }
        }
    }

    #[test]
    fn helplines_follow_the_country() {
        let lines = crate::content::load_dir(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        )
        .unwrap()
        .helplines;
        let countries = |v: Value| -> Vec<String> {
            let mut c: Vec<String> = evaluate(&answers(v), &lines)
                .helplines
                .into_iter()
                .map(|h| h.country)
                .collect();
            c.dedup();
            c
        };
        assert_eq!(countries(json!({"country": "us"})), ["us"]);
        assert_eq!(countries(json!({"country": "ca"})), ["ca"]);
        assert_eq!(countries(json!({})), ["us", "ca"]);
    }

    #[test]
    fn missing_lists_the_questions_that_could_change_the_result() {
        let e = eval(json!({}));
        for field in [
            "dsm5_criteria",
            "frequency",
            "pregnant",
            "medication_preference",
            "days_since_last_use",
        ] {
            assert!(
                e.missing.contains(&field.to_string()),
                "{field} in {:?}",
                e.missing
            );
        }
        // Fields are tried one at a time: housing and support matter once a return to
        // use is known (together they ask for residential care).
        assert!(!e.missing.contains(&"housing".to_string()));
        let e = eval(json!({"dsm5_criteria": 8, "relapse_history": true}));
        for field in ["housing", "support"] {
            assert!(
                e.missing.contains(&field.to_string()),
                "{field} in {:?}",
                e.missing
            );
        }
        // Mild use with a stable home and support: a co-occurring condition decides
        // between outpatient and intensive outpatient care.
        let e = eval(
            json!({"dsm5_criteria": 3, "housing": "stable", "support": "some", "other_substances": []}),
        );
        assert!(
            e.missing.contains(&"mental_health".to_string()),
            "mental_health in {:?}",
            e.missing
        );
        assert!(
            !e.missing.contains(&"country".to_string()),
            "for maintenance, country changes wording and helplines, no decision"
        );
        assert!(
            !e.missing.contains(&"needs_privacy".to_string()),
            "privacy changes no decision"
        );

        // With the DSM-5 count known, the pattern of use no longer matters for severity.
        let e = eval(json!({"dsm5_criteria": 9, "housing": "homeless"}));
        assert!(
            !e.missing.contains(&"frequency".to_string()),
            "{:?}",
            e.missing
        );
        assert!(!e.missing.contains(&"duration".to_string()));

        let everything = json!({"frequency": "daily", "duration": "over_5_years", "dsm5_criteria": 8, "quit_attempts": "several",
            "relapse_history": true, "injects": true, "mental_health": ["depression"], "other_substances": ["alcohol"],
            "medical_conditions": true, "pregnant": false, "housing": "homeless", "support": "none", "responsibilities": [],
            "needs_privacy": false, "completed_residential": false, "days_since_last_use": 2, "medication_preference": "open", "country": "us"});
        assert_eq!(
            eval(everything).missing,
            Vec::<String>::new(),
            "nothing unanswered matters when all is answered"
        );
    }

    #[test]
    fn the_same_answers_always_give_the_same_result() {
        let input =
            json!({"dsm5_criteria": 6, "housing": "unstable", "other_substances": ["alcohol"]});
        assert_eq!(eval(input.clone()), eval(input));
        assert!(RULES_VERSION.starts_with("1.") && RULES_VERSION.len() == 12);
    }

    /// The stated properties, checked over many generated answer sets (a fixed seed, so
    /// any failure repeats).
    #[test]
    fn properties_hold_for_many_generated_answers() {
        let mut seed: u64 = 0x5eed_1234_abcd_0001;
        let mut next = move |n: usize| -> usize {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..3000 {
            let mut a = Answers::default();
            for field in Field::ALL {
                let candidates = field.candidates();
                let pick = next(candidates.len() + 1);
                if pick < candidates.len() {
                    field.set(&mut a, &candidates[pick]).unwrap();
                }
            }
            let e = evaluate(&a, &[]);
            let ctx = format!("{a:?}");
            let declines = a.declines_agonists();
            let pregnant = a.pregnant == Some(true);
            let sedatives = uses_sedatives(&a);
            let [m, b, n] = [
                status(&e, "methadone"),
                status(&e, "buprenorphine"),
                status(&e, "naltrexone"),
            ];
            let no_disorder = e.severity == Severity::None;
            let naltrexone_an_option = !pregnant && !no_disorder;
            if a.days_since_last_use.is_some_and(|d| d < 7) && naltrexone_an_option {
                assert_eq!(n, MedicationStatus::NotYet, "{ctx}");
            }
            assert_eq!(
                alert_codes(&e).contains(&"naltrexone_wait"),
                a.days_since_last_use.is_some_and(|d| d < 7) && naltrexone_an_option,
                "{ctx}: the wait only where naltrexone is an option"
            );
            if no_disorder {
                // No disorder: a review, nothing suggested but naloxone.
                assert_eq!(e.approach.plan, Plan::Review, "{ctx}");
                for m in &e.medications {
                    assert!(
                        m.slug == "naloxone" || m.status != MedicationStatus::Suggested,
                        "{ctx}: {} suggested without a disorder",
                        m.slug
                    );
                }
            }
            if pregnant {
                // Never naltrexone, never a taper, never the wait, never lofexidine.
                assert_eq!(n, MedicationStatus::NotAdvised, "{ctx}");
                assert_ne!(e.approach.plan, Plan::Taper, "{ctx}");
                assert!(
                    !e.medications.iter().any(|m| m.slug == "lofexidine"),
                    "{ctx}"
                );
                assert!(alert_codes(&e).contains(&"pregnancy"), "{ctx}");
            }
            if pregnant && !no_disorder {
                assert!(
                    matches!(m, MedicationStatus::Suggested | MedicationStatus::Consider),
                    "{ctx}"
                );
                assert!(
                    matches!(b, MedicationStatus::Suggested | MedicationStatus::Consider),
                    "{ctx}"
                );
                assert_eq!(e.approach.plan, Plan::Maintenance, "{ctx}");
            } else if declines && !pregnant {
                assert_ne!(m, MedicationStatus::Suggested, "{ctx}");
                assert_ne!(b, MedicationStatus::Suggested, "{ctx}");
            }
            if e.approach.plan == Plan::Maintenance && !declines {
                assert!(
                    m == MedicationStatus::Suggested || b == MedicationStatus::Suggested,
                    "{ctx}"
                );
            }
            if sedatives {
                assert_ne!(m, MedicationStatus::NotAdvised, "{ctx}");
                assert_ne!(b, MedicationStatus::NotAdvised, "{ctx}");
                assert!(alert_codes(&e).contains(&"sedative_co_use"), "{ctx}");
            }
            if has_mental_health(&a) {
                assert_ne!(e.setting.level, Level::Outpatient, "{ctx}");
            }
            if e.approach.plan == Plan::Taper || a.days_since_last_use.is_some_and(|d| d >= 7) {
                assert!(
                    alert_codes(&e).contains(&"overdose_after_abstinence"),
                    "{ctx}"
                );
            }
            assert!(alert_codes(&e).contains(&"naloxone"), "{ctx}");
            assert_eq!(
                alert_codes(&e).contains(&"start_today"),
                !no_disorder && e.approach.plan == Plan::Maintenance,
                "{ctx}: start now whenever maintenance is the plan"
            );
            if alert_codes(&e).contains(&"buprenorphine_start") {
                assert_eq!(b, MedicationStatus::Suggested, "{ctx}");
            }
            assert_eq!(
                alert_codes(&e).contains(&"never_use_alone"),
                a.days_since_last_use.is_none_or(|d| d < 7),
                "{ctx}: anyone who may still be using hears it"
            );
            if a.country == Some(Country::Ca) {
                let text: String = e
                    .medications
                    .iter()
                    .flat_map(|m| m.reasons.iter().map(String::as_str))
                    .collect();
                assert!(
                    !e.medications.iter().any(|m| m.slug == "lofexidine"),
                    "{ctx}"
                );
                assert!(!text.contains("opioid treatment programs"), "{ctx}");
                assert!(!text.contains("Also comes as a monthly injection"), "{ctx}");
            }
            assert_eq!(
                a.injects == Some(true),
                alert_codes(&e).contains(&"injection_risks"),
                "{ctx}"
            );
            for field in &e.missing {
                assert!(
                    Field::from_name(field).unwrap().is_unknown(&a),
                    "{ctx}: {field} is answered"
                );
            }
            for slug in e
                .medications
                .iter()
                .map(|m| &m.slug)
                .chain(e.therapies.iter().map(|t| &t.slug))
                .chain(e.support.iter().map(|s| &s.slug))
            {
                assert!(SLUGS.contains(&slug.as_str()), "{slug} is listed in SLUGS");
            }
        }
    }
}

//! The rules, as tables a clinician can read (and `/rules` prints).
//!
//! Each rule is a row: an id, the condition in words (`when`) and as code (`test`), the
//! conclusion (`then`), the reason a caller understands, and its source. A row's place in
//! its table is its priority:
//! - severity, plan and each medicine: the first row whose condition holds decides;
//!   `Note` rows add a reason to what was decided without changing it;
//! - areas, setting: every row that holds asks for a risk or a level, and the highest
//!   one wins (scores are never added up or averaged);
//! - alerts, therapies, support and talking points: every row that holds is shown, in
//!   table order (alerts: most urgent first).
//!
//! Unknown answers are never guessed: a condition on an unknown answer is false, and an
//! area whose deciding answers are unknown is rated `unknown`, which counts as moderate.

use super::answers::{
    AgeGroup, Caller, Country, CurrentMedication, Declined, Frequency, Housing, MentalHealthStatus,
    Overdoses, PriorTreatment, QuitAttempts, Readiness, SedativeWithdrawalRisk, Substance, Support,
};
use super::facts::{Facts, Med};
use super::result::{
    AlertCode, Area, Level, MedicationKind, MedicationStatus, Plan, Risk, Severity, SeverityBasis,
};
use super::sources::Source::{self, *};

/// One row of a rule table.
pub struct Rule<T: 'static> {
    /// Stable id: named in results (`rules_fired`), reasons and translations.
    pub id: &'static str,
    /// The condition, in words.
    pub when: &'static str,
    pub test: fn(&Facts) -> bool,
    pub then: T,
    /// Why, in words a caller understands (for talking points and alerts: what is said).
    pub reason: &'static str,
    pub source: Source,
}

/// A conclusion that decides, or a note that only adds its reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then<T> {
    Is(T),
    Note,
}

/// What a medicine row concludes: a status, or that the medicine is not listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    As(MedicationStatus),
    NotListed,
}

/// What a setting row asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelAsk {
    AtLeast(Level),
    /// At most this level: a cap, which never lowers hospital care.
    AtMost(Level),
}

/// A talking point in the caller's person: to the person, or about them to someone else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Said {
    pub to_person: &'static str,
    pub about_person: &'static str,
}

macro_rules! rule {
    ($id:literal, $when:literal, $test:expr, $then:expr, $reason:literal, $source:expr $(,)?) => {
        Rule {
            id: $id,
            when: $when,
            test: $test,
            then: $then,
            reason: $reason,
            source: $source,
        }
    };
}

/// Declares a deciding table twice over: as rows (`NAME`, for `/rules`, the version
/// hash and explanations) and as a function (`each`) that runs the same conditions
/// inline, row by row, without a call through each row's function pointer. `missing`
/// decides dozens of times per evaluation, and the inline form is what keeps that fast.
///
/// `each(f, visit)` calls `visit(row, None)` for every row, in order; when it returns
/// true the row's condition is tested and `visit(row, Some(holds))` is called.
macro_rules! table {
    ($NAME:ident, $each:ident: $T:ty = [ $( ($id:literal, $when:literal, $test:expr, $then:expr, $reason:literal, $source:expr $(,)?) ),* $(,)? ]) => {
        pub static $NAME: &[Rule<$T>] = &[ $( Rule { id: $id, when: $when, test: $test, then: $then, reason: $reason, source: $source } ),* ];

        #[inline]
        pub fn $each(f: &Facts, mut visit: impl FnMut(&'static Rule<$T>, Option<bool>) -> bool) {
            let mut rows = $NAME.iter();
            $(
                let row = rows.next().expect("one row per condition");
                if visit(row, None) {
                    let holds = inline($test, f);
                    visit(row, Some(holds));
                }
            )*
        }
    };
}

/// Calls a row's condition where it is written, so the compiler can inline it.
#[inline(always)]
fn inline(test: impl Fn(&Facts) -> bool, f: &Facts) -> bool {
    test(f)
}

// ---------------------------------------------------------------------------------
// Severity: first row that holds decides.

table! {
    SEVERITY, severity_each: Then<(Severity, SeverityBasis)> = [
    (
        "severity.remission_on_treatment",
        "DSM-5 count is 0–1 while on a medication for opioid use disorder",
        |f| f.a.dsm5_criteria().is_some_and(|n| n <= 1) && (f.on_agonist() || f.on_naltrexone()),
        Then::Is((Severity::Remission, SeverityBasis::Dsm5)),
        "On medication for opioid use disorder with few or no criteria in the past year: this is remission on treatment, the medicine working, not a reason to stop it.",
        Dsm5
    ),
    (
        "severity.none",
        "DSM-5 count is 0–1",
        |f| f.a.dsm5_criteria().is_some_and(|n| n <= 1),
        Then::Is((Severity::None, SeverityBasis::Dsm5)),
        "0–1 of the 11 DSM-5 criteria are met: this does not indicate an opioid use disorder.",
        Dsm5
    ),
    (
        "severity.mild",
        "DSM-5 count is 2–3",
        |f| f.a.dsm5_criteria().is_some_and(|n| n <= 3),
        Then::Is((Severity::Mild, SeverityBasis::Dsm5)),
        "2–3 of the 11 DSM-5 criteria are met: a mild opioid use disorder.",
        Dsm5
    ),
    (
        "severity.moderate",
        "DSM-5 count is 4–5",
        |f| f.a.dsm5_criteria().is_some_and(|n| n <= 5),
        Then::Is((Severity::Moderate, SeverityBasis::Dsm5)),
        "4–5 of the 11 DSM-5 criteria are met: a moderate opioid use disorder.",
        Dsm5
    ),
    (
        "severity.severe",
        "DSM-5 count is 6 or more",
        |f| f.a.dsm5_criteria().is_some(),
        Then::Is((Severity::Severe, SeverityBasis::Dsm5)),
        "6 or more of the 11 DSM-5 criteria are met: a severe opioid use disorder.",
        Dsm5
    ),
    (
        "severity.unknown.prescribed",
        "no DSM-5 count; prescription pills only; no attempts to stop or returns to use said",
        |f| f.a.dsm5_criteria().is_none() && f.prescribed_only() && !f.tried_to_stop_or_returned(),
        Then::Is((Severity::Unknown, SeverityBasis::Unknown)),
        "Taking prescribed opioids every day brings tolerance and withdrawal, which on their own are not addiction. The DSM-5 questions are needed before any medicine for opioid use disorder is suggested.",
        Cdc2022
    ),
    (
        "severity.estimate.daily_long",
        "no DSM-5 count; daily use for over 5 years",
        |f| f.a.frequency() == Some(Frequency::Daily)
            && f.a.duration() == Some(super::answers::UseDuration::Over5Years),
        Then::Is((Severity::Severe, SeverityBasis::Estimate)),
        "Estimated from the pattern: daily use for over 5 years usually means a severe disorder. A clinician should confirm it with the DSM-5 criteria.",
        Dsm5
    ),
    (
        "severity.estimate.daily_returns",
        "no DSM-5 count; daily use with several attempts to stop or a return to use",
        |f| f.a.frequency() == Some(Frequency::Daily)
            && (f.a.quit_attempts() == Some(QuitAttempts::Several)
                || f.a.relapse_history() == Some(true)),
        Then::Is((Severity::Severe, SeverityBasis::Estimate)),
        "Estimated from the pattern: daily use with several attempts to stop, or a return to use after stopping, usually means a severe disorder. A clinician should confirm it.",
        Dsm5
    ),
    (
        "severity.estimate.light",
        "no DSM-5 count; less than daily, under a year, no attempts to stop, no return to use",
        |f| matches!(
            f.a.frequency(),
            Some(Frequency::Weekly | Frequency::Occasional)
        ) && f.a.duration() == Some(super::answers::UseDuration::Under1Year)
            && f.a.quit_attempts() == Some(QuitAttempts::None)
            && f.a.relapse_history() != Some(true),
        Then::Is((Severity::Mild, SeverityBasis::Estimate)),
        "Estimated from the pattern: use less than daily, for under a year, with no failed attempts to stop, suggests a mild disorder. A clinician should confirm it.",
        Dsm5
    ),
    (
        "severity.estimate.other",
        "no DSM-5 count; daily use, or a medication for opioid use disorder is taken",
        |f| f.a.frequency() == Some(Frequency::Daily) || f.on_agonist() || f.on_naltrexone(),
        Then::Is((Severity::Moderate, SeverityBasis::Estimate)),
        "Estimated from what is known: treated as moderate until a clinician goes through the DSM-5 criteria.",
        Dsm5
    ),
    (
        "severity.unknown",
        "otherwise",
        |_| true,
        Then::Is((Severity::Unknown, SeverityBasis::Unknown)),
        "Not enough is known yet: the DSM-5 count would tell.",
        Dsm5
    ),
    ]
}

// ---------------------------------------------------------------------------------
// The six areas: every row that holds asks for a risk; the highest wins.

table! {
    AREAS, areas_each: (Area, Risk) = [
    // Withdrawal
    (
        "area.withdrawal.sedative_seizures",
        "seizures or delirium tremens when stopping alcohol or benzodiazepines before, and still using them (or not known)",
        |f| f.dangerous_sedative_withdrawal(),
        (Area::Withdrawal, Risk::High),
        "Seizures or delirium tremens when stopping alcohol or benzodiazepines before, and still drinking or taking them: the next withdrawal needs medical care day and night.",
        AsamAlcoholWithdrawal2020
    ),
    (
        "area.withdrawal.sedative_daily",
        "heavy daily drinking or daily benzodiazepines",
        |f| f.a.sedative_withdrawal_risk() == Some(SedativeWithdrawalRisk::DailyHeavy),
        (Area::Withdrawal, Risk::Moderate),
        "Heavy daily drinking or daily benzodiazepines: stopping suddenly can cause seizures, so a clinician plans that withdrawal. A bed is not needed for that on its own.",
        AsamAlcoholWithdrawal2020
    ),
    (
        "area.withdrawal.cows",
        "COWS score of 13 or more",
        |f| f.a.cows_score().is_some_and(|s| s >= 13),
        (Area::Withdrawal, Risk::Moderate),
        "Opioid withdrawal is under way (a COWS score of 13 or more): medication started today treats it.",
        Cows2003
    ),
    (
        "area.withdrawal.daily_opioids",
        "daily use, still using, and not on methadone, buprenorphine or another agonist",
        |f| f.a.frequency() == Some(Frequency::Daily) && f.still_using() && !f.on_agonist(),
        (Area::Withdrawal, Risk::Moderate),
        "Daily use means withdrawal starts within a day of stopping; methadone or buprenorphine prevents it.",
        Tip63
    ),
    (
        "area.withdrawal.unknown_sedatives",
        "alcohol or benzodiazepines used (or not known), and how heavily not known",
        |f| f.a.sedative_withdrawal_risk().is_none()
            && f.a.other_substances().is_none_or(
                |s| s.contains(&Substance::Alcohol) || s.contains(&Substance::Benzodiazepines)
            ),
        (Area::Withdrawal, Risk::Unknown),
        "Not known yet whether drinking or benzodiazepines are heavy and daily, which decides how withdrawal from them is managed.",
        AsamAlcoholWithdrawal2020
    ),
    (
        "area.withdrawal.unknown_opioids",
        "how often opioids are used is not known, and no agonist is taken",
        |f| f.a.frequency().is_none() && !f.on_agonist(),
        (Area::Withdrawal, Risk::Unknown),
        "Not known yet how often opioids are used.",
        Tip63
    ),
    (
        "area.withdrawal.low",
        "none of the above",
        |_| true,
        (Area::Withdrawal, Risk::Low),
        "No sign of a dangerous withdrawal.",
        AsamCriteria2023
    ),
    // Physical health
    (
        "area.physical.urgent",
        "urgent medical signs",
        |f| f.a.medical_urgent() == Some(true),
        (Area::PhysicalHealth, Risk::High),
        "Signs that need a hospital today (fever with wounds, spreading redness, chest pain, trouble breathing or confusion).",
        AsamNpg2020
    ),
    (
        "area.physical.conditions",
        "medical problems that need care",
        |f| f.a.medical_conditions() == Some(true),
        (Area::PhysicalHealth, Risk::Moderate),
        "Medical problems that need care: a medical check soon, alongside treatment for opioid use.",
        AsamNpg2020
    ),
    (
        "area.physical.pregnant",
        "pregnant",
        |f| f.a.pregnant() == Some(true),
        (Area::PhysicalHealth, Risk::Moderate),
        "Pregnant: prenatal care goes alongside treatment. Pregnancy on its own does not call for a more intensive setting.",
        Acog711
    ),
    (
        "area.physical.pain",
        "chronic pain",
        |f| f.a.chronic_pain() == Some(true),
        (Area::PhysicalHealth, Risk::Moderate),
        "Chronic pain: pain care and opioid treatment need to be planned together.",
        Cdc2022
    ),
    (
        "area.physical.injects",
        "injects",
        |f| f.a.injects() == Some(true),
        (Area::PhysicalHealth, Risk::Moderate),
        "Injecting: check for wounds, infections, HIV and hepatitis C.",
        Tip63
    ),
    (
        "area.physical.unknown",
        "urgent medical signs not asked",
        |f| f.a.medical_urgent().is_none(),
        (Area::PhysicalHealth, Risk::Unknown),
        "Not known yet whether there are urgent medical signs.",
        AsamNpg2020
    ),
    (
        "area.physical.low",
        "none of the above",
        |_| true,
        (Area::PhysicalHealth, Risk::Low),
        "No urgent medical signs.",
        AsamCriteria2023
    ),
    // Mental health
    (
        "area.mental.suicidal",
        "thoughts of suicide or of overdosing on purpose",
        |f| f.a.suicidal_thoughts() == Some(true),
        (Area::MentalHealth, Risk::High),
        "Thoughts of suicide or of overdosing on purpose in the past month.",
        Lifeline988
    ),
    (
        "area.mental.crisis",
        "mental health in crisis",
        |f| f.a.mental_health_status() == Some(MentalHealthStatus::Crisis),
        (Area::MentalHealth, Risk::High),
        "Mental health in crisis now.",
        AsamCriteria2023
    ),
    (
        "area.mental.struggling",
        "mental health struggling",
        |f| f.a.mental_health_status() == Some(MentalHealthStatus::Struggling),
        (Area::MentalHealth, Risk::Moderate),
        "Struggling with mental health: care should treat it alongside the opioid use.",
        AsamNpg2020
    ),
    (
        "area.mental.condition",
        "a mental-health condition",
        |f| f.has_mental_health(),
        (Area::MentalHealth, Risk::Moderate),
        "A mental-health condition: best treated by the same team, alongside the opioid use, most often without a stay away from home.",
        AsamNpg2020
    ),
    (
        "area.mental.unknown",
        "suicidal thoughts not asked",
        |f| f.a.suicidal_thoughts().is_none(),
        (Area::MentalHealth, Risk::Unknown),
        "Not known yet whether there are thoughts of suicide.",
        Lifeline988
    ),
    (
        "area.mental.low",
        "none of the above",
        |_| true,
        (Area::MentalHealth, Risk::Low),
        "No mental-health crisis mentioned.",
        AsamCriteria2023
    ),
    // Readiness
    (
        "area.readiness.not_ready",
        "not ready to make a change",
        |f| f.a.readiness() == Some(Readiness::NotReady),
        (Area::Readiness, Risk::High),
        "Not ready for a change yet: keep the door open, keep naloxone close, and come back to it. A more intensive setting does not create readiness.",
        Tip63
    ),
    (
        "area.readiness.unsure",
        "unsure about change",
        |f| f.a.readiness() == Some(Readiness::Unsure),
        (Area::Readiness, Risk::Moderate),
        "Unsure about change: a conversation that weighs it in the person's own words helps.",
        Tip63
    ),
    (
        "area.readiness.unknown",
        "readiness not asked",
        |f| f.a.readiness().is_none(),
        (Area::Readiness, Risk::Unknown),
        "Not known yet how ready the person is for a change.",
        Tip63
    ),
    (
        "area.readiness.low",
        "wants help now",
        |_| true,
        (Area::Readiness, Risk::Low),
        "Wants help now.",
        Tip63
    ),
    // Use and overdose risk
    (
        "area.use.overdose",
        "an overdose in the past year",
        |f| matches!(
            f.a.overdoses_past_year(),
            Some(Overdoses::One | Overdoses::Several)
        ),
        (Area::UseAndOverdoseRisk, Risk::High),
        "An overdose in the past year: the strongest warning sign of another, possibly fatal, one.",
        AsamNpg2020
    ),
    (
        "area.use.attempts",
        "several attempts to stop, and not steady on medication",
        |f| f.a.quit_attempts() == Some(QuitAttempts::Several) && !f.stable_on_medication(),
        (Area::UseAndOverdoseRisk, Risk::High),
        "Several attempts to stop.",
        AsamCriteria2023
    ),
    (
        "area.use.relapse",
        "a return to use after stopping or treatment, and not steady on medication",
        |f| f.a.relapse_history() == Some(true) && !f.stable_on_medication(),
        (Area::UseAndOverdoseRisk, Risk::High),
        "A return to use after a time of not using, or after treatment.",
        AsamCriteria2023
    ),
    (
        "area.use.treatment_not_held",
        "earlier treatment, and still using in the past week",
        |f| f.a.prior_treatment().is_some_and(|t| !t.is_empty())
            && f.a.days_since_last_use().is_some_and(|d| d < 7),
        (Area::UseAndOverdoseRisk, Risk::High),
        "Earlier treatment did not hold: still using in the past week.",
        AsamCriteria2023
    ),
    (
        "area.use.released",
        "left jail, prison or hospital in the past month, and not steady on medication",
        |f| f.a.recently_released() == Some(true) && !f.stable_on_medication(),
        (Area::UseAndOverdoseRisk, Risk::High),
        "Left jail, prison or a hospital stay in the past month: after prison, tolerance is low and the risk of a fatal overdose is many times higher in the first weeks.",
        ReleaseFromPrison2007
    ),
    (
        "area.use.history_on_medication",
        "several attempts to stop, a return to use or a recent release, and now steady on medication",
        |f| f.stable_on_medication() && (f.a.quit_attempts() == Some(QuitAttempts::Several) || f.a.relapse_history() == Some(true) || f.a.recently_released() == Some(true)),
        (Area::UseAndOverdoseRisk, Risk::Moderate),
        "Earlier returns to use; now steady on medication, which is what protects most.",
        AsamNpg2020
    ),
    (
        "area.use.fentanyl",
        "fentanyl, counterfeit pills, heroin or other street opioids",
        |f| f.a.opioids().is_some_and(|o| !o.is_empty()) && f.fentanyl_possible(),
        (Area::UseAndOverdoseRisk, Risk::Moderate),
        "Street opioids, including heroin and pills, now usually contain fentanyl: the strength of each dose is unknown.",
        AsamHpso2023
    ),
    (
        "area.use.daily",
        "daily use",
        |f| f.a.frequency() == Some(Frequency::Daily),
        (Area::UseAndOverdoseRisk, Risk::Moderate),
        "Daily use.",
        AsamCriteria2023
    ),
    (
        "area.use.injects",
        "injects",
        |f| f.a.injects() == Some(true),
        (Area::UseAndOverdoseRisk, Risk::Moderate),
        "Injecting raises the risk of overdose.",
        Tip63
    ),
    (
        "area.use.sedatives",
        "alcohol or benzodiazepines as well",
        |f| f.uses_sedatives(),
        (Area::UseAndOverdoseRisk, Risk::Moderate),
        "Alcohol or benzodiazepines with opioids raise the risk of slowed breathing.",
        Fda2017Sedatives
    ),
    (
        "area.use.unknown_overdose",
        "overdoses in the past year not asked",
        |f| f.a.overdoses_past_year().is_none(),
        (Area::UseAndOverdoseRisk, Risk::Unknown),
        "Not known yet whether there was an overdose in the past year.",
        AsamNpg2020
    ),
    (
        "area.use.unknown_history",
        "attempts to stop and returns to use both not asked",
        |f| f.a.quit_attempts().is_none() && f.a.relapse_history().is_none(),
        (Area::UseAndOverdoseRisk, Risk::Unknown),
        "Not known yet whether there were attempts to stop or returns to use.",
        AsamCriteria2023
    ),
    (
        "area.use.low",
        "none of the above",
        |_| true,
        (Area::UseAndOverdoseRisk, Risk::Low),
        "No overdose and no repeated returns to use.",
        AsamCriteria2023
    ),
    // Living situation
    (
        "area.living.homeless",
        "homeless",
        |f| f.a.housing() == Some(Housing::Homeless),
        (Area::LivingSituation, Risk::High),
        "No place to live.",
        AsamCriteria2023
    ),
    (
        "area.living.unstable",
        "unstable housing",
        |f| f.a.housing() == Some(Housing::Unstable),
        (Area::LivingSituation, Risk::High),
        "Housing is not stable.",
        AsamCriteria2023
    ),
    (
        "area.living.no_support",
        "no support",
        |f| f.a.support() == Some(Support::None),
        (Area::LivingSituation, Risk::High),
        "No family or friends to lean on.",
        AsamCriteria2023
    ),
    (
        "area.living.unknown",
        "housing or support not asked",
        |f| f.a.housing().is_none() || f.a.support().is_none(),
        (Area::LivingSituation, Risk::Unknown),
        "Not known yet where the person lives or who supports them.",
        AsamCriteria2023
    ),
    (
        "area.living.low",
        "none of the above",
        |_| true,
        (Area::LivingSituation, Risk::Low),
        "A stable place to live and people to lean on.",
        AsamCriteria2023
    ),
    ]
}

// ---------------------------------------------------------------------------------
// Setting: every row that holds asks for a level; the most intensive wins.

table! {
    SETTING, setting_each: LevelAsk = [
    (
        "setting.hospital.medical",
        "urgent medical signs",
        |f| f.a.medical_urgent() == Some(true),
        LevelAsk::AtLeast(Level::Hospital),
        "Signs that need a hospital today: go to an emergency department now. Medication for opioid use can be started there.",
        AsamNpg2020
    ),
    (
        "setting.hospital.suicidal",
        "thoughts of suicide or of overdosing on purpose",
        |f| f.a.suicidal_thoughts() == Some(true),
        LevelAsk::AtLeast(Level::Hospital),
        "Thoughts of suicide: call or text 988 (9-8-8 in Canada) or go to an emergency department now.",
        Lifeline988
    ),
    (
        "setting.hospital.crisis",
        "mental health in crisis",
        |f| f.a.mental_health_status() == Some(MentalHealthStatus::Crisis),
        LevelAsk::AtLeast(Level::Hospital),
        "A mental-health crisis: an emergency department or crisis team today.",
        AsamCriteria2023
    ),
    (
        "setting.inpatient.use_and_living",
        "use-and-overdose risk high AND living situation high",
        |f| f.risk(Area::UseAndOverdoseRisk) == Risk::High
            && f.risk(Area::LivingSituation) == Risk::High,
        LevelAsk::AtLeast(Level::Inpatient),
        "A high risk of overdose or return to use together with a home situation that works against recovery: a residential program gives a safe place and support day and night while medication starts.",
        AsamCriteria2023
    ),
    (
        "setting.inpatient.sedative_withdrawal",
        "seizures or delirium tremens when stopping alcohol or benzodiazepines before, and still using them (or not known)",
        |f| f.dangerous_sedative_withdrawal(),
        LevelAsk::AtLeast(Level::Inpatient),
        "A dangerous withdrawal from alcohol or benzodiazepines before, and still using them: the next one needs medical care day and night.",
        AsamAlcoholWithdrawal2020
    ),
    (
        "setting.intensive.use",
        "use-and-overdose risk high",
        |f| f.risk(Area::UseAndOverdoseRisk) == Risk::High,
        LevelAsk::AtLeast(Level::IntensiveOutpatient),
        "A high risk of overdose or return to use: several sessions a week at the start, with medication.",
        AsamCriteria2023
    ),
    (
        "setting.intensive.living",
        "living situation high",
        |f| f.risk(Area::LivingSituation) == Risk::High,
        LevelAsk::AtLeast(Level::IntensiveOutpatient),
        "No stable place to live, or no one to lean on: several sessions a week, with help on housing and support. A bed is not needed to start medication.",
        AsamCriteria2023
    ),
    (
        "setting.intensive.not_known",
        "use-and-overdose risk or living situation not known",
        |f| f.risk(Area::UseAndOverdoseRisk) == Risk::Unknown
            || f.risk(Area::LivingSituation) == Risk::Unknown,
        LevelAsk::AtLeast(Level::IntensiveOutpatient),
        "Overdose history, returns to use, housing or support are not known yet, so the suggestion leans to more support until they are.",
        AsamCriteria2023
    ),
    (
        "setting.outpatient",
        "always",
        |_| true,
        LevelAsk::AtLeast(Level::Outpatient),
        "Regular visits with a clinician while living where you are now: enough to start.",
        AsamNpg2020
    ),
    (
        "setting.step_down",
        "just finished residential care, stable housing, support, no other drug use",
        |f| f.a.completed_residential() == Some(true) && f.a.housing() == Some(Housing::Stable) && f.has_support() && f.a.other_substances().is_some_and(<[_]>::is_empty),
        LevelAsk::AtMost(Level::IntensiveOutpatient),
        "Just finished residential treatment, with stable housing, support and no other drug use: the next step is intensive outpatient care, not another residential stay.",
        Tip63
    ),
    (
        "setting.stable_on_medication",
        "steady on medication (30+ days without non-prescribed opioids), no dangerous sedative withdrawal",
        |f| f.stable_on_medication() && !f.dangerous_sedative_withdrawal(),
        LevelAsk::AtMost(Level::Outpatient),
        "Already steady on medication: keep the current prescriber; a new setting is not needed.",
        AsamNpg2020
    ),
    (
        "setting.no_disorder",
        "no disorder indicated (0–1 criteria)",
        |f| f.severity == Severity::None && !f.dangerous_sedative_withdrawal(),
        LevelAsk::AtMost(Level::Outpatient),
        "No opioid use disorder indicated: a review with the prescribing clinician or a family doctor, not an addiction program.",
        Cdc2022
    ),
    ]
}

// ---------------------------------------------------------------------------------
// Plan: first row that holds decides; notes add their reason.

table! {
    PLAN, plan_each: Then<(Plan, Option<MedicationKind>)> = [
    (
        "plan.review",
        "no opioid use disorder indicated (0–1 criteria), or prescribed opioids only and the count not asked",
        |f| !f.disorder_possible(),
        Then::Is((Plan::Review, None)),
        "No opioid use disorder is indicated: a clinician reviews the opioid use. Someone on prescribed opioids for pain is not tapered by default, and never stopped abruptly.",
        Cdc2022
    ),
    (
        "plan.pregnancy.naltrexone",
        "pregnant and already taking naltrexone",
        |f| f.pregnant() && f.on_naltrexone(),
        Then::Is((Plan::Maintenance, Some(MedicationKind::Antagonist))),
        "Pregnant while taking naltrexone: it may be continued after talking it through with the prenatal and addiction clinicians; stopping it suddenly leaves no protection and low tolerance.",
        AsamNpg2020
    ),
    (
        "plan.pregnancy",
        "pregnant, disorder indicated or severity not known",
        |f| f.pregnant(),
        Then::Is((Plan::Maintenance, Some(MedicationKind::Agonist))),
        "Pregnant: methadone or buprenorphine is recommended. Withdrawal or a taper in pregnancy often ends in a return to use and a risk of overdose.",
        Acog711
    ),
    (
        "plan.continue.agonist",
        "already on methadone, buprenorphine, slow-release oral morphine or injectable OAT",
        |f| f.on_agonist(),
        Then::Is((Plan::Maintenance, Some(MedicationKind::Agonist))),
        "Already on an opioid agonist medicine: keep taking it. Staying on it protects against overdose.",
        AsamNpg2020
    ),
    (
        "plan.continue.naltrexone",
        "already on naltrexone",
        |f| f.on_naltrexone(),
        Then::Is((Plan::Maintenance, Some(MedicationKind::Antagonist))),
        "Already on naltrexone: keep taking it, with naloxone close in case of a return to use.",
        AsamNpg2020
    ),
    (
        "plan.no_medication",
        "every medicine declined",
        |f| f.a.declines_all_medication(),
        Then::Is((Plan::NoMedication, None)),
        "Every medicine was declined, and that choice is respected: counselling and support, with the door to medication kept open. Without medication the risk of a fatal overdose is higher, so naloxone matters even more.",
        Tip63
    ),
    (
        "plan.antagonist",
        "methadone and buprenorphine declined, 7 or more days without opioids",
        |f| f.a.declines_agonists() && f.a.days_since_last_use().is_some_and(|d| d >= 7),
        Then::Is((Plan::Maintenance, Some(MedicationKind::Antagonist))),
        "Methadone and buprenorphine were declined and opioids were stopped at least a week ago: naltrexone, which blocks opioids, can protect against a return to use.",
        AsamNpg2020
    ),
    (
        "plan.taper",
        "methadone and buprenorphine declined, still using or not known",
        |f| f.a.declines_agonists(),
        Then::Is((Plan::Taper, None)),
        "Methadone and buprenorphine were declined, so the plan is a supervised withdrawal: non-opioid medicines (clonidine; in the US also lofexidine) ease the symptoms, then naltrexone can protect against a return to use.",
        Tip63
    ),
    (
        "plan.maintenance",
        "otherwise",
        |_| true,
        Then::Is((Plan::Maintenance, Some(MedicationKind::Agonist))),
        "Methadone or buprenorphine, taken long term, most lowers the risk of overdose and death. Tapering later can be discussed.",
        AsamNpg2020
    ),
    (
        "plan.note.taper_risk",
        "taper or no medication, with a high use-and-overdose risk",
        |f| matches!(f.plan, Plan::Taper | Plan::NoMedication)
            && f.risk(Area::UseAndOverdoseRisk) == Risk::High,
        Then::Note,
        "This carries real added risk: most people who stop without medication return to use, and with low tolerance a return can be fatal. Naloxone at hand and close follow-up reduce the risk; maintenance stays open at any time.",
        Crism2024
    ),
    (
        "plan.note.taper_slow",
        "taper",
        |f| f.plan == Plan::Taper,
        Then::Note,
        "Withdrawal alone is not recommended. If it is chosen, the safest way is a slow taper on a short course of methadone or buprenorphine, with medication offered again at once if cravings return.",
        Crism2024
    ),
    (
        "plan.note.pregnancy_declined",
        "pregnant and methadone and buprenorphine declined",
        |f| f.pregnant() && f.a.declines_agonists() && !f.on_naltrexone(),
        Then::Note,
        "Methadone and buprenorphine were declined: worth talking through with the prenatal and addiction clinicians. If they are still declined, a withdrawal supervised by a clinician experienced in pregnancy care is possible, with close follow-up and naloxone; stopping alone is not safe.",
        Acog711
    ),
    (
        "plan.note.pregnant_no_disorder",
        "pregnant, no disorder indicated",
        |f| f.a.pregnant() == Some(true) && !f.disorder_possible(),
        Then::Note,
        "Pregnant: talk the opioid use through with the prenatal clinician; methadone or buprenorphine only if an opioid use disorder is diagnosed.",
        Acog711
    ),
    ]
}

// ---------------------------------------------------------------------------------
// Medicines, in the order they are listed: for each, the first row that holds decides.

table! {
    MEDICATIONS, medications_each: (Med, Then<Listed>) = [
    // Methadone
    (
        "med.methadone.continue",
        "already on methadone",
        |f| f.a.current_medication() == Some(CurrentMedication::Methadone),
        (
            Med::Methadone,
            Then::Is(Listed::As(MedicationStatus::Continue))
        ),
        "Already on methadone: keep taking it and do not stop suddenly. If it is not working well enough, the dose can change.",
        AsamNpg2020
    ),
    (
        "med.methadone.no_disorder",
        "no disorder indicated (or prescribed opioids only, count not asked)",
        |f| !f.disorder_possible(),
        (Med::Methadone, Then::Is(Listed::NotListed)),
        "",
        AsamNpg2020
    ),
    (
        "med.methadone.declined",
        "methadone declined",
        |f| f.a.declines(Declined::Methadone),
        (
            Med::Methadone,
            Then::Is(Listed::As(MedicationStatus::Consider))
        ),
        "Methadone was declined, and that is respected. It stays open: of all treatments it most lowers the risk of death.",
        AsamNpg2020
    ),
    (
        "med.methadone.under_16",
        "under 16",
        |f| f.a.age_group() == Some(AgeGroup::Under16),
        (
            Med::Methadone,
            Then::Is(Listed::As(MedicationStatus::Consider))
        ),
        "Under 16: only with a youth addiction specialist, and with consent rules that vary by state or province.",
        Aap2016
    ),
    (
        "med.methadone.on_other",
        "on another medicine for opioid use disorder",
        |f| f.on_agonist() || f.on_naltrexone(),
        (
            Med::Methadone,
            Then::Is(Listed::As(MedicationStatus::Consider))
        ),
        "An option to switch to if the current medicine is not working well enough.",
        AsamNpg2020
    ),
    (
        "med.methadone.tolerance_not_known",
        "severity estimated or not known, and daily use not known",
        |f| f.basis != SeverityBasis::Dsm5 && f.a.frequency() != Some(Frequency::Daily) && !f.on_agonist(),
        (Med::Methadone, Then::Is(Listed::As(MedicationStatus::Consider))),
        "Methadone suits people used to opioids every day; a clinician checks that first, because it is dangerous for someone who is not.",
        AsamNpg2020
    ),
    (
        "med.methadone.first_line",
        "agonist maintenance plan",
        |f| f.medication == Some(MedicationKind::Agonist),
        (Med::Methadone, Then::Is(Listed::As(MedicationStatus::Suggested))),
        "First-line, like buprenorphine: a long-acting opioid medicine taken once a day. The dose is raised slowly and the first weeks are the riskiest, so no alcohol, benzodiazepines or other opioids on top. With fentanyl, some people do better on methadone.",
        Crism2024
    ),
    (
        "med.methadone.other",
        "otherwise",
        |_| true,
        (
            Med::Methadone,
            Then::Is(Listed::As(MedicationStatus::Consider))
        ),
        "An option to discuss with a clinician.",
        AsamNpg2020
    ),
    (
        "med.methadone.pregnancy",
        "pregnant",
        |f| f.pregnant(),
        (Med::Methadone, Then::Note),
        "Recommended in pregnancy: it steadies the level of opioid; the baby may need care for withdrawal after birth, which is expected and treatable.",
        Acog711
    ),
    (
        "med.methadone.us",
        "in the US",
        |f| f.a.country() == Some(Country::Us),
        (Med::Methadone, Then::Note),
        "In the US it is given at certified opioid treatment programs. Since 2024 they may give take-home doses from the first weeks, on clinical judgement, and may not make medication depend on counselling.",
        Part8Rule2024
    ),
    (
        "med.methadone.ca",
        "in Canada",
        |f| f.a.country() == Some(Country::Ca),
        (Med::Methadone, Then::Note),
        "In Canada a doctor or nurse practitioner prescribes it and a community pharmacy dispenses it, with doses taken there at first and take-home doses as things settle.",
        Crism2024
    ),
    (
        "med.methadone.country_unknown",
        "country not known",
        |f| f.a.country().is_none(),
        (Med::Methadone, Then::Note),
        "In the US it is given at certified opioid treatment programs; in Canada a doctor or nurse practitioner prescribes it and a pharmacy dispenses it.",
        Part8Rule2024
    ),
    (
        "med.methadone.sedatives",
        "alcohol or benzodiazepines as well",
        |f| f.uses_sedatives(),
        (Med::Methadone, Then::Note),
        "Alcohol or benzodiazepines add to the risk of slowed breathing; the FDA advises treating anyway and managing that risk, not withholding this medicine.",
        Fda2017Sedatives
    ),
    // Buprenorphine
    (
        "med.buprenorphine.continue",
        "already on buprenorphine",
        |f| f.a.current_medication() == Some(CurrentMedication::Buprenorphine),
        (
            Med::Buprenorphine,
            Then::Is(Listed::As(MedicationStatus::Continue))
        ),
        "Already on buprenorphine: keep taking it and do not stop suddenly.",
        AsamNpg2020
    ),
    (
        "med.buprenorphine.no_disorder",
        "no disorder indicated (or prescribed opioids only, count not asked)",
        |f| !f.disorder_possible(),
        (Med::Buprenorphine, Then::Is(Listed::NotListed)),
        "",
        AsamNpg2020
    ),
    (
        "med.buprenorphine.declined",
        "buprenorphine declined",
        |f| f.a.declines(Declined::Buprenorphine),
        (
            Med::Buprenorphine,
            Then::Is(Listed::As(MedicationStatus::Consider))
        ),
        "Buprenorphine was declined, and that is respected. It stays open if things change.",
        AsamNpg2020
    ),
    (
        "med.buprenorphine.under_16",
        "under 16",
        |f| f.a.age_group() == Some(AgeGroup::Under16),
        (Med::Buprenorphine, Then::Is(Listed::As(MedicationStatus::Consider))),
        "Under 16: only with a youth addiction specialist (in the US it is labelled from age 16).",
        BuprenorphineLabel
    ),
    (
        "med.buprenorphine.pregnant_on_methadone",
        "pregnant and on methadone",
        |f| f.pregnant() && f.a.current_medication() == Some(CurrentMedication::Methadone),
        (Med::Buprenorphine, Then::Is(Listed::As(MedicationStatus::Consider))),
        "Switching from methadone to buprenorphine during pregnancy is not usually advised: it risks sudden withdrawal.",
        AsamNpg2020
    ),
    (
        "med.buprenorphine.on_other",
        "on another medicine for opioid use disorder",
        |f| f.on_agonist() || f.on_naltrexone(),
        (
            Med::Buprenorphine,
            Then::Is(Listed::As(MedicationStatus::Consider))
        ),
        "An option to switch to if the current medicine is not working well enough.",
        AsamNpg2020
    ),
    (
        "med.buprenorphine.first_line",
        "agonist maintenance plan",
        |f| f.medication == Some(MedicationKind::Agonist),
        (Med::Buprenorphine, Then::Is(Listed::As(MedicationStatus::Suggested))),
        "First-line, like methadone: a film or tablet under the tongue, usually with naloxone added (buprenorphine-naloxone), prescribed by a clinic, by telehealth or virtual care; the pharmacy may watch doses at first, with take-home doses later.",
        Crism2024
    ),
    (
        "med.buprenorphine.other",
        "otherwise",
        |_| true,
        (
            Med::Buprenorphine,
            Then::Is(Listed::As(MedicationStatus::Consider))
        ),
        "An option to discuss with a clinician.",
        AsamNpg2020
    ),
    (
        "med.buprenorphine.fentanyl_start",
        "street opioids (or not known), not already on buprenorphine",
        |f| f.fentanyl_possible() && f.a.current_medication() != Some(CurrentMedication::Buprenorphine),
        (Med::Buprenorphine, Then::Note),
        "After fentanyl, starting too soon can bring on sudden withdrawal: prescribers wait for clear withdrawal or use a low-dose start.",
        AsamHpso2023
    ),
    (
        "med.buprenorphine.pregnancy",
        "pregnant",
        |f| f.pregnant(),
        (Med::Buprenorphine, Then::Note),
        "Recommended in pregnancy; buprenorphine alone and buprenorphine-naloxone are both used. Someone already on one keeps taking it.",
        SamhsaPregnancy2018
    ),
    (
        "med.buprenorphine.sedatives",
        "alcohol or benzodiazepines as well",
        |f| f.uses_sedatives(),
        (Med::Buprenorphine, Then::Note),
        "Alcohol or benzodiazepines add to the risk of slowed breathing; the FDA advises treating anyway and managing that risk, not withholding this medicine.",
        Fda2017Sedatives
    ),
    (
        "med.buprenorphine.canada_minor",
        "in Canada, under 18",
        |f| f.a.country() == Some(Country::Ca) && f.minor(),
        (Med::Buprenorphine, Then::Note),
        "In Canada buprenorphine-naloxone is approved for adults; under 18 it is prescribed off-label by a clinician experienced with youth.",
        HealthCanadaProducts
    ),
    // Extended-release buprenorphine
    (
        "med.xr_buprenorphine.continue",
        "already on extended-release buprenorphine",
        |f| f.a.current_medication() == Some(CurrentMedication::ExtendedReleaseBuprenorphine),
        (
            Med::ExtendedReleaseBuprenorphine,
            Then::Is(Listed::As(MedicationStatus::Continue))
        ),
        "Already on extended-release buprenorphine: keep the injections on schedule.",
        AsamNpg2020
    ),
    (
        "med.xr_buprenorphine.not_for",
        "no disorder, buprenorphine or injections declined, or under 18",
        |f| !f.disorder_possible()
            || f.a.declines(Declined::Buprenorphine)
            || f.a.declines(Declined::Injections)
            || f.minor(),
        (
            Med::ExtendedReleaseBuprenorphine,
            Then::Is(Listed::NotListed)
        ),
        "",
        ExtendedReleaseLabels
    ),
    (
        "med.xr_buprenorphine.pregnancy",
        "pregnant, buprenorphine suggested or taken",
        |f| f.pregnant() && matches!(f.status(Med::Buprenorphine), Some(MedicationStatus::Suggested | MedicationStatus::Continue)),
        (Med::ExtendedReleaseBuprenorphine, Then::Is(Listed::As(MedicationStatus::Consider))),
        "Few studies in pregnancy so far; most pregnant people use daily buprenorphine.",
        ExtendedReleaseLabels
    ),
    (
        "med.xr_buprenorphine.fits",
        "buprenorphine suggested, and unstable housing, just released, or privacy needed",
        |f| f.status(Med::Buprenorphine) == Some(MedicationStatus::Suggested) && (f.housing_at_risk() || f.a.recently_released() == Some(true) || f.a.needs_privacy() == Some(true)),
        (Med::ExtendedReleaseBuprenorphine, Then::Is(Listed::As(MedicationStatus::Suggested))),
        "An injection once buprenorphine is tolerated (monthly; in the US also weekly): no daily doses to keep safe or remember, which suits unstable housing, leaving jail or hospital, or wanting privacy.",
        AsamNpg2020
    ),
    (
        "med.xr_buprenorphine.option",
        "buprenorphine suggested or taken",
        |f| matches!(
            f.status(Med::Buprenorphine),
            Some(MedicationStatus::Suggested | MedicationStatus::Continue)
        ),
        (
            Med::ExtendedReleaseBuprenorphine,
            Then::Is(Listed::As(MedicationStatus::Consider))
        ),
        "A monthly or weekly injection instead of daily doses, once buprenorphine is tolerated (adults).",
        ExtendedReleaseLabels
    ),
    (
        "med.xr_buprenorphine.otherwise",
        "otherwise",
        |_| true,
        (
            Med::ExtendedReleaseBuprenorphine,
            Then::Is(Listed::NotListed)
        ),
        "",
        ExtendedReleaseLabels
    ),
    // Extended-release naltrexone (US)
    (
        "med.xr_naltrexone.continue",
        "already on extended-release naltrexone",
        |f| f.a.current_medication() == Some(CurrentMedication::ExtendedReleaseNaltrexone),
        (
            Med::ExtendedReleaseNaltrexone,
            Then::Is(Listed::As(MedicationStatus::Continue))
        ),
        "Already on the monthly naltrexone injection: keep it on schedule (in Canada it comes through Health Canada's special access); protection fades near the end of each month.",
        NaltrexoneLabel
    ),
    (
        "med.xr_naltrexone.canada",
        "in Canada",
        |f| f.a.country() == Some(Country::Ca),
        (Med::ExtendedReleaseNaltrexone, Then::Is(Listed::NotListed)),
        "Not marketed in Canada (special access only).",
        HealthCanadaProducts
    ),

    (
        "med.xr_naltrexone.not_for",
        "no disorder, naltrexone or injections declined, or under 18",
        |f| !f.disorder_possible()
            || f.a.declines(Declined::Naltrexone)
            || f.a.declines(Declined::Injections)
            || f.minor(),
        (Med::ExtendedReleaseNaltrexone, Then::Is(Listed::NotListed)),
        "",
        ExtendedReleaseLabels
    ),
    (
        "med.xr_naltrexone.pregnancy",
        "pregnant",
        |f| f.pregnant(),
        (
            Med::ExtendedReleaseNaltrexone,
            Then::Is(Listed::As(MedicationStatus::NotAdvised))
        ),
        "Not started in pregnancy: starting it needs withdrawal first, which is not advised while pregnant.",
        Acog711
    ),
    (
        "med.xr_naltrexone.ready",
        "naltrexone is the plan and 7 or more days without opioids",
        |f| f.naltrexone_is_the_option() && f.a.days_since_last_use().is_some_and(|d| d >= 7),
        (Med::ExtendedReleaseNaltrexone, Then::Is(Listed::As(MedicationStatus::Suggested))),
        "At least 7 days without heroin, fentanyl or pills: a monthly injection that blocks opioids and helps prevent a return to use.",
        AsamNpg2020
    ),
    (
        "med.xr_naltrexone.wait",
        "naltrexone is the plan, fewer than 7 days without opioids or not known",
        |f| f.naltrexone_is_the_option(),
        (
            Med::ExtendedReleaseNaltrexone,
            Then::Is(Listed::As(MedicationStatus::NotYet))
        ),
        "Needs 7–10 days without short-acting opioids first, or it brings on sudden withdrawal.",
        NaltrexoneLabel
    ),
    (
        "med.xr_naltrexone.after_agonist",
        "on methadone or buprenorphine",
        |f| f.on_agonist(),
        (
            Med::ExtendedReleaseNaltrexone,
            Then::Is(Listed::As(MedicationStatus::Consider))
        ),
        "Switching to it means stopping methadone or buprenorphine first: up to 14 days, with a test dose, to avoid sudden withdrawal.",
        NaltrexoneLabel
    ),
    (
        "med.xr_naltrexone.alternative",
        "otherwise",
        |_| true,
        (
            Med::ExtendedReleaseNaltrexone,
            Then::Is(Listed::As(MedicationStatus::Consider))
        ),
        "An alternative for people who want a non-opioid medicine; it needs 7–10 opioid-free days first.",
        AsamNpg2020
    ),
    (
        "med.xr_naltrexone.country_unknown",
        "country not known",
        |f| f.a.country().is_none(),
        (Med::ExtendedReleaseNaltrexone, Then::Note),
        "In the US; in Canada only through Health Canada's special access.",
        HealthCanadaProducts
    ),
    (
        "med.xr_naltrexone.after_stopping_agonist",
        "methadone or buprenorphine taken before, not now",
        |f| f.a.prior_treatment().is_none_or(|t| t.contains(&PriorTreatment::Medication)) && !f.on_agonist(),
        (Med::ExtendedReleaseNaltrexone, Then::Note),
        "If methadone or buprenorphine was stopped in the past 2 weeks, wait longer: starting too soon brings on sudden, severe withdrawal. A clinician may give a small test dose first.",
        NaltrexoneLabel
    ),
    (
        "med.xr_naltrexone.tolerance",
        "always",
        |_| true,
        (Med::ExtendedReleaseNaltrexone, Then::Note),
        "Tolerance is low while on it and after stopping, so an overdose is more likely if opioids are used.",
        NaltrexoneLabel
    ),
    // Naltrexone tablets
    (
        "med.naltrexone.continue",
        "already on naltrexone tablets",
        |f| f.a.current_medication() == Some(CurrentMedication::Naltrexone),
        (
            Med::Naltrexone,
            Then::Is(Listed::As(MedicationStatus::Continue))
        ),
        "Already on naltrexone: keep taking it, ideally with someone seeing each dose.",
        AsamNpg2020
    ),
    (
        "med.naltrexone.not_for",
        "no disorder, or naltrexone declined",
        |f| !f.disorder_possible() || f.a.declines(Declined::Naltrexone),
        (Med::Naltrexone, Then::Is(Listed::NotListed)),
        "",
        AsamNpg2020
    ),
    (
        "med.naltrexone.pregnancy",
        "pregnant",
        |f| f.pregnant(),
        (
            Med::Naltrexone,
            Then::Is(Listed::As(MedicationStatus::NotAdvised))
        ),
        "Not started in pregnancy: starting it needs withdrawal first, which is not advised while pregnant.",
        Acog711
    ),
    (
        "med.naltrexone.ready_canada",
        "in Canada, naltrexone is the plan and 7 or more days without opioids",
        |f| f.a.country() == Some(Country::Ca)
            && f.naltrexone_is_the_option()
            && f.a.days_since_last_use().is_some_and(|d| d >= 7),
        (
            Med::Naltrexone,
            Then::Is(Listed::As(MedicationStatus::Suggested))
        ),
        "At least 7 days without opioids: a daily tablet that blocks opioids (the form available in Canada). It works best when someone sees each dose taken.",
        Crism2018
    ),
    (
        "med.naltrexone.wait",
        "naltrexone is the plan, fewer than 7 days without opioids or not known",
        |f| f.naltrexone_is_the_option() && f.a.days_since_last_use().is_none_or(|d| d < 7),
        (
            Med::Naltrexone,
            Then::Is(Listed::As(MedicationStatus::NotYet))
        ),
        "Needs 7–10 days without short-acting opioids first, or it brings on sudden withdrawal.",
        NaltrexoneLabel
    ),
    (
        "med.naltrexone.after_agonist",
        "on methadone or buprenorphine",
        |f| f.on_agonist(),
        (
            Med::Naltrexone,
            Then::Is(Listed::As(MedicationStatus::Consider))
        ),
        "Switching to it means stopping methadone or buprenorphine first: up to 14 days, with a test dose, to avoid sudden withdrawal.",
        NaltrexoneLabel
    ),
    (
        "med.naltrexone.supervised",
        "otherwise",
        |_| true,
        (
            Med::Naltrexone,
            Then::Is(Listed::As(MedicationStatus::Consider))
        ),
        "Daily tablets work only when someone sees each dose taken; without that, they do little better than no medicine.",
        AsamNpg2020
    ),
    (
        "med.naltrexone.after_stopping_agonist",
        "methadone or buprenorphine taken before, not now",
        |f| f.a.prior_treatment().is_none_or(|t| t.contains(&PriorTreatment::Medication)) && !f.on_agonist(),
        (Med::Naltrexone, Then::Note),
        "If methadone or buprenorphine was stopped in the past 2 weeks, wait longer: starting too soon brings on sudden, severe withdrawal. A clinician may give a small test dose first.",
        NaltrexoneLabel
    ),
    (
        "med.naltrexone.tolerance",
        "always",
        |_| true,
        (Med::Naltrexone, Then::Note),
        "Tolerance is low while on it and after stopping, so an overdose is more likely if opioids are used.",
        NaltrexoneLabel
    ),
    // Slow-release oral morphine (Canada)
    (
        "med.srom.continue",
        "already on slow-release oral morphine",
        |f| f.a.current_medication() == Some(CurrentMedication::SlowReleaseOralMorphine),
        (
            Med::SlowReleaseOralMorphine,
            Then::Is(Listed::As(MedicationStatus::Continue))
        ),
        "Already on slow-release oral morphine: keep taking it; do not stop suddenly.",
        Crism2024
    ),
    (
        "med.srom.tried",
        "in Canada, disorder, not pregnant, agonists not declined, methadone or buprenorphine tried",
        |f| f.a.country() == Some(Country::Ca)
            && f.disorder_possible()
            && !f.pregnant()
            && !f.a.declines_agonists()
            && (f
                .a
                .prior_treatment()
                .is_some_and(|t| t.contains(&PriorTreatment::Medication))
                || matches!(
                    f.a.current_medication(),
                    Some(CurrentMedication::Methadone | CurrentMedication::Buprenorphine)
                )),
        (
            Med::SlowReleaseOralMorphine,
            Then::Is(Listed::As(MedicationStatus::Consider))
        ),
        "In Canada, once-daily slow-release oral morphine is an option when methadone or buprenorphine has been tried and did not suit.",
        Crism2024
    ),
    (
        "med.srom.otherwise",
        "otherwise",
        |_| true,
        (Med::SlowReleaseOralMorphine, Then::Is(Listed::NotListed)),
        "",
        Crism2024
    ),
    // Injectable OAT (Canada)
    (
        "med.ioat.continue",
        "already on injectable OAT",
        |f| f.a.current_medication() == Some(CurrentMedication::InjectableOat),
        (
            Med::InjectableOat,
            Then::Is(Listed::As(MedicationStatus::Continue))
        ),
        "Already on injectable OAT: keep going; it is open-ended, and any change is decided together.",
        CrismInjectable2019
    ),
    (
        "med.ioat.oral_did_not_hold",
        "in Canada, injecting, oral treatment tried, still using or not known",
        |f| f.a.country() == Some(Country::Ca)
            && f.a.injects() == Some(true)
            && f.disorder_possible()
            && !f.pregnant()
            && (f
                .a
                .prior_treatment()
                .is_some_and(|t| t.contains(&PriorTreatment::Medication))
                || f.on_agonist())
            && f.a.days_since_last_use().is_none_or(|d| d < 7),
        (
            Med::InjectableOat,
            Then::Is(Listed::As(MedicationStatus::Consider))
        ),
        "Still injecting although oral treatment was tried: in parts of Canada, supervised injectable treatment with hydromorphone or diacetylmorphine is an option.",
        CrismInjectable2019
    ),
    (
        "med.ioat.otherwise",
        "otherwise",
        |_| true,
        (Med::InjectableOat, Then::Is(Listed::NotListed)),
        "",
        CrismInjectable2019
    ),
    // Lofexidine (US)
    (
        "med.lofexidine.taper",
        "taper, in the US or country not known, not pregnant",
        |f| f.plan == Plan::Taper && f.a.country() != Some(Country::Ca) && !f.pregnant(),
        (Med::Lofexidine, Then::Is(Listed::As(MedicationStatus::Consider))),
        "A non-opioid medicine that eases withdrawal symptoms when stopping opioids.",
        LofexidineLabel
    ),
    (
        "med.lofexidine.otherwise",
        "otherwise",
        |_| true,
        (Med::Lofexidine, Then::Is(Listed::NotListed)),
        "",
        HealthCanadaProducts
    ),
    // Naloxone
    (
        "med.naloxone",
        "always",
        |_| true,
        (
            Med::Naloxone,
            Then::Is(Listed::As(MedicationStatus::Suggested))
        ),
        "Everyone who uses opioids, and the people around them, should carry naloxone: it reverses an opioid overdose.",
        AsamNpg2020
    ),
    (
        "med.naloxone.us",
        "in the US",
        |f| f.a.country() == Some(Country::Us),
        (Med::Naloxone, Then::Note),
        "In the US, naloxone nasal spray is sold without a prescription.",
        FdaNaloxoneOtc2023
    ),
    (
        "med.naloxone.ca",
        "in Canada",
        |f| f.a.country() == Some(Country::Ca),
        (Med::Naloxone, Then::Note),
        "In Canada, free naloxone kits are available without a prescription at many pharmacies and harm-reduction sites.",
        HealthCanadaNaloxone
    ),
    ]
}

// ---------------------------------------------------------------------------------
// Alerts, most urgent first: every row that holds is shown.

pub static ALERTS: &[Rule<AlertCode>] = &[
    rule!(
        "alert.medical_urgent",
        "urgent medical signs",
        |f| f.a.medical_urgent() == Some(true),
        AlertCode::MedicalUrgent,
        "Go to an emergency department today: fever with wounds, spreading redness, chest pain, trouble breathing or confusion need a doctor now. Medication for opioid use can be started there too.",
        AsamNpg2020
    ),
    rule!(
        "alert.suicide_risk",
        "thoughts of suicide or of overdosing on purpose",
        |f| f.a.suicidal_thoughts() == Some(true),
        AlertCode::SuicideRisk,
        "Thoughts of suicide: call or text 988 now (9-8-8 in Canada), or go to an emergency department. If life is in danger right now, call 911. Keep only small amounts of medicines and drugs at hand, ask someone to hold or lock up the rest, and keep naloxone close.",
        Lifeline988
    ),
    rule!(
        "alert.recent_overdose",
        "an overdose in the past year",
        |f| matches!(
            f.a.overdoses_past_year(),
            Some(Overdoses::One | Overdoses::Several)
        ),
        AlertCode::RecentOverdose,
        "An overdose in the past year is the strongest warning of another. Start medication as soon as possible, keep naloxone in reach, and never use alone.",
        AsamNpg2020
    ),
    rule!(
        "alert.naloxone",
        "always",
        |_| true,
        AlertCode::Naloxone,
        "Keep naloxone (Narcan) where opioids are used and show others how to use it. In an overdose: call 911, give naloxone, and breathe for the person if they are not breathing. Naloxone does not reverse xylazine or other sedatives mixed in, so rescue breathing matters; stay with them, as it can wear off.",
        CdcXylazine
    ),
    rule!(
        "alert.never_use_alone.us",
        "still using street opioids (or not known), in the US",
        |f| f.still_using() && !f.prescribed_only() && f.a.country() == Some(Country::Us),
        AlertCode::NeverUseAlone,
        "While still using: never use alone. The Never Use Alone line (1-800-484-3731) stays on the phone and sends help if you stop answering. Test strips show fentanyl or xylazine in a supply; start with a small amount, and smoking is less risky than injecting.",
        NeverUseAlone
    ),
    rule!(
        "alert.never_use_alone.ca",
        "still using street opioids (or not known), in Canada",
        |f| f.still_using() && !f.prescribed_only() && f.a.country() == Some(Country::Ca),
        AlertCode::NeverUseAlone,
        "While still using: never use alone. The National Overdose Response Service (1-888-688-6677) stays on the phone and sends help if you stop answering. Drug-checking services and test strips show what is in a supply; start with a small amount, and smoking is less risky than injecting. Supervised consumption and overdose prevention sites, where they exist, have staff on hand.",
        NeverUseAlone
    ),
    rule!(
        "alert.never_use_alone.both",
        "still using street opioids (or not known), country not known",
        |f| f.still_using() && !f.prescribed_only() && f.a.country().is_none(),
        AlertCode::NeverUseAlone,
        "While still using: never use alone. A line stays on the phone and sends help if you stop answering: Never Use Alone (US) 1-800-484-3731, National Overdose Response Service (Canada) 1-888-688-6677. Test strips and drug checking show what is in a supply; start with a small amount.",
        NeverUseAlone
    ),
    rule!(
        "alert.overdose_after_abstinence",
        "not on an agonist, and 7 or more days without opioids, a taper, just released, or just finished residential care",
        |f| !f.on_agonist()
            && (f.a.days_since_last_use().is_some_and(|d| d >= 7)
                || f.plan == Plan::Taper
                || f.a.recently_released() == Some(true)
                || f.a.completed_residential() == Some(true)),
        AlertCode::OverdoseAfterAbstinence,
        "After days or weeks without opioids (a taper, detox, jail, prison or a residential stay), tolerance is low: the old amount can be fatal. Keep naloxone close and never use alone.",
        ReleaseFromPrison2007
    ),
    rule!(
        "alert.overdose_after_abstinence.on_medication",
        "on an agonist and just released",
        |f| f.on_agonist() && f.a.recently_released() == Some(true),
        AlertCode::OverdoseAfterAbstinence,
        "Just out of jail, prison or hospital: get the next dose of methadone or buprenorphine without a gap; the first weeks out are the riskiest.",
        ReleaseFromPrison2007
    ),
    rule!(
        "alert.start_today.us",
        "medication indicated and not yet taken, 18 or over (or not known), in the US",
        |f| f.start_today() && !f.minor() && f.a.country() == Some(Country::Us),
        AlertCode::StartToday,
        "Medication can usually start today: at an emergency department, a bridge clinic, by telehealth or at an opioid treatment program. Nobody needs to wait for a bed or a program without it.",
        AsamNpg2020
    ),
    rule!(
        "alert.start_today.ca",
        "medication indicated and not yet taken, 18 or over (or not known), in Canada",
        |f| f.start_today() && !f.minor() && f.a.country() == Some(Country::Ca),
        AlertCode::StartToday,
        "Medication can usually start today: at an emergency department, a rapid-access addiction clinic, by virtual care, or with a family doctor or nurse practitioner. Nobody needs to wait for a bed or a program without it.",
        Crism2024
    ),
    rule!(
        "alert.start_today.both",
        "medication indicated and not yet taken, 18 or over (or not known), country not known",
        |f| f.start_today() && !f.minor() && f.a.country().is_none(),
        AlertCode::StartToday,
        "Medication can usually start today: at an emergency department, a walk-in or bridge clinic, or by telehealth. Nobody needs to wait for a bed or a program without it.",
        AsamNpg2020
    ),
    rule!(
        "alert.start_today.minor",
        "medication indicated and not yet taken, under 18",
        |f| f.start_today() && f.minor(),
        AlertCode::StartToday,
        "Medication can often start soon: ask today for a youth addiction service or an adolescent medicine clinic; an emergency department can help in a crisis.",
        Aap2016
    ),
    rule!(
        "alert.buprenorphine_start",
        "buprenorphine suggested, fentanyl or counterfeit pills (or not known), last use under 3 days ago or not known",
        |f| f.status(Med::Buprenorphine) == Some(MedicationStatus::Suggested)
            && f.fentanyl_possible()
            && f.a.days_since_last_use().is_none_or(|d| d < 3),
        AlertCode::BuprenorphineStart,
        "Starting buprenorphine after fentanyl: too soon can bring on sudden, severe withdrawal. Prescribers usually wait until withdrawal is clearly under way (moderate on the COWS scale), or use a low-dose start that overlaps with current use. If sudden withdrawal happens, call the prescriber or go to an emergency department: it can be treated, often with more buprenorphine. Using fentanyl on top does not help.",
        AsamHpso2023
    ),
    rule!(
        "alert.sedative_withdrawal",
        "heavy daily drinking or benzodiazepines, or past seizures or delirium tremens and still using them (or not known)",
        |f| f.a.sedative_withdrawal_risk() == Some(SedativeWithdrawalRisk::DailyHeavy)
            || f.dangerous_sedative_withdrawal(),
        AlertCode::SedativeWithdrawal,
        "Never stop heavy drinking or daily benzodiazepines suddenly: it can cause seizures and delirium tremens. A clinician plans that withdrawal, with medication.",
        AsamAlcoholWithdrawal2020
    ),
    rule!(
        "alert.sedative_co_use",
        "alcohol or benzodiazepines as well",
        |f| f.uses_sedatives(),
        AlertCode::SedativeCoUse,
        "Alcohol or benzodiazepines with opioids greatly raise the risk of slowed breathing and death. Tell every prescriber about them, and never stop heavy drinking or benzodiazepines suddenly.",
        Fda2017Sedatives
    ),
    rule!(
        "alert.pregnancy",
        "pregnant, disorder indicated or possible, not on a medication for opioid use disorder",
        |f| f.pregnant() && !f.on_agonist() && !f.on_naltrexone(),
        AlertCode::Pregnancy,
        "Pregnant: don't try to stop on your own. Ask today for methadone or buprenorphine, which are recommended in pregnancy, and for prenatal care that works with it.",
        Acog711
    ),
    rule!(
        "alert.pregnancy.on_agonist",
        "pregnant and on an agonist",
        |f| f.pregnant() && f.on_agonist(),
        AlertCode::Pregnancy,
        "Pregnant: keep taking methadone or buprenorphine; the dose often needs to go up later in pregnancy. Tell the prenatal team about it.",
        Acog711
    ),
    rule!(
        "alert.pregnancy.on_naltrexone",
        "pregnant and on naltrexone",
        |f| f.pregnant() && f.on_naltrexone(),
        AlertCode::Pregnancy,
        "Pregnant while on naltrexone: talk soon with the prenatal and addiction clinicians about staying on it or switching; don't stop it on your own.",
        AsamNpg2020
    ),
    rule!(
        "alert.injection_risks",
        "injects",
        |f| f.a.injects() == Some(true),
        AlertCode::InjectionRisks,
        "Injecting: use new sterile supplies every time (harm reduction programs, syringe services and many pharmacies give them free). Get wounds seen early, especially with xylazine, which causes wounds that need care. Ask about HIV prevention (PrEP), vaccines, and testing: hepatitis C can be cured.",
        CdcXylazine
    ),
    rule!(
        "alert.stimulant_fentanyl",
        "stimulants as well",
        |f| f
            .a
            .other_substances()
            .is_some_and(|s| s.contains(&Substance::Stimulants)),
        AlertCode::StimulantFentanyl,
        "Cocaine, crack and meth can contain fentanyl: test strips, naloxone and never using alone apply to them too.",
        CdcHarmReduction
    ),
    rule!(
        "alert.naltrexone_wait",
        "naltrexone is the plan and fewer than 7 days without opioids (or not known)",
        |f| f.naltrexone_is_the_option() && f.a.days_since_last_use().is_none_or(|d| d < 7),
        AlertCode::NaltrexoneWait,
        "Naltrexone must wait until 7–10 days after the last opioid (up to 14 after methadone or buprenorphine); starting sooner brings on sudden, severe withdrawal.",
        NaltrexoneLabel
    ),
    rule!(
        "alert.crisis_support",
        "a mental-health condition, or struggling",
        |f| f.has_mental_health()
            || f.a.mental_health_status() == Some(MentalHealthStatus::Struggling),
        AlertCode::CrisisSupport,
        "If things feel like too much, or thoughts of suicide come, call or text 988 (9-8-8 in Canada) at any time, or 911 in an emergency.",
        Lifeline988
    ),
    rule!(
        "alert.minor",
        "under 18",
        |f| f.minor(),
        AlertCode::Minor,
        "Under 18: consent and confidentiality rules for treatment vary by state and province; many young people can consent to addiction care themselves. Family involvement helps when it is safe. Ask for a youth or adolescent program.",
        Aap2016
    ),
];

// ---------------------------------------------------------------------------------
// Therapies and support: every row that holds is shown.

pub static THERAPIES: &[Rule<&'static str>] = &[
    rule!(
        "therapy.dual_diagnosis",
        "a mental-health condition, or struggling",
        |f| f.has_mental_health()
            || f.a.mental_health_status() == Some(MentalHealthStatus::Struggling),
        "dual-diagnosis-treatment",
        "One team treating mental health and opioid use together works better than separate care.",
        AsamNpg2020
    ),
    rule!(
        "therapy.contingency_management",
        "stimulants, or earlier returns to use",
        |f| f
            .a
            .other_substances()
            .is_some_and(|s| s.contains(&Substance::Stimulants))
            || f.a.relapse_history() == Some(true)
            || f.a.quit_attempts() == Some(QuitAttempts::Several),
        "contingency-management",
        "Small rewards for drug-free tests: strong evidence, especially with stimulant use or earlier returns to use.",
        Crism2024
    ),
    rule!(
        "therapy.motivational_interviewing",
        "unsure or not ready, or not known",
        |f| f.a.readiness() != Some(Readiness::WantsHelpNow),
        "motivational-interviewing",
        "Helps a person weigh change in their own words when they are unsure or just starting.",
        Tip63
    ),
    rule!(
        "therapy.cbt",
        "always",
        |_| true,
        "cognitive-behavioral-therapy",
        "A useful add-on for triggers and cravings; not required to get medication.",
        Crism2024
    ),
    rule!(
        "therapy.group",
        "intensive or residential setting",
        |f| matches!(f.level, Level::IntensiveOutpatient | Level::Inpatient),
        "group-counseling",
        "A core part of intensive programs: learning from others in the same situation.",
        Tip63
    ),
    rule!(
        "therapy.family",
        "some or strong support",
        |f| f.has_support(),
        "family-counseling",
        "Family or friends are involved: sessions together help them support recovery in ways that work (for example CRAFT).",
        Tip63
    ),
];

pub static SUPPORT: &[Rule<&'static str>] = &[
    rule!(
        "support.na",
        "a disorder indicated or possible",
        |f| f.disorder_possible(),
        "narcotics-anonymous",
        "Free peer meetings almost everywhere, in person and online; based on the 12 steps. Policies on methadone and buprenorphine vary between groups; some limit members on them.",
        Tip63
    ),
    rule!(
        "support.smart",
        "a disorder indicated or possible",
        |f| f.disorder_possible(),
        "smart-recovery",
        "A free, non-spiritual alternative built on practical tools.",
        Tip63
    ),
    rule!(
        "support.case_management.housing",
        "unstable housing or homeless",
        |f| f.housing_at_risk(),
        "case-management",
        "Housing is not stable: a case manager helps with housing, benefits and getting to appointments.",
        Tip63
    ),
    rule!(
        "support.recovery_housing",
        "unstable housing or homeless",
        |f| f.housing_at_risk(),
        "sober-living",
        "Recovery housing that accepts methadone and buprenorphine, or supportive housing: many recovery homes do not, so ask first.",
        Tip63
    ),
    rule!(
        "support.case_management.care",
        "medical problems or caregiving, housing stable",
        |f| !f.housing_at_risk()
            && (f.a.medical_conditions() == Some(true)
                || f.a
                    .responsibilities()
                    .is_some_and(|r| r.contains(&super::answers::Responsibility::Caregiving))),
        "case-management",
        "A case manager can coordinate medical care, caregiving duties and treatment.",
        Tip63
    ),
    rule!(
        "support.telehealth",
        "privacy needed or work, school or caregiving",
        |f| f.a.needs_privacy() == Some(true)
            || f.a.responsibilities().is_some_and(|r| !r.is_empty()),
        "telehealth",
        "Visits by phone or video keep treatment private and fit around work, school or caregiving.",
        Tip63
    ),
    rule!(
        "support.aftercare",
        "residential care now or just finished",
        |f| f.a.completed_residential() == Some(true) || f.level == Level::Inpatient,
        "aftercare",
        "Residential care is a start: a plan for what follows, with medication, keeps the progress going.",
        Tip63
    ),
    rule!(
        "support.relapse_plan",
        "a return to use before, or a taper",
        |f| f.a.relapse_history() == Some(true) || f.plan == Plan::Taper,
        "relapse-prevention-plan",
        "A written plan for cravings and risky moments, shared with someone trusted.",
        Tip63
    ),
    rule!(
        "support.nar_anon",
        "some or strong support, or a family member calling",
        |f| f.has_support() || f.a.caller() == Some(Caller::FamilyOrFriend),
        "nar-anon",
        "For family members: support from others who love someone with an addiction.",
        Tip63
    ),
    rule!(
        "support.loved_one",
        "some or strong support, or a family member calling",
        |f| f.has_support() || f.a.caller() == Some(Caller::FamilyOrFriend),
        "supporting-a-loved-one",
        "For family members: how to help without enabling, and how to look after yourself.",
        Tip63
    ),
];

// ---------------------------------------------------------------------------------
// Talking points: every row that holds is read, in this order.

const fn said(to_person: &'static str, about_person: &'static str) -> Said {
    Said {
        to_person,
        about_person,
    }
}

pub static TALKING_POINTS: &[Rule<Said>] = &[
    rule!(
        "talk.urgent.suicide",
        "thoughts of suicide, or a mental-health crisis",
        |f| f.a.suicidal_thoughts() == Some(true)
            || f.a.mental_health_status() == Some(MentalHealthStatus::Crisis),
        said(
            "What you're going through right now matters most. Please call or text 988 now, or go to the nearest emergency department. I can stay on the line while you do.",
            "What they're going through right now matters most. Please call or text 988 with them now, or take them to the nearest emergency department. If they are in danger right now, call 911."
        ),
        "Urgent actions come first.",
        Lifeline988
    ),
    rule!(
        "talk.urgent.medical",
        "urgent medical signs",
        |f| f.a.medical_urgent() == Some(true),
        said(
            "The signs you describe need a doctor today. Please go to an emergency department now; they can start medicine for opioid use there too.",
            "The signs you describe need a doctor today. Please help them get to an emergency department now; they can start medicine for opioid use there too."
        ),
        "Urgent actions come first.",
        AsamNpg2020
    ),
    rule!(
        "talk.setting.inpatient",
        "inpatient or residential setting",
        |f| f.level == Level::Inpatient,
        said(
            "From what you've told me, a residential program is a good place to start: a safe place to stay, with people around you day and night while treatment begins.",
            "From what you've told me, a residential program is a good place for them to start: a safe place to stay, with people around them day and night while treatment begins."
        ),
        "The setting, in one sentence.",
        AsamCriteria2023
    ),
    rule!(
        "talk.setting.intensive",
        "intensive outpatient setting",
        |f| f.level == Level::IntensiveOutpatient,
        said(
            "From what you've told me, a good place to start is an intensive outpatient program: several sessions a week while you keep living where you are.",
            "From what you've told me, a good place for them to start is an intensive outpatient program: several sessions a week while they keep living where they are."
        ),
        "The setting, in one sentence.",
        AsamCriteria2023
    ),
    rule!(
        "talk.setting.outpatient",
        "outpatient setting",
        |f| f.level == Level::Outpatient,
        said(
            "From what you've told me, regular visits with a clinician, while you keep living where you are, are a good place to start.",
            "From what you've told me, regular visits with a clinician, while they keep living where they are, are a good place for them to start."
        ),
        "The setting, in one sentence.",
        AsamCriteria2023
    ),
    rule!(
        "talk.start_today",
        "medication indicated and not yet taken",
        |f| f.start_today(),
        said(
            "You don't have to wait for a bed or a program: medicine can usually start today.",
            "They don't have to wait for a bed or a program: medicine can usually start today."
        ),
        "Start now.",
        AsamNpg2020
    ),
    rule!(
        "talk.medicine.buprenorphine",
        "agonist plan, not yet on it, methadone declined",
        |f| f.medication == Some(MedicationKind::Agonist)
            && !f.on_agonist()
            && f.a.declines(Declined::Methadone)
            && !f.a.declines(Declined::Buprenorphine),
        said(
            "Medicine works. Buprenorphine takes away withdrawal and cravings, and people who stay on it are much less likely to die of an overdose. You don't have to take methadone.",
            "Medicine works. Buprenorphine takes away withdrawal and cravings, and people who stay on it are much less likely to die of an overdose. Nobody will make them take methadone."
        ),
        "The plan, in one sentence, with only the medicine the person is open to.",
        AsamNpg2020
    ),
    rule!(
        "talk.medicine.methadone",
        "agonist plan, not yet on it, buprenorphine declined",
        |f| f.medication == Some(MedicationKind::Agonist)
            && !f.on_agonist()
            && f.a.declines(Declined::Buprenorphine)
            && !f.a.declines(Declined::Methadone),
        said(
            "Medicine works. Methadone takes away withdrawal and cravings, and people who stay on it are much less likely to die of an overdose. You don't have to take buprenorphine.",
            "Medicine works. Methadone takes away withdrawal and cravings, and people who stay on it are much less likely to die of an overdose. Nobody will make them take buprenorphine."
        ),
        "The plan, in one sentence, with only the medicine the person is open to.",
        AsamNpg2020
    ),
    rule!(
        "talk.medicine.agonist",
        "agonist plan, not yet on it, open to both",
        |f| f.medication == Some(MedicationKind::Agonist)
            && !f.on_agonist()
            && !f.a.declines(Declined::Methadone)
            && !f.a.declines(Declined::Buprenorphine),
        said(
            "Medicine works. Methadone or buprenorphine takes away withdrawal and cravings, and people who stay on it are much less likely to die of an overdose.",
            "Medicine works. Methadone or buprenorphine takes away withdrawal and cravings, and people who stay on it are much less likely to die of an overdose."
        ),
        "The plan, in one sentence.",
        AsamNpg2020
    ),
    rule!(
        "talk.medicine.continue",
        "already on a medicine for opioid use disorder",
        |f| f.on_agonist() || f.on_naltrexone(),
        said(
            "Keep taking the medicine you're on, and don't stop it suddenly. If it isn't working well enough, the dose or the medicine can change.",
            "It's important they keep taking the medicine they're on, and don't stop it suddenly. If it isn't working well enough, the dose or the medicine can change."
        ),
        "The plan, in one sentence.",
        AsamNpg2020
    ),
    rule!(
        "talk.medicine.antagonist",
        "naltrexone plan, not yet on it",
        |f| f.plan == Plan::Maintenance
            && f.medication == Some(MedicationKind::Antagonist)
            && !f.on_naltrexone(),
        said(
            "Naltrexone blocks opioids and can help you stay stopped. While you're on it, and after, your body can't handle the amount it used to, so a slip is more dangerous.",
            "Naltrexone blocks opioids and can help them stay stopped. While they're on it, and after, their body can't handle the amount it used to, so a slip is more dangerous."
        ),
        "The plan, in one sentence.",
        AsamNpg2020
    ),
    rule!(
        "talk.plan.taper",
        "taper",
        |f| f.plan == Plan::Taper,
        said(
            "You'd like to come off opioids without methadone or buprenorphine. That works best slowly, with support. After stopping, your body can't handle the amount it used to, so a slip can be much more dangerous than before.",
            "They'd like to come off opioids without methadone or buprenorphine. That works best slowly, with support. After stopping, their body can't handle the amount it used to, so a slip can be much more dangerous than before."
        ),
        "The plan, in one sentence.",
        Crism2024
    ),
    rule!(
        "talk.plan.no_medication",
        "no medication",
        |f| f.plan == Plan::NoMedication,
        said(
            "You'd rather not take medicine, and that's your choice. Counselling and support still help, and the door to medicine stays open. Without it, naloxone matters even more.",
            "They'd rather not take medicine, and that's their choice. Counselling and support still help, and the door to medicine stays open. Without it, naloxone matters even more."
        ),
        "The plan, in one sentence.",
        Tip63
    ),
    rule!(
        "talk.plan.review",
        "no disorder indicated",
        |f| f.plan == Plan::Review,
        said(
            "From what you've told me, this may not be an opioid addiction. It is still worth talking it through with a doctor, who can look at the opioid use with you.",
            "From what you've told me, this may not be an opioid addiction for them. It is still worth them talking it through with a doctor."
        ),
        "The plan, in one sentence.",
        Cdc2022
    ),
    rule!(
        "talk.naloxone.us",
        "in the US",
        |f| f.a.country() == Some(Country::Us),
        said(
            "Please keep naloxone, also called Narcan, with you, and show someone close to you how to use it. It can reverse an overdose. You can buy it at a pharmacy without a prescription.",
            "Please keep naloxone, also called Narcan, close, and learn how to use it. It can reverse an overdose. You can buy it at a pharmacy without a prescription."
        ),
        "Naloxone, every time.",
        FdaNaloxoneOtc2023
    ),
    rule!(
        "talk.naloxone.ca",
        "in Canada",
        |f| f.a.country() == Some(Country::Ca),
        said(
            "Please keep a naloxone kit with you, and show someone close to you how to use it. It can reverse an overdose. Many pharmacies and harm-reduction sites give kits free, without a prescription.",
            "Please keep a naloxone kit close, and learn how to use it. It can reverse an overdose. Many pharmacies and harm-reduction sites give kits free, without a prescription."
        ),
        "Naloxone, every time.",
        HealthCanadaNaloxone
    ),
    rule!(
        "talk.naloxone.both",
        "country not known",
        |f| f.a.country().is_none(),
        said(
            "Please keep naloxone, also called Narcan, with you, and show someone close to you how to use it. It can reverse an overdose. Pharmacies have it without a prescription.",
            "Please keep naloxone, also called Narcan, close, and learn how to use it. It can reverse an overdose. Pharmacies have it without a prescription."
        ),
        "Naloxone, every time.",
        FdaNaloxoneOtc2023
    ),
    rule!(
        "talk.never_use_alone",
        "still using or not known",
        |f| f.still_using() && !f.prescribed_only(),
        said(
            "Until then, please never use alone: there are free lines that stay on the phone with you and send help if you stop answering.",
            "Until then, it's safest if they never use alone: there are free lines that stay on the phone and send help if they stop answering."
        ),
        "Overdose risk while still using.",
        NeverUseAlone
    ),
    rule!(
        "talk.call_911",
        "always",
        |_| true,
        said(
            "If you ever think someone is overdosing, call 911 right away, give naloxone and stay with them.",
            "If you ever think they are overdosing, call 911 right away, give naloxone and stay with them."
        ),
        "Emergency help, every time.",
        AsamNpg2020
    ),
    rule!(
        "talk.find_care.us",
        "in the US",
        |f| f.a.country() == Some(Country::Us),
        said(
            "You can call the free SAMHSA helpline at 1-800-662-4357 any time, day or night, to find treatment near you.",
            "You can call the free SAMHSA helpline at 1-800-662-4357 any time, day or night, to find treatment near them, and it helps families too."
        ),
        "Where to find care.",
        SamhsaHelpline
    ),
    rule!(
        "talk.find_care.ca",
        "in Canada",
        |f| f.a.country() == Some(Country::Ca),
        said(
            "The free lines listed with this result can help you find treatment where you live, and if things ever feel like too much, you can call or text 9-8-8 any time.",
            "The free lines listed with this result can help find treatment where they live, and if things ever feel like too much, for them or for you, you can call or text 9-8-8 any time."
        ),
        "Where to find care.",
        Crism2024
    ),
    rule!(
        "talk.find_care.both",
        "country not known",
        |f| f.a.country().is_none(),
        said(
            "The free lines listed with this result can help you find treatment, any time, day or night.",
            "The free lines listed with this result can help find treatment for them, any time, day or night, and they help families too."
        ),
        "Where to find care.",
        Tip63
    ),
];

/// Every rule's id, table by table, in order.
pub fn ids() -> Vec<&'static str> {
    rows().map(|(id, _)| id).collect()
}

/// The source a rule cites, by its id.
pub fn source_of(id: &str) -> Option<Source> {
    rows().find(|(row, _)| *row == id).map(|(_, source)| source)
}

/// Every row's id and source, table by table.
fn rows() -> impl Iterator<Item = (&'static str, Source)> {
    fn of<T>(table: &'static [Rule<T>]) -> impl Iterator<Item = (&'static str, Source)> {
        table.iter().map(|r| (r.id, r.source))
    }
    of(SEVERITY)
        .chain(of(AREAS))
        .chain(of(SETTING))
        .chain(of(PLAN))
        .chain(of(MEDICATIONS))
        .chain(of(ALERTS))
        .chain(of(THERAPIES))
        .chain(of(SUPPORT))
        .chain(of(TALKING_POINTS))
}

/// Every medication, therapy and support slug the rules can name, for the test that
/// checks each one has a page in the content library.
pub fn slugs() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Med::ALL.iter().map(|m| m.slug()).collect();
    out.extend(THERAPIES.iter().map(|r| r.then));
    out.extend(SUPPORT.iter().map(|r| r.then));
    out.extend([
        "outpatient",
        "intensive-outpatient",
        "inpatient-residential",
    ]);
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_stable_in_shape() {
        let ids = ids();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "no id is used twice");
        for id in ids {
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_'),
                "{id}: lower case, digits, dots and underscores"
            );
        }
    }

    #[test]
    fn every_listed_medicine_has_a_reason_and_every_table_ends_in_a_row_that_always_holds() {
        for r in MEDICATIONS {
            if matches!(r.then.1, Then::Is(Listed::As(_)) | Then::Note) {
                assert!(!r.reason.is_empty(), "{}", r.id);
            }
        }
        for med in Med::ALL {
            let last = MEDICATIONS
                .iter()
                .rfind(|r| r.then.0 == *med && matches!(r.then.1, Then::Is(_)))
                .unwrap_or_else(|| panic!("{med:?} has rows"));
            assert!(
                last.when == "otherwise" || last.when == "always",
                "{med:?}: its last deciding row always holds, so it is always decided"
            );
        }
        assert_eq!(SEVERITY.last().unwrap().when, "otherwise");
        assert!(matches!(
            PLAN.iter()
                .rfind(|r| matches!(r.then, Then::Is(_)))
                .unwrap()
                .when,
            "otherwise"
        ));
        for area in Area::ALL {
            let last = AREAS.iter().rfind(|r| r.then.0 == area).unwrap();
            assert_eq!(last.then.1, Risk::Low, "{area:?} falls back to low");
        }
    }

    #[test]
    fn reasons_are_plain_sentences() {
        let texts = AREAS
            .iter()
            .map(|r| r.reason)
            .chain(SETTING.iter().map(|r| r.reason))
            .chain(PLAN.iter().map(|r| r.reason))
            .chain(ALERTS.iter().map(|r| r.reason))
            .chain(
                TALKING_POINTS
                    .iter()
                    .flat_map(|r| [r.then.to_person, r.then.about_person]),
            );
        for t in texts {
            assert!(t.ends_with('.'), "{t}");
            assert!(!t.contains("  "), "{t}");
        }
    }
}

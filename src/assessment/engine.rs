//! The matching engine: runs the rule tables in `rules.rs` over the answers. Pure and
//! deterministic: no I/O, no clock, no randomness, so the same answers always give the
//! same result.
//!
//! The order of decisions: severity (from the DSM-5 count), the six areas' risk, the
//! setting (the most intensive level any row asks for; never a sum of scores), the plan,
//! each medicine, then alerts, therapies, support and talking points. `missing` tries the
//! values of each unanswered question to find those whose answer would change the
//! decision, safety questions first.

use std::sync::LazyLock;

use sha2::{Digest, Sha256};

use super::answers::{Answers, Caller, Choice, Country, Field, Province};
use super::facts::{Facts, Med};
use super::result::Area;
use super::result::{
    Alert, Approach, AreaRisk, Evaluation, HelplineContact, Level, MedicationAdvice,
    MedicationKind, MedicationStatus, Plan, Risk, Setting, Severity, SeverityBasis, Suggestion,
    TalkingPoint,
};
use super::rules::{
    self, ALERTS, AREAS, LevelAsk, Listed, MEDICATIONS, PLAN, Rule, SETTING, SEVERITY, SUPPORT,
    TALKING_POINTS, THERAPIES, Then,
};
use crate::content::{self, Helpline};

/// The version of the rules: a hash of every table's rows (ids, conditions, conclusions,
/// reasons and sources), so no change to a rule can ship under an old version, and a
/// change elsewhere in the code does not make a new one.
pub static RULES_VERSION: LazyLock<String> = LazyLock::new(|| {
    let mut hash = Sha256::new();
    fn rows<T: std::fmt::Debug>(hash: &mut Sha256, table: &[Rule<T>]) {
        for r in table {
            hash.update(format!(
                "{}\u{1}{}\u{1}{:?}\u{1}{}\u{1}{}\n",
                r.id,
                r.when,
                r.then,
                r.reason,
                r.source.id()
            ));
        }
    }
    rows(&mut hash, SEVERITY);
    rows(&mut hash, AREAS);
    rows(&mut hash, SETTING);
    rows(&mut hash, PLAN);
    rows(&mut hash, MEDICATIONS);
    rows(&mut hash, ALERTS);
    rows(&mut hash, THERAPIES);
    rows(&mut hash, SUPPORT);
    rows(&mut hash, TALKING_POINTS);
    let hex: String = hash
        .finalize()
        .iter()
        .take(5)
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("2.{hex}")
});

type Fired<T> = Vec<&'static Rule<T>>;

/// The rows that decided, kept only when a result is written out (not while `missing`
/// tries answers).
#[derive(Default)]
struct Trace {
    severity: Option<&'static Rule<Then<(Severity, SeverityBasis)>>>,
    areas: Fired<(Area, Risk)>,
    setting: Fired<LevelAsk>,
    plan: Fired<Then<(Plan, Option<MedicationKind>)>>,
    medications: Fired<(Med, Then<Listed>)>,
}

/// Runs the deciding tables. With a trace, also records which rows decided.
fn decide<'a>(a: &'a Answers, mut trace: Option<&mut Trace>) -> (Facts<'a>, SeverityBasis) {
    let mut f = Facts::new(a);

    // Severity: first row that holds.
    let mut severity = None;
    rules::severity_each(&f, |row, holds| match holds {
        None => severity.is_none(),
        Some(true) => {
            severity = Some(row);
            false
        }
        Some(false) => false,
    });
    let row = severity.expect("the last severity row always holds");
    let Then::Is((severity, basis)) = row.then else {
        unreachable!("severity rows decide")
    };
    f.severity = severity;
    f.basis = basis;
    f.disorder = f.work_out_disorder();
    if let Some(t) = trace.as_deref_mut() {
        t.severity = Some(row);
    }

    // Areas: the highest risk any row asks for.
    let mut areas = [Risk::Low; 6];
    rules::areas_each(&f, |row, holds| {
        let (area, risk) = row.then;
        match holds {
            None => risk > areas[area as usize],
            Some(true) => {
                areas[area as usize] = risk;
                false
            }
            Some(false) => false,
        }
    });
    f.areas = areas;
    if let Some(t) = trace.as_deref_mut() {
        // Shown: the rows at the area's risk, and what is not known beside a known risk.
        t.areas = AREAS
            .iter()
            .filter(|r| {
                let (area, risk) = r.then;
                let decided = areas[area as usize];
                (risk == decided || (risk == Risk::Unknown && decided > Risk::Unknown))
                    && (r.test)(&f)
            })
            .collect();
    }

    // Setting: the most intensive level any row asks for, then the lowest cap that holds
    // (a cap never lowers hospital care).
    let mut level = Level::Outpatient;
    let mut cap = Level::Hospital;
    rules::setting_each(&f, |row, holds| match (row.then, holds) {
        (LevelAsk::AtLeast(l), None) => l > level,
        (LevelAsk::AtMost(l), None) => l < cap,
        (LevelAsk::AtLeast(l), Some(true)) => {
            level = l;
            false
        }
        (LevelAsk::AtMost(l), Some(true)) => {
            cap = l;
            false
        }
        (_, Some(false)) => false,
    });
    let asked = level;
    if level != Level::Hospital && cap < level {
        level = cap;
    }
    f.level = level;
    if let Some(t) = trace.as_deref_mut() {
        t.setting = if level < asked {
            SETTING
                .iter()
                .filter(|r| r.then == LevelAsk::AtMost(level) && (r.test)(&f))
                .collect()
        } else {
            SETTING
                .iter()
                .filter(|r| r.then == LevelAsk::AtLeast(level) && (r.test)(&f))
                .collect()
        };
    }

    // Plan: first deciding row that holds; notes after.
    let mut plan = None;
    rules::plan_each(&f, |row, holds| match holds {
        None => plan.is_none() && matches!(row.then, Then::Is(_)),
        Some(true) => {
            plan = Some(row);
            false
        }
        Some(false) => false,
    });
    let row = plan.expect("the last deciding plan row always holds");
    if let Then::Is((plan, medication)) = row.then {
        f.plan = plan;
        f.medication = medication;
    }
    f.naltrexone_option = f.work_out_naltrexone_option();
    if let Some(t) = trace.as_deref_mut() {
        t.plan.push(row);
        t.plan
            .extend(PLAN.iter().filter(|r| r.then == Then::Note && (r.test)(&f)));
    }

    // Medicines: for each, the first deciding row that holds; rows are grouped by
    // medicine in listing order, so a row may read an earlier medicine's status.
    let mut decided = [false; 9];
    let tracing = trace.is_some();
    let mut fired: Vec<&'static Rule<(Med, Then<Listed>)>> = Vec::new();
    rules::medications_each(&f, |row, holds| {
        let (med, then) = row.then;
        let i = med as usize;
        match (then, holds) {
            (Then::Is(_), None) => !decided[i],
            (Then::Note, None) => tracing && f.statuses.get()[i].is_some(),
            (Then::Is(listed), Some(true)) => {
                decided[i] = true;
                let mut statuses = f.statuses.get();
                statuses[i] = match listed {
                    Listed::As(status) => Some(status),
                    Listed::NotListed => None,
                };
                f.statuses.set(statuses);
                if tracing {
                    fired.push(row);
                }
                false
            }
            (Then::Note, Some(true)) => {
                fired.push(row);
                false
            }
            (_, Some(false)) => false,
        }
    });
    if let Some(t) = trace {
        t.medications = fired;
    }
    (f, basis)
}

/// What makes a question worth asking when its answer changes it.
#[derive(PartialEq, Eq)]
struct Key {
    severity: Severity,
    level: Level,
    plan: Plan,
    medication: Option<MedicationKind>,
    statuses: [Option<MedicationStatus>; 9],
}

impl Key {
    fn of(f: &Facts) -> Key {
        Key {
            severity: f.severity,
            level: f.level,
            plan: f.plan,
            medication: f.medication,
            statuses: f.statuses.get(),
        }
    }

    /// How much a change from `self` to `other` matters, for ranking questions: the
    /// setting most, then the plan, then a medicine, then the severity.
    fn weight_of_change(&self, other: &Key) -> u8 {
        if self.level != other.level {
            4
        } else if (self.plan, self.medication) != (other.plan, other.medication) {
            3
        } else if self.statuses != other.statuses {
            2
        } else if self.severity != other.severity {
            1
        } else {
            0
        }
    }
}

/// Questions about safety: asked first whenever they are unanswered.
const SAFETY_FIRST: [Field; 4] = [
    Field::SuicidalThoughts,
    Field::MedicalUrgent,
    Field::OverdosesPastYear,
    Field::Pregnant,
];

/// Unanswered questions whose answer would change the result, ranked: safety questions
/// first, then by how much the answer could change (the setting most), then in
/// questionnaire order.
///
/// `read` is the set of fields the baseline's decision read (one bit each): a field no rule read cannot change
/// the decision (the same reads give the same result), so it is not tried. Without it,
/// every unanswered field is tried (the tests compare the two).
fn missing(a: &Answers, baseline: &Key, read: Option<u64>) -> Vec<Field> {
    // One copy of the answers is reused: each field is set, tried, then cleared again.
    let mut trial = a.clone();
    let mut ranked: Vec<(u8, Field)> = Field::ALL
        .iter()
        .copied()
        .filter(|field| field.is_unknown(a) && *field != Field::Province)
        .filter(|field| {
            SAFETY_FIRST.contains(field) || read.is_none_or(|mask| mask & (1 << *field as u64) != 0)
        })
        .filter_map(|field| {
            // Safety questions are always worth asking: no need to try them.
            if SAFETY_FIRST.contains(&field) {
                return Some((5, field));
            }
            let mut weight = 0;
            for candidate in field.candidate_answers() {
                field.copy(candidate, &mut trial);
                weight = weight.max(baseline.weight_of_change(&Key::of(&decide(&trial, None).0)));
                if weight == 4 {
                    break;
                }
            }
            field.set_unknown(&mut trial);
            (weight > 0).then_some((weight, field))
        })
        .collect();
    ranked.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    ranked.into_iter().map(|(_, f)| f).collect()
}

/// Evaluates answers; `helplines` is the content library's list.
pub fn evaluate(answers: &Answers, helplines: &[Helpline]) -> Evaluation {
    // The rules read the count; a checklist gives it when no number was.
    let counted;
    let answers = match answers.dsm5_count() {
        Some(n) if answers.dsm5_criteria.is_none() => {
            counted = Answers {
                dsm5_criteria: Some(n),
                ..answers.clone()
            };
            &counted
        }
        _ => answers,
    };
    let mut trace = Trace::default();
    let (f, basis) = decide(answers, Some(&mut trace));
    let key = Key::of(&f);
    // What deciding alone reads (a trace reads more, to explain): the fields worth trying.
    let read = decide(answers, None).0.a.reads();
    let mut fired: Vec<String> = Vec::new();
    let mut note = |id: &str| fired.push(id.to_string());

    let severity_row = trace.severity.expect("severity decided");
    note(severity_row.id);
    let areas = Area::ALL
        .iter()
        .map(|&area| AreaRisk {
            area,
            risk: f.risk(area),
            reasons: trace
                .areas
                .iter()
                .filter(|r| r.then.0 == area)
                .map(|r| r.reason.to_string())
                .collect(),
        })
        .collect();
    for r in &trace.areas {
        note(r.id);
    }
    for r in &trace.setting {
        note(r.id);
    }
    for r in &trace.plan {
        note(r.id);
    }
    let medications = Med::ALL
        .iter()
        .filter_map(|&med| {
            let status = f.status(med)?;
            Some(MedicationAdvice {
                slug: med.slug().to_string(),
                status,
                reasons: trace
                    .medications
                    .iter()
                    .filter(|r| r.then.0 == med && !r.reason.is_empty())
                    .map(|r| r.reason.to_string())
                    .collect(),
            })
        })
        .collect();
    for r in &trace.medications {
        note(r.id);
    }
    let alerts: Vec<Alert> = ALERTS
        .iter()
        .filter(|r| (r.test)(&f))
        .map(|r| {
            note(r.id);
            Alert {
                code: r.then,
                message: r.reason.to_string(),
            }
        })
        .collect();
    let mut suggestions = |table: &'static [Rule<&'static str>]| -> Vec<Suggestion> {
        let mut out: Vec<Suggestion> = Vec::new();
        for r in table.iter().filter(|r| (r.test)(&f)) {
            note(r.id);
            // Two rows may name the same page for different reasons: one entry.
            if !out.iter().any(|s| s.slug == r.then) {
                out.push(Suggestion {
                    slug: r.then.to_string(),
                    reasons: vec![r.reason.to_string()],
                });
            }
        }
        out
    };
    let therapies = suggestions(THERAPIES);
    let support = suggestions(SUPPORT);
    let about_someone_else = answers.caller.is_some_and(Caller::is_someone_else);
    let mut talking_points: Vec<TalkingPoint> = TALKING_POINTS
        .iter()
        .filter(|r| (r.test)(&f))
        .map(|r| TalkingPoint {
            id: r.id.to_string(),
            text: if about_someone_else {
                r.then.about_person
            } else {
                r.then.to_person
            }
            .to_string(),
        })
        .collect();
    // In Canada, care is found through the province: its own line, by name, from the
    // content (the lines change more often than the rules).
    if answers.country == Some(Country::Ca)
        && let Some(point) = provincial_line(answers.province, helplines, about_someone_else)
    {
        talking_points.push(point);
    }
    let helplines = helplines_for(answers.country, answers.province, helplines);

    Evaluation {
        severity: f.severity,
        severity_basis: basis,
        severity_reasons: vec![severity_row.reason.to_string()],
        setting: Setting {
            level: f.level,
            reasons: trace.setting.iter().map(|r| r.reason.to_string()).collect(),
            areas,
        },
        approach: Approach {
            plan: f.plan,
            reasons: trace.plan.iter().map(|r| r.reason.to_string()).collect(),
            medication: f.medication,
        },
        medications,
        therapies,
        support,
        alerts,
        helplines,
        missing: missing(answers, &key, Some(read))
            .into_iter()
            .map(|f| f.name().to_string())
            .collect(),
        rules_version: RULES_VERSION.clone(),
        talking_points,
        rules_fired: fired,
    }
}

/// The province's own line for finding treatment: what the talking point names.
pub(crate) struct ProvincialLine<'h> {
    /// The province's code (`bc`).
    pub code: &'static str,
    /// The province's name, as the site shows it in English.
    pub place: &'static str,
    pub line: &'h Helpline,
    pub phone: &'h str,
}

/// The province's own line for finding treatment, when the province is known and has
/// one with a phone number.
pub(crate) fn provincial_line_of(
    province: Option<Province>,
    helplines: &[Helpline],
) -> Option<ProvincialLine<'_>> {
    let code = province?.name();
    let place = content::province_name(code)?;
    let line = helplines.iter().find(|h| {
        h.country == content::Country::Ca
            && h.is_provincial()
            && h.serves_province(code)
            && h.phone.is_some()
    })?;
    let phone = line.phone.as_deref()?;
    Some(ProvincialLine {
        code,
        place,
        line,
        phone,
    })
}

/// The id of the talking point naming the province's own line.
pub const PROVINCIAL_LINE_POINT: &str = "talk.find_care.province";

/// The talking point naming the province's own line for finding treatment, when the
/// province is known and has one with a phone number. (Its Spanish is in
/// `locales/es/engine.ftl`, `talk-find_care-province`; see [`super::translate`].)
pub(crate) fn provincial_line(
    province: Option<Province>,
    helplines: &[Helpline],
    about_someone_else: bool,
) -> Option<TalkingPoint> {
    let ProvincialLine {
        place, line, phone, ..
    } = provincial_line_of(province, helplines)?;
    let text = if about_someone_else {
        format!(
            "In {place}, {} can help find treatment close to where they live: call {phone}.",
            line.name
        )
    } else {
        format!(
            "In {place}, {} can help you find treatment close to where you live: call {phone}.",
            line.name
        )
    };
    Some(TalkingPoint {
        id: PROVINCIAL_LINE_POINT.to_string(),
        text,
    })
}

/// The helplines for the country (both countries' when it is not known) and, in Canada,
/// the province's own lines; every country's crisis line (988, 9-8-8) is among them.
fn helplines_for(
    country: Option<Country>,
    province: Option<Province>,
    helplines: &[Helpline],
) -> Vec<HelplineContact> {
    // A provincial line only for its own province: someone in BC is not sent to
    // ConnexOntario. With the province unknown, the national lines (and /helplines).
    let wanted = |h: &Helpline| match country {
        Some(Country::Us) => h.country == content::Country::Us,
        Some(Country::Ca) => {
            h.country == content::Country::Ca
                && (!h.is_provincial() || province.is_some_and(|p| h.serves_province(p.name())))
        }
        None => !h.is_provincial(),
    };
    let mut lines: Vec<&Helpline> = helplines.iter().filter(|h| wanted(h)).collect();
    // In Canada the province's own lines find care where the person lives: they come
    // before the national ones, after only the emergency number (911), which stays
    // first everywhere. The sort is stable: each group keeps the content's order.
    if country == Some(Country::Ca) {
        lines.sort_by_key(|h| match (h.emergency, h.is_provincial()) {
            (true, _) => 0,
            (false, true) => 1,
            (false, false) => 2,
        });
    }
    lines
        .into_iter()
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

#[cfg(test)]
mod tests {
    //! Engine v2 (issue 9). The severity and helpline tests are unchanged from v1; the
    //! setting, plan, medication, alert and `missing` tests changed with the rules they
    //! test.
    use super::*;
    use crate::assessment::result::AlertCode;
    use serde_json::{Value, json};

    fn answers(v: Value) -> Answers {
        Answers::from_json(v.as_object().expect("test answers are an object"))
            .expect("test answers are valid")
    }

    fn eval(v: Value) -> Evaluation {
        evaluate(&answers(v), &[])
    }

    fn status_of(e: &Evaluation, slug: &str) -> Option<MedicationStatus> {
        e.medications
            .iter()
            .find(|m| m.slug == slug)
            .map(|m| m.status)
    }

    fn status(e: &Evaluation, slug: &str) -> MedicationStatus {
        status_of(e, slug).unwrap_or_else(|| panic!("{slug} listed"))
    }

    fn reasons(e: &Evaluation, slug: &str) -> String {
        e.medications
            .iter()
            .find(|m| m.slug == slug)
            .map(|m| m.reasons.join(" "))
            .unwrap_or_default()
    }

    fn codes(e: &Evaluation) -> Vec<AlertCode> {
        e.alerts.iter().map(|a| a.code).collect()
    }

    fn risk(e: &Evaluation, area: Area) -> Risk {
        e.setting
            .areas
            .iter()
            .find(|a| a.area == area)
            .unwrap()
            .risk
    }

    /// Every safety and history question answered reassuringly, so only what a case
    /// adds decides.
    fn known(extra: Value) -> Value {
        let mut base = json!({
            "suicidal_thoughts": false, "medical_urgent": false, "overdoses_past_year": "none",
            "quit_attempts": "none", "relapse_history": false, "housing": "stable", "support": "strong",
            "mental_health": [], "other_substances": [], "medical_conditions": false, "readiness": "wants_help_now",
            "country": "us"
        });
        for (k, v) in extra.as_object().unwrap() {
            if v.is_null() {
                base.as_object_mut().unwrap().remove(k);
            } else {
                base[k] = v.clone();
            }
        }
        base
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
                "{n}"
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
            // Less than daily, not the light pattern: not known until the DSM-5 questions
            // are asked (clinical review of the rules, 2026-12: no estimate that would
            // suggest methadone to someone who may not be used to opioids daily).
            (
                json!({"frequency": "weekly", "duration": "under_1_year", "quit_attempts": "one"}),
                Unknown,
            ),
            (
                json!({"frequency": "weekly", "duration": "under_1_year", "quit_attempts": "none", "relapse_history": true}),
                Unknown,
            ),
            (json!({"frequency": "occasional"}), Unknown),
            // Prescribed pills alone: tolerance and withdrawal are not addiction.
            (
                json!({"frequency": "daily", "opioids": ["prescription_pills"], "duration": "over_5_years"}),
                Unknown,
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
            (json!({"duration": "over_5_years"}), Unknown),
            (json!({"frequency": "daily"}), Moderate),
            (json!({"current_medication": "methadone"}), Moderate),
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
        let e = eval(json!({"dsm5_criteria": 2, "frequency": "daily", "duration": "over_5_years"}));
        assert_eq!(
            e.severity,
            Severity::Mild,
            "the count wins over the pattern"
        );
    }

    /// Principle 1 and 2: the setting comes from risk in six areas, never from the count.
    #[test]
    fn the_setting_follows_the_highest_risk_area_not_the_diagnosis() {
        use Level::*;
        let cases = [
            // The examples.
            (
                "working parent, severe, depression, strong support",
                known(
                    json!({"dsm5_criteria": 7, "mental_health": ["depression"], "responsibilities": ["work", "caregiving"]}),
                ),
                Outpatient,
            ),
            (
                "severe, any alcohol",
                known(
                    json!({"dsm5_criteria": 6, "other_substances": ["alcohol"], "sedative_withdrawal_risk": "none"}),
                ),
                Outpatient,
            ),
            (
                "heavy daily drinking, no seizures: a withdrawal plan, not a bed",
                known(
                    json!({"dsm5_criteria": 8, "other_substances": ["alcohol"], "sedative_withdrawal_risk": "daily_heavy"}),
                ),
                Outpatient,
            ),
            (
                "past seizures or DTs",
                known(
                    json!({"dsm5_criteria": 8, "other_substances": ["benzodiazepines"], "sedative_withdrawal_risk": "past_seizures_or_dts"}),
                ),
                Inpatient,
            ),
            (
                "urgent medical signs",
                known(json!({"dsm5_criteria": 3, "medical_urgent": true})),
                Hospital,
            ),
            (
                "suicidal thoughts",
                known(json!({"dsm5_criteria": 9, "suicidal_thoughts": true})),
                Hospital,
            ),
            (
                "mental-health crisis",
                known(json!({"mental_health_status": "crisis"})),
                Hospital,
            ),
            (
                "struggling: integrated care, not a bed",
                known(json!({"dsm5_criteria": 8, "mental_health_status": "struggling"})),
                Outpatient,
            ),
            // One high area: intensive outpatient at most.
            (
                "overdose last year alone",
                known(json!({"dsm5_criteria": 8, "overdoses_past_year": "one"})),
                IntensiveOutpatient,
            ),
            (
                "several attempts alone",
                known(json!({"dsm5_criteria": 8, "quit_attempts": "several"})),
                IntensiveOutpatient,
            ),
            (
                "homeless alone",
                known(json!({"dsm5_criteria": 8, "housing": "homeless"})),
                IntensiveOutpatient,
            ),
            (
                "no support alone",
                known(json!({"dsm5_criteria": 8, "support": "none"})),
                IntensiveOutpatient,
            ),
            (
                "just released alone",
                known(json!({"recently_released": true})),
                IntensiveOutpatient,
            ),
            // Two areas high together.
            (
                "overdose and homeless",
                known(
                    json!({"dsm5_criteria": 8, "overdoses_past_year": "several", "housing": "homeless"}),
                ),
                Inpatient,
            ),
            (
                "relapse and no support",
                known(json!({"relapse_history": true, "support": "none"})),
                Inpatient,
            ),
            // Pregnancy on its own never raises the level.
            (
                "pregnant",
                known(json!({"dsm5_criteria": 8, "pregnant": true})),
                Outpatient,
            ),
            (
                "medical problems, not urgent",
                known(json!({"medical_conditions": true})),
                Outpatient,
            ),
            (
                "not ready: no bed creates readiness",
                known(json!({"readiness": "not_ready"})),
                Outpatient,
            ),
            // Unknown is never reassuring: overdoses or home not known leans to more support.
            (
                "overdoses not asked",
                known(json!({"overdoses_past_year": null})),
                IntensiveOutpatient,
            ),
            (
                "housing not asked",
                known(json!({"housing": null})),
                IntensiveOutpatient,
            ),
            ("nothing known", json!({}), IntensiveOutpatient),
        ];
        for (case, input, expected) in cases {
            let e = eval(input.clone());
            assert_eq!(e.setting.level, expected, "{case}: {input}");
            assert!(!e.setting.reasons.is_empty(), "{case}");
        }
    }

    #[test]
    fn after_residential_care_the_step_is_down_not_back() {
        let e = eval(known(
            json!({"relapse_history": true, "support": "none", "completed_residential": true}),
        ));
        assert_eq!(
            e.setting.level,
            Level::Inpatient,
            "no support: no step down"
        );
        let e = eval(known(
            json!({"relapse_history": true, "housing": "unstable", "support": "some", "completed_residential": true}),
        ));
        assert_eq!(
            e.setting.level,
            Level::Inpatient,
            "unstable housing: no step down"
        );
        // Stable home, support, no other drugs: a step down even with returns to use.
        let mut a = answers(known(
            json!({"relapse_history": true, "completed_residential": true}),
        ));
        a.support = Some(crate::assessment::answers::Support::Some);
        let e = evaluate(&a, &[]);
        assert_eq!(e.setting.level, Level::IntensiveOutpatient);
        assert!(codes(&e).contains(&AlertCode::OverdoseAfterAbstinence));
        // A step down never replaces hospital care.
        let e = eval(known(
            json!({"completed_residential": true, "medical_urgent": true}),
        ));
        assert_eq!(e.setting.level, Level::Hospital);
    }

    #[test]
    fn six_areas_each_with_a_risk_and_reasons() {
        let e = eval(json!({}));
        assert_eq!(e.setting.areas.len(), 6);
        for a in &e.setting.areas {
            assert!(!a.reasons.is_empty(), "{:?}", a.area);
        }
        assert_eq!(risk(&e, Area::MentalHealth), Risk::Unknown);
        assert_eq!(risk(&e, Area::LivingSituation), Risk::Unknown);
        let e = eval(known(
            json!({"frequency": "daily", "opioids": ["fentanyl"], "sedative_withdrawal_risk": "daily_heavy", "other_substances": ["alcohol"]}),
        ));
        assert_eq!(risk(&e, Area::Withdrawal), Risk::Moderate);
        assert_eq!(risk(&e, Area::UseAndOverdoseRisk), Risk::Moderate);
        assert_eq!(risk(&e, Area::LivingSituation), Risk::Low);
        assert_eq!(risk(&e, Area::MentalHealth), Risk::Low);
        assert_eq!(risk(&e, Area::Readiness), Risk::Low);
        let e = eval(known(
            json!({"suicidal_thoughts": true, "overdoses_past_year": "one", "housing": "homeless", "readiness": "not_ready", "medical_urgent": true}),
        ));
        for area in [
            Area::MentalHealth,
            Area::UseAndOverdoseRisk,
            Area::LivingSituation,
            Area::Readiness,
            Area::PhysicalHealth,
        ] {
            assert_eq!(risk(&e, area), Risk::High, "{area:?}");
        }
    }

    #[test]
    fn the_plan() {
        use Plan::*;
        let cases = [
            (
                "no disorder: a review",
                json!({"dsm5_criteria": 1, "days_since_last_use": 10}),
                Review,
                None,
            ),
            (
                "no disorder, pregnant: still a review",
                json!({"dsm5_criteria": 0, "pregnant": true}),
                Review,
                None,
            ),
            (
                "open",
                json!({"dsm5_criteria": 5}),
                Maintenance,
                Some(MedicationKind::Agonist),
            ),
            (
                "severity unknown",
                json!({}),
                Maintenance,
                Some(MedicationKind::Agonist),
            ),
            (
                "agonists declined, still using",
                json!({"dsm5_criteria": 8, "medication_preference": "no_opioid_agonist", "days_since_last_use": 1}),
                Taper,
                None,
            ),
            (
                "agonists declined one by one",
                json!({"dsm5_criteria": 8, "declined_medications": ["methadone", "buprenorphine"]}),
                Taper,
                None,
            ),
            (
                "agonists declined, 10 days off: nothing to taper",
                json!({"dsm5_criteria": 8, "medication_preference": "no_opioid_agonist", "days_since_last_use": 10, "country": "ca"}),
                Maintenance,
                Some(MedicationKind::Antagonist),
            ),
            (
                "no medication at all",
                json!({"dsm5_criteria": 8, "medication_preference": "no_medication"}),
                NoMedication,
                None,
            ),
            (
                "every medicine declined one by one",
                json!({"dsm5_criteria": 8, "declined_medications": ["methadone", "buprenorphine", "naltrexone"]}),
                NoMedication,
                None,
            ),
            (
                "methadone declined only: buprenorphine stays open",
                json!({"dsm5_criteria": 8, "declined_medications": ["methadone"]}),
                Maintenance,
                Some(MedicationKind::Agonist),
            ),
            (
                "pregnant, no medication wanted: never a taper",
                json!({"dsm5_criteria": 8, "pregnant": true, "medication_preference": "no_medication", "days_since_last_use": 0}),
                Maintenance,
                Some(MedicationKind::Agonist),
            ),
            (
                "pregnant on naltrexone",
                json!({"dsm5_criteria": 5, "pregnant": true, "current_medication": "naltrexone"}),
                Maintenance,
                Some(MedicationKind::Antagonist),
            ),
            (
                "on methadone, declines agonists: keep taking it",
                json!({"dsm5_criteria": 8, "current_medication": "methadone", "medication_preference": "no_opioid_agonist"}),
                Maintenance,
                Some(MedicationKind::Agonist),
            ),
        ];
        for (case, input, plan, medication) in cases {
            let e = eval(input.clone());
            assert_eq!(
                (e.approach.plan, e.approach.medication),
                (plan, medication),
                "{case}"
            );
            assert!(!e.approach.reasons.is_empty(), "{case}");
        }
        let e = eval(
            json!({"dsm5_criteria": 8, "medication_preference": "no_opioid_agonist", "quit_attempts": "several"}),
        );
        assert!(
            e.approach.reasons.join(" ").contains("real added risk"),
            "a high-risk taper spells out the risk"
        );
        let e = eval(
            json!({"dsm5_criteria": 8, "medication_preference": "no_medication", "overdoses_past_year": "one"}),
        );
        assert!(e.approach.reasons.join(" ").contains("real added risk"));
    }

    #[test]
    fn medication_statuses() {
        use MedicationStatus::*;
        // Both agonists first-line; fentanyl: methadone at least suggested.
        let e = eval(json!({"dsm5_criteria": 5, "opioids": ["fentanyl"], "country": "us"}));
        assert_eq!(
            (status(&e, "methadone"), status(&e, "buprenorphine")),
            (Suggested, Suggested)
        );
        // US: the naltrexone option is the injection; tablets at most "consider".
        assert_eq!(status(&e, "extended-release-naltrexone"), Consider);
        assert_eq!(status(&e, "naltrexone"), Consider);
        assert!(
            !codes(&e).contains(&AlertCode::NaltrexoneWait),
            "naltrexone is not the plan"
        );
        // Agonists declined, still using: naltrexone is the option, and must wait.
        let e = eval(
            json!({"dsm5_criteria": 8, "medication_preference": "no_opioid_agonist", "days_since_last_use": 2, "country": "us"}),
        );
        assert_eq!(status(&e, "extended-release-naltrexone"), NotYet);
        assert_eq!(status(&e, "naltrexone"), NotYet);
        assert!(codes(&e).contains(&AlertCode::NaltrexoneWait));
        assert_eq!(status(&e, "lofexidine"), Consider, "a taper in the US");
        // 7+ days off: suggested, the injection in the US.
        let e = eval(
            json!({"dsm5_criteria": 8, "medication_preference": "no_opioid_agonist", "days_since_last_use": 10, "country": "us"}),
        );
        assert_eq!(status(&e, "extended-release-naltrexone"), Suggested);
        assert_eq!(
            status(&e, "naltrexone"),
            Consider,
            "tablets at most consider in the US"
        );
        assert!(codes(&e).contains(&AlertCode::OverdoseAfterAbstinence));
        // Declined one by one.
        let e = eval(json!({"dsm5_criteria": 8, "declined_medications": ["methadone"]}));
        assert_eq!(
            (status(&e, "methadone"), status(&e, "buprenorphine")),
            (Consider, Suggested)
        );
        let e = eval(json!({"dsm5_criteria": 8, "declined_medications": ["injections"]}));
        assert_eq!(status_of(&e, "extended-release-buprenorphine"), None);
        assert_eq!(status_of(&e, "extended-release-naltrexone"), None);
        // Continue what is taken; days since use counts non-prescribed opioids only.
        let e = eval(
            json!({"dsm5_criteria": 8, "current_medication": "methadone", "days_since_last_use": 60}),
        );
        assert_eq!(status(&e, "methadone"), Continue);
        assert_eq!(status(&e, "buprenorphine"), Consider);
        assert_eq!(status(&e, "naltrexone"), Consider);
        assert!(reasons(&e, "naltrexone").contains("14 days"));
        assert!(!codes(&e).contains(&AlertCode::NaltrexoneWait));
        assert!(
            !codes(&e).contains(&AlertCode::StartToday),
            "already on medication"
        );
        let e = eval(
            json!({"dsm5_criteria": 8, "current_medication": "extended_release_buprenorphine"}),
        );
        assert_eq!(status(&e, "extended-release-buprenorphine"), Continue);
        // Extended-release buprenorphine where daily doses are hard.
        let e = eval(json!({"dsm5_criteria": 8, "housing": "unstable", "age_group": "18_plus"}));
        assert_eq!(status(&e, "extended-release-buprenorphine"), Suggested);
        let e = eval(json!({"dsm5_criteria": 8, "recently_released": true}));
        assert_eq!(status(&e, "extended-release-buprenorphine"), Suggested);
        let e = eval(json!({"dsm5_criteria": 8, "housing": "stable"}));
        assert_eq!(status(&e, "extended-release-buprenorphine"), Consider);
        // No disorder: nothing but naloxone.
        let e = eval(json!({"dsm5_criteria": 1, "days_since_last_use": 10}));
        assert_eq!(
            e.medications
                .iter()
                .map(|m| m.slug.as_str())
                .collect::<Vec<_>>(),
            ["naloxone"]
        );
        // Sedatives never make an agonist "not advised" (FDA 2017).
        let e =
            eval(json!({"dsm5_criteria": 8, "other_substances": ["alcohol", "benzodiazepines"]}));
        assert_eq!(
            (status(&e, "methadone"), status(&e, "buprenorphine")),
            (Suggested, Suggested)
        );
        assert!(reasons(&e, "buprenorphine").contains("not withholding"));
    }

    #[test]
    fn pregnancy_is_safe() {
        use MedicationStatus::*;
        // Review 1.1: no disorder, pregnant: no methadone, no "do not stop".
        let e = eval(json!({"pregnant": true, "dsm5_criteria": 0}));
        assert_eq!(e.approach.plan, Plan::Review);
        assert_eq!(status_of(&e, "methadone"), None);
        assert!(!codes(&e).contains(&AlertCode::Pregnancy));
        // Review 1.2: actively using: naltrexone not advised, no wait.
        let e = eval(json!({"pregnant": true, "dsm5_criteria": 8, "days_since_last_use": 0}));
        assert_eq!(status(&e, "naltrexone"), NotAdvised);
        assert_eq!(status(&e, "extended-release-naltrexone"), NotAdvised);
        assert!(!codes(&e).contains(&AlertCode::NaltrexoneWait));
        assert_eq!(
            (status(&e, "methadone"), status(&e, "buprenorphine")),
            (Suggested, Suggested)
        );
        assert!(codes(&e).contains(&AlertCode::Pregnancy));
        assert!(
            e.alerts
                .iter()
                .any(|a| a.code == AlertCode::Pregnancy && a.message.contains("recommended"))
        );
        // Review 1.3: already on naltrexone: continue, with counselling.
        let e = eval(
            json!({"pregnant": true, "dsm5_criteria": 5, "current_medication": "naltrexone", "days_since_last_use": 60}),
        );
        assert_eq!(status(&e, "naltrexone"), Continue);
        // Declining agonists in pregnancy: kept as options, never a taper or lofexidine.
        let e = eval(
            json!({"pregnant": true, "dsm5_criteria": 5, "medication_preference": "no_opioid_agonist", "days_since_last_use": 1, "country": "us"}),
        );
        assert_eq!(e.approach.plan, Plan::Maintenance);
        assert_eq!(
            (status(&e, "methadone"), status(&e, "buprenorphine")),
            (Consider, Consider)
        );
        assert_eq!(status_of(&e, "lofexidine"), None);
        // Severity unknown counts: the pregnancy rules apply.
        let e = eval(json!({"pregnant": true}));
        assert_eq!(status(&e, "naltrexone"), NotAdvised);
    }

    #[test]
    fn canada_gets_only_what_is_available_there() {
        use MedicationStatus::*;
        let e = eval(
            json!({"dsm5_criteria": 8, "medication_preference": "no_opioid_agonist", "days_since_last_use": 10, "country": "ca"}),
        );
        assert_eq!(status_of(&e, "extended-release-naltrexone"), None);
        assert_eq!(status_of(&e, "lofexidine"), None);
        assert_eq!(
            status(&e, "naltrexone"),
            Suggested,
            "tablets are the Canadian form"
        );
        let e = eval(
            json!({"dsm5_criteria": 8, "medication_preference": "no_opioid_agonist", "days_since_last_use": 1, "country": "ca"}),
        );
        assert_eq!(e.approach.plan, Plan::Taper);
        assert_eq!(status_of(&e, "lofexidine"), None, "not approved in Canada");
        let e = eval(json!({"dsm5_criteria": 8, "country": "ca"}));
        assert!(reasons(&e, "methadone").contains("pharmacy"));
        assert!(!reasons(&e, "methadone").contains("opioid treatment programs"));
        assert_eq!(
            status_of(&e, "slow-release-oral-morphine"),
            None,
            "only once methadone or buprenorphine was tried"
        );
        let e =
            eval(json!({"dsm5_criteria": 8, "country": "ca", "prior_treatment": ["medication"]}));
        assert_eq!(status(&e, "slow-release-oral-morphine"), Consider);
        assert_eq!(
            status_of(&e, "injectable-opioid-agonist-treatment"),
            None,
            "not injecting"
        );
        let e = eval(
            json!({"dsm5_criteria": 8, "country": "ca", "prior_treatment": ["medication"], "injects": true, "days_since_last_use": 0}),
        );
        assert_eq!(status(&e, "injectable-opioid-agonist-treatment"), Consider);
        // Never in the US.
        let e = eval(
            json!({"dsm5_criteria": 8, "country": "us", "prior_treatment": ["medication"], "injects": true, "days_since_last_use": 0}),
        );
        assert_eq!(status_of(&e, "slow-release-oral-morphine"), None);
        assert_eq!(status_of(&e, "injectable-opioid-agonist-treatment"), None);
        // Country unknown: the injection is named as US-only.
        let e = eval(json!({"dsm5_criteria": 8}));
        assert!(reasons(&e, "extended-release-naltrexone").contains("special access"));
    }

    #[test]
    fn minors() {
        use MedicationStatus::*;
        let e = eval(json!({"dsm5_criteria": 8, "age_group": "under_16", "housing": "unstable"}));
        assert_eq!(
            (status(&e, "methadone"), status(&e, "buprenorphine")),
            (Consider, Consider)
        );
        assert_eq!(
            status_of(&e, "extended-release-buprenorphine"),
            None,
            "adult-labelled"
        );
        assert!(codes(&e).contains(&AlertCode::Minor));
        let e = eval(json!({"dsm5_criteria": 8, "age_group": "16_to_17"}));
        assert_eq!(status(&e, "buprenorphine"), Suggested, "labelled from 16");
        assert_eq!(status_of(&e, "extended-release-naltrexone"), None);
        assert!(codes(&e).contains(&AlertCode::Minor));
        assert!(!codes(&eval(json!({"age_group": "18_plus"}))).contains(&AlertCode::Minor));
    }

    #[test]
    fn alerts() {
        use AlertCode::*;
        let has = |input: Value, code: AlertCode| codes(&eval(input)).contains(&code);
        // Always: naloxone, with rescue breathing for xylazine.
        for input in [
            json!({}),
            json!({"dsm5_criteria": 0}),
            json!({"current_medication": "methadone", "days_since_last_use": 300}),
        ] {
            let e = eval(input);
            assert!(codes(&e).contains(&Naloxone));
            assert!(e.alerts.iter().any(|a| a.message.contains("xylazine")));
        }
        assert!(has(json!({"medical_urgent": true}), MedicalUrgent));
        assert!(has(json!({"suicidal_thoughts": true}), SuicideRisk));
        assert!(has(json!({"overdoses_past_year": "one"}), RecentOverdose));
        assert!(!has(json!({"overdoses_past_year": "none"}), RecentOverdose));
        // Never use alone: anyone still using, or not known.
        assert!(has(json!({"days_since_last_use": 0}), NeverUseAlone));
        assert!(has(json!({}), NeverUseAlone));
        assert!(!has(json!({"days_since_last_use": 30}), NeverUseAlone));
        let e = eval(json!({"country": "us"}));
        assert!(
            e.alerts
                .iter()
                .any(|a| a.message.contains("1-800-484-3731"))
        );
        let e = eval(json!({"country": "ca"}));
        assert!(
            e.alerts
                .iter()
                .any(|a| a.message.contains("1-888-688-6677"))
        );
        // Overdose after abstinence.
        for input in [
            json!({"days_since_last_use": 7}),
            json!({"recently_released": true}),
            json!({"completed_residential": true}),
            json!({"dsm5_criteria": 8, "medication_preference": "no_opioid_agonist"}),
        ] {
            assert!(has(input.clone(), OverdoseAfterAbstinence), "{input}");
        }
        assert!(!has(
            json!({"days_since_last_use": 2}),
            OverdoseAfterAbstinence
        ));
        // Start today: medication indicated and not taken, whatever the setting.
        assert!(has(
            json!({"dsm5_criteria": 8, "relapse_history": true, "housing": "homeless"}),
            StartToday
        ));
        assert!(!has(json!({"dsm5_criteria": 1}), StartToday));
        assert!(!has(
            json!({"dsm5_criteria": 8, "current_medication": "buprenorphine"}),
            StartToday
        ));
        // Buprenorphine start after fentanyl.
        assert!(has(
            json!({"dsm5_criteria": 9, "opioids": ["fentanyl"], "days_since_last_use": 0}),
            BuprenorphineStart
        ));
        assert!(
            has(json!({"dsm5_criteria": 9}), BuprenorphineStart),
            "opioids and last use not known"
        );
        // Street heroin now usually contains fentanyl (ASAM 2023): the warning applies;
        // prescription pills alone do not call for it.
        assert!(has(
            json!({"dsm5_criteria": 9, "opioids": ["heroin"], "days_since_last_use": 0}),
            BuprenorphineStart
        ));
        assert!(!has(
            json!({"dsm5_criteria": 9, "opioids": ["prescription_pills"], "days_since_last_use": 0}),
            BuprenorphineStart
        ));
        assert!(!has(
            json!({"dsm5_criteria": 9, "opioids": ["fentanyl"], "days_since_last_use": 3}),
            BuprenorphineStart
        ));
        assert!(!has(
            json!({"dsm5_criteria": 9, "opioids": ["fentanyl"], "current_medication": "buprenorphine"}),
            BuprenorphineStart
        ));
        // Sedatives.
        assert!(has(
            json!({"sedative_withdrawal_risk": "daily_heavy"}),
            SedativeWithdrawal
        ));
        assert!(!has(
            json!({"sedative_withdrawal_risk": "none"}),
            SedativeWithdrawal
        ));
        let e = eval(json!({"other_substances": ["alcohol"]}));
        assert!(
            e.alerts
                .iter()
                .any(|a| a.code == SedativeCoUse && a.message.contains("heavy drinking")),
            "review 1.9"
        );
        assert!(has(json!({"injects": true}), InjectionRisks));
        let e = eval(json!({"injects": true}));
        assert!(e.alerts.iter().any(|a| a.code == InjectionRisks && a.message.contains("hepatitis C can be cured")));
        assert!(has(
            json!({"other_substances": ["stimulants"]}),
            StimulantFentanyl
        ));
        assert!(has(
            json!({"mental_health_status": "struggling"}),
            CrisisSupport
        ));
        assert!(has(json!({"mental_health": ["ptsd"]}), CrisisSupport));
        // Most urgent first.
        let e = eval(
            json!({"medical_urgent": true, "suicidal_thoughts": true, "overdoses_past_year": "several"}),
        );
        assert_eq!(
            codes(&e)[..4],
            [MedicalUrgent, SuicideRisk, RecentOverdose, Naloxone]
        );
    }

    fn library() -> Vec<Helpline> {
        crate::content::load_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
            .unwrap()
            .helplines
    }

    #[test]
    fn helplines_follow_the_country() {
        let lines = library();
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
        // Provincial lines only for their province; 988 and 9-8-8 always.
        let names = |v: Value| -> Vec<String> {
            evaluate(&answers(v), &lines)
                .helplines
                .into_iter()
                .map(|h| h.name)
                .collect()
        };
        let on = names(json!({"country": "ca", "province": "on"}));
        assert!(on.iter().any(|n| n.contains("ConnexOntario")), "{on:?}");
        let bc = names(json!({"country": "ca", "province": "bc"}));
        assert!(!bc.iter().any(|n| n.contains("ConnexOntario")), "{bc:?}");
        assert!(
            bc.iter()
                .any(|n| n.contains("British Columbia") || n.contains("BC ")),
            "{bc:?}"
        );
        let unknown = names(json!({"country": "ca"}));
        assert!(
            !unknown.iter().any(|n| n.contains("ConnexOntario")),
            "{unknown:?}"
        );
        for v in [
            json!({"country": "ca", "province": "nu"}),
            json!({"country": "us"}),
            json!({}),
        ] {
            let e = evaluate(&answers(v.clone()), &lines);
            assert!(
                e.helplines
                    .iter()
                    .any(|h| h.phone.as_deref() == Some("988")),
                "{v}"
            );
            assert!(e.helplines.iter().any(|h| h.name.contains("911")), "{v}");
        }
    }

    #[test]
    fn the_provinces_own_lines_come_before_the_national_ones_after_911() {
        let line = |slug: &str, provinces: &[&str], emergency: bool, order: i64| Helpline {
            slug: slug.into(),
            name: slug.into(),
            country: content::Country::Ca,
            provinces: provinces.iter().map(|p| p.to_string()).collect(),
            purpose: "Help.".into(),
            phone: Some("1-800-000-0000".into()),
            text: None,
            tty: None,
            url: None,
            hours: "24/7".into(),
            languages: vec![],
            emergency,
            order,
            sources: vec![],
            file: format!("helplines/{slug}.toml"),
        };
        // In the content's order: 911, the national lines, then the provincial ones.
        let lines = vec![
            line("ca-911", &[], true, 0),
            line("ca-988", &[], false, 10),
            line("hope-for-wellness", &[], false, 25),
            line("bc-line", &["bc"], false, 50),
            line("connexontario", &["on"], false, 50),
            line("ontario-second", &["on"], false, 60),
        ];
        let names = |v: Value| -> Vec<String> {
            evaluate(&answers(v), &lines)
                .helplines
                .into_iter()
                .map(|h| h.name)
                .collect()
        };
        assert_eq!(
            names(json!({"country": "ca", "province": "on"})),
            [
                "ca-911",
                "connexontario",
                "ontario-second",
                "ca-988",
                "hope-for-wellness"
            ]
        );
        assert_eq!(
            names(json!({"country": "ca", "province": "bc"})),
            ["ca-911", "bc-line", "ca-988", "hope-for-wellness"]
        );
        // No province: the national lines in the content's order.
        assert_eq!(
            names(json!({"country": "ca"})),
            ["ca-911", "ca-988", "hope-for-wellness"]
        );
    }

    #[test]
    fn talking_points_speak_to_whoever_is_on_the_line_in_their_country() {
        let e = eval(json!({"dsm5_criteria": 8, "caller": "family_or_friend", "country": "ca"}));
        let text: Vec<&str> = e.talking_points.iter().map(|p| p.text.as_str()).collect();
        let all = text.join(" ");
        assert!(all.contains("They don't have to wait"), "{all}");
        assert!(!all.contains("You don't have to wait"));
        assert!(
            !all.contains("SAMHSA") && !all.contains("buy it at a pharmacy"),
            "no US wording for Canada"
        );
        assert!(all.contains("9-8-8"));
        let e = eval(json!({"dsm5_criteria": 8, "caller": "self", "country": "us"}));
        let all: String = e
            .talking_points
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(all.contains("You don't have to wait") && all.contains("SAMHSA"));
        // Urgent first, with stable ids.
        let e = eval(json!({"suicidal_thoughts": true}));
        assert_eq!(e.talking_points[0].id, "talk.urgent.suicide");
        for p in &e.talking_points {
            assert!(TALKING_POINTS.iter().any(|r| r.id == p.id));
        }
    }

    #[test]
    fn missing_ranks_safety_questions_first_then_what_would_change_most() {
        let e = eval(json!({}));
        assert_eq!(
            e.missing[..4],
            [
                "suicidal_thoughts",
                "medical_urgent",
                "overdoses_past_year",
                "pregnant"
            ]
        );
        assert!(!e.missing.contains(&"province".to_string()));
        // Everything known: nothing to ask.
        let mut all = Answers::default();
        for field in Field::ALL.iter().copied().filter(|f| *f != Field::Province) {
            field.set(&mut all, &field.candidates()[0]).unwrap();
        }
        assert!(evaluate(&all, &[]).missing.is_empty());
        // Housing would change the setting (a level), privacy only a medicine: housing first.
        let e = eval(known(
            json!({"dsm5_criteria": 8, "relapse_history": true, "housing": null, "needs_privacy": null, "pregnant": false}),
        ));
        let pos = |f: &str| e.missing.iter().position(|m| m == f);
        assert!(
            pos("housing").unwrap() < pos("needs_privacy").unwrap(),
            "{:?}",
            e.missing
        );
        // An answer that changes nothing is not asked.
        let e = eval(known(
            json!({"dsm5_criteria": 8, "pregnant": false, "caller": null}),
        ));
        assert!(!e.missing.contains(&"caller".to_string()));
    }

    #[test]
    fn the_same_answers_always_give_the_same_result_and_name_their_rules() {
        let input = json!({"dsm5_criteria": 7, "housing": "unstable", "injects": true, "days_since_last_use": 2});
        let a = eval(input.clone());
        assert_eq!(a, eval(input));
        assert!(
            RULES_VERSION.starts_with("2.") && RULES_VERSION.len() == 12,
            "{}",
            *RULES_VERSION
        );
        assert!(!a.rules_fired.is_empty());
        // Deciding rules: talking points are read, not fired.
        let ids: Vec<&str> = rules::ids()
            .into_iter()
            .filter(|id| !id.starts_with("talk."))
            .collect();
        for id in &a.rules_fired {
            assert!(ids.contains(&id.as_str()), "{id} is a rule");
        }
        assert!(a.rules_fired.contains(&"severity.severe".to_string()));
        assert!(
            a.rules_fired
                .contains(&"setting.intensive.living".to_string())
        );
    }

    /// The clinical review of the v2 rules (an addiction physician's reading, 2026-12):
    /// each finding that changed a rule, with the input it was found on.
    #[test]
    fn findings_of_the_clinical_review_of_the_rules() {
        use MedicationStatus::*;
        // Steady on buprenorphine with an old history and no support: keep the prescriber.
        let e = eval(
            json!({"current_medication": "buprenorphine", "days_since_last_use": 700, "dsm5_criteria": 0, "housing": "stable", "support": "none", "relapse_history": true, "quit_attempts": "several", "overdoses_past_year": "none", "suicidal_thoughts": false, "medical_urgent": false}),
        );
        assert_eq!(e.setting.level, Level::Outpatient);
        assert_eq!(
            e.severity,
            Severity::Remission,
            "not \"no disorder\" while on treatment"
        );
        assert_eq!(e.approach.plan, Plan::Maintenance);
        assert_eq!(status(&e, "buprenorphine"), Continue);
        assert_eq!(risk(&e, Area::UseAndOverdoseRisk), Risk::Moderate);
        // Prescribed pills for pain, no DSM-5 count: a review, no methadone.
        let e = eval(
            json!({"chronic_pain": true, "opioids": ["prescription_pills"], "frequency": "daily", "duration": "over_5_years", "country": "us"}),
        );
        assert_eq!(
            (e.severity, e.approach.plan),
            (Severity::Unknown, Plan::Review)
        );
        assert_eq!(status_of(&e, "methadone"), None);
        assert!(!codes(&e).contains(&AlertCode::StartToday));
        assert!(!codes(&e).contains(&AlertCode::NeverUseAlone));
        // Occasional use only: methadone is not suggested to someone maybe not tolerant.
        let e = eval(json!({"frequency": "occasional", "country": "us"}));
        assert_eq!(status(&e, "methadone"), Consider);
        assert!(reasons(&e, "methadone").contains("used to opioids every day"));
        // Heavy daily drinking said without listing alcohol: the co-use warning too.
        let e = eval(json!({"dsm5_criteria": 6, "sedative_withdrawal_risk": "daily_heavy"}));
        assert!(codes(&e).contains(&AlertCode::SedativeCoUse));
        // Past DTs, no longer drinking: no bed for it.
        let e = eval(known(
            json!({"dsm5_criteria": 6, "sedative_withdrawal_risk": "past_seizures_or_dts", "other_substances": []}),
        ));
        assert_ne!(e.setting.level, Level::Inpatient);
        // No disorder: outpatient at most, even with a hard home situation.
        let e = eval(known(
            json!({"dsm5_criteria": 1, "housing": "homeless", "relapse_history": true}),
        ));
        assert_eq!(e.setting.level, Level::Outpatient);
        // Pregnant on methadone: keep it; switching is not usually advised.
        let e = eval(
            json!({"pregnant": true, "dsm5_criteria": 7, "current_medication": "methadone", "days_since_last_use": 200}),
        );
        assert_eq!(status(&e, "methadone"), Continue);
        assert_eq!(status(&e, "buprenorphine"), Consider);
        assert!(reasons(&e, "buprenorphine").contains("not usually advised"));
        assert!(
            e.alerts
                .iter()
                .any(|a| a.code == AlertCode::Pregnancy && a.message.contains("keep taking"))
        );
        // Pregnant and homeless: extended-release buprenorphine at most worth discussing.
        let e = eval(
            json!({"pregnant": true, "dsm5_criteria": 7, "housing": "homeless", "age_group": "18_plus"}),
        );
        assert_eq!(status(&e, "extended-release-buprenorphine"), Consider);
        // Canada, already on the injection through special access: keep it.
        let e = eval(
            json!({"dsm5_criteria": 7, "country": "ca", "current_medication": "extended_release_naltrexone"}),
        );
        assert_eq!(status(&e, "extended-release-naltrexone"), Continue);
        // Under 18: start with a youth service, not "today at a bridge clinic".
        let e = eval(json!({"dsm5_criteria": 7, "age_group": "16_to_17", "country": "us"}));
        assert!(
            e.alerts.iter().any(|a| a.code == AlertCode::StartToday
                && a.message.contains("youth addiction service"))
        );
        // On methadone and just released: no "tolerance is low", but no gap in doses.
        let e = eval(
            json!({"dsm5_criteria": 7, "current_medication": "methadone", "recently_released": true, "days_since_last_use": 90}),
        );
        let msg = &e
            .alerts
            .iter()
            .find(|a| a.code == AlertCode::OverdoseAfterAbstinence)
            .unwrap()
            .message;
        assert!(
            msg.contains("without a gap") && !msg.contains("tolerance is low"),
            "{msg}"
        );
        // Naltrexone after stopping methadone or buprenorphine: wait up to 2 weeks.
        let e = eval(
            json!({"dsm5_criteria": 7, "days_since_last_use": 60, "declined_medications": ["methadone", "buprenorphine"], "prior_treatment": ["medication"], "current_medication": "none", "country": "us"}),
        );
        assert!(reasons(&e, "extended-release-naltrexone").contains("past 2 weeks"));
    }

    #[test]
    fn every_slug_the_rules_name_is_listed() {
        let slugs = rules::slugs();
        for slug in [
            "methadone",
            "slow-release-oral-morphine",
            "injectable-opioid-agonist-treatment",
            "extended-release-naltrexone",
            "dual-diagnosis-treatment",
            "sober-living",
        ] {
            assert!(slugs.contains(&slug), "{slug}");
        }
    }

    use proptest::prelude::*;

    /// Any answers at all: every field unknown or one of its candidate values.
    fn any_answers() -> impl Strategy<Value = Answers> {
        let per_field: Vec<_> = Field::ALL
            .iter()
            .map(|f| prop::option::of(prop::sample::select(f.candidates().to_vec())))
            .collect();
        per_field.prop_map(|values| {
            let mut a = Answers::default();
            for (field, value) in Field::ALL.iter().zip(values) {
                if let Some(v) = value {
                    field.set(&mut a, &v).unwrap();
                }
            }
            if a.country != Some(Country::Ca) {
                a.province = None;
            }
            a
        })
    }

    fn high_areas(e: &Evaluation) -> usize {
        e.setting
            .areas
            .iter()
            .filter(|a| a.risk == Risk::High)
            .count()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// No single high area ever gives inpatient care; the one exception the issue
        /// names is a dangerous sedative withdrawal (past seizures or DTs).
        #[test]
        fn no_single_high_area_gives_inpatient(a in any_answers()) {
            let e = evaluate(&a, &[]);
            if e.setting.level == Level::Inpatient
                && a.sedative_withdrawal_risk != Some(crate::assessment::answers::SedativeWithdrawalRisk::PastSeizuresOrDts)
            {
                prop_assert!(high_areas(&e) >= 2, "{:?}", a);
                prop_assert_eq!(risk(&e, Area::UseAndOverdoseRisk), Risk::High);
                prop_assert_eq!(risk(&e, Area::LivingSituation), Risk::High);
            }
        }

        /// Pregnancy never gives a taper, the naltrexone wait, or naltrexone suggested.
        #[test]
        fn pregnancy_is_never_a_taper_or_naltrexone(a in any_answers()) {
            let e = evaluate(&a, &[]);
            if a.pregnant == Some(true) {
                prop_assert_ne!(e.approach.plan, Plan::Taper);
                prop_assert_ne!(e.approach.plan, Plan::NoMedication);
                prop_assert!(!codes(&e).contains(&AlertCode::NaltrexoneWait));
                for slug in ["naltrexone", "extended-release-naltrexone", "lofexidine"] {
                    prop_assert_ne!(status_of(&e, slug), Some(MedicationStatus::Suggested), "{}", slug);
                }
            }
        }

        /// Canada never lists extended-release naltrexone or lofexidine.
        #[test]
        fn canada_never_lists_what_it_does_not_have(a in any_answers()) {
            let e = evaluate(&a, &[]);
            if a.country == Some(Country::Ca) {
                // Only to keep taking it, for someone who has it through special access.
                prop_assert_eq!(status_of(&e, "extended-release-naltrexone").filter(|s| *s != MedicationStatus::Continue), None);
                prop_assert_eq!(status_of(&e, "lofexidine"), None);
            }
            if a.country == Some(Country::Us) {
                prop_assert_eq!(status_of(&e, "slow-release-oral-morphine").filter(|s| *s != MedicationStatus::Continue), None);
                prop_assert_eq!(status_of(&e, "injectable-opioid-agonist-treatment").filter(|s| *s != MedicationStatus::Continue), None);
            }
        }

        /// Naloxone always; 988 (or 9-8-8) always among the helplines.
        #[test]
        fn naloxone_and_988_always(a in any_answers()) {
            let lines = LIBRARY.with(|l| l.clone());
            let e = evaluate(&a, &lines);
            prop_assert_eq!(status_of(&e, "naloxone"), Some(MedicationStatus::Suggested));
            prop_assert!(codes(&e).contains(&AlertCode::Naloxone));
            prop_assert!(e.helplines.iter().any(|h| h.phone.as_deref() == Some("988")), "{:?}", a);
        }

        /// Unknown never lowers the level: with any one answer taken away, the level is
        /// at least what the least worrying answer to it would give.
        #[test]
        fn unknown_never_lowers_the_level(a in any_answers(), pick in 0usize..64) {
            let answered: Vec<Field> = Field::ALL.iter().copied().filter(|f| !f.is_unknown(&a)).collect();
            prop_assume!(!answered.is_empty());
            let field = answered[pick % answered.len()];
            let mut unknown = a.clone();
            field.set(&mut unknown, &Value::Null).unwrap();
            let level_unknown = evaluate(&unknown, &[]).setting.level;
            let least = field.candidates().iter().map(|v| {
                let mut t = unknown.clone();
                field.set(&mut t, v).unwrap();
                evaluate(&t, &[]).setting.level
            }).min().unwrap();
            prop_assert!(level_unknown >= least, "{:?} unknown gives {:?} < {:?}", field, level_unknown, least);
        }

        /// Alcohol or benzodiazepines never make methadone or buprenorphine "not advised".
        #[test]
        fn sedatives_never_withhold_an_agonist(a in any_answers()) {
            let e = evaluate(&a, &[]);
            for slug in ["methadone", "buprenorphine"] {
                prop_assert_ne!(status_of(&e, slug), Some(MedicationStatus::NotAdvised));
            }
        }

        /// No disorder: a review, and nothing suggested but naloxone.
        #[test]
        fn no_disorder_suggests_nothing_but_naloxone(a in any_answers()) {
            let e = evaluate(&a, &[]);
            if e.severity == Severity::None {
                prop_assert_eq!(e.approach.plan, Plan::Review);
                for m in &e.medications {
                    prop_assert!(m.slug == "naloxone" || m.status == MedicationStatus::Continue, "{}", m.slug);
                }
            }
        }

        /// Urgent answers lead to urgent actions first.
        #[test]
        fn urgent_answers_come_first(a in any_answers()) {
            let e = evaluate(&a, &[]);
            if a.suicidal_thoughts == Some(true) || a.medical_urgent == Some(true) {
                prop_assert_eq!(e.setting.level, Level::Hospital);
                prop_assert!(e.alerts[0].code.is_urgent());
                prop_assert!(e.talking_points[0].id.starts_with("talk.urgent"));
            }
            if a.suicidal_thoughts.is_none() || a.medical_urgent.is_none() {
                prop_assert!(e.missing.first().is_some_and(|f| f == "suicidal_thoughts" || f == "medical_urgent"), "{:?}", e.missing);
            }
        }
    }

    /// Every value a field can take (lists: none, each item, each pair; days: the first
    /// 60 and a few long ones), to check the values `missing` tries against.
    fn every_value(field: Field) -> Vec<Value> {
        use crate::assessment::answers::Kind;
        match field.kind() {
            Kind::One(names) => names.iter().map(|n| Value::from(*n)).collect(),
            Kind::YesNo => vec![Value::Bool(true), Value::Bool(false)],
            Kind::Number { max } if max <= 48 => (0..=max).map(Value::from).collect(),
            Kind::Number { max } => (0..60).chain([90, 365, max]).map(Value::from).collect(),
            Kind::Many(names) => {
                let mut out = vec![json!([])];
                for (i, a) in names.iter().enumerate() {
                    out.push(json!([a]));
                    for b in &names[i + 1..] {
                        out.push(json!([a, b]));
                    }
                }
                out
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// The values `missing` tries are enough: when any value of an unanswered field
        /// would change the decision, one of the tried values does too. So a question is
        /// never left out of `missing` because its deciding value was not tried.
        #[test]
        fn the_values_missing_tries_find_every_question_that_matters(a in any_answers()) {
            let now = Key::of(&decide(&a, None).0);
            for &field in Field::ALL {
                let key = |v: &Value| {
                    let mut t = a.clone();
                    field.set(&mut t, v).unwrap();
                    Key::of(&decide(&t, None).0)
                };
                let tried_changes = field.candidates().iter().any(|v| key(v) != now);
                let some_value_changes = every_value(field).iter().any(|v| key(v) != now);
                prop_assert_eq!(tried_changes, some_value_changes, "{:?} for {:?}", field, a);
            }
        }

        /// Skipping the fields deciding did not read changes nothing.
        #[test]
        fn skipping_unread_fields_changes_nothing(a in any_answers()) {
            let (f, _) = decide(&a, None);
            let key = Key::of(&f);
            prop_assert_eq!(missing(&a, &key, Some(f.a.reads())), missing(&a, &key, None));
        }
    }

    thread_local! {
        static LIBRARY: Vec<Helpline> = library();
    }
}

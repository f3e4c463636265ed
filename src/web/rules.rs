//! `/rules`: every rule of the engine, grouped by decision, with its condition, its
//! conclusion, its reason and its source, so a clinician can review the logic without
//! reading Rust.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;

use super::{Layout, render};
use crate::AppState;
use crate::assessment::RULES_VERSION;
use crate::assessment::rules::{
    ALERTS, AREAS, LevelAsk, Listed, MEDICATIONS, PLAN, Rule, SETTING, SEVERITY, SUPPORT,
    TALKING_POINTS, THERAPIES, Then,
};
use crate::assessment::sources::{Citation, Source};
use crate::web::cache::Shelf;
use crate::web::delivery::Wants;
use crate::web::error::AppError;

pub fn router() -> Router<AppState> {
    Router::new().route("/rules", get(page))
}

/// One rule as a row of the page.
pub struct RuleRow {
    pub id: &'static str,
    pub when: &'static str,
    pub then: String,
    pub reason: &'static str,
    /// For talking points: the wording used when someone else calls about the person.
    pub reason_about: Option<&'static str>,
    pub source: Source,
    pub source_short: &'static str,
}

pub struct RuleGroup {
    pub anchor: &'static str,
    pub title: &'static str,
    /// How the table decides.
    pub how: &'static str,
    pub rows: Vec<RuleRow>,
}

#[derive(Template)]
#[template(path = "rules.html")]
pub struct RulesPage {
    pub layout: Layout,
    pub version: &'static str,
    pub groups: Vec<RuleGroup>,
    pub sources: Vec<(Source, Citation)>,
}

fn rows<T>(table: &'static [Rule<T>], then: impl Fn(&T) -> String) -> Vec<RuleRow> {
    table
        .iter()
        .map(|r| RuleRow {
            id: r.id,
            when: r.when,
            then: then(&r.then),
            reason: r.reason,
            reason_about: None,
            source: r.source,
            source_short: r.source.citation().short,
        })
        .collect()
}

fn decides<T>(then: &Then<T>, show: impl Fn(&T) -> String) -> String {
    match then {
        Then::Is(x) => show(x),
        Then::Note => "adds this reason".to_string(),
    }
}

pub fn groups() -> Vec<RuleGroup> {
    vec![
        RuleGroup {
            anchor: "severity",
            title: "Severity",
            how: "The DSM-5 count decides whether a disorder is indicated and how strongly medication is recommended; it does not decide the setting. Without a count, an estimate is shown as one. The first row whose condition holds decides.",
            rows: rows(SEVERITY, |t| {
                decides(t, |(s, _)| format!("severity: {}", s.label()))
            }),
        },
        RuleGroup {
            anchor: "areas",
            title: "Risk in six areas",
            how: "Every row that holds asks for a risk in its area; the area takes the highest. \"Not known yet\" ranks above low and counts as moderate: unknown is never reassuring. These areas follow the idea of multidimensional assessment; they are not ASAM's dimensions or levels.",
            rows: rows(AREAS, |(area, risk)| {
                format!("{}: {}", area.label(), risk.label())
            }),
        },
        RuleGroup {
            anchor: "setting",
            title: "Setting",
            how: "Every row that holds asks for a level; the setting is the most intensive one asked for, unless a row that holds caps it (\"at most\"; a cap never lowers hospital care). Scores are never added up or averaged, and one high area on its own asks for intensive outpatient care at most (a dangerous alcohol or benzodiazepine withdrawal is the one exception). Pregnancy on its own never raises the level.",
            rows: rows(SETTING, |ask| match ask {
                LevelAsk::AtLeast(l) => format!("at least: {}", l.label()),
                LevelAsk::AtMost(l) => {
                    format!("at most: {} (never lowers hospital care)", l.label())
                }
            }),
        },
        RuleGroup {
            anchor: "plan",
            title: "Plan",
            how: "The first deciding row that holds decides; the rows marked \"adds this reason\" explain it further.",
            rows: rows(PLAN, |t| {
                decides(t, |(plan, medication)| match medication {
                    Some(m) => format!("{} ({})", plan.label(), format!("{m:?}").to_lowercase()),
                    None => plan.label().to_string(),
                })
            }),
        },
        RuleGroup {
            anchor: "medications",
            title: "Medications",
            how: "For each medicine, in this order, the first deciding row that holds decides its status or leaves it out; notes add reasons to a listed medicine. Alcohol or benzodiazepines never make methadone or buprenorphine \"not advised\" (FDA 2017).",
            rows: rows(MEDICATIONS, |(med, then)| {
                let name = med.slug().replace('-', " ");
                match then {
                    Then::Is(Listed::As(s)) => format!("{name}: {}", s.label()),
                    Then::Is(Listed::NotListed) => format!("{name}: not listed"),
                    Then::Note => format!("{name}: adds this reason"),
                }
            }),
        },
        RuleGroup {
            anchor: "alerts",
            title: "Alerts",
            how: "Every row that holds is shown, most urgent first. The reason column is the alert's text.",
            rows: rows(ALERTS, |code| code.name().to_string()),
        },
        RuleGroup {
            anchor: "therapies",
            title: "Therapies",
            how: "Every row that holds is shown.",
            rows: rows(THERAPIES, |slug| slug.replace('-', " ")),
        },
        RuleGroup {
            anchor: "support",
            title: "Support",
            how: "Every row that holds is shown.",
            rows: rows(SUPPORT, |slug| slug.replace('-', " ")),
        },
        RuleGroup {
            anchor: "talking-points",
            title: "Talking points",
            how: "Every row that holds is read, in this order, worded for the person when they call, or about them when family, a friend or a professional calls.",
            rows: TALKING_POINTS
                .iter()
                .map(|r| RuleRow {
                    id: r.id,
                    when: r.when,
                    then: r.reason.to_string(),
                    reason: r.then.to_person,
                    reason_about: Some(r.then.about_person),
                    source: r.source,
                    source_short: r.source.citation().short,
                })
                .collect(),
        },
    ]
}

async fn page(State(state): State<AppState>, wants: Wants) -> Result<Response, AppError> {
    state
        .pages
        .serve(Shelf::Content, "rules", &wants, || {
            render(&RulesPage {
                layout: Layout::new("rules", &wants.locale),
                version: RULES_VERSION.as_str(),
                groups: groups(),
                sources: Source::ALL.iter().map(|s| (*s, s.citation())).collect(),
            })
        })
        .await
}

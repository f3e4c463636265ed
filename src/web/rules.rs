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
use crate::i18n::{Lang, text};
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
    pub title: String,
    /// How the table decides.
    pub how: String,
    pub rows: Vec<RuleRow>,
}

#[derive(Template)]
#[template(path = "rules.html")]
pub struct RulesPage {
    pub layout: Layout,
    pub version: &'static str,
    /// On a page in another language: the line saying the rules are in English, which
    /// marks them `lang="en"`.
    pub rules_in_english: Option<String>,
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

/// Every table of rules, its title and how it decides in `lang`; the rows in English.
pub fn groups(lang: Lang) -> Vec<RuleGroup> {
    vec![
        RuleGroup {
            anchor: "severity",
            title: text(lang, "rules-group-severity-title"),
            how: text(lang, "rules-group-severity-how"),
            rows: rows(SEVERITY, |t| {
                decides(t, |(s, _)| format!("severity: {}", s.label()))
            }),
        },
        RuleGroup {
            anchor: "areas",
            title: text(lang, "rules-group-areas-title"),
            how: text(lang, "rules-group-areas-how"),
            rows: rows(AREAS, |(area, risk)| {
                format!("{}: {}", area.label(), risk.label())
            }),
        },
        RuleGroup {
            anchor: "setting",
            title: text(lang, "rules-group-setting-title"),
            how: text(lang, "rules-group-setting-how"),
            rows: rows(SETTING, |ask| match ask {
                LevelAsk::AtLeast(l) => format!("at least: {}", l.label()),
                LevelAsk::AtMost(l) => {
                    format!("at most: {} (never lowers hospital care)", l.label())
                }
            }),
        },
        RuleGroup {
            anchor: "plan",
            title: text(lang, "rules-group-plan-title"),
            how: text(lang, "rules-group-plan-how"),
            rows: rows(PLAN, |t| {
                decides(t, |(plan, medication)| match medication {
                    Some(m) => format!("{} ({})", plan.label(), format!("{m:?}").to_lowercase()),
                    None => plan.label().to_string(),
                })
            }),
        },
        RuleGroup {
            anchor: "medications",
            title: text(lang, "rules-group-medications-title"),
            how: text(lang, "rules-group-medications-how"),
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
            title: text(lang, "rules-group-alerts-title"),
            how: text(lang, "rules-group-alerts-how"),
            rows: rows(ALERTS, |code| code.name().to_string()),
        },
        RuleGroup {
            anchor: "therapies",
            title: text(lang, "rules-group-therapies-title"),
            how: text(lang, "rules-group-therapies-how"),
            rows: rows(THERAPIES, |slug| slug.replace('-', " ")),
        },
        RuleGroup {
            anchor: "support",
            title: text(lang, "rules-group-support-title"),
            how: text(lang, "rules-group-support-how"),
            rows: rows(SUPPORT, |slug| slug.replace('-', " ")),
        },
        RuleGroup {
            anchor: "talking-points",
            title: text(lang, "rules-group-talking-points-title"),
            how: text(lang, "rules-group-talking-points-how"),
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
            let lang = wants.locale.lang;
            render(&RulesPage {
                layout: Layout::new("rules", &wants.locale),
                version: RULES_VERSION.as_str(),
                rules_in_english: (lang != Lang::En)
                    .then(|| text(lang, "rules-page-table-language")),
                groups: groups(lang),
                sources: Source::ALL.iter().map(|s| (*s, s.citation())).collect(),
            })
        })
        .await
}

//! `/find-care`: where to look for a treatment program, by country. The US part points
//! to FindTreatment.gov (with the filters worth picking named in words), SAMHSA's
//! directory of opioid treatment programs and the SAMHSA helpline; the Canadian part
//! lists each province's own lines from the helpline content. The app asks for no
//! location and sends none: `?country=us|ca&province=on` only puts that part first,
//! and the links out are plain links. In another language (`/es/find-care`) the
//! filters keep the names FindTreatment.gov gives them, with what each finds in that
//! language, and each Canadian line says how to reach it in that language.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;

use super::helplines::{
    CountryLines, Place, ProvinceLines, country_name, province_name, provinces_in,
};
use super::{Layout, render};
use crate::AppState;
use crate::assessment::Evaluation;
use crate::assessment::result::{AlertCode, Level, MedicationStatus};
use crate::content::{Country, PROVINCES};
use crate::i18n::{Lang, text};
use crate::web::cache::Shelf;
use crate::web::delivery::Wants;
use crate::web::error::AppError;

pub fn router() -> Router<AppState> {
    Router::new().route("/find-care", get(page))
}

/// FindTreatment.gov's filters, named as this site names them on `/find-care`.
pub mod filter {
    pub const OTP: &str = "Opioid treatment program";
    pub const BUPRENORPHINE: &str = "Buprenorphine";
    pub const NALTREXONE: &str = "Naltrexone";
    pub const RESIDENTIAL: &str = "Residential";
    pub const INTENSIVE_OUTPATIENT: &str = "Intensive outpatient";
    pub const OUTPATIENT: &str = "Outpatient";
    pub const PREGNANT: &str = "Pregnant or postpartum women";
}

/// The FindTreatment.gov filters that fit a result: a program for each medicine
/// suggested or already taken (methadone for addiction comes only from an opioid
/// treatment program), the setting, and programs for pregnancy. Nothing for a hospital
/// result: the step then is the emergency department, not a search.
pub fn findtreatment_filters(e: &Evaluation) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let mut add = |name: &'static str| {
        if !out.contains(&name) {
            out.push(name);
        }
    };
    let wanted = |slugs: &[&str]| {
        e.medications.iter().any(|m| {
            slugs.contains(&m.slug.as_str())
                && matches!(
                    m.status,
                    MedicationStatus::Suggested | MedicationStatus::Continue
                )
        })
    };
    if wanted(&["methadone"]) {
        add(filter::OTP);
    }
    if wanted(&[
        "buprenorphine",
        "buprenorphine-naloxone",
        "extended-release-buprenorphine",
    ]) {
        add(filter::BUPRENORPHINE);
    }
    if wanted(&["naltrexone", "extended-release-naltrexone"]) {
        add(filter::NALTREXONE);
    }
    match e.setting.level {
        Level::Outpatient => add(filter::OUTPATIENT),
        Level::IntensiveOutpatient => add(filter::INTENSIVE_OUTPATIENT),
        Level::Inpatient => add(filter::RESIDENTIAL),
        Level::Hospital => {}
    }
    if e.alerts.iter().any(|a| a.code == AlertCode::Pregnancy) {
        add(filter::PREGNANT);
    }
    out
}

/// The `/find-care` address for a place (`/find-care?country=ca&province=on`).
pub fn link(country: Option<Country>, province: Option<&str>) -> String {
    let province = province.filter(|p| PROVINCES.iter().any(|(code, _)| code == p));
    match (country, province) {
        (Some(Country::Ca), Some(p)) => format!("/find-care?country=ca&province={p}"),
        (Some(c), _) => format!("/find-care?country={}", c.code()),
        (None, _) => "/find-care".to_string(),
    }
}

#[derive(Template)]
#[template(path = "find_care.html")]
pub struct FindCarePage<'a> {
    pub layout: Layout,
    pub place: Place,
    /// The chosen province's name, in the page's language.
    pub place_name: Option<String>,
    /// The Canadian part before the US one.
    pub canada_first: bool,
    /// Provinces and territories with lines of their own, the visitor's first.
    pub provinces: Vec<ProvinceLines<'a>>,
    /// The visitor's province has a line of its own (shown first).
    pub province_has_lines: bool,
    /// Every province and territory, for the chooser: (code, name), by name.
    pub all_provinces: Vec<(&'static str, String)>,
    /// The countries' names in the page's language.
    pub us_name: String,
    pub ca_name: String,
    /// FindTreatment.gov's filters worth picking, in the order shown: the filter's
    /// name as that site shows it, and what it finds in the page's language.
    pub filters: Vec<(&'static str, String)>,
    /// On a translated page: the line saying the filters keep their English names.
    pub filter_names_note: Option<String>,
}

/// FindTreatment.gov's filters shown on the page, with the id of what each finds.
const FILTERS: [(&str, &str); 7] = [
    (filter::OTP, "care-filter-otp"),
    (filter::BUPRENORPHINE, "care-filter-buprenorphine"),
    (filter::NALTREXONE, "care-filter-naltrexone"),
    (
        "Residential, Intensive outpatient or Outpatient",
        "care-filter-setting",
    ),
    (filter::PREGNANT, "care-filter-pregnant"),
    ("Medicaid or Sliding fee scale", "care-filter-payment"),
    ("Spanish", "care-filter-spanish"),
];

async fn page(
    State(state): State<AppState>,
    Query(query): Query<Vec<(String, String)>>,
    wants: Wants,
) -> Result<Response, AppError> {
    let place = Place::from_query(&query);
    let key = format!("find-care {}", place.key());
    state
        .pages
        .serve(Shelf::Content, &key, &wants, || {
            let lang = wants.locale.lang;
            let library = &state.library;
            let canada = CountryLines::group(
                Country::Ca,
                library.helplines_for(Country::Ca),
                lang,
                library,
            )
            .with_first(place.province.map(|(code, _)| code));
            let province_has_lines = canada.first.is_some();
            let provinces = canada.first.into_iter().chain(canada.provinces).collect();
            render(&FindCarePage {
                layout: Layout::new("find-care", &wants.locale),
                place,
                place_name: place.province.map(|(code, _)| province_name(lang, code)),
                canada_first: place.country == Some(Country::Ca),
                provinces,
                province_has_lines,
                all_provinces: provinces_in(lang),
                us_name: country_name(lang, Country::Us),
                ca_name: country_name(lang, Country::Ca),
                filters: FILTERS
                    .iter()
                    .map(|&(name, id)| (name, text(lang, id)))
                    .collect(),
                filter_names_note: (lang != Lang::En).then(|| text(lang, "care-filter-names")),
            })
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::result::{
        Alert, Approach, MedicationAdvice, Plan, Setting, Severity, SeverityBasis,
    };

    fn result(level: Level, meds: &[(&str, MedicationStatus)], alerts: &[AlertCode]) -> Evaluation {
        Evaluation {
            severity: Severity::Severe,
            severity_basis: SeverityBasis::Dsm5,
            severity_reasons: vec![],
            setting: Setting {
                level,
                reasons: vec![],
                areas: vec![],
            },
            approach: Approach {
                plan: Plan::Maintenance,
                reasons: vec![],
                medication: None,
            },
            medications: meds
                .iter()
                .map(|(slug, status)| MedicationAdvice {
                    slug: slug.to_string(),
                    status: *status,
                    reasons: vec![],
                })
                .collect(),
            therapies: vec![],
            support: vec![],
            alerts: alerts
                .iter()
                .map(|&code| Alert {
                    code,
                    message: String::new(),
                })
                .collect(),
            helplines: vec![],
            missing: vec![],
            rules_version: String::new(),
            talking_points: vec![],
            rules_fired: vec![],
        }
    }

    #[test]
    fn the_filters_follow_the_medicines_the_setting_and_pregnancy() {
        use MedicationStatus::*;
        let cases: Vec<(Evaluation, Vec<&str>)> = vec![
            (
                result(
                    Level::Outpatient,
                    &[
                        ("methadone", Suggested),
                        ("buprenorphine", Suggested),
                        ("naltrexone", NotYet),
                        ("naloxone", Suggested),
                    ],
                    &[AlertCode::Naloxone],
                ),
                vec!["Opioid treatment program", "Buprenorphine", "Outpatient"],
            ),
            (
                result(
                    Level::Inpatient,
                    &[("methadone", Continue), ("buprenorphine", Consider)],
                    &[AlertCode::Pregnancy],
                ),
                vec![
                    "Opioid treatment program",
                    "Residential",
                    "Pregnant or postpartum women",
                ],
            ),
            (
                result(
                    Level::IntensiveOutpatient,
                    &[
                        ("extended-release-naltrexone", Suggested),
                        ("naltrexone", Suggested),
                        ("extended-release-buprenorphine", NotAdvised),
                    ],
                    &[],
                ),
                vec!["Naltrexone", "Intensive outpatient"],
            ),
            (
                result(
                    Level::Hospital,
                    &[("extended-release-buprenorphine", Continue)],
                    &[AlertCode::MedicalUrgent],
                ),
                vec!["Buprenorphine"],
            ),
            (result(Level::Hospital, &[], &[]), vec![]),
        ];
        for (e, filters) in cases {
            assert_eq!(findtreatment_filters(&e), filters, "{e:?}");
        }
    }

    #[test]
    fn links_carry_only_known_places() {
        assert_eq!(link(None, None), "/find-care");
        assert_eq!(link(Some(Country::Us), Some("on")), "/find-care?country=us");
        assert_eq!(link(Some(Country::Ca), None), "/find-care?country=ca");
        assert_eq!(
            link(Some(Country::Ca), Some("on")),
            "/find-care?country=ca&province=on"
        );
        assert_eq!(
            link(Some(Country::Ca), Some("x&y")),
            "/find-care?country=ca"
        );
    }
}

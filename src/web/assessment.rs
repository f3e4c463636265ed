//! The questionnaire pages, the result and the clinician's summary sheet, in English
//! at `/assessment…` and in Spanish at `/es/assessment…` (the language from the path,
//! see [`Locale`]). The summary sheet is in either language whatever the page's path:
//! `?lang=en` or `?lang=es` (a bilingual intake worker reads the result in Spanish and
//! prints the sheet in English for the chart).

use std::borrow::Cow;

use askama::Template;
use axum::Router;
use axum::extract::rejection::FormRejection;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Form, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use fluent_templates::fluent_bundle::FluentValue;
use serde::Deserialize;

use super::find_care;
use super::questionnaire::{
    FormError, FormValues, Question, STEPS, answer_label, dsm5_short_in, question,
};
use super::{Layout, render};
use crate::AppState;
use crate::assessment::answers::{Caller, Choice, Country, Kind};
use crate::assessment::result::{
    Alert, AlertCode, HelplineContact, Level, MedicationStatus, Plan, SeverityBasis,
};
use crate::assessment::rules;
use crate::assessment::sources::Source;
use crate::assessment::translate::in_language;
use crate::assessment::{Answers, Evaluation, Field, evaluate};
use crate::content::Library;
use crate::content::{sms_href, tel_href};
use crate::i18n::{self, Lang, path_in};
use crate::store::assessments::{self, SavedAssessment};
use crate::web::cache::Shelf;
use crate::web::delivery::{CachePolicy, Wants};
use crate::web::error::{AppError, RETRY_NOT_SAVED_SECS, retry_after};
use crate::web::locale::Locale;
use crate::web::protect::ClientAddress;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/assessment", get(start).post(submit))
        .route("/assessment/step", post(older_step))
        .route("/assessments/{id}", get(show))
        .route("/assessments/{id}/change", get(change))
        .route("/assessments/{id}/summary", get(summary))
        .route_layer(axum::middleware::from_fn(super::same_origin_forms))
}

/// The form's fields, or a clear page saying why they could not be read.
fn form_pairs(
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
    lang: Lang,
) -> Result<Vec<(String, String)>, AppError> {
    form.map(|Form(pairs)| pairs).map_err(|rejection| {
        let status = rejection.status();
        let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
            super::protect::form_too_large()
        } else {
            i18n::text(lang, "questionnaire-unreadable")
        };
        AppError::Rejected { status, message }
    })
}

/// A choice on screen.
pub struct OptionView {
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
}

/// A question on screen, in the page's language, with what was answered and any error.
pub struct QuestionView {
    pub name: &'static str,
    pub label: String,
    pub say: String,
    pub say_about: String,
    /// `one`, `many` or `number`.
    pub kind: &'static str,
    pub options: Vec<OptionView>,
    /// For `one` questions: "don't know / declined" is the current answer.
    pub unknown_checked: bool,
    /// For `many` questions: "none of these" is ticked.
    pub none_checked: bool,
    /// For `number` questions: the value as typed.
    pub value: String,
    pub max: u32,
    pub error: Option<String>,
}

impl QuestionView {
    fn new(
        q: &'static Question,
        form: &FormValues,
        errors: &[FormError],
        lang: Lang,
    ) -> QuestionView {
        let name = q.field.name();
        let current = form.get(name);
        let answered = current
            .iter()
            .any(|v| !v.trim().is_empty() && v != "unknown");
        let (kind, max) = match q.field.kind() {
            Kind::One(_) | Kind::YesNo => ("one", 0),
            Kind::Many(_) => ("many", 0),
            Kind::Number { max } => ("number", max),
        };
        QuestionView {
            name,
            label: q.label_in(lang).into_owned(),
            say: q.say_in(lang).into_owned(),
            say_about: q.say_about_in(lang).into_owned(),
            kind,
            options: q
                .options
                .iter()
                .map(|(value, _)| OptionView {
                    value,
                    label: q
                        .option_in(lang, value)
                        .map_or_else(String::new, Cow::into_owned),
                    checked: form.has(name, value),
                })
                .collect(),
            unknown_checked: !answered,
            none_checked: form.has(name, "none"),
            value: form.first(name).to_string(),
            max,
            error: errors
                .iter()
                .find(|e| e.field == name)
                .map(|e| e.message(lang)),
        }
    }
}

/// One step of the questionnaire, with its questions as answered so far.
pub struct StepView {
    pub number: usize,
    pub title: String,
    pub intro: String,
    pub questions: Vec<QuestionView>,
    /// The titles of the steps before and after, for the back and next links.
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// The whole questionnaire on one page, in five steps. With JavaScript one step shows
/// at a time; without it the steps follow each other down the page. Either way no
/// answer leaves the browser before the final post, and every page in the browser's
/// history was fetched with GET, so Back never asks to resubmit a form.
#[derive(Template)]
#[template(path = "questionnaire.html")]
pub struct QuestionnairePage {
    pub layout: Layout,
    pub steps: Vec<StepView>,
    /// The error summary: (field, what to call it, message). Questions are named by their
    /// label; anything else (an unknown field) by its name.
    pub errors: Vec<(String, String, String)>,
    /// The step to open first: the one with the first error, or the first.
    pub open_step: usize,
    /// Someone other than the person is on the line: questions say "they".
    pub about_other: bool,
    /// An urgent answer is already given (the page shown again): the what-to-do-now box
    /// shows even where the browser cannot work that out by itself.
    pub urgent: Urgent,
    /// Why the answers are shown again although they were complete (not saved).
    pub notice: Option<Notice>,
    /// Changing the answers of a saved assessment: its id (a new one is saved).
    pub changing: Option<String>,
    pub script: &'static str,
}

/// Answers in the first step that call for action before anything else.
#[derive(Default)]
pub struct Urgent {
    pub suicidal_thoughts: bool,
    pub medical: bool,
}

/// A message above the form, read out by screen readers when the page loads.
pub struct Notice {
    pub heading: String,
    pub message: String,
}

fn questionnaire(form: &FormValues, errors: Vec<FormError>, locale: &Locale) -> QuestionnairePage {
    let lang = locale.lang;
    let open_step = errors
        .first()
        .map_or(1, |e| super::questionnaire::step_of(&e.field));
    QuestionnairePage {
        layout: Layout::new("assessment", locale),
        steps: STEPS
            .iter()
            .enumerate()
            .map(|(i, step)| StepView {
                number: step.number,
                title: step.title_in(lang).into_owned(),
                intro: step.intro_in(lang).into_owned(),
                questions: step
                    .questions
                    .iter()
                    .map(|q| QuestionView::new(q, form, &errors, lang))
                    .collect(),
                previous: i
                    .checked_sub(1)
                    .map(|p| STEPS[p].title_in(lang).into_owned()),
                next: STEPS.get(i + 1).map(|n| n.title_in(lang).into_owned()),
            })
            .collect(),
        open_step,
        about_other: Caller::from_name(form.first(Field::Caller.name()))
            .is_some_and(Caller::is_someone_else),
        urgent: Urgent {
            suicidal_thoughts: form.has(Field::SuicidalThoughts.name(), "true"),
            medical: form.has(Field::MedicalUrgent.name(), "true"),
        },
        notice: None,
        changing: None,
        script: &super::assets::assets().questionnaire_js.url,
        errors: errors
            .into_iter()
            .map(|e| {
                let name = Field::from_name(&e.field).map_or_else(
                    || e.field.clone(),
                    |f| question(f).label_in(lang).into_owned(),
                );
                let message = e.message(lang);
                (e.field, name, message)
            })
            .collect(),
    }
}

fn respond(status: StatusCode, page: &QuestionnairePage) -> Result<Response, AppError> {
    Ok((status, [(header::CACHE_CONTROL, "no-store")], render(page)?).into_response())
}

/// The questionnaire. Answers may be filled in from the query, as the COWS tool does
/// with its score (`/assessment?cows_score=14`); a value that does not fit is shown with
/// its error, like any other.
async fn start(
    State(state): State<AppState>,
    wants: Wants,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, AppError> {
    let locale = wants.locale.clone();
    let Query(pairs) = query.map_err(|rejection| AppError::Rejected {
        status: rejection.status(),
        message: i18n::text(locale.lang, "questionnaire-bad-link"),
    })?;
    let form = FormValues::from_pairs(&pairs);
    if pairs.is_empty() {
        // The blank questionnaire is the same for everyone who reads the same language:
        // kept, like a content page, but no browser keeps it (see `CachePolicy::NoStore`).
        let page = state
            .pages
            .get_or_render(Shelf::Content, &locale.cache_key("assessment"), || {
                render(&questionnaire(&form, vec![], &locale))
            })
            .await?;
        return Ok(page.respond(&wants, CachePolicy::NoStore));
    }
    let errors = form.answers().1;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    respond(status, &questionnaire(&form, errors, &locale))
}

/// A step of the questionnaire as an earlier release posted it (a page left open across
/// an upgrade): the whole questionnaire, with every answer it carried.
async fn older_step(
    locale: Locale,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let pairs: Vec<(String, String)> = form_pairs(form, locale.lang)?
        .into_iter()
        .filter(|(k, _)| k != "step" && k != "go")
        .collect();
    respond(
        StatusCode::OK,
        &questionnaire(&FormValues::from_pairs(&pairs), vec![], &locale),
    )
}

/// "Change answers": the questionnaire again with a saved assessment's answers filled
/// in. Sending it saves a new assessment; the earlier one is left as it was.
async fn change(
    State(state): State<AppState>,
    locale: Locale,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let saved = find(&state, &id).await?;
    let form = FormValues::from_answers(&saved.answers);
    let mut page = questionnaire(&form, vec![], &locale);
    page.changing = Some(saved.id);
    respond(StatusCode::OK, &page)
}

/// The last step (or one POST with every answer): evaluate, save, and show the result
/// in the language the questionnaire was in.
async fn submit(
    State(state): State<AppState>,
    locale: Locale,
    client: ClientAddress,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let lang = locale.lang;
    let pairs = form_pairs(form, lang)?;
    let form = FormValues::from_pairs(&pairs);
    let (answers, errors) = form.answers();
    if !errors.is_empty() {
        return respond(
            StatusCode::UNPROCESSABLE_ENTITY,
            &questionnaire(&form, errors, &locale),
        );
    }
    if let Err(wait) = state.saves.check(client) {
        let notice = Notice {
            heading: i18n::text(lang, "questionnaire-rate-limited-title"),
            message: i18n::text_with(
                lang,
                "questionnaire-rate-limited",
                &[("seconds", FluentValue::from(wait))],
            ),
        };
        return answers_kept(StatusCode::TOO_MANY_REQUESTS, wait, &form, notice, &locale);
    }
    match save(&state, &answers).await {
        Ok(saved) => {
            Ok(Redirect::to(&path_in(lang, &format!("/assessments/{}", saved.id))).into_response())
        }
        Err(NotSaved) => {
            let notice = Notice {
                heading: i18n::text(lang, "questionnaire-not-saved-title"),
                message: i18n::text(lang, "questionnaire-not-saved"),
            };
            answers_kept(
                StatusCode::SERVICE_UNAVAILABLE,
                RETRY_NOT_SAVED_SECS,
                &form,
                notice,
                &locale,
            )
        }
    }
}

/// The questionnaire again, open at the last step, with every answer in the form and
/// `notice` on top: what a person sees when the answers were complete but could not be
/// saved.
fn answers_kept(
    status: StatusCode,
    retry_secs: u64,
    form: &FormValues,
    notice: Notice,
    locale: &Locale,
) -> Result<Response, AppError> {
    let mut page = questionnaire(form, vec![], locale);
    page.open_step = STEPS.len();
    page.notice = Some(notice);
    Ok(retry_after(respond(status, &page)?, retry_secs))
}

/// The assessment could not be stored; the failure is in the log (without answers).
#[derive(Debug)]
pub struct NotSaved;

/// Evaluates and saves; shared with the API. `Ok` only once the save has committed.
pub async fn save(state: &AppState, answers: &Answers) -> Result<SavedAssessment, NotSaved> {
    let result = evaluate(answers, state.library.helplines());
    assessments::insert(&state.pool, answers, &result, &state.library.version)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "saving an assessment failed; the person was told it was not saved");
            NotSaved
        })
}

async fn find(state: &AppState, id: &str) -> Result<SavedAssessment, AppError> {
    assessments::find(&state.pool, id, state.retention_days)
        .await?
        .ok_or(AppError::NotFound)
}

/// A medication, therapy or support suggestion with its page's title and link.
pub struct SuggestionView {
    pub slug: String,
    /// The item's page in the page's language.
    pub href: String,
    /// The item's title: its translation's when a current one exists.
    pub title: String,
    pub reasons: Vec<String>,
    /// Status label and CSS class, for medications.
    pub status: Option<(String, &'static str)>,
}

/// A question still worth asking, with the words for it.
pub struct AskNext {
    pub label: String,
    /// Short name, for the summary sheet.
    pub short: String,
    pub say: String,
}

/// One of the six areas, with its risk.
pub struct AreaView {
    pub name: String,
    pub risk: String,
    pub css: &'static str,
    pub reasons: Vec<String>,
}

/// A helpline with the links a phone dials or texts.
pub struct HelplineView {
    pub name: String,
    /// (number as written, `tel:` link)
    pub phone: Option<(String, String)>,
    /// (number as written, `sms:` link)
    pub text: Option<(String, String)>,
    pub tty: Option<(String, String)>,
    pub url: Option<String>,
    pub hours: String,
    pub purpose: String,
    /// How to be helped in the page's language on this line (a menu option, a text
    /// keyword), from the helpline's translation; none on English pages.
    pub in_language: Option<String>,
}

impl HelplineView {
    fn new(h: &HelplineContact, in_language: Option<String>) -> HelplineView {
        let link =
            |n: &Option<String>, href: fn(&str) -> String| n.as_ref().map(|n| (n.clone(), href(n)));
        HelplineView {
            name: h.name.clone(),
            phone: link(&h.phone, tel_href),
            text: link(&h.text, sms_href),
            tty: link(&h.tty, tel_href),
            url: h.url.clone(),
            hours: h.hours.clone(),
            purpose: h.purpose.clone(),
            in_language,
        }
    }
}

/// What both the result page and the summary sheet show, in one language.
pub struct ResultView {
    pub id: String,
    /// When it was saved, in UTC, as people read it.
    pub created_at: String,
    /// The same in ISO 8601, for the browser to show in local time.
    pub created_at_iso: String,
    /// Who gave the information.
    pub informant: String,
    pub rules_version: String,
    pub content_version: String,
    /// The evaluation, its words in the view's language.
    pub result: Evaluation,
    pub severity: String,
    pub severity_is_estimate: bool,
    pub setting: String,
    /// The setting's page, in the view's language (none for the hospital).
    pub setting_href: Option<String>,
    pub plan: String,
    pub areas: Vec<AreaView>,
    pub medications: Vec<SuggestionView>,
    pub therapies: Vec<SuggestionView>,
    pub support: Vec<SuggestionView>,
    pub ask_next: Vec<AskNext>,
    pub talking_points: Vec<String>,
    /// Alerts that call for action now: their action, in a line, first on the page.
    pub urgent: Vec<Alert>,
    /// "Medication can usually start today", where it applies.
    pub start_today: Option<String>,
    /// The other alerts.
    pub notes: Vec<Alert>,
    pub helplines: Vec<HelplineView>,
    /// `/find-care` for the caller's country and province, from the saved answers.
    pub care_link: String,
    /// FindTreatment.gov's filters that fit the result, as HTML (each name escaped and
    /// in bold); shown unless the caller is in Canada.
    pub care_filters: Option<String>,
    /// Someone other than the person answered: "they" in the questions to ask next.
    pub about_other: bool,
    /// The DSM-5 criteria ticked: how many, and which, in a few words each.
    pub dsm5_ticked: Option<(usize, String)>,
    /// (question, answer) for every answered field but the DSM-5 checklist.
    pub answers: Vec<(String, String)>,
    /// The short names of the questions left as "don't know / declined".
    pub unanswered: Vec<String>,
    pub rules_fired: RulesFired,
}

impl ResultView {
    fn new(saved: SavedAssessment, library: &Library, lang: Lang) -> ResultView {
        // An item's title in `lang` when its translation is current; the English title
        // otherwise (the item's page then says it is in English).
        let title = |slug: &str| {
            library
                .translation(slug, lang)
                .map(|t| t.title.clone())
                .or_else(|| library.get(slug).map(|t| t.title.clone()))
                .unwrap_or_else(|| slug.replace('-', " "))
        };
        let stored = &saved.result;
        let r = in_language(stored, &saved.answers, lang, library);
        let about_other = saved.answers.caller.is_some_and(Caller::is_someone_else);
        let view = |slug: &String, reasons: &Vec<String>| SuggestionView {
            slug: slug.clone(),
            href: path_in(lang, &format!("/treatments/{slug}")),
            title: title(slug),
            reasons: reasons.clone(),
            status: None,
        };
        let shown_fields = || {
            STEPS
                .iter()
                .flat_map(|step| step.questions.iter().map(|q| q.field))
        };
        ResultView {
            severity: r.severity.label_in(lang).into_owned(),
            severity_is_estimate: r.severity_basis == SeverityBasis::Estimate,
            setting: r.setting.level.label_in(lang).into_owned(),
            setting_href: r
                .setting
                .level
                .slug()
                .map(|slug| path_in(lang, &format!("/treatments/{slug}"))),
            plan: r.approach.plan.label_in(lang).into_owned(),
            areas: r
                .setting
                .areas
                .iter()
                .map(|a| AreaView {
                    name: a.area.label_in(lang).into_owned(),
                    risk: a.risk.label_in(lang).into_owned(),
                    css: a.risk.css(),
                    reasons: a.reasons.clone(),
                })
                .collect(),
            medications: r
                .medications
                .iter()
                .map(|m| SuggestionView {
                    status: Some((m.status.label_in(lang).into_owned(), m.status.css())),
                    ..view(&m.slug, &m.reasons)
                })
                .collect(),
            therapies: r
                .therapies
                .iter()
                .map(|t| view(&t.slug, &t.reasons))
                .collect(),
            support: r
                .support
                .iter()
                .map(|s| view(&s.slug, &s.reasons))
                .collect(),
            ask_next: r
                .missing
                .iter()
                .filter_map(|f| Field::from_name(f))
                .map(|f| {
                    // The count is asked for most easily through the checklist.
                    let q = question(if f == Field::Dsm5Criteria {
                        Field::Dsm5Checklist
                    } else {
                        f
                    });
                    AskNext {
                        label: q.label_in(lang).into_owned(),
                        short: q.short_in(lang).into_owned(),
                        say: if about_other {
                            q.say_about_in(lang).into_owned()
                        } else {
                            q.say_in(lang).into_owned()
                        },
                    }
                })
                .collect(),
            // Format 1 results did not store their talking points: they were worded
            // when shown, and still are, the same way.
            talking_points: if r.talking_points.is_empty() {
                talking_points_format_1(&r, saved.answers.country, library, lang)
            } else {
                r.talking_points.iter().map(|p| p.text.clone()).collect()
            },
            dsm5_ticked: saved.answers.dsm5_checklist.as_ref().map(|ticked| {
                let names: Vec<String> = ticked
                    .iter()
                    .map(|c| dsm5_short_in(*c, lang).into_owned())
                    .collect();
                (ticked.len(), names.join(", "))
            }),
            answers: shown_fields()
                .filter(|f| *f != Field::Dsm5Checklist)
                .filter(|f| !f.is_unknown(&saved.answers))
                .map(|f| {
                    (
                        question(f).short_in(lang).into_owned(),
                        answer_label(f, &saved.answers, lang),
                    )
                })
                .collect(),
            rules_fired: RulesFired::new(&r.rules_fired),
            urgent: r
                .alerts
                .iter()
                .filter(|a| a.code.is_urgent())
                .cloned()
                .collect(),
            start_today: r
                .alerts
                .iter()
                .find(|a| a.code == AlertCode::StartToday)
                .map(|a| a.message.clone()),
            // Every alert in full, the urgent ones too (the top shows only their action).
            notes: r
                .alerts
                .iter()
                .filter(|a| a.code != AlertCode::StartToday)
                .cloned()
                .collect(),
            helplines: r
                .helplines
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    // The stored (English) contact names the line in the library.
                    let in_lang = stored
                        .helplines
                        .get(i)
                        .and_then(|english| helpline_in_language(library, english, lang));
                    HelplineView::new(h, in_lang)
                })
                .collect(),
            care_link: path_in(
                lang,
                &find_care::link(
                    saved
                        .answers
                        .country
                        .and_then(|c| crate::content::Country::from_code(c.name())),
                    saved.answers.province.map(|p| p.name()),
                ),
            ),
            care_filters: if saved.answers.country == Some(Country::Ca) {
                None
            } else {
                care_filters(&r, lang)
            },
            about_other,
            unanswered: shown_fields()
                // The DSM-5 criteria are ticked or counted: one is enough.
                .filter(|f| {
                    !matches!(f, Field::Dsm5Checklist | Field::Dsm5Criteria)
                        || saved.answers.dsm5_count().is_none()
                })
                .filter(|f| f.is_unknown(&saved.answers))
                .map(|f| question(f).short_in(lang).into_owned())
                .collect(),
            id: saved.id,
            created_at: saved.created_at.replace('T', " ").replace('Z', " UTC"),
            created_at_iso: saved.created_at.clone(),
            informant: i18n::text(
                lang,
                match saved.answers.caller {
                    None => "assessment-informant-unknown",
                    Some(Caller::Myself) => "assessment-informant-self",
                    Some(Caller::FamilyOrFriend) => "assessment-informant-family",
                    Some(Caller::Professional) => "assessment-informant-professional",
                },
            ),
            rules_version: saved.rules_version,
            content_version: saved.content_version,
            result: r,
        }
    }
}

/// How to be helped in `lang` on a line, from its current translation (none in
/// English, or for a line the library no longer has).
fn helpline_in_language(library: &Library, h: &HelplineContact, lang: Lang) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let line = library
        .helplines()
        .iter()
        .find(|l| l.name == h.name && l.phone == h.phone)?;
    library
        .helpline_translation(&line.slug, lang)
        .map(|t| t.in_language.clone())
        .filter(|s| !s.trim().is_empty())
}

/// FindTreatment.gov's filters that fit `r`, as HTML for the sentence naming them: in
/// English their names as on the site; in another language the translated name with the
/// English one the site shows beside it.
fn care_filters(r: &Evaluation, lang: Lang) -> Option<String> {
    let names: Vec<String> = find_care::findtreatment_filters(r)
        .into_iter()
        .map(|english| {
            let id = i18n::fluent_id("assessment-filter", &english.to_lowercase());
            let shown = i18n::translated(lang, &id, english);
            if shown == english {
                format!("<strong>{}</strong>", escape_html(english))
            } else {
                format!(
                    "<strong>{}</strong> (<i lang=\"en\">{}</i>)",
                    escape_html(&shown),
                    escape_html(english)
                )
            }
        })
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// Text made safe to put inside HTML.
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The rules that fired, for a compact sheet: grouped by their first part, which names
/// the table, each row with the number of its source in [`RulesFired::sources`].
pub struct RulesFired {
    /// (table, [(row, source number)])
    pub groups: Vec<(String, Vec<(String, usize)>)>,
    /// (number, short name, full citation), numbered from 1 in order of first use.
    pub sources: Vec<(usize, &'static str, &'static str)>,
}

impl RulesFired {
    fn new(ids: &[String]) -> RulesFired {
        let mut fired = RulesFired {
            groups: Vec::new(),
            sources: Vec::new(),
        };
        let mut cited: Vec<Source> = Vec::new();
        for id in ids {
            let (table, row) = id.split_once('.').unwrap_or((id.as_str(), ""));
            // A rule this release no longer has (an older result) shows without a source.
            let number = rules::source_of(id).map_or(0, |source| {
                match cited.iter().position(|c| *c == source) {
                    Some(i) => i + 1,
                    None => {
                        cited.push(source);
                        cited.len()
                    }
                }
            });
            let entry = (row.to_string(), number);
            match fired.groups.iter_mut().find(|(t, _)| t == table) {
                Some((_, rows)) => rows.push(entry),
                None => fired.groups.push((table.to_string(), vec![entry])),
            }
        }
        fired.sources = cited
            .iter()
            .enumerate()
            .map(|(i, source)| {
                let c = source.citation();
                (i + 1, c.short, c.citation)
            })
            .collect();
        fired
    }
}

/// The talking points of a result saved in format 1, worded as that release worded them
/// when the result was shown (`assessment-tp1-…`).
fn talking_points_format_1(
    r: &Evaluation,
    country: Option<Country>,
    library: &Library,
    lang: Lang,
) -> Vec<String> {
    let title = |slug: &str| {
        library
            .translation(slug, lang)
            .map(|t| t.title.clone())
            .or_else(|| library.get(slug).map(|t| t.title.clone()))
            .unwrap_or_else(|| slug.to_string())
    };
    let t = |id: &str| i18n::text(lang, id);
    let mut points = vec![i18n::text_with(
        lang,
        "assessment-tp1-start",
        &[(
            "setting",
            FluentValue::from(r.setting.level.label_in(lang).to_lowercase()),
        )],
    )];
    let suggested: Vec<String> = r
        .medications
        .iter()
        .filter(|m| m.status == MedicationStatus::Suggested && m.slug != "naloxone")
        .map(|m| title(&m.slug))
        .collect();
    match r.approach.plan {
        Plan::Maintenance if !suggested.is_empty() => {
            // "A or B or C", each "or" in the language's words.
            let medicines = suggested
                .iter()
                .cloned()
                .reduce(|first, last| {
                    i18n::text_with(
                        lang,
                        "assessment-list-or",
                        &[("first", first.into()), ("last", last.into())],
                    )
                })
                .unwrap_or_default();
            points.push(i18n::text_with(
                lang,
                "assessment-tp1-medicine-works",
                &[
                    ("medicines", medicines.into()),
                    ("count", suggested.len().into()),
                ],
            ));
        }
        Plan::Maintenance => points.push(t("assessment-tp1-maintenance")),
        Plan::Taper => points.push(t("assessment-tp1-taper")),
        Plan::Review => points.push(t("assessment-tp1-review")),
        // Format 1 never stored this plan.
        Plan::NoMedication => {}
    }
    if r.setting.level == Level::Inpatient {
        points.push(t("assessment-tp1-residential"));
    }
    // Where naloxone comes from and who helps find treatment differ by country.
    points.push(t(Country::pick(
        country,
        "assessment-tp1-naloxone-us",
        "assessment-tp1-naloxone-ca",
        "assessment-tp1-naloxone-both",
    )));
    points.push(t("assessment-tp1-call-911"));
    points.push(t(Country::pick(
        country,
        "assessment-tp1-helpline-us",
        "assessment-tp1-helpline-ca",
        "assessment-tp1-helpline-both",
    )));
    points
}

#[derive(Template)]
#[template(path = "assessment_result.html")]
pub struct ResultPage {
    pub layout: Layout,
    pub view: ResultView,
    /// The summary sheet in the page's language, and in the other one.
    pub sheet: String,
    pub sheet_other: String,
}

/// The result, in the language of its path. Never cached.
async fn show(
    State(state): State<AppState>,
    locale: Locale,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let saved = find(&state, &id).await?;
    let lang = locale.lang;
    let sheet = path_in(lang, &format!("/assessments/{}/summary", saved.id));
    let page = ResultPage {
        sheet_other: format!("{sheet}?lang={}", lang.other().code()),
        sheet,
        layout: Layout::new("assessment", &locale),
        view: ResultView::new(saved, &state.library, lang),
    };
    Ok(([(header::CACHE_CONTROL, "no-store")], render(&page)?).into_response())
}

/// The clinician's sheet: the result on at most two printed pages, in the language
/// `?lang=` names (the path's language when it names none, or one this site lacks).
#[derive(Template)]
#[template(path = "assessment_summary.html")]
pub struct SummaryPage {
    /// In the sheet's language.
    pub layout: Layout,
    pub view: ResultView,
    /// The result page, in the language of the sheet's path (where the reader came from).
    pub back: String,
    /// The sheet in each language, for the switch: (language, link, is this one).
    pub languages: Vec<(Lang, String, bool)>,
}

#[derive(Deserialize)]
struct SheetQuery {
    lang: Option<String>,
}

async fn summary(
    State(state): State<AppState>,
    locale: Locale,
    Path(id): Path<String>,
    query: Result<Query<SheetQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let asked = query.ok().and_then(|Query(q)| q.lang);
    let lang = asked
        .as_deref()
        .and_then(|code| Lang::ALL.into_iter().find(|l| l.code() == code))
        .unwrap_or(locale.lang);
    let saved = find(&state, &id).await?;
    let path = path_in(locale.lang, &format!("/assessments/{}/summary", saved.id));
    let mut sheet_locale = locale.clone();
    sheet_locale.lang = lang;
    let page = SummaryPage {
        back: path_in(locale.lang, &format!("/assessments/{}", saved.id)),
        languages: Lang::ALL
            .into_iter()
            .map(|l| (l, format!("{path}?lang={}", l.code()), l == lang))
            .collect(),
        layout: Layout::new("assessment", &sheet_locale),
        view: ResultView::new(saved, &state.library, lang),
    };
    Ok(([(header::CACHE_CONTROL, "no-store")], render(&page)?).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::questionnaire::Problem;

    #[test]
    fn every_step_has_its_neighbours_and_the_first_error_opens_its_step() {
        let english = Locale::english("/assessment");
        let page = questionnaire(&FormValues::default(), vec![], &english);
        assert_eq!(page.steps.len(), 5);
        assert_eq!(page.steps[0].previous, None);
        assert_eq!(page.steps[0].next.as_deref(), Some("Use"));
        assert_eq!(page.steps[4].next, None);
        assert_eq!(page.open_step, 1);
        let page = questionnaire(
            &FormValues::default(),
            vec![FormError {
                field: "housing".into(),
                problem: Problem::OneAnswer,
            }],
            &english,
        );
        assert_eq!(page.open_step, 4, "housing is asked in Life");
    }

    #[test]
    fn a_spanish_questionnaire_names_its_steps_and_errors_in_spanish() {
        let spanish = Locale::of("/es/assessment", &axum::http::HeaderMap::new());
        let page = questionnaire(
            &FormValues::default(),
            vec![FormError {
                field: "days_since_last_use".into(),
                problem: Problem::OutOfRange { max: 36500 },
            }],
            &spanish,
        );
        assert_eq!(page.steps[0].title, "Ahora mismo");
        assert_eq!(page.steps[0].next.as_deref(), Some("Consumo"));
        let (field, name, message) = &page.errors[0];
        assert_eq!(field, "days_since_last_use");
        assert!(name.starts_with("Días desde"), "{name}");
        assert!(message.contains("36500"), "{message}");
        assert!(!message.contains("must"), "{message}");
    }

    #[test]
    fn text_put_in_html_is_escaped() {
        assert_eq!(escape_html("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
    }
}

//! The questionnaire pages, the result and the clinician's summary sheet.

use askama::Template;
use axum::Router;
use axum::extract::rejection::FormRejection;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Form, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use super::find_care;
use super::questionnaire::{FormValues, Question, STEPS, answer_label, dsm5_short, question};
use super::{Layout, render};
use crate::AppState;
use crate::assessment::answers::{Caller, Choice, Country, Kind};
use crate::assessment::result::{Alert, AlertCode, HelplineContact, Level, MedicationStatus, Plan};
use crate::assessment::rules;
use crate::assessment::sources::Source;
use crate::assessment::{AnswerError, Answers, Evaluation, Field, evaluate};
use crate::content::Library;
use crate::content::{sms_href, tel_href};
use crate::store::assessments::{self, SavedAssessment};
use crate::web::cache::Shelf;
use crate::web::delivery::{CachePolicy, Wants};
use crate::web::error::{AppError, RETRY_NOT_SAVED_SECS, retry_after};
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
) -> Result<Vec<(String, String)>, AppError> {
    form.map(|Form(pairs)| pairs).map_err(|rejection| {
        let status = rejection.status();
        let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
            super::protect::form_too_large()
        } else {
            "The questionnaire could not be read. Please start it again from the questionnaire page.".to_string()
        };
        AppError::Rejected { status, message }
    })
}

/// A choice on screen.
pub struct OptionView {
    pub value: &'static str,
    pub label: &'static str,
    pub checked: bool,
}

/// A question on screen, with what was answered and any error.
pub struct QuestionView {
    pub name: &'static str,
    pub label: &'static str,
    pub say: &'static str,
    pub say_about: &'static str,
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
    fn new(q: &'static Question, form: &FormValues, errors: &[AnswerError]) -> QuestionView {
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
            label: q.label,
            say: q.say,
            say_about: q.say_about,
            kind,
            options: q
                .options
                .iter()
                .map(|(value, label)| OptionView {
                    value,
                    label,
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
                .map(|e| e.message.clone()),
        }
    }
}

/// One step of the questionnaire, with its questions as answered so far.
pub struct StepView {
    pub number: usize,
    pub title: &'static str,
    pub intro: &'static str,
    pub questions: Vec<QuestionView>,
    /// The titles of the steps before and after, for the back and next links.
    pub previous: Option<&'static str>,
    pub next: Option<&'static str>,
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
    pub heading: &'static str,
    pub message: String,
}

fn questionnaire(form: &FormValues, errors: Vec<AnswerError>) -> QuestionnairePage {
    let open_step = errors
        .first()
        .map_or(1, |e| super::questionnaire::step_of(&e.field));
    QuestionnairePage {
        layout: Layout::new(
            "assessment",
            &crate::web::locale::Locale::default(), /* TODO(i18n) */
        ),
        steps: STEPS
            .iter()
            .enumerate()
            .map(|(i, step)| StepView {
                number: step.number,
                title: step.title,
                intro: step.intro,
                questions: step
                    .questions
                    .iter()
                    .map(|q| QuestionView::new(q, form, &errors))
                    .collect(),
                previous: i.checked_sub(1).map(|p| STEPS[p].title),
                next: STEPS.get(i + 1).map(|n| n.title),
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
                let name = Field::from_name(&e.field)
                    .map_or_else(|| e.field.clone(), |f| question(f).label.to_string());
                (e.field, name, e.message)
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
    let Query(pairs) = query.map_err(|rejection| AppError::Rejected {
        status: rejection.status(),
        message:
            "The link to the questionnaire could not be read. Open the questionnaire from the menu."
                .to_string(),
    })?;
    let form = FormValues::from_pairs(&pairs);
    if pairs.is_empty() {
        // The blank questionnaire is the same for everyone: kept, like a content page,
        // but no browser keeps it (see `CachePolicy::NoStore`).
        let page = state
            .pages
            .get_or_render(Shelf::Content, "assessment", || {
                render(&questionnaire(&form, vec![]))
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
    respond(status, &questionnaire(&form, errors))
}

/// A step of the questionnaire as an earlier release posted it (a page left open across
/// an upgrade): the whole questionnaire, with every answer it carried.
async fn older_step(
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let pairs: Vec<(String, String)> = form_pairs(form)?
        .into_iter()
        .filter(|(k, _)| k != "step" && k != "go")
        .collect();
    respond(
        StatusCode::OK,
        &questionnaire(&FormValues::from_pairs(&pairs), vec![]),
    )
}

/// "Change answers": the questionnaire again with a saved assessment's answers filled
/// in. Sending it saves a new assessment; the earlier one is left as it was.
async fn change(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let saved = find(&state, &id).await?;
    let form = FormValues::from_answers(&saved.answers);
    let mut page = questionnaire(&form, vec![]);
    page.changing = Some(saved.id);
    respond(StatusCode::OK, &page)
}

/// The last step (or one POST with every answer): evaluate, save, and show the result.
async fn submit(
    State(state): State<AppState>,
    client: ClientAddress,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let pairs = form_pairs(form)?;
    let form = FormValues::from_pairs(&pairs);
    let (answers, errors) = form.answers();
    if !errors.is_empty() {
        return respond(
            StatusCode::UNPROCESSABLE_ENTITY,
            &questionnaire(&form, errors),
        );
    }
    if let Err(wait) = state.saves.check(client) {
        let notice = Notice {
            heading: "Not saved yet: too many saves from this connection",
            message: format!(
                "To keep the service running for everyone, one connection can save a limited number of questionnaires a minute. Every answer is still in this form: wait {wait} seconds, then press “See the result” again."
            ),
        };
        return answers_kept(StatusCode::TOO_MANY_REQUESTS, wait, &form, notice);
    }
    match save(&state, &answers).await {
        Ok(saved) => Ok(Redirect::to(&format!("/assessments/{}", saved.id)).into_response()),
        Err(NotSaved) => {
            let notice = Notice {
                heading: "Your answers were not saved",
                message: "We could not store them just now: the problem is on our side. Nothing you entered is lost, and every answer is still in this form. Press “See the result” to try again; if it fails again, wait a minute.".to_string(),
            };
            answers_kept(
                StatusCode::SERVICE_UNAVAILABLE,
                RETRY_NOT_SAVED_SECS,
                &form,
                notice,
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
) -> Result<Response, AppError> {
    let mut page = questionnaire(form, vec![]);
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

/// A medication, therapy or support suggestion with its page title.
pub struct SuggestionView {
    pub slug: String,
    pub title: String,
    pub reasons: Vec<String>,
    /// Status label and CSS class, for medications.
    pub status: Option<(&'static str, &'static str)>,
}

/// A question still worth asking, with the words for it.
pub struct AskNext {
    pub label: &'static str,
    /// Short name, for the summary sheet.
    pub short: &'static str,
    pub say: &'static str,
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
}

impl HelplineView {
    fn new(h: &HelplineContact) -> HelplineView {
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
        }
    }
}

/// What both the result page and the summary sheet show.
pub struct ResultView {
    pub id: String,
    /// When it was saved, in UTC, as people read it.
    pub created_at: String,
    /// The same in ISO 8601, for the browser to show in local time.
    pub created_at_iso: String,
    /// Who gave the information.
    pub informant: &'static str,
    pub rules_version: String,
    pub content_version: String,
    pub result: Evaluation,
    pub severity: &'static str,
    pub severity_is_estimate: bool,
    pub setting: &'static str,
    pub setting_slug: Option<&'static str>,
    pub plan: &'static str,
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
    /// FindTreatment.gov's filters that fit the result; shown unless the caller is in
    /// Canada.
    pub care_filters: Vec<&'static str>,
    /// Someone other than the person answered: "they" in the questions to ask next.
    pub about_other: bool,
    /// The DSM-5 criteria ticked: how many, and which, in a few words each.
    pub dsm5_ticked: Option<(usize, String)>,
    /// (question, answer) for every answered field but the DSM-5 checklist.
    pub answers: Vec<(&'static str, String)>,
    /// The short names of the questions left as "don't know / declined".
    pub unanswered: Vec<&'static str>,
    pub rules_fired: RulesFired,
}

impl ResultView {
    fn new(saved: SavedAssessment, library: &Library) -> ResultView {
        let title = |slug: &str| {
            library
                .get(slug)
                .map_or_else(|| slug.replace('-', " "), |t| t.title.clone())
        };
        let r = &saved.result;
        let about_other = saved.answers.caller.is_some_and(Caller::is_someone_else);
        let view = |slug: &String, reasons: &Vec<String>| SuggestionView {
            slug: slug.clone(),
            title: title(slug),
            reasons: reasons.clone(),
            status: None,
        };
        ResultView {
            severity: r.severity.label(),
            severity_is_estimate: r.severity_basis
                == crate::assessment::result::SeverityBasis::Estimate,
            setting: r.setting.level.label(),
            setting_slug: r.setting.level.slug(),
            plan: r.approach.plan.label(),
            medications: r
                .medications
                .iter()
                .map(|m| SuggestionView {
                    status: Some((m.status.label(), m.status.css())),
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
                        label: q.label,
                        short: q.short,
                        say: if about_other { q.say_about } else { q.say },
                    }
                })
                .collect(),
            // Format 1 results did not store their talking points: they were worded
            // when shown, and still are, the same way.
            talking_points: if r.talking_points.is_empty() {
                talking_points_format_1(r, saved.answers.country, library)
            } else {
                r.talking_points.iter().map(|p| p.text.clone()).collect()
            },
            dsm5_ticked: saved.answers.dsm5_checklist.as_ref().map(|ticked| {
                let names: Vec<&str> = ticked.iter().map(|c| dsm5_short(*c)).collect();
                (ticked.len(), names.join(", "))
            }),
            answers: STEPS
                .iter()
                .flat_map(|step| step.questions.iter().map(|q| q.field))
                .filter(|f| *f != Field::Dsm5Checklist)
                .filter(|f| !f.is_unknown(&saved.answers))
                .map(|f| (question(f).short, answer_label(f, &saved.answers)))
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
            helplines: r.helplines.iter().map(HelplineView::new).collect(),
            care_link: find_care::link(
                saved
                    .answers
                    .country
                    .and_then(|c| crate::content::Country::from_code(c.name())),
                saved.answers.province.map(|p| p.name()),
            ),
            care_filters: if saved.answers.country == Some(Country::Ca) {
                Vec::new()
            } else {
                find_care::findtreatment_filters(r)
            },
            about_other,
            unanswered: STEPS
                .iter()
                .flat_map(|step| step.questions.iter().map(|q| q.field))
                // The DSM-5 criteria are ticked or counted: one is enough.
                .filter(|f| {
                    !matches!(f, Field::Dsm5Checklist | Field::Dsm5Criteria)
                        || saved.answers.dsm5_count().is_none()
                })
                .filter(|f| f.is_unknown(&saved.answers))
                .map(|f| question(f).short)
                .collect(),
            id: saved.id,
            created_at: saved.created_at.replace('T', " ").replace('Z', " UTC"),
            created_at_iso: saved.created_at.clone(),
            informant: saved.answers.caller.map_or("Not recorded", |c| match c {
                Caller::Myself => "The person themselves",
                Caller::FamilyOrFriend => "A family member or friend",
                Caller::Professional => "A professional",
            }),
            rules_version: saved.rules_version,
            content_version: saved.content_version,
            result: saved.result,
        }
    }
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
/// when the result was shown.
fn talking_points_format_1(
    r: &Evaluation,
    country: Option<Country>,
    library: &Library,
) -> Vec<String> {
    let title = |slug: &str| {
        library
            .get(slug)
            .map_or(slug.to_string(), |t| t.title.clone())
    };
    let mut points = vec![format!(
        "From what you've told me, a good place to start is {}. I'll explain why, and none of this is a final decision: a treatment program will talk it through with you.",
        r.setting.level.label().to_lowercase()
    )];
    let suggested: Vec<String> = r
        .medications
        .iter()
        .filter(|m| m.status == MedicationStatus::Suggested && m.slug != "naloxone")
        .map(|m| title(&m.slug))
        .collect();
    match r.approach.plan {
        Plan::Maintenance if !suggested.is_empty() => points.push(format!(
            "Medicine works. {} can take away withdrawal and cravings, and people who stay on it are much less likely to die of an overdose.",
            suggested.join(" or ")
        )),
        Plan::Maintenance => points.push("Staying on a medicine for opioid addiction long term is the safest path for most people, and it is worth talking through the options.".to_string()),
        Plan::Taper => points.push("You'd like to come off opioids. That can work when it is done slowly, with support. After stopping, your body can't handle the amount it used to, so a slip can be much more dangerous than before.".to_string()),
        Plan::Review => points.push("From what you've told me, this may not be an opioid addiction. It is still worth talking it through with a doctor, who can look at the opioid use with you.".to_string()),
        // Format 1 never stored this plan.
        Plan::NoMedication => {}
    }
    if r.setting.level == Level::Inpatient {
        points.push("A residential program gives you a safe place to stay and people around you day and night while treatment starts.".to_string());
    }
    // Where naloxone comes from and who helps find treatment differ by country.
    let naloxone = Country::pick(
        country,
        "In the US you can buy it at a pharmacy without a prescription.",
        "In Canada, free naloxone kits are available at most pharmacies without a prescription.",
        "It is sold without a prescription in US pharmacies, and free kits are available at most pharmacies in Canada.",
    );
    points.push(format!("Please keep naloxone, also called Narcan, at home, and show someone close to you how to use it. It can reverse an overdose. {naloxone}"));
    points.push("If you ever think someone is overdosing, call 911 right away.".to_string());
    points.push(
        Country::pick(
            country,
            "You can call the free SAMHSA helpline at 1-800-662-4357 any time, day or night, to find treatment near you.",
            "The free lines listed with this result can help you find treatment where you live, and if things ever feel like too much, you can call or text 9-8-8 any time.",
            "In the US, the free SAMHSA helpline at 1-800-662-4357 helps find treatment any time, day or night; in Canada, the free lines listed with this result do, and 9-8-8 answers any time.",
        )
        .to_string(),
    );
    points
}

#[derive(Template)]
#[template(path = "assessment_result.html")]
pub struct ResultPage {
    pub layout: Layout,
    pub view: ResultView,
}

/// A saved assessment rendered as `page`: the result or the summary sheet. Never cached.
async fn saved_page<P: Template>(
    state: &AppState,
    id: &str,
    page: fn(Layout, ResultView) -> P,
) -> Result<Response, AppError> {
    let saved = find(state, id).await?;
    let page = page(
        Layout::new(
            "assessment",
            &crate::web::locale::Locale::default(), /* TODO(i18n) */
        ),
        ResultView::new(saved, &state.library),
    );
    Ok(([(header::CACHE_CONTROL, "no-store")], render(&page)?).into_response())
}

async fn show(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, AppError> {
    saved_page(&state, &id, |layout, view| ResultPage { layout, view }).await
}

#[derive(Template)]
#[template(path = "assessment_summary.html")]
pub struct SummaryPage {
    pub layout: Layout,
    pub view: ResultView,
}

async fn summary(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    saved_page(&state, &id, |layout, view| SummaryPage { layout, view }).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_has_its_neighbours_and_the_first_error_opens_its_step() {
        let page = questionnaire(&FormValues::default(), vec![]);
        assert_eq!(page.steps.len(), 5);
        assert_eq!(page.steps[0].previous, None);
        assert_eq!(page.steps[0].next, Some("Use"));
        assert_eq!(page.steps[4].next, None);
        assert_eq!(page.open_step, 1);
        let page = questionnaire(
            &FormValues::default(),
            vec![AnswerError {
                field: "housing".into(),
                message: "x".into(),
            }],
        );
        assert_eq!(page.open_step, 4, "housing is asked in Life");
    }
}

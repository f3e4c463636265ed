//! Importing content: bad files are refused with file, line and field, and whatever was
//! imported before keeps being served.

mod common;

use std::path::Path;
use std::process::Command;

use axum::http::StatusCode;
use common::{TestApp, content_dir, copy_of_content, h1};
use treatment_navigator::content::{
    ImportOutcome, Library, import::ImportError, import_dir, load_dir,
};
use treatment_navigator::{AppState, StartError};

fn edit(dir: &Path, file: &str, change: impl Fn(String) -> String) {
    let path = dir.join(file);
    let before = std::fs::read_to_string(&path).unwrap();
    let after = change(before.clone());
    assert_ne!(before, after, "test bug: edit of {file} changed nothing");
    std::fs::write(path, after).unwrap();
}

/// Replaces the first line starting with `key =` in the front matter.
fn set_line(text: String, key: &str, replacement: &str) -> String {
    let mut done = false;
    text.lines()
        .map(|line| {
            if !done && line.starts_with(&format!("{key} =")) {
                done = true;
                replacement.to_string()
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Serves `uri` from an app built on `library`, as a restarted server would.
async fn serve(app: &TestApp, library: Library, uri: &str) -> common::TestResponse {
    let state = AppState {
        library: library.into(),
        pages: Default::default(),
        ..app.state.clone()
    };
    TestApp {
        router: treatment_navigator::app(state.clone()),
        state,
        dir: tempfile::tempdir().unwrap(),
    }
    .get(uri)
    .await
}

type Breakage = (&'static str, &'static str, fn(&Path), &'static str);

fn breakages() -> Vec<Breakage> {
    vec![
        (
            "missing field",
            "medications/methadone.md",
            |d| edit(d, "medications/methadone.md", |t| set_line(t, "title", "")),
            "title",
        ),
        (
            "duplicate slug",
            "more/methadone.md",
            |d| {
                std::fs::create_dir_all(d.join("more")).unwrap();
                std::fs::copy(
                    d.join("medications/methadone.md"),
                    d.join("more/methadone.md"),
                )
                .unwrap();
            },
            "slug",
        ),
        (
            "unknown category",
            "medications/methadone.md",
            |d| {
                edit(d, "medications/methadone.md", |t| {
                    set_line(t, "category", "category = \"vitamins\"")
                })
            },
            "category",
        ),
        (
            "dangling related slug",
            "medications/methadone.md",
            |d| {
                edit(d, "medications/methadone.md", |t| {
                    set_line(t, "related", "related = [\"no-such-item\"]")
                })
            },
            "related",
        ),
        (
            "malformed front matter",
            "medications/methadone.md",
            |d| {
                edit(d, "medications/methadone.md", |t| {
                    set_line(t, "summary", "summary = \"unterminated")
                })
            },
            "summary",
        ),
        (
            "front matter not closed",
            "safety/pregnancy.md",
            |d| {
                edit(d, "safety/pregnancy.md", |t| {
                    let mut parts = t.splitn(3, "+++\n");
                    let (_, front, body) = (
                        parts.next().unwrap(),
                        parts.next().unwrap(),
                        parts.next().unwrap(),
                    );
                    format!("+++\n{front}{body}")
                })
            },
            "front matter",
        ),
        (
            "unknown province on a helpline",
            "helplines/connexontario.toml",
            |d| {
                edit(d, "helplines/connexontario.toml", |t| {
                    set_line(t, "provinces", "provinces = [\"ont\"]")
                })
            },
            "provinces",
        ),
        (
            "provinces on a US helpline",
            "helplines/samhsa-national-helpline.toml",
            |d| {
                edit(d, "helplines/samhsa-national-helpline.toml", |t| {
                    set_line(t, "country", "country = \"us\"\nprovinces = [\"on\"]")
                })
            },
            "provinces",
        ),
    ]
}

#[tokio::test]
async fn each_kind_of_bad_file_fails_naming_file_and_field_and_the_old_content_stays_served() {
    let app = TestApp::new().await;
    let served_before = Library::load(&app.state.pool)
        .await
        .unwrap()
        .treatments()
        .len();
    for (name, file, breakage, field) in breakages() {
        let dir = copy_of_content();
        breakage(dir.path());
        let error = import_dir(&app.state.pool, dir.path())
            .await
            .expect_err(name);
        let ImportError::Content(errors) = &error else {
            panic!("{name}: {error}")
        };
        let hit = errors
            .iter()
            .find(|e| e.file.ends_with(file) && e.field == field)
            .unwrap_or_else(|| panic!("{name}: no error naming {file} and {field}: {error}"));
        assert!(hit.line >= 1, "{name}: a line number: {hit}");
        assert!(
            error.to_string().contains(&format!("field `{field}`")),
            "{name}: {error}"
        );

        // Nothing was written: the database still holds, and the app still serves, the old content.
        let library = Library::load(&app.state.pool).await.unwrap();
        assert_eq!(library.treatments().len(), served_before, "{name}");
        assert_eq!(
            library.get("methadone").unwrap().title,
            "Methadone",
            "{name}"
        );
        let page = serve(&app, library, "/treatments/methadone").await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
    }
}

#[tokio::test]
async fn the_server_refuses_to_start_on_bad_content_and_says_why() {
    let dir = copy_of_content();
    edit(dir.path(), "medications/methadone.md", |t| {
        set_line(t, "category", "category = \"vitamins\"")
    });
    let db = tempfile::tempdir().unwrap();

    match TestApp::with_content(dir.path()).await {
        Err(StartError::Import(ImportError::Content(errors))) => {
            assert!(
                errors
                    .iter()
                    .any(|e| e.field == "category" && e.file.ends_with("medications/methadone.md"))
            );
        }
        Err(other) => panic!("wrong error: {other}"),
        Ok(_) => panic!("started on bad content"),
    }

    let output = Command::new(env!("CARGO_BIN_EXE_treatment-navigator"))
        .args(["--listen", "127.0.0.1:0", "--content"])
        .arg(dir.path())
        .arg("--database")
        .arg(db.path().join("db.sqlite3"))
        .output()
        .unwrap();
    assert!(!output.status.success(), "serve must exit non-zero");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("medications/methadone.md:4: field `category`"),
        "{stderr}"
    );
}

#[test]
fn check_content_passes_the_real_content_and_fails_a_broken_copy() {
    let good = Command::new(env!("CARGO_BIN_EXE_treatment-navigator"))
        .arg("check-content")
        .arg(content_dir())
        .output()
        .unwrap();
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    assert!(String::from_utf8_lossy(&good.stdout).contains("content OK"));

    let dir = copy_of_content();
    edit(dir.path(), "medications/naltrexone.md", |t| {
        set_line(t, "related", "related = [\"nope\"]")
    });
    let bad = Command::new(env!("CARGO_BIN_EXE_treatment-navigator"))
        .arg("check-content")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("medications/naltrexone.md")
            && stderr.contains("field `related`")
            && stderr.contains("nope"),
        "{stderr}"
    );
}

#[tokio::test]
async fn unchanged_content_is_not_imported_again_and_an_edit_is() {
    let app = TestApp::new().await;
    let again = import_dir(&app.state.pool, &content_dir()).await.unwrap();
    assert!(
        matches!(again, ImportOutcome::Unchanged { .. }),
        "{again:?}"
    );

    let dir = copy_of_content();
    edit(dir.path(), "medications/methadone.md", |t| {
        set_line(t, "title", "title = \"Methadone (edited)\"")
    });
    let outcome = import_dir(&app.state.pool, dir.path()).await.unwrap();
    let ImportOutcome::Imported { treatments, .. } = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(treatments, load_dir(dir.path()).unwrap().treatments.len());

    let library = Library::load(&app.state.pool).await.unwrap();
    assert_eq!(
        library.get("methadone").unwrap().title,
        "Methadone (edited)"
    );
    let page = serve(&app, library, "/treatments/methadone").await;
    assert_eq!(h1(&page.body), "Methadone (edited)");
}

#[tokio::test]
async fn translations_are_imported_and_a_stale_one_is_not_served() {
    use treatment_navigator::content::{Lang, TranslationState};
    let app = TestApp::new().await;
    let library = &app.state.library;
    let es = library
        .translation("methadone", Lang::Es)
        .expect("methadone in Spanish");
    assert_eq!(es.title, "Metadona");
    assert!(
        es.body_html.contains("country-note country-ca"),
        "the Canada part, as a part"
    );
    assert_eq!(
        library.translation_state("methadone", Lang::Es),
        TranslationState::Current
    );
    let lifeline = library
        .helpline_translation("988-lifeline", Lang::Es)
        .expect("988 in Spanish");
    assert!(
        lifeline.in_language.contains("AYUDA"),
        "{}",
        lifeline.in_language
    );

    // The English changes after the translation was made: the translation is kept, but
    // not served, so a corrected English page is never hidden behind an older Spanish one.
    let dir = copy_of_content();
    edit(dir.path(), "medications/methadone.md", |t| {
        t.replace(
            "Methadone is an opioid that",
            "Methadone is a medicine that",
        )
    });
    let stale = TestApp::with_content(dir.path()).await.unwrap();
    let library = &stale.state.library;
    assert_eq!(
        library.translation_state("methadone", Lang::Es),
        TranslationState::Stale
    );
    assert!(library.translation("methadone", Lang::Es).is_none());
    assert!(library.translation("naloxone", Lang::Es).is_some());
    assert_eq!(
        library.translation_state("no-such-item", Lang::Es),
        TranslationState::Missing
    );
}

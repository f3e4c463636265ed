use std::process::ExitCode;

use clap::Parser;
use treatment_navigator::config::{Cli, Command};
use treatment_navigator::content;

// The answers engine and the JSON writer make many small, short-lived allocations;
// mimalloc serves them faster than glibc's malloc (see README, "Performance").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Log lines are written by a thread of their own, in batches: one write for all the
    // lines waiting, instead of one per request. Nothing is dropped (`lossy(false)`),
    // and `_flushed` writes what is left when main returns.
    let (writer, _flushed) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(false)
        // Lines waiting for the writer; the default (128,000) reserves 5 MB up front.
        .buffered_lines_limit(8192)
        .finish(std::io::BufWriter::new(std::io::stderr()));
    tracing_subscriber::fmt()
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(writer)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();
    match cli.command.unwrap_or(Command::Serve) {
        Command::CheckContent { dir } => {
            let dir = dir.unwrap_or(cli.config.content_dir);
            match content::load_dir(&dir) {
                Ok(set) => {
                    println!(
                        "content OK: {} items, {} helplines, version {}",
                        set.treatments.len(),
                        set.helplines.len(),
                        set.version()
                    );
                    report_translations(&set);
                    ExitCode::SUCCESS
                }
                Err(errors) => {
                    for e in &errors {
                        eprintln!("{e}");
                    }
                    eprintln!("{} problem(s) found; nothing was imported", errors.len());
                    ExitCode::FAILURE
                }
            }
        }
        Command::Serve => {
            let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
            match runtime.block_on(treatment_navigator::run(cli.config)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("treatment-navigator: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// Per language: how many files are translated, and which translations are older than
/// their English file or missing (those pages are shown in English, with a note).
fn report_translations(set: &content::ContentSet) {
    use content::{Lang, TranslationState};
    for lang in Lang::TRANSLATED {
        let states: Vec<_> = set
            .translation_states
            .iter()
            .filter(|(l, _, _)| *l == lang)
            .collect();
        let count = |wanted| states.iter().filter(|(_, _, s)| *s == wanted).count();
        println!(
            "{}: {} of {} files translated and current, {} stale, {} missing",
            lang.code(),
            count(TranslationState::Current),
            states.len(),
            count(TranslationState::Stale),
            count(TranslationState::Missing)
        );
        for (_, file, state) in &states {
            match state {
                TranslationState::Stale => println!(
                    "  stale: {}/{file}: the English file changed since it was translated (update the text, then its source_hash)",
                    lang.code()
                ),
                TranslationState::Missing => {
                    println!("  missing: {}/{file}", lang.code())
                }
                TranslationState::Current => {}
            }
        }
    }
}

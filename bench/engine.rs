//! `cargo bench`: the rules engine on its own, with and without the `missing` search.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;
use treatment_navigator::assessment::{Answers, evaluate};
use treatment_navigator::content::load_dir;
use treatment_navigator::web::delivery::{Coding, Effort, compress};

// The server's allocator (see `src/main.rs`): a result is made of many small strings,
// and glibc's malloc would add about a fifth to the time measured here.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn answers(v: serde_json::Value) -> Answers {
    Answers::from_json(v.as_object().unwrap()).unwrap()
}

fn engine(c: &mut Criterion) {
    let helplines = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
        .unwrap()
        .helplines;
    let complete = answers(
        json!({"frequency": "daily", "duration": "over_5_years", "dsm5_criteria": 8, "quit_attempts": "several",
        "relapse_history": true, "injects": true, "mental_health": ["depression"], "other_substances": ["alcohol"],
        "medical_conditions": true, "pregnant": false, "housing": "homeless", "support": "none", "responsibilities": [],
        "needs_privacy": false, "completed_residential": false, "days_since_last_use": 2, "medication_preference": "open", "country": "us"}),
    );
    let typical = answers(
        json!({"frequency": "daily", "duration": "1_to_5_years", "housing": "stable", "support": "some", "country": "us"}),
    );
    let empty = Answers::default();

    // Every field answered: `missing` has nothing to try.
    c.bench_function("evaluate: all answered", |b| {
        b.iter(|| evaluate(black_box(&complete), &helplines))
    });
    // A typical call: a few answers, so `missing` tries the values of the rest.
    c.bench_function("evaluate: typical call (5 answers)", |b| {
        b.iter(|| evaluate(black_box(&typical), &helplines))
    });
    // Nothing known: `missing` tries every value of every field.
    c.bench_function("evaluate: nothing answered", |b| {
        b.iter(|| evaluate(black_box(&empty), &helplines))
    });
    // What `POST /api/v1/evaluate` does after reading the body: evaluate, write the JSON
    // answer, and compress it for a browser (zstd, as Chromium's header gets).
    let result = evaluate(&typical, &helplines);
    let body = serde_json::to_vec(&result).unwrap();
    c.bench_function("answer: write the JSON (typical call)", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(16 * 1024);
            serde_json::to_writer(&mut out, black_box(&result)).unwrap();
            out
        })
    });
    c.bench_function("answer: compress the JSON, zstd fast (typical call)", |b| {
        b.iter(|| compress(Coding::Zstd, black_box(&body), Effort::Fast))
    });
}

criterion_group!(benches, engine);
criterion_main!(benches);

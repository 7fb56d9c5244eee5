//! Ranked search against naive scans of every description, in the same
//! run.
//!
//! Two baselines, both finding the records in force whose description
//! contains every query word (substring, no ranking, no plurals, no
//! vocabulary, no typos):
//! - **naive scan**: the descriptions lower-cased once, before timing (as a
//!   competent engineer would write it); the fair baseline.
//! - **naive scan, lower-casing per word** (the old baseline, kept to show
//!   what it overstated): lower-cases each description again for every
//!   query word.
//!
//! Groups:
//! - `search <name>`: six kinds of query; every match ranked and collected,
//!   the best ten (`Query::limit(10)`), `search(q).take(10)`, and both scans.
//! - `search mix`: the first ten results of each of 25 everyday queries
//!   (several with 100+ matches), each query on its own, then the whole mix
//!   against both scans of the whole mix.

use std::hint::black_box;
use std::time::Duration;

use cdt_codes::{Procedure, Query};
use cdt_codes_benches::{first_ten, lowered_descriptions, naive_scan as naive, MIX};
use criterion::{criterion_group, criterion_main, Criterion};

/// The old naive scan: lower-cases every description again for every
/// query word.
fn naive_per_word(query: &str, descriptions: &[(String, Procedure<'static>)]) -> usize {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    descriptions
        .iter()
        .filter(|(_, p)| p.is_active())
        .filter(|(text, _)| {
            words
                .iter()
                .all(|w| text.to_lowercase().contains(w.as_str()))
        })
        .count()
}

fn searches(c: &mut Criterion) {
    let descriptions: Vec<(String, Procedure<'static>)> = cdt_codes::iter()
        .map(|p| (p.description().to_string(), p))
        .collect();
    let lowered = lowered_descriptions();
    let queries = [
        ("single word", "apexification"),
        ("prefix", "apexif"),
        ("three words", "root canal molar"),
        ("vocabulary", "deep cleaning 4 teeth"),
        ("typo", "extration"),
        ("code", "D3330"),
    ];
    for (name, query) in queries {
        let mut group = c.benchmark_group(format!("search {name}"));
        group.bench_function("cdt_codes::search (collected)", |b| {
            b.iter(|| cdt_codes::search(black_box(query)).collect::<Vec<_>>());
        });
        group.bench_function("Query::limit(10) (collected)", |b| {
            b.iter(|| {
                Query::new(black_box(query))
                    .limit(10)
                    .run()
                    .collect::<Vec<_>>()
            });
        });
        group.bench_function("search(q).take(10) (collected)", |b| {
            b.iter(|| first_ten(black_box(query)));
        });
        group.bench_function("baseline: naive scan", |b| {
            b.iter(|| naive(black_box(query), &lowered));
        });
        group.bench_function("baseline: naive scan, lower-casing per word", |b| {
            b.iter(|| naive_per_word(black_box(query), &descriptions));
        });
        group.finish();
    }

    let mut group = c.benchmark_group("search mix");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (at, query) in MIX.iter().enumerate() {
        group.bench_function(format!("{at:02} {query}"), |b| {
            b.iter(|| first_ten(black_box(query)));
        });
    }
    group.bench_function("whole mix: search(q).take(10)", |b| {
        b.iter(|| {
            MIX.iter()
                .map(|query| first_ten(black_box(query)).len())
                .sum::<usize>()
        });
    });
    group.bench_function("whole mix: baseline: naive scan", |b| {
        b.iter(|| {
            MIX.iter()
                .map(|query| naive(black_box(query), &lowered))
                .sum::<usize>()
        });
    });
    group.bench_function(
        "whole mix: baseline: naive scan, lower-casing per word",
        |b| {
            b.iter(|| {
                MIX.iter()
                    .map(|query| naive_per_word(black_box(query), &descriptions))
                    .sum::<usize>()
            });
        },
    );
    group.finish();
}

criterion_group!(benches, searches);
criterion_main!(benches);

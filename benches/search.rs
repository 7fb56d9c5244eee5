//! Ranked search against a naive scan of every description (lower-case,
//! then `contains` for each word), in the same run.
//!
//! For each query: `search(q)` with every match ranked and collected, the
//! best ten (`Query::new(q).limit(10)`), and the naive scan, which finds
//! records holding every word literally and does not rank at all.

use std::hint::black_box;

use cdt_codes::{Procedure, Query};
use criterion::{criterion_group, criterion_main, Criterion};

/// The naive alternative: lower-case every description and check that it
/// contains every query word.
fn naive(query: &str, descriptions: &[(String, Procedure<'static>)]) -> usize {
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
        group.bench_function("baseline: naive scan", |b| {
            b.iter(|| naive(black_box(query), &descriptions));
        });
        group.finish();
    }
}

criterion_group!(benches, searches);
criterion_main!(benches);

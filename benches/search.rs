//! Keyword search through the compiled word index against a naive scan of
//! every description (lower-case, then `contains` for each word), in the
//! same run.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

/// The naive alternative: lower-case every description and check that it
/// contains every query word.
fn naive(query: &str, descriptions: &[(String, cdt_codes::Procedure<'static>)]) -> usize {
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
    let descriptions: Vec<(String, cdt_codes::Procedure<'static>)> = cdt_codes::iter()
        .map(|p| (p.description().to_string(), p))
        .collect();
    let queries = [
        ("single word", "apexification"),
        ("prefix", "apexif"),
        ("three words", "root canal molar"),
    ];
    for (name, query) in queries {
        let mut group = c.benchmark_group(format!("search {name}"));
        group.bench_function("cdt_codes::search (collected)", |b| {
            b.iter(|| cdt_codes::search(black_box(query)).collect::<Vec<_>>());
        });
        group.bench_function("baseline: naive scan", |b| {
            b.iter(|| naive(black_box(query), &descriptions));
        });
        group.finish();
    }
}

criterion_group!(benches, searches);
criterion_main!(benches);

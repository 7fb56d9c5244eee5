//! Lookup speed against the alternatives, all measured in the same run.
//!
//! Each benchmark runs over a batch of inputs (every defined code in a
//! shuffled order, or as many misses / malformed strings), so per-lookup
//! cost is the reported time divided by the batch size; criterion's
//! throughput line shows it as elements per second.

use std::collections::HashMap;
use std::hint::black_box;

use cdt_codes::{Category, CdtCode, Procedure};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// A deterministic shuffle (xorshift), so every run measures the same order.
fn shuffled<T>(mut items: Vec<T>) -> Vec<T> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = usize::try_from(state % (i as u64 + 1)).unwrap_or(0);
        items.swap(i, j);
    }
    items
}

struct Inputs {
    hits: Vec<String>,
    misses: Vec<String>,
    malformed: Vec<String>,
    codes: Vec<CdtCode>,
}

fn inputs() -> Inputs {
    let hits: Vec<String> = shuffled(cdt_codes::iter().map(|p| p.code().to_string()).collect());
    let misses: Vec<String> = shuffled(
        (0..=9999u16)
            .filter_map(CdtCode::new)
            .filter(|code| cdt_codes::get(*code).is_none())
            .map(|code| code.to_string())
            .take(hits.len())
            .collect(),
    );
    let malformed: Vec<String> = [
        "", "D", "hello", "X1234", "D12a4", "D123", "D123456", "d-120", "  ", "DDDDD",
    ]
    .iter()
    .cycle()
    .take(hits.len())
    .map(|s| (*s).to_string())
    .collect();
    let codes = hits.iter().map(|s| s.parse().unwrap()).collect();
    Inputs {
        hits,
        misses,
        malformed,
        codes,
    }
}

/// The practical limit: parse the five bytes, then one read of a dense
/// 10,000-slot table built at run time.
struct DenseBaseline {
    slots: Vec<Option<Procedure<'static>>>,
}

impl DenseBaseline {
    fn new() -> Self {
        let mut slots = vec![None; 10_000];
        for procedure in cdt_codes::iter() {
            slots[usize::from(procedure.code().number())] = Some(procedure);
        }
        DenseBaseline { slots }
    }

    fn lookup(&self, text: &str) -> Option<Procedure<'static>> {
        let [b'D' | b'd', a, b, c, d] = *text.as_bytes() else {
            return None;
        };
        let mut number = 0usize;
        for digit in [a, b, c, d] {
            if !digit.is_ascii_digit() {
                return None;
            }
            number = number * 10 + usize::from(digit - b'0');
        }
        self.slots[number]
    }
}

// One function so every benchmark shares the same inputs and baselines.
#[allow(clippy::too_many_lines)]
fn lookups(c: &mut Criterion) {
    let inputs = inputs();
    let dense = DenseBaseline::new();
    let hash: HashMap<&str, Procedure<'static>> = cdt_codes::iter()
        .map(|p| (leak(p.code().to_string()), p))
        .collect();
    let mut sorted: Vec<(&str, Procedure<'static>)> = hash.iter().map(|(k, v)| (*k, *v)).collect();
    sorted.sort_by_key(|(k, _)| *k);
    let scan: Vec<(String, Procedure<'static>)> = cdt_codes::iter()
        .map(|p| (p.code().to_string(), p))
        .collect();

    for (kind, batch) in [
        ("hit", &inputs.hits),
        ("miss", &inputs.misses),
        ("malformed", &inputs.malformed),
    ] {
        let mut group = c.benchmark_group(format!("lookup_{kind}"));
        group.throughput(Throughput::Elements(batch.len() as u64));
        group.bench_function(BenchmarkId::new("cdt_codes::lookup", kind), |b| {
            b.iter(|| {
                batch
                    .iter()
                    .filter(|s| cdt_codes::lookup(black_box(s)).is_some())
                    .count()
            });
        });
        group.bench_function(
            BenchmarkId::new("baseline: parse + dense index", kind),
            |b| {
                b.iter(|| {
                    batch
                        .iter()
                        .filter(|s| dense.lookup(black_box(s)).is_some())
                        .count()
                });
            },
        );
        group.bench_function(BenchmarkId::new("baseline: std HashMap<&str>", kind), |b| {
            b.iter(|| {
                batch
                    .iter()
                    .filter_map(|s| hash.get(black_box(s.as_str())))
                    .count()
            });
        });
        group.bench_function(
            BenchmarkId::new("baseline: sorted slice + binary search", kind),
            |b| {
                b.iter(|| {
                    batch
                        .iter()
                        .filter(|s| {
                            sorted
                                .binary_search_by_key(&black_box(s.as_str()), |(k, _)| *k)
                                .is_ok()
                        })
                        .count()
                });
            },
        );
        group.bench_function(BenchmarkId::new("baseline: linear scan", kind), |b| {
            b.iter(|| {
                batch
                    .iter()
                    .filter(|s| scan.iter().any(|(k, _)| k == black_box(*s)))
                    .count()
            });
        });
        group.finish();
    }

    let mut group = c.benchmark_group("by_code");
    group.throughput(Throughput::Elements(inputs.codes.len() as u64));
    group.bench_function("cdt_codes::get", |b| {
        b.iter(|| {
            inputs
                .codes
                .iter()
                .filter(|c| cdt_codes::get(black_box(**c)).is_some())
                .count()
        });
    });
    group.bench_function("CdtCode::parse", |b| {
        b.iter(|| {
            inputs
                .hits
                .iter()
                .filter(|s| CdtCode::parse(black_box(s)).is_ok())
                .count()
        });
    });
    group.bench_function("Category::of", |b| {
        b.iter(|| {
            inputs
                .codes
                .iter()
                .filter(|c| Category::of(black_box(**c)).is_some())
                .count()
        });
    });
    group.finish();

    let mut group = c.benchmark_group("iteration");
    group.bench_function("CodeSet::category(Endodontics)", |b| {
        b.iter(|| {
            cdt_codes::CodeSet::compiled()
                .category(black_box(Category::Endodontics))
                .filter(cdt_codes::Procedure::is_active)
                .count()
        });
    });
    group.bench_function("cdt_codes::iter()", |b| {
        b.iter(|| {
            cdt_codes::iter()
                .filter(|p| black_box(p).is_active())
                .count()
        });
    });
    group.finish();
}

/// Gives the baseline map `&'static str` keys, as a compiled table would.
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

criterion_group!(benches, lookups);
criterion_main!(benches);

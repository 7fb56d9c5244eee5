//! Claim-line checking throughput, against baselines in the same run:
//!
//! - CSV: 200,000 generated lines through `ClaimChecker`, next to reading
//!   the same bytes with the `csv` crate into one reused `ByteRecord` and
//!   doing nothing else (the cost of reading alone), and to the check a
//!   competent engineer would write with the crate's lookups instead of
//!   its checker: the `csv` crate and `CodeSet::validity` per line
//!   (`handwritten.rs`).
//! - X12 837D: the same kind of lines as an interchange, next to splitting
//!   the same bytes on the segment terminator with `memchr`, and to that
//!   split with each service line's code and date judged by
//!   `CodeSet::validity` (`handwritten.rs`), the floor under any checker.
//!
//! ```text
//! cargo bench -p cdt-codes-benches --bench claims -- --quick
//! ```
//!
//! Criterion reports throughput in bytes per second.

use std::hint::black_box;

use cdt_codes::claims::{CheckOptions, ClaimChecker};
use cdt_codes::CodeSet;
use cdt_codes_benches::claim_files::{
    check_all, check_all_lent, claims_csv, claims_with_ids, claims_with_teeth, claims_x12, LINES,
};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Checks every line with the claim-level edits on or off; the number of
/// conflicts found.
#[path = "handwritten.rs"]
mod handwritten;

fn check_with(bytes: &[u8], edits: bool) -> u64 {
    let options = CheckOptions::default().claim_edits(edits);
    let mut checker = ClaimChecker::with_options(bytes, CodeSet::compiled(), &options).unwrap();
    for _ in checker.by_ref() {}
    assert_eq!(checker.summary().lines(), LINES as u64);
    checker.summary().conflicts
}

fn bench(c: &mut Criterion) {
    let text = claims_csv();
    let mut group = c.benchmark_group("claims csv");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("baseline: csv crate, ByteRecord, read only", |b| {
        b.iter(|| {
            let mut reader = csv::ReaderBuilder::new()
                .flexible(true)
                .from_reader(black_box(text.as_bytes()));
            let mut record = csv::ByteRecord::new();
            let mut fields = 0usize;
            while reader.read_byte_record(&mut record).unwrap_or(false) {
                fields += record.len();
            }
            fields
        });
    });
    group.bench_function(
        "baseline: csv crate and CodeSet::validity, hand-written",
        |b| {
            b.iter(|| handwritten::check(black_box(text.as_bytes())));
        },
    );
    group.bench_function("ClaimChecker", |b| {
        b.iter(|| check_all(black_box(text.as_bytes())));
    });
    group.bench_function("ClaimChecker, lent reports", |b| {
        b.iter(|| check_all_lent(black_box(text.as_bytes())));
    });
    group.finish();

    // The same lines with tooth, surfaces and quadrant columns: the cost of
    // checking what each line reports, against the same file without them.
    let with_teeth = claims_with_teeth(&text);
    let mut group = c.benchmark_group("claims teeth");
    group.throughput(Throughput::Elements(LINES as u64));
    group.bench_function("baseline: ClaimChecker, no teeth columns", |b| {
        b.iter(|| check_all(black_box(text.as_bytes())));
    });
    group.bench_function("ClaimChecker with tooth, surfaces, quadrant", |b| {
        b.iter(|| check_all(black_box(with_teeth.as_bytes())));
    });
    group.finish();

    // The same lines as claims of four lines each (a claim id column), so
    // the claim-level edits run: the checker with them against without.
    let with_claims = claims_with_ids(&text);
    let mut group = c.benchmark_group("claims edits");
    group.throughput(Throughput::Elements(LINES as u64));
    group.bench_function("baseline: ClaimChecker, edits off", |b| {
        b.iter(|| check_with(black_box(with_claims.as_bytes()), false));
    });
    group.bench_function("ClaimChecker with claim-level edits", |b| {
        b.iter(|| check_with(black_box(with_claims.as_bytes()), true));
    });
    group.finish();

    let x12 = claims_x12(&text);
    let mut group = c.benchmark_group("claims x12");
    group.throughput(Throughput::Bytes(x12.len() as u64));
    group.bench_function("baseline: memchr split on the terminator", |b| {
        b.iter(|| {
            let bytes = black_box(x12.as_bytes());
            let mut segments = 0usize;
            let mut start = 0;
            for end in memchr::memchr_iter(b'~', bytes) {
                segments += usize::from(end > start);
                start = end + 1;
            }
            segments
        });
    });
    group.bench_function(
        "baseline: memchr split and CodeSet::validity, hand-written",
        |b| {
            b.iter(|| handwritten::check_x12(black_box(x12.as_bytes())));
        },
    );
    group.bench_function("ClaimChecker", |b| {
        b.iter(|| check_all(black_box(x12.as_bytes())));
    });
    group.bench_function("ClaimChecker, lent reports", |b| {
        b.iter(|| check_all_lent(black_box(x12.as_bytes())));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Claim-line checking throughput: ~200,000 generated lines through
//! `ClaimChecker`, next to a baseline that only splits the same text into
//! lines and fields.
//!
//! ```text
//! cargo bench --bench claims -- --quick
//! ```
//!
//! Criterion reports elements (claim lines) per second; the target is at
//! least 1 million lines per second.

use std::fmt::Write as _;
use std::hint::black_box;

use cdt_codes::claims::ClaimChecker;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const LINES: usize = 200_000;

/// A claim file in memory: mostly valid lines, with deleted, not yet in
/// force, unknown, malformed and badly dated ones mixed in, some quoted.
fn claims_csv() -> String {
    let active: Vec<String> = cdt_codes::iter()
        .filter(cdt_codes::Procedure::is_active)
        .map(|p| p.code().to_string())
        .collect();
    let deleted: Vec<String> = cdt_codes::iter()
        .filter(|p| !p.is_active())
        .map(|p| p.code().to_string())
        .collect();
    let mut text = String::with_capacity(LINES * 48);
    text.push_str("line_id,patient,procedure_code,date_of_service,fee\n");
    let mut state: u32 = 0x9E37_79B9;
    for line in 0..LINES {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let pick = state as usize;
        let code = match line % 20 {
            0 => deleted[pick % deleted.len()].as_str(),
            1 => "D0426",
            2 => "D0000",
            3 => "D12A4",
            _ => active[pick % active.len()].as_str(),
        };
        let date = if line % 50 == 7 {
            "2026-02-30".to_string()
        } else {
            format!("2026-{:02}-{:02}", 1 + pick % 12, 1 + (pick >> 8) % 28)
        };
        let patient = if line % 4 == 0 {
            format!("\"Doe, J{}\"", pick % 1000)
        } else {
            format!("P{}", pick % 100_000)
        };
        // Writing to a String cannot fail.
        let _ = writeln!(text, "L{line:07},{patient},{code},{date},{}.00", pick % 900);
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = claims_csv();
    let mut group = c.benchmark_group("claims");
    group.throughput(Throughput::Elements(LINES as u64));
    group.bench_function("baseline: split lines and fields", |b| {
        b.iter(|| {
            let mut bytes = 0usize;
            for line in black_box(text.as_str()).lines() {
                for field in line.split(',') {
                    bytes += black_box(field).len();
                }
            }
            bytes
        });
    });
    group.bench_function("ClaimChecker", |b| {
        b.iter(|| {
            let mut checker = ClaimChecker::new(black_box(text.as_bytes())).unwrap();
            let mut rejected = 0usize;
            while let Some(line) = checker.next_line() {
                if !line.is_ok_and(|report| report.is_valid()) {
                    rejected += 1;
                }
            }
            assert_eq!(checker.summary().lines, LINES as u64);
            rejected
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

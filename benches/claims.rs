//! Claim-line checking throughput, against baselines in the same run:
//!
//! - CSV: 200,000 generated lines through `ClaimChecker`, next to reading
//!   the same bytes with the `csv` crate into one reused `ByteRecord` and
//!   doing nothing else (the cost of reading alone).
//! - X12 837D: the same kind of lines as an interchange, next to splitting
//!   the same bytes on the segment terminator with `memchr`.
//!
//! ```text
//! cargo bench -p cdt-codes-benches --bench claims -- --quick
//! ```
//!
//! Criterion reports throughput in bytes per second.

use std::fmt::Write as _;
use std::hint::black_box;

use cdt_codes::claims::{CheckOptions, ClaimChecker};
use cdt_codes::CodeSet;
use cdt_codes::Procedure;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const LINES: usize = 200_000;

/// A claim file in memory: mostly valid lines, with deleted, not yet in
/// force, unknown, malformed and badly dated ones mixed in, some quoted.
fn claims_csv() -> String {
    let active: Vec<String> = cdt_codes::iter()
        .filter(Procedure::is_active)
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

/// Checks every line; the number of lines not valid.
fn check_all(bytes: &[u8]) -> usize {
    let mut checker = ClaimChecker::new(bytes).unwrap();
    let rejected = checker
        .by_ref()
        .filter(|line| !line.as_ref().is_ok_and(|report| report.is_valid()))
        .count();
    assert_eq!(checker.summary().lines(), LINES as u64);
    rejected
}

/// The CSV with a claim id column in front: four lines a claim.
fn claims_with_ids(csv: &str) -> String {
    let mut out = String::with_capacity(csv.len() + LINES * 8);
    for (index, line) in csv.lines().enumerate() {
        if index == 0 {
            let _ = writeln!(out, "claim_id,{line}");
        } else {
            let _ = writeln!(out, "C{},{line}", (index - 1) / 4);
        }
    }
    out
}

/// Checks every line with the claim-level edits on or off; the number of
/// conflicts found.
fn check_with(bytes: &[u8], edits: bool) -> u64 {
    let options = CheckOptions::default().claim_edits(edits);
    let mut checker = ClaimChecker::with_options(bytes, CodeSet::compiled(), &options).unwrap();
    for _ in checker.by_ref() {}
    assert_eq!(checker.summary().lines(), LINES as u64);
    checker.summary().conflicts
}

/// The CSV with tooth, surfaces and quadrant columns filled as the code
/// needs them (and now and then wrongly).
fn claims_with_teeth(csv: &str) -> String {
    let mut text = String::with_capacity(csv.len() * 5 / 4);
    for (index, row) in csv.lines().enumerate() {
        if index == 0 {
            let _ = writeln!(text, "{row},tooth,surfaces,quadrant");
            continue;
        }
        let code = row.split(',').rev().nth(2).unwrap_or("");
        let extra = match cdt_codes::lookup(code).and_then(|p| p.reporting()) {
            Some(needs) if needs.surfaces().is_some() => ",3,MO,",
            Some(needs) if needs.allows(cdt_codes::Site::Tooth) => ",19,,",
            Some(needs) if needs.allows(cdt_codes::Site::Quadrant) => ",,,UR",
            _ if index % 7 == 0 => ",8,,",
            _ => ",,,",
        };
        let _ = writeln!(text, "{row}{extra}");
    }
    text
}

/// The same kind of lines as an X12 837D interchange: one claim of five
/// service lines per patient, each line with its own date.
fn claims_x12(csv: &str) -> String {
    let mut text = String::from(
        "ISA*00*          *00*          *ZZ*BENCHSUBMIT    *ZZ*BENCHPAYER     *260215*1030*^*00501*000000101*0*T*:~\n\
         GS*HC*BENCHSUBMIT*BENCHPAYER*20260215*1030*101*X*005010X224A2~\nST*837*0001*005010X224A2~\n",
    );
    // SE01 counts the segments from ST to SE.
    let mut segments = 1;
    for (index, row) in csv.lines().skip(1).enumerate() {
        let fields: Vec<&str> = row.split(',').collect();
        let (code, date) = (
            fields[fields.len() - 3],
            fields[fields.len() - 2].replace('-', ""),
        );
        if index % 5 == 0 {
            let _ = writeln!(text, "CLM*C{index:07}*100***11:B:1*Y*A*Y*Y~");
            segments += 1;
        }
        let _ = writeln!(
            text,
            "LX*{}~\nSV3*AD:{code}*50****1~\nTOO*JP*3*M:O~\nDTP*472*D8*{date}~",
            index % 5 + 1
        );
        segments += 4;
    }
    let _ = write!(
        text,
        "SE*{}*0001~\nGE*1*101~\nIEA*1*000000101~\n",
        segments + 1
    );
    text
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
    group.bench_function("ClaimChecker", |b| {
        b.iter(|| check_all(black_box(text.as_bytes())));
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
    group.bench_function("ClaimChecker", |b| {
        b.iter(|| check_all(black_box(x12.as_bytes())));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

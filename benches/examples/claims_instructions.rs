//! Checks the claims benchmarks' generated files (200,000 lines as CSV and
//! as an 837D) inside functions that callgrind can count alone, and the
//! baselines the same way; `benches/claims_throughput.sh` runs every mode
//! under valgrind and prints instructions per line and the ratios, figures
//! that do not move with the load of the machine.
//!
//! ```text
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measure*' \
//!     target/release/examples/claims_instructions csv-lent
//! ```

use std::hint::black_box;

use cdt_codes_benches::claim_files::{check_all, check_all_lent, claims_csv, claims_x12, LINES};

#[path = "../handwritten.rs"]
mod handwritten;

/// The `csv` crate reading every row into one reused `ByteRecord`.
#[inline(never)]
fn measure_csv_crate(bytes: &[u8]) -> usize {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut fields = 0;
    while reader.read_byte_record(&mut record).unwrap_or(false) {
        fields += record.len();
    }
    fields
}

/// Splitting on the segment terminator with `memchr`.
#[inline(never)]
fn measure_memchr_split(bytes: &[u8]) -> usize {
    let mut segments = 0;
    let mut start = 0;
    for end in memchr::memchr_iter(b'~', bytes) {
        segments += usize::from(end > start);
        start = end + 1;
    }
    segments
}

/// The hand-written check: the `csv` crate and `CodeSet::validity` per
/// line (see `benches/handwritten.rs`).
#[inline(never)]
fn measure_handwritten(bytes: &[u8]) -> usize {
    handwritten::check(bytes)
}

/// The hand-written 837D check: a `memchr` split and `CodeSet::validity`
/// per service line (see `benches/handwritten.rs`).
#[inline(never)]
fn measure_handwritten_x12(bytes: &[u8]) -> usize {
    handwritten::check_x12(bytes)
}

/// The checker's owned reports (its `Iterator`).
#[inline(never)]
fn measure_owned(bytes: &[u8]) -> usize {
    check_all(bytes)
}

/// The checker's lent reports (`next_report`).
#[inline(never)]
fn measure_lent(bytes: &[u8]) -> usize {
    check_all_lent(bytes)
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let csv = claims_csv();
    let (format, how) = mode.split_once('-').unwrap_or(("", ""));
    let text = match format {
        "csv" => csv,
        "x12" => claims_x12(&csv),
        _ => {
            eprintln!("usage: claims_instructions csv|x12-baseline|owned|lent");
            std::process::exit(2);
        }
    };
    let bytes = black_box(text.as_bytes());
    let found = match (format, how) {
        ("csv", "baseline") => measure_csv_crate(bytes),
        ("x12", "baseline") => measure_memchr_split(bytes),
        ("csv", "handwritten") => measure_handwritten(bytes),
        ("x12", "handwritten") => measure_handwritten_x12(bytes),
        (_, "owned") => measure_owned(bytes),
        (_, "lent") => measure_lent(bytes),
        _ => {
            eprintln!("usage: claims_instructions csv|x12-baseline|handwritten|owned|lent");
            std::process::exit(2);
        }
    };
    println!("{mode}: {found} ({} bytes, {LINES} lines)", bytes.len());
}

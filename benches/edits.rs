//! Claim-level edits throughput: `conflicts` over 10,000 claims, next to
//! the same claims with edits off (the lines are only cloned and dropped),
//! so the cost of the edits alone can be read off. Two sets of claims:
//!
//! - `typical`: the visits a general practice bills (recall, new patient,
//!   fillings, crown with buildup, root canal, scaling by quadrant,
//!   extraction, emergency), 2 to 9 lines, one claim in ten with a line
//!   that conflicts;
//! - `dense`: 2 to 12 lines drawn at random from common codes, mostly on
//!   one date, so most claims hold several conflicts (a worst case).
//!
//! ```text
//! cargo bench -p cdt-codes-benches --bench edits -- --quick
//! ```
//!
//! Criterion reports throughput in claim lines per second.

use std::hint::black_box;

use cdt_codes::claims::{conflicts, EditLine};
use cdt_codes::teeth::{Area, Surfaces, Tooth};
use cdt_codes::{CdtCode, ServiceDate};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const CLAIMS: usize = 10_000;

/// Codes a general practice reports, with whether a line names a tooth
/// (`t`), a tooth and surfaces (`s`), a quadrant (`q`) or nothing (`-`).
const MIX: [(&str, char); 24] = [
    ("D0120", '-'),
    ("D0150", '-'),
    ("D0140", '-'),
    ("D0210", '-'),
    ("D0274", '-'),
    ("D0220", 't'),
    ("D0230", 't'),
    ("D1110", '-'),
    ("D1120", '-'),
    ("D1206", '-'),
    ("D1351", 't'),
    ("D2391", 's'),
    ("D2392", 's'),
    ("D2140", 's'),
    ("D2740", 't'),
    ("D2950", 't'),
    ("D3220", 't'),
    ("D3330", 't'),
    ("D4341", 'q'),
    ("D4342", 'q'),
    ("D4910", '-'),
    ("D7140", 't'),
    ("D7210", 't'),
    ("D9210", '-'),
];

struct Rng(u32);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        self.0 as usize
    }
}

/// Random lines from common codes: the worst case.
fn dense() -> Vec<Vec<EditLine>> {
    let mut rng = Rng(0x9E37_79B9);
    let quadrants = [
        Area::UpperRightQuadrant,
        Area::UpperLeftQuadrant,
        Area::LowerLeftQuadrant,
        Area::LowerRightQuadrant,
    ];
    let surfaces = ["O", "MO", "DO", "MOD", "B", "L"];
    (0..CLAIMS)
        .map(|_| {
            let size = 2 + rng.next() % 11;
            let first = ServiceDate::new(
                2026,
                1 + (rng.next() % 12) as u8,
                1 + (rng.next() % 28) as u8,
            )
            .expect("a valid date");
            (0..size)
                .map(|index| {
                    let (text, site) = MIX[rng.next() % MIX.len()];
                    let code: CdtCode = text.parse().expect("a code");
                    // Most lines share the claim's date; some are a later visit.
                    let date = if rng.next() % 4 == 0 {
                        ServiceDate::new(first.year(), first.month(), (first.day() % 28) + 1)
                            .expect("a valid date")
                    } else {
                        first
                    };
                    let tooth = Tooth::permanent(1 + (rng.next() % 32) as u8).expect("a tooth");
                    let line = EditLine::new(index + 1, code, date);
                    match site {
                        't' => line.with_tooth(tooth),
                        's' => line.with_tooth(tooth).with_surfaces(
                            surfaces[rng.next() % surfaces.len()]
                                .parse::<Surfaces>()
                                .expect("surfaces"),
                        ),
                        'q' => line.with_area(quadrants[rng.next() % 4]),
                        _ => line,
                    }
                })
                .collect()
        })
        .collect()
}

/// The visits a general practice bills, one in ten with a conflicting line.
fn typical() -> Vec<Vec<EditLine>> {
    let mut rng = Rng(0x2545_F491);
    let code = |text: &str| text.parse::<CdtCode>().expect("a code");
    (0..CLAIMS)
        .map(|_| {
            let date = ServiceDate::new(
                2026,
                1 + (rng.next() % 12) as u8,
                1 + (rng.next() % 28) as u8,
            )
            .expect("a valid date");
            let later = ServiceDate::new(date.year(), date.month(), (date.day() % 28) + 1)
                .expect("a valid date");
            let tooth = Tooth::permanent(1 + (rng.next() % 32) as u8).expect("a tooth");
            let other = Tooth::permanent(1 + (rng.next() % 32) as u8).expect("a tooth");
            let at = |index: usize, text: &str| EditLine::new(index, code(text), date);
            let mut claim: Vec<EditLine> = match rng.next() % 8 {
                0 => vec![
                    at(1, "D0120"),
                    at(2, "D1110"),
                    at(3, "D0274"),
                    at(4, "D1206"),
                ],
                1 => vec![
                    at(1, "D0150"),
                    at(2, "D0210"),
                    at(3, "D1110"),
                    at(4, "D0330"),
                ],
                2 => vec![
                    at(1, "D2392")
                        .with_tooth(tooth)
                        .with_surfaces("MO".parse::<Surfaces>().expect("MO")),
                    at(2, "D2391")
                        .with_tooth(other)
                        .with_surfaces("O".parse::<Surfaces>().expect("O")),
                    at(3, "D2140")
                        .with_tooth(other)
                        .with_surfaces("B".parse::<Surfaces>().expect("B")),
                ],
                3 => vec![
                    at(1, "D2950").with_tooth(tooth),
                    at(2, "D2740").with_tooth(tooth),
                ],
                4 => vec![
                    at(1, "D0140"),
                    at(2, "D0220").with_tooth(tooth),
                    at(3, "D3330").with_tooth(tooth),
                    EditLine::new(4, code("D2950"), later).with_tooth(tooth),
                ],
                5 => vec![
                    at(1, "D4341").with_area(Area::UpperRightQuadrant),
                    at(2, "D4341").with_area(Area::UpperLeftQuadrant),
                    at(3, "D4342").with_area(Area::LowerLeftQuadrant),
                    at(4, "D4341").with_area(Area::LowerRightQuadrant),
                    at(5, "D4381").with_tooth(tooth),
                ],
                6 => vec![
                    at(1, "D0140"),
                    at(2, "D0220").with_tooth(tooth),
                    at(3, "D7140").with_tooth(tooth),
                    at(4, "D7210").with_tooth(other),
                    at(5, "D9230"),
                ],
                _ => vec![
                    at(1, "D0120"),
                    at(2, "D4910"),
                    at(3, "D0274"),
                    at(4, "D2391")
                        .with_tooth(tooth)
                        .with_surfaces("O".parse::<Surfaces>().expect("O")),
                    at(5, "D2391")
                        .with_tooth(other)
                        .with_surfaces("O".parse::<Surfaces>().expect("O")),
                    at(6, "D1208"),
                    at(7, "D0220").with_tooth(tooth),
                    at(8, "D0230").with_tooth(tooth),
                    at(9, "D9910"),
                ],
            };
            if rng.next() % 10 == 0 {
                let index = claim.len() + 1;
                claim.push(match rng.next() % 4 {
                    0 => at(index, "D0150"),
                    1 => at(index, "D3220").with_tooth(tooth),
                    2 => EditLine::new(index, code("D2391"), later).with_tooth(tooth),
                    _ => at(index, "D9210"),
                });
            }
            claim
        })
        .collect()
}

fn edits(c: &mut Criterion) {
    for (name, claims) in [("typical", typical()), ("dense", dense())] {
        let lines: usize = claims.iter().map(Vec::len).sum();
        let found: usize = claims.iter().map(|claim| conflicts(claim).len()).sum();
        println!(
            "{name}: {} claims, {lines} lines, {found} conflicts",
            claims.len()
        );
        let mut group = c.benchmark_group(format!("edits/{name}"));
        group.throughput(Throughput::Elements(lines as u64));
        group.bench_function(BenchmarkId::new("off", "clone lines"), |b| {
            b.iter(|| {
                for claim in &claims {
                    black_box(claim.clone());
                }
            });
        });
        group.bench_function(BenchmarkId::new("on", "clone lines + conflicts"), |b| {
            b.iter(|| {
                let mut found = 0;
                for claim in &claims {
                    let claim = claim.clone();
                    found += conflicts(black_box(&claim)).len();
                }
                black_box(found)
            });
        });
        group.finish();
    }
}

criterion_group!(benches, edits);
criterion_main!(benches);

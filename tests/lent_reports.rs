//! The checker's two ways out agree: the reports it lends
//! (`ClaimChecker::next_report`, which reuses its buffers line after
//! line) are the reports its iterator hands out, line for line, with the
//! same summary and conflicts, on every claim file in the tests and on a
//! generated file whose lines vary in every field a reused buffer could
//! leak from (teeth, areas, notes, claim ids, dates and ranges, errors).

#![cfg(feature = "std")]

use std::fmt::Write as _;
use std::path::Path;

use cdt_codes::claims::{ClaimChecker, LineReport};

/// Every line as the iterator gives it and as `next_report` lends it, as
/// text that shows every field (reports) or the error.
fn both_ways(bytes: &[u8]) -> (Vec<String>, Vec<String>) {
    let show = |line: Result<&LineReport<'_>, String>| match line {
        Ok(report) => format!(
            "{report:?} verdict={:?} severity={:?}",
            report.verdict(),
            report.severity()
        ),
        Err(error) => format!("error {error}"),
    };
    let Ok(mut owned) = ClaimChecker::new(bytes) else {
        return (Vec::new(), Vec::new());
    };
    let mut by_iterator: Vec<String> = owned
        .by_ref()
        .map(|line| show(line.as_ref().map_err(ToString::to_string)))
        .collect();
    by_iterator.push(format!("{:?}", owned.summary()));
    by_iterator.push(format!("{:?}", owned.take_conflicts()));
    let mut lent = ClaimChecker::new(bytes).expect("read once already");
    let mut by_lending = Vec::new();
    while let Some(line) = lent.next_report() {
        by_lending.push(show(line.map_err(ToString::to_string)));
    }
    by_lending.push(format!("{:?}", lent.summary()));
    by_lending.push(format!("{:?}", lent.take_conflicts()));
    (by_iterator, by_lending)
}

fn assert_agree(name: &str, bytes: &[u8]) -> usize {
    let (by_iterator, by_lending) = both_ways(bytes);
    assert_eq!(by_iterator.len(), by_lending.len(), "{name}: line count");
    for (index, (owned, lent)) in by_iterator.iter().zip(&by_lending).enumerate() {
        assert_eq!(owned, lent, "{name}: item {index}");
    }
    by_iterator.len()
}

#[test]
fn lent_and_owned_reports_agree_on_every_fixture() {
    let mut files = 0;
    for dir in ["tests/fixtures", "tests/fixtures/real"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in std::fs::read_dir(&dir).expect("fixtures") {
            let path = entry.expect("entry").path();
            let readable = path.extension().is_some_and(|ext| {
                ["csv", "tsv", "txt", "837", "x12"]
                    .iter()
                    .any(|e| ext == *e)
            });
            if path.is_file() && readable {
                let bytes = std::fs::read(&path).expect("fixture");
                assert_agree(&path.display().to_string(), &bytes);
                files += 1;
            }
        }
    }
    assert!(files >= 15, "only {files} claim files found");
}

#[test]
fn reused_buffers_leak_nothing_from_one_line_into_the_next() {
    // Claims of one to six lines; lines with and without teeth, lists,
    // surfaces, areas, ISO teeth, date ranges, empty database dates,
    // codes read after normalising, and rows with the wrong field count.
    let mut csv =
        String::from("claim,line,code,date,date_to,tooth,tooth_system,teeth,surfaces,area\n");
    let rows = [
        "D2391,2026-02-01,,30,,,MO,",
        "D0120,2026-02-01,,,,,,",
        "d2740 ,2026-02-01,,19,,,,",
        "D4341,2026-02-01,2026-02-03,,,,,UR",
        "D7140,2026-02-01,,36,JO,,,",
        "D3310,0001-01-01,,8,,,,",
        "D5110,2025-12-30,2026-01-02,,,,,01",
        "D2140,2026-02-01,,,,3,4,5,,",
        "D0363,2026-02-01,,,,,,",
        "D1110,2026-02-30,,,,,,",
        "D9999X,2026-02-01,,,,,,",
        "D6010,2026-02-01,,,,6-11,,",
        "D2391,2026-02-01,,30,,,U,",
    ];
    let mut line = 0;
    for claim in 0..60 {
        for index in 0..=(claim % 6) {
            line += 1;
            let row = rows[(claim * 7 + index * 3) % rows.len()];
            let _ = writeln!(csv, "C{claim},{line},{row}");
        }
    }
    let items = assert_agree("generated", csv.as_bytes());
    assert!(items > 200, "{items}");
}

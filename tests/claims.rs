//! Claim-line checking against a fixture with every kind of problem.
#![cfg(feature = "std")]

use cdt_codes::claims::{
    ClaimChecker, Column, HeaderError, LineError, MalformedRow, Outcome, RowProblem, Summary,
};
use cdt_codes::{DateError, ParseCodeError, Validity};

const FIXTURE: &str = include_str!("fixtures/claims.csv");

/// The report the example prints: one line per rejected claim line or
/// malformed row, then the summary.
fn report(text: &str) -> (Vec<String>, Summary) {
    let mut checker = ClaimChecker::new(text.as_bytes()).expect("a usable header");
    let mut lines = Vec::new();
    while let Some(line) = checker.next_line() {
        match line {
            Ok(report) if report.is_valid() => {}
            Ok(report) => lines.push(report.to_string()),
            Err(error) => lines.push(error.to_string()),
        }
    }
    (lines, checker.summary())
}

#[test]
fn fixture_gives_the_expected_report_for_every_problem() {
    let (lines, _) = report(FIXTURE);
    let expected = [
        "line 3, id L002: malformed code \"D12A4\": a CDT code has digits after the 'D', found 'A' at position 4",
        "line 4, id L003: unknown code D0000: not a CDT code in the data",
        "line 5, id L004: D1352 was deleted in CDT 2026, before the date of service 2026-02-01; report D2391 instead",
        "line 6, id L005: D0426 was not yet in force on 2025-06-01: it was added in CDT 2026",
        "line 8: malformed row, skipped: unterminated quote in field 3",
        "line 9: malformed row, skipped: 3 fields where the header has 4",
        "line 10, id L009: bad date of service \"2026-02-30\": day 30 does not exist in 2026-02",
        "line 13, id L011: D8050 was deleted in CDT 2022, before the date of service 2026-03-02; report D8010 or D8020 or D8030 or D8040 instead",
        "line 14, id L012: D1705 was deleted in CDT 2026, before the date of service 2026-01-05; no replacement was named",
    ];
    assert_eq!(lines, expected);
}

#[test]
fn fixture_summary_counts_every_kind() {
    let (_, summary) = report(FIXTURE);
    assert_eq!(
        summary.to_string(),
        "lines read: 12, valid: 3, malformed code: 1, unknown code: 1, deleted: 3, \
         not yet in force: 1, bad date: 1, outside the data: 0, malformed rows: 2"
    );
    let parts = summary.valid
        + summary.malformed_code
        + summary.unknown_code
        + summary.deleted
        + summary.not_yet_in_force
        + summary.bad_date
        + summary.malformed_rows;
    assert_eq!(parts, summary.lines);
    assert_eq!(summary.rejected(), 9);
}

#[test]
fn fixture_outcomes_are_typed() {
    let mut checker = ClaimChecker::new(FIXTURE.as_bytes()).unwrap();
    let mut outcomes = Vec::new();
    while let Some(line) = checker.next_line() {
        outcomes.push(match line {
            Ok(report) => Ok((report.line, report.id.to_string(), report.outcome)),
            Err(LineError::Malformed(row)) => Err(row),
            Err(error) => panic!("unexpected {error}"),
        });
    }
    assert!(matches!(
        outcomes[0],
        Ok((2, _, Outcome::Checked(Validity::Valid(_))))
    ));
    assert!(matches!(
        outcomes[1],
        Ok((
            3,
            _,
            Outcome::Checked(Validity::Malformed(ParseCodeError::NonDigit {
                position: 4,
                found: 'A'
            }))
        ))
    ));
    let Ok((
        5,
        _,
        Outcome::Checked(Validity::Deleted {
            deleted_in,
            replaced_by,
            ..
        }),
    )) = &outcomes[3]
    else {
        panic!("{:?}", outcomes[3]);
    };
    assert_eq!(deleted_in.year(), 2026);
    assert_eq!(replaced_by[0].to_string(), "D2391");
    assert_eq!(
        outcomes[5]
            .as_ref()
            .map(|(line, id, _)| (*line, id.as_str())),
        Ok((7, "L006")),
        "quoted, lower-case code is valid"
    );
    assert!(outcomes[5].as_ref().is_ok_and(|(_, _, o)| o.is_valid()));
    assert_eq!(
        outcomes[6],
        Err(MalformedRow {
            line: 8,
            problem: RowProblem::UnterminatedQuote { field: 3 }
        })
    );
    assert_eq!(
        outcomes[7],
        Err(MalformedRow {
            line: 9,
            problem: RowProblem::FieldCount {
                expected: 4,
                found: 3
            }
        })
    );
    assert!(matches!(
        outcomes[8],
        Ok((10, _, Outcome::BadDate(DateError::Day { day: 30, .. })))
    ));
    assert!(
        matches!(
            outcomes[9],
            Ok((12, _, Outcome::Checked(Validity::Valid(_))))
        ),
        "blank line 11 is skipped, D3354 is valid before its deletion"
    );
    assert_eq!(outcomes.len(), 12);
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_change_nothing() {
    let crlf = format!("\u{FEFF}{}", FIXTURE.replace('\n', "\r\n"));
    assert_eq!(report(&crlf), report(FIXTURE));
}

#[test]
fn columns_are_found_by_synonym_in_any_order_and_case() {
    for header in [
        "line_id,procedure_code,date_of_service",
        "ID,CODE,SERVICE_DATE",
        "Line,cdt_code,Date of Service",
        "dos,code,extra,line",
    ] {
        let width = header.split(',').count();
        let mut row: Vec<&str> = vec![""; width];
        for (index, name) in header.split(',').enumerate() {
            row[index] = if Column::Id.matches(name) {
                "X1"
            } else if Column::Code.matches(name) {
                "D1352"
            } else if Column::Date.matches(name) {
                "2026-01-01"
            } else {
                "ignored"
            };
        }
        let csv = format!("{header}\n{}\n", row.join(","));
        let (lines, summary) = report(&csv);
        assert_eq!(summary.deleted, 1, "{header}");
        assert!(
            lines[0].starts_with("line 2, id X1: D1352 was deleted"),
            "{header}"
        );
    }
}

#[test]
fn header_problems_are_errors() {
    let missing = ClaimChecker::new("line_id,date_of_service\n".as_bytes()).unwrap_err();
    assert!(matches!(
        missing,
        HeaderError::MissingColumn {
            column: Column::Code
        }
    ));
    assert_eq!(
        missing.to_string(),
        "the header has no procedure code column (name it procedure_code, code or cdt_code)"
    );
    let twice = ClaimChecker::new("id,dos,Line,code\n".as_bytes()).unwrap_err();
    assert_eq!(
        twice.to_string(),
        "the header names the line id column twice: \"id\" and \"Line\""
    );
    assert!(matches!(
        ClaimChecker::new("\n \n".as_bytes()),
        Err(HeaderError::Empty)
    ));
    assert!(matches!(
        ClaimChecker::new("id,\"code,dos\n".as_bytes()),
        Err(HeaderError::Malformed {
            line: 1,
            problem: RowProblem::UnterminatedQuote { field: 2 }
        })
    ));
}

#[test]
fn a_code_problem_is_reported_before_a_date_problem() {
    let csv = "id,code,dos\n1,D12,not a date\n2,D0000,\n3,D0120,\n";
    let (lines, summary) = report(csv);
    assert_eq!(
        lines,
        [
            "line 2, id 1: malformed code \"D12\": a CDT code is 5 characters ('D' and four digits), found 3",
            "line 3, id 2: unknown code D0000: not a CDT code in the data",
            "line 4, id 3: bad date of service \"\": a date of service is written YYYY-MM-DD, MM/DD/YYYY or YYYYMMDD, e.g. 2026-01-15",
        ]
    );
    assert_eq!(
        (
            summary.malformed_code,
            summary.unknown_code,
            summary.bad_date
        ),
        (1, 1, 1)
    );
}

#[test]
fn missing_ids_and_empty_rows() {
    let csv = "id,code,dos\n,D0000,2026-01-01\n,,\n   \n";
    let (lines, summary) = report(csv);
    assert_eq!(
        lines,
        ["line 2, id (none): unknown code D0000: not a CDT code in the data"]
    );
    assert_eq!(summary.lines, 1);
}

#[test]
fn arbitrary_bytes_never_panic() {
    // A cheap deterministic fuzz: every prefix of a nasty input, and some
    // byte soup, must be read to the end without panicking.
    let nasty = "id,code,dos\n\"\"\"\n\",\"\n,,,,\n\r\r\n\"a\"b\"c\",D0120,2026-01-01\n\u{FEFF}x\n\"D0120\"\"\",1,\n";
    for end in 0..=nasty.len() {
        let Some(prefix) = nasty.get(..end) else {
            continue;
        };
        if let Ok(mut checker) = ClaimChecker::new(prefix.as_bytes()) {
            while checker.next_line().is_some() {}
            let summary = checker.summary();
            assert!(summary.rejected() <= summary.lines);
        }
    }
    let mut state: u32 = 0x2545_F491;
    let mut soup = b"id,code,dos\n".to_vec();
    for _ in 0..20_000 {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let bytes = b"D0123,\"\n\r -9x\xff\xc3";
        soup.push(bytes[state as usize % bytes.len()]);
    }
    let mut checker = ClaimChecker::new(&soup[..]).unwrap();
    while checker.next_line().is_some() {}
    assert!(checker.summary().lines > 0);
}

#[test]
fn readme_shows_the_real_output_for_the_fixture() {
    let readme = include_str!("../README.md");
    let command = "$ cargo run --quiet --example check_claims -- tests/fixtures/claims.csv\n";
    let start = readme.find(command).expect("the README shows the example") + command.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let (mut lines, summary) = report(FIXTURE);
    lines.push(summary.to_string());
    assert_eq!(shown.lines().collect::<Vec<_>>(), lines);
}

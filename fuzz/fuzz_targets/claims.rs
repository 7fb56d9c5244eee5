//! `cdt_codes::claims::ClaimChecker::new(bytes)` and the `next_line()` loop
//! on arbitrary bytes.
//!
//! Properties:
//! - the counts of `summary()` add up: `lines` is `valid` plus each problem
//!   kind, each count is the number of reports of that kind, and
//!   `rejected()` is `lines - valid`;
//! - line numbers increase, start after the header and stay within the
//!   input's lines; after `None`, `next_line()` stays `None`;
//! - each report's outcome is what `CdtCode::parse`, `get`,
//!   `ServiceDate::from_str` and `validity` say for its (trimmed) code and
//!   date; `Display` never panics;
//! - reading through a `BufReader` with a tiny buffer (so lines arrive in
//!   pieces) gives exactly the same reports, errors and summary;
//! - for input without `\r`, writing every line ending as `\r\n` gives
//!   exactly the same reports, errors and summary.
//!
//! Long lines: libFuzzer's inputs are small, so an input that starts with
//! the byte `0xFE` (never in UTF-8) is expanded: the next byte `n` picks a
//! length `65_472 + n`, and the first `~` of the rest becomes that many
//! `x`s, so that lines land on both sides of the 64 KiB limit.

#![no_main]

use std::io::{BufRead, BufReader};

use cdt_codes::claims::{ClaimChecker, LineError, Outcome, Summary};
use cdt_codes::{CdtCode, ServiceDate, Validity};
use libfuzzer_sys::fuzz_target;

/// One `next_line()` result, owned.
#[derive(Debug, PartialEq)]
enum Event {
    Report {
        line: u64,
        id: String,
        code: String,
        date: String,
        outcome: Outcome,
        shown: String,
    },
    Malformed {
        line: u64,
        shown: String,
    },
}

fn run<R: BufRead>(reader: R, newlines: u64) -> Result<(Vec<Event>, Summary), String> {
    let mut checker = ClaimChecker::new(reader).map_err(|error| error.to_string())?;
    let mut events = Vec::new();
    let mut last_line = 1;
    while let Some(next) = checker.next_line() {
        let event = match next {
            Ok(report) => {
                let shown = report.to_string();
                assert!(
                    shown.starts_with(&format!("line {}, id ", report.line)),
                    "{shown}"
                );
                assert_eq!(report.is_valid(), report.outcome.is_valid());
                Event::Report {
                    line: report.line,
                    id: report.id.to_owned(),
                    code: report.code.to_owned(),
                    date: report.date.to_owned(),
                    outcome: report.outcome,
                    shown,
                }
            }
            Err(LineError::Malformed(row)) => Event::Malformed {
                line: row.line,
                shown: row.to_string(),
            },
            Err(other) => panic!("reading a byte slice cannot fail: {other}"),
        };
        let line = match &event {
            Event::Report { line, .. } | Event::Malformed { line, .. } => *line,
        };
        assert!(line > last_line, "line {line} after line {last_line}");
        assert!(
            line <= newlines + 1,
            "line {line} of {} lines",
            newlines + 1
        );
        last_line = line;
        events.push(event);
    }
    assert!(checker.next_line().is_none(), "None is final");
    Ok((events, checker.summary()))
}

fn check_outcome(code: &str, date: &str, outcome: Outcome) {
    assert_eq!(code, code.trim());
    assert_eq!(date, date.trim());
    let parsed = CdtCode::parse(code);
    let record = parsed.ok().and_then(cdt_codes::get);
    match outcome {
        Outcome::Checked(Validity::Malformed(error)) => assert_eq!(parsed, Err(error)),
        Outcome::Checked(Validity::Unknown(found)) => {
            assert_eq!(parsed, Ok(found));
            assert!(record.is_none());
        }
        Outcome::BadDate(error) => {
            assert!(record.is_some(), "bad date reported for {code:?}");
            assert_eq!(date.parse::<ServiceDate>(), Err(error));
        }
        Outcome::Checked(validity) => {
            let date = date
                .parse::<ServiceDate>()
                .expect("a checked line has a date");
            assert_eq!(validity, cdt_codes::validity(code, date));
            assert!(record.is_some());
        }
        other => panic!("an outcome this target does not know: {other:?}"),
    }
}

fn check_summary(events: &[Event], summary: &Summary) {
    let parts = summary.valid
        + summary.malformed_code
        + summary.unknown_code
        + summary.deleted
        + summary.not_yet_in_force
        + summary.bad_date
        + summary.malformed_rows;
    assert_eq!(summary.lines, parts, "{summary}");
    assert_eq!(summary.lines, events.len() as u64);
    assert_eq!(summary.rejected(), summary.lines - summary.valid);
    let count = |wanted: fn(&Event) -> bool| events.iter().filter(|e| wanted(e)).count() as u64;
    assert_eq!(
        summary.malformed_rows,
        count(|e| matches!(e, Event::Malformed { .. }))
    );
    assert_eq!(
        summary.valid,
        count(|e| matches!(
            e,
            Event::Report {
                outcome: Outcome::Checked(Validity::Valid(_)),
                ..
            }
        ))
    );
    assert_eq!(
        summary.malformed_code,
        count(|e| matches!(
            e,
            Event::Report {
                outcome: Outcome::Checked(Validity::Malformed(_)),
                ..
            }
        ))
    );
    assert_eq!(
        summary.unknown_code,
        count(|e| matches!(
            e,
            Event::Report {
                outcome: Outcome::Checked(Validity::Unknown(_)),
                ..
            }
        ))
    );
    assert_eq!(
        summary.deleted,
        count(|e| matches!(
            e,
            Event::Report {
                outcome: Outcome::Checked(Validity::Deleted { .. }),
                ..
            }
        ))
    );
    assert_eq!(
        summary.not_yet_in_force,
        count(|e| matches!(
            e,
            Event::Report {
                outcome: Outcome::Checked(Validity::NotYetInForce { .. }),
                ..
            }
        ))
    );
    assert_eq!(
        summary.bad_date,
        count(|e| matches!(
            e,
            Event::Report {
                outcome: Outcome::BadDate(_),
                ..
            }
        ))
    );
    assert!(!summary.to_string().is_empty());
}

/// The longest line the checker reads (`claims::MAX_LINE`).
const MAX_LINE: usize = 64 * 1024;

/// The input, with the long-line expansion described above.
fn expand(data: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let [0xFE, n, rest @ ..] = data else {
        return data.into();
    };
    let Some(at) = rest.iter().position(|&b| b == b'~') else {
        return rest.into();
    };
    let mut out = Vec::with_capacity(rest.len() + MAX_LINE + 256);
    out.extend_from_slice(&rest[..at]);
    out.resize(at + MAX_LINE - 64 + usize::from(*n), b'x');
    out.extend_from_slice(&rest[at + 1..]);
    out.into()
}

fuzz_target!(|data: &[u8]| {
    let data = &*expand(data);
    let newlines = data.iter().filter(|&&b| b == b'\n').count() as u64;
    let whole = run(data, newlines);
    let capacity = data.len() % 7 + 1;
    let pieces = run(BufReader::with_capacity(capacity, data), newlines);
    assert_eq!(whole, pieces, "buffer size {capacity} changes the result");
    if !data.contains(&b'\r') {
        let mut crlf = Vec::with_capacity(data.len() + newlines as usize);
        for &byte in data {
            if byte == b'\n' {
                crlf.push(b'\r');
            }
            crlf.push(byte);
        }
        let windows = run(&crlf[..], newlines);
        assert_eq!(whole, windows, "\\r\\n line endings change the result");
    }
    let Ok((events, summary)) = whole else {
        return;
    };
    check_summary(&events, &summary);
    for event in &events {
        if let Event::Report {
            id,
            code,
            date,
            outcome,
            ..
        } = event
        {
            assert_eq!(id, id.trim());
            check_outcome(code, date, *outcome);
        }
    }
});

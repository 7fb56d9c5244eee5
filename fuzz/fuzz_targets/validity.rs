//! The date-of-service check: `cdt_codes::validity(code, ServiceDate)`,
//! `ServiceDate::new`, `"YYYY-MM-DD".parse::<ServiceDate>()`, edition
//! parsing and `cdt_codes::changes`.
//!
//! Input: bytes 0-1 a year, 2 a month, 3 a day (for `ServiceDate::new`),
//! 4-5 two edition years (for `changes`); the rest is text, a code and a
//! date separated by the first `|` (without one, the whole text is tried as
//! both).
//!
//! Properties:
//! - `ServiceDate::new` and `FromStr` accept exactly the calendar dates of
//!   1900-2199 (checked against an independent model, error kind
//!   included); `Display` is `YYYY-MM-DD`, round-trips, and equals the
//!   trimmed input text;
//! - `validity`: `Malformed(e)` exactly when `CdtCode::parse` fails with
//!   `e`; `Unknown(c)` exactly when the code is well-formed but undefined;
//!   otherwise the record of the code, and `Valid` exactly when the record
//!   `is_active_in` the date's edition (for dates before 1990, which have no
//!   edition, when it is not deleted by then nor added after); `Deleted` and
//!   `NotYetInForce` carry the record's history; `Display` never panics;
//! - `Edition` text round-trips through `Display`; `Added` parses `2019`
//!   and `<2005`;
//! - `changes(from, to)` lists exactly the recorded history inside
//!   (from, to], in code order.

#![no_main]

use cdt_codes::{Added, CdtCode, Change, DateError, Edition, Procedure, ServiceDate, Validity};
use libfuzzer_sys::fuzz_target;

/// An independent calendar: `Ok` for 1900-2199 dates that exist.
fn model_date(year: u16, month: u8, day: u8) -> Result<(), DateError> {
    if !(1900..=2199).contains(&year) {
        return Err(DateError::Year { year });
    }
    if !(1..=12).contains(&month) {
        return Err(DateError::Month { month });
    }
    let leap = (year % 4 == 0) ^ (year % 100 == 0) ^ (year % 400 == 0);
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if day == 0 || day > days[usize::from(month - 1)] {
        return Err(DateError::Day { year, month, day });
    }
    Ok(())
}

fn model_parse(text: &str) -> Result<(u16, u8, u8), DateError> {
    let trimmed = text.trim();
    let b = trimmed.as_bytes();
    let digits = [0, 1, 2, 3, 5, 6, 8, 9];
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits.iter().all(|&i| b[i].is_ascii_digit())
    {
        return Err(DateError::Format);
    }
    let year: u16 = trimmed[0..4].parse().expect("digits");
    let month: u8 = trimmed[5..7].parse().expect("digits");
    let day: u8 = trimmed[8..10].parse().expect("digits");
    model_date(year, month, day).map(|()| (year, month, day))
}

fn check_date(date: ServiceDate) {
    let shown = date.to_string();
    assert_eq!(
        shown,
        format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
    );
    assert_eq!(shown.len(), 10);
    assert_eq!(shown.parse::<ServiceDate>(), Ok(date), "round trip {shown}");
    assert_eq!(date.edition(), Edition::new(date.year()));
    assert_eq!(model_date(date.year(), date.month(), date.day()), Ok(()));
}

fn same(a: &'static Procedure, b: &'static Procedure) -> bool {
    std::ptr::eq(a, b)
}

fn check_validity(text: &str, date: ServiceDate) {
    let outcome = cdt_codes::validity(text, date);
    let shown = outcome.to_string();
    assert!(!shown.is_empty());
    let parsed = CdtCode::parse(text);
    let record = parsed.ok().and_then(cdt_codes::get);
    assert_eq!(
        outcome.procedure().map(|p| p as *const _),
        record.map(|p| p as *const _)
    );
    let year = date.year();
    match outcome {
        Validity::Malformed(error) => assert_eq!(parsed, Err(error)),
        Validity::Unknown(code) => {
            assert_eq!(parsed, Ok(code));
            assert!(record.is_none());
        }
        Validity::Valid(p)
        | Validity::NotYetInForce { procedure: p, .. }
        | Validity::Deleted { procedure: p, .. } => {
            let record = record.expect("a defined code");
            assert!(same(p, record));
            assert_eq!(Ok(p.code()), parsed);
            assert!(outcome == p.validity_on(date));
        }
        other => panic!("an outcome this target does not know: {other:?}"),
    }
    let Some(record) = record else {
        assert!(!outcome.is_valid());
        return;
    };
    let deleted_by_then = record.deleted_in().is_some_and(|d| d.year() <= year);
    let added_later = record.added_in().is_some_and(|a| a.year() > year);
    assert_eq!(
        outcome.is_valid(),
        !deleted_by_then && !added_later,
        "{text:?} on {date}: {shown}"
    );
    if let Some(edition) = date.edition() {
        assert_eq!(
            outcome.is_valid(),
            record.is_active_in(edition),
            "{text:?} on {date}: {shown}"
        );
    }
    match outcome {
        Validity::Deleted {
            procedure,
            deleted_in,
            replaced_by,
        } => {
            assert_eq!(procedure.deleted_in(), Some(deleted_in));
            assert!(deleted_in.year() <= year);
            assert_eq!(replaced_by, procedure.replaced_by());
            assert!(shown.contains(&deleted_in.to_string()));
        }
        Validity::NotYetInForce {
            procedure,
            added_in,
        } => {
            assert_eq!(procedure.added(), Some(Added::In(added_in)));
            assert!(added_in.year() > year);
            assert!(!deleted_by_then, "deletion is reported first");
        }
        Validity::Valid(_) => assert!(shown.ends_with("is valid")),
        _ => {}
    }
}

fn check_editions(text: &str) {
    if let Ok(edition) = text.parse::<Edition>() {
        assert_eq!(Edition::new(edition.year()), Some(edition));
        let shown = edition.to_string();
        assert_eq!(shown, format!("CDT {}", edition.year()));
        assert_eq!(shown.parse::<Edition>(), Ok(edition));
        assert_eq!(edition.year().to_string().parse::<Edition>(), Ok(edition));
    }
    match text.parse::<Added>() {
        Ok(Added::In(edition)) => {
            assert_eq!(
                edition.year().to_string().parse::<Added>(),
                Ok(Added::In(edition))
            );
        }
        Ok(Added::Before(edition)) => {
            let written = format!("<{}", edition.year());
            assert_eq!(written.parse::<Added>(), Ok(Added::Before(edition)));
            assert_eq!(
                Added::Before(edition).to_string(),
                format!("before {edition}")
            );
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
}

fn check_changes(from: Edition, to: Edition) {
    let listed: Vec<Change> = cdt_codes::changes(from, to).collect();
    if to <= from {
        assert!(listed.is_empty());
        return;
    }
    let within = |e: Edition| from < e && e <= to;
    let mut expected = 0;
    for procedure in cdt_codes::iter() {
        expected += usize::from(procedure.added_in().is_some_and(within));
        expected += procedure
            .revised_in()
            .iter()
            .filter(|e| within(**e))
            .count();
        expected += usize::from(procedure.deleted_in().is_some_and(within));
    }
    assert_eq!(listed.len(), expected, "changes({from}, {to})");
    for change in &listed {
        let procedure = change.procedure();
        let edition = change.edition();
        assert!(within(edition));
        match change {
            Change::Added { .. } => assert_eq!(procedure.added(), Some(Added::In(edition))),
            Change::Deleted { .. } => assert_eq!(procedure.deleted_in(), Some(edition)),
            Change::Revised { .. } => assert!(procedure.revised_in().contains(&edition)),
        }
        assert!(!change.to_string().is_empty());
    }
    assert!(listed
        .windows(2)
        .all(|pair| pair[0].procedure().code() <= pair[1].procedure().code()));
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 6 {
        return;
    }
    let (head, rest) = data.split_at(6);
    let raw_year = u16::from_le_bytes([head[0], head[1]]);
    let (month, day) = (head[2], head[3]);
    // Mostly years near the valid range, so that the checks below run.
    let year = if raw_year & 0x8000 == 0 {
        1880 + raw_year % 340
    } else {
        raw_year
    };
    let constructed = ServiceDate::new(year, month, day);
    assert_eq!(
        constructed.map(|_| ()),
        model_date(year, month, day),
        "{year}-{month}-{day}"
    );
    if let Ok(date) = constructed {
        check_date(date);
        assert_eq!((date.year(), date.month(), date.day()), (year, month, day));
    }
    if let Err(error) = constructed {
        assert!(!error.to_string().is_empty());
    }

    let text = String::from_utf8_lossy(rest);
    let (code_text, date_text) = text.split_once('|').unwrap_or((&text, &text));
    let parsed = date_text.parse::<ServiceDate>();
    assert_eq!(
        parsed.map(|d| (d.year(), d.month(), d.day())),
        model_parse(date_text),
        "parse {date_text:?}"
    );
    if let Ok(date) = parsed {
        check_date(date);
        assert_eq!(date.to_string(), date_text.trim());
    }
    check_editions(code_text);

    let date = parsed.ok().or(constructed.ok());
    if let Some(date) = date {
        check_validity(code_text, date);
    }
    let edition = |byte: u8| Edition::new(1985 + u16::from(byte) % 60);
    if let (Some(from), Some(to)) = (edition(head[4]), edition(head[5])) {
        check_changes(from, to);
    }
});

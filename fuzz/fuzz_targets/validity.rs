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
//! - `ServiceDate::new` accepts exactly the calendar dates of 1900-2199
//!   (an independent calendar model, error kind included); a date's
//!   `Display` round-trips and its edition is `Edition::in_force(year)`
//!   (the text forms are the `dates` target's);
//! - `validity` (= `CodeSet::compiled().validity`): `Malformed(e)` exactly
//!   when `CdtCode::parse` fails with `e`; `OutsideData` with the code, the
//!   date, its edition, the nearest held edition and the record's activity
//!   there exactly when the date lies outside `horizon()` (2000-01-01 to
//!   the end of the newest edition); `Unknown(c)` for an undefined code;
//!   otherwise `Deleted` from the deleting edition on, `NotYetInForce`
//!   before the addition (or before an off-cycle effective date), `Valid`
//!   otherwise, each with the record's history, and (without an effective
//!   date) `Valid` exactly when the record `is_active_in` the date's
//!   edition; `validity_on` and `validity_assuming_latest` agree;
//!   `Display` never panics;
//! - `Edition` text round-trips through `Display`; `Added` parses `2019`
//!   and `<2005`;
//! - `changes(from, to)` is refused exactly for editions the data does not
//!   hold, and otherwise lists exactly the recorded history inside
//!   (from, to], in code order.

#![no_main]

use cdt_codes::{Added, CdtCode, Change, CodeSet, DateError, Edition, ServiceDate, Validity};
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

fn check_date(date: ServiceDate) {
    let shown = date.to_string();
    assert_eq!(
        shown,
        format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
    );
    assert_eq!(shown.len(), 10);
    assert_eq!(shown.parse::<ServiceDate>(), Ok(date), "round trip {shown}");
    assert_eq!(date.edition(), Edition::in_force(date.year()));
    assert_eq!(model_date(date.year(), date.month(), date.day()), Ok(()));
}

/// The documented rule, written again from the record's history: outside
/// the data's horizon nothing is judged; a defined code is deleted from the
/// edition that deleted it on, not yet in force before its addition (or
/// before an off-cycle effective date, when it has one), valid otherwise.
fn check_validity(text: &str, date: ServiceDate) {
    let set = CodeSet::compiled();
    let outcome = cdt_codes::validity(text, date);
    assert_eq!(outcome, set.validity(text, date));
    let shown = outcome.to_string();
    assert!(!shown.is_empty());
    assert!(!format!("{outcome:?}").is_empty());
    let parsed = CdtCode::parse(text);
    let record = parsed.ok().and_then(cdt_codes::get);
    let (first, last) = set.horizon();
    assert_eq!(first, ServiceDate::new(2000, 1, 1).unwrap());
    assert_eq!(
        last,
        ServiceDate::new(set.edition().last_year(), 12, 31).unwrap()
    );
    let kind = outcome.kind();
    assert!(!kind.is_empty());
    assert_eq!(
        cdt_codes::CodeSet::compiled().validity_assuming_latest(text, date),
        set.validity(text, if date > last { last } else { date })
    );
    let Ok(code) = parsed else {
        assert_eq!(outcome, Validity::Malformed(parsed.unwrap_err()));
        assert_eq!(kind, "malformed");
        return;
    };
    if date < first || date > last {
        let nearest = if date < first {
            Edition::CDT_3
        } else {
            cdt_codes::CDT_EDITION
        };
        let Validity::OutsideData {
            code: found,
            date: on,
            edition,
            nearest: near,
            hint,
        } = outcome
        else {
            panic!("{date} is outside the data: {shown}");
        };
        assert_eq!(
            (found, on, edition, near),
            (code, date, date.edition(), nearest)
        );
        assert_eq!(hint.map(|(p, _)| p), record);
        if let Some((procedure, active)) = hint {
            assert_eq!(active, procedure.is_active_in(nearest));
        }
        assert!(outcome.is_outside_data() && !outcome.is_valid());
        assert_eq!(outcome.procedure(), record);
        return;
    }
    let Some(record) = record else {
        assert_eq!(outcome, Validity::Unknown(code));
        return;
    };
    assert_eq!(outcome.procedure(), Some(record));
    assert_eq!(outcome, record.validity_on(date));
    let year = date.year();
    let edition = date.edition().expect("inside the data, an edition applies");
    assert!(edition.first_year() <= year && year <= edition.last_year());
    let deleted = record.deleted_in().filter(|d| d.year() <= year);
    let added = match record.added() {
        Some(Added::In(added)) => Some(added),
        _ => None,
    };
    let not_yet = added.filter(|added| match record.effective() {
        Some(effective) => date < effective,
        None => added.year() > year,
    });
    match (deleted, not_yet) {
        (Some(deleted_in), _) => {
            assert_eq!(
                outcome,
                Validity::Deleted {
                    procedure: record,
                    deleted_in,
                    replaced_by: record.replaced_by(),
                    successors: record.successors(),
                },
                "{text:?} on {date}"
            );
            assert!(shown.contains(&deleted_in.to_string()));
        }
        (None, Some(added_in)) => {
            assert_eq!(
                outcome,
                Validity::NotYetInForce {
                    procedure: record,
                    added_in,
                    effective: record.effective(),
                },
                "{text:?} on {date}"
            );
        }
        (None, None) => {
            assert_eq!(outcome, Validity::Valid(record), "{text:?} on {date}");
            assert!(shown.ends_with("is valid"));
        }
    }
    if record.effective().is_none() {
        assert_eq!(
            outcome.is_valid(),
            record.is_active_in(edition),
            "{text:?} on {date}"
        );
    }
}

fn check_editions(text: &str) {
    if let Ok(edition) = text.parse::<Edition>() {
        assert_eq!(Edition::new(edition.year()), Ok(edition));
        let shown = edition.to_string();
        assert!(shown.starts_with("CDT"), "{shown}");
        assert_eq!(shown.parse::<Edition>(), Ok(edition));
        assert_eq!(Edition::in_force(edition.year()), Some(edition));
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
    let set = CodeSet::compiled();
    let held = |e: Edition| Edition::CDT_3 <= e && e <= set.edition();
    let Ok(listed) = cdt_codes::changes(from, to) else {
        assert!(!held(from) || !held(to), "changes({from}, {to}) refused");
        return;
    };
    assert!(held(from) && held(to));
    let listed: Vec<Change> = listed.collect();
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
            other => panic!("a change this target does not know: {other:?}"),
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
    // `dates` checks the parser against a model; here a date is a date.
    let parsed = date_text.parse::<ServiceDate>();
    if let Ok(date) = parsed {
        check_date(date);
    }
    check_editions(code_text);

    let date = parsed.ok().or(constructed.ok());
    if let Some(date) = date {
        check_validity(code_text, date);
    }
    let edition = |byte: u8| Edition::new(1985 + u16::from(byte) % 60).ok();
    if let (Some(from), Some(to)) = (edition(head[4]), edition(head[5])) {
        check_changes(from, to);
    }
});

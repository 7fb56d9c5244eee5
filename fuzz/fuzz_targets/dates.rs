//! `ServiceDate::from_str` on arbitrary text: ISO `YYYY-MM-DD`, US
//! `M/D/YYYY` (one or two digits for month and day) and X12 `YYYYMMDD`,
//! with surrounding whitespace; since issue 29 also `DD-Mon-YYYY`,
//! `DDMONYYYY` and date-times whose time is ignored; since 6 December 2026
//! also `Mon D YYYY`, `Mon D, YYYY` and `Www Mon DD YYYY` (SQL Server's and
//! JavaScript's text of a date); since its third session also `YYYY/M/D`
//! (Japan's order), month and weekday names in full (`Wednesday, March
//! 4, 2026`: .NET's long date) and the day first with spaces (`04 Mar
//! 2026`, `4 March 2026`: SQL Server's style 106, .NET's en-GB long date).
//!
//! Input: the text (lossily decoded); its first four bytes are also read as
//! a year (`u16`), a month and a day for `ServiceDate::new`.
//!
//! Properties:
//! - on text without letters or inner spaces, `from_str` agrees with an
//!   independent model of the four numeric forms and of the calendar
//!   (1900-2199, Gregorian leap years), error kind included;
//! - an accepted date-time that starts with a digit (a space, or a `T`
//!   followed by a digit, after the date) equals the parse of its date
//!   part, when that part is a numeric date (eight bytes or more: `4 Mar
//!   2026` starts with a digit, and its part up to the first space is its
//!   day);
//! - for every valid date built from the first bytes, its month-name
//!   forms (`15-Jan-2025`, `5-jan-2025`, `05JAN2025`, `Jan 15 2025`,
//!   `Jan  5 2025`, `Jan 15, 2025`, `Wed Jan 15 2025`, `January 15, 2025`,
//!   `Wednesday, January 15, 2025`, `15 Jan 2025`, `15 January 2025`, any
//!   case) and `2025/1/15` parse to the same date as its numeric forms,
//!   each of them also with a time of day after it (`0:00`, `00:00:00`, `T00:00:00Z`, `12:00 AM`, `12:00AM`,
//!   `00:00:00 GMT-0500 (Central Daylight Time)`, ...);
//! - a parsed date displays as `YYYY-MM-DD`, re-parses to itself, equals
//!   `ServiceDate::new(year, month, day)` of its own parts, and its
//!   display written in the two other forms parses to it as well;
//! - `ServiceDate::new` accepts exactly the model's calendar dates, orders
//!   dates as `(year, month, day)`, and its `Display` pads to a width.

#![no_main]

use std::str::FromStr;

use cdt_codes::{DateError, ServiceDate};
use libfuzzer_sys::fuzz_target;

fn days_in(year: u16, month: u8) -> u8 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        _ => 28,
    }
}

/// The calendar check, in the order the errors are documented.
fn calendar(year: u16, month: u8, day: u8) -> Result<(u16, u8, u8), DateError> {
    if !(1900..=2199).contains(&year) {
        return Err(DateError::Year { year });
    }
    if !(1..=12).contains(&month) {
        return Err(DateError::Month { month });
    }
    if day == 0 || day > days_in(year, month) {
        return Err(DateError::Day { year, month, day });
    }
    Ok((year, month, day))
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The three forms, read with string operations rather than byte offsets.
fn model(text: &str) -> Result<(u16, u8, u8), DateError> {
    let text = text.trim();
    let parts: Option<(u32, u32, u32)> = if text.len() == 8 && digits(text).is_some() {
        Some((
            digits(&text[..4]).unwrap(),
            digits(&text[4..6]).unwrap(),
            digits(&text[6..]).unwrap(),
        ))
    } else if text.matches('-').count() == 2 && !text.contains('/') {
        let pieces: Vec<&str> = text.split('-').collect();
        match pieces.as_slice() {
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                match (digits(y), digits(m), digits(d)) {
                    (Some(y), Some(m), Some(d)) => Some((y, m, d)),
                    _ => None,
                }
            }
            _ => None,
        }
    } else {
        let pieces: Vec<&str> = text.split('/').collect();
        let short = |piece: &str| (1..=2).contains(&piece.len());
        match pieces.as_slice() {
            [m, d, y] | [y, m, d] if short(m) && short(d) && y.len() == 4 => {
                match (digits(y), digits(m), digits(d)) {
                    (Some(y), Some(m), Some(d)) => Some((y, m, d)),
                    _ => None,
                }
            }
            _ => None,
        }
    };
    let (year, month, day) = parts.ok_or(DateError::Format)?;
    // Four digits, two digits: always small enough.
    calendar(year as u16, month as u8, day as u8)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const TIMES: [&str; 11] = [
    "",
    " 0:00",
    " 00:00:00",
    "T00:00:00Z",
    " 12:00 AM",
    "T10:30:00.000+01:00",
    " 23:59:59",
    "  9:05 pm",
    " 12:00AM",
    " 00:00:00 GMT-0500 (Central Daylight Time)",
    " 09:15:00 GMT+0100",
];
const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const FULL_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FULL_WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// The weekday of a date, 0 for Sunday (Sakamoto's method).
fn weekday(year: u16, month: u8, day: u8) -> usize {
    const OFFSETS: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let year = u32::from(year) - u32::from(month < 3);
    let sum = year + year / 4 - year / 100
        + year / 400
        + OFFSETS[usize::from(month - 1)]
        + u32::from(day);
    (sum % 7) as usize
}

/// Every form of a valid date, numeric and with month names, each with
/// every time of day after it: all must parse to the date.
fn every_form(date: ServiceDate) {
    let (y, m, d) = (date.year(), date.month(), date.day());
    let name = MONTHS[usize::from(m - 1)];
    let mut forms = vec![
        format!("{y:04}-{m:02}-{d:02}"),
        format!("{m}/{d}/{y}"),
        format!("{m:02}/{d:02}/{y}"),
        format!("{y:04}{m:02}{d:02}"),
        format!("{y:04}/{m:02}/{d:02}"),
        format!("{y:04}/{m}/{d}"),
    ];
    let day_name = WEEKDAYS[weekday(y, m, d)];
    let full_day = FULL_WEEKDAYS[weekday(y, m, d)];
    let full_month = FULL_MONTHS[usize::from(m - 1)];
    // A name as written, in capitals and in small letters.
    let cases = |word: &str| [word.to_string(), word.to_uppercase(), word.to_lowercase()];
    for full in cases(full_month) {
        forms.push(format!("{full} {d}, {y}"));
        forms.push(format!("{full} {d:02} {y}"));
        forms.push(format!("{full_day}, {full} {d}, {y}"));
        forms.push(format!("{day_name}, {full} {d}, {y}"));
        forms.push(format!("{d} {full} {y}"));
        forms.push(format!("{d:02} {full} {y}"));
    }
    for name in cases(name) {
        forms.push(format!("{d:02}-{name}-{y}"));
        forms.push(format!("{d:02}{name}{y}"));
        if d < 10 {
            forms.push(format!("{d}-{name}-{y}"));
        }
        forms.push(format!("{name} {d} {y}"));
        forms.push(format!("{name} {d:>2} {y}"));
        forms.push(format!("{name} {d:02} {y}"));
        forms.push(format!("{name} {d}, {y}"));
        forms.push(format!("{d:02} {name} {y}"));
        forms.push(format!("{d} {name} {y}"));
        forms.push(format!("{day_name} {name} {d:02} {y}"));
        forms.push(format!("{} {name} {d:02} {y}", day_name.to_uppercase()));
    }
    for form in forms {
        for time in TIMES {
            let text = format!("{form}{time}");
            assert_eq!(text.parse::<ServiceDate>(), Ok(date), "{text:?}");
        }
    }
}

/// The date part of a date-time: up to the first space, or the first `T`
/// followed by a digit.
fn date_part(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let at = (0..bytes.len()).find(|&at| {
        bytes[at] == b' '
            || (bytes[at] == b'T' && bytes.get(at + 1).is_some_and(u8::is_ascii_digit))
    })?;
    Some(&text[..at])
}

fn check_text(text: &str) {
    let parsed = ServiceDate::from_str(text);
    let trimmed = text.trim();
    if !trimmed
        .bytes()
        .any(|b| b.is_ascii_alphabetic() || b == b' ')
    {
        let expected = model(text);
        assert_eq!(
            parsed.map(|d| (d.year(), d.month(), d.day())),
            expected,
            "model disagrees on {text:?}"
        );
    }
    let digit_first = trimmed.bytes().next().is_some_and(|b| b.is_ascii_digit());
    // A numeric date is eight bytes or more (`1/1/2026`); a shorter part
    // is the day of `4 Mar 2026`.
    let numeric_part = date_part(trimmed).filter(|part| part.len() >= 8);
    if let (Ok(date), Some(part), true) = (parsed, numeric_part, digit_first) {
        assert_eq!(
            part.parse::<ServiceDate>(),
            Ok(date),
            "{text:?} vs {part:?}"
        );
    }
    match parsed {
        Ok(date) => {
            let shown = date.to_string();
            assert_eq!(
                shown,
                format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
            );
            assert_eq!(shown.parse::<ServiceDate>(), Ok(date), "{shown}");
            assert_eq!(
                ServiceDate::new(date.year(), date.month(), date.day()),
                Ok(date)
            );
            let us = format!("{}/{}/{}", date.month(), date.day(), date.year());
            assert_eq!(us.parse::<ServiceDate>(), Ok(date), "{us}");
            let us = format!("{:02}/{:02}/{}", date.month(), date.day(), date.year());
            assert_eq!(us.parse::<ServiceDate>(), Ok(date), "{us}");
            let x12 = format!("{:04}{:02}{:02}", date.year(), date.month(), date.day());
            assert_eq!(x12.parse::<ServiceDate>(), Ok(date), "{x12}");
            assert_eq!(format!("{date:>12}"), format!("  {shown}"));
            if let Some(edition) = date.edition() {
                assert!(edition.first_year() <= date.year() && date.year() <= edition.last_year());
            }
        }
        Err(error) => {
            assert!(!error.to_string().is_empty());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let [y0, y1, month, day, ..] = *data {
        let year = u16::from_le_bytes([y0, y1]);
        let made = ServiceDate::new(year, month, day);
        assert_eq!(
            made.map(|d| (d.year(), d.month(), d.day())),
            calendar(year, month, day),
            "new({year}, {month}, {day})"
        );
        // A second date from the same bytes, to compare the order.
        let other = ServiceDate::new(1900 + year % 300, 1 + month % 12, 1 + day % 28)
            .expect("always a calendar date");
        if let Ok(made) = made {
            assert_eq!(
                made.cmp(&other),
                (made.year(), made.month(), made.day()).cmp(&(
                    other.year(),
                    other.month(),
                    other.day()
                ))
            );
            check_text(&made.to_string());
            every_form(made);
        }
        check_text(&other.to_string());
        every_form(other);
    }
    match std::str::from_utf8(data) {
        Ok(text) => check_text(text),
        Err(_) => check_text(&String::from_utf8_lossy(data)),
    }
});

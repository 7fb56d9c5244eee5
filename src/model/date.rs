//! Dates of service: checked calendar dates, read from the forms claims use.

use core::fmt;
use core::str::FromStr;

use super::edition::Edition;

/// A date of service: a calendar date, checked, with no time zone.
///
/// Editions take effect on 1 January, so the year decides which edition
/// applies; the month and day matter for codes that took effect off-cycle
/// and are checked so that a bad date is caught rather than accepted.
///
/// Text is read in the three forms claims carry: ISO `2026-01-15`, US
/// `01/15/2026` (or `1/15/2026`) and X12 `20260115`; and in the forms
/// spreadsheets, databases and scripts write (see
/// [`from_str`](ServiceDate::from_str)).
///
/// ```
/// use cdt_codes::ServiceDate;
///
/// let date = ServiceDate::new(2026, 1, 15)?;
/// assert_eq!(date.to_string(), "2026-01-15");
/// assert_eq!("01/15/2026".parse::<ServiceDate>()?, date);
/// assert_eq!("1/15/2026".parse::<ServiceDate>()?, date);
/// assert_eq!("20260115".parse::<ServiceDate>()?, date);
/// assert!(ServiceDate::new(2025, 2, 29).is_err());
/// # Ok::<(), cdt_codes::DateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ServiceDate {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a date of service was rejected.
///
/// ```
/// use cdt_codes::{DateError, ServiceDate};
///
/// assert_eq!(ServiceDate::new(2025, 13, 1), Err(DateError::Month { month: 13 }));
/// assert_eq!("2025.01.01".parse::<ServiceDate>(), Err(DateError::Format));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// The text is in none of the accepted forms.
    #[error("a date of service is written YYYY-MM-DD, MM/DD/YYYY or YYYYMMDD, e.g. 2026-01-15")]
    Format,
    /// The year is outside 1900 to 2199.
    #[error("year {year} is outside 1900-2199")]
    Year {
        /// The year given.
        year: u16,
    },
    /// The month is not 1 to 12.
    #[error("month {month} is not 1-12")]
    Month {
        /// The month given.
        month: u8,
    },
    /// The day does not exist in that month.
    #[error("day {day} does not exist in {year:04}-{month:02}")]
    Day {
        /// The year given.
        year: u16,
        /// The month given.
        month: u8,
        /// The day given.
        day: u8,
    },
}

impl ServiceDate {
    /// The earliest date accepted, 1900-01-01.
    pub(crate) const MIN: ServiceDate = ServiceDate {
        year: 1900,
        month: 1,
        day: 1,
    };
    /// The latest date accepted, 2199-12-31.
    pub(crate) const MAX: ServiceDate = ServiceDate {
        year: 2199,
        month: 12,
        day: 31,
    };

    /// A checked calendar date.
    ///
    /// # Errors
    ///
    /// [`DateError`] when the year is outside 1900–2199, the month is not
    /// 1–12 or the day does not exist in that month (leap years counted).
    ///
    /// ```
    /// use cdt_codes::ServiceDate;
    ///
    /// assert_eq!(ServiceDate::new(2024, 2, 29).unwrap().to_string(), "2024-02-29"); // leap year
    /// let error = ServiceDate::new(2023, 2, 29).unwrap_err();
    /// assert_eq!(error.to_string(), "day 29 does not exist in 2023-02");
    /// assert!(ServiceDate::new(2024, 4, 31).is_err());
    /// ```
    pub const fn new(year: u16, month: u8, day: u8) -> Result<ServiceDate, DateError> {
        if year < 1900 || year > 2199 {
            return Err(DateError::Year { year });
        }
        if month < 1 || month > 12 {
            return Err(DateError::Month { month });
        }
        if day < 1 || day > days_in_month(year, month) {
            return Err(DateError::Day { year, month, day });
        }
        Ok(ServiceDate { year, month, day })
    }

    /// The year.
    ///
    /// ```
    /// assert_eq!(cdt_codes::ServiceDate::new(2026, 3, 4).unwrap().year(), 2026);
    /// ```
    #[must_use]
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    ///
    /// ```
    /// assert_eq!(cdt_codes::ServiceDate::new(2026, 3, 4).unwrap().month(), 3);
    /// ```
    #[must_use]
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    ///
    /// ```
    /// assert_eq!(cdt_codes::ServiceDate::new(2026, 3, 4).unwrap().day(), 4);
    /// ```
    #[must_use]
    pub const fn day(self) -> u8 {
        self.day
    }

    /// The CDT edition in force on this date, or `None` before CDT-3
    /// (2000), the first edition the crate knows. Whether the data holds
    /// that edition is a separate question: see
    /// [`CodeSet::covers`](crate::CodeSet::covers).
    ///
    /// ```
    /// use cdt_codes::{Edition, ServiceDate};
    ///
    /// let date = ServiceDate::new(2012, 6, 1).unwrap();
    /// assert_eq!(date.edition(), Edition::new(2011).ok()); // CDT-2011/2012
    /// assert_eq!(ServiceDate::new(1999, 6, 1).unwrap().edition(), None);
    /// ```
    #[must_use]
    pub const fn edition(self) -> Option<Edition> {
        Edition::in_force(self.year)
    }

    /// 1 January of `year`, the day an edition takes effect.
    pub(crate) const fn first_of_year(year: u16) -> Result<ServiceDate, DateError> {
        ServiceDate::new(year, 1, 1)
    }

    /// 31 December of `year`.
    pub(crate) const fn last_of_year(year: u16) -> Result<ServiceDate, DateError> {
        ServiceDate::new(year, 12, 31)
    }
}

/// Whether `year` is a leap year of the Gregorian calendar.
const fn is_leap(year: u16) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// How many days `month` (1 to 12) of `year` has.
const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The serial of 1 January 2000 in Excel's 1900 date system.
#[cfg(feature = "std")]
const SERIAL_OF_2000: u32 = 36_526;
/// The serial of 31 December 2099 in the same system.
#[cfg(feature = "std")]
const SERIAL_OF_2099_END: u32 = 73_050;
/// The serial of 1 January 1970 in the same system (2000 less the 10,957
/// days from 1970 to 2000).
#[cfg(feature = "std")]
const SERIAL_OF_1970: u32 = 25_569;

/// The day `text` stands for when it is a spreadsheet's serial number of a
/// date in Excel's 1900 date system (five digits, from 1 January 2000 to 31
/// December 2099): day 1 is 1 January 1900, and the system counts a 29
/// February 1900 that never was, so these serials count days from 30
/// December 1899 (Microsoft's "Date systems in Excel": 5 July 2011 is
/// 40729). A workbook may use the 1904 system instead, which counts from 1
/// January 1904: the same serial is then four years and a day later, so a
/// serial is never taken for a date of service, only named (claims only).
#[cfg(feature = "std")]
pub(crate) fn spreadsheet_serial(text: &str) -> Option<ServiceDate> {
    let text = text.trim();
    if text.len() != 5 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let serial: u32 = text.parse().ok()?;
    if !(SERIAL_OF_2000..=SERIAL_OF_2099_END).contains(&serial) {
        return None;
    }
    let (year, month, day) = civil_from_days(i64::from(serial - SERIAL_OF_1970));
    ServiceDate::new(u16::try_from(year).ok()?, month, day).ok()
}

/// The day of the Gregorian calendar `days` days after 1 January 1970 (before
/// it when negative), as year, month (1 to 12) and day (1 to 31): Howard
/// Hinnant's `civil_from_days`, which counts in eras of 400 years from 1
/// March of year 0.
#[cfg(feature = "std")]
pub(crate) fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // Within 1 to 31 and 1 to 12 by construction.
    let small = |value: i64| u8::try_from(value).unwrap_or(0);
    (year, small(month), small(day))
}

/// Reads a run of ASCII digits as a number; `None` for anything else or an
/// empty run.
fn number(bytes: &[u8]) -> Option<u16> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    bytes.iter().try_fold(0u16, |value, &b| {
        b.is_ascii_digit().then(|| value * 10 + u16::from(b - b'0'))
    })
}

/// The date part of a date-time: the bytes before a space or `T` that is
/// followed by a time of day (`H:MM`, `HH:MM:SS`, fractions, `AM`/`PM`, a
/// zone); the text unchanged when no time follows.
fn without_time(bytes: &[u8]) -> &[u8] {
    // Not just the first space or `T`: the `T` of `OCT` in `03OCT2022 0:00`
    // is part of the date.
    for (at, _) in bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b' ' || b == b'T')
    {
        let (date, rest) = (&bytes[..at], &bytes[at + 1..]);
        // Spaces may pad a time (`Jun  2 2025  9:30AM`); ISO 8601's `T` has
        // the time right after it.
        let rest = if bytes[at] == b' ' {
            rest.trim_ascii_start()
        } else {
            rest
        };
        if is_time_of_day(rest) && !date.is_empty() {
            return date;
        }
    }
    bytes
}

/// Whether `rest` is a time of day: `H:MM` or `HH:MM`, then seconds,
/// fractions, `AM`/`PM` or an offset (`Z`, `+01:00`), or JavaScript's
/// zone (`GMT-0600`, then its name in brackets: `Date.prototype.toString`
/// of ECMA-262).
fn is_time_of_day(rest: &[u8]) -> bool {
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) || rest.get(digits) != Some(&b':') {
        return false;
    }
    let (clock, zone) = match rest.windows(4).position(|window| window == b" GMT") {
        Some(at) => (&rest[..at], Some(&rest[at + 4..])),
        None => (rest, None),
    };
    let clock_only = clock
        .iter()
        .all(|&b| b.is_ascii_digit() || b" :.+-Zz".contains(&b) || b"AaPpMm".contains(&b));
    clock_only && zone.is_none_or(is_gmt_offset)
}

/// `+hhmm` or `-hhmm`, alone or followed by a space and a zone's name in
/// brackets (`-0600 (Central Standard Time)`).
fn is_gmt_offset(zone: &[u8]) -> bool {
    let [b'+' | b'-', h0, h1, m0, m1, rest @ ..] = zone else {
        return false;
    };
    let offset = [h0, h1, m0, m1].iter().all(|b| b.is_ascii_digit());
    let name = match rest {
        [] => true,
        [b' ', b'(', name @ .., b')'] => !name.contains(&b'(') && !name.contains(&b')'),
        _ => false,
    };
    offset && name
}

/// The months' English names, in small letters, January first.
const MONTHS: [&[u8]; 12] = [
    b"january",
    b"february",
    b"march",
    b"april",
    b"may",
    b"june",
    b"july",
    b"august",
    b"september",
    b"october",
    b"november",
    b"december",
];

/// The weekdays' English names, in small letters, Sunday first.
const WEEKDAYS: [&[u8]; 7] = [
    b"sunday",
    b"monday",
    b"tuesday",
    b"wednesday",
    b"thursday",
    b"friday",
    b"saturday",
];

/// Where `word` stands among `names`: a name whole or its first three
/// letters, in any case (`Mar`, `March`, `MARCH`).
fn name_at(word: &[u8], names: &[&[u8]]) -> Option<usize> {
    names.iter().position(|name| {
        word.eq_ignore_ascii_case(name)
            || (word.len() == 3
                && name
                    .get(..3)
                    .is_some_and(|head| word.eq_ignore_ascii_case(head)))
    })
}

/// The number (1 to 12) of a month's English name, in any case: its
/// three letters or the whole name (`Mar`, `March`).
fn month_named(word: &[u8]) -> Option<u16> {
    u16::try_from(name_at(word, &MONTHS)? + 1).ok()
}

/// Whether `word` is a weekday's English name, in any case: its three
/// letters or the whole name (`Wed`, `Wednesday`).
fn is_weekday(word: &[u8]) -> bool {
    name_at(word, &WEEKDAYS).is_some()
}

/// The first word of `bytes` (its leading ASCII letters) and the rest.
fn leading_word(bytes: &[u8]) -> (&[u8], &[u8]) {
    let letters = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    bytes.split_at(letters)
}

/// `Month D YYYY` (the day padded with a space or a zero, or not at all)
/// or `Month D, YYYY`, the month's name in three letters or in full, after
/// a weekday's name (three letters or in full) and a space or a comma and
/// a space, or not. So SQL Server writes a datetime as text (CONVERT
/// styles 0, 100 and 107: `Jan  5 2025 12:00AM`, `Jan 05, 2025`),
/// JavaScript a date (`Date.prototype.toString`: `Wed Mar 04 2026`), and
/// .NET a long date for en-US (`D`: `Wednesday, March 4, 2026`). `None`
/// when the text has none of these shapes. The weekday is not checked
/// against the date: the writers that put it there work it out from the
/// date.
fn month_first_date(bytes: &[u8]) -> Option<Result<ServiceDate, DateError>> {
    let bytes = match leading_word(bytes) {
        (weekday, rest) if is_weekday(weekday) => rest
            .strip_prefix(b", ")
            .or_else(|| rest.strip_prefix(b" "))?,
        _ => bytes,
    };
    let (name, rest) = leading_word(bytes);
    let month = month_named(name)?;
    let rest = rest.strip_prefix(b" ")?;
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let (day, rest) = rest.split_at_checked(digits)?;
    let year = rest
        .strip_prefix(b", ")
        .or_else(|| rest.strip_prefix(b" "))?;
    if !(1..=2).contains(&day.len()) || year.len() != 4 {
        return None;
    }
    Some(match (number(day), number(year)) {
        (Some(day), Some(year)) => checked(year, month, day),
        _ => Err(DateError::Format),
    })
}

/// `DD-Mon-YYYY` or `DDMONYYYY`, or `D Month YYYY` (see
/// [`day_month_year`]); `None` when the text has none of these shapes.
fn month_name_date(bytes: &[u8]) -> Option<Result<ServiceDate, DateError>> {
    if let Some(date) = day_month_year(bytes) {
        return Some(date);
    }
    let (day, name, year) = match bytes {
        [d1, d2, b'-', m1, m2, m3, b'-', y @ ..] | [d1, d2, m1, m2, m3, y @ ..]
            if y.len() == 4 && m1.is_ascii_alphabetic() =>
        {
            (number(&[*d1, *d2]), [*m1, *m2, *m3], y)
        }
        [d, b'-', m1, m2, m3, b'-', y @ ..] if y.len() == 4 && m1.is_ascii_alphabetic() => {
            (number(&[*d]), [*m1, *m2, *m3], y)
        }
        _ => return None,
    };
    let month = month_named(&name)?;
    Some(match (day, number(year)) {
        (Some(day), Some(year)) => checked(year, month, day),
        _ => Err(DateError::Format),
    })
}

/// `D Month YYYY`: the day in one or two digits, the month's name in
/// three letters or in full, one space between each, as SQL Server's
/// CONVERT style 106 writes a date (`dd mon yyyy`, and 113 with the time)
/// and .NET's long date for en-GB does (`dd MMMM yyyy`); `None` when the
/// text has another shape.
fn day_month_year(bytes: &[u8]) -> Option<Result<ServiceDate, DateError>> {
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let (day, rest) = bytes.split_at(digits);
    let (name, year) = leading_word(rest.strip_prefix(b" ")?);
    let month = month_named(name)?;
    let year = year.strip_prefix(b" ")?;
    if year.len() != 4 {
        return None;
    }
    Some(match (number(day), number(year)) {
        (Some(day), Some(year)) => checked(year, month, day),
        _ => Err(DateError::Format),
    })
}

fn checked(year: u16, month: u16, day: u16) -> Result<ServiceDate, DateError> {
    let month = u8::try_from(month).map_err(|_| DateError::Format)?;
    let day = u8::try_from(day).map_err(|_| DateError::Format)?;
    ServiceDate::new(year, month, day)
}

impl FromStr for ServiceDate {
    type Err = DateError;

    /// Parses `YYYY-MM-DD`, `MM/DD/YYYY` or `YYYY/MM/DD` (one-digit month
    /// and day allowed; the last is Japan's order, SQL Server's CONVERT
    /// style 111), `YYYYMMDD`, `DD-Mon-YYYY` (`15-Jan-2025`), `DDMONYYYY`
    /// (SAS's `DATE9`, `03JAN2022`), `DD Mon YYYY` (SQL Server's CONVERT
    /// style 106, `15 Jan 2025`), `Mon DD YYYY` or `Mon DD, YYYY` (SQL
    /// Server's text of a datetime, `Jan 15 2025 12:00AM`), the last after a
    /// weekday's name or not (JavaScript's, `Wed Jan 15 2025 00:00:00
    /// GMT-0600 (Central Standard Time)`; .NET's long date, `Wednesday,
    /// January 15, 2025`), month and weekday names in three letters or in
    /// full and in any case, with surrounding whitespace allowed. A time of
    /// day after the date, as spreadsheets and databases write it
    /// (`1/15/2025 0:00`, `2025-01-15 00:00:00`, `2025-01-15T00:00:00Z`,
    /// `1/15/2025 12:00 AM`), is ignored: a date of service is a day.
    ///
    /// ```
    /// use cdt_codes::ServiceDate;
    ///
    /// let date = ServiceDate::new(2025, 1, 5)?;
    /// assert_eq!("Jan  5 2025 12:00AM".parse::<ServiceDate>()?, date);
    /// assert_eq!("Sun Jan 05 2025 00:00:00 GMT-0600 (Central Standard Time)".parse::<ServiceDate>()?, date);
    /// assert_eq!("Sunday, January 5, 2025".parse::<ServiceDate>()?, date);
    /// assert_eq!("2025/01/05".parse::<ServiceDate>()?, date);
    /// assert!("Jan 5 25".parse::<ServiceDate>().is_err());
    /// # Ok::<(), cdt_codes::DateError>(())
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if let Some(date) = plain_date(text.as_bytes()) {
            return date;
        }
        let bytes = text.trim().as_bytes();
        // The plain forms first (nearly all input); then a date-time or a
        // month name.
        match numeric_date(bytes) {
            Err(DateError::Format) => {}
            done => return done,
        }
        let bytes = without_time(bytes);
        if let Some(date) = month_name_date(bytes).or_else(|| month_first_date(bytes)) {
            return date;
        }
        numeric_date(bytes)
    }
}

/// Exactly `YYYY-MM-DD` or `YYYYMMDD` (ten or eight bytes, all digits but
/// the dashes): the forms nearly every export and every 837D write, read in
/// a few steps (the general way, trim and all, cost claim checking about
/// 150 instructions a line more). `None` for anything else, which the
/// general way then reads.
fn plain_date(bytes: &[u8]) -> Option<Result<ServiceDate, DateError>> {
    let digits = match *bytes {
        [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] | [y0, y1, y2, y3, m0, m1, d0, d1] => {
            [y0, y1, y2, y3, m0, m1, d0, d1]
        }
        _ => return None,
    };
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let [y0, y1, y2, y3, m0, m1, d0, d1] = digits.map(|digit| u16::from(digit - b'0'));
    Some(checked(
        y0 * 1000 + y1 * 100 + y2 * 10 + y3,
        m0 * 10 + m1,
        d0 * 10 + d1,
    ))
}

/// `YYYY-MM-DD`, `MM/DD/YYYY` or `YYYY/MM/DD` (one-digit month and day
/// allowed) or `YYYYMMDD`; [`DateError::Format`] for anything else.
fn numeric_date(bytes: &[u8]) -> Result<ServiceDate, DateError> {
    let part = |range: core::ops::Range<usize>| bytes.get(range).and_then(number);
    if bytes.len() == 10 && bytes.get(4) == Some(&b'-') && bytes.get(7) == Some(&b'-') {
        let (year, month, day) = (part(0..4), part(5..7), part(8..10));
        return match (year, month, day) {
            (Some(year), Some(month), Some(day)) => checked(year, month, day),
            _ => Err(DateError::Format),
        };
    }
    if bytes.len() == 8 && bytes.iter().all(u8::is_ascii_digit) {
        return match (part(0..4), part(4..6), part(6..8)) {
            (Some(year), Some(month), Some(day)) => checked(year, month, day),
            _ => Err(DateError::Format),
        };
    }
    let mut pieces = bytes.split(|&b| b == b'/');
    let (Some(first), Some(second), Some(third), None) =
        (pieces.next(), pieces.next(), pieces.next(), pieces.next())
    else {
        return Err(DateError::Format);
    };
    // `MM/DD/YYYY`, or the year first: `YYYY/MM/DD`.
    let (year, month, day) = if first.len() == 4 {
        (first, second, third)
    } else {
        (third, first, second)
    };
    if month.len() > 2 || day.len() > 2 || year.len() != 4 {
        return Err(DateError::Format);
    }
    match (number(year), number(month), number(day)) {
        (Some(year), Some(month), Some(day)) => checked(year, month, day),
        _ => Err(DateError::Format),
    }
}

impl fmt::Display for ServiceDate {
    /// Writes the ISO form, `2026-01-01`; width and fill are honoured.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = super::edition::Label::default();
        fmt::Write::write_fmt(
            &mut text,
            format_args!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
        )?;
        f.pad(text.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plain_shortcut_reads_as_the_general_way() {
        // Written by hand, not with `format!`: this module's tests run
        // without `alloc` too.
        let digit = |value: u16| b'0' + (value % 10) as u8;
        for year in [
            0, 1, 1899, 1900, 1999, 2000, 2024, 2026, 2100, 2199, 2200, 9999,
        ] {
            for month in 0..=13u16 {
                for day in 0..=32u16 {
                    let text = [
                        digit(year / 1000),
                        digit(year / 100),
                        digit(year / 10),
                        digit(year),
                        b'-',
                        digit(month / 10),
                        digit(month),
                        b'-',
                        digit(day / 10),
                        digit(day),
                    ];
                    let date = (year, month, day);
                    assert_eq!(plain_date(&text), Some(numeric_date(&text)), "{date:?}");
                    // The same without the dashes.
                    let [y0, y1, y2, y3, _, m0, m1, _, d0, d1] = text;
                    let compact = [y0, y1, y2, y3, m0, m1, d0, d1];
                    assert_eq!(
                        plain_date(&compact),
                        Some(numeric_date(&compact)),
                        "{date:?}"
                    );
                }
            }
        }
        // Not the shape: left to the general way.
        for other in [
            "2026-1-05",
            "2026/01/05",
            " 2026-01-05",
            "2026-01-0x",
            "2026010",
            "2026O105",
        ] {
            assert_eq!(plain_date(other.as_bytes()), None, "{other}");
        }
    }

    #[test]
    #[cfg(feature = "std")]
    fn days_since_1970_are_their_civil_day() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        // 30 years of 365 days and 7 leap days.
        assert_eq!(civil_from_days(10_957), (2000, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
    }

    #[test]
    #[cfg(feature = "std")]
    fn a_spreadsheet_serial_is_its_day_in_the_1900_system() {
        let day = |text: &str| spreadsheet_serial(text);
        // Microsoft's example, and the first and last days read.
        assert_eq!(day("40729"), ServiceDate::new(2011, 7, 5).ok());
        assert_eq!(day("36526"), ServiceDate::new(2000, 1, 1).ok());
        assert_eq!(day("73050"), ServiceDate::new(2099, 12, 31).ok());
        // Leap days, and the day after one.
        assert_eq!(day("36585"), ServiceDate::new(2000, 2, 29).ok());
        assert_eq!(day("46081"), ServiceDate::new(2026, 2, 28).ok());
        assert_eq!(day("46082"), ServiceDate::new(2026, 3, 1).ok());
        assert_eq!(day(" 46027 "), ServiceDate::new(2026, 1, 5).ok());
        for not in ["36525", "73051", "4602", "460270", "4602x", "", "46027.5"] {
            assert_eq!(day(not), None, "{not:?}");
        }
    }

    #[test]
    fn reads_every_form_and_rejects_the_rest() {
        let date = |text: &str| text.parse::<ServiceDate>();
        let expected = ServiceDate::new(2026, 3, 4);
        assert_eq!(date("2026-03-04"), expected);
        assert_eq!(date("03/04/2026"), expected);
        assert_eq!(date("3/4/2026"), expected);
        assert_eq!(date("20260304"), expected);
        assert_eq!(date(" 2026-03-04 "), expected);
        // Date-times from spreadsheets and databases: the time is ignored.
        for with_time in [
            "3/4/2026 0:00",
            "03/04/2026 12:00 AM",
            "2026-03-04 00:00:00",
            "2026-03-04T00:00:00",
            "2026-03-04T10:30:00.000Z",
            "2026-03-04 10:30:00+01:00",
            "04-Mar-2026",
            "4-mar-2026",
            "04MAR2026",
            "04mar2026 0:00",
            // SQL Server's default text of a datetime (CONVERT style 0 or
            // 100, `mon dd yyyy hh:miAM`, the day padded with a space),
            // and style 107 (`Mon dd, yyyy`).
            "Mar  4 2026 12:00AM",
            "Mar 4 2026 10:30PM",
            "Mar 04 2026",
            "mar 4, 2026",
            "Mar 04, 2026",
            // JavaScript's `Date.prototype.toString` (ECMA-262), as a
            // spreadsheet script writes a date into a CSV.
            "Wed Mar 04 2026 00:00:00 GMT-0600 (Central Standard Time)",
            "Wed Mar 04 2026 09:15:00 GMT+0100",
            "Wed Mar 04 2026",
            // Japan's order, year first (SQL Server's CONVERT style 111,
            // `yyyy/mm/dd`; .NET's short date for ja-JP), with its time.
            "2026/03/04",
            "2026/3/4",
            "2026/03/04 13:45",
            // Month and weekday names in full: .NET's long date for en-US
            // (`D`, `dddd, MMMM d, yyyy`; `f` adds the time), and the same
            // without the weekday.
            "Wednesday, March 4, 2026",
            "Wednesday, March 4, 2026 1:45 PM",
            "March 4, 2026",
            "march 04, 2026",
            "MARCH 4 2026",
            "Wed, Mar 4, 2026",
            // The day first with spaces: SQL Server's CONVERT style 106
            // (`dd mon yyyy`) and 113 (with the time, its milliseconds
            // after a colon); .NET's long date for en-GB (`dd MMMM yyyy`).
            "04 Mar 2026",
            "4 Mar 2026",
            "04 Mar 2026 13:45:30:000",
            "4 March 2026",
            "04 MARCH 2026",
        ] {
            assert_eq!(date(with_time), expected, "{with_time:?}");
        }
        for bad in [
            "",
            "2026-3-4",
            "26/03/04",
            "2026/03/04/01",
            "2026/003/04",
            "03-04-2026",
            "3/4/26",
            "2026030",
            "x/4/2026",
            "2026-03-04 noon",
            "2026-03-04T",
            "04-Mxr-2026",
            "04MAR26",
            "T10:00",
            "Mar 4 26",
            "Mar 2026",
            "Mxr 4 2026",
            "Mar 4 2026 x",
            "Mar 4,2026",
            "Mar 123 2026",
            "Wxd Mar 04 2026",
            "Wed Mar 04 2026 00:00:00 GMT",
            "Wed Mar 04 2026 00:00:00 GMT-06",
            "Wed Mar 04 2026 00:00:00 GMT-0600 (Central",
            // ISO 8601's `T` has the time right after it (fuzz, 6 December
            // 2026: `11/5/2025T 1:` was read).
            "2026-03-04T 10:30",
            "3/4/2026T 1:00",
            "Marc 4, 2026",
            "Marchh 4, 2026",
            "Wednes Mar 4, 2026",
            "Wednesday,March 4, 2026",
            "Wednesday, March 4,2026",
            "March, 4 2026",
            "March 4",
            "04 Mar 26",
            "04 Marc 2026",
            "004 Mar 2026",
            "04  Mar 2026",
            "04 Mar, 2026",
        ] {
            assert_eq!(date(bad), Err(DateError::Format), "{bad:?}");
        }
        assert_eq!(
            date("02/30/2026"),
            Err(DateError::Day {
                year: 2026,
                month: 2,
                day: 30
            })
        );
        assert_eq!(date("13/01/2026"), Err(DateError::Month { month: 13 }));
    }
}

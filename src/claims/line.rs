//! A claim line as a source read it, before it is judged: the one shape
//! every input format produces and the judge takes.

use std::string::String;
use std::vec::Vec;

use super::report::{LineReport, ToothEntry};
use super::verdict::DateSource;
use crate::model::trimmed;
use crate::set::CodeSet;

/// A claim line's date of service, as written, and where it came from.
///
/// ```
/// use cdt_codes::claims::{DateSource, LineDate};
///
/// let range = LineDate::range("20251201", "20251205", DateSource::Line);
/// assert_eq!(range.text(), "20251201-20251205");
/// assert_eq!(LineDate::new("2026-01-15").text(), "2026-01-15");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct LineDate {
    /// The date, or the first day of a range, as written.
    pub start: String,
    /// The last day of a range (an X12 `RD8`), as written.
    pub end: Option<String>,
    /// Where the date came from.
    pub source: DateSource,
}

impl LineDate {
    /// A single date from an export's date column.
    #[must_use]
    pub fn new(text: &str) -> LineDate {
        LineDate {
            start: text.trim().into(),
            end: None,
            source: DateSource::Column,
        }
    }

    /// A range of dates, first and last day as written.
    #[must_use]
    pub fn range(start: &str, end: &str, source: DateSource) -> LineDate {
        LineDate {
            start: start.trim().into(),
            end: Some(end.trim().into()),
            source,
        }
    }

    /// The date as reports show it: the date, or `start-end` for a range.
    #[must_use]
    pub fn text(&self) -> String {
        match &self.end {
            Some(end) => std::format!("{}-{end}", self.start),
            None => self.start.clone(),
        }
    }
}

/// One claim line as read: what every source (a delimited export, an X12
/// 837D) hands to the judge, and what a caller builds to check a single
/// line.
///
/// ```
/// use cdt_codes::claims::{ClaimLine, Verdict};
///
/// let report = ClaimLine::new("D3330", "2026-01-15").tooth("3", "").check();
/// assert_eq!(report.verdict(), Verdict::Valid);
///
/// let report = ClaimLine::new("D3330", "2026-01-15").tooth("8", "").check();
/// assert_eq!(report.verdict(), Verdict::Reporting); // D3330 is for a molar
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ClaimLine {
    /// Where the line is: a file line, or the segment number of an `SV3`.
    pub position: u64,
    /// The claim id, if known.
    pub claim: Option<String>,
    /// The patient, if the input names one (claim-level edits can group
    /// a patient's claims by it).
    pub patient: Option<String>,
    /// The line id.
    pub line: String,
    /// The procedure code, as written.
    pub code: String,
    /// The date of service; `None` when the line has none.
    pub date: Option<LineDate>,
    /// The X12 code list qualifier (`AD` for CDT); `None` for exports.
    pub qualifier: Option<String>,
    /// Teeth, each with its surfaces, as written (Universal numbering).
    pub teeth: Vec<ToothEntry>,
    /// Areas of the oral cavity, as written.
    pub areas: Vec<String>,
    /// What the source did to read the line (an ISO tooth converted, a
    /// date taken from the claim), passed on to the report.
    pub notes: Vec<String>,
}

impl ClaimLine {
    /// A line with this code and date of service, as written.
    #[must_use]
    pub fn new(code: &str, date: &str) -> ClaimLine {
        ClaimLine {
            code: code.into(),
            date: Some(LineDate::new(date)),
            ..ClaimLine::default()
        }
    }

    /// With a tooth and its surfaces (empty for none).
    ///
    /// ```
    /// let line = cdt_codes::claims::ClaimLine::new("D2150", "2026-01-15").tooth("30", "MO");
    /// assert_eq!(line.teeth[0].surfaces, "MO");
    /// ```
    #[must_use]
    pub fn tooth(mut self, tooth: &str, surfaces: &str) -> ClaimLine {
        self.teeth.push(ToothEntry::new(tooth, surfaces));
        self
    }

    /// With an area of the oral cavity (`10`, `UR`, `01`).
    ///
    /// ```
    /// use cdt_codes::claims::{ClaimLine, Verdict};
    ///
    /// let line = ClaimLine::new("D4341", "2026-01-15").area("10");
    /// assert_eq!(line.check().verdict(), Verdict::Valid);
    /// ```
    #[must_use]
    pub fn area(mut self, area: &str) -> ClaimLine {
        self.areas.push(area.trim().into());
        self
    }

    /// With a claim id.
    #[must_use]
    pub fn claim(mut self, claim: &str) -> ClaimLine {
        self.claim = Some(claim.into());
        self
    }

    /// Judges the line against the compiled code set, checking every
    /// element (tooth, surfaces, area) as given: the same verdict the
    /// claims checker gives.
    ///
    /// ```
    /// use cdt_codes::claims::{ClaimLine, Verdict};
    ///
    /// let report = ClaimLine::new("D1352", "2026-02-01").check();
    /// assert_eq!(report.verdict(), Verdict::Deleted);
    /// assert_eq!(report.message(), "D1352 was deleted in CDT 2026; report D2391 instead");
    /// ```
    #[must_use]
    pub fn check(&self) -> LineReport<'static> {
        CodeSet::compiled().check_line(self)
    }
}

/// Writes `value` into `target`, keeping `target`'s buffer: sources fill
/// one [`ClaimLine`] over and over without allocating once it has grown.
#[inline]
pub(crate) fn put(target: &mut String, value: &str) {
    target.clear();
    target.push_str(value);
}

/// [`put`] for an optional text: `None` when `value` is.
#[inline]
pub(crate) fn put_opt(target: &mut Option<String>, value: Option<&str>) {
    match (target.as_mut(), value) {
        (Some(target), Some(value)) => put(target, value),
        (_, value) => *target = value.map(String::from),
    }
}

/// Sets entry `index` of `teeth` (which must hold at least `index`
/// entries) to `tooth` and `surfaces`, reusing an entry left from an
/// earlier line. The caller truncates to the entries it set.
#[inline]
pub(crate) fn put_tooth(teeth: &mut Vec<ToothEntry>, index: usize, tooth: &str, surfaces: &str) {
    match teeth.get_mut(index) {
        Some(entry) => {
            put(&mut entry.tooth, trimmed(tooth));
            put(&mut entry.surfaces, trimmed(surfaces));
        }
        None => teeth.push(ToothEntry::new(tooth, surfaces)),
    }
}

/// Writes `number` in decimal into `target`, keeping its buffer.
pub(crate) fn put_number(target: &mut String, number: u64) {
    target.clear();
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = number;
    loop {
        at -= 1;
        // A digit: `rest % 10` is below 10.
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &digit in &digits[at..] {
        target.push(char::from(digit));
    }
}

impl ClaimLine {
    /// Sets the line's date, reusing the buffers of the one it had.
    pub(crate) fn put_date(&mut self, start: &str, end: Option<&str>, source: DateSource) {
        let (start, end) = (trimmed(start), end.map(trimmed));
        match &mut self.date {
            Some(date) => {
                put(&mut date.start, start);
                put_opt(&mut date.end, end);
                date.source = source;
            }
            None => {
                self.date = Some(LineDate {
                    start: start.into(),
                    end: end.map(String::from),
                    source,
                });
            }
        }
    }
}

impl CodeSet {
    /// Judges one claim line against this code set: the code and date,
    /// then the tooth, surfaces and area against what the code requires;
    /// the same verdict as [`ClaimChecker`](super::ClaimChecker) gives.
    ///
    /// ```
    /// use cdt_codes::claims::{ClaimLine, Verdict};
    /// use cdt_codes::CodeSet;
    ///
    /// let line = ClaimLine::new("D0120", "2026-01-15");
    /// assert_eq!(CodeSet::compiled().check_line(&line).verdict(), Verdict::Valid);
    /// ```
    #[must_use]
    pub fn check_line(&self, line: &ClaimLine) -> LineReport<'_> {
        super::judge::Judge::new(self, false, super::judge::Carried::ALL).judge(line)
    }
}

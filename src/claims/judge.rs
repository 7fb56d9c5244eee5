//! The judge: the checks a claim line goes through, in order. Each step
//! reads the [`ClaimLine`] and adds to its [`LineReport`]:
//!
//! 1. [`Judge::code_and_date`]: the code's form, the date, and the code's
//!    [`Validity`] on that date (every edition a date range spans);
//! 2. [`Judge::reporting`]: the tooth, surfaces and area against what the
//!    code requires, for the elements the input carries.
//!
//! Claim-level edits, which need all the lines of a claim, run after
//! these in the checker. A new check on one line is a new step here.

use std::string::{String, ToString};
use std::vec::Vec;

use super::line::{ClaimLine, LineDate};
use super::numbering::ISO_PREFIX;
use super::report::{LineReport, Outcome};
use crate::line_check::{ReportedLine, ReportedTooth, ReportingProblem};
use crate::model::code::{CdtCode, ParseCodeError};
use crate::model::date::ServiceDate;
use crate::model::reporting::{Level, Levels};
use crate::set::{CodeSet, Procedure};
use crate::teeth::{Area, Tooth};
use crate::validity::Validity;

/// Which of a line's elements the input carries (a delimited file may lack
/// a surfaces or area column; an X12 file carries all three).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Carried {
    pub(crate) tooth: bool,
    pub(crate) surfaces: bool,
    pub(crate) area: bool,
}

impl Carried {
    pub(crate) const ALL: Carried = Carried {
        tooth: true,
        surfaces: true,
        area: true,
    };

    fn any(self) -> bool {
        self.tooth || self.surfaces || self.area
    }
}

/// Judges claim lines against a code set.
/// The most teeth and areas of a line checked without allocating.
const ON_STACK: usize = 8;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Judge<'s> {
    set: &'s CodeSet,
    assume_latest: bool,
    /// The last date of service the set can judge.
    last_day: ServiceDate,
    carried: Carried,
}

impl<'s> Judge<'s> {
    pub(crate) fn new(set: &'s CodeSet, assume_latest: bool, carried: Carried) -> Judge<'s> {
        Judge {
            set,
            assume_latest,
            last_day: set.horizon().1,
            carried,
        }
    }

    /// The report on one line: every step in order.
    /// Judges `line` into a new report.
    pub(crate) fn judge(&self, line: &ClaimLine) -> LineReport<'s> {
        let mut report = LineReport::empty();
        self.judge_into(&mut line.clone(), &mut report);
        report
    }

    /// Judges `line` into `report`, writing over what it held. The line's
    /// texts are swapped into the report, not copied, and the report's old
    /// buffers go back to the line for the source to fill next: the
    /// checker reuses both, so a line costs no allocation once they have
    /// grown.
    #[inline]
    pub(crate) fn judge_into(&self, line: &mut ClaimLine, report: &mut LineReport<'s>) {
        use core::mem::swap;
        report.position = line.position;
        swap(&mut report.claim, &mut line.claim);
        swap(&mut report.patient, &mut line.patient);
        swap(&mut report.line, &mut line.line);
        swap(&mut report.code, &mut line.code);
        report.date_source = line
            .date
            .as_ref()
            .map(|date| date.source)
            .unwrap_or_default();
        swap(&mut report.teeth, &mut line.teeth);
        swap(&mut report.areas, &mut line.areas);
        swap(&mut report.notes, &mut line.notes);
        report.problems.clear();
        report.requirement_confirmed = true;
        report.assumed_latest = false;
        report.service_date = None;
        report.conflicts.clear();
        report.outcome = self.code_and_date(report, line.qualifier.as_deref(), line.date.as_ref());
        // The date as reports show it: the text itself (swapped, as the
        // texts above) unless a range.
        match &mut line.date {
            Some(LineDate {
                start, end: None, ..
            }) => swap(&mut report.date, start),
            Some(LineDate {
                start,
                end: Some(end),
                ..
            }) => {
                report.date.clear();
                report.date.push_str(start);
                report.date.push('-');
                report.date.push_str(end);
            }
            None => report.date.clear(),
        }
        self.reporting(report, line.qualifier.is_none());
    }

    fn code_and_date(
        &self,
        report: &mut LineReport<'s>,
        qualifier: Option<&str>,
        date: Option<&LineDate>,
    ) -> Outcome<'s> {
        if let Some(qualifier) = qualifier.filter(|qualifier| *qualifier != "AD") {
            if !is_cdt_under_hcpcs(qualifier, &report.code) {
                return Outcome::NotCdt {
                    qualifier: qualifier.to_string(),
                };
            }
            report.notes.push(std::format!(
                "\"{qualifier}:{}\" read as the CDT code {}: HCPCS Level II holds the CDT codes \
                 as its D codes",
                report.code,
                report.code
            ));
        }
        let Some(date) = date else {
            return Outcome::MissingDate;
        };
        // A database's empty date (.NET's and Open Dental's minimum date on
        // a treatment-planned row) is no date of service, not year 1.
        if date.start.starts_with("0001-01-01") || date.start.starts_with("01/01/0001") {
            report.notes.push(std::format!(
                "{:?} is a database's empty date, not a date of service",
                date.start
            ));
            return Outcome::MissingDate;
        }
        // An X12 line (with its qualifier) is the claim itself: what it
        // carries is what is sent.
        let code = match self.read_code(report, qualifier.is_none()) {
            Ok(code) => code,
            Err(error) => return Outcome::Checked(Validity::Malformed(error)),
        };
        let start = match date.start.parse::<ServiceDate>() {
            Err(_) if self.set.get(code).is_none() => {
                return Outcome::Checked(Validity::Unknown(code))
            }
            // An empty cell (a database's NULL on a planned row) holds no
            // date, as the empty date above: not a date written badly.
            Err(_) if date.start.trim().is_empty() => return Outcome::MissingDate,
            Err(error) => {
                report.notes.extend(spreadsheet_serial_note(&date.start));
                return Outcome::BadDate(error);
            }
            Ok(start) => start,
        };
        report.service_date = Some(start);
        let first = self.validity(report, code, start);
        let Some(end) = &date.end else {
            return Outcome::Checked(first);
        };
        // As for a single date: an undefined code is unknown whatever the
        // date says; a defined one with an unreadable or backward range has
        // a bad date.
        let end = match end.parse::<ServiceDate>() {
            Ok(end) if end >= start => end,
            _ if self.set.get(code).is_none() => return Outcome::Checked(Validity::Unknown(code)),
            Err(error) => return Outcome::BadDate(error),
            Ok(_) => return Outcome::BadDate(crate::DateError::Format),
        };
        if start.edition() != end.edition() {
            report.notes.push(std::format!(
                "the range {start} to {end} spans more than one edition; judged on each"
            ));
        }
        let last = self.validity(report, code, end);
        // The range is valid only if the code is valid on its first and its
        // last day (editions change on 1 January, so that covers every
        // edition between); otherwise the first day that is not.
        Outcome::Checked(if first.is_valid() { last } else { first })
    }

    /// The code cell read as a CDT code, with a note when it was not
    /// written as one: small letters (`d3353`); in an export, a practice's
    /// own code (`D9230b`, judged as the D9230 a claim sends) or a code and
    /// its name (`D0120 - Periodic Oral Evaluation`); or, for a code that
    /// stays malformed, what it may have been.
    fn read_code(
        &self,
        report: &mut LineReport<'s>,
        export: bool,
    ) -> Result<CdtCode, ParseCodeError> {
        match CdtCode::parse(&report.code) {
            Ok(code) => {
                if code.to_ascii() != *report.code.as_bytes() {
                    report
                        .notes
                        .push(std::format!("{:?} read as {code}", report.code));
                }
                Ok(code)
            }
            Err(error) => {
                let practice = practice_code(&report.code);
                if export {
                    let read = match practice {
                        Some((code, true)) => Some((
                            code,
                            "practice software sends the first five characters of its own \
                             code on a claim",
                        )),
                        _ => code_with_description(&report.code)
                            .map(|code| (code, "the text after the code is left out")),
                    };
                    if let Some((code, why)) = read {
                        report
                            .notes
                            .push(std::format!("{:?} read as {code}: {why}", report.code));
                        return Ok(code);
                    }
                }
                let note = match practice {
                    Some((code, _)) if self.set.get(code).is_some() => Some(std::format!(
                        "{:?} may be a practice's own code: Open Dental would send {code}",
                        report.code
                    )),
                    _ => code_without_d(self.set, &report.code)
                        .or_else(|| code_of_cpt_shape(&report.code)),
                };
                report.notes.extend(note);
                Err(error)
            }
        }
    }

    fn validity(
        &self,
        report: &mut LineReport<'s>,
        code: CdtCode,
        date: ServiceDate,
    ) -> Validity<'s> {
        let assumed = self.assume_latest && date > self.last_day;
        report.assumed_latest |= assumed;
        let date = if assumed { self.last_day } else { date };
        self.set.validity_of(code, date)
    }

    /// Step 2: the tooth, surfaces and area, for a code the set defines;
    /// `export` for a line of an export (not an 837D), whose area may be
    /// written as Open Dental keeps it.
    fn reporting(&self, report: &mut LineReport<'s>, export: bool) {
        // Only a code that may be reported is worth checking further: a
        // deleted or unknown code is wrong whatever tooth it names.
        let procedure = match &report.outcome {
            Outcome::Checked(validity) if validity.is_valid() && self.carried.any() => {
                validity.procedure()
            }
            _ => None,
        };
        let Some(procedure) = procedure else {
            return;
        };
        // Both readings are rare: their cheap tests here, the rest kept
        // out of this loop's way.
        if let [area] = report.areas.as_slice() {
            if export && !(area.len() == 2 && area.bytes().all(|b| b.is_ascii_digit())) {
                surfaces_field_as_area(procedure, report);
            }
        }
        if report
            .teeth
            .iter()
            .any(|entry| has_class_v(&entry.surfaces))
        {
            class_v_surfaces(report);
        }
        area_written_as_surfaces(procedure, report);
        area_written_as_tooth(procedure, report);
        // A tooth sent as ISO that is no ISO tooth is reported as such, and
        // the rest of the line is checked without it. The teeth and areas
        // as the rules read them go on the stack when they fit (they nearly
        // always do), so a line costs no allocation.
        let mut problems = core::mem::take(&mut report.problems);
        problems.clear();
        let mut teeth_here = [ReportedTooth::default(); ON_STACK];
        let mut teeth_heap = Vec::new();
        let mut count = 0;
        for entry in &report.teeth {
            let tooth = match entry.tooth.strip_prefix(ISO_PREFIX) {
                Some(written) => {
                    problems.push(ReportingProblem::NotIsoTooth {
                        number: written.parse().ok(),
                    });
                    continue;
                }
                None => ReportedTooth::new(&entry.tooth, &entry.surfaces),
            };
            if count < ON_STACK {
                teeth_here[count] = tooth;
            } else {
                if teeth_heap.is_empty() {
                    teeth_heap.extend_from_slice(&teeth_here);
                }
                teeth_heap.push(tooth);
            }
            count += 1;
        }
        let teeth = if count <= ON_STACK {
            &teeth_here[..count]
        } else {
            &teeth_heap[..]
        };
        let mut areas_here = [""; ON_STACK];
        let areas_heap: Vec<&str>;
        let areas = if report.areas.len() <= ON_STACK {
            for (slot, area) in areas_here.iter_mut().zip(&report.areas) {
                *slot = area;
            }
            &areas_here[..report.areas.len()]
        } else {
            areas_heap = report.areas.iter().map(String::as_str).collect();
            &areas_heap[..]
        };
        let found = procedure.check_line(ReportedLine::new(teeth, areas));
        let iso_rejected = !problems.is_empty();
        problems.extend(
            found
                .iter()
                .filter(|problem| self.is_carried(problem))
                // The tooth is there, only unreadable: not "missing".
                .filter(|problem| {
                    !(iso_rejected && matches!(problem, ReportingProblem::MissingTooth { .. }))
                })
                .copied(),
        );
        report.requirement_confirmed = found.requirement_confirmed();
        report.problems = problems;
    }

    fn is_carried(&self, problem: &ReportingProblem) -> bool {
        match problem {
            ReportingProblem::MissingTooth { .. }
            | ReportingProblem::SurfacesWithoutTooth { .. } => self.carried.tooth,
            ReportingProblem::MissingSurfaces { .. } => self.carried.surfaces,
            ReportingProblem::MissingArea { .. } => self.carried.area,
            _ => true,
        }
    }
}

/// Practice software that keeps surfaces, quadrants and arches in one
/// column (Open Dental's `Surf`: `MOD`, `UR`, `U`) puts an area where the
/// surfaces go. When the code is reported by area and not by surfaces,
/// a value that reads as an area is taken as the area, with a note.
fn area_written_as_surfaces(procedure: Procedure<'_>, report: &mut LineReport<'_>) {
    if report.teeth.iter().all(|entry| entry.surfaces.is_empty())
        || !wants_an_area_without(procedure, report, |levels| levels.surfaces)
    {
        return;
    }
    // The surfaces go with the first tooth of a list (or stand alone).
    let Some(entry) = report
        .teeth
        .iter_mut()
        .find(|entry| !entry.surfaces.is_empty())
    else {
        return;
    };
    // Open Dental numbers sextants 1 to 6 from the upper right (UR, UA,
    // UL, LL, LA, LR), which are the 837D's area codes 03 to 08.
    // Its arches are `U` and `L`, the 837D's 01 and 02.
    let area = match entry.surfaces.as_bytes() {
        [digit @ b'1'..=b'6'] => std::format!("0{}", digit - b'0' + 2),
        b"U" => "01".into(),
        b"L" => "02".into(),
        _ if entry.surfaces.parse::<Area>().is_ok() => entry.surfaces.clone(),
        _ => return,
    };
    let surfaces = core::mem::take(&mut entry.surfaces);
    report.notes.push(std::format!(
        "{surfaces:?} in the surfaces column read as the area of the oral cavity {area}"
    ));
    report.areas.push(area);
    report.teeth.retain(|entry| !entry.tooth.is_empty());
}

/// A practice's own code: a CDT code followed by a suffix (`D9230b`,
/// `D8670.auto`, `D0120.a`), as exports of practice software carry it,
/// and the code a claim sends for it (an 837D's own code is taken as
/// written: it is what was sent). Open Dental sends the first five
/// characters of a code longer than five that starts with `D` (`Claims.cs`,
/// where a claim's procedures are made); Dentrix Enterprise lets a
/// practice add a period and up to three characters, which its claims
/// leave off (its help, "Adding procedure codes"). Whether the suffix is
/// plainly one: it starts with a period or a small letter. A capital
/// (`D9972Z`) reads as part of a code, as CDT codes are written in
/// capitals: such a line stays malformed, with a note naming the code Open
/// Dental would send. A digit (`D01234`, a mistyped code) starts no
/// suffix, nor does a space (see [`code_with_description`]).
#[cold]
fn practice_code(written: &str) -> Option<(CdtCode, bool)> {
    let ([letter, digits @ ..], suffix) = written.as_bytes().split_first_chunk::<5>()?;
    let first = *suffix.first()?;
    let starts_well = first == b'.' || first.is_ascii_alphabetic();
    if !letter.eq_ignore_ascii_case(&b'D')
        || !starts_well
        || !suffix.iter().all(u8::is_ascii_graphic)
    {
        return None;
    }
    let plain = first == b'.' || first.is_ascii_lowercase();
    let [one, two, three, four] = *digits;
    let code = CdtCode::from_five_bytes(&[b'D', one, two, three, four])?;
    Some((code, plain))
}

/// The code of a cell that holds a code and then its name, as apps and
/// plan tables write one (`D0120 - Periodic Oral Evaluation`, `D2740
/// Crown`): a space, dash or colon after the code, then a letter. A cell
/// that names a second code (`D0120 - Periodic exam, D1110 - ...`) holds
/// no one code.
#[cold]
fn code_with_description(written: &str) -> Option<CdtCode> {
    let gap = |c: char| c.is_whitespace() || matches!(c, '-' | '–' | ':');
    let (head, rest) = written.split_at_checked(5)?;
    let separated = rest.starts_with(gap);
    let text = rest.trim_start_matches(gap);
    let names_a_code = text.as_bytes().windows(5).any(|window| {
        window[0].eq_ignore_ascii_case(&b'D') && window[1..].iter().all(u8::is_ascii_digit)
    });
    if !separated || !text.starts_with(char::is_alphabetic) || names_a_code {
        return None;
    }
    CdtCode::parse(head).ok()
}

/// A note for a code cell that is a CDT code written without its `D`: four
/// digits (IHS RPMS keeps its codes so: the ADA code file of its dental
/// package holds `0120`) or five with a `0` for the `D` (copies of codes
/// some practice databases keep, `09987`), when the code so read is one
/// the set knows. The line stays a malformed code: a claim sends the `D`.
#[cold]
fn code_without_d(set: &CodeSet, written: &str) -> Option<String> {
    let written = written.trim();
    let ([a, b, c, d], how) = match *written.as_bytes() {
        [a, b, c, d] => (
            [a, b, c, d],
            "without its D (IHS RPMS keeps CDT codes as four digits)",
        ),
        [b'0', a, b, c, d] => (
            [a, b, c, d],
            "with a 0 for its D (as some practice databases keep copies of codes)",
        ),
        _ => return None,
    };
    let code = CdtCode::from_five_bytes(&[b'D', a, b, c, d])?;
    set.get(code)?;
    Some(std::format!(
        "{written:?} may be {code} {how}; a claim sends {code}"
    ))
}

/// A note for a date cell that has the shape of a spreadsheet's serial
/// number of a date (`46027`): the day it stands for in Excel's 1900
/// date system, which the line is not judged on (see
/// [`spreadsheet_serial`](crate::model::date::spreadsheet_serial)).
#[cold]
fn spreadsheet_serial_note(written: &str) -> Option<String> {
    let day = crate::model::date::spreadsheet_serial(written)?;
    Some(std::format!(
        "{written:?} has the shape of a spreadsheet's serial number of a date ({day} in \
         Excel's 1900 date system, later in its 1904 system): format the column as a date \
         before saving the file"
    ))
}

/// A note for a code cell of five digits that is no CDT code without its
/// `D` (see [`code_without_d`]): the shape of a CPT code, Category I
/// (HCPCS Level I), five digits naming a medical procedure, as the AMA's
/// categories are described by the American College of Radiology's coding
/// guide ("Category I, II, and III Code Designations") and an overview of
/// HCPCS's levels (Legal Clarity, citing the AMA and an NIH presentation).
/// An export that keeps medical and dental lines in one code column
/// (Epic's claim lines do) shows such codes. The note tells the shape, not
/// that the code is one: the checker holds no CPT codes.
#[cold]
fn code_of_cpt_shape(written: &str) -> Option<String> {
    let written = written.trim();
    let five_digits = written.len() == 5 && written.bytes().all(|b| b.is_ascii_digit());
    five_digits.then(|| {
        std::format!(
            "{written:?} has the shape of a CPT code (five digits: a medical procedure); a \
             dental claim line reports a CDT code, D and four digits"
        )
    })
}

/// Whether an X12 procedure under `qualifier` is a CDT code all the same:
/// HCPCS Level II (`HC`) holds the CDT codes as its D codes (CMS publishes
/// them in its HCPCS files under the ADA's licence), so `HC:D0150` names
/// D0150, though the 837D's code list for `SV301` is `AD` alone (the
/// reader warns of it).
pub(crate) fn is_cdt_under_hcpcs(qualifier: &str, code: &str) -> bool {
    qualifier == "HC" && CdtCode::from_five_bytes(code.as_bytes()).is_some()
}

/// Open Dental keeps a line's surfaces, quadrant, arch (`U`, `L`) or
/// sextant in one field, `Surf`, which its reports caption `Area` (24.3's
/// Daily Procedures; tests/fixtures/real/README.md). A lone area that is
/// no area of the oral cavity is read as that field holds it: `U` and `L`
/// as the arches 01 and 02, and surface letters as the surfaces of the
/// line's one tooth (`L` so only when the code takes surfaces), each with
/// a note. Anything else stays, and is reported as no area. For exports
/// only: Open Dental sends the arches as 01 and 02 (`X837_5010.cs`,
/// `GetArea`), and in an 837D's `SV304` `L` is X12's left side.
#[inline(never)]
fn surfaces_field_as_area(procedure: Procedure<'_>, report: &mut LineReport<'_>) {
    let [written] = report.areas.as_slice() else {
        return;
    };
    if written.parse::<Area>().is_ok() {
        return;
    }
    let takes_surfaces = || {
        procedure
            .reporting()
            .is_some_and(|reporting| reporting.levels().surfaces != Level::NotReported)
    };
    let one_tooth = matches!(
        report.teeth.as_slice(),
        [entry] if entry.surfaces.is_empty() && !entry.tooth.is_empty()
    );
    let surfaces = !written.is_empty()
        && written.len() <= 6
        && written
            .bytes()
            .all(|b| b"MODBFILV".contains(&b.to_ascii_uppercase()));
    let arch = match written.as_str() {
        "U" | "u" => Some("01"),
        "L" | "l" if !(one_tooth && takes_surfaces()) => Some("02"),
        _ => None,
    };
    if let Some(arch) = arch {
        report.notes.push(std::format!(
            "{written:?} in the area column read as the area of the oral cavity {arch}: \
             Open Dental's arch in its surfaces field"
        ));
        report.areas = std::vec![arch.into()];
    } else if surfaces && one_tooth {
        let written = report.areas.remove(0);
        if let Some(entry) = report.teeth.first_mut() {
            report.notes.push(std::format!(
                "{written:?} in the area column read as the surfaces of tooth {}: \
                 Open Dental's surfaces field, captioned Area",
                entry.tooth
            ));
            entry.surfaces = written;
        }
    }
}

/// Open Dental keeps a class V (cervical) restoration's surface as `V`,
/// and its claims send it as buccal on a posterior tooth and facial on an
/// anterior one (`Tooth.SurfTidyForClaims`; tests/fixtures/real/README.md).
/// Surfaces holding `V` on a tooth that can be read are read so, with a
/// note; with no readable tooth the `V` stays, and is reported unread.
#[inline(never)]
fn class_v_surfaces(report: &mut LineReport<'_>) {
    for entry in &mut report.teeth {
        if !has_class_v(&entry.surfaces) {
            continue;
        }
        let Ok(tooth) = Tooth::parse(&entry.tooth) else {
            continue;
        };
        let (letter, side) = if tooth.is_anterior() {
            ('F', "facial on an anterior tooth")
        } else {
            ('B', "buccal on a posterior tooth")
        };
        let mut read: String = entry
            .surfaces
            .chars()
            .filter(|c| !c.eq_ignore_ascii_case(&'V'))
            .collect();
        if !read.chars().any(|c| c.eq_ignore_ascii_case(&letter)) {
            read.push(letter);
        }
        report.notes.push(std::format!(
            "surfaces {:?} of tooth {} read as {read:?}: Open Dental's class V surface, sent as {side}",
            entry.surfaces,
            entry.tooth
        ));
        entry.surfaces = read;
    }
}

/// Whether surfaces as written hold Open Dental's class V surface, `V`.
fn has_class_v(surfaces: &str) -> bool {
    surfaces.bytes().any(|b| b.eq_ignore_ascii_case(&b'V'))
}

/// An export that has no area column may put a quadrant or arch where the
/// tooth goes (`UR` in the tooth column of a scaling line). When the code
/// is reported by area and takes no tooth, a lone tooth entry written in
/// letters that read as an area is taken as the area, with a note. A
/// number is always a tooth (`10` is a tooth before it is a quadrant code).
fn area_written_as_tooth(procedure: Procedure<'_>, report: &mut LineReport<'_>) {
    // The line first (a lone tooth in letters that reads as an area), the
    // code's levels only then: nearly every line stops at the first test.
    let [entry] = report.teeth.as_slice() else {
        return;
    };
    let written = entry.tooth.as_str();
    if !entry.surfaces.is_empty()
        || written.bytes().any(|b| b.is_ascii_digit())
        || written.parse::<Area>().is_err()
        || !wants_an_area_without(procedure, report, |levels| levels.tooth)
    {
        return;
    }
    let area = written.to_string();
    report.notes.push(std::format!(
        "{area:?} given as the tooth read as the area of the oral cavity {area}"
    ));
    report.areas.push(area);
    report.teeth.clear();
}

/// Whether the line lacks the area its code is reported by, and the code
/// takes none of the element `element` picks (the surfaces, the tooth):
/// then an area written in that element's place can only be the area.
fn wants_an_area_without(
    procedure: Procedure<'_>,
    report: &LineReport<'_>,
    element: fn(&Levels) -> Level,
) -> bool {
    report.areas.is_empty()
        && procedure.reporting().is_some_and(|reporting| {
            let levels = reporting.levels();
            levels.area != Level::NotReported && element(&levels) == Level::NotReported
        })
}

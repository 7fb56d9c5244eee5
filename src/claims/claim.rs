//! The claim-level step of the judge: the lines of one claim are held
//! until the claim ends, then the claim-level edits (`data/edits.tsv`,
//! [`conflicts`](super::conflicts)) run over them and each conflict is put
//! on every line it names.
//!
//! A claim ends when the claim id changes: at the next `CLM` of an 837D,
//! or at the next row with another claim id in an export. An export with
//! a patient column is grouped by patient instead, so that the edits see
//! a patient's consecutive claims together (a filling on a tooth extracted
//! on an earlier claim). An export that is not sorted is checked in runs of
//! consecutive rows with the same id: a claim (or patient) split in two
//! runs is two to the edits. A claim
//! of more than [`CLAIM_LINE_LIMIT`] lines is checked in pieces of that
//! size, so memory stays bounded whatever the input.

use std::collections::VecDeque;
use std::string::{String, ToString};
use std::vec::Vec;

use super::edits::{conflicts, EditLine};
use super::error::LineError;
use super::report::{ClaimConflict, LineReport};
use crate::model::code::CdtCode;
use crate::teeth::{Area, Surfaces, Tooth};

/// The most lines of one claim held at once (a dental claim has at most
/// 50 service lines in an 837D; exports may group more).
pub const CLAIM_LINE_LIMIT: usize = 1000;

/// The most claim-level conflicts kept for
/// [`ClaimChecker::take_conflicts`](super::ClaimChecker::take_conflicts)
/// when the caller does not take them.
const KEPT_CONFLICTS: usize = 1024;

type Item<'s> = Result<LineReport<'s>, LineError>;

/// The lines of the claim being read, and the lines ready to hand out.
#[derive(Debug, Default)]
pub(crate) struct Claims<'s> {
    /// The claim id of the lines held.
    key: Option<String>,
    held: Vec<Item<'s>>,
    pub(crate) ready: VecDeque<Item<'s>>,
    /// Conflicts found and not yet taken.
    pub(crate) found: Vec<ClaimConflict>,
    /// Conflicts found in all.
    pub(crate) total: u64,
}

impl<'s> Claims<'s> {
    /// Takes a judged line: held with its claim, after the lines of the
    /// claim before it are made ready. An unreadable row stays with the
    /// claim it sits in, so the order of the input is kept.
    pub(crate) fn push(&mut self, item: Item<'s>) {
        if let Ok(report) = &item {
            let key = report.patient.as_ref().or(report.claim.as_ref());
            if key != self.key.as_ref() || self.held.len() >= CLAIM_LINE_LIMIT {
                self.end_claim();
                self.key = key.cloned();
            }
        }
        self.held.push(item);
    }

    /// Ends the claim held: runs the edits and makes its lines ready.
    pub(crate) fn end_claim(&mut self) {
        if self.held.is_empty() {
            return;
        }
        let lines: Vec<EditLine> = self
            .held
            .iter()
            .enumerate()
            .filter_map(|(index, item)| edit_line(index, item.as_ref().ok()?))
            .collect();
        for conflict in conflicts(&lines) {
            let reports: Vec<&LineReport<'s>> = conflict
                .lines()
                .iter()
                .filter_map(|&index| self.held.get(index)?.as_ref().ok())
                .collect();
            // One claim: its id and the line ids; a patient's claims: each
            // line as `claim/line`.
            let claim = reports.first().and_then(|report| report.claim.clone());
            let one_claim = reports.iter().all(|report| report.claim == claim);
            let found = ClaimConflict {
                claim: claim.filter(|_| one_claim),
                rule: conflict.rule(),
                lines: reports
                    .iter()
                    .map(|report| match (&report.claim, one_claim) {
                        (Some(claim), false) => std::format!("{claim}/{}", report.line),
                        _ => report.line.clone(),
                    })
                    .collect(),
                positions: reports.iter().map(|report| report.position).collect(),
            };
            for &index in conflict.lines() {
                if let Some(Ok(report)) = self.held.get_mut(index) {
                    report.conflicts.push(found.clone());
                }
            }
            self.total += 1;
            if self.found.len() < KEPT_CONFLICTS {
                self.found.push(found);
            }
        }
        self.ready.extend(self.held.drain(..));
    }
}

/// Judges the lines of one claim, held in memory, and runs the
/// claim-level edits over them: the reports (each carrying the conflicts
/// that name it) and the conflicts, each once. The lines are one claim
/// whatever their claim ids say.
///
/// ```
/// use cdt_codes::claims::{check_claim, ClaimLine, Verdict};
///
/// let lines = [
///     ClaimLine::new("D3220", "2026-02-01").tooth("30", ""),
///     ClaimLine::new("D3330", "2026-02-01").tooth("30", ""),
/// ];
/// let (reports, conflicts) = check_claim(cdt_codes::CodeSet::compiled(), &lines);
/// assert_eq!(conflicts.len(), 1);
/// assert_eq!(conflicts[0].rule.id(), "pulpotomy-with-root-canal");
/// assert!(reports.iter().all(|report| report.verdict() == Verdict::Conflict));
/// ```
#[must_use]
pub fn check_claim<'s>(
    set: &'s crate::set::CodeSet,
    lines: &[super::line::ClaimLine],
) -> (Vec<LineReport<'s>>, Vec<ClaimConflict>) {
    let mut claims = Claims::default();
    for (index, line) in lines.iter().enumerate() {
        let mut report = set.check_line(line);
        if report.line.is_empty() {
            report.line = (index + 1).to_string();
        }
        claims.held.push(Ok(report));
    }
    claims.end_claim();
    let reports = claims.ready.into_iter().filter_map(Result::ok).collect();
    (reports, claims.found)
}

/// A judged line as the edits see it: its code, date, teeth, surfaces and
/// areas, read where they can be (a line whose code or date cannot be read
/// takes no part).
fn edit_line(index: usize, report: &LineReport<'_>) -> Option<EditLine> {
    let code = CdtCode::parse(&report.code).ok()?;
    let mut line = EditLine::new(index, code, report.service_date?);
    for entry in &report.teeth {
        if let Ok(tooth) = entry.tooth.parse::<Tooth>() {
            line = line.with_tooth(tooth);
        }
        if let Ok(surfaces) = entry.surfaces.parse::<Surfaces>() {
            line = line.with_surfaces(surfaces);
        }
    }
    for area in &report.areas {
        if let Ok(area) = area.parse::<Area>() {
            line = line.with_area(area);
        }
    }
    Some(line)
}

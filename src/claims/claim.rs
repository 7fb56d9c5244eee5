//! The claim-level step of the judge: the lines of one claim are held
//! until the claim ends, then the claim-level edits (`data/edits.tsv`,
//! [`conflicts`]) run over them and each conflict is put
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

use std::boxed::Box;
use std::string::{String, ToString};
use std::vec::Vec;

use super::edits::{conflicts, EditLine};
use super::error::LineError;
use super::line::put_opt;
use super::report::{ClaimConflict, LineReport};
use crate::teeth::{Area, Surfaces, Tooth};

/// The most lines of one claim held at once (a dental claim has at most
/// 50 service lines in an 837D; exports may group more).
pub const CLAIM_LINE_LIMIT: usize = 1000;

/// The most claim-level conflicts kept for
/// [`ClaimChecker::take_conflicts`](super::ClaimChecker::take_conflicts)
/// when the caller does not take them.
const KEPT_CONFLICTS: usize = 1024;

type Item<'s> = Result<LineReport<'s>, LineError>;

/// The lines of the claim being read, in reports that are reused claim
/// after claim (so a line costs no allocation once they have grown), and
/// the conflicts found.
///
/// `slots[..held]` are the held claim's lines. When a line of another
/// claim arrives (in `slots[held]`) the held claim ends: its edits run and
/// `slots[out..ready]` go out in order; then the new line moves to the
/// front and is held with its claim.
#[derive(Debug, Default)]
pub(crate) struct Claims<'s> {
    /// The claim (or patient) whose lines are held.
    key: Option<String>,
    /// Boxed, so that moving the next claim's first line to the front
    /// swaps two pointers, not two reports.
    #[allow(clippy::vec_box)]
    pub(crate) slots: Vec<Box<Item<'s>>>,
    held: usize,
    out: usize,
    ready: usize,
    /// Whether `slots[held]` holds the first line of the next claim.
    incoming: bool,
    pub(crate) found: Vec<ClaimConflict>,
    /// The lines of the claim being closed as the edits read them, kept
    /// with their lists of teeth and areas from claim to claim (built anew
    /// for each claim, they cost a few allocations a line).
    edit_lines: Vec<EditLine>,
    pub(crate) total: u64,
}

impl<'s> Claims<'s> {
    /// The slot of an ended claim's next line to go out, if any.
    pub(crate) fn next_ready(&mut self) -> Option<usize> {
        (self.out < self.ready).then(|| {
            self.out += 1;
            self.out - 1
        })
    }

    /// The slot to read the next line into: after the held ones.
    pub(crate) fn slot(&mut self) -> &mut Item<'s> {
        if self.ready > 0 && self.out == self.ready {
            // The ended claim has gone out: its slots are free again.
            if self.incoming {
                self.slots.swap(0, self.held);
                self.held = 1;
                self.incoming = false;
            } else {
                self.held = 0;
            }
            self.out = 0;
            self.ready = 0;
        }
        self.slot_at(self.held)
    }

    /// The first slot alone, for a checker that holds no lines.
    pub(crate) fn only_slot(&mut self) -> &mut Item<'s> {
        self.slot_at(0)
    }

    fn slot_at(&mut self, index: usize) -> &mut Item<'s> {
        while self.slots.len() <= index {
            self.slots.push(Box::new(Ok(LineReport::empty())));
        }
        let slot = &mut *self.slots[index];
        if slot.is_err() {
            *slot = Ok(LineReport::empty());
        }
        slot
    }

    /// Holds the line just read into [`Claims::slot`] with its claim, or
    /// ends the held claim when the line starts another.
    pub(crate) fn hold(&mut self) {
        let index = self.held;
        if let Some(Ok(report)) = self.slots.get(index).map(|slot| &**slot) {
            let key = report.patient.as_deref().or(report.claim.as_deref());
            if key != self.key.as_deref() || index >= CLAIM_LINE_LIMIT {
                put_opt(&mut self.key, key);
                if index > 0 {
                    self.close(index);
                    self.incoming = true;
                    return;
                }
            }
        }
        self.held += 1;
    }

    /// Ends the held claim at the end of the input.
    pub(crate) fn end_claim(&mut self) {
        self.close(self.held);
        self.incoming = false;
    }

    /// Runs the edits over the first `lines` slots and lets them go out.
    fn close(&mut self, lines: usize) {
        self.out = 0;
        self.ready = lines;
        let held = &mut self.slots[..lines];
        // A conflict is between two lines at least.
        if lines < 2 {
            return;
        }
        let mut count = 0;
        for (index, item) in held.iter().enumerate() {
            if let Ok(report) = &**item {
                count += usize::from(edit_line_into(&mut self.edit_lines, count, index, report));
            }
        }
        let edit_lines = self.edit_lines.get(..count).unwrap_or(&[]);
        for conflict in conflicts(edit_lines) {
            let reports: Vec<&LineReport<'s>> = conflict
                .lines()
                .iter()
                .filter_map(|&index| (**held.get(index)?).as_ref().ok())
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
                if let Some(Ok(report)) = held.get_mut(index).map(|slot| &mut **slot) {
                    report.conflicts.push(found.clone());
                }
            }
            self.total += 1;
            if self.found.len() < KEPT_CONFLICTS {
                self.found.push(found);
            }
        }
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
        claims.slots.push(Box::new(Ok(report)));
    }
    claims.close(lines.len());
    let reports = claims
        .slots
        .into_iter()
        .filter_map(|slot| slot.ok())
        .collect();
    (reports, claims.found)
}

/// Writes the line of `report` (held at `index`) as the edits read it
/// into entry `at` of `lines` (which holds at least `at` entries), reusing
/// the entry left there by an earlier claim: its code, date of service,
/// the teeth and surfaces it names and its areas. `false`, with nothing
/// written, when the line has no readable code or date (the edits skip
/// it).
fn edit_line_into(
    lines: &mut Vec<EditLine>,
    at: usize,
    index: usize,
    report: &LineReport<'_>,
) -> bool {
    let (Some(code), Some(date)) = (report.outcome.judged_code(), report.service_date) else {
        return false;
    };
    if at == lines.len() {
        lines.push(EditLine::new(index, code, date));
    }
    let Some(line) = lines.get_mut(at) else {
        return false;
    };
    line.index = index;
    line.code = code;
    line.date = date;
    line.teeth.clear();
    line.surfaces = Surfaces::default();
    line.areas.clear();
    for entry in &report.teeth {
        if let Ok(tooth) = entry.tooth.parse::<Tooth>() {
            line.teeth.push(tooth);
        }
        if let Ok(surfaces) = entry.surfaces.parse::<Surfaces>() {
            line.surfaces.extend(surfaces);
        }
    }
    for area in &report.areas {
        if let Ok(area) = area.parse::<Area>() {
            line.areas.push(area);
        }
    }
    true
}

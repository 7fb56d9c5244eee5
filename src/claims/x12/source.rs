//! The 837D source: a [`ServiceLine`] as a [`ClaimLine`], with the date
//! the guide says applies and the teeth in one numbering.

use std::string::{String, ToString};
use std::vec::Vec;

use super::{ServiceLine, X12Date};
use crate::claims::line::{put_number, put_tooth, ClaimLine, LineDate};
use crate::claims::numbering::{judged_text, Numbering};
use crate::claims::report::ToothEntry;
use crate::claims::verdict::DateSource;
use crate::model::trimmed;

/// Writes the service line into `out` as a claim line (the date the guide
/// says applies, the teeth in one numbering), keeping `out`'s buffers.
///
/// The texts taken whole (the claim id, the code and its qualifier, the
/// areas) are swapped into `out` rather than copied: `line` gets `out`'s
/// old buffers in their place, holding texts of no meaning, which is no
/// matter as the reader writes every one of them again before it hands
/// out a line.
pub(crate) fn fill_claim_line(line: &mut ServiceLine, out: &mut ClaimLine) {
    out.notes.clear();
    put_date_of_service(line, out);
    let mut count = 0;
    for tooth in &mut line.teeth {
        let numbering = Numbering::of(&tooth.qualifier);
        match judged_text(
            numbering,
            &tooth.qualifier,
            "TOO01",
            &tooth.code,
            &mut out.notes,
        ) {
            Some(text) => put_tooth(&mut out.teeth, count, &text, ""),
            None => swap_tooth(&mut out.teeth, count, &mut tooth.code),
        }
        // The surfaces as one text, as a tooth column would hold them.
        let surfaces = &mut out.teeth[count].surfaces;
        for surface in &tooth.surfaces {
            surfaces.push_str(surface);
        }
        let trimmed = trimmed(surfaces);
        if trimmed.len() != surfaces.len() {
            *surfaces = trimmed.to_string();
        }
        count += 1;
    }
    out.teeth.truncate(count);
    out.position = line.sv3_segment;
    swap_in(&mut out.claim, &mut line.claim_id);
    out.patient = None;
    put_number(&mut out.line, u64::from(line.line_number));
    core::mem::swap(&mut out.code, &mut line.code);
    swap_in(&mut out.qualifier, &mut line.qualifier);
    core::mem::swap(&mut out.areas, &mut line.oral_cavity);
}

/// Sets the line's date to the single date `text`, as
/// [`ClaimLine::put_date`] does, swapped in as [`swap_in`] does when it is
/// trimmed already (the reader trims it).
fn swap_date(out: &mut ClaimLine, text: &mut String, source: DateSource) {
    if trimmed(text).len() != text.len() {
        return out.put_date(text, None, source);
    }
    match &mut out.date {
        Some(date) => {
            core::mem::swap(&mut date.start, text);
            date.end = None;
            date.source = source;
        }
        None => {
            out.date = Some(LineDate {
                start: core::mem::take(text),
                end: None,
                source,
            });
        }
    }
}

/// [`put_tooth`] with no surfaces, the tooth swapped in as [`swap_in`]
/// does when it is trimmed already (the reader trims it).
fn swap_tooth(teeth: &mut Vec<ToothEntry>, index: usize, tooth: &mut String) {
    if trimmed(tooth).len() != tooth.len() {
        return put_tooth(teeth, index, tooth, "");
    }
    match teeth.get_mut(index) {
        Some(entry) => {
            core::mem::swap(&mut entry.tooth, tooth);
            entry.surfaces.clear();
        }
        None => teeth.push(ToothEntry {
            tooth: core::mem::take(tooth),
            surfaces: String::new(),
        }),
    }
}

/// Puts `text` in `target` as `Some`, leaving the buffer `target` held
/// (if any) in `text`: a swap, where a copy cost a `memcpy` a text.
fn swap_in(target: &mut Option<String>, text: &mut String) {
    match target {
        Some(target) => core::mem::swap(target, text),
        None => *target = Some(core::mem::take(text)),
    }
}

/// The line's date of service by the guide's order: the line's `DTP*472`,
/// the claim's, the appliance placement date (`DTP*452`), and for a
/// predetermination its transaction date (`BHT04`); none when none.
fn put_date_of_service(line: &mut ServiceLine, out: &mut ClaimLine) {
    // A range with both ends readable is a range; a single D8 date is that
    // date; anything else is judged as the whole text (a bad date).
    let put_from = |out: &mut ClaimLine, date: &mut X12Date, source| match date.start() {
        // A `D8` date is its own end: not read a second time, and its text
        // is the date, swapped in whole.
        Some(_) if date.qualifier == "D8" => swap_date(out, &mut date.value, source),
        Some(start) => match date.end() {
            Some(end) if date.qualifier == "RD8" && start != end => {
                out.put_date(start, Some(end), source);
            }
            Some(_) => out.put_date(start, None, source),
            None => out.put_date(&date.value, None, source),
        },
        None => out.put_date(&date.value, None, source),
    };
    if let Some(date) = &mut line.line_date {
        return put_from(out, date, DateSource::Line);
    }
    if let Some(date) = &mut line.claim_date {
        return put_from(out, date, DateSource::Claim);
    }
    if let Some(date) = &mut line.appliance_placed {
        out.notes
            .push("no date of service: judged on the appliance placement date (DTP*452)".into());
        return put_from(out, date, DateSource::AppliancePlacement);
    }
    if line.predetermination {
        if let Some(date) = &line.transaction_date {
            out.notes.push(
                "a predetermination without a date of service: judged on its transaction date (BHT04)"
                    .into(),
            );
            return out.put_date(date, None, DateSource::Transaction);
        }
    }
    out.date = None;
}

//! The 837D source: a [`ServiceLine`] as a [`ClaimLine`], with the date
//! the guide says applies and the teeth in one numbering.

use std::string::{String, ToString};
use std::vec::Vec;

use super::{ServiceLine, X12Date};
use crate::claims::line::{ClaimLine, LineDate};
use crate::claims::report::ToothEntry;
use crate::claims::verdict::DateSource;

/// The claim line of an 837D service line.
pub(crate) fn claim_line(line: ServiceLine) -> ClaimLine {
    let mut notes = Vec::new();
    let date = date_of_service(&line, &mut notes);
    let teeth = line
        .teeth
        .iter()
        .map(|tooth| {
            let surfaces = tooth.surfaces.concat();
            match tooth.qualifier.as_str() {
                "JO" => match iso_to_universal(&tooth.code) {
                    Some(universal) => {
                        notes.push(std::format!(
                            "ISO 3950 tooth {} (TOO01 JO) read as Universal {universal}",
                            tooth.code
                        ));
                        ToothEntry::new(&universal, &surfaces)
                    }
                    None => ToothEntry::new(&std::format!("{ISO_PREFIX}{}", tooth.code), &surfaces),
                },
                _ => ToothEntry::new(&tooth.code, &surfaces),
            }
        })
        .collect();
    ClaimLine {
        position: line.sv3_segment,
        claim: Some(line.claim_id),
        patient: None,
        line: line.line_number.to_string(),
        code: line.code,
        date,
        qualifier: Some(line.qualifier),
        teeth,
        areas: line.oral_cavity,
        notes,
    }
}

/// The date that applies, in the guide's order: the line's `DTP*472`, the
/// claim's `DTP*472`, the appliance placement date (`DTP*452`) of an
/// orthodontic claim, the transaction date (`BHT04`) of a
/// predetermination.
fn date_of_service(line: &ServiceLine, notes: &mut Vec<String>) -> Option<LineDate> {
    // A range with both ends readable is a range; a single D8 date is that
    // date; anything else is judged as the whole text (a bad date).
    let from = |date: &X12Date, source| match (date.start(), date.end()) {
        (Some(start), Some(end)) if date.qualifier == "RD8" && start != end => {
            LineDate::range(start, end, source)
        }
        (Some(start), Some(_)) => LineDate {
            source,
            ..LineDate::new(start)
        },
        _ => LineDate {
            source,
            ..LineDate::new(&date.value)
        },
    };
    if let Some(date) = &line.line_date {
        return Some(from(date, DateSource::Line));
    }
    if let Some(date) = &line.claim_date {
        return Some(from(date, DateSource::Claim));
    }
    if let Some(date) = &line.appliance_placed {
        notes.push("no date of service: judged on the appliance placement date (DTP*452)".into());
        return Some(from(date, DateSource::AppliancePlacement));
    }
    if line.predetermination {
        if let Some(date) = &line.transaction_date {
            notes.push(
                "a predetermination without a date of service: judged on its transaction date (BHT04)"
                    .into(),
            );
            return Some(LineDate {
                source: DateSource::Transaction,
                ..LineDate::new(date)
            });
        }
    }
    None
}

/// What a tooth sent in the ISO numbering that is no ISO tooth is written
/// as, so that it is never taken for a Universal number; the judge reports
/// it ([`ReportingProblem::NotIsoTooth`](crate::ReportingProblem::NotIsoTooth)).
pub(crate) const ISO_PREFIX: &str = "JO ";

/// An ISO 3950 (FDI) tooth number in the Universal numbering: `36` (lower
/// left first molar) is `19`, `55` (upper right primary second molar) is
/// `A`. `None` for a number that is not an ISO tooth.
pub(crate) fn iso_to_universal(iso: &str) -> Option<String> {
    let iso = iso.trim();
    if iso.len() != 2 || !iso.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let tooth = crate::teeth::Tooth::from_iso(iso.parse().ok()?)?;
    Some(tooth.to_string())
}

#[cfg(test)]
mod tests {
    use super::iso_to_universal;

    #[test]
    fn iso_teeth_in_universal_numbers() {
        // Known pairs from the two charts: the four first molars, the
        // central incisors, the third molars and the primary corners.
        for (iso, universal) in [
            ("18", "1"),
            ("16", "3"),
            ("11", "8"),
            ("21", "9"),
            ("26", "14"),
            ("28", "16"),
            ("38", "17"),
            ("36", "19"),
            ("31", "24"),
            ("41", "25"),
            ("46", "30"),
            ("48", "32"),
            ("55", "A"),
            ("51", "E"),
            ("61", "F"),
            ("65", "J"),
            ("75", "K"),
            ("71", "O"),
            ("81", "P"),
            ("85", "T"),
        ] {
            assert_eq!(iso_to_universal(iso).as_deref(), Some(universal), "{iso}");
        }
        for bad in ["", "1", "10", "19", "56", "90", "09", "1a", "111"] {
            assert_eq!(iso_to_universal(bad), None, "{bad}");
        }
    }
}

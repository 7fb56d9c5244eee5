//! The numbering a source reads a line's teeth in: the tooth system an
//! 837D `TOO01` or an export's column names, ISO 3950 teeth converted to
//! Universal numbers, and how a tooth that cannot be read in its system is
//! written so that the judge reports it rather than take it for a
//! Universal number.

use std::string::{String, ToString};
use std::vec::Vec;

/// What a tooth sent in the ISO numbering that is no ISO tooth is written
/// as, so that it is never taken for a Universal number; the judge reports
/// it ([`ReportingProblem::NotIsoTooth`](crate::ReportingProblem::NotIsoTooth)).
pub(crate) const ISO_PREFIX: &str = "JO ";

/// The numbering a line's teeth are written in, as a tooth system value
/// names it (an 837D `TOO01`, an export's tooth system column): the X12
/// codes, `JP` for the Universal/National system and `JO` for ISO 3950,
/// and the plain names of each (ISO 3950 is the FDI two-digit system).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Numbering {
    Universal,
    Iso,
    /// A value naming neither: its teeth are not read as either.
    Unknown,
}

/// How a delimited file numbers its teeth when no tooth system cell says
/// so (a file with no such column, or an empty cell): the Universal
/// numbering of US claims unless declared with
/// [`CheckOptions::tooth_numbering`](super::CheckOptions::tooth_numbering).
/// Some practice software writes the office's display numbering into its
/// reports (Open Dental's `Tooth.Display`: FDI where the office chose it).
///
/// Read from the names a tooth system column takes:
///
/// ```
/// use cdt_codes::claims::ToothNumbering;
///
/// assert_eq!("FDI".parse::<ToothNumbering>(), Ok(ToothNumbering::Iso));
/// assert_eq!("JP".parse::<ToothNumbering>(), Ok(ToothNumbering::Universal));
/// assert!("Palmer".parse::<ToothNumbering>().is_err());
/// assert_eq!(ToothNumbering::default(), ToothNumbering::Universal);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ToothNumbering {
    /// The Universal/National system (X12 `JP`): 1-32, A-T.
    #[default]
    Universal,
    /// ISO 3950, the FDI two-digit system (X12 `JO`): 11-48, 51-85.
    Iso,
}

impl ToothNumbering {
    /// The name the checker's notes give it.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            ToothNumbering::Universal => "Universal",
            ToothNumbering::Iso => "ISO 3950",
        }
    }
}

impl core::fmt::Display for ToothNumbering {
    /// The name, as [`name`](ToothNumbering::name).
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

impl core::str::FromStr for ToothNumbering {
    type Err = UnknownToothNumbering;

    /// `JP`, `Universal`, `UNS`; `JO`, `ISO`, `FDI`, `ISO 3950` (any case).
    fn from_str(text: &str) -> Result<ToothNumbering, UnknownToothNumbering> {
        match Numbering::of(text) {
            Numbering::Universal if !crate::model::trimmed(text).is_empty() => {
                Ok(ToothNumbering::Universal)
            }
            Numbering::Iso => Ok(ToothNumbering::Iso),
            _ => Err(UnknownToothNumbering {
                text: text.to_string(),
            }),
        }
    }
}

/// A tooth numbering name [`ToothNumbering`] does not read.
///
/// ```
/// let error = "Haderup".parse::<cdt_codes::claims::ToothNumbering>().unwrap_err();
/// assert!(error.to_string().starts_with("\"Haderup\" is no tooth numbering"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{text:?} is no tooth numbering the checker reads: use Universal (JP) or ISO 3950 (JO, FDI)"
)]
pub struct UnknownToothNumbering {
    text: String,
}

impl From<ToothNumbering> for Numbering {
    fn from(numbering: ToothNumbering) -> Numbering {
        match numbering {
            ToothNumbering::Universal => Numbering::Universal,
            ToothNumbering::Iso => Numbering::Iso,
        }
    }
}

impl Numbering {
    /// The numbering `system` names; no value at all is Universal, the
    /// numbering of US claims.
    pub(crate) fn of(system: &str) -> Numbering {
        // The X12 codes as written nearly always, before any trimming.
        match system.as_bytes() {
            b"JP" | b"" => return Numbering::Universal,
            b"JO" => return Numbering::Iso,
            _ => {}
        }
        let system = crate::model::trimmed(system);
        let is = |name: &str| system.eq_ignore_ascii_case(name);
        if system.is_empty() || is("JP") || is("Universal") || is("UNS") {
            Numbering::Universal
        } else if is("JO") || is("ISO") || is("FDI") || is("ISO 3950") || is("ISO3950") {
            Numbering::Iso
        } else {
            Numbering::Unknown
        }
    }
}

/// The note on a line whose teeth are numbered in a system the checker
/// does not know; each such tooth is written `TOOTH(SYSTEM)`, which no
/// tooth reads as, so the judge reports it unreadable rather than take it
/// for a Universal number.
fn unknown_system_note(system: &str) -> String {
    std::format!(
        "tooth system {} is neither Universal (JP) nor ISO 3950 (JO, FDI): its teeth are not read",
        system.trim()
    )
}

/// The text the judge reads for a tooth `written` in `numbering`, as
/// `system` names it (`named_by` says where: `tooth system`, `TOO01`):
/// `None` for a Universal tooth, read as written; else the Universal
/// number of an ISO tooth, an ISO tooth that is none marked with
/// [`ISO_PREFIX`], or a tooth of an unknown system written `TOOTH(SYSTEM)`,
/// each with its note added to `notes` (the unknown system's once a line).
#[inline]
pub(crate) fn judged_text(
    numbering: Numbering,
    system: &str,
    named_by: &str,
    written: &str,
    notes: &mut Vec<String>,
) -> Option<String> {
    match numbering {
        Numbering::Universal => None,
        Numbering::Iso => Some(match iso_to_universal(written) {
            Some(universal) => {
                notes.push(std::format!(
                    "ISO 3950 tooth {written} ({named_by} {system}) read as Universal {universal}"
                ));
                universal
            }
            None => std::format!("{ISO_PREFIX}{written}"),
        }),
        Numbering::Unknown => {
            let note = unknown_system_note(system);
            if !notes.contains(&note) {
                notes.push(note);
            }
            // The system after the tooth: first, it read as a tooth
            // letter (`ZZ is not a tooth letter`).
            Some(std::format!("{written}({})", system.trim()))
        }
    }
}

/// An ISO 3950 (FDI) tooth number in the Universal numbering: `36` (lower
/// left first molar) is `19`, `55` (upper right primary second molar) is
/// `A`. `None` for a number that is not an ISO tooth.
fn iso_to_universal(iso: &str) -> Option<String> {
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

//! Cells of an export that hold a category's label instead of its code, as
//! Epic's EHI export writes its category columns (those named `…_C_NAME`,
//! open.epic.com/EHITables): a tooth as `Tooth 30`, `Tooth A` or
//! `Tooth 18 (FDI)` (table `ARPB_TX_DENTAL`) or by its name, `Permanent
//! maxillary right third molar` (`AP_CLM_PX_TOOTH`); a surface as
//! `O - Occlusal` (`AP_CLM_PX_TOOTH`); an area as `10 - Upper Right
//! Quadrant` (`AP_CLM_PX_CVTY_DSG`).
//!
//! Each is read as the code it labels, with a note, and only when the
//! label and the code name the same thing (`O - Mesial` stays as written,
//! and is reported as the surfaces it is not). Exports only: an 837D
//! carries codes.

use std::format;
use std::string::{String, ToString};

use crate::teeth::{Area, Surface, Tooth};

/// The word Epic's tooth labels start with.
const TOOTH_WORD: &str = "tooth ";

/// The mark of an ISO 3950 number in Epic's tooth labels.
const FDI_MARK: &str = "(FDI)";

/// The Universal designation of a tooth written as a label, and the note
/// that says so; `None` for anything else (a plain `30` included).
///
/// ```text
/// Tooth 30                              -> 30
/// Tooth A                               -> A
/// Tooth 18 (FDI)                        -> 1   (ISO 3950 18)
/// Permanent maxillary right third molar -> 1
/// ```
#[inline]
pub(crate) fn tooth(written: &str) -> Option<(String, String)> {
    // A tooth number or letter is at most three characters (`AS`, `51`).
    if written.len() <= 3 {
        return None;
    }
    tooth_label(written)
}

#[cold]
#[inline(never)]
fn tooth_label(written: &str) -> Option<(String, String)> {
    let labelled = written
        .get(..TOOTH_WORD.len())
        .filter(|word| word.eq_ignore_ascii_case(TOOTH_WORD))
        .and_then(|_| written.get(TOOTH_WORD.len()..));
    if let Some(label) = labelled.map(str::trim) {
        if let Some(iso) = strip_fdi_mark(label) {
            let tooth = iso_number(iso).and_then(Tooth::from_iso)?.to_string();
            let note = format!("tooth {written:?} read as ISO 3950 tooth {iso}, Universal {tooth}");
            return Some((tooth, note));
        }
        let tooth = Tooth::parse(label).ok()?.to_string();
        let note = format!("tooth {written:?} read as {tooth}");
        return Some((tooth, note));
    }
    let tooth = Tooth::permanent_teeth()
        .chain(Tooth::primary_teeth())
        .find(|tooth| tooth.name().eq_ignore_ascii_case(written.trim()))?
        .to_string();
    let note = format!("tooth {written:?} read as {tooth}, the tooth it names");
    Some((tooth, note))
}

/// The label before Epic's ISO 3950 mark, `(FDI)` in any case.
fn strip_fdi_mark(label: &str) -> Option<&str> {
    let start = label.len().checked_sub(FDI_MARK.len())?;
    let mark = label.get(start..)?;
    mark.eq_ignore_ascii_case(FDI_MARK)
        .then(|| label.get(..start).map(str::trim_end))
        .flatten()
}

/// Two ASCII digits as a number (an ISO 3950 tooth number).
fn iso_number(text: &str) -> Option<u8> {
    match text.as_bytes() {
        [tens @ b'0'..=b'9', ones @ b'0'..=b'9'] => Some((tens - b'0') * 10 + (ones - b'0')),
        _ => None,
    }
}

/// A code and its name after a dash, `O - Occlusal`: the two halves.
fn code_and_name(written: &str) -> Option<(&str, &str)> {
    let (code, name) = written.split_once(" - ")?;
    let (code, name) = (code.trim(), name.trim());
    (!code.is_empty() && !name.is_empty()).then_some((code, name))
}

/// The letter of a surface written as its label, `O - Occlusal`; `None`
/// for anything else (a cell of surface letters returns at once).
#[inline]
pub(crate) fn surface(written: &str) -> Option<&'static str> {
    if written.len() < 5 {
        return None;
    }
    surface_label(written)
}

#[cold]
#[inline(never)]
fn surface_label(written: &str) -> Option<&'static str> {
    let (code, name) = code_and_name(written)?;
    let mut letters = code.chars();
    let surface = Surface::from_letter(letters.next()?.to_ascii_uppercase())?;
    (letters.next().is_none() && surface.name().eq_ignore_ascii_case(name))
        .then_some(letter(surface))
}

/// The surface's letter as text.
fn letter(surface: Surface) -> &'static str {
    match surface {
        Surface::Mesial => "M",
        Surface::Occlusal => "O",
        Surface::Incisal => "I",
        Surface::Distal => "D",
        Surface::Buccal => "B",
        Surface::Facial => "F",
        Surface::Lingual => "L",
    }
}

/// The code of an area written as its label, `10 - Upper Right
/// Quadrant`; `None` for anything else (and for `L - Left`: X12's sides
/// are no area of the ADA's list). A cell of a code or letters returns at
/// once.
#[inline]
pub(crate) fn area(written: &str) -> Option<&'static str> {
    if written.len() < 5 {
        return None;
    }
    area_label(written)
}

#[cold]
#[inline(never)]
fn area_label(written: &str) -> Option<&'static str> {
    let (code, name) = code_and_name(written)?;
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let area = Area::parse(code).ok()?;
    (Area::parse(name).ok()? == area).then_some(area.code())
}

/// The note for a cell of the `column` (`surfaces`, `area`) read from its
/// label as `code`.
pub(crate) fn note(column: &str, written: &str, code: &str) -> String {
    format!("{column} {written:?} read as {code}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(found: Option<(String, String)>) -> Option<String> {
        found.map(|(value, _)| value)
    }

    #[test]
    fn epic_tooth_labels() {
        assert_eq!(read(tooth("Tooth 30")), Some("30".into()));
        assert_eq!(read(tooth("Tooth A")), Some("A".into()));
        assert_eq!(read(tooth("tooth 8")), Some("8".into()));
        assert_eq!(read(tooth("Tooth 18 (FDI)")), Some("1".into()));
        assert_eq!(read(tooth("Tooth 55 (FDI)")), Some("A".into()));
        // The mark in any case, as the word `tooth` is.
        assert_eq!(read(tooth("tooth 18 (fdi)")), Some("1".into()));
        assert_eq!(
            read(tooth("Permanent maxillary right third molar")),
            Some("1".into())
        );
        assert_eq!(
            read(tooth("Primary mandibular right second molar")),
            Some("T".into())
        );
        // A number alone, a tooth that does not exist, other words.
        for other in [
            "30",
            "Tooth 33",
            "Tooth 19 (FDI)",
            "Tooth",
            "Toothache",
            "maxillary molar",
        ] {
            assert_eq!(tooth(other), None, "{other}");
        }
        assert_eq!(
            tooth("Tooth 18 (FDI)").map(|(_, note)| note),
            Some("tooth \"Tooth 18 (FDI)\" read as ISO 3950 tooth 18, Universal 1".into())
        );
    }

    #[test]
    fn epic_surface_and_area_labels() {
        assert_eq!(surface("O - Occlusal"), Some("O"));
        assert_eq!(surface("b - buccal"), Some("B"));
        assert_eq!(surface("O - Mesial"), None);
        assert_eq!(surface("MO - Mesial"), None);
        assert_eq!(surface("MO"), None);
        assert_eq!(
            note("surfaces", "O - Occlusal", "O"),
            "surfaces \"O - Occlusal\" read as O"
        );
        for surface in [Surface::Mesial, Surface::Lingual] {
            assert_eq!(letter(surface), surface.letter().to_string());
        }
        assert_eq!(area("10 - Upper Right Quadrant"), Some("10"));
        assert_eq!(area("01 - Maxillary Area"), Some("01"));
        assert_eq!(area("09 - Other Area of Oral Cavity"), Some("09"));
        assert_eq!(area("10 - Lower Left Quadrant"), None);
        assert_eq!(area("L - Left"), None);
        assert_eq!(area("10"), None);
    }
}

//! Teeth, surfaces and areas on arbitrary text, and the claim-line check
//! that uses them.
//!
//! Input: a selector byte (which code to check against), then the text,
//! split at the first two `|` into tooth, surfaces and area.
//!
//! Properties:
//! - a parsed `Tooth` displays in its canonical form, which parses back to
//!   the same tooth; its ISO 3950 number (when it has one) maps back to it;
//!   a permanent tooth is never primary; every tooth is anterior or
//!   posterior and not both; its area quadrant and arch contain it;
//! - parsed `Surfaces` are between 1 and 7, display as that many distinct
//!   letters in canonical order, and re-parse to themselves; a failed parse
//!   is never silently an empty set;
//! - a parsed `Area` displays as its two-digit code, which parses back;
//! - `Procedure::check_reported` never panics, holds at most eight problems,
//!   and each problem's message is non-empty; unreadable text is reported
//!   as a problem, never accepted.

#![no_main]

use cdt_codes::{Area, Reported, ReportingProblem, Surfaces, Tooth};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mut parts = text.splitn(3, '|');
    let tooth_text = parts.next().unwrap_or("");
    let surfaces_text = parts.next().unwrap_or("");
    let area_text = parts.next().unwrap_or("");

    if let Ok(tooth) = tooth_text.parse::<Tooth>() {
        let shown = tooth.to_string();
        assert_eq!(shown.parse::<Tooth>(), Ok(tooth), "{tooth_text:?}");
        if let Some(iso) = tooth.to_iso() {
            assert_eq!(Tooth::from_iso(iso), Some(tooth));
        }
        assert!(!(tooth.is_permanent() && tooth.is_primary()));
        assert!(tooth.is_anterior() != tooth.is_posterior());
        assert!(tooth.quadrant().area().contains(tooth));
        assert!(tooth.arch().area().contains(tooth));
        assert!(!tooth.name().is_empty());
    }
    match surfaces_text.parse::<Surfaces>() {
        Ok(surfaces) => {
            let count = surfaces.count();
            assert!((1..=7).contains(&count), "{surfaces_text:?}");
            let shown = surfaces.to_string();
            assert_eq!(shown.chars().count(), count);
            assert_eq!(shown.parse::<Surfaces>(), Ok(surfaces));
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
    if let Ok(area) = area_text.parse::<Area>() {
        assert_eq!(area.to_string().parse::<Area>(), Ok(area));
        assert!(!area.name().is_empty());
    }

    let codes: Vec<_> = cdt_codes::iter()
        .filter(|p| p.reporting().is_some())
        .collect();
    let procedure = codes[usize::from(selector) * 7 % codes.len()];
    let mut line = Reported::default();
    line.tooth = given(tooth_text);
    line.surfaces = given(surfaces_text);
    line.area = given(area_text);
    let problems = procedure.check_reported(line);
    assert!(problems.len() <= 8);
    assert_eq!(problems.iter().count(), problems.len());
    for problem in &problems {
        assert!(!problem.to_string().is_empty());
    }
    // check_reported reads each field trimmed (Unicode whitespace, as str::trim).
    // A tooth field may hold a range or list (`6-11`, `3,4,5`).
    let unreadable_tooth = line
        .tooth
        .is_some_and(|t| t.trim().parse::<cdt_codes::ToothSet>().is_err());
    if unreadable_tooth {
        assert!(
            problems.iter().any(|p| matches!(
                p,
                ReportingProblem::BadTooth(_) | ReportingProblem::BadTeeth(_)
            )),
            "{procedure:?} {line:?}"
        );
    }
});

fn given(text: &str) -> Option<&str> {
    (!text.trim().is_empty()).then_some(text)
}

//! Helpers shared by the targets that run a whole `ClaimChecker` and
//! compare two runs of it (`claims`, `decode`). A module of each target's
//! crate (`mod common;`), not a target itself.

use cdt_codes::claims::{Format, Summary, Verdict};

/// What one `ClaimChecker` run gave.
pub struct Run {
    pub format: Format,
    /// Every item, report or error, as its `Debug` text (positions
    /// included).
    pub items: Vec<String>,
    /// Each line's verdict, code and date (`Unreadable` and empty texts
    /// for an error), in order.
    pub verdicts: Vec<(Verdict, String, String)>,
    pub summary: Summary,
}

/// Asserts that two runs gave the same format, items (and so verdicts)
/// and summary, or the same header error.
pub fn same(a: &Result<Run, String>, b: &Result<Run, String>, what: &str) {
    match (a, b) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.format, b.format, "{what}");
            assert_eq!(a.items, b.items, "{what}");
            assert_eq!(a.verdicts, b.verdicts, "{what}");
            assert_eq!(a.summary, b.summary, "{what}");
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "{what}"),
        (a, b) => panic!(
            "{what}: {:?} vs {:?}",
            a.as_ref().map(|r| r.items.len()),
            b.as_ref().map(|r| r.items.len())
        ),
    }
}

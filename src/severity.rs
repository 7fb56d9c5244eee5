//! How serious a finding about a claim line is: one value for every check
//! (date validity, tooth/surface/area reporting, claim-level edits), shown
//! alike in text, CSV, JSON and the API.

use core::fmt;

/// How serious a finding is.
///
/// An *error* means the line is wrong as sent (a payer would reject it);
/// a *warning* means the line is acceptable but unusual, or rests on a
/// rule no source confirms. Errors order above warnings.
///
/// ```
/// use cdt_codes::Severity;
///
/// assert!(Severity::Error > Severity::Warning);
/// assert_eq!(Severity::Warning.to_string(), "warning");
/// assert_eq!(Severity::Error.key(), "error");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Acceptable but unusual, or judged by an inferred rule.
    Warning,
    /// The line is wrong as sent.
    Error,
}

impl Severity {
    /// The lower-case name used in CSV and JSON: `warning` or `error`.
    ///
    /// ```
    /// assert_eq!(cdt_codes::Severity::Warning.key(), "warning");
    /// ```
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.key())
    }
}

//! Editions of the CDT code set, named by the year they take effect.

use core::fmt;
use core::str::FromStr;

/// An edition of the CDT code set, identified by the year it took effect on
/// 1 January.
///
/// The ADA has published a new edition every year since CDT 2013. Before
/// that editions covered two years (CDT 2011-2012 took effect in 2011 and is
/// `Edition(2011)`). Comparing editions compares years, so the edition in
/// force on a date is simply the newest one whose year is not after the
/// date's year.
///
/// ```
/// use cdt_codes::Edition;
///
/// let edition = Edition::new(2026).unwrap();
/// assert_eq!(edition.year(), 2026);
/// assert_eq!(edition.to_string(), "CDT 2026");
/// assert!(Edition::new(2019).unwrap() < edition);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Edition(u16);

/// The first year an [`Edition`] may name: CDT-1 took effect in 1990.
const FIRST_YEAR: u16 = 1990;
/// The last year an [`Edition`] may name.
const LAST_YEAR: u16 = 2199;

impl Edition {
    /// The edition that took effect on 1 January of `year`, or `None` if the
    /// year is outside 1990 to 2199.
    ///
    /// ```
    /// use cdt_codes::Edition;
    ///
    /// assert!(Edition::new(2024).is_some());
    /// assert!(Edition::new(1850).is_none());
    /// ```
    #[must_use]
    pub const fn new(year: u16) -> Option<Edition> {
        if year >= FIRST_YEAR && year <= LAST_YEAR {
            Some(Edition(year))
        } else {
            None
        }
    }

    /// The year the edition took effect.
    ///
    /// ```
    /// assert_eq!(cdt_codes::Edition::new(2025).unwrap().year(), 2025);
    /// ```
    #[must_use]
    pub const fn year(self) -> u16 {
        self.0
    }
}

/// Why a text is not an edition year (four digits from 1990 to 2199,
/// optionally written `CDT 2026`).
///
/// ```
/// use cdt_codes::{Edition, ParseEditionError};
///
/// assert_eq!("20x6".parse::<Edition>(), Err(ParseEditionError));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("not a CDT edition: expected a year from 1990 to 2199, such as 2026 or CDT 2026")]
pub struct ParseEditionError;

impl FromStr for Edition {
    type Err = ParseEditionError;

    /// Parses a year such as `2026`, optionally written `CDT 2026`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let year_text = trimmed
            .strip_prefix("CDT")
            .or_else(|| trimmed.strip_prefix("cdt"))
            .map_or(trimmed, str::trim_start);
        let year = if year_text.len() == 4 && year_text.bytes().all(|b| b.is_ascii_digit()) {
            year_text.parse::<u16>().ok().and_then(Edition::new)
        } else {
            None
        };
        year.ok_or(ParseEditionError)
    }
}

impl fmt::Display for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CDT {}", self.0)
    }
}

impl fmt::Debug for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Edition({})", self.0)
    }
}

/// When a code entered the code set, as far as the data records it.
///
/// History in the bundled data starts with CDT 2005; codes that were already
/// in the code set then are recorded as `Before(2005)` rather than with a
/// guessed year.
///
/// ```
/// use cdt_codes::{Added, Edition};
///
/// let cdt_2005 = Edition::new(2005).unwrap();
/// assert_eq!(Added::Before(cdt_2005).to_string(), "before CDT 2005");
/// assert_eq!(Added::In(cdt_2005).edition(), cdt_2005);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Added {
    /// First published in this edition.
    In(Edition),
    /// Already in the code set before this edition; the exact edition is not
    /// recorded.
    Before(Edition),
}

impl Added {
    /// The edition named: the one the code was added in, or the one it
    /// predates.
    ///
    /// ```
    /// use cdt_codes::{Added, Edition};
    ///
    /// let e = Edition::new(2019).unwrap();
    /// assert_eq!(Added::In(e).edition(), e);
    /// ```
    #[must_use]
    pub const fn edition(self) -> Edition {
        match self {
            Added::In(edition) | Added::Before(edition) => edition,
        }
    }

    /// Whether the code was in the code set in `edition`, as far as known:
    /// a code recorded as `Before(e)` counts as present in every edition.
    ///
    /// ```
    /// use cdt_codes::{Added, Edition};
    ///
    /// let y = |year| Edition::new(year).unwrap();
    /// assert!(!Added::In(y(2019)).by(y(2018)));
    /// assert!(Added::In(y(2019)).by(y(2019)));
    /// assert!(Added::Before(y(2005)).by(y(2001)));
    /// ```
    #[must_use]
    pub const fn by(self, edition: Edition) -> bool {
        match self {
            Added::In(added) => added.year() <= edition.year(),
            Added::Before(_) => true,
        }
    }
}

impl FromStr for Added {
    type Err = ParseEditionError;

    /// Parses `2019` (added in CDT 2019) or `<2005` (already present before
    /// CDT 2005).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        match text.strip_prefix('<') {
            Some(rest) => rest.parse().map(Added::Before),
            None => text.parse().map(Added::In),
        }
    }
}

impl fmt::Display for Added {
    /// `CDT 2019` or `before CDT 2005`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Added::In(edition) => write!(f, "{edition}"),
            Added::Before(edition) => write!(f, "before {edition}"),
        }
    }
}

/// Whether a code with this history is part of `edition`: added in or
/// before it (or predating the recorded history) and not deleted by it.
pub(crate) const fn in_force(
    added: Option<Added>,
    deleted_in: Option<Edition>,
    edition: Edition,
) -> bool {
    let added = match added {
        Some(added) => added.by(edition),
        None => true,
    };
    let deleted = match deleted_in {
        Some(deleted) => deleted.year() <= edition.year(),
        None => false,
    };
    added && !deleted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_and_prefixed_years() {
        assert_eq!("2026".parse::<Edition>().map(Edition::year), Ok(2026));
        assert_eq!(" CDT 2019 ".parse::<Edition>().map(Edition::year), Ok(2019));
        assert!("1850".parse::<Edition>().is_err());
        assert!("202".parse::<Edition>().is_err());
        assert!("+2026".parse::<Edition>().is_err());
    }
}

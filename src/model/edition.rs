//! Editions of the CDT code set as the ADA published them.
//!
//! CDT-3 took effect in 2000 and covered three years; CDT-4, CDT-2005,
//! CDT-2007/2008, CDT-2009/2010 and CDT-2011/2012 covered two each; since
//! CDT 2013 there is one edition a year, effective 1 January. An [`Edition`]
//! can only hold one of these: `2012` is not an edition but a year in which
//! CDT-2011/2012 was in force.

use core::fmt;
use core::str::FromStr;

/// The multi-year editions before CDT 2013: (first year, last year, label).
const MULTI_YEAR: [(u16, u16, &str); 6] = [
    (2000, 2002, "CDT-3"),
    (2003, 2004, "CDT-4"),
    (2005, 2006, "CDT-2005"),
    (2007, 2008, "CDT-2007/2008"),
    (2009, 2010, "CDT-2009/2010"),
    (2011, 2012, "CDT-2011/2012"),
];

/// The first yearly edition.
const FIRST_YEARLY: u16 = 2013;
/// The last year an [`Edition`] may name.
const LAST_YEAR: u16 = 2199;

/// An edition of the CDT code set, from CDT-3 (2000) on.
///
/// An edition is named by the year it took effect on 1 January and covers
/// one or more years: CDT-2011/2012 covers 2011 and 2012, CDT 2026 covers
/// 2026. Only real editions can be made: [`Edition::new`] takes the first
/// year of one, and [`Edition::in_force`] maps any year to the edition in
/// force in it. Editions order by time.
///
/// ```
/// use cdt_codes::Edition;
///
/// let edition = Edition::new(2026)?;
/// assert_eq!(edition.to_string(), "CDT 2026");
/// // 2012 is a year of CDT-2011/2012, and the error says so.
/// assert_eq!(Edition::new(2012).unwrap_err().to_string(), "CDT-2011/2012 covers 2012; use 2011");
/// let cdt_2011 = Edition::in_force(2012).unwrap();
/// assert_eq!(cdt_2011.to_string(), "CDT-2011/2012");
/// assert_eq!((cdt_2011.first_year(), cdt_2011.last_year()), (2011, 2012));
/// # Ok::<(), cdt_codes::EditionError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Edition(u16);

impl Edition {
    /// CDT-3, the first edition the crate knows (2000–2002).
    ///
    /// ```
    /// assert_eq!(cdt_codes::Edition::CDT_3.to_string(), "CDT-3");
    /// ```
    pub const CDT_3: Edition = Edition(2000);

    /// The edition that took effect on 1 January of `year`.
    ///
    /// # Errors
    ///
    /// [`EditionError::MidEdition`] when `year` falls inside an edition
    /// that began earlier (2001, 2012, ...): the error names that edition
    /// and its first year. [`EditionError::OutOfRange`] outside 2000 to
    /// 2199. For the edition in force in any year, see
    /// [`Edition::in_force`].
    ///
    /// ```
    /// use cdt_codes::{Edition, EditionError};
    ///
    /// assert_eq!(Edition::new(2024)?.year(), 2024);
    /// assert_eq!(Edition::new(2011)?.to_string(), "CDT-2011/2012");
    /// let error = Edition::new(2006).unwrap_err();
    /// assert_eq!(error, EditionError::MidEdition { year: 2006, in_force: Edition::new(2005)? });
    /// assert_eq!(error.to_string(), "CDT-2005 covers 2006; use 2005");
    /// assert_eq!(Edition::new(1850), Err(EditionError::OutOfRange { year: 1850 }));
    /// # Ok::<(), EditionError>(())
    /// ```
    pub const fn new(year: u16) -> Result<Edition, EditionError> {
        match Edition::in_force(year) {
            Some(edition) if edition.0 == year => Ok(edition),
            Some(in_force) => Err(EditionError::MidEdition { year, in_force }),
            None => Err(EditionError::OutOfRange { year }),
        }
    }

    /// The edition in force during `year`, or `None` before 2000 (the crate
    /// knows no earlier edition) and after 2199.
    ///
    /// ```
    /// use cdt_codes::Edition;
    ///
    /// assert_eq!(Edition::in_force(2001), Edition::new(2000).ok());
    /// assert_eq!(Edition::in_force(2012), Edition::new(2011).ok());
    /// assert_eq!(Edition::in_force(2026), Edition::new(2026).ok());
    /// assert_eq!(Edition::in_force(1999), None);
    /// ```
    #[must_use]
    pub const fn in_force(year: u16) -> Option<Edition> {
        if year >= FIRST_YEARLY && year <= LAST_YEAR {
            return Some(Edition(year));
        }
        let mut index = 0;
        while index < MULTI_YEAR.len() {
            let (first, last, _) = MULTI_YEAR[index];
            if year >= first && year <= last {
                return Some(Edition(first));
            }
            index += 1;
        }
        None
    }

    /// The year the edition took effect (its first year).
    ///
    /// ```
    /// assert_eq!(cdt_codes::Edition::in_force(2008).unwrap().year(), 2007);
    /// ```
    #[must_use]
    pub const fn year(self) -> u16 {
        self.0
    }

    /// The first year the edition was in force; the same as
    /// [`year`](Self::year).
    ///
    /// ```
    /// assert_eq!(cdt_codes::Edition::new(2003).unwrap().first_year(), 2003);
    /// ```
    #[must_use]
    pub const fn first_year(self) -> u16 {
        self.0
    }

    /// The last year the edition was in force: 2002 for CDT-3, the same
    /// year for the yearly editions.
    ///
    /// ```
    /// use cdt_codes::Edition;
    ///
    /// assert_eq!(Edition::CDT_3.last_year(), 2002);
    /// assert_eq!(Edition::new(2020).unwrap().last_year(), 2020);
    /// ```
    #[must_use]
    pub const fn last_year(self) -> u16 {
        match self.multi_year() {
            Some((_, last, _)) => last,
            None => self.0,
        }
    }

    /// The edition after this one, or `None` after 2199.
    ///
    /// ```
    /// use cdt_codes::Edition;
    ///
    /// assert_eq!(Edition::CDT_3.next(), Edition::new(2003).ok());
    /// assert_eq!(Edition::new(2026).unwrap().next(), Edition::new(2027).ok());
    /// ```
    #[must_use]
    pub const fn next(self) -> Option<Edition> {
        if self.last_year() >= LAST_YEAR {
            None
        } else {
            Edition::in_force(self.last_year() + 1)
        }
    }

    /// The edition before this one, or `None` for CDT-3.
    ///
    /// ```
    /// use cdt_codes::Edition;
    ///
    /// assert_eq!(Edition::new(2013).unwrap().previous(), Edition::new(2011).ok());
    /// assert_eq!(Edition::CDT_3.previous(), None);
    /// ```
    #[must_use]
    pub const fn previous(self) -> Option<Edition> {
        Edition::in_force(self.0 - 1)
    }

    /// Every edition from `self` to `last`, both included, oldest first.
    ///
    /// ```
    /// use cdt_codes::Edition;
    ///
    /// let labels: Vec<String> = Edition::CDT_3
    ///     .through(Edition::new(2013).unwrap())
    ///     .map(|e| e.to_string())
    ///     .collect();
    /// assert_eq!(labels.len(), 7);
    /// assert_eq!(labels[6], "CDT 2013");
    /// ```
    #[must_use]
    pub const fn through(self, last: Edition) -> Editions {
        Editions {
            next: Some(self),
            last,
        }
    }

    fn write_label(self, out: &mut impl fmt::Write) -> fmt::Result {
        match self.multi_year() {
            Some((_, _, label)) => out.write_str(label),
            None => write!(out, "CDT {}", self.0),
        }
    }

    const fn multi_year(self) -> Option<(u16, u16, &'static str)> {
        let mut index = 0;
        while index < MULTI_YEAR.len() {
            if MULTI_YEAR[index].0 == self.0 {
                return Some(MULTI_YEAR[index]);
            }
            index += 1;
        }
        None
    }
}

/// The editions from one to another, oldest first: see
/// [`Edition::through`].
///
/// ```
/// let editions = cdt_codes::Edition::CDT_3.through(cdt_codes::Edition::CDT_3);
/// assert_eq!(editions.count(), 1);
/// ```
#[derive(Debug, Clone)]
pub struct Editions {
    next: Option<Edition>,
    last: Edition,
}

impl Iterator for Editions {
    type Item = Edition;

    fn next(&mut self) -> Option<Edition> {
        let current = self.next.filter(|edition| *edition <= self.last)?;
        self.next = current.next();
        Some(current)
    }
}

/// Why a text or number is not a CDT edition.
///
/// ```
/// use cdt_codes::{Edition, EditionError};
///
/// assert_eq!("20x6".parse::<Edition>(), Err(EditionError::Format));
/// let error = "2012".parse::<Edition>().unwrap_err();
/// assert_eq!(error.to_string(), "CDT-2011/2012 covers 2012; use 2011");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum EditionError {
    /// Not a year or an edition label.
    #[error("not a CDT edition: expected its first year or label, such as 2026, CDT 2026, CDT-2011/2012 or CDT-3")]
    Format,
    /// A year in which an edition that began earlier was in force.
    #[error("{in_force} covers {year}; use {}", in_force.year())]
    MidEdition {
        /// The year given.
        year: u16,
        /// The edition in force that year.
        in_force: Edition,
    },
    /// A year before CDT-3 or after 2199.
    #[error("{year} is outside the editions the crate knows (CDT-3 of 2000 to 2199)")]
    OutOfRange {
        /// The year given.
        year: u16,
    },
}

/// The old name of [`EditionError`].
pub type ParseEditionError = EditionError;

impl TryFrom<u16> for Edition {
    type Error = EditionError;

    /// The edition that began in `year`.
    ///
    /// ```
    /// use cdt_codes::Edition;
    ///
    /// assert_eq!(Edition::try_from(2013).unwrap().year(), 2013); // yearly from CDT 2013
    /// let error = Edition::try_from(2010).unwrap_err(); // the second year of CDT-2009/2010
    /// assert_eq!(error.to_string(), "CDT-2009/2010 covers 2010; use 2009");
    /// ```
    fn try_from(year: u16) -> Result<Edition, EditionError> {
        Edition::new(year)
    }
}

impl FromStr for Edition {
    type Err = EditionError;

    /// Parses a first year (`2026`), a label (`CDT 2026`, `CDT-2026`,
    /// `CDT-3`, `CDT-4`, `CDT-2005`, `CDT-2011/2012`, `CDT 2011-2012`), in
    /// any case.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let rest = match trimmed.get(..3) {
            Some(prefix) if prefix.eq_ignore_ascii_case("cdt") => trimmed
                .get(3..)
                .unwrap_or("")
                .trim_start_matches([' ', '-']),
            _ => trimmed,
        };
        match rest {
            "3" => return Ok(Edition(2000)),
            "4" => return Ok(Edition(2003)),
            _ => {}
        }
        let (first, second) = match rest.split_once(['/', '-']) {
            Some((first, second)) => (first, Some(second)),
            None => (rest, None),
        };
        let year = four_digits(first).ok_or(EditionError::Format)?;
        let edition = Edition::try_from(year)?;
        match second {
            None => Ok(edition),
            Some(last) if four_digits(last) == Some(edition.last_year()) && year < LAST_YEAR => {
                if edition.multi_year().is_some() {
                    Ok(edition)
                } else {
                    Err(EditionError::Format)
                }
            }
            Some(_) => Err(EditionError::Format),
        }
    }
}

fn four_digits(text: &str) -> Option<u16> {
    if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

impl fmt::Display for Edition {
    /// The label people use: `CDT-3`, `CDT-2011/2012`, `CDT 2026`. Width
    /// and fill are honoured (`{:>14}`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut label = Label::default();
        self.write_label(&mut label)?;
        f.pad(label.as_str())
    }
}

impl fmt::Debug for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Edition({})", self.0)
    }
}

/// A small stack buffer for a label, so `Display` can pad it.
#[derive(Default)]
pub(crate) struct Label {
    bytes: [u8; 24],
    len: usize,
}

impl Label {
    pub(crate) fn as_str(&self) -> &str {
        core::str::from_utf8(self.bytes.get(..self.len).unwrap_or(&[])).unwrap_or("")
    }
}

impl fmt::Write for Label {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let end = self.len + text.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// When a code entered the code set, as far as the data records it.
///
/// History in the bundled data starts with CDT-3 (2000); a code already in
/// the code set before the first edition the sources cover is recorded as
/// `Before(edition)` rather than with a guessed edition.
///
/// ```
/// use cdt_codes::{Added, Edition};
///
/// let cdt_2005 = Edition::new(2005).unwrap();
/// assert_eq!(Added::Before(cdt_2005).to_string(), "before CDT-2005");
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
    /// assert!(Added::Before(y(2005)).by(y(2000)));
    /// ```
    #[must_use]
    pub const fn by(self, edition: Edition) -> bool {
        match self {
            Added::In(added) => added.0 <= edition.0,
            Added::Before(_) => true,
        }
    }
}

impl FromStr for Added {
    type Err = EditionError;

    /// Parses `2019` (added in CDT 2019) or `<2005` (already present before
    /// CDT-2005).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        match text.strip_prefix('<') {
            Some(rest) => rest.parse().map(Added::Before),
            None => text.parse().map(Added::In),
        }
    }
}

impl fmt::Display for Added {
    /// `CDT 2019` or `before CDT-2005`; width and fill are honoured.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut label = Label::default();
        match self {
            Added::In(edition) => edition.write_label(&mut label)?,
            Added::Before(edition) => {
                fmt::Write::write_str(&mut label, "before ")?;
                edition.write_label(&mut label)?;
            }
        }
        f.pad(label.as_str())
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
        Some(deleted) => deleted.0 <= edition.0,
        None => false,
    };
    added && !deleted
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;

    #[test]
    fn parses_years_and_labels() {
        let year = |text: &str| text.parse::<Edition>().map(Edition::year);
        assert_eq!(year("2026"), Ok(2026));
        assert_eq!(year(" CDT 2019 "), Ok(2019));
        assert_eq!(year("cdt-2019"), Ok(2019));
        assert_eq!(year("CDT-3"), Ok(2000));
        assert_eq!(year("CDT-4"), Ok(2003));
        assert_eq!(year("CDT-2011/2012"), Ok(2011));
        assert_eq!(year("CDT 2011-2012"), Ok(2011));
        assert_eq!(year("2007/2008"), Ok(2007));
        assert_eq!(year("2011/2013"), Err(EditionError::Format));
        assert_eq!(year("2013/2014"), Err(EditionError::Format));
        assert_eq!(year("1850"), Err(EditionError::OutOfRange { year: 1850 }));
        assert!(matches!(year("2004"), Err(EditionError::MidEdition { .. })));
        assert_eq!(year("202"), Err(EditionError::Format));
        assert_eq!(year("+2026"), Err(EditionError::Format));
        assert_eq!(year(""), Err(EditionError::Format));
    }

    #[test]
    fn the_edition_list_is_the_published_one() {
        let all: std::vec::Vec<(u16, u16)> = Edition::CDT_3
            .through(Edition(2015))
            .map(|e| (e.first_year(), e.last_year()))
            .collect();
        assert_eq!(
            all,
            [
                (2000, 2002),
                (2003, 2004),
                (2005, 2006),
                (2007, 2008),
                (2009, 2010),
                (2011, 2012),
                (2013, 2013),
                (2014, 2014),
                (2015, 2015)
            ]
        );
    }

    #[test]
    fn labels_pad() {
        use std::format;
        assert_eq!(format!("{:>15}|", Edition(2011)), "  CDT-2011/2012|");
        assert_eq!(format!("{:<10}|", Edition(2026)), "CDT 2026  |");
        assert_eq!(
            format!("{}", Added::Before(Edition(2005))),
            "before CDT-2005"
        );
    }
}

//! A subcategory heading of a code set.

use core::fmt;

use super::iter::Members;
use super::CodeSet;
use crate::model::category::Category;
use crate::model::record::Heading;

/// A subcategory: a heading inside one category under which the CDT manual
/// lists codes (Endodontics › Apexification/Recalcification, say). Each
/// record names its heading in the data, so headings whose codes interleave
/// by number work, and deleted codes keep the heading they last stood
/// under.
///
/// ```
/// let apexification = cdt_codes::lookup("D3351").unwrap().subcategory().unwrap();
/// assert_eq!(apexification.category(), cdt_codes::Category::Endodontics);
/// assert!(apexification.procedures().any(|p| p.code().to_string() == "D3353"));
/// ```
#[derive(Clone, Copy)]
pub struct Subcategory<'a> {
    set: &'a CodeSet,
    heading: &'a Heading,
}

impl PartialEq for Subcategory<'_> {
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self.set, other.set) && core::ptr::eq(self.heading, other.heading)
    }
}

impl Eq for Subcategory<'_> {}

impl fmt::Debug for Subcategory<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Subcategory")
            .field("category", &self.category())
            .field("name", &self.name())
            .field("confirmed", &self.is_confirmed())
            .finish()
    }
}

impl fmt::Display for Subcategory<'_> {
    /// The heading; width and fill are honoured.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

impl<'a> Subcategory<'a> {
    pub(crate) fn new(set: &'a CodeSet, heading: &'a Heading) -> Subcategory<'a> {
        Subcategory { set, heading }
    }

    /// The heading.
    ///
    /// ```
    /// let sub = cdt_codes::lookup("D0120").unwrap().subcategory().unwrap();
    /// assert_eq!(sub.name(), "Clinical Oral Evaluations");
    /// ```
    #[must_use]
    pub fn name(&self) -> &'a str {
        self.set.text(self.heading.name)
    }

    /// The category that holds the heading.
    ///
    /// ```
    /// let sub = cdt_codes::lookup("D0120").unwrap().subcategory().unwrap();
    /// assert_eq!(sub.category(), cdt_codes::Category::Diagnostic);
    /// ```
    #[must_use]
    pub fn category(&self) -> Category {
        self.heading.category
    }

    /// Whether a public source confirms that the heading exists in its
    /// category under this name (see `data/SOURCES.md`).
    ///
    /// ```
    /// let sub = cdt_codes::lookup("D0120").unwrap().subcategory().unwrap();
    /// assert!(sub.is_confirmed());
    /// ```
    #[must_use]
    pub fn is_confirmed(&self) -> bool {
        self.heading.confirmed
    }

    /// The codes under the heading, in code order, deleted ones included.
    ///
    /// ```
    /// let sub = cdt_codes::lookup("D0120").unwrap().subcategory().unwrap();
    /// assert!(sub.procedures().all(|p| p.subcategory() == Some(sub)));
    /// ```
    #[must_use]
    pub fn procedures(&self) -> Members<'a> {
        let members = self
            .set
            .members
            .get(self.heading.members.range())
            .unwrap_or(&[]);
        Members::new(self.set, members)
    }

    /// How many codes stand under the heading.
    ///
    /// ```
    /// let sub = cdt_codes::lookup("D0120").unwrap().subcategory().unwrap();
    /// assert_eq!(sub.len(), sub.procedures().count());
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.heading.members.len as usize
    }

    /// Whether no code stands under the heading.
    ///
    /// ```
    /// let sub = cdt_codes::lookup("D0120").unwrap().subcategory().unwrap();
    /// assert_eq!((sub.name(), sub.is_empty()), ("Clinical Oral Evaluations", false));
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.heading.members.len == 0
    }

    /// Whether `code` stands under the heading.
    ///
    /// ```
    /// let sub = cdt_codes::lookup("D0120").unwrap().subcategory().unwrap();
    /// assert!(sub.contains("D0150"));
    /// assert!(sub.contains(cdt_codes::CdtCode::new(150).unwrap()));
    /// assert!(!sub.contains("D3353"));
    /// ```
    #[must_use]
    pub fn contains(&self, code: impl crate::model::code::AsCode) -> bool {
        let Ok(code) = code.to_code() else {
            return false;
        };
        self.procedures().any(|procedure| procedure.code() == code)
    }
}

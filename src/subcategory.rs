//! Named ranges of codes inside a category of service.

use core::fmt;
use core::ops::{Range, RangeInclusive};

use crate::category::Category;
use crate::code::CdtCode;
use crate::procedure::Procedure;
use crate::tables;

/// A subcategory: a named range of codes inside one category, as the CDT
/// manual groups them under headings (Endodontics › Apexification/
/// Recalcification, say). The ranges come from `data/subcategories.tsv`.
///
/// ```
/// let apexification = cdt_codes::lookup("D3351").unwrap().subcategory().unwrap();
/// assert_eq!(apexification.category(), cdt_codes::Category::Endodontics);
/// assert!(apexification.procedures().iter().any(|p| p.code().to_string() == "D3353"));
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct Subcategory {
    pub(crate) start: CdtCode,
    pub(crate) end: CdtCode,
    pub(crate) category: Category,
    pub(crate) name: &'static str,
    /// Index range of its records in the procedure table.
    pub(crate) procedures: Range<usize>,
}

impl Subcategory {
    /// The subcategory whose range holds `code`, whether or not the data
    /// defines the code itself.
    ///
    /// ```
    /// use cdt_codes::Subcategory;
    ///
    /// let code = "D3352".parse().unwrap();
    /// let sub = Subcategory::of(code).unwrap();
    /// assert!(sub.name().contains("Apexification"));
    /// assert!(Subcategory::of("D0001".parse().unwrap()).is_none());
    /// ```
    #[must_use]
    pub fn of(code: CdtCode) -> Option<&'static Subcategory> {
        let after = tables::SUBCATEGORIES.partition_point(|sub| sub.start <= code);
        let candidate = tables::SUBCATEGORIES.get(after.checked_sub(1)?)?;
        candidate.contains(code).then_some(candidate)
    }

    /// The heading of the subcategory.
    ///
    /// ```
    /// let sub = cdt_codes::lookup("D0120").unwrap().subcategory().unwrap();
    /// assert!(!sub.name().is_empty());
    /// ```
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The category that holds the subcategory.
    ///
    /// ```
    /// let sub = cdt_codes::lookup("D0120").unwrap().subcategory().unwrap();
    /// assert_eq!(sub.category(), cdt_codes::Category::Diagnostic);
    /// ```
    #[must_use]
    pub const fn category(&self) -> Category {
        self.category
    }

    /// The range of codes, inclusive at both ends.
    ///
    /// ```
    /// let sub = cdt_codes::lookup("D0120").unwrap().subcategory().unwrap();
    /// assert!(sub.range().contains(&"D0120".parse().unwrap()));
    /// ```
    #[must_use]
    pub const fn range(&self) -> RangeInclusive<CdtCode> {
        RangeInclusive::new(self.start, self.end)
    }

    /// Whether `code` lies in the range.
    ///
    /// ```
    /// let sub = cdt_codes::lookup("D0120").unwrap().subcategory().unwrap();
    /// assert!(sub.contains("D0120".parse().unwrap()));
    /// assert!(!sub.contains("D9999".parse().unwrap()));
    /// ```
    #[must_use]
    pub const fn contains(&self, code: CdtCode) -> bool {
        code.number() >= self.start.number() && code.number() <= self.end.number()
    }

    /// Every record in the range, in code order, deleted codes included.
    ///
    /// ```
    /// let sub = cdt_codes::lookup("D0120").unwrap().subcategory().unwrap();
    /// assert!(sub.procedures().iter().all(|p| sub.contains(p.code())));
    /// ```
    #[must_use]
    pub fn procedures(&self) -> &'static [Procedure] {
        tables::PROCEDURES
            .get(self.procedures.clone())
            .unwrap_or(&[])
    }
}

impl fmt::Display for Subcategory {
    /// Writes `Category › Heading`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} \u{203a} {}", self.category, self.name)
    }
}

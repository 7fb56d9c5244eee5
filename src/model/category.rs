//! The categories of service: fixed ranges of the code set.

use core::fmt;
use core::ops::RangeInclusive;

use super::code::CdtCode;

/// Declares `Category` from one list: each variant with its range and the
/// name the code set uses. The enum, `Category::ALL`, the range table and
/// the names all come from it, so they cannot disagree.
macro_rules! categories {
    ($($(#[$doc:meta])* $variant:ident = $first:literal..=$last:literal, $name:literal;)*) => {
        /// A category of service: the ADA groups CDT codes into twelve categories by
        /// number range.
        ///
        /// The ranges are part of the code set's structure, so a category is known
        /// for every well-formed code from `D0100` to `D9999`, defined or not.
        /// Codes below `D0100` belong to no category.
        ///
        /// ```
        /// use cdt_codes::{Category, CdtCode};
        ///
        /// let code: CdtCode = "D3353".parse()?;
        /// assert_eq!(Category::of(code), Some(Category::Endodontics));
        /// assert_eq!(Category::Endodontics.name(), "Endodontics");
        /// assert_eq!(Category::of("D0050".parse()?), None);
        /// # Ok::<(), cdt_codes::ParseCodeError>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Category {
            $($(#[$doc])* $variant,)*
        }

        /// Each category with its first and last code number, its name and
        /// its Rust variant name, in code order.
        const TABLE: [(Category, u16, u16, &str, &str); 12] =
            [$((Category::$variant, $first, $last, $name, stringify!($variant)),)*];

        impl Category {
            /// Every category, in code order.
            ///
            /// ```
            /// use cdt_codes::Category;
            ///
            /// assert_eq!(Category::ALL.len(), 12);
            /// assert_eq!(Category::ALL[0], Category::Diagnostic);
            /// ```
            pub const ALL: [Category; 12] = [$(Category::$variant,)*];
        }
    };
}

categories! {
    /// D0100–D0999.
    Diagnostic = 100..=999, "Diagnostic";
    /// D1000–D1999.
    Preventive = 1000..=1999, "Preventive";
    /// D2000–D2999.
    Restorative = 2000..=2999, "Restorative";
    /// D3000–D3999.
    Endodontics = 3000..=3999, "Endodontics";
    /// D4000–D4999.
    Periodontics = 4000..=4999, "Periodontics";
    /// D5000–D5899: removable prosthodontics.
    ProsthodonticsRemovable = 5000..=5899, "Prosthodontics (removable)";
    /// D5900–D5999.
    MaxillofacialProsthetics = 5900..=5999, "Maxillofacial Prosthetics";
    /// D6000–D6199.
    ImplantServices = 6000..=6199, "Implant Services";
    /// D6200–D6999: fixed prosthodontics.
    ProsthodonticsFixed = 6200..=6999, "Prosthodontics (fixed)";
    /// D7000–D7999.
    OralAndMaxillofacialSurgery = 7000..=7999, "Oral and Maxillofacial Surgery";
    /// D8000–D8999.
    Orthodontics = 8000..=8999, "Orthodontics";
    /// D9000–D9999.
    AdjunctiveGeneralServices = 9000..=9999, "Adjunctive General Services";
}

/// The category of each block of 100 codes (`D0000`–`D0099` has none),
/// built from `TABLE` at compile time.
const BY_HUNDRED: [Option<Category>; 100] = {
    let mut blocks = [None; 100];
    let mut row = 0;
    while row < TABLE.len() {
        let (category, first, last, _, _) = TABLE[row];
        let mut block = first / 100;
        while block <= last / 100 {
            blocks[block as usize] = Some(category);
            block += 1;
        }
        row += 1;
    }
    blocks
};

impl Category {
    /// The category whose range holds `code`, or `None` for `D0000`–`D0099`.
    ///
    /// ```
    /// use cdt_codes::{Category, CdtCode};
    ///
    /// let d5899 = CdtCode::new(5899).unwrap();
    /// let d5900 = CdtCode::new(5900).unwrap();
    /// assert_eq!(Category::of(d5899), Some(Category::ProsthodonticsRemovable));
    /// assert_eq!(Category::of(d5900), Some(Category::MaxillofacialProsthetics));
    /// ```
    #[must_use]
    pub const fn of(code: CdtCode) -> Option<Category> {
        // Every category boundary is a multiple of 100, so the hundreds
        // digit pair decides the category: one table read.
        BY_HUNDRED[(code.number() / 100) as usize]
    }

    /// The category's name as the CDT manual heads it.
    ///
    /// ```
    /// use cdt_codes::Category;
    ///
    /// assert_eq!(Category::ImplantServices.name(), "Implant Services");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        TABLE[self as usize].3
    }

    /// The first code of the category's range.
    ///
    /// ```
    /// use cdt_codes::Category;
    ///
    /// assert_eq!(Category::Preventive.first().to_string(), "D1000");
    /// ```
    #[must_use]
    pub const fn first(self) -> CdtCode {
        code_or_max(TABLE[self as usize].1)
    }

    /// The last code of the category's range.
    ///
    /// ```
    /// use cdt_codes::Category;
    ///
    /// assert_eq!(Category::ImplantServices.last().to_string(), "D6199");
    /// ```
    #[must_use]
    pub const fn last(self) -> CdtCode {
        code_or_max(TABLE[self as usize].2)
    }

    /// The category's range of codes, inclusive at both ends.
    ///
    /// ```
    /// use cdt_codes::{Category, CdtCode};
    ///
    /// let range = Category::Diagnostic.range();
    /// assert!(range.contains(&CdtCode::new(999).unwrap()));
    /// assert!(!range.contains(&CdtCode::new(1000).unwrap()));
    /// ```
    #[must_use]
    pub const fn range(self) -> RangeInclusive<CdtCode> {
        RangeInclusive::new(self.first(), self.last())
    }

    /// Whether `code` lies in this category's range.
    ///
    /// ```
    /// use cdt_codes::{Category, CdtCode};
    ///
    /// assert!(Category::Endodontics.contains(CdtCode::new(3353).unwrap()));
    /// ```
    #[must_use]
    pub const fn contains(self, code: CdtCode) -> bool {
        let number = code.number();
        number >= TABLE[self as usize].1 && number <= TABLE[self as usize].2
    }

    /// The category with this name, ignoring ASCII case and surrounding
    /// whitespace; the Rust variant name (`ProsthodonticsRemovable`) is
    /// accepted too.
    ///
    /// ```
    /// use cdt_codes::Category;
    ///
    /// assert_eq!(Category::from_name("endodontics"), Some(Category::Endodontics));
    /// assert_eq!(
    ///     Category::from_name("Prosthodontics (fixed)"),
    ///     Some(Category::ProsthodonticsFixed)
    /// );
    /// assert_eq!(Category::from_name("Dermatology"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Category> {
        let name = name.trim();
        Category::ALL.into_iter().find(|category| {
            category.name().eq_ignore_ascii_case(name)
                || category.variant_name().eq_ignore_ascii_case(name)
        })
    }

    /// The Rust name of the variant. Serde writes a category as its
    /// [`name`](Self::name) and reads either form.
    ///
    /// ```
    /// use cdt_codes::Category;
    ///
    /// assert_eq!(Category::OralAndMaxillofacialSurgery.variant_name(), "OralAndMaxillofacialSurgery");
    /// ```
    #[must_use]
    pub const fn variant_name(self) -> &'static str {
        TABLE[self as usize].4
    }
}

/// Every number in `TABLE` is at most 9999, so this never falls back.
const fn code_or_max(number: u16) -> CdtCode {
    match CdtCode::new(number) {
        Some(code) => code,
        None => CdtCode::MAX,
    }
}

/// A text that names no category of service.
///
/// ```
/// let error = "Cosmetics".parse::<cdt_codes::Category>().unwrap_err();
/// assert!(error.to_string().contains("Endodontics"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error(
    "not a CDT category of service; the categories are Diagnostic, Preventive, Restorative, \
     Endodontics, Periodontics, Prosthodontics (removable), Maxillofacial Prosthetics, \
     Implant Services, Prosthodontics (fixed), Oral and Maxillofacial Surgery, Orthodontics, \
     Adjunctive General Services"
)]
pub struct UnknownCategory;

impl core::str::FromStr for Category {
    type Err = UnknownCategory;

    /// The same as [`Category::from_name`], with an error that lists the
    /// names.
    fn from_str(text: &str) -> Result<Category, UnknownCategory> {
        Category::from_name(text).ok_or(UnknownCategory)
    }
}

impl fmt::Display for Category {
    /// Writes the category's name, e.g. `Prosthodontics (removable)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_boundary_is_a_multiple_of_100() {
        for (_, first, last, _, _) in TABLE {
            assert_eq!(first % 100, 0);
            assert_eq!(last % 100, 99);
        }
    }

    #[test]
    fn table_rows_follow_variant_order_and_tile_the_range() {
        let mut next = 100;
        for (index, (category, first, last, _, _)) in TABLE.iter().enumerate() {
            assert_eq!(*category as usize, index);
            assert_eq!(Category::ALL[index], *category);
            assert_eq!(*first, next);
            next = last + 1;
        }
        assert_eq!(next, 10_000);
    }
}

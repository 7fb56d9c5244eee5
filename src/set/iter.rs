//! The named iterators of a code set.

use super::{CodeSet, Procedure, Subcategory};
use crate::model::code::CdtCode;
use crate::model::record::{Fact, Heading, Record};

/// Records of a code set in code order: from [`CodeSet::iter`],
/// [`CodeSet::range`] and [`CodeSet::category`].
///
/// ```
/// let all = cdt_codes::iter();
/// assert_eq!(all.len(), cdt_codes::iter().count());
/// ```
#[derive(Debug, Clone)]
pub struct Procedures<'a> {
    set: &'a CodeSet,
    records: core::slice::Iter<'a, Record>,
}

impl<'a> Procedures<'a> {
    pub(crate) fn new(set: &'a CodeSet, records: &'a [Record]) -> Procedures<'a> {
        Procedures {
            set,
            records: records.iter(),
        }
    }
}

impl<'a> Iterator for Procedures<'a> {
    type Item = Procedure<'a>;

    fn next(&mut self) -> Option<Procedure<'a>> {
        self.records
            .next()
            .map(|record| Procedure::new(self.set, record))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.records.size_hint()
    }

    fn nth(&mut self, n: usize) -> Option<Procedure<'a>> {
        self.records
            .nth(n)
            .map(|record| Procedure::new(self.set, record))
    }
}

impl DoubleEndedIterator for Procedures<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.records
            .next_back()
            .map(|record| Procedure::new(self.set, record))
    }
}

impl ExactSizeIterator for Procedures<'_> {}
impl core::iter::FusedIterator for Procedures<'_> {}

/// The codes under one heading, in code order: from
/// [`Subcategory::procedures`].
///
/// ```
/// let sub = cdt_codes::lookup("D0120").unwrap().subcategory().unwrap();
/// let codes: Vec<String> = sub.procedures().map(|p| p.code().to_string()).collect();
/// assert_eq!(codes[..3], ["D0120", "D0140", "D0145"]); // Clinical Oral Evaluations
/// ```
#[derive(Debug, Clone)]
pub struct Members<'a> {
    set: &'a CodeSet,
    indices: core::slice::Iter<'a, u16>,
}

impl<'a> Members<'a> {
    pub(crate) fn new(set: &'a CodeSet, indices: &'a [u16]) -> Members<'a> {
        Members {
            set,
            indices: indices.iter(),
        }
    }

    pub(crate) fn empty(set: &'a CodeSet) -> Members<'a> {
        Members::new(set, &[])
    }
}

impl<'a> Iterator for Members<'a> {
    type Item = Procedure<'a>;

    fn next(&mut self) -> Option<Procedure<'a>> {
        let index = *self.indices.next()?;
        self.set.procedure_at(usize::from(index))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.indices.size_hint()
    }
}

impl DoubleEndedIterator for Members<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let index = *self.indices.next_back()?;
        self.set.procedure_at(usize::from(index))
    }
}

impl ExactSizeIterator for Members<'_> {}

/// Subcategory headings of a code set: from [`CodeSet::subcategories`]
/// and [`CodeSet::subcategories_of`].
///
/// ```
/// assert!(cdt_codes::subcategories().len() > 12);
/// ```
#[derive(Debug, Clone)]
pub struct Subcategories<'a> {
    set: &'a CodeSet,
    headings: core::slice::Iter<'a, Heading>,
}

impl<'a> Subcategories<'a> {
    pub(crate) fn new(set: &'a CodeSet, headings: &'a [Heading]) -> Subcategories<'a> {
        Subcategories {
            set,
            headings: headings.iter(),
        }
    }
}

impl<'a> Iterator for Subcategories<'a> {
    type Item = Subcategory<'a>;

    fn next(&mut self) -> Option<Subcategory<'a>> {
        self.headings
            .next()
            .map(|heading| Subcategory::new(self.set, heading))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.headings.size_hint()
    }
}

impl DoubleEndedIterator for Subcategories<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.headings
            .next_back()
            .map(|heading| Subcategory::new(self.set, heading))
    }
}

impl ExactSizeIterator for Subcategories<'_> {}

/// The records of a deleted code's replacements: from
/// [`Procedure::replacements`].
///
/// ```
/// let replacements = cdt_codes::lookup("D1352").unwrap().replacements();
/// assert_eq!(replacements.map(|p| p.code().to_string()).collect::<Vec<_>>(), ["D2391"]);
/// ```
#[derive(Debug, Clone)]
pub struct Replacements<'a> {
    set: &'a CodeSet,
    codes: core::slice::Iter<'a, CdtCode>,
}

impl<'a> Replacements<'a> {
    pub(crate) fn new(set: &'a CodeSet, codes: &'a [CdtCode]) -> Replacements<'a> {
        Replacements {
            set,
            codes: codes.iter(),
        }
    }
}

impl<'a> Iterator for Replacements<'a> {
    type Item = Procedure<'a>;

    fn next(&mut self) -> Option<Procedure<'a>> {
        let set = self.set;
        self.codes.find_map(|&code| set.get(code))
    }
}

/// The facts of a record that rest on inference: from
/// [`Procedure::unconfirmed`].
///
/// ```
/// let facts = cdt_codes::lookup("D0120").unwrap().unconfirmed();
/// assert!(facts.count() <= cdt_codes::Fact::ALL.len());
/// ```
#[derive(Debug, Clone)]
pub struct Unconfirmed {
    flags: crate::model::record::Unconfirmed,
    next: usize,
}

impl Unconfirmed {
    pub(crate) fn new(flags: crate::model::record::Unconfirmed) -> Unconfirmed {
        Unconfirmed { flags, next: 0 }
    }
}

impl Iterator for Unconfirmed {
    type Item = Fact;

    fn next(&mut self) -> Option<Fact> {
        while let Some(&fact) = Fact::ALL.get(self.next) {
            self.next += 1;
            if self.flags.contains(fact) {
                return Some(fact);
            }
        }
        None
    }
}

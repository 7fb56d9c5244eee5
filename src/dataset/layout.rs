//! Lays a checked [`Dataset`] out as the tables a code set reads: records,
//! headings and search words pointing into shared pools. `build.rs` writes
//! this layout out as Rust; the runtime loader keeps it in memory. One
//! function builds it for both, so a compiled and a loaded set built from
//! the same data hold the same records.

// Record, word and pool indices fit the u16/u32 the tables use: a data set
// has at most 10,000 records and its texts are far below 4 GiB.
#![allow(clippy::cast_possible_truncation)]

use std::collections::{BTreeMap, BTreeSet};
use std::string::{String, ToString};
use std::vec::Vec;

use super::error::{Blame, DataErrorKind, DataErrors};
use super::{Dataset, ProcedureRow};
use crate::model::category::Category;
use crate::model::code::CdtCode;
use crate::model::edition::Edition;
use crate::model::record::{Heading, Record, Span, Unconfirmed, Word, NO_HEADING, NO_RECORD};
use crate::model::words;

/// The tables of one code set, owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Layout {
    pub(crate) edition: Edition,
    pub(crate) records: Vec<Record>,
    pub(crate) text: String,
    pub(crate) codes: Vec<CdtCode>,
    pub(crate) editions: Vec<Edition>,
    pub(crate) headings: Vec<Heading>,
    pub(crate) members: Vec<u16>,
    /// Slot `n` holds the index of code `Dn` in `records`, or `NO_RECORD`.
    pub(crate) index: Vec<u16>,
    /// Per category (in `Category::ALL` order): records and headings.
    pub(crate) categories: [[u16; 4]; 12],
    /// Search words, sorted by text.
    pub(crate) words: Vec<Word>,
    pub(crate) postings: Vec<u16>,
}

impl Layout {
    /// The layout of `data`.
    ///
    /// # Errors
    ///
    /// A record whose code lies in no category: the parser rejects those,
    /// so this is a broken invariant, reported rather than papered over.
    pub(crate) fn of(data: &Dataset) -> Result<Layout, DataErrors> {
        let mut layout = Layout {
            edition: data.edition,
            records: Vec::with_capacity(data.procedures.len()),
            text: String::new(),
            codes: Vec::new(),
            editions: Vec::new(),
            headings: Vec::with_capacity(data.headings.len()),
            members: Vec::new(),
            index: std::vec![NO_RECORD; 10_000],
            categories: [[0; 4]; 12],
            words: Vec::new(),
            postings: Vec::new(),
        };
        let mut members: Vec<Vec<u16>> = std::vec![Vec::new(); data.headings.len()];
        for (position, row) in data.procedures.iter().enumerate() {
            let heading = data.heading_of(row);
            if let Some(list) = heading.and_then(|heading| members.get_mut(heading)) {
                list.push(position as u16);
            }
            let record = layout.record(row, heading)?;
            if let Some(slot) = layout.index.get_mut(usize::from(row.code.number())) {
                *slot = position as u16;
            }
            layout.records.push(record);
        }
        for (heading, list) in data.headings.iter().zip(members) {
            let name = layout.text(&heading.name);
            let start = layout.members.len();
            layout.members.extend(list);
            layout.headings.push(Heading {
                category: heading.category,
                name,
                confirmed: heading.confirmed,
                members: span(start, layout.members.len()),
            });
        }
        for category in Category::ALL {
            let records = &layout.records;
            let headings = &layout.headings;
            layout.categories[category as usize] = [
                records.partition_point(|r| r.code < category.first()) as u16,
                records.partition_point(|r| r.code <= category.last()) as u16,
                headings.partition_point(|h| h.category < category) as u16,
                headings.partition_point(|h| h.category <= category) as u16,
            ];
        }
        layout.word_index(data);
        Ok(layout)
    }

    fn record(&mut self, row: &ProcedureRow, heading: Option<usize>) -> Result<Record, DataErrors> {
        let Some(category) = Category::of(row.code) else {
            let error = Blame { file: "(data set)" }.line(
                row.line,
                &row.code.to_string(),
                DataErrorKind::OutsideCategories,
            );
            return Err(DataErrors::from(std::vec![error]));
        };
        let mut unconfirmed = Unconfirmed::default();
        for fact in &row.unconfirmed {
            unconfirmed.insert(*fact);
        }
        let start = self.codes.len();
        self.codes.extend(&row.replaced_by);
        let replaced_by = span(start, self.codes.len());
        let start = self.editions.len();
        self.editions.extend(&row.revised_in);
        let revised_in = span(start, self.editions.len());
        Ok(Record {
            code: row.code,
            category,
            heading: heading.map_or(NO_HEADING, |index| index as u16),
            description: self.text(&row.description),
            nomenclature: row.nomenclature.as_deref().map(|text| self.text(text)),
            descriptor: row.descriptor.as_deref().map(|text| self.text(text)),
            added: row.added,
            deleted_in: row.deleted_in,
            effective: row.effective,
            replaced_by,
            revised_in,
            unconfirmed,
            reporting: row.reporting,
        })
    }

    fn text(&mut self, value: &str) -> Span {
        let start = self.text.len();
        self.text.push_str(value);
        span(start, self.text.len())
    }

    /// Every distinct word of the descriptions and nomenclature, sorted,
    /// each with the sorted indices of the records that contain it.
    fn word_index(&mut self, data: &Dataset) {
        let mut postings: BTreeMap<String, BTreeSet<u16>> = BTreeMap::new();
        for (index, row) in data.procedures.iter().enumerate() {
            let texts =
                std::iter::once(row.description.as_str()).chain(row.nomenclature.as_deref());
            for word in texts.flat_map(words::split) {
                let mut buffer = [0u8; words::MAX_WORD_BYTES];
                if let Some(lower) = words::lower(word, &mut buffer) {
                    postings
                        .entry(lower.into())
                        .or_default()
                        .insert(index as u16);
                }
            }
        }
        for (word, set) in postings {
            let text = self.text(&word);
            let start = self.postings.len();
            self.postings.extend(set);
            self.words.push(Word {
                text,
                postings: span(start, self.postings.len()),
            });
        }
    }

    /// The text of a span of the pool (the code generator's comments).
    #[allow(dead_code)] // used by build.rs only
    pub(crate) fn text_of(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

fn span(start: usize, end: usize) -> Span {
    Span {
        start: start as u32,
        len: (end - start) as u32,
    }
}

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
use super::synonyms::{search_words, SynonymRow};
use super::{Dataset, ProcedureRow};
use crate::model::category::Category;
use crate::model::code::CdtCode;
use crate::model::edition::Edition;
use crate::model::record::{
    Heading, Record, Span, Synonym, Unconfirmed, Word, NO_HEADING, NO_RECORD,
};
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
    /// Search words (stems), sorted by text.
    pub(crate) words: Vec<Word>,
    pub(crate) postings: Vec<u16>,
    /// The search vocabulary, sorted by term.
    pub(crate) synonyms: Vec<Synonym>,
}

impl Layout {
    /// The layout of `data` with the bundled search vocabulary.
    ///
    /// # Errors
    ///
    /// A record whose code lies in no category: the parser rejects those,
    /// so this is a broken invariant, reported rather than papered over.
    pub(crate) fn of(data: &Dataset) -> Result<Layout, DataErrors> {
        // The build checks the bundled file, so it always parses here.
        let synonyms = super::bundled_synonyms().unwrap_or_default();
        Layout::with_synonyms(data, &synonyms)
    }

    /// The layout of `data` with the search vocabulary `synonyms`.
    ///
    /// # Errors
    ///
    /// As [`Layout::of`].
    pub(crate) fn with_synonyms(
        data: &Dataset,
        synonyms: &[SynonymRow],
    ) -> Result<Layout, DataErrors> {
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
            synonyms: Vec::new(),
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
        layout.vocabulary(synonyms);
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

    /// Every distinct search word (stem) of the records, sorted, each with
    /// the records whose description or nomenclature holds it, the records
    /// whose heading, category name or descriptor holds it, and its weight
    /// (rarity).
    #[allow(clippy::cast_sign_loss, clippy::cast_precision_loss)]
    fn word_index(&mut self, data: &Dataset) {
        let mut postings: BTreeMap<String, [BTreeSet<u16>; 2]> = BTreeMap::new();
        for (index, row) in data.procedures.iter().enumerate() {
            let strong =
                std::iter::once(row.description.as_str()).chain(row.nomenclature.as_deref());
            let heading = data
                .heading_of(row)
                .and_then(|at| data.headings.get(at))
                .map(|heading| heading.name.as_str());
            let category = Category::of(row.code).map(Category::name);
            let weak = heading
                .into_iter()
                .chain(category)
                .chain(row.descriptor.as_deref());
            for (field, texts) in [(0, strong.collect::<Vec<_>>()), (1, weak.collect())] {
                for text in texts {
                    words::for_each_stem(text, |stem| {
                        let entry = postings.entry(stem.into()).or_default();
                        entry[field].insert(index as u16);
                    });
                }
            }
        }
        let records = data.procedures.len() as f64;
        for (word, [strong, weak]) in postings {
            let holding = strong.union(&weak).count() as f64;
            let idf = (1.0 + (records - holding + 0.5) / (holding + 0.5)).ln();
            let text = self.text(&word);
            let start = self.postings.len();
            self.postings.extend(strong);
            let postings = span(start, self.postings.len());
            let start = self.postings.len();
            self.postings.extend(weak);
            self.words.push(Word {
                text,
                postings,
                weak: span(start, self.postings.len()),
                // At most 100 ln(1 + 2N) for N <= 10,000 records: below 1,100.
                weight: (idf * 100.0).round().max(1.0) as u16,
            });
        }
    }

    /// The vocabulary as search words, sorted by term; terms whose
    /// expansion is the term itself are left out, as are repeats.
    fn vocabulary(&mut self, rows: &[SynonymRow]) {
        let mut terms: BTreeMap<String, String> = BTreeMap::new();
        for row in rows {
            let (term, expansion) = (search_words(&row.term), search_words(&row.expansion));
            if !term.is_empty() && !expansion.is_empty() && term != expansion {
                terms.entry(term).or_insert(expansion);
            }
        }
        for (term, expansion) in terms {
            let term = self.text(&term);
            let expansion = self.text(&expansion);
            self.synonyms.push(Synonym { term, expansion });
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

//! Lays a checked [`Dataset`] out as the tables a code set reads: records,
//! headings and search words pointing into shared pools. `build.rs` writes
//! this layout out as Rust; the runtime loader keeps it in memory. One
//! function builds it for both, so a compiled and a loaded set built from
//! the same data hold the same records.

// Record, word and pool indices fit the u16/u32 the tables use: a data set
// has at most 10,000 records and its texts are far below 4 GiB.
#![allow(clippy::cast_possible_truncation)]

use std::string::{String, ToString};
use std::vec::Vec;

use super::error::{Blame, DataErrorKind, DataErrors};
use super::synonyms::{search_words, SynonymRow};
use super::{Dataset, ProcedureRow};
use crate::model::category::Category;
use crate::model::code::CdtCode;
use crate::model::edition::{in_force, Edition};
use crate::model::record::{
    Heading, PhraseHit, Record, Span, Succession, Synonym, Unconfirmed, Word, NO_HEADING, NO_RECORD,
};
use crate::search::index;

/// Declares `Layout` with a `Vec` of each table `tables!` lists
/// (`src/set/tables.rs`), and its empty value.
macro_rules! layout {
    ($($(#[doc = $doc:literal])* $field:ident: $row:ty => $static:ident, $write:ident;)*) => {
        /// The tables of one code set, owned.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub(crate) struct Layout {
            pub(crate) edition: Edition,
            /// Every text the tables point into.
            pub(crate) text: String,
            /// Per category (in `Category::ALL` order): records and headings.
            pub(crate) categories: [[u16; 4]; 12],
            $($(#[doc = $doc])* pub(crate) $field: Vec<$row>,)*
        }

        impl Layout {
            /// No tables yet, for `edition`.
            fn empty(edition: Edition) -> Layout {
                Layout {
                    edition,
                    text: String::new(),
                    categories: [[0; 4]; 12],
                    $($field: Vec::new(),)*
                }
            }
        }
    };
}

tables!(layout);

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
        let mut layout = Layout::empty(data.edition);
        layout.records.reserve(data.procedures.len());
        layout.headings.reserve(data.headings.len());
        layout.index = std::vec![NO_RECORD; 10_000];
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
                members: Span::between(start, layout.members.len()),
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
        layout.search_index(data, synonyms)?;
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
        let replaced_by = Span::between(start, self.codes.len());
        let start = self.editions.len();
        self.editions.extend(&row.revised_in);
        let revised_in = Span::between(start, self.editions.len());
        let succession = row.succession.as_ref().map(|found| {
            let start = self.codes.len();
            self.codes.extend(&found.successors);
            Succession {
                kind: found.kind,
                codes: Span::between(start, self.codes.len()),
                source: self.text(&found.source),
                note: self.text(&found.note),
            }
        });
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
            succession,
        })
    }

    fn text(&mut self, value: &str) -> Span {
        let start = self.text.len();
        self.text.push_str(value);
        Span::between(start, self.text.len())
    }

    /// The search index of the records and the vocabulary (see
    /// `search::index`): each record's description and nomenclature, and
    /// its heading, category name and descriptor.
    fn search_index(&mut self, data: &Dataset, synonyms: &[SynonymRow]) -> Result<(), DataErrors> {
        let mut builder = index::Builder::default();
        for (record, row) in data.procedures.iter().enumerate() {
            let record = record as u16;
            let active = in_force(row.added, row.deleted_in, data.edition);
            builder.record(row.code.number(), active);
            let text = std::iter::once(row.description.as_str()).chain(row.nomenclature.as_deref());
            for text in text {
                builder.add(record, index::IN_TEXT, text);
            }
            let heading = data
                .heading_of(row)
                .and_then(|at| data.headings.get(at))
                .map(|heading| heading.name.as_str());
            let category = Category::of(row.code).map(Category::name);
            let context = heading
                .into_iter()
                .chain(category)
                .chain(row.descriptor.as_deref());
            for text in context {
                builder.add(record, index::IN_CONTEXT, text);
            }
        }
        let terms = synonyms
            .iter()
            .map(|row| (search_words(&row.term), search_words(&row.expansion)));
        let built =
            builder
                .build(terms, &mut self.text)
                .map_err(|index::TooManyWords(words)| {
                    let error = Blame { file: "(data set)" }.line(
                        0,
                        "",
                        DataErrorKind::TooManyIndexWords { words },
                    );
                    DataErrors::from(std::vec![error])
                })?;
        let index::Built {
            words,
            postings,
            marks,
            word_slots,
            slip_starts,
            slip_words,
            synonyms,
            term_slots,
            phrases,
            ranks,
        } = built;
        self.words = words;
        self.postings = postings;
        self.marks = marks;
        self.word_slots = word_slots;
        self.slip_starts = slip_starts;
        self.slip_words = slip_words;
        self.synonyms = synonyms;
        self.term_slots = term_slots;
        self.phrases = phrases;
        self.ranks = ranks;
        Ok(())
    }

    /// The text of a span of the pool (for the code writer in `build.rs`).
    #[allow(dead_code)]
    pub(crate) fn text_of(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

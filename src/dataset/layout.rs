//! Lays a checked [`Dataset`] out as the tables a code set reads: records,
//! headings and search words pointing into shared pools. `build.rs` writes
//! this layout out as Rust; the runtime loader keeps it in memory. One
//! function builds it for both, so a compiled and a loaded set built from
//! the same data hold the same records.

// Record, word and pool indices fit the u16/u32 the tables use: a data set
// has at most 10,000 records and its texts are far below 4 GiB.
#![allow(clippy::cast_possible_truncation)]

use std::collections::BTreeMap;
use std::string::{String, ToString};
use std::vec::Vec;

use super::error::{Blame, DataErrorKind, DataErrors};
use super::synonyms::{search_words, SynonymRow};
use super::{Dataset, ProcedureRow};
use crate::model::category::Category;
use crate::model::code::CdtCode;
use crate::model::edition::Edition;
use crate::model::record::{
    Heading, PhraseHit, Record, Span, Succession, Synonym, Unconfirmed, Word, NO_HEADING, NO_RECORD,
};
use crate::model::{lexicon, words};

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
        layout.word_index(data)?;
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
        let succession = row.succession.as_ref().map(|found| {
            let start = self.codes.len();
            self.codes.extend(&found.successors);
            Succession {
                kind: found.kind,
                codes: span(start, self.codes.len()),
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
        span(start, self.text.len())
    }

    /// Every distinct search word (stem) of the records, sorted, each with
    /// its postings (the records that hold it and in which fields) and its
    /// weight (rarity); and the hash table that finds a word by its text.
    #[allow(clippy::cast_sign_loss, clippy::cast_precision_loss)]
    fn word_index(&mut self, data: &Dataset) -> Result<(), DataErrors> {
        // Record indices fit a posting: codes are unique and D0100-D9999,
        // so there are fewer than 10,000 records.
        const _: () = assert!(lexicon::MAX_RECORDS > 10_000);
        let mut postings: BTreeMap<String, BTreeMap<u16, u16>> = BTreeMap::new();
        for (index, row) in data.procedures.iter().enumerate() {
            let text = std::iter::once(row.description.as_str()).chain(row.nomenclature.as_deref());
            let heading = data
                .heading_of(row)
                .and_then(|at| data.headings.get(at))
                .map(|heading| heading.name.as_str());
            let category = Category::of(row.code).map(Category::name);
            let context = heading
                .into_iter()
                .chain(category)
                .chain(row.descriptor.as_deref());
            for (field, texts) in [
                (lexicon::IN_TEXT, text.collect::<Vec<_>>()),
                (lexicon::IN_CONTEXT, context.collect()),
            ] {
                for text in texts {
                    words::for_each_stem(text, |stem| {
                        let fields = postings.entry(stem.into()).or_default();
                        *fields.entry(index as u16).or_default() |= field;
                    });
                }
            }
        }
        let records = data.procedures.len() as f64;
        for (word, fields) in postings {
            let holding = fields.len() as f64;
            let idf = (1.0 + (records - holding + 0.5) / (holding + 0.5)).ln();
            let text = self.text(&word);
            let start = self.postings.len();
            self.postings.extend(
                fields
                    .into_iter()
                    .map(|(record, fields)| lexicon::posting(record, fields)),
            );
            self.words.push(Word {
                text,
                postings: span(start, self.postings.len()),
                // At most 100 ln(1 + 2N) for N <= 10,000 records: below 1,100.
                weight: (idf * 100.0).round().max(1.0) as u16,
            });
        }
        let keys = self
            .words
            .iter()
            .map(|word| self.text_of(word.text).as_bytes());
        self.word_slots = hash_table(keys).ok_or_else(|| {
            let error = Blame { file: "(data set)" }.line(
                0,
                "",
                DataErrorKind::TooManyIndexWords {
                    words: self.words.len(),
                },
            );
            DataErrors::from(std::vec![error])
        })?;
        self.slip_index();
        Ok(())
    }

    /// Files every word of at least `lexicon::MIN_SLIP_WORD` bytes under
    /// the buckets of its forms (see `lexicon::for_each_form`), each word
    /// once per bucket; about four words to a bucket.
    fn slip_index(&mut self) {
        let mut filed: Vec<(usize, u16)> = Vec::new();
        let mut forms = Vec::new();
        for (position, word) in self.words.iter().enumerate() {
            let text = self.text_of(word.text).as_bytes();
            if text.len() >= lexicon::MIN_SLIP_WORD {
                lexicon::for_each_form(text, |hash| forms.push((hash, position as u16)));
            }
        }
        let buckets = (forms.len() / 4).next_power_of_two().max(1);
        filed.extend(
            forms
                .iter()
                .map(|&(hash, position)| (lexicon::bucket(hash, buckets), position)),
        );
        filed.sort_unstable();
        filed.dedup();
        self.slip_starts = std::vec![0; buckets + 1];
        for &(bucket, _) in &filed {
            self.slip_starts[bucket + 1] += 1;
        }
        for bucket in 0..buckets {
            self.slip_starts[bucket + 1] += self.slip_starts[bucket];
        }
        self.slip_words = filed.into_iter().map(|(_, position)| position).collect();
    }

    /// The vocabulary as search words, sorted by term; terms whose
    /// expansion is the term itself are left out, as are repeats. Each
    /// term's and expansion's words are also found in the word list once
    /// here, and the terms get a hash table.
    fn vocabulary(&mut self, rows: &[SynonymRow]) {
        let mut terms: BTreeMap<String, String> = BTreeMap::new();
        for row in rows {
            let (term, expansion) = (search_words(&row.term), search_words(&row.expansion));
            if !term.is_empty() && !expansion.is_empty() && term != expansion {
                terms.entry(term).or_insert(expansion);
            }
        }
        for (term, expansion) in terms {
            let term_hits = self.phrase(&term, lexicon::EXACT);
            let expansion_hits = self.phrase(&expansion, lexicon::RELATED);
            let term = self.text(&term);
            let expansion = self.text(&expansion);
            self.synonyms.push(Synonym {
                term,
                expansion,
                term_hits,
                expansion_hits,
            });
        }
        let keys = self
            .synonyms
            .iter()
            .map(|synonym| self.text_of(synonym.term).as_bytes());
        // A vocabulary file is far below 65,534 terms: it is read whole.
        self.term_slots = hash_table(keys).unwrap_or_default();
    }

    /// The records that hold every word of `stems` (joined by spaces) and
    /// their points as a match of `grade`, as a run of the phrase pool:
    /// what search would find walking the words' postings side by side.
    /// Empty when the index lacks one of the words.
    fn phrase(&mut self, stems: &str, grade: u32) -> Span {
        let mut lists = Vec::new();
        for stem in stems.split(' ') {
            let found = self
                .words
                .binary_search_by(|word| self.text_of(word.text).cmp(stem));
            let Some(word) = found.ok().and_then(|at| self.words.get(at)) else {
                return Span::default();
            };
            let points = lexicon::field_points(word.weight, u16::MAX, grade);
            lists.push((&self.postings[word.postings.range()], points));
        }
        let mut hits = Vec::new();
        lexicon::for_each_common(&mut lists, |record, points| {
            hits.push(PhraseHit { record, points });
        });
        let start = self.phrases.len();
        self.phrases.extend(hits);
        span(start, self.phrases.len())
    }

    /// The text of a span of the pool.
    pub(crate) fn text_of(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// The hash table (see `lexicon`) of `keys`: each slot holds a key's
/// position or `lexicon::EMPTY`. `None` when there are too many keys for
/// `u16` positions.
fn hash_table<'k>(keys: impl ExactSizeIterator<Item = &'k [u8]>) -> Option<Vec<u16>> {
    let count = keys.len();
    if count >= usize::from(lexicon::EMPTY) {
        return None;
    }
    let size = (2 * count).next_power_of_two().max(8);
    let mut table = std::vec![lexicon::EMPTY; size];
    for (position, key) in keys.enumerate() {
        let mut at = lexicon::start(lexicon::hash(key), size);
        while table.get(at).is_some_and(|&slot| slot != lexicon::EMPTY) {
            at = (at + 1) & (size - 1);
        }
        *table.get_mut(at)? = u16::try_from(position).ok()?;
    }
    Some(table)
}

fn span(start: usize, end: usize) -> Span {
    Span {
        start: start as u32,
        len: (end - start) as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_nothing_else() {
        let keys = ["crown", "root", "canal", "molar", "root canal", "", "a"];
        let table = hash_table(keys.iter().map(|key| key.as_bytes())).unwrap();
        assert_eq!(table.len(), 16);
        let key_of = |entry: u16| keys[usize::from(entry)].as_bytes();
        for (position, key) in keys.iter().enumerate() {
            assert_eq!(
                lexicon::find(&table, key.as_bytes(), key_of),
                Some(position as u16)
            );
        }
        for missing in ["crowns", "roo", "b", "root  canal"] {
            assert_eq!(lexicon::find(&table, missing.as_bytes(), key_of), None);
        }
        assert_eq!(lexicon::find(&[], b"crown", key_of), None);
    }
}

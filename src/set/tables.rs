//! The tables of a code set, declared once.
//!
//! `tables!` lists every pooled table a code set holds; the code that
//! needs the list takes it from here instead of spelling it again:
//!
//! - `CodeSet`'s fields (`src/set/mod.rs`: a `Pool` of each);
//! - `Layout`'s fields, which the build and the runtime loader fill
//!   (`src/dataset/layout.rs`: a `Vec` of each);
//! - a loaded set made from a layout (`src/set/loaded.rs`);
//! - the statics `build.rs` writes and the compiled set that borrows them
//!   (`build/codegen.rs`).
//!
//! `build.rs` includes this file by path, as it does the model and the
//! data parser. A table's rows are written out as Rust by their
//! `Literal` impl (`build/literal.rs`); a new table is one line here, a
//! builder in the layout, and (for a new row type) its `Literal`.
//!
//! The set's edition, its text pool and the per-category bounds are not
//! pools of rows, so each of those places names them itself.

/// Calls the macro `$then` with every pooled table, in the order the build
/// writes them: its docs, its field, the type of its rows, the static the
/// build writes it to, and the `build/codegen.rs` writer that lays the
/// static out (`rows`: one row a line; `list`: sixteen a line; `slots`: a
/// hash table; `code_index`: the code index).
macro_rules! tables {
    ($then:ident) => {
        $then! {
            /// Every record, sorted by code.
            records: Record => RECORDS, rows;
            /// The codes of the records' replacements and successors, one
            /// run per record.
            codes: CdtCode => CODES, list;
            /// The editions that revised each record, one run per record.
            editions: Edition => EDITIONS, list;
            /// The subcategory headings, in category order.
            headings: Heading => HEADINGS, rows;
            /// The records under each heading, one run per heading.
            members: u16 => MEMBERS, list;
            /// Slot `n` holds the index in the records of code `Dn`, or
            /// `NO_RECORD`: a perfect hash whose hash function is the
            /// identity.
            index: u16 => CODE_INDEX, code_index;
            /// The search words (stems), sorted by text.
            words: Word => WORDS, rows;
            /// Postings (record << 2 | fields, see `search::index`), one
            /// run per word.
            postings: u16 => POSTINGS, list;
            /// Bit sets of the records in force that hold a common word
            /// (see `search::index::Marks`), two per such word.
            marks: u64 => MARKS, list;
            /// A hash table (see `search::index`) from a word's text to its
            /// position in the words.
            word_slots: u16 => WORD_SLOTS, slots;
            /// The slip index (see `search::index`): per bucket,
            /// where its words start in the slip words.
            slip_starts: u32 => SLIP_STARTS, list;
            /// The slip index: word positions, bucket after bucket.
            slip_words: u16 => SLIP_WORDS, list;
            /// The search vocabulary, sorted by term.
            synonyms: Synonym => SYNONYMS, rows;
            /// A hash table from a vocabulary term's text to its position
            /// in the vocabulary.
            term_slots: u16 => TERM_SLOTS, slots;
            /// The records each vocabulary term and expansion matches,
            /// with their points.
            phrases: PhraseHit => PHRASES, list;
            /// Per record, what search ranks it by besides its points:
            /// whether it is in force and its commonness tier (see
            /// `search::index::rank_of`).
            ranks: u8 => RANKS, list;
        }
    };
}

//! Reads the search vocabulary (`data/synonyms.tsv`): terms of the trade,
//! each with the words of the descriptions it stands for.
//!
//! A term and its expansion are compared as search words (lower case,
//! stems, number words as digits), so `Crowns` and `crown` are one term.
//! The search index keeps every term of several words (one that is its own
//! expansion, `fluoride varnish`, makes its words one term) and every
//! one-word term whose expansion differs from it.

use std::string::String;
use std::vec::Vec;

use super::error::{Blame, DataError, DataErrorKind};
use super::{read_table, DataErrors, Source};
use crate::model::words;

/// The bundled vocabulary, as shipped in `data/synonyms.tsv`.
pub(crate) const BUNDLED_SYNONYMS: &str = include_str!("../../data/synonyms.tsv");
/// The name the bundled vocabulary is reported under.
pub(crate) const BUNDLED_SYNONYMS_NAME: &str = "data/synonyms.tsv";

/// The most search words a term may have.
///
/// ```
/// assert_eq!(cdt_codes::dataset::MAX_TERM_WORDS, 6);
/// ```
pub const MAX_TERM_WORDS: usize = words::MAX_TERM_WORDS;

/// One row of a vocabulary file: a term a biller types and the words of
/// the descriptions it means.
///
/// ```
/// let rows = cdt_codes::dataset::bundled_synonyms()?;
/// let srp = rows.iter().find(|row| row.term == "srp").unwrap();
/// assert_eq!(srp.expansion, "scaling root planing");
/// # Ok::<(), cdt_codes::dataset::DataErrors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SynonymRow {
    /// The line the row is on.
    pub line: usize,
    /// The term as written (`srp`, `night guard`, `x-ray`).
    pub term: String,
    /// The words every matching description holds (`scaling root planing`).
    pub expansion: String,
    /// What the term means, for the reviewer.
    pub note: String,
}

impl SynonymRow {
    /// The term as search words: stems joined by single spaces.
    ///
    /// ```
    /// let rows = cdt_codes::dataset::parse_synonyms(cdt_codes::dataset::Source::new(
    ///     "s.tsv",
    ///     b"term\texpansion\tnote\nNight-Guards\tocclusal guard\tx\n",
    /// ))?;
    /// assert_eq!(rows[0].search_term(), "night guard");
    /// # Ok::<(), cdt_codes::dataset::DataErrors>(())
    /// ```
    #[must_use]
    pub fn search_term(&self) -> String {
        search_words(&self.term)
    }

    /// The expansion as search words: stems joined by single spaces.
    ///
    /// ```
    /// let rows = cdt_codes::dataset::parse_synonyms(cdt_codes::dataset::Source::new(
    ///     "s.tsv",
    ///     b"term\texpansion\tnote\nbwx\tfour bitewings\tx\n",
    /// ))?;
    /// assert_eq!(rows[0].search_expansion(), "4 bitew");
    /// # Ok::<(), cdt_codes::dataset::DataErrors>(())
    /// ```
    #[must_use]
    pub fn search_expansion(&self) -> String {
        search_words(&self.expansion)
    }
}

/// `text` as search words joined by single spaces.
pub(crate) fn search_words(text: &str) -> String {
    let mut out = String::new();
    words::for_each_stem(text, |stem| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(stem);
    });
    out
}

const HEADER: [&str; 3] = ["term", "expansion", "note"];

/// The bundled vocabulary, parsed and checked.
///
/// # Errors
///
/// Never for a released crate (the build checks the same file).
///
/// ```
/// let rows = cdt_codes::dataset::bundled_synonyms()?;
/// assert!(rows.iter().any(|row| row.term == "fmx"));
/// # Ok::<(), cdt_codes::dataset::DataErrors>(())
/// ```
pub fn bundled_synonyms() -> Result<Vec<SynonymRow>, DataErrors> {
    parse_synonyms(Source::new(
        BUNDLED_SYNONYMS_NAME,
        BUNDLED_SYNONYMS.as_bytes(),
    ))
}

/// Reads and checks a vocabulary file: a header naming `term`,
/// `expansion` and (optionally) `note`, then one term a row.
///
/// # Errors
///
/// Every problem found, with file, line and column: a missing column, an
/// empty term or expansion, one without search words or with more than
/// [`MAX_TERM_WORDS`], and a term that is the same search words as an
/// earlier one (`crowns` after `crown`).
///
/// ```
/// use cdt_codes::dataset::{parse_synonyms, Source};
///
/// let file = "term\texpansion\tnote\nsrp\tscaling root planing\t\nSRP\tdeep\t\n";
/// let errors = parse_synonyms(Source::new("synonyms.tsv", file.as_bytes())).unwrap_err();
/// assert_eq!(
///     errors[0].to_string(),
///     "synonyms.tsv:3:1: column `term`: \"SRP\" is the same search term as line 2"
/// );
/// ```
pub fn parse_synonyms(source: Source<'_>) -> Result<Vec<SynonymRow>, DataErrors> {
    let mut errors = Vec::new();
    let rows = read_table(source, &mut errors)
        .map(|table| parse(Blame { file: source.name }, &table, &mut errors));
    match rows {
        Some(rows) if errors.is_empty() => Ok(rows),
        _ => Err(DataErrors::from(errors)),
    }
}

fn parse(
    blame: Blame<'_>,
    table: &super::table::Table,
    errors: &mut Vec<DataError>,
) -> Vec<SynonymRow> {
    let position = |wanted: &str| table.position_of(wanted);
    let (Some(term_at), Some(expansion_at)) = (position(HEADER[0]), position(HEADER[1])) else {
        let column = if position(HEADER[0]).is_none() {
            HEADER[0]
        } else {
            HEADER[1]
        };
        errors.push(blame.line(
            table.header.line,
            &table.header.fields.join(" | "),
            DataErrorKind::MissingColumn { column },
        ));
        return Vec::new();
    };
    let note_at = position(HEADER[2]);
    let mut rows: Vec<SynonymRow> = Vec::new();
    let mut keys: Vec<(String, usize)> = Vec::new();
    for row in &table.rows {
        let field = |at: usize| row.fields.get(at).map_or("", |text| text.trim());
        let mut fine = true;
        for (at, name) in [(term_at, HEADER[0]), (expansion_at, HEADER[1])] {
            let value = field(at);
            let count = words::tokens(value).count();
            let kind = if value.is_empty() {
                DataErrorKind::EmptyField
            } else if count == 0 {
                DataErrorKind::NoSearchWords
            } else if count > MAX_TERM_WORDS {
                DataErrorKind::TooManySearchWords {
                    max: MAX_TERM_WORDS,
                }
            } else {
                continue;
            };
            errors.push(blame.field(row.line, at, name, value, kind));
            fine = false;
        }
        if !fine {
            continue;
        }
        let key = search_words(field(term_at));
        if let Some((_, first_line)) = keys.iter().find(|(seen, _)| *seen == key) {
            errors.push(blame.field(
                row.line,
                term_at,
                HEADER[0],
                field(term_at),
                DataErrorKind::DuplicateTerm {
                    first_line: *first_line,
                },
            ));
            continue;
        }
        keys.push((key, row.line));
        rows.push(SynonymRow {
            line: row.line,
            term: field(term_at).into(),
            expansion: field(expansion_at).into(),
            note: note_at.map_or("", field).into(),
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(file: &str) -> std::vec::Vec<std::string::String> {
        parse_synonyms(Source::new("s.tsv", file.as_bytes()))
            .unwrap_err()
            .iter()
            .map(std::string::ToString::to_string)
            .collect()
    }

    #[test]
    fn bad_rows_are_pinned_to_line_and_column() {
        let found = errors(
            "term\texpansion\tnote\n\
             fmx\tfull mouth series\tok\n\
             \tbitewing\tempty term\n\
             bwx\t---\tno words\n\
             a b c d e f g\tx\ttoo long\n\
             FMX\tfull mouth\tsame term\n",
        );
        assert_eq!(
            found,
            [
                "s.tsv:3:1: column `term`: value is empty but required",
                "s.tsv:4:2: column `expansion`: \"---\" has no search words (letters or digits)",
                "s.tsv:5:1: column `term`: \"a b c d e f g\" has more than 6 search words",
                "s.tsv:6:1: column `term`: \"FMX\" is the same search term as line 2",
            ]
        );
        assert_eq!(
            errors("term\tnote\nx\ty\n"),
            ["s.tsv:1: no `expansion` column in the header row \"term | note\""]
        );
    }

    /// Every expansion is made of words of the descriptions, and all of
    /// them together describe at least one code in force.
    #[test]
    fn every_expansion_matches_a_code_in_force() {
        use crate::search::index;
        let data = super::super::Dataset::bundled().unwrap();
        let layout = super::super::Layout::of(&data).unwrap();
        let postings = |stem: &str| -> Option<std::collections::BTreeSet<u16>> {
            let word = layout
                .words
                .iter()
                .find(|word| layout.text_of(word.text) == stem)?;
            // The records whose description or nomenclature holds it.
            Some(
                layout.postings[word.postings.range()]
                    .iter()
                    .filter(|&&posting| index::fields_of(posting) & index::IN_TEXT != 0)
                    .map(|&posting| index::record_of(posting))
                    .collect(),
            )
        };
        for row in bundled_synonyms().unwrap() {
            let expansion = row.search_expansion();
            let mut records: Option<std::collections::BTreeSet<u16>> = None;
            for stem in expansion.split(' ') {
                let Some(found) = postings(stem) else {
                    panic!("line {}: {stem:?} is in no description", row.line);
                };
                records = Some(match records {
                    None => found,
                    Some(before) => before.intersection(&found).copied().collect(),
                });
            }
            let in_force = records
                .unwrap_or_default()
                .iter()
                .any(|&index| layout.records[usize::from(index)].deleted_in.is_none());
            assert!(
                in_force,
                "line {}: {expansion:?} matches no code in force",
                row.line
            );
        }
    }

    #[test]
    fn the_bundled_file_is_clean() {
        let rows = bundled_synonyms().unwrap();
        assert!(rows.len() > 200);
        assert!(rows.iter().all(|row| !row.note.is_empty()));
    }
}

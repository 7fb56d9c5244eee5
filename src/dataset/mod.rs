//! Reading and checking CDT data files.
//!
//! This is the one parser behind both ways data enters the crate: `build.rs`
//! compiles the bundled files (or a licensed file) with it, and the runtime
//! loader reads files with it. It reads a code file (TSV or CSV with a
//! header row; columns recognised by name) and a subcategory file, checks
//! every row and the set as a whole, and reports every problem it finds with
//! the file, line, column and value.
//!
//! ```
//! use cdt_codes::dataset::{Dataset, Options, Source};
//! use cdt_codes::Edition;
//!
//! let codes = "code\tadded_in\tdescription\nD3353\t<2005\tfinish an apexification\n";
//! let ranges = "start\tend\tname\nD3351\tD3353\tApexification/Recalcification\n";
//! let options = Options { edition: Edition::new(2026), ..Options::default() };
//! let data = Dataset::parse(
//!     Source::new("codes.tsv", codes.as_bytes()),
//!     Source::new("subcategories.tsv", ranges.as_bytes()),
//!     &options,
//! )?;
//! assert_eq!(data.edition.year(), 2026);
//! assert_eq!(data.procedures[0].code.to_string(), "D3353");
//! assert_eq!(data.subcategories[0].name, "Apexification/Recalcification");
//! # Ok::<(), Vec<cdt_codes::dataset::DataError>>(())
//! ```

mod columns;
mod error;
mod records;
mod subcategories;
mod table;

use std::collections::BTreeMap;
use std::string::{String, ToString};
use std::vec::Vec;

pub use error::{DataError, DataErrorKind};
pub use records::ProcedureRow;
pub use subcategories::SubcategoryRow;
pub use table::Delimiter;

use crate::code::CdtCode;
use crate::edition::{in_force, Added, Edition};
use columns::{Column, Layout};
use error::Blame;
use records::PendingReplacement;

/// A named file's contents.
///
/// ```
/// use cdt_codes::dataset::Source;
///
/// let source = Source::new("codes.tsv", b"code\tdescription\n");
/// assert_eq!(source.name, "codes.tsv");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The name used in error messages, usually the path.
    pub name: &'a str,
    /// The raw bytes; they must be UTF-8 (a byte-order mark is allowed).
    pub bytes: &'a [u8],
}

impl<'a> Source<'a> {
    /// Names a file's bytes.
    ///
    /// ```
    /// let source = cdt_codes::dataset::Source::new("a.csv", b"code,nomenclature\n");
    /// assert_eq!(source.bytes.len(), 18);
    /// ```
    #[must_use]
    pub const fn new(name: &'a str, bytes: &'a [u8]) -> Source<'a> {
        Source { name, bytes }
    }
}

/// How strictly to read the data.
///
/// ```
/// use cdt_codes::dataset::Options;
///
/// let options = Options::default();
/// assert!(options.edition.is_none());
/// assert!(!options.require_subcategories);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The edition the data describes. When `None`, the newest edition named
    /// in the history columns is used.
    pub edition: Option<Edition>,
    /// Fail when a code in force in the edition lies in no subcategory range
    /// (the bundled data promises full coverage).
    pub require_subcategories: bool,
}

/// A checked data set: procedures and subcategories, each sorted by code.
///
/// ```
/// # use cdt_codes::dataset::{Dataset, Options, Source};
/// let codes = "code\tdeleted_in\treplaced_by\tdescription\n\
///              D3354\t2014\t\tsingle-code pulpal regeneration\n\
///              D3355\t\t\tpulpal regeneration, first visit\n";
/// let ranges = "start\tend\tname\nD3355\tD3357\tPulpal Regeneration\n";
/// let data = Dataset::parse(
///     Source::new("codes.tsv", codes.as_bytes()),
///     Source::new("subcategories.tsv", ranges.as_bytes()),
///     &Options::default(),
/// )?;
/// assert_eq!(data.edition.year(), 2014); // the newest year in the history
/// assert_eq!(data.procedures.len(), 2);
/// assert_eq!(data.subcategories[0].name, "Pulpal Regeneration");
/// # Ok::<(), Vec<cdt_codes::dataset::DataError>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dataset {
    /// The edition the data describes.
    pub edition: Edition,
    /// Every procedure, sorted by code, codes unique.
    pub procedures: Vec<ProcedureRow>,
    /// Every subcategory range, sorted, not overlapping.
    pub subcategories: Vec<SubcategoryRow>,
    /// Header cells of the code file that name no known column; their
    /// values are not used.
    pub ignored_columns: Vec<String>,
}

impl Dataset {
    /// Reads and checks a code file and a subcategory file.
    ///
    /// # Errors
    ///
    /// Every problem found, in file and line order: encoding, header,
    /// malformed or duplicate codes, codes outside every category, bad
    /// years, unknown replacements, overlapping ranges and the rest of
    /// [`DataErrorKind`].
    ///
    /// ```
    /// # use cdt_codes::dataset::{Dataset, Options, Source};
    /// let codes = "code\tdeleted_in\treplaced_by\tdescription\n\
    ///              D3354\t2014\t\tsingle-code pulpal regeneration\n\
    ///              D3355\t\t\tpulpal regeneration, first visit\n";
    /// let ranges = "start\tend\tname\nD3355\tD3357\tPulpal Regeneration\n";
    /// let data = Dataset::parse(
    ///     Source::new("codes.tsv", codes.as_bytes()),
    ///     Source::new("subcategories.tsv", ranges.as_bytes()),
    ///     &Options::default(),
    /// )?;
    /// assert_eq!(data.procedures[0].deleted_in.map(|e| e.year()), Some(2014));
    /// # Ok::<(), Vec<cdt_codes::dataset::DataError>>(())
    /// ```
    pub fn parse(
        codes: Source<'_>,
        subcategories: Source<'_>,
        options: &Options,
    ) -> Result<Dataset, Vec<DataError>> {
        Dataset::parse_unsorted(codes, subcategories, options).map_err(|mut errors| {
            // Stable: problems on one line keep the order they were found in.
            errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
            errors
        })
    }

    fn parse_unsorted(
        codes: Source<'_>,
        subcategories: Source<'_>,
        options: &Options,
    ) -> Result<Dataset, Vec<DataError>> {
        let mut errors = Vec::new();
        let procedures = parse_procedures(codes, &mut errors);
        let ranges = parse_subcategories(subcategories, &mut errors);
        let (Some((procedures, ignored_columns)), Some(subcategories)) = (procedures, ranges)
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let edition =
            choose_edition(codes.name, &procedures, options).map_err(|error| std::vec![error])?;
        let dataset = Dataset {
            edition,
            procedures,
            subcategories,
            ignored_columns,
        };
        if options.require_subcategories {
            errors.extend(dataset.uncovered(codes.name));
        }
        if errors.is_empty() {
            Ok(dataset)
        } else {
            Err(errors)
        }
    }

    /// The index in [`Dataset::subcategories`] of the range holding `code`.
    ///
    /// ```
    /// # use cdt_codes::dataset::{Dataset, Options, Source};
    /// # let codes = "code\tdeleted_in\tdescription\nD3353\t\tx\n";
    /// # let ranges = "start\tend\tname\nD3351\tD3353\tApexification\n";
    /// # let options = Options { edition: cdt_codes::Edition::new(2026), ..Options::default() };
    /// # let data = Dataset::parse(Source::new("c", codes.as_bytes()),
    /// #     Source::new("s", ranges.as_bytes()), &options).unwrap();
    /// let code = "D3352".parse().unwrap();
    /// assert_eq!(data.subcategory_of(code), Some(0));
    /// ```
    #[must_use]
    pub fn subcategory_of(&self, code: CdtCode) -> Option<usize> {
        let after = self
            .subcategories
            .partition_point(|range| range.start <= code);
        let index = after.checked_sub(1)?;
        (self.subcategories[index].end >= code).then_some(index)
    }

    /// Codes in force in the data's edition that lie in no subcategory.
    fn uncovered(&self, file: &str) -> Vec<DataError> {
        let blame = Blame { file };
        self.procedures
            .iter()
            .filter(|row| in_force(row.added, row.deleted_in, self.edition))
            .filter(|row| self.subcategory_of(row.code).is_none())
            .map(|row| {
                blame.line(
                    row.line,
                    &row.code.to_string(),
                    DataErrorKind::OutsideSubcategories,
                )
            })
            .collect()
    }
}

/// Decodes and splits a file, or records why it cannot be.
fn read_table(source: Source<'_>, errors: &mut Vec<DataError>) -> Option<table::Table> {
    let text = table::decode(source.name, source.bytes)
        .map_err(|error| errors.push(error))
        .ok()?;
    let delimiter = Delimiter::guess(source.name, text);
    table::split(source.name, text, delimiter)
        .map_err(|found| errors.extend(found))
        .ok()
}

fn parse_procedures(
    source: Source<'_>,
    errors: &mut Vec<DataError>,
) -> Option<(Vec<ProcedureRow>, Vec<String>)> {
    let blame = Blame { file: source.name };
    let table = read_table(source, errors)?;
    let mut layout = Layout::from_header(blame, &table.header, &[Column::Code]);
    if let Ok(found) = &layout {
        if !found.has(Column::Description) && !found.has(Column::Nomenclature) {
            layout = Err(std::vec![blame.line(
                table.header.line,
                &table.header.fields.join(" | "),
                DataErrorKind::MissingColumn {
                    column: "description",
                },
            )]);
        }
    }
    let layout = layout.map_err(|found| errors.extend(found)).ok()?;
    if table.rows.is_empty() {
        errors.push(blame.line(0, "", DataErrorKind::Empty));
        return None;
    }
    let (parsed, row_errors) = records::parse_rows(blame, &layout, &table.rows);
    errors.extend(row_errors);
    let mut procedures = reject_duplicates(blame, parsed, errors);
    resolve_replacements(blame, &layout, &mut procedures, errors);
    let ignored = layout.unknown.into_iter().map(|(_, name)| name).collect();
    Some((
        procedures.into_iter().map(|(row, _)| row).collect(),
        ignored,
    ))
}

type Parsed = (ProcedureRow, Option<PendingReplacement>);

/// Sorts by code and reports every repeat of a code with its first line.
fn reject_duplicates(
    blame: Blame<'_>,
    parsed: Vec<Parsed>,
    errors: &mut Vec<DataError>,
) -> Vec<Parsed> {
    let mut by_code: BTreeMap<CdtCode, Parsed> = BTreeMap::new();
    for entry in parsed {
        let code = entry.0.code;
        if let Some(first) = by_code.get(&code) {
            errors.push(blame.field(
                entry.0.line,
                0,
                "code",
                &code.to_string(),
                DataErrorKind::DuplicateCode {
                    first_line: first.0.line,
                },
            ));
        } else {
            by_code.insert(code, entry);
        }
    }
    by_code.into_values().collect()
}

/// Parses each replacement list now that every defined code is known.
fn resolve_replacements(
    blame: Blame<'_>,
    layout: &Layout,
    procedures: &mut [Parsed],
    errors: &mut Vec<DataError>,
) {
    let name = layout
        .position(Column::ReplacedBy)
        .map_or("replaced_by", |position| layout.header_name(position));
    let defined: Vec<CdtCode> = procedures.iter().map(|(row, _)| row.code).collect();
    for (row, pending) in procedures.iter_mut() {
        let Some(pending) = pending else { continue };
        let field = |kind| blame.field(pending.line, pending.column, name, &pending.text, kind);
        for item in records::list_items(&pending.text) {
            match CdtCode::parse(item) {
                Err(error) => errors.push(field(DataErrorKind::MalformedCode(error))),
                Ok(code) if code == row.code => errors.push(field(DataErrorKind::SelfReplacement)),
                Ok(code) if defined.binary_search(&code).is_err() => {
                    errors.push(field(DataErrorKind::UnknownReplacement {
                        code: item.into(),
                    }));
                }
                Ok(code) if !row.replaced_by.contains(&code) => row.replaced_by.push(code),
                Ok(_) => {}
            }
        }
    }
}

fn parse_subcategories(
    source: Source<'_>,
    errors: &mut Vec<DataError>,
) -> Option<Vec<SubcategoryRow>> {
    let table = read_table(source, errors)?;
    subcategories::parse(Blame { file: source.name }, &table)
        .map_err(|found| errors.extend(found))
        .ok()
}

/// The edition asked for, or the newest one the history columns name.
fn choose_edition(
    file: &str,
    procedures: &[ProcedureRow],
    options: &Options,
) -> Result<Edition, DataError> {
    let newest = procedures
        .iter()
        .flat_map(|row| {
            let added = match row.added {
                Some(Added::In(edition)) => Some(edition),
                _ => None,
            };
            added
                .into_iter()
                .chain(row.deleted_in)
                .chain(row.revised_in.iter().copied())
        })
        .max();
    let blame = Blame { file };
    match (options.edition, newest) {
        (Some(chosen), Some(newest)) if chosen < newest => Err(blame.line(
            0,
            &chosen.year().to_string(),
            DataErrorKind::EditionTooOld {
                newest_in_data: newest,
            },
        )),
        (Some(chosen), _) => Ok(chosen),
        (None, Some(newest)) => Ok(newest),
        (None, None) => Err(blame.line(0, "", DataErrorKind::UnknownEdition)),
    }
}

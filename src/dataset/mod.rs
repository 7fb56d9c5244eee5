//! Reading and checking CDT data files.
//!
//! This is the one parser behind every way data enters the crate:
//! `build.rs` compiles the bundled files (and a licensed file laid over
//! them) with it, and [`CodeSet`](crate::CodeSet) loads files at run time
//! with it. It reads a code file (TSV or CSV with a header row; columns
//! recognised by name) and a heading file, checks every row and the set as
//! a whole, and reports every problem it finds with the file, line, column
//! and value.
//!
//! ```
//! use cdt_codes::dataset::{Dataset, Options, Source};
//! use cdt_codes::Edition;
//!
//! let codes = "code\tadded_in\tsubcategory\tdescription\n\
//!              D3353\t<2005\tApexification/Recalcification\tfinish an apexification\n";
//! let headings = "category\theading\tconfirmed\tsource\n\
//!                 Endodontics\tApexification/Recalcification\tno\tours\n";
//! let options = Options::for_edition(Edition::new(2026).unwrap());
//! let data = Dataset::parse(
//!     Source::new("codes.tsv", codes.as_bytes()),
//!     Source::new("subcategories.tsv", headings.as_bytes()),
//!     &options,
//! )?;
//! assert_eq!(data.edition.year(), 2026);
//! assert_eq!(data.procedures[0].code.to_string(), "D3353");
//! assert_eq!(data.headings[0].name, "Apexification/Recalcification");
//! # Ok::<(), cdt_codes::dataset::DataErrors>(())
//! ```

pub(crate) mod columns;
pub(crate) mod delimited;
mod edits;
mod error;
mod headings;
mod layout;
mod overlay;
mod records;
mod reporting;
mod successors;
mod synonyms;
mod table;

use std::collections::BTreeMap;
use std::string::{String, ToString};
use std::vec::Vec;

pub use delimited::{Delimiter, RowError, UnknownDelimiter};
pub use edits::{bundled_edits, parse_edits, EditProblem, EditRow};
#[allow(unused_imports)] // build.rs compiles the bundled rule file
pub(crate) use edits::{BUNDLED_EDITS, BUNDLED_EDITS_NAME};
pub use error::{DataError, DataErrorKind, DataErrors};
pub use headings::HeadingRow;
pub(crate) use layout::Layout;
pub use overlay::{Mode, Warning};
pub use records::{ProcedureRow, SuccessionRow};
#[allow(unused_imports)] // build.rs names the file in its provenance
pub(crate) use synonyms::BUNDLED_SYNONYMS_NAME;
pub use synonyms::{bundled_synonyms, parse_synonyms, SynonymRow, MAX_TERM_WORDS};

use crate::model::code::CdtCode;
use crate::model::edition::{in_force, Added, Edition};
use columns::{CodeHeader, Column};
use error::Blame;

/// The crate's delimited reader, for the fuzz target alone: `cargo fuzz`
/// builds with `--cfg fuzzing`, and nothing here is part of the API.
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing {
    pub use super::delimited::{
        BorrowedRow, Delimiter, QuotePolicy, Reader, RowError, DEFAULT_LIMIT, NEARBY_LINES,
    };
}
use records::PendingReplacement;

/// The bundled code file, as shipped in `data/codes.tsv`.
pub(crate) const BUNDLED_CODES: &str = include_str!("../../data/codes.tsv");
/// The bundled heading file, as shipped in `data/subcategories.tsv`.
pub(crate) const BUNDLED_HEADINGS: &str = include_str!("../../data/subcategories.tsv");
/// The bundled reporting file, as shipped in `data/reporting.tsv`.
pub(crate) const BUNDLED_REPORTING: &str = include_str!("../../data/reporting.tsv");
/// The name the bundled reporting file is reported under.
pub(crate) const BUNDLED_REPORTING_NAME: &str = "data/reporting.tsv";
/// The names the bundled files are reported under.
pub(crate) const BUNDLED_CODES_NAME: &str = "data/codes.tsv";
/// See [`BUNDLED_CODES_NAME`].
pub(crate) const BUNDLED_HEADINGS_NAME: &str = "data/subcategories.tsv";

/// A named file's contents.
///
/// ```
/// use cdt_codes::dataset::Source;
///
/// let source = Source::new("codes.tsv", b"code\tdescription\n");
/// assert_eq!(source.name, "codes.tsv");
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
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

/// How to read the data.
///
/// ```
/// use cdt_codes::dataset::Options;
///
/// let options = Options::default();
/// assert!(options.edition.is_none());
/// assert!(!options.require_subcategories);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The edition the data describes. When `None`, the newest edition named
    /// in the history columns is used.
    pub edition: Option<Edition>,
    /// Fail when a record names no subcategory heading (the bundled data
    /// promises one for every record, deleted codes included).
    pub require_subcategories: bool,
    /// Whether the file is read by the build or at run time: errors give
    /// the hint that fits (`CDT_CODES_EDITION` or an [`Edition`] argument).
    pub stage: Stage,
}

/// When a file is read: by `build.rs` (`CDT_CODES_DATA`) or by the
/// application at run time ([`CodeSet::from_path`](crate::CodeSet::from_path)
/// and the rest). Decides which remedy an error suggests.
///
/// ```
/// use cdt_codes::dataset::{Options, Stage};
///
/// assert_eq!(Options::default().stage, Stage::Run);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Stage {
    /// Read by the build script from `CDT_CODES_DATA`.
    Build,
    /// Read by the application at run time.
    #[default]
    Run,
}

/// The year of an edition that a file's name carries (`CDT2027.csv`:
/// 2027), for hints; `None` when the name carries none or several.
pub(crate) fn year_in_name(name: &str) -> Option<u16> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let mut found = None;
    for run in base.split(|c: char| !c.is_ascii_digit()) {
        if run.len() != 4 {
            continue;
        }
        let Ok(year) = run.parse::<u16>() else {
            continue;
        };
        if Edition::new(year).is_err() {
            continue;
        }
        if found.is_some_and(|seen| seen != year) {
            return None;
        }
        found = Some(year);
    }
    found
}

impl Options {
    /// Options naming the edition the data describes.
    ///
    /// ```
    /// use cdt_codes::{dataset::Options, Edition};
    ///
    /// let options = Options::for_edition(Edition::new(2027)?);
    /// assert_eq!(options.edition.map(|e| e.year()), Some(2027));
    /// assert_eq!(Options::for_edition(None).edition, None);
    /// # Ok::<(), cdt_codes::EditionError>(())
    /// ```
    #[must_use]
    pub fn for_edition(edition: impl Into<Option<Edition>>) -> Options {
        Options {
            edition: edition.into(),
            ..Options::default()
        }
    }
}

/// A checked data set: procedures sorted by code, and the subcategory
/// headings in category order.
///
/// ```
/// # use cdt_codes::dataset::{Dataset, Options, Source};
/// let codes = "code\tdeleted_in\treplaced_by\tdescription\n\
///              D3354\t2014\t\tsingle-code pulpal regeneration\n\
///              D3355\t\t\tpulpal regeneration, first visit\n";
/// let headings = "category\theading\tconfirmed\tsource\nEndodontics\tPulpal Regeneration\tno\tx\n";
/// let data = Dataset::parse(
///     Source::new("codes.tsv", codes.as_bytes()),
///     Source::new("subcategories.tsv", headings.as_bytes()),
///     &Options::default(),
/// )?;
/// assert_eq!(data.edition.year(), 2014); // the newest edition in the history
/// assert_eq!(data.procedures.len(), 2);
/// # Ok::<(), cdt_codes::dataset::DataErrors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Dataset {
    /// The newest edition the data describes; it covers dates from CDT-3
    /// (2000) to the end of this edition.
    pub edition: Edition,
    /// Every procedure, sorted by code, codes unique.
    pub procedures: Vec<ProcedureRow>,
    /// Every subcategory heading, in category order and the manual's order
    /// within a category.
    pub headings: Vec<HeadingRow>,
    /// Header cells of the code file that name no known column; their
    /// values are not used.
    pub ignored_columns: Vec<String>,
}

impl Dataset {
    /// The bundled open data, parsed and checked.
    ///
    /// # Errors
    ///
    /// Never for a released crate (the build checks the same files); the
    /// `Result` is there because the parser is shared.
    ///
    /// ```
    /// let data = cdt_codes::dataset::Dataset::bundled()?;
    /// assert_eq!(data.edition, cdt_codes::CDT_EDITION);
    /// # Ok::<(), cdt_codes::dataset::DataErrors>(())
    /// ```
    pub fn bundled() -> Result<Dataset, DataErrors> {
        let mut data = Dataset::parse(
            Source::new(BUNDLED_CODES_NAME, BUNDLED_CODES.as_bytes()),
            Source::new(BUNDLED_HEADINGS_NAME, BUNDLED_HEADINGS.as_bytes()),
            &Options {
                edition: None,
                require_subcategories: true,
                stage: Stage::default(),
            },
        )?;
        let reporting = Source::new(BUNDLED_REPORTING_NAME, BUNDLED_REPORTING.as_bytes());
        reporting::attach(&mut data, reporting, true).map_err(DataErrors::from)?;
        let successors = Source::new(
            successors::BUNDLED_SUCCESSORS_NAME,
            successors::BUNDLED_SUCCESSORS.as_bytes(),
        );
        successors::attach(&mut data, successors, true).map_err(DataErrors::from)?;
        Ok(data)
    }

    /// Lays a reporting file (`code`, `reports`, `surfaces`, `tooth_kind`,
    /// `confirmed`, and optionally `also`, `names`, `sources`, in the form
    /// of `data/reporting.tsv`) on the records: what a claim line for each
    /// code must report.
    ///
    /// # Errors
    ///
    /// Every problem found: unknown or duplicate codes, values the file
    /// may not hold.
    ///
    /// ```
    /// use cdt_codes::dataset::{Dataset, Source};
    ///
    /// let mut data = Dataset::bundled()?;
    /// let file = "code\treports\tsurfaces\ttooth_kind\tconfirmed\nD0120\ttooth\t\t\tno\n";
    /// data.attach_reporting(Source::new("r.tsv", file.as_bytes()))?;
    /// let d0120 = data.procedures.iter().find(|row| row.code.to_string() == "D0120").unwrap();
    /// assert!(d0120.reporting.unwrap().allows(cdt_codes::Site::Tooth));
    /// # Ok::<(), cdt_codes::dataset::DataErrors>(())
    /// ```
    pub fn attach_reporting(&mut self, file: Source<'_>) -> Result<(), DataErrors> {
        reporting::attach(self, file, false).map_err(DataErrors::from)
    }

    /// Reads a user's code file (a licensed edition file, say) and combines
    /// it with the bundled data by `mode`: the one path both the build
    /// (`CDT_CODES_DATA`) and [`CodeSet`](crate::CodeSet) take.
    ///
    /// # Errors
    ///
    /// Every problem found in the file, or an overlay of an edition that
    /// does not follow the bundled data's newest.
    ///
    /// ```
    /// use cdt_codes::dataset::{Dataset, Mode, Options, Source};
    ///
    /// let file = "code,nomenclature\nD0120,periodic visit (test text)\n";
    /// let options = Options::for_edition(cdt_codes::Edition::new(2026).unwrap());
    /// let (data, _warnings) =
    ///     Dataset::with_file(Source::new("mine.csv", file.as_bytes()), &options, Mode::Replace)?;
    /// assert_eq!(data.procedures.len(), 1);
    /// # Ok::<(), cdt_codes::dataset::DataErrors>(())
    /// ```
    pub fn with_file(
        file: Source<'_>,
        options: &Options,
        mode: Mode,
    ) -> Result<(Dataset, Vec<Warning>), DataErrors> {
        let headings = Source::new(BUNDLED_HEADINGS_NAME, BUNDLED_HEADINGS.as_bytes());
        let parsed = Dataset::parse(file, headings, options)?;
        let bundled = Dataset::bundled()?;
        overlay::apply(bundled, parsed, file.name, mode, options.stage)
    }

    /// Reads and checks a code file and a heading file.
    ///
    /// # Errors
    ///
    /// Every problem found, in file and line order: encoding, header,
    /// malformed or duplicate codes, codes outside every category, bad
    /// editions and dates, unknown replacements and headings, and the rest
    /// of [`DataErrorKind`].
    ///
    /// ```
    /// # use cdt_codes::dataset::{Dataset, Options, Source};
    /// let codes = "code\tdeleted_in\tdescription\nD3354\t2012\tregeneration\n";
    /// let headings = "category\theading\tconfirmed\tsource\n";
    /// let errors = Dataset::parse(
    ///     Source::new("codes.tsv", codes.as_bytes()),
    ///     Source::new("subcategories.tsv", headings.as_bytes()),
    ///     &Options::default(),
    /// ).unwrap_err();
    /// assert!(errors.to_string().contains("codes.tsv:2:2: column `deleted_in`"));
    /// ```
    pub fn parse(
        codes: Source<'_>,
        headings: Source<'_>,
        options: &Options,
    ) -> Result<Dataset, DataErrors> {
        Dataset::parse_unsorted(codes, headings, options).map_err(|mut errors| {
            // Stable: problems on one line keep the order they were found in.
            errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
            DataErrors::from(errors)
        })
    }

    fn parse_unsorted(
        codes: Source<'_>,
        headings: Source<'_>,
        options: &Options,
    ) -> Result<Dataset, Vec<DataError>> {
        let mut errors = Vec::new();
        let procedures = parse_procedures(codes, &mut errors);
        let headings = parse_headings(headings, &mut errors);
        let (Some((procedures, ignored_columns)), Some(headings)) = (procedures, headings) else {
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
            headings,
            ignored_columns,
        };
        errors.extend(dataset.check_headings(codes.name, options.require_subcategories));
        if errors.is_empty() {
            Ok(dataset)
        } else {
            Err(errors)
        }
    }

    /// The index in [`Dataset::headings`] of the heading a procedure names.
    ///
    /// ```
    /// let data = cdt_codes::dataset::Dataset::bundled()?;
    /// let row = data.procedures.iter().find(|row| row.code.to_string() == "D0120").unwrap();
    /// let heading = &data.headings[data.heading_of(row).unwrap()];
    /// assert_eq!(heading.name, "Clinical Oral Evaluations");
    /// # Ok::<(), cdt_codes::dataset::DataErrors>(())
    /// ```
    #[must_use]
    pub fn heading_of(&self, row: &ProcedureRow) -> Option<usize> {
        let name = row.subcategory.as_deref()?;
        let category = crate::model::category::Category::of(row.code)?;
        self.headings
            .iter()
            .position(|heading| heading.category == category && heading.name == name)
    }

    /// Every record whose heading is not in the list, and, when asked,
    /// every record with no heading at all.
    fn check_headings(&self, file: &str, require: bool) -> Vec<DataError> {
        let blame = Blame { file };
        let mut errors = Vec::new();
        for row in &self.procedures {
            match &row.subcategory {
                Some(name) if self.heading_of(row).is_none() => {
                    if let Some(category) = crate::model::category::Category::of(row.code) {
                        errors.push(blame.line(
                            row.line,
                            name,
                            DataErrorKind::UnknownHeading { category },
                        ));
                    }
                }
                None if require => errors.push(blame.line(
                    row.line,
                    &row.code.to_string(),
                    DataErrorKind::MissingSubcategory,
                )),
                _ => {}
            }
        }
        errors
    }

    /// Whether a row is part of `edition`.
    pub(crate) fn in_force(row: &ProcedureRow, edition: Edition) -> bool {
        in_force(row.added, row.deleted_in, edition)
    }
}

/// Decodes and splits a file, or records why it cannot be.
pub(crate) fn read_table(source: Source<'_>, errors: &mut Vec<DataError>) -> Option<table::Table> {
    let text = table::decode(source.name, source.bytes)
        .map_err(|error| errors.push(error))
        .ok()?;
    let delimiter = table::delimiter_of(source.name, text);
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
    let mut layout = CodeHeader::from_header(blame, &table.header, &[Column::Code]);
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
    layout: &CodeHeader,
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

fn parse_headings(source: Source<'_>, errors: &mut Vec<DataError>) -> Option<Vec<HeadingRow>> {
    let table = read_table(source, errors)?;
    headings::parse(Blame { file: source.name }, &table)
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
        (None, None) => Err(blame.line(
            0,
            "",
            DataErrorKind::UnknownEdition {
                stage: options.stage,
                year: year_in_name(file),
            },
        )),
    }
}

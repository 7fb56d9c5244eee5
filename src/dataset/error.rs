//! Errors in a data file, each pinned to a file, line and column.

use std::fmt;
use std::string::String;

use crate::model::code::ParseCodeError;
use crate::model::date::DateError;
use crate::model::edition::Edition;

/// A problem in a data file, with where it is and the value at fault.
///
/// The `Display` form reads `file:line:column: message`, the form editors
/// and terminals turn into a link:
///
/// ```
/// use cdt_codes::dataset::{Dataset, Options, Source};
///
/// let codes = "code\tdescription\nD33X3\tbroken\n";
/// let ranges = "start\tend\tname\n";
/// let errors = Dataset::parse(
///     Source::new("codes.tsv", codes.as_bytes()),
///     Source::new("subcategories.tsv", ranges.as_bytes()),
///     &Options::default(),
/// )
/// .unwrap_err();
/// assert_eq!(
///     errors[0].to_string(),
///     "codes.tsv:2:1: column `code`: \"D33X3\" is not a CDT code: \
///      a CDT code has digits after the 'D', found 'X' at position 4"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DataError {
    /// The file the problem is in, as it was named to the parser.
    pub file: String,
    /// The line, counting from 1 (0 when the problem is the whole file).
    pub line: usize,
    /// The column, counting from 1, when the problem is in one field.
    pub column: Option<usize>,
    /// The header name of that column.
    pub column_name: Option<String>,
    /// The offending value, as written in the file.
    pub value: String,
    /// What is wrong.
    pub kind: DataErrorKind,
}

/// What is wrong with a data file or one of its rows.
///
/// ```
/// use cdt_codes::dataset::{DataErrorKind, Dataset, Options, Source};
///
/// let codes = "code,nomenclature\nD0120,a\nD0120,b\n";
/// let errors = Dataset::parse(
///     Source::new("codes.csv", codes.as_bytes()),
///     Source::new("subcategories.tsv", b"start\tend\tname\n"),
///     &Options::for_edition(cdt_codes::Edition::new(2026).unwrap()),
/// )
/// .unwrap_err();
/// assert_eq!(errors[0].kind, DataErrorKind::DuplicateCode { first_line: 2 });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DataErrorKind {
    /// The file is not valid UTF-8.
    NotUtf8,
    /// The file has no header row, or no rows at all.
    Empty,
    /// A required column is missing from the header.
    MissingColumn {
        /// The column that is needed.
        column: &'static str,
    },
    /// Two header cells name the same column.
    DuplicateColumn {
        /// The column named twice.
        column: &'static str,
    },
    /// A quoted field is not closed before the end of the file.
    UnterminatedQuote,
    /// A row has a different number of fields from the header.
    FieldCount {
        /// Fields in the header.
        expected: usize,
        /// Fields in this row.
        found: usize,
    },
    /// A required field is empty.
    EmptyField,
    /// A value is not a well-formed CDT code.
    MalformedCode(ParseCodeError),
    /// The same code appears on an earlier line.
    DuplicateCode {
        /// The line where it first appears.
        first_line: usize,
    },
    /// The code is below D0100, outside every category of service.
    OutsideCategories,
    /// The descriptions hold more distinct search words than the search
    /// index can number (65,534).
    TooManyIndexWords {
        /// How many distinct search words they hold.
        words: usize,
    },
    /// A category column disagrees with the code's number range.
    CategoryMismatch {
        /// The category the code's range belongs to.
        expected: crate::model::category::Category,
    },
    /// A value is not an edition year.
    BadYear,
    /// The deletion edition is not after the edition the code was added in.
    DeletedBeforeAdded {
        /// The edition the code was added in.
        added: Edition,
        /// The edition the code was deleted in.
        deleted: Edition,
    },
    /// A revision edition is outside the code's lifetime.
    RevisedOutsideLifetime {
        /// The revision edition at fault.
        revised: Edition,
    },
    /// A replacement names a code that is not in the data.
    UnknownReplacement {
        /// The code that is named but not defined.
        code: String,
    },
    /// A code names itself as its replacement.
    SelfReplacement,
    /// Replacements are given for a code that is not deleted.
    ReplacementWithoutDeletion,
    /// No edition was given and the data names none in its history columns.
    UnknownEdition {
        /// Whether the build or the application read the file (which
        /// remedy the message suggests).
        stage: super::Stage,
        /// The edition year the file's name carries (`CDT2027.csv`), if any.
        year: Option<u16>,
    },
    /// A year given to the edition falls before a year used in the data.
    EditionTooOld {
        /// The newest edition the data names.
        newest_in_data: Edition,
    },
    /// A date that is not a valid ISO date.
    BadDate(DateError),
    /// An off-cycle effective date on a code with no exact addition edition.
    EffectiveWithoutAddition,
    /// An off-cycle effective date that lies neither in the year before
    /// the edition that added the code nor within that edition.
    EffectiveOutsideEdition {
        /// The edition that added the code.
        added: Edition,
    },
    /// A code recorded as present before an edition, but deleted or
    /// revised earlier than that: the history must be tightened.
    AddedAfterHistory {
        /// The edition the code is said to predate.
        before: Edition,
        /// The earliest deletion or revision recorded.
        earliest: Edition,
    },
    /// A subcategory heading that the heading list does not hold for the
    /// code's category.
    UnknownHeading {
        /// The code's category.
        category: crate::model::category::Category,
    },
    /// A heading listed twice for the same category.
    DuplicateHeading {
        /// The line of the first listing.
        first_line: usize,
    },
    /// A category name that is not one of the twelve.
    UnknownCategory,
    /// A yes/no field with another value.
    BadFlag,
    /// An `unconfirmed` item that names no fact.
    UnknownFact,
    /// A row the reader could not read for another reason.
    Unreadable,
    /// A code in force with no row in the reporting file.
    MissingReporting,
    /// A reporting row for a code the data does not define.
    UnknownReportingCode,
    /// A reporting value that is not one the file may hold.
    BadReporting(crate::model::reporting::BadReporting),
    /// A record with no subcategory where every record must have one.
    MissingSubcategory,
    /// A file of an edition that does not follow the bundled data's newest.
    EditionGap {
        /// The bundled data's newest edition.
        latest: Edition,
        /// The only edition a file may add.
        next: Edition,
        /// Whether the build or the application read the file.
        stage: super::Stage,
    },
    /// A search term or expansion with no letters or digits.
    NoSearchWords,
    /// A search term or expansion with too many words.
    TooManySearchWords {
        /// The most words allowed.
        max: usize,
    },
    /// A search term that is the same search words as an earlier one.
    DuplicateTerm {
        /// The line of the earlier term.
        first_line: usize,
    },
    /// A deleted code with neither a named replacement nor a row in the
    /// successors file.
    MissingSuccession,
    /// A successors row for a code the data does not define.
    UnknownSuccessionCode,
    /// A successors row for a code that is not deleted.
    SuccessionForActiveCode,
    /// A successors row for a code the ADA named replacements for.
    SuccessionWithReplacement,
    /// A successor kind other than `confirmed`, `inferred` or `none`.
    BadSuccessionKind,
    /// Successors listed for `none`, or none listed for another kind.
    SuccessorsDisagreeWithKind {
        /// The kind the row gives.
        kind: crate::model::record::SuccessorKind,
    },
    /// A successor (the value) that is not a code of the data.
    UnknownSuccessor,
    /// A successor (the value) that was not in force in the edition that
    /// deleted the code it succeeds.
    SuccessorNotInForce {
        /// The edition that deleted the old code.
        deleted: Edition,
    },
    /// Confirmed successors with no source named.
    MissingSuccessionSource,
    /// A row that needs a note and has none: the basis of an inference,
    /// the reason there is no successor, or why a successor was not new
    /// in the edition that deleted the code.
    MissingSuccessionNote {
        /// The kind the row gives.
        kind: crate::model::record::SuccessorKind,
        /// Whether a successor was in force before that edition.
        older: bool,
    },
    /// A row of a claim-level edit file (`data/edits.tsv`) that breaks
    /// the file's rules.
    BadEdit(super::edits::EditProblem),
}

impl fmt::Display for DataError {
    // One arm per kind of problem: long, but flat and read one arm at a time.
    #[allow(clippy::too_many_lines)]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)?;
        if let Some(column) = self.column {
            write!(f, ":{column}")?;
        }
        f.write_str(": ")?;
        if let Some(name) = &self.column_name {
            write!(f, "column `{name}`: ")?;
        }
        let value = &self.value;
        match &self.kind {
            DataErrorKind::NotUtf8 => write!(
                f,
                "the file is not UTF-8 text (bytes {value}); save or export it as UTF-8 \
                 (for example `iconv -f WINDOWS-1252 -t UTF-8 in.csv > out.csv`)"
            ),
            DataErrorKind::Empty => f.write_str("the file is empty: expected a header row and data rows"),
            DataErrorKind::MissingColumn { column } => write!(
                f,
                "no `{column}` column in the header row {value:?}"
            ),
            DataErrorKind::DuplicateColumn { column } => {
                write!(f, "header {value:?} names the `{column}` column a second time")
            }
            DataErrorKind::UnterminatedQuote => {
                write!(f, "quoted field {value:?} is never closed")
            }
            DataErrorKind::FieldCount { expected, found } => write!(
                f,
                "row has {found} fields but the header has {expected}: {value:?}"
            ),
            DataErrorKind::EmptyField => f.write_str("value is empty but required"),
            DataErrorKind::MalformedCode(error) => {
                write!(f, "{value:?} is not a CDT code: {error}")
            }
            DataErrorKind::DuplicateCode { first_line } => {
                write!(f, "duplicate code {value}: already defined on line {first_line}")
            }
            DataErrorKind::TooManyIndexWords { words } => write!(
                f,
                "the texts hold {words} distinct search words; the search index holds at most 65,534"
            ),
            DataErrorKind::OutsideCategories => write!(
                f,
                "code {value} is outside every category of service (D0100-D9999)"
            ),
            DataErrorKind::CategoryMismatch { expected } => write!(
                f,
                "category {value:?} does not match the code's range, which is {:?}",
                expected.name()
            ),
            DataErrorKind::BadYear => write!(
                f,
                "{value:?} is not a CDT edition: write the first year of a real edition (2000, 2003, 2005, 2007, 2009, 2011, then any year from 2013), or `<YEAR` for before it"
            ),
            DataErrorKind::DeletedBeforeAdded { added, deleted } => write!(
                f,
                "deleted in {deleted} but added in {added}: a code must be added before it is deleted"
            ),
            DataErrorKind::RevisedOutsideLifetime { revised } => write!(
                f,
                "revised in {revised}, when the code was not in force"
            ),
            DataErrorKind::UnknownReplacement { code } => write!(
                f,
                "replacement {code} in {value:?} is not a code defined in the data"
            ),
            DataErrorKind::SelfReplacement => {
                write!(f, "{value:?} names the code as its own replacement")
            }
            DataErrorKind::ReplacementWithoutDeletion => write!(
                f,
                "replacements {value:?} given for a code that is not deleted"
            ),
            DataErrorKind::UnknownEdition { stage, year } => {
                f.write_str(
                    "cannot tell which CDT edition the data describes: add history columns \
                     or name the edition ",
                )?;
                let year = Year(*year);
                match stage {
                    super::Stage::Build => write!(f, "when building (CDT_CODES_EDITION={year})"),
                    super::Stage::Run => write!(
                        f,
                        "when loading it (Edition::new({year})? as the edition argument, \
                         --edition {year} in the examples)"
                    ),
                }
            }
            DataErrorKind::BadDate(error) => write!(f, "{value:?} is not a date: {error}"),
            DataErrorKind::EffectiveWithoutAddition => f.write_str(
                "an off-cycle effective date needs the edition that added the code in `added_in`",
            ),
            DataErrorKind::EffectiveOutsideEdition { added } => write!(
                f,
                "effective date {value} lies neither in {added}, the edition that added the code, nor in the year before it"
            ),
            DataErrorKind::AddedAfterHistory { before, earliest } => write!(
                f,
                "the code is said to predate {before} but was already deleted or revised in {earliest}; write `<{}`",
                earliest.year()
            ),
            DataErrorKind::UnknownHeading { category } => write!(
                f,
                "{value:?} is not a heading of {category} in the heading list"
            ),
            DataErrorKind::DuplicateHeading { first_line } => {
                write!(f, "heading {value:?} is already listed on line {first_line}")
            }
            DataErrorKind::UnknownCategory => write!(
                f,
                "{value:?} is not a category of service (expected a name such as Endodontics)"
            ),
            DataErrorKind::BadFlag => write!(f, "{value:?} is not yes or no"),
            DataErrorKind::UnknownFact => write!(
                f,
                "{value:?} names no fact: use subcategory, added_in, deleted_in, replaced_by or effective"
            ),
            DataErrorKind::Unreadable => write!(f, "the row cannot be read: {value}"),
            DataErrorKind::MissingReporting => write!(
                f,
                "code {value} is in force but has no row saying what a claim line for it reports"
            ),
            DataErrorKind::UnknownReportingCode | DataErrorKind::UnknownSuccessionCode => {
                write!(f, "code {value} is not a code of the data")
            }
            DataErrorKind::BadReporting(bad) => write!(f, "{value:?}: {bad}"),
            DataErrorKind::MissingSubcategory => write!(
                f,
                "code {value} has no subcategory; every record of this data must name its heading"
            ),
            DataErrorKind::EditionGap {
                latest,
                next,
                stage,
            } => {
                write!(
                    f,
                    "the bundled data ends with {latest}, so an overlay can add {next} but not {value}: \
                     the editions between are unknown "
                )?;
                match stage {
                    super::Stage::Build => {
                        f.write_str("(set CDT_CODES_MODE=replace to use the file alone)")
                    }
                    super::Stage::Run => f.write_str(
                        "(load it with Mode::Replace, --replace in the examples, to use the file alone)",
                    ),
                }
            }
            DataErrorKind::EditionTooOld { newest_in_data } => write!(
                f,
                "edition {value} is older than {newest_in_data}, which the data uses"
            ),
            DataErrorKind::NoSearchWords => {
                write!(f, "{value:?} has no search words (letters or digits)")
            }
            DataErrorKind::TooManySearchWords { max } => {
                write!(f, "{value:?} has more than {max} search words")
            }
            DataErrorKind::DuplicateTerm { first_line } => {
                write!(f, "{value:?} is the same search term as line {first_line}")
            }
            DataErrorKind::MissingSuccession => write!(
                f,
                "code {value} is deleted with no named replacement and has no row saying what succeeded it (or why nothing did)"
            ),
            DataErrorKind::SuccessionForActiveCode => write!(
                f,
                "code {value} is not deleted, so it has no successors"
            ),
            DataErrorKind::SuccessionWithReplacement => write!(
                f,
                "code {value} has replacements named in `replaced_by`; successors are for deleted codes without one"
            ),
            DataErrorKind::BadSuccessionKind => {
                write!(f, "{value:?} is not confirmed, inferred or none")
            }
            DataErrorKind::SuccessorsDisagreeWithKind { kind } => {
                if *kind == crate::model::record::SuccessorKind::NoSuccessor {
                    write!(f, "{value:?} lists successors, but the kind is `none`")
                } else {
                    write!(f, "no successors listed, but the kind is `{kind}`")
                }
            }
            DataErrorKind::UnknownSuccessor => {
                write!(f, "successor {value} is not a code defined in the data")
            }
            DataErrorKind::SuccessorNotInForce { deleted } => write!(
                f,
                "successor {value} was not in force in {deleted}, when the old code was deleted"
            ),
            DataErrorKind::MissingSuccessionSource => f.write_str(
                "confirmed successors need the key of their source in data/SOURCES.md",
            ),
            DataErrorKind::MissingSuccessionNote { kind, older } => {
                if *older {
                    f.write_str("a successor was in force before the old code was deleted: the note must say why it counts as a successor")
                } else if *kind == crate::model::record::SuccessorKind::NoSuccessor {
                    f.write_str("the note must say why no code succeeds this one")
                } else {
                    f.write_str("inferred successors need a note giving the basis of the inference")
                }
            }
            DataErrorKind::BadEdit(problem) => write!(f, "{value:?}: {problem}"),
        }
    }
}

impl std::error::Error for DataError {}

/// Builds [`DataError`]s for one file without repeating its name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Blame<'a> {
    pub(crate) file: &'a str,
}

impl Blame<'_> {
    /// An error in the field at `column` (0-based) of `line`.
    pub(crate) fn field(
        self,
        line: usize,
        column: usize,
        column_name: &str,
        value: &str,
        kind: DataErrorKind,
    ) -> DataError {
        DataError {
            file: self.file.into(),
            line,
            column: Some(column + 1),
            column_name: Some(column_name.into()),
            value: value.into(),
            kind,
        }
    }

    /// An error about a whole line (or the whole file when `line` is 0).
    pub(crate) fn line(self, line: usize, value: &str, kind: DataErrorKind) -> DataError {
        DataError {
            file: self.file.into(),
            line,
            column: None,
            column_name: None,
            value: value.into(),
            kind,
        }
    }
}

/// Every problem found in a data file, in file and line order.
///
/// `Display` writes one problem a line and then the count, the form the
/// build, the loader and the `check_data` example all print.
///
/// ```
/// let errors = cdt_codes::CodeSet::load_replacing(
///     "bad.csv",
///     b"code,nomenclature\nD01,x\nD0120,\n",
///     cdt_codes::Edition::new(2026).unwrap(),
/// )
/// .unwrap_err();
/// let cdt_codes::LoadError::Data(errors) = errors else { unreachable!() };
/// assert_eq!(errors.len(), 2);
/// assert!(errors.to_string().ends_with("2 problems found"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataErrors(std::vec::Vec<DataError>);

impl DataErrors {
    /// The problems, in file and line order.
    ///
    /// ```
    /// # let errors = cdt_codes::CodeSet::load_replacing("b.csv", b"code,nomenclature\nD01,x\n", None).unwrap_err();
    /// # let cdt_codes::LoadError::Data(errors) = errors else { unreachable!() };
    /// assert_eq!(errors.as_slice()[0].line, 2);
    /// ```
    #[must_use]
    pub fn as_slice(&self) -> &[DataError] {
        &self.0
    }
}

impl From<std::vec::Vec<DataError>> for DataErrors {
    fn from(errors: std::vec::Vec<DataError>) -> DataErrors {
        DataErrors(errors)
    }
}

impl core::ops::Deref for DataErrors {
    type Target = [DataError];

    fn deref(&self) -> &[DataError] {
        &self.0
    }
}

impl IntoIterator for DataErrors {
    type Item = DataError;
    type IntoIter = std::vec::IntoIter<DataError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a DataErrors {
    type Item = &'a DataError;
    type IntoIter = core::slice::Iter<'a, DataError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for error in &self.0 {
            writeln!(f, "{error}")?;
        }
        let count = self.0.len();
        write!(
            f,
            "{count} problem{} found",
            if count == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for DataErrors {}

/// An edition year for a hint: the one the file's name carries, else
/// `YEAR`.
struct Year(Option<u16>);

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(year) => write!(f, "{year}"),
            None => f.write_str("YEAR"),
        }
    }
}

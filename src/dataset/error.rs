//! Errors in a data file, each pinned to a file, line and column.

use std::fmt;
use std::string::String;

use crate::code::ParseCodeError;
use crate::edition::Edition;

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
///     &Options { edition: cdt_codes::Edition::new(2026), ..Options::default() },
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
    /// A category column disagrees with the code's number range.
    CategoryMismatch {
        /// The category the code's range belongs to.
        expected: &'static str,
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
    /// A subcategory range ends before it starts.
    BackwardRange,
    /// A subcategory range spans two categories of service.
    RangeCrossesCategory,
    /// A subcategory range overlaps the one on an earlier line.
    OverlappingRange {
        /// The line of the other range.
        other_line: usize,
    },
    /// A code in force in the newest edition lies in no subcategory range.
    OutsideSubcategories,
    /// No edition was given and the data names none in its history columns.
    UnknownEdition,
    /// A year given to the edition falls before a year used in the data.
    EditionTooOld {
        /// The newest edition the data names.
        newest_in_data: Edition,
    },
}

impl fmt::Display for DataError {
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
            DataErrorKind::OutsideCategories => write!(
                f,
                "code {value} is outside every category of service (D0100-D9999)"
            ),
            DataErrorKind::CategoryMismatch { expected } => write!(
                f,
                "category {value:?} does not match the code's range, which is {expected:?}"
            ),
            DataErrorKind::BadYear => write!(
                f,
                "{value:?} is not an edition year (four digits, 1990-2199)"
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
            DataErrorKind::BackwardRange => write!(f, "range {value} ends before it starts"),
            DataErrorKind::RangeCrossesCategory => write!(
                f,
                "range {value} spans more than one category of service"
            ),
            DataErrorKind::OverlappingRange { other_line } => write!(
                f,
                "range {value} overlaps the range on line {other_line}"
            ),
            DataErrorKind::OutsideSubcategories => write!(
                f,
                "code {value} is in force but lies in no subcategory range"
            ),
            DataErrorKind::UnknownEdition => f.write_str(
                "cannot tell which CDT edition the data describes: add history columns \
                 or name the edition (CDT_CODES_EDITION=2026 when building)",
            ),
            DataErrorKind::EditionTooOld { newest_in_data } => write!(
                f,
                "edition {value} is older than {newest_in_data}, which the data uses"
            ),
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

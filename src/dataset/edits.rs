//! Reads `data/edits.tsv`: the claim-level edits, rules about conflicts
//! between the lines of one claim (two evaluations on one date, a
//! pulpotomy and a root canal on one tooth, a filling on a tooth the claim
//! extracted). `build.rs` compiles the checked rows into static tables for
//! `claims::edits`; every problem is reported with file, line and column.

use core::fmt;
use core::ops::RangeInclusive;
use std::collections::BTreeMap;
use std::string::String;
use std::vec::Vec;

use super::error::{Blame, DataError, DataErrorKind, DataErrors};
use super::{Dataset, Source};
use crate::model::code::CdtCode;
use crate::model::edit::{RuleKind, Scope};
use crate::severity::Severity;

/// The bundled rule file, as shipped in `data/edits.tsv`.
pub(crate) const BUNDLED_EDITS: &str = include_str!("../../data/edits.tsv");
/// The name the bundled rule file is reported under.
pub(crate) const BUNDLED_EDITS_NAME: &str = "data/edits.tsv";

const HEADER: [&str; 10] = [
    "id",
    "kind",
    "codes",
    "with",
    "except",
    "scope",
    "severity",
    "confirmed",
    "message",
    "basis",
];

/// One checked row of a rule file: a claim-level edit.
///
/// ```
/// use cdt_codes::claims::{RuleKind, Scope};
/// use cdt_codes::dataset::{parse_edits, Dataset, Source};
///
/// let file = "id\tkind\tcodes\twith\texcept\tscope\tseverity\tconfirmed\tmessage\tbasis\n\
///             eval\tone-per-visit\tD0120,D0150\t\t\tdate\twarning\tno\tone evaluation a visit\tours\n";
/// let rows = parse_edits(Source::new("edits.tsv", file.as_bytes()), &Dataset::bundled()?)?;
/// assert_eq!(rows[0].kind, RuleKind::OnePerVisit);
/// assert_eq!(rows[0].scope, Scope::DATE);
/// assert_eq!(rows[0].codes.len(), 2);
/// # Ok::<(), cdt_codes::dataset::DataErrors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct EditRow {
    /// The line of the file the row is on.
    pub line: usize,
    /// The rule's id, unique in the file.
    pub id: String,
    /// What kind of conflict the rule describes.
    pub kind: RuleKind,
    /// The codes of the rule (its first side), as inclusive ranges.
    pub codes: Vec<RangeInclusive<CdtCode>>,
    /// The second side, for kinds that compare two.
    pub with: Vec<RangeInclusive<CdtCode>>,
    /// Codes inside the ranges above that the rule leaves out.
    pub except: Vec<RangeInclusive<CdtCode>>,
    /// Which lines the rule compares.
    pub scope: Scope,
    /// How serious a conflict is.
    pub severity: Severity,
    /// Whether two independent public sources confirm the rule.
    pub confirmed: bool,
    /// What is wrong, in our own words.
    pub message: String,
    /// The definition or public guidance the rule rests on.
    pub basis: String,
}

/// What is wrong with a row of a rule file.
///
/// ```
/// use cdt_codes::dataset::{parse_edits, DataErrorKind, Dataset, EditProblem, Source};
///
/// let file = "id\tkind\tcodes\twith\texcept\tscope\tseverity\tconfirmed\tmessage\tbasis\n\
///             x\tone-per-visit\tD0120,D0150\t\t\tdate\terror\tno\tone evaluation\tours\n";
/// let errors = parse_edits(Source::new("e.tsv", file.as_bytes()), &Dataset::bundled()?).unwrap_err();
/// assert_eq!(errors[0].kind, DataErrorKind::BadEdit(EditProblem::UnconfirmedError));
/// assert!(errors.to_string().starts_with("e.tsv:2:7: column `severity`"));
/// # Ok::<(), cdt_codes::dataset::DataErrors>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EditProblem {
    /// An id with characters other than lower-case letters, digits and `-`.
    BadId,
    /// The same id on an earlier line.
    DuplicateId {
        /// The line of the earlier rule.
        first_line: usize,
    },
    /// A kind that is not one of [`RuleKind::ALL`].
    UnknownKind,
    /// A code list item that is neither a code nor a range `Dxxxx-Dyyyy`.
    BadCodeItem,
    /// A range whose first code is after its last.
    BackwardRange,
    /// A code the data does not define.
    UnknownCode,
    /// A range in which the data defines no code.
    EmptyRange,
    /// A kind that compares two sides with no `with` list.
    MissingSecondSide,
    /// A `with` list on a kind that compares one side.
    UnexpectedSecondSide,
    /// A scope that is not names from `date`, `tooth`, `surfaces`,
    /// `quadrant`, `order`, `site` joined by `+`.
    BadScope,
    /// A scope that does not suit the kind: `sequence` needs `order` and
    /// `tooth`, `duplicate` needs `date` and `site`, `one-per-visit` needs
    /// `date`, `one-per-site` needs a site (`tooth`, `surfaces` or
    /// `quadrant`); `order` and `site` belong to those kinds alone, and
    /// `surfaces` needs `tooth`.
    ScopeMismatch,
    /// A severity other than `error` or `warning`.
    BadSeverity,
    /// An error rule that no source confirms: an unconfirmed rule may
    /// only warn.
    UnconfirmedError,
}

impl fmt::Display for EditProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditProblem::BadId => {
                f.write_str("an id is lower-case letters, digits and '-', not empty")
            }
            EditProblem::DuplicateId { first_line } => {
                write!(f, "this id is already used on line {first_line}")
            }
            EditProblem::UnknownKind => f.write_str(
                "not a kind of edit (one-per-visit, includes, not-with, one-per-site, \
                 sequence, duplicate)",
            ),
            EditProblem::BadCodeItem => {
                f.write_str("not a code or a range of codes such as D2140-D2161")
            }
            EditProblem::BackwardRange => f.write_str("the range ends before it starts"),
            EditProblem::UnknownCode => f.write_str("the data does not define this code"),
            EditProblem::EmptyRange => f.write_str("the data defines no code in this range"),
            EditProblem::MissingSecondSide => {
                f.write_str("this kind compares two sides: the `with` column is needed")
            }
            EditProblem::UnexpectedSecondSide => {
                f.write_str("this kind compares one side: leave the `with` column empty")
            }
            EditProblem::BadScope => f.write_str(
                "a scope is date, tooth, surfaces, quadrant, order or site, joined by '+'",
            ),
            EditProblem::ScopeMismatch => f.write_str(
                "the scope does not suit the kind (sequence: order+tooth; duplicate: \
                 date+site; one-per-visit: date; one-per-site: tooth, surfaces or quadrant; \
                 surfaces needs tooth)",
            ),
            EditProblem::BadSeverity => f.write_str("a severity is error or warning"),
            EditProblem::UnconfirmedError => {
                f.write_str("a rule no source confirms may only be a warning")
            }
        }
    }
}

/// Reads and checks a rule file (the form of `data/edits.tsv`) against the
/// codes of `data`.
///
/// # Errors
///
/// Every problem found, each with file, line, column and value: a missing
/// column, a malformed or unknown code, a bad kind, scope, severity or
/// flag, a repeated id, an unconfirmed rule that is an error.
///
/// ```
/// use cdt_codes::dataset::{parse_edits, Dataset, Source};
///
/// let file = "id\tkind\tcodes\twith\texcept\tscope\tseverity\tconfirmed\tmessage\tbasis\n\
///             p\tnot-with\tD3220\tD3310-D3330\t\tdate+tooth\terror\tyes\tno pulpotomy with a root canal\tours\n\
///             q\tnot-with\tD3220\tD0001\t\tdate+tooth\terror\tyes\tbroken\tours\n";
/// let errors = parse_edits(Source::new("e.tsv", file.as_bytes()), &Dataset::bundled()?).unwrap_err();
/// assert_eq!(errors.len(), 1);
/// assert!(errors.to_string().contains("e.tsv:3:4: column `with`"));
/// # Ok::<(), cdt_codes::dataset::DataErrors>(())
/// ```
pub fn parse_edits(source: Source<'_>, data: &Dataset) -> Result<Vec<EditRow>, DataErrors> {
    let mut errors = Vec::new();
    let Some(table) = super::read_table(source, &mut errors) else {
        return Err(DataErrors::from(errors));
    };
    let blame = Blame { file: source.name };
    let positions = table.positions(blame, HEADER).map_err(DataErrors::from)?;
    let defined: Vec<CdtCode> = data.procedures.iter().map(|row| row.code).collect();
    let mut rows = Vec::new();
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    for row in &table.rows {
        let fields = Row {
            blame,
            line: row.line,
            cells: &row.fields,
            positions,
        };
        if let Some(parsed) = fields.parse(&defined, &mut ids, &mut errors) {
            rows.push(parsed);
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(blame.line(0, "", DataErrorKind::Empty));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(DataErrors::from(errors))
    }
}

/// One row's fields, with what is needed to blame them.
struct Row<'a> {
    blame: Blame<'a>,
    line: usize,
    cells: &'a [String],
    positions: [usize; 10],
}

impl Row<'_> {
    fn text(&self, column: usize) -> &str {
        self.cells
            .get(self.positions[column])
            .map_or("", |text| text.trim())
    }

    fn error(&self, column: usize, kind: DataErrorKind) -> DataError {
        self.blame.field(
            self.line,
            self.positions[column],
            HEADER[column],
            self.text(column),
            kind,
        )
    }

    fn problem(&self, column: usize, problem: EditProblem) -> DataError {
        self.error(column, DataErrorKind::BadEdit(problem))
    }

    /// The row, or `None` with every problem in it recorded.
    fn parse(
        &self,
        defined: &[CdtCode],
        ids: &mut BTreeMap<String, usize>,
        errors: &mut Vec<DataError>,
    ) -> Option<EditRow> {
        let before = errors.len();
        let id = self.text(0);
        let id_ok = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !id_ok {
            errors.push(self.problem(0, EditProblem::BadId));
        } else if let Some(&first_line) = ids.get(id) {
            errors.push(self.problem(0, EditProblem::DuplicateId { first_line }));
        } else {
            ids.insert(id.into(), self.line);
        }
        let kind = RuleKind::parse(self.text(1));
        if kind.is_none() {
            errors.push(self.problem(1, EditProblem::UnknownKind));
        }
        let codes = self.codes(2, defined, true, errors);
        let with = self.codes(3, defined, false, errors);
        let except = self.codes(4, defined, false, errors);
        if let Some(kind) = kind {
            match (kind.needs_second_side(), self.text(3).is_empty()) {
                (true, true) => errors.push(self.problem(3, EditProblem::MissingSecondSide)),
                (false, false) => errors.push(self.problem(3, EditProblem::UnexpectedSecondSide)),
                _ => {}
            }
        }
        let scope = Scope::parse(self.text(5));
        match (scope, kind) {
            (None, _) => errors.push(self.problem(5, EditProblem::BadScope)),
            (Some(scope), Some(kind)) if !suits(kind, scope) => {
                errors.push(self.problem(5, EditProblem::ScopeMismatch));
            }
            _ => {}
        }
        let severity = match self.text(6) {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            _ => {
                errors.push(self.problem(6, EditProblem::BadSeverity));
                None
            }
        };
        let confirmed = match self.text(7) {
            "yes" => Some(true),
            "no" => Some(false),
            _ => {
                errors.push(self.error(7, DataErrorKind::BadFlag));
                None
            }
        };
        if severity == Some(Severity::Error) && confirmed == Some(false) {
            errors.push(self.problem(6, EditProblem::UnconfirmedError));
        }
        for column in [8, 9] {
            if self.text(column).is_empty() {
                errors.push(self.error(column, DataErrorKind::EmptyField));
            }
        }
        if errors.len() > before {
            return None;
        }
        Some(EditRow {
            line: self.line,
            id: id.into(),
            kind: kind?,
            codes,
            with,
            except,
            scope: scope?,
            severity: severity?,
            confirmed: confirmed?,
            message: self.text(8).into(),
            basis: self.text(9).into(),
        })
    }

    /// A list of codes and ranges joined by `,`, each checked against the
    /// defined codes.
    fn codes(
        &self,
        column: usize,
        defined: &[CdtCode],
        required: bool,
        errors: &mut Vec<DataError>,
    ) -> Vec<RangeInclusive<CdtCode>> {
        let text = self.text(column);
        if text.is_empty() {
            if required {
                errors.push(self.error(column, DataErrorKind::EmptyField));
            }
            return Vec::new();
        }
        let mut ranges = Vec::new();
        for item in text.split(',').map(str::trim) {
            let (first, last) = item.split_once('-').unwrap_or((item, item));
            let (Ok(first), Ok(last)) = (CdtCode::parse(first.trim()), CdtCode::parse(last.trim()))
            else {
                errors.push(self.item(column, item, EditProblem::BadCodeItem));
                continue;
            };
            if first > last {
                errors.push(self.item(column, item, EditProblem::BackwardRange));
                continue;
            }
            let start = defined.partition_point(|code| *code < first);
            let any = defined.get(start).is_some_and(|code| *code <= last);
            if first == last && defined.binary_search(&first).is_err() {
                errors.push(self.item(column, item, EditProblem::UnknownCode));
            } else if !any {
                errors.push(self.item(column, item, EditProblem::EmptyRange));
            } else {
                ranges.push(first..=last);
            }
        }
        ranges
    }

    /// An error naming one item of a list.
    fn item(&self, column: usize, item: &str, problem: EditProblem) -> DataError {
        self.blame.field(
            self.line,
            self.positions[column],
            HEADER[column],
            item,
            DataErrorKind::BadEdit(problem),
        )
    }
}

/// Whether `scope` suits a rule of `kind`.
fn suits(kind: RuleKind, scope: Scope) -> bool {
    let surfaces_ok = !scope.contains(Scope::SURFACES) || scope.contains(Scope::TOOTH);
    let order = scope.contains(Scope::ORDER);
    let site = scope.contains(Scope::SITE);
    let fits = match kind {
        RuleKind::Sequence => order && scope.contains(Scope::TOOTH) && !site,
        RuleKind::Duplicate => site && scope.contains(Scope::DATE) && !order,
        RuleKind::OnePerVisit => scope.contains(Scope::DATE) && !order && !site,
        RuleKind::OnePerSite => {
            !order && !site && (scope.contains(Scope::TOOTH) || scope.contains(Scope::QUADRANT))
        }
        RuleKind::Includes | RuleKind::NotWith => !order && !site,
    };
    fits && surfaces_ok
}

/// The bundled rule file (`data/edits.tsv`), parsed and checked against the
/// bundled data: the rules `claims::edits` is compiled from.
///
/// # Errors
///
/// Never for a released crate (the build checks the same file); the
/// `Result` is there because the parser is shared.
///
/// ```
/// let rules = cdt_codes::dataset::bundled_edits()?;
/// assert!(rules.iter().any(|rule| rule.id == "pulpotomy-with-root-canal"));
/// # Ok::<(), cdt_codes::dataset::DataErrors>(())
/// ```
pub fn bundled_edits() -> Result<Vec<EditRow>, DataErrors> {
    parse_edits(
        Source::new(BUNDLED_EDITS_NAME, BUNDLED_EDITS.as_bytes()),
        &Dataset::bundled()?,
    )
}

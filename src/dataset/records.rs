//! Turns the rows of a code file into procedure records, checking each field.

use std::string::String;
use std::vec::Vec;

use super::columns::{CodeHeader, Column};
use super::error::{Blame, DataError, DataErrorKind};
use super::table::Row;
use crate::model::category::Category;
use crate::model::code::CdtCode;
use crate::model::date::ServiceDate;
use crate::model::edition::{Added, Edition};
use crate::model::record::Fact;

/// One procedure as read from a data file, before it is compiled or loaded.
///
/// ```
/// use cdt_codes::dataset::{Dataset, Options, Source};
///
/// let codes = "code\tadded_in\tdescription\nD3355\t2014\tpulpal regeneration, first visit\n";
/// let headings = "category\theading\tconfirmed\tsource\n";
/// let data = Dataset::parse(
///     Source::new("c.tsv", codes.as_bytes()),
///     Source::new("h.tsv", headings.as_bytes()),
///     &Options::default(),
/// )?;
/// let row = &data.procedures[0];
/// assert_eq!((row.line, row.added_in_year()), (2, Some(2014)));
/// # Ok::<(), cdt_codes::dataset::DataErrors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProcedureRow {
    /// The line the row starts on.
    pub line: usize,
    /// The code.
    pub code: CdtCode,
    /// The plain-language description (the nomenclature when the file has
    /// no description of its own).
    pub description: String,
    /// The official nomenclature, from a licensed file.
    pub nomenclature: Option<String>,
    /// The official descriptor, from a licensed file.
    pub descriptor: Option<String>,
    /// When the code entered the code set.
    pub added: Option<Added>,
    /// The edition that no longer contains the code.
    pub deleted_in: Option<Edition>,
    /// Codes the ADA named to report instead, in the order given.
    pub replaced_by: Vec<CdtCode>,
    /// Editions that revised the code's nomenclature or descriptor.
    pub revised_in: Vec<Edition>,
    /// The date the code took effect when that was not 1 January of its
    /// edition (the COVID-19 codes, for example).
    pub effective: Option<ServiceDate>,
    /// The subcategory heading the code stands (or last stood) under.
    pub subcategory: Option<String>,
    /// Facts of this row that rest on inference rather than a source.
    pub unconfirmed: Vec<Fact>,
    /// What a claim line for the code must report, from
    /// `data/reporting.tsv` (not from the code file).
    pub reporting: Option<crate::model::reporting::Reporting>,
    /// For a deleted code with no named replacement: its successors, or
    /// why it has none, from `data/successors.tsv` (not from the code
    /// file).
    pub succession: Option<SuccessionRow>,
}

/// What `data/successors.tsv` says about one deleted code: the codes that
/// took its procedure over and how that is known, or why none did.
///
/// ```
/// let data = cdt_codes::dataset::Dataset::bundled()?;
/// let d1550 = data.procedures.iter().find(|row| row.code.to_string() == "D1550").unwrap();
/// let succession = d1550.succession.as_ref().unwrap();
/// assert_eq!(succession.successors.len(), 3);
/// # Ok::<(), cdt_codes::dataset::DataErrors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SuccessionRow {
    /// The line of the successors file the row is on.
    pub line: usize,
    /// How the successors are known, or that there are none.
    pub kind: crate::model::record::SuccessorKind,
    /// The successor codes, in the order given (empty for `none`).
    pub successors: Vec<CdtCode>,
    /// The key of the source in `data/SOURCES.md` (for `confirmed`).
    pub source: String,
    /// The basis of an inference, or why there is no successor.
    pub note: String,
}

impl ProcedureRow {
    /// The year of the edition that added the code, when the row records it
    /// exactly (not for `<2005`).
    ///
    /// ```
    /// use cdt_codes::dataset::{Dataset, Options, Source};
    ///
    /// let codes = "code\tadded_in\tdescription\n\
    ///              D0120\t<2005\tperiodic exam\n\
    ///              D0426\t2026\tsaliva test\n";
    /// let options = Options::for_edition(cdt_codes::Edition::new(2026).unwrap());
    /// let headings = "category\theading\tconfirmed\tsource\n";
    /// let data = Dataset::parse(
    ///     Source::new("codes.tsv", codes.as_bytes()),
    ///     Source::new("subcategories.tsv", headings.as_bytes()),
    ///     &options,
    /// )
    /// .unwrap();
    /// let years: Vec<_> = data.procedures.iter().map(|row| row.added_in_year()).collect();
    /// assert_eq!(years, [None, Some(2026)]); // `<2005` is no exact year
    /// ```
    #[must_use]
    pub fn added_in_year(&self) -> Option<u16> {
        match self.added {
            Some(Added::In(edition)) => Some(edition.year()),
            _ => None,
        }
    }
}

/// A replacement as written, kept until every code in the file is known.
#[derive(Debug, Clone)]
pub(crate) struct PendingReplacement {
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) text: String,
}

/// Reads one field of a row, trimmed, with what is needed to blame it.
struct Field<'a> {
    line: usize,
    column: usize,
    name: &'a str,
    text: &'a str,
}

impl<'a> Field<'a> {
    fn of(row: &'a Row, layout: &'a CodeHeader, column: Column) -> Option<Field<'a>> {
        let position = layout.position(column)?;
        Some(Field {
            line: row.line,
            column: position,
            name: layout.header_name(position),
            text: row.fields[position].trim(),
        })
    }

    fn error(&self, blame: Blame<'_>, kind: DataErrorKind) -> DataError {
        blame.field(self.line, self.column, self.name, self.text, kind)
    }

    fn non_empty(&self) -> Option<&'a str> {
        (!self.text.is_empty()).then_some(self.text)
    }
}

/// Parses every data row; returns the records that parsed cleanly, the
/// replacement texts to resolve later, and the errors found.
pub(crate) fn parse_rows(
    blame: Blame<'_>,
    layout: &CodeHeader,
    rows: &[Row],
) -> (
    Vec<(ProcedureRow, Option<PendingReplacement>)>,
    Vec<DataError>,
) {
    let mut records = Vec::with_capacity(rows.len());
    let mut errors = Vec::new();
    for row in rows {
        let before = errors.len();
        let record = parse_row(blame, layout, row, &mut errors);
        if errors.len() == before {
            if let Some(record) = record {
                records.push(record);
            }
        }
    }
    (records, errors)
}

fn parse_row(
    blame: Blame<'_>,
    layout: &CodeHeader,
    row: &Row,
    errors: &mut Vec<DataError>,
) -> Option<(ProcedureRow, Option<PendingReplacement>)> {
    let code = parse_code(blame, &Field::of(row, layout, Column::Code)?, errors);
    if let (Some(code), Some(field)) = (code, Field::of(row, layout, Column::Category)) {
        check_category(blame, code, &field, errors);
    }
    let nomenclature = Field::of(row, layout, Column::Nomenclature)
        .and_then(|field| field.non_empty())
        .map(String::from);
    let descriptor = Field::of(row, layout, Column::Descriptor)
        .and_then(|field| field.non_empty())
        .map(String::from);
    let description = description(blame, row, layout, nomenclature.as_deref(), errors);
    let added_field = Field::of(row, layout, Column::AddedIn);
    let added = added_field.as_ref().and_then(|field| {
        let text = field.non_empty()?;
        text.parse::<Added>()
            .map_err(|_| errors.push(field.error(blame, DataErrorKind::BadYear)))
            .ok()
    });
    let deleted_field = Field::of(row, layout, Column::DeletedIn);
    let deleted_in = deleted_field
        .as_ref()
        .and_then(|field| parse_year(blame, field, errors));
    if let (Some(Added::In(added)), Some(deleted), Some(field)) =
        (added, deleted_in, deleted_field.as_ref())
    {
        if deleted <= added {
            errors.push(field.error(blame, DataErrorKind::DeletedBeforeAdded { added, deleted }));
        }
    }
    let revised_in = Field::of(row, layout, Column::RevisedIn)
        .map(|field| parse_revisions(blame, &field, added, deleted_in, errors))
        .unwrap_or_default();
    if let Some(field) = &added_field {
        check_tightness(blame, field, added, deleted_in, &revised_in, errors);
    }
    let effective = Field::of(row, layout, Column::Effective)
        .and_then(|field| parse_effective(blame, &field, added, errors));
    let subcategory = Field::of(row, layout, Column::Subcategory)
        .and_then(|field| field.non_empty())
        .map(String::from);
    let unconfirmed = Field::of(row, layout, Column::Unconfirmed)
        .map(|field| parse_facts(blame, &field, errors))
        .unwrap_or_default();
    let pending = Field::of(row, layout, Column::ReplacedBy).and_then(|field| {
        let text = field.non_empty()?;
        if deleted_in.is_none() {
            errors.push(field.error(blame, DataErrorKind::ReplacementWithoutDeletion));
        }
        Some(PendingReplacement {
            line: field.line,
            column: field.column,
            text: text.into(),
        })
    });
    Some((
        ProcedureRow {
            line: row.line,
            code: code?,
            description: description?,
            nomenclature,
            descriptor,
            added,
            deleted_in,
            replaced_by: Vec::new(),
            revised_in,
            effective,
            subcategory,
            unconfirmed,
            reporting: None,
            succession: None,
        },
        pending,
    ))
}

fn parse_code(blame: Blame<'_>, field: &Field<'_>, errors: &mut Vec<DataError>) -> Option<CdtCode> {
    if field.text.is_empty() {
        errors.push(field.error(blame, DataErrorKind::EmptyField));
        return None;
    }
    match CdtCode::parse(field.text) {
        Ok(code) if Category::of(code).is_none() => {
            errors.push(field.error(blame, DataErrorKind::OutsideCategories));
            None
        }
        Ok(code) => Some(code),
        Err(error) => {
            errors.push(field.error(blame, DataErrorKind::MalformedCode(error)));
            None
        }
    }
}

fn check_category(blame: Blame<'_>, code: CdtCode, field: &Field<'_>, errors: &mut Vec<DataError>) {
    let Some(expected) = Category::of(code) else {
        return;
    };
    if let Some(text) = field.non_empty() {
        if Category::from_name(text) != Some(expected) {
            errors.push(field.error(blame, DataErrorKind::CategoryMismatch { expected }));
        }
    }
}

/// The description, or the nomenclature when the file has no description.
fn description(
    blame: Blame<'_>,
    row: &Row,
    layout: &CodeHeader,
    nomenclature: Option<&str>,
    errors: &mut Vec<DataError>,
) -> Option<String> {
    let field = Field::of(row, layout, Column::Description);
    if let Some(text) = field.as_ref().and_then(Field::non_empty) {
        return Some(text.into());
    }
    if let Some(text) = nomenclature {
        return Some(text.into());
    }
    let field = field.or_else(|| Field::of(row, layout, Column::Nomenclature))?;
    errors.push(field.error(blame, DataErrorKind::EmptyField));
    None
}

fn parse_year(blame: Blame<'_>, field: &Field<'_>, errors: &mut Vec<DataError>) -> Option<Edition> {
    let text = field.non_empty()?;
    text.parse::<Edition>()
        .map_err(|_| errors.push(field.error(blame, DataErrorKind::BadYear)))
        .ok()
}

/// Splits a list written with commas, semicolons or spaces.
pub(crate) fn list_items(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', ' ', '|'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

fn parse_revisions(
    blame: Blame<'_>,
    field: &Field<'_>,
    added: Option<Added>,
    deleted_in: Option<Edition>,
    errors: &mut Vec<DataError>,
) -> Vec<Edition> {
    let mut revised = Vec::new();
    for item in list_items(field.text) {
        let Ok(edition) = item.parse::<Edition>() else {
            errors.push(blame.field(
                field.line,
                field.column,
                field.name,
                item,
                DataErrorKind::BadYear,
            ));
            continue;
        };
        let too_early = matches!(added, Some(Added::In(a)) if edition <= a);
        let too_late = matches!(deleted_in, Some(d) if edition >= d);
        if too_early || too_late {
            errors.push(blame.field(
                field.line,
                field.column,
                field.name,
                item,
                DataErrorKind::RevisedOutsideLifetime { revised: edition },
            ));
            continue;
        }
        revised.push(edition);
    }
    revised.sort_unstable();
    revised.dedup();
    revised
}

/// A code said to predate edition `b` must not be deleted or revised
/// before `b`: the history would read as an addition after its own end.
fn check_tightness(
    blame: Blame<'_>,
    added_field: &Field<'_>,
    added: Option<Added>,
    deleted_in: Option<Edition>,
    revised_in: &[Edition],
    errors: &mut Vec<DataError>,
) {
    let Some(Added::Before(before)) = added else {
        return;
    };
    let earliest = revised_in.iter().copied().chain(deleted_in).min();
    if let Some(earliest) = earliest.filter(|earliest| *earliest < before) {
        errors
            .push(added_field.error(blame, DataErrorKind::AddedAfterHistory { before, earliest }));
    }
}

fn parse_effective(
    blame: Blame<'_>,
    field: &Field<'_>,
    added: Option<Added>,
    errors: &mut Vec<DataError>,
) -> Option<ServiceDate> {
    let text = field.non_empty()?;
    let date = text
        .parse::<ServiceDate>()
        .map_err(|error| errors.push(field.error(blame, DataErrorKind::BadDate(error))))
        .ok()?;
    match added {
        // Off-cycle: from the year before the edition to its last year.
        Some(Added::In(edition))
            if date.year() + 1 >= edition.first_year() && date.year() <= edition.last_year() =>
        {
            Some(date)
        }
        Some(Added::In(edition)) => {
            errors.push(field.error(
                blame,
                DataErrorKind::EffectiveOutsideEdition { added: edition },
            ));
            None
        }
        _ => {
            errors.push(field.error(blame, DataErrorKind::EffectiveWithoutAddition));
            None
        }
    }
}

fn parse_facts(blame: Blame<'_>, field: &Field<'_>, errors: &mut Vec<DataError>) -> Vec<Fact> {
    let mut facts = Vec::new();
    for item in list_items(field.text) {
        match item.parse::<Fact>() {
            Ok(fact) if !facts.contains(&fact) => facts.push(fact),
            Ok(_) => {}
            Err(_) => errors.push(blame.field(
                field.line,
                field.column,
                field.name,
                item,
                DataErrorKind::UnknownFact,
            )),
        }
    }
    facts
}

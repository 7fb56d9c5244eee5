//! Recognises the columns of a code file by their header names.

use std::string::String;
use std::vec::Vec;

use super::error::{Blame, DataError};
use super::table::Row;

/// A column the parser understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    Code,
    Description,
    Nomenclature,
    Descriptor,
    Category,
    Subcategory,
    AddedIn,
    DeletedIn,
    ReplacedBy,
    RevisedIn,
    Effective,
    Unconfirmed,
}

impl Column {
    pub(crate) const ALL: [Column; 12] = [
        Column::Code,
        Column::Description,
        Column::Nomenclature,
        Column::Descriptor,
        Column::Category,
        Column::Subcategory,
        Column::AddedIn,
        Column::DeletedIn,
        Column::ReplacedBy,
        Column::RevisedIn,
        Column::Effective,
        Column::Unconfirmed,
    ];

    /// The canonical header name, used in messages.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Column::Code => "code",
            Column::Description => "description",
            Column::Nomenclature => "nomenclature",
            Column::Descriptor => "descriptor",
            Column::Category => "category",
            Column::Subcategory => "subcategory",
            Column::AddedIn => "added_in",
            Column::DeletedIn => "deleted_in",
            Column::ReplacedBy => "replaced_by",
            Column::RevisedIn => "revised_in",
            Column::Effective => "effective",
            Column::Unconfirmed => "unconfirmed",
        }
    }

    /// Header names accepted for the column, in the form
    /// [`normalise_header`](super::delimited::normalise_header) gives
    /// (`Procedure Code`, `procedure-code` and `procedureCode` all read as
    /// `procedure_code`).
    pub(crate) fn synonyms(self) -> &'static [&'static str] {
        match self {
            Column::Code => &["code", "procedure_code", "cdt_code", "cdt", "proc_code"],
            Column::Description => &["description", "plain_description", "summary"],
            Column::Nomenclature => &["nomenclature", "official_nomenclature"],
            Column::Descriptor => &["descriptor", "official_descriptor"],
            Column::Category => &["category", "category_of_service"],
            Column::Subcategory => &["subcategory", "sub_category"],
            Column::AddedIn => &["added_in", "added", "first_edition"],
            Column::DeletedIn => &["deleted_in", "deleted", "retired", "last_edition"],
            Column::ReplacedBy => &["replaced_by", "replacement", "replacements"],
            Column::RevisedIn => &["revised_in", "revised", "revisions"],
            Column::Effective => &["effective", "effective_date", "off_cycle_effective"],
            Column::Unconfirmed => &["unconfirmed", "inferred"],
        }
    }
}

/// The header of a code file, read: where each recognised column sits,
/// plus the header cells nobody claimed.
#[derive(Debug, Clone)]
pub(crate) struct CodeHeader {
    positions: [Option<usize>; 12],
    names: Vec<String>,
    /// Header cells that name no known column, with their 0-based positions.
    pub(crate) unknown: Vec<(usize, String)>,
}

impl CodeHeader {
    /// Reads the header row; `required` columns must be present.
    pub(crate) fn from_header(
        blame: Blame<'_>,
        header: &Row,
        required: &[Column],
    ) -> Result<CodeHeader, Vec<DataError>> {
        let found = header.match_columns(
            blame,
            Column::ALL,
            |column, cell| column.synonyms().contains(&cell),
            Column::name,
            |column| required.contains(&column),
        )?;
        let unknown = found.unknown.into_iter();
        Ok(CodeHeader {
            positions: found.positions,
            names: header.fields.clone(),
            unknown: unknown
                .map(|position| (position, header.fields[position].clone()))
                .collect(),
        })
    }

    /// The 0-based position of `column`, if the file has it.
    pub(crate) fn position(&self, column: Column) -> Option<usize> {
        self.positions[column as usize]
    }

    /// The header text of the column at `position`.
    pub(crate) fn header_name(&self, position: usize) -> &str {
        self.names.get(position).map_or("", String::as_str)
    }

    /// Whether the file has `column`.
    pub(crate) fn has(&self, column: Column) -> bool {
        self.position(column).is_some()
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use crate::dataset::error::DataErrorKind;
    use std::vec;

    fn header(cells: &[&str]) -> Row {
        Row {
            line: 1,
            fields: cells.iter().map(|c| (*c).into()).collect(),
        }
    }

    #[test]
    fn recognises_synonyms_in_any_case() {
        // `CodeHeader` indexes the matcher's positions by `column as usize`.
        let order: Vec<usize> = Column::ALL.iter().map(|column| *column as usize).collect();
        assert_eq!(order, (0..Column::ALL.len()).collect::<Vec<_>>());
        let blame = Blame { file: "f" };
        let layout = CodeHeader::from_header(
            blame,
            &header(&[
                "Procedure Code",
                "NOMENCLATURE",
                "Descriptor",
                "Added_In",
                "Notes",
            ]),
            &[Column::Code],
        )
        .unwrap();
        assert_eq!(layout.position(Column::Code), Some(0));
        assert_eq!(layout.position(Column::Nomenclature), Some(1));
        assert_eq!(layout.position(Column::AddedIn), Some(3));
        assert_eq!(layout.unknown, vec![(4, String::from("Notes"))]);
    }

    #[test]
    fn recognises_camel_case_and_quoted_headers() {
        let layout = CodeHeader::from_header(
            Blame { file: "f" },
            &header(&["\u{feff}procedureCode", "'Added In'", "DeletedIn"]),
            &[Column::Code],
        )
        .unwrap();
        assert_eq!(layout.position(Column::Code), Some(0));
        assert_eq!(layout.position(Column::AddedIn), Some(1));
        assert_eq!(layout.position(Column::DeletedIn), Some(2));
    }

    #[test]
    fn reports_missing_and_duplicate_columns() {
        let blame = Blame { file: "f" };
        let errors = CodeHeader::from_header(
            blame,
            &header(&["code", "cdt code"]),
            &[Column::Code, Column::Description],
        )
        .unwrap_err();
        assert!(matches!(
            errors[0].kind,
            DataErrorKind::DuplicateColumn { column: "code" }
        ));
        assert!(matches!(
            errors[1].kind,
            DataErrorKind::MissingColumn {
                column: "description"
            }
        ));
    }
}

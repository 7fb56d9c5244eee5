//! The columns of a delimited claims export, found by header name.

use core::fmt;
use std::string::String;
use std::vec::Vec;

use super::aliases;
use super::error::HeaderError;
use crate::dataset::delimited::{match_header_looked_up, normalise_header};

// `CLAIM_ALIASES`: every name of `aliases`, to its column's place in
// `ClaimColumn::ALL` (written by `build.rs`).
include!(concat!(env!("OUT_DIR"), "/claim_aliases.rs"));

/// A column the checker reads from a delimited claims file.
///
/// ```
/// use cdt_codes::claims::ClaimColumn;
///
/// assert!(ClaimColumn::Code.names().contains(&"procedure_code"));
/// assert!(ClaimColumn::Code.is_required());
/// assert!(!ClaimColumn::Line.is_required()); // the row number stands in
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ClaimColumn {
    /// The claim id (optional).
    Claim,
    /// The line id (optional: the file's line number stands in).
    Line,
    /// The procedure code (required).
    Code,
    /// The date of service (required).
    Date,
    /// The tooth number (optional).
    Tooth,
    /// The tooth surfaces (optional).
    Surfaces,
    /// The area of the oral cavity: quadrant, arch, sextant (optional).
    Area,
    /// The last day of service, when the export gives a range (optional).
    DateEnd,
    /// The tooth numbering of the row, `JP` (Universal/National) or `JO`
    /// (ISO 3950), as in the 837D's `TOO01` (optional; Universal without).
    ToothSystem,
    /// Several teeth in one field, `8,9,13` or `6-11` (optional; read when
    /// the tooth column is empty).
    ToothRange,
    /// The patient (optional).
    Patient,
}

impl ClaimColumn {
    /// Every column, in the order reports list them.
    ///
    /// ```
    /// assert_eq!(cdt_codes::claims::ClaimColumn::ALL.len(), 11);
    /// ```
    pub const ALL: [ClaimColumn; 11] = [
        ClaimColumn::Claim,
        ClaimColumn::Line,
        ClaimColumn::Code,
        ClaimColumn::Date,
        ClaimColumn::Tooth,
        ClaimColumn::Surfaces,
        ClaimColumn::Area,
        ClaimColumn::DateEnd,
        ClaimColumn::ToothSystem,
        ClaimColumn::ToothRange,
        ClaimColumn::Patient,
    ];

    /// The header names that mean this column, normalised: lower case,
    /// with `_` for runs of spaces, hyphens and underscores and between
    /// camelCase words. Besides the plain names, they cover Open Dental's
    /// procedure log (`ProcDate`, `ProcCode`, `ToothNum`, `ToothRange`,
    /// `Surf`, `PatNum`), the T-MSIS Analytic Files' other-services line
    /// (`LINE_PRCDR_CD`, `LINE_SRVC_BGN_DT`, `TOOTH_NUM`, `TOOTH_SRFC_CD`,
    /// `TOOTH_DSGNTN_SYS`, `TOOTH_ORAL_CVTY_AREA_DSGNTD_CD`) and the
    /// camelCase fields of JSON dental claims (`procedureCode`,
    /// `toothCode`, `oralCavityDesignation`) and Washington's all-payer
    /// claims database dental extract (`first_service_dt`,
    /// `dental_tooth_code`, `dental_quadrant_code`), a patient's chart
    /// number (`Chart Number`, as Dentrix Ascend's reports call it), the
    /// ADA Dental Claim Form's captions (`Tooth Number(s) or Letter(s)`,
    /// `Tooth Surface(s)`, read with or without the item's number in
    /// front: `27. Tooth Number(s) or Letter(s)`), the Tuva Project's
    /// `medical_claim` (`claim_line_start_date`, `claim_line_number`) and
    /// Eaglesoft's ledger (`service_code`); see
    /// `tests/fixtures/real/README.md` for where each comes from.
    ///
    /// ```
    /// use cdt_codes::claims::ClaimColumn;
    ///
    /// assert!(ClaimColumn::Date.names().contains(&"dos"));
    /// assert!(ClaimColumn::Claim.names().contains(&"claim_number"));
    /// ```
    #[must_use]
    pub const fn names(self) -> &'static [&'static str] {
        aliases::BY_COLUMN[self as usize]
    }

    /// The column a normalised header cell names by one of the columns'
    /// [`names`](ClaimColumn::names), if any: one look in a `phf` map that
    /// `build.rs` compiles from the same lists (no name is any two
    /// columns'; the build checks it).
    ///
    /// The ADA Dental Claim Form numbers its items (`24. Procedure Date`,
    /// `29a. Diag. Pointer`), and exports that copy its captions may keep
    /// the number: a cell no name matches is tried again without one.
    fn named_by(cell: &str) -> Option<ClaimColumn> {
        let index = match CLAIM_ALIASES.get(cell) {
            Some(index) => *index,
            None => *CLAIM_ALIASES.get(without_item_number(cell)?)?,
        };
        ClaimColumn::ALL.get(usize::from(index)).copied()
    }

    /// The column's usual name, as reports and errors show it.
    ///
    /// ```
    /// assert_eq!(cdt_codes::claims::ClaimColumn::Code.name(), "procedure_code");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        self.names()[0]
    }

    /// Whether a file must have the column.
    ///
    /// ```
    /// assert!(cdt_codes::claims::ClaimColumn::Date.is_required());
    /// ```
    #[must_use]
    pub const fn is_required(self) -> bool {
        matches!(self, ClaimColumn::Code | ClaimColumn::Date)
    }
}

impl fmt::Display for ClaimColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// Header names chosen by the caller, used instead of the synonyms for the
/// columns they name (compared after the same normalisation).
///
/// ```
/// use cdt_codes::claims::{ClaimColumn, ColumnNames};
///
/// let names = ColumnNames::default().with(ClaimColumn::Code, "Proc Cd");
/// assert_eq!(names.get(ClaimColumn::Code), Some("proc_cd"));
/// assert_eq!(names.get(ClaimColumn::Date), None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnNames {
    names: [Option<String>; ClaimColumn::ALL.len()],
}

impl ColumnNames {
    /// These names with `column` read from the header `name`.
    #[must_use]
    pub fn with(mut self, column: ClaimColumn, name: &str) -> ColumnNames {
        self.names[column as usize] = Some(normalise_header(name));
        self
    }

    /// The chosen header of `column`, normalised, if one was set.
    #[must_use]
    pub fn get(&self, column: ClaimColumn) -> Option<&str> {
        self.names[column as usize].as_deref()
    }

    /// Whether a normalised header cell names `column`: the chosen name if
    /// there is one, else any of the column's synonyms (`named`: the
    /// column the cell's name is one of, looked up once a cell).
    fn matches(&self, column: ClaimColumn, cell: &str, named: Option<ClaimColumn>) -> bool {
        match self.get(column) {
            Some(name) => name == cell,
            None => named == Some(column),
        }
    }
}

/// Whether a normalised header name of `column` is read only in the
/// absence of the column's usual names.
fn is_secondary(column: ClaimColumn, name: &str) -> bool {
    aliases::SECONDARY_BY_COLUMN[column as usize].contains(&name)
}

/// The header of a claims export, read: where each column sits, and the
/// header's width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClaimHeader {
    positions: [Option<usize>; ClaimColumn::ALL.len()],
    /// The further cells of a column read from several (see
    /// [`ClaimHeader::more`]), in header order.
    more: Vec<(ClaimColumn, usize)>,
    pub(crate) width: usize,
    /// Whether the surfaces column is Open Dental's `Surf`, which holds a
    /// line's surfaces or its quadrant, sextant or arch (its
    /// `procedurelog` table; its 837D writer takes `SV304` from it): the
    /// file carries areas there.
    pub(crate) surfaces_hold_areas: bool,
}

/// Whether the header cells `names` (normalised), all naming `column`, are
/// read together rather than leaving the column in doubt: an area column
/// may be split by kind (`arch`, `quadrant`, `oral_cavity`: a line fills
/// the one its code takes), and surfaces may be one a column (`surface1`
/// to `surface5`).
fn read_together(column: ClaimColumn, names: &[String]) -> bool {
    match column {
        ClaimColumn::Area => true,
        ClaimColumn::Surfaces => names.iter().all(|name| is_numbered_surface(name)),
        _ => false,
    }
}

/// Whether a normalised header cell holds one surface of a line's five:
/// `surface1` to `surface5`, or `surface_1` to `surface_5`.
fn is_numbered_surface(name: &str) -> bool {
    let Some(rest) = name.strip_prefix("surface") else {
        return false;
    };
    matches!(
        rest.strip_prefix('_').unwrap_or(rest).as_bytes(),
        [b'1'..=b'5']
    )
}

/// A normalised header cell without a claim form's item number in front
/// (`24_procedure_date`, `29a_diag_pointer`: one or two digits, perhaps a
/// letter, then the gap), if it has one.
fn without_item_number(cell: &str) -> Option<&str> {
    let digits = cell.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = cell.get(digits..)?;
    let rest = rest
        .strip_prefix(|c: char| c.is_ascii_lowercase())
        .filter(|after| after.starts_with('_'))
        .unwrap_or(rest);
    rest.strip_prefix('_').filter(|caption| !caption.is_empty())
}

impl ClaimHeader {
    /// Finds the columns in a header, the date column among them.
    #[cfg(test)]
    pub(crate) fn find<'h>(
        header: impl IntoIterator<Item = &'h str>,
        names: &ColumnNames,
    ) -> Result<ClaimHeader, HeaderError> {
        ClaimHeader::find_dated(header, names, false)
    }

    /// Finds the columns in a header; the date column need not be there
    /// when the caller gave a date for a file without one (`date_given`),
    /// unless the caller named it.
    pub(crate) fn find_dated<'h>(
        header: impl IntoIterator<Item = &'h str>,
        names: &ColumnNames,
        date_given: bool,
    ) -> Result<ClaimHeader, HeaderError> {
        let header: Vec<String> = header.into_iter().map(String::from).collect();
        let found = match_header_looked_up(
            ClaimColumn::ALL,
            header.iter().map(String::as_str),
            ClaimColumn::named_by,
            |column, cell, named| names.matches(column, cell, *named),
        );
        let cell = |position: usize| header.get(position).cloned().unwrap_or_default();
        let mut positions = found.positions;
        let mut settled = [false; ClaimColumn::ALL.len()];
        let mut more = Vec::new();
        // Columns in the order of their first repeat in the header, so the
        // error, if any, is about the first repeat.
        for repeat in &found.repeats {
            let (column, first) = (repeat.column, repeat.first);
            if core::mem::replace(&mut settled[column as usize], true) {
                continue;
            }
            let again = found
                .repeats
                .iter()
                .filter(|repeat| repeat.column == column);
            // Every cell naming the column. Without a name the caller
            // chose, one of the column's usual names wins over the names
            // read only in their absence (`Patient Name` beside `PatNum`);
            // two of a kind leave the column in doubt.
            let cells: Vec<usize> = core::iter::once(first)
                .chain(again.map(|repeat| repeat.again))
                .collect();
            let normalised: Vec<String> = cells
                .iter()
                .map(|&at| normalise_header(&cell(at)))
                .collect();
            if names.get(column).is_none() && read_together(column, &normalised) {
                positions[column as usize] = Some(first);
                more.extend(cells.iter().skip(1).map(|&at| (column, at)));
                continue;
            }
            let usual: Vec<usize> = cells
                .iter()
                .zip(&normalised)
                .filter(|(_, name)| names.get(column).is_some() || !is_secondary(column, name))
                .map(|(&at, _)| at)
                .collect();
            let (one, two) = match usual.as_slice() {
                [only] => {
                    positions[column as usize] = Some(*only);
                    continue;
                }
                [one, two, ..] => (*one, *two),
                // Two or more cells, every one a name read only in the
                // others' absence.
                _ => (first, cells.get(1).copied().unwrap_or(first)),
            };
            return Err(HeaderError::DuplicateColumn {
                column,
                first: cell(one),
                second: cell(two),
            });
        }
        // Required columns, and any column the caller named, must be found.
        let required = |column: ClaimColumn| {
            column.is_required() && !(date_given && column == ClaimColumn::Date)
        };
        let missing = ClaimColumn::ALL.into_iter().find(|column| {
            (required(*column) || names.get(*column).is_some())
                && positions[*column as usize].is_none()
        });
        if let Some(column) = missing {
            return Err(HeaderError::MissingColumn {
                column,
                wanted: names.get(column).map(String::from),
                header,
            });
        }
        let surfaces_hold_areas = positions[ClaimColumn::Surfaces as usize]
            .is_some_and(|at| normalise_header(&cell(at)) == "surf");
        Ok(ClaimHeader {
            positions,
            more,
            width: header.len(),
            surfaces_hold_areas,
        })
    }

    /// The field index of `column`, if the header has it.
    pub(crate) fn position(&self, column: ClaimColumn) -> Option<usize> {
        self.positions[column as usize]
    }

    /// The field indices of the cells after the first that `column` is
    /// read from, when the header splits it (areas by kind, surfaces one a
    /// cell); none for most headers.
    pub(crate) fn more(&self, column: ClaimColumn) -> impl Iterator<Item = usize> + '_ {
        self.more
            .iter()
            .filter(move |(of, _)| *of == column)
            .map(|&(_, at)| at)
    }

    /// Whether any column is read from several cells (most headers: none).
    #[inline]
    pub(crate) fn is_split_anywhere(&self) -> bool {
        !self.more.is_empty()
    }

    /// Whether `column` is read from several cells.
    pub(crate) fn is_split(&self, column: ClaimColumn) -> bool {
        self.more.iter().any(|(of, _)| *of == column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_surfaces_are_one_to_five() {
        for name in ["surface1", "surface_5", "surface3"] {
            assert!(is_numbered_surface(name), "{name}");
        }
        for name in [
            "surface",
            "surfaces",
            "surface6",
            "surface0",
            "surface_12",
            "tooth_surface1",
        ] {
            assert!(!is_numbered_surface(name), "{name}");
        }
    }

    #[test]
    fn finds_columns_by_any_spelling() {
        // `ClaimHeader` indexes the matcher's positions by `column as usize`.
        let order: Vec<usize> = ClaimColumn::ALL
            .iter()
            .map(|column| *column as usize)
            .collect();
        assert_eq!(order, (0..ClaimColumn::ALL.len()).collect::<Vec<_>>());
        let header = [
            "\u{feff}Claim #",
            "ProcCode",
            "dateOfService",
            "TOOTH_NUM",
            "notes",
        ];
        let found = ClaimHeader::find(header, &ColumnNames::default()).unwrap();
        assert_eq!(found.position(ClaimColumn::Claim), Some(0));
        assert_eq!(found.position(ClaimColumn::Code), Some(1));
        assert_eq!(found.position(ClaimColumn::Date), Some(2));
        assert_eq!(found.position(ClaimColumn::Tooth), Some(3));
        assert_eq!(found.width, 5);
    }

    #[test]
    fn an_837d_flattened_by_its_element_names() {
        // The service line's columns of a flattened 837D as New-Wave-EDI's
        // mock writes them (JMC1027/New-Wave-EDI at 3c9e03e,
        // CSV/mockedDentalClaim.csv): X12's element names, TOO03 holding
        // its `Tooth Surface Code`s.
        let header = [
            "ClaimID",
            "ProcedureCode",
            "AreaOfOralCavity",
            "ToothNumber",
            "ToothSurfaceCode",
            "ToothSystem",
            "ProcedureDate",
        ];
        let found = ClaimHeader::find(header, &ColumnNames::default()).unwrap();
        assert_eq!(found.position(ClaimColumn::Area), Some(2));
        assert_eq!(found.position(ClaimColumn::Tooth), Some(3));
        assert_eq!(found.position(ClaimColumn::Surfaces), Some(4));
        assert_eq!(found.position(ClaimColumn::Date), Some(6));
    }

    #[test]
    fn the_first_repeat_is_the_error() {
        let header = ["code", "dos", "CDT Code", "date"];
        let error = ClaimHeader::find(header, &ColumnNames::default()).unwrap_err();
        assert!(matches!(
            error,
            HeaderError::DuplicateColumn { column: ClaimColumn::Code, ref first, ref second }
                if first == "code" && second == "CDT Code"
        ));
    }

    #[test]
    fn a_usual_name_wins_over_one_read_only_in_its_absence() {
        let find =
            |header: &[&str]| ClaimHeader::find(header.iter().copied(), &ColumnNames::default());
        // Alone, the secondary names name their columns (Open Dental's
        // Daily Procedures report).
        let report = find(&["Date", "Patient Name", "ADA Code", "Tooth"]).unwrap();
        assert_eq!(report.position(ClaimColumn::Patient), Some(1));
        assert_eq!(report.position(ClaimColumn::Code), Some(2));
        // Beside a usual name, in either order, they give way.
        let both = find(&["Date Completed", "PatNum", "Patient Name", "Date", "Code"]).unwrap();
        assert_eq!(both.position(ClaimColumn::Date), Some(3));
        assert_eq!(both.position(ClaimColumn::Patient), Some(1));
        assert_eq!(both.position(ClaimColumn::Code), Some(4));
        let codes = find(&["Proc Code", "ADA Code", "Date"]).unwrap();
        assert_eq!(codes.position(ClaimColumn::Code), Some(0));
        // Two of a kind are still a repeat.
        for header in [
            &["Date Completed", "Visit Date", "Code"][..],
            &["Code", "Date", "DOS", "Date Completed"][..],
        ] {
            assert!(
                matches!(
                    find(header),
                    Err(HeaderError::DuplicateColumn {
                        column: ClaimColumn::Date,
                        ..
                    })
                ),
                "{header:?}"
            );
        }
        // A name the caller chose is the only name: two cells of it repeat.
        let chosen = ColumnNames::default().with(ClaimColumn::Date, "Date Completed");
        assert!(ClaimHeader::find(["Code", "Date Completed", "date completed"], &chosen).is_err());
    }

    #[test]
    fn the_compiled_map_gives_every_name_its_own_column_and_no_other() {
        let mut names = 0;
        for column in ClaimColumn::ALL {
            for name in column.names() {
                assert_eq!(ClaimColumn::named_by(name), Some(column), "{name}");
                names += 1;
            }
        }
        assert!(names > 90, "{names} names");
        for cell in ["", "codes", "procedure code", "toothnum_", "claim_id "] {
            assert_eq!(ClaimColumn::named_by(cell), None, "{cell:?}");
        }
        assert_eq!(ClaimColumn::named_by("dos"), Some(ClaimColumn::Date));
    }

    #[test]
    fn a_claim_forms_item_number_is_read_past() {
        for (cell, column) in [
            ("24_procedure_date", Some(ClaimColumn::Date)),
            ("27_tooth_number(s)_or_letter(s)", Some(ClaimColumn::Tooth)),
            ("29_procedure_code", Some(ClaimColumn::Code)),
            ("29a_diag_pointer", None),
            ("2026_code", None),
            ("7_", None),
            ("7a", None),
            ("a7_code", None),
        ] {
            assert_eq!(ClaimColumn::named_by(cell), column, "{cell}");
        }
        assert_eq!(without_item_number("29b_qty"), Some("qty"));
        assert_eq!(without_item_number("29_ab_code"), Some("ab_code"));
    }
}

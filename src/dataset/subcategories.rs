//! Reads the subcategory file: named, non-overlapping code ranges.

use std::string::String;
use std::vec::Vec;

use super::error::{Blame, DataError, DataErrorKind};
use super::table::Table;
use crate::category::Category;
use crate::code::CdtCode;

/// A named range of codes inside one category, as read from a data file.
///
/// ```
/// let set = cdt_codes::CodeSet::from_bytes("c.csv", b"code,nomenclature\nD3352,x\n", cdt_codes::Edition::new(2026))?;
/// let range = set.subcategory_of("D3352".parse().unwrap()).unwrap();
/// assert_eq!(range.category, cdt_codes::Category::Endodontics);
/// assert!(range.start <= range.end);
/// # Ok::<(), cdt_codes::LoadError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubcategoryRow {
    /// The line the row is on.
    pub line: usize,
    /// The first code of the range.
    pub start: CdtCode,
    /// The last code of the range.
    pub end: CdtCode,
    /// The heading the CDT manual gives the range.
    pub name: String,
    /// The category that holds the range.
    pub category: Category,
}

const HEADER: [&str; 3] = ["start", "end", "name"];

/// Parses and checks the rows of a subcategory table (columns `start`,
/// `end`, `name`), returning them sorted by start.
pub(crate) fn parse(
    blame: Blame<'_>,
    table: &Table,
) -> Result<Vec<SubcategoryRow>, Vec<DataError>> {
    let mut errors = Vec::new();
    let header: Vec<String> = table
        .header
        .fields
        .iter()
        .map(|cell| cell.trim().to_ascii_lowercase())
        .collect();
    let mut positions = [0usize; 3];
    for (slot, wanted) in positions.iter_mut().zip(HEADER) {
        match header.iter().position(|cell| cell == wanted) {
            Some(position) => *slot = position,
            None => errors.push(blame.line(
                table.header.line,
                &table.header.fields.join(" | "),
                DataErrorKind::MissingColumn { column: wanted },
            )),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let [start_at, end_at, name_at] = positions;
    let mut ranges = Vec::new();
    for row in &table.rows {
        let code = |position: usize, errors: &mut Vec<DataError>| {
            let text = row.fields[position].trim();
            CdtCode::parse(text)
                .map_err(|error| {
                    errors.push(blame.field(
                        row.line,
                        position,
                        HEADER[usize::from(position != start_at)],
                        text,
                        DataErrorKind::MalformedCode(error),
                    ));
                })
                .ok()
        };
        let start = code(start_at, &mut errors);
        let end = code(end_at, &mut errors);
        let name = row.fields[name_at].trim();
        if name.is_empty() {
            errors.push(blame.field(row.line, name_at, "name", name, DataErrorKind::EmptyField));
            continue;
        }
        let (Some(start), Some(end)) = (start, end) else {
            continue;
        };
        let shown = std::format!("{start}-{end}");
        if end < start {
            errors.push(blame.line(row.line, &shown, DataErrorKind::BackwardRange));
            continue;
        }
        let category = match (Category::of(start), Category::of(end)) {
            (Some(first), Some(last)) if first == last => first,
            (None, _) | (_, None) => {
                errors.push(blame.line(row.line, &shown, DataErrorKind::OutsideCategories));
                continue;
            }
            _ => {
                errors.push(blame.line(row.line, &shown, DataErrorKind::RangeCrossesCategory));
                continue;
            }
        };
        ranges.push(SubcategoryRow {
            line: row.line,
            start,
            end,
            name: name.into(),
            category,
        });
    }
    ranges.sort_by_key(|range| range.start);
    for pair in ranges.windows(2) {
        if pair[1].start <= pair[0].end {
            let (earlier, later) = if pair[0].line < pair[1].line {
                (&pair[0], &pair[1])
            } else {
                (&pair[1], &pair[0])
            };
            errors.push(blame.line(
                later.line,
                &std::format!("{}-{}", later.start, later.end),
                DataErrorKind::OverlappingRange {
                    other_line: earlier.line,
                },
            ));
        }
    }
    if errors.is_empty() {
        Ok(ranges)
    } else {
        Err(errors)
    }
}

//! Reads the heading file: the subcategory headings of each category, in
//! the manual's order, with whether a public source confirms each.

use std::string::String;
use std::vec::Vec;

use super::error::{Blame, DataError, DataErrorKind};
use super::table::Table;
use crate::model::category::Category;

/// One subcategory heading as read from the heading file.
///
/// ```
/// let data = cdt_codes::dataset::Dataset::bundled()?;
/// let first = &data.headings[0];
/// assert_eq!(first.category, cdt_codes::Category::Diagnostic);
/// assert_eq!(first.name, "Clinical Oral Evaluations");
/// # Ok::<(), cdt_codes::dataset::DataErrors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HeadingRow {
    /// The line the heading is listed on.
    pub line: usize,
    /// The category the heading belongs to.
    pub category: Category,
    /// The heading as the manual words it.
    pub name: String,
    /// Whether a public source confirms the heading.
    pub confirmed: bool,
    /// A short key of the source, explained in `data/SOURCES.md`.
    pub source: String,
}

const HEADER: [&str; 4] = ["category", "heading", "confirmed", "source"];

/// Parses the heading table; headings keep the file's order within their
/// category, and categories follow code order.
pub(crate) fn parse(blame: Blame<'_>, table: &Table) -> Result<Vec<HeadingRow>, Vec<DataError>> {
    let mut errors = Vec::new();
    let positions = table.positions(blame, HEADER)?;
    let [category_at, name_at, confirmed_at, source_at] = positions;
    let mut headings: Vec<HeadingRow> = Vec::new();
    for row in &table.rows {
        let field = |position: usize| row.fields.get(position).map_or("", |text| text.trim());
        let error = |position: usize, kind| {
            blame.field(
                row.line,
                position,
                HEADER[position_name(&positions, position)],
                field(position),
                kind,
            )
        };
        let category = Category::from_name(field(category_at));
        if category.is_none() {
            errors.push(error(category_at, DataErrorKind::UnknownCategory));
        }
        let name = field(name_at);
        if name.is_empty() {
            errors.push(error(name_at, DataErrorKind::EmptyField));
        }
        let confirmed = match field(confirmed_at).to_ascii_lowercase().as_str() {
            "yes" | "y" | "true" => Some(true),
            "no" | "n" | "false" | "" => Some(false),
            _ => {
                errors.push(error(confirmed_at, DataErrorKind::BadFlag));
                None
            }
        };
        let (Some(category), Some(confirmed), false) = (category, confirmed, name.is_empty())
        else {
            continue;
        };
        if let Some(first) = headings
            .iter()
            .find(|heading| heading.category == category && heading.name == name)
        {
            errors.push(error(
                name_at,
                DataErrorKind::DuplicateHeading {
                    first_line: first.line,
                },
            ));
            continue;
        }
        headings.push(HeadingRow {
            line: row.line,
            category,
            name: name.into(),
            confirmed,
            source: field(source_at).into(),
        });
    }
    // Stable: the file's order is kept within each category.
    headings.sort_by_key(|heading| heading.category);
    if errors.is_empty() {
        Ok(headings)
    } else {
        Err(errors)
    }
}

fn position_name(positions: &[usize; 4], position: usize) -> usize {
    positions.iter().position(|&p| p == position).unwrap_or(0)
}

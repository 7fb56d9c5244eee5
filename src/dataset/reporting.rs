//! Reads `data/reporting.tsv`: what a claim line for each code must report
//! (a tooth, surfaces, an area of the oral cavity, or nothing), with
//! whether a source confirms it.

use std::collections::BTreeMap;
use std::string::ToString;
use std::vec::Vec;

use super::error::{Blame, DataError, DataErrorKind};
use super::table::Table;
use super::{Dataset, Source};
use crate::model::code::CdtCode;
use crate::model::reporting::Reporting;

const HEADER: [&str; 5] = ["code", "reports", "surfaces", "tooth_kind", "confirmed"];

/// Lays the reporting rows on the records of `data`; every problem is
/// reported with file, line, column and value. With `require`, every code
/// in force must have a row.
pub(crate) fn attach(
    data: &mut Dataset,
    source: Source<'_>,
    require: bool,
) -> Result<(), Vec<DataError>> {
    let mut errors = Vec::new();
    let table = super::read_table(source, &mut errors).ok_or_else(|| errors.clone())?;
    let blame = Blame { file: source.name };
    let positions = table.positions(blame, HEADER)?;
    let rows = parse_rows(blame, &table, positions, &mut errors);
    for row in &mut data.procedures {
        match rows.get(&row.code) {
            Some((_, reporting)) => row.reporting = Some(*reporting),
            None if require && Dataset::in_force(row, data.edition) => {
                errors.push(blame.line(0, &row.code.to_string(), DataErrorKind::MissingReporting));
            }
            None => {}
        }
    }
    for (code, (line, _)) in &rows {
        if data
            .procedures
            .binary_search_by_key(code, |row| row.code)
            .is_err()
        {
            errors.push(blame.line(
                *line,
                &code.to_string(),
                DataErrorKind::UnknownReportingCode,
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn parse_rows(
    blame: Blame<'_>,
    table: &Table,
    [code_at, sites_at, surfaces_at, teeth_at, confirmed_at]: [usize; 5],
    errors: &mut Vec<DataError>,
) -> BTreeMap<CdtCode, (usize, Reporting)> {
    let mut rows = BTreeMap::new();
    for row in &table.rows {
        let field = |position: usize| row.fields.get(position).map_or("", |text| text.trim());
        let error = |position: usize, name: &str, kind| {
            blame.field(row.line, position, name, field(position), kind)
        };
        let code = match CdtCode::parse(field(code_at)) {
            Ok(code) => code,
            Err(parse) => {
                errors.push(error(code_at, "code", DataErrorKind::MalformedCode(parse)));
                continue;
            }
        };
        let confirmed = match field(confirmed_at) {
            "yes" => true,
            "no" | "" => false,
            _ => {
                errors.push(error(confirmed_at, "confirmed", DataErrorKind::BadFlag));
                continue;
            }
        };
        let parsed = Reporting::parse(
            field(sites_at),
            field(surfaces_at),
            field(teeth_at),
            confirmed,
        );
        let reporting = match parsed {
            Ok(reporting) => reporting,
            Err(bad) => {
                let (position, name) = match bad {
                    crate::model::reporting::BadReporting::Site => (sites_at, "reports"),
                    crate::model::reporting::BadReporting::Surfaces => (surfaces_at, "surfaces"),
                    _ => (teeth_at, "tooth_kind"),
                };
                errors.push(error(position, name, DataErrorKind::BadReporting(bad)));
                continue;
            }
        };
        if let Some((first_line, _)) = rows.insert(code, (row.line, reporting)) {
            errors.push(error(
                code_at,
                "code",
                DataErrorKind::DuplicateCode { first_line },
            ));
        }
    }
    rows
}

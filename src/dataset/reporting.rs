//! Reads `data/reporting.tsv`: what a claim line for each code must report
//! (a tooth, surfaces, an area of the oral cavity, or nothing), with
//! whether a source confirms it. The columns `also` (sites a line may
//! carry beyond those it must), `names` (the arch a code names itself) and
//! `sources` (the sources that agree with the row) may be left out.

use std::collections::BTreeMap;
use std::string::ToString;
use std::vec::Vec;

use super::error::{Blame, DataError, DataErrorKind};
use super::table::Table;
use super::{Dataset, Source};
use crate::model::code::CdtCode;
use crate::model::reporting::Reporting;

const HEADER: [&str; 5] = ["code", "reports", "surfaces", "tooth_kind", "confirmed"];
/// Columns a reporting file may leave out.
const OPTIONAL: [&str; 3] = ["also", "names", "sources"];

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
    let optional = OPTIONAL.map(|name| table.position_of(name));
    let rows = parse_rows(blame, &table, positions, optional, &mut errors);
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
    [also_at, names_at, sources_at]: [Option<usize>; 3],
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
        let optional = |at: Option<usize>| at.map_or("", field);
        let extended = reporting
            .with_also(optional(also_at))
            .map_err(|bad| (also_at, "also", bad))
            .and_then(|r| {
                r.with_names(optional(names_at))
                    .map_err(|bad| (names_at, "names", bad))
            })
            .and_then(|r| {
                r.with_sources(optional(sources_at))
                    .map_err(|bad| (sources_at.or(Some(confirmed_at)), "sources", bad))
            });
        let reporting = match extended {
            Ok(reporting) => reporting,
            Err((position, name, bad)) => {
                let position = position.unwrap_or(confirmed_at);
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

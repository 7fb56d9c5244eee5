//! Reads `data/successors.tsv`: for each deleted code the ADA named no
//! replacement for, the codes that took its procedure over (confirmed by a
//! source or inferred), or why none did.

use std::collections::BTreeMap;
use std::string::{String, ToString};
use std::vec::Vec;

use super::error::{Blame, DataError, DataErrorKind};
use super::records::{list_items, SuccessionRow};
use super::table::{Row, Table};
use super::{Dataset, Source};
use crate::model::code::CdtCode;
use crate::model::edition::{Added, Edition};
use crate::model::record::SuccessorKind;

const HEADER: [&str; 5] = ["code", "successors", "kind", "source", "note"];

/// The bundled successors file, as shipped in `data/successors.tsv`.
pub(crate) const BUNDLED_SUCCESSORS: &str = include_str!("../../data/successors.tsv");
/// The name the bundled successors file is reported under.
pub(crate) const BUNDLED_SUCCESSORS_NAME: &str = "data/successors.tsv";

/// Where each field of a row sits.
#[derive(Clone, Copy)]
struct Positions {
    code: usize,
    successors: usize,
    kind: usize,
    source: usize,
    note: usize,
}

/// Lays the successor rows on the deleted records of `data`; every problem
/// is reported with file, line, column and value. With `require`, every
/// deleted code without a named replacement must have a row.
pub(crate) fn attach(
    data: &mut Dataset,
    source: Source<'_>,
    require: bool,
) -> Result<(), Vec<DataError>> {
    let mut errors = Vec::new();
    let table = super::read_table(source, &mut errors).ok_or_else(|| errors.clone())?;
    let blame = Blame { file: source.name };
    let [code, successors, kind, source_at, note] = table.positions(blame, HEADER)?;
    let at = Positions {
        code,
        successors,
        kind,
        source: source_at,
        note,
    };
    let rows = parse_rows(blame, &table, at, data, &mut errors);
    for row in &mut data.procedures {
        match rows.get(&row.code) {
            Some(succession) => row.succession = Some(succession.clone()),
            None if require && row.deleted_in.is_some() && row.replaced_by.is_empty() => {
                errors.push(blame.line(0, &row.code.to_string(), DataErrorKind::MissingSuccession));
            }
            None => {}
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
    at: Positions,
    data: &Dataset,
    errors: &mut Vec<DataError>,
) -> BTreeMap<CdtCode, SuccessionRow> {
    let mut rows: BTreeMap<CdtCode, SuccessionRow> = BTreeMap::new();
    for row in &table.rows {
        let before = errors.len();
        let parsed = parse_row(blame, row, at, data, errors);
        let Some((code, succession)) = parsed.filter(|_| errors.len() == before) else {
            continue;
        };
        if let Some(first) = rows.get(&code) {
            let first_line = first.line;
            errors.push(blame.field(
                row.line,
                at.code,
                "code",
                &code.to_string(),
                DataErrorKind::DuplicateCode { first_line },
            ));
            continue;
        }
        rows.insert(code, succession);
    }
    rows
}

fn parse_row(
    blame: Blame<'_>,
    row: &Row,
    at: Positions,
    data: &Dataset,
    errors: &mut Vec<DataError>,
) -> Option<(CdtCode, SuccessionRow)> {
    let field = |position: usize| row.fields.get(position).map_or("", |text| text.trim());
    let error = |position: usize, name: &str, value: &str, kind| {
        blame.field(row.line, position, name, value, kind)
    };
    let code = match CdtCode::parse(field(at.code)) {
        Ok(code) => code,
        Err(parse) => {
            let value = field(at.code);
            errors.push(error(
                at.code,
                "code",
                value,
                DataErrorKind::MalformedCode(parse),
            ));
            return None;
        }
    };
    let code_error = |kind| error(at.code, "code", field(at.code), kind);
    let Ok(index) = data.procedures.binary_search_by_key(&code, |row| row.code) else {
        errors.push(code_error(DataErrorKind::UnknownSuccessionCode));
        return None;
    };
    let record = &data.procedures[index];
    let Some(deleted_in) = record.deleted_in else {
        errors.push(code_error(DataErrorKind::SuccessionForActiveCode));
        return None;
    };
    if !record.replaced_by.is_empty() {
        errors.push(code_error(DataErrorKind::SuccessionWithReplacement));
        return None;
    }
    let Ok(kind) = field(at.kind).parse::<SuccessorKind>() else {
        errors.push(error(
            at.kind,
            "kind",
            field(at.kind),
            DataErrorKind::BadSuccessionKind,
        ));
        return None;
    };
    let successors = parse_successors(blame, row, at, data, (code, deleted_in), errors);
    let listed = !field(at.successors).is_empty();
    if listed == (kind == SuccessorKind::NoSuccessor) {
        let value = field(at.successors);
        errors.push(error(
            at.successors,
            "successors",
            value,
            DataErrorKind::SuccessorsDisagreeWithKind { kind },
        ));
    }
    let source = field(at.source);
    if kind == SuccessorKind::Confirmed && source.is_empty() {
        errors.push(error(
            at.source,
            "source",
            source,
            DataErrorKind::MissingSuccessionSource,
        ));
    }
    let note = field(at.note);
    let older = successors
        .iter()
        .any(|successor| added_in(data, *successor) != Some(deleted_in));
    if note.is_empty() && (kind != SuccessorKind::Confirmed || older) {
        errors.push(error(
            at.note,
            "note",
            note,
            DataErrorKind::MissingSuccessionNote { kind, older },
        ));
    }
    Some((
        code,
        SuccessionRow {
            line: row.line,
            kind,
            successors,
            source: String::from(source),
            note: String::from(note),
        },
    ))
}

/// The successor codes of a row: each well-formed, defined, not the code
/// itself, and in force in the edition that deleted the code.
fn parse_successors(
    blame: Blame<'_>,
    row: &Row,
    at: Positions,
    data: &Dataset,
    (code, deleted_in): (CdtCode, Edition),
    errors: &mut Vec<DataError>,
) -> Vec<CdtCode> {
    let text = row.fields.get(at.successors).map_or("", |text| text.trim());
    let error = |kind| blame.field(row.line, at.successors, "successors", text, kind);
    let mut successors = Vec::new();
    for item in list_items(text) {
        let successor = match CdtCode::parse(item) {
            Ok(successor) => successor,
            Err(parse) => {
                errors.push(error(DataErrorKind::MalformedCode(parse)));
                continue;
            }
        };
        if successor == code {
            errors.push(error(DataErrorKind::SelfReplacement));
            continue;
        }
        let Ok(index) = data
            .procedures
            .binary_search_by_key(&successor, |row| row.code)
        else {
            errors.push(blame.field(
                row.line,
                at.successors,
                "successors",
                item,
                DataErrorKind::UnknownSuccessor,
            ));
            continue;
        };
        if !Dataset::in_force(&data.procedures[index], deleted_in) {
            errors.push(blame.field(
                row.line,
                at.successors,
                "successors",
                item,
                DataErrorKind::SuccessorNotInForce {
                    deleted: deleted_in,
                },
            ));
            continue;
        }
        if !successors.contains(&successor) {
            successors.push(successor);
        }
    }
    successors
}

/// The edition that added `code`, when the data records it exactly.
fn added_in(data: &Dataset, code: CdtCode) -> Option<Edition> {
    let index = data
        .procedures
        .binary_search_by_key(&code, |row| row.code)
        .ok()?;
    match data.procedures[index].added {
        Some(Added::In(edition)) => Some(edition),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attach_text(text: &str) -> Result<Dataset, Vec<DataError>> {
        let mut data = Dataset::parse(
            Source::new(
                super::super::BUNDLED_CODES_NAME,
                super::super::BUNDLED_CODES.as_bytes(),
            ),
            Source::new(
                super::super::BUNDLED_HEADINGS_NAME,
                super::super::BUNDLED_HEADINGS.as_bytes(),
            ),
            &super::super::Options::default(),
        )
        .map_err(|errors| errors.to_vec())?;
        attach(&mut data, Source::new("s.tsv", text.as_bytes()), false)?;
        Ok(data)
    }

    const HEAD: &str = "code\tsuccessors\tkind\tsource\tnote\n";

    fn kinds(text: &str) -> Vec<DataErrorKind> {
        attach_text(&std::format!("{HEAD}{text}"))
            .unwrap_err()
            .into_iter()
            .map(|error| error.kind)
            .collect()
    }

    #[test]
    fn the_bundled_file_attaches() {
        let data = Dataset::bundled().unwrap();
        let d3354 = data
            .procedures
            .iter()
            .find(|row| row.code.to_string() == "D3354")
            .unwrap();
        let succession = d3354.succession.as_ref().unwrap();
        let codes: Vec<String> = succession
            .successors
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(codes, ["D3355", "D3356", "D3357"]);
    }

    #[test]
    fn rejects_rows_that_do_not_fit_the_history() {
        // D0120 is in force; D1352 has a named replacement.
        assert_eq!(
            kinds("D0120\t\tnone\t\tx\n"),
            [DataErrorKind::SuccessionForActiveCode]
        );
        assert_eq!(
            kinds("D1352\tD2391\tinferred\t\tx\n"),
            [DataErrorKind::SuccessionWithReplacement]
        );
        // D3355 was added in 2014; D1551 only in 2020.
        assert!(matches!(
            kinds("D3354\tD3355,D1551\tinferred\t\tx\n")[..],
            [DataErrorKind::SuccessorNotInForce { .. }]
        ));
        assert_eq!(
            kinds("D3354\tD3355\tmaybe\t\tx\n"),
            [DataErrorKind::BadSuccessionKind]
        );
    }

    #[test]
    fn kind_source_and_note_must_agree() {
        assert!(matches!(
            kinds("D3354\t\tinferred\t\tx\n")[..],
            [DataErrorKind::SuccessorsDisagreeWithKind { .. }]
        ));
        assert!(matches!(
            kinds("D3354\tD3355\tnone\t\tx\n")[..],
            [DataErrorKind::SuccessorsDisagreeWithKind { .. }]
        ));
        assert_eq!(
            kinds("D3354\tD3355\tconfirmed\t\t\n"),
            [DataErrorKind::MissingSuccessionSource]
        );
        assert!(matches!(
            kinds("D3354\tD3355\tinferred\t\t\n")[..],
            [DataErrorKind::MissingSuccessionNote { older: false, .. }]
        ));
        // D3330 was in force before 2014: an older successor needs a note.
        assert!(matches!(
            kinds("D3354\tD3330\tconfirmed\tsrc\t\n")[..],
            [DataErrorKind::MissingSuccessionNote { older: true, .. }]
        ));
    }

    #[test]
    fn reports_where_a_problem_is() {
        let errors =
            attach_text(&std::format!("{HEAD}D3354\tD3355 D9998\tinferred\t\tx\n")).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "s.tsv:2:2: column `successors`: successor D9998 is not a code defined in the data"
        );
    }
}

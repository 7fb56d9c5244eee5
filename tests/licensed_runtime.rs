//! Licensed-file loading at run time, through the same parser `build.rs`
//! uses. The fixtures are synthetic rows written for these tests.

#![cfg(feature = "std")]

use cdt_codes::dataset::{DataErrorKind, Mode, Options};
use cdt_codes::{Category, CodeSet, Edition, LoadError};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/licensed");

fn load(name: &str) -> Result<CodeSet, LoadError> {
    CodeSet::from_path_with(
        format!("{FIXTURES}/{name}"),
        &Options::for_edition(Edition::new(2026).unwrap()),
        Mode::Replace,
    )
}

fn problems(name: &str) -> Vec<cdt_codes::dataset::DataError> {
    match load(name) {
        Err(LoadError::Data(problems)) => problems.into_iter().collect(),
        other => panic!("{name}: expected data problems, got {other:?}"),
    }
}

#[test]
fn csv_with_quoted_fields_fills_nomenclature_and_descriptor() {
    let set = load("good.csv").unwrap();
    let d0120 = set.lookup("D0120").unwrap();
    assert_eq!(
        d0120.nomenclature(),
        Some("Synthetic periodic evaluation, established patient")
    );
    assert_eq!(
        d0120.descriptor(),
        Some("Test descriptor with a comma, and \"quotes\".")
    );
    // With no description column, the description falls back to the
    // nomenclature.
    assert_eq!(
        d0120.description(),
        "Synthetic periodic evaluation, established patient"
    );
    assert_eq!(
        set.lookup("D3353").unwrap().descriptor(),
        Some("Two-line\ndescriptor")
    );
    assert_eq!(set.lookup("D0140").unwrap().descriptor(), None);
    // Only the codes in the file exist.
    assert!(set.lookup("D0150").is_none());
    assert_eq!(set.iter().count(), 3);
    assert_eq!(set.category(Category::Endodontics).len(), 1);
    assert_eq!(set.edition(), Edition::new(2026).unwrap());
}

#[test]
fn tsv_with_history_columns() {
    let set = CodeSet::from_path_with(
        format!("{FIXTURES}/good.tsv"),
        &Options::default(),
        Mode::Replace,
    )
    .unwrap();
    // The edition comes from the newest year in the history columns.
    assert_eq!(set.edition().year(), 2026);
    let retired = set.lookup("D1352").unwrap();
    assert_eq!(retired.deleted_in(), Edition::new(2026).ok());
    assert_eq!(retired.replaced_by()[0].to_string(), "D2391");
    assert!(!retired.is_active_in(set.edition()));
    assert_eq!(
        set.lookup("D0120").unwrap().nomenclature(),
        Some("Synthetic periodic evaluation")
    );
}

#[test]
fn byte_order_mark_and_windows_line_endings_are_accepted() {
    let set = load("bom_crlf.csv").unwrap();
    assert_eq!(
        set.lookup("D0140").unwrap().nomenclature(),
        Some("Synthetic limited evaluation")
    );
}

#[test]
fn not_utf8_names_the_place_and_the_fix() {
    let found = problems("latin1.csv");
    assert_eq!(found[0].kind, DataErrorKind::NotUtf8);
    let message = found[0].to_string();
    assert!(message.contains("latin1.csv:2:"), "{message}");
    assert!(
        message.contains("UTF-8") && message.contains("iconv"),
        "{message}"
    );
}

#[test]
fn missing_code_column() {
    let found = problems("no_code_column.csv");
    assert_eq!(
        found[0].kind,
        DataErrorKind::MissingColumn { column: "code" }
    );
    assert!(
        found[0]
            .to_string()
            .contains("no_code_column.csv:1: no `code` column"),
        "{}",
        found[0]
    );
}

#[test]
fn duplicate_code() {
    let found = problems("duplicate.csv");
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].kind,
        DataErrorKind::DuplicateCode { first_line: 2 }
    );
    assert!(
        found[0].to_string().contains("duplicate.csv:4:1"),
        "{}",
        found[0]
    );
}

#[test]
fn malformed_code_and_code_outside_every_category_are_both_reported() {
    let found = problems("malformed.csv");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(matches!(found[0].kind, DataErrorKind::MalformedCode(_)));
    assert!(
        found[0]
            .to_string()
            .starts_with(&format!("{FIXTURES}/malformed.csv:3:1")),
        "{}",
        found[0]
    );
    assert_eq!(found[1].kind, DataErrorKind::OutsideCategories);
    assert_eq!(found[1].line, 4);
}

#[test]
fn empty_file() {
    let found = problems("empty.csv");
    assert_eq!(found[0].kind, DataErrorKind::Empty);
    assert!(found[0].to_string().contains("empty"), "{}", found[0]);
}

#[test]
fn unreadable_path_is_an_io_error() {
    let error = load("does-not-exist.csv").unwrap_err();
    assert!(matches!(error, LoadError::Io { .. }));
    assert!(error.to_string().contains("does-not-exist.csv"));
}

#[test]
fn the_bundled_file_loads_at_run_time_like_the_compiled_one() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/codes.tsv");
    let set = CodeSet::from_path(path, None).unwrap();
    assert_eq!(set.edition(), cdt_codes::CDT_EDITION);
    assert_eq!(set.iter().count(), cdt_codes::iter().count());
    for (loaded, compiled) in set.iter().zip(cdt_codes::iter()) {
        assert_eq!(loaded.code(), compiled.code());
        assert_eq!(loaded.description(), compiled.description());
        assert_eq!(loaded.deleted_in(), compiled.deleted_in());
    }
}

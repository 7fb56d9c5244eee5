//! The build-time checks, through the parser `build.rs` uses: every kind of
//! bad row fails with its file, line, column and value.

#![cfg(feature = "std")]

use cdt_codes::dataset::{DataError, DataErrorKind, Dataset, Options, Source};

const HEADER: &str = "code\tadded_in\tdeleted_in\treplaced_by\trevised_in\tdescription\n";
const RANGES: &str =
    "start\tend\tname\nD0120\tD0180\tClinical Oral Evaluations\nD3310\tD3333\tEndodontic Therapy\n";

fn parse(codes: &str) -> Result<Dataset, Vec<DataError>> {
    Dataset::parse(
        Source::new("codes.tsv", codes.as_bytes()),
        Source::new("subcategories.tsv", RANGES.as_bytes()),
        &Options::default(),
    )
}

/// Parses a file expected to have exactly one problem and returns it.
fn only_error(rows: &str) -> DataError {
    let errors = parse(&format!("{HEADER}{rows}")).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn good_rows_parse() {
    let data = parse(&format!(
        "{HEADER}D0150\t<2005\t\t\t2019\tfull first evaluation\nD0120\t<2005\t\t\t\tperiodic evaluation\n\
         D0190\t2013\t2026\tD0120\t\tscreening, retired for the test\n"
    ))
    .unwrap();
    let codes: Vec<String> = data.procedures.iter().map(|p| p.code.to_string()).collect();
    assert_eq!(codes, ["D0120", "D0150", "D0190"]);
    assert_eq!(data.edition.year(), 2026);
    assert_eq!(data.procedures[2].replaced_by[0].to_string(), "D0120");
}

#[test]
fn malformed_code() {
    let error = only_error("D01X0\t\t\t\t\tbroken\n");
    assert!(matches!(error.kind, DataErrorKind::MalformedCode(_)));
    assert_eq!(
        (error.line, error.column, error.value.as_str()),
        (2, Some(1), "D01X0")
    );
    assert!(
        error
            .to_string()
            .starts_with("codes.tsv:2:1: column `code`: \"D01X0\""),
        "{error}"
    );
}

#[test]
fn duplicate_code_names_both_lines() {
    let error =
        only_error("D0120\t2019\t\t\t\tone\nD0140\t2019\t\t\t\tok\nD0120\t2019\t\t\t\ttwo\n");
    assert_eq!(error.kind, DataErrorKind::DuplicateCode { first_line: 2 });
    assert_eq!(error.line, 4);
    assert!(
        error.to_string().contains("already defined on line 2"),
        "{error}"
    );
}

#[test]
fn code_outside_every_category() {
    let error = only_error("D0050\t2019\t\t\t\tbelow the diagnostic range\n");
    assert_eq!(error.kind, DataErrorKind::OutsideCategories);
    assert!(error.to_string().contains("codes.tsv:2:1"), "{error}");
}

#[test]
fn missing_column() {
    let errors = parse("code\tadded_in\nD0120\t2019\n").unwrap_err();
    assert_eq!(
        errors[0].kind,
        DataErrorKind::MissingColumn {
            column: "description"
        }
    );
    assert_eq!(errors[0].line, 1);
    assert!(
        errors[0].to_string().contains("no `description` column"),
        "{}",
        errors[0]
    );
}

#[test]
fn unknown_replacement() {
    let error = only_error("D0120\t2019\t2021\tD0999\t\tretired\n");
    assert_eq!(
        error.kind,
        DataErrorKind::UnknownReplacement {
            code: "D0999".into()
        }
    );
    assert_eq!((error.line, error.column), (2, Some(4)));
    assert!(error.to_string().contains("D0999"), "{error}");
}

#[test]
fn deleted_before_added() {
    let error = only_error("D0120\t2020\t2019\t\t\tbackwards\n");
    assert!(matches!(
        error.kind,
        DataErrorKind::DeletedBeforeAdded { .. }
    ));
    assert_eq!(
        (error.line, error.column, error.value.as_str()),
        (2, Some(3), "2019")
    );
    let error = only_error("D0120\t2020\t2020\t\t\tsame year\n");
    assert!(matches!(
        error.kind,
        DataErrorKind::DeletedBeforeAdded { .. }
    ));
}

#[test]
fn bad_year() {
    let error = only_error("D0120\t20x9\t\t\t\tbad\n");
    assert_eq!(error.kind, DataErrorKind::BadYear);
    assert_eq!((error.line, error.column), (2, Some(2)));
}

#[test]
fn revision_outside_lifetime() {
    let error = only_error("D0120\t2019\t\t\t2018\ttoo early\n");
    assert!(matches!(
        error.kind,
        DataErrorKind::RevisedOutsideLifetime { .. }
    ));
}

#[test]
fn replacement_of_a_code_still_in_force() {
    let error = only_error("D0120\t2019\t\t\t\tperiodic\nD0140\t2019\t\tD0120\t\tlimited\n");
    assert_eq!(error.kind, DataErrorKind::ReplacementWithoutDeletion);
    assert_eq!(error.line, 3);
}

#[test]
fn empty_description() {
    let error = only_error("D0120\t2019\t\t\t\t  \n");
    assert_eq!(error.kind, DataErrorKind::EmptyField);
    assert_eq!((error.line, error.column), (2, Some(6)));
}

#[test]
fn wrong_number_of_fields() {
    let error = only_error("D0120\t2019\tperiodic\n");
    assert!(matches!(
        error.kind,
        DataErrorKind::FieldCount {
            expected: 6,
            found: 3
        }
    ));
    assert_eq!(error.line, 2);
}

#[test]
fn all_problems_are_reported_not_just_the_first() {
    let errors = parse(&format!(
        "{HEADER}D01X0\t\t\t\t\ta\nD0050\t2019\t\t\t\tb\nD0120\t20x9\t\t\t\tc\n"
    ))
    .unwrap_err();
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 3, 4]);
}

#[test]
fn overlapping_and_crossing_subcategory_ranges() {
    let codes = format!("{HEADER}D0120\t2019\t\t\t\tperiodic\n");
    let check = |ranges: &str| {
        Dataset::parse(
            Source::new("codes.tsv", codes.as_bytes()),
            Source::new("subcategories.tsv", ranges.as_bytes()),
            &Options::default(),
        )
        .unwrap_err()
    };
    let errors = check("start\tend\tname\nD0100\tD0200\tA\nD0150\tD0300\tB\n");
    assert_eq!(
        errors[0].kind,
        DataErrorKind::OverlappingRange { other_line: 2 }
    );
    assert_eq!(
        (errors[0].file.as_str(), errors[0].line),
        ("subcategories.tsv", 3)
    );
    let errors = check("start\tend\tname\nD0900\tD1100\tA\n");
    assert_eq!(errors[0].kind, DataErrorKind::RangeCrossesCategory);
    let errors = check("start\tend\tname\nD0300\tD0200\tA\n");
    assert_eq!(errors[0].kind, DataErrorKind::BackwardRange);
}

#[test]
fn codes_in_force_must_have_a_subcategory_when_required() {
    let codes =
        format!("{HEADER}D0120\t2019\t\t\t\tperiodic\nD0210\t2019\t\t\t\tfull-mouth images\n");
    let errors = Dataset::parse(
        Source::new("codes.tsv", codes.as_bytes()),
        Source::new("subcategories.tsv", RANGES.as_bytes()),
        &Options {
            require_subcategories: true,
            ..Options::default()
        },
    )
    .unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].kind, DataErrorKind::OutsideSubcategories);
    assert_eq!(errors[0].line, 3);
}

#[test]
fn not_utf8_says_where_and_how_to_fix() {
    let codes = b"code\tdescription\nD0120\tperiodic \xE9valuation\n";
    let errors = Dataset::parse(
        Source::new("codes.tsv", codes),
        Source::new("subcategories.tsv", RANGES.as_bytes()),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(errors[0].kind, DataErrorKind::NotUtf8);
    assert_eq!((errors[0].line, errors[0].column), (2, Some(16)));
    assert!(errors[0].to_string().contains("UTF-8"), "{}", errors[0]);
}

#[test]
fn empty_file() {
    let errors = parse("").unwrap_err();
    assert_eq!(errors[0].kind, DataErrorKind::Empty);
    let errors = parse(HEADER).unwrap_err();
    assert_eq!(errors[0].kind, DataErrorKind::Empty);
}

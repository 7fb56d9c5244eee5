//! The build-time checks, through the parser `build.rs` uses: every kind of
//! bad row fails with its file, line, column and value.

#![cfg(feature = "std")]

use cdt_codes::dataset::{DataError, DataErrorKind, DataErrors, Dataset, Options, Source};

const HEADER: &str = "code\tadded_in\tdeleted_in\treplaced_by\trevised_in\tdescription\n";
const RANGES: &str = "category\theading\tconfirmed\tsource\n\
     Diagnostic\tClinical Oral Evaluations\tyes\ttest\n\
     Endodontics\tEndodontic Therapy\tno\ttest\n";

fn parse(codes: &str) -> Result<Dataset, DataErrors> {
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
fn heading_file_problems() {
    let codes = format!("{HEADER}D0120\t2019\t\t\t\tperiodic\n");
    let check = |headings: &str| {
        Dataset::parse(
            Source::new("codes.tsv", codes.as_bytes()),
            Source::new("subcategories.tsv", headings.as_bytes()),
            &Options::default(),
        )
        .unwrap_err()
    };
    let errors = check(
        "category\theading\tconfirmed\tsource\nDiagnostic\tA\tno\tx\nDiagnostic\tA\tyes\tx\n",
    );
    assert_eq!(
        errors[0].kind,
        DataErrorKind::DuplicateHeading { first_line: 2 }
    );
    assert_eq!(
        (errors[0].file.as_str(), errors[0].line),
        ("subcategories.tsv", 3)
    );
    let errors = check("category\theading\tconfirmed\tsource\nCosmetics\tA\tno\tx\n");
    assert_eq!(errors[0].kind, DataErrorKind::UnknownCategory);
    let errors = check("category\theading\tconfirmed\tsource\nDiagnostic\tA\tmaybe\tx\n");
    assert_eq!(errors[0].kind, DataErrorKind::BadFlag);
    let errors = check("start\tend\tname\n");
    assert!(matches!(
        errors[0].kind,
        DataErrorKind::MissingColumn { column: "category" }
    ));
}

#[test]
fn every_record_needs_a_known_heading_of_its_category() {
    let header = "code\tadded_in\tsubcategory\tdescription\n";
    let codes = format!(
        "{header}D0120\t2019\tClinical Oral Evaluations\tperiodic\n\
         D0210\t2019\t\tfull-mouth images\n\
         D3310\t2019\tClinical Oral Evaluations\tanterior root canal\n"
    );
    let mut options = Options::default();
    options.require_subcategories = true;
    let errors = Dataset::parse(
        Source::new("codes.tsv", codes.as_bytes()),
        Source::new("subcategories.tsv", RANGES.as_bytes()),
        &options,
    )
    .unwrap_err();
    assert_eq!(errors.len(), 2, "{errors}");
    assert_eq!(errors[0].kind, DataErrorKind::MissingSubcategory);
    assert_eq!(errors[0].line, 3);
    assert_eq!(
        errors[1].kind,
        DataErrorKind::UnknownHeading {
            category: cdt_codes::Category::Endodontics
        }
    );
    assert_eq!(errors[1].line, 4);
    assert!(errors.to_string().ends_with("2 problems found"));
}

#[test]
fn history_must_not_show_an_addition_after_its_end() {
    // Said to predate CDT-2005 but deleted in CDT-3: write <2000.
    let error = only_error("D9240\t<2005\t2000\t\t\tIV sedation\n");
    assert!(matches!(
        error.kind,
        DataErrorKind::AddedAfterHistory { .. }
    ));
    assert_eq!((error.line, error.column), (2, Some(2)));
    assert!(error.to_string().contains("write `<2000`"), "{error}");
    // A revision earlier than the edition it is said to predate, too.
    let error = only_error("D0120\t<2005\t\t\t2003\tperiodic\n");
    assert!(matches!(
        error.kind,
        DataErrorKind::AddedAfterHistory { .. }
    ));
}

#[test]
fn editions_that_never_existed_are_rejected() {
    let error = only_error("D0120\t2012\t\t\t\tperiodic\n");
    assert_eq!(error.kind, DataErrorKind::BadYear);
    assert!(error.to_string().contains("real edition"), "{error}");
}

#[test]
fn effective_dates_and_unconfirmed_facts() {
    let header = "code\tadded_in\teffective\tunconfirmed\tdescription\n";
    let check = |row: &str| parse(&format!("{header}{row}"));
    let data = check("D1701\t2021\t2020-12-11\tsubcategory,added_in\tvaccine\n").unwrap();
    let row = &data.procedures[0];
    assert_eq!(
        row.effective.map(|d| d.to_string()).as_deref(),
        Some("2020-12-11")
    );
    assert_eq!(
        row.unconfirmed,
        [cdt_codes::Fact::Subcategory, cdt_codes::Fact::AddedIn]
    );
    let errors = check("D1701\t2021\t2022-03-01\t\tvaccine\n").unwrap_err();
    assert!(matches!(
        errors[0].kind,
        DataErrorKind::EffectiveOutsideEdition { .. }
    ));
    let errors = check("D1701\t2021\t2019-12-31\t\tvaccine\n").unwrap_err();
    assert!(matches!(
        errors[0].kind,
        DataErrorKind::EffectiveOutsideEdition { .. }
    ));
    assert!(check("D1701\t2021\t2021-03-12\t\tvaccine\n").is_ok());
    let errors = check("D1701\t<2021\t2020-03-01\t\tvaccine\n").unwrap_err();
    assert_eq!(errors[0].kind, DataErrorKind::EffectiveWithoutAddition);
    let errors = check("D1701\t2021\t2020-02-30\t\tvaccine\n").unwrap_err();
    assert!(matches!(errors[0].kind, DataErrorKind::BadDate(_)));
    let errors = check("D1701\t2021\t\tcolour\tvaccine\n").unwrap_err();
    assert_eq!(errors[0].kind, DataErrorKind::UnknownFact);
    assert_eq!(errors[0].value, "colour");
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

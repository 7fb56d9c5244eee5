//! Claim-level edits against known facts: every kind of rule fires on a
//! claim that breaks it, and a clean claim of each kind passes.

#![cfg(feature = "std")]

use cdt_codes::claims::{conflicts, rules, rules_for, Conflict, EditLine, RuleKind};
use cdt_codes::dataset::{parse_edits, DataErrorKind, Dataset, EditProblem, Source};
use cdt_codes::teeth::{Area, Surfaces, Tooth};
use cdt_codes::{CdtCode, ServiceDate, Severity};

fn code(text: &str) -> CdtCode {
    text.parse().expect("a well-formed code")
}

fn date(text: &str) -> ServiceDate {
    text.parse().expect("a valid date")
}

fn tooth(number: u8) -> Tooth {
    Tooth::permanent(number).expect("a permanent tooth")
}

fn line(index: usize, code_text: &str, date_text: &str) -> EditLine {
    EditLine::new(index, code(code_text), date(date_text))
}

fn on(index: usize, code_text: &str, date_text: &str, number: u8) -> EditLine {
    line(index, code_text, date_text).with_tooth(tooth(number))
}

fn surfaces(text: &str) -> Surfaces {
    text.parse().expect("surface letters")
}

/// The (rule id, lines) of each conflict.
fn found(lines: &[EditLine]) -> Vec<(&'static str, Vec<usize>)> {
    conflicts(lines)
        .iter()
        .map(|conflict: &Conflict| (conflict.rule().id(), conflict.lines().to_vec()))
        .collect()
}

// ---- the cases the issue names ----

#[test]
fn two_evaluations_on_one_date_are_reported_with_both_lines() {
    let claim = [
        line(1, "D0120", "2026-02-10"),
        line(2, "D0150", "2026-02-10"),
    ];
    let conflicts = conflicts(&claim);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].rule().id(), "evaluation-once");
    assert_eq!(conflicts[0].rule().kind(), RuleKind::OnePerVisit);
    assert_eq!(conflicts[0].lines(), [1, 2]);
    assert_eq!(conflicts[0].severity(), Severity::Warning);
}

#[test]
fn pulpotomy_and_root_canal_on_one_tooth_same_day_are_reported() {
    let claim = [
        on(1, "D3220", "2026-02-10", 19),
        on(2, "D3310", "2026-02-10", 19),
    ];
    let conflicts = conflicts(&claim);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].rule().id(), "pulpotomy-with-root-canal");
    assert_eq!(conflicts[0].rule().kind(), RuleKind::NotWith);
    assert_eq!(conflicts[0].lines(), [1, 2]);
    assert_eq!(conflicts[0].severity(), Severity::Error);
    assert!(conflicts[0].rule().is_confirmed());
}

#[test]
fn pulpotomy_and_root_canal_on_different_teeth_or_days_pass() {
    assert!(found(&[
        on(1, "D3220", "2026-02-10", 19),
        on(2, "D3310", "2026-02-10", 8),
    ])
    .is_empty());
    assert!(found(&[
        on(1, "D3220", "2026-02-10", 19),
        on(2, "D3330", "2026-03-10", 19),
    ])
    .is_empty());
}

// ---- clean claims that must not fire ----

#[test]
fn a_crown_with_its_core_buildup_passes() {
    let claim = [
        on(1, "D2950", "2026-02-10", 3),
        on(2, "D2740", "2026-02-10", 3),
    ];
    assert_eq!(found(&claim), []);
}

#[test]
fn a_recall_visit_passes() {
    let claim = [
        line(1, "D0120", "2026-02-10"),
        line(2, "D1110", "2026-02-10"),
        line(3, "D0274", "2026-02-10"),
    ];
    assert_eq!(found(&claim), []);
}

#[test]
fn two_prophylaxes_six_months_apart_pass() {
    let claim = [
        line(1, "D1110", "2026-01-12"),
        line(2, "D1110", "2026-07-13"),
    ];
    assert_eq!(found(&claim), []);
}

#[test]
fn scaling_on_two_quadrants_passes() {
    let claim = [
        line(1, "D4341", "2026-02-10").with_area(Area::UpperRightQuadrant),
        line(2, "D4341", "2026-02-10").with_area(Area::UpperLeftQuadrant),
    ];
    assert_eq!(found(&claim), []);
}

#[test]
fn root_canal_then_buildup_then_crown_on_one_tooth_passes() {
    let claim = [
        on(1, "D3330", "2026-02-10", 3),
        on(2, "D2950", "2026-02-24", 3),
        on(3, "D2740", "2026-03-10", 3),
    ];
    assert_eq!(found(&claim), []);
}

// ---- every kind fires ----

#[test]
fn one_per_visit_groups_every_line_of_the_date() {
    let claim = [
        line(1, "D0120", "2026-02-10"),
        line(2, "D1110", "2026-02-10"),
        line(3, "D0150", "2026-02-10"),
        line(4, "D0180", "2026-02-10"),
    ];
    assert_eq!(found(&claim), [("evaluation-once", vec![1, 3, 4])]);
}

#[test]
fn a_full_series_includes_the_bitewings_and_periapicals_of_its_date() {
    let claim = [
        line(1, "D0210", "2026-02-10"),
        line(2, "D0274", "2026-02-10"),
        line(3, "D0220", "2026-02-10"),
        line(4, "D0274", "2026-08-10"),
    ];
    assert_eq!(
        found(&claim),
        [
            ("full-series-includes-bitewings", vec![1, 2]),
            ("full-series-includes-periapicals", vec![1, 3]),
        ]
    );
}

#[test]
fn prophylaxis_is_not_reported_with_periodontal_maintenance() {
    let claim = [
        line(1, "D1110", "2026-02-10"),
        line(2, "D4910", "2026-02-10"),
    ];
    assert_eq!(
        found(&claim),
        [("prophylaxis-with-maintenance", vec![1, 2])]
    );
}

#[test]
fn one_scaling_code_per_quadrant() {
    let claim = [
        line(1, "D4341", "2026-02-10").with_area(Area::LowerLeftQuadrant),
        line(2, "D4342", "2026-02-10").with_area(Area::LowerLeftQuadrant),
    ];
    let conflicts = conflicts(&claim);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].rule().id(), "scaling-once-per-quadrant");
    assert_eq!(conflicts[0].rule().kind(), RuleKind::OnePerSite);
    // The quadrant also follows from the teeth a line names.
    let by_teeth = [
        line(1, "D4341", "2026-02-10").with_area(Area::LowerLeftQuadrant),
        on(2, "D4342", "2026-02-10", 19),
    ];
    assert_eq!(
        found(&by_teeth),
        [("scaling-once-per-quadrant", vec![1, 2])]
    );
}

#[test]
fn one_restoration_per_surface_per_date() {
    let claim = [
        on(1, "D2392", "2026-02-10", 30).with_surfaces(surfaces("MO")),
        on(2, "D2391", "2026-02-10", 30).with_surfaces(surfaces("O")),
        on(3, "D2391", "2026-02-10", 30).with_surfaces(surfaces("B")),
    ];
    assert_eq!(found(&claim), [("restoration-surface-once", vec![1, 2])]);
    // Separate restorations sharing a surface (MO and DO) are coded as
    // done; payers count the surface once and may pay them as one (the
    // NJDA and Regence's policy 67B on payers; dentalcoding.com on coding
    // what was done): a warning, not a rejection.
    assert_eq!(conflicts(&claim)[0].severity(), Severity::Warning);
}

#[test]
fn one_extraction_per_tooth_across_dates() {
    let claim = [
        on(1, "D7140", "2026-02-10", 2),
        on(2, "D7210", "2026-02-17", 2),
    ];
    assert_eq!(found(&claim), [("extraction-once", vec![1, 2])]);
}

#[test]
fn a_filling_on_a_tooth_extracted_earlier_is_a_sequence_conflict() {
    let claim = [
        on(1, "D7140", "2026-02-10", 14),
        on(2, "D2391", "2026-02-17", 14).with_surfaces(surfaces("O")),
        on(3, "D2391", "2026-02-17", 15).with_surfaces(surfaces("O")),
    ];
    let conflicts = conflicts(&claim);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].rule().kind(), RuleKind::Sequence);
    assert_eq!(conflicts[0].lines(), [1, 2]);
    // The same services in the other order are ordinary care.
    let before = [
        on(1, "D2391", "2026-02-03", 14).with_surfaces(surfaces("O")),
        on(2, "D7140", "2026-02-10", 14),
    ];
    assert_eq!(found(&before), []);
}

#[test]
fn an_exact_repeat_is_a_duplicate_and_reported_once() {
    let claim = [
        on(1, "D2740", "2026-02-10", 3),
        on(2, "D2740", "2026-02-10", 3),
    ];
    let conflicts = conflicts(&claim);
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert_eq!(conflicts[0].rule().kind(), RuleKind::Duplicate);
    assert_eq!(conflicts[0].lines(), [1, 2]);
}

#[test]
fn each_additional_image_is_not_a_duplicate() {
    let claim = [
        on(1, "D0230", "2026-02-10", 3),
        on(2, "D0230", "2026-02-10", 3),
    ];
    assert_eq!(found(&claim), []);
}

#[test]
fn local_anesthesia_not_with_an_extraction() {
    let claim = [
        line(1, "D9210", "2026-02-10"),
        on(2, "D7140", "2026-02-10", 30),
    ];
    assert_eq!(
        found(&claim),
        [("local-anesthesia-with-operative", vec![1, 2])]
    );
}

#[test]
fn alveoloplasty_without_extractions_in_a_quadrant_with_one() {
    let claim = [
        line(1, "D7320", "2026-02-10").with_area(Area::UpperRightQuadrant),
        on(2, "D7140", "2026-02-10", 3),
        on(3, "D7140", "2026-02-10", 14),
    ];
    assert_eq!(
        found(&claim),
        [("alveoloplasty-without-extractions", vec![1, 2])]
    );
}

#[test]
fn debridement_and_root_canal_on_one_tooth_one_day() {
    let claim = [
        on(1, "D3221", "2026-02-10", 30),
        on(2, "D3330", "2026-02-10", 30),
    ];
    assert_eq!(found(&claim), [("debridement-with-root-canal", vec![1, 2])]);
}

#[test]
fn every_kind_of_rule_fires_in_these_tests() {
    let claims: [&[EditLine]; 6] = [
        &[
            line(1, "D0120", "2026-02-10"),
            line(2, "D0150", "2026-02-10"),
        ],
        &[
            line(1, "D0210", "2026-02-10"),
            line(2, "D0272", "2026-02-10"),
        ],
        &[
            on(1, "D3220", "2026-02-10", 3),
            on(2, "D3330", "2026-02-10", 3),
        ],
        &[
            on(1, "D7140", "2026-02-10", 3),
            on(2, "D7140", "2026-03-10", 3),
        ],
        &[
            on(1, "D7140", "2026-02-10", 3),
            on(2, "D2740", "2026-03-10", 3),
        ],
        &[
            on(1, "D2740", "2026-02-10", 3),
            on(2, "D2740", "2026-02-10", 3),
        ],
    ];
    let mut kinds: Vec<RuleKind> = claims
        .iter()
        .flat_map(|claim| conflicts(claim))
        .map(|conflict| conflict.rule().kind())
        .collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(kinds, RuleKind::ALL);
}

#[test]
fn a_single_line_or_an_empty_claim_has_no_conflicts() {
    assert!(conflicts(&[]).is_empty());
    assert!(conflicts(&[line(1, "D0150", "2026-02-10")]).is_empty());
}

// ---- the rules themselves ----

#[test]
fn rules_for_a_code_name_the_rules_it_takes_part_in() {
    let ids: Vec<&str> = rules_for(code("D3310"))
        .map(cdt_codes::claims::Rule::id)
        .collect();
    assert!(ids.contains(&"pulpotomy-with-root-canal"));
    assert!(ids.contains(&"root-canal-once"));
    assert!(!ids.contains(&"evaluation-once"));
    assert_eq!(rules_for(code("D0000")).count(), 0);
}

#[test]
fn a_rule_two_payers_state_is_confirmed_and_still_warns() {
    // Prophylaxis with periodontal maintenance on one date: Texas Medicaid
    // (TMPPM 2016, 4.2.18: D1110 and D1120 denied on the date of any D4000
    // code) and Devoted Health's covered codes (D1110 not on the day of
    // D4910).
    let rule = rules()
        .iter()
        .find(|rule| rule.id() == "prophylaxis-with-maintenance")
        .unwrap();
    assert!(rule.is_confirmed());
    assert_eq!(rule.severity(), Severity::Warning);
}

#[test]
fn unconfirmed_rules_only_warn() {
    assert!(rules()
        .iter()
        .filter(|rule| !rule.is_confirmed())
        .all(|rule| rule.severity() == Severity::Warning));
}

#[test]
fn the_bundled_rule_file_parses_to_the_compiled_rules() {
    let parsed = cdt_codes::dataset::bundled_edits().expect("the bundled rules parse");
    let ids: Vec<&str> = parsed.iter().map(|row| row.id.as_str()).collect();
    let compiled: Vec<&str> = rules().iter().map(cdt_codes::claims::Rule::id).collect();
    assert_eq!(ids, compiled);
}

// ---- bad rule files ----

const HEADER: &str = "id\tkind\tcodes\twith\texcept\tscope\tseverity\tconfirmed\tmessage\tbasis\n";

fn problems(rows: &str) -> Vec<(usize, Option<usize>, DataErrorKind)> {
    let file = format!("{HEADER}{rows}");
    let data = Dataset::bundled().expect("bundled data");
    parse_edits(Source::new("edits.tsv", file.as_bytes()), &data)
        .expect_err("the file is bad")
        .iter()
        .map(|error| (error.line, error.column, error.kind.clone()))
        .collect()
}

#[test]
fn bad_rows_are_reported_with_line_and_column() {
    let bad = |problem| DataErrorKind::BadEdit(problem);
    assert_eq!(
        problems("a\tone-per-visit\tD0120,D9\t\t\tdate\twarning\tno\tm\tb\n"),
        [(2, Some(3), DataErrorKind::BadEdit(EditProblem::BadCodeItem))]
    );
    assert_eq!(
        problems("a\tincludes\tD0210\t\t\tdate\twarning\tno\tm\tb\n"),
        [(2, Some(4), bad(EditProblem::MissingSecondSide))]
    );
    assert_eq!(
        problems("a\tsequence\tD7140\tD2391\t\tdate+tooth\twarning\tno\tm\tb\n"),
        [(2, Some(6), bad(EditProblem::ScopeMismatch))]
    );
    assert_eq!(
        problems("a\tnot-with\tD3220\tD3330-D3310\t\tdate+tooth\twarning\tno\tm\tb\n"),
        [(2, Some(4), bad(EditProblem::BackwardRange))]
    );
    assert_eq!(
        problems("a\tnot-with\tD3220\tD3311-D3319\t\tdate+tooth\twarning\tno\tm\tb\n"),
        [(2, Some(4), bad(EditProblem::EmptyRange))]
    );
    assert_eq!(
        problems("a\tfrequency\tD1110\t\t\tdate\twarning\tno\tm\tb\n"),
        [(2, Some(2), bad(EditProblem::UnknownKind))]
    );
    assert_eq!(
        problems("a\tone-per-visit\tD1110\t\t\tdate\terror\tmaybe\tm\tb\n"),
        [(2, Some(8), DataErrorKind::BadFlag)]
    );
    assert_eq!(
        problems(
            "a\tone-per-visit\tD1110,D1120\t\t\tdate\twarning\tno\tm\tb\n\
             a\tone-per-visit\tD0120,D0150\t\t\tdate\twarning\tno\tm\t\n"
        ),
        [
            (3, Some(1), bad(EditProblem::DuplicateId { first_line: 2 })),
            (3, Some(10), DataErrorKind::EmptyField),
        ]
    );
}

//! Known public facts about the code set, checked against the compiled data.
//! Each fact names its source (see data/SOURCES.md for the full references).

use cdt_codes::{Added, Category, CdtCode, Edition, SuccessorKind};

fn edition(year: u16) -> Edition {
    Edition::new(year).unwrap()
}

#[test]
fn d3353_is_the_final_apexification_visit_in_endodontics() {
    // IHS RPMS dental package (code file baseline); CMS PFS 2026 code list.
    let procedure = cdt_codes::lookup("D3353").unwrap();
    assert_eq!(procedure.category(), Category::Endodontics);
    assert!(procedure
        .description()
        .to_lowercase()
        .contains("apexification"));
    let subcategory = procedure.subcategory().unwrap();
    assert!(
        subcategory.name().contains("Apexification"),
        "{subcategory}"
    );
    assert!(procedure.is_active_in(edition(2026)));
    let related: Vec<String> = procedure.related().map(|p| p.code().to_string()).collect();
    assert!(related.contains(&"D3351".to_string()) && related.contains(&"D3352".to_string()));
}

#[test]
fn periodic_evaluation_is_diagnostic_and_predates_2003() {
    // IHS RPMS dental package: D0120 is in the 1993 baseline code file;
    // revised in CDT-4 (2003), so it predates that edition.
    let procedure = cdt_codes::lookup("D0120").unwrap();
    assert_eq!(procedure.category(), Category::Diagnostic);
    assert_eq!(procedure.added(), Some(Added::Before(edition(2003))));
    assert_eq!(procedure.deleted_in(), None);
}

#[test]
fn pulpal_regeneration_single_code_was_split_in_2014() {
    // IHS RPMS patches ADE*6.0*22 (CDT 2011 adds D3354) and ADE*6.0*25
    // (CDT 2014 deletes D3354, adds D3355-D3357).
    let old = cdt_codes::lookup("D3354").unwrap();
    assert_eq!(old.added_in(), Some(edition(2011)));
    assert_eq!(old.deleted_in(), Some(edition(2014)));
    assert!(old.is_active_in(edition(2013)));
    assert!(!old.is_active_in(edition(2014)));
    for code in ["D3355", "D3356", "D3357"] {
        assert_eq!(
            cdt_codes::lookup(code).unwrap().added_in(),
            Some(edition(2014)),
            "{code}"
        );
    }
}

#[test]
fn undefined_but_well_formed_codes_are_not_found() {
    let code: CdtCode = "D0000".parse().unwrap();
    assert!(cdt_codes::get(code).is_none());
    assert!(cdt_codes::lookup("D0000").is_none());
}

/// Checks that `old` was deleted in `year`, that every one of `new` was
/// added in that same year, and that the data names them as its
/// successors (not as ADA-named replacements).
fn split_in(old: &str, year: u16, new: &[&str]) {
    let procedure = cdt_codes::lookup(old).unwrap();
    assert_eq!(procedure.deleted_in(), Some(edition(year)), "{old}");
    assert!(procedure.replaced_by().is_empty(), "{old}");
    let successors = procedure.successors();
    assert!(
        matches!(
            successors.kind(),
            Some(SuccessorKind::Confirmed | SuccessorKind::Inferred)
        ),
        "{old}"
    );
    let listed: Vec<String> = successors.codes().iter().map(ToString::to_string).collect();
    assert_eq!(listed, new, "{old}");
    for code in new {
        let successor = cdt_codes::lookup(code).unwrap();
        assert_eq!(successor.added_in(), Some(edition(year)), "{code}");
    }
}

#[test]
fn pulpal_regeneration_successors_are_the_three_visit_codes() {
    // IHS RPMS ADE*6.0*25 (CDT 2014): D3354 deleted, D3355-D3357 added.
    split_in("D3354", 2014, &["D3355", "D3356", "D3357"]);
}

#[test]
fn space_maintainer_codes_split_by_arch_and_appliance() {
    // IHS RPMS ADE*6.0*33 (CDT 2019): D1515 and D1525 deleted, D1516,
    // D1517, D1526 and D1527 added. ADE*6.0*34 (CDT 2020): D1551-D1553
    // added; D1550's deletion in 2020 rests on the CDA's count (SOURCES.md).
    split_in("D1515", 2019, &["D1516", "D1517"]);
    split_in("D1525", 2019, &["D1526", "D1527"]);
    split_in("D1550", 2020, &["D1551", "D1552", "D1553"]);
    let d1550 = cdt_codes::lookup("D1550").unwrap();
    assert_eq!(d1550.successors().to_string(), "D1551, D1552 or D1553");
}

#[test]
fn cone_beam_capture_gave_way_to_field_of_view_codes_in_2013() {
    // IHS RPMS ADE*6.0*24 (CDT 2013): D0360 and D0362 deleted; D0364-D0368
    // (with interpretation) and D0380-D0384 (capture only) added; Pediatric
    // Dentistry Today, March 2013, on capture and interpretation reported
    // apart from CDT 2013.
    split_in(
        "D0360",
        2013,
        &[
            "D0364", "D0365", "D0366", "D0367", "D0368", "D0380", "D0381", "D0382", "D0383",
            "D0384",
        ],
    );
    split_in(
        "D0362",
        2013,
        &["D0364", "D0365", "D0366", "D0367", "D0368", "D0391"],
    );
}

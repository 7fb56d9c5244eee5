//! Known public facts about the code set, checked against the compiled data.
//! Each fact names its source (see data/SOURCES.md for the full references).

use cdt_codes::{Added, Category, CdtCode, Edition};

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

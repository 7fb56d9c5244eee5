//! Properties the compiled table must have whatever the data says.

use cdt_codes::{Category, CDT_EDITION};

#[test]
fn records_are_sorted_and_unique() {
    let codes: Vec<_> = cdt_codes::iter().map(cdt_codes::Procedure::code).collect();
    assert!(!codes.is_empty());
    assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
}

#[test]
fn every_record_lies_in_its_category_and_subcategory() {
    for procedure in cdt_codes::iter() {
        let code = procedure.code();
        assert_eq!(Category::of(code), Some(procedure.category()), "{code}");
        if let Some(subcategory) = procedure.subcategory() {
            assert!(subcategory.contains(code), "{code} outside {subcategory}");
            assert_eq!(subcategory.category(), procedure.category(), "{code}");
            assert!(subcategory.procedures().iter().any(|p| p.code() == code));
        }
    }
}

#[test]
fn every_code_in_force_has_a_subcategory() {
    for procedure in cdt_codes::iter().filter(|p| p.is_active()) {
        assert!(
            procedure.subcategory().is_some(),
            "{} has no subcategory",
            procedure.code()
        );
    }
}

#[test]
fn subcategories_are_ordered_disjoint_and_inside_one_category() {
    let all = cdt_codes::subcategories();
    assert!(!all.is_empty());
    for pair in all.windows(2) {
        assert!(
            pair[0].range().end() < pair[1].range().start(),
            "{} / {}",
            pair[0],
            pair[1]
        );
    }
    for subcategory in all {
        let (start, end) = (*subcategory.range().start(), *subcategory.range().end());
        assert_eq!(Category::of(start), Some(subcategory.category()));
        assert_eq!(Category::of(end), Some(subcategory.category()));
        assert!(subcategory.category().subcategories().contains(subcategory));
    }
}

#[test]
fn lookups_agree_with_the_table() {
    for procedure in cdt_codes::iter() {
        let text = procedure.code().to_string();
        assert_eq!(cdt_codes::lookup(&text), Some(procedure));
        assert_eq!(cdt_codes::lookup(&text.to_lowercase()), Some(procedure));
        assert_eq!(cdt_codes::get(procedure.code()), Some(procedure));
    }
    let defined = (0..=9999u16)
        .filter_map(cdt_codes::CdtCode::new)
        .filter(|code| code.procedure().is_some())
        .count();
    assert_eq!(defined, cdt_codes::iter().count());
}

#[test]
fn history_is_consistent() {
    for procedure in cdt_codes::iter() {
        let code = procedure.code();
        assert!(!procedure.description().trim().is_empty(), "{code}");
        if let (Some(added), Some(deleted)) = (procedure.added_in(), procedure.deleted_in()) {
            assert!(added < deleted, "{code}");
        }
        if !procedure.replaced_by().is_empty() {
            assert!(
                procedure.deleted_in().is_some(),
                "{code} replaced but not deleted"
            );
        }
        assert_eq!(
            procedure.replacements().count(),
            procedure.replaced_by().len(),
            "{code}"
        );
        for edition in procedure.revised_in() {
            assert!(*edition <= CDT_EDITION, "{code}");
        }
    }
}

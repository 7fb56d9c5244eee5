//! Properties the compiled table must have whatever the data says.

use cdt_codes::{Added, Category, CodeSet, CDT_EDITION};

#[test]
fn records_are_sorted_and_unique() {
    let codes: Vec<_> = cdt_codes::iter().map(|p| p.code()).collect();
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
            assert!(subcategory.procedures().any(|p| p.code() == code));
        }
    }
}

#[test]
fn every_record_has_a_subcategory_deleted_ones_included() {
    for procedure in cdt_codes::iter() {
        assert!(
            procedure.subcategory().is_some(),
            "{} has no subcategory",
            procedure.code()
        );
    }
}

#[test]
fn headings_are_grouped_by_category_and_listed_once() {
    let all: Vec<_> = cdt_codes::subcategories().collect();
    assert!(!all.is_empty());
    assert!(all
        .windows(2)
        .all(|pair| pair[0].category() <= pair[1].category()));
    for (index, heading) in all.iter().enumerate() {
        assert!(
            all[..index]
                .iter()
                .all(|other| (other.category(), other.name())
                    != (heading.category(), heading.name())),
            "{heading} listed twice"
        );
        assert!(CodeSet::compiled()
            .subcategories_of(heading.category())
            .any(|other| other == *heading));
        assert!(heading
            .procedures()
            .all(|p| p.category() == heading.category()));
    }
}

#[test]
fn lookups_agree_with_the_table() {
    for procedure in cdt_codes::iter() {
        let text = procedure.code().to_string();
        assert_eq!(cdt_codes::lookup(text.as_str()), Some(procedure));
        assert_eq!(
            cdt_codes::lookup(text.to_lowercase().as_str()),
            Some(procedure)
        );
        assert_eq!(cdt_codes::get(procedure.code()), Some(procedure));
    }
    let defined = (0..=9999u16)
        .filter_map(cdt_codes::CdtCode::new)
        .filter(|code| cdt_codes::get(*code).is_some())
        .count();
    assert_eq!(defined, cdt_codes::iter().count());
}

#[test]
fn history_is_consistent() {
    for procedure in cdt_codes::iter() {
        let code = procedure.code();
        assert!(!procedure.description().trim().is_empty(), "{code}");
        // No addition after the code's own deletion or revision.
        let end = procedure
            .revised_in()
            .iter()
            .copied()
            .chain(procedure.deleted_in())
            .min();
        match (procedure.added(), end) {
            (Some(Added::In(added)), Some(end)) => assert!(added < end, "{code}"),
            (Some(Added::Before(before)), Some(end)) => assert!(before <= end, "{code}"),
            _ => {}
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

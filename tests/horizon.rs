//! What the data knows and where it ends: real editions, dates outside the
//! data, off-cycle effective dates. Facts from the ADA's published editions
//! and the data's sources (data/SOURCES.md).

use cdt_codes::{CodeSet, Edition, ServiceDate, Validity};

fn date(text: &str) -> ServiceDate {
    text.parse().unwrap()
}

fn e(year: u16) -> Edition {
    Edition::new(year).unwrap()
}

#[test]
fn the_editions_are_the_published_ones() {
    let editions: Vec<(u16, u16, String)> = CodeSet::compiled()
        .editions()
        .map(|e| (e.first_year(), e.last_year(), e.to_string()))
        .collect();
    assert_eq!(editions[0], (2000, 2002, "CDT-3".into()));
    assert_eq!(editions[1], (2003, 2004, "CDT-4".into()));
    assert_eq!(editions[2], (2005, 2006, "CDT-2005".into()));
    assert_eq!(editions[3], (2007, 2008, "CDT-2007/2008".into()));
    assert_eq!(editions[4], (2009, 2010, "CDT-2009/2010".into()));
    assert_eq!(editions[5], (2011, 2012, "CDT-2011/2012".into()));
    assert_eq!(editions[6], (2013, 2013, "CDT 2013".into()));
    assert_eq!(
        editions.last().unwrap().2,
        cdt_codes::CDT_EDITION.to_string()
    );
    assert_eq!(
        editions.len(),
        6 + usize::from(cdt_codes::CDT_EDITION.year() - 2012)
    );
}

#[test]
fn a_year_maps_to_the_edition_in_force() {
    assert_eq!(date("2012-06-01").edition(), Some(e(2011)));
    assert_eq!(
        date("2012-06-01").edition().unwrap().to_string(),
        "CDT-2011/2012"
    );
    assert_eq!(date("2001-01-01").edition(), Some(Edition::CDT_3));
    assert_eq!(Edition::new(2012).ok(), None);
    assert_eq!(Edition::new(2006).ok(), None);
    assert!("2012".parse::<Edition>().is_err());
    assert_eq!(Edition::try_from(2013), Ok(e(2013)));
}

#[test]
fn dates_after_the_data_are_not_valid_and_not_invalid() {
    let later = date("2099-06-01");
    let verdict = cdt_codes::validity("D0120", later);
    assert!(!verdict.is_valid());
    let Validity::OutsideData {
        edition,
        nearest,
        hint,
        ..
    } = verdict
    else {
        panic!("{verdict:?}");
    };
    assert_eq!(edition, Some(e(2099)));
    assert_eq!(nearest, cdt_codes::CDT_EDITION);
    assert_eq!(
        hint.map(|(p, active)| (p.code().to_string(), active)),
        Some(("D0120".into(), true))
    );
    // An unknown code after the data may belong to a later edition.
    assert!(cdt_codes::validity("D0000", later).is_outside_data());
    // The last day of the data is inside; the next day is not.
    let (_, last) = CodeSet::compiled().horizon();
    assert!(cdt_codes::validity("D0120", last).is_valid());
    assert_eq!(
        last.to_string(),
        format!("{}-12-31", cdt_codes::CDT_EDITION.last_year())
    );
}

#[test]
fn dates_before_the_data_are_not_valid_and_not_invalid() {
    let verdict = cdt_codes::validity("D0120", date("1950-06-01"));
    let Validity::OutsideData {
        edition, nearest, ..
    } = verdict
    else {
        panic!("{verdict:?}");
    };
    assert_eq!(edition, None);
    assert_eq!(nearest, Edition::CDT_3);
    assert!(verdict.to_string().contains("before CDT-3"), "{verdict}");
    assert!(cdt_codes::validity("D3330", date("1999-12-31")).is_outside_data());
    assert!(cdt_codes::validity("D3330", date("2000-01-01")).is_valid());
}

#[test]
fn changes_to_an_edition_the_data_lacks_fail() {
    let next = cdt_codes::CDT_EDITION.next().unwrap();
    let error = cdt_codes::changes(cdt_codes::CDT_EDITION, next).unwrap_err();
    assert_eq!(error.edition, next);
    assert!(
        error.to_string().starts_with("the data holds CDT-3 to "),
        "{error}"
    );
    assert!(cdt_codes::changes(e(2025), e(2026)).is_ok());
}

#[test]
fn no_record_shows_an_addition_after_its_deletion_or_revision() {
    let d9240 = cdt_codes::lookup("D9240").unwrap();
    assert_eq!(d9240.deleted_in(), Some(Edition::CDT_3));
    assert_eq!(
        d9240.added(),
        Some(cdt_codes::Added::Before(Edition::CDT_3))
    );
}

#[test]
fn every_record_names_its_heading_deleted_codes_included() {
    for procedure in cdt_codes::iter() {
        let heading = procedure.subcategory();
        assert!(heading.is_some(), "{}", procedure.code());
        assert_eq!(
            heading.unwrap().category(),
            procedure.category(),
            "{}",
            procedure.code()
        );
    }
    // Placements the issue found wrong, now by heading, not by range.
    let heading = |code: &str| {
        cdt_codes::lookup(code)
            .unwrap()
            .subcategory()
            .unwrap()
            .name()
    };
    assert_eq!(heading("D5510"), "Repairs to Complete Dentures");
    assert_eq!(heading("D5610"), "Repairs to Partial Dentures");
    assert_eq!(heading("D7470"), "Excision of Bone Tissue");
    assert_eq!(heading("D2110"), "Amalgam Restorations");
    // Only sourced placements are confirmed: a public source names the same
    // heading for the same code (data/SOURCES.md).
    let confirmed = |code: &str| cdt_codes::lookup(code).unwrap().subcategory_confirmed();
    // A source printing our heading with a parenthetical qualifier
    // ("Amalgam Restorations (Including Polishing)", "Extractions (includes
    // local anesthesia, ...)") confirms it too.
    for code in [
        "D0120", "D0460", "D1110", "D1352", "D2740", "D3220", "D6240", "D7285", "D2140", "D7140",
        "D3310", "D0190", "D0210",
    ] {
        assert!(confirmed(code), "{code}");
    }
    // Most placements have no public source at all.
    for code in ["D5510", "D8080", "D9230"] {
        assert!(!confirmed(code), "{code}");
    }
}

#[test]
fn the_missing_facts_are_there() {
    let d1550 = cdt_codes::lookup("D1550").unwrap();
    assert_eq!(d1550.deleted_in(), Some(e(2020)));
    assert!(!d1550.is_confirmed(cdt_codes::Fact::DeletedIn));
    for code in ["D9130", "D9990"] {
        let procedure = cdt_codes::lookup(code).unwrap();
        assert_eq!(procedure.added_in(), Some(e(2019)), "{code}");
        assert!(!procedure.is_confirmed(cdt_codes::Fact::AddedIn), "{code}");
    }
}

#[test]
fn codes_that_took_effect_mid_year_follow_their_effective_date() {
    // D1701 was accepted into CDT 2021 in March 2021 (data/SOURCES.md).
    let d1701 = cdt_codes::lookup("D1701").unwrap();
    assert_eq!(d1701.effective(), Some(date("2021-03-12")));
    assert!(!d1701.is_confirmed(cdt_codes::Fact::Effective));
    assert!(matches!(
        cdt_codes::validity("D1701", date("2021-02-01")),
        Validity::NotYetInForce {
            effective: Some(_),
            ..
        }
    ));
    assert!(cdt_codes::validity("D1701", date("2021-03-12")).is_valid());
}

#[cfg(feature = "std")]
#[test]
fn codes_released_before_their_edition_are_valid_from_their_effective_date() {
    // A synthetic file: a code of the 2027 edition released in October 2026.
    let file = "code\tadded_in\teffective\tdescription\n\
                D0120\t<2005\t\tperiodic exam\n\
                D0413\t2027\t2026-10-01\tearly code (test)\n";
    let set =
        CodeSet::load_replacing("early.tsv", file.as_bytes(), Edition::new(2027).unwrap()).unwrap();
    assert!(matches!(
        set.validity("D0413", date("2026-09-30")),
        Validity::NotYetInForce { .. }
    ));
    assert!(set.validity("D0413", date("2026-10-01")).is_valid());
    assert!(set.validity("D0413", date("2027-01-01")).is_valid());
}

//! Known public facts about the history of the code set. Each test names
//! its source; data/SOURCES.md has the full references:
//! - CMS PFS 2026: the CMS Physician Fee Schedule relative value file,
//!   January 2026 release (every D code in force for 2026).
//! - CMS HCPCS 2026 transactions: the January 2026 HCPCS transaction
//!   report, listing the six CDT 2026 deletions as discontinued.
//! - IHS RPMS ADE*6.0*NN: the yearly CDT update patches of the Indian Health
//!   Service dental package, public FOIA release.

use cdt_codes::{Added, Category, Change, Edition, ServiceDate, Validity};

fn e(year: u16) -> Edition {
    Edition::new(year).unwrap()
}

fn date(text: &str) -> ServiceDate {
    text.parse().unwrap()
}

fn codes(list: &[cdt_codes::CdtCode]) -> Vec<String> {
    list.iter().map(ToString::to_string).collect()
}

#[test]
fn a_sample_of_every_category_is_in_force_in_2026() {
    // Source: CMS PFS 2026.
    let sample = [
        ("D0120", Category::Diagnostic),
        ("D1110", Category::Preventive),
        ("D2391", Category::Restorative),
        ("D3330", Category::Endodontics),
        ("D4341", Category::Periodontics),
        ("D5110", Category::ProsthodonticsRemovable),
        ("D5913", Category::MaxillofacialProsthetics),
        ("D6010", Category::ImplantServices),
        ("D6750", Category::ProsthodonticsFixed),
        ("D7140", Category::OralAndMaxillofacialSurgery),
        ("D8080", Category::Orthodontics),
        ("D9222", Category::AdjunctiveGeneralServices),
    ];
    for (code, category) in sample {
        let procedure = cdt_codes::lookup(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(procedure.category(), category, "{code}");
        assert!(procedure.is_active_in(e(2026)), "{code}");
        assert!(procedure.subcategory().is_some(), "{code}");
    }
}

#[test]
fn cdt_2026_deletions() {
    // Source: CMS HCPCS 2026 transactions (D1352, D1705, D1706, D1707,
    // D1712, D9248 discontinued); D1352's successor D2391 per ADA guidance
    // reported in the CDT 2026 change summaries (see SOURCES.md).
    for code in ["D1352", "D1705", "D1706", "D1707", "D1712", "D9248"] {
        let procedure = cdt_codes::lookup(code).unwrap();
        assert_eq!(procedure.deleted_in(), Some(e(2026)), "{code}");
        assert!(procedure.is_active_in(e(2025)), "{code}");
        assert!(!procedure.is_active_in(e(2026)), "{code}");
    }
    assert_eq!(
        codes(cdt_codes::lookup("D1352").unwrap().replaced_by()),
        ["D2391"]
    );
}

#[test]
fn deletions_across_the_years_with_replacements() {
    // D2941 -> D2940 in CDT 2025: ADA News, March 2025; IHS RPMS ADE*6.0*41.
    let d2941 = cdt_codes::lookup("D2941").unwrap();
    assert_eq!(d2941.deleted_in(), Some(e(2025)));
    assert_eq!(codes(d2941.replaced_by()), ["D2940"]);
    // D0351 and D0704 -> D0801-D0804 in CDT 2023: IHS RPMS ADE*6.0*37;
    // AAO "Coming soon: CDT 2023".
    for code in ["D0351", "D0704"] {
        let procedure = cdt_codes::lookup(code).unwrap();
        assert_eq!(procedure.deleted_in(), Some(e(2023)), "{code}");
        assert_eq!(
            codes(procedure.replaced_by()),
            ["D0801", "D0802", "D0803", "D0804"]
        );
    }
    // Interceptive orthodontics D8050/D8060 deleted in CDT 2022 in favour of
    // limited treatment D8010-D8040: IHS RPMS ADE*6.0*36; AAO.
    for code in ["D8050", "D8060"] {
        let procedure = cdt_codes::lookup(code).unwrap();
        assert_eq!(procedure.deleted_in(), Some(e(2022)), "{code}");
        assert_eq!(
            codes(procedure.replaced_by()),
            ["D8010", "D8020", "D8030", "D8040"]
        );
    }
    // D3427 deleted in CDT 2021 and D3354 in CDT 2014: IHS RPMS ADE*6.0*35, *25.
    assert_eq!(
        cdt_codes::lookup("D3427").unwrap().deleted_in(),
        Some(e(2021))
    );
    assert_eq!(
        cdt_codes::lookup("D3354").unwrap().deleted_in(),
        Some(e(2014))
    );
    // D6095 deleted in CDT 2025: IHS RPMS ADE*6.0*41; absent from CMS PFS 2025.
    assert_eq!(
        cdt_codes::lookup("D6095").unwrap().deleted_in(),
        Some(e(2025))
    );
}

#[test]
fn additions_across_the_years() {
    // IHS RPMS patches for 2014, 2021, 2023; CMS PFS year-on-year for 2025
    // and 2026.
    let cases = [
        ("D3355", 2014),
        ("D3471", 2021),
        ("D0801", 2023),
        ("D9953", 2023),
        ("D2956", 2025),
        ("D0426", 2026),
        ("D5877", 2026),
    ];
    for (code, year) in cases {
        let procedure = cdt_codes::lookup(code).unwrap();
        assert_eq!(procedure.added(), Some(Added::In(e(year))), "{code}");
        assert!(!procedure.is_active_in(e(year - 1)), "{code}");
        assert!(procedure.is_active_in(e(year)), "{code}");
    }
}

#[test]
fn date_of_service_on_each_side_of_1_january() {
    // D1352 deleted in CDT 2026 (CMS HCPCS 2026 transactions).
    assert!(cdt_codes::validity("D1352", date("2025-12-31")).is_valid());
    match cdt_codes::validity("D1352", date("2026-01-01")) {
        Validity::Deleted {
            deleted_in,
            replaced_by,
            ..
        } => {
            assert_eq!(deleted_in, e(2026));
            assert_eq!(codes(replaced_by), ["D2391"]);
        }
        other => panic!("expected a deletion, got {other:?}"),
    }
    // D0426 added in CDT 2026 (CMS PFS 2026, absent from CMS PFS 2025).
    match cdt_codes::validity("d0426", date("2025-12-31")) {
        Validity::NotYetInForce { added_in, .. } => assert_eq!(added_in, e(2026)),
        other => panic!("expected not yet in force, got {other:?}"),
    }
    assert!(cdt_codes::validity("D0426", date("2026-01-01")).is_valid());
}

#[test]
fn malformed_and_unknown_codes_on_a_date() {
    let day = date("2026-05-01");
    assert!(matches!(
        cdt_codes::validity("", day),
        Validity::Malformed(_)
    ));
    assert!(matches!(
        cdt_codes::validity("D12345", day),
        Validity::Malformed(_)
    ));
    assert!(matches!(
        cdt_codes::validity("D0000", day),
        Validity::Unknown(_)
    ));
    let message = cdt_codes::validity("D1352", day).to_string();
    assert_eq!(
        message,
        "D1352 was deleted in CDT 2026; report D2391 instead"
    );
}

#[test]
fn changes_from_2025_to_2026() {
    // CDT 2026: 31 additions and 6 deletions (ADA; CMS PFS 2025 vs 2026).
    let all: Vec<Change> = cdt_codes::changes(e(2025), e(2026)).unwrap().collect();
    let added = all
        .iter()
        .filter(|c| matches!(c, Change::Added { .. }))
        .count();
    let deleted = all
        .iter()
        .filter(|c| matches!(c, Change::Deleted { .. }))
        .count();
    assert_eq!((added, deleted), (31, 6));
    assert!(all.iter().all(|c| c.edition() == e(2026)));
}

#[test]
fn the_edition_constant_is_the_newest_in_the_data() {
    assert!(cdt_codes::CDT_EDITION >= e(2026));
    let newest = cdt_codes::iter()
        .flat_map(|p| {
            p.added_in()
                .into_iter()
                .chain(p.deleted_in())
                .chain(p.revised_in().iter().copied())
        })
        .max()
        .unwrap();
    assert_eq!(newest, cdt_codes::CDT_EDITION);
}

#[test]
fn service_dates_are_checked() {
    assert!("2026-02-30".parse::<ServiceDate>().is_err());
    assert!("2026-1-1".parse::<ServiceDate>().is_err());
    assert!("".parse::<ServiceDate>().is_err());
    assert!("2024-02-29".parse::<ServiceDate>().is_ok());
    assert!("1900-02-29".parse::<ServiceDate>().is_err());
}

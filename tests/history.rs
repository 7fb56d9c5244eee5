//! Known public facts about the history of the code set. Each test names
//! its source; data/SOURCES.md has the full references:
//! - CMS PFS 2026: the CMS Physician Fee Schedule relative value file,
//!   January 2026 release (every D code in force for 2026).
//! - CMS HCPCS 2026 transactions: the January 2026 HCPCS transaction
//!   report, listing the six CDT 2026 deletions as discontinued.
//! - IHS RPMS ADE*6.0*NN: the yearly CDT update patches of the Indian Health
//!   Service dental package, public FOIA release.

use cdt_codes::{
    Added, Category, CdtCode, Change, CodeList, Edition, ServiceDate, SuccessorKind, Validity,
};

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
    // The codes themselves, as the CDT 2026 change lists name them.
    let codes = |deleted: bool| -> Vec<String> {
        all.iter()
            .filter(|c| matches!(c, Change::Deleted { .. }) == deleted)
            .filter(|c| matches!(c, Change::Added { .. } | Change::Deleted { .. }))
            .map(|c| c.procedure().code().to_string())
            .collect()
    };
    assert_eq!(
        codes(true),
        ["D1352", "D1705", "D1706", "D1707", "D1712", "D9248"]
    );
    assert_eq!(
        codes(false),
        [
            "D0426", "D0461", "D1720", "D5877", "D5878", "D5909", "D5930", "D5938", "D5939",
            "D5940", "D5941", "D5942", "D5943", "D5944", "D5945", "D5946", "D5947", "D5948",
            "D5949", "D6049", "D6196", "D6280", "D9128", "D9129", "D9224", "D9225", "D9244",
            "D9245", "D9246", "D9247", "D9936",
        ]
    );
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

#[test]
fn every_deleted_code_has_a_replacement_successors_or_a_reason() {
    let mut deleted = 0;
    for procedure in cdt_codes::iter() {
        let code = procedure.code();
        let successors = procedure.successors();
        if procedure.deleted_in().is_none() {
            assert!(procedure.replaced_by().is_empty(), "{code}");
            assert_eq!(successors.kind(), None, "{code}");
            continue;
        }
        deleted += 1;
        if !procedure.replaced_by().is_empty() {
            // A named replacement and successors are kept apart.
            assert_eq!(successors.kind(), None, "{code}");
            continue;
        }
        match successors.kind() {
            Some(SuccessorKind::NoSuccessor) => {
                assert!(successors.is_empty(), "{code}");
                assert!(successors.none_reason().is_some(), "{code}");
            }
            Some(SuccessorKind::Confirmed) => {
                assert!(!successors.is_empty(), "{code}");
                assert!(successors.source().is_some(), "{code}");
            }
            Some(_) => {
                assert!(!successors.is_empty(), "{code}");
                assert!(successors.note().is_some(), "{code}");
            }
            None => panic!("{code} is deleted with no replacement, successors or reason"),
        }
    }
    // 102 deletions since CDT-3 (see data/SOURCES.md).
    assert_eq!(deleted, 102);
}

/// Whether `note` names `code`, alone or inside a range such as
/// `D0472-D0474`.
fn names(note: &str, code: CdtCode) -> bool {
    let text = code.to_string();
    if note.contains(&text) {
        return true;
    }
    note.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';' | ':'))
        .filter_map(|word| word.split_once('-'))
        .filter_map(|(a, b)| Some((a.parse::<CdtCode>().ok()?, b.parse::<CdtCode>().ok()?)))
        .any(|(first, last)| first <= code && code <= last)
}

#[test]
fn successors_are_new_in_the_deleting_edition_or_the_note_says_why() {
    let mut older = 0;
    for procedure in cdt_codes::iter() {
        let (Some(deleted_in), successors) = (procedure.deleted_in(), procedure.successors())
        else {
            continue;
        };
        for code in successors {
            let successor = cdt_codes::get(code).unwrap();
            // Whatever it is, it could be reported when the old code went.
            assert!(
                successor.is_active_in(deleted_in),
                "{} -> {code}",
                procedure.code()
            );
            if successor.added_in() == Some(deleted_in) {
                continue;
            }
            older += 1;
            let note = successors.note().unwrap_or("");
            assert!(
                names(note, code) && note.contains("in the code set"),
                "{} -> {code}: {code} was not added in {deleted_in}, and the note does not say it was already in the code set: {note:?}",
                procedure.code()
            );
        }
    }
    // Most successors are new; a few are older codes revised to cover more.
    assert!(older > 0 && older < 40, "{older}");
}

#[test]
fn a_deleted_codes_verdict_says_what_to_report_instead() {
    let day = date("2026-03-01");
    assert_eq!(
        cdt_codes::validity("D1550", day).to_string(),
        "D1550 was deleted in CDT 2020; report D1551, D1552 or D1553 instead (successors, inferred)"
    );
    assert_eq!(
        cdt_codes::validity("D3354", day).to_string(),
        "D3354 was deleted in CDT 2014; report D3355, D3356 or D3357 instead (successors, inferred)"
    );
    assert_eq!(
        cdt_codes::validity("D8050", day).to_string(),
        "D8050 was deleted in CDT 2022; report D8010, D8020, D8030 or D8040 instead"
    );
    let d1705 = cdt_codes::validity("D1705", day).to_string();
    assert!(
        d1705.starts_with("D1705 was deleted in CDT 2026; no code replaces it: "),
        "{d1705}"
    );
    match cdt_codes::validity("D1515", day) {
        Validity::Deleted {
            replaced_by,
            successors,
            ..
        } => {
            assert!(replaced_by.is_empty());
            assert_eq!(codes(successors.codes()), ["D1516", "D1517"]);
        }
        other => panic!("expected a deletion, got {other:?}"),
    }
}

#[cfg(feature = "std")]
#[test]
fn a_claim_line_with_a_deleted_code_names_its_successors() {
    let csv = "code,dos\nD3354,2026-02-01\n";
    let report = cdt_codes::claims::ClaimChecker::new(csv.as_bytes())
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert!(
        report
            .message()
            .ends_with("report D3355, D3356 or D3357 instead (successors, inferred)"),
        "{}",
        report.message()
    );
}

#[test]
fn changes_name_successors_as_a_list() {
    let deletions: Vec<String> = cdt_codes::changes(e(2019), e(2020))
        .unwrap()
        .filter(|c| matches!(c, Change::Deleted { .. }))
        .map(|c| c.to_string())
        .collect();
    assert!(deletions.contains(
        &"deleted D1550 in CDT 2020 (successors D1551, D1552 or D1553, inferred)".to_string()
    ));
    let d8050: Vec<String> = cdt_codes::changes(e(2021), e(2022))
        .unwrap()
        .filter(|c| c.procedure().code().to_string() == "D8050")
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        d8050,
        ["deleted D8050 in CDT 2022 (replaced by D8010, D8020, D8030 or D8040)"]
    );
}

#[test]
fn a_code_list_reads_as_a_person_writes_it() {
    let list = |texts: &[&str]| -> String {
        let codes: Vec<CdtCode> = texts.iter().map(|t| t.parse().unwrap()).collect();
        CodeList::or(&codes).to_string()
    };
    assert_eq!(list(&["D2391"]), "D2391");
    assert_eq!(list(&["D5511", "D5512"]), "D5511 or D5512");
    assert_eq!(list(&["D1551", "D1552", "D1553"]), "D1551, D1552 or D1553");
    // Width and fill are honoured with `alloc` (the text is built first).
    #[cfg(feature = "alloc")]
    assert_eq!(
        format!(
            "[{:>15}]",
            CodeList::or(cdt_codes::lookup("D1515").unwrap().successors().codes())
        ),
        "[ D1516 or D1517]"
    );
}

#[test]
fn confirmed_successors_name_a_source_listed_in_sources_md() {
    let sources = include_str!("../data/SOURCES.md");
    for procedure in cdt_codes::iter() {
        let successors = procedure.successors();
        if let Some(source) = successors.source() {
            for key in source.split(';') {
                assert!(
                    sources.contains(&format!("`{key}`")),
                    "{}: source `{key}` is not described in data/SOURCES.md",
                    procedure.code()
                );
            }
        }
    }
}

#[test]
fn interceptive_orthodontics_stood_under_its_own_heading() {
    for code in ["D8050", "D8060"] {
        let procedure = cdt_codes::lookup(code).unwrap();
        assert_eq!(
            procedure.subcategory().unwrap().name(),
            "Interceptive Orthodontic Treatment",
            "{code}"
        );
    }
    assert_eq!(
        cdt_codes::lookup("D8010")
            .unwrap()
            .subcategory()
            .unwrap()
            .name(),
        "Limited Orthodontic Treatment"
    );
}

#[cfg(feature = "serde")]
#[test]
fn a_deleted_verdict_carries_its_successors_in_json() {
    let verdict = cdt_codes::validity("D1550", date("2026-03-01"));
    let json: serde_json::Value = serde_json::to_value(verdict).unwrap();
    assert_eq!(
        json["successors"],
        serde_json::json!(["D1551", "D1552", "D1553"])
    );
    assert_eq!(json["successors_kind"], "inferred");
    assert_eq!(json["replaced_by"], serde_json::json!([]));
}

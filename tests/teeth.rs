//! Teeth, surfaces and areas, and what each code requires of a claim line:
//! known facts of the Universal and ISO 3950 notations and of the codes.

use cdt_codes::teeth::{AreaKind, ToothKind};
use cdt_codes::{Area, Reported, ReportingProblem, Site, Surfaces, Tooth};

#[test]
fn every_permanent_and_primary_tooth_round_trips_through_iso_3950() {
    let mut seen = Vec::new();
    for text in (1..=32)
        .map(|n| n.to_string())
        .chain(('A'..='T').map(String::from))
    {
        let tooth: Tooth = text.parse().unwrap();
        let iso = tooth.to_iso().unwrap();
        assert_eq!(Tooth::from_iso(iso), Some(tooth), "{text}");
        assert_eq!(tooth.to_string(), text);
        seen.push(iso);
    }
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), 52);
}

#[test]
fn known_iso_and_class_facts() {
    let t = |text: &str| text.parse::<Tooth>().unwrap();
    for (universal, iso) in [
        ("1", 18),
        ("8", 11),
        ("9", 21),
        ("16", 28),
        ("17", 38),
        ("24", 31),
        ("25", 41),
        ("32", 48),
        ("A", 55),
        ("J", 65),
        ("K", 75),
        ("T", 85),
    ] {
        assert_eq!(t(universal).to_iso(), Some(iso), "{universal}");
    }
    assert_eq!(t("3").kind(), ToothKind::Molar);
    assert_eq!(t("5").kind(), ToothKind::Premolar);
    assert_eq!(t("6").kind(), ToothKind::Canine);
    assert!(t("8").is_anterior() && t("8").is_permanent());
    assert!(t("E").is_primary() && t("E").is_anterior());
    assert!(t("51").is_supernumerary() && t("AS").is_supernumerary());
    assert!("33".parse::<Tooth>().is_err());
    assert!("U".parse::<Tooth>().is_err());
    assert!("33"
        .parse::<Tooth>()
        .unwrap_err()
        .to_string()
        .contains("33 is not a tooth"));
}

#[test]
fn surfaces_parse_and_fit_their_tooth() {
    let s = |text: &str| text.parse::<Surfaces>();
    assert_eq!(s("MOD").unwrap().count(), 3);
    assert_eq!(s("M:O:D").unwrap(), s("mod").unwrap());
    assert!(s("MM").is_err());
    assert!(s("MX").is_err());
    let molar: Tooth = "3".parse().unwrap();
    let incisor: Tooth = "8".parse().unwrap();
    assert!(s("MOD").unwrap().check(molar).is_ok());
    assert!(s("MOD").unwrap().check(incisor).is_err()); // occlusal on an incisor
    assert!(s("MID").unwrap().check(incisor).is_ok());
    assert!(s("MID").unwrap().check(molar).is_err()); // incisal on a molar
}

#[test]
fn areas_of_the_oral_cavity() {
    let a = |text: &str| text.parse::<Area>().unwrap();
    assert_eq!(a("00").kind(), AreaKind::WholeMouth);
    assert_eq!(a("01").kind(), AreaKind::Arch);
    assert_eq!(a("10").kind(), AreaKind::Quadrant);
    assert_eq!(a("UR"), a("10"));
    assert_eq!(a("LR"), a("40"));
    assert!(a("10").contains("3".parse().unwrap()));
    assert!(!a("10").contains("14".parse().unwrap()));
    assert!("55".parse::<Area>().is_err());
}

#[test]
fn every_code_in_force_says_what_a_claim_line_reports() {
    for procedure in cdt_codes::iter().filter(cdt_codes::Procedure::is_active) {
        assert!(procedure.reporting().is_some(), "{}", procedure.code());
    }
}

#[test]
fn each_reporting_kind_is_exercised_by_real_codes() {
    let needs = |code: &str| cdt_codes::lookup(code).unwrap().reporting().unwrap();
    assert!(needs("D7140").allows(Site::Tooth)); // extraction of an erupted tooth
    assert!(needs("D2392").allows(Site::ToothSurfaces)); // two-surface posterior composite
    assert_eq!(needs("D2392").surfaces(), Some((2, 2)));
    assert!(needs("D4341").allows(Site::Quadrant)); // scaling and root planing, per quadrant
    assert!(needs("D0120").allows(Site::None)); // periodic evaluation
    assert!(cdt_codes::iter().any(|p| p.reporting().is_some_and(|r| r.allows(Site::Arch))));
    assert!(cdt_codes::iter().any(|p| p.reporting().is_some_and(|r| r.allows(Site::ToothRange))));
}

#[test]
fn a_line_is_checked_against_its_code() {
    let check = |code: &str, line: Reported<'_>| {
        let procedure = cdt_codes::lookup(code).unwrap();
        procedure
            .check_reported(line)
            .iter()
            .copied()
            .collect::<Vec<_>>()
    };
    let line = Reported::default();
    assert!(check("D3330", line.tooth("19")).is_empty());
    assert!(matches!(
        check("D3330", line.tooth("8"))[..],
        [ReportingProblem::WrongTooth { .. }]
    ));
    assert!(check("D2392", line.tooth("3").surfaces("MO")).is_empty());
    assert!(matches!(
        check("D2392", line.tooth("3").surfaces("MOD"))[..],
        [ReportingProblem::SurfaceCount { .. }]
    ));
    assert!(matches!(
        check("D2392", line.tooth("3"))[..],
        [ReportingProblem::MissingSurfaces { .. }]
    ));
    assert!(matches!(
        check("D4341", line)[..],
        [ReportingProblem::MissingArea { .. }]
    ));
    assert!(check("D4341", line.area("20")).is_empty());
    assert!(matches!(
        check("D4341", line.area("01"))[..],
        [ReportingProblem::WrongArea { .. }]
    ));
    assert!(matches!(
        check("D7140", line)[..],
        [ReportingProblem::MissingTooth { .. }]
    ));
    assert!(matches!(
        check("D7140", line.tooth("33"))[..],
        [ReportingProblem::BadTooth(_), ..]
    ));
    assert!(matches!(
        check("D0120", line.tooth("3"))[..],
        [ReportingProblem::UnexpectedTooth { .. }]
    ));
    assert_eq!(
        check("D2392", line.tooth("3").surfaces("MOD"))[0].to_string(),
        "D2392 is reported with 2 surfaces; MOD names 3 surfaces"
    );
    assert_eq!(
        check("D7140", line)[0].to_string(),
        "D7140 needs a tooth number; the line has none"
    );
}

#[test]
fn ranges_and_lists_of_teeth() {
    use cdt_codes::teeth::{ParseTeethError, ToothSet};
    let set = |text: &str| text.parse::<ToothSet>();
    assert_eq!(set("6-11").unwrap().len(), 6);
    assert_eq!(set("3-5").unwrap().to_string(), "3,4,5");
    assert_eq!(set("A-J").unwrap().len(), 10);
    assert_eq!(set("3,4,5").unwrap(), set("3-5").unwrap());
    assert_eq!(set("8 9 13").unwrap().len(), 3);
    assert_eq!(set("K-T").unwrap().len(), 10);
    assert_eq!(set("3-5,12").unwrap().len(), 4);
    assert!(set("51").unwrap().iter().all(Tooth::is_supernumerary));
    assert!(matches!(
        set("11-6"),
        Err(ParseTeethError::Backwards { .. })
    ));
    assert!(matches!(
        set("16-17"),
        Err(ParseTeethError::AcrossArches { .. })
    ));
    assert!(matches!(
        set("J-K"),
        Err(ParseTeethError::AcrossArches { .. })
    ));
    assert!(matches!(
        set("5-E"),
        Err(ParseTeethError::MixedDentitions { .. })
    ));
    assert!(matches!(
        set("51-53"),
        Err(ParseTeethError::Supernumerary { .. })
    ));
    assert!(matches!(
        set("3,4,3"),
        Err(ParseTeethError::Repeated { .. })
    ));
    assert!(matches!(
        set("3-5,4"),
        Err(ParseTeethError::Repeated { .. })
    ));
    assert!(matches!(set("3,33"), Err(ParseTeethError::Tooth(_))));
    assert!(matches!(set(" , "), Err(ParseTeethError::Tooth(_))));
    assert!(matches!(set("3-"), Err(ParseTeethError::Tooth(_))));
    // Every permanent and primary tooth is found again in its own set.
    for tooth in Tooth::permanent_teeth().chain(Tooth::primary_teeth()) {
        let one = set(&tooth.to_string()).unwrap();
        assert_eq!(one.iter().collect::<Vec<_>>(), [tooth]);
        let extra = set(&tooth.supernumerary().to_string()).unwrap();
        assert_eq!(extra.iter().collect::<Vec<_>>(), [tooth.supernumerary()]);
    }
}

/// Found by `fuzz/fuzz_targets/teeth.rs` (input `1b 41`: code D1353's
/// neighbour with tooth `A`): the article of a long tooth class ("posterior
/// permanent tooth", 25 bytes) was worked out in a 24-byte buffer, so the
/// problem's `Display` failed and `to_string` panicked.
#[test]
fn a_long_tooth_class_displays_with_its_article() {
    let class: cdt_codes::ToothClass = "posterior+permanent".parse().unwrap();
    assert_eq!(class.to_string(), "posterior permanent tooth");
    for procedure in cdt_codes::iter() {
        for tooth in ["A", "8", "3", "51", "TS"] {
            let problems = procedure.check_reported(Reported::default().tooth(tooth));
            for problem in &problems {
                assert!(!problem.to_string().is_empty());
            }
        }
    }
}

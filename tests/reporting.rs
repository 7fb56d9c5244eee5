//! Claim lines as practice software sends them, and the verdict each must
//! get: periapicals with the tooth they show, partial dentures with their
//! teeth and arch, quadrant codes with `UR` or `10`, fillings with and
//! without surfaces, arches that contradict the code, and the X12 837D
//! guide's own example (D5820 with teeth 8, 9 and 13). The rules come from
//! `data/reporting.tsv`; the sources behind each row are in
//! `data/SOURCES.md`.

use cdt_codes::teeth::Arch;
use cdt_codes::{Level, ReportedLine, ReportedTooth, ReportingProblem, RuleSource, Severity, Site};

/// What a line must get: accepted, accepted with a warning, or rejected.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Verdict {
    Valid,
    Warning,
    Error,
}

/// Checks `code` with `teeth` (tooth text, surfaces) and `areas`, as the
/// claims checker hands them over.
fn check(code: &str, teeth: &[(&str, &str)], areas: &[&str]) -> (Verdict, Vec<ReportingProblem>) {
    let procedure = cdt_codes::lookup(code).unwrap();
    let entries: Vec<ReportedTooth<'_>> = teeth
        .iter()
        .map(|(tooth, surfaces)| ReportedTooth::new(tooth, surfaces))
        .collect();
    let found = procedure.check_line(ReportedLine::new(&entries, areas));
    assert_eq!(found.omitted(), 0, "{code}");
    let verdict = match found.severity() {
        None => Verdict::Valid,
        Some(Severity::Warning) => Verdict::Warning,
        Some(Severity::Error) => Verdict::Error,
    };
    (verdict, found.iter().copied().collect())
}

fn verdict(code: &str, teeth: &[(&str, &str)], areas: &[&str]) -> Verdict {
    check(code, teeth, areas).0
}

fn message(code: &str, teeth: &[(&str, &str)], areas: &[&str]) -> String {
    check(code, teeth, areas).1[0].to_string()
}

#[test]
fn periapical_images_may_carry_the_tooth_they_show() {
    assert_eq!(verdict("D0220", &[("8", "")], &[]), Verdict::Valid);
    assert_eq!(verdict("D0230", &[("30", "")], &[]), Verdict::Valid);
    assert_eq!(verdict("D0220", &[], &[]), Verdict::Valid);
    // a full series takes no tooth: sending one is unusual, not wrong
    assert_eq!(verdict("D0210", &[("8", "")], &[]), Verdict::Warning);
}

#[test]
fn partial_dentures_with_their_teeth_and_arch() {
    // X12 837D guide example: an interim partial with teeth 8, 9 and 13
    let x12 = [("8", ""), ("9", ""), ("13", "")];
    assert_eq!(verdict("D5820", &x12, &[]), Verdict::Valid);
    assert_eq!(verdict("D5820", &x12, &["01"]), Verdict::Valid);
    // the same teeth in one CSV column, as a list or a range
    assert_eq!(verdict("D5213", &[("8,9,13", "")], &["01"]), Verdict::Valid);
    assert_eq!(verdict("D5211", &[("6-11", "")], &[]), Verdict::Valid);
    assert_eq!(verdict("D5212", &[("22-27", "")], &["02"]), Verdict::Valid);
    assert_eq!(verdict("D5214", &[], &["LA"]), Verdict::Valid);
    assert_eq!(verdict("D5211", &[], &[]), Verdict::Valid);
    // bilateral space maintainers with their abutment teeth
    assert_eq!(
        verdict("D1516", &[("3", ""), ("14", "")], &[]),
        Verdict::Valid
    );
    assert_eq!(
        verdict("D1517", &[("K", ""), ("T", "")], &[]),
        Verdict::Valid
    );
    assert_eq!(
        verdict("D1517", &[("A", ""), ("J", "")], &[]),
        Verdict::Error
    );
    // The 4010 guide's example (as OopFactory.X12 keeps it) gives surfaces
    // on two of the teeth: a partial takes none, and the warning names
    // every surface the line gives, not only the first tooth's.
    let with_surfaces = [("8", ""), ("9", "M"), ("13", "M:O")];
    assert_eq!(verdict("D5820", &with_surfaces, &[]), Verdict::Warning);
    assert_eq!(
        message("D5820", &with_surfaces, &[]),
        "D5820 takes no surfaces; the line names MO"
    );
    assert_eq!(check("D5820", &with_surfaces, &[]).1.len(), 1);
}

#[test]
fn quadrant_codes_with_letters_or_digits() {
    assert_eq!(verdict("D4341", &[], &["UR"]), Verdict::Valid);
    assert_eq!(verdict("D4341", &[], &["10"]), Verdict::Valid);
    assert_eq!(verdict("D4342", &[], &["LL"]), Verdict::Valid);
    assert_eq!(verdict("D9613", &[], &["20"]), Verdict::Valid); // by quadrant since CDT 2022
    assert_eq!(verdict("D4341", &[], &[]), Verdict::Error);
    assert_eq!(verdict("D9613", &[], &[]), Verdict::Error);
    assert_eq!(verdict("D4341", &[], &["01"]), Verdict::Error); // an arch is no quadrant
    let (two, problems) = check("D4341", &[], &["10", "20"]);
    assert_eq!(two, Verdict::Error);
    assert!(matches!(
        problems[..],
        [ReportingProblem::TooManyAreas { count: 2, .. }]
    ));
    assert_eq!(
        message("D4341", &[], &[]),
        "D4341 needs an area of the oral cavity (it is reported on a quadrant); the line has none"
    );
}

#[test]
fn fillings_with_and_without_surfaces() {
    assert_eq!(verdict("D2392", &[("3", "MO")], &[]), Verdict::Valid);
    assert_eq!(verdict("D2140", &[("30", "O")], &[]), Verdict::Valid);
    assert_eq!(verdict("D2330", &[("8", "M")], &[]), Verdict::Valid);
    assert_eq!(verdict("D2394", &[("19", "MODB")], &[]), Verdict::Valid);
    assert_eq!(verdict("D2392", &[("3", "")], &[]), Verdict::Error);
    assert_eq!(verdict("D2391", &[("30", "MO")], &[]), Verdict::Error);
    assert_eq!(verdict("D2392", &[], &[]), Verdict::Error);
    assert_eq!(verdict("D2330", &[("8", "MOD")], &[]), Verdict::Error); // no occlusal on an incisor
                                                                        // deleted D2387 was three surfaces, beside D2388 for four or more
    assert_eq!(verdict("D2387", &[("3", "MOD")], &[]), Verdict::Valid);
    assert_eq!(verdict("D2387", &[("3", "MODB")], &[]), Verdict::Error);
    assert_eq!(verdict("D2388", &[("3", "MODB")], &[]), Verdict::Valid);
    // surfaces on an extraction: unusual, not wrong
    assert_eq!(verdict("D7140", &[("3", "MOD")], &[]), Verdict::Warning);
    assert_eq!(
        message("D2392", &[("3", "")], &[]),
        "D2392 needs the tooth's surfaces (2 surfaces); the line has none"
    );
}

#[test]
fn arches_the_code_names_itself() {
    assert_eq!(verdict("D5110", &[], &[]), Verdict::Valid);
    assert_eq!(verdict("D5110", &[], &["01"]), Verdict::Valid);
    assert_eq!(verdict("D5110", &[], &["UA"]), Verdict::Valid);
    assert_eq!(verdict("D5110", &[], &["02"]), Verdict::Error);
    assert_eq!(verdict("D5120", &[], &["01"]), Verdict::Error);
    assert_eq!(verdict("D5130", &[], &["30"]), Verdict::Error); // a lower quadrant
    assert_eq!(verdict("D5211", &[("24", "")], &[]), Verdict::Error); // a lower tooth
    assert_eq!(verdict("D5225", &[], &["40"]), Verdict::Error);
    assert_eq!(
        verdict("D5820", &[("8", ""), ("24", "")], &[]),
        Verdict::Error
    );
    assert_eq!(
        message("D5110", &[], &["02"]),
        "D5110 is a maxillary denture; area 02 is the lower arch"
    );
    assert_eq!(
        message("D5211", &[("24", "")], &[]),
        "D5211 is a maxillary partial denture; tooth 24 is on the lower arch"
    );
    assert!(matches!(
        check("D5110", &[], &["02"]).1[..],
        [ReportingProblem::WrongArch { .. }]
    ));
}

#[test]
fn one_tooth_per_per_tooth_line_and_ranges_where_the_code_takes_them() {
    assert_eq!(verdict("D6240", &[("4", "")], &[]), Verdict::Valid);
    assert_eq!(verdict("D6240", &[("3,4", "")], &[]), Verdict::Error);
    assert_eq!(
        verdict("D6240", &[("3", ""), ("4", "")], &[]),
        Verdict::Error
    );
    assert_eq!(
        verdict("D2740", &[("8", ""), ("9", "")], &[]),
        Verdict::Error
    );
    assert_eq!(verdict("D4322", &[("6-11", "")], &[]), Verdict::Valid); // splint
    assert_eq!(verdict("D6930", &[("3-5", "")], &[]), Verdict::Valid);
    assert_eq!(verdict("D6930", &[("4", "")], &[]), Verdict::Valid);
    assert_eq!(
        message("D6240", &[("3,4", "")], &[]),
        "D6240 is reported on one tooth per line; the line names 2 teeth"
    );
    // a range written backwards or across arches cannot be read
    assert!(matches!(
        check("D4322", &[("11-6", "")], &[]).1[..],
        [ReportingProblem::BadTeeth(_)]
    ));
    assert_eq!(verdict("D4322", &[("14-19", "")], &[]), Verdict::Error);
}

#[test]
fn extractions_and_evaluations() {
    assert_eq!(verdict("D7140", &[("17", "")], &[]), Verdict::Valid);
    assert_eq!(verdict("D7140", &[], &[]), Verdict::Error);
    assert_eq!(
        message("D7140", &[], &[]),
        "D7140 needs a tooth number; the line has none"
    );
    assert_eq!(verdict("D7140", &[("33", "")], &[]), Verdict::Error);
    // whole-mouth codes: nothing, or area 00 as Open Dental sends it
    assert_eq!(verdict("D1110", &[], &[]), Verdict::Valid);
    assert_eq!(verdict("D1110", &[], &["00"]), Verdict::Valid);
    assert_eq!(verdict("D0120", &[("3", "")], &[]), Verdict::Warning);
    assert_eq!(verdict("D0120", &[], &["10"]), Verdict::Warning);
    // a limited evaluation may name the tooth it is about
    assert_eq!(verdict("D0140", &[("19", "")], &[]), Verdict::Valid);
    assert_eq!(
        message("D0120", &[("3", "")], &[]),
        "D0120 takes no tooth number; the line names tooth 3"
    );
}

#[test]
fn the_three_levels_of_known_codes() {
    let levels = |code: &str| {
        cdt_codes::lookup(code)
            .unwrap()
            .reporting()
            .unwrap()
            .levels()
    };
    assert_eq!(levels("D7140").tooth, Level::Required);
    assert_eq!(levels("D0220").tooth, Level::Allowed);
    assert_eq!(levels("D0120").tooth, Level::NotReported);
    assert_eq!(levels("D2392").surfaces, Level::Required);
    assert_eq!(levels("D2740").surfaces, Level::NotReported);
    assert_eq!(levels("D4341").area, Level::Required);
    assert_eq!(levels("D5110").area, Level::Allowed);
    assert_eq!(levels("D5211").tooth, Level::Allowed);
    let reporting = |code: &str| cdt_codes::lookup(code).unwrap().reporting().unwrap();
    assert_eq!(reporting("D5110").arch(), Some(Arch::Upper));
    assert_eq!(reporting("D5821").arch(), Some(Arch::Lower));
    assert!(reporting("D9613").allows(Site::Quadrant));
    assert_eq!(reporting("D2387").surfaces(), Some((3, 3)));
}

#[test]
fn every_confirmed_row_names_two_sources_and_every_named_arch_is_an_arch() {
    let mut confirmed = 0;
    for procedure in cdt_codes::iter() {
        let Some(reporting) = procedure.reporting() else {
            continue;
        };
        let sources = RuleSource::ALL
            .into_iter()
            .filter(|source| reporting.backed_by(*source))
            .count();
        if reporting.is_confirmed() {
            confirmed += 1;
            assert_eq!(sources, 2, "{}", procedure.code());
        }
        if reporting.arch().is_some() {
            // a code that names its arch never requires the area
            assert_ne!(
                reporting.levels().area,
                Level::Required,
                "{}",
                procedure.code()
            );
        }
    }
    assert!(confirmed > 100, "{confirmed}");
}

#[cfg(feature = "std")]
#[test]
fn bad_values_in_the_new_columns_are_reported_where_they_are() {
    use cdt_codes::dataset::{Dataset, Source};
    let mut data = Dataset::bundled().unwrap();
    let file = "code\treports\tsurfaces\ttooth_kind\talso\tnames\tconfirmed\tsources\n\
                D0120\tnone\t\t\tquadrant\tupper\tno\t\n\
                D0140\tnone\t\t\tteeth\t\tno\t\n\
                D0150\tnone\t\t\t\t\tyes\tihs\n";
    let errors = data
        .attach_reporting(Source::new("r.tsv", file.as_bytes()))
        .unwrap_err()
        .to_string();
    assert!(errors.contains("r.tsv:2:6: column `names`"), "{errors}");
    assert!(errors.contains("r.tsv:3:5: column `also`"), "{errors}");
    assert!(errors.contains("r.tsv:4:8: column `sources`"), "{errors}");
}

#[test]
fn every_problem_displays_and_has_a_severity() {
    for procedure in cdt_codes::iter() {
        for (teeth, areas) in [
            (&[("8", "MOD")][..], &["02"][..]),
            (&[("3-5", "")][..], &["10", "30"][..]),
            (&[("", "MO")][..], &["99"][..]),
        ] {
            let entries: Vec<ReportedTooth<'_>> = teeth
                .iter()
                .map(|(tooth, surfaces)| ReportedTooth::new(tooth, surfaces))
                .collect();
            let found = procedure.check_line(ReportedLine::new(&entries, areas));
            for problem in &found {
                assert!(!problem.to_string().is_empty());
                let _ = problem.severity();
            }
        }
    }
}

//! Categories of service are fixed ranges of the code set.

use cdt_codes::{Category, CdtCode, CodeSet};

fn code(text: &str) -> CdtCode {
    text.parse().unwrap()
}

#[test]
fn boundaries_between_categories() {
    let cases = [
        ("D0099", None),
        ("D0100", Some(Category::Diagnostic)),
        ("D0999", Some(Category::Diagnostic)),
        ("D1000", Some(Category::Preventive)),
        ("D1999", Some(Category::Preventive)),
        ("D2000", Some(Category::Restorative)),
        ("D2999", Some(Category::Restorative)),
        ("D3000", Some(Category::Endodontics)),
        ("D3999", Some(Category::Endodontics)),
        ("D4000", Some(Category::Periodontics)),
        ("D4999", Some(Category::Periodontics)),
        ("D5000", Some(Category::ProsthodonticsRemovable)),
        ("D5899", Some(Category::ProsthodonticsRemovable)),
        ("D5900", Some(Category::MaxillofacialProsthetics)),
        ("D5999", Some(Category::MaxillofacialProsthetics)),
        ("D6000", Some(Category::ImplantServices)),
        ("D6199", Some(Category::ImplantServices)),
        ("D6200", Some(Category::ProsthodonticsFixed)),
        ("D6999", Some(Category::ProsthodonticsFixed)),
        ("D7000", Some(Category::OralAndMaxillofacialSurgery)),
        ("D7999", Some(Category::OralAndMaxillofacialSurgery)),
        ("D8000", Some(Category::Orthodontics)),
        ("D8999", Some(Category::Orthodontics)),
        ("D9000", Some(Category::AdjunctiveGeneralServices)),
        ("D9999", Some(Category::AdjunctiveGeneralServices)),
    ];
    for (text, expected) in cases {
        assert_eq!(Category::of(code(text)), expected, "{text}");
    }
}

#[test]
fn names_match_the_cdt_manual() {
    let names: Vec<&str> = Category::ALL.iter().map(|c| c.name()).collect();
    assert_eq!(
        names,
        [
            "Diagnostic",
            "Preventive",
            "Restorative",
            "Endodontics",
            "Periodontics",
            "Prosthodontics (removable)",
            "Maxillofacial Prosthetics",
            "Implant Services",
            "Prosthodontics (fixed)",
            "Oral and Maxillofacial Surgery",
            "Orthodontics",
            "Adjunctive General Services",
        ]
    );
    assert_eq!(
        Category::ProsthodonticsFixed.to_string(),
        "Prosthodontics (fixed)"
    );
}

#[test]
fn ranges_and_lookup_by_name() {
    assert_eq!(Category::MaxillofacialProsthetics.first(), code("D5900"));
    assert_eq!(Category::MaxillofacialProsthetics.last(), code("D5999"));
    assert!(Category::ImplantServices.range().contains(&code("D6199")));
    assert!(!Category::ImplantServices.contains(code("D6200")));
    assert_eq!(
        Category::from_name(" oral and maxillofacial surgery "),
        Some(Category::OralAndMaxillofacialSurgery)
    );
    assert_eq!(
        Category::from_name("ImplantServices"),
        Some(Category::ImplantServices)
    );
    assert_eq!(Category::from_name(""), None);
}

#[test]
fn category_procedures_are_the_codes_in_its_range() {
    for category in Category::ALL {
        for procedure in CodeSet::compiled().category(category) {
            assert!(
                category.contains(procedure.code()),
                "{} in {category}",
                procedure.code()
            );
        }
    }
    let in_categories: usize = Category::ALL
        .iter()
        .map(|c| CodeSet::compiled().category(*c).len())
        .sum();
    assert_eq!(in_categories, cdt_codes::iter().count());
    assert!(CodeSet::compiled()
        .category(Category::Endodontics)
        .any(|p| p.code() == code("D3353")));
}

#[test]
fn parsing_a_category_name_and_its_error() {
    assert_eq!("endodontics".parse::<Category>(), Ok(Category::Endodontics));
    assert_eq!(
        "Prosthodontics (fixed)".parse::<Category>(),
        Ok(Category::ProsthodonticsFixed)
    );
    let error = "Cosmetics".parse::<Category>().unwrap_err().to_string();
    for category in Category::ALL {
        assert!(error.contains(category.name()), "{error} lacks {category}");
    }
    assert_eq!(
        format!("{:>15}|", Category::Orthodontics),
        "   Orthodontics|"
    );
}

// Without `alloc`, texts built from several parts (a verdict, a record)
// cannot be buffered to pad them and are written as they are.
#[cfg(feature = "alloc")]
#[test]
fn display_honours_width_and_fill_for_every_value_type() {
    let d1352 = cdt_codes::lookup("D1352").unwrap();
    let date: cdt_codes::ServiceDate = "2026-02-01".parse().unwrap();
    let verdict = cdt_codes::validity("D1352", date);
    let text = verdict.to_string();
    assert_eq!(format!("{verdict:>80}"), format!("{text:>80}"));
    assert_eq!(format!("{:*<12}", d1352.code()), "D1352*******");
    assert_eq!(format!("{date:>12}"), "  2026-02-01");
    assert_eq!(format!("{:^9}", cdt_codes::CDT_EDITION).len(), 9);
    let reporting = d1352.reporting().unwrap();
    assert_eq!(
        format!("{reporting:>60}").len(),
        60.max(reporting.to_string().len())
    );
    let line = format!("{d1352:<200}|");
    assert!(line.starts_with("D1352 ") && line.ends_with(" |"));
}

//! Tests of teeth, surfaces, areas and sets of teeth.

extern crate std;

use std::format;
use std::string::{String, ToString};
use std::vec::Vec;

use super::*;

fn tooth(text: &str) -> Tooth {
    text.parse().expect("a valid tooth in the test")
}

#[test]
fn all_52_teeth_round_trip_through_iso() {
    let mut seen = Vec::new();
    for t in Tooth::permanent_teeth().chain(Tooth::primary_teeth()) {
        let iso = t.to_iso().expect("regular teeth have ISO codes");
        assert_eq!(Tooth::from_iso(iso), Some(t), "tooth {t} via ISO {iso}");
        assert!(!seen.contains(&iso), "ISO {iso} given twice");
        seen.push(iso);
    }
    assert_eq!(seen.len(), 52);
    // Every ISO code that maps to a tooth is one of the 52.
    let valid = (0..=u8::MAX)
        .filter(|&c| Tooth::from_iso(c).is_some())
        .count();
    assert_eq!(valid, 52);
}

#[test]
fn known_iso_facts() {
    let facts = [
        ("8", 11),
        ("9", 21),
        ("24", 31),
        ("25", 41),
        ("1", 18),
        ("16", 28),
        ("17", 38),
        ("32", 48),
        ("A", 55),
        ("E", 51),
        ("F", 61),
        ("J", 65),
        ("K", 75),
        ("O", 71),
        ("P", 81),
        ("T", 85),
    ];
    for (universal, iso) in facts {
        assert_eq!(tooth(universal).to_iso(), Some(iso), "tooth {universal}");
        assert_eq!(
            Tooth::from_iso(iso).map(|t| t.to_string()).as_deref(),
            Some(universal)
        );
    }
    assert_eq!(Tooth::from_iso(0), None);
    assert_eq!(Tooth::from_iso(10), None);
    assert_eq!(Tooth::from_iso(19), None);
    assert_eq!(Tooth::from_iso(56), None);
    assert_eq!(Tooth::from_iso(90), None);
    assert_eq!(tooth("58").to_iso(), None);
    assert_eq!(tooth("AS").to_iso(), None);
}

#[test]
fn names_match_the_brief() {
    let names = [
        ("1", "permanent maxillary right third molar"),
        ("8", "permanent maxillary right central incisor"),
        ("9", "permanent maxillary left central incisor"),
        ("16", "permanent maxillary left third molar"),
        ("17", "permanent mandibular left third molar"),
        ("24", "permanent mandibular left central incisor"),
        ("25", "permanent mandibular right central incisor"),
        ("32", "permanent mandibular right third molar"),
        ("A", "primary maxillary right second molar"),
        ("J", "primary maxillary left second molar"),
        ("K", "primary mandibular left second molar"),
        ("T", "primary mandibular right second molar"),
    ];
    for (universal, name) in names {
        assert_eq!(tooth(universal).name(), name);
    }
    assert_eq!(
        tooth("AS").name(),
        "supernumerary tooth next to the primary maxillary right second molar"
    );
}

#[test]
fn names_agree_with_the_questions() {
    let all = Tooth::permanent_teeth().chain(Tooth::primary_teeth());
    for t in all.flat_map(|t| [t, t.supernumerary()]) {
        let name = t.name();
        assert!(!name.is_empty());
        assert_eq!(name.contains("maxillary"), t.arch() == Arch::Upper, "{t}");
        assert_eq!(name.contains("mandibular"), t.arch() == Arch::Lower, "{t}");
        assert_eq!(name.contains(" right "), t.quadrant().is_right(), "{t}");
        assert_eq!(name.contains("primary"), t.is_primary(), "{t}");
        assert_eq!(name.contains("permanent"), t.is_permanent(), "{t}");
        assert_eq!(
            name.starts_with("supernumerary"),
            t.is_supernumerary(),
            "{t}"
        );
        assert!(name.ends_with(t.kind().name()), "{t}: {name}");
        assert_eq!(t.is_anterior(), !t.is_posterior());
    }
}

#[test]
fn classes_of_teeth() {
    let permanent: String = Tooth::permanent_teeth()
        .map(|t| match t.kind() {
            ToothKind::Incisor => 'I',
            ToothKind::Canine => 'C',
            ToothKind::Premolar => 'P',
            ToothKind::Molar => 'M',
        })
        .collect();
    assert_eq!(permanent, "MMMPPCIIIICPPMMMMMMPPCIIIICPPMMM");
    let primary: String = Tooth::primary_teeth()
        .map(|t| match t.kind() {
            ToothKind::Incisor => 'I',
            ToothKind::Canine => 'C',
            ToothKind::Premolar => 'P',
            ToothKind::Molar => 'M',
        })
        .collect();
    assert_eq!(primary, "MMCIIIICMMMMCIIIICMM");
    assert_eq!(tooth("58").kind(), ToothKind::Incisor);
    assert_eq!(tooth("RS").kind(), ToothKind::Canine);
}

#[test]
fn quadrants_and_arches() {
    for t in Tooth::permanent_teeth() {
        let n = t.number().unwrap_or(0);
        let expected = match n {
            1..=8 => Quadrant::UpperRight,
            9..=16 => Quadrant::UpperLeft,
            17..=24 => Quadrant::LowerLeft,
            _ => Quadrant::LowerRight,
        };
        assert_eq!(t.quadrant(), expected, "tooth {n}");
        assert_eq!(t.supernumerary().quadrant(), expected);
    }
    let letters: String = Tooth::primary_teeth()
        .map(|t| match t.quadrant() {
            Quadrant::UpperRight => '1',
            Quadrant::UpperLeft => '2',
            Quadrant::LowerLeft => '3',
            Quadrant::LowerRight => '4',
        })
        .collect();
    assert_eq!(letters, "11111222223333344444");
    assert_eq!(tooth("16").arch(), Arch::Upper);
    assert_eq!(tooth("K").arch(), Arch::Lower);
}

#[test]
fn display_and_parse_round_trip() {
    for t in Tooth::permanent_teeth().chain(Tooth::primary_teeth()) {
        for t in [t, t.supernumerary()] {
            let text = t.to_string();
            assert_eq!(tooth(&text), t);
            assert_eq!(tooth(&text.to_ascii_lowercase()), t);
            assert_eq!(t.supernumerary().base(), t.base());
        }
    }
    assert_eq!(tooth("08").to_string(), "8");
    assert_eq!(tooth(" 51\t").to_string(), "51");
    assert_eq!(tooth("82").base().to_string(), "32");
    assert_eq!(tooth("tS").to_string(), "TS");
    assert_eq!(
        format!("{:>3}|{:<3}|{:^4}|", tooth("8"), tooth("A"), tooth("AS")),
        "  8|A  | AS |"
    );
    assert_eq!(format!("{:*>4}", tooth("32")), "**32");
    assert_eq!(format!("{:?}", tooth("ES")), "Tooth(ES)");
}

#[test]
fn tooth_parse_errors() {
    assert_eq!(Tooth::parse(""), Err(ParseToothError::Empty));
    assert_eq!(Tooth::parse(" \t "), Err(ParseToothError::Empty));
    for text in [
        "0",
        "33",
        "50",
        "83",
        "99",
        "100",
        "255",
        "256",
        "99999999999999999999",
    ] {
        assert!(
            matches!(Tooth::parse(text), Err(ParseToothError::NotATooth { .. })),
            "{text}"
        );
    }
    for text in ["U", "Z", "us", "AB", "ASS", "SSS"] {
        assert!(
            matches!(
                Tooth::parse(text),
                Err(ParseToothError::NotAToothLetter { .. })
            ),
            "{text}"
        );
    }
    assert_eq!(
        Tooth::parse("ss").map(|t| t.to_string()),
        Ok("SS".to_string())
    );
    for text in ["#8", "8A", "A8", "-1", "1.5", "é", "８"] {
        assert!(
            matches!(
                Tooth::parse(text),
                Err(ParseToothError::Unrecognized { .. })
            ),
            "{text}"
        );
    }
    assert_eq!(
        Tooth::parse("33").unwrap_err().to_string(),
        "33 is not a tooth number: permanent teeth are 1-32, supernumerary 51-82"
    );
    assert_eq!(
        Tooth::parse("v").unwrap_err().to_string(),
        "v is not a tooth letter: primary teeth are A-T, supernumerary AS-TS"
    );
    assert_eq!(
        Tooth::parse(" #8 ").unwrap_err().to_string(),
        "\"#8\" is not a tooth: permanent teeth are 1-32 (supernumerary 51-82), \
         primary teeth A-T (supernumerary AS-TS)"
    );
    assert_eq!(
        Tooth::parse("123456789012345678901")
            .unwrap_err()
            .to_string(),
        "1234567890123456… is not a tooth number: permanent teeth are 1-32, supernumerary 51-82"
    );
    assert_eq!(Tooth::parse("").unwrap_err().to_string(), "no tooth given");
}

#[test]
fn constructors() {
    assert_eq!(Tooth::permanent(0), None);
    assert_eq!(Tooth::permanent(33), None);
    assert_eq!(Tooth::from_number(51).map(Tooth::base), Tooth::permanent(1));
    assert_eq!(Tooth::from_number(83), None);
    assert_eq!(Tooth::primary('@'), None);
    assert_eq!(Tooth::primary('['), None);
    assert_eq!(Tooth::primary('é'), None);
    assert_eq!(
        Tooth::primary('t').map(|t| t.to_string()).as_deref(),
        Some("T")
    );
    for (index, t) in Tooth::primary_teeth().enumerate() {
        let letter = char::from(b'A' + u8::try_from(index).unwrap_or(0));
        assert_eq!(Tooth::primary(letter), Some(t));
        assert_eq!(t.letter(), Some(letter));
        assert_eq!(t.supernumerary().letter(), Some(letter));
        assert_eq!(t.number(), None);
    }
    for n in 0..=u8::MAX {
        let t = Tooth::from_number(n);
        assert_eq!(t.is_some(), matches!(n, 1..=32 | 51..=82));
        if let Some(t) = t {
            assert_eq!(t.number(), Some(n));
            assert_eq!(t.letter(), None);
            assert_eq!(t.is_supernumerary(), n > 50);
            assert_eq!(t.to_string(), n.to_string());
        }
    }
    assert_eq!(tooth("8").supernumerary().supernumerary(), tooth("58"));
    assert_eq!(tooth("8").base(), tooth("8"));
}

#[test]
fn ordering() {
    assert!(tooth("1") < tooth("32"));
    assert!(tooth("32") < tooth("51"));
    assert!(tooth("82") < tooth("A"));
    assert!(tooth("T") < tooth("AS"));
}

#[test]
fn excerpt_is_safe() {
    assert_eq!(Excerpt::new("").as_str(), "");
    assert!(!Excerpt::new("").is_truncated());
    let exact = Excerpt::new("0123456789abcdef");
    assert_eq!(exact.as_str(), "0123456789abcdef");
    assert!(!exact.is_truncated());
    let wide = Excerpt::new("ééééééééé");
    assert_eq!(wide.as_str(), "éééééééé");
    assert!(wide.is_truncated());
    assert_eq!(format!("{:?}", Excerpt::new("a\"b")), "\"a\\\"b\"");
    let emoji = Excerpt::new("🦷🦷🦷🦷🦷");
    assert_eq!(emoji.as_str(), "🦷🦷🦷🦷");
}

#[test]
fn surfaces_parse() {
    for text in ["MOD", "M:O:D", "M,O,D", "m o d", "dom", " M, o:D ", "MO D"] {
        assert_eq!(
            Surfaces::parse(text).map(|s| s.to_string()),
            Ok("MOD".to_string()),
            "{text}"
        );
    }
    assert_eq!(Surfaces::parse("MODBL").map(Surfaces::count), Ok(5));
    assert_eq!(
        Surfaces::parse("LFBDIOM").map(|s| s.to_string()),
        Ok("MOIDBFL".to_string())
    );
    assert_eq!(Surfaces::parse("BF").map(Surfaces::count), Ok(2));
    assert_eq!(Surfaces::parse(""), Err(ParseSurfacesError::Empty));
    assert_eq!(Surfaces::parse(" ,: "), Err(ParseSurfacesError::Empty));
    assert_eq!(
        Surfaces::parse("MM"),
        Err(ParseSurfacesError::Duplicate {
            position: 2,
            surface: Surface::Mesial
        })
    );
    assert_eq!(
        Surfaces::parse("m, O, d, M"),
        Err(ParseSurfacesError::Duplicate {
            position: 10,
            surface: Surface::Mesial
        })
    );
    assert_eq!(
        Surfaces::parse("MOV"),
        Err(ParseSurfacesError::UnknownLetter {
            position: 3,
            found: 'V'
        })
    );
    assert_eq!(
        Surfaces::parse("éM"),
        Err(ParseSurfacesError::UnknownLetter {
            position: 1,
            found: 'é'
        })
    );
    assert_eq!(
        Surfaces::parse("M;O"),
        Err(ParseSurfacesError::UnknownLetter {
            position: 2,
            found: ';'
        })
    );
    assert_eq!(
        Surfaces::parse("MODM").unwrap_err().to_string(),
        "surface M (mesial) is given twice, again at position 4"
    );
    assert_eq!(
        Surfaces::parse("M-D").unwrap_err().to_string(),
        "'-' at position 2 is not a tooth surface: use M, O, I, D, B, F or L"
    );
}

#[test]
fn surfaces_set_operations() {
    let mut set = Surfaces::EMPTY;
    assert!(set.is_empty());
    assert_eq!(set.count(), 0);
    assert_eq!(set.to_string(), "");
    for surface in Surface::ALL {
        assert!(!set.contains(surface));
        assert!(set.insert(surface));
        assert!(set.contains(surface));
        assert_eq!(Surface::from_letter(surface.letter()), Some(surface));
        assert_eq!(
            Surface::from_letter(surface.letter().to_ascii_lowercase()),
            Some(surface)
        );
        assert_eq!(surface.to_string(), surface.letter().to_string());
    }
    assert_eq!(set.count(), 7);
    assert_eq!(set.iter().len(), 7);
    assert_eq!(set.to_string(), "MOIDBFL");
    assert_eq!(set.iter().collect::<Vec<_>>(), Surface::ALL);
    assert!(set.remove(Surface::Incisal));
    assert_eq!(set.to_string(), "MODBFL");
    let collected: Surfaces = [Surface::Distal, Surface::Mesial, Surface::Distal]
        .into_iter()
        .collect();
    assert_eq!(collected.to_string(), "MD");
    assert_eq!(
        format!("{:>5}|{:-<4}|", collected, Surfaces::from(Surface::Lingual)),
        "   MD|L---|"
    );
    assert_eq!(format!("{collected:?}"), "Surfaces(\"MD\")");
    assert_eq!(format!("{:>2}", Surface::Buccal), " B");
}

#[test]
fn surfaces_check() {
    let mod_: Surfaces = "MOD".parse().unwrap_or_default();
    let mid: Surfaces = "MID".parse().unwrap_or_default();
    let facial_lingual: Surfaces = "BFL".parse().unwrap_or_default();
    for t in Tooth::permanent_teeth().chain(Tooth::primary_teeth()) {
        for t in [t, t.supernumerary()] {
            assert_eq!(mod_.check(t).is_ok(), t.is_posterior(), "MOD on {t}");
            assert_eq!(mid.check(t).is_ok(), t.is_anterior(), "MID on {t}");
            assert!(facial_lingual.check(t).is_ok());
            assert!(Surfaces::EMPTY.check(t).is_ok());
            for surface in Surface::ALL {
                assert_eq!(surface.check(t), Surfaces::from(surface).check(t));
            }
        }
    }
    assert_eq!(
        mod_.check(tooth("8")).unwrap_err().to_string(),
        "surface O (occlusal) is not on tooth 8, an anterior tooth; use I (incisal)"
    );
    assert_eq!(
        mid.check(tooth("K")),
        Err(SurfaceError::IncisalOnPosterior { tooth: tooth("K") })
    );
    assert_eq!(
        mid.check(tooth("K")).unwrap_err().to_string(),
        "surface I (incisal) is not on tooth K, a posterior tooth; use O (occlusal)"
    );
    let both: Surfaces = "OI".parse().unwrap_or_default();
    assert!(matches!(
        both.check(tooth("8")),
        Err(SurfaceError::OcclusalOnAnterior { .. })
    ));
    assert!(matches!(
        both.check(tooth("3")),
        Err(SurfaceError::IncisalOnPosterior { .. })
    ));
}

#[test]
fn area_codes() {
    let table = [
        ("00", Area::EntireOralCavity, AreaKind::WholeMouth),
        ("01", Area::MaxillaryArch, AreaKind::Arch),
        ("02", Area::MandibularArch, AreaKind::Arch),
        ("03", Area::UpperRightSextant, AreaKind::Sextant),
        ("04", Area::UpperAnteriorSextant, AreaKind::Sextant),
        ("05", Area::UpperLeftSextant, AreaKind::Sextant),
        ("06", Area::LowerLeftSextant, AreaKind::Sextant),
        ("07", Area::LowerAnteriorSextant, AreaKind::Sextant),
        ("08", Area::LowerRightSextant, AreaKind::Sextant),
        ("09", Area::OtherArea, AreaKind::Other),
        ("10", Area::UpperRightQuadrant, AreaKind::Quadrant),
        ("20", Area::UpperLeftQuadrant, AreaKind::Quadrant),
        ("30", Area::LowerLeftQuadrant, AreaKind::Quadrant),
        ("40", Area::LowerRightQuadrant, AreaKind::Quadrant),
    ];
    assert_eq!(table.len(), Area::ALL.len());
    for ((code, area, kind), listed) in table.into_iter().zip(Area::ALL) {
        assert_eq!(area, listed);
        assert_eq!(area.code(), code);
        assert_eq!(area.to_string(), code);
        assert_eq!(Area::from_code(code), Some(area));
        assert_eq!(Area::parse(code), Ok(area));
        assert_eq!(area.kind(), kind);
        assert!(!area.name().is_empty());
    }
    let aliases = [
        ("FM", Area::EntireOralCavity),
        ("ua", Area::MaxillaryArch),
        ("La", Area::MandibularArch),
        ("UR", Area::UpperRightQuadrant),
        ("ul", Area::UpperLeftQuadrant),
        ("LL", Area::LowerLeftQuadrant),
        (" lr ", Area::LowerRightQuadrant),
    ];
    for (text, area) in aliases {
        assert_eq!(Area::parse(text), Ok(area), "{text}");
        assert_eq!(Area::from_code(text), None);
    }
    // Names, in any case, with spaces, underscores or hyphens between the
    // words: ours (`Area::name`), CMS's T-MSIS code names and Epic's.
    let names = [
        ("Entire Oral Cavity", Area::EntireOralCavity),
        ("Maxillary Area", Area::MaxillaryArch),
        ("mandibular arch", Area::MandibularArch),
        ("Upper", Area::MaxillaryArch),
        ("LOWER", Area::MandibularArch),
        ("upper_anterior_sextant", Area::UpperAnteriorSextant),
        ("Lower-Right-Sextant", Area::LowerRightSextant),
        ("Other Area of Oral Cavity", Area::OtherArea),
        ("other area of the oral cavity", Area::OtherArea),
        (" Upper right quadrant ", Area::UpperRightQuadrant),
        ("Upper  Left", Area::UpperLeftQuadrant),
        ("lower left", Area::LowerLeftQuadrant),
        ("Lower Right Quadrant", Area::LowerRightQuadrant),
    ];
    for (text, area) in names {
        assert_eq!(Area::parse(text), Ok(area), "{text}");
    }
    for area in Area::ALL {
        assert_eq!(Area::parse(area.name()), Ok(area), "{area:?}");
    }
    for text in [
        "upper right molar",
        "right",
        "upper arch quadrant",
        "upperright",
        "-",
        "upper rightt",
    ] {
        assert!(
            matches!(Area::parse(text), Err(ParseAreaError::Unknown { .. })),
            "{text}"
        );
    }
    for text in ["0", "11", "50", "100", "UX", "sextant", "٠٠"] {
        assert!(
            matches!(Area::parse(text), Err(ParseAreaError::Unknown { .. })),
            "{text}"
        );
    }
    assert_eq!(Area::parse("\n"), Err(ParseAreaError::Empty));
    assert_eq!(format!("[{:>4}]", Area::UpperRightQuadrant), "[  10]");
    assert_eq!(Quadrant::UpperRight.area(), Area::UpperRightQuadrant);
    assert_eq!(Arch::Lower.area(), Area::MandibularArch);
    for q in [
        Quadrant::UpperRight,
        Quadrant::UpperLeft,
        Quadrant::LowerLeft,
        Quadrant::LowerRight,
    ] {
        assert_eq!(q.area().quadrant(), Some(q));
        assert_eq!(q.area().arch(), Some(q.arch()));
    }
}

#[test]
fn areas_contain_teeth() {
    let sextants = [
        (Area::UpperRightSextant, "1 2 3 4 5 A B"),
        (Area::UpperAnteriorSextant, "6 7 8 9 10 11 C D E F G H"),
        (Area::UpperLeftSextant, "12 13 14 15 16 I J"),
        (Area::LowerLeftSextant, "17 18 19 20 21 K L"),
        (Area::LowerAnteriorSextant, "22 23 24 25 26 27 M N O P Q R"),
        (Area::LowerRightSextant, "28 29 30 31 32 S T"),
    ];
    for t in Tooth::permanent_teeth().chain(Tooth::primary_teeth()) {
        let text = t.to_string();
        let holders: Vec<Area> = sextants
            .iter()
            .filter(|(_, teeth)| teeth.split(' ').any(|x| x == text))
            .map(|(area, _)| *area)
            .collect();
        assert_eq!(holders, [t.sextant()], "tooth {t}");
        for t in [t, t.supernumerary()] {
            let containing: Vec<Area> = Area::ALL
                .into_iter()
                .filter(|area| area.contains(t))
                .collect();
            let mut expected = Vec::from([
                Area::EntireOralCavity,
                t.arch().area(),
                t.sextant(),
                t.quadrant().area(),
            ]);
            expected.sort();
            assert_eq!(containing, expected, "tooth {t}");
        }
    }
}

#[test]
fn short_inputs_never_panic_and_round_trip() {
    let alphabet: Vec<char> = (' '..='~')
        .chain(['é', 'ß', '🦷', '\u{0}', '\u{a0}'])
        .collect();
    let mut text = String::new();
    for &a in &alphabet {
        for &b in &alphabet {
            for third in [None, Some('s'), Some('0'), Some('D')] {
                text.clear();
                text.push(a);
                text.push(b);
                text.extend(third);
                if let Ok(t) = Tooth::parse(&text) {
                    assert_eq!(Tooth::parse(&t.to_string()), Ok(t), "{text:?}");
                }
                if let Ok(s) = Surfaces::parse(&text) {
                    assert_eq!(Surfaces::parse(&s.to_string()), Ok(s), "{text:?}");
                }
                if let Ok(area) = Area::parse(&text) {
                    assert_eq!(Area::from_code(&area.to_string()), Some(area), "{text:?}");
                }
            }
        }
    }
}

#[test]
fn error_values_are_small_and_copy() {
    fn is_copy<T: Copy>() {}
    is_copy::<ParseToothError>();
    is_copy::<ParseSurfacesError>();
    is_copy::<SurfaceError>();
    is_copy::<ParseAreaError>();
    assert_eq!(core::mem::size_of::<Tooth>(), 1);
    assert_eq!(core::mem::size_of::<Option<Tooth>>(), 2);
    assert_eq!(core::mem::size_of::<Surfaces>(), 1);
}

#[cfg(feature = "serde")]
#[test]
fn serde_uses_the_display_strings() {
    let t = tooth("AS");
    assert_eq!(serde_json::to_string(&t).ok().as_deref(), Some("\"AS\""));
    assert_eq!(serde_json::from_str::<Tooth>("\"as\"").ok(), Some(t));
    assert!(serde_json::from_str::<Tooth>("\"33\"").is_err());
    assert!(serde_json::from_str::<Tooth>("8").is_err());
    let s: Surfaces = "DOM".parse().unwrap_or_default();
    assert_eq!(serde_json::to_string(&s).ok().as_deref(), Some("\"MOD\""));
    assert_eq!(serde_json::from_str::<Surfaces>("\"m:o:d\"").ok(), Some(s));
    assert_eq!(
        serde_json::to_string(&Surface::Facial).ok().as_deref(),
        Some("\"F\"")
    );
    assert_eq!(
        serde_json::from_str::<Surface>("\"f\"").ok(),
        Some(Surface::Facial)
    );
    assert!(serde_json::from_str::<Surface>("\"MO\"").is_err());
    assert_eq!(
        serde_json::to_string(&Area::LowerLeftQuadrant)
            .ok()
            .as_deref(),
        Some("\"30\"")
    );
    assert_eq!(
        serde_json::from_str::<Area>("\"LL\"").ok(),
        Some(Area::LowerLeftQuadrant)
    );
    let error = serde_json::from_str::<Area>("\"11\"")
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("is not an area of the oral cavity"),
        "{error}"
    );
}

//! A licensed edition file laid over the bundled history, at run time and
//! at build time. The fixture `cdt2027_test.csv` is ours: every code in
//! force in CDT 2026 with test text that is clearly not the ADA's, less
//! D0140, D1999 and D5986, plus three numbers the bundled data lacks
//! (D0413, D4287, D9113), standing for a CDT 2027 file.

#![cfg(feature = "std")]

use std::path::{Path, PathBuf};
use std::process::Command;

use cdt_codes::dataset::{Mode, Options, Warning};
use cdt_codes::{Change, CodeSet, DataSource, Edition, ServiceDate, Validity};

mod support {
    include!("support/dump.rs");
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    manifest_dir().join("tests/fixtures/licensed").join(name)
}

fn e(year: u16) -> Edition {
    Edition::new(year).unwrap()
}

fn date(text: &str) -> ServiceDate {
    text.parse().unwrap()
}

fn cdt_2027() -> CodeSet {
    CodeSet::from_path(fixture("cdt2027_test.csv"), Edition::new(2027).unwrap()).unwrap()
}

#[test]
fn the_file_gives_a_new_edition_and_keeps_every_earlier_fact() {
    let set = cdt_2027();
    assert_eq!(set.edition(), e(2027));
    assert_eq!(set.source(), DataSource::Overlaid);

    // The file's text on a bundled record; our description and history stay.
    let d0120 = set.lookup("D0120").unwrap();
    assert_eq!(
        d0120.nomenclature(),
        Some("Fixture nomenclature D0120 (test text, not ADA)")
    );
    assert_eq!(
        d0120.descriptor(),
        Some("Fixture descriptor for D0120, with a comma")
    );
    assert_eq!(
        d0120.description(),
        cdt_codes::lookup("D0120").unwrap().description()
    );
    assert_eq!(d0120.added(), cdt_codes::lookup("D0120").unwrap().added());
    assert_eq!(
        d0120.subcategory().unwrap().name(),
        "Clinical Oral Evaluations"
    );

    // A dropped code is deleted in CDT 2027 and valid the day before.
    let d0140 = set.lookup("D0140").unwrap();
    assert_eq!(d0140.deleted_in(), Some(e(2027)));
    assert!(set.validity("D0140", date("2026-12-31")).is_valid());
    assert!(matches!(
        set.validity("D0140", date("2027-01-01")),
        Validity::Deleted { deleted_in, .. } if deleted_in == e(2027)
    ));

    // An added code is found with its edition.
    let d0413 = set.lookup("D0413").unwrap();
    assert_eq!(d0413.added_in(), Some(e(2027)));
    assert_eq!(
        d0413.description(),
        "Fixture nomenclature D0413 (test text, not ADA)"
    );
    assert!(set.validity("D0413", date("2027-02-01")).is_valid());
    assert!(matches!(
        set.validity("D0413", date("2026-06-01")),
        Validity::NotYetInForce { .. }
    ));

    // Codes deleted long ago keep their history and stay readable.
    let d0360 = set.lookup("D0360").unwrap();
    assert_eq!(d0360.deleted_in(), Some(e(2013)));
    assert_eq!(d0360.nomenclature(), None);
    let d1352 = set.lookup("D1352").unwrap();
    assert_eq!(d1352.replaced_by()[0].to_string(), "D2391");

    // 2027 dates are now inside the data; 2028 ones are not.
    assert!(set.validity("D0120", date("2027-03-01")).is_valid());
    assert!(set.validity("D0120", date("2028-01-01")).is_outside_data());
}

#[test]
fn changes_list_the_additions_and_deletions_of_the_new_edition() {
    let set = cdt_2027();
    let changes: Vec<(String, String)> = set
        .changes(e(2026), e(2027))
        .unwrap()
        .map(|c: Change<'_>| (c.kind().to_string(), c.procedure().code().to_string()))
        .collect();
    for code in ["D0413", "D4287", "D9113"] {
        assert!(
            changes.contains(&("added".into(), code.into())),
            "{code}: {changes:?}"
        );
    }
    for code in ["D0140", "D1999", "D5986"] {
        assert!(
            changes.contains(&("deleted".into(), code.into())),
            "{code}: {changes:?}"
        );
    }
    assert_eq!(changes.len(), 6, "{changes:?}");
}

#[test]
fn the_warnings_list_the_dropped_and_added_codes() {
    let set = cdt_2027();
    let deleted = set
        .warnings()
        .iter()
        .find_map(|w| match w {
            Warning::Deleted { codes, .. } => {
                Some(codes.iter().map(ToString::to_string).collect::<Vec<_>>())
            }
            _ => None,
        })
        .unwrap();
    assert_eq!(deleted, ["D0140", "D1999", "D5986"]);
    let text: Vec<String> = set.warnings().iter().map(ToString::to_string).collect();
    assert!(
        text.iter()
            .any(|w| w.contains("recorded as deleted in CDT 2027: D0140 D1999 D5986")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|w| w.contains("recorded as added in CDT 2027: D0413 D4287 D9113")),
        "{text:?}"
    );
}

#[test]
fn replace_mode_keeps_only_the_file() {
    let set = CodeSet::from_path_with(
        fixture("cdt2027_test.csv"),
        &Options::for_edition(Edition::new(2027).unwrap()),
        Mode::Replace,
    )
    .unwrap();
    assert_eq!(set.source(), DataSource::UserSupplied);
    assert_eq!(set.iter().count(), 847);
    assert!(set.lookup("D0360").is_none());
    assert!(set.lookup("D0140").is_none());
    assert_eq!(set.lookup("D0413").unwrap().added(), None);
}

#[test]
fn an_overlay_may_not_skip_an_edition() {
    let error =
        CodeSet::from_path(fixture("cdt2027_test.csv"), Edition::new(2028).unwrap()).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("can add CDT 2027 but not CDT 2028"),
        "{message}"
    );
}

#[test]
fn a_file_of_the_bundled_edition_changes_no_history() {
    // The bundled file laid over itself gives the compiled records.
    let set = CodeSet::from_path(manifest_dir().join("data/codes.tsv"), None).unwrap();
    assert!(set.warnings().is_empty(), "{:?}", set.warnings());
    assert_eq!(support::dump(&set), support::dump(CodeSet::compiled()));
}

/// Builds a small program against the crate with `CDT_CODES_DATA` set and
/// returns what it prints: the compiled set, dumped. The program is written
/// into `target/` as its own workspace, so only the crate's own
/// dependencies build (a few seconds), not the dev-dependencies.
fn build_time_dump(data: &Path, edition: &str, mode: &str) -> Result<String, String> {
    let probe = manifest_dir().join("target/overlay-probe");
    std::fs::create_dir_all(probe.join("src")).unwrap();
    let manifest = format!(
        "[package]\nname = \"overlay-probe\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\ncdt-codes = {{ path = {:?} }}\n\n[workspace]\n",
        manifest_dir().display().to_string()
    );
    std::fs::write(probe.join("Cargo.toml"), manifest).unwrap();
    let main = format!(
        "include!({:?});\nfn main() {{ print!(\"{{}}\", dump(cdt_codes::CodeSet::compiled())); }}\n",
        manifest_dir().join("tests/support/dump.rs").display().to_string()
    );
    std::fs::write(probe.join("src/main.rs"), main).unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(&probe)
        .args(["run"])
        .env("CARGO_TARGET_DIR", probe.join("target"))
        .env("CDT_CODES_DATA", data)
        .env("CDT_CODES_EDITION", edition)
        .env("CDT_CODES_MODE", mode)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned() + "\n--- stderr\n" + &stderr)
    } else {
        Err(stderr)
    }
}

#[test]
fn build_time_and_run_time_overlays_give_the_same_records() {
    // One test, so the builds in the probe's target directory run in turn.
    let built = build_time_dump(&fixture("cdt2027_test.csv"), "2027", "overlay").unwrap();
    let (records, stderr) = built.split_once("\n--- stderr\n").unwrap();
    assert_eq!(records, support::dump(&cdt_2027()));
    assert!(
        stderr.contains("recorded as deleted in CDT 2027: D0140 D1999 D5986"),
        "the build warns about the dropped codes: {stderr}"
    );

    let replaced = build_time_dump(&fixture("cdt2027_test.csv"), "2027", "replace").unwrap();
    let loaded = CodeSet::from_path_with(
        fixture("cdt2027_test.csv"),
        &Options::for_edition(Edition::new(2027).unwrap()),
        Mode::Replace,
    )
    .unwrap();
    assert_eq!(
        replaced.split_once("\n--- stderr\n").unwrap().0,
        support::dump(&loaded)
    );

    let bad = build_time_dump(&fixture("malformed.csv"), "2026", "overlay").unwrap_err();
    assert!(bad.contains("malformed.csv:3:1"), "{bad}");
    assert!(bad.contains("\"D01X0\" is not a CDT code"), "{bad}");
    assert!(bad.contains("malformed.csv:4:1"), "{bad}");
    assert!(bad.contains("2 problems found"), "{bad}");
}

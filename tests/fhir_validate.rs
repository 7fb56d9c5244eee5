//! Every FHIR resource kind the crate writes, validated by FHIR models
//! nobody here wrote: Python's `fhir.resources` (R4B models, and R5 where
//! the crate writes the R5 form), built from HL7's own definitions. The
//! models reject a missing required element, an unknown element and a value
//! of the wrong type, so a resource that passes has the shape a server
//! expects.
//!
//! The test installs the validator itself, with pip, into
//! `CARGO_TARGET_TMPDIR` (once; later runs reuse it). It needs `python3`
//! with pip and a package registry the first time; set
//! `CDT_CODES_SKIP_FHIR_VALIDATION=1` to skip these tests where neither is
//! available (they then say so instead of passing silently).

#![cfg(all(feature = "serde", feature = "std"))]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use cdt_codes::fhir::{
    Bundle, CodeSystem, ConceptMap, Expand, Form, Lookup, NamingSystem, Release, ValidateCode,
    ValueSet,
};
use cdt_codes::{Category, CodeSet, Edition};

/// The validator's version, pinned so a new release cannot change the
/// verdict under us.
const PACKAGE: &str = "fhir.resources==8.3.0";

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/licensed/cdt2027_test.csv"
);

/// Validates each `RELEASE=FILE` argument with the model of the file's
/// `resourceType`; prints one line per file, exits 1 if any fails.
const SCRIPT: &str = r#"
import importlib, json, sys
failed = 0
for arg in sys.argv[1:]:
    release, path = arg.split("=", 1)
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    kind = data["resourceType"]
    package = "fhir.resources" if release == "R5" else "fhir.resources." + release
    model = getattr(importlib.import_module(package + "." + kind.lower()), kind)
    try:
        model.model_validate(data)
    except Exception as error:
        failed += 1
        print("INVALID", release, kind, path, str(error)[:4000])
    else:
        print("valid", release, kind, path)
sys.exit(1 if failed else 0)
"#;

fn tmp() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

fn skipped() -> bool {
    std::env::var_os("CDT_CODES_SKIP_FHIR_VALIDATION").is_some_and(|v| v == "1")
}

/// The directory holding `fhir.resources`, installed on first use.
fn validator() -> &'static Path {
    static INSTALLED: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    let installed = INSTALLED.get_or_init(|| {
        let dir = tmp().join("fhir-resources-8.3.0");
        let importable = |dir: &Path| {
            Command::new("python3")
                .args(["-c", "import fhir.resources.R4B.codesystem"])
                .env("PYTHONPATH", dir)
                .output()
                .is_ok_and(|out| out.status.success())
        };
        if importable(&dir) {
            return Ok(dir);
        }
        let out = Command::new("python3")
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .args(["--no-input", "--target"])
            .arg(&dir)
            .arg(PACKAGE)
            .output()
            .map_err(|e| format!("cannot run python3: {e}"))?;
        if !out.status.success() || !importable(&dir) {
            return Err(format!(
                "pip could not install {PACKAGE} into {}:\n{}",
                dir.display(),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(dir)
    });
    match installed {
        Ok(dir) => dir,
        Err(message) => panic!(
            "{message}\nThe FHIR validation tests need python3 with pip and a package \
             registry the first time; set CDT_CODES_SKIP_FHIR_VALIDATION=1 to skip them."
        ),
    }
}

/// Writes each resource to a file and validates it against `release`'s
/// model; returns whether all passed and the validator's report.
fn validate_all(name: &str, resources: &[(&str, serde_json::Value)]) -> (bool, String) {
    let dir = tmp().join("fhir-validate");
    std::fs::create_dir_all(&dir).unwrap();
    // One script per test: tests run at once, and a script rewritten while
    // another test's python reads it can be read empty.
    let script = dir.join(format!("validate-{name}.py"));
    std::fs::write(&script, SCRIPT).unwrap();
    let mut args = Vec::new();
    for (index, (release, resource)) in resources.iter().enumerate() {
        let file = dir.join(format!("{name}-{index}.json"));
        std::fs::write(&file, serde_json::to_vec(resource).unwrap()).unwrap();
        args.push(format!("{release}={}", file.display()));
    }
    let out = Command::new("python3")
        .arg(&script)
        .args(&args)
        .env("PYTHONPATH", validator())
        .output()
        .expect("python3 runs");
    let report =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let valid = report.lines().filter(|l| l.starts_with("valid ")).count();
    (out.status.success() && valid == resources.len(), report)
}

fn assert_valid(name: &str, resources: &[(&str, serde_json::Value)]) {
    if skipped() {
        eprintln!("{name}: FHIR validation skipped (CDT_CODES_SKIP_FHIR_VALIDATION=1)");
        return;
    }
    let (ok, report) = validate_all(name, resources);
    assert!(ok, "{report}");
}

fn json(value: &impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(value).unwrap()
}

/// One resource of every kind from `set`, with the releases to check each
/// against.
fn every_kind(set: &CodeSet) -> Vec<(&'static str, serde_json::Value)> {
    let system = json(&CodeSystem::of(set));
    let oldest_year = CodeSystem::of_edition(set, Edition::new(2011).unwrap()).unwrap();
    let supplement = json(&CodeSystem::supplement(set));
    let listed = json(&ValueSet::category(set, Category::Endodontics, None, Form::Codes).unwrap());
    let heading = set.lookup("D0120").unwrap().subcategory().unwrap();
    let filtered = json(&ValueSet::subcategory(set, heading, None, Form::Filter).unwrap());
    let expanded = json(
        &Expand::new()
            .filter("root canal")
            .count(5)
            .offset(1)
            .value_set(
                set,
                &ValueSet::in_force(set, Edition::new(2013).ok(), Form::Filter).unwrap(),
            )
            .unwrap(),
    );
    let whole = json(
        &Expand::new()
            .filter("resin")
            .count(20)
            .system(set, None)
            .unwrap(),
    );
    let lookup = json(&Lookup::find(set, "D0120").unwrap());
    let retired = json(&ValidateCode::code(set, "D1352", None));
    let dated = json(&ValidateCode::code(
        set,
        "D1352",
        Some("2026-02-01".parse().unwrap()),
    ));
    let mut list = Vec::new();
    for release in ["R4B", "R5"] {
        list.extend([
            (release, system.clone()),
            (release, json(&oldest_year)),
            (release, supplement.clone()),
            (release, listed.clone()),
            (release, filtered.clone()),
            (release, expanded.clone()),
            (release, whole.clone()),
            (release, json(&NamingSystem::of(set))),
            (release, lookup.clone()),
            (release, retired.clone()),
            (release, dated.clone()),
        ]);
    }
    list.push(("R4B", json(&ConceptMap::of(set))));
    list.push(("R5", json(&ConceptMap::of_release(set, Release::R5))));
    list
}

#[test]
fn every_resource_kind_is_valid_fhir_with_the_bundled_data() {
    assert_valid("bundled", &every_kind(CodeSet::compiled()));
}

#[test]
fn every_resource_kind_is_valid_fhir_with_a_licensed_file() {
    let set = CodeSet::from_path(FIXTURE, Edition::new(2027).unwrap()).expect("the fixture loads");
    assert!(CodeSystem::of(&set)
        .concept("D0120")
        .unwrap()
        .display
        .is_some());
    assert_valid("licensed", &every_kind(&set));
}

#[test]
fn the_transaction_bundle_is_valid_fhir() {
    // Every edition's code system, the supplement, every value set, the
    // concept map and the naming system: the file a server is given.
    assert_valid(
        "bundle",
        &[("R4B", json(&Bundle::load(CodeSet::compiled())))],
    );
}

#[test]
fn the_validator_rejects_what_fhir_does_not_allow() {
    if skipped() {
        eprintln!("FHIR validation skipped (CDT_CODES_SKIP_FHIR_VALIDATION=1)");
        return;
    }
    let set = CodeSet::compiled();
    // R4's `equivalence` is not an R5 element.
    let (ok, report) = validate_all("reject-r4-map", &[("R5", json(&ConceptMap::of(set)))]);
    assert!(!ok, "{report}");
    assert!(report.contains("equivalence"), "{report}");
    // A code system without its required `status`.
    let mut system = json(&NamingSystem::of(set));
    system.as_object_mut().unwrap().remove("status");
    let (ok, report) = validate_all("reject-no-status", &[("R4B", system)]);
    assert!(!ok, "{report}");
    // A designation in the wrong shape (a bare string).
    let mut system = json(&CodeSystem::of_edition(set, Edition::new(2025).unwrap()).unwrap());
    system["concept"][0]["designation"] = serde_json::json!("our words");
    let (ok, report) = validate_all("reject-designation", &[("R4B", system)]);
    assert!(!ok, "{report}");
}

//! Compiling a user-supplied (licensed) file through `build.rs`: the crate
//! is built in its own target directory with `CDT_CODES_DATA` set, and the
//! `lookup` example run against it. Fixtures are synthetic rows of ours.

#![cfg(feature = "std")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    manifest_dir().join("tests/fixtures/licensed").join(name)
}

/// Builds and runs `examples/lookup` against `data_file`, in a target
/// directory kept apart from the main build so the two never mix.
fn run_lookup(data_file: &Path, codes: &[&str]) -> Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    Command::new(cargo)
        .current_dir(manifest_dir())
        .args(["run", "--quiet", "--example", "lookup", "--"])
        .args(codes)
        .env(
            "CARGO_TARGET_DIR",
            manifest_dir().join("target/licensed-build-test"),
        )
        .env("CDT_CODES_DATA", data_file)
        .env("CDT_CODES_EDITION", "2026")
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs")
}

#[test]
fn licensed_build_uses_the_file_and_bad_files_fail_the_build() {
    // One test, so the two builds in the shared target directory run in
    // sequence.
    let good = run_lookup(&fixture("good.csv"), &["D0120"]);
    let stdout = String::from_utf8_lossy(&good.stdout);
    let stderr = String::from_utf8_lossy(&good.stderr);
    assert!(good.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("Nomenclature: Synthetic periodic evaluation, established patient"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Descriptor:   Test descriptor with a comma, and \"quotes\"."),
        "{stdout}"
    );

    // Only the file's codes exist in such a build.
    let missing = run_lookup(&fixture("good.csv"), &["D0150"]);
    assert!(!missing.status.success());

    let bad = run_lookup(&fixture("malformed.csv"), &["D0120"]);
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(!bad.status.success(), "{stderr}");
    assert!(stderr.contains("malformed.csv:3:1"), "{stderr}");
    assert!(stderr.contains("\"D01X0\" is not a CDT code"), "{stderr}");
    assert!(stderr.contains("malformed.csv:4:1"), "{stderr}");
    assert!(stderr.contains("2 problem(s) found"), "{stderr}");
}

//! Building the bundled examples for the tests that run them: once per
//! test binary, in a target directory of their own (`target/example-tests`)
//! with the features every example needs (`serde`, `std`), so the binary a
//! test runs never depends on what `cargo test` happened to build before.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds `examples` and returns the directory their binaries are in.
pub fn build(examples: &[&str]) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = root.join("target/example-tests");
    let mut command = Command::new(env!("CARGO"));
    command.args(["build", "--quiet", "--features", "serde std"]);
    for example in examples {
        command.args(["--example", example]);
    }
    let status = command
        .env("CARGO_TARGET_DIR", &target)
        .current_dir(root)
        .status()
        .unwrap();
    assert!(
        status.success(),
        "building the examples {examples:?} failed"
    );
    target.join("debug/examples")
}

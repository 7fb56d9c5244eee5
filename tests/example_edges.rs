//! Every example behaves alike at its edges, as the README's exit status
//! table says: `--help` and `-h` print the usage on standard output and
//! exit 0; an unknown option is a usage error (2), never a file name or a
//! word; a missing file is unreadable input (2); not found or findings
//! exit 1.

#![cfg(all(feature = "std", feature = "serde"))]

#[path = "support/examples.rs"]
mod examples;

use std::path::PathBuf;
use std::process::{Command, Output};

const EXAMPLES: [&str; 8] = [
    "lookup",
    "browse",
    "changes",
    "export",
    "search",
    "check_data",
    "fhir",
    "check_claims",
];

/// The examples, built once for this test binary.
fn bin(example: &str) -> PathBuf {
    static BUILT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BUILT
        .get_or_init(|| examples::build(&EXAMPLES))
        .join(example)
}

fn run(example: &str, args: &[&str]) -> Output {
    Command::new(bin(example))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn status(example: &str, args: &[&str]) -> i32 {
    run(example, args).status.code().unwrap()
}

#[test]
fn help_prints_the_usage_on_standard_output_and_exits_0() {
    for example in EXAMPLES {
        for flag in ["--help", "-h"] {
            let output = run(example, &[flag]);
            assert_eq!(output.status.code(), Some(0), "{example} {flag}");
            let text = String::from_utf8(output.stdout).unwrap();
            assert!(
                text.starts_with(&format!("usage: {example}")),
                "{example} {flag}: {text}"
            );
        }
    }
}

#[test]
fn an_unknown_option_is_a_usage_error() {
    for example in EXAMPLES {
        let output = run(example, &["--foo"]);
        assert_eq!(output.status.code(), Some(2), "{example} --foo");
        assert!(output.stdout.is_empty() || example == "check_claims");
    }
    // Not taken as a file name.
    let output = run("check_data", &["--foo"]);
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(message.contains("unknown option --foo"), "{message}");
    assert!(!message.contains("cannot read"), "{message}");
    // Nor as a word to search for, with words beside it.
    assert_eq!(status("search", &["crown", "--fuzzy"]), 2);
    assert_eq!(status("lookup", &["D3353", "--verbose"]), 2);
}

#[test]
fn a_missing_file_is_unreadable_input() {
    assert_eq!(status("check_data", &["no-such-file.tsv"]), 2);
    assert_eq!(status("check_claims", &["no-such-file.csv"]), 2);
    for example in ["lookup", "browse", "changes", "fhir"] {
        let mut args = vec!["--data", "no-such-file.csv"];
        args.extend(match example {
            "lookup" => &["D3353"][..],
            "changes" => &["2025", "2026"][..],
            "fhir" => &["lookup", "D3353"][..],
            _ => &[][..],
        });
        assert_eq!(status(example, &args), 2, "{example} {args:?}");
    }
}

#[test]
fn not_found_and_findings_exit_1() {
    assert_eq!(status("lookup", &["D0000"]), 1); // well-formed, not in the data
    assert_eq!(status("browse", &["Dentistry of the Moon"]), 1);
    assert_eq!(status("changes", &["2025", "2099"]), 1); // not in the data
    assert_eq!(status("search", &["qqqqzzzz"]), 1);
    assert_eq!(status("fhir", &["lookup", "D0000"]), 1);
    assert_eq!(status("check_data", &["tests/fixtures/claims.csv"]), 1);
    let strict = ["--strict", "tests/fixtures/claims.csv"];
    assert_eq!(status("check_claims", &strict), 1);
}

#[test]
fn a_good_request_exits_0() {
    assert_eq!(status("lookup", &["D3353"]), 0);
    assert_eq!(status("browse", &["Endodontics"]), 0);
    assert_eq!(status("changes", &["2025", "2026"]), 0);
    assert_eq!(status("changes", &["--editions"]), 0);
    assert_eq!(status("search", &["--limit", "1", "crown"]), 0);
    assert_eq!(status("check_data", &["data/codes.tsv"]), 0);
    assert_eq!(status("fhir", &["lookup", "D3353"]), 0);
    // Words after `--` are words, even with a dash.
    assert_eq!(status("search", &["--", "root", "canal"]), 0);
}

#[test]
fn a_bad_value_is_a_usage_error() {
    assert_eq!(status("changes", &["2012", "2026"]), 2);
    let output = run("changes", &["2012", "2026"]);
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(
        message.contains("CDT-2011/2012 covers 2012; use 2011"),
        "{message}"
    );
    assert_eq!(status("search", &["--limit", "many", "crown"]), 2);
    assert_eq!(status("export", &["--format", "yaml"]), 2);
    assert_eq!(
        status("check_data", &["data/codes.tsv", "--edition", "2012"]),
        2
    );
    assert_eq!(status("lookup", &[]), 2);
}

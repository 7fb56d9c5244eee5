//! The README's console output is the examples' real output: every
//! `$ cargo run ...` line in a `console` or `text` block is run (the
//! examples built once, with the features they need) and what follows it,
//! up to the next `$` line or the end of the block, must be exactly what
//! the command prints on standard output. A stale block fails here.

#![cfg(all(feature = "std", feature = "serde"))]

#[path = "support/examples.rs"]
mod examples;

use std::path::{Path, PathBuf};
use std::process::Command;

/// One `$ cargo run` command of the README and the output shown under it.
#[derive(Debug)]
struct Shown {
    /// The README line of the command, for messages.
    line: usize,
    command: String,
    example: String,
    args: Vec<String>,
    output: String,
}

fn readme() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    std::fs::read_to_string(path).unwrap()
}

/// Splits a command line as a shell would for the README's commands:
/// words, and "double" or 'single' quoted words.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    assert!(quote.is_none(), "unterminated quote in {line:?}");
    if in_word {
        words.push(word);
    }
    words
}

/// The example and its arguments of `cargo run [--quiet] [--features F]
/// --example NAME [-- ARGS]`.
fn parse_command(line: usize, command: &str) -> (String, Vec<String>) {
    let words = words(command);
    assert_eq!(
        words.get(..2),
        Some(&["cargo".to_string(), "run".to_string()][..]),
        "README line {line}: {command}"
    );
    let mut example = None;
    let mut items = words[2..].iter();
    while let Some(word) = items.next() {
        match word.as_str() {
            "--quiet" | "-q" => {}
            // Every example is built with the features below.
            "--features" => {
                items.next();
            }
            "--example" => example = items.next().cloned(),
            "--" => break,
            other => panic!("README line {line}: cargo option {other} is not handled here"),
        }
    }
    let example = example.unwrap_or_else(|| panic!("README line {line}: no --example"));
    (example, items.cloned().collect())
}

/// Every `$ cargo run` command in the README's console and text blocks.
fn shown() -> Vec<Shown> {
    let text = readme();
    let mut found = Vec::new();
    let mut in_block = false;
    let mut current: Option<Shown> = None;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if let Some(info) = line.strip_prefix("```") {
            if in_block {
                found.extend(current.take());
                in_block = false;
            } else {
                in_block = matches!(info.trim(), "console" | "text");
            }
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            found.extend(current.take());
            if command.starts_with("cargo run") {
                let (example, args) = parse_command(number, command);
                current = Some(Shown {
                    line: number,
                    command: command.to_string(),
                    example,
                    args,
                    output: String::new(),
                });
            }
        } else if let Some(shown) = current.as_mut() {
            shown.output.push_str(line);
            shown.output.push('\n');
        }
    }
    found
}

/// Builds the examples the README runs (see `support/examples.rs`).
fn built(names: &[&str]) -> PathBuf {
    examples::build(names)
}

#[test]
fn the_readme_shows_console_blocks_with_output() {
    // The blocks this test exists for: without them it would pass on
    // nothing.
    let shown = shown();
    let examples: Vec<&str> = shown.iter().map(|s| s.example.as_str()).collect();
    assert!(examples.contains(&"check_claims"), "{examples:?}");
    assert!(examples.contains(&"search"), "{examples:?}");
    assert!(shown.iter().all(|s| !s.output.trim().is_empty()));
}

#[test]
fn every_console_block_in_the_readme_is_the_real_output() {
    let shown = shown();
    let mut examples: Vec<&str> = shown.iter().map(|s| s.example.as_str()).collect();
    examples.sort_unstable();
    examples.dedup();
    let bin = built(&examples);
    let mut stale = Vec::new();
    for block in &shown {
        let output = Command::new(bin.join(&block.example))
            .args(&block.args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        let actual = String::from_utf8(output.stdout).unwrap();
        if actual != block.output {
            stale.push(format!(
                "README.md line {}: $ {}\n--- README\n{}--- real output\n{}",
                block.line, block.command, block.output, actual
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "stale README output:\n{}",
        stale.join("\n")
    );
}

#[test]
fn the_command_splitter_reads_quotes() {
    assert_eq!(
        words(r#"cargo run --example fhir -- expand "root canal" --count 5"#),
        [
            "cargo",
            "run",
            "--example",
            "fhir",
            "--",
            "expand",
            "root canal",
            "--count",
            "5"
        ]
    );
    let (example, args) = parse_command(1, "cargo run --quiet --example search -- --limit 2 D33");
    assert_eq!(example, "search");
    assert_eq!(args, ["--limit", "2", "D33"]);
}

//! Prints what changed in the code set between two editions, or the list
//! of editions the data holds.
//!
//! ```text
//! cargo run --example changes -- 2025 2026
//! cargo run --example changes -- --editions
//! ```
//!
//! An edition the data does not hold is an error (exit 1) that names the
//! editions it has: its changes are unknown, not empty. Exit 2 on bad
//! usage.

use std::process::ExitCode;

use cdt_codes::{Change, CodeSet, Edition};

#[macro_use]
mod support;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let loaded = match support::code_set(&mut args) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("changes: {error}");
            return ExitCode::from(2);
        }
    };
    let set = loaded.as_ref().unwrap_or_else(|| CodeSet::compiled());
    let mut out = String::new();
    if args == ["--editions"] {
        // One line per edition: first year, last year, label.
        for edition in set.editions() {
            outln!(
                out,
                "{}\t{}\t{edition}",
                edition.first_year(),
                edition.last_year()
            );
        }
        support::emit(&out);
        return ExitCode::SUCCESS;
    }
    let [from, to] = args.as_slice() else {
        eprintln!("usage: changes FROM TO   e.g. changes 2025 2026\n       changes --editions");
        return ExitCode::from(2);
    };
    let (from, to) = match (from.parse::<Edition>(), to.parse::<Edition>()) {
        (Ok(from), Ok(to)) => (from, to),
        (Err(error), _) | (_, Err(error)) => {
            eprintln!("changes: {error}");
            return ExitCode::from(2);
        }
    };
    if to <= from {
        eprintln!("changes: {to} is not after {from}");
        return ExitCode::from(2);
    }
    let all: Vec<Change<'_>> = match set.changes(from, to) {
        Ok(changes) => changes.collect(),
        Err(error) => {
            eprintln!("changes: {error}; list them with --editions");
            return ExitCode::FAILURE;
        }
    };
    outln!(out, "Changes after {from} up to {to}");
    for (title, kind) in [
        ("Added", "added"),
        ("Deleted", "deleted"),
        ("Revised", "revised"),
    ] {
        print_group(&mut out, title, all.iter().filter(|c| c.kind() == kind));
    }
    outln!(
        out,
        "\nRevisions are listed as far as the data records them (see data/SOURCES.md)."
    );
    support::emit(&out);
    ExitCode::SUCCESS
}

fn print_group<'a>(out: &mut String, title: &str, group: impl Iterator<Item = &'a Change<'a>>) {
    let group: Vec<&Change<'_>> = group.collect();
    outln!(out, "\n{title} ({}):", group.len());
    for change in group {
        let procedure = change.procedure();
        out!(
            out,
            "  {}  {}  {}",
            change.edition(),
            procedure.code(),
            procedure.description()
        );
        if let Change::Deleted { .. } = change {
            let replaced_by = procedure.replaced_by();
            let successors = procedure.successors();
            if !replaced_by.is_empty() {
                out!(
                    out,
                    "  -> report {} instead",
                    cdt_codes::CodeList::or(replaced_by)
                );
            } else if !successors.is_empty() {
                let how = if successors.is_confirmed() {
                    "confirmed"
                } else {
                    "inferred"
                };
                out!(out, "  -> report {successors} instead (successors, {how})");
            }
        }
        outln!(out);
    }
}

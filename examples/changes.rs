//! Prints what changed in the code set between two editions, or the list
//! of editions the data holds.
//!
//! ```text
//! cargo run --example changes -- 2025 2026
//! cargo run --example changes -- --editions
//! ```
//!
//! Exit status as in the README's table: 0 done (and `--help`); 1 for an
//! edition the data does not hold, with the editions it has named (its
//! changes are unknown, not empty); 2 on bad usage or a `--data` file that
//! cannot be loaded.

use std::process::ExitCode;

use cdt_codes::{Change, CodeSet, Edition};

#[macro_use]
mod support;

const CLI: support::Cli = support::Cli {
    name: "changes",
    usage:
        "usage: changes [--data FILE [--edition YEAR] [--replace]] FROM TO   e.g. changes 2025 2026
       changes --editions   the editions the data holds (first year, last year, label)",
};

fn main() -> ExitCode {
    match run() {
        Ok(status) | Err(status) => status,
    }
}

fn run() -> Result<ExitCode, ExitCode> {
    let mut args = CLI.args()?;
    let loaded = CLI.code_set(&mut args)?;
    let set = loaded.as_ref().unwrap_or_else(|| CodeSet::compiled());
    let editions = support::take_flag(&mut args, "--editions");
    support::no_options_left(&mut args).map_err(|message| CLI.usage_error(&message))?;
    let mut out = String::new();
    if editions {
        if !args.is_empty() {
            return Err(CLI.usage_error("--editions takes no editions"));
        }
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
        return Ok(ExitCode::SUCCESS);
    }
    let [from, to] = args.as_slice() else {
        return Err(CLI.usage_error("give two editions, FROM and TO"));
    };
    let (from, to) = match (from.parse::<Edition>(), to.parse::<Edition>()) {
        (Ok(from), Ok(to)) => (from, to),
        (Err(error), _) | (_, Err(error)) => return Err(CLI.usage_error(&error.to_string())),
    };
    if to <= from {
        return Err(CLI.usage_error(&format!("{to} is not after {from}")));
    }
    let all: Vec<Change<'_>> = match set.changes(from, to) {
        Ok(changes) => changes.collect(),
        Err(error) => return Err(CLI.not_found(&format!("{error}; list them with --editions"))),
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
    Ok(ExitCode::SUCCESS)
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

//! Prints what changed in the code set between two editions.
//!
//! ```text
//! cargo run --example changes -- 2025 2026
//! ```

use std::process::ExitCode;

use cdt_codes::{Change, Edition};

#[macro_use]
mod support;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [from, to] = args.as_slice() else {
        eprintln!("usage: changes FROM TO   e.g. changes 2025 2026");
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
    let mut out = String::new();
    outln!(out, "Changes after {from} up to {to}");
    let all: Vec<Change> = cdt_codes::changes(from, to).collect();
    print_group(&mut out, "Added", &all, |c| {
        matches!(c, Change::Added { .. })
    });
    print_group(&mut out, "Deleted", &all, |c| {
        matches!(c, Change::Deleted { .. })
    });
    print_group(&mut out, "Revised", &all, |c| {
        matches!(c, Change::Revised { .. })
    });
    support::emit(&out);
    ExitCode::SUCCESS
}

fn print_group(out: &mut String, title: &str, all: &[Change], keep: impl Fn(&Change) -> bool) {
    let group: Vec<&Change> = all.iter().filter(|c| keep(c)).collect();
    outln!(out, "\n{title} ({}):", group.len());
    for change in group {
        let procedure = change.procedure();
        out!(
            out,
            "  {}  {}  {}",
            change.edition().year(),
            procedure.code(),
            procedure.description()
        );
        if let Change::Deleted { .. } = change {
            let replacements: Vec<String> = procedure
                .replaced_by()
                .iter()
                .map(ToString::to_string)
                .collect();
            if !replacements.is_empty() {
                out!(out, "  -> report {} instead", replacements.join(" or "));
            }
        }
        outln!(out);
    }
}

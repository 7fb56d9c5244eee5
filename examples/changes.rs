//! Prints what changed in the code set between two editions.
//!
//! ```text
//! cargo run --example changes -- 2025 2026
//! ```

use std::process::ExitCode;

use cdt_codes::{Change, Edition};

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
    println!("Changes after {from} up to {to}");
    let all: Vec<Change> = cdt_codes::changes(from, to).collect();
    print_group("Added", &all, |c| matches!(c, Change::Added { .. }));
    print_group("Deleted", &all, |c| matches!(c, Change::Deleted { .. }));
    print_group("Revised", &all, |c| matches!(c, Change::Revised { .. }));
    ExitCode::SUCCESS
}

fn print_group(title: &str, all: &[Change], keep: impl Fn(&Change) -> bool) {
    let group: Vec<&Change> = all.iter().filter(|c| keep(c)).collect();
    println!("\n{title} ({}):", group.len());
    for change in group {
        let procedure = change.procedure();
        print!(
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
                print!("  -> report {} instead", replacements.join(" or "));
            }
        }
        println!();
    }
}

//! Checks a CDT data file the way the build would compile it, reporting
//! every problem found, or a summary of what it would compile.
//!
//! ```text
//! cargo run --example check_data -- FILE [--edition YEAR]
//! cargo run --example check_data -- data/codes.tsv
//! ```
//!
//! Exits 0 when the file is good, 1 when it has problems, 2 on bad usage.

use std::process::ExitCode;

use cdt_codes::{Category, CodeSet, Edition, LoadError};

#[macro_use]
mod support;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (path, edition) = match args.as_slice() {
        [path] => (path, None),
        [path, flag, year] if flag == "--edition" => match year.parse::<Edition>() {
            Ok(edition) => (path, Some(edition)),
            Err(error) => {
                eprintln!("check_data: {error}");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("usage: check_data FILE [--edition YEAR]");
            return ExitCode::from(2);
        }
    };
    match CodeSet::from_path(path, edition) {
        Ok(set) => {
            let mut out = String::new();
            summarise(&mut out, path, &set);
            support::emit(&out);
            ExitCode::SUCCESS
        }
        Err(LoadError::Data(problems)) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!(
                "{path}: {} problem(s) found; nothing would be compiled",
                problems.len()
            );
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

fn summarise(out: &mut String, path: &str, set: &CodeSet) {
    let data = set.dataset();
    let total = data.procedures.len();
    let active = set
        .iter()
        .filter(|r| set.is_active_in(r, set.edition()))
        .count();
    let licensed = set.iter().filter(|r| r.nomenclature.is_some()).count();
    outln!(
        out,
        "{path}: OK, {} describing {}",
        plural(total, "code"),
        set.edition()
    );
    outln!(
        out,
        "  in force in {}: {active}; deleted: {}",
        set.edition(),
        total - active
    );
    outln!(out, "  with official nomenclature: {licensed}");
    for column in &data.ignored_columns {
        outln!(
            out,
            "  note: column {column:?} is not one cdt-codes knows; it is ignored"
        );
    }
    outln!(out, "  by category:");
    for category in Category::ALL {
        let count = set.category(category).len();
        if count > 0 {
            outln!(out, "    {:<32} {count:>4}", category.name());
        }
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

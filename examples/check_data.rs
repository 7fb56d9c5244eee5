//! Checks a CDT data file the way the build would compile it, reporting
//! every problem found, or what it would compile: with the default overlay,
//! what the file changes against the bundled data (codes added, deleted and
//! renamed in its edition).
//!
//! ```text
//! cargo run --example check_data -- FILE [--edition YEAR] [--replace]
//! cargo run --example check_data -- data/codes.tsv
//! ```
//!
//! Exits 0 when the file is good, 1 when it has problems, 2 on bad usage.

use std::process::ExitCode;

use cdt_codes::dataset::{Mode, Options};
use cdt_codes::{Category, CodeSet, Edition, LoadError};

#[macro_use]
mod support;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mode = if args.iter().any(|a| a == "--replace") {
        Mode::Replace
    } else {
        Mode::Overlay
    };
    args.retain(|a| a != "--replace");
    let (path, edition) = match args.as_slice() {
        [path] => (path, None),
        [path, flag, year] | [flag, year, path] if flag == "--edition" => {
            match year.parse::<Edition>() {
                Ok(edition) => (path, Some(edition)),
                Err(error) => {
                    eprintln!("check_data: {error}");
                    return ExitCode::from(2);
                }
            }
        }
        _ => {
            eprintln!("usage: check_data FILE [--edition YEAR] [--replace]");
            return ExitCode::from(2);
        }
    };
    match CodeSet::from_path_with(path, &Options::for_edition(edition), mode) {
        Ok(set) => {
            let mut out = String::new();
            summarise(&mut out, path, &set, mode);
            support::emit(&out);
            ExitCode::SUCCESS
        }
        Err(LoadError::Data(problems)) => {
            eprintln!("{problems}");
            eprintln!("{path}: nothing would be compiled");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

fn summarise(out: &mut String, path: &str, set: &CodeSet, mode: Mode) {
    let total = set.iter().count();
    let active = set.iter().filter(cdt_codes::Procedure::is_active).count();
    let licensed = set.iter().filter(|p| p.nomenclature().is_some()).count();
    let how = match mode {
        Mode::Replace => "on its own (replace)",
        _ => "laid over the bundled data (overlay)",
    };
    outln!(
        out,
        "{path}: OK, {how}: {total} codes, newest edition {}",
        set.edition()
    );
    outln!(
        out,
        "  in force in {}: {active}; deleted: {}",
        set.edition(),
        total - active
    );
    outln!(out, "  with official nomenclature: {licensed}");
    for warning in set.warnings() {
        outln!(out, "  {warning}");
    }
    let renamed: Vec<String> = set
        .iter()
        .filter_map(|procedure| {
            let before = cdt_codes::get(procedure.code())?.nomenclature()?;
            (procedure.nomenclature()? != before).then(|| procedure.code().to_string())
        })
        .collect();
    if !renamed.is_empty() {
        outln!(
            out,
            "  {} codes renamed against the compiled nomenclature: {}",
            renamed.len(),
            renamed.join(" ")
        );
    }
    outln!(out, "  by category (in force):");
    for category in Category::ALL {
        let count = set
            .category(category)
            .filter(cdt_codes::Procedure::is_active)
            .count();
        if count > 0 {
            outln!(out, "    {:<32} {count:>4}", category.name());
        }
    }
}

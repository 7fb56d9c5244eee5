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
//! Exit status as in the README's table: 0 when the file is good (and
//! `--help`), 1 when it has problems, 2 on bad usage (an unknown option is
//! not a file name) or a file that cannot be read.

use std::process::ExitCode;

use cdt_codes::dataset::{Mode, Options};
use cdt_codes::{Category, CodeSet, Edition, LoadError};

#[macro_use]
mod support;

const CLI: support::Cli = support::Cli {
    name: "check_data",
    usage: "usage: check_data FILE [--edition YEAR] [--replace]   e.g. check_data data/codes.tsv
  --edition YEAR   the edition the file describes (else the newest in its history columns)
  --replace        the file on its own, not laid over the bundled data",
};

fn main() -> ExitCode {
    match run() {
        Ok(status) | Err(status) => status,
    }
}

fn run() -> Result<ExitCode, ExitCode> {
    let mut args = CLI.args()?;
    let usage = |message: String| CLI.usage_error(&message);
    let mode = if support::take_flag(&mut args, "--replace") {
        Mode::Replace
    } else {
        Mode::Overlay
    };
    let edition = match support::take_value(&mut args, "--edition").map_err(usage)? {
        None => None,
        Some(year) => Some(
            year.parse::<Edition>()
                .map_err(|error| usage(format!("--edition {year}: {error}")))?,
        ),
    };
    support::no_options_left(&mut args).map_err(usage)?;
    let [path] = args.as_slice() else {
        return Err(usage("give one FILE".into()));
    };
    match CodeSet::from_path_with(path, &Options::for_edition(edition), mode) {
        Ok(set) => {
            let mut out = String::new();
            summarise(&mut out, path, &set, mode);
            support::emit(&out);
            Ok(ExitCode::SUCCESS)
        }
        Err(LoadError::Data(problems)) => {
            eprintln!("{problems}");
            Err(CLI.not_found(&format!("{path}: nothing would be compiled")))
        }
        Err(error) => Err(CLI.unreadable(&error.to_string())),
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

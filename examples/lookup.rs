//! Prints what a CDT reference page shows for each code given.
//!
//! ```text
//! cargo run --example lookup -- D3353
//! ```
//!
//! Exits with status 1 when any code is malformed or not in the data.

use std::process::ExitCode;

use cdt_codes::{CdtCode, Procedure};

#[macro_use]
mod support;

fn main() -> ExitCode {
    let codes: Vec<String> = std::env::args().skip(1).collect();
    if codes.is_empty() {
        eprintln!("usage: lookup CODE [CODE ...]   e.g. lookup D3353");
        return ExitCode::from(2);
    }
    let mut status = ExitCode::SUCCESS;
    let mut out = String::new();
    for (index, text) in codes.iter().enumerate() {
        if index > 0 {
            outln!(out);
        }
        match text.parse::<CdtCode>() {
            Err(error) => {
                eprintln!("{text:?}: not a CDT code: {error}");
                status = ExitCode::FAILURE;
            }
            Ok(code) => match code.procedure() {
                None => {
                    eprintln!(
                        "{code}: well-formed, but not a code in the compiled data ({})",
                        cdt_codes::CDT_EDITION
                    );
                    status = ExitCode::FAILURE;
                }
                Some(procedure) => print_procedure(&mut out, procedure),
            },
        }
    }
    support::emit(&out);
    status
}

fn print_procedure(out: &mut String, procedure: &Procedure) {
    outln!(out, "{}  {}", procedure.code(), procedure.description());
    if let Some(nomenclature) = procedure.nomenclature() {
        outln!(out, "  Nomenclature: {nomenclature}");
    }
    if let Some(descriptor) = procedure.descriptor() {
        outln!(out, "  Descriptor:   {descriptor}");
    }
    if let Some(subcategory) = procedure.subcategory() {
        outln!(out, "  Category:     {subcategory}");
    } else {
        outln!(out, "  Category:     {}", procedure.category());
    }
    print_history(out, procedure);
    let related: Vec<&Procedure> = procedure.related().collect();
    if !related.is_empty() {
        outln!(out, "  Related codes in the same subcategory:");
        for other in related {
            let status = match other.deleted_in() {
                Some(edition) => format!("  (deleted in {edition})"),
                None => String::new(),
            };
            outln!(out, "    {}  {}{status}", other.code(), other.description());
        }
    }
}

fn print_history(out: &mut String, procedure: &Procedure) {
    let status = if procedure.is_active() {
        format!("in force in {}", cdt_codes::CDT_EDITION)
    } else {
        "deleted".to_string()
    };
    outln!(out, "  Status:       {status}");
    if let Some(added) = procedure.added() {
        outln!(out, "  Added:        {added}");
    } else {
        outln!(out, "  Added:        not recorded");
    }
    if let Some(deleted) = procedure.deleted_in() {
        outln!(out, "  Deleted in:   {deleted}");
        let replacements: Vec<String> = procedure
            .replacements()
            .map(|p| format!("{} ({})", p.code(), p.description()))
            .collect();
        if replacements.is_empty() {
            outln!(out, "  Replaced by:  no successor named");
        } else {
            outln!(out, "  Replaced by:  {}", replacements.join("; "));
        }
    }
    if !procedure.revised_in().is_empty() {
        let years: Vec<String> = procedure
            .revised_in()
            .iter()
            .map(ToString::to_string)
            .collect();
        outln!(out, "  Revised in:   {}", years.join(", "));
    }
}

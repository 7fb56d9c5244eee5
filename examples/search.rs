//! Keyword search over the code descriptions, best matches first.
//!
//! ```text
//! cargo run --example search -- root canal molar
//! cargo run --example search -- --deleted preventive resin
//! ```

use std::process::ExitCode;

use cdt_codes::Query;

#[macro_use]
mod support;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let include_deleted = args.first().is_some_and(|a| a == "--deleted");
    if include_deleted {
        args.remove(0);
    }
    if args.is_empty() {
        eprintln!("usage: search [--deleted] WORD [WORD ...]   e.g. search root canal molar");
        return ExitCode::from(2);
    }
    let text = args.join(" ");
    let matches = Query::new(&text).include_deleted(include_deleted).run();
    let mut out = String::new();
    if matches.len() == 0 {
        eprintln!("no code matches {text:?}");
        return ExitCode::FAILURE;
    }
    outln!(out, "{} match(es) for {text:?}:", matches.len());
    for procedure in matches {
        let note = match procedure.deleted_in() {
            Some(edition) => format!("  [deleted in {edition}]"),
            None => String::new(),
        };
        outln!(
            out,
            "  {}  {}{note}",
            procedure.code(),
            procedure.description()
        );
    }
    support::emit(&out);
    ExitCode::SUCCESS
}

//! Prints every record of the compiled data, with its history.
//!
//! ```text
//! cargo run --example export                                   # TSV
//! cargo run --example export -- --format json                 # JSON
//! ```
//!
//! Exit status as in the README's table: 0 done (and `--help`), 2 on bad
//! usage.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use cdt_codes::Procedure;

const COLUMNS: [&str; 14] = [
    "code",
    "description",
    "category",
    "subcategory",
    "subcategory_confirmed",
    "added_in",
    "effective",
    "deleted_in",
    "replaced_by",
    "revised_in",
    "unconfirmed",
    "in_force_in",
    "nomenclature",
    "descriptor",
];

#[macro_use]
#[allow(unused_macros)]
mod support;

const CLI: support::Cli = support::Cli {
    name: "export",
    usage: "usage: export [--format tsv|json]   every record of the compiled data, with its history
  --format json   needs the serde feature",
};

fn main() -> ExitCode {
    let mut args = match CLI.args() {
        Ok(args) => args,
        Err(status) => return status,
    };
    let format = match support::take_value(&mut args, "--format") {
        Err(message) => return CLI.usage_error(&message),
        Ok(None) => Format::Tsv,
        Ok(Some(name)) => match name.as_str() {
            "tsv" => Format::Tsv,
            "json" if cfg!(feature = "serde") => Format::Json,
            "json" => {
                return CLI.usage_error(
                    "--format json needs the serde feature: \
                     cargo run --features serde --example export -- --format json",
                )
            }
            _ => return CLI.usage_error(&format!("no format {name:?}: tsv or json")),
        },
    };
    if let Err(message) = support::no_options_left(&mut args) {
        return CLI.usage_error(&message);
    }
    if let Some(extra) = args.first() {
        return CLI.usage_error(&format!("unexpected argument {extra:?}"));
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = match format {
        Format::Tsv => write_tsv(&mut out),
        Format::Json => write_json(&mut out),
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`export | head`) is not an error worth a message.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("export: {error}");
            ExitCode::FAILURE
        }
    }
}

enum Format {
    Tsv,
    Json,
}

fn write_tsv(out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}", COLUMNS.join("\t"))?;
    for procedure in cdt_codes::iter() {
        writeln!(out, "{}", tsv_row(procedure).join("\t"))?;
    }
    Ok(())
}

fn tsv_row(procedure: Procedure<'_>) -> Vec<String> {
    let join = |items: Vec<String>| items.join(",");
    let added = match procedure.added() {
        Some(cdt_codes::Added::In(edition)) => edition.year().to_string(),
        Some(cdt_codes::Added::Before(edition)) => format!("<{}", edition.year()),
        None => String::new(),
    };
    vec![
        procedure.code().to_string(),
        clean(procedure.description()),
        procedure.category().name().to_string(),
        procedure
            .subcategory()
            .map_or(String::new(), |s| s.name().to_string()),
        yes_no(procedure.subcategory_confirmed()),
        added,
        procedure
            .effective()
            .map_or(String::new(), |date| date.to_string()),
        procedure
            .deleted_in()
            .map_or(String::new(), |e| e.year().to_string()),
        join(
            procedure
                .replaced_by()
                .iter()
                .map(ToString::to_string)
                .collect(),
        ),
        join(
            procedure
                .revised_in()
                .iter()
                .map(|e| e.year().to_string())
                .collect(),
        ),
        join(
            procedure
                .unconfirmed()
                .map(|fact| fact.to_string())
                .collect(),
        ),
        if procedure.is_active() {
            procedure.set().edition().year().to_string()
        } else {
            String::new()
        },
        procedure.nomenclature().map_or(String::new(), clean),
        procedure.descriptor().map_or(String::new(), clean),
    ]
}

fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.to_string()
}

/// Keeps one record per line: tabs and line breaks become spaces.
fn clean(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

#[cfg(feature = "serde")]
fn write_json(out: &mut impl Write) -> io::Result<()> {
    let all: Vec<Procedure<'_>> = cdt_codes::iter().collect();
    serde_json::to_writer_pretty(&mut *out, &all)?;
    writeln!(out)
}

#[cfg(not(feature = "serde"))]
fn write_json(_out: &mut impl Write) -> io::Result<()> {
    Err(io::Error::other(
        "JSON output needs the serde feature: cargo run --features serde --example export -- --format json",
    ))
}

//! Browses the code set: the category › subcategory tree with code counts,
//! or one category with its codes. Headings and placements that no source
//! confirms are marked.
//!
//! ```text
//! cargo run --example browse
//! cargo run --example browse -- Endodontics
//! cargo run --example browse -- --deleted Endodontics   # deleted codes too
//! ```
//!
//! Exit status as in the README's table: 0 done (and `--help`), 1 when no
//! category has the name given, 2 on bad usage or a `--data` file that
//! cannot be loaded.

use std::process::ExitCode;

#[macro_use]
mod support;

use cdt_codes::{Category, CodeSet, Procedure, Subcategory};

const CLI: support::Cli = support::Cli {
    name: "browse",
    usage: "usage: browse [--data FILE [--edition YEAR] [--replace]] [--deleted] [CATEGORY]
  without CATEGORY: the category and subcategory tree with code counts
  CATEGORY       one category with its codes, e.g. browse Endodontics
  --deleted      list deleted codes too",
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
    let deleted = support::take_flag(&mut args, "--deleted");
    support::no_options_left(&mut args).map_err(|message| CLI.usage_error(&message))?;
    let mut out = String::new();
    if args.is_empty() {
        print_tree(&mut out, set);
        support::emit(&out);
        return Ok(ExitCode::SUCCESS);
    }
    let name = args.join(" ");
    let Some(category) = Category::from_name(&name) else {
        let mut message = format!("no category named {name:?}; the categories are:");
        for category in Category::ALL {
            out!(message, "\n  {category}");
        }
        return Err(CLI.not_found(&message));
    };
    print_category(&mut out, set, category, deleted);
    support::emit(&out);
    Ok(ExitCode::SUCCESS)
}

fn in_force<'a>(procedures: impl Iterator<Item = Procedure<'a>>) -> usize {
    procedures.filter(Procedure::is_active).count()
}

/// `*` after a heading no source confirms.
fn heading(subcategory: Subcategory<'_>) -> String {
    let mark = if subcategory.is_confirmed() { "" } else { " *" };
    format!("{}{mark}", subcategory.name())
}

fn print_tree(out: &mut String, set: &CodeSet) {
    outln!(
        out,
        "CDT code set ({}), codes in force per category and subcategory",
        set.edition()
    );
    for category in Category::ALL {
        outln!(
            out,
            "{} ({}-{}): {} codes",
            category,
            category.first(),
            category.last(),
            in_force(set.category(category))
        );
        for subcategory in set.subcategories_of(category) {
            outln!(
                out,
                "    {:<70} {:>4}",
                heading(subcategory),
                in_force(subcategory.procedures())
            );
        }
    }
    outln!(
        out,
        "\n* heading not confirmed by a public source (see data/SOURCES.md)"
    );
    outln!(out, "{}", support::horizon_line(set));
}

fn print_category(out: &mut String, set: &CodeSet, category: Category, deleted: bool) {
    outln!(out, "{category} ({}-{})", category.first(), category.last());
    for subcategory in set.subcategories_of(category) {
        outln!(out, "\n  {}", heading(subcategory));
        for procedure in subcategory
            .procedures()
            .filter(|p| deleted || p.is_active())
        {
            let placed = if procedure.subcategory_confirmed() {
                " "
            } else {
                "?"
            };
            let status = match procedure.deleted_in() {
                Some(edition) => format!("  (deleted in {edition})"),
                None => String::new(),
            };
            outln!(
                out,
                "   {placed}{}  {}{status}",
                procedure.code(),
                procedure.description()
            );
        }
    }
    outln!(
        out,
        "\n* heading not confirmed by a public source; ? placement under the heading inferred, not confirmed"
    );
}

//! data/SOURCES.md's counts are produced from the data, not written by
//! hand: this test renders the summary block from the compiled data and
//! fails when SOURCES.md holds anything else. After a change to the data,
//! run `CDT_BLESS=1 cargo test --test sources` to rewrite the block, and
//! review the diff.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use cdt_codes::{Added, Edition, SuccessorKind};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/SOURCES.md");
const BEGIN: &str = "<!-- summary: produced by tests/sources.rs from the data; \
                     `CDT_BLESS=1 cargo test --test sources` rewrites it -->";
const END: &str = "<!-- end of summary -->";

fn edition(year: u16) -> Edition {
    Edition::new(year).unwrap()
}

/// The summary block, rendered from the compiled data.
#[allow(clippy::too_many_lines)] // one table, one line a figure
fn summary() -> String {
    let set = cdt_codes::CodeSet::compiled();
    let all: Vec<_> = cdt_codes::iter().collect();
    let active = all.iter().filter(|p| p.is_active()).count();
    let deleted: Vec<_> = all.iter().filter(|p| p.deleted_in().is_some()).collect();
    let before = |year| {
        all.iter()
            .filter(|p| p.added() == Some(Added::Before(edition(year))))
            .count()
    };
    let unknown_added: Vec<String> = all
        .iter()
        .filter(|p| p.is_active() && p.added().is_none())
        .map(|p| p.code().to_string())
        .collect();
    let placed_by_source = all.iter().filter(|p| p.subcategory_confirmed()).count();
    let headings = cdt_codes::subcategories().count();
    let headings_confirmed = cdt_codes::subcategories()
        .filter(cdt_codes::Subcategory::is_confirmed)
        .count();
    let mut by_edition: BTreeMap<Edition, usize> = BTreeMap::new();
    for procedure in &deleted {
        *by_edition
            .entry(procedure.deleted_in().unwrap())
            .or_default() += 1;
    }
    let named = deleted
        .iter()
        .filter(|p| !p.replaced_by().is_empty())
        .count();
    let kind = |kind| {
        deleted
            .iter()
            .filter(|p| p.successors().kind() == Some(kind))
            .count()
    };
    let older = deleted
        .iter()
        .filter(|p| {
            p.successors()
                .codes()
                .iter()
                .any(|&code| cdt_codes::get(code).unwrap().added_in() != p.deleted_in())
        })
        .count();

    let mut out = String::new();
    let _ = writeln!(out, "{BEGIN}");
    let _ = writeln!(out, "\n## Summary (data edition {})\n", set.edition());
    out.push_str("| | count |\n|---|---|\n");
    let mut row = |label: &str, value: String| {
        let _ = writeln!(out, "| {label} | {value} |");
    };
    row("records in `codes.tsv`", all.len().to_string());
    row(
        &format!("codes in force in {}", set.edition()),
        active.to_string(),
    );
    row(
        "codes deleted since CDT-3 (2000), kept for old records",
        deleted.len().to_string(),
    );
    row(
        "records present before CDT-3 / CDT-4 / CDT-2005, exact edition not recorded (`<2000` / `<2003` / `<2005`)",
        format!("{} / {} / {}", before(2000), before(2003), before(2005)),
    );
    row(
        "codes in force whose added edition is not established",
        if unknown_added.is_empty() {
            "0".to_string()
        } else {
            format!("{} ({})", unknown_added.len(), unknown_added.join(", "))
        },
    );
    row(
        "records whose placement under its heading a public source shows / inferred (`unconfirmed` holds `subcategory`)",
        format!("{placed_by_source} / {}", all.len() - placed_by_source),
    );
    row(
        "subcategory headings / confirmed by a public source",
        format!("{headings} / {headings_confirmed}"),
    );
    row(
        "deleted codes with a replacement the ADA named (`replaced_by`)",
        named.to_string(),
    );
    row(
        "deleted codes with successors confirmed by a source / inferred (`successors.tsv`)",
        format!(
            "{} / {}",
            kind(SuccessorKind::Confirmed),
            kind(SuccessorKind::Inferred)
        ),
    );
    row(
        "deleted codes with no successor, reason given (`successors.tsv`, kind `none`)",
        kind(SuccessorKind::NoSuccessor).to_string(),
    );
    row(
        "deleted codes with a successor already in the code set before the deletion (the note says why)",
        older.to_string(),
    );
    let editions: Vec<String> = by_edition
        .iter()
        .map(|(edition, count)| format!("{}: {count}", edition.year()))
        .collect();
    let _ = writeln!(out, "\nDeletions by edition: {}.", editions.join(", "));
    let _ = write!(out, "\n{END}");
    out
}

/// The block between the markers in `text`, markers included.
fn block(text: &str) -> Option<(usize, usize)> {
    let start = text.find(BEGIN)?;
    let end = text[start..].find(END)? + start + END.len();
    Some((start, end))
}

#[test]
fn sources_md_summary_is_the_datas() {
    let text = std::fs::read_to_string(PATH).unwrap();
    let expected = summary();
    let (start, end) = block(&text).expect("SOURCES.md has no summary markers");
    if text[start..end] == expected {
        return;
    }
    if std::env::var_os("CDT_BLESS").is_some_and(|value| value == "1") {
        let rewritten = format!("{}{expected}{}", &text[..start], &text[end..]);
        std::fs::write(PATH, rewritten).unwrap();
        return;
    }
    panic!(
        "data/SOURCES.md's summary does not match the data; run \
         `CDT_BLESS=1 cargo test --test sources` and review the diff. Expected:\n{expected}"
    );
}

#[test]
fn the_summary_holds_known_figures() {
    // CDT 2026 edition (CMS PFS 2026: 847 codes in force), 102 deletions
    // since CDT-3, and the 6 deletions the ADA named replacements for
    // (data/SOURCES.md, "Replacements recorded").
    let text = summary();
    assert!(
        text.contains("| codes in force in CDT 2026 | 847 |"),
        "{text}"
    );
    assert!(
        text.contains("| codes deleted since CDT-3 (2000), kept for old records | 102 |"),
        "{text}"
    );
    assert!(
        text.contains("| deleted codes with a replacement the ADA named (`replaced_by`) | 6 |"),
        "{text}"
    );
}

#[test]
fn every_source_key_of_the_heading_file_is_described() {
    let text = std::fs::read_to_string(PATH).unwrap();
    let headings = include_str!("../data/subcategories.tsv");
    for line in headings.lines().skip(1) {
        let source = line.split('\t').nth(3).unwrap_or("");
        for key in source.split(';').filter(|key| !key.is_empty()) {
            assert!(
                text.contains(&format!("`{key}`")),
                "source key `{key}` of data/subcategories.tsv is not described in SOURCES.md"
            );
        }
    }
}

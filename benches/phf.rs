//! The crate's string-keyed tables against `phf` 0.14, in the same run, on
//! the same keys (see BENCHMARKS.md, "phf against the own tables").
//!
//! Three tables:
//! - **word index**: a search word (a stem) to its position in the index.
//!   The crate's own table (`src/search/index.rs`: open addressing, a
//!   multiply-rotate hash) against `phf`'s CHD map (its default) and its
//!   `ptrhash` map. Keys: the stems of the words of the everyday queries of
//!   `benches/search.rs` (hits) and slips and words the data lacks (misses).
//! - **category name**: `Category::from_name` (a case-insensitive scan of
//!   twelve names and twelve variant names) against a `phf` map of the
//!   lower-cased names, the query lower-cased on the stack first.
//! - **heading name**: the parser's `Dataset::heading_of` (a scan of the 75
//!   headings for the category and name) against one `phf` map per
//!   category, name to heading.
//! - **header aliases**: a header cell, normalised, to the column it names,
//!   for claims exports (`ClaimColumn::names`, 11 columns) and code files
//!   (`dataset::columns::Column`, 12 columns): the matcher's scan of each
//!   column's aliases against one `phf` map of every alias. Keys: the
//!   header cells of the real exports in `tests/fixtures/real/` and of the
//!   bundled and licensed code files.
//!
//! `phf` is built with `ptrhash` here, which switches `phf::Map` to the
//! ptrhash layout; the CHD map is the lookup `phf::Map::get_entry` runs
//! without the feature (`phf_shared::hash`, `phf_shared::get_index`, one
//! key comparison), on the CHD state `phf_generator::generate_hash` makes.
//! Both maps are made at start-up with the generators `phf_codegen` calls,
//! so they hold what a build script would write. The word index, headings
//! and the parser are the crate's own code, included by path as `build.rs`
//! includes them.

#![allow(missing_docs)]

extern crate alloc;

#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../src/model/mod.rs"]
mod model;

#[macro_use]
#[path = "../src/set/tables.rs"]
mod tables;

#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../src/dataset/mod.rs"]
mod dataset;

#[allow(dead_code, clippy::all)]
#[path = "../src/severity.rs"]
mod severity;

/// The search index (format, builder, reader) as `build.rs` includes it.
#[allow(dead_code, clippy::all)]
#[path = "../src/search/commonness.rs"]
mod commonness;
#[allow(dead_code, clippy::all)]
#[path = "../src/search/index.rs"]
mod index;
mod search {
    pub(crate) use super::{commonness, index};
}

use std::hint::black_box;
use std::time::Duration;

use cdt_codes_benches::MIX;
use criterion::{criterion_group, criterion_main, Criterion};

use dataset::{Dataset, Layout};
use model::category::Category;

/// Words a biller types that the index lacks: slips, the vocabulary's
/// shorthands and words of no dental code.
const MISSES: [&str; 16] = [
    "extration",
    "gard",
    "bitewigns",
    "porcelian",
    "flouride",
    "cleening",
    "wisdon",
    "molr",
    "xyzzy",
    "invoice",
    "molars2",
    "zirconium",
    "teh",
    "dentst",
    "implnt",
    "brige",
];

/// The lookup `phf::Map::get_entry` runs without the `ptrhash` feature.
struct Chd {
    key: phf_shared::HashKey,
    disps: Vec<(u32, u32)>,
    entries: Vec<(&'static str, u16)>,
}

impl Chd {
    fn new(keys: &[(&'static str, u16)]) -> Chd {
        let names: Vec<&str> = keys.iter().map(|&(key, _)| key).collect();
        let state = phf_generator::generate_hash(&names);
        Chd {
            key: state.key,
            disps: state.disps,
            entries: state.map.iter().map(|&at| keys[at]).collect(),
        }
    }

    #[inline]
    fn get(&self, key: &str) -> Option<u16> {
        if self.disps.is_empty() {
            return None;
        }
        let hashes = phf_shared::hash(key, &self.key);
        let index = phf_shared::get_index(&hashes, &self.disps, self.entries.len());
        let (found, value) = self.entries[index as usize];
        (found == key).then_some(value)
    }
}

/// A `phf::Map` (ptrhash layout) of `keys`, as `phf_codegen` writes it.
fn ptrhash(keys: &[(&'static str, u16)]) -> phf::Map<&'static str, u16> {
    let names: Vec<&str> = keys.iter().map(|&(key, _)| key).collect();
    let state = phf_generator::ptrhash::generate_hash(&names);
    let entries: Vec<(&'static str, u16)> = state.map.iter().map(|&at| keys[at]).collect();
    phf::Map {
        key: state.seed,
        pilots: Vec::leak(state.pilots),
        remap: Vec::leak(state.remap),
        entries: Vec::leak(entries),
    }
}

/// The stems of `text`, as search asks the index for them.
fn stems(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    model::words::for_each_stem(text, |stem| out.push(stem.to_string()));
    out
}

fn word_index(c: &mut Criterion) {
    let data = Dataset::bundled().expect("the bundled data parses");
    let layout = Layout::of(&data).expect("the bundled data lays out");
    let layout: &'static Layout = Box::leak(Box::new(layout));
    // The reader as a query uses it.
    let tables = index::Tables {
        text: &layout.text,
        words: &layout.words,
        postings: &layout.postings,
        marks: &layout.marks,
        word_slots: &layout.word_slots,
        slip_starts: &layout.slip_starts,
        slip_words: &layout.slip_words,
        synonyms: &layout.synonyms,
        term_slots: &layout.term_slots,
        phrases: &layout.phrases,
    };
    let own = |key: &str| tables.position(key);
    let keys: Vec<(&'static str, u16)> = layout
        .words
        .iter()
        .enumerate()
        .map(|(at, word)| (layout.text_of(word.text), at as u16))
        .collect();
    let chd = Chd::new(&keys);
    let ptr = ptrhash(&keys);

    let mut hits: Vec<String> = MIX.iter().flat_map(|query| stems(query)).collect();
    hits.retain(|stem| own(stem).is_some());
    let mut misses: Vec<String> = MISSES.iter().flat_map(|word| stems(word)).collect();
    misses.retain(|stem| own(stem).is_none());
    for key in hits.iter().chain(&misses) {
        let found = own(key);
        assert_eq!(chd.get(key), found, "CHD on {key:?}");
        assert_eq!(ptr.get(key.as_str()).copied(), found, "ptrhash on {key:?}");
    }
    println!(
        "word index: {} words, {} hit keys, {} miss keys",
        keys.len(),
        hits.len(),
        misses.len()
    );

    for (name, keys) in [("hits", &hits), ("misses", &misses)] {
        let ways: [Way<'_>; 3] = [
            ("own table", &own),
            ("phf CHD (default)", &|key| chd.get(key)),
            ("phf ptrhash", &|key| ptr.get(key).copied()),
        ];
        three_ways(c, &format!("word index {name}"), keys, ways);
    }
}

/// `text` trimmed and lower-cased into `buffer`, as a `phf` key of
/// lower-case names needs it; `None` when longer than the buffer.
fn lowered<'b>(text: &str, buffer: &'b mut [u8; 32]) -> Option<&'b str> {
    let text = text.trim().as_bytes();
    let slot = buffer.get_mut(..text.len())?;
    for (to, from) in slot.iter_mut().zip(text) {
        *to = from.to_ascii_lowercase();
    }
    core::str::from_utf8(slot).ok()
}

fn names(c: &mut Criterion) {
    // Category names, as a person or a file writes them.
    let mut keys: Vec<(&'static str, u16)> = Vec::new();
    for category in Category::ALL {
        for name in [category.name(), category.variant_name()] {
            // Most names are their variant's (`Diagnostic`); a key once.
            let lower: &'static str = Box::leak(name.to_ascii_lowercase().into_boxed_str());
            if !keys.iter().any(|&(key, _)| key == lower) {
                keys.push((lower, category as u16));
            }
        }
    }
    let chd = Chd::new(&keys);
    let ptr = ptrhash(&keys);
    let phf_chd = |name: &str| {
        let mut buffer = [0u8; 32];
        lowered(name, &mut buffer).and_then(|key| chd.get(key))
    };
    let phf_ptr = |name: &str| {
        let mut buffer = [0u8; 32];
        lowered(name, &mut buffer).and_then(|key| ptr.get(key).copied())
    };
    let asked = [
        "Endodontics",
        "endodontics",
        "Prosthodontics (fixed)",
        "ImplantServices",
        "Adjunctive General Services",
        "Diagnostic",
        " Orthodontics ",
        "Dermatology",
        "Prosthodontics",
        "Radiology",
    ];
    for name in asked {
        let found = Category::from_name(name).map(|category| category as u16);
        assert_eq!(phf_chd(name), found, "{name}");
        assert_eq!(phf_ptr(name), found, "{name}");
    }
    let mut group = c.benchmark_group("category name");
    group.bench_function("Category::from_name (scan)", |b| {
        b.iter(|| {
            for name in asked {
                black_box(Category::from_name(black_box(name)));
            }
        });
    });
    group.bench_function("phf CHD (default)", |b| {
        b.iter(|| {
            for name in asked {
                black_box(phf_chd(black_box(name)));
            }
        });
    });
    group.bench_function("phf ptrhash", |b| {
        b.iter(|| {
            for name in asked {
                black_box(phf_ptr(black_box(name)));
            }
        });
    });
    group.finish();

    // Heading names: every record's heading, as the parser resolves them.
    let data: &'static Dataset = Box::leak(Box::new(Dataset::bundled().expect("bundled")));
    let mut by_category: Vec<Vec<(&'static str, u16)>> = vec![Vec::new(); Category::ALL.len()];
    for (at, heading) in data.headings.iter().enumerate() {
        by_category[heading.category as usize].push((heading.name.as_str(), at as u16));
    }
    let chd: Vec<Chd> = by_category.iter().map(|keys| Chd::new(keys)).collect();
    let ptr: Vec<phf::Map<&'static str, u16>> = by_category.iter().map(|k| ptrhash(k)).collect();
    let rows: Vec<&dataset::ProcedureRow> = data
        .procedures
        .iter()
        .filter(|row| row.subcategory.is_some())
        .collect();
    // As `heading_of`: the row's category and heading name, then the map.
    let phf_chd = |row: &dataset::ProcedureRow| {
        let category = Category::of(row.code)?;
        chd[category as usize].get(row.subcategory.as_deref()?)
    };
    let phf_ptr = |row: &dataset::ProcedureRow| {
        let category = Category::of(row.code)?;
        ptr[category as usize]
            .get(row.subcategory.as_deref()?)
            .copied()
    };
    for &row in &rows {
        let found = data.heading_of(row).map(|at| at as u16);
        assert_eq!(phf_chd(row), found, "{:?}", row.subcategory);
        assert_eq!(phf_ptr(row), found, "{:?}", row.subcategory);
    }
    println!(
        "heading names: {} headings, {} rows",
        data.headings.len(),
        rows.len()
    );
    let mut group = c.benchmark_group("heading name");
    group.bench_function("Dataset::heading_of (scan)", |b| {
        b.iter(|| {
            for &row in &rows {
                black_box(data.heading_of(black_box(row)));
            }
        });
    });
    group.bench_function("phf CHD (default)", |b| {
        b.iter(|| {
            for &row in &rows {
                black_box(phf_chd(black_box(row)));
            }
        });
    });
    group.bench_function("phf ptrhash", |b| {
        b.iter(|| {
            for &row in &rows {
                black_box(phf_ptr(black_box(row)));
            }
        });
    });
    group.finish();
}

/// A way of looking a key up, with its name in the report.
type Way<'w> = (&'w str, &'w dyn Fn(&str) -> Option<u16>);

/// Times three ways of looking up every key of `keys` in one group.
fn three_ways(c: &mut Criterion, group: &str, keys: &[String], ways: [Way<'_>; 3]) {
    let mut group = c.benchmark_group(group);
    for (name, way) in ways {
        group.bench_function(name, |b| {
            b.iter(|| {
                for key in keys {
                    black_box(way(black_box(key.as_str())));
                }
            });
        });
    }
    group.finish();
}

/// The header rows the alias bench reads: `(file, header row)`, with the
/// file's delimiter; the cells are normalised as the matcher does.
const CLAIM_HEADERS: [&str; 4] = [
    "../tests/fixtures/real/opendental_excel_cp1252.csv",
    "../tests/fixtures/real/stedi_camelcase_lines.csv",
    "../tests/fixtures/real/taf_other_services_line_dental.csv",
    "../tests/fixtures/real/opendental_procedurelog.tsv",
];
const CODE_HEADERS: [&str; 3] = [
    "../data/codes.tsv",
    "../tests/fixtures/licensed/good.csv",
    "../tests/fixtures/licensed/good.tsv",
];

/// The normalised cells of the first line of each file (path from this
/// bench's directory).
fn header_cells(files: &[&str]) -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cells = Vec::new();
    for file in files {
        let bytes = std::fs::read(root.join(file)).expect("a header file of the corpus");
        let text = String::from_utf8_lossy(&bytes);
        let first = text.lines().next().unwrap_or("");
        let delimiter = if first.contains('\t') { '\t' } else { ',' };
        cells.extend(
            first
                .split(delimiter)
                .map(dataset::delimited::normalise_header),
        );
    }
    cells
}

/// The aliases of `columns` (each its aliases and its number) as map keys,
/// checking that no alias names two columns of the `kind`.
fn alias_keys<const N: usize>(
    kind: &str,
    columns: [(&'static [&'static str], u16); N],
) -> Vec<(&'static str, u16)> {
    let mut keys: Vec<(&'static str, u16)> = Vec::new();
    for (aliases, column) in columns {
        for &alias in aliases {
            assert!(
                keys.iter().all(|&(key, _)| key != alias),
                "{alias} names two {kind} columns"
            );
            keys.push((alias, column));
        }
    }
    keys
}

fn header_aliases(c: &mut Criterion) {
    use cdt_codes::claims::ClaimColumn;
    use dataset::columns::Column;

    // Every alias of every column (an alias names one column).
    let claim_keys = alias_keys(
        "claim",
        ClaimColumn::ALL.map(|column| (column.names(), column as u16)),
    );
    let code_keys = alias_keys(
        "code-file",
        Column::ALL.map(|column| (column.synonyms(), column as u16)),
    );
    let claim_cells = header_cells(&CLAIM_HEADERS);
    let code_cells = header_cells(&CODE_HEADERS);
    // What `match_header` asks of each cell: which column (if any) names it,
    // by scanning the columns' alias lists in order.
    let claim_scan = |cell: &str| {
        ClaimColumn::ALL
            .into_iter()
            .find(|column| column.names().contains(&cell))
            .map(|column| column as u16)
    };
    let code_scan = |cell: &str| {
        Column::ALL
            .into_iter()
            .find(|column| column.synonyms().contains(&cell))
            .map(|column| column as u16)
    };
    for (kind, keys, cells, scan) in [
        (
            "claims",
            &claim_keys,
            &claim_cells,
            &claim_scan as &dyn Fn(&str) -> Option<u16>,
        ),
        ("code file", &code_keys, &code_cells, &code_scan),
    ] {
        let chd = Chd::new(keys);
        let ptr = ptrhash(keys);
        for cell in cells {
            assert_eq!(chd.get(cell), scan(cell), "CHD on {cell:?}");
            assert_eq!(
                ptr.get(cell.as_str()).copied(),
                scan(cell),
                "ptrhash on {cell:?}"
            );
        }
        let named = cells.iter().filter(|cell| scan(cell).is_some()).count();
        println!(
            "header aliases, {kind}: {} aliases, {} header cells ({named} name a column)",
            keys.len(),
            cells.len()
        );
        let ways: [Way<'_>; 3] = [
            ("own scan of the alias lists", scan),
            ("phf CHD (default)", &|cell| chd.get(cell)),
            ("phf ptrhash", &|cell| ptr.get(cell).copied()),
        ];
        three_ways(c, &format!("header aliases {kind}"), cells, ways);
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = word_index, names, header_aliases
}
criterion_main!(benches);

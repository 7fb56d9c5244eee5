//! Header rows: the one normalisation of a header name and the one
//! matcher of header cells to columns, for every file with a header row
//! (code files, the fixed-layout data files, claims exports). Each caller
//! keeps its own list of names and decides what a missing or repeated
//! column costs.

use alloc::string::String;
use alloc::vec::Vec;

/// A header name in a form that compares loosely: surrounding whitespace,
/// a byte-order mark and one pair of surrounding quotes (`"` or `'`)
/// removed, lower case, every run of `_`, `-`, `.` and whitespace made one
/// `_`, and camelCase words split with `_`: `Date of Service`,
/// `date-of-service`, `DATE_OF_SERVICE` and `dateOfService` all read as
/// `date_of_service`.
pub(crate) fn normalise_header(name: &str) -> String {
    let name = name.trim().trim_start_matches('\u{feff}').trim();
    let name = unquote(name).trim();
    let mut out = String::with_capacity(name.len() + 4);
    let mut gap = false;
    let mut previous: Option<char> = None;
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '_' || c == '-' || c == '.' || c.is_whitespace() {
            gap = true;
            previous = None;
            continue;
        }
        // camelCase and PascalCase words: `procedureCode`, `ProcCode`,
        // `CDTCode` split where a capital starts a new word.
        let next_is_lower = chars.peek().is_some_and(|next| next.is_lowercase());
        let starts_word = c.is_uppercase()
            && previous.is_some_and(|p| {
                p.is_lowercase() || p.is_ascii_digit() || (p.is_uppercase() && next_is_lower)
            });
        if gap || (starts_word && !out.is_empty()) {
            out.push('_');
            gap = false;
        }
        out.extend(c.to_lowercase());
        previous = Some(c);
    }
    out
}

/// `name` without one pair of surrounding `"` or `'` (a header cell the
/// reader left quoted, such as `'code'` or a quote that closed early).
fn unquote(name: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = name
            .strip_prefix(quote)
            .and_then(|rest| rest.strip_suffix(quote))
        {
            return inner;
        }
    }
    name
}

/// A column named a second time: by the cell at `again`, after the cell at
/// `first`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Repeat<C> {
    pub(crate) column: C,
    pub(crate) first: usize,
    pub(crate) again: usize,
}

/// What [`match_header`] found: for each of the `N` columns asked about,
/// the position of the first cell naming it (in the order the columns were
/// given), every later cell naming a column already found, and the cells
/// that name no column at all (blank cells aside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HeaderMatch<C, const N: usize> {
    pub(crate) positions: [Option<usize>; N],
    /// In header order (and, within a cell, in the order of the columns).
    pub(crate) repeats: Vec<Repeat<C>>,
    /// The 0-based positions of the cells naming no column.
    pub(crate) unknown: Vec<usize>,
}

/// Matches the cells of a header row to `columns`: a cell names a column
/// when `names(column, cell)` holds for the cell's normalised form
/// ([`normalise_header`]). A cell may name several columns (a caller's
/// chosen name can coincide with another column's alias); each column
/// takes the first cell that names it.
pub(crate) fn match_header<'h, C: Copy, const N: usize>(
    columns: [C; N],
    header: impl IntoIterator<Item = &'h str>,
    names: impl Fn(C, &str) -> bool,
) -> HeaderMatch<C, N> {
    match_header_looked_up(
        columns,
        header,
        |_| (),
        |column, cell, ()| names(column, cell),
    )
}

/// [`match_header`] where what a cell names is looked up once per cell
/// (`look_up`, given the normalised cell), and `names(column, cell,
/// found)` then decides per column from it: a map from names to columns is
/// asked once a cell, not once a column.
pub(crate) fn match_header_looked_up<'h, C: Copy, K, const N: usize>(
    columns: [C; N],
    header: impl IntoIterator<Item = &'h str>,
    look_up: impl Fn(&str) -> K,
    names: impl Fn(C, &str, &K) -> bool,
) -> HeaderMatch<C, N> {
    let mut found = HeaderMatch {
        positions: [None; N],
        repeats: Vec::new(),
        unknown: Vec::new(),
    };
    for (position, cell) in header.into_iter().enumerate() {
        let normal = normalise_header(cell);
        let looked_up = look_up(&normal);
        let mut claimed = false;
        for (slot, column) in found.positions.iter_mut().zip(columns) {
            if !names(column, &normal, &looked_up) {
                continue;
            }
            claimed = true;
            match *slot {
                Some(first) => found.repeats.push(Repeat {
                    column,
                    first,
                    again: position,
                }),
                None => *slot = Some(position),
            }
        }
        if !claimed && !cell.trim().is_empty() {
            found.unknown.push(position);
        }
    }
    found
}

//! The source for delimited exports (CSV, TSV, semicolon, pipe): one
//! [`ClaimLine`] per row, columns found by header name.

use std::io::BufRead;
use std::string::{String, ToString};
use std::vec::Vec;

use super::columns::{ClaimColumn, ClaimHeader};
use super::error::{HeaderError, LineError};
use super::judge::Carried;
use super::labels;
use super::line::{put, put_number, put_opt, put_tooth, ClaimLine};
use super::numbering::{judged_text, Numbering, ToothNumbering};
use super::report::ToothEntry;
use super::verdict::DateSource;
use super::CheckOptions;
use crate::dataset::delimited::{BorrowedRow, QuotePolicy, Reader};
use crate::dataset::Delimiter;
use crate::model::trimmed;

/// Reads the rows of a delimited export as claim lines.
#[derive(Debug)]
pub(crate) struct DelimitedSource<R> {
    reader: Reader<R>,
    header: ClaimHeader,
    pub(crate) delimiter: Delimiter,
    /// Lines above the header taken for a report's title.
    pub(crate) title_lines: u64,
    /// Rows taken for a report's totals (see [`is_totals_row`]), left out.
    pub(crate) totals_rows: u64,
    /// The numbering of teeth no tooth system cell names.
    numbering: ToothNumbering,
    /// The date every line is judged on, as written in reports, when the
    /// file has no date column and the caller gave one.
    given_date: Option<String>,
    /// The header's name of the code column, as written: a row whose code
    /// cell holds it repeats the header (two files joined into one).
    code_name: String,
}

impl<R: BufRead> DelimitedSource<R> {
    /// Reads the header and finds the columns. `titles` lines before the
    /// header may be a report's title (lines with no delimiter before the
    /// first with one): each is passed over when it names no code column.
    pub(crate) fn open(
        reader: R,
        detected: Option<Delimiter>,
        options: &CheckOptions,
        titles: usize,
    ) -> Result<Self, HeaderError> {
        let delimiter = options.delimiter.or(detected).unwrap_or(Delimiter::Comma);
        let mut reader = rows(reader, delimiter);
        let mut title_lines = 0;
        let (header, code_name) = loop {
            let found = match reader.next_record() {
                None => return Err(HeaderError::Empty),
                Some(Err(error)) => return Err(HeaderError::Malformed(error)),
                Some(Ok(row)) => find_header(&row, options).map(|header| {
                    let code = header
                        .position(ClaimColumn::Code)
                        .and_then(|at| row.get(at));
                    let name = code.map(trimmed).unwrap_or_default().to_string();
                    (header, name)
                }),
            };
            match found {
                Err(HeaderError::MissingColumn { .. }) if title_lines < titles => {
                    title_lines += 1;
                }
                found => break found?,
            }
        };
        let given_date = options
            .date_of_service
            .filter(|_| header.position(ClaimColumn::Date).is_none())
            .map(|date| date.to_string());
        Ok(DelimitedSource {
            reader,
            header,
            delimiter,
            title_lines: title_lines as u64,
            totals_rows: 0,
            numbering: options.tooth_numbering,
            given_date,
            code_name,
        })
    }

    /// The elements the file has columns for (an area in Open Dental's
    /// `Surf`, too).
    pub(crate) fn carried(&self) -> Carried {
        let has = |column| self.header.position(column).is_some();
        Carried {
            tooth: has(ClaimColumn::Tooth),
            surfaces: has(ClaimColumn::Surfaces),
            area: has(ClaimColumn::Area) || self.header.surfaces_hold_areas,
        }
    }

    /// Whether the file names the claim of each row.
    pub(crate) fn has_claims(&self) -> bool {
        self.header.position(ClaimColumn::Claim).is_some()
    }

    /// Whether the file names the patient of each row.
    pub(crate) fn has_patients(&self) -> bool {
        self.header.position(ClaimColumn::Patient).is_some()
    }

    /// The next row as a claim line; `None` at the end.
    /// Reads the next row into `line` (its buffers reused): `None` at the
    /// end of the input.
    #[inline]
    pub(crate) fn fill(&mut self, line: &mut ClaimLine) -> Option<Result<(), LineError>> {
        loop {
            return Some(match self.reader.next_record()? {
                Err(error) => Err(LineError::Row(error)),
                // A row is blank when every field is whitespace: the
                // first field's first byte settles it for nearly every row.
                Ok(record)
                    if record
                        .get(0)
                        .and_then(|first| first.bytes().next())
                        .is_none_or(|byte| byte.is_ascii_whitespace())
                        && record.is_blank() =>
                {
                    continue
                }
                // A row may end in empty cells beyond the header's (Open
                // Dental's report export writes a tab after every empty
                // cell, the last one too): they hold nothing to read.
                Ok(record)
                    if record.len() < self.header.width
                        || (record.len() > self.header.width
                            && !(self.header.width..record.len()).all(|at| {
                                record.get(at).is_none_or(|cell| cell.trim().is_empty())
                            })) =>
                {
                    Err(LineError::FieldCount {
                        line: record.line(),
                        expected: self.header.width,
                        found: record.len(),
                    })
                }
                Ok(record) => {
                    fill_line(&record, &self.header, self.numbering, line);
                    if let Some(date) = &self.given_date {
                        line.put_date(date, None, DateSource::Given);
                        line.notes.push(String::from(
                            "no date column: judged on the date of service given for the file",
                        ));
                    }
                    // Only a row without a code can be a totals row or the
                    // header again: the code's first letter settles it for
                    // nearly every row.
                    if !line.code.starts_with(['D', 'd']) {
                        if may_be_total(&line.code) && is_totals_row(&record, &self.header) {
                            self.totals_rows += 1;
                            continue;
                        }
                        self.note_repeated_header(line);
                    }
                    Ok(())
                }
            });
        }
    }
}

impl<R> DelimitedSource<R> {
    /// Notes on `line` that its row repeats the header, when its code cell
    /// holds the header's name of the code column (any case): what two
    /// exports joined into one file hold (Windows' `copy a.csv+b.csv`,
    /// which also leaves the Ctrl-Z read as a blank line). The row stays
    /// what the judge finds it: a malformed code. (Asked only of a code
    /// cell that does not start with `D`: a header whose code column's
    /// name does gets no note.)
    #[cold]
    fn note_repeated_header(&self, line: &mut ClaimLine) {
        if !line.code.is_empty() && line.code.eq_ignore_ascii_case(&self.code_name) {
            line.notes.push(std::format!(
                "this row repeats the header ({:?} names the code column): two files joined \
                 into one?",
                self.code_name
            ));
        }
    }
}

/// Whether `line` (a file's first line, a UTF-8 byte-order mark and
/// blank lines before it allowed) is a header the checker reads: its
/// cells name the code and date columns (or those `options` names), with
/// `options`' delimiter or the one detected in it.
pub(crate) fn is_header(line: &[u8], options: &CheckOptions) -> bool {
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    let line = line.trim_ascii_start();
    let Some(delimiter) = options.delimiter.or_else(|| Delimiter::detect(line)) else {
        return false;
    };
    match rows(line, delimiter).next_record() {
        Some(Ok(header)) => find_header(&header, options).is_ok(),
        _ => false,
    }
}

/// The rows of a claims export, read as `DelimitedSource` reads them (a
/// quoted cell may run over lines when it closes nearby; Windows-1252
/// where a line is no UTF-8).
fn rows<R: BufRead>(reader: R, delimiter: Delimiter) -> Reader<R> {
    Reader::new(reader, delimiter, QuotePolicy::ClosedNearby).windows_1252_fallback(true)
}

/// The columns `header` names under `options` (the date column optional
/// when the caller gave a date for a file without one).
fn find_header(
    header: &BorrowedRow<'_>,
    options: &CheckOptions,
) -> Result<ClaimHeader, HeaderError> {
    let date_given = options.date_of_service.is_some();
    ClaimHeader::find_dated(header.iter(), &options.columns, date_given)
}

/// Whether `record` is a report's totals row rather than a claim line: no
/// code (its code cell empty or a total's label), every other cell the
/// header names a column of empty or a label, and the rest empty, labels
/// or amounts, one amount at least. Open Dental's report exports end with
/// one: a space in each cell before the first money column, then the
/// sums. A row with a line id, a date or a tooth is a claim line, however
/// wrong.
fn is_totals_row(record: &BorrowedRow<'_>, header: &ClaimHeader) -> bool {
    let cell = |at: usize| record.get(at).map_or("", trimmed);
    let code = header.position(ClaimColumn::Code).map_or("", cell);
    if !code.is_empty() && !is_total_label(code) {
        return false;
    }
    let named = |at: usize| {
        ClaimColumn::ALL
            .iter()
            .any(|&column| header.position(column) == Some(at))
    };
    let mut amounts = 0;
    for at in 0..record.len() {
        let text = cell(at);
        if text.is_empty() || is_total_label(text) {
            continue;
        }
        if named(at) || !is_amount(text) {
            return false;
        }
        amounts += 1;
    }
    amounts > 0
}

/// Whether a row whose code reads `code` may be a totals row: its code is
/// empty or starts as a total's label does (a code starts with `D`).
fn may_be_total(code: &str) -> bool {
    code.bytes()
        .next()
        .is_none_or(|first| matches!(first.to_ascii_lowercase(), b't' | b'g'))
}

/// `Total`, `Totals`, `Grand Total` (any case, a colon after allowed).
fn is_total_label(text: &str) -> bool {
    let text = text.strip_suffix(':').unwrap_or(text).trim();
    ["total", "totals", "grand total", "grand totals"]
        .iter()
        .any(|label| text.eq_ignore_ascii_case(label))
}

/// An amount as reports write it: digits with thousands commas, a
/// decimal point, a currency sign or a minus, or in parentheses.
fn is_amount(text: &str) -> bool {
    let text = text
        .strip_prefix('(')
        .and_then(|inner| inner.strip_suffix(')'))
        .unwrap_or(text);
    let text = text.strip_prefix('-').unwrap_or(text);
    let text = text.strip_prefix('$').unwrap_or(text);
    text.bytes().any(|b| b.is_ascii_digit())
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// The row as a claim line, written over what `line` held before.
#[inline]
fn fill_line(
    record: &BorrowedRow<'_>,
    header: &ClaimHeader,
    numbering: ToothNumbering,
    line: &mut ClaimLine,
) {
    let field = |column: ClaimColumn| {
        header
            .position(column)
            .and_then(|index| record.get(index))
            .map(trimmed)
    };
    let present = |column| field(column).filter(|text| !text.is_empty());
    line.notes.clear();
    // A label is read here unless its column is split over several cells:
    // `fill_split` reads those, each once.
    let surfaces_cell = present(ClaimColumn::Surfaces);
    let surface_label = surfaces_cell
        .filter(|_| !header.is_split(ClaimColumn::Surfaces))
        .and_then(labels::surface);
    let surfaces = surface_label.or(surfaces_cell);
    // One tooth; or, when the tooth column is empty, the teeth of a range
    // or list column (`8,9,13`: one entry each; `6-11`: one entry).
    let teeth = &mut line.teeth;
    let mut count = 0;
    let tooth = present(ClaimColumn::Tooth);
    let range = tooth
        .is_none()
        .then(|| present(ClaimColumn::ToothRange))
        .flatten();
    if tooth.is_some() || range.is_some() {
        // The system is read only for a line with teeth.
        let mut written_in = WrittenIn::new(
            present(ClaimColumn::ToothSystem).unwrap_or(""),
            numbering,
            &mut line.notes,
        );
        if let Some(tooth) = tooth {
            written_in.put(teeth, 0, tooth, surfaces.unwrap_or(""));
            count = 1;
        } else if let Some(range) = range {
            for tooth in range.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                // The surfaces go with the first tooth of a list.
                let with = if count == 0 {
                    surfaces.unwrap_or("")
                } else {
                    ""
                };
                written_in.put(teeth, count, tooth, with);
                count += 1;
            }
        }
    } else if let Some(surfaces) = surfaces {
        // A surfaces value without a tooth is kept: some software writes a
        // quadrant, arch or sextant there (the judge decides by the code).
        put_tooth(teeth, 0, "", surfaces);
        count = 1;
    }
    teeth.truncate(count);
    if let (Some(letter), Some(written)) = (surface_label, surfaces_cell) {
        line.notes.push(labels::note("surfaces", written, letter));
    }
    let start = field(ClaimColumn::Date).unwrap_or("");
    let end = present(ClaimColumn::DateEnd).filter(|end| *end != start);
    line.put_date(start, end, DateSource::Column);
    line.position = record.line();
    put_opt(&mut line.claim, present(ClaimColumn::Claim));
    put_opt(&mut line.patient, present(ClaimColumn::Patient));
    match present(ClaimColumn::Line) {
        Some(id) => put(&mut line.line, id),
        None => put_number(&mut line.line, record.line()),
    }
    put(&mut line.code, field(ClaimColumn::Code).unwrap_or(""));
    line.qualifier = None;
    let area = present(ClaimColumn::Area).map(|cell| {
        if header.is_split(ClaimColumn::Area) {
            cell
        } else {
            read_label(cell, labels::area, "area", &mut line.notes)
        }
    });
    match area {
        Some(area) => {
            line.areas.truncate(1);
            match line.areas.first_mut() {
                Some(first) => put(first, area),
                None => line.areas.push(area.into()),
            }
        }
        None => line.areas.clear(),
    }
    if header.is_split_anywhere() {
        fill_split(record, header, line);
    }
}

/// Reads again into `line` the columns `header` splits over several cells
/// (see `ClaimHeader::more`): the surfaces, one a cell, as one value with
/// the first tooth (or alone); each filled area cell, the same area once;
/// a cell holding a label as the code it labels (`claims/labels.rs`).
/// Apart from `fill_line`, which most files never need it in.
#[cold]
#[inline(never)]
fn fill_split(record: &BorrowedRow<'_>, header: &ClaimHeader, line: &mut ClaimLine) {
    let cells = |column: ClaimColumn| {
        header
            .position(column)
            .into_iter()
            .chain(header.more(column))
            .filter_map(|index| record.get(index))
            .map(trimmed)
            .filter(|text| !text.is_empty())
    };
    let notes = &mut line.notes;
    let mut read = |column, label, name| -> Vec<&str> {
        cells(column)
            .map(|cell| read_label(cell, label, name, notes))
            .collect()
    };
    if header.is_split(ClaimColumn::Surfaces) {
        let joined = read(ClaimColumn::Surfaces, labels::surface, "surfaces").concat();
        match line.teeth.first_mut() {
            Some(first) => put(&mut first.surfaces, &joined),
            None if !joined.is_empty() => put_tooth(&mut line.teeth, 0, "", &joined),
            None => {}
        }
    }
    if header.is_split(ClaimColumn::Area) {
        let areas = read(ClaimColumn::Area, labels::area, "area");
        put_split_areas(areas.into_iter(), line);
    }
}

/// `cell` as read: the code of the label it holds, read by `label` and
/// noted in `notes` as a cell of the `column` named, or else the cell as
/// written.
fn read_label<'c>(
    cell: &'c str,
    label: fn(&str) -> Option<&'static str>,
    column: &str,
    notes: &mut Vec<String>,
) -> &'c str {
    match label(cell) {
        Some(code) => {
            notes.push(labels::note(column, cell, code));
            code
        }
        None => cell,
    }
}

/// Puts into `line` the areas of a header that splits its area column:
/// each cell that is filled (a line fills one, as a rule), the same area
/// once; the line's strings are reused.
fn put_split_areas<'r>(filled: impl Iterator<Item = &'r str>, line: &mut ClaimLine) {
    let mut areas = 0;
    for area in filled {
        if line
            .areas
            .get(..areas)
            .is_some_and(|before| before.iter().any(|seen| seen == area))
        {
            continue;
        }
        match line.areas.get_mut(areas) {
            Some(slot) => put(slot, area),
            None => line.areas.push(area.into()),
        }
        areas += 1;
    }
    line.areas.truncate(areas);
}

/// The tooth system a row's teeth are written in (its tooth system cell,
/// or else the file's numbering), what named it, and the row's notes, to
/// which reading a tooth adds what it did.
struct WrittenIn<'a> {
    system: &'a str,
    named_by: &'static str,
    numbering: Numbering,
    notes: &'a mut Vec<String>,
}

impl<'a> WrittenIn<'a> {
    fn new(system: &'a str, file: ToothNumbering, notes: &'a mut Vec<String>) -> WrittenIn<'a> {
        let (system, named_by, numbering) = match (system, file) {
            ("", ToothNumbering::Iso) => (file.name(), "the file's tooth numbering", file.into()),
            _ => (system, "tooth system", Numbering::of(system)),
        };
        WrittenIn {
            system,
            named_by,
            numbering,
            notes,
        }
    }

    /// Sets entry `index` of `teeth` to the tooth `written` (in the Universal
    /// numbering, as the judge reads teeth) with `surfaces`.
    fn put(&mut self, teeth: &mut Vec<ToothEntry>, index: usize, written: &str, surfaces: &str) {
        // A label names its tooth in the Universal numbering (or says it
        // is ISO's), whatever the file's numbering.
        if let Some((tooth, note)) = labels::tooth(written) {
            self.notes.push(note);
            put_tooth(teeth, index, &tooth, surfaces);
            return;
        }
        let written = match whole_number_of(written) {
            Some(number) => {
                self.notes
                    .push(std::format!("tooth {written} read as {number}"));
                number
            }
            None => written,
        };
        let judged = judged_text(
            self.numbering,
            self.system,
            self.named_by,
            written,
            self.notes,
        );
        put_tooth(teeth, index, judged.as_deref().unwrap_or(written), surfaces);
    }
}

/// The whole number a decimal with a zero fraction writes (`26.0`, as data
/// tools write a number column with gaps), for a tooth number: `None` for
/// anything else, which is read as written.
fn whole_number_of(written: &str) -> Option<&str> {
    let (whole, fraction) = written.split_once('.')?;
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    (digits(whole) && whole.len() <= 2 && digits(fraction) && fraction.bytes().all(|b| b == b'0'))
        .then_some(whole)
}

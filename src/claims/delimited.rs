//! The source for delimited exports (CSV, TSV, semicolon, pipe): one
//! [`ClaimLine`] per row, columns found by header name.

use std::io::BufRead;
use std::string::{String, ToString};
use std::vec::Vec;

use super::columns::{ClaimColumn, ClaimHeader as Layout};
use super::error::{HeaderError, LineError};
use super::judge::Carried;
use super::line::{ClaimLine, LineDate};
use super::report::ToothEntry;
use super::verdict::DateSource;
use super::x12::source::{iso_to_universal, ISO_PREFIX};
use super::CheckOptions;
use crate::dataset::delimited::{BorrowedRow as Record, QuotePolicy, Reader};
use crate::dataset::Delimiter;

/// Reads the rows of a delimited export as claim lines.
#[derive(Debug)]
pub(crate) struct DelimitedSource<R> {
    reader: Reader<R>,
    layout: Layout,
    pub(crate) delimiter: Delimiter,
}

impl<R: BufRead> DelimitedSource<R> {
    /// Reads the header and finds the columns.
    pub(crate) fn open(
        reader: R,
        detected: Option<Delimiter>,
        options: &CheckOptions,
    ) -> Result<Self, HeaderError> {
        let delimiter = options.delimiter.or(detected).unwrap_or(Delimiter::Comma);
        let mut reader =
            Reader::new(reader, delimiter, QuotePolicy::WithinLine).windows_1252_fallback(true);
        let layout = match reader.next_record() {
            None => return Err(HeaderError::Empty),
            Some(Err(error)) => return Err(HeaderError::Malformed(error)),
            Some(Ok(header)) => Layout::find(header.iter(), &options.columns)?,
        };
        Ok(DelimitedSource {
            reader,
            layout,
            delimiter,
        })
    }

    /// The elements the file has columns for.
    pub(crate) fn carried(&self) -> Carried {
        let has = |column| self.layout.position(column).is_some();
        Carried {
            tooth: has(ClaimColumn::Tooth),
            surfaces: has(ClaimColumn::Surfaces),
            area: has(ClaimColumn::Area),
        }
    }

    /// Whether the file names the claim of each row.
    pub(crate) fn has_claims(&self) -> bool {
        self.layout.position(ClaimColumn::Claim).is_some()
    }

    /// Whether the file names the patient of each row.
    pub(crate) fn has_patients(&self) -> bool {
        self.layout.position(ClaimColumn::Patient).is_some()
    }

    /// The next row as a claim line; `None` at the end.
    #[inline]
    pub(crate) fn next_line(&mut self) -> Option<Result<ClaimLine, LineError>> {
        loop {
            return Some(match self.reader.next_record()? {
                Err(error) => Err(LineError::Row(error)),
                Ok(record) if record.iter().all(|field| field.trim().is_empty()) => continue,
                Ok(record) if record.len() != self.layout.width => Err(LineError::FieldCount {
                    line: record.line(),
                    expected: self.layout.width,
                    found: record.len(),
                }),
                Ok(record) => Ok(line_of(&record, &self.layout)),
            });
        }
    }
}

#[inline]
fn line_of(record: &Record<'_>, layout: &Layout) -> ClaimLine {
    let field = |column: ClaimColumn| {
        layout
            .position(column)
            .and_then(|index| record.get(index))
            .map(str::trim)
    };
    let present = |column| field(column).filter(|text| !text.is_empty());
    let mut notes = Vec::new();
    let surfaces = present(ClaimColumn::Surfaces);
    let iso =
        present(ClaimColumn::ToothSystem).is_some_and(|system| system.eq_ignore_ascii_case("JO"));
    let mut tooth_of = |written: &str| -> String {
        match iso_to_universal(written).filter(|_| iso) {
            Some(universal) => {
                notes.push(std::format!(
                    "ISO 3950 tooth {written} (tooth system JO) read as Universal {universal}"
                ));
                universal
            }
            None if iso => std::format!("{ISO_PREFIX}{written}"),
            None => written.to_string(),
        }
    };
    // One tooth; or, when the tooth column is empty, the teeth of a range
    // or list column (`8,9,13`: one entry each; `6-11`: one entry).
    let mut teeth: Vec<ToothEntry> = Vec::new();
    if let Some(tooth) = present(ClaimColumn::Tooth) {
        teeth.push(ToothEntry::new(&tooth_of(tooth), surfaces.unwrap_or("")));
    } else if let Some(range) = present(ClaimColumn::ToothRange) {
        for tooth in range.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            teeth.push(ToothEntry::new(&tooth_of(tooth), ""));
        }
        if let (Some(surfaces), [first, ..]) = (surfaces, teeth.as_mut_slice()) {
            first.surfaces = surfaces.into();
        }
    } else if let Some(surfaces) = surfaces {
        // A surfaces value without a tooth is kept: some software writes a
        // quadrant, arch or sextant there (the judge decides by the code).
        teeth.push(ToothEntry::new("", surfaces));
    }
    let start = field(ClaimColumn::Date).unwrap_or("");
    let date = match present(ClaimColumn::DateEnd) {
        Some(end) if end != start => LineDate::range(start, end, DateSource::Column),
        _ => LineDate::new(start),
    };
    ClaimLine {
        position: record.line(),
        claim: present(ClaimColumn::Claim).map(String::from),
        patient: present(ClaimColumn::Patient).map(String::from),
        line: present(ClaimColumn::Line).map_or_else(|| record.line().to_string(), String::from),
        code: field(ClaimColumn::Code).unwrap_or("").to_string(),
        date: Some(date),
        qualifier: None,
        teeth,
        areas: present(ClaimColumn::Area)
            .map(String::from)
            .into_iter()
            .collect(),
        notes,
    }
}

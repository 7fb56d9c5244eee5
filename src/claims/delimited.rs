//! The source for delimited exports (CSV, TSV, semicolon, pipe): one
//! [`ClaimLine`] per row, columns found by header name.

use std::io::BufRead;
use std::string::{String, ToString};
use std::vec::Vec;

use super::columns::{ClaimColumn, Layout};
use super::error::{HeaderError, LineError};
use super::judge::Carried;
use super::line::{ClaimLine, LineDate};
use super::report::ToothEntry;
use super::CheckOptions;
use crate::dataset::delimited::{QuotePolicy, Reader, Record};
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

    /// The next row as a claim line; `None` at the end.
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

fn line_of(record: &Record<'_>, layout: &Layout) -> ClaimLine {
    let field = |column: ClaimColumn| {
        layout
            .position(column)
            .and_then(|index| record.get(index))
            .map(str::trim)
    };
    let present = |column| field(column).filter(|text| !text.is_empty());
    let tooth = present(ClaimColumn::Tooth);
    let surfaces = present(ClaimColumn::Surfaces);
    // A surfaces value without a tooth is kept: some software writes a
    // quadrant or arch there (the judge decides by the code).
    let teeth: Vec<ToothEntry> = if tooth.is_some() || surfaces.is_some() {
        Vec::from([ToothEntry::new(tooth.unwrap_or(""), surfaces.unwrap_or(""))])
    } else {
        Vec::new()
    };
    ClaimLine {
        position: record.line(),
        claim: present(ClaimColumn::Claim).map(String::from),
        line: present(ClaimColumn::Line).map_or_else(|| record.line().to_string(), String::from),
        code: field(ClaimColumn::Code).unwrap_or("").to_string(),
        date: Some(LineDate::new(field(ClaimColumn::Date).unwrap_or(""))),
        qualifier: None,
        teeth,
        areas: present(ClaimColumn::Area)
            .map(String::from)
            .into_iter()
            .collect(),
        notes: Vec::new(),
    }
}

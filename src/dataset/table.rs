//! Splits a data file into a header and rows of fields, through the one
//! delimited reader ([`super::delimited`]) with quoted fields allowed to
//! run over line breaks. This module adds what a data file needs on top:
//! the whole file is checked as UTF-8 first (so a bad byte is located
//! exactly), a lone `\r` ends a line (old Mac exports), the delimiter is
//! chosen from the file name or detected, and every row must have as many
//! fields as the header.

use std::string::{String, ToString};
use std::vec::Vec;

use super::delimited::{match_header, Delimiter, HeaderMatch, QuotePolicy, Reader, RowError};
use super::error::{Blame, DataError, DataErrorKind};

/// The delimiter of a data file: `.tsv`/`.tab` files are tab-separated
/// and `.csv` files comma-separated; otherwise it is detected from the
/// header line (comma when nothing tells).
pub(crate) fn delimiter_of(file_name: &str, text: &str) -> Delimiter {
    let extension = std::path::Path::new(file_name)
        .extension()
        .and_then(|extension| extension.to_str())
        .unwrap_or("");
    if extension.eq_ignore_ascii_case("tsv") || extension.eq_ignore_ascii_case("tab") {
        return Delimiter::Tab;
    }
    if extension.eq_ignore_ascii_case("csv") {
        return Delimiter::Comma;
    }
    // `detect` reads up to the first `\n`; a data file's line also ends at
    // a lone `\r`, so the first line is cut there first.
    let first_line = text.split(['\r', '\n']).next().unwrap_or("");
    Delimiter::detect(first_line.as_bytes()).unwrap_or(Delimiter::Comma)
}

/// One row of fields with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) line: usize,
    pub(crate) fields: Vec<String>,
}

/// The header row and the data rows of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    pub(crate) header: Row,
    pub(crate) rows: Vec<Row>,
}

/// Checks that `bytes` are UTF-8 and removes a leading byte-order mark.
///
/// The error names the line and column of the first invalid byte.
pub(crate) fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, DataError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    core::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        // Lines end as the splitter ends them: at `\n`, `\r\n` or a lone `\r`.
        let breaks = valid
            .iter()
            .enumerate()
            .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && valid.get(i + 1) != Some(&b'\n')));
        let (line, line_start) = breaks.fold((1, 0), |(line, _), (i, _)| (line + 1, i + 1));
        let column = valid[line_start..]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count()
            + 1;
        let bad = &bytes[error.valid_up_to()..];
        let shown: Vec<String> = bad
            .iter()
            .take(error.error_len().unwrap_or(bad.len()).max(1))
            .map(|b| std::format!("0x{b:02X}"))
            .collect();
        DataError {
            file: file.into(),
            line,
            column: Some(column),
            column_name: None,
            value: shown.join(" "),
            kind: DataErrorKind::NotUtf8,
        }
    })
}

/// Splits `text` into a header and rows. Every row must have as many fields
/// as the header; each row that does not is reported, and all problems are
/// returned together.
pub(crate) fn split(file: &str, text: &str, delimiter: Delimiter) -> Result<Table, Vec<DataError>> {
    let blame = Blame { file };
    // The reader ends lines at `\n` and `\r\n`; in a data file a lone `\r`
    // ends one too, so it becomes `\n` (every line number stays the same).
    let text: std::borrow::Cow<'_, str> = if has_lone_cr(text) {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    };
    let mut reader = Reader::new(text.as_bytes(), delimiter, QuotePolicy::AcrossLines)
        .with_limit(text.len() + 1);
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    while let Some(record) = reader.next_record() {
        match record {
            Ok(record) => rows.push(Row {
                line: usize::try_from(record.line()).unwrap_or(usize::MAX),
                fields: record.iter().map(String::from).collect(),
            }),
            Err(RowError::UnterminatedQuote { line, field }) => {
                let line = usize::try_from(line).unwrap_or(usize::MAX);
                let value = std::format!("field {field}");
                errors.push(blame.line(line, &value, DataErrorKind::UnterminatedQuote));
                break;
            }
            // The text is decoded and in memory, within the limit: nothing
            // else can go wrong, but if it did it is reported, not assumed.
            Err(other) => {
                let line = usize::try_from(other.line()).unwrap_or(usize::MAX);
                errors.push(blame.line(line, &other.to_string(), DataErrorKind::Unreadable));
                break;
            }
        }
    }
    let mut rows = rows.into_iter();
    let Some(header) = rows.next() else {
        errors.push(blame.line(0, "", DataErrorKind::Empty));
        return Err(errors);
    };
    let expected = header.fields.len();
    let separator = char::from(delimiter.as_byte()).to_string();
    let rows: Vec<Row> = rows
        .filter(|row| {
            if row.fields.len() == expected {
                return true;
            }
            errors.push(blame.line(
                row.line,
                &row.fields.join(&separator),
                DataErrorKind::FieldCount {
                    expected,
                    found: row.fields.len(),
                },
            ));
            false
        })
        .collect();
    if errors.is_empty() {
        Ok(Table { header, rows })
    } else {
        Err(errors)
    }
}

impl Table {
    /// The position of the first header cell naming `name` (given in
    /// normalised form), matched as every header is ([`match_header`]):
    /// for a fixed-layout file's optional columns.
    pub(crate) fn position_of(&self, name: &str) -> Option<usize> {
        let cells = self.header.fields.iter().map(String::as_str);
        match_header([name], cells, |name, cell| name == cell).positions[0]
    }

    /// The position of each of `names` in the header, matched as every
    /// header is ([`match_header`]: `Tooth Kind` and `toothKind` name
    /// `tooth_kind`), or an error for each name the header lacks or repeats:
    /// for the fixed-layout files (headings, reporting, successors). The
    /// names are given in normalised form.
    pub(crate) fn positions<const N: usize>(
        &self,
        blame: Blame<'_>,
        names: [&'static str; N],
    ) -> Result<[usize; N], Vec<DataError>> {
        let found = self.header.match_columns(
            blame,
            names,
            |name, cell| name == cell,
            |name| name,
            |_| true,
        )?;
        Ok(found.positions.map(Option::unwrap_or_default))
    }
}

impl Row {
    /// Matches this header row to `columns` ([`match_header`]; `aliases`
    /// tells whether a normalised cell names a column) and reports, as a
    /// data file's problems, each column named twice and each `required`
    /// column missing (by `name`).
    pub(crate) fn match_columns<C: Copy, const N: usize>(
        &self,
        blame: Blame<'_>,
        columns: [C; N],
        aliases: impl Fn(C, &str) -> bool,
        name: impl Fn(C) -> &'static str,
        required: impl Fn(C) -> bool,
    ) -> Result<HeaderMatch<C, N>, Vec<DataError>> {
        let cells = self.fields.iter().map(String::as_str);
        let found = match_header(columns, cells, aliases);
        let mut errors: Vec<DataError> = found
            .repeats
            .iter()
            .map(|repeat| {
                let column = name(repeat.column);
                let cell = self.fields.get(repeat.again).map_or("", String::as_str);
                let kind = DataErrorKind::DuplicateColumn { column };
                blame.field(self.line, repeat.again, column, cell, kind)
            })
            .collect();
        for (column, position) in columns.into_iter().zip(found.positions) {
            if position.is_none() && required(column) {
                let kind = DataErrorKind::MissingColumn {
                    column: name(column),
                };
                errors.push(blame.line(self.line, &self.fields.join(" | "), kind));
            }
        }
        if errors.is_empty() {
            Ok(found)
        } else {
            Err(errors)
        }
    }
}

/// Whether `text` has a `\r` that is not followed by `\n`.
fn has_lone_cr(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(index, &byte)| byte == b'\r' && bytes.get(index + 1) != Some(&b'\n'))
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use std::vec;

    fn fields(table: &Table) -> Vec<Vec<&str>> {
        table
            .rows
            .iter()
            .map(|row| row.fields.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn splits_tsv_with_crlf_and_blank_lines() {
        let table = split(
            "t.tsv",
            "code\tname\r\nD0120\ta\r\n\r\nD0140\tb",
            Delimiter::Tab,
        )
        .unwrap();
        assert_eq!(table.header.fields, vec!["code", "name"]);
        assert_eq!(fields(&table), vec![vec!["D0120", "a"], vec!["D0140", "b"]]);
        assert_eq!(table.rows[1].line, 4);
    }

    #[test]
    fn splits_quoted_csv_fields() {
        let text = "code,descriptor\nD0120,\"one, \"\"two\"\"\nthree\"\nD0140,x\n";
        let table = split("t.csv", text, Delimiter::Comma).unwrap();
        assert_eq!(
            fields(&table),
            vec![vec!["D0120", "one, \"two\"\nthree"], vec!["D0140", "x"]]
        );
        assert_eq!(table.rows[1].line, 4);
    }

    #[test]
    fn reports_unterminated_quote_and_field_count() {
        let errors = split("t.csv", "a,b\n1,\"open\n", Delimiter::Comma).unwrap_err();
        assert_eq!(errors[0].kind, DataErrorKind::UnterminatedQuote);
        assert_eq!(errors[0].line, 2);
        let errors = split("t.csv", "a,b\n1,2,3\n", Delimiter::Comma).unwrap_err();
        assert_eq!(
            errors[0].kind,
            DataErrorKind::FieldCount {
                expected: 2,
                found: 3
            }
        );
    }

    #[test]
    fn decode_strips_bom_and_locates_bad_bytes() {
        assert_eq!(decode("f", b"\xEF\xBB\xBFcode").unwrap(), "code");
        let error = decode("f", b"code\nD0120\tcaf\xE9\n").unwrap_err();
        assert_eq!((error.line, error.column), (2, Some(10)));
        assert_eq!(error.value, "0xE9");
    }

    #[test]
    fn fixed_layout_headers_match_as_every_header_does() {
        let table = split("r.tsv", "Code\tTooth Kind\treportsAlso\n", Delimiter::Tab).unwrap();
        let blame = Blame { file: "r.tsv" };
        assert_eq!(
            table.positions(blame, ["tooth_kind", "code"]).unwrap(),
            [1, 0]
        );
        assert_eq!(table.position_of("reports_also"), Some(2));
        assert_eq!(table.position_of("also"), None);
        let errors = table.positions(blame, ["code", "also"]).unwrap_err();
        assert_eq!(
            errors[0].kind,
            DataErrorKind::MissingColumn { column: "also" }
        );
        let table = split("r.tsv", "code\tCODE\n", Delimiter::Tab).unwrap();
        let errors = table.positions(blame, ["code"]).unwrap_err();
        assert_eq!((errors.len(), errors[0].column), (1, Some(2)));
        assert_eq!(
            errors[0].kind,
            DataErrorKind::DuplicateColumn { column: "code" }
        );
    }

    #[test]
    fn empty_text_has_no_header() {
        let errors = split("f", "\n\n", Delimiter::Tab).unwrap_err();
        assert_eq!(errors[0].kind, DataErrorKind::Empty);
    }
}

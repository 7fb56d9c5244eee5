//! Splits delimited text (TSV or CSV) into a header and rows of fields.
//!
//! Both delimiters follow the same rules: a field that starts with `"` is
//! quoted, may contain the delimiter, line breaks and doubled quotes (`""`);
//! any other field runs to the next delimiter or line end. Windows line
//! endings and a leading byte-order mark are accepted; blank lines are
//! skipped.

use std::string::String;
use std::vec::Vec;

use super::error::{Blame, DataError, DataErrorKind};

/// The character that separates fields.
///
/// ```
/// use cdt_codes::dataset::Delimiter;
///
/// assert_ne!(Delimiter::Tab, Delimiter::Comma);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// Tab-separated values.
    Tab,
    /// Comma-separated values.
    Comma,
}

impl Delimiter {
    /// The delimiter for a file: by extension (`.tsv`, `.tab`, `.csv`), else a
    /// tab in the first line means TSV and anything else CSV.
    ///
    /// ```
    /// use cdt_codes::dataset::Delimiter;
    ///
    /// assert_eq!(Delimiter::guess("codes.csv", "code\tnomenclature"), Delimiter::Comma);
    /// assert_eq!(Delimiter::guess("codes.txt", "code\tnomenclature"), Delimiter::Tab);
    /// assert_eq!(Delimiter::guess("codes.txt", "code,nomenclature"), Delimiter::Comma);
    /// ```
    #[must_use]
    pub fn guess(file_name: &str, text: &str) -> Delimiter {
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
        let first_line = text.split(['\r', '\n']).next().unwrap_or("");
        if first_line.contains('\t') {
            Delimiter::Tab
        } else {
            Delimiter::Comma
        }
    }

    fn byte(self) -> u8 {
        match self {
            Delimiter::Tab => b'\t',
            Delimiter::Comma => b',',
        }
    }
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
    let mut reader = Reader {
        bytes: text.as_bytes(),
        text,
        position: 0,
        line: 1,
        delimiter: delimiter.byte(),
    };
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    loop {
        match reader.next_row() {
            Ok(Some(row)) => rows.push(row),
            Ok(None) => break,
            Err((line, value)) => {
                errors.push(blame.line(line, &value, DataErrorKind::UnterminatedQuote));
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
    let rows: Vec<Row> = rows
        .filter(|row| {
            if row.fields.len() == expected {
                return true;
            }
            let joined = row.fields.join(if delimiter == Delimiter::Tab {
                "\t"
            } else {
                ","
            });
            errors.push(blame.line(
                row.line,
                &joined,
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

struct Reader<'a> {
    bytes: &'a [u8],
    text: &'a str,
    position: usize,
    line: usize,
    delimiter: u8,
}

impl Reader<'_> {
    /// The next non-blank row, or `Ok(None)` at the end. An unterminated
    /// quote gives the line it opened on and the start of the field.
    fn next_row(&mut self) -> Result<Option<Row>, (usize, String)> {
        loop {
            if self.position >= self.bytes.len() {
                return Ok(None);
            }
            let line = self.line;
            let mut fields = Vec::new();
            loop {
                let (field, at_line_end) = self.next_field()?;
                fields.push(field);
                if at_line_end {
                    break;
                }
            }
            let blank = fields.len() == 1 && fields[0].trim().is_empty();
            if !blank {
                return Ok(Some(Row { line, fields }));
            }
        }
    }

    /// Reads one field; the flag says whether it ended its row.
    fn next_field(&mut self) -> Result<(String, bool), (usize, String)> {
        if self.bytes.get(self.position) == Some(&b'"') {
            self.quoted_field()
        } else {
            Ok(self.plain_field())
        }
    }

    fn plain_field(&mut self) -> (String, bool) {
        let start = self.position;
        while let Some(&byte) = self.bytes.get(self.position) {
            if byte == self.delimiter {
                let field = self.text[start..self.position].into();
                self.position += 1;
                return (field, false);
            }
            if byte == b'\n' || byte == b'\r' {
                let field = self.text[start..self.position].into();
                self.end_line();
                return (field, true);
            }
            self.position += 1;
        }
        (self.text[start..].into(), true)
    }

    fn quoted_field(&mut self) -> Result<(String, bool), (usize, String)> {
        let opened_on = self.line;
        let opened_at = self.position;
        self.position += 1;
        let mut field = String::new();
        let mut chunk_start = self.position;
        loop {
            match self.bytes.get(self.position) {
                None => {
                    let shown: String = self.text[opened_at..].chars().take(40).collect();
                    return Err((opened_on, shown));
                }
                Some(b'"') if self.bytes.get(self.position + 1) == Some(&b'"') => {
                    field.push_str(&self.text[chunk_start..=self.position]);
                    self.position += 2;
                    chunk_start = self.position;
                }
                Some(b'"') => {
                    field.push_str(&self.text[chunk_start..self.position]);
                    self.position += 1;
                    // Text between the closing quote and the delimiter is
                    // kept, as spreadsheet programs do.
                    let (rest, at_line_end) = self.plain_field();
                    field.push_str(&rest);
                    return Ok((field, at_line_end));
                }
                Some(b'\n') => {
                    self.line += 1;
                    self.position += 1;
                }
                Some(b'\r') => {
                    // A lone `\r` ends a line too; `\r\n` is counted at the `\n`.
                    if self.bytes.get(self.position + 1) != Some(&b'\n') {
                        self.line += 1;
                    }
                    self.position += 1;
                }
                Some(_) => self.position += 1,
            }
        }
    }

    /// Consumes `\n`, `\r\n` or a lone `\r` and counts the line.
    fn end_line(&mut self) {
        if self.bytes.get(self.position) == Some(&b'\r') {
            self.position += 1;
        }
        if self.bytes.get(self.position) == Some(&b'\n') {
            self.position += 1;
        }
        self.line += 1;
    }
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
    fn empty_text_has_no_header() {
        let errors = split("f", "\n\n", Delimiter::Tab).unwrap_err();
        assert_eq!(errors[0].kind, DataErrorKind::Empty);
    }
}

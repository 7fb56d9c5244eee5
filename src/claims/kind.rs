//! Files of a kind the checker does not read, told from their first bytes:
//! a workbook, a PDF, JSON or XML given where a delimited export was meant.
//! Without this they were read as a header row lacking a code column, a
//! message that hides what went wrong.

use core::fmt;

/// A kind of file the claims checker does not read (see
/// [`HeaderError::Unreadable`](super::HeaderError::Unreadable)).
///
/// ```
/// use cdt_codes::claims::{ClaimChecker, FileKind, HeaderError};
///
/// let error = ClaimChecker::new(&b"%PDF-1.7\n"[..]).err().unwrap();
/// assert!(matches!(error, HeaderError::Unreadable(FileKind::Pdf)));
/// assert_eq!(FileKind::Pdf.to_string(), "a PDF");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FileKind {
    /// A ZIP archive (`PK\x03\x04`): an Excel `.xlsx` workbook is one, as
    /// are `.ods` spreadsheets.
    Zip,
    /// A compound file (`D0 CF 11 E0 A1 B1 1A E1`): an Excel 97-2003 `.xls`
    /// workbook, or another Office 97-2003 document.
    Compound,
    /// A PDF (`%PDF-`).
    Pdf,
    /// JSON: an object or array (`{"`, `[{`, or a lone `{` or `[` on the
    /// first line).
    Json,
    /// XML (`<?xml`, `<!`, or a root element with its `xmlns`).
    Xml,
}

impl FileKind {
    /// The kind of a file whose first line (blank lines and a UTF-8
    /// byte-order mark before it included) is `start`, when it is one of
    /// these; `None` for anything else, a delimited header among them.
    pub(crate) fn of(start: &[u8]) -> Option<FileKind> {
        // A byte-order mark is no content: UTF-16 input comes here with
        // UTF-8's, and the same content must be told the same in every
        // encoding (the `decode` fuzz target found `%PDF-` told apart).
        let text = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
        // The binary kinds by their magic numbers, at the start.
        if text.starts_with(b"PK\x03\x04") {
            return Some(FileKind::Zip);
        }
        if text.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
            return Some(FileKind::Compound);
        }
        if text.starts_with(b"%PDF-") {
            return Some(FileKind::Pdf);
        }
        let text = text.trim_ascii();
        let after = |open: usize| text.get(open..).unwrap_or(&[]).trim_ascii_start();
        match text.first()? {
            // `{"code": ...}`, or `{` alone (an object written over lines);
            // not `{code},date`.
            b'{' => matches!(after(1).first(), None | Some(b'"' | b'}')).then_some(FileKind::Json),
            // `[{...}]`, `["D0120"]`, `[]`, or `[` alone.
            b'[' => matches!(after(1).first(), None | Some(b'{' | b'[' | b'"' | b']'))
                .then_some(FileKind::Json),
            // `<?xml ...?>`, `<!DOCTYPE ...>`, `<!-- -->`, or a root element
            // with its namespace (`<Bundle xmlns="http://hl7.org/fhir">`),
            // the line ending with the tag. Not any text in angle brackets:
            // a report's title line may be `<All Providers>`.
            b'<' => {
                let declared = matches!(after(1).first(), Some(b'?' | b'!'));
                let namespaced = after(1).first().is_some_and(u8::is_ascii_alphabetic)
                    && text.windows(6).any(|window| window == b" xmlns");
                ((declared || namespaced) && text.ends_with(b">")).then_some(FileKind::Xml)
            }
            _ => None,
        }
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::Zip => "a ZIP archive (an Excel .xlsx workbook is one)",
            FileKind::Compound => "an Excel 97-2003 workbook (or another Office 97-2003 file)",
            FileKind::Pdf => "a PDF",
            FileKind::Json => "JSON",
            FileKind::Xml => "XML",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::FileKind;

    #[test]
    fn headers_are_no_kind_of_their_own() {
        for header in [
            &b"code,date\n"[..],
            b"{code},date\n",
            b"[code];date\n",
            b"<code>|date\n",
            b"<All Providers>\n",
            b"<Claim/>\n",
            b"< 5 teeth,code\n",
            b"PK,code\n",
            b"\n\n  \n",
            b"",
        ] {
            assert_eq!(FileKind::of(header), None, "{:?}", header.escape_ascii());
        }
        assert_eq!(FileKind::of(b"\n  [\n"), Some(FileKind::Json));
        assert_eq!(FileKind::of(b"{\r\n"), Some(FileKind::Json));
        assert_eq!(FileKind::of(b"<Claims xmlns=\"x\">\n"), Some(FileKind::Xml));
    }

    #[test]
    fn a_byte_order_mark_does_not_hide_a_kind() {
        // UTF-16 input comes with UTF-8's mark: the same content is told
        // the same (the `decode` fuzz target, seed `pdf_magic_after_a_bom`).
        for start in [&b"%PDF-1.7\n"[..], b"\xEF\xBB\xBF%PDF-1.7\n"] {
            assert_eq!(FileKind::of(start), Some(FileKind::Pdf));
        }
        assert_eq!(FileKind::of(b"\xEF\xBB\xBFPK\x03\x04"), Some(FileKind::Zip));
    }
}

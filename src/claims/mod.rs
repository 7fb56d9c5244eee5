//! Checking claim lines as they really arrive: is each procedure code
//! valid on its date of service?
//!
//! [`ClaimChecker`] reads a claims file and yields one owned
//! [`LineReport`] per claim line, or a [`LineError`] for a row or segment
//! it cannot read (which it skips), keeping a running [`Summary`]. It reads
//! two kinds of input, told apart by content:
//!
//! - **Delimited exports** from spreadsheets and practice-management
//!   systems: comma, tab, semicolon or pipe separated (detected from the
//!   header row, or forced with [`CheckOptions::delimiter`]), quoted fields,
//!   a byte-order mark and Windows line endings. Columns are found by
//!   header name ([`ClaimColumn::names`], or names you choose with
//!   [`ColumnNames`]); the code and date columns are required, the claim
//!   id, line id, tooth, surfaces and area columns optional. A quoted field
//!   must close on its own line, so a stray quote costs one row. Dates may
//!   be ISO (`2026-01-15`), US (`01/15/2026`, `1/15/2026`) or X12
//!   (`20260115`).
//! - **ASC X12 837D** (005010X224A2) interchanges, with the delimiters the
//!   `ISA` declares: one line per `LX` loop, with the claim id (`CLM01`),
//!   the line number (`LX01`), the procedure (`SV301`, qualifier `AD`), the
//!   date of service (the line's `DTP*472`, else the claim's), the teeth
//!   (`TOO`) and the areas of the oral cavity (`SV304`). See [`x12`].
//!
//! Each line is judged against a [`CodeSet`] (the compiled one unless you
//! pass another): a malformed code first, then a code the data lacks (when
//! the date is unreadable), then a bad date, then the code's
//! [`Validity`](crate::Validity) on the date, which says *outside the data*
//! for a date the data's editions do not reach.
//!
//! ```
//! use cdt_codes::claims::ClaimChecker;
//!
//! let csv = "\
//! claim_id;line;CDT Code;DOS
//! C100;1;D0120;01/15/2026
//! C100;2;D1352;02/01/2026
//! ";
//! let mut checker = ClaimChecker::new(csv.as_bytes())?;
//! let rejected: Vec<String> = checker
//!     .by_ref()
//!     .filter_map(Result::ok)
//!     .filter(|report| !report.is_valid())
//!     .map(|report| report.to_string())
//!     .collect();
//! assert_eq!(rejected, ["C100 line 2 (02/01/2026): D1352 was deleted in CDT 2026; report D2391 instead"]);
//! assert_eq!(checker.summary().valid, 1);
//! # Ok::<(), cdt_codes::claims::HeaderError>(())
//! ```

mod aliases;
mod claim;
mod columns;
mod decode;
mod delimited;
mod edits;
mod error;
mod folds;
mod judge;
mod kind;
mod labels;
mod line;
mod numbering;
mod report;
mod verdict;
pub mod write;
pub mod x12;

use std::boxed::Box;
use std::io::{self, BufRead, Read};
use std::string::String;
use std::vec::Vec;

pub use claim::{check_claim, CLAIM_LINE_LIMIT};
pub use columns::{ClaimColumn, ColumnNames};
pub use edits::{
    conflicts, conflicts_matching, rules, rules_for, Conflict, EditLine, Rule, RuleKind, Scope,
};
pub use error::{HeaderError, LineError};
pub use kind::FileKind;
pub use line::{ClaimLine, LineDate};
pub use numbering::{ToothNumbering, UnknownToothNumbering};
pub use report::{ClaimConflict, LineReport, Outcome, SkippedChecks, Summary, ToothEntry};
pub use verdict::{DateSource, Verdict};

use crate::dataset::Delimiter;
use crate::set::CodeSet;
use crate::ServiceDate;
use claim::Claims;
use decode::Decoded;
use delimited::DelimitedSource;
use judge::{Carried, Judge};
use x12::{EnvelopeWarning, ServiceLine, X12Error, X12Reader};

/// How to read and judge a claims file.
///
/// ```
/// use cdt_codes::claims::{CheckOptions, ClaimColumn};
/// use cdt_codes::dataset::Delimiter;
///
/// let options = CheckOptions::default()
///     .delimiter(Delimiter::Pipe)
///     .column(ClaimColumn::Code, "Proc")
///     .assume_latest(true);
/// assert_eq!(options.forced_delimiter(), Some(Delimiter::Pipe));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckOptions {
    delimiter: Option<Delimiter>,
    columns: ColumnNames,
    assume_latest: bool,
    no_edits: bool,
    tooth_numbering: ToothNumbering,
    date_of_service: Option<ServiceDate>,
}

impl CheckOptions {
    /// Reads a delimited file with this delimiter instead of detecting it.
    #[must_use]
    pub fn delimiter(mut self, delimiter: Delimiter) -> CheckOptions {
        self.delimiter = Some(delimiter);
        self
    }

    /// Reads `column` from the header cell `name` instead of its usual
    /// names.
    #[must_use]
    pub fn column(mut self, column: ClaimColumn, name: &str) -> CheckOptions {
        self.columns = self.columns.with(column, name);
        self
    }

    /// Judges dates after the data's newest edition as if that edition
    /// still applied: for callers who knowingly accept that the code set
    /// may have changed since. Off by default, when such lines are
    /// *outside the data*. Reports so judged say so.
    #[must_use]
    pub fn assume_latest(mut self, assume: bool) -> CheckOptions {
        self.assume_latest = assume;
        self
    }

    /// Runs the claim-level edits (`data/edits.tsv`: two evaluations on one
    /// date, a pulpotomy and a root canal on one tooth, ...) over the lines
    /// of each claim: on by default, for inputs that name their claims (an
    /// 837D, or an export with a claim id column).
    ///
    /// ```
    /// use cdt_codes::claims::{CheckOptions, ClaimChecker};
    ///
    /// let csv = "claim,code,dos\nC1,D0120,2026-01-15\nC1,D0150,2026-01-15\n";
    /// let off = CheckOptions::default().claim_edits(false);
    /// let checker = ClaimChecker::with_options(csv.as_bytes(), cdt_codes::CodeSet::compiled(), &off)?;
    /// assert!(checker.filter_map(Result::ok).all(|report| report.conflicts.is_empty()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn claim_edits(mut self, on: bool) -> CheckOptions {
        self.no_edits = !on;
        self
    }

    /// Reads the teeth of a delimited file's rows in `numbering` when no
    /// tooth system cell names one (the file has no such column, or the
    /// cell is empty): for exports written in the office's numbering.
    /// Universal by default; an X12 file names its own (`TOO01`).
    ///
    /// ```
    /// use cdt_codes::claims::{CheckOptions, ClaimChecker, ToothNumbering};
    ///
    /// let csv = "code,dos,tooth\nD3310,2026-01-15,21\n"; // ISO 21: upper left central incisor
    /// let options = CheckOptions::default().tooth_numbering(ToothNumbering::Iso);
    /// let report = ClaimChecker::with_options(csv.as_bytes(), cdt_codes::CodeSet::compiled(), &options)?
    ///     .next()
    ///     .unwrap()?;
    /// assert_eq!(report.teeth[0].tooth, "9");
    /// assert!(report.is_valid());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn tooth_numbering(mut self, numbering: ToothNumbering) -> CheckOptions {
        self.tooth_numbering = numbering;
        self
    }

    /// Judges every line of a delimited file that has no date column on
    /// `date`: a treatment plan, a fee schedule or a scrubber's sample,
    /// which such a file is refused without. Its reports carry the date
    /// and [`DateSource::Given`]. A file with a date column keeps its own
    /// dates (an empty cell stays no date), and an 837D carries its own.
    ///
    /// ```
    /// use cdt_codes::claims::{CheckOptions, ClaimChecker, DateSource};
    ///
    /// let plan = "code,tooth\nD2740,30\n";
    /// assert!(ClaimChecker::new(plan.as_bytes()).is_err());
    /// let options = CheckOptions::default().date_of_service("2026-02-01".parse()?);
    /// let report = ClaimChecker::with_options(plan.as_bytes(), cdt_codes::CodeSet::compiled(), &options)?
    ///     .next()
    ///     .unwrap()?;
    /// assert!(report.is_valid());
    /// assert_eq!((report.date.as_str(), report.date_source), ("2026-02-01", DateSource::Given));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn date_of_service(mut self, date: ServiceDate) -> CheckOptions {
        self.date_of_service = Some(date);
        self
    }

    /// The delimiter forced with [`CheckOptions::delimiter`], if any.
    #[must_use]
    pub fn forced_delimiter(&self) -> Option<Delimiter> {
        self.delimiter
    }
}

/// The kind of input a checker reads.
///
/// ```
/// use cdt_codes::claims::{ClaimChecker, Format};
/// use cdt_codes::dataset::Delimiter;
///
/// let checker = ClaimChecker::new("code\tdos\n".as_bytes())?;
/// assert_eq!(checker.format(), Format::Delimited(Delimiter::Tab));
/// # Ok::<(), cdt_codes::claims::HeaderError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// A delimited export with this delimiter.
    Delimited(Delimiter),
    /// An ASC X12 837D interchange.
    X12,
}

/// Reads claim lines and judges each against a code set. An iterator of
/// `Result<LineReport, LineError>`; [`ClaimChecker::summary`] has the
/// counts so far.
///
/// The checker is a pipeline: a *source* per format turns the input into
/// [`ClaimLine`]s (delimited exports, X12 837D), the *judge* runs the
/// checks on each line in order, and the [`write`](mod@write) module's writers show
/// the reports alike in text, CSV and JSON.
///
/// ```
/// use cdt_codes::claims::ClaimChecker;
///
/// let x12 = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/claims.837"))?;
/// let checker = ClaimChecker::new(x12.as_slice())?;
/// let reports: Vec<_> = checker.filter_map(Result::ok).collect();
/// assert!(reports.iter().any(|r| r.code == "D1352" && !r.is_valid()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct ClaimChecker<'s, R> {
    judge: Judge<'s>,
    input: Input<Prefixed<Decoded<R>>>,
    summary: Summary,
    /// Whether claim-level edits run (the input names claims and the
    /// caller did not turn them off).
    edits: bool,
    line: ClaimLine,
    claims: Claims<'s>,
    finished: bool,
}

// One per checker, so the size of the larger variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
enum Input<R> {
    Delimited(DelimitedSource<R>),
    /// What was read ahead to tell an 837D from other transaction sets
    /// is put back into the reader.
    X12(X12Reader<R>),
}

impl<R: BufRead> ClaimChecker<'static, R> {
    /// A checker over the compiled code set, with the format detected from
    /// the content and the usual column names.
    ///
    /// The first non-blank line decides: an `ISA` (or an 837 transaction
    /// set quoted without one) is X12, a header is a delimited export. A
    /// first line that is neither may be a report's title above a header
    /// or text above an interchange: up to 64 more lines are read to find
    /// which, and read again as rows when no `ISA` is among them. After a
    /// header, nothing more is read before the first row is asked for.
    ///
    /// # Errors
    ///
    /// [`HeaderError`] when the file is empty, its header lacks the code
    /// or date column (or names one twice), its X12 envelope cannot be
    /// read, it holds another X12 transaction than an 837 dental claim, or
    /// it is of a kind the checker does not read ([`FileKind`]).
    ///
    /// ```
    /// use cdt_codes::claims::{ClaimChecker, Format};
    /// use cdt_codes::dataset::Delimiter;
    ///
    /// let checker = ClaimChecker::new("CDT,Service Date\n".as_bytes()).unwrap();
    /// assert_eq!(checker.format(), Format::Delimited(Delimiter::Comma));
    /// let empty = ClaimChecker::new("".as_bytes()).unwrap_err();
    /// assert_eq!(empty.to_string(), "the claims file is empty: expected a header row, or an X12 interchange");
    /// ```
    pub fn new(reader: R) -> Result<Self, HeaderError> {
        ClaimChecker::with_options(reader, CodeSet::compiled(), &CheckOptions::default())
    }
}

impl<'s, R: BufRead> ClaimChecker<'s, R> {
    /// A checker that judges lines against `set` (a loaded licensed file,
    /// say) rather than the compiled data.
    ///
    /// # Errors
    ///
    /// As [`ClaimChecker::new`].
    ///
    /// ```
    /// use cdt_codes::claims::ClaimChecker;
    ///
    /// let file = "code,nomenclature\nD0120,test text\n";
    /// let set = cdt_codes::CodeSet::load("2027.csv", file.as_bytes(), cdt_codes::Edition::new(2027).unwrap())?;
    /// let claims = "code,dos\nD0120,2027-02-01\n";
    /// let mut checker = ClaimChecker::with_set(claims.as_bytes(), &set)?;
    /// assert!(checker.next().unwrap()?.is_valid());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_set(reader: R, set: &'s CodeSet) -> Result<Self, HeaderError> {
        ClaimChecker::with_options(reader, set, &CheckOptions::default())
    }

    /// A checker with explicit options.
    ///
    /// # Errors
    ///
    /// As [`ClaimChecker::new`]; also [`HeaderError::MissingColumn`] when a
    /// column named with [`CheckOptions::column`] is not in the header.
    ///
    /// ```
    /// use cdt_codes::claims::{CheckOptions, ClaimChecker, ClaimColumn};
    ///
    /// let csv = "Proc|Svc\nD0120|20260115\n";
    /// let options = CheckOptions::default()
    ///     .column(ClaimColumn::Code, "Proc")
    ///     .column(ClaimColumn::Date, "Svc");
    /// let mut checker = ClaimChecker::with_options(csv.as_bytes(), cdt_codes::CodeSet::compiled(), &options)?;
    /// assert!(checker.next().unwrap()?.is_valid());
    ///
    /// // A column asked for by name must be there.
    /// let options = options.column(ClaimColumn::Tooth, "Tooth Nmber");
    /// assert!(ClaimChecker::with_options(csv.as_bytes(), cdt_codes::CodeSet::compiled(), &options).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_options(
        reader: R,
        set: &'s CodeSet,
        options: &CheckOptions,
    ) -> Result<Self, HeaderError> {
        // UTF-16 is decoded first; then the format and delimiter are told
        // from the first non-blank line, read whole however the reader
        // hands out its bytes, then handed back in front of the rest.
        let mut reader = Decoded::detect(reader)?;
        let mut start = first_line(&mut reader)?;
        // A byte-order mark is only the first code point of the input (UTF-16's
        // comes out of `Decoded` as UTF-8's): `looks_like_x12` skips it, then
        // whitespace, as `X12Reader` does; a U+FEFF after blank lines is
        // content, in every encoding. Line breaks do not change its answer.
        let mut with_isa = x12::looks_like_x12(&start);
        // A first line that ends with a lone `\r` (a sheet saved with the
        // classic Mac line ending): every `\r` is read as `\n`, and the
        // first line alone stays in `start`, as for any other file.
        if decode::first_break_is_lone_cr(&start) && !with_isa {
            decode::cr_to_lf(&mut start);
            // The first line with content, a byte-order mark before it
            // being none (the `decode` fuzz target, seed `lone_cr_after_a_bom`).
            let mark = if start.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            let content = start
                .iter()
                .skip(mark)
                .position(|b| !b.is_ascii_whitespace())
                .map_or(start.len(), |at| mark + at);
            let end = start
                .get(content..)
                .and_then(|line| line.iter().position(|&b| b == b'\n'))
                .map_or(start.len(), |at| content + at + 1);
            let rest = start.split_off(end);
            reader = reader.with_cr_lines(rest);
        }
        // An interchange may lie below a few lines of text, which are then
        // dropped; any other lines read ahead are read again.
        let (ahead, text_above) = if with_isa {
            (Vec::new(), None)
        } else {
            interchange_below(&mut reader, &mut start, options)?
        };
        with_isa |= text_above.is_some();
        // An 837 transaction set or group quoted without its `ISA` is read
        // with the delimiters of its first segment.
        let without_isa = if with_isa {
            None
        } else {
            x12::delimiters_without_isa(&start)
        };
        let is_x12 = with_isa || without_isa.is_some();
        if !is_x12 && x12::looks_like_x12_without_isa(&start) {
            // Delimiters that cannot be told apart: X12 all the same.
            return Err(HeaderError::X12(X12Error::NoIsa { segment: 1 }));
        }
        if let Some(kind) = FileKind::of(&start).filter(|_| !is_x12) {
            return Err(HeaderError::Unreadable(kind));
        }
        // The lines read ahead are read again.
        let (detected, titles) = if is_x12 {
            start.extend_from_slice(&ahead);
            (None, 0)
        } else {
            header_delimiter(&mut start, ahead, &mut reader, options.delimiter)?
        };
        if without_isa.is_some() && start.starts_with(b"\xEF\xBB\xBF") {
            // No `ISA` to read past it: the segments start after it.
            start.drain(..3);
        }
        let (reader, folded) = fold_utf8_delimiters(&mut start, reader, with_isa);
        let reader = io::Cursor::new(start).chain(reader);
        let (input, carried, has_claims) = if is_x12 {
            let mut reader = match without_isa {
                Some(delimiters) => X12Reader::without_isa(reader, delimiters),
                None => X12Reader::new(reader).map_err(HeaderError::X12)?,
            };
            if let Some(lines) = text_above {
                reader.text_above(lines);
            }
            if let Some(warning) = folded {
                reader.first_warning(warning);
            }
            // The first item tells an 837D from another transaction set;
            // it and whatever else is read ahead go back to the reader.
            let mut held: Vec<_> = reader.next_line().into_iter().collect();
            if let Some(Err(X12Error::NotDental { found, .. })) = held.first() {
                // Groups and transaction sets of other kinds may share the
                // interchange: only a file with no dental one is refused.
                let found = found.clone();
                match dental_after_others(&mut reader) {
                    Some(more) => held.extend(more),
                    None => return Err(HeaderError::NotDental { found }),
                }
            }
            reader.put_back(held);
            (Input::X12(reader), Carried::ALL, true)
        } else {
            let source = DelimitedSource::open(reader, detected, options, titles)?;
            let carried = source.carried();
            let has_claims = source.has_claims() || source.has_patients();
            (Input::Delimited(source), carried, has_claims)
        };
        let edits = has_claims && !options.no_edits;
        let summary = Summary {
            skipped: SkippedChecks {
                tooth: !carried.tooth,
                surfaces: !carried.surfaces,
                area: !carried.area,
                edits: !has_claims && !options.no_edits,
            },
            ..Summary::default()
        };
        Ok(ClaimChecker {
            judge: Judge::new(set, options.assume_latest, carried),
            input,
            summary,
            edits,
            line: ClaimLine::default(),
            claims: Claims::default(),
            finished: false,
        })
    }

    /// The counts of the lines read so far.
    ///
    /// ```
    /// let mut checker = cdt_codes::claims::ClaimChecker::new("code,dos\nD0120,2026-01-15\n".as_bytes())?;
    /// assert_eq!(checker.summary().lines(), 0);
    /// checker.next();
    /// assert_eq!(checker.summary().valid, 1);
    /// # Ok::<(), cdt_codes::claims::HeaderError>(())
    /// ```
    #[must_use]
    pub fn summary(&self) -> Summary {
        let mut summary = self.summary;
        if let Input::Delimited(source) = &self.input {
            (summary.title_lines, summary.totals_rows) = (source.title_lines, source.totals_rows);
        }
        summary
    }

    /// Problems with an X12 file's envelope found so far (control counts,
    /// missing trailers): reported once each, apart from the claim lines
    /// and not counted among them. Empty for delimited files.
    ///
    /// ```
    /// let checker = cdt_codes::claims::ClaimChecker::new("code,dos\n".as_bytes())?;
    /// assert!(checker.envelope_warnings().is_empty());
    ///
    /// // An 837D whose SE01 counts 9 segments where the set has 6.
    /// let text = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       \
    ///     *260215*1030*^*00501*000000001*0*T*:~GS*HC*S*R*20260215*1030*1*X*005010X224A2~\
    ///     ST*837*0001*005010X224A2~CLM*C1*55***11:B:1*Y*A*Y*Y~\
    ///     DTP*472*D8*20260115~LX*1~SV3*AD:D0120*55****1~SE*9*0001~GE*1*1~IEA*1*000000001~";
    /// let mut checker = cdt_codes::claims::ClaimChecker::new(text.as_bytes())?;
    /// assert_eq!(checker.by_ref().count(), 1);
    /// let warnings = checker.envelope_warnings();
    /// assert_eq!(warnings[0].to_string(), "segment 8: SE01 says 9 segments; the transaction set has 6");
    /// # Ok::<(), cdt_codes::claims::HeaderError>(())
    /// ```
    #[must_use]
    pub fn envelope_warnings(&self) -> &[EnvelopeWarning] {
        match &self.input {
            Input::X12(reader) => reader.envelope_warnings(),
            Input::Delimited(_) => &[],
        }
    }

    /// The kind of input being read.
    ///
    /// ```
    /// use cdt_codes::claims::{ClaimChecker, Format};
    ///
    /// let checker = ClaimChecker::new("code;dos\n".as_bytes())?;
    /// assert_eq!(checker.format(), Format::Delimited(cdt_codes::dataset::Delimiter::Semicolon));
    /// # Ok::<(), cdt_codes::claims::HeaderError>(())
    /// ```
    #[must_use]
    pub fn format(&self) -> Format {
        match &self.input {
            Input::Delimited(source) => Format::Delimited(source.delimiter),
            Input::X12(_) => Format::X12,
        }
    }

    /// The conflicts between lines of one claim found since the last call
    /// (each once; the lines involved carry it too), for callers who act on
    /// claims rather than lines. Up to 1,024 are kept between calls; the
    /// summary counts them all.
    ///
    /// ```
    /// use cdt_codes::claims::ClaimChecker;
    ///
    /// let csv = "claim,line,code,dos,tooth\n\
    ///     C1,1,D3220,2026-01-15,30\nC1,2,D3330,2026-01-15,30\n\
    ///     C2,1,D0120,2026-01-15,\nC2,2,D1110,2026-01-15,\n";
    /// let mut checker = ClaimChecker::new(csv.as_bytes())?;
    /// for _ in checker.by_ref() {}
    /// let conflicts = checker.take_conflicts();
    /// assert_eq!(conflicts.len(), 1); // a pulpotomy and root canal on tooth 30; C2 is a clean recall
    /// assert_eq!((conflicts[0].claim.as_deref(), &conflicts[0].lines[..]), (Some("C1"), &["1".to_string(), "2".to_string()][..]));
    /// assert_eq!(checker.summary().conflicts, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn take_conflicts(&mut self) -> Vec<ClaimConflict> {
        core::mem::take(&mut self.claims.found)
    }

    /// The next line: released once its claim has ended and the
    /// claim-level edits have run over it.
    /// Checks the next line and lends its report until the next call,
    /// or the error for a line that cannot be read; `None` at the end.
    ///
    /// The iterator hands out owned reports; this lends the checker's own,
    /// which it reuses line after line, so checking a line allocates
    /// nothing once the buffers have grown: the fast way to check a large
    /// file when you only act on each line in turn (count verdicts, write
    /// a row). The summary and the verdicts are the same either way.
    ///
    /// ```
    /// use cdt_codes::claims::{ClaimChecker, Verdict};
    ///
    /// let csv = "code,date\nD0120,2026-03-02\nD0363,2026-03-02\nD9999X,2026-03-02\n";
    /// let mut checker = ClaimChecker::new(csv.as_bytes())?;
    /// let mut verdicts = Vec::new();
    /// while let Some(line) = checker.next_report() {
    ///     verdicts.push(line.map_or(Verdict::Unreadable, |report| report.verdict()));
    /// }
    /// assert_eq!(
    ///     verdicts,
    ///     [Verdict::Valid, Verdict::Deleted, Verdict::MalformedCode]
    /// );
    /// assert_eq!(checker.summary().lines(), 3);
    /// # Ok::<(), cdt_codes::claims::HeaderError>(())
    /// ```
    pub fn next_report(&mut self) -> Option<Result<&LineReport<'s>, &LineError>> {
        let index = self.advance()?;
        self.claims
            .slots
            .get(index)
            .map(|slot| slot.as_ref().as_ref())
    }

    /// Reads and judges lines until one can go out: the index of its slot.
    #[inline]
    fn advance(&mut self) -> Option<usize> {
        let ClaimChecker {
            judge,
            input,
            summary,
            edits,
            line,
            claims,
            finished,
        } = self;
        if !*edits {
            // Nothing to hold: each line goes straight out.
            let slot = claims.only_slot();
            if !read_into(input, line, judge, slot) {
                return None;
            }
            summary.record_item(slot);
            return Some(0);
        }
        loop {
            if let Some(index) = claims.next_ready() {
                summary.record_item(&*claims.slots[index]);
                summary.conflicts = claims.total;
                return Some(index);
            }
            if *finished {
                return None;
            }
            if read_into(input, line, judge, claims.slot()) {
                claims.hold();
            } else {
                claims.end_claim();
                *finished = true;
            }
        }
    }
}

/// The most transaction sets of other kinds read ahead, before the first
/// dental one, before a file is refused as holding none.
const OTHERS_BEFORE_DENTAL: usize = 1_000;

/// After a first transaction set that is not an 837D: reads on, past
/// others of other kinds, up to the first result that is not one (a
/// dental line, or a problem in a dental transaction). Everything read,
/// in order, or `None` when the input holds no dental transaction in its
/// first [`OTHERS_BEFORE_DENTAL`] sets.
fn dental_after_others<R: BufRead>(
    reader: &mut X12Reader<R>,
) -> Option<Vec<Result<Box<ServiceLine>, X12Error>>> {
    let mut held = Vec::new();
    while held.len() < OTHERS_BEFORE_DENTAL {
        let item = reader.next_line()?;
        let other = matches!(item, Err(X12Error::NotDental { .. }));
        held.push(item);
        if !other {
            return Some(held);
        }
    }
    None
}

/// Reads the next line from `input` (through `line`, reused) and judges it
/// into `slot`: `false` at the end of the input.
#[inline]
fn read_into<'s, R: BufRead>(
    input: &mut Input<R>,
    line: &mut ClaimLine,
    judge: &Judge<'s>,
    slot: &mut Result<LineReport<'s>, LineError>,
) -> bool {
    let read = match input {
        Input::Delimited(source) => source.fill(line),
        Input::X12(reader) => match reader.next_line() {
            None => None,
            Some(Err(error)) => Some(Err(LineError::Segment(error))),
            Some(Ok(mut service_line)) => {
                x12::source::fill_claim_line(&mut service_line, line);
                reader.recycle(service_line);
                Some(Ok(()))
            }
        },
    };
    match read {
        None => false,
        Some(Err(error)) => {
            *slot = Err(error);
            true
        }
        Some(Ok(())) => {
            match slot {
                Ok(report) => judge.judge_into(line, report),
                Err(_) => *slot = Ok(judge.judge(line)),
            }
            true
        }
    }
}

impl<'s, R: BufRead> Iterator for ClaimChecker<'s, R> {
    type Item = Result<LineReport<'s>, LineError>;

    fn next(&mut self) -> Option<Self::Item> {
        let index = self.advance()?;
        let slot = self.claims.slots.get_mut(index)?;
        Some(core::mem::replace(&mut **slot, Ok(LineReport::empty())))
    }
}

type Prefixed<R> = io::Chain<io::Cursor<Vec<u8>>, R>;

/// The most read to find the first non-blank line.
const FIRST_LINE_LIMIT: usize = 64 * 1024;

/// The most lines taken for a report's title above a delimited header.
const MAX_TITLE_LINES: usize = 3;

/// The most lines read ahead for an interchange below text.
const MAX_LINES_ABOVE_ISA: usize = 64;

/// An interchange (`with_isa`) whose delimiters are written as UTF-8
/// characters (see [`folds`]) is read with each folded back into its byte:
/// in `start`, the bytes taken out already (a character split at its end
/// goes on with the rest), and in `reader`. The envelope warning that says
/// so comes back with the reader.
fn fold_utf8_delimiters<R: BufRead>(
    start: &mut Vec<u8>,
    reader: Decoded<R>,
    with_isa: bool,
) -> (Decoded<R>, Option<String>) {
    let Some(folds) = with_isa.then(|| folds::utf8_delimiters(start)).flatten() else {
        return (reader, None);
    };
    let whole = start.len() - folds::incomplete_tail(start);
    let carried = start.split_off(whole);
    folds.fold(start);
    let warning = folds.warning();
    (reader.with_folds(folds, carried), Some(warning))
}

/// When an interchange lies below the first line (`start`) and a few more
/// lines of text (see [`isa_below`]): `start` becomes its first line, and
/// the number of lines passed over comes back. Otherwise `start` is kept
/// and the lines read after it come back, to be read again. A first line
/// that is a claims header, a transaction set without its `ISA` or a file
/// of another kind is taken as it is, nothing read ahead of it (a
/// stream's first rows are judged as they arrive).
fn interchange_below<R: BufRead>(
    reader: &mut R,
    start: &mut Vec<u8>,
    options: &CheckOptions,
) -> io::Result<(Vec<u8>, Option<u64>)> {
    let mut ahead = Vec::new();
    if x12::looks_like_x12_without_isa(start)
        || FileKind::of(start).is_some()
        || delimited::is_header(start, options)
    {
        return Ok((ahead, None));
    }
    let Some(isa) = isa_below(reader, &mut ahead)? else {
        return Ok((ahead, None));
    };
    let passed = start.iter().chain(ahead.get(..isa).unwrap_or_default());
    let lines = passed.filter(|&&b| b == b'\n').count() as u64;
    *start = ahead.split_off(isa);
    Ok((Vec::new(), Some(lines)))
}

/// Reads the lines after the first (already read) into `ahead`, up to
/// [`MAX_LINES_ABOVE_ISA`] non-blank ones within [`FIRST_LINE_LIMIT`]
/// bytes, until one starts an interchange (see [`x12::starts_interchange`]):
/// where in `ahead` that line starts. `None` when none does; the lines
/// read stay in `ahead`, to be read again.
///
/// A published 837D may have text above its `ISA`: the guides' examples
/// come under a heading and a sentence, and a validator's findings may be
/// kept above the file they are about. X12 governs only what lies inside
/// an interchange, and stupidedi's reader passes over what lies outside
/// (its `StreamReader`); the checker reads the interchange and says how
/// many lines it passed over.
fn isa_below<R: BufRead>(reader: &mut R, ahead: &mut Vec<u8>) -> io::Result<Option<usize>> {
    for _ in 0..MAX_LINES_ABOVE_ISA {
        let before = ahead.len();
        next_line_into(reader, ahead)?;
        let line = ahead.get(before..).unwrap_or_default();
        let Some(content) = line.iter().position(|b| !b.is_ascii_whitespace()) else {
            return Ok(None);
        };
        if x12::starts_interchange(line.get(content..).unwrap_or_default()) {
            // The line's own start: blank lines before it are passed over.
            let start = line
                .get(..content)
                .and_then(|blank| blank.iter().rposition(|&b| b == b'\n'))
                .map_or(before, |at| before + at + 1);
            return Ok(Some(start));
        }
        if ahead.len() >= FIRST_LINE_LIMIT {
            return Ok(None);
        }
    }
    Ok(None)
}

/// Reads the lines after `start` (a first line with no delimiter: a
/// report's title, as Open Dental's report exports write above their
/// captions) into it until one holds `delimiter`, or any delimiter when
/// none is chosen: that line's delimiter and how many non-blank lines came
/// before it. `None` when no line does within [`MAX_TITLE_LINES`] titles
/// (the lines read stay in `start`, read again as before).
fn past_titles<R: BufRead>(
    reader: &mut R,
    start: &mut Vec<u8>,
    delimiter: Option<Delimiter>,
) -> io::Result<Option<(Delimiter, usize)>> {
    for titles in 1..=MAX_TITLE_LINES {
        let before = start.len();
        next_line_into(reader, start)?;
        let line = start.get(before..).unwrap_or(&[]).trim_ascii_start();
        if line.is_empty() {
            return Ok(None);
        }
        if let Some(found) = delimiter_in(line, delimiter) {
            return Ok(Some((found, titles)));
        }
    }
    Ok(None)
}

/// The delimiter of a delimited file whose first line is `start`, and how
/// many lines above its header may be a report's title. A first line with
/// no delimiter may be a title: the header is then the first line after
/// it that has one. Excel's `sep=;` names the delimiter of the lines below
/// it. The lines read ahead (`ahead`, then from `reader`) end up in
/// `start`, to be read again.
fn header_delimiter<R: BufRead>(
    start: &mut Vec<u8>,
    ahead: Vec<u8>,
    reader: &mut R,
    chosen: Option<Delimiter>,
) -> io::Result<(Option<Delimiter>, usize)> {
    // A UTF-8 byte-order mark is no part of the header: without this
    // the trim below stopped at it and leading tabs counted.
    let body = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
    let mut found = (Delimiter::detect(body.trim_ascii_start()), 0);
    let delimited = delimiter_in(body.trim_ascii_start(), chosen).is_some();
    let mut ahead = io::Cursor::new(ahead);
    if let Some(hinted) = excel_separator(body) {
        found = (Some(hinted), 1);
    } else if !delimited {
        let mut lines = (&mut ahead).chain(reader);
        if let Some((delimiter, before)) = past_titles(&mut lines, start, chosen)? {
            found = (Some(delimiter), before);
        }
    }
    ahead.read_to_end(start)?;
    Ok(found)
}

/// The delimiter a first line `sep=;` names (`sep` in any case, then one
/// of the four delimiters, then the line's end): a hint some exporters
/// write above the header for Excel, which splits the lines below by it.
fn excel_separator(line: &[u8]) -> Option<Delimiter> {
    match decode::without_line_end(line) {
        [s, e, p, b'=', delimiter] if [s, e, p].map(u8::to_ascii_lowercase) == *b"sep" => {
            Delimiter::ALL
                .into_iter()
                .find(|candidate| candidate.as_byte() == *delimiter)
        }
        _ => None,
    }
}

/// The delimiter `line` is written with: `chosen` when given and the line
/// holds it, else the one detected in it.
fn delimiter_in(line: &[u8], chosen: Option<Delimiter>) -> Option<Delimiter> {
    match chosen {
        Some(chosen) => line.contains(&chosen.as_byte()).then_some(chosen),
        None => Delimiter::detect(line),
    }
}

/// The input up to the end of its first non-blank line (blank lines
/// before it included), at most [`FIRST_LINE_LIMIT`] bytes.
fn first_line<R: BufRead>(reader: &mut R) -> io::Result<Vec<u8>> {
    let mut start = Vec::new();
    next_line_into(reader, &mut start)?;
    Ok(start)
}

/// Appends to `start` the input up to the end of its next non-blank line
/// (blank lines before it included), while `start` holds at most
/// [`FIRST_LINE_LIMIT`] bytes.
fn next_line_into<R: BufRead>(reader: &mut R, start: &mut Vec<u8>) -> io::Result<()> {
    loop {
        let before = start.len();
        let room = FIRST_LINE_LIMIT.saturating_sub(before) as u64;
        let read = reader.by_ref().take(room).read_until(b'\n', start)?;
        let line = start.get(before..).unwrap_or(&[]);
        // A byte-order mark alone does not make the first line non-blank.
        let line = line
            .strip_prefix(b"\xEF\xBB\xBF")
            .filter(|_| before == 0)
            .unwrap_or(line);
        if read == 0 || start.len() >= FIRST_LINE_LIMIT || !line.iter().all(u8::is_ascii_whitespace)
        {
            return Ok(());
        }
    }
}

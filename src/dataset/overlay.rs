//! Lays a licensed edition file over the bundled facts.
//!
//! A licensee's file holds the official text of one edition; the bundled
//! data holds the history. The overlay keeps both: the file gives the
//! nomenclature and descriptor of each code it holds, the bundled data gives
//! history, headings, deleted codes and our descriptions, and the file's
//! edition is derived from the difference between the two.

use core::fmt;
use std::collections::{BTreeMap, BTreeSet};
use std::string::ToString;
use std::vec::Vec;

use super::error::{Blame, DataError, DataErrorKind, DataErrors};
use super::{Dataset, ProcedureRow};
use crate::model::code::CdtCode;
use crate::model::edition::{Added, Edition};
use crate::model::record::Fact;

/// How a user's code file combines with the bundled data.
///
/// ```
/// use cdt_codes::dataset::Mode;
///
/// assert_eq!(Mode::default(), Mode::Overlay);
/// assert_eq!("replace".parse::<Mode>(), Ok(Mode::Replace));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Mode {
    /// The file's text laid over the bundled history; the file's edition
    /// is derived from what it adds and drops.
    #[default]
    Overlay,
    /// Only the file's codes exist, with only the history it states.
    Replace,
}

impl core::str::FromStr for Mode {
    type Err = UnknownMode;

    fn from_str(text: &str) -> Result<Mode, UnknownMode> {
        match text.trim().to_ascii_lowercase().as_str() {
            "overlay" => Ok(Mode::Overlay),
            "replace" => Ok(Mode::Replace),
            _ => Err(UnknownMode),
        }
    }
}

/// A mode name other than `overlay` or `replace`.
///
/// ```
/// let error = "merge".parse::<cdt_codes::dataset::Mode>().unwrap_err();
/// assert_eq!(error.to_string(), "not a data mode: expected overlay or replace");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("not a data mode: expected overlay or replace")]
pub struct UnknownMode;

/// Something the overlay did that the user should know about. The build
/// prints each as a cargo warning; a loaded set keeps them.
///
/// ```
/// use cdt_codes::dataset::Warning;
///
/// let warning = Warning::Deleted {
///     edition: cdt_codes::Edition::new(2027).unwrap(),
///     codes: vec!["D1352".parse().unwrap()],
/// };
/// assert_eq!(
///     warning.to_string(),
///     "1 code in force in the bundled data is not in the CDT 2027 file and is recorded as deleted in CDT 2027: D1352"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// Codes in force in the previous edition that the file lacks: deleted
    /// in the file's edition.
    Deleted {
        /// The file's edition.
        edition: Edition,
        /// The codes.
        codes: Vec<CdtCode>,
    },
    /// Codes the file holds that the bundled data lacks: added in the
    /// file's edition.
    Added {
        /// The file's edition.
        edition: Edition,
        /// The codes.
        codes: Vec<CdtCode>,
    },
    /// Codes in force in an edition the bundled data already holds that the
    /// file lacks; they are kept as the bundled data has them.
    Missing {
        /// The file's edition.
        edition: Edition,
        /// The codes.
        codes: Vec<CdtCode>,
    },
    /// Codes in a file of an edition the bundled data already holds that
    /// the bundled data lacks; kept, with the edition that added them
    /// unknown.
    Unknown {
        /// The file's edition.
        edition: Edition,
        /// The codes.
        codes: Vec<CdtCode>,
    },
    /// Codes the file holds that the bundled data records as deleted by the
    /// file's edition; their text is attached and their history kept.
    HeldAfterDeletion {
        /// The file's edition.
        edition: Edition,
        /// The codes.
        codes: Vec<CdtCode>,
    },
    /// A header cell of the file that names no known column.
    IgnoredColumn {
        /// The header as written.
        name: std::string::String,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (codes, edition) = match self {
            Warning::IgnoredColumn { name } => {
                return write!(
                    f,
                    "column `{name}` is not one cdt-codes knows; its values are ignored"
                )
            }
            Warning::Deleted { edition, codes }
            | Warning::Added { edition, codes }
            | Warning::Missing { edition, codes }
            | Warning::Unknown { edition, codes }
            | Warning::HeldAfterDeletion { edition, codes } => (codes, edition),
        };
        let count = codes.len();
        let (noun, verb) = if count == 1 {
            ("code", "is")
        } else {
            ("codes", "are")
        };
        match self {
            Warning::Deleted { .. } => write!(
                f,
                "{count} {noun} in force in the bundled data {verb} not in the {edition} file and {verb} recorded as deleted in {edition}:"
            )?,
            Warning::Added { .. } => write!(
                f,
                "{count} {noun} in the {edition} file {verb} new to the bundled data and {verb} recorded as added in {edition}:"
            )?,
            Warning::Missing { .. } => write!(
                f,
                "{count} {noun} in force in {edition} by the bundled data {verb} not in the file; kept as the bundled data has them:"
            )?,
            Warning::Unknown { .. } => write!(
                f,
                "{count} {noun} in the {edition} file {verb} not in the bundled data; kept, with no known edition of addition:"
            )?,
            Warning::HeldAfterDeletion { .. } => write!(
                f,
                "{count} {noun} in the {edition} file {verb} deleted by then in the bundled history; text attached, history kept:"
            )?,
            Warning::IgnoredColumn { .. } => {}
        }
        for code in codes {
            write!(f, " {code}")?;
        }
        Ok(())
    }
}

/// Combines the bundled data with a user's file.
///
/// # Errors
///
/// A file of an edition more than one after the bundled data's newest: the
/// editions between would be unknown.
pub(crate) fn apply(
    bundled: Dataset,
    file: Dataset,
    file_name: &str,
    mode: Mode,
    stage: super::Stage,
) -> Result<(Dataset, Vec<Warning>), DataErrors> {
    let mut warnings: Vec<Warning> = file
        .ignored_columns
        .iter()
        .map(|name| Warning::IgnoredColumn { name: name.clone() })
        .collect();
    if mode == Mode::Replace {
        let file = Dataset {
            headings: bundled.headings,
            ..file
        };
        return Ok((file, warnings));
    }
    let latest = bundled.edition;
    let edition = file.edition;
    let next = latest.next();
    if edition > latest && Some(edition) != next {
        let error: DataError = Blame { file: file_name }.line(
            0,
            &edition.to_string(),
            DataErrorKind::EditionGap {
                latest,
                next: next.unwrap_or(latest),
                stage,
            },
        );
        return Err(DataErrors::from(std::vec![error]));
    }
    let newer = edition > latest;
    let mut rows: BTreeMap<CdtCode, ProcedureRow> = bundled
        .procedures
        .into_iter()
        .map(|row| (row.code, row))
        .collect();
    let merged = merge(&mut rows, file.procedures, edition, newer);
    let dropped = drop_missing(&mut rows, &merged.in_file, latest, edition, newer);
    let mut push = |codes: Vec<CdtCode>, make: fn(Edition, Vec<CdtCode>) -> Warning| {
        if !codes.is_empty() {
            warnings.push(make(edition, codes));
        }
    };
    if newer {
        push(dropped, |edition, codes| Warning::Deleted {
            edition,
            codes,
        });
        push(merged.new, |edition, codes| Warning::Added {
            edition,
            codes,
        });
    } else {
        push(dropped, |edition, codes| Warning::Missing {
            edition,
            codes,
        });
        push(merged.new, |edition, codes| Warning::Unknown {
            edition,
            codes,
        });
    }
    push(merged.held, |edition, codes| Warning::HeldAfterDeletion {
        edition,
        codes,
    });
    let data = Dataset {
        edition: edition.max(latest),
        procedures: rows.into_values().collect(),
        headings: bundled.headings,
        ignored_columns: file.ignored_columns,
    };
    Ok((data, warnings))
}

/// What merging the file's rows found.
struct Merged {
    /// Every code the file holds.
    in_file: BTreeSet<CdtCode>,
    /// Codes the bundled data lacks.
    new: Vec<CdtCode>,
    /// Codes the bundled history deletes by the file's edition.
    held: Vec<CdtCode>,
}

/// Lays each of the file's rows on the bundled record of its code, or adds
/// it: added in the file's edition when that follows the bundled data,
/// with an unknown (and so unconfirmed) addition otherwise.
fn merge(
    rows: &mut BTreeMap<CdtCode, ProcedureRow>,
    file: Vec<ProcedureRow>,
    edition: Edition,
    newer: bool,
) -> Merged {
    let mut merged = Merged {
        in_file: BTreeSet::new(),
        new: Vec::new(),
        held: Vec::new(),
    };
    for mut row in file {
        merged.in_file.insert(row.code);
        if let Some(known) = rows.get_mut(&row.code) {
            let deleted_by_then = known.deleted_in.is_some_and(|deleted| deleted <= edition);
            if deleted_by_then && row.deleted_in.is_none() {
                merged.held.push(row.code);
            }
            attach_text(known, row);
            continue;
        }
        if newer {
            row.added = Some(Added::In(edition));
        } else if row.added.is_none() && !row.unconfirmed.contains(&Fact::AddedIn) {
            row.unconfirmed.push(Fact::AddedIn);
        }
        merged.new.push(row.code);
        rows.insert(row.code, row);
    }
    merged
}

/// The codes in force in the bundled data's newest edition that the file
/// lacks; deleted in the file's edition when that follows the bundled
/// data (a licensed edition file is complete), kept otherwise.
fn drop_missing(
    rows: &mut BTreeMap<CdtCode, ProcedureRow>,
    in_file: &BTreeSet<CdtCode>,
    latest: Edition,
    edition: Edition,
    newer: bool,
) -> Vec<CdtCode> {
    let mut dropped = Vec::new();
    for row in rows.values_mut() {
        if in_file.contains(&row.code) || !Dataset::in_force(row, latest) {
            continue;
        }
        if newer {
            row.deleted_in = Some(edition);
        }
        dropped.push(row.code);
    }
    dropped
}

/// The file's official text on a bundled record; the bundled history,
/// heading and description stay, and the file fills what they lack.
fn attach_text(known: &mut ProcedureRow, row: ProcedureRow) {
    if row.nomenclature.is_some() {
        known.nomenclature = row.nomenclature;
    }
    if row.descriptor.is_some() {
        known.descriptor = row.descriptor;
    }
    if known.subcategory.is_none() {
        known.subcategory = row.subcategory;
    }
    if known.added.is_none() {
        known.added = row.added;
    }
}

//! Loading a code file at run time, for applications that update the code
//! set without recompiling. The same parser as `build.rs`, the same errors.

use std::path::Path;
use std::string::{String, ToString};
use std::vec::Vec;

use crate::category::Category;
use crate::code::CdtCode;
use crate::dataset::{DataError, Dataset, Options, ProcedureRow, Source, SubcategoryRow};
use crate::edition::Edition;

/// The subcategory ranges shipped with the crate, used for loaded files as
/// for compiled ones.
const BUNDLED_SUBCATEGORIES: &str = include_str!("../data/subcategories.tsv");

/// A code set read from a file at run time: lookups, categories and
/// history like the compiled tables, owned by the application.
///
/// ```
/// use cdt_codes::CodeSet;
///
/// let file = "code,nomenclature,descriptor\n\
///             D0120,\"periodic check-up, written by us\",\"a \"\"quoted\"\" note\"\n";
/// let set = CodeSet::from_bytes("mine.csv", file.as_bytes(), cdt_codes::Edition::new(2026))?;
/// let record = set.lookup("d0120").unwrap();
/// assert_eq!(record.nomenclature.as_deref(), Some("periodic check-up, written by us"));
/// assert_eq!(record.descriptor.as_deref(), Some("a \"quoted\" note"));
/// assert_eq!(set.edition().year(), 2026);
/// # Ok::<(), cdt_codes::LoadError>(())
/// ```
#[derive(Debug, Clone)]
pub struct CodeSet {
    data: Dataset,
    /// For each code number, the index of its record, or `NONE`.
    index: Vec<u16>,
}

const NONE: u16 = u16::MAX;

/// Why a code file could not be loaded.
///
/// ```
/// use cdt_codes::{CodeSet, LoadError};
///
/// let error = CodeSet::from_bytes("bad.csv", b"code,nomenclature\nD01,x\n", None).unwrap_err();
/// let LoadError::Data(problems) = error else { unreachable!() };
/// assert_eq!(problems[0].line, 2);
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The file could not be read.
    #[error("{path}: cannot read the file: {source}")]
    Io {
        /// The path given.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file was read but has problems; every one found is listed.
    #[error("{}", join_lines(.0))]
    Data(Vec<DataError>),
}

fn join_lines(errors: &[DataError]) -> String {
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

impl<'a> IntoIterator for &'a CodeSet {
    type Item = &'a ProcedureRow;
    type IntoIter = core::slice::Iter<'a, ProcedureRow>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl CodeSet {
    /// Reads a code file (TSV or CSV with a header row; see the README for
    /// the columns) from disk.
    ///
    /// `edition` names the CDT edition the file describes; when `None`, the
    /// newest edition in the file's history columns is used.
    ///
    /// # Errors
    ///
    /// [`LoadError::Io`] when the file cannot be read, [`LoadError::Data`]
    /// with every problem found otherwise.
    ///
    /// ```no_run
    /// let set = cdt_codes::CodeSet::from_path("CDT2026.csv", cdt_codes::Edition::new(2026))?;
    /// println!("{} codes", set.iter().count());
    /// # Ok::<(), cdt_codes::LoadError>(())
    /// ```
    pub fn from_path(
        path: impl AsRef<Path>,
        edition: Option<Edition>,
    ) -> Result<CodeSet, LoadError> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
            path: name.clone(),
            source,
        })?;
        CodeSet::from_bytes(&name, &bytes, edition)
    }

    /// Reads a code file from memory; `name` is used in error messages.
    ///
    /// # Errors
    ///
    /// [`LoadError::Data`] with every problem found: encoding, header,
    /// malformed or duplicate codes, codes outside every category, bad
    /// years, unknown replacements.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::from_bytes(
    ///     "codes.tsv",
    ///     b"code\tdescription\tadded_in\nD3353\tfinal apexification visit\t<2005\n",
    ///     cdt_codes::Edition::new(2026),
    /// )?;
    /// assert_eq!(set.iter().count(), 1);
    /// # Ok::<(), cdt_codes::LoadError>(())
    /// ```
    pub fn from_bytes(
        name: &str,
        bytes: &[u8],
        edition: Option<Edition>,
    ) -> Result<CodeSet, LoadError> {
        let options = Options {
            edition,
            require_subcategories: false,
        };
        let data = Dataset::parse(
            Source::new(name, bytes),
            Source::new(
                "data/subcategories.tsv (bundled)",
                BUNDLED_SUBCATEGORIES.as_bytes(),
            ),
            &options,
        )
        .map_err(LoadError::Data)?;
        let mut index = std::vec![NONE; 10_000];
        for (position, row) in data.procedures.iter().enumerate() {
            if let (Some(slot), Ok(position)) = (
                index.get_mut(usize::from(row.code.number())),
                u16::try_from(position),
            ) {
                *slot = position;
            }
        }
        Ok(CodeSet { data, index })
    }

    /// The edition the file describes.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::from_bytes("c.csv", b"code,nomenclature\nD0120,x\n", cdt_codes::Edition::new(2027))?;
    /// assert_eq!(set.edition().year(), 2027);
    /// # Ok::<(), cdt_codes::LoadError>(())
    /// ```
    #[must_use]
    pub fn edition(&self) -> Edition {
        self.data.edition
    }

    /// The record of a code given as text (`d3353` and surrounding
    /// whitespace accepted), if the file defines it.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::from_bytes("c.csv", b"code,nomenclature\nD0120,x\n", cdt_codes::Edition::new(2026))?;
    /// assert!(set.lookup(" d0120 ").is_some());
    /// assert!(set.lookup("D0140").is_none());
    /// # Ok::<(), cdt_codes::LoadError>(())
    /// ```
    #[must_use]
    pub fn lookup(&self, code: &str) -> Option<&ProcedureRow> {
        self.get(CdtCode::parse_quick(code)?)
    }

    /// The record of a well-formed code, if the file defines it.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::from_bytes("c.csv", b"code,nomenclature\nD0120,x\n", cdt_codes::Edition::new(2026))?;
    /// assert!(set.get("D0120".parse().unwrap()).is_some());
    /// # Ok::<(), cdt_codes::LoadError>(())
    /// ```
    #[must_use]
    pub fn get(&self, code: CdtCode) -> Option<&ProcedureRow> {
        let slot = *self.index.get(usize::from(code.number()))?;
        self.data.procedures.get(usize::from(slot))
    }

    /// Every record, in code order.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::from_bytes("c.csv", b"code,nomenclature\nD0140,b\nD0120,a\n", cdt_codes::Edition::new(2026))?;
    /// let codes: Vec<String> = set.iter().map(|r| r.code.to_string()).collect();
    /// assert_eq!(codes, ["D0120", "D0140"]);
    /// # Ok::<(), cdt_codes::LoadError>(())
    /// ```
    pub fn iter(&self) -> core::slice::Iter<'_, ProcedureRow> {
        self.data.procedures.iter()
    }

    /// The records of one category, in code order.
    ///
    /// ```
    /// use cdt_codes::Category;
    ///
    /// let set = cdt_codes::CodeSet::from_bytes("c.csv", b"code,nomenclature\nD0120,a\nD3353,b\n", cdt_codes::Edition::new(2026))?;
    /// assert_eq!(set.category(Category::Endodontics).len(), 1);
    /// # Ok::<(), cdt_codes::LoadError>(())
    /// ```
    #[must_use]
    pub fn category(&self, category: Category) -> &[ProcedureRow] {
        let records = &self.data.procedures;
        let start = records.partition_point(|r| r.code < category.first());
        let end = records.partition_point(|r| r.code <= category.last());
        records.get(start..end).unwrap_or(&[])
    }

    /// The subcategory range holding `code`, from the bundled ranges.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::from_bytes("c.csv", b"code,nomenclature\nD3353,b\n", cdt_codes::Edition::new(2026))?;
    /// let sub = set.subcategory_of("D3353".parse().unwrap()).unwrap();
    /// assert!(sub.name.contains("Apexification"));
    /// # Ok::<(), cdt_codes::LoadError>(())
    /// ```
    #[must_use]
    pub fn subcategory_of(&self, code: CdtCode) -> Option<&SubcategoryRow> {
        let index = self.data.subcategory_of(code)?;
        self.data.subcategories.get(index)
    }

    /// Whether `record` is part of `edition`.
    ///
    /// ```
    /// use cdt_codes::Edition;
    ///
    /// let set = cdt_codes::CodeSet::from_bytes(
    ///     "c.tsv", b"code\tdescription\tadded_in\nD0426\tsaliva test\t2026\n", None)?;
    /// let record = set.lookup("D0426").unwrap();
    /// assert!(set.is_active_in(record, Edition::new(2026).unwrap()));
    /// assert!(!set.is_active_in(record, Edition::new(2025).unwrap()));
    /// # Ok::<(), cdt_codes::LoadError>(())
    /// ```
    #[must_use]
    pub fn is_active_in(&self, record: &ProcedureRow, edition: Edition) -> bool {
        crate::edition::in_force(record.added, record.deleted_in, edition)
    }

    /// The checked data set behind the lookups.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::from_bytes("c.csv", b"code,nomenclature\nD0120,x\n", cdt_codes::Edition::new(2026))?;
    /// assert_eq!(set.dataset().procedures.len(), 1);
    /// # Ok::<(), cdt_codes::LoadError>(())
    /// ```
    #[must_use]
    pub fn dataset(&self) -> &Dataset {
        &self.data
    }
}

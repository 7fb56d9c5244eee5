//! Code sets built at run time from a file: the same layout, the same
//! parser and the same overlay as the build, owned by the application.

use std::borrow::Cow;
use std::path::Path;
use std::string::{String, ToString};

use super::CodeSet;
use crate::dataset::{DataErrors, Dataset, Layout, Mode, Options, Source, Warning};
use crate::model::edition::{Edition, EditionError};
use crate::provenance::DataSource;

/// Why a code file could not be loaded.
///
/// ```
/// use cdt_codes::{CodeSet, LoadError};
///
/// let error = CodeSet::load_replacing("bad.csv", b"code,nomenclature\nD01,x\n", None).unwrap_err();
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
    #[error("{0}")]
    Data(DataErrors),
    /// The edition named for the file is not one (`Edition::new(2012)?`
    /// inside a function that returns a `LoadError`).
    #[error("{0}")]
    Edition(#[from] EditionError),
}

impl From<DataErrors> for LoadError {
    fn from(errors: DataErrors) -> LoadError {
        LoadError::Data(errors)
    }
}

/// Declares `owned`, the set that owns a layout's tables (the list of
/// tables is `tables!`'s).
macro_rules! owned {
    ($($(#[doc = $doc:literal])* $field:ident: $row:ty => $static:ident, $write:ident;)*) => {
        /// The set that owns the tables of `layout`.
        fn owned(layout: Layout, source: DataSource) -> CodeSet {
            CodeSet {
                edition: layout.edition,
                source,
                text: Cow::Owned(layout.text),
                categories: layout.categories,
                $($field: Cow::Owned(layout.$field),)*
                warnings: std::vec::Vec::new(),
            }
        }
    };
}

tables!(owned);

impl CodeSet {
    /// Loads a code file and lays it over the bundled data, as a build with
    /// `CDT_CODES_DATA` does: the file's official text on the bundled
    /// history, and the file's edition derived from what it adds and drops.
    ///
    /// This is the loader for bytes already in memory (embedded,
    /// downloaded); for a file on disk, [`CodeSet::from_path`] reads it and
    /// does the same.
    ///
    /// `edition` names the edition the file describes (an [`Edition`], or
    /// `None`: then the newest edition in the file's history columns is
    /// used).
    ///
    /// # Errors
    ///
    /// [`LoadError::Data`] with every problem found.
    ///
    /// ```
    /// use cdt_codes::{CodeSet, Edition};
    ///
    /// // A made-up CDT 2027 file: D0120 with test text, D9999 new.
    /// let file = "code,nomenclature\nD0120,periodic visit (test text)\nD9999,unlisted (test text)\n";
    /// let set = CodeSet::load("2027.csv", file.as_bytes(), Edition::new(2027)?)?;
    /// assert_eq!(set.edition().year(), 2027);
    /// assert_eq!(set.lookup("D0120").unwrap().nomenclature(), Some("periodic visit (test text)"));
    /// // Everything the file dropped is deleted in CDT 2027; history is kept.
    /// assert_eq!(set.lookup("D0140").unwrap().deleted_in(), Some(Edition::new(2027)?));
    /// assert_eq!(set.lookup("D3354").unwrap().deleted_in(), Some(Edition::new(2014)?));
    /// // A year that is not an edition's first says which edition it is in.
    /// let error = Edition::new(2012).map(|e| CodeSet::load("x.csv", file.as_bytes(), e));
    /// assert_eq!(error.unwrap_err().to_string(), "CDT-2011/2012 covers 2012; use 2011");
    /// // With no edition and no history columns, the hint names the file's year.
    /// let error = CodeSet::load("CDT2027.csv", file.as_bytes(), None).unwrap_err();
    /// assert!(error.to_string().contains("Edition::new(2027)?"), "{error}");
    /// # Ok::<(), cdt_codes::LoadError>(())
    /// ```
    pub fn load(
        name: &str,
        bytes: &[u8],
        edition: impl Into<Option<Edition>>,
    ) -> Result<CodeSet, LoadError> {
        CodeSet::load_with(name, bytes, &Options::for_edition(edition), Mode::Overlay)
    }

    /// Loads a code file on its own: only its codes exist, with only the
    /// history it states (the build's `CDT_CODES_MODE=replace`).
    ///
    /// # Errors
    ///
    /// [`LoadError::Data`] with every problem found.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::load_replacing(
    ///     "codes.tsv",
    ///     b"code\tdescription\tadded_in\nD3353\tfinal apexification visit\t<2005\n",
    ///     cdt_codes::Edition::new(2026)?,
    /// )?;
    /// assert_eq!(set.iter().count(), 1);
    /// # Ok::<(), cdt_codes::LoadError>(())
    /// ```
    pub fn load_replacing(
        name: &str,
        bytes: &[u8],
        edition: impl Into<Option<Edition>>,
    ) -> Result<CodeSet, LoadError> {
        CodeSet::load_with(name, bytes, &Options::for_edition(edition), Mode::Replace)
    }

    /// Loads a code file with explicit options and mode.
    ///
    /// # Errors
    ///
    /// [`LoadError::Data`] with every problem found.
    ///
    /// ```
    /// use cdt_codes::dataset::{Mode, Options};
    ///
    /// let options = Options::for_edition(cdt_codes::Edition::new(2026)?);
    /// let set = cdt_codes::CodeSet::load_with("c.csv", b"code,nomenclature\nD0120,x\n", &options, Mode::Replace)?;
    /// assert_eq!(set.iter().count(), 1);
    /// # Ok::<(), cdt_codes::LoadError>(())
    /// ```
    pub fn load_with(
        name: &str,
        bytes: &[u8],
        options: &Options,
        mode: Mode,
    ) -> Result<CodeSet, LoadError> {
        let (data, warnings) = Dataset::with_file(Source::new(name, bytes), options, mode)?;
        let source = match mode {
            Mode::Replace => DataSource::UserSupplied,
            _ => DataSource::Overlaid,
        };
        let mut set = CodeSet::from_dataset(&data, source)?;
        set.warnings = warnings;
        Ok(set)
    }

    /// Reads a code file from disk and lays it over the bundled data: the
    /// loader for a licensed file at run time (what `CDT_CODES_DATA` does
    /// at build time). [`CodeSet::load`] does the same for bytes in memory.
    ///
    /// # Errors
    ///
    /// [`LoadError::Io`] when the file cannot be read, [`LoadError::Data`]
    /// with every problem found otherwise.
    ///
    /// ```
    /// // A licensed file laid over the bundled data; here the crate's own
    /// // three-code test file, in a real program e.g. `CDT2027.csv`.
    /// let path = "tests/fixtures/licensed/good.csv";
    /// let set = cdt_codes::CodeSet::from_path(path, cdt_codes::Edition::new(2026)?)?;
    /// let d0120 = set.lookup("D0120").unwrap();
    /// assert_eq!(d0120.nomenclature(), Some("Synthetic periodic evaluation, established patient"));
    /// assert_eq!(set.lookup("D3330").unwrap().nomenclature(), None); // kept from the bundled data
    /// # Ok::<(), cdt_codes::LoadError>(())
    /// ```
    pub fn from_path(
        path: impl AsRef<Path>,
        edition: impl Into<Option<Edition>>,
    ) -> Result<CodeSet, LoadError> {
        CodeSet::from_path_with(path, &Options::for_edition(edition), Mode::Overlay)
    }

    /// Reads a code file from disk with explicit options and mode.
    ///
    /// # Errors
    ///
    /// As [`CodeSet::from_path`].
    ///
    /// ```
    /// use cdt_codes::dataset::{Mode, Options};
    ///
    /// let options = Options::for_edition(cdt_codes::Edition::new(2026)?);
    /// // the crate's three-code test file alone, in place of the bundled data
    /// let path = "tests/fixtures/licensed/good.csv";
    /// let set = cdt_codes::CodeSet::from_path_with(path, &options, Mode::Replace)?;
    /// let codes: Vec<String> = set.iter().map(|p| p.code().to_string()).collect();
    /// assert_eq!(codes, ["D0120", "D0140", "D3353"]);
    /// # Ok::<(), cdt_codes::LoadError>(())
    /// ```
    pub fn from_path_with(
        path: impl AsRef<Path>,
        options: &Options,
        mode: Mode,
    ) -> Result<CodeSet, LoadError> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
            path: name.clone(),
            source,
        })?;
        CodeSet::load_with(&name, &bytes, options, mode)
    }

    /// The set of a checked data set.
    ///
    /// # Errors
    ///
    /// [`DataErrors`] when a record breaks an invariant the parser
    /// promises (a code outside every category), which a data set from
    /// [`Dataset::parse`] never does.
    ///
    /// ```
    /// let data = cdt_codes::dataset::Dataset::bundled()?;
    /// let set = cdt_codes::CodeSet::from_dataset(&data, cdt_codes::DataSource::Bundled)?;
    /// assert_eq!(set.iter().count(), cdt_codes::iter().count());
    /// # Ok::<(), cdt_codes::dataset::DataErrors>(())
    /// ```
    pub fn from_dataset(data: &Dataset, source: DataSource) -> Result<CodeSet, DataErrors> {
        Ok(owned(Layout::of(data)?, source))
    }

    /// What loading the set's file reported: codes the overlay recorded as
    /// added or deleted, columns it ignored. Empty for the compiled set
    /// (the build printed them as warnings).
    ///
    /// ```
    /// let file = "code,nomenclature\nD0120,test text\n";
    /// let set = cdt_codes::CodeSet::load("2027.csv", file.as_bytes(), cdt_codes::Edition::new(2027)?)?;
    /// assert!(set.warnings().iter().any(|w| w.to_string().contains("deleted in CDT 2027")));
    /// # Ok::<(), cdt_codes::LoadError>(())
    /// ```
    #[must_use]
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }
}

//! Where the compiled data came from.

/// Which data the crate was compiled with.
///
/// ```
/// use cdt_codes::{DataSource, DATA_SOURCE};
///
/// // What to show beside CDT text: nothing for the open data, the ADA's
/// // notice for a licensed build.
/// let notice = match DATA_SOURCE {
///     DataSource::Bundled => None,
///     _ => Some(cdt_codes::COPYRIGHT_NOTICE),
/// };
/// assert_eq!(notice.is_none(), DATA_SOURCE == DataSource::Bundled);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DataSource {
    /// The open data in the crate's `data/` directory.
    Bundled,
    /// A user's file (such as a licensed ADA edition file) laid over the
    /// bundled history: the default for `CDT_CODES_DATA`.
    Overlaid,
    /// A user's file on its own (`CDT_CODES_MODE=replace`).
    UserSupplied,
}

/// The data source this build was compiled from.
///
/// ```
/// let source = cdt_codes::DATA_SOURCE;
/// assert!(matches!(source, cdt_codes::DataSource::Bundled | cdt_codes::DataSource::UserSupplied));
/// ```
pub const DATA_SOURCE: DataSource = crate::set::compiled::DATA_SOURCE;

/// The SHA-256 of the code file compiled in, as 64 lower-case hex digits.
///
/// ```
/// assert_eq!(cdt_codes::DATA_SHA256.len(), 64);
/// ```
pub const DATA_SHA256: &str = crate::set::compiled::DATA_SHA256;

/// The notice an application shows when it displays CDT text. For bundled
/// data it says the descriptions are not the ADA's; for a user-supplied
/// (licensed) file it is the ADA copyright statement.
///
/// ```
/// assert!(cdt_codes::COPYRIGHT_NOTICE.contains("American Dental Association"));
/// ```
pub const COPYRIGHT_NOTICE: &str = DATA_SOURCE.notice();

impl DataSource {
    /// The notice to show with CDT text from this source: for the bundled
    /// data, that the descriptions are not the ADA's; for a user's
    /// (licensed) file, the ADA copyright statement. A loaded set's notice
    /// is `set.source().notice()`.
    ///
    /// ```
    /// use cdt_codes::DataSource;
    ///
    /// assert!(DataSource::Bundled.notice().contains("plain-language"));
    /// assert!(DataSource::Overlaid.notice().contains("used under licence"));
    /// ```
    #[must_use]
    pub const fn notice(self) -> &'static str {
        match self {
            DataSource::Bundled => {
                "CDT codes are from the Code on Dental Procedures and Nomenclature (CDT), \
                 \u{a9} American Dental Association. The descriptions here are plain-language \
                 summaries written for cdt-codes, not the ADA's nomenclature or descriptors."
            }
            DataSource::Overlaid | DataSource::UserSupplied => {
                "Current Dental Terminology (CDT) \u{a9} American Dental Association (ADA). \
                 All rights reserved. CDT nomenclature and descriptors are used under licence."
            }
        }
    }
}

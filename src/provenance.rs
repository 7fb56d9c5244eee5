//! Where the compiled data came from.

/// Which data the crate was compiled with.
///
/// ```
/// use cdt_codes::{DataSource, DATA_SOURCE};
///
/// match DATA_SOURCE {
///     DataSource::Bundled => println!("open data: descriptions in our own words"),
///     DataSource::UserSupplied => println!("{}", cdt_codes::COPYRIGHT_NOTICE),
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DataSource {
    /// The open data in the crate's `data/` directory.
    Bundled,
    /// A file named by `CDT_CODES_DATA` at build time, such as a licensed
    /// ADA file.
    UserSupplied,
}

/// The data source this build was compiled from.
///
/// ```
/// let source = cdt_codes::DATA_SOURCE;
/// assert!(matches!(source, cdt_codes::DataSource::Bundled | cdt_codes::DataSource::UserSupplied));
/// ```
pub const DATA_SOURCE: DataSource = crate::tables::DATA_SOURCE;

/// The SHA-256 of the code file compiled in, as 64 lower-case hex digits.
///
/// ```
/// assert_eq!(cdt_codes::DATA_SHA256.len(), 64);
/// ```
pub const DATA_SHA256: &str = crate::tables::DATA_SHA256;

/// The notice an application shows when it displays CDT text. For bundled
/// data it says the descriptions are not the ADA's; for a user-supplied
/// (licensed) file it is the ADA copyright statement.
///
/// ```
/// assert!(cdt_codes::COPYRIGHT_NOTICE.contains("American Dental Association"));
/// ```
pub const COPYRIGHT_NOTICE: &str = match DATA_SOURCE {
    DataSource::Bundled => {
        "CDT codes are from the Code on Dental Procedures and Nomenclature (CDT), \
         \u{a9} American Dental Association. The descriptions here are plain-language \
         summaries written for cdt-codes, not the ADA's nomenclature or descriptors."
    }
    DataSource::UserSupplied => {
        "Current Dental Terminology (CDT) \u{a9} American Dental Association (ADA). \
         All rights reserved. CDT nomenclature and descriptors are used under licence."
    }
};

//! Teeth, tooth surfaces and areas of the oral cavity, written the way US
//! dental claims write them (the ADA Dental Claim Form and the X12 837D
//! dental claim).
//!
//! - [`Tooth`]: the Universal/National Tooth Designation System. Permanent
//!   teeth are `1` to `32`, primary teeth `A` to `T`; a supernumerary tooth
//!   takes the designation of the tooth it is numbered after, plus 50 for
//!   permanent teeth (`51` to `82`) or a trailing `S` for primary teeth
//!   (`AS` to `TS`). Converts to and from the two-digit ISO 3950 (FDI)
//!   notation.
//! - [`Surface`] and [`Surfaces`]: the tooth surface letters `M`, `O`, `I`,
//!   `D`, `B`, `F` and `L`, alone or combined as in `MOD`.
//! - [`ToothSet`]: the teeth one line names, as a range (`6-11`) or a
//!   list (`3,4,5`).
//! - [`Area`]: the two-digit area of the oral cavity codes (`00` entire
//!   oral cavity, `01`/`02` arches, `03` to `08` sextants, `09` other,
//!   `10` to `40` quadrants).
//!
//! Everything here is `Copy`, allocation-free and usable without `std`;
//! no input makes any of it panic.
//!
//! ```
//! use cdt_codes::teeth::{Area, Surfaces, Tooth};
//!
//! let tooth: Tooth = "3".parse()?;
//! assert_eq!(tooth.name(), "permanent maxillary right first molar");
//! assert_eq!(tooth.to_iso(), Some(16));
//!
//! let surfaces: Surfaces = "m o d".parse()?;
//! assert_eq!(surfaces.to_string(), "MOD");
//! assert!(surfaces.check(tooth).is_ok());
//!
//! let area: Area = "10".parse()?;
//! assert!(area.contains(tooth));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

//!
//! The code is split by subject: [`Tooth`] and the arches, quadrants and
//! kinds it belongs to (`tooth.rs`), [`ToothSet`] (`set.rs`),
//! [`Surfaces`] (`surfaces.rs`), [`Area`] (`area.rs`), and the short
//! stack texts they display through (`text.rs`). Serde support lives with
//! the crate's other serde impls (`src/serde_impls.rs`).

mod area;
mod set;
mod surfaces;
#[cfg(all(test, feature = "std"))]
mod tests;
mod text;
mod tooth;

pub use area::*;
pub use set::*;
pub use surfaces::*;
pub use text::Excerpt;
pub(crate) use text::{trim, Ascii};
pub use tooth::*;

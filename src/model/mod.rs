//! The table-free layer: the types of the code set and the rules that need
//! no data. `build.rs` includes this folder once (`#[path]`), so the build
//! script and the library share every type the generated tables use.

pub(crate) mod category;
pub(crate) mod code;
pub(crate) mod date;
pub(crate) mod edition;
pub(crate) mod record;
pub(crate) mod reporting;
// Used by search (`alloc`) and by the data parser (`std`, and build.rs).
#[cfg_attr(not(feature = "alloc"), allow(dead_code))]
pub(crate) mod words;

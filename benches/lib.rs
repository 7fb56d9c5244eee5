//! Benchmarks of `cdt-codes` (see the `[[bench]]` targets and
//! `BENCHMARKS.md`). The library itself is empty: the member exists so that
//! criterion is a dependency of the benchmarks only.

#![forbid(unsafe_code)]

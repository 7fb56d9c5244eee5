//! The search mix against the fair naive scan, timed in pairs: each round
//! times `search(q).take(10)` over the whole mix (repeated, to last about
//! as long as one scan) and then the naive scan of the whole mix, or the
//! other way round on every other round, and keeps the ratio of the two.
//! A load that comes and goes on a shared machine then slows both sides
//! of a pair alike, where criterion, timing one benchmark seconds after
//! the other, reads whatever load each one met (on this machine the
//! criterion ratio of the same binary has read from 45x to 58x).
//!
//! Prints the median ratio of the rounds with its quartiles, and each
//! side's median time. Run from the repository root:
//!
//! ```text
//! cargo run --release -p cdt-codes-benches --example search_paired [ROUNDS]
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};

use cdt_codes_benches::{first_ten, lowered_descriptions, naive_scan, MIX};

/// How many times a round runs the search mix: about as long as one scan
/// of the mix, so both sides of a pair meet the same load.
const SEARCH_REPEATS: u32 = 50;

fn search_mix() -> usize {
    MIX.iter()
        .map(|query| first_ten(black_box(query)).len())
        .sum()
}

fn time(run: impl FnOnce() -> usize) -> Duration {
    let start = Instant::now();
    black_box(run());
    start.elapsed()
}

/// The value at `quantile` (0 to 1) of sorted `values`.
fn at(values: &[f64], quantile: f64) -> f64 {
    // A position in a short list: the rounding is the point.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let index = ((values.len() - 1) as f64 * quantile).round() as usize;
    values[index]
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(301)
        .max(1);
    let lowered = lowered_descriptions();
    let naive_mix = || MIX.iter().map(|q| naive_scan(black_box(q), &lowered)).sum();
    let searches = || (0..SEARCH_REPEATS).map(|_| search_mix()).sum();
    // Warm both sides: tables, caches, branch history.
    for _ in 0..20 {
        time(naive_mix);
        time(searches);
    }
    let mut ratios = Vec::with_capacity(rounds);
    let mut search_times = Vec::with_capacity(rounds);
    let mut scan_times = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let (search, scan) = if round % 2 == 0 {
            let search = time(searches);
            (search, time(naive_mix))
        } else {
            let scan = time(naive_mix);
            (time(searches), scan)
        };
        let search = search.as_secs_f64() / f64::from(SEARCH_REPEATS);
        let scan = scan.as_secs_f64();
        ratios.push(scan / search);
        search_times.push(search);
        scan_times.push(scan);
    }
    for values in [&mut ratios, &mut search_times, &mut scan_times] {
        values.sort_by(f64::total_cmp);
    }
    println!(
        "rounds: {rounds}; queries in the mix: {}; search repeated {SEARCH_REPEATS}x a round",
        MIX.len()
    );
    println!(
        "search, whole mix: median {:.2} µs; fair naive scan, whole mix: median {:.1} µs",
        at(&search_times, 0.5) * 1e6,
        at(&scan_times, 0.5) * 1e6
    );
    println!(
        "ratio per round (scan / search): median {:.1}x, quartiles {:.1}x to {:.1}x",
        at(&ratios, 0.5),
        at(&ratios, 0.25),
        at(&ratios, 0.75)
    );
}

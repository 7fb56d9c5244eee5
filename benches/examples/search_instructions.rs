//! Runs `search(q).take(10)` many times for one query, inside a function
//! that callgrind can count alone; `benches/report.py --instructions` runs
//! it under valgrind for every query of the mix and prints instructions
//! per query, a figure that does not move with the load of the machine.
//!
//! ```text
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measure*' \
//!     target/release/examples/search_instructions 1000 "crown"
//! ```

use std::hint::black_box;

#[inline(never)]
fn measure(query: &str, runs: usize) -> usize {
    let mut read = 0;
    for _ in 0..runs {
        read += cdt_codes::search(black_box(query))
            .take(10)
            .map(|p| usize::from(p.code().number() > 0))
            .sum::<usize>();
    }
    read
}

fn main() {
    let mut args = std::env::args().skip(1);
    let runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let query = args.collect::<Vec<_>>().join(" ");
    // Warm the tables once outside the measured function.
    black_box(cdt_codes::search(&query).count());
    println!("{}", measure(&query, runs));
}

#!/usr/bin/env bash
# Instructions (valgrind's callgrind) to check the claims benchmarks' files
# (200,000 generated lines as CSV and as an X12 837D), against the
# baselines of `cargo bench --bench claims` counted the same way: the `csv`
# crate reading the CSV into one reused ByteRecord, and a `memchr` split of
# the 837D on its terminator; and, for each, a hand-written check with
# the crate's lookups (benches/handwritten.rs). Instruction counts do not move with the load
# of the machine; they are not times (memchr's vector instructions do more
# per instruction than the checker's), so the criterion bench stays the
# measure of speed. Run from the repository root:
#   bash benches/claims_throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
cargo build --quiet --release -p cdt-codes-benches --example claims_instructions
bin=target/release/examples/claims_instructions
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null --collect-atstart=no \
        --toggle-collect='*measure*' "$bin" "$1" 2>&1 | sed -n 's/.*Collected : //p'
}
echo "date: $(date -u +%F), cores: $(nproc), commit: $(git rev-parse --short HEAD)"
echo "| file | baseline | checker, owned reports | checker, lent reports | per line (lent) | baseline / lent |"
echo "|---|---|---|---|---|---|"
for format in csv x12; do
    base=$(count "$format-baseline")
    owned=$(count "$format-owned")
    lent=$(count "$format-lent")
    # Kept by format for the hand-written rows below.
    declare "${format}_base=$base" "${format}_lent=$lent"
    python3 -c "
base, owned, lent = $base, $owned, $lent
print(f'| $format | {base/1e6:.1f} M | {owned/1e6:.1f} M | {lent/1e6:.1f} M | {lent/200000:.0f} | {base/lent:.3f}x |')"
done
# The CSV check as a competent engineer would write it with the crate's
# lookups (benches/handwritten.rs: the csv crate and CodeSet::validity per
# line), against the checker's lent reports as counted above.
# The same for the 837D (benches/handwritten.rs: a memchr split, each
# SV3's code and DTP*472's date, CodeSet::validity per line), against the
# memchr split alone: the floor under the issue's 0.25x target.
hand=$(count csv-handwritten)
x12_hand=$(count x12-handwritten)
python3 -c "
hand, lent, base, x12_hand, x12_lent, x12_base = $hand, $csv_lent, $csv_base, $x12_hand, $x12_lent, $x12_base
print()
print('| file | hand-written | checker, lent reports | hand-written / lent | baseline / hand-written |')
print('|---|---|---|---|---|')
print(f'| CSV (csv crate + CodeSet::validity), per line | {hand/200000:.0f} | {lent/200000:.0f} | {hand/lent:.3f}x | {base/hand:.3f}x |')
print(f'| X12 (memchr split + CodeSet::validity), per line | {x12_hand/200000:.0f} | {x12_lent/200000:.0f} | {x12_hand/x12_lent:.3f}x | {x12_base/x12_hand:.3f}x |')"

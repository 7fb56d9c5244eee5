#!/usr/bin/env bash
# Instructions (valgrind's callgrind) per `search(q).take(10)` for every
# query of the mix in benches/search.rs, at this checkout and, when a base
# commit is given, at that commit too, so a change in search's cost is
# seen whatever else the machine is doing. Run from the repository root:
#   bash benches/search_instructions.sh [BASE_COMMIT]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-}
runs=${RUNS:-1000}
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
mapfile -t queries < <(python3 -c 'import sys; sys.path.insert(0, "benches"); import report; print("\n".join(report.mix_queries()))')
cargo build --quiet --release -p cdt-codes-benches --example search_instructions
head_binary=./target/release/examples/search_instructions
if [ -n "$base" ]; then
    git worktree add --quiet --detach "$work/base" "$base"
    # The base may predate the example: use this checkout's.
    cp benches/examples/search_instructions.rs "$work/base/benches/examples/" 2>/dev/null || true
    (cd "$work/base" && CARGO_TARGET_DIR="$PWD/../target-base" cargo build --quiet --release -p cdt-codes-benches --example search_instructions)
    base_binary="$work/target-base/release/examples/search_instructions"
fi
count() {
    valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measure*' \
        --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*Collected : //p'
}
echo "date: $(date -u +%F), base: ${base:-none}, head: $(git rev-parse --short HEAD), runs per query: $runs"
echo "| query | base | head | head / base |"
echo "|---|---|---|---|"
total_base=0
total_head=0
for query in "${queries[@]}"; do
    new=$(count "$head_binary" "$runs" "$query")
    total_head=$((total_head + new))
    if [ -n "$base" ]; then
        old=$(count "$base_binary" "$runs" "$query")
        total_base=$((total_base + old))
        python3 -c "print(f'| \`$query\` | {$old/$runs/1000:.1f}k | {$new/$runs/1000:.1f}k | {$new/$old:.2f} |')"
    else
        python3 -c "print(f'| \`$query\` | | {$new/$runs/1000:.1f}k | |')"
    fi
done
n=${#queries[@]}
if [ -n "$base" ]; then
    python3 -c "print(f'| mean of the mix | {$total_base/$runs/$n/1000:.1f}k | {$total_head/$runs/$n/1000:.1f}k | {$total_head/$total_base:.2f} |')"
else
    python3 -c "print(f'| mean of the mix | | {$total_head/$runs/$n/1000:.1f}k | |')"
fi

#!/usr/bin/env bash
# The cost of the claim-level edits inside the checker, in instructions
# (valgrind's callgrind), which a busy machine does not disturb:
# check_claims over the same 20,000 lines in claims of four, with the edits
# and with --no-edits. Run from the repository root:
#   bash benches/claims_edits_cost.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
file=$(mktemp --suffix .csv)
python3 - "$file" <<'PY'
import random, sys
random.seed(7)
codes = [line.split('\t')[0] for line in open('data/codes.tsv').read().split('\n')[1:] if line]
with open(sys.argv[1], 'w') as out:
    out.write('claim_id,line_id,procedure_code,date_of_service\n')
    for i in range(20000):
        out.write(f'C{i // 4},L{i},{random.choice(codes)},2026-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}\n')
PY
cargo build --quiet --release --example check_claims
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null ./target/release/examples/check_claims "$@" "$file" \
        2>&1 >/dev/null | sed -n 's/.*Collected : //p'
}
on=$(count)
off=$(count --no-edits)
rm -f "$file"
echo "date: $(date -u +%F), cores: $(nproc)"
echo "check_claims, 20,000 lines in claims of 4, text output"
echo "  edits on:  $on instructions"
echo "  edits off: $off instructions"
python3 -c "print(f'  throughput with edits: {$off / $on:.2f}x the checker without them')"

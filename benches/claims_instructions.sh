#!/usr/bin/env bash
# Instructions (valgrind's callgrind) for check_claims over the same
# generated 20,000 claim lines as CSV and as an X12 837D, at this checkout
# and at a base commit (default 032712c, before the claims rework of
# December 2026), so a change in the checker's cost is seen whatever else
# the machine is doing. Run from the repository root:
#   bash benches/claims_instructions.sh [BASE_COMMIT]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-032712c}
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import random, sys
random.seed(11)
codes = [line.split('\t')[0] for line in open('data/codes.tsv').read().split('\n')[1:] if line]
rows = []
with open(f'{sys.argv[1]}/claims.csv', 'w') as out:
    out.write('line_id,procedure_code,date_of_service\n')
    for i in range(20000):
        code = random.choice(codes)
        day = f'2026{random.randint(1, 12):02d}{random.randint(1, 28):02d}'
        rows.append((code, day))
        out.write(f'L{i},{code},{day[:4]}-{day[4:6]}-{day[6:]}\n')
isa = 'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260215*1030*^*00501*000000001*0*T*:~'
segments = ['GS*HC*S*R*20260215*1030*1*X*005010X224A2', 'ST*837*0001*005010X224A2']
for i, (code, day) in enumerate(rows):
    if i % 5 == 0:
        segments.append(f'CLM*C{i // 5}*100***11:B:1*Y*A*Y*Y')
    segments += [f'LX*{i % 5 + 1}', f'SV3*AD:{code}*50****1', f'DTP*472*D8*{day}']
segments += [f'SE*{len(segments)}*0001', 'GE*1*1', 'IEA*1*000000001']
open(f'{sys.argv[1]}/claims.837', 'w').write(isa + '\n'.join(s + '~' for s in segments) + '\n')
PY
git worktree add --quiet --detach "$work/base" "$base"
(cd "$work/base" && CARGO_TARGET_DIR="$PWD/../target-base" cargo build --quiet --release --example check_claims)
cargo build --quiet --release --example check_claims
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*Collected : //p'
}
echo "date: $(date -u +%F), cores: $(nproc), base: $base, head: $(git rev-parse --short HEAD)"
for input in claims.csv claims.837; do
    old=$(count "$work/target-base/release/examples/check_claims" "$work/$input")
    new=$(count ./target/release/examples/check_claims --no-edits "$work/$input")
    edits=$(count ./target/release/examples/check_claims "$work/$input")
    python3 -c "print(f'$input: base $old, head $new (no edits) {$new/$old:.2f}x the base instructions, head with edits $edits')"
done

#!/usr/bin/env bash
# Times storydiff next to `git diff --no-index --word-diff` on the benchmark pairs, and reports
# each one's peak memory (max RSS). Usage, from anywhere in the repository:
#
#   scripts/bench-vs-git.sh [SIZE...]      # SIZE: 0.25mb 1mb 4mb (default: all three)
#
# storydiff is the release binary printing `--format inline` (its word diff, the counterpart
# of git's) when it has that option; otherwise the benchmark binary in its `--once` mode.
# Needs the pairs from scripts/make-bench-data.py, and hyperfine (apt-get install hyperfine) for
# the side-by-side timing. Then /usr/bin/time times the two commands alternately, ROUNDS times
# (default 1; on a shared machine use 5 or more and compare medians, since hyperfine runs one
# command's runs back to back and a neighbour's load can fall on one of them).
# Both tools exit 1 when the files differ, which is not a failure here.
set -euo pipefail

cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(0.25mb 1mb 4mb)

cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/storydiff"
if "$bin" --help 2>/dev/null | grep -q -- '--format'; then
    storydiff_cmd() { echo "$bin --format inline --color never $1 $2"; }
else
    bench=$(cargo bench --bench align --no-run --message-format=json 2>/dev/null |
        python3 -c 'import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "align" and m.get("executable"):
        print(m["executable"])')
    echo "note: $bin has no --format option yet; timing the benchmark binary's --once mode" >&2
    storydiff_cmd() { echo "$bench $size --once"; }
fi
git_cmd() { echo "git diff --no-index --no-color --word-diff $1 $2"; }

for size in "${sizes[@]}"; do
    a="benches/data/kjv_$size.txt" b="benches/data/web_$size.txt"
    if [ ! -f "$a" ] || [ ! -f "$b" ]; then
        echo "missing $a or $b: run python3 scripts/make-bench-data.py" >&2
        exit 2
    fi
    echo "== $size: $(wc -c <"$a") and $(wc -c <"$b") bytes"
    cmds=("$(git_cmd "$a" "$b")" "$(storydiff_cmd "$a" "$b")")
    if command -v hyperfine >/dev/null; then
        hyperfine --shell=none --ignore-failure --warmup 1 --min-runs 5 "${cmds[@]}"
    fi
    for _ in $(seq "${ROUNDS:-1}"); do
        for cmd in "${cmds[@]}"; do
            # shellcheck disable=SC2086 # the command is a list of words on purpose
            /usr/bin/time -q -f "%e s wall, %U s user, %S s sys, max RSS %M KB: ${cmd%% *}" $cmd >/dev/null || true
        done
    done
done

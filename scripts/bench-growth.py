#!/usr/bin/env python3
"""How storydiff's cost grows with the size of its input, next to git's word diff.

The 1 MB and 4 MB benchmark pairs are prefixes of the Bible, so the 4 MB pair holds other books
than the 1 MB one, and books differ in cost per byte (shorter verses, more changed words between
the two translations). To tell growth with size from variation with content, this also times
the four consecutive quarters of the 4 MB range (benches/data/{kjv,web}_4mb_q1…q4.txt, written
by scripts/make-bench-data.py): if cost is linear in size, the whole costs what its quarters
cost together, whatever each costs per byte.

Each command runs ROUNDS times (default 5), the commands alternating, output to /dev/null; the
figures are medians of wall and CPU (user + system) seconds and the peak resident memory.

    python3 scripts/bench-growth.py [ROUNDS]

Needs a release build (cargo build --release) and the benchmark data.
"""

import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "benches" / "data"
BIN = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "storydiff"
INPUTS = ["1mb", "4mb_q1", "4mb_q2", "4mb_q3", "4mb_q4", "4mb"]
TOOLS = {
    "storydiff": lambda a, b: [str(BIN), "--format", "inline", "--color", "never", a, b],
    "git": lambda a, b: ["git", "diff", "--no-index", "--no-color", "--word-diff", a, b],
}


def run(cmd):
    """Runs a command with output to /dev/null: (wall s, CPU s, peak MB)."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(cmd, stdout=null, stderr=null)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # both tools exit 1 when the files differ
        sys.exit(f"{cmd[0]} failed with exit status {code}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    for label in INPUTS:
        for t in ("kjv", "web"):
            if not (DATA / f"{t}_{label}.txt").exists():
                sys.exit(f"missing {DATA / f'{t}_{label}.txt'}: run python3 scripts/make-bench-data.py")
    if not BIN.exists():
        sys.exit(f"missing {BIN}: run cargo build --release")
    times = {(tool, label): [] for tool in TOOLS for label in INPUTS}
    for _ in range(rounds):
        for label in INPUTS:
            a, b = (str(DATA / f"{t}_{label}.txt") for t in ("kjv", "web"))
            for tool, make in TOOLS.items():
                times[(tool, label)].append(run(make(a, b)))

    def median(tool, label, k):
        return statistics.median(r[k] for r in times[(tool, label)])

    print(f"medians of {rounds} alternated rounds: wall s / CPU s / peak MB")
    print(f"{'input':10}" + "".join(f"{tool:>26}" for tool in TOOLS))
    for label in INPUTS:
        cells = "".join(
            f"{median(t, label, 0):10.2f} {median(t, label, 1):6.2f} {median(t, label, 2):7.0f}"
            for t in TOOLS
        )
        print(f"{label:10}{cells}")
    print()
    for tool in TOOLS:
        for k, what in ((0, "wall"), (1, "CPU")):
            whole = median(tool, "4mb", k)
            quarters = sum(median(tool, f"4mb_q{q}", k) for q in range(1, 5))
            first = median(tool, "1mb", k)
            print(
                f"{tool:9} {what:4}: 4 MB / 1 MB = {whole / first:4.2f}x;  "
                f"4 MB / sum of its quarters = {whole / quarters:4.2f}x;  "
                f"quarters / first quarter = "
                + " ".join(f"{median(tool, f'4mb_q{q}', k) / median(tool, '4mb_q1', k):4.2f}"
                           for q in range(1, 5))
            )


if __name__ == "__main__":
    main()

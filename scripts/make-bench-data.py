#!/usr/bin/env python3
"""Writes the benchmark pairs benches/data/{kjv,web}_{0.25,1,4}mb.txt (git-ignored).

Each pair is the Bible from Genesis on, in the King James Version and the World English Bible,
cut at the end of the first chapter at which the KJV text reaches 0.25, 1 or 4 MB (10^6 bytes).
The 4 MB range is also cut into four consecutive quarters at chapter ends ({kjv,web}_4mb_q1…q4),
to tell how cost grows with size from how it varies with content: the four quarters' costs add
up to the whole's if the cost is linear in size, whatever each book costs per byte.
The versions are paragraphed differently, as storydiff must see through: the KJV one verse per
line, the WEB in paragraphs of 1 to 6 verses hard-wrapped at 72 columns with blank lines
between paragraphs. Needs diatheke and the sword-text-kjv/sword-text-web packages (see
benches/README.md).

    python3 scripts/make-bench-data.py
"""

import importlib.util
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))
import sword_text  # noqa: E402

# The layout code is shared with the evaluation set; its file name has a dash, so load it by path.
_spec = importlib.util.spec_from_file_location("make_eval_set", HERE / "make-eval-set.py")
make_eval_set = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_eval_set)

OUT = HERE.parent / "benches" / "data"
SIZES = [("0.25", 250_000), ("1", 1_000_000), ("4", 4_000_000)]


def prefix_to_size(kjv, target):
    """How many verses, ending at a chapter end, make the KJV text at least `target` bytes."""
    size = 0
    for i, (ref, text) in enumerate(kjv):
        size += len(text.lstrip("¶ ").encode()) + 1
        last_of_chapter = i + 1 == len(kjv) or kjv[i + 1][0][:2] != ref[:2]
        if size >= target and last_of_chapter:
            return i + 1
    return len(kjv)


def write_pair(label, name, kjv_verses, web):
    """Lays out one pair (the WEB verses are those of the KJV range) and writes it."""
    refs = {ref for ref, _ in kjv_verses}
    ktext, _ = make_eval_set.layout(name, "kjv", kjv_verses, "lines")
    wtext, _ = make_eval_set.layout(name, "web", [v for v in web if v[0] in refs], "wrapped")
    for translation, text in (("kjv", ktext), ("web", wtext)):
        path = OUT / f"{translation}_{label}.txt"
        path.write_text(text, encoding="utf-8")
        print(f"{path.relative_to(HERE.parent)}: {len(text.encode())} bytes, "
              f"{len(kjv_verses)} verses, {sword_text.ref_name(kjv_verses[0][0])} to "
              f"{sword_text.ref_name(kjv_verses[-1][0])}")


def main():
    kjv, web = sword_text.verses("kjv"), sword_text.verses("web")
    OUT.mkdir(parents=True, exist_ok=True)
    for label, target in SIZES:
        count = prefix_to_size(kjv, target)
        write_pair(f"{label}mb", f"bench-{label}", kjv[:count], web)
    # Quarters of the 4 MB range: each ends at the first chapter end past its share of bytes.
    whole = kjv[: prefix_to_size(kjv, 4_000_000)]
    start = 0
    for q in range(1, 5):
        end = len(whole) if q == 4 else start + prefix_to_size(whole[start:], 1_000_000)
        write_pair(f"4mb_q{q}", f"bench-4-q{q}", whole[start:end], web)
        start = end


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Rebuilds tests/eval/: KJV/WEB pairs of Bible chapters with verse-level gold correspondences.

Each pair is written as two plain-text articles without verse numbers, laid out differently
(one verse per line, paragraphs on one line, blank-line separated blocks, hard-wrapped at 72
columns), plus a TSV that gives the byte range of every verse in each file. See
tests/eval/README.md for the format. Run from anywhere:

    python3 scripts/make-eval-set.py            # writes tests/eval/
    python3 scripts/make-eval-set.py --check    # fails if the committed files differ
"""

import argparse
import hashlib
import pathlib
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import sword_text  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "eval"
WIDTH = 72

# name, chapters as (book, first, last), KJV layout, WEB layout, what the pair exercises.
PAIRS = [
    ("ruth", [("Ruth", 1, 4)], "lines", "wrapped", "narrative"),
    ("jonah", [("Jonah", 1, 4)], "blocks", "lines", "narrative with a psalm (chapter 2)"),
    ("genesis-creation", [("Genesis", 1, 3)], "lines", "paragraph-lines",
     "formulaic narrative: near-identical verses repeat"),
    ("genesis-joseph", [("Genesis", 37, 37)], "wrapped", "blocks", "narrative, dialogue"),
    ("mark-5", [("Mark", 5, 5)], "lines", "wrapped", "gospel narrative"),
    ("luke-15", [("Luke", 15, 15)], "blocks", "paragraph-lines", "parables, dialogue"),
    ("acts-27", [("Acts", 27, 27)], "paragraph-lines", "wrapped", "travel narrative"),
    ("james", [("James", 1, 5)], "lines", "blocks", "letter: argument, exhortation"),
    ("wisdom", [("Ecclesiastes", 3, 3), ("Proverbs", 3, 3)], "lines", "wrapped",
     "short parallel sayings, two books in one article"),
    ("esther", [("Esther", 1, 10)], "wrapped", "paragraph-lines", "long narrative (a book)"),
    ("philemon", [("Philemon", 1, 1)], "lines", "blocks", "short personal letter"),
]


def chapter_key(book, chapter):
    return f"{book} {chapter}"


def select(all_verses, chapters):
    """The verses of the chosen chapters, in order."""
    wanted = {(book, c) for book, first, last in chapters for c in range(first, last + 1)}
    return [(ref, text) for ref, text in all_verses if (ref[0], ref[1]) in wanted]


def paragraphs(name, translation, verses):
    """Groups verses into paragraphs: a new one at each chapter, at each KJV pilcrow (¶), and
    after a pseudo-random 1 to 6 verses (seeded by pair and translation, so rebuilding is
    reproducible and the two versions break differently)."""
    groups, left = [], 0
    for i, (ref, text) in enumerate(verses):
        pilcrow = text.startswith("¶")
        text = text.lstrip("¶ ")
        new_chapter = i == 0 or verses[i - 1][0][:2] != ref[:2]
        if new_chapter or pilcrow or left == 0:
            groups.append([])
            digest = hashlib.sha256(f"{name}/{translation}/{i}".encode()).digest()
            left = 1 + digest[0] % 6
        groups[-1].append((ref, text))
        left -= 1
    return groups


def wrap_in_place(line):
    """Hard-wraps at WIDTH by turning spaces into newlines, so byte offsets do not move."""
    chars, col, last_space = list(line), 0, None
    for i, ch in enumerate(chars):
        if ch == " ":
            last_space = i
        col += 1
        if col > WIDTH and last_space is not None:
            chars[last_space] = "\n"
            col = i - last_space
            last_space = None
    return "".join(chars)


def layout(name, translation, verses, style):
    """The article text and the byte range of each verse in it."""
    if style == "lines":
        groups = [[(ref, text.lstrip("¶ "))] for ref, text in verses]
        para_sep = "\n"
    else:
        groups = paragraphs(name, translation, verses)
        para_sep = "\n" if style == "paragraph-lines" else "\n\n"
    out, ranges, pos = [], {}, 0
    for g, group in enumerate(groups):
        if g:
            out.append(para_sep)
            pos += len(para_sep.encode())
        para = []
        for v, (ref, text) in enumerate(group):
            if v:
                para.append(" ")
                pos += 1
            size = len(text.encode())
            ranges[ref] = (pos, pos + size)
            para.append(text)
            pos += size
        line = "".join(para)
        out.append(wrap_in_place(line) if style == "wrapped" else line)
    out.append("\n")
    return "".join(out), ranges


def build():
    kjv, web = sword_text.verses("kjv"), sword_text.verses("web")
    files = {}
    for name, chapters, kjv_style, web_style, _ in PAIRS:
        kv, wv = select(kjv, chapters), select(web, chapters)
        ktext, kranges = layout(name, "kjv", kv, kjv_style)
        wtext, wranges = layout(name, "web", wv, web_style)
        rows = ["verse\tkjv_start\tkjv_end\tweb_start\tweb_end"]
        for ref, _ in kv:
            k, w = kranges[ref], wranges.get(ref)
            wcols = f"{w[0]}\t{w[1]}" if w else "-\t-"
            rows.append(f"{sword_text.ref_name(ref)}\t{k[0]}\t{k[1]}\t{wcols}")
        for ref, _ in wv:
            if ref not in kranges:
                w = wranges[ref]
                rows.append(f"{sword_text.ref_name(ref)}\t-\t-\t{w[0]}\t{w[1]}")
        files[f"{name}.kjv.txt"] = ktext
        files[f"{name}.web.txt"] = wtext
        files[f"{name}.verses.tsv"] = "\n".join(rows) + "\n"
    return files


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with tests/eval, write nothing")
    args = parser.parse_args()
    files = build()
    if args.check:
        stale = [n for n, t in files.items() if not (OUT / n).exists()
                 or (OUT / n).read_text(encoding="utf-8") != t]
        for n in stale:
            print(f"differs: tests/eval/{n}")
        sys.exit(1 if stale else 0)
    OUT.mkdir(parents=True, exist_ok=True)
    for n, t in files.items():
        (OUT / n).write_text(t, encoding="utf-8")
    total = sum(len(t.encode()) for t in files.values())
    print(f"wrote {len(files)} files, {total} bytes, to {OUT}")


if __name__ == "__main__":
    main()

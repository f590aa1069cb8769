"""Verse-keyed plain text of the public-domain Bible translations installed as SWORD modules.

Shared by make-eval-set.py and make-bench-data.py. Needs Debian's `diatheke` and the
`sword-text-kjv` and `sword-text-web` packages:

    apt-get install -y diatheke sword-text-kjv sword-text-web

The modules are the King James Version (1769 text, module engKJV2006eb) and the World English
Bible (module engWEB2015eb, the 2015 edition with deuterocanon, of which only the 66 books the
KJV module has are used). Both are in the public domain.

diatheke prints one verse per line as `Book C:V: text` in OSIS markup; text before the reference
on a line is a heading (psalm titles), which is dropped. Footnotes are asked for (`-o f`) so that
they come out as <note> elements that can be cut cleanly: without them diatheke deletes the note
and glues the words on either side of it together ("Godcreated").
"""

import re
import subprocess

MODULES = {"kjv": "engKJV2006eb", "web": "engWEB2015eb"}

# The 66 books, named as diatheke prints them.
BOOKS = [
    "Genesis", "Exodus", "Leviticus", "Numbers", "Deuteronomy", "Joshua", "Judges", "Ruth",
    "I Samuel", "II Samuel", "I Kings", "II Kings", "I Chronicles", "II Chronicles", "Ezra",
    "Nehemiah", "Esther", "Job", "Psalms", "Proverbs", "Ecclesiastes", "Song of Solomon",
    "Isaiah", "Jeremiah", "Lamentations", "Ezekiel", "Daniel", "Hosea", "Joel", "Amos",
    "Obadiah", "Jonah", "Micah", "Nahum", "Habakkuk", "Zephaniah", "Haggai", "Zechariah",
    "Malachi", "Matthew", "Mark", "Luke", "John", "Acts", "Romans", "I Corinthians",
    "II Corinthians", "Galatians", "Ephesians", "Philippians", "Colossians", "I Thessalonians",
    "II Thessalonians", "I Timothy", "II Timothy", "Titus", "Philemon", "Hebrews", "James",
    "I Peter", "II Peter", "I John", "II John", "III John", "Jude", "Revelation of John",
]

_REF = re.compile(
    r"(?:^|(?<=\s)|(?<=>))("
    + "|".join(re.escape(b) for b in sorted(BOOKS, key=len, reverse=True))
    + r") (\d+):(\d+): "
)
_NOTE = re.compile(r"<note\b[^>]*?(?:/>|>.*?</note>)", re.S)
_TITLE = re.compile(r"<title\b[^>]*?(?:/>|>.*?</title>)", re.S)
# Word and phrase markup sits inside the text; line and stanza markers stand between words.
_INLINE_TAG = re.compile(r"</?(?:w|transChange|q|hi|divineName|foreign|seg)\b[^>]*>")
_TAG = re.compile(r"<[^>]*>")
_GAP = "\x00"


def clean(markup):
    """Plain text of one verse's OSIS markup, on one line with single spaces."""
    text = _TITLE.sub("", markup)
    text = _NOTE.sub(_GAP, text)
    text = _INLINE_TAG.sub("", text)
    text = _TAG.sub(" ", text)
    # A note between two words stood for the space between them; elsewhere it stood for nothing.
    text = re.sub(r"(?<=\w)\x00+(?=\w)", " ", text)
    text = text.replace(_GAP, "")
    text = re.sub(r"\s+", " ", text).strip()
    # Tags stripped to spaces can leave a space before punctuation ("God ,").
    return re.sub(r" (?=[,.;:!?’”)\]])", "", text)


def verses(translation, key="Gen-Rev"):
    """Ordered list of ((book, chapter, verse), text) for a diatheke key, empty verses dropped."""
    module = MODULES[translation]
    out = subprocess.run(
        ["diatheke", "-b", module, "-f", "OSIS", "-o", "f", "-k", key],
        check=True, capture_output=True, text=True,
    ).stdout
    result = []
    for line in out.splitlines():
        refs = list(_REF.finditer(line))
        if not refs:
            continue
        ref = refs[-1]
        text = clean(line[ref.end():])
        if text:
            result.append(((ref.group(1), int(ref.group(2)), int(ref.group(3))), text))
    return result


def ref_name(ref):
    """`Ruth 1:16` for (\"Ruth\", 1, 16)."""
    book, chapter, verse = ref
    return f"{book} {chapter}:{verse}"

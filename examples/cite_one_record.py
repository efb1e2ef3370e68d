"""Cite one record: read the bundled DSpace item page and print its citation in three styles.

Run ``python examples/cite_one_record.py [FILE]``; FILE is any record citeform reads (a saved
DSpace item page, REST JSON, CSL-JSON, BibTeX, RIS) and defaults to the bundled example.
The locale comes from the record's language: a German record gets German terms.
"""

from __future__ import annotations

import sys
from pathlib import Path

import citeform

BUNDLED_EXAMPLE = Path(__file__).parent / "dspace-item-page.txt"
STYLES = ("apa", "din-iso-690-de", "chicago-author-date")


def main(source: Path) -> None:
    """Print the first record of *source* as a line per style."""
    record = citeform.read(source, strict=True)[0]
    print(f"{record.type}: {record.get('title')}")
    for style in STYLES:
        print(f"{style}: {citeform.Renderer(style=style).entry(record)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else BUNDLED_EXAMPLE)

"""A bibliography from a .bib file: every entry, in the style's order, as text or HTML.

Run ``python examples/bibliography_from_bib.py [FILE.bib] [STYLE] [LOCALE]``; the defaults are
``publications.bib`` next to this script, APA and en-US. An entry that cannot be read or
rendered is reported on standard error; the others are still printed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import citeform

BUNDLED_BIB = Path(__file__).parent / "publications.bib"


def main(bib: Path, style: str = "apa", locale: str = "en-US") -> int:
    """Print the bibliography of *bib*; return 1 if some entry failed, else 0."""
    records = citeform.read(bib, format="bibtex")
    bibliography = citeform.Renderer(style=style, locale=locale).bibliography(records)
    for entry in bibliography:
        print(entry)
    for error in [*records.errors, *bibliography.errors]:
        print(f"skipped: {error}", file=sys.stderr)
    return 1 if records.errors or bibliography.errors else 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    sys.exit(main(Path(arguments[0]) if arguments else BUNDLED_BIB, *arguments[1:3]))

"""Font style only for text in scripts that have one, as citeproc-js renders it.

citeproc-js drops the ``font-style`` of a ``cs:text``, ``cs:number`` or ``cs:label`` whose
text has no letter or digit of an alphabetic script (Latin, Greek, Cyrillic, Hebrew,
Arabic, Thai): a Chinese or Japanese title set in italics prints upright.
"""

from __future__ import annotations

import re
from typing import Final

from citeform.engine.csl.rich import Formatting, Part, plain

_ALPHABETIC: Final = re.compile(
    "[-0-9a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4"
    "\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218-\u021b\u202a-\u202e]"
)
"""A character of a script that italics apply to (citeproc-js's "romanesque" set)."""


def upright(formatting: Formatting) -> Formatting | None:
    """*formatting* without its ``font-style``; None when it sets none."""
    if not any(name == "font-style" for name, _ in formatting):
        return None
    return tuple((name, value) for name, value in formatting if name != "font-style")


def takes_font_style(node: Part) -> bool:
    """Whether the text of *node* has a character italics apply to."""
    return _ALPHABETIC.search(plain(node)) is not None

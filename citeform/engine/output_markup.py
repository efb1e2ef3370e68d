"""Output formats' markup: formatting as text, HTML, Markdown and RTF, and their escaping.

Shared by both engines: the tags and escapes are CSL's (as citeproc-js writes them), not an
engine's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Final

_PLAIN: Final[Mapping[str, tuple[str, str]]] = {
    **dict.fromkeys(("italic", "bold", "superscript", "subscript", "small-caps"), ("", "")),
    "underline": ("", ""),
    "left-margin": ("", " "),
    "right-inline": ("", ""),
    "nocase": ("", ""),
    "block": (" ", " "),
    "indent": (" ", " "),
    "no-decoration": ("", ""),
    "baseline": ("", ""),
}

FORMAT_MARKUP: Final[Mapping[str, Mapping[str, tuple[str, str]]]] = {
    "text": _PLAIN,
    "html": {
        "italic": ("<i>", "</i>"),
        "bold": ("<b>", "</b>"),
        "superscript": ("<sup>", "</sup>"),
        "subscript": ("<sub>", "</sub>"),
        "small-caps": ('<span style="font-variant:small-caps;">', "</span>"),
        "underline": ('<span style="text-decoration:underline;">', "</span>"),
        "left-margin": ('<div class="csl-left-margin">', "</div>"),
        "right-inline": ('<div class="csl-right-inline">', "</div>"),
        "nocase": ("", ""),
        "block": ('<div class="csl-block">', "</div>"),
        "indent": ('<div class="csl-indent">', "</div>"),
        "no-decoration": ('<span style="text-decoration:none;">', "</span>"),
        "baseline": ('<span style="baseline">', "</span>"),
    },
    "markdown": {
        "italic": ("*", "*"),
        "bold": ("**", "**"),
        "superscript": ("<sup>", "</sup>"),
        "subscript": ("<sub>", "</sub>"),
        "small-caps": ('<span style="font-variant:small-caps;">', "</span>"),
        "underline": ("<u>", "</u>"),
        "left-margin": ("", " "),
        "right-inline": ("", ""),
        "nocase": ("", ""),
        "block": ("\n\n", "\n\n"),
        "indent": ("\n\n", "\n\n"),
        "no-decoration": ("", ""),
        "baseline": ("", ""),
    },
    "rtf": {
        "italic": ("{\\i ", "}"),
        "bold": ("{\\b ", "}"),
        "superscript": ("{\\super ", "}"),
        "subscript": ("{\\sub ", "}"),
        "small-caps": ("{\\scaps ", "}"),
        "underline": ("{\\ul ", "}"),
        "left-margin": ("", "\\tab "),
        "right-inline": ("", ""),
        "nocase": ("", ""),
        "block": ("\\line ", "\\line "),
        "indent": ("\\line\\tab ", "\\line "),
        "no-decoration": ("", ""),
        "baseline": ("", ""),
    },
}
"""Output format -> formatting kind -> (open, close) markup."""


FLIP_FLOPS: Final[Mapping[str, Mapping[str, tuple[str, str]]]] = {
    "html": {
        "italic": ('<span style="font-style:normal;">', "</span>"),
        "bold": ('<span style="font-weight:normal;">', "</span>"),
        "small-caps": ('<span style="font-variant:normal;">', "</span>"),
    },
}
"""Output format -> formatting kind -> the markup of that formatting nested in itself."""


def escape_html(text: str) -> str:
    """Escape as citeproc-js does (numeric references for ``& < >``)."""
    return text.replace("&", "&#38;").replace("<", "&#60;").replace(">", "&#62;")


def escape_markdown(text: str) -> str:
    """Escape Markdown's special characters with backslashes."""
    return re.sub(r"([\\`*_\[\]<>#])", r"\\\1", text)


def escape_rtf(text: str, kept: frozenset[str] = frozenset()) -> str:
    """Escape for RTF: braces and backslashes, and every non-ASCII character (but *kept*)."""
    text = text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
    return "".join(
        char if ord(char) < 128 or char in kept else f"\\u{_rtf_code(char)}?" for char in text
    )


def _rtf_code(char: str) -> int:
    code = ord(char)
    return code - 0x10000 if code > 0x7FFF else code


ESCAPES: Final[Mapping[str, Callable[[str], str]]] = {
    "text": str,
    "html": escape_html,
    "markdown": escape_markdown,
    "rtf": escape_rtf,
}
"""Output format -> how data is escaped in it."""

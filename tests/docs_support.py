"""What the docs tests share: the repository's paths and the parts of citeform a page needs.

A page (or example script) names the parts of citeform it uses in one marker line,
``% docs-test needs: citeform.fill, format:dspace-page, command:fill`` in a page (a MyST
comment, not rendered) or ``# docs-test needs: ...`` in a script. When one of them is
missing, its test fails first, naming what is missing, rather than on a code block.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from pathlib import Path

import citeform
from citeform.cli import build_parser
from citeform.errors import UnknownFormatError, UnknownStyleError
from citeform.styles import resolve_style

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
EXAMPLES = REPO / "examples"

_MARKER = re.compile(r"^[%#] docs-test needs: (.+)$", re.MULTILINE)


def needs_of(text: str) -> list[str]:
    """The parts of citeform a page or script declares it needs."""
    return [need.strip() for line in _MARKER.findall(text) for need in line.split(",")]


def _subcommands() -> set[str]:
    parser = build_parser()
    for action in parser._actions:
        if hasattr(action, "choices") and isinstance(action.choices, dict):
            return set(action.choices)
    return set()


def _has_attribute(dotted: str) -> bool:
    found: object = citeform
    for attribute in dotted.split(".")[1:]:
        found = getattr(found, attribute, None)
    return found is not None


def _has_format(name: str) -> bool:
    try:
        citeform.get_format(name)
    except UnknownFormatError:
        return False
    return True


def _has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _has_style(name: str) -> bool:
    try:
        resolve_style(name)
    except UnknownStyleError:
        return False
    return True


CHECKS: dict[str, Callable[[str], bool]] = {
    "format": _has_format,
    "command": lambda name: name in _subcommands(),
    "module": _has_module,
    "style": _has_style,
    "file": lambda name: (REPO / name).is_file(),
}
"""How each kind of need (``kind:name``) is checked; ``citeform.NAME`` looks up an attribute."""


def is_available(need: str) -> bool:
    """Whether one declared need (``citeform.NAME``, ``format:``, ``command:``, ...) is met."""
    if need.startswith("citeform."):
        return _has_attribute(need)
    kind, _, name = need.partition(":")
    if kind not in CHECKS:
        raise ValueError(f"unknown kind of need {need!r}")
    return CHECKS[kind](name)


def missing_needs(text: str) -> list[str]:
    """The declared needs of *text* that are not met."""
    return [need for need in needs_of(text) if not is_available(need)]


def assert_needs_met(name: str, text: str) -> None:
    """Fail, naming what is missing, when a need that *text* (of *name*) declares is not met."""
    missing = missing_needs(text)
    assert not missing, f"{name} needs {', '.join(missing)} (its 'docs-test needs' line)"

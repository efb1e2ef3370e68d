"""A compiled style: its citation and bibliography layouts, sort keys and options.

:func:`compile_style` reads a style file once into a :class:`CompiledStyle`, which is
immutable and shared by every render; locales are merged per language on first use
and cached.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final

import attrs

from citeform.engine.csl.compiler import NAME_ATTRIBUTES, Compiler, Decoration, Render
from citeform.engine.csl.locale import Locale, build_locale
from citeform.engine.csl.xml import Element, parse_file
from citeform.errors import UnknownStyleError

_INHERITABLE: Final = NAME_ATTRIBUTES | {"name-form", "name-delimiter", "names-delimiter"}
"""Options that cs:style, cs:citation and cs:bibliography give the names they contain."""
_BRANCHING: Final = frozenset({"choose", "if", "else-if", "else"})


@attrs.frozen(eq=False)
class SortKey:
    """One ``cs:key``: a variable or a macro, its direction and name overrides."""

    variable: str | None
    macro: Render | None
    descending: bool
    names_override: Mapping[str, str]


@attrs.frozen(eq=False)
class Section:
    """The citation or the bibliography of a style, compiled."""

    layout: Render
    decoration: Decoration
    delimiter: str
    sort: tuple[SortKey, ...]
    options: Mapping[str, str]
    first_child: Render | None = None
    rest: Render | None = None


@attrs.frozen(eq=False)
class CompiledStyle:
    """A style parsed and compiled once; immutable and shared by every render."""

    path: str
    cls: str
    default_locale: str | None
    style_locales: tuple[Element, ...]
    options: Mapping[str, str]
    citation: Section
    bibliography: Section | None
    has_disambiguate: bool = False
    """Whether any condition tests ``disambiguate="true"``."""
    numbered: bool = False
    """The citations print ``citation-number``: an entry that prints nothing keeps its place."""

    def locale(self, lang: str) -> Locale:
        """The merged locale *lang* for this style (cached)."""
        return _locale_for(self, lang)


@functools.lru_cache(maxsize=64)
def _locale_for(style: CompiledStyle, lang: str) -> Locale:
    return build_locale(lang, style.style_locales)


def _section(compiler: Compiler, element: Element, inherited: dict[str, str]) -> Section:
    options = {**inherited, **dict(element.attributes)}
    section_compiler = Compiler(
        compiler.macros,
        MappingProxyType({k: v for k, v in options.items() if k in _INHERITABLE}),
        compiler.page_range_format,
        compiler.implicit_year_suffix,
        compiler.compiled_macros if options == inherited else {},
        compiler.grouped_macros if options == inherited else {},
    )
    layout = element.child("layout")
    if layout is None:
        raise UnknownStyleError(f"cs:{element.tag} without cs:layout")
    keys = []
    sort = element.child("sort")
    if sort is not None:
        for key in sort.all("key"):
            macro_name = key.get("macro")
            override = {
                name: key.get(name) or ""
                for name in ("names-min", "names-use-first", "names-use-last")
                if key.get(name) is not None
            }
            keys.append(
                SortKey(
                    key.get("variable"),
                    section_compiler.macro(macro_name) if macro_name else None,
                    key.get("sort") == "descending",
                    MappingProxyType(override),
                )
            )
    children = layout.children
    first_child = rest = None
    if element.tag == "bibliography" and options.get("second-field-align") and children:
        first_child = section_compiler.element(children[0])
        rest = section_compiler.sequence(children[1:], "")
    return Section(
        section_compiler.sequence(children, ""),
        Decoration(
            layout.get("prefix") or "",
            layout.get("suffix") or "",
            Decoration.of(layout).formatting,
            affixes_inside=True,
            display_suffix=bool(children) and "display" in children[0].attributes,
        ),
        layout.get("delimiter") or "",
        tuple(keys),
        MappingProxyType(options),
        first_child,
        rest,
    )


def _display_at_top_level(element: Element, *, top: bool = False) -> Element:
    """*element* without the ``display`` attributes citeproc-js ignores.

    Only a layout's own elements keep theirs (a choose between does not count); those
    inside a group, a macro or names lose them.
    """
    if element.tag == "layout":
        children = tuple(_display_at_top_level(child, top=True) for child in element.children)
    else:
        inside = top and element.tag in _BRANCHING
        children = tuple(_display_at_top_level(child, top=inside) for child in element.children)
    attributes = element.attributes
    if not top and "display" in attributes:
        attributes = MappingProxyType({k: v for k, v in attributes.items() if k != "display"})
    return attrs.evolve(element, attributes=attributes, children=children)


def _uses(
    element: Element, attribute: str, value: str, macros: Mapping[str, Element] | None = None
) -> bool:
    """Whether *element* (or what is in it, or in the *macros* it calls) has *attribute*=*value*."""
    stack = [element]
    seen: set[str] = set()
    while stack:
        node = stack.pop()
        if node.get(attribute) == value:
            return True
        stack.extend(node.children)
        macro = node.get("macro") or ""
        if macros is not None and macro in macros and macro not in seen:
            seen.add(macro)
            stack.append(macros[macro])
    return False


def compile_style(path: Path) -> CompiledStyle:
    """Parse and compile the style at *path*."""
    return _compile_cached(str(path))


@functools.lru_cache(maxsize=32)
def _compile_cached(path: str) -> CompiledStyle:
    root = parse_file(Path(path))
    if root.tag != "style":
        raise UnknownStyleError("not a CSL style (no cs:style root)", source=path)
    root = _display_at_top_level(root)
    macros = {macro.get("name") or "": macro for macro in root.all("macro")}
    inherited = {k: v for k, v in root.attributes.items() if k in _INHERITABLE}
    compiler = Compiler(
        MappingProxyType(macros),
        MappingProxyType(inherited),
        root.get("page-range-format"),
        not _uses(root, "variable", "year-suffix"),
    )
    citation_element = root.child("citation")
    if citation_element is None:
        raise UnknownStyleError("a CSL style needs cs:citation", source=path)
    bibliography_element = root.child("bibliography")
    citation_layout = citation_element.child("layout") or citation_element
    return CompiledStyle(
        path,
        root.get("class") or "in-text",
        root.get("default-locale"),
        tuple(root.all("locale")),
        MappingProxyType(dict(root.attributes)),
        _section(compiler, citation_element, inherited),
        _section(compiler, bibliography_element, inherited)
        if bibliography_element is not None
        else None,
        _uses(root, "disambiguate", "true"),
        numbered=_uses(citation_layout, "variable", "citation-number", macros),
    )

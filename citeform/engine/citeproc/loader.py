"""Parse CSL styles and locales into citeproc-py element classes that citeform composes.

citeproc-py builds its lxml class lookup from ``CitationStylesElement.__subclasses__()``
when a style is parsed, so a replacement registered that way leaks into every style the
process loads. This loader instead builds one lookup of its own, tag -> class, where each
class is citeproc-py's class with the override mixins of citeform's modules in front of
it (see :func:`compose_classes`). Nothing global changes: other users of citeproc-py in the
process keep the stock classes. No RelaxNG validation is done.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from citeproc import LANGUAGE_NAMES, LOCALES_PATH, PRIMARY_DIALECTS, model
from lxml import etree

from citeform.errors import UnknownStyleError

CSL_NAMESPACE: Final = "http://purl.org/net/xbiblio/csl"
XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"
ANY_TAG: Final = "*"
"""Key of an override mixin that goes in front of every element class."""

CITEPROC_CLASSES: Final[Mapping[str, type]] = {
    "style": model.Style,
    "locale": model.Locale,
    "citation": model.Citation,
    "bibliography": model.Bibliography,
    "term": model.Term,
    "sort": model.Sort,
    "key": model.Key,
    "macro": model.Macro,
    "layout": model.Layout,
    "text": model.Text,
    "date": model.Date,
    "date-part": model.Date_Part,
    "number": model.Number,
    "names": model.Names,
    "name": model.Name,
    "name-part": model.Name_Part,
    "et-al": model.Et_Al,
    "substitute": model.Substitute,
    "label": model.Label,
    "group": model.Group,
    "choose": model.Choose,
    "if": model.If,
    "else-if": model.Else_If,
    "else": model.Else,
}
"""citeproc-py 0.11.1's element class for each CSL tag (others get the base class)."""

Overrides = Mapping[str, type]
"""An override module's ``OVERRIDES``: tag (or :data:`ANY_TAG`) -> mixin class."""


def compose_classes(override_modules: Sequence[Overrides]) -> dict[str | None, type]:
    """Return tag -> element class, each with the modules' mixins in front, in module order.

    ``None`` is the class for tags citeproc-py has no class for.
    """
    bases: list[tuple[str | None, type]] = [(None, model.CitationStylesElement)]
    bases += CITEPROC_CLASSES.items()
    classes: dict[str | None, type] = {}
    for tag, base in bases:
        mixins = [
            overrides[key]
            for overrides in override_modules
            for key in (tag, ANY_TAG)
            if key is not None and key in overrides
        ]
        classes[tag] = type(base.__name__, (*mixins, base), {"__module__": __name__})
    return classes


class Loader:
    """Parses styles and locales with one fixed tag -> class lookup."""

    def __init__(self, override_modules: Sequence[Overrides]) -> None:
        """Compose the element classes of *override_modules* (in this order)."""
        self.classes = compose_classes(override_modules)
        self._lookup = etree.ElementNamespaceClassLookup()
        namespace = self._lookup.get_namespace(CSL_NAMESPACE)
        for tag, cls in self.classes.items():
            namespace[tag] = cls

    def _parser(self) -> etree.XMLParser:
        parser = etree.XMLParser(remove_comments=True, no_network=True, resolve_entities=False)
        parser.set_element_class_lookup(self._lookup)
        return parser

    def parse(self, source: Path | str) -> Any:
        """Parse one CSL file (style or locale); return its root element."""
        parser = self._parser()
        root = etree.parse(str(source), parser).getroot()
        _add_default_names(root, parser)
        return root

    def load_style(self, path: Path, locale: str) -> Any:
        """Parse the style at *path* with its locale chain for *locale*; return the root.

        A file that is not well-formed XML, or whose root is not ``cs:style``, raises
        :class:`~citeform.errors.UnknownStyleError` naming the file.
        """
        try:
            root = self.parse(path)
        except etree.XMLSyntaxError as error:
            raise UnknownStyleError(
                f"not a well-formed CSL style: {error.msg}", source=str(path)
            ) from None
        if root.tag != f"{{{CSL_NAMESPACE}}}style":
            raise UnknownStyleError("not a CSL style (its root is not cs:style)", source=str(path))
        root.locales = self._locale_chain(root, locale)
        for locale_root in root.locales:
            locale_root.style = root
        return root

    def _locale_chain(self, root: Any, locale: str) -> list[Any]:
        """Locales searched for terms, dates and options, most specific first.

        As citeproc-py and the CSL specification order them: in-style locales for the
        dialect, the language, and without language; then the locale files for the
        dialect, the language's primary dialect, and en-US.
        """
        language = locale.split("-", maxsplit=1)[0]
        chain = [
            element
            for wanted in (locale, language, None)
            for element in root.findall(f"{{{CSL_NAMESPACE}}}locale")
            if element.get(XML_LANG) == wanted
        ]
        files = [locale] if locale in LANGUAGE_NAMES else []
        files += [PRIMARY_DIALECTS[language]] if language in PRIMARY_DIALECTS else []
        files.append("en-US")
        chain.extend(
            self.parse(Path(LOCALES_PATH) / f"locales-{name}.xml") for name in dict.fromkeys(files)
        )
        return chain


def _add_default_names(root: Any, parser: etree.XMLParser) -> None:
    """Give every ``cs:names`` outside ``cs:substitute`` a ``cs:name`` child if it has none.

    citeproc-py inserts this default element while rendering (a change to the shared
    tree); doing it once at load keeps rendering free of tree changes.
    """
    names_tag = f"{{{CSL_NAMESPACE}}}names"
    name_tag = f"{{{CSL_NAMESPACE}}}name"
    for names in root.iter(names_tag):
        inside_substitute = names.getparent().tag == f"{{{CSL_NAMESPACE}}}substitute"
        if not inside_substitute and names.find(name_tag) is None:
            names.insert(0, parser.makeelement(name_tag, {"citeform-default": "true"}))

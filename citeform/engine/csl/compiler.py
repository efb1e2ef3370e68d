"""The compiler: a style's element tree turned, once, into Python callables.

Each rendering element becomes a :data:`Render` function ``(context) -> Part | None``;
macros are compiled once and shared. Affixes, formatting, quotes, text case,
``strip-periods`` and ``display`` are applied by one decorator around every element,
in CSL's order. Rendering never looks at XML again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final

import attrs

from citeform.engine.csl import embedded_labels, numbers, script_styles
from citeform.engine.csl.author_only import SILENCEABLE, author_only
from citeform.engine.csl.context import CiteData, Context, PrintedNames
from citeform.engine.csl.dates import (
    DatePart,
    DateValue,
    parse_date,
    render_literal,
    render_parts,
)
from citeform.engine.csl.markup import parse_markup
from citeform.engine.csl.names import (
    NameOptions,
    NamePart,
    format_names,
    names_identity,
    shown_names,
    without_written_et_al,
)
from citeform.engine.csl.particles import split_particles
from citeform.engine.csl.rich import (
    FORMATTING_ATTRIBUTES,
    Delimiter,
    FormattedSuffix,
    Formatting,
    NumberText,
    OwnSuffix,
    Part,
    Prefix,
    Rich,
    TermText,
    blank,
    held,
    join,
    suffix_in_display,
)
from citeform.engine.csl.textcase import apply_text_case
from citeform.engine.csl.xml import Element
from citeform.errors import UnknownStyleError

Render = Callable[[Context], Part | None]

NAME_VARIABLES: Final = frozenset(
    [
        "author",
        "chair",
        "collection-editor",
        "compiler",
        "composer",
        "container-author",
        "contributor",
        "curator",
        "director",
        "editor",
        "editorial-director",
        "editor-translator",
        "executive-producer",
        "guest",
        "host",
        "illustrator",
        "interviewer",
        "narrator",
        "organizer",
        "original-author",
        "performer",
        "producer",
        "recipient",
        "reviewed-author",
        "script-writer",
        "series-creator",
        "translator",
    ]
)
DATE_VARIABLES: Final = frozenset(
    ["accessed", "available-date", "event-date", "issued", "original-date", "submitted"]
)
NUMBER_VARIABLES: Final = frozenset(
    [
        "chapter-number",
        "citation-number",
        "collection-number",
        "edition",
        "first-reference-note-number",
        "issue",
        "locator",
        "number",
        "number-of-pages",
        "number-of-volumes",
        "page",
        "page-first",
        "part-number",
        "printing-number",
        "section",
        "supplement-number",
        "version",
        "volume",
    ]
)
_VERBATIM: Final = frozenset({"URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID"})
_EMPTY_VALUES: Final[tuple[Any, ...]] = (None, "", [])
"""Values that count as no value."""
_SHORT_FORMS: Final[Mapping[str, tuple[str, ...]]] = {
    "title": ("title-short", "shortTitle"),
    "container-title": ("container-title-short", "journalAbbreviation"),
}
_ALIASES: Final[Mapping[str, str]] = {
    "container-title-short": "journalAbbreviation",
    "title-short": "shortTitle",
}
"""Variables an item may give under Zotero's older field names."""
_LABEL_TERMS: Final[Mapping[str, str]] = {
    "number-of-pages": "page",
    "number-of-volumes": "volume",
    "page-first": "page",
}
_LOCATOR_TERMS: Final[Mapping[str, str]] = {"sub verbo": "sub-verbo"}
_NUMERIC_TEXT: Final = NUMBER_VARIABLES - {"page", "locator", "citation-number"}
"""Number variables whose hyphens between numbers print as en dashes (pages keep theirs)."""
_BARE_NUMBER: Final = re.compile(r"(?<![A-Za-z\d])\d+(?![A-Za-z\d])")
"""A number without letters attached (``5`` of ``5-7``, not of ``5th``)."""
_RANGE_DELIMITER_TERMS: Final[Mapping[str, str]] = {
    "edition": "page-range-delimiter",
    "issue": "page-range-delimiter",
    "number": "page-range-delimiter",
    "volume": "page-range-delimiter",
    "chapter-number": "page-range-delimiter",
    "collection-number": "page-range-delimiter",
    "number-of-pages": "page-range-delimiter",
    "number-of-volumes": "page-range-delimiter",
}
"""The locale term that joins a numeric range of each variable (others take an en dash)."""
_LANGUAGE_CASED: Final = frozenset(
    {
        "event",
        "event-place",
        "publisher",
        "publisher-place",
        "authority",
        "genre",
        "medium",
        "jurisdiction",
        "archive",
        "archive-place",
    }
)
"""Variables besides the titles that take title case only in English (others, like
``edition``, take it in any language)."""
NAME_ATTRIBUTES: Final = frozenset(
    {
        "and",
        "delimiter-precedes-et-al",
        "delimiter-precedes-last",
        "et-al-min",
        "et-al-use-first",
        "et-al-subsequent-min",
        "et-al-subsequent-use-first",
        "et-al-use-last",
        "initialize",
        "initialize-with",
        "name-as-sort-order",
        "sort-separator",
        "demote-non-dropping-particle",
        "initialize-with-hyphen",
    }
)
"""Attributes of ``cs:name`` that cs:style, cs:citation and cs:bibliography pass on by the
same name (``name-form`` and ``name-delimiter`` are passed on under their own names)."""


def formatting_of(element: Element) -> Formatting:
    """The CSL formatting attributes *element* sets, outermost first.

    As in citeproc-js, ``font-style`` is innermost, then ``font-variant``, ``font-weight``,
    ``text-decoration`` and ``vertical-align`` (``<b><i>…</i></b>``).
    """
    return tuple(
        (name, value)
        for name in reversed(FORMATTING_ATTRIBUTES)
        if (value := element.get(name)) is not None
    )


_CASED_TAGS: Final = frozenset({"text", "number", "label", "et-al"})
"""Elements whose ``text-case`` citeproc-js applies: a ``cs:text`` that calls a macro, a
group, names and a date as a whole print their text as it is (their parts take case)."""


@attrs.frozen
class Decoration:
    """What wraps an element's output: affixes, formatting, quotes, case, display."""

    prefix: str = ""
    suffix: str = ""
    formatting: Formatting = ()
    quotes: bool = False
    unquoted: bool = False
    """``quotes="false"``: quoted passages of values inside open with the outer marks."""
    text_case: str = ""
    strip_periods: bool = False
    display: str = ""
    affixes_inside: bool = False
    """Formatting around the affixes (``cs:layout``), not inside them."""
    display_suffix: bool = False
    """The suffix goes inside the display division the output ends with (a ``cs:layout``
    whose first element has ``display``, as citeproc-js places it)."""
    terminal: bool = False
    """A text, number or label (not a group): its formatting keeps its suffix apart."""

    @property
    def formatted_text(self) -> bool:
        """Whether this decorates a text, number or label with formatting (not quotes)."""
        return self.terminal and bool(self.formatting) and not self.quotes

    @property
    def own_suffix(self) -> str:
        """The suffix, marked as a formatted element's (or text's) where it is one."""
        if not self.formatting or self.quotes or not self.suffix:
            return self.suffix
        return OwnSuffix(self.suffix) if self.terminal else FormattedSuffix(self.suffix)

    @classmethod
    def of(cls, element: Element) -> Decoration:
        """The decoration *element*'s attributes ask for."""
        return cls(
            element.get("prefix") or "",
            element.get("suffix") or "",
            formatting_of(element),
            element.get("quotes") == "true",
            element.get("quotes") == "false",
            (element.get("text-case") or "")
            if element.tag in _CASED_TAGS and element.get("macro") is None
            else "",
            element.get("strip-periods") == "true",
            element.get("display") or "",
            terminal=element.tag in _TERMINAL_TAGS and element.get("macro") is None,
        )

    def apply(
        self, node: Part, context: Context, *, from_locale: bool = False, any_language: bool = False
    ) -> Part:
        """*node* decorated.

        Title case applies to variables in English (the item's language, else the
        locale's), and to every *from_locale* term and *any_language* value, as
        citeproc-js has it.
        """
        if self.strip_periods:
            node = _strip_periods(node)
        if self.text_case:
            english = from_locale or any_language or context.english
            # cased in the item's language, else the locale's (dotted and dotless i)
            language = str(context.item.get("language") or context.locale.lang)
            cased = apply_text_case(node, self.text_case, english=english, language=language)
            node = Rich((cased,), cased=True)
        if self.formatting and not self.affixes_inside:
            node = Rich((node,), self.formatting, terminal=self.terminal)
        if self.quotes:  # around the formatting, as citeproc-js writes them
            node = Rich((node,), quoted=True)
        elif self.unquoted:
            node = Rich((node,), unquoted=True)
        inside = (
            suffix_in_display(node, self.suffix) if self.display_suffix and self.suffix else None
        )
        if inside is not None:  # a layout's suffix goes inside the division it ends with
            node = Rich((self.prefix, inside)) if self.prefix else inside
        elif self.prefix or self.suffix:
            affixed = (Prefix(self.prefix), node, self.own_suffix)
            node = Rich(tuple(part for part in affixed if part), terminal=self.formatted_text)
        if self.formatting and self.affixes_inside:
            node = Rich((node,), self.formatting)
        if self.display:
            node = Rich((node,), display=self.display)
        return node


_NO_DECORATION: Final = Decoration()
"""The decoration of nothing (dates test for it by identity)."""


def _strip_periods(node: Part) -> Part:
    if isinstance(node, str):
        return node.replace(".", "")
    return attrs.evolve(node, parts=tuple(_strip_periods(part) for part in node.parts))


_NOT_COLLAPSING: Final = frozenset({"locator", "citation-number", "year-suffix", "citation-label"})
"""Variables whose ``cs:text`` leaves a cite free to collapse (see ``text_variable_tried``)."""


_TERMINAL_TAGS: Final = frozenset({"text", "number", "label"})
"""Elements whose text drops its ``font-style`` outside alphabetic scripts."""


def _decorated(element: Element, render: Render) -> Render:
    decoration = Decoration.of(element)
    if decoration == _NO_DECORATION:
        return render
    from_locale = element.tag == "label" or element.get("term") is not None
    variable = element.get("variable")
    any_language = (
        element.tag in {"text", "number"}
        and variable is not None
        and variable not in _LANGUAGE_CASED
        and not variable.endswith(("title", "title-short"))
    )

    upright = (
        script_styles.upright(decoration.formatting)
        if element.tag in _TERMINAL_TAGS and element.get("macro") is None
        else None
    )
    upright_decoration = (
        attrs.evolve(decoration, formatting=upright) if upright is not None else None
    )
    if upright_decoration is None and decoration == Decoration(
        decoration.prefix, decoration.suffix, decoration.formatting, terminal=decoration.terminal
    ):
        return _affixed(render, decoration)

    def decorated(context: Context) -> Part | None:
        node = render(context)
        if node is None or blank(node):
            return None
        chosen = decoration
        if upright_decoration is not None and not script_styles.takes_font_style(node):
            chosen = upright_decoration
        return chosen.apply(node, context, from_locale=from_locale, any_language=any_language)

    return decorated


def _affixed(render: Render, decoration: Decoration) -> Render:
    """*render*'s output in the formatting of *decoration* between its affixes.

    What :meth:`Decoration.apply` does for a decoration of nothing else (``None`` where
    *render* prints nothing).
    """
    prefix, suffix = Prefix(decoration.prefix), decoration.own_suffix
    formatting, terminal = decoration.formatting, decoration.terminal
    marked = decoration.formatted_text

    def affixed(context: Context) -> Part | None:
        node = render(context)
        if node is None or blank(node):
            return None
        if formatting:
            node = Rich((node,), formatting, terminal=terminal)
        if prefix:
            return Rich((prefix, node, suffix) if suffix else (prefix, node), terminal=marked)
        return Rich((node, suffix), terminal=marked) if suffix else node

    return affixed


def citation_label(item: Mapping[str, Any]) -> str | None:
    """The label citeproc-js makes when an item has none: ``Aalt02``, ``AaBb02``, ``ABCD02``.

    Letters of up to four authors' family names without particles (four of one, two each
    of two or three, one each of four or more), then the last two digits of the year.
    """
    names: list[Any] = next(
        (
            item[key]
            for key in ("author", "editor", "translator")
            if isinstance(item.get(key), list)
        ),
        [],
    )
    families = [
        split_particles(n).get("family") or str(n.get("literal") or "")
        for n in names
        if isinstance(n, Mapping)
    ]
    families = [family for family in families if family]
    if not families:
        return None
    per_name = {1: 4, 2: 2, 3: 2}.get(len(families), 1)
    letters = "".join(family[:per_name] for family in families[:4])
    date = parse_date(item.get("issued"))
    year = f"{date.year % 100:02d}" if date is not None and date.year else ""
    return letters + year


_CITE_VARIABLES: Final[Mapping[str, Callable[[Context], Any]]] = {
    "locator": lambda context: (context.cite.locator or "").strip() or None,
    "citation-number": lambda context: context.citation_number,
    "year-suffix": lambda context: context.year_suffix or None,
    "first-reference-note-number": lambda context: context.cite.first_reference_note_number,
    "citation-label": lambda context: (
        context.item.get("citation-label") or citation_label(context.item)
    ),
}
"""Variables that come from the cite or the rendering, not (only) from the item."""


def variable_value(context: Context, name: str, form: str = "long") -> Any:
    """The value of variable *name* for the item and cite in *context*.

    ``None`` when it is empty or a substitute has already printed it.
    """
    if name in context.suppressed:
        return None
    return _value(context, name, form)


def value_getter(name: str, form: str = "long") -> Callable[[Context], Any]:
    """:func:`variable_value` of *name* in *form*, specialised once for the variable."""
    if form == "short" or name in _CITE_VARIABLES or name in _ALIASES or name == "page-first":
        return lambda context: variable_value(context, name, form)

    def field(context: Context) -> Any:
        if name in context.suppressed:
            return None
        value = context.item.get(name)
        return None if value in _EMPTY_VALUES else value

    return field


def _value(context: Context, name: str, form: str = "long") -> Any:
    """The value of variable *name*, printed by a substitute or not."""
    from_cite = _CITE_VARIABLES.get(name)
    if from_cite is not None:
        return from_cite(context)
    item = context.item
    if form == "short" and (short := _short_form(item, name)) is not None:
        return short
    if name == "page-first":
        return _page_first(item)
    value = item.get(name)
    if value in _EMPTY_VALUES and name in _ALIASES:
        value = item.get(_ALIASES[name])
    if value in _EMPTY_VALUES:
        return None
    if name == "URL" and form == "short" and isinstance(value, str):
        return _short_url(value)
    return value


_URL_PATH: Final = re.compile(r"(.*\.[^/]+)/.*")
"""A URL's host (up to its last dotted name) and what follows it, as citeproc-js splits it."""


def _short_url(url: str) -> str:
    """A URL as ``form="short"`` prints it in citeproc-js.

    Without its path, and without its scheme where the host starts with ``www.``.
    """
    url = _URL_PATH.sub(r"\1", url, count=1)
    return re.sub(r"https?://", "", url, count=1) if "//www." in url else url


def _range_format(context: Context, variable: str, page_format: str | None) -> str | None:
    """The ``page-range-format`` for *variable*.

    A locator labelled other than page keeps its full ranges (only the hyphen becomes a dash).
    """
    if variable == "locator" and context.cite.label not in (None, "page"):
        return None
    return page_format


def _short_form(item: Mapping[str, Any], name: str) -> Any:
    """The short form of variable *name*, from any of the fields that may hold it."""
    for key in (f"{name}-short", *_SHORT_FORMS.get(name, ())):
        value = item.get(key)
        if value not in (None, ""):
            return value
    return None


def _page_first(item: Mapping[str, Any]) -> str | None:
    page = item.get("page-first") or item.get("page")
    if page in (None, ""):
        return None
    return re.split(r"[-\u2013,&]", str(page))[0].strip()


@attrs.frozen
class Compiler:
    """Compiles one style's elements; holds its macros and inherited name options."""

    macros: Mapping[str, Element]
    inherited: Mapping[str, str]
    page_range_format: str | None
    implicit_year_suffix: bool = False
    """No ``year-suffix`` variable in the style: the suffix follows the first date's year."""
    compiled_macros: dict[str, Render] = attrs.field(factory=dict)
    grouped_macros: dict[str, Render] = attrs.field(factory=dict)
    """The compiled macros as ``cs:text`` calls them: suppressed like a group."""
    substituting: list[Element] = attrs.field(factory=list)
    """The ``cs:names`` whose substitute is being compiled, innermost last."""
    enclosing: list[Element] = attrs.field(factory=list)
    """The rendering elements and macros being compiled, innermost last."""
    substitute_names: list[Element | None] = attrs.field(factory=list)
    """The ``cs:name`` of the last ``cs:names`` with one among the substitute's children so far:
    a bare ``cs:names`` after it takes that one, as citeproc-js does."""

    def macro(self, name: str) -> Render:
        """The compiled macro *name*, compiled once (it may refer to a macro being compiled)."""
        if name in self.compiled_macros:
            return self.compiled_macros[name]
        element = self.macros.get(name)
        if element is None:
            raise UnknownStyleError(f"the style uses an undefined macro {name!r}")
        cell: list[Render] = []

        def forward(context: Context) -> Part | None:
            return cell[0](context)

        self.compiled_macros[name] = forward
        self.enclosing.append(element)
        try:
            renders = [self.element(child) for child in element.children]
        finally:
            self.enclosing.pop()
        cell.append(_sequence(renders, "", group=False))
        self.compiled_macros[name] = cell[0]
        self.grouped_macros[name] = _sequence(renders, "", group=True)
        return cell[0]

    def grouped_macro(self, name: str) -> Render:
        """The compiled macro *name* suppressed like a group (as ``cs:text`` calls it)."""
        plain = self.macro(name)
        return self.grouped_macros.get(name) or _as_group(plain)  # a macro calling itself

    def sequence(
        self, children: Sequence[Element], delimiter: str, *, group: bool = False
    ) -> Render:
        """Children rendered in order, joined by *delimiter* (suppressed like a group if *group*).

        The elements of a ``cs:choose`` branch count as children here: the delimiter
        goes between them too, as citeproc-js does.
        """
        return _sequence([self.element(child) for child in children], delimiter, group=group)

    def element(self, element: Element) -> Render:
        """Compile one rendering element.

        ``display`` counts only on the layout's own elements (those of its ``cs:choose``
        branches too): citeproc-js ignores it deeper down.
        """
        compile_one = _ELEMENTS.get(element.tag)
        if compile_one is None:
            return lambda _context: None
        if element.tag not in _DISPLAYABLE:
            return compile_one(self, element)
        if self.enclosing and "display" in element.attributes:
            # display applies only to the layout's own elements, as in citeproc-js
            kept = {key: value for key, value in element.attributes.items() if key != "display"}
            element = attrs.evolve(element, attributes=MappingProxyType(kept))
        self.enclosing.append(element)
        try:
            if element.tag in SILENCEABLE and element.get("macro") is None:
                return author_only(compile_one(self, element), element)
            return compile_one(self, element)
        finally:
            self.enclosing.pop()

    # -- cs:text ---------------------------------------------------------------------------

    def text(self, element: Element) -> Render:
        """``cs:text``: a variable, a macro, a term or a value."""
        if (macro := element.get("macro")) is not None:
            # a macro is suppressed like a group: it calls variables and none prints
            return _decorated(element, self.grouped_macro(macro))
        if (value := element.get("value")) is not None:
            return _decorated(
                element,
                _held(
                    _literal(
                        lambda context: (
                            parse_markup(value, context.locale.quotes) if value else None
                        )
                    )
                ),
            )
        if (term := element.get("term")) is not None:
            form = element.get("form") or "long"
            plural = element.get("plural") == "true"
            return _decorated(
                element,
                _literal(
                    lambda context: _term_text(context.locale.term(term, form, plural=plural))
                ),
            )
        variable = element.get("variable")
        if variable is None:
            return lambda _context: None
        return _decorated(
            element, _held(self._text_variable(variable, element.get("form") or "long"))
        )

    def _text_variable(self, variable: str, form: str) -> Render:
        page_format = self.page_range_format
        # a group is not suppressed for lack of a year suffix (disambiguation adds it)
        counted = variable != "year-suffix"

        tried = variable not in _NOT_COLLAPSING
        get = value_getter(variable, form)
        numeric = variable in NUMBER_VARIABLES
        verbatim = variable in _VERBATIM or variable == "year-suffix"
        labelled = variable == "citation-label" and self.implicit_year_suffix

        def render(context: Context) -> Part | None:
            context.called += counted
            context.text_variable_tried |= tried
            value = get(context)
            if value is None:
                return None
            context.rendered += 1
            context.rendered_variables.add(variable)
            text = str(value)
            if numeric:
                text = _numeric_text(text, variable, context, page_format)
            if verbatim:
                node: Part = text
            elif labelled and context.year_suffix and not context.year_suffix_used:
                context.year_suffix_used = True
                node = text + context.year_suffix
            else:
                node = parse_markup(text, context.locale.quotes)
            if context.in_substitute and context.substituted_value is None:
                raw = context.item.get(variable)
                context.substituted_value = raw if isinstance(raw, str) else ""
                return Rich((node,), compared=True)
            return node

        return render

    # -- cs:number ---------------------------------------------------------------------------

    def number(self, element: Element) -> Render:
        """``cs:number``: a number variable as numeric, ordinal, long ordinal or roman."""
        variable = element.get("variable") or ""
        form = element.get("form") or "numeric"
        page_format = self.page_range_format
        get = value_getter(variable)

        def render(context: Context) -> Part | None:
            context.called += 1
            value = get(context)
            if value is None:
                return None
            context.rendered += 1
            context.rendered_variables.add(variable)
            text = str(value)
            if "&" in text and numbers.is_numeric(text):
                text = numbers.with_and_symbol(text, _and_symbol(context))
            if variable == "locator" and embedded_labels.has_embedded_label(text):
                text = embedded_labels.relabelled(
                    text, context.cite.label or "page", context.locale
                )
            if variable in {"page", "locator"}:
                delimiter = context.locale.term("page-range-delimiter") or "\u2013"
                return numbers.page_range(
                    text, _range_format(context, variable, page_format), delimiter
                )
            if not numbers.tests_numeric(text):  # printed as it is, markup and all
                return text
            number = _number_text(text, form, variable, context)
            return NumberText(number) if isinstance(number, str) else number

        return _decorated(element, render)

    # -- cs:label ----------------------------------------------------------------------------

    def label(self, element: Element) -> Render:
        """``cs:label``: the term of a variable, singular or plural as the value asks."""
        variable = element.get("variable") or ""
        form = element.get("form") or "long"
        plural_rule = element.get("plural") or "contextual"

        def render(context: Context) -> Part | None:
            if variable == "locator":  # the label shows even without a locator, as in citeproc-js
                if context.mode != "citation":
                    return None
                label = context.cite.label or "page"
                term_name = _LOCATOR_TERMS.get(label, label)
                value: Any = context.cite.locator or ""
            else:
                # an empty variable's label still prints, singular (a group around it
                # with no variable printed is suppressed as usual)
                value = variable_value(context, variable)
                term_name = variable
            if value is None:
                plural = plural_rule == "always"
            elif variable == "locator" and embedded_labels.has_embedded_label(value):
                plural = plural_rule == "always" or (
                    plural_rule == "contextual"
                    and embedded_labels.first_group_plural(value, label, context.locale)
                )
            else:
                and_term = context.locale.term("and") or ""
                plural = _label_plural(plural_rule, variable, value, and_term)
            text = context.locale.term(term_name, form, plural=plural)
            if text is None and term_name in _LABEL_TERMS:
                text = context.locale.term(_LABEL_TERMS[term_name], form, plural=plural)
            return text or None

        return _decorated(element, render)

    # -- cs:date -----------------------------------------------------------------------------

    def date(self, element: Element) -> Render:
        """``cs:date``: localized (``form``) or as its own date parts."""
        own_parts = tuple(_date_part(part) for part in element.all("date-part"))
        selection = element.get("date-parts") or "year-month-day"
        compiled = CompiledDate(
            variable=element.get("variable") or "",
            form=element.get("form") or "",
            own_parts=own_parts,
            delimiter=element.get("delimiter") or "",
            overrides={part.name: part for part in own_parts},
            wanted=_DATE_PART_SELECTIONS.get(selection, _DATE_PART_SELECTIONS["year-month-day"]),
            implicit_year_suffix=self.implicit_year_suffix,
        )
        return _decorated(element, compiled)

    # -- cs:names ----------------------------------------------------------------------------

    def names(self, element: Element) -> Render:
        """``cs:names``: name variables with their label, or a substitute.

        A ``cs:names`` without children inside a ``cs:substitute`` (directly or in a
        ``cs:choose``) takes the name, et-al and label of the ``cs:names`` it substitutes
        (the name of an earlier candidate with one of its own, if any).
        """
        parent = self.substituting[-1] if self.substituting and not element.children else None

        def own_or_inherited(tag: str) -> Element | None:
            return element.child(tag) or (parent.child(tag) if parent is not None else None)

        name_element = (
            element.child("name")
            or (self.substitute_names[-1] if parent is not None and self.substitute_names else None)
            or own_or_inherited("name")
        )
        et_al_element = own_or_inherited("et-al")
        label_element = own_or_inherited("label")
        compiled = CompiledNames(
            variables=tuple((element.get("variable") or "").split()),
            options=self._name_options(name_element),
            delimiter=element.get("delimiter") or self.inherited.get("names-delimiter") or "",
            et_al_term=(et_al_element.get("term") if et_al_element is not None else None)
            or "et-al",
            et_al_decoration=(
                Decoration.of(et_al_element) if et_al_element is not None else Decoration()
            ),
            label=_name_label(element, label_element, name_element),
            substitutes=self._substitutes(element, parent),
            own_children=bool(element.children),
            decoration=Decoration.of(element),
            bare=parent is not None,
        )
        return _first_names_tracked(compiled)

    def _substitutes(self, element: Element, parent: Element | None) -> tuple[Render, ...]:
        """The compiled children of *element*'s ``cs:substitute``."""
        substitute = element.child("substitute")
        if substitute is None:
            return ()
        self.substituting.append(parent or element)
        self.substitute_names.append(None)
        try:
            candidates = []
            for child in substitute.children:
                candidates.append(self._substitute_candidate(child))
                if child.tag == "names" and (name := child.child("name")) is not None:
                    self.substitute_names[-1] = name
            return tuple(candidates)
        finally:
            self.substituting.pop()
            self.substitute_names.pop()

    def _substitute_candidate(self, element: Element) -> Render:
        """One child of ``cs:substitute``.

        A ``cs:choose`` there offers the elements of its chosen branch one by one, and
        the first that prints is the substitute.
        """
        if element.tag != "choose":
            return self.element(element)
        branches = [
            (
                _condition(branch) if branch.tag != "else" else _always,
                tuple(self._substitute_candidate(child) for child in branch.children),
            )
            for branch in element.children
        ]

        def render(context: Context) -> Part | None:
            for condition, body in branches:
                if condition(context):
                    return _first_printed(body, context)
            return None

        return render

    def _name_options(self, element: Element | None) -> NameOptions:
        attributes = {key: value for key, value in self.inherited.items() if key in NAME_ATTRIBUTES}
        if "name-form" in self.inherited:
            attributes["form"] = self.inherited["name-form"]
        if element is not None:
            attributes.update(element.attributes)
        given = NamePart()
        family = NamePart()
        if element is not None:
            for part in element.all("name-part"):
                spec = NamePart(
                    formatting_of(part),
                    part.get("prefix") or "",
                    part.get("suffix") or "",
                    part.get("text-case") or "",
                )
                if part.get("name") == "given":
                    given = spec
                elif part.get("name") == "family":
                    family = spec
        return NameOptions(
            and_=attributes.get("and", ""),
            delimiter=attributes.get("delimiter", ", ")
            if element is not None and "delimiter" in element.attributes
            else self.inherited.get("name-delimiter", ", "),
            delimiter_precedes_et_al=attributes.get("delimiter-precedes-et-al", "contextual"),
            delimiter_precedes_last=attributes.get("delimiter-precedes-last", "contextual"),
            institution_precedes_last=self.inherited.get("delimiter-precedes-last", "contextual"),
            et_al_min=int(attributes.get("et-al-min", "0") or 0),
            et_al_use_first=int(attributes["et-al-use-first"])
            if attributes.get("et-al-use-first")
            else None,
            et_al_subsequent_min=int(attributes.get("et-al-subsequent-min", "0") or 0),
            et_al_subsequent_use_first=int(attributes.get("et-al-subsequent-use-first", "0") or 0),
            et_al_use_last=attributes.get("et-al-use-last") == "true",
            form=attributes.get("form", "long"),
            initialize=attributes.get("initialize", "true") != "false",
            initialize_with=attributes.get("initialize-with"),
            initialize_with_hyphen=attributes.get("initialize-with-hyphen", "true") != "false",
            name_as_sort_order=attributes.get("name-as-sort-order", ""),
            sort_separator=attributes.get("sort-separator", ", "),
            demote_non_dropping_particle=attributes.get(
                "demote-non-dropping-particle", "display-and-sort"
            ),
            formatting=formatting_of(element) if element is not None else (),
            prefix=(element.get("prefix") or "") if element is not None else "",
            suffix=(element.get("suffix") or "") if element is not None else "",
            given=given,
            family=family,
        )

    # -- cs:group and cs:choose --------------------------------------------------------------

    def group(self, element: Element) -> Render:
        """``cs:group``: suppressed when it calls variables and none of them renders."""
        delimiter = Delimiter(element.get("delimiter") or "")
        inner = self.sequence(element.children, delimiter, group=True)
        return _decorated(element, inner)

    def choose(self, element: Element) -> Render:
        """``cs:choose``: the first branch whose conditions hold.

        Branches that test only the item's type are decided once per type: for each type
        the branches left to test are listed at compile time.
        """
        branches: list[Branch] = []
        types: list[tuple[frozenset[str], bool] | None] = []
        for branch in element.children:
            condition = _condition(branch) if branch.tag != "else" else _always
            body = _branch_body([self.element(child) for child in branch.children])
            branches.append((condition, body))
            types.append(_type_only(branch) if branch.tag != "else" else None)
        if not any(types):
            return _first_branch(branches)
        mentioned = frozenset().union(*(spec[0] for spec in types if spec))
        by_type: dict[str | None, tuple[Branch, ...]] = {
            kind: _branches_for(kind, branches, types) for kind in mentioned
        }
        other = _branches_for(None, branches, types)

        def render(context: Context) -> Part | None:
            for condition, body in by_type.get(context.item.get("type"), other):
                if condition(context):
                    return body(context)
            return None

        return render


Branch = tuple[Callable[[Context], bool], Render]
"""A branch of a ``cs:choose``: its condition and its body."""


def _first_branch(branches: Sequence[Branch]) -> Render:
    """The body of the first of *branches* whose condition holds."""

    def render(context: Context) -> Part | None:
        for condition, body in branches:
            if condition(context):
                return body(context)
        return None

    return render


def _type_only(branch: Element) -> tuple[frozenset[str], bool] | None:
    """The types a branch testing nothing but the type tests, and whether it negates them."""
    if set(branch.attributes) - {"match"} != {"type"}:
        return None
    return frozenset(branch.attributes["type"].split()), branch.get("match") == "none"


def _branches_for(
    kind: str | None,
    branches: Sequence[Branch],
    types: Sequence[tuple[frozenset[str], bool] | None],
) -> tuple[Branch, ...]:
    """The *branches* left to test for an item of type *kind* (``None``: one no branch names).

    A type-only branch that fails for it goes; the first that holds is taken without a test.
    """
    kept: list[Branch] = []
    for (condition, body), spec in zip(branches, types, strict=True):
        if spec is None:
            kept.append((condition, body))
            continue
        named, negated = spec
        if (kind in named) != negated:
            kept.append((_always, body))
            break
    return tuple(kept)


def _branch_body(renders: Sequence[Render]) -> Render:
    """A branch's elements: their outputs as a splice (the enclosing delimiter joins them)."""
    if not renders:
        return lambda _context: None
    if len(renders) == 1:  # its output is what a splice of it would give
        return renders[0]

    def render(context: Context) -> Part | None:
        parts: list[Part] = []
        for one in renders:
            node = one(context)
            if node.__class__ is Splice:  # a choose in the branch: its parts
                parts.extend(node.parts)
            elif node is not None:
                parts.append(node)
        if len(parts) == 1 and parts[0].__class__ is not StandIn:
            return parts[0]  # one output: what a splice of it would give
        return Splice(tuple(parts)) if parts else None

    return render


@attrs.frozen
class NameLabel:
    """The ``cs:label`` of a ``cs:names``: its term's form and plural rule, and its side."""

    form: str
    plural: str
    decoration: Decoration
    after: bool
    """Printed after the names (before them when it precedes ``cs:name``)."""

    def around(self, names: Part, context: Context, term: str, count: int) -> Part:
        """*names* (*count* of them) with the label of *term* on its side."""
        plural = count > 1 if self.plural == "contextual" else self.plural == "always"
        text = context.locale.term(term, self.form, plural=plural)
        if not text:
            return names
        label = self.decoration.apply(text, context, from_locale=True)
        return Rich((names, label) if self.after else (label, names))


def _name_label(names: Element, label: Element | None, name: Element | None) -> NameLabel | None:
    if label is None:
        return None
    children = list(names.children)
    before = label in children and name in children and children.index(label) < children.index(name)
    return NameLabel(
        label.get("form") or "long",
        label.get("plural") or "contextual",
        Decoration.of(label),
        after=not before,
    )


@attrs.frozen
class CompiledNames:
    """One ``cs:names``: its variables, name options, et-al, label and substitutes."""

    variables: Sequence[str]
    options: NameOptions
    delimiter: str
    et_al_term: str
    et_al_decoration: Decoration
    label: NameLabel | None
    substitutes: Sequence[Render]
    own_children: bool
    decoration: Decoration
    bare: bool
    """A ``cs:names`` without children in a substitute: it prints undecorated, and the
    ``cs:names`` it stands in for decorates it (as citeproc-js, which decorates no other
    substitute)."""
    getters: Sequence[tuple[str, Callable[[Context], Any]]] = attrs.field(init=False, eq=False)
    """Each variable with the function that reads its value."""
    sort_options: NameOptions = attrs.field(init=False, eq=False)
    """The name options in a sort key: every name inverted."""

    def __attrs_post_init__(self) -> None:
        """Make :attr:`getters` and :attr:`sort_options`."""
        getters = tuple((variable, value_getter(variable)) for variable in self.variables)
        object.__setattr__(self, "getters", getters)
        sort_options = attrs.evolve(self.options, name_as_sort_order="all")
        object.__setattr__(self, "sort_options", sort_options)

    def __call__(self, context: Context) -> Part | None:
        """The names of the first variables that have any, or the first substitute."""
        found = self._found(context)
        if not found:
            spoils = context.in_substitute and self.own_children
            result = self._substitute(context)
            if spoils and blank(result):
                context.author_substitute_off = True
            if spoils:  # later texts of the substitute it stands in no longer print
                context.substitute_texts = False
            if isinstance(result, StandIn):
                return self._decorate(Rich(result.parts), context)
            return result
        node = self._own(context, found)
        return None if node is None else self._decorate(node, context)

    def _decorate(self, node: Part, context: Context) -> Part | None:
        if blank(node):
            return None
        if self.bare:
            return StandIn((node,))
        return self.decoration.apply(node, context)

    def _own(self, context: Context, found: list[tuple[str, list[Any]]]) -> Part | None:
        """The names found, with their labels."""
        context.rendered += 1
        context.rendered_variables.update(variable for variable, _names in found)
        if context.in_substitute:  # names printed in a substitute do not print again
            context.suppressed.update(variable for variable, _names in found)
        if self.options.form == "count":
            total = sum(self._count(context, names) for _variable, names in found)
            return str(total) if total else None
        pieces = [
            self._one(context, names, term)
            for term, names in _with_terms(
                found,
                context.locale.term("editortranslator", self.label.form) if self.label else None,
            )
        ]
        joined = join(pieces, self.delimiter)
        return joined[0] if len(joined) == 1 else Rich(tuple(joined))

    def _found(self, context: Context) -> list[tuple[str, list[Any]]]:
        found: list[tuple[str, list[Any]]] = []
        for variable, get in self.getters:
            context.called += 1
            value = get(context)
            if isinstance(value, list) and value:
                found.append((variable, value))
        return found

    def _options(self, context: Context) -> NameOptions:
        """The name options, as sorting and a sort key's overrides change them."""
        options = self.sort_options if context.sorting else self.options
        if context.names_override:
            options = attrs.evolve(options, **context.names_override)
        return options

    def _count(self, context: Context, names: list[Any]) -> int:
        """How many of *names* print (``form="count"``)."""
        shown = shown_names(
            names,
            self._options(context),
            add_names=context.add_names,
            names_shown=context.names_shown,
        )
        context.names_cut = context.names_cut or len(shown) < len(names)
        return len(shown)

    def _one(self, context: Context, names: list[Any], term: str) -> Part:
        """One variable's names with their label (*term*)."""
        et_al_text = None if context.sorting else context.locale.term(self.et_al_term)
        et_al: Part = self.et_al_decoration.apply(et_al_text, context) if et_al_text else ""
        positions, context.given_positions = context.given_positions, ()
        options = self._options(context)
        subsequent = context.cite.position != "first"
        names, written_et_al = without_written_et_al(names)
        each: list[Part] = []
        rendered = format_names(
            names,
            options,
            context.locale,
            et_al_term=et_al,
            subsequent=subsequent,
            sorting=context.sorting,
            add_names=context.add_names,
            names_shown=context.names_shown,
            given_levels=context.given_levels,
            given_positions=positions,
            initials=context.initials_always,
            language=str(context.item.get("language") or ""),
            written_et_al=written_et_al,
            each=each,
        )
        shown = shown_names(
            names,
            options,
            subsequent=subsequent,
            add_names=context.add_names,
            names_shown=context.names_shown,
        )
        context.names_cut = context.names_cut or len(shown) < len(names)
        if context.given_read is None:  # the list the given-name levels by position apply to
            context.given_read = len(shown)
        if blank(rendered):
            return rendered
        context.names_shown = 0  # names the citations added show in the first list only
        if not isinstance(rendered, Rich):
            rendered = Rich((rendered,))
        identities = [names_identity([name]) for name in shown]
        context.name_lists.append(
            PrintedNames(rendered, ",".join(identities), tuple(zip(each, identities, strict=True)))
        )
        if self.label is None or context.sorting:
            return rendered
        return self.label.around(rendered, context, term, len(names))

    def _substitute(self, context: Context) -> Part | None:
        """The first substitute that prints; the variables it prints are suppressed after."""
        in_substitute = context.in_substitute
        context.in_substitute = True
        context.substitute_texts = True
        try:
            return _first_printed(self.substitutes, context)
        finally:
            context.in_substitute = in_substitute


def _first_printed(candidates: Sequence[Render], context: Context) -> Part | None:
    """The output of the first of *candidates* that prints.

    The variables it prints are suppressed after it, those printed before it too; the
    others leave no trace. A term or value that runs ends the search even when it prints
    nothing, as in citeproc-js.
    """
    for candidate in candidates:
        suppressed = set(context.suppressed)
        rendered_before = context.rendered_variables
        context.rendered_variables = set()
        called, rendered_count = context.called, context.rendered
        literals = context.literals
        try:
            result = candidate(context)
        finally:
            printed = context.rendered_variables
            context.rendered_variables = rendered_before | printed
        if not blank(result):
            context.suppressed |= printed
            return result
        context.suppressed = suppressed
        context.called, context.rendered = called, rendered_count
        if context.literals > literals:
            return None
    return None


def _always(_context: Context) -> bool:
    return True


def _with_terms(
    found: list[tuple[str, list[Any]]], combined_term: str | None
) -> list[tuple[str, list[Any]]]:
    """The variables' names with the term of each label.

    The same people as editor and translator print once, as ``editortranslator``,
    where the names have a label and the locale a *combined_term* for it.
    """
    by_variable = dict(found)
    if (
        combined_term
        and "editor" in by_variable
        and by_variable["editor"] == by_variable.get("translator")
    ):
        return [
            ("editortranslator" if variable == "editor" else variable, names)
            for variable, names in found
            if variable != "translator"
        ]
    return found


DateLayout = tuple[Sequence[DatePart], str, Decoration]
"""The date parts of a date, their delimiter and the decoration around them."""

_DATE_PART_SELECTIONS: Final[Mapping[str, frozenset[str]]] = {
    "year-month-day": frozenset({"year", "month", "day"}),
    "year-month": frozenset({"year", "month"}),
    "year": frozenset({"year"}),
}


def _date_sort_text(value: DateValue, shown: set[str]) -> str:
    """The date as a macro sort key prints it: the parts shown, as zero-padded numbers.

    The key compares as the dates do: years are offset so that BC sorts before AD, and a
    range gives its start, then its end after a letter (the collation compares runs of
    digits as numbers).
    """

    def one(date: tuple[int, int, int]) -> str:
        year, month, day = date
        month = month if "month" in shown else 0
        day = day if "day" in shown else 0
        return f"{year + 100000:06d}{month:02d}{day:02d}"

    return one(value.start) + ("x" + one(value.end) if value.end else "")


@attrs.frozen
class CompiledDate:
    """One ``cs:date``: its own date parts, or the locale's (``form``) with its overrides."""

    variable: str
    form: str
    own_parts: Sequence[DatePart]
    delimiter: str
    overrides: Mapping[str, DatePart]
    wanted: frozenset[str]
    implicit_year_suffix: bool
    localized: dict[str, DateLayout | None] = attrs.field(factory=dict, eq=False)
    """The localized layout per language, made on first use."""

    def __call__(self, context: Context) -> Part | None:
        """The date as rich text, or ``None`` when the item has none."""
        context.called += 1
        if context.comparing and self.variable == "accessed":
            return None
        value = parse_date(variable_value(context, self.variable))
        if value is None:
            return None
        layout = self._layout(context)
        if layout is None:
            return None
        parts, joiner, decoration = layout
        if context.sorting or value.literal:
            return self._sort_key_or_literal(value, parts, decoration, context)
        suffix = ""
        if self.implicit_year_suffix and context.year_suffix and not context.year_suffix_used:
            suffix = context.year_suffix
        rendered = render_parts(parts, value, context.locale, joiner, suffix)
        if not rendered:
            return None
        if suffix and any(part.name == "year" for part in parts):
            context.year_suffix_used = True
        self._mark_rendered(context)
        node: Part = Rich(tuple(rendered))
        return decoration.apply(node, context) if decoration is not _NO_DECORATION else node

    def _sort_key_or_literal(
        self, value: DateValue, parts: Sequence[DatePart], decoration: Decoration, context: Context
    ) -> Part | None:
        """The date in a sort key (a literal date gives none), or a literal date printed."""
        if not context.sorting:
            return self._literal(value.literal, parts, decoration, context)
        if value.literal:
            return None
        self._mark_rendered(context)
        return _date_sort_text(value, {part.name for part in parts})

    def _literal(
        self, literal: str, parts: Sequence[DatePart], decoration: Decoration, context: Context
    ) -> Part | None:
        """A literal date, printed where the year would be (not at all without one)."""
        node = render_literal(parts, literal, context.locale)
        if node is None:
            return None
        self._mark_rendered(context)
        return decoration.apply(node, context) if decoration is not _NO_DECORATION else node

    def _mark_rendered(self, context: Context) -> None:
        context.rendered += 1
        context.rendered_variables.add(self.variable)

    def _layout(self, context: Context) -> DateLayout | None:
        if not self.form:
            return self.own_parts, self.delimiter, _NO_DECORATION
        lang = context.locale.lang
        if lang not in self.localized:
            self.localized[lang] = self._localize(context.locale.dates.get(self.form))
        return self.localized[lang]

    def _localize(self, local: Element | None) -> DateLayout | None:
        """The locale's date parts (those wanted) with this element's overrides."""
        if local is None:
            return None
        parts = [
            _override(_date_part(part), self.overrides.get(part.get("name") or ""))
            for part in local.all("date-part")
            if (part.get("name") or "") in self.wanted
        ]
        prefix, suffix = local.get("prefix") or "", local.get("suffix") or ""
        decoration = Decoration(prefix, suffix) if prefix or suffix else _NO_DECORATION
        return parts, local.get("delimiter") or "", decoration


def _date_part(element: Element) -> DatePart:
    return DatePart(
        element.get("name") or "",
        element.get("form") or "",
        element.get("prefix") or "",
        element.get("suffix") or "",
        formatting_of(element),
        element.get("text-case") or "",
        element.get("strip-periods") == "true",
        element.get("range-delimiter") or "\u2013",
    )


class Splice(Rich):
    """The outputs of a chosen branch, joined by the enclosing element's delimiter."""

    __slots__ = ()


class StandIn(Rich):
    """Names a bare ``cs:names`` in a substitute printed, for the ``cs:names`` it stands in for."""

    __slots__ = ()


def _node_of(parts: list[Part]) -> Part | None:
    """*parts* as one node: ``None`` for none, a single part as it is.

    A part standing in for names stays wrapped: only its own ``cs:names`` may take it.
    """
    if not parts:
        return None
    if len(parts) == 1 and parts[0].__class__ is not StandIn:
        return parts[0]
    return Rich(tuple(parts))


def _sequence(renders: Sequence[Render], delimiter: str, *, group: bool) -> Render:
    """The outputs of *renders* that print, *delimiter* between them (a splice's one by one).

    As a *group*, nothing prints when variables were called and none printed, and what
    prints counts as printed for the enclosing group.
    """
    if len(renders) == 1 and not group:
        return _single(renders[0], delimiter)

    def render(context: Context) -> Part | None:
        called, rendered = context.called, context.rendered
        parts: list[Part] = []
        for one in renders:
            node = one(context)
            if node is None:
                continue
            if node.__class__ is Splice:
                _extend(parts, node.parts, delimiter)
            elif node if isinstance(node, str) else not node.empty:
                if parts and delimiter:
                    parts.append(delimiter)
                parts.append(node)
        if group and parts:
            if context.called > called and context.rendered == rendered:
                return None
            context.rendered += 1
            return _group_node(parts)
        return _node_of(parts)

    return render


def _group_node(parts: list[Part]) -> Part | None:
    """A group's parts as one node.

    A formatted text alone stays inside a node of the group's: punctuation after a group
    joins with a formatted text in it (see ``OwnSuffix``).
    """
    if len(parts) == 1 and _is_formatted_text(parts[0]):
        return Rich((parts[0],))
    return _node_of(parts)


def _is_formatted_text(part: Part) -> bool:
    """Whether *part* is a formatted text, with its affixes or not."""
    if isinstance(part, str):
        return False
    return part.terminal or any(isinstance(inner, Rich) and inner.terminal for inner in part.parts)


def _extend(parts: list[Part], spliced: Sequence[Part], delimiter: str) -> None:
    """Append the *spliced* parts that print to *parts*, *delimiter* before each but a first."""
    for part in spliced:
        if not blank(part):
            if parts and delimiter:
                parts.append(delimiter)
            parts.append(part)


def _single(one: Render, delimiter: str) -> Render:
    """A sequence of the one element *one*: its output, unless it prints nothing."""

    def render(context: Context) -> Part | None:
        node = one(context)
        if node is None:
            return None
        if node.__class__ is Splice:
            return _node_of(join(node.parts, delimiter))
        if blank(node):
            return None
        return Rich((node,)) if node.__class__ is StandIn else node

    return render


_DISPLAYABLE: Final = frozenset({"text", "number", "date", "names", "group"})
"""Rendering elements that nest: ``display`` applies to those outside all others."""
_ELEMENTS: Final[Mapping[str, Callable[[Compiler, Element], Render]]] = {
    "text": Compiler.text,
    "number": Compiler.number,
    "label": Compiler.label,
    "date": Compiler.date,
    "names": Compiler.names,
    "group": Compiler.group,
    "choose": Compiler.choose,
}


def _as_group(inner: Render) -> Render:
    """*inner* suppressed when it calls variables and none of them renders."""

    def render(context: Context) -> Part | None:
        called, rendered = context.called, context.rendered
        node = inner(context)
        if context.called > called and context.rendered == rendered:
            return None
        if node is not None:
            context.rendered += 1  # a group that prints counts as printed for its parent
        return node

    return render


def _literal(render: Render) -> Render:
    """*render* (a term or a value) counted in :attr:`Context.literals` when it runs."""

    def counted(context: Context) -> Part | None:
        context.literals += 1
        return render(context)

    return counted


def _held(render: Render) -> Render:
    """*render*'s text held: its leading punctuation stays outside a quote closing before it."""

    def holding(context: Context) -> Part | None:
        node = render(context)
        return held(node) if node else node

    return holding


def _term_text(text: str | None) -> Part | None:
    return TermText(text) if text else None


def _first_names_tracked(render: Render) -> Render:
    """*render* noting the first names that print, or leaving them out when suppressed.

    The noted names serve author-only, suppress-author, collapsing and
    subsequent-author-substitute.
    """

    def tracked(context: Context) -> Part | None:
        if context.sorting or context.names_done or context.names_depth:
            return render(context)
        context.names_depth += 1
        lists = len(context.name_lists)
        variables = len(context.rendered_variables)
        try:
            node = render(context)
        finally:
            context.names_depth -= 1
        if node is None:
            return None
        context.first_name_lists = tuple(context.name_lists[lists:])
        context.names_done = True
        # a substitute's term (anonymous) stays, as in citeproc-js; names and variables go
        if context.suppress_first_names and (
            context.first_name_lists or len(context.rendered_variables) > variables
        ):
            return None
        context.first_names = node
        return node

    return tracked


def _override(part: DatePart, override: DatePart | None) -> DatePart:
    if override is None:
        return part
    return DatePart(
        part.name,
        override.form or part.form,
        override.prefix or part.prefix,
        override.suffix or part.suffix,
        override.formatting or part.formatting,
        override.text_case or part.text_case,
        override.strip_periods or part.strip_periods,
        override.range_delimiter,
    )


def _numeric_text(text: str, variable: str, context: Context, page_format: str | None) -> str:
    """The text of number variable *variable* as ``cs:text`` prints it.

    Ranges with the locale's delimiter, "&" as the and-symbol, a locator's own labels, and
    page ranges in the style's format.
    """
    if variable in _NUMERIC_TEXT and numbers.tests_numeric(text):
        text = numbers.number_range(text, _range_delimiter(context, variable))
    if "&" in text and numbers.is_numeric(text):
        text = numbers.with_and_symbol(text, _and_symbol(context))
    if variable == "locator" and embedded_labels.has_embedded_label(text):
        text = embedded_labels.relabelled(text, context.cite.label or "page", context.locale)
    if variable in {"page", "locator"}:
        delimiter = context.locale.term("page-range-delimiter") or "\u2013"
        text = numbers.page_range(text, _range_format(context, variable, page_format), delimiter)
    return text


def _and_symbol(context: Context) -> str:
    """The locale's and-symbol, ``&`` where it has none of its own."""
    symbol = context.locale.term("and", "symbol")
    return symbol if symbol and symbol != context.locale.term("and") else "&"


def _label_plural(rule: str, variable: str, value: Any, and_term: str) -> bool:
    """Whether a label's term is plural: by its ``plural`` *rule*, else by the value."""
    if rule in {"always", "never"}:
        return rule == "always"
    if variable in {"number-of-pages", "number-of-volumes"} and numbers.is_numeric(value):
        return _first_int(value) != 1 or numbers.is_plural(value, and_term)
    return numbers.is_plural(value, and_term)


def _first_int(value: Any) -> int | None:
    match = re.search(r"\d+", str(value))
    return int(match.group()) if match else None


def _number_text(text: str, form: str, variable: str, context: Context) -> str:
    gender = context.locale.gender_of(variable)

    def one(match: re.Match[str]) -> str:
        number = int(match.group())
        if form == "ordinal":
            return numbers.ordinal(number, context.locale, gender)
        if form == "long-ordinal":
            return numbers.long_ordinal(number, context.locale, gender)
        if form == "roman":
            return numbers.roman(number)
        return match.group()

    ranged = numbers.number_range(text, _range_delimiter(context, variable))
    return _BARE_NUMBER.sub(one, ranged) if len(ranged) < 200 else ranged


def _range_delimiter(context: Context, variable: str) -> str:
    term = _RANGE_DELIMITER_TERMS.get(variable)
    return (context.locale.term(term) if term else None) or "\u2013"


def _condition(branch: Element) -> Callable[[Context], bool]:
    """The test of a ``cs:if``/``cs:else-if``: every value of every condition, by ``match``."""
    tests: list[Callable[[Context], bool]] = []
    match = branch.get("match") or "all"
    for attribute, values in branch.attributes.items():
        if attribute == "type":  # one item has one type: its values are alternatives
            tests.append(_type_test(frozenset(values.split())))
            continue
        fields = values.split()
        if attribute == "variable" and len(fields) > 1 and all(map(_item_field, fields)):
            tests.append(_fields_test(tuple(fields), every=match not in {"any", "none"}))
            continue
        made = _SPECIALISED_CONDITIONS.get(attribute)
        if made is not None:
            tests.extend(made(value) for value in fields)
            continue
        test = _CONDITIONS.get(attribute)
        if test is None:
            continue
        tests.extend(_bind(test, value) for value in fields)
    return _matched(tests, match)


def _matched(tests: Sequence[Callable[[Context], bool]], match: str) -> Callable[[Context], bool]:
    """*tests* combined as ``match`` asks (``all``, ``any`` or ``none``), in order, lazily."""
    if len(tests) == 1 and match != "none":
        return tests[0]
    return _MATCHES.get(match, _all_of)(tuple(tests))


# plain loops: cheaper per call than any()/all() over a generator
def _any_of(tests: Sequence[Callable[[Context], bool]]) -> Callable[[Context], bool]:
    def any_holds(context: Context) -> bool:
        for test in tests:  # noqa: SIM110
            if test(context):
                return True
        return False

    return any_holds


def _none_of(tests: Sequence[Callable[[Context], bool]]) -> Callable[[Context], bool]:
    def none_holds(context: Context) -> bool:
        for test in tests:  # noqa: SIM110
            if test(context):
                return False
        return True

    return none_holds


def _all_of(tests: Sequence[Callable[[Context], bool]]) -> Callable[[Context], bool]:
    def all_hold(context: Context) -> bool:
        for test in tests:  # noqa: SIM110
            if not test(context):
                return False
        return True

    return all_hold


_MATCHES: Final[
    Mapping[str, Callable[[Sequence[Callable[[Context], bool]]], Callable[[Context], bool]]]
] = {"any": _any_of, "none": _none_of, "all": _all_of}


def _type_test(types: frozenset[str]) -> Callable[[Context], bool]:
    return lambda context: context.item.get("type") in types


def _variable_test(name: str) -> Callable[[Context], bool]:
    """Whether the item has variable *name*: a field it holds, or one from the cite."""
    if not _item_field(name):
        return lambda context: _has_variable(context, name)
    return lambda context: context.item.get(name) not in _EMPTY_VALUES


def _item_field(name: str) -> bool:
    """Whether variable *name* is the item's field of that name (no cite's, alias or derived)."""
    return name not in _CITE_VARIABLES and name not in _ALIASES and name != "page-first"


def _fields_test(names: Sequence[str], *, every: bool) -> Callable[[Context], bool]:
    """Whether the item has *every* one of the fields *names*, else any of them (in order)."""
    if every:

        def has_all(context: Context) -> bool:
            item = context.item
            for name in names:  # noqa: SIM110 - a loop: cheaper than all() per call
                if item.get(name) in _EMPTY_VALUES:
                    return False
            return True

        return has_all

    def has_any(context: Context) -> bool:
        item = context.item
        for name in names:  # noqa: SIM110 - a loop: cheaper than any() per call
            if item.get(name) not in _EMPTY_VALUES:
                return True
        return False

    return has_any


def _bind(test: Callable[[Context, str], bool], value: str) -> Callable[[Context], bool]:
    return lambda context: test(context, value)


def _has_variable(context: Context, name: str) -> bool:
    """Whether the item has *name* (a substitute's printing it does not change that)."""
    return _value(context, name) is not None


def _numeric_test(name: str) -> Callable[[Context], bool]:
    get = value_getter(name)

    def is_numeric(context: Context) -> bool:
        value = get(context)
        return value is not None and numbers.tests_numeric(value)

    return is_numeric


def _uncertain_date_test(name: str) -> Callable[[Context], bool]:
    get = value_getter(name)

    def is_uncertain_date(context: Context) -> bool:
        value = parse_date(get(context))
        return value is not None and value.circa

    return is_uncertain_date


def _locator(context: Context, name: str) -> bool:
    if not context.cite.locator:
        return False
    label = context.cite.label or "page"
    return label == name or (name == "sub-verbo" and label == "sub verbo")


_POSITIONS: Final[Mapping[str, Callable[[CiteData], bool]]] = {
    "first": lambda cite: cite.position == "first",
    "subsequent": lambda cite: cite.position != "first",
    "ibid": lambda cite: cite.position in {"ibid", "ibid-with-locator"},
    "ibid-with-locator": lambda cite: cite.position == "ibid-with-locator",
    "near-note": lambda cite: cite.position != "first" and cite.near_note,
}


def _position(context: Context, name: str) -> bool:
    test = _POSITIONS.get(name)
    return context.mode == "citation" and test is not None and test(context.cite)


def _disambiguate(context: Context, value: str) -> bool:
    """``disambiguate="true"`` holds for the first tests, as many as the item's settings allow."""
    if value != "true":
        return not context.disambiguate
    context.disambiguate_tested += 1
    if context.disambiguated < context.disambiguate:
        context.disambiguated += 1
        return True
    return False


_SPECIALISED_CONDITIONS: Final[Mapping[str, Callable[[str], Callable[[Context], bool]]]] = {
    "variable": _variable_test,
    "is-numeric": _numeric_test,
    "is-uncertain-date": _uncertain_date_test,
}
"""Conditions whose test is made for its value once (the value's reader specialised)."""
_CONDITIONS: Final[Mapping[str, Callable[[Context, str], bool]]] = {
    "locator": _locator,
    "position": _position,
    "disambiguate": _disambiguate,
}

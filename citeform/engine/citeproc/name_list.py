"""A name list rendered name by name (CSL 1.0.2 "Name").

citeproc-py formats the joined name list as one string, so ``font-variant`` on ``cs:name``
(DIN 1505-2's small capitals) spanned the delimiters and "and", where citeproc-js formats
each name (the affixes of ``cs:name`` go around each name too). It also joined the names
before "and" with a hard-coded ", " and did not know
``delimiter-precedes-last="after-inverted-name"``.

The ``subsequent-author-substitute-rule`` values that work name by name ("complete-each",
"partial-each", "partial-first") are applied here, before the names are joined.

A name whose given name ended in "et al." (see ``data.MORE_AUTHORS``) makes the list end
in the et-al term, as citeproc-js does (not in styles with ``et-al-use-last``).

``Name.initialize`` is replaced too: ``initialize="false"``, initials written "M.E", and
abbreviations such as "Me." as citeproc-js reads them.

Inverted names in sort keys demote the particle under ``demote-non-dropping-particle=
"sort-only"``. Replaces ``Name.process`` (options still come from ``get_option``, so the
citation side's overrides apply) and ``Name.markup`` (affixes only: formatting is per name).
"""

from __future__ import annotations

from typing import Any, Final

from citeproc.string import String, join

from citeform.engine.citeproc import state
from citeform.engine.citeproc.data import MORE_AUTHORS
from citeform.engine.citeproc.loader import CSL_NAMESPACE

NAME_PART: Final = f"{{{CSL_NAMESPACE}}}name-part"
PER_NAME_RULES: Final = frozenset({"complete-each", "partial-each", "partial-first"})
"""``subsequent-author-substitute-rule`` values that substitute name by name."""


class PerNameFormatting:
    """``cs:name``."""

    def process(
        self,
        item: Any,
        variable: str,
        context: Any = None,
        sort_options: Any = None,
        **_kwargs: Any,
    ) -> Any:
        """Render the names of *variable*: each name formatted, then joined."""

        def option(name: str) -> Any:
            return self.get_option(name, context, sort_options)  # type: ignore[attr-defined]

        names = list(item.reference.get(variable, []))
        et_al_min, use_first = option("et-al-min"), option("et-al-use-first")
        truncate = len(names) > 1 and et_al_min and len(names) >= et_al_min
        if option("form") == "count":
            return len(names[:use_first]) if truncate else len(names)
        use_last = truncate and option("et-al-use-last") and use_first <= et_al_min - 2
        last = names[-1] if use_last else None
        last_inverted = self._inverted(len(names) - 1, option)  # as its place in the full list
        if truncate:
            names = names[:use_first]
        more = not option("et-al-use-last") and any(dict.get(name, MORE_AUTHORS) for name in names)
        inverted = [self._inverted(index, option) for index in range(len(names))]
        texts = [
            self._affixed(self._one_name(name, option, inverted=inverted[index], context=context))
            for index, name in enumerate(names)
        ]
        texts = self._substitute_repeated_names(texts)
        if use_last and last is not None:
            ellipsis = self.unicode_character("horizontal ellipsis")  # type: ignore[attr-defined]
            last_name = self._one_name(last, option, inverted=last_inverted, context=context)
            last_text = self._affixed(last_name)
            return join([*texts, ellipsis + " " + last_text], option("delimiter"))
        if not texts:
            return String("")
        return self._join(texts, inverted, option, truncated=bool(truncate) or more)

    def _substitute_repeated_names(self, texts: list[Any]) -> list[Any]:
        """``subsequent-author-substitute`` name by name (the ``*-each``/``partial-first`` rules).

        Applies to the first name list of a bibliography entry: "complete-each" replaces
        every name when all match the previous entry's, "partial-each" the names that match
        from the first on, "partial-first" the first name when it matches.
        """
        current = state.current()
        if not current.entry_active or current.sorting or current.first_names_done:
            return texts
        if "list" in current.current_names:
            return texts
        current.current_names["list"] = [str(text) for text in texts]
        bibliography = self.get_root().bibliography  # type: ignore[attr-defined]
        if bibliography is None:
            return texts
        substitute = bibliography.get("subsequent-author-substitute")
        rule = bibliography.get("subsequent-author-substitute-rule", "complete-all")
        if substitute is None or rule not in PER_NAME_RULES:
            return texts
        previous = current.previous_names.get("list") or []
        matching = 0
        while (
            matching < min(len(texts), len(previous)) and str(texts[matching]) == previous[matching]
        ):
            matching += 1
        count = {
            "complete-each": len(texts) if matching == len(texts) == len(previous) else 0,
            "partial-each": matching,
            "partial-first": min(matching, 1),
        }[rule]
        return [String(substitute)] * count + texts[count:]

    def _join(self, texts: list[Any], inverted: list[bool], option: Any, *, truncated: bool) -> Any:
        """Join formatted names with the delimiter, "et al." or "and"."""
        delimiter = option("delimiter")
        if truncated:
            et_al = self.et_al()  # type: ignore[attr-defined]
            if not et_al:
                return join(texts, delimiter)
            precedes = _precedes(option("delimiter-precedes-et-al"), len(texts), inverted[-1])
            return join(texts, delimiter) + (delimiter if precedes else " ") + et_al
        and_term = self._and_term(option("and"))
        if and_term is None or len(texts) < 2:
            return join(texts, delimiter)
        precedes = _precedes(option("delimiter-precedes-last"), len(texts) - 1, inverted[-2])
        head = join(texts[:-1], delimiter)
        return head + (delimiter if precedes else " ") + and_term + " " + texts[-1]

    def _and_term(self, and_: str | None) -> Any:
        if and_ == "text":
            return self.get_single_term(name="and")  # type: ignore[attr-defined]
        if and_ == "symbol":
            return String("&")
        return None

    def _inverted(self, index: int, option: Any) -> bool:
        order = option("name-as-sort-order")
        return option("form") == "long" and (order == "all" or (order == "first" and index == 0))

    def _one_name(self, name: Any, option: Any, *, inverted: bool, context: Any) -> Any:
        given, family, dropping, non_dropping, suffix = name.parts()
        if family is None and given is None:
            return String("")
        if given is not None and option("initialize-with") is not None:
            given = self.initialize(given, option("initialize-with"), context)
        form = option("form")
        if form == "short":
            family = " ".join(part for part in (non_dropping, family) if part)
            return self._parts(None, family)[1]
        if inverted:
            if _keeps_particle(option("demote-non-dropping-particle")):
                family = " ".join(part for part in (non_dropping, family) if part)
                given = " ".join(part for part in (given, dropping) if part)
            else:
                given = " ".join(part for part in (given, dropping, non_dropping) if part)
            given, family = self._parts(given, family)
            return option("sort-separator").join(
                str(part) for part in (family, given, suffix) if part
            )
        family = " ".join(part for part in (dropping, non_dropping, family) if part)
        given, family = self._parts(given, family)
        return " ".join(str(part) for part in (given, family, suffix) if part)

    def _parts(self, given: Any, family: Any) -> tuple[Any, Any]:
        """Apply the ``cs:name-part`` formatting to the given and family names present."""
        for part in self.findall(NAME_PART):  # type: ignore[attr-defined]
            if part.get("name") == "given" and given:
                given = part.wrap(part.format(part.case(given)))
            elif part.get("name") == "family" and family:
                family = part.wrap(part.format(part.case(family)))
        return given, family

    def markup(self, text: Any) -> Any:
        """Nothing more: each name is formatted and affixed by itself (a count stays a number)."""
        if isinstance(text, int) or not text:
            return text if isinstance(text, int) else None
        return text

    def _affixed(self, name: Any) -> Any:
        """One name formatted, between the ``cs:name`` affixes (citeproc-js affixes each name)."""
        text = self.format(name)  # type: ignore[attr-defined]
        return self.wrap(text) if str(text) else text  # type: ignore[attr-defined]

    def initialize(self, given: str, mark: str, context: Any) -> str:
        """Initialize given names (CSL 1.0.2 ``initialize-with``, ``initialize``).

        Single letters ("M", "M.", the parts of "M.E") are initials and get the mark; other
        words become initials unless ``initialize="false"``; a word written with a period
        ("Me.") is an abbreviation and stays; lower-case particles stay. Hyphenated names
        keep the hyphen between initials when ``initialize-with-hyphen`` is true, and a part
        after a hyphen that starts in lower case belongs to the part before ("Min-jun" is
        "M."); when it is false, hyphens separate words as spaces do ("M jun"), as in
        citeproc-js.
        """
        initialize = self.get("initialize", "true").lower() != "false"  # type: ignore[attr-defined]
        hyphen = self.get_option("initialize-with-hyphen", context)  # type: ignore[attr-defined]
        if not hyphen:
            given = given.replace("-", " ")
        out = ""
        for word in given.split():
            for token, abbreviated in _tokens(word):
                initial = _initial(token, initialize=initialize, hyphen=hyphen, mark=mark)
                if (initial is not None and not abbreviated) or len(token) == 1:
                    out += initial if initial is not None else token + mark
                    continue
                if out and not out.endswith(" "):
                    out += " "
                out += token + (mark.strip() if abbreviated else "") + " "
        return out.strip()


def _tokens(word: str) -> list[tuple[str, bool]]:
    """The parts of a given-name word, each with whether a period followed it ("M.E.")."""
    parts = word.split(".")
    tokens = [(part, index < len(parts) - 1) for index, part in enumerate(parts) if part]
    if len(tokens) > 1:  # "M.E": initials, not abbreviations
        return [(token, False) if len(token) == 1 else (token, dotted) for token, dotted in tokens]
    return tokens


def _initial(token: str, *, initialize: bool, hyphen: bool, mark: str) -> str | None:
    """The initials of *token*, or ``None`` when it stays a whole word."""
    if not token[:1].isupper():
        return None
    if len(token) == 1:
        return token + mark
    if not initialize:
        return None
    if "-" in token:
        parts = [part for part in token.split("-") if part and not part[0].islower()]
        joiner = "-" if hyphen else ""
        return joiner.join(part[0] + mark.rstrip() for part in parts) + mark[len(mark.rstrip()) :]
    return token[0] + mark


def _keeps_particle(demote: str) -> bool:
    """Whether an inverted name keeps its non-dropping particle in front ("van der Berg").

    ``sort-only`` demotes it in sort keys only ("Berg, Jan van der" sorts under B).
    """
    return demote == "never" or (demote == "sort-only" and not state.current().sorting)


def _precedes(rule: str, count: int, previous_inverted: bool) -> bool:
    """Whether the delimiter goes before "and"/"et al." (``delimiter-precedes-*``)."""
    if rule == "always":
        return True
    if rule == "never":
        return False
    if rule == "after-inverted-name":
        return previous_inverted
    return count >= 2


OVERRIDES: Final = {"name": PerNameFormatting}

"""Memoise what depends only on the parsed style and its locales.

citeproc-py interprets the style tree anew for every entry: it looks up macros by XPath on
every macro call, re-derives whether a group calls a variable at every group, and searches
the locale chain for each term. None of this depends on the item, so the answers are kept
(on the element they were asked of; the loader keeps every element alive). Output is
byte-identical. Methods replaced (memoised, result of ``super()`` kept):
``xpath_search``, ``get_root``, ``get_macro``, ``calls_variable``, ``get_term``,
``get_date``, ``get_locale_option``, ``get_layout``; ``get_formatter`` keeps the element
that holds the formatter (the formatter itself may change between calls).
"""

from __future__ import annotations

from typing import Any, Final

from citeproc.model import Locale

from citeform.engine.citeproc.loader import ANY_TAG


def _memo(element: Any) -> dict[Any, Any]:
    """The element's own memo (plain ``__dict__`` access: element attributes are XML finds)."""
    memo: dict[Any, Any] | None = element.__dict__.get("_citeform_memo")
    if memo is None:
        memo = element.__dict__["_citeform_memo"] = {}
    return memo


_MISSING: Final = object()


class StaticLookups:
    """Memoised style-only lookups for every element."""

    def xpath_search(self, expression: str) -> Any:
        """XPath results per element and expression (the tree never changes)."""
        memo = _memo(self)
        key = ("xpath", expression)
        found = memo.get(key, _MISSING)
        if found is _MISSING:
            found = memo[key] = super().xpath_search(expression)  # type: ignore[misc]
        return found

    def get_root(self) -> Any:
        """The root element."""
        attributes = self.__dict__
        root = attributes.get("_citeform_root")
        if root is None:
            root = attributes["_citeform_root"] = super().get_root()  # type: ignore[misc]
        return root

    def get_formatter(self) -> Any:
        """The formatter of the style (locale elements: of the style using them)."""
        attributes = self.__dict__
        owner = attributes.get("_citeform_formatter_owner")
        if owner is None:
            root = self.get_root()
            owner = root.style if isinstance(root, Locale) else root
            attributes["_citeform_formatter_owner"] = owner
        return owner.formatter

    def get_layout(self) -> Any:
        """The enclosing ``cs:layout``."""
        return _remembered(_memo(self), "layout", super().get_layout)  # type: ignore[misc]

    def get_macro(self, name: str) -> Any:
        """The macro of that name (kept on the root)."""
        root_memo = _memo(self.get_root())
        return _remembered(root_memo, ("macro", name), super().get_macro, name)  # type: ignore[misc]

    def calls_variable(self) -> bool:
        """Whether the element (statically) calls a variable."""
        return bool(_remembered(_memo(self), "calls_variable", super().calls_variable))  # type: ignore[misc]

    def get_term(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """The term element found in the locale chain (kept on the root)."""
        key = ("term", name, args, tuple(sorted(kwargs.items())))
        lookup = super().get_term  # type: ignore[misc]
        return _remembered(_memo(self.get_root()), key, lookup, name, *args, **kwargs)

    def get_date(self, form: str) -> Any:
        """The localized date format (kept on the root)."""
        root_memo = _memo(self.get_root())
        return _remembered(root_memo, ("date", form), super().get_date, form)  # type: ignore[misc]

    def get_locale_option(self, name: str) -> Any:
        """A locale option such as ``punctuation-in-quote`` (kept on the root)."""
        lookup = super().get_locale_option  # type: ignore[misc]
        return _remembered(_memo(self.get_root()), ("locale-option", name), lookup, name)


def _remembered(memo: dict[Any, Any], key: Any, compute: Any, *args: Any, **kwargs: Any) -> Any:
    """``memo[key]``, computed by ``compute(*args, **kwargs)`` the first time."""
    value = memo.get(key, _MISSING)
    if value is _MISSING:
        value = memo[key] = compute(*args, **kwargs)
    return value


OVERRIDES: Final = {ANY_TAG: StaticLookups}

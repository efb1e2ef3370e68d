"""The loader composes citeform's classes for citeform's styles only."""

from __future__ import annotations

import warnings

from citeproc import CitationStylesStyle, model

from citeform.engine.citeproc import caching
from citeform.engine.citeproc.engine import LOADER
from citeform.engine.citeproc.loader import ANY_TAG, Loader, compose_classes
from citeform.styles import resolve_style


class First:
    """A mixin for the test."""


class Second:
    """Another mixin."""


def test_mixins_go_in_front_in_module_order() -> None:
    classes = compose_classes([{"text": First}, {"text": Second, ANY_TAG: caching.StaticLookups}])
    mro = classes["text"].__mro__
    assert mro.index(First) < mro.index(Second) < mro.index(caching.StaticLookups)
    assert mro.index(caching.StaticLookups) < mro.index(model.Text)
    assert issubclass(classes[None], caching.StaticLookups)


def test_other_users_of_citeproc_py_keep_the_stock_classes() -> None:
    path = resolve_style("apa").path
    ours = LOADER.load_style(path, "en-US")
    assert (
        type(ours.find("{http://purl.org/net/xbiblio/csl}citation")).__module__ != "citeproc.model"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = CitationStylesStyle(str(path), locale="en-US", validate=False)
    citation = theirs.root.find("{http://purl.org/net/xbiblio/csl}citation")
    assert type(citation) is model.Citation


def test_locale_chain_and_default_names() -> None:
    root = Loader([]).load_style(resolve_style("nlm-citation-sequence").path, "de-DE")
    langs = [locale.get("{http://www.w3.org/XML/1998/namespace}lang") for locale in root.locales]
    assert langs == ["de-DE", "en-US"]  # the style's own locale is for "en" only
    names = root.findall(".//{http://purl.org/net/xbiblio/csl}names")
    outside = [n for n in names if not n.getparent().tag.endswith("substitute")]
    assert all(n.find("{http://purl.org/net/xbiblio/csl}name") is not None for n in outside)

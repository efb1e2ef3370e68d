"""The public rendering API: Renderer, CiteItem, cite."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

import pytest

import citeform
from citeform.errors import RenderError, UnknownLocaleError, UnknownStyleError
from citeform.rendering import Bibliography, CiteItem, Renderer, cite, without_extensions

BOOK = {
    "id": "doe2020",
    "type": "book",
    "title": "A book about things",
    "author": [{"family": "Doe", "given": "Jane"}],
    "issued": {"date-parts": [[2020]]},
    "publisher": "Example Press",
}
ARTICLE = {
    "id": "roe2019",
    "type": "article-journal",
    "title": "An article",
    "author": [{"family": "Roe", "given": "Richard"}],
    "container-title": "Journal of Examples",
    "volume": "3",
    "page": "1-10",
    "issued": {"date-parts": [[2019]]},
}


def test_entry_renders_a_csl_json_dict() -> None:
    renderer = Renderer("apa", locale="en-US")
    assert renderer.entry(BOOK) == "Doe, J. (2020). A book about things. Example Press."


def test_entry_renders_a_record() -> None:
    record = citeform.Record.from_csl(BOOK)
    assert Renderer("apa", locale="en-US").entry(record).startswith("Doe, J. (2020).")


def test_bibliography_is_in_the_styles_order() -> None:
    entries = Renderer("apa", locale="en-US").bibliography([BOOK, ARTICLE])
    assert isinstance(entries, Bibliography)
    assert [entry[:3] for entry in entries] == ["Doe", "Roe"]
    assert entries.errors == []


def test_numeric_style_numbers_in_order_of_the_records() -> None:
    entries = Renderer("ieee", locale="en-US").bibliography([ARTICLE, BOOK])
    assert entries[0].startswith("[1] R. Roe")
    assert entries[1].startswith("[2] J. Doe")


def test_page_ranges_are_not_corrupted() -> None:
    entry = Renderer("chicago-author-date", locale="en-US").entry(ARTICLE)
    assert "1\u201310" in entry


def test_locale_is_forced() -> None:
    entry = Renderer("apa", locale="de-DE").entry({**BOOK, "issued": None})
    assert "(o.\u00a0J.)" in entry


def test_locale_from_the_records_language() -> None:
    renderer = Renderer("apa")
    assert renderer.locale_for([{"language": "de"}]) == "de-DE"
    assert renderer.locale_for([{"language": "german"}]) == "de-DE"
    assert renderer.locale_for([{}]) == "en-US"
    assert "(o.\u00a0J.)" in renderer.entry({**BOOK, "issued": None, "language": "de"})


def test_item_without_type_is_rendered() -> None:
    untyped = {key: value for key, value in BOOK.items() if key != "type"}
    assert Renderer("apa", locale="en-US").entry(untyped).startswith("Doe, J. (2020).")


def test_film_with_director_renders() -> None:
    film = {
        "id": "m",
        "type": "motion_picture",
        "title": "Metropolis",
        "director": [{"family": "Lang", "given": "Fritz"}],
        "issued": {"date-parts": [[1927]]},
    }
    for style in ("apa", "chicago-author-date", "modern-language-association"):
        assert "Metropolis" in Renderer(style, locale="en-US").entry(film)


def test_a_failing_record_is_reported_and_the_others_render(
    monkeypatch: pytest.MonkeyPatch, engine_name: str
) -> None:
    from citeform.engine.citeproc import engine  # noqa: PLC0415
    from citeform.engine.csl import engine as csl_engine  # noqa: PLC0415

    def failing_on_roe(read: Callable[..., Any]) -> Callable[..., Any]:
        def read_or_fail(item: dict, *more: object) -> object:
            if item["id"] == "roe2019":
                raise ValueError("broken")
            return read(item, *more)

        return read_or_fail

    monkeypatch.setattr(engine, "to_reference", failing_on_roe(engine.to_reference))
    monkeypatch.setattr(csl_engine, "with_note_fields", failing_on_roe(csl_engine.with_note_fields))
    renderer = Renderer("apa", locale="en-US", engine=engine_name)
    entries = renderer.bibliography([BOOK, ARTICLE])
    assert len(entries) == 1
    assert [error.position for error in entries.errors] == ["item 2"]
    assert isinstance(entries.errors[0], RenderError)
    with pytest.raises(RenderError):
        renderer.bibliography([BOOK, ARTICLE], strict=True)
    with pytest.raises(RenderError):
        renderer.entry(ARTICLE)


def test_unknown_style_and_locale_suggest_close_matches() -> None:
    with pytest.raises(UnknownStyleError, match=r"did you mean.*apa"):
        Renderer("apaa")
    with pytest.raises(UnknownLocaleError, match="de-DE"):
        Renderer("apa", locale="de-DX")
    with pytest.raises(ValueError, match="output format"):
        Renderer("apa", format="pdf")  # type: ignore[arg-type]


def test_renderer_pickles_as_its_arguments() -> None:
    renderer = Renderer("ieee", locale="de-DE", format="html")
    renderer.entry(BOOK)
    copy = pickle.loads(pickle.dumps(renderer))
    assert repr(copy) == repr(renderer)
    assert copy.entry(BOOK) == renderer.entry(BOOK)


def test_cite_function_and_package_exports() -> None:
    assert cite([BOOK], style="apa", locale="en-US") == [
        "Doe, J. (2020). A book about things. Example Press."
    ]
    assert citeform.Renderer is Renderer
    assert citeform.CiteItem is CiteItem


def test_citation_and_document() -> None:
    renderer = Renderer("apa", locale="en-US")
    assert renderer.citation([CiteItem(BOOK)]) == "(Doe, 2020)"
    assert renderer.citation([BOOK, ARTICLE]) == "(Doe, 2020; Roe, 2019)"
    assert len(renderer.document([[CiteItem(BOOK)], [CiteItem(ARTICLE)]])) == 2


def test_cite_item_is_frozen() -> None:
    item = CiteItem(BOOK, locator="12", label="page")
    with pytest.raises(AttributeError):
        item.locator = "13"  # type: ignore[misc]


def test_locale_with_bcp47_extensions_is_its_base_locale() -> None:
    assert Renderer("apa", locale="en-US-x-sort-ja-alalc97").locale_for([]) == "en-US"
    assert without_extensions("de-DE-u-co-phonebk") == "de-DE"
    assert without_extensions("de-DE") == "de-DE"

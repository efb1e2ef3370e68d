"""One example per CSL behaviour the engine adds to citeproc-py (no shared data needed)."""

from __future__ import annotations

from citeform.rendering import Renderer


def _book(item_id: str, family: str, year: int, title: str, **more: object) -> dict[str, object]:
    return {
        "id": item_id,
        "type": "book",
        "title": title,
        "author": [{"family": family, "given": "Anna"}],
        "issued": {"date-parts": [[year]]},
        "publisher": "Press",
        **more,
    }


def test_year_suffixes_in_bibliography_order() -> None:
    entries = Renderer("apa", locale="en-US").bibliography(
        [_book("b", "Roe", 2001, "Beta"), _book("a", "Roe", 2001, "Alpha")]
    )
    assert entries == ["Roe, A. (2001a). Alpha. Press.", "Roe, A. (2001b). Beta. Press."]


def test_subsequent_author_substitute() -> None:
    entries = Renderer("modern-language-association", locale="en-US").bibliography(
        [_book("a", "Roe", 2001, "Alpha"), _book("b", "Roe", 2002, "Beta")]
    )
    assert entries[1].startswith("———. Beta.")


def test_substituted_editor_is_not_printed_twice() -> None:
    edited = {
        "id": "e",
        "type": "book",
        "title": "Collected",
        "editor": [{"family": "Roe", "given": "Anna"}],
        "issued": {"date-parts": [[2001]]},
        "publisher": "Press",
    }
    entry = Renderer("apa", locale="en-US").entry(edited)
    assert entry == "Roe, A. (Ed.). (2001). Collected. Press."


def test_initialize_false_keeps_given_names() -> None:
    entry = Renderer("chicago-author-date", locale="en-US").entry(_book("a", "Roe", 2001, "Alpha"))
    assert entry.startswith("Roe, Anna. 2001.")


def test_punctuation_moves_inside_quotes_in_english_only() -> None:
    article = {
        "id": "q",
        "type": "article-journal",
        "title": "A title",
        "container-title": "Journal",
        "author": [{"family": "Roe", "given": "Anna"}],
        "issued": {"date-parts": [[2001]]},
    }
    assert "“A Title.”" in Renderer("chicago-author-date", locale="en-US").entry(article)
    assert "„A title“." in Renderer("chicago-author-date", locale="de-DE").entry(article)


def test_ordinals_come_from_the_output_locale() -> None:
    entry = Renderer("apa", locale="de-DE").entry(_book("a", "Roe", 2001, "Alpha", edition="2"))
    assert "(2. Aufl.)" in entry


def test_particles_in_family_names() -> None:
    item = _book("a", "van der Vlist", 2002, "XML")
    assert (
        Renderer("chicago-author-date", locale="en-US")
        .entry(item)
        .startswith("Vlist, Anna van der.")
    )
    assert Renderer("apa", locale="en-US").entry(item).startswith("van der Vlist, A.")


def test_empty_number_drops_its_group() -> None:
    thesis = {
        "id": "t",
        "type": "thesis",
        "title": "Essays",
        "genre": "PhD thesis",
        "author": [{"family": "Roe", "given": "Anna"}],
        "issued": {"date-parts": [[2017]]},
        "publisher": "University",
    }
    assert Renderer("apa", locale="en-US").entry(thesis) == (
        "Roe, A. (2017). Essays [PhD thesis]. University."
    )


def test_term_opening_an_entry_is_capitalized() -> None:
    entries = Renderer("apa", locale="en-US").bibliography([{"id": "x", "type": "document"}])
    assert entries == ["(N.d.)."]


def test_names_formatted_one_by_one() -> None:
    item = _book("a", "Roe", 2001, "Alpha")
    item["author"] = [{"family": "Roe", "given": "Anna"}, {"family": "Poe", "given": "Ed"}]
    html = Renderer("din-1505-2", locale="de-DE", format="html").entry(item)
    small_caps = '<span style="font-variant:small-caps;">'
    assert f"{small_caps}Roe, Anna</span> ; {small_caps}Poe, Ed</span>" in html


def test_lower_case_part_after_a_hyphen_in_initials() -> None:
    item = _book("k", "Lee", 2021, "Parsing", author=[{"family": "Lee", "given": "Min-jun"}])
    assert Renderer("apa", locale="en-US").entry(item).startswith("Lee, M. (2021).")
    # initialize-with-hyphen="false": the hyphen separates words
    assert Renderer("nlm-citation-sequence", locale="en-US").entry(item).startswith("1. Lee M jun.")


def test_subsequent_author_substitute_partial_each(engine_name: str) -> None:
    # british-journal-of-industrial-relations: subsequent-author-substitute-rule="partial-each"
    co_author = [{"family": "Roe", "given": "Anna"}, {"family": "Poe", "given": "Ben"}]
    style = "british-journal-of-industrial-relations"
    entries = Renderer(style, locale="en-US", engine=engine_name).bibliography(
        [_book("a", "Roe", 2001, "Alpha"), _book("b", "Roe", 2002, "Beta", author=co_author)]
    )
    assert entries[0].startswith("Roe, A. (2001)")
    assert entries[1].startswith("——— and Poe, B. (2002)")


def test_year_suffix_in_the_input_is_ignored() -> None:
    item = _book("y", "Roe", 2013, "Alpha", **{"year-suffix": "a"})
    assert Renderer("apa", locale="en-US").entry(item) == "Roe, A. (2013). Alpha. Press."


def test_the_nearest_text_case_wins(engine_name: str) -> None:
    # the title macro (capitalize-first) is called with text-case="title"
    item = _book("t", "Roe", 2020, "study of the zur word", type="article-journal")
    style = "veterinary-anaesthesia-analgesia"
    entry = Renderer(style, locale="en-US", engine=engine_name).entry(item)
    assert entry.startswith("Roe A (2020) Study of the zur word.")


def test_et_al_written_into_a_given_name_ends_the_list_in_the_et_al_term(engine_name: str) -> None:
    item = _book("e", "Born", 2019, "Signs", author=[{"family": "Born", "given": "L., et al."}])
    english = Renderer("ieee", locale="en-US", engine=engine_name).entry(item)
    assert english.startswith("[1] L. Born et al., ")
    german = Renderer("ieee", locale="de-DE", engine=engine_name).entry(item)
    assert german.startswith("[1] L. Born u.\u00a0a., ")


def test_implicit_year_suffix_follows_the_first_year_of_an_entry_only() -> None:
    # hiob-ludolf prints the year after the author and again with the publisher
    style = "hiob-ludolf-centre-for-ethiopian-studies-with-url-doi"
    entries = Renderer(style, locale="en-US").bibliography(
        [_book("a", "Roe", 2001, "Alpha"), _book("b", "Roe", 2001, "Beta")]
    )
    assert [entry.count("2001a") + entry.count("2001b") for entry in entries] == [1, 1]
    assert all("2001)" in entry for entry in entries)


def test_et_al_use_last_name_keeps_the_sort_order_form() -> None:
    authors = [{"family": f"Name{index}", "given": "Ann"} for index in range(25)]
    entry = Renderer("apa", locale="en-US").entry(_book("m", "x", 2018, "Many", author=authors))
    assert "Name18, A., … Name24, A. (2018)" in entry


def test_name_affixes_go_around_each_name() -> None:
    # new-zealand-plant-protection: <name prefix=" In: "> for the editors of a chapter
    chapter = {
        "id": "c",
        "type": "chapter",
        "title": "Part",
        "container-title": "Book",
        "author": [{"family": "Roe", "given": "Anna"}],
        "editor": [{"family": "Weber", "given": "Karl"}, {"family": "Klein", "given": "Ute"}],
        "issued": {"date-parts": [[2016]]},
    }
    entry = Renderer("new-zealand-plant-protection", locale="en-US").entry(chapter)
    assert "In: Weber K, In: Klein U" in entry


def test_date_range_prints_shared_parts_once_in_the_date_order() -> None:
    event = {
        "id": "v",
        "type": "paper-conference",
        "title": "Talk",
        "author": [{"family": "Roe", "given": "Anna"}],
        "issued": {"date-parts": [[2018]]},
        "event-title": "Conf",
        "event-date": {"date-parts": [[2018, 12, 3], [2018, 12, 6]]},
    }
    assert Renderer("apa", locale="en-US").entry(event).endswith("Conf, December 3\u20136, 2018.")

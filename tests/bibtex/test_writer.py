"""Writing BibTeX and biblatex: escaped exactly once, nothing deleted, nothing smuggled."""

# ruff: noqa: RUF001 - dashes and letters from other scripts are the test data

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pybtex.database import parse_string
from strategies import EXAMPLE_CSL, TEX_SPECIALS, bib_text

from citeform.bibtex import latex, names
from citeform.formats import bibtex as bibtex_format
from citeform.io import read, write
from citeform.model import Name, Record

EXAMPLE = Record.from_csl(EXAMPLE_CSL)

HOSTILE = [
    r"\input{/etc/passwd}",
    r"\immediate\write18{rm -rf /}",
    "}, title = {owned",
    "{{{",
    "}}}",
    r"\def\x{y}\x",
    "^^5cinput",
    "$x$ and $",
    TEX_SPECIALS,
]


def fields_of(text: str) -> dict[str, str]:
    return dict(re.findall(r"^  (\w+) = (.*),$", text, re.MULTILINE))


def test_the_example_as_biblatex():
    fields = fields_of(write([EXAMPLE], "biblatex"))
    assert fields == {
        "author": "{{Städtetag Nordrhein-Westfalen}}",
        "title": "{Fachkonferenz zur {Arbeitsmarktintegration} von {Flüchtlingen} – "
        "{Beispiele} aus {Städten}}",
        "journaltitle": "{Eildienst}",
        "number": "{2}",
        "pages": "{3--4}",
        "publisher": "{Städtetag Nordrhein-Westfalen}",
        "location": "{Köln}",
        "langid": "{ngerman}",
        "library": "{ZLB: Kws 860 ZB 6748}",
    }


def test_the_example_as_classic_bibtex():
    text = write([EXAMPLE], "bibtex")
    assert text.startswith("@article{example,\n")
    fields = fields_of(text)
    assert fields["author"] == '{{St{\\"a}dtetag Nordrhein-Westfalen}}'
    assert fields["journal"] == "{Eildienst}"
    assert fields["pages"] == "{3--4}"
    assert fields["address"] == '{K{\\"o}ln}'
    assert fields["language"] == "{german}"
    assert "--" in fields["title"]
    assert text.isascii()


def test_the_zitierform_goes_to_note_or_addendum():
    record = Record.build("book", {"title": "T", "note": "N"}, citation="Doe (2017): T.")
    assert fields_of(write([record], "bibtex"))["addendum"] == "{Zitierform: Doe (2017): T.}"
    bare = Record.build("book", {"title": "T"}, citation="Doe (2017): T.")
    assert fields_of(write([bare], "bibtex"))["note"] == "{Zitierform: Doe (2017): T.}"
    assert fields_of(write([record], "biblatex"))["addendum"] == "{Zitierform: Doe (2017): T.}"
    assert "Zitierform" not in write([record], "biblatex", citation=False)
    (back,) = read(write([record], "bibtex"), "bibtex")
    assert (back.citation, back.get("note")) == ("Doe (2017): T.", "N")


def test_latex_read_is_written_back_escaped_once():
    source = (
        r"@misc{k, title = {Tom \& Jerry~II: $\mathcal{G}$}, note = {Angew.~Chem.},"
        r" url = {http://x.org/a_b%20c~d}, eprint = {math/0307200v3}}"
    )
    (record,) = read(source, "bibtex")
    for dialect in ("bibtex", "biblatex"):
        fields = fields_of(write([record], dialect))
        assert fields["title"] == r"{Tom \& Jerry~II: $\mathcal{G}$}"
        assert fields["note"] == "{Angew.~Chem.}"
        assert fields["url"] == "{http://x.org/a_b%20c~d}"
        assert fields["eprint"] == "{math/0307200v3}"


def test_non_ascii_is_utf8_for_biblatex_and_macros_or_utf8_for_bibtex():
    record = Record.build(
        "book", {"title": "Война и мир, 源氏物語, CO₂, naïve", "author": [Name.corporate("Ø")]}
    )
    biblatex = fields_of(write([record], "biblatex"))
    assert biblatex["title"] == "{Война и мир, 源氏物語, {CO₂,} naïve}"
    bibtex = fields_of(write([record], "bibtex"))
    assert bibtex["title"] == '{Война и мир, 源氏物語, {CO$_2$,} na{\\"{\\i}}ve}'
    assert bibtex["author"] == "{{{\\O}}}"


def test_ampersand_and_tilde_from_csl_are_escaped():
    record = Record.build("book", {"title": "a & b ~ c_d 50% #1", "URL": "http://x/a_b"})
    fields = fields_of(write([record], "bibtex"))
    assert fields["title"] == r"{a \& b \textasciitilde{} c\_d 50\% \#1}"
    assert fields["url"] == "{http://x/a_b}"


@pytest.mark.parametrize("dialect", ["bibtex", "biblatex"])
@pytest.mark.parametrize("hostile", HOSTILE)
def test_no_value_smuggles_tex(dialect, hostile):
    record = Record.build(
        "book",
        {"title": hostile, "publisher": hostile, "author": [Name(family=hostile, given=hostile)]},
        id=hostile,
    )
    text = write([record], dialect)
    assert not re.search(
        r"\\(input|write|immediate|def)(?![a-z])", text.replace(r"\textbackslash{}", "")
    )
    assert "^^" not in text
    parsed = parse_string(text, "bibtex")
    assert len(parsed.entries) == 1
    (back,) = read(text, dialect)
    assert back.get("title") == hostile


@pytest.mark.parametrize("dialect", ["bibtex", "biblatex"])
def test_tex_read_from_a_file_is_not_passed_through_when_unsafe(dialect):
    source = r"@misc{k, title = {A \input{secret} B $\x$}, howpublished = {\write18{ls}}}"
    (record,) = read(source, "bibtex")
    text = write([record], dialect)
    assert r"\input" not in text.replace(r"\textbackslash{}", "")
    assert r"\write18" not in text.replace(r"\textbackslash{}", "")


@given(bib_text)
def test_no_character_is_deleted(text):
    record = Record.build("book", {"title": text, "note": text})
    for dialect in ("bibtex", "biblatex"):
        (back,) = read(write([record], dialect), dialect)
        assert (back.get("title"), back.get("note")) == (text, text)


def test_capitalised_words_are_protected_in_titles_only():
    record = Record.build(
        "article-journal",
        {"title": "The DNA of Berlin", "container-title": "Nature", "note": "Big"},
    )
    fields = fields_of(write([record], "biblatex"))
    assert fields["title"] == "{The {DNA} of {Berlin}}"
    assert fields["note"] == "{Big}"


def test_et_al_is_written_as_and_others():
    (record,) = read("@book{k, author = {Doe, J. and others}, title = {T}}", "bibtex")
    assert fields_of(write([record], "biblatex"))["author"] == "{Doe, J. and others}"


@pytest.mark.parametrize(
    ("language", "langid", "classic"),
    [
        ("de", "ngerman", "german"),
        ("german", "ngerman", "german"),
        ("en-US", "american", "american"),
    ],
)
def test_languages_become_babel_names(language, langid, classic):
    record = Record.build("book", {"title": "T", "language": language})
    assert fields_of(write([record], "biblatex"))["langid"] == "{" + langid + "}"
    assert fields_of(write([record], "bibtex"))["language"] == "{" + classic + "}"


def test_entry_types_come_back_where_the_dialect_has_them():
    text = "".join(
        f"@{kind}{{k{kind}, title = {{T}}}}\n"
        for kind in ("manual", "inbook", "proceedings", "collection", "conference", "article")
    )
    records = read(text, "bibtex")
    assert re.findall(r"^@(\w+)", write(records, "bibtex"), re.MULTILINE) == [
        "manual",
        "inbook",
        "proceedings",
        "book",
        "conference",
        "article",
    ]
    assert re.findall(r"^@(\w+)", write(records, "biblatex"), re.MULTILINE) == [
        "manual",
        "inbook",
        "proceedings",
        "collection",
        "inproceedings",
        "article",
    ]


def test_links_are_percent_encoded_where_tex_would_read_them():
    record = Record.build(
        "webpage", {"title": "T", "URL": "http://x/{a} b\\c^^5c", "DOI": "10.1/^^7b"}
    )
    fields = fields_of(write([record], "bibtex"))
    assert fields["url"] == "{http://x/%7Ba%7D%20b%5Cc%5E%5E5c}"
    assert fields["doi"] == "{10.1/%5E%5E7b}"


@pytest.mark.parametrize("dialect", ["bibtex", "biblatex"])
def test_decomposed_accents_are_written_composed(dialect):
    title = unicodedata.normalize("NFD", "Über Müller, Åsa und Zoë")
    bib = write([Record.build("book", {"title": title})], dialect)
    assert r"\relax" not in bib
    (back,) = read(bib, dialect)
    assert back.get("title") == unicodedata.normalize("NFC", title)


def test_the_archive_alone_stays_the_archive():
    record = Record.build("book", {"title": "T", "archive": "ZLB"})
    for dialect in ("bibtex", "biblatex"):
        bib = write([record], dialect)
        assert "library" not in bib
        (back,) = read(bib, dialect)
        assert back.get("archive") == "ZLB"
        assert back.get("call-number") is None


def test_a_variable_without_a_field_goes_to_its_csl_field():
    record = Record.build(
        "paper-conference",
        {"title": "T", "event-title": "Tagung", "event-place": "Köln", "translator": [Name("Doe")]},
    )
    bib = write([record], "bibtex")
    assert "csl-event-title = {Tagung}" in bib
    assert 'csl-event-place = {K{\\"o}ln}' in bib
    (back,) = read(bib, "bibtex")
    assert back.variables == record.variables


def test_a_pubmed_id_is_a_biblatex_eprint():
    record = Record.build("article-journal", {"title": "T", "PMID": "12345"})
    bib = write([record], "biblatex")
    assert "eprint = {12345}" in bib
    assert "eprinttype = {pubmed}" in bib
    (back,) = read(bib, "biblatex")
    assert back.variables == record.variables
    (arxiv,) = read("@article{a, title={T}, eprint={2101.00001}, eprinttype={arxiv}}", "biblatex")
    assert arxiv.get("PMID") is None
    assert [field.key for field in arxiv.unmapped] == ["eprint", "eprinttype"]


LIGATURE_PRONE = st.sampled_from(list("a -`'!?–—“”¡¿\\{}%&#_$~^\u00a0\"é\u0301ı<>|\x85\u2009"))


@given(text=st.text(LIGATURE_PRONE) | st.text(), ascii_only=st.booleans())
def test_escaping_by_table_is_escaping_character_by_character(text, ascii_only):
    escaped = latex.escape(text, ascii_only=ascii_only)
    assert escaped == latex._escape_ligatures(text, ascii_only=ascii_only)


PLAIN_WORDS = st.text(st.sampled_from(list("aZq Q9.,(\t\n-'`!?<\x7f")))
UNICODE_WORDS = st.text(st.sampled_from(list("aÜé ǅİßΣςZq\t\u00a0\u2009\u0301-'")))


@given(text=PLAIN_WORDS | st.text(LIGATURE_PRONE) | st.text(), ascii_only=st.booleans())
def test_unchanged_text_is_the_printable_ascii_that_escaping_leaves_as_it_is(text, ascii_only):
    unchanged = text.isascii() and text.isprintable() and "<" not in text
    unchanged = unchanged and latex._escape_ligatures(text, ascii_only=ascii_only) == text
    assert (latex._UNCHANGED.fullmatch(text) is not None) == unchanged


@given(text=PLAIN_WORDS | UNICODE_WORDS | st.text(LIGATURE_PRONE) | st.text(), first=st.booleans())
@pytest.mark.parametrize("ascii_only", [False, True])
def test_protecting_words_at_once_is_protecting_word_by_word(text, first, ascii_only):
    protected = latex._protect_words(text, ascii_only, first=first)
    assert protected == latex._protect_each_word(text, ascii_only, first=first)


NAME_PRONE = st.text(st.sampled_from(list("aAnNdD \t\u00a0\u2028İK")))


@given(text=NAME_PRONE | st.text())
def test_the_quick_checks_before_a_name_part_is_searched_miss_nothing(text):
    assert "and" in text.lower() or names._AND.search(text) is None
    assert not text.isprintable() or names._ODD_SPACE.search(text) is None


@given(text=st.text(st.sampled_from(list("a \\{}$#%&^_~@"))) | st.text())
def test_tex_without_a_character_of_its_own_is_safe_unread(text):
    assert not latex.is_plain_tex(text) or latex.is_safe.__wrapped__(text)


WORD_STARTS = st.text(st.sampled_from(list("aZ9 .-{\t\x1c\x1f\u00a0Éé")))


@given(text=WORD_STARTS | st.text())
def test_a_lower_word_is_found_as_word_by_word(text):
    word_by_word = any(word[:1].islower() or not word[:1].isalpha() for word in text.split())
    assert names._has_lower_word(text) == word_by_word


def test_fields_of_no_known_order_follow_the_others_as_set_and_their_ranks_stay_bounded():
    bib = "".join(
        f"@misc{{k{i}, zz{i} = {{v}}, title = {{T}}, aa{i} = {{w}}}}\n" for i in range(1100)
    )
    written = write(read(bib, "bibtex"), "biblatex")
    assert "  title = {T},\n  zz7 = {v},\n  aa7 = {w},\n}" in written
    assert len(bibtex_format._FIELD_RANK) <= bibtex_format._MAX_RANKED

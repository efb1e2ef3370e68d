"""Reading BibTeX and biblatex: LaTeX to Unicode, names, dates, crossref, leniency."""

# ruff: noqa: RUF001 - the dashes are the expected decoding

from __future__ import annotations

import re

import pybtex.errors
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pybtex.bibtex.utils import split_name_list
from shared_data import shared_path

from citeform.bibtex import keys
from citeform.bibtex.latex import NOCASE, Decoded, _Decoder, decode, encode, encode_markup
from citeform.bibtex.names import person_parts, plain_name_parts, read_name, read_names
from citeform.errors import CiteformError
from citeform.formats.bibtex import ET_AL_KEY, LATEX_KEY
from citeform.io import read, write
from citeform.model import Date, Name
from citeform.registry import detect_format
from citeform.sources import Source


def read_one(text: str):
    records = read(text, "bibtex")
    assert not records.errors, [str(error) for error in records.errors]
    (record,) = records
    return record


def source_keys(path) -> list[str]:
    text = path.read_text("utf-8")
    return re.findall(
        r"^@(?!string|preamble|comment|set\b|xdata\b)\w+\s*\{\s*([^,\s]+)\s*,",
        text,
        re.MULTILINE | re.IGNORECASE,
    )


@pytest.mark.parametrize(
    ("name", "count"),
    [("biblatex-examples.bib", 90), ("pybtex-tests/tugboat.bib", 2720)],
)
def test_every_corpus_entry_is_read_with_its_key(name, count):
    """Every entry but the sets, which group other entries and are no work themselves."""
    path = shared_path("corpus", *name.split("/"))
    records = read(path, "bibtex")
    assert not records.errors
    assert len(records) == count
    assert [record.id for record in records] == source_keys(path)
    assert keys.assign(records) == source_keys(path)  # and written back unchanged


def test_a_broken_entry_is_reported_with_its_line_and_skipped():
    text = (
        "@book{good1, title = {One}}\n"
        "\n"
        "@article{broken, title = {Two} author = {X}}\n"
        "@book{good2, title = {Three}}\n"
    )
    records = read(text, "bibtex")
    assert [record.id for record in records] == ["good1", "good2"]
    (error,) = records.errors
    assert error.position == "line 3"
    assert "entry skipped" in str(error)


def test_pybtex_global_error_state_is_left_alone(capsys):
    strict = pybtex.errors.strict
    read("@book{a, title = {x} y = }\n@book{b, title={ok}}", "bibtex")
    assert pybtex.errors.strict == strict
    assert capsys.readouterr().err == ""


def test_latex_becomes_unicode():
    record = read_one(
        r"""@book{k,
        title = {Stra{\ss}e, {\"U}ber, na\"{\i}ve, \c{c}a, Ko\v{s}ice -- 1--2~km \& more},
        publisher = {Verlag f{\"u}r {\'E}tudes}}"""
    )
    assert record.get("title") == "Straße, Über, naïve, ça, Košice – 1–2\u00a0km & more"
    assert record.get("publisher") == "Verlag für Études"


def test_case_protecting_braces_become_nocase_spans():
    record = read_one(r"@article{k, title = {The {DNA} of {van Gogh} and {\"O}sterreich}}")
    assert record.get("title") == 'The DNA of <span class="nocase">van Gogh</span> and Österreich'


def test_formatting_becomes_csl_markup():
    record = read_one(r"@book{k, title = {On \emph{Homo sapiens} and H$_2$O}}")
    assert record.get("title") == "On <i>Homo sapiens</i> and H₂O"


def test_undecodable_tex_is_kept_with_its_source():
    record = read_one(r"@book{k, title = {The $\mathfrak{g}$-module}}")
    assert record.get("title") == r"The $\mathfrak{g}$-module"
    assert record.custom[LATEX_KEY] == {"title": r"The $\mathfrak{g}$-module"}


def test_names_particles_corporate_bodies_and_et_al():
    record = read_one(
        "@book{k, author = {van Beethoven, Ludwig and {Städtetag Nordrhein-Westfalen} "
        "and Doe, Jr., John and others}, editor = {Jane Roe}}"
    )
    assert record.get("author") == (
        Name(family="Beethoven", given="Ludwig", non_dropping_particle="van"),
        Name.corporate("Städtetag Nordrhein-Westfalen"),
        Name(family="Doe", given="John", suffix="Jr."),
    )
    assert record.custom[ET_AL_KEY] == ["author"]
    assert record.get("editor") == (Name(family="Roe", given="Jane"),)


@pytest.mark.parametrize(
    ("fields", "issued"),
    [
        ("date = {2017-02-14}", Date.of(2017, 2, 14)),
        ("date = {2017-02-14/2017-02-16}", Date(parts=((2017, 2, 14), (2017, 2, 16)))),
        ("date = {2017~}", Date(parts=((2017,),), circa=True)),
        ("year = {2017}, month = feb", Date.of(2017, 2)),
        ("year = {2017}, month = {March}", Date.of(2017, 3)),
        ("year = {1993--1994}", Date(parts=((1993,), (1994,)))),
        ("year = {in press}", Date(literal="in press")),
    ],
)
def test_dates(fields, issued):
    assert read_one(f"@book{{k, title = {{T}}, {fields}}}").get("issued") == issued


def test_crossref_is_resolved_biblatex_style():
    text = """
    @inproceedings{paper, author = {Doe, J.}, title = {Paper}, crossref = {procs}, pages = {1--9}}
    @proceedings{procs, title = {Proceedings of X}, publisher = {P}, location = {Berlin},
                 year = {2001}, editor = {Roe, R.}}
    """
    paper, _ = read(text, "bibtex")
    assert paper.type == "paper-conference"
    assert paper.get("title") == "Paper"
    assert paper.get("container-title") == "Proceedings of X"
    assert paper.get("publisher") == "P"
    assert paper.get("publisher-place") == "Berlin"
    assert paper.get("issued") == Date.of(2001)
    assert paper.get("page") == "1-9"
    assert paper.get("editor") == (Name(family="Roe", given="R."),)


def test_langid_unknown_fields_and_the_zitierform():
    record = read_one(
        "@article{k, title = {T}, langid = {ngerman}, eprint = {1234.5678}, holder = {H},\n"
        "  organization = {O}, note = {Zitierform: Doe (2017): T.}, library = {ZLB: Kws 860}}"
    )
    assert record.get("language") == "de"
    assert [(field.key, field.value, field.position) for field in record.unmapped] == [
        ("eprint", "1234.5678", "line 1"),
        ("holder", "H", "line 1"),
        ("organization", "O", "line 1"),
    ]
    assert record.citation == "Doe (2017): T."
    assert record.get("note") is None
    assert (record.get("archive"), record.get("call-number")) == ("ZLB", "Kws 860")


def test_an_undefined_string_is_kept_as_its_name():
    record = read_one("@article{k, title = {T}, journal = jchph}")
    assert record.get("container-title") == "jchph"


def test_entry_types_map_to_csl_types():
    text = "\n".join(
        f"@{kind}{{k{index}, title = {{T}}}}"
        for index, kind in enumerate(["phdthesis", "techreport", "online", "misc", "incollection"])
    )
    records = read(text, "bibtex")
    assert [record.type for record in records] == [
        "thesis",
        "report",
        "webpage",
        "document",
        "chapter",
    ]
    assert records[0].get("genre") == "PhD thesis"


def test_is_detected_from_content():
    assert detect_format(Source("x", text="% refs\n@Article{k,\n title={T}}\n")).name == "bibtex"


def test_empty_fields_say_nothing():
    record = read_one("@misc{k, title = {T}, urldate = {}, editor = {}, year = {2019}}")
    assert record.get("accessed") is None
    assert record.get("editor") is None
    assert record.unmapped == ()


@given(st.text(alphabet=st.sampled_from("@{}()=,#\"\\'`~$^_%&a1 \nxyz"), max_size=200))
def test_any_text_is_read_or_refused_cleanly(text):
    try:
        records = read("@misc{k, title = {" + text + "}}\n" + text, "bibtex")
    except CiteformError:
        return
    write(records, "bibtex")
    write(records, "biblatex")


@pytest.mark.parametrize(
    "value",
    ["\\'" * 3000 + "e", "\\char99999999999", "\\char55296", "{" * 90 + "}" * 90],
)
def test_pathological_values_do_not_crash(value):
    records = read("@misc{k, title = {" + value + "}, year = {" + "9" * 5000 + "}}", "bibtex")
    write(records, "bibtex")


def test_long_and_circular_crossref_chains_end():
    chain = "".join(
        f"@misc{{e{n}, title = {{T{n}}}, crossref = {{e{n + 1}}}}}\n" for n in range(3000)
    )
    records = read(
        chain + "@misc{x, crossref = {y}}\n@misc{y, crossref = {x}, note = {N}}", "bibtex"
    )
    assert len(records) == 3002
    assert records[-2].get("note") == "N"


def test_doi_prefixes_and_a_bare_url_in_howpublished():
    record = read_one(
        r"@misc{k, doi = {https://doi.org/10.1000/x_y}, howpublished = {\url{http://a.b/c_d}}}"
    )
    assert record.get("DOI") == "10.1000/x_y"
    assert record.get("URL") == "http://a.b/c_d"


def test_xdata_fields_are_inherited_and_xdata_entries_give_no_record():
    text = """
    @xdata{pub, publisher = {Springer}, location = {Berlin}}
    @xdata{series, xdata = {pub}, series = {Lecture Notes}}
    @book{b, title = {Book}, xdata = {series}, location = {Wien}, year = {2001}}
    """
    (book,) = read(text, "biblatex")
    assert book.get("publisher") == "Springer"
    assert book.get("collection-title") == "Lecture Notes"
    assert book.get("publisher-place") == "Wien"  # its own field wins


def test_a_set_gives_no_record_and_its_members_know_it():
    text = """
    @set{s, entryset = {a, b}, annotation = {Two papers}}
    @article{a, title = {A}, year = {2001}}
    @article{b, title = {B}, year = {2002}}
    @set{empty, entryset = {nowhere}}
    """
    records = read(text, "biblatex")
    assert [record.id for record in records] == ["a", "b"]
    assert [[(f.key, f.value) for f in record.unmapped] for record in records] == [
        [("entryset", "s")],
        [("entryset", "s")],
    ]
    (error,) = records.errors
    assert (error.position, error.value) == ("line 5", "nowhere")
    assert "entry set lists no entry of this file" in str(error)
    assert "entryset" not in write(records, "biblatex")


@given(st.text(alphabet=st.sampled_from("aAnNdD ,.\t\nxo"), max_size=40))
def test_name_lists_split_as_bibtex_splits_them(raw):
    expected = [part for part in split_name_list(raw) if part.strip()]
    if expected and expected[-1].strip().lower() == "others":
        expected.pop()
    assert read_names(raw)[0] == tuple(read_name(part) for part in expected)


_NAME_WORDS = st.lists(st.text(alphabet=st.sampled_from("AaÉéß.'-"), min_size=1, max_size=6))


@given(
    st.text(alphabet=st.sampled_from("AaÉé.'-`~{}\\, \t\n"), max_size=30)
    | _NAME_WORDS.map(" ".join)
    | st.tuples(_NAME_WORDS, _NAME_WORDS).map(lambda parts: ", ".join(map(" ".join, parts)))
)
def test_plain_names_are_split_as_pybtex_splits_them(raw):
    plain = plain_name_parts(raw.strip())
    assert plain is None or plain == person_parts(raw.strip())


@given(st.text(alphabet=st.sampled_from("-`'!?~ aé\n"), max_size=30), st.booleans())
def test_text_without_macros_braces_or_math_decodes_as_the_full_decoder_does(text, protect):
    full = _Decoder(text, protect=protect)
    assert decode(text, protect=protect) == Decoded(full.sequence(0), full.complete)


@given(
    st.text(alphabet=st.sampled_from("-`'!?~{}$\\<>/ aAé&%#_^\n"), max_size=30),
    st.booleans(),
    st.booleans(),
)
def test_a_text_protected_whole_encodes_as_rich_text_does(text, ascii_only, protect):
    protected = NOCASE[0] + text + NOCASE[1]
    assert encode(protected, ascii_only, protect) == encode_markup(protected, ascii_only, protect)

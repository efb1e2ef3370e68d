"""BibTeX syntax: values, @string macros and their limits, recovery after broken entries."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples
from pybtex.database.input.bibtex import LowLevelParser
from pybtex.utils import CaseInsensitiveDict

from citeform.bibtex.tokenizer import ALLOWED_EXPANSION, MONTH_MACROS, Entry, scan
from citeform.errors import BadRecordError, LimitExceededError
from citeform.io import read


def fields(text: str) -> dict[str, str]:
    (entry,) = scan(text)
    assert isinstance(entry, Entry)
    return dict(entry.fields)


def test_values_braced_quoted_numbers_macros_and_concatenation():
    text = (
        '@string{ j = "J. Chem." }\n'
        "@Article(Key:1-2,\n"
        '  Title = "{The} {"}quoted{"} value",\n'
        "  journal = j # { Phys.},\n"
        '  year = 2017, month = jan # "~--~" # feb,\n'
        "  note = {a {b {c}}\n   d}, undefined = nosuch,\n)"
    )
    assert fields(text) == {
        "title": '{The} {"}quoted{"} value',
        "journal": "J. Chem. Phys.",
        "year": "2017",
        "month": "January~--~February",
        "note": "a {b {c}} d",
        "undefined": "nosuch",
    }


def test_comments_preambles_and_text_between_entries_are_skipped():
    text = 'junk\n@comment{x}\n@preamble{ "\\def\\x{}" }\n% note\n@misc{k, title={T},}\n'
    (entry,) = scan(text)
    assert isinstance(entry, Entry)
    assert (entry.type, entry.key, entry.line) == ("misc", "k", 5)


def test_a_value_open_to_the_end_loses_only_its_entry():
    text = "@misc{a, title = {open\n\n@misc{b, title = {B}}\n"
    error, entry = scan(text, "refs.bib")
    assert isinstance(error, BadRecordError)
    assert str(error).startswith("refs.bib:line 1: entry skipped:")
    assert isinstance(entry, Entry)
    assert entry.key == "b"


def doubling_bomb(levels: int) -> str:
    """Each @string twice the one before: level n expands to 2**n characters."""
    lines = ['@string{a0 = "xx"}']
    lines += [f"@string{{a{n} = a{n - 1} # a{n - 1}}}" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_a_string_expansion_bomb_is_refused_and_the_good_entries_are_read():
    bomb = doubling_bomb(31)
    assert len(bomb) < 1000  # 2**31 characters if expanded
    text = (
        "@book{good1, title = {One}}\n"
        + bomb
        + "@book{boom, title = a30}\n@book{good2, title = {Two}}\n"
    )
    records = read(text, "bibtex")
    assert [record.id for record in records] == ["good1", "good2"]
    errors = [error for error in records.errors if isinstance(error, LimitExceededError)]
    assert (
        len(errors) == len(records.errors) == 2
    )  # the @string that passed the limit and the entry
    assert "@string expansion beyond" in str(errors[0])
    assert errors[1].position == "line 33"
    assert errors[1].source == "<string>"
    assert "uses @string 'a30', refused at line" in str(errors[1])


def test_macro_expansion_within_the_allowance_is_read():
    (entry,) = [
        item for item in scan(doubling_bomb(18) + "@misc{k, note = a17}") if isinstance(item, Entry)
    ]
    assert len(dict(entry.fields)["note"]) == 2**18
    assert ALLOWED_EXPANSION > 2**18


def test_a_value_joined_again_counts_its_expansion_again():
    """Each entry joins the same macros again: the allowance runs out at the same entry."""
    entries = "".join(f"@misc{{k{n}, note = a14 # {{ }} # a14}}\n" for n in range(16))
    items = scan(doubling_bomb(15) + entries)  # 2**16 characters an entry
    read_keys = [item.key for item in items if isinstance(item, Entry)]
    assert read_keys == [f"k{n}" for n in range(14)]
    errors = [item for item in items if not isinstance(item, Entry)]
    assert [error.position for error in errors] == ["line 30", "line 31"]
    assert all("@string expansion beyond" in str(error) for error in errors)


@given(st.text(alphabet=st.sampled_from('@{}()=,#"\\a1 \n%'), max_size=300))
def test_any_text_gives_entries_or_located_errors(text):
    for item in scan(text, "x.bib"):
        if not isinstance(item, Entry):
            assert item.source == "x.bib"
            assert (item.position or "").startswith("line ")


class _PybtexTokenizer(LowLevelParser):
    """pybtex's tokenizer, quiet, keeping an undefined macro as its name (as citeform does)."""

    def __init__(self, text: str) -> None:
        super().__init__(text, macros=CaseInsensitiveDict(MONTH_MACROS))

    def handle_error(self, error: Exception) -> None:
        raise error

    def substitute_macro(self, name: str) -> str:
        return str(self.macros.get(name, name))


def pybtex_entries(text: str) -> list[tuple[str, str, tuple[tuple[str, str], ...]]]:
    entries = []
    for command, body in _PybtexTokenizer(text):
        if command.lower() in {"string", "preamble"}:
            continue
        key, fields = body
        values = tuple(
            (name.lower(), re.sub(r"[ \t\r\n]+", " ", "".join(parts)).strip(" "))
            for name, parts in fields
        )
        entries.append((command.lower(), key, values))
    return entries


WORDS = st.text(alphabet=st.sampled_from("ab Z1-.\\'~\n\t#@=,\"%"), max_size=8)


@st.composite
def braced(draw, depth=0):
    parts = draw(st.lists(WORDS if depth > 2 else st.one_of(WORDS, braced(depth + 1)), max_size=4))
    return "{" + "".join(parts) + "}"


PART = st.one_of(
    braced(),
    st.builds(
        lambda parts: '"' + "".join(parts) + '"',
        st.lists(st.one_of(WORDS.map(lambda w: w.replace('"', "")), braced()), max_size=3),
    ),
    st.integers(0, 3000).map(str),
    st.sampled_from(["jan", "Feb", "mystring", "undefined-macro"]),
)
FIELD = st.tuples(
    st.sampled_from(["title", "Author", "note", "year", "x-y:z"]),
    st.lists(PART, min_size=1, max_size=3),
)


@settings(max_examples=examples(40), deadline=None)
@given(st.lists(st.lists(FIELD, max_size=5), max_size=4), st.sampled_from(["{}", "()"]))
def test_well_formed_bibtex_is_read_as_pybtex_reads_it(entries, delimiters):
    opening, closing = delimiters
    text = '@string{mystring = "My " # {String}}\n'
    for index, fields in enumerate(entries):
        body = ",\n  ".join(f"{name} = {' # '.join(parts)}" for name, parts in fields)
        text += f"@Article{opening}key{index},\n  {body}\n{closing}\n"
    ours = [(e.type, e.key, e.fields) for e in scan(text) if isinstance(e, Entry)]
    assert ours == pybtex_entries(text)


def test_a_value_built_with_macros_is_bounded_and_a_long_literal_is_not():
    big = "x" * 6_000_000
    text = (
        f'@string{{big = "{big}"}}\n@misc{{a, note = big # big}}\n'
        f'@misc{{b, note = "{big}" # "{big}"}}'
    )
    error, entry = scan(text)
    assert isinstance(error, LimitExceededError)
    assert "value with @string macros longer than 10,000,000 characters" in str(error)
    assert isinstance(entry, Entry)
    assert len(dict(entry.fields)["note"]) == 12_000_000

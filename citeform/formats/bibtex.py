"""BibTeX and biblatex: one lenient reader for both dialects, one writer for each.

Reading uses citeform's own tokenizer (:mod:`citeform.bibtex.tokenizer`): an entry
with broken syntax, or one passing the ``@string`` expansion limits, is reported with
its line and skipped; the others are read. Values are decoded from LaTeX
(:mod:`citeform.bibtex.latex`); where some TeX could not be decoded the original is
kept in ``custom["latex"]`` so that writing gives it back as it was instead of
escaping it a second time.

Writing puts each CSL variable into a field of the dialect; one it has no field for
goes to a field ``csl-<variable>`` that reading maps back (see
``docs/reference/round-trip.md``). Control characters are never written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from typing import Any

import attrs

from citeform import vocab
from citeform.bibtex import fields as table
from citeform.bibtex import keys, languages, types
from citeform.bibtex.dates import read_issued
from citeform.bibtex.latex import decode, encode, is_plain_tex, is_safe
from citeform.bibtex.names import read_names, write_names
from citeform.bibtex.relations import resolve
from citeform.bibtex.tokenizer import Entry as _Entry
from citeform.bibtex.tokenizer import scan
from citeform.coverage import BY_LOWER_NAME, RENDERING_VARIABLES, Coverage, drop_controls
from citeform.errors import BadRecordError, CiteformError
from citeform.model import Date, Origin, Record, Unmapped
from citeform.registry import Format
from citeform.sources import Source

LATEX_KEY = "latex"
"""``custom`` key: CSL variable -> the LaTeX it was read from, where decoding kept some TeX."""

ENTRY_TYPE_KEY = "bibtex-type"
"""``custom`` key: the entry type read, where the CSL type alone would not give it back."""

ET_AL_KEY = "et-al"
"""``custom`` key: the name variables whose list ended in ``and others``."""

_ENTRY_START = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)
_CITATION = re.compile(r"(?:^|(?<=[.;])\s+)" + re.escape(table.CITATION_PREFIX.strip()) + r"\s*")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_URL_ONLY = re.compile(r"\\url\{([^{}]*)\}")
_EPRINT_FIELDS = frozenset({"eprint", "eprinttype"})


def sniff(source: Source) -> bool:
    """An ``@type{`` entry at the start of a line."""
    return bool(_ENTRY_START.search(source.head()))


# --- reading ---------------------------------------------------------------------------


def _extra_variable(name: str) -> str:
    """The CSL variable a ``csl-<variable>`` field holds ("" for any other field)."""
    if not name.startswith(table.EXTRA_PREFIX):
        return ""
    return BY_LOWER_NAME.get(name.removeprefix(table.EXTRA_PREFIX), "")


class _EntryReader:
    """Maps one entry's fields to CSL variables; the rest become unmapped fields."""

    def __init__(self, entry: _Entry, origin: Origin) -> None:
        self.entry = entry
        self.origin = origin
        self.position = f"line {entry.line}"
        self.present = dict(entry.fields)
        self.variables: dict[str, Any] = {}
        self.unmapped: list[Unmapped] = []
        self.latex: dict[str, str] = {}
        self.et_al: list[str] = []
        self.citation: str | None = None
        self.subtitles: dict[str, list[str]] = {}
        self.year_parts: dict[str, str] = {}

    def keep(self, name: str, raw: str) -> None:
        self.unmapped.append(Unmapped(name, raw, position=self.position))

    def text(self, variable: str, name: str, raw: str) -> None:
        """Set a text variable from LaTeX, remembering the original when some TeX stays."""
        if name in table.VERBATIM_FIELDS:
            value, complete = raw, True
        else:
            decoded = decode(raw, name in table.TITLE_FIELDS)
            value, complete = decoded.text, decoded.complete
        if variable == "page":
            value = value.replace("\u2013", "-")
        elif variable == "DOI":
            value = _DOI_PREFIX.sub("", value)
        if not value:
            return
        if variable in self.variables:
            self.keep(name, raw)
            return
        self.variables[variable] = value
        if not complete or "$" in raw:  # math decoded to Unicode is given back as math
            self.latex[variable] = raw

    def plain(self, name: str, raw: str) -> None:
        """A field mapped without context, or :meth:`other`."""
        variable = table.TO_CSL.get(name)
        if variable is None:
            self.other(name, raw)
        else:
            self.text(variable, name, raw)

    def other(self, name: str, raw: str) -> None:
        """A ``csl-`` field, an ``eprint`` of a known type, or a field kept unmapped."""
        variable = _extra_variable(name)
        if variable:
            self.extra_field(variable, name, raw)
        elif name in _EPRINT_FIELDS and self.eprint_variable():
            if name == "eprint":
                self.text(self.eprint_variable(), name, raw)
        else:
            self.keep(name, raw)

    def names(self, name: str, raw: str) -> None:
        variable = table.NAME_FIELDS[name]
        names, et_al = read_names(raw)
        if variable in self.variables or not names:
            self.keep(name, raw)
            return
        self.variables[variable] = names
        if et_al:
            self.et_al.append(variable)

    def date(self, name: str, raw: str) -> None:
        variable = table.DATE_FIELDS[name]
        if variable in self.variables:
            self.keep(name, raw)
        else:
            self.variables[variable] = Date.from_edtf(raw)

    def year_part(self, name: str, raw: str) -> None:
        self.year_parts[name] = decode(raw, protect=False).text

    def subtitle(self, name: str, raw: str) -> None:
        self.subtitles.setdefault(table.SUBTITLES[name], []).append(raw)

    def number(self, name: str, raw: str) -> None:
        kind = self.entry.type
        if kind in table.ARTICLE_TYPES:
            variable = "issue"
        elif "series" in self.present and kind not in table.REPORT_TYPES:
            variable = "collection-number"
        else:
            variable = "number"
        self.text(variable, name, raw)

    def language(self, name: str, raw: str) -> None:
        if name == "language" and "langid" in self.present:
            self.keep(name, raw)
            return
        text = decode(raw, protect=False).text
        self.variables.setdefault("language", languages.to_bcp47(text) or text)

    def library(self, _name: str, raw: str) -> None:
        archive, _, call_number = decode(raw, protect=False).text.partition(": ")
        self.variables.setdefault("archive" if call_number else "call-number", archive)
        if call_number:
            self.variables.setdefault("call-number", call_number)

    def howpublished(self, name: str, raw: str) -> None:
        if _URL_ONLY.fullmatch(raw):
            self.text("URL", "url", _URL_ONLY.sub(r"\1", raw))
        else:
            self.plain(name, raw)

    def genre(self, name: str, raw: str) -> None:
        self.text("genre", name, types.TYPE_KEYS.get(raw, raw))

    def skip(self, name: str, raw: str) -> None:
        """A field read with the entry type (``entrysubtype``)."""

    def extra_field(self, variable: str, name: str, raw: str) -> None:
        """A ``csl-<variable>`` field: a variable the writing dialect has no field for."""
        kind = vocab.KIND_OF[variable]
        if kind in {"text", "number"}:
            self.text(variable, name, raw)
        elif variable in self.variables:
            self.keep(name, raw)
        elif kind == "date":  # EDTF as written (its ~ is no tie), else text
            date = Date.from_edtf(raw)
            self.variables[variable] = date if date.parts else Date.from_edtf(decode(raw).text)
        else:
            names, _ = read_names(raw)
            if names:
                self.variables[variable] = names

    def eprint_variable(self) -> str:
        """The CSL variable the entry's ``eprint`` is, by its ``eprinttype`` ("" if none)."""
        if "eprint" not in self.present:
            return ""
        eprint_type = dict(self.entry.fields).get("eprinttype", "")
        return table.EPRINT_TYPES.get(eprint_type.strip().lower(), "")

    def note(self, name: str, raw: str) -> None:
        """A note or addendum; a ``Zitierform: …`` in it is the record's citation."""
        parts = _CITATION.split(raw, maxsplit=1)
        if len(parts) == 2 and self.citation is None:
            self.citation = decode(parts[1], protect=False).text
            raw = parts[0].rstrip()
        if not raw:
            return
        if name == "note":
            self.text("note", name, raw)
        else:
            self.keep(name, raw)

    def finish(self) -> None:
        """Join subtitles and build ``issued`` from ``year``/``month``."""
        for variable, raws in self.subtitles.items():
            subtitle = ": ".join(decode(raw).text for raw in raws)
            main = self.variables.get(variable)
            self.variables[variable] = f"{main}: {subtitle}" if main else subtitle
        fields = self.present
        year = self.year_parts.get("year")
        unused: tuple[str, ...] = ("year", "month", "day")
        if year and "issued" not in self.variables:
            parts = self.year_parts
            self.variables["issued"], unused = read_issued(
                year, parts.get("month"), parts.get("day")
            )
        for name in unused:
            if fields.get(name):
                self.keep(name, fields[name])

    def read_fields(self) -> None:
        """Each field by its kind (:data:`_FIELD_KINDS`), mapped by the table, or kept."""
        kinds, variables, position = _FIELD_KINDS, table.TO_CSL, self.position
        for name, raw in self.entry.fields:
            if not raw:  # an empty field says nothing; each other is read by its kind
                continue
            kind = kinds.get(name)
            if kind is not None:
                kind(self, name, raw)
            elif name in variables:
                self.text(variables[name], name, raw)
            elif name.startswith(table.EXTRA_PREFIX) or name in _EPRINT_FIELDS:
                self.other(name, raw)
            else:  # a field no rule maps
                self.unmapped.append(Unmapped(name, raw, None, position))

    def record(self) -> Record:
        """The record of the entry."""
        self.read_fields()
        self.finish()
        csl_type = types.TO_CSL.get(self.entry.type, "document")
        subtype = self.present.get("entrysubtype", "")
        if csl_type == "article-journal" and subtype in types.ARTICLE_SUBTYPES:
            csl_type = types.ARTICLE_SUBTYPES[subtype]
        elif "entrysubtype" in self.present:
            self.keep("entrysubtype", subtype)
        if self.entry.type in types.THESIS_GENRES:
            self.variables.setdefault("genre", types.THESIS_GENRES[self.entry.type])
        custom: dict[str, Any] = {}
        if self.latex:
            custom[LATEX_KEY] = self.latex
        if self.et_al:
            custom[ET_AL_KEY] = self.et_al
        if self.entry.type not in {BIBTEX.types.get(csl_type), BIBLATEX.types.get(csl_type)}:
            custom[ENTRY_TYPE_KEY] = self.entry.type
        return Record.build(
            csl_type,
            self.variables,
            id=self.entry.key,
            custom=custom,
            citation=self.citation,
            unmapped=self.unmapped,
            origin=self.origin,
        )


_FIELD_KINDS: dict[str, Callable[[_EntryReader, str, str], None]] = {
    **dict.fromkeys(table.NAME_FIELDS, _EntryReader.names),
    **dict.fromkeys(table.DATE_FIELDS, _EntryReader.date),
    **dict.fromkeys(("year", "month", "day"), _EntryReader.year_part),
    **dict.fromkeys(table.SUBTITLES, _EntryReader.subtitle),
    **dict.fromkeys(("langid", "language"), _EntryReader.language),
    **dict.fromkeys(("note", "addendum"), _EntryReader.note),
    "number": _EntryReader.number,
    "library": _EntryReader.library,
    "howpublished": _EntryReader.howpublished,
    "type": _EntryReader.genre,
    "entrysubtype": _EntryReader.skip,
}
"""Field -> how it is read, where a plain :data:`~citeform.bibtex.fields.TO_CSL` lookup is
not enough; any other field is mapped by that table or kept as unmapped."""


def _read(source: Source, dialect: str) -> Iterator[Record | CiteformError]:
    items = scan(source.text(), source.name)
    resolved = iter(resolve([item for item in items if isinstance(item, _Entry)]))
    for item in items:
        entry = next(resolved) if isinstance(item, _Entry) else item
        if entry is None:
            continue
        if isinstance(entry, CiteformError):
            yield entry.located(source=source.name)
            continue
        origin = Origin(dialect, source.name, f"line {entry.line}")
        try:
            yield _EntryReader(entry, origin).record()
        except BadRecordError as error:
            yield error.located(position=f"line {entry.line}")


def read_bibtex(source: Source) -> Iterator[Record | CiteformError]:
    """Yield the records of a BibTeX or biblatex file (origin format ``bibtex``)."""
    return _read(source, "bibtex")


def read_biblatex(source: Source) -> Iterator[Record | CiteformError]:
    """Yield the records of a BibTeX or biblatex file (origin format ``biblatex``)."""
    return _read(source, "biblatex")


# --- writing ---------------------------------------------------------------------------

_FIELD_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_\-:.]*")
_RANGE_DASH = re.compile(r"\s*[-\u2013]+\s*")
_NUMBERS_ONLY = re.compile(r"[0-9]*")
_TITLE_VARIABLES = frozenset(
    {"title", "container-title", "collection-title", "title-short", "event-title",
     "original-title"}
)  # fmt: skip
_BY_CONTEXT = frozenset(
    {"container-title", "publisher", "issue", "number", "collection-number", "page"}
)
"""Variables whose field depends on the entry (:meth:`_EntryWriter.text_field`)."""
_LIST_FIELDS = frozenset({"publisher", "location", "institution", "organization"})
"""biblatex splits these at ``and``; a value with the word ``and`` in it is braced whole."""
_AND = re.compile(r"(?i)\band\b")
_URL_UNSAFE = str.maketrans({"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20", "^": "%5E"})
"""Characters a URL or DOI may not hold raw (RFC 3986): braces would end the field, a
backslash or ``^^`` notation would reach TeX as a command where a style prints the link as text."""


@attrs.frozen(eq=False)  # one of each: hashed by identity
class _Dialect:
    name: str
    ascii_only: bool
    types: dict[str, str]
    fields: dict[str, str]
    known_types: frozenset[str]


BIBTEX = _Dialect(
    "bibtex",
    ascii_only=True,
    types=types.TO_BIBTEX,
    fields=table.BIBTEX_OUT,
    known_types=types.BIBTEX_TYPES,
)
BIBLATEX = _Dialect(
    "biblatex",
    ascii_only=False,
    types=types.TO_BIBLATEX,
    fields=table.BIBLATEX_OUT,
    known_types=frozenset(types.TO_CSL) - types.BIBTEX_ONLY_TYPES,
)


def _edtf(date: Date) -> str | None:
    """The EDTF form of a date (``2017-02-14``, ``2017/2018``, ``2017~``), if it has parts."""
    parts = date.parts
    if not parts:
        return None
    edtf = _EDTF_PARTS[len(parts[0])].format(*parts[0])
    if len(parts) > 1:
        edtf += "/" + _EDTF_PARTS[len(parts[1])].format(*parts[1])
    return edtf + "~" if date.circa else edtf


_EDTF_PARTS = {1: "{:04d}", 2: "{:04d}-{:02d}", 3: "{:04d}-{:02d}-{:02d}"}
"""The EDTF of a date part by its length: year, year and month, full date."""


class _EntryWriter:
    """Writes one record as one entry of a dialect."""

    def __init__(self, record: Record, key: str, dialect: _Dialect, *, citation: bool) -> None:
        self.record = record
        self.key = key
        self.dialect = dialect
        self.with_citation = citation
        self.fields: dict[str, str] = {}
        self.bare: set[str] = set()
        self.native: set[str] = set()
        self.extra: list[str] = []
        self.lost: list[str] = []
        self.latex: dict[str, str] = dict(record.custom.get(LATEX_KEY, {}))
        self.entry_type = self._entry_type()

    def _entry_type(self) -> str:
        csl_type = self.record.type or "document"
        original = str(self.record.custom.get(ENTRY_TYPE_KEY, ""))
        if types.TO_CSL.get(original) == csl_type and original in self.dialect.known_types:
            return original
        entry_type = self.dialect.types.get(csl_type, "misc")
        if entry_type == "phdthesis" and "master" in self.record.text.get("genre", "").lower():
            return "mastersthesis"
        return entry_type

    def encode(self, variable: str, text: str) -> str:
        """LaTeX for *text*: the original LaTeX if the value is unchanged and safe."""
        raw = self.latex.get(variable) if self.latex else None
        if (
            raw is not None
            and is_safe(raw)
            and text in {decode(raw).text, decode(raw, protect=False).text}
        ):
            return raw
        protect = variable in _TITLE_VARIABLES
        return encode(text, self.dialect.ascii_only, protect)

    def put(self, field: str, value: str, variable: str = "", *, bare: bool = False) -> None:
        """Set *field* unless it is set already; *variable* is then carried natively.

        Control characters are dropped; a value left blank is not written.
        """
        if field in self.fields:
            return
        if not value.isprintable():  # a control character is unprintable
            value = drop_controls(value)
        if value.strip():
            self.fields[field] = value
            if bare:
                self.bare.add(field)
            if variable:
                self.native.add(variable)

    def verbatim_value(self, _variable: str, text: str) -> str:
        return _verbatim(text)

    def page_value(self, _variable: str, text: str) -> str:
        """A page range with ``--`` between its ends."""
        pieces = _RANGE_DASH.split(text)
        if not _NUMBERS_ONLY.fullmatch("".join(pieces)):  # numbers need no escaping
            pieces = [encode(piece, self.dialect.ascii_only) for piece in pieces]
        return "--".join(pieces)

    def list_value(self, variable: str, text: str) -> str:
        """A biblatex list field's value: braced whole where the word ``and`` would split it."""
        latex = self.encode(variable, text)
        return "{" + latex + "}" if _AND.search(text) else latex

    def write_variables(self) -> None:
        """Each text or number variable with a field; as :meth:`put`, without a call each."""
        record, fields, native = self.record, self.fields, self.native
        targets = _field_table(self.dialect, self.entry_type, "collection-title" in record.text)
        for variable, value in chain(record.text.items(), record.numbers.items()):
            target = targets.get(variable)
            if target is None or target[0] in fields:  # no field, or one set already
                continue  # language, genre and shelf marks are written below
            field, write = target
            latex = write(self, variable, value if isinstance(value, str) else str(value))
            if not latex.isprintable():
                latex = drop_controls(latex)
            if latex.strip():
                fields[field] = latex
                native.add(variable)
        self.write_genre()
        self.write_language()
        self.write_library()
        self.write_eprint()

    def write_genre(self) -> None:
        genre = self.record.text.get("genre")
        if genre is None:
            return
        if self.dialect is BIBTEX and types.THESIS_GENRES.get(self.entry_type) == genre:
            self.native.add("genre")
            return
        key = types.GENRE_KEYS.get(genre)
        if self.dialect is BIBLATEX and key is not None:
            self.put("type", key, variable="genre")
        else:
            self.put("type", self.encode("genre", genre), variable="genre")

    def write_language(self) -> None:
        language = self.record.text.get("language")
        if language is None:
            return
        babel = languages.to_babel(language)
        if babel is None:
            self.put("language", self.encode("language", language), variable="language")
        elif self.dialect is BIBLATEX:
            self.put("langid", babel, variable="language")
        else:
            self.put("language", languages.CLASSIC_NAMES.get(babel, babel), variable="language")

    def write_library(self) -> None:
        """``library``: ``archive: call number``, or the call number alone (read back so)."""
        archive = self.record.text.get("archive")
        call_number = self.record.text.get("call-number")
        if not call_number or ": " in call_number:
            return
        carried, shelf = ["call-number"], call_number
        if archive and ": " not in archive:
            carried, shelf = ["archive", "call-number"], f"{archive}: {call_number}"
        self.put("library", encode(shelf, self.dialect.ascii_only))
        if "library" in self.fields:
            self.native.update(carried)

    def write_eprint(self) -> None:
        """biblatex: an identifier of an ``eprinttype`` it knows (a PubMed ID) as ``eprint``."""
        if self.dialect is not BIBLATEX or "eprint" in self.fields:
            return
        for eprint_type, variable in table.EPRINT_TYPES.items():
            identifier = self.record.text.get(variable, "")
            if identifier and _verbatim(identifier) == identifier:  # else it goes to csl-
                self.put("eprint", identifier, variable=variable)
                self.put("eprinttype", eprint_type)
                return

    def write_names(self) -> None:
        et_al = set(self.record.custom.get(ET_AL_KEY, ()))
        for variable, names in self.record.names.items():
            field = table.NAMES_OUT.get(variable)
            if field is not None and names:
                self.put(
                    field,
                    write_names(names, et_al=variable in et_al, ascii_only=self.dialect.ascii_only),
                    variable=variable,
                )

    def write_dates(self) -> None:
        for variable, date in self.record.dates.items():
            if variable == "issued":
                self.write_issued(date)
                continue
            field = table.DATES_OUT.get(variable)
            edtf = _edtf(date)
            if field is not None and edtf is not None:
                self.put(field, edtf, variable=variable)

    def write_issued(self, date: Date) -> None:
        edtf = _edtf(date)
        if edtf is None:
            text = drop_controls(date.literal or date.raw or "").strip()
            if text:  # braced whole: biblatex loops forever on a bare non-ASCII year
                encoded = encode(text, self.dialect.ascii_only)
                self.put("year", "{" + encoded + "}", variable="issued")
            return
        if self.dialect is BIBLATEX:
            self.put("date", edtf, variable="issued")
            return
        first = date.parts[0]
        if date.is_range:
            self.put("year", f"{first[0]}--{date.parts[1][0]}", variable="issued")
        else:
            self.put("year", str(first[0]), variable="issued")
        if len(first) > 1 and 1 <= first[1] <= 12 and not date.is_range:
            self.put("month", table.MONTHS[first[1] - 1], bare=True)
        if date.is_range or len(first) > 2 or date.circa or (len(first) > 1 and first[1] > 12):
            self.put("date", edtf)

    def write_extra(self) -> None:
        """Each variable without a field of its own as ``csl-<variable>``; report the rest."""
        for variable, value in self.record.variables.items():
            if variable in self.native:
                continue
            field = table.EXTRA_PREFIX + variable.lower()
            if variable not in RENDERING_VARIABLES:
                self.put(field, self.extra_value(value))
            (self.extra if field in self.fields else self.lost).append(variable)

    def extra_value(self, value: Any) -> str:
        """A variable's value as its ``csl-`` field holds it."""
        ascii_only = self.dialect.ascii_only
        if isinstance(value, tuple):
            return write_names(value, et_al=False, ascii_only=ascii_only)
        if isinstance(value, Date):
            return _edtf(value) or encode(value.literal or value.raw or "", ascii_only)
        return encode(str(value), ascii_only)

    def coverage(self) -> Coverage:
        """How the entry carries the record's variables (after :meth:`text`)."""
        native = tuple(name for name in self.record.variables if name in self.native)
        return Coverage(native=native, extra=tuple(self.extra), lost=tuple(self.lost))

    def write_citation(self) -> None:
        if not self.with_citation or self.record.citation is None:
            return
        text = encode(table.CITATION_PREFIX + self.record.citation, self.dialect.ascii_only)
        self.put(
            "note" if self.dialect is BIBTEX and "note" not in self.fields else "addendum", text
        )

    def write_unmapped(self) -> None:
        origin = self.record.origin
        if origin is None or origin.format not in {"bibtex", "biblatex"}:
            return
        fields = self.fields
        for field in self.record.unmapped:
            name = _written_back(field.key)
            if not name or name in fields:  # not written back, or a field set already
                continue
            raw = str(field.value)
            if not (is_plain_tex(raw) or is_safe(raw)):
                raw = encode(decode(raw, protect=False).text, self.dialect.ascii_only)
            self.put(name, raw)

    def text(self) -> str:
        self.write_names()
        self.write_variables()
        self.write_dates()
        self.write_extra()
        self.write_citation()
        self.write_unmapped()
        fields, bare = self.fields, self.bare
        lines = [
            f"  {name} = {fields[name]}," if name in bare else f"  {name} = {{{fields[name]}}},"
            for name in sorted(fields, key=_FIELD_RANK.__getitem__)
        ]
        return "\n".join([f"@{self.entry_type}{{{self.key},", *lines, "}"])


_ValueWriter = Callable[[_EntryWriter, str, str], str]
"""How a text or number variable's value is written into its field."""


def _context_field(dialect: _Dialect, entry_type: str, series: bool, variable: str) -> str | None:  # noqa: PLR0911 - context table
    """The field a variable of :data:`_BY_CONTEXT` goes to in an entry of *entry_type*.

    *series*: whether the record has a ``collection-title``.
    """
    article = entry_type in table.ARTICLE_TYPES
    if variable == "container-title":
        return ("journal" if dialect is BIBTEX else "journaltitle") if article else "booktitle"
    if variable == "publisher":
        if entry_type in {"techreport", "report"}:
            return "institution"
        if entry_type in {"phdthesis", "mastersthesis"}:
            return "school"
        return "institution" if entry_type == "thesis" else "publisher"
    if variable == "issue":
        return "number" if article else "issue"
    if variable == "number" and article:
        return "eid"
    if variable in {"number", "collection-number"}:  # read as a series number with a series
        series = series and not article and entry_type not in table.REPORT_TYPES
        return "number" if series == (variable == "collection-number") else None
    if variable == "page":
        return "pages"
    return dialect.fields.get(variable)


def _value_writer(dialect: _Dialect, variable: str, field: str) -> _ValueWriter:
    if field in table.VERBATIM_FIELDS:
        return _EntryWriter.verbatim_value
    if variable == "page":
        return _EntryWriter.page_value
    if dialect is BIBLATEX and field in _LIST_FIELDS:
        return _EntryWriter.list_value
    return _EntryWriter.encode


@functools.cache
def _field_table(
    dialect: _Dialect, entry_type: str, series: bool
) -> dict[str, tuple[str, _ValueWriter]]:
    """Text or number variable -> its field in an entry of *entry_type* and how it is written.

    The same for every entry of a type: built once. *series*: whether the record has a
    ``collection-title``. A variable without a field here is written otherwise or as ``csl-``.
    """
    targets: dict[str, tuple[str, _ValueWriter]] = {}
    for variable in (*dialect.fields, *_BY_CONTEXT):
        if variable in _BY_CONTEXT:
            field = _context_field(dialect, entry_type, series, variable)
        else:
            field = dialect.fields[variable]
        if field is not None:
            targets[variable] = (field, _value_writer(dialect, variable, field))
    return targets


class _FieldRanks(dict[str, int]):
    """Field -> its place in :data:`~citeform.bibtex.fields.FIELD_ORDER`; any other after them.

    Another field's rank is kept once asked for (a file repeats its fields), up to
    :data:`_MAX_RANKED` fields.
    """

    def __missing__(self, name: str) -> int:
        rank = len(table.FIELD_ORDER)
        if len(self) < _MAX_RANKED:
            self[name] = rank
        return rank


_MAX_RANKED = 1024


_FIELD_RANK = _FieldRanks((name, index) for index, name in enumerate(table.FIELD_ORDER))


@functools.lru_cache(maxsize=1024)
def _written_back(key: str) -> str:
    """The field an unmapped field *key* is written back as ("" where it is not written)."""
    name = key.lower()
    if not _FIELD_NAME.fullmatch(name) or name in table.NOT_WRITTEN_BACK:
        return ""
    return name


def _verbatim(text: str) -> str:
    """A URL or DOI for a verbatim field: characters it may not hold percent-encoded."""
    return text.translate(_URL_UNSAFE)


def _coverage(record: Record, dialect: _Dialect) -> Coverage:
    writer = _EntryWriter(record, "key", dialect, citation=False)
    writer.text()
    return writer.coverage()


def bibtex_coverage(record: Record) -> Coverage:
    """What classic BibTeX carries of *record*: fields, ``csl-`` fields, nothing."""
    return _coverage(record, BIBTEX)


def biblatex_coverage(record: Record) -> Coverage:
    """What biblatex carries of *record*: fields, ``csl-`` fields, nothing."""
    return _coverage(record, BIBLATEX)


def _write_pieces(records: Iterable[Record], dialect: _Dialect, *, citation: bool) -> Iterator[str]:
    """Each entry as its record comes; blank lines between entries, a newline at the end.

    Keys are assigned as :func:`~citeform.bibtex.keys.assign` assigns them when *records*
    is a sequence. Records that come one at a time are not held: a generated key then
    avoids the own keys of the records before it only, and a later record whose own key
    it took gets a letter after its key, as a record whose key an earlier one owns does.
    """
    owns = [keys.own_key(record) for record in records] if isinstance(records, Sequence) else []
    assigner = keys.KeyAssigner(taken=filter(None, owns))
    separator = ""
    for index, record in enumerate(records):
        key = assigner.key(record, owns[index] if owns else None)
        yield separator + _EntryWriter(record, key, dialect, citation=citation).text()
        separator = "\n\n"
    if separator:
        yield "\n"


def write_bibtex_pieces(records: Iterable[Record], *, citation: bool = True) -> Iterator[str]:
    """:func:`write_bibtex`, one entry at a time."""
    return _write_pieces(records, BIBTEX, citation=citation)


def write_biblatex_pieces(records: Iterable[Record], *, citation: bool = True) -> Iterator[str]:
    """:func:`write_biblatex`, one entry at a time."""
    return _write_pieces(records, BIBLATEX, citation=citation)


def write_bibtex(records: Sequence[Record], *, citation: bool = True) -> str:
    """Records as classic BibTeX: 8-bit safe (LaTeX macros for non-ASCII), ``year``/``month``.

    With *citation*, a record's Zitierform goes to ``note`` as ``Zitierform: …`` (to
    ``addendum`` when the record has a note of its own).
    """
    return "".join(write_bibtex_pieces(records, citation=citation))


def write_biblatex(records: Sequence[Record], *, citation: bool = True) -> str:
    """Records as biblatex: UTF-8, ``date``, ``journaltitle``, ``location``, ``langid``.

    With *citation*, a record's Zitierform goes to ``addendum`` as ``Zitierform: …``.
    """
    return "".join(write_biblatex_pieces(records, citation=citation))


FORMATS = (
    Format(
        name="bibtex",
        description="BibTeX (.bib); reads biblatex too, writes 8-bit-safe classic BibTeX",
        read=read_bibtex,
        write=write_bibtex,
        write_pieces=write_bibtex_pieces,
        sniff=sniff,
        suffixes=(".bib", ".bibtex"),
        aliases=("bib",),
        coverage=bibtex_coverage,
    ),
    Format(
        name="biblatex",
        description="biblatex (.bib, UTF-8, for biber)",
        read=read_biblatex,
        write=write_biblatex,
        write_pieces=write_biblatex_pieces,
        suffixes=(".bib",),
        coverage=biblatex_coverage,
    ),
)

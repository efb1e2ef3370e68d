"""citeform's record model: one frozen shape for every format.

A :class:`Record` holds a CSL item: its type, its variables sorted by kind (text,
number, date, name), the CSL ``custom`` object, the Zitierform it already has,
everything its reader could not map (:class:`Unmapped`, in input order) and where
it came from (:class:`Origin`). Validators refuse what CSL cannot hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from itertools import chain, repeat
from typing import Any, TypeVar

import attrs

from citeform import vocab
from citeform.errors import BadRecordError

K = TypeVar("K")
V = TypeVar("V")

Flag = str | int | float | bool
"""CSL-JSON allows strings, numbers and booleans for name flags and ``circa``."""

NumberValue = str | int | float

CUSTOM_CITATION_KEY = "dspace_citation"
"""Key in CSL-JSON ``custom`` that holds a record's Zitierform (``dc.identifier.citation``)."""


class FrozenMap(Mapping[K, V]):
    """An immutable, picklable mapping that keeps insertion order."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        """Copy *data* into a new immutable mapping."""
        self._data: dict[K, V] = dict(data)

    def __getitem__(self, key: K) -> V:
        """Return the value of *key*."""
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        """Iterate over the keys in insertion order."""
        return iter(self._data)

    def __len__(self) -> int:
        """Return the number of keys."""
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        """Whether *key* is in the mapping."""
        return key in self._data

    def get(self, key: K, default: Any = None) -> Any:
        """Return the value of *key*, or *default* when it is absent."""
        return self._data.get(key, default)

    def keys(self) -> KeysView[K]:
        """The keys, in insertion order."""
        return self._data.keys()

    def values(self) -> ValuesView[V]:
        """The values, in insertion order."""
        return self._data.values()

    def items(self) -> ItemsView[K, V]:
        """The (key, value) pairs, in insertion order."""
        return self._data.items()

    def __hash__(self) -> int:
        """Hash by content (fails, like a tuple, when a value is unhashable)."""
        return hash(frozenset(self._data.items()))

    def __eq__(self, other: object) -> bool:
        """Compare by content with any mapping."""
        return isinstance(other, Mapping) and self._data == dict(other.items())

    def __repr__(self) -> str:
        """Show the content like a dict."""
        return f"FrozenMap({self._data!r})"

    def __reduce__(self) -> tuple[type[FrozenMap[K, V]], tuple[dict[K, V]]]:
        """Pickle as the class applied to a plain dict."""
        return (type(self), (self._data,))


_NO_VARIABLES: FrozenMap[str, Any] = FrozenMap()


def _freeze(data: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> FrozenMap[str, Any]:
    """*data* as a map; one shared map when it is empty."""
    if isinstance(data, FrozenMap):
        return data
    frozen: FrozenMap[str, Any] = FrozenMap(data)
    return frozen if frozen._data else _NO_VARIABLES  # noqa: SLF001 - the map just made


def _adopt(data: dict[str, Any]) -> FrozenMap[str, Any]:
    """A map holding *data* itself, uncopied (no one else holds it); one shared map if empty."""
    if not data:
        return _NO_VARIABLES
    frozen: FrozenMap[str, Any] = FrozenMap.__new__(FrozenMap)
    frozen._data = data  # noqa: SLF001 - FrozenMap.__init__ would copy it
    return frozen


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    """``tuple`` as a converter attrs can read the signature of without parsing text."""
    return tuple(items)


def _refuse(field: str, message: str, value: object) -> BadRecordError:
    return BadRecordError(f"{field}: {message}", value=value)


def _optional_str(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise _refuse(attribute.name, "must be a string", value)


def _optional_flag(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str | int | float | bool):
        raise _refuse(attribute.name, "must be a string, number or boolean", value)


@attrs.frozen(repr=False)
class Name:
    """A CSL name: a person's parts, or a ``literal`` for a corporate body."""

    family: str | None = attrs.field(default=None, validator=_optional_str)
    given: str | None = attrs.field(default=None, validator=_optional_str)
    dropping_particle: str | None = attrs.field(default=None, validator=_optional_str)
    non_dropping_particle: str | None = attrs.field(default=None, validator=_optional_str)
    suffix: str | None = attrs.field(default=None, validator=_optional_str)
    literal: str | None = attrs.field(default=None, validator=_optional_str)
    comma_suffix: Flag | None = attrs.field(default=None, validator=_optional_flag)
    static_ordering: Flag | None = attrs.field(default=None, validator=_optional_flag)
    parse_names: Flag | None = attrs.field(default=None, validator=_optional_flag)

    def __attrs_post_init__(self) -> None:
        """Refuse a name with neither family, given nor literal."""
        if not (self.family or self.given or self.literal):
            raise _refuse("name", "needs a family, given or literal part", self.to_csl())

    def __repr__(self) -> str:
        """Show the parts that are set: ``Name(family='Lee', given='M.')``."""
        parts = (
            f"{field.name}={value!r}"
            for field in attrs.fields(type(self))
            if (value := getattr(self, field.name)) is not None
        )
        return f"Name({', '.join(parts)})"

    @classmethod
    def corporate(cls, name: str) -> Name:
        """Return the name of a corporate body, kept whole as a ``literal``."""
        return cls(literal=name)

    @property
    def is_literal(self) -> bool:
        """Whether the name is a literal (a corporate body or a name kept whole)."""
        return self.literal is not None

    @classmethod
    def from_csl(cls, data: Mapping[str, Any]) -> Name:
        """Build a name from a CSL-JSON name object."""
        if not isinstance(data, Mapping):
            raise _refuse("name", "must be an object", data)
        unknown = set(data) - set(vocab.NAME_PARTS) - set(vocab.NAME_FLAGS)
        if unknown:
            raise _refuse("name", f"unknown part {min(unknown)!r}", data)
        return cls(**{key.replace("-", "_"): value for key, value in data.items()})

    def to_csl(self) -> dict[str, Flag]:
        """Return the CSL-JSON name object (only the parts that are set)."""
        return {
            key: value
            for key, attribute in _NAME_ATTRIBUTES
            if (value := getattr(self, attribute)) is not None
        }

    def __str__(self) -> str:
        """Show the name in display order ("Given von Family, Suffix", or the literal)."""
        if self.literal is not None:
            return self.literal
        words = [self.given, self.dropping_particle, self.non_dropping_particle, self.family]
        text = " ".join(word for word in words if word)
        return f"{text}, {self.suffix}" if self.suffix else text


_NAME_ATTRIBUTES = tuple(
    (key, key.replace("-", "_")) for key in (*vocab.NAME_PARTS, *vocab.NAME_FLAGS)
)
"""Each CSL-JSON name key and the :class:`Name` attribute that holds it."""


def _date_parts(
    _instance: object, attribute: attrs.Attribute[Any], value: tuple[tuple[int, ...], ...]
) -> None:
    if len(value) > 2:
        raise _refuse(attribute.name, "a date has at most two parts (start and end)", value)
    for part in value:
        if not 1 <= len(part) <= 3 or not all(type(n) is int for n in part):
            raise _refuse(attribute.name, "each part is one to three whole numbers", value)
        if len(part) > 1 and not 0 <= part[1] <= 24:  # 13-16 and 21-24 are seasons
            raise _refuse(attribute.name, "month out of range", value)
        if len(part) > 2 and not 0 <= part[2] <= 31:
            raise _refuse(attribute.name, "day out of range", value)


def _to_int(number: object) -> int:
    if isinstance(number, bool):
        raise TypeError(number)
    if isinstance(number, int):
        return number
    if isinstance(number, float) and number.is_integer():
        return int(number)
    if isinstance(number, str) and re.fullmatch(r"\s*-?\d+\s*", number):
        return int(number)
    raise TypeError(number)


_EDTF = re.compile(r"(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@attrs.frozen
class Date:
    """A CSL date: one or two date-parts (a range), season, circa, literal or raw text."""

    parts: tuple[tuple[int, ...], ...] = attrs.field(default=(), validator=_date_parts)
    season: int | str | None = None
    circa: Flag | None = attrs.field(default=None, validator=_optional_flag)
    literal: str | None = attrs.field(default=None, validator=_optional_str)
    raw: str | None = attrs.field(default=None, validator=_optional_str)

    def __attrs_post_init__(self) -> None:
        """Refuse an empty date."""
        if not (self.parts or self.literal or self.raw):
            raise _refuse("date", "needs date-parts, a literal or raw text", self.season)

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> Date:
        """Return a single date from its year, month and day."""
        return cls(parts=(tuple(n for n in (year, month, day) if n is not None),))

    @property
    def year(self) -> int | None:
        """The (first) year, if the date has date-parts."""
        return self.parts[0][0] if self.parts else None

    @property
    def is_range(self) -> bool:
        """Whether the date is a range (two date-parts)."""
        return len(self.parts) == 2

    @classmethod
    def from_csl(cls, data: Mapping[str, Any] | str) -> Date:
        """Build a date from a CSL-JSON date object or an EDTF string ("2017-02", "2017/2018")."""
        if isinstance(data, str):
            return cls.from_edtf(data)
        if not isinstance(data, Mapping):
            raise _refuse("date", "must be an object or an EDTF string", data)
        unknown = set(data) - {"date-parts", "season", "circa", "literal", "raw"}
        if unknown:
            raise _refuse("date", f"unknown key {min(unknown)!r}", data)
        raw_parts = data.get("date-parts", [])
        if not isinstance(raw_parts, list) or not all(isinstance(p, list) for p in raw_parts):
            raise _refuse("date-parts", "must be a list of lists of numbers", raw_parts)
        try:
            parts = tuple(tuple(_to_int(n) for n in part) for part in raw_parts)
        except (TypeError, ValueError):  # ValueError: more digits than int() takes
            raise _refuse("date-parts", "must hold whole numbers", raw_parts) from None
        return cls(
            parts=parts,
            season=data.get("season"),
            circa=data.get("circa"),
            literal=data.get("literal"),
            raw=data.get("raw"),
        )

    @classmethod
    def from_edtf(cls, text: str) -> Date:
        """Read an EDTF level-0/1 date or interval; keep anything else as ``raw``."""
        value = text.strip()
        circa = value.endswith(("~", "?", "%"))
        ends = value.rstrip("~?%").split("/")
        matches = [_EDTF.fullmatch(end) for end in ends]
        if len(ends) > 2 or not all(matches):
            return cls(raw=text)
        parts = tuple(
            tuple(int(group) for group in match.groups() if group is not None)
            for match in matches
            if match is not None
        )
        return cls(parts=parts, circa=True if circa else None)

    def to_csl(self) -> dict[str, Any]:
        """Return the CSL-JSON date object."""
        data: dict[str, Any] = {}
        if self.parts:
            data["date-parts"] = [list(part) for part in self.parts]
        for key in ("season", "circa", "literal", "raw"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data


Value = str | NumberValue | Date | tuple[Name, ...]
"""The value of one CSL variable, by kind: text, number, date, names."""


@attrs.frozen
class Unmapped:
    """An input field that no rule maps: kept as read, so nothing is lost."""

    key: str
    value: Any
    language: str | None = None
    position: str | None = None


@attrs.frozen
class Origin:
    """Where a record came from: format, source (file name) and position in it."""

    format: str
    source: str
    position: str | None = None

    def __str__(self) -> str:
        """Show ``source:position``."""
        return f"{self.source}:{self.position}" if self.position else self.source


def _check_type(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or value not in vocab.ITEM_TYPES):
        raise _refuse("type", "not a CSL item type", value)


def _check_id(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, _ID_TYPES)):
        raise _refuse("id", "must be a string or number", value)


_ID_TYPES = (str, int, float)


def _check_kind(kind: vocab.Kind) -> Any:
    variables = frozenset(key for key, of in vocab.KIND_OF.items() if of == kind)
    valid = _VALID[kind]

    def check(
        _instance: object, _attribute: attrs.Attribute[Any], value: FrozenMap[str, Any]
    ) -> None:
        data = value._data  # noqa: SLF001 - the map converted from what was given
        if variables.issuperset(data) and valid(data.values()):
            return
        for key, item in value.items():
            if key not in variables:
                raise _refuse(key, f"not a CSL {kind} variable", item)
            _check_value(key, kind, item)

    return check


def _check_value(key: str, kind: vocab.Kind, value: object) -> None:
    if not _VALID[kind]((value,)):
        raise _refuse(key, _MUST_BE[kind], value)


def _are_numbers(values: Iterable[object]) -> bool:
    values = tuple(values)
    return all(map(isinstance, values, repeat(_ID_TYPES))) and not any(
        map(isinstance, values, repeat(bool))
    )


def _are_name_lists(values: Iterable[object]) -> bool:
    values = tuple(values)
    return all(map(isinstance, values, repeat(tuple))) and all(
        map(isinstance, chain.from_iterable(values), repeat(Name))  # type: ignore[arg-type]
    )


_VALID: dict[vocab.Kind, Callable[[Iterable[object]], bool]] = {
    "text": lambda values: all(map(isinstance, values, repeat(str))),
    "number": _are_numbers,
    "date": lambda values: all(map(isinstance, values, repeat(Date))),
    "name": _are_name_lists,
}
"""Whether all values are of a kind (checked whole first: a record is rarely wrong)."""

_MUST_BE: dict[vocab.Kind, str] = {
    "text": "must be a string",
    "number": "must be a string or number",
    "date": "must be a Date",
    "name": "must be a tuple of Names",
}


@attrs.frozen
class Record:
    """One bibliographic record as a CSL item, plus what could not be mapped.

    Build one from CSL variable names with :meth:`build`; read a value with
    :meth:`get`; change one with :meth:`set` (records are immutable).
    """

    type: str | None = attrs.field(default=None, validator=_check_type)
    id: str | int | float | None = attrs.field(default=None, validator=_check_id)
    text: FrozenMap[str, str] = attrs.field(
        factory=FrozenMap, converter=_freeze, validator=_check_kind("text")
    )
    numbers: FrozenMap[str, NumberValue] = attrs.field(
        factory=FrozenMap, converter=_freeze, validator=_check_kind("number")
    )
    dates: FrozenMap[str, Date] = attrs.field(
        factory=FrozenMap, converter=_freeze, validator=_check_kind("date")
    )
    names: FrozenMap[str, tuple[Name, ...]] = attrs.field(
        factory=FrozenMap, converter=_freeze, validator=_check_kind("name")
    )
    custom: FrozenMap[str, Any] = attrs.field(factory=FrozenMap, converter=_freeze)
    citation: str | None = attrs.field(default=None, validator=_optional_str)
    unmapped: tuple[Unmapped, ...] = attrs.field(default=(), converter=_tuple)
    origin: Origin | None = attrs.field(default=None, eq=False)

    @classmethod
    def build(  # noqa: PLR0913 - the record's attributes, by name
        cls,
        type: str | None,  # noqa: A002 - the CSL name of the field
        variables: Mapping[str, Any],
        *,
        id: str | float | None = None,  # noqa: A002 - the CSL name of the field
        custom: Mapping[str, Any] | Iterable[tuple[str, Any]] = _NO_VARIABLES,
        citation: str | None = None,
        unmapped: Iterable[Unmapped] = (),
        origin: Origin | None = None,
    ) -> Record:
        """Build a record from CSL variables of any kind.

        *variables* maps CSL names to values, e.g. ``{"title": "…", "issued": Date.of(2017)}``;
        name lists may be any iterable of :class:`Name`, dates may be EDTF strings. The
        other attributes are given by name. Each value is checked once, as the record's
        validators check it, while the variables are sorted by kind.
        """
        by_kind: dict[vocab.Kind, dict[str, Any]] = {
            "text": {},
            "number": {},
            "date": {},
            "name": {},
        }
        kind_of = vocab.KIND_OF
        for key, value in variables.items():
            kind = kind_of.get(key)
            if kind is None:
                raise _refuse(key, "not a CSL variable", value)
            by_kind[kind][key] = value if kind in _AS_GIVEN else _coerce(kind, value)
        frozen_custom, unmapped_fields = _freeze(custom), _tuple(unmapped)  # attrs converts first
        _check_type(None, _FIELDS.type, type)  # then validates, in the order of the fields
        _check_id(None, _FIELDS.id, id)
        for stored, data in by_kind.items():  # text, numbers, dates, names
            if data and not _VALID[stored](data.values()):
                for key, value in data.items():
                    _check_value(key, stored, value)
        _optional_str(None, _FIELDS.citation, citation)
        record = object.__new__(cls)
        put = object.__setattr__
        put(record, "type", type)
        put(record, "id", id)
        put(record, "text", _adopt(by_kind["text"]))
        put(record, "numbers", _adopt(by_kind["number"]))
        put(record, "dates", _adopt(by_kind["date"]))
        put(record, "names", _adopt(by_kind["name"]))
        put(record, "custom", frozen_custom)
        put(record, "citation", citation)
        put(record, "unmapped", unmapped_fields)
        put(record, "origin", origin)
        return record

    @property
    def variables(self) -> dict[str, Value]:
        """All CSL variables of the record in one dict (text, numbers, names, dates)."""
        variables: dict[str, Value] = dict(self.text._data)  # noqa: SLF001 - the maps' dicts
        for store in (self.numbers, self.names, self.dates):
            variables.update(store._data)  # noqa: SLF001
        return variables

    def get(self, variable: str, default: Any = None) -> Any:
        """Return the value of a CSL *variable*, or *default* when it is not set."""
        kind = vocab.KIND_OF.get(variable)
        if kind is None:
            return default
        store: Mapping[str, Any] = getattr(self, _STORE[kind])
        return store.get(variable, default)

    def set(self, variable: str, value: Any) -> Record:
        """Return a copy with *variable* set to *value* (``None`` removes it)."""
        kind = vocab.KIND_OF.get(variable)
        if kind is None:
            raise _refuse(variable, "not a CSL variable", value)
        attribute = _STORE[kind]
        store = dict(getattr(self, attribute))
        if value is None:
            store.pop(variable, None)
        else:
            store[variable] = _coerce(kind, value)
        changes: dict[str, Any] = {attribute: store}
        return attrs.evolve(self, **changes)

    @classmethod
    def from_csl(cls, item: Mapping[str, Any], origin: Origin | None = None) -> Record:
        """Build a record from one CSL-JSON item; unknown keys are kept as unmapped."""
        if not isinstance(item, Mapping):
            raise BadRecordError("a CSL-JSON item must be an object", value=item)
        variables: dict[str, Any] = {}
        unmapped: list[Unmapped] = []
        for key, value in item.items():
            if key in {"id", "type", "custom"}:
                continue
            kind = vocab.KIND_OF.get(key)
            if kind is None:
                unmapped.append(Unmapped(key, value))
            elif kind == "date":
                variables[key] = Date.from_csl(value)
            elif kind == "name":
                variables[key] = _names_from_csl(key, value, unmapped)
            else:
                variables[key] = value
        custom = item.get("custom", {})
        if not isinstance(custom, Mapping):
            raise _refuse("custom", "must be an object", custom)
        custom = dict(custom)
        citation = custom.pop(CUSTOM_CITATION_KEY, None)
        return cls.build(
            item.get("type"),
            variables,
            id=item.get("id"),
            custom=custom,
            citation=citation,
            unmapped=unmapped,
            origin=origin,
        )

    def to_csl(self) -> dict[str, Any]:
        """Return the record as one CSL-JSON item.

        Unmapped fields of a record read from CSL-JSON come back as they were;
        those of other formats go into ``custom`` as ``"<format>:<key>": [values]``.
        The Zitierform goes into ``custom`` under ``dspace_citation``.
        """
        item: dict[str, Any] = {}
        if self.id is not None:
            item["id"] = self.id
        if self.type is not None:
            item["type"] = self.type
        item.update(self.text._data)  # noqa: SLF001 - the maps' dicts, read without a call
        item.update(self.numbers._data)  # noqa: SLF001
        for key, names in self.names._data.items():  # noqa: SLF001
            item[key] = [name.to_csl() for name in names]
        for key, date in self.dates._data.items():  # noqa: SLF001
            item[key] = date.to_csl()
        custom = dict(self.custom._data)  # noqa: SLF001
        origin_format = self.origin.format if self.origin else "csl-json"
        for field in self.unmapped:
            if origin_format != "csl-json":
                custom.setdefault(f"{origin_format}:{field.key}", []).append(field.value)
            elif (name_part := _NAME_PART_KEY.fullmatch(field.key)) and name_part[1] in item:
                variable, index, part = name_part.groups()
                item[variable][int(index)][part] = field.value
            else:
                item[field.key] = field.value
        if self.citation is not None:
            custom[CUSTOM_CITATION_KEY] = self.citation
        if custom:
            item["custom"] = custom
        return item

    def __str__(self) -> str:
        """Show a short line: first author, year, title."""
        names = next(iter(self.names.values()), ())
        who = str(names[0]) if names else "?"
        issued = self.dates.get("issued")
        year = issued.year if issued and issued.year is not None else "o. J."
        return f"{who} ({year}): {self.text.get('title', '[no title]')}"

    def _repr_html_(self) -> str:
        """Show the record as an HTML table in a notebook (see :mod:`citeform.notebook`)."""
        from citeform.notebook import record_html  # noqa: PLC0415 - notebook imports this module

        return record_html(self)


_NAME_PART_KEY = re.compile(r"([a-z-]+)\[(\d+)\]\.(.+)")
"""Key of an unknown name part kept as unmapped: ``author[0]._ordinal``."""


def _names_from_csl(variable: str, value: Any, unmapped: list[Unmapped]) -> tuple[Name, ...]:
    """Read a CSL-JSON name list.

    Parts CSL does not define (e.g. Citation.js's ``_ordinal``, which citeproc-js ignores)
    go to *unmapped* instead of failing the record.
    """
    if not isinstance(value, list):
        raise _refuse(variable, "must be a list of names", value)
    names = []
    known = {*vocab.NAME_PARTS, *vocab.NAME_FLAGS}
    for index, name in enumerate(value):
        if not isinstance(name, Mapping):
            raise _refuse(variable, "must be a list of name objects", name)
        unmapped.extend(
            Unmapped(f"{variable}[{index}].{part}", name[part])
            for part in name
            if part not in known
        )
        names.append(Name.from_csl({part: v for part, v in name.items() if part in known}))
    return tuple(names)


_STORE: dict[vocab.Kind, str] = {
    "text": "text",
    "number": "numbers",
    "date": "dates",
    "name": "names",
}
"""The attribute of :class:`Record` that holds each kind of variable."""


_FIELDS = attrs.fields(Record)
"""The record's attributes, whose validators :meth:`Record.build` runs itself."""

_AS_GIVEN = frozenset({"text", "number"})
"""The kinds of variable whose values are stored as given (names and dates are coerced)."""


def _coerce(kind: vocab.Kind, value: Any) -> Any:
    if kind == "name" and not isinstance(value, tuple):
        return tuple(value)
    if kind == "date" and isinstance(value, str | Mapping):
        return Date.from_csl(value)
    return value

"""BibTeX syntax: ``@string``, ``@preamble``, ``@comment`` and entries, read into raw fields.

One pass over the text with a few regular expressions, no recursion. A broken entry
becomes an error naming its line and the scan goes on after the fault, as BibTeX does.
``@string`` expansion is bounded the way libxml2 bounds XML entities: a value built
with macros may hold at most :data:`MAX_VALUE_LENGTH` characters, and macros may expand to more than
:data:`ALLOWED_EXPANSION` characters in all only while that stays within
:data:`MAX_AMPLIFICATION` times the input. An entry passing a limit gets a
:class:`~citeform.errors.LimitExceededError`; the others are read.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from citeform.errors import BadRecordError, CiteformError, LimitExceededError
from citeform.xmlsafe import MAX_DEPTH

MAX_VALUE_LENGTH: Final = 10_000_000
"""Longest value built with ``@string`` macros, in characters (libxml2's text node limit)."""

ALLOWED_EXPANSION: Final = 1_000_000
"""Characters ``@string`` macros may produce in a file whatever its size (libxml2's allowance)."""

MAX_AMPLIFICATION: Final = 10
"""Beyond the allowance, macro output may be at most this many times the input (as libxml2)."""

MAX_BRACE_DEPTH: Final = MAX_DEPTH
"""Deepest brace nesting in a value (the XML readers' element depth)."""

MONTH_MACROS: Final = {
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May",
    "jun": "June", "jul": "July", "aug": "August", "sep": "September", "oct": "October",
    "nov": "November", "dec": "December",
}  # fmt: skip
"""The macros every BibTeX style predefines."""

_IDENTIFIER = r"[^\s\"#%'(),={}0-9][^\s\"#%'(),={}]*"
_COMMAND = re.compile(r"\s*(" + _IDENTIFIER + r")\s*([{(])\s*")
_KEY = {"}": re.compile(r"[^\s,}]+"), ")": re.compile(r"[^\s,]+")}
_NAME = re.compile(r"\s*(" + _IDENTIFIER + r")\s*")


_NESTED = r"\{(?:[^{}]++|\{[^{}]*+\})*+\}"
_PART = (
    rf'\{{(?:[^{{}}]++|{_NESTED})*+\}}|"(?:[^"{{}}]++|{_NESTED})*+"|[0-9]++'
    r"|[^\s\"#%'(),={}0-9][^\s\"#%'(),={}]*+"
)
"""One part of a value: braced or quoted text (braces nested two deep), a number, a macro."""
_VALUE_PARTS = re.compile(_PART)


_FIELD_PARTS = re.compile(
    rf"\s*+,\s*+({_IDENTIFIER})\s*+=\s*+({_PART})((?:\s*+#\s*+(?:{_PART}))*+)\s*+(?=[,}})])"
)
"""``, name = part # part …``, the common case: the name, the first part, the ``# part …``."""
_NUMBER = re.compile(r"[0-9]+")
_SPACE = re.compile(r"\s*")
_DELIMITERS = {"}": re.compile(r"[{}]"), '"': re.compile(r'["{}]')}
_PLAIN_TAIL = {"}": re.compile(r"[^{}]*\}"), '"': re.compile(r'[^"{}]*"')}
_NEXT_ENTRY = re.compile(r"\n[ \t]*@")
_WHITESPACE = re.compile(r"[\t\r\n][ \t\r\n]*| [ \t\r\n]+")
"""Runs of white space other than one space, each read as one space (as BibTeX does)."""


class Entry(NamedTuple):
    """One entry as written: type and field names lower-cased, values with macros expanded.

    A tuple of strings, which the garbage collector stops tracking once it has seen it.
    """

    type: str
    key: str
    fields: tuple[tuple[str, str], ...]
    line: int


class _SyntaxFaultError(Exception):
    """A syntax error at *offset*; ``at_end`` when the text ended inside the command."""

    def __init__(self, message: str, offset: int, *, at_end: bool = False) -> None:
        super().__init__(message)
        self.offset = offset
        self.at_end = at_end


class _LimitPassedError(Exception):
    """A limit passed at *offset*; *refused_line*: that of an earlier refused ``@string`` used."""

    def __init__(self, message: str, offset: int, refused_line: int | None = None) -> None:
        super().__init__(message)
        self.offset = offset
        self.refused_line = refused_line
        self.reported = True


def _squeezed(value: str) -> str:
    """*value* with each run of white space one space, none at the ends."""
    return " ".join(value.split()) if value.isascii() else _WHITESPACE.sub(" ", value).strip(" ")


def scan(text: str, source: str | None = None) -> list[Entry | CiteformError]:
    """The entries of *text* in order, with an error in place of each broken one."""
    return _Scanner(text, source).run()


class _Scanner:
    def __init__(self, text: str, source: str | None) -> None:
        self.text = text
        self.source = source
        self.pos = 0
        self.macros: dict[str, str] = dict(MONTH_MACROS)
        self.refused: dict[str, int] = {}  # macro -> line of the @string that was refused
        self.expansion_budget = max(ALLOWED_EXPANSION, MAX_AMPLIFICATION * len(text))
        self.expanded = 0
        self.line = 1
        self.line_offset = 0
        self.items: list[Entry | CiteformError] = []
        self.squeezes: dict[str, str] = {}  # a value with runs of white space -> squeezed
        self.joins: dict[str, tuple[str, int]] = {}  # part # part … -> text, length expanded

    def line_at(self, offset: int) -> int:
        """The line of *offset*; offsets are asked for in increasing order."""
        self.line += self.text.count("\n", self.line_offset, offset)
        self.line_offset = offset
        return self.line

    def run(self) -> list[Entry | CiteformError]:
        text = self.text
        while (start := text.find("@", self.pos)) >= 0:
            line = self.line_at(start)
            self.pos = start + 1
            try:
                self.command(line)
            except _SyntaxFaultError as fault:
                self.fail(BadRecordError(f"entry skipped: {fault}", source=self.source), line)
                self.pos = self.resume_after(fault, start)
            except _LimitPassedError as limit:
                if limit.reported:
                    error = LimitExceededError(f"entry skipped: {limit}", source=self.source)
                    self.fail(error, line)
                self.pos = max(limit.offset, self.pos)
        return self.items

    def fail(self, error: CiteformError, line: int) -> None:
        error.position = f"line {line}"
        self.items.append(error)

    def resume_after(self, fault: _SyntaxFaultError, start: int) -> int:
        """Where scanning goes on: at the fault, or at the next line opening an entry."""
        if not fault.at_end:
            return max(fault.offset, start + 1)
        following = _NEXT_ENTRY.search(self.text, start)
        return following.end() - 1 if following else len(self.text)

    def command(self, line: int) -> None:
        match = _COMMAND.match(self.text, self.pos)
        if match is None:
            raise _SyntaxFaultError("entry type and '{' or '(' expected after '@'", self.pos)
        kind = match.group(1).lower()
        closer = "}" if match.group(2) == "{" else ")"
        self.pos = match.end()
        if kind == "comment":
            return
        if kind == "string":
            self.string(line)
        elif kind == "preamble":
            self.value()
        else:
            self.entry(kind, closer, line)
            return
        self.close(closer)

    def close(self, closer: str) -> None:
        self.skip_space()
        if self.text.startswith(closer, self.pos):
            self.pos += 1
        else:
            raise self.fault(f"{closer!r} expected")

    def string(self, line: int) -> None:
        self.joins.clear()  # the macros change
        name = self.name("@string name")
        self.expect("=")
        try:
            value = self.value()
        except _LimitPassedError as limit:  # reported once, where a limit was first passed
            self.refused[name.lower()] = limit.refused_line or line
            limit.reported = limit.refused_line is None
            raise
        self.macros[name.lower()] = value
        self.refused.pop(name.lower(), None)

    def entry(self, kind: str, closer: str, line: int) -> None:
        text = self.text
        key = _KEY[closer].match(text, self.pos)
        if key is None:
            raise self.fault("entry key expected")
        self.pos = key.end()
        fields: list[tuple[str, str]] = []
        while True:
            while simple := _FIELD_PARTS.match(text, self.pos):
                name, first, rest = simple.groups()
                if rest:
                    value = self.joined(first + rest)
                elif first[0] in '{"':
                    value = first[1:-1]
                else:
                    value = first if first[0].isdigit() else self.expand(first)
                fields.append((name.lower(), self.squeezed(value)))
                self.pos = simple.end()
            self.skip_space()
            if text.startswith(closer, self.pos):
                self.pos += 1
                break
            if not text.startswith(",", self.pos):
                raise self.fault(f"',' or {closer!r} expected")
            self.pos += 1
            field = _NAME.match(text, self.pos)
            if field is None:  # a trailing comma, or junk that the next round reports
                continue
            self.pos = field.end()
            self.expect("=")
            fields.append((field.group(1).lower(), self.squeezed(self.value())))
        self.items.append(Entry(kind, key.group(0), tuple(fields), line))

    def squeezed(self, value: str) -> str:
        """*value* with each run of white space one space, none at the ends.

        A value with runs of white space met again (a long ``@string`` text a field of
        every entry names) is squeezed once.
        """
        if "\n" not in value and "  " not in value and "\t" not in value and "\r" not in value:
            return value.strip(" ")
        squeezed = self.squeezes.get(value)
        if squeezed is None:
            squeezed = self.squeezes[value] = _squeezed(value)
        return squeezed

    def part(self, written: str) -> str:
        """The text of one part of a value matched by :data:`_PART`."""
        first = written[0]
        if first in '{"':
            return written[1:-1]
        return written if first.isdigit() else self.expand(written)

    def joined(self, written: str) -> str:
        """The text of ``part # part …`` matched by :data:`_PART` parts.

        The same ``part # part …`` met again with the same ``@string`` macros (a field of
        every entry) is joined once; what its macros expand to still counts each time.
        """
        known = self.joins.get(written)
        if known is not None and self.expanded + known[1] <= self.expansion_budget:
            self.expanded += known[1]
            return known[0]
        expanded = self.expanded
        parts = [self.part(match.group(0)) for match in _VALUE_PARTS.finditer(written)]
        length = sum(map(len, parts))
        if length > MAX_VALUE_LENGTH and length > len(written):  # macros made it longer
            raise _LimitPassedError(
                f"value with @string macros longer than {MAX_VALUE_LENGTH:,} characters", self.pos
            )
        value = "".join(parts)
        self.joins[written] = (value, self.expanded - expanded)
        return value

    def fault(self, message: str) -> _SyntaxFaultError:
        """A syntax error at the current position."""
        return _SyntaxFaultError(message, self.pos, at_end=self.pos >= len(self.text))

    def skip_space(self) -> None:
        match = _SPACE.match(self.text, self.pos)
        self.pos = match.end() if match else self.pos

    def name(self, what: str) -> str:
        match = _NAME.match(self.text, self.pos)
        if match is None:
            raise self.fault(f"{what} expected")
        self.pos = match.end()
        return match.group(1)

    def expect(self, char: str) -> None:
        self.skip_space()
        if not self.text.startswith(char, self.pos):
            raise self.fault(f"{char!r} expected")
        self.pos += 1

    def value(self) -> str:
        """A value: parts joined by ``#``, each a braced or quoted text, a number or a macro."""
        text = self.text
        parts: list[str] = []
        length = 0
        expanded = False
        while True:
            self.skip_space()
            char = text[self.pos : self.pos + 1]
            if char in {"{", '"'}:
                part = self.delimited("}" if char == "{" else '"')
            elif number := _NUMBER.match(text, self.pos):
                part = number.group(0)
                self.pos = number.end()
            else:
                part = self.macro()
                expanded = True
            length += len(part)
            if expanded and length > MAX_VALUE_LENGTH:
                raise _LimitPassedError(
                    f"value with @string macros longer than {MAX_VALUE_LENGTH:,} characters",
                    self.pos,
                )
            parts.append(part)
            self.skip_space()
            if not text.startswith("#", self.pos):
                return "".join(parts)
            self.pos += 1

    def macro(self) -> str:
        return self.expand(self.name('a value ({…}, "…", a number or a @string name)'))

    def expand(self, name: str) -> str:
        """The text of a ``@string`` macro; an undefined one is kept as its name."""
        key = name.lower()
        if key in self.refused:
            line = self.refused[key]
            raise _LimitPassedError(f"uses @string {key!r}, refused at line {line}", self.pos, line)
        value = self.macros.get(key)
        if value is None:
            return name
        self.expanded += len(value)
        if self.expanded > self.expansion_budget:
            raise _LimitPassedError(
                f"@string expansion beyond {self.expansion_budget:,} characters "
                f"(the larger of {MAX_AMPLIFICATION} times the input and {ALLOWED_EXPANSION:,})",
                self.pos,
            )
        return value

    def delimited(self, closer: str) -> str:
        """The text between ``{`` and its ``}`` (or ``"`` and ``"``), inner braces kept."""
        text = self.text
        start = self.pos + 1
        plain = _PLAIN_TAIL[closer].match(text, start)
        if plain is not None:
            self.pos = plain.end()
            return text[start : self.pos - 1]
        search = _DELIMITERS[closer].search
        depth = 0
        position = start
        while (found := search(text, position)) is not None:
            char = found.group(0)
            position = found.end()
            if char == "{":
                depth += 1
                if depth > MAX_BRACE_DEPTH:
                    raise _SyntaxFaultError(
                        f"braces nested deeper than {MAX_BRACE_DEPTH}", position
                    )
            elif depth:
                depth -= char == "}"
            elif char == closer:
                self.pos = position
                return text[start : position - 1]
            else:
                raise _SyntaxFaultError("unbalanced braces: '}' closes nothing", position)
        raise _SyntaxFaultError(
            f"{closer!r} expected: the text ends inside a value", len(text), at_end=True
        )

"""Every code block in docs/ runs, with its output checked; so does the README's Python example.

The blocks are found and run with Sybil:

* ``python`` blocks: doctest when they start with ``>>>`` (output compared, ``...`` matches
  anything, whitespace normalised, no-break spaces read as spaces), else run as code (which
  checks itself with ``assert``);
* ``console`` blocks: each ``$ command`` runs in bash and its output (standard output and error
  together) must match the lines below it; ``$ echo $?`` shows the previous command's exit
  status, and a command that fails without one is an error;
* ``toml`` and ``json`` blocks must parse;
* ``sh`` blocks may only hold installation commands (``pip install``), which ``.ci/run`` runs;
* any other language fails the test: a code block nobody runs is not allowed.

Pages run in a temporary directory holding a link to the repository's ``examples/``, so the
files they write do not land in the repository.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import io
import json
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterable
from contextlib import redirect_stdout
from pathlib import Path
from types import ModuleType

import pytest
from docs_support import DOCS, EXAMPLES, REPO, assert_needs_met
from sybil import Document, Example, Region, Sybil
from sybil.evaluators import doctest as sybil_doctest
from sybil.parsers.abstract.lexers import LexerCollection
from sybil.parsers.markdown.lexers import FencedCodeBlockLexer
from sybil.parsers.myst import CodeBlockParser, PythonCodeBlockParser

PAGES = sorted(path for path in DOCS.rglob("*.md") if "_build" not in path.parts)
COMMAND_TIMEOUT = 300
INSTALL_COMMAND = re.compile(r"^(python3? -m )?pip install ")
DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
"""``...`` matches anything; runs of spaces match one space."""
NO_BREAK_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


class OutputChecker(sybil_doctest.OutputChecker):
    """Sybil's checker, reading the no-break spaces of citations ("o.\u00a0J.") as spaces.

    Pages print entries, where a no-break space looks like a space; the standard checker would
    compare it as the escape ``\\xa0``.
    """

    def check_output(self, want: str, got: str, optionflags: int) -> bool:
        return super().check_output(want, got.translate(NO_BREAK_SPACES), optionflags)


CHECKER = OutputChecker()


def python_parser() -> PythonCodeBlockParser:
    """Sybil's Python block parser with :class:`OutputChecker` in its doctest runner."""
    parser = PythonCodeBlockParser(doctest_optionflags=DOCTEST_FLAGS)
    runner = parser.doctest_parser.evaluator.runner
    runner._checker = CHECKER  # doctest takes a checker only in the constructor
    return parser


RUN_LANGUAGES = {"python", "console", "toml", "json", "sh"}


def run_console(example: Example) -> str | None:
    """Run each ``$ command`` of a console block and compare its output."""
    status, previous = 0, ""
    for command, expected in console_steps(example.parsed):
        if status and command != "echo $?":
            return unchecked_failure(previous, status)
        result = subprocess.run(
            ["bash", "-c", f"(exit {status}); {command}"],
            capture_output=True,
            text=True,
            check=False,
            timeout=COMMAND_TIMEOUT,
            env=command_environment(),
        )
        output = result.stdout + result.stderr
        if not CHECKER.check_output(expected, output, DOCTEST_FLAGS):
            return f"$ {command}\nexpected:\n{expected}got:\n{output}"
        status, previous = result.returncode, command
    return unchecked_failure(previous, status) if status else None


def unchecked_failure(command: str, status: int) -> str:
    return f"$ {command}\nexited with status {status}; show it with '$ echo $?' if meant"


def console_steps(block: str) -> list[tuple[str, str]]:
    """``(command, expected output)`` pairs of a console block."""
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:].strip(), []))
        elif steps:
            steps[-1][1].append(line)
        elif line.strip():
            raise ValueError(f"console block does not start with '$ ': {line!r}")
    return [(command, "".join(f"{line}\n" for line in lines)) for command, lines in steps]


def command_environment() -> dict[str, str]:
    """The environment for console commands: this Python's scripts first, a fixed width."""
    scripts = str(Path(sys.executable).parent)
    return {**os.environ, "PATH": f"{scripts}{os.pathsep}{os.environ['PATH']}", "COLUMNS": "88"}


def parse_toml(example: Example) -> None:
    tomllib.loads(example.parsed)


def parse_json(example: Example) -> None:
    json.loads(example.parsed)


def check_install(example: Example) -> str | None:
    """``sh`` blocks only install citeform: the commands CI runs in a fresh environment."""
    for line in example.parsed.splitlines():
        if line.strip() and not INSTALL_COMMAND.match(line.strip()):
            return f"sh blocks are for installation only; use a console block for {line!r}"
    return None


class UnrunBlockParser:
    """Yields every fenced block in a language nobody runs, so that it fails."""

    def __init__(self) -> None:
        self.lexers = LexerCollection(
            [FencedCodeBlockLexer(language=r".+", mapping={"language": "arguments"})]
        )

    def __call__(self, document: Document) -> Iterable[Region]:
        for region in self.lexers(document):
            language = str(region.lexemes["arguments"]).strip()
            if language not in RUN_LANGUAGES and not language.startswith("{"):
                region.parsed = language
                region.evaluator = refuse_block
                yield region


def refuse_block(example: Example) -> str:
    return f"a {example.parsed!r} code block is not run by the tests; see tests/test_docs.py"


SYBIL = Sybil(
    parsers=[
        python_parser(),
        CodeBlockParser("console", run_console),
        CodeBlockParser("toml", parse_toml),
        CodeBlockParser("json", parse_json),
        CodeBlockParser("sh", check_install),
        UnrunBlockParser(),
    ],
    patterns=["*.md"],
    path=str(DOCS),
)


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A temporary working directory with ``examples/`` linked in."""
    (tmp_path / "examples").symlink_to(EXAMPLES, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def registry_restored():
    """Formats a page registers (the add-a-format how-to) are gone after the page."""
    from citeform.registry import REGISTRY  # noqa: PLC0415 - the registry the pages change

    REGISTRY.formats()  # load the built-ins and plug-ins first, so that they are kept
    saved = dict(REGISTRY._formats), dict(REGISTRY._aliases)
    yield
    REGISTRY._formats, REGISTRY._aliases = saved


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(DOCS)))
@pytest.mark.usefixtures("workdir", "registry_restored")
def test_page_examples_run(page):
    assert_needs_met(page.name, page.read_text(encoding="utf-8"))
    for example in SYBIL.parse(page):
        example.evaluate()


def test_every_page_is_tested():
    assert {"index.md", "tutorial.md", "contributing.md"} <= {page.name for page in PAGES}


def test_console_steps_split_commands_and_output():
    block = "$ citeform formats\ncsl-json ...\n$ echo $?\n0\n"
    assert console_steps(block) == [("citeform formats", "csl-json ...\n"), ("echo $?", "0\n")]


def test_api_reference_lists_every_public_name():
    import citeform  # noqa: PLC0415 - the names to check

    reference = (DOCS / "reference" / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"citeform\.(\w+)", reference))
    undocumented = set(citeform.__all__) - documented - {"__version__"}
    assert not undocumented, f"add to docs/reference/api.md: {sorted(undocumented)}"


def documented_modules() -> list[str]:
    """The modules whose docstrings the API reference shows (those of every autodoc target)."""
    import citeform  # noqa: PLC0415 - the package the reference documents

    reference = (DOCS / "reference" / "api.md").read_text(encoding="utf-8")
    modules = set()
    for target in re.findall(r"\.\. auto\w+:: (citeform[\w.]*)", reference):
        found: object = citeform
        for attribute in target.split(".")[1:]:
            found = getattr(found, attribute, None)
        module = found if isinstance(found, ModuleType) else inspect.getmodule(found)
        if module is not None and module.__name__.startswith("citeform"):
            modules.add(module.__name__)
    return sorted(modules)


@pytest.mark.parametrize("module_name", documented_modules())
def test_docstring_examples_in_the_reference_run(module_name):
    result = doctest.testmod(importlib.import_module(module_name), optionflags=DOCTEST_FLAGS)
    assert result.failed == 0, f"{result.failed} docstring example(s) of {module_name} fail"


README_NEEDS = (
    "# docs-test needs: file:examples/dspace-item-page.txt, format:dspace-page, format:biblatex, "
    "citeform.fill, style:din-iso-690-de"
)
"""What the README's example uses (kept here, so that the README shows no marker line)."""

README_PROMISES = (
    "Eildienst",
    "Städtetag Nordrhein-Westfalen. (o. J.). Fachkonferenz",
    "@article{",
    "Städtetag Nordrhein-Westfalen",
)
"""Output the README's example promises in its comments (the last: the filled Zitierform)."""


@pytest.mark.usefixtures("workdir")
def test_readme_python_example_runs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", readme, re.DOTALL)
    assert_needs_met("README.md", README_NEEDS)
    output = io.StringIO()
    with redirect_stdout(output):
        exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the README's own example
    printed = " ".join(output.getvalue().split())
    for promise in README_PROMISES:
        assert promise in printed, f"the README's example does not print {promise!r}"


def test_cli_reference_has_the_help_of_every_subcommand(monkeypatch):
    monkeypatch.syspath_prepend(str(DOCS / "_ext"))
    from cli_help import help_texts, subcommands  # noqa: PLC0415 - the docs' own extension

    from citeform.cli import build_parser  # noqa: PLC0415 - the parser the extension reads

    parser = build_parser()
    texts = help_texts(parser)
    assert set(texts) == {"citeform"} | {f"citeform {name}" for name in subcommands(parser)}
    assert {"citeform cite", "citeform fill", "citeform convert"} <= set(texts)
    assert all(text.startswith("usage: citeform") for text in texts.values())

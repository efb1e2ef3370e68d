"""citeproc-js, the reference CSL processor, as a long-running Node process.

:class:`CiteprocJs` starts ``citeprocjs_driver.js`` under Node, sends it one JSON request per
line and reads one JSON answer per line; a style is parsed once per (style, locale, format).
citeproc-js 2.4.63 is looked for in ``$CITEFORM_CITEPROC_JS/node_modules`` (default
``~/.cache/citeform-citeproc-js``; ``.ci/run`` installs it there). It reads the CSL locale files
citeproc-py ships, so both processors see the same XML.

>>> reason = unavailable_reason()   # None when Node and citeproc-js are there
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

import attrs
import citeproc

from citeform.conformance.documents import Cluster

VERSION = "2.4.63"
ENVIRONMENT_VARIABLE = "CITEFORM_CITEPROC_JS"
DEFAULT_DIRECTORY = Path.home() / ".cache" / "citeform-citeproc-js"
DRIVER = Path(__file__).parent / "citeprocjs_driver.js"
LOCALES_DIR = Path(citeproc.__file__).parent / "data" / "locales"
JS_FORMATS = ("text", "html", "rtf")


class CiteprocJsError(RuntimeError):
    """citeproc-js is missing, or it failed on a request (the message says which)."""


def install_directory() -> Path:
    """Where citeproc-js is installed: ``$CITEFORM_CITEPROC_JS`` or the default cache."""
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    return Path(configured) if configured else DEFAULT_DIRECTORY


def unavailable_reason() -> str | None:
    """Why citeproc-js cannot run here (Node or the package missing, other version), or None."""
    if shutil.which("node") is None:
        return "node is not on PATH"
    package = install_directory() / "node_modules" / "citeproc" / "package.json"
    if not package.is_file():
        return (
            f"citeproc-js is not installed in {package.parents[2]} "
            f"(npm install --prefix {package.parents[2]} citeproc@{VERSION}, "
            f"or set {ENVIRONMENT_VARIABLE})"
        )
    version = json.loads(package.read_text(encoding="utf-8")).get("version")
    if version != VERSION:
        return f"{package}: citeproc-js {version}, not {VERSION}"
    return None


@attrs.frozen
class Target:
    """What citeproc-js renders with: a style file, a forced locale, an output format."""

    style: Path
    locale: str
    output_format: str = attrs.field(default="text")

    @output_format.validator
    def _known(self, _attribute: object, value: str) -> None:
        if value not in JS_FORMATS:
            msg = f"citeproc-js has no output format {value!r} ({', '.join(JS_FORMATS)})"
            raise ValueError(msg)

    def payload(
        self, op: str, items: Sequence[Mapping[str, Any]], *, timed: bool
    ) -> dict[str, Any]:
        """The driver request *op* of *items* in this style, locale and format."""
        return {
            "op": op,
            "style": str(self.style),
            "locale": self.locale,
            "format": self.output_format,
            "items": list(items),
            "timed": timed,
        }


@attrs.frozen
class Rendered:
    """citeproc-js' answer: cluster texts (documents), bibliography entries, render time."""

    citations: tuple[str, ...] = ()
    entries: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    """Bibliography order; also ids of items that render to nothing (then more than entries)."""
    ms: float | None = None


class CiteprocJs:
    """A citeproc-js process; use it as a context manager (``with CiteprocJs() as js: …``)."""

    def __init__(self, locales_dir: Path = LOCALES_DIR) -> None:
        """Start Node with the driver; raise :class:`CiteprocJsError` where it cannot run."""
        reason = unavailable_reason()
        if reason is not None:
            raise CiteprocJsError(reason)
        environment = {**os.environ, "NODE_PATH": str(install_directory() / "node_modules")}
        self._process = subprocess.Popen(  # noqa: S603 - a fixed command, no shell
            ["node", str(DRIVER), str(locales_dir)],  # noqa: S607 - node is looked up on PATH
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=environment,
            text=True,
            encoding="utf-8",
        )

    def __enter__(self) -> Self:
        """The running process."""
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Stop the process."""
        self.close()

    def close(self) -> None:
        """Ask the driver to quit and wait for it (kill it after 10 seconds)."""
        if self._process.poll() is not None:
            return
        try:
            self._pipe("stdin").write('{"op": "quit"}\n')
            self._pipe("stdin").close()
            self._process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait()
        finally:
            self._pipe("stdout").close()

    def _pipe(self, name: str) -> IO[str]:
        pipe: IO[str] | None = getattr(self._process, name)
        if pipe is None:  # pragma: no cover - both pipes are requested in __init__
            raise CiteprocJsError(f"citeproc-js driver has no {name}")
        return pipe

    def request(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """Send one request; its answer, or :class:`CiteprocJsError` with the driver's error."""
        self._pipe("stdin").write(json.dumps(payload, ensure_ascii=False) + "\n")
        self._pipe("stdin").flush()
        line = self._pipe("stdout").readline()
        if not line:
            raise CiteprocJsError(f"citeproc-js driver ended (exit status {self._process.poll()})")
        answer: dict[str, Any] = json.loads(line)
        if "error" in answer:
            raise CiteprocJsError(f"citeproc-js on {payload.get('style')}: {answer['error']}")
        return answer

    def version(self) -> str:
        """The citeproc-js version the driver loaded."""
        return str(self.request({"op": "version"})["version"])

    def compile_ms(self, target: Target) -> float:
        """Milliseconds citeproc-js takes to parse the style and locale of *target* anew."""
        return float(self.request(target.payload("compile", (), timed=True))["ms"])

    def bibliography(
        self, target: Target, items: Sequence[Mapping[str, Any]], *, timed: bool = False
    ) -> Rendered:
        """The bibliography of *items* (all registered, in order), entries trimmed."""
        return _rendered(self.request(target.payload("bibliography", items, timed=timed)))

    def document(
        self,
        target: Target,
        items: Sequence[Mapping[str, Any]],
        clusters: Sequence[Cluster],
        *,
        timed: bool = False,
        batch: bool = False,
    ) -> Rendered:
        """*clusters* through ``processCitationCluster`` in document order, and the bibliography.

        With *batch*, through ``rebuildProcessorState`` (all items registered first): faster,
        for timing; its disambiguation can differ.
        """
        payload = target.payload("document", items, timed=timed)
        payload["clusters"] = [cluster.to_json() for cluster in clusters]
        payload["batch"] = batch
        return _rendered(self.request(payload))


def _rendered(answer: Mapping[str, Any]) -> Rendered:
    return Rendered(
        citations=tuple(answer.get("citations", ())),
        entries=tuple(answer.get("entries", ())),
        ids=tuple(answer.get("ids", ())),
        ms=answer.get("ms"),
    )

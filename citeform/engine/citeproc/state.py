"""Render state of one engine call, kept outside the shared style tree.

citeproc-py keeps per-render state on element proxies (``layout.repressed``). citeform's
own overrides keep theirs here instead: one :class:`RenderState` per entry being rendered,
reachable through a context variable, so two calls never see each other's state.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import attrs


@attrs.define
class RenderState:
    """What the overrides remember while one bibliography or citation is rendered."""

    entry_active: bool = False
    """Whether a bibliography entry is being rendered (not a sort key, not a cite)."""
    sorting: bool = False
    """Whether sort keys are being rendered."""
    previous_names: dict[str, Any] = attrs.field(factory=dict)
    """The previous entry's first name list (``subsequent-author-substitute``)."""
    current_names: dict[str, Any] = attrs.field(factory=dict)
    """The current entry's first name list."""
    entry_started: bool = False
    """Whether the current entry has produced output yet."""
    first_names_done: bool = False
    """Whether the current entry's first ``cs:names`` has rendered."""
    names_depth: int = 0
    """How many ``cs:names`` are being rendered inside each other."""
    substitute_names: list[Any] = attrs.field(factory=list)
    """The ``cs:names`` whose substitutes are being tried, innermost last."""
    collecting: list[set[str]] = attrs.field(factory=list)
    """Variables rendered by the substitute children being tried, innermost last."""
    substituted: dict[str, set[str]] = attrs.field(factory=dict)
    """Per item being rendered (by its key): variables a substitute rendered."""
    year_suffix_shown: bool = False
    """Whether the current entry has printed its implicit year-suffix (after its first year)."""
    variables_called: int = 0
    """How many variables rendering elements have tried (for group suppression)."""
    variables_rendered: int = 0
    """How many of those gave output."""

    def suppress(self, item: Any, variables: set[str]) -> None:
        """Render *variables* of *item* as empty until :meth:`restore` (conditions see them)."""
        keys = variables | {variable.replace("-", "_") for variable in variables}
        self.substituted.setdefault(item.key, set()).update(keys)

    def suppressed(self, item: Any) -> set[str]:
        """The variables of *item* rendered as empty."""
        return self.substituted.get(item.key, set()) if self.substituted else set()

    def restore(self) -> None:
        """Forget every suppression (one entry, sort key or cite is done)."""
        self.substituted = {}

    def next_entry(self) -> None:
        """End the current entry; remember its first names as the previous ones."""
        self.restore()
        if self.first_names_done or self.current_names:
            self.previous_names = self.current_names
        self.current_names = {}
        self.first_names_done = False
        self.entry_started = False
        self.year_suffix_shown = False


def has_output(text: object) -> bool:
    """Whether rendered *text* is there and not empty (without joining its segments)."""
    if text is None:
        return False
    if isinstance(text, list):  # a MixedString: its segments
        return any(str(segment) for segment in text)
    return bool(str(text)) if not isinstance(text, str) else bool(text)


_STATE: ContextVar[RenderState | None] = ContextVar("citeform_render_state", default=None)


def current() -> RenderState:
    """The state of the call being rendered (a fresh one outside any call)."""
    state = _STATE.get()
    return state if state is not None else RenderState()


@contextmanager
def rendering() -> Iterator[RenderState]:
    """Give the calls inside a fresh :class:`RenderState`."""
    token = _STATE.set(RenderState())
    try:
        yield _STATE.get() or RenderState()
    finally:
        _STATE.reset(token)

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

    substituted: set[str] = attrs.field(factory=set)
    """Variables already rendered by a ``cs:substitute`` in the current entry."""
    previous_names: dict[str, Any] = attrs.field(factory=dict)
    """Per ``cs:names`` variable list: the names of the previous entry (for substitution)."""
    current_names: dict[str, Any] = attrs.field(factory=dict)
    """Per ``cs:names`` variable list: the names rendered in the current entry."""
    extra: dict[str, Any] = attrs.field(factory=dict)
    """Room for further override modules (keyed by module)."""

    def next_entry(self) -> None:
        """Forget the current entry's state; remember its names as the previous ones."""
        self.substituted = set()
        self.previous_names = self.current_names
        self.current_names = {}


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

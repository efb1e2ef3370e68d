"""What the csl engine's unit tests share: locales (built once per session) and a renderer of
bibliographies of a style written in the test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from citeform.engine.csl.engine import CslEngine
from citeform.engine.csl.locale import Locale, build_locale


@pytest.fixture(scope="session")
def en() -> Locale:
    return build_locale("en-US")


@pytest.fixture(scope="session")
def de() -> Locale:
    return build_locale("de-DE")


@pytest.fixture(scope="session")
def fr() -> Locale:
    return build_locale("fr-FR")


@pytest.fixture
def render_template(tmp_path: Path) -> Any:
    """A renderer for a style *template*: its ``{layout}`` and the other slots (*defaults*) filled
    in per call, the entries as text in the items' order, or (*ordered*) in the bibliography's."""

    def renderer(template: str, **defaults: str) -> Any:
        def run(
            layout: str,
            items: list[dict[str, Any]],
            *,
            lang: str = "en-US",
            ordered: bool = False,
            **slots: str,
        ) -> list[str | None]:
            path = tmp_path / f"style{len(list(tmp_path.iterdir()))}.csl"
            path.write_text(template.format_map({**defaults, **slots, "layout": layout}), "utf-8")
            entries = CslEngine(path, lang, "text").bibliography(items)
            if not ordered:
                entries = sorted(entries, key=lambda entry: entry.index)
            return [entry.text for entry in entries]

        return run

    return renderer

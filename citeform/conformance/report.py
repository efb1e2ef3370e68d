"""Figures from a conformance run: tables for people, a flat dict for JSON and baselines."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from citeform.conformance.agreement import KINDS, Agreement
from citeform.conformance.suite import FixtureResult

Figures = dict[str, float]


def suite_figures(results: Sequence[FixtureResult]) -> Figures:
    """Pass rates: ``suite.simple``/``suite.full`` overall and ``suite.<count>.<group>``."""
    figures: Figures = {}
    groups: dict[str, list[FixtureResult]] = defaultdict(list)
    for result in results:
        groups[result.group].append(result)
    for count in ("simple", "full"):
        figures[f"suite.{count}"] = _rate(getattr(r, count).passed for r in results)
        for group, members in sorted(groups.items()):
            figures[f"suite.{count}.{group}"] = _rate(getattr(r, count).passed for r in members)
    return figures


def agreement_figures(agreements: Sequence[Agreement], part: str = "agreement") -> Figures:
    """Agreement per pair (``<part>.<kind>.<style>.<locale>``) and overall (``<part>.<kind>``)."""
    figures: Figures = {}
    for kind in KINDS:
        pairs = [a for a in agreements if a.kind == kind]
        if not pairs:
            continue
        total = sum(a.total for a in pairs)
        figures[f"{part}.{kind}"] = sum(a.matches for a in pairs) / total if total else 1.0
        for pair in pairs:
            figures[f"{part}.{kind}.{pair.style}.{pair.locale}"] = pair.rate
    return figures


def engine_baseline(baseline: Mapping[str, Any], engine: str) -> Mapping[str, float] | None:
    """The minimum figures *baseline* sets for *engine* (``None`` if it sets none).

    A baseline is either flat (figure name to minimum, for any engine) or holds one such
    mapping per engine name (``{"csl": {"suite.full": 0.83}}``).
    """
    sections = {name: value for name, value in baseline.items() if isinstance(value, Mapping)}
    if not sections:
        return baseline
    return sections.get(engine)


def below_baseline(
    figures: Mapping[str, float],
    baseline: Mapping[str, float],
    measured: Iterable[str] = ("suite", "agreement"),
) -> list[str]:
    """One line per baseline figure not reached (a missing figure is not reached).

    Only figures of the *measured* parts (``suite``, ``agreement``, ``citations``) are checked.
    """
    parts = set(measured)
    return [
        f"{name}: {figures.get(name, float('nan')):.4f} < baseline {minimum:.4f}"
        for name, minimum in sorted(baseline.items())
        if name.split(".", 1)[0] in parts and not figures.get(name, -1.0) >= minimum
    ]


def suite_table(results: Sequence[FixtureResult]) -> str:
    """Passed fixtures by group under both counts, biggest groups first."""
    groups: dict[str, list[FixtureResult]] = defaultdict(list)
    for result in results:
        groups[result.group].append(result)
    lines = [f"{'group':<16}{'fixtures':>9}{'simple':>9}{'full':>9}"]
    for group, members in sorted(groups.items(), key=lambda pair: (-len(pair[1]), pair[0])):
        simple = sum(r.simple.passed for r in members)
        full = sum(r.full.passed for r in members)
        lines.append(f"{group:<16}{len(members):>9}{simple:>9}{full:>9}")
    simple = sum(r.simple.passed for r in results)
    full = sum(r.full.passed for r in results)
    total = len(results)
    lines.append(f"{'all':<16}{total:>9}{simple:>9}{full:>9}")
    lines.append(
        f"CSL test suite: {simple}/{total} = {_percent(simple, total)} "
        "(simple API, the README's count); "
        f"{full}/{total} = {_percent(full, total)} (full citation API)"
    )
    crashes = Counter(
        (r.full.error or "").split(":", 1)[0] for r in results if r.full.error is not None
    )
    if crashes:
        kinds = ", ".join(f"{kind} {count}" for kind, count in crashes.most_common())
        lines.append(f"full API errors (crashes, timeouts) by kind: {kinds}")
    return "\n".join(lines)


def agreement_table(agreements: Sequence[Agreement]) -> str:
    """Agreement per style and locale in each kind, and overall."""
    lines = [f"{'style':<38}{'locale':<8}{'kind':<6}{'agree':>12}{'rate':>8}  order"]
    for pair in agreements:
        note = f"  {pair.error}" if pair.error else ""
        lines.append(
            f"{pair.style:<38}{pair.locale:<8}{pair.kind:<6}{pair.matches:>6}/{pair.total:<5}"
            f"{_percent(pair.matches, pair.total):>8}  "
            f"{'same' if pair.in_order else 'differs'}{note}"
        )
    for kind in KINDS:
        pairs = [a for a in agreements if a.kind == kind]
        matches, total = sum(a.matches for a in pairs), sum(a.total for a in pairs)
        if pairs:
            lines.append(f"overall {kind}: {matches}/{total} = {_percent(matches, total)}")
    return "\n".join(lines)


def failure_report(results: Iterable[FixtureResult], count: str) -> str:
    """Expected and produced output of each fixture failed under *count* (simple or full)."""
    blocks = []
    for result in results:
        outcome = getattr(result, count)
        if outcome.passed:
            continue
        got = outcome.error or outcome.output
        blocks.append(f"=== {result.name}\n--- expected\n{result.expected}\n--- got\n{got}")
    return "\n".join(blocks)


def disagreement_report(agreements: Iterable[Agreement]) -> str:
    """Per style, locale and kind: reference entries not produced and produced ones not in it."""
    blocks = []
    for pair in agreements:
        if not (pair.missing or pair.surplus or pair.error):
            continue
        lines = [f"=== {pair.style} {pair.locale} {pair.kind}"]
        if pair.error:
            lines.append(f"error: {pair.error}")
        lines += [f"- {entry}" for entry in pair.missing]
        lines += [f"+ {entry}" for entry in pair.surplus]
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def _rate(passed: Iterable[bool]) -> float:
    flags = list(passed)
    return sum(flags) / len(flags) if flags else 0.0


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"

"""Build the held-out CSL-JSON items: none of them is in the development set's ``items.json``.

Usage: ``python benchmarks/heldout/build_items.py OUT.json [--seed N]``

Sources (read in place from ``<repo>/../shared/corpus``; the output goes outside the repo):

- ``handwritten.json`` beside this script (German records, corporate authors, particles,
  missing dates, editors, translators, theses, reports, webpages, chapters, a dataset);
- Citation.js' BibTeX mapping fixtures (``citationjs-plugin-bibtex/mapping/*-csl.json``) and
  three items of its ``output.json``;
- entries of ``pybtex-tests/xampl.bib`` and ``tugboat.bib`` read with ``citeform.read(...,
  format="bibtex")``, drawn with a fixed seed.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

import citeform
from citeform.vocab import NAME_VARIABLES

HERE = Path(__file__).parent
CORPUS = Path(__file__).parents[2] / ".." / "shared" / "corpus"
HANDWRITTEN = HERE / "handwritten.json"
DEFAULT_SEED = 20261128

# (file under CORPUS, how many entries to draw; None = all), read as CSL-JSON lists
CSL_SOURCES = (
    ("citationjs-plugin-bibtex/mapping/biblatex-csl.json", None),
    ("citationjs-plugin-bibtex/mapping/bibtex-csl.json", 8),
)
# the items of Citation.js' output.json that are whole records: (group, name)
CITATIONJS_OUTPUT = (("bibtex", "plain text"), ("bibtex", "list with and"), ("bibtex", "editor"))
BIBTEX_SOURCES = (("pybtex-tests/xampl.bib", 14), ("pybtex-tests/tugboat.bib", 30))


def _draw(items: list[dict[str, Any]], count: int | None, rng: random.Random) -> list[Any]:
    """*count* items of *items* in file order (all when *count* is None)."""
    if count is None or count >= len(items):
        return items
    chosen = sorted(rng.sample(range(len(items)), count))
    return [items[index] for index in chosen]


def _clean(item: dict[str, Any], prefix: str, number: int) -> dict[str, Any]:
    """*item* under a prefixed id, without what is no CSL: citeform's ``custom`` bag and the
    ``_ordinal`` Citation.js' fixtures leave in names."""
    cleaned = {
        key: [_clean_name(name) for name in value] if key in NAME_VARIABLES else value
        for key, value in item.items()
        if key != "custom"
    }
    cleaned["id"] = f"{prefix}-{item.get('id') or number}"
    return cleaned


def _clean_name(name: dict[str, Any]) -> dict[str, Any]:
    """A CSL-JSON name without the private parts (keys starting with ``_``) of a tool."""
    return {part: value for part, value in name.items() if not part.startswith("_")}


def build(seed: int = DEFAULT_SEED) -> list[dict[str, Any]]:
    """The held-out items, deterministically for *seed*."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible draw, no secret
    items = [dict(item) for item in json.loads(HANDWRITTEN.read_text(encoding="utf-8"))]
    for name, count in CSL_SOURCES:
        source = json.loads((CORPUS / name).read_text(encoding="utf-8"))
        prefix = "cjs-" + Path(name).stem.removesuffix("-csl")
        items += [_clean(item, prefix, n) for n, item in enumerate(_draw(source, count, rng))]
    output = json.loads((CORPUS / "citationjs-plugin-bibtex/output.json").read_text("utf-8"))
    for number, (group, name) in enumerate(CITATIONJS_OUTPUT):
        items.append(_clean(output[group][name][0][0], "cjs-out", number))
    for name, count in BIBTEX_SOURCES:
        records = citeform.read(CORPUS / name, format="bibtex")
        source = [record.to_csl() for record in records]
        prefix = Path(name).stem
        items += [_clean(item, prefix, n) for n, item in enumerate(_draw(source, count, rng))]
    return items


def main() -> None:
    """Write the held-out items as a JSON array."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    items = build(args.seed)
    args.out.write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(items)} items -> {args.out}")


if __name__ == "__main__":
    main()

"""Generate diverse CSL-JSON items for tuning the engine, apart from the held-out items.

Usage: ``python benchmarks/heldout/tuning_items.py OUT.json [--count N] [--seed S]``

The held-out items (``build_items.py``) must stay unseen while the engine is tuned; these
items are made up from small pools instead: every CSL type, names in Latin (with particles
and suffixes), Chinese, Japanese, Korean, Arabic, Cyrillic, Greek and Hebrew script,
institutions, titles in English, French, German and Russian with markup and quotes, dates
with seasons, ranges, circa and literals or none, page ranges of several shapes, editions,
volumes, legal and web fields. Measure with them as ``measure.py`` does with its items:
put the file as ``items.json`` in a fresh output directory and pass a seed other than the
held-out one.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

TYPES = (
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "dataset", "entry", "entry-dictionary", "entry-encyclopedia",
    "figure", "graphic", "interview", "legal_case", "legislation", "manuscript", "map",
    "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent",
    "personal_communication", "post", "post-weblog", "report", "review", "review-book",
    "song", "speech", "thesis", "treaty", "webpage",
)  # fmt: skip
PERSONS: tuple[dict[str, Any], ...] = (
    {"family": "Okonkwo", "given": "Chidi A."},
    {"family": "Berg", "given": "Anneke", "non-dropping-particle": "van den"},
    {"family": "Gaulle", "given": "Charles", "non-dropping-particle": "de"},
    {"family": "Humboldt", "given": "Alexander", "dropping-particle": "von"},
    {"family": "Alembert", "given": "Jean", "non-dropping-particle": "d’"},  # noqa: RUF001
    {"family": "Saud", "given": "Faisal", "non-dropping-particle": "al-"},
    {"family": "King", "given": "Martin Luther", "suffix": "Jr.", "comma-suffix": True},
    {"family": "Müller-Lüdenscheidt", "given": "Hans-Jürgen"},
    {"family": "Ó Briain", "given": "Siobhán"},
    {"family": "García Márquez", "given": "Gabriel José"},
    {"family": "Nguyễn", "given": "Thị Minh Khai"},
    {"family": "王", "given": "小明"},
    {"family": "林", "given": "行众"},
    {"family": "山田", "given": "太郎"},
    {"family": "김", "given": "민준"},
    {"family": "الخوارزمي", "given": "محمد بن موسى"},
    {"family": "Ibn Khaldun", "given": "Abd al-Rahman"},
    {"family": "Достоевский", "given": "Фёдор Михайлович"},
    {"family": "Ахматова", "given": "Анна"},
    {"family": "Παπαδόπουλος", "given": "Γιώργος"},
    {"family": "כהן", "given": "דוד"},
    {"family": "Smith", "given": "J. R. R."},
    {"family": "Lee", "given": "Ann-Marie"},
    {"family": "Doe"},
    {"literal": "Plato"},
)
INSTITUTIONS = (
    "Deutsche Forschungsgemeinschaft",
    "World Health Organization",
    "Université de Montréal, Faculté de médecine",
    "Российская академия наук",
    "国立国会図書館",
)
TITLES = (
    "On the origin of <i>Homo sapiens</i>: a review",
    "The “quiet” revolution in library catalogues",
    "Über die Grenzen der Erkenntnis: Eine Einführung",
    "L’histoire de la « Belle Époque » et ses mythes",  # noqa: RUF001
    "Война и мир: новые прочтения",
    "A study of CO<sub>2</sub> uptake in the 20th century",
    "Why ‘open access’ matters? Notes on a debate",  # noqa: RUF001
    "Data, models, and the iPhone",
    "中国古代文学史",
    "The Role of the State in the New Economy of Europe and the USA",
)
CONTAINERS = (
    "Journal of Documentation",
    "Zeitschrift für Bibliothekswesen und Bibliographie",
    "Revue française de sociologie",
    "Вопросы философии",
    "Nature",
)
PLACES = ("Berlin", "New York, NY", "Paris", "Москва", "Oxford")
PUBLISHERS = ("Springer", "de Gruyter", "Presses Universitaires de France", "Наука", "OUP")
PAGES = (
    "321-28",
    "3-4",
    "e1002345",
    "S1-S10",
    "xii-xv",
    "101",
    "1000-1011",
    "45\u201347",
    "12, 14-16",
)
NUMBERS = ("2", "12", "3rd", "IV", "2-3", "Suppl. 1")
LANGUAGES = ("en", "de-DE", "fr-FR", "ru", "zh-CN", "ar")


def _date(rng: random.Random) -> dict[str, Any] | None:
    """One issued date of a varied shape, or None (no date)."""
    year, month, day = rng.randint(1850, 2025), rng.randint(1, 12), rng.randint(1, 28)
    shapes: tuple[dict[str, Any] | None, ...] = (
        None,
        {"date-parts": [[year, month, day]]},
        {"date-parts": [[year, month]]},
        {"date-parts": [[year]], "season": rng.randint(1, 4)},
        {"date-parts": [[year, rng.randint(13, 16)]]},
        {"date-parts": [[year], [year + rng.randint(1, 3)]]},
        {"date-parts": [[year, 3], [year, 5]]},
        {"date-parts": [[year]], "circa": True},
        {"literal": f"ca. {year // 10 * 10}er Jahre"},
    )
    return rng.choice(shapes)


def _names(rng: random.Random, most: int) -> list[dict[str, Any]]:
    """One to *most* names, sometimes an institution."""
    if rng.random() < 0.15:
        return [{"literal": rng.choice(INSTITUTIONS)}]
    return [dict(name) for name in rng.sample(PERSONS, rng.randint(1, most))]


def item(number: int, rng: random.Random) -> dict[str, Any]:
    """One made-up item of a random type with a random selection of fields."""
    kind = TYPES[number % len(TYPES)]
    made: dict[str, Any] = {"id": f"tune-{number}", "type": kind, "title": rng.choice(TITLES)}
    if rng.random() < 0.9:
        made["author"] = _names(rng, rng.choice((1, 2, 3, 8)))
    if rng.random() < 0.3:
        made["editor"] = _names(rng, 3)
    if rng.random() < 0.15:
        made["translator"] = _names(rng, 1)
    if (issued := _date(rng)) is not None:
        made["issued"] = issued
    optional: dict[str, Any] = {
        "container-title": rng.choice(CONTAINERS),
        "volume": rng.choice(NUMBERS),
        "issue": rng.choice(NUMBERS),
        "page": rng.choice(PAGES),
        "publisher": rng.choice(PUBLISHERS),
        "publisher-place": rng.choice(PLACES),
        "edition": rng.choice(("2", "3rd", "revised")),
        "DOI": f"10.{rng.randint(1000, 9999)}/abc.{number}",
        "URL": f"https://example.org/items/{number}?q=a&b=c",
        "accessed": {"date-parts": [[2024, rng.randint(1, 12), rng.randint(1, 28)]]},
        "language": rng.choice(LANGUAGES),
        "number": str(rng.randint(1, 999)),
        "genre": rng.choice(("PhD thesis", "Dissertation", "Technical report")),
        "collection-title": "Studies in Documentation",
        "collection-number": str(rng.randint(1, 80)),
        "number-of-pages": str(rng.randint(80, 900)),
        "authority": rng.choice(("Bundesgerichtshof", "Supreme Court", "Conseil d'État")),
        "section": str(rng.randint(1, 30)),
        "title-short": "Short title",
        "abstract": "An abstract that no style prints.",
        "note": "A note.",
    }
    made.update({key: value for key, value in optional.items() if rng.random() < 0.35})
    return made


def build(count: int, seed: int) -> list[dict[str, Any]]:
    """*count* items, deterministically for *seed*."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible draw, no secret
    return [item(number, rng) for number in range(count)]


def main() -> None:
    """Write the tuning items as a JSON array."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=4242)
    args = parser.parse_args()
    items = build(args.count, args.seed)
    args.out.write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(items)} items -> {args.out}")


if __name__ == "__main__":
    main()

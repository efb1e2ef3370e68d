"""DSpace readers' speed: the same items as item pages, REST JSON, dim and oai_dc.

Builds N copies of one journal article in each shape (in memory), reads each with
its citeform reader and prints records per second, and each reader's speed as a
ratio of citeform's CSL-JSON reader reading the resulting records, measured in the
same run. Not a test: timings depend on the machine.

    python benchmarks/dspace_readers_benchmark.py [--records N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from functools import partial

from timing import best_time

from citeform.io import read, write

FIELDS = (
    ("dc.title", "Fachkonferenz zur Arbeitsmarktintegration - Beispiele aus Städten."),
    ("dc.contributor.author", "Müller, Hans"),
    ("dc.contributor.author", "von Berg, Eva"),
    ("dc.date.issued", "2017-02"),
    ("dc.relation.ispartof", "Eildienst"),
    ("oaire.citation.issue", "Nr. 2"),
    ("dc.publisher", "Städtetag Nordrhein-Westfalen"),
    ("dc.language.iso", "de"),
    ("dc.subject", "Integration"),
    ("dc.rights", "CC BY 4.0"),
)
LABELS = {
    "dc.contributor.author": "Autor:innen", "dc.date.issued": "Datum",
    "dc.relation.ispartof": "Zeitschrift", "oaire.citation.issue": "Ausgabe",
    "dc.publisher": "Verlag", "dc.language.iso": "Sprache", "dc.subject": "Schlagwörter",
    "dc.rights": "item.page.dc-rights",
}  # fmt: skip


def rest_v7(count: int) -> str:
    metadata: dict[str, list[dict[str, object]]] = {}
    for key, value in FIELDS:
        metadata.setdefault(key, []).append({"value": value, "place": len(metadata.get(key, []))})
    items = [{"uuid": f"u{i}", "type": "item", "metadata": metadata} for i in range(count)]
    return json.dumps(items)


def dim(count: int) -> str:
    def field(key: str, value: str) -> str:
        schema, element, *qualifier = key.split(".")
        extra = f' qualifier="{qualifier[0]}"' if qualifier else ""
        return f'<dim:field mdschema="{schema}" element="{element}"{extra}>{value}</dim:field>'

    record = (
        "<record><header><identifier>oai:x:{i}</identifier></header><metadata>"
        '<dim:dim xmlns:dim="http://www.dspace.org/xmlns/dspace/dim">'
        + "".join(field(key, value) for key, value in FIELDS)
        + "</dim:dim></metadata></record>"
    )
    records = "".join(record.replace("{i}", str(i)) for i in range(count))
    return f'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>{records}</ListRecords></OAI-PMH>'


def oai_dc(count: int) -> str:
    names = {"dc.contributor.author": "creator", "dc.date.issued": "date", "dc.title": "title",
             "dc.publisher": "publisher", "dc.language.iso": "language", "dc.subject": "subject",
             "dc.rights": "rights"}  # fmt: skip
    elements = "".join(
        f"<dc:{names[key]}>{value}</dc:{names[key]}>" for key, value in FIELDS if key in names
    )
    record = (
        "<record><header><identifier>oai:x:{i}</identifier></header><metadata>"
        '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/">{elements}</oai_dc:dc></metadata></record>'
    )
    records = "".join(record.replace("{i}", str(i)) for i in range(count))
    return f'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>{records}</ListRecords></OAI-PMH>'


def page() -> str:
    (_, title), *rest = FIELDS
    lines = [title, "", "Lade..."]
    for key, value in rest:
        lines += [LABELS[key], value]
    return "\n".join(lines)


def main() -> None:
    """Time every DSpace reader against the CSL-JSON reader on the same records."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    count = args.records
    page_text = page()
    inputs: dict[str, Callable[[], object]] = {
        "dspace-json": partial(read, rest_v7(count), "dspace-json"),
        "dim": partial(read, dim(count), "dim"),
        "oai-dc": partial(read, oai_dc(count), "oai-dc"),
        "dspace-page": lambda: [read(page_text, "dspace-page") for _ in range(count)],
    }
    baseline_text = write(read(rest_v7(count), "dspace-json"), "csl-json")
    baseline = best_time(lambda: read(baseline_text, "csl-json"), args.repeat)
    print(f"{count} records; csl-json baseline {count / baseline:,.0f} records/s")
    for name, step in inputs.items():
        seconds = best_time(step, args.repeat)
        print(f"{name:12} {count / seconds:10,.0f} records/s  {baseline / seconds:5.2f} x csl-json")


if __name__ == "__main__":
    main()

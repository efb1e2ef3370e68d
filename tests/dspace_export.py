"""DSpace metadata export CSVs, generated: several collections, languages and multi-values."""

import csv
import io
import uuid

COLLECTIONS = ("123456789/2", "123456789/3", "123456789/7||123456789/9")
LANGUAGES = ("de", "en", "")
HEADER = (
    "id",
    "collection",
    "dc.contributor.author",
    "dc.date.issued",
    "dc.identifier.citation[de]",
    "dc.identifier.uri",
    "dc.language.iso",
    "dc.subject[de]",
    "dc.title[de]",
    "dc.title[en]",
    "dc.type[]",
    "local.note.internal",
    "dc.date.accessioned",
)


def item_uuid(number):
    """A stable UUID for item *number*."""
    return str(uuid.UUID(int=number + 1, version=4))


def export_rows(count, *, filled_every=5):
    """*count* items as export rows; every *filled_every*-th already has a Zitierform."""
    for number in range(count):
        language = LANGUAGES[number % len(LANGUAGES)]
        title = f'Titel {number}: "Stadt", Land' if language != "en" else f"Title {number}, &c"
        yield {
            "id": item_uuid(number),
            "collection": COLLECTIONS[number % len(COLLECTIONS)],
            "dc.contributor.author": f"Muster, Max::rp{number:05d}::600||Beispiel, Eva {number}"
            if number % 2
            else "Muster, Max",
            "dc.date.issued": str(1990 + number % 30),
            "dc.identifier.citation[de]": f"Alt {number}." if number % filled_every == 0 else "",
            "dc.identifier.uri": f"http://hdl.handle.net/123456789/{1000 + number}",
            "dc.language.iso": language or "de",
            "dc.subject[de]": "Stadt||Land||Verkehr" if number % 3 else "",
            "dc.title[de]": title if language != "en" else "",
            "dc.title[en]": title if language == "en" else "",
            "dc.type[]": ("Book", "Article", "Working Paper")[number % 3],
            "local.note.internal": f"intern {number}" if number % 4 == 0 else "",
            "dc.date.accessioned": "2020-01-01T00:00:00Z",
        }


def export_csv(count, **options):
    """The text of a metadata export of *count* generated items."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, HEADER, lineterminator="\n")
    writer.writeheader()
    writer.writerows(export_rows(count, **options))
    return buffer.getvalue()

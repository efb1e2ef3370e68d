"""Language codes and names to BCP 47 ("DE", "ger", "deu", "de_DE", "Deutsch" -> "de")."""

from __future__ import annotations

import re

from citeproc import PRIMARY_DIALECTS

from citeform.parsing.text import nfc, squash

LANGUAGES: dict[str, str] = {
    # ISO 639-2 (bibliographic and terminology codes) for the languages repositories meet most
    "ger": "de", "deu": "de", "eng": "en", "fre": "fr", "fra": "fr", "ita": "it", "spa": "es",
    "por": "pt", "dut": "nl", "nld": "nl", "pol": "pl", "cze": "cs", "ces": "cs", "rus": "ru",
    "swe": "sv", "dan": "da", "nor": "no", "fin": "fi", "hun": "hu", "tur": "tr", "gre": "el",
    "ell": "el", "lat": "la", "cat": "ca", "chi": "zh", "zho": "zh", "jpn": "ja", "ara": "ar",
    "ukr": "uk", "slv": "sl", "hrv": "hr", "scr": "hr", "srp": "sr", "scc": "sr", "bul": "bg",
    "slo": "sk", "slk": "sk", "rum": "ro", "ron": "ro", "lit": "lt", "lav": "lv", "est": "et",
    "ice": "is", "isl": "is", "heb": "he", "per": "fa", "fas": "fa", "hin": "hi", "kor": "ko",
    "vie": "vi", "tha": "th", "ind": "id", "may": "ms", "msa": "ms", "arm": "hy", "hye": "hy",
    "wel": "cy", "cym": "cy", "baq": "eu", "eus": "eu", "glg": "gl", "afr": "af", "mon": "mn",
    "khm": "km", "nob": "nb", "nno": "nn", "tgl": "tl", "fil": "tl",
    # language names in German and English
    "deutsch": "de", "german": "de", "englisch": "en", "english": "en", "französisch": "fr",
    "french": "fr", "italienisch": "it", "italian": "it", "spanisch": "es", "spanish": "es",
    "niederländisch": "nl", "dutch": "nl", "polnisch": "pl", "polish": "pl", "finnish": "fi",
    "finnisch": "fi", "russisch": "ru", "russian": "ru", "latein": "la", "latin": "la",
}  # fmt: skip
"""Three-letter codes and language names that map to a BCP 47 primary language tag.

The ISO 639-2/3 codes cover every language with a CSL locale; ``nor`` stays ``no``
(Bokmål and Nynorsk have locales of their own, ``nob`` and ``nno``).
"""

UNDETERMINED = frozenset({"other", "und", "zxx", "mul", "n/a", "sonstige", "unknown"})
"""Values that name no single language: they give no ``language``."""

_TAG = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}))?$", re.IGNORECASE)


def to_bcp47(text: str, *, keep_region: bool = False) -> str | None:
    """Return the BCP 47 tag of a language code or name, or ``None`` when it names none.

    "DE", "ger", "deu", "Deutsch" and "de_DE" all give "de"; with *keep_region* a region
    is kept ("de_CH" -> "de-CH"). DSpace's submission default "en_US" is why the region
    is dropped by default.
    """
    value = nfc(squash(text)).lower()
    if not value or value in UNDETERMINED:
        return None
    if value in LANGUAGES:
        return LANGUAGES[value]
    match = _TAG.match(value)
    if not match:
        return None
    primary = LANGUAGES.get(match.group(1), match.group(1))
    if len(primary) == 3:
        return None
    region = match.group(2)
    return f"{primary}-{region.upper()}" if region and keep_region else primary


def record_language(text: str) -> str | None:
    """The BCP 47 tag of a record's language, keeping a region unless it is the usual one.

    "pt_BR" gives "pt-BR" and "en_GB" "en-GB", while "en_US" (DSpace's submission default)
    and "de_DE" give "en" and "de": a language's usual region (its primary CSL dialect)
    says nothing more than the language, so a style's own locale for it can still apply.
    """
    tag = to_bcp47(text, keep_region=True)
    if tag is None or "-" not in tag:
        return tag
    primary = tag.split("-")[0]
    return primary if PRIMARY_DIALECTS.get(primary) == tag else tag

"""biblatex ``langid`` / babel language names <-> BCP 47 tags, as data."""

from __future__ import annotations

from typing import Final

BABEL_TO_BCP47: Final[dict[str, str]] = {
    "ngerman": "de-DE", "german": "de-DE", "naustrian": "de-AT", "austrian": "de-AT",
    "nswissgerman": "de-CH", "swissgerman": "de-CH", "english": "en", "american": "en-US",
    "USenglish": "en-US", "british": "en-GB", "UKenglish": "en-GB", "canadian": "en-CA",
    "australian": "en-AU", "newzealand": "en-NZ", "french": "fr-FR", "francais": "fr-FR",
    "acadian": "fr-CA", "canadien": "fr-CA", "italian": "it-IT", "spanish": "es-ES",
    "mexican": "es-MX", "portuguese": "pt-PT", "portuges": "pt-PT", "brazil": "pt-BR",
    "brazilian": "pt-BR", "dutch": "nl-NL", "danish": "da-DK", "swedish": "sv-SE",
    "norsk": "nb-NO", "norwegian": "nb-NO", "nynorsk": "nn-NO", "finnish": "fi-FI",
    "icelandic": "is-IS", "polish": "pl-PL", "czech": "cs-CZ", "slovak": "sk-SK",
    "slovene": "sl-SI", "croatian": "hr-HR", "serbian": "sr-RS", "bulgarian": "bg-BG",
    "russian": "ru-RU", "ukrainian": "uk-UA", "greek": "el-GR", "latin": "la",
    "hungarian": "hu-HU", "magyar": "hu-HU", "romanian": "ro-RO", "turkish": "tr-TR",
    "catalan": "ca-ES", "basque": "eu-ES", "galician": "gl-ES", "estonian": "et-EE",
    "latvian": "lv-LV", "lithuanian": "lt-LT", "hebrew": "he-IL", "arabic": "ar",
    "japanese": "ja-JP", "chinese": "zh-CN", "korean": "ko-KR",
}  # fmt: skip
"""babel/polyglossia language names (what biblatex's ``langid`` holds) -> BCP 47."""

BCP47_TO_BABEL: Final[dict[str, str]] = {
    "de": "ngerman", "de-de": "ngerman", "de-at": "naustrian", "de-ch": "nswissgerman",
    "en": "english", "en-us": "american", "en-gb": "british", "en-ca": "canadian",
    "en-au": "australian", "en-nz": "newzealand", "fr": "french", "fr-fr": "french",
    "fr-ca": "acadian", "it": "italian", "es": "spanish", "es-mx": "mexican",
    "pt": "portuguese", "pt-br": "brazilian", "nl": "dutch", "da": "danish",
    "sv": "swedish", "nb": "norsk", "no": "norsk", "nn": "nynorsk", "fi": "finnish",
    "is": "icelandic", "pl": "polish", "cs": "czech", "sk": "slovak", "sl": "slovene",
    "hr": "croatian", "sr": "serbian", "bg": "bulgarian", "ru": "russian",
    "uk": "ukrainian", "el": "greek", "la": "latin", "hu": "magyar", "ro": "romanian",
    "tr": "turkish", "ca": "catalan", "eu": "basque", "gl": "galician", "et": "estonian",
    "lv": "latvian", "lt": "lithuanian", "he": "hebrew", "ar": "arabic", "ja": "japanese",
    "zh": "chinese", "ko": "korean",
}  # fmt: skip
"""Lower-case BCP 47 tag (or its primary subtag) -> babel name for ``langid``."""

CLASSIC_NAMES: Final[dict[str, str]] = {"ngerman": "german", "naustrian": "austrian"}
"""Classic BibTeX ``language`` fields use the old babel names."""


_MODERN_NAMES: Final = {classic: modern for modern, classic in CLASSIC_NAMES.items()}


def to_bcp47(name: str) -> str | None:
    """The BCP 47 tag of a babel name, or ``None``.

    A language's main babel name gives the bare language (``ngerman`` -> ``de``),
    a regional one the region too (``naustrian`` -> ``de-AT``).
    """
    babel = name.strip()
    tag = BABEL_TO_BCP47.get(babel) or BABEL_TO_BCP47.get(babel.lower())
    if tag is None:
        return None
    primary = tag.split("-")[0]
    main = BCP47_TO_BABEL.get(primary, "")
    return primary if babel.lower() in {main.lower(), CLASSIC_NAMES.get(main, main)} else tag


def to_babel(language: str) -> str | None:
    """The babel name for a CSL ``language`` (a BCP 47 tag or already a babel name)."""
    key = language.strip().replace("_", "-").lower()
    if key in BCP47_TO_BABEL:
        return BCP47_TO_BABEL[key]
    name = language.strip()
    if to_bcp47(name) is not None:
        name = name if name in BABEL_TO_BCP47 else name.lower()
        return _MODERN_NAMES.get(name, name)
    return BCP47_TO_BABEL.get(key.split("-")[0])

"""LaTeX <-> Unicode as data: accent macros, symbol macros, escapes, ligatures."""

# ruff: noqa: RUF001 - look-alike characters are what these tables are about

from __future__ import annotations

from typing import Final

ACCENTS: Final[dict[str, str]] = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
    "=": "\u0304", ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b",
    "c": "\u0327", "k": "\u0328", "d": "\u0323", "b": "\u0331", "r": "\u030a",
    "t": "\u0361",
}  # fmt: skip
"""Accent macro -> combining character (``\\"o`` is o + U+0308)."""

COMBINING_TO_ACCENT: Final = {mark: macro for macro, mark in ACCENTS.items()}

SYMBOLS: Final[dict[str, str]] = {
    "ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
    "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
    "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
    "textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’",
    "textquotedblleft": "“", "textquotedblright": "”", "quotedblbase": "„",
    "quotesinglbase": "‚", "guillemotleft": "«", "guillemotright": "»",
    "guilsinglleft": "‹", "guilsinglright": "›", "textellipsis": "…", "ldots": "…",
    "dots": "…", "S": "§", "P": "¶", "textsection": "§", "textparagraph": "¶",
    "copyright": "©", "textcopyright": "©", "textregistered": "®", "texttrademark": "™",
    "pounds": "£", "textsterling": "£", "euro": "€", "texteuro": "€", "textdegree": "°",
    "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^",
    "textunderscore": "_", "textbraceleft": "{", "textbraceright": "}", "textless": "<",
    "textgreater": ">", "textbar": "|", "textdollar": "$", "textperiodcentered": "·",
    "textexclamdown": "¡", "textquestiondown": "¿", "textordfeminine": "ª",
    "textordmasculine": "º", "textdagger": "†", "textdaggerdbl": "‡", "textbullet": "•",
    "textperthousand": "‰", "textmu": "µ", "textonehalf": "½", "textonequarter": "¼",
    "textthreequarters": "¾", "texttimes": "×", "textdiv": "÷", "textpm": "±",
    "textminus": "−", "textnumero": "№", "textcent": "¢", "textyen": "¥",
    "textquotesingle": "'", "textquotedbl": '"', "textvisiblespace": "␣",
    "TeX": "TeX", "LaTeX": "LaTeX", "LaTeXe": "LaTeX2e", "BibTeX": "BibTeX",
    "AmS": "AmS", "AMS": "AMS", "XeTeX": "XeTeX", "ConTeXt": "ConTeXt", "MF": "METAFONT",
    "MP": "METAPOST", "METAFONT": "METAFONT", "eTeX": "e-TeX", "pdfTeX": "pdfTeX",
    "LuaTeX": "LuaTeX", "slash": "/", "enspace": "\u2002", "quad": "\u2003",
    "thinspace": "\u2009", "nobreakspace": "\u00a0",
}  # fmt: skip
"""Argument-less text macros -> their Unicode text."""

MATH_SYMBOLS: Final[dict[str, str]] = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ",
    "varepsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι",
    "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ",
    "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ",
    "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ",
    "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
    "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "times": "×", "div": "÷",
    "pm": "±", "mp": "∓", "cdot": "⋅", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥",
    "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼", "equiv": "≡", "infty": "∞",
    "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "partial": "∂",
    "nabla": "∇", "sum": "∑", "prod": "∏", "int": "∫", "sqrt": "√", "in": "∈",
    "subset": "⊂", "cup": "∪", "cap": "∩", "emptyset": "∅", "forall": "∀", "exists": "∃",
    "neg": "¬", "wedge": "∧", "vee": "∨", "ell": "ℓ", "hbar": "ℏ", "aleph": "ℵ",
    "circ": "∘", "bullet": "∙", "star": "⋆", "ast": "∗", "prime": "′", "langle": "⟨",
    "rangle": "⟩", "ldots": "…", "cdots": "⋯", "log": "log", "sin": "sin", "cos": "cos",
    "exp": "exp", "lim": "lim", "max": "max", "min": "min",
}  # fmt: skip
"""Math-mode macros -> Unicode (Greek letters and common operators)."""

SUPERSCRIPTS: Final = dict(zip("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ", strict=True))
SUBSCRIPTS: Final = dict(zip("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎", strict=True))

ESCAPED: Final[dict[str, str]] = {
    "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ",
    ",": "\u2009", ";": "\u2005", ":": "\u2005", "!": "", "/": "", "-": "", "@": "",
    "\\": " ", "textbackslash": "\\",
}  # fmt: skip
"""Control symbols (``\\&``, ``\\%``, ``\\,``) -> text; hyphenation and spacing hints vanish."""

LIGATURES: Final[dict[str, str]] = {
    "---": "—", "--": "–", "``": "“", "''": "”", "!`": "¡", "?`": "¿", "~": "\u00a0",
}  # fmt: skip
"""Character sequences TeX turns into other characters."""

FORMATTING: Final[dict[str, tuple[str, str]]] = {
    "emph": ("<i>", "</i>"), "textit": ("<i>", "</i>"), "textsl": ("<i>", "</i>"),
    "textbf": ("<b>", "</b>"), "textsc": ('<span style="font-variant:small-caps;">', "</span>"),
    "textsuperscript": ("<sup>", "</sup>"), "textsubscript": ("<sub>", "</sub>"),
    "textrm": ("", ""), "textsf": ("", ""), "texttt": ("", ""), "textup": ("", ""),
    "textnormal": ("", ""), "textmd": ("", ""), "mbox": ("", ""), "hbox": ("", ""),
    "text": ("", ""), "url": ("", ""), "path": ("", ""), "mathrm": ("", ""),
    "ensuremath": ("", ""), "enquote": ("“", "”"), "NoCaseChange": ("", ""),
}  # fmt: skip
"""Macros with one argument -> the CSL rich-text markup that wraps it."""

DECLARATIONS: Final[dict[str, tuple[str, str]]] = {
    "em": ("<i>", "</i>"), "it": ("<i>", "</i>"), "itshape": ("<i>", "</i>"),
    "sl": ("<i>", "</i>"), "bf": ("<b>", "</b>"), "bfseries": ("<b>", "</b>"),
    "sc": ('<span style="font-variant:small-caps;">', "</span>"),
    "scshape": ('<span style="font-variant:small-caps;">', "</span>"),
    "rm": ("", ""), "tt": ("", ""), "sf": ("", ""), "upshape": ("", ""),
    "normalfont": ("", ""),
}  # fmt: skip
"""Declarations (``{\\em …}``) -> the markup that wraps the rest of their group."""

IGNORED: Final = frozenset({"relax", "protect", "noindent", "unskip", "null", "nolinkurl"})
"""Macros without output of their own."""

SPECIAL_TO_LATEX: Final[dict[str, str]] = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
    "%": r"\%", "&": r"\&", "#": r"\#",
    "_": r"\_", "$": r"\$", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "\u00a0": "~", '"': r"{\char34}",
}  # fmt: skip
"""Characters that must be escaped in every LaTeX value (UTF-8 or not).

Braces are written as macros, not ``\\{``: BibTeX counts every brace, escaped or not.
A double quote is a character code: babel's German makes ``"`` a shorthand.
"""

ASCII_ONLY_TO_LATEX: Final[dict[str, str]] = {
    "–": "--", "—": "---", "“": "``", "”": "''", "¡": "!`", "¿": "?`",
}  # fmt: skip
"""Non-ASCII characters written as TeX ligatures for 8-bit BibTeX."""

SYMBOL_TO_MACRO: Final[dict[str, str]] = {
    text: macro
    for macro, text in SYMBOLS.items()
    if len(text) == 1 and text not in SPECIAL_TO_LATEX and text not in {"'", '"'}
    and ord(text) > 127 and macro not in {"ldots", "dots", "textsection", "textparagraph",
    "textcopyright", "textsterling", "euro", "nobreakspace"}
}  # fmt: skip
"""Unicode character -> the text macro that writes it (the inverse of :data:`SYMBOLS`)."""

MATH_TO_MACRO: Final[dict[str, str]] = {
    text: macro for macro, text in MATH_SYMBOLS.items() if len(text) == 1 and ord(text) > 127
    and macro not in {"le", "ge", "ne", "to", "ldots", "div", "times"}
}  # fmt: skip
"""Unicode character -> the math macro that writes it (``$\\alpha$``)."""

NOT_IN_LATEX: Final = frozenset(
    {"BibTeX", "AmS", "AMS", "XeTeX", "ConTeXt", "MF", "MP", "METAFONT", "eTeX", "pdfTeX",
     "LuaTeX", "euro", "url", "path", "text", "enquote", "NoCaseChange", "nolinkurl"}
)  # fmt: skip
"""Macros citeform decodes that LaTeX itself does not define (packages or .bib preambles do)."""

WITHOUT_OUTPUT: Final = frozenset({"noopsort", "SortNoop", "sortnoop"})
"""Macros whose argument only steers sorting and prints nothing."""

SAFE_MACROS: Final = frozenset(
    set(SYMBOLS) | set(MATH_SYMBOLS) | set(FORMATTING) | set(DECLARATIONS) | set(IGNORED)
    | {name for name in ACCENTS if name.isalpha()}
    | {"mathit", "mathbf", "mathsf", "mathtt", "mathcal", "frac", "bar", "hat", "vec",
       "tilde", "overline", "underline", "left", "right", "bigl", "bigr"}
) - NOT_IN_LATEX  # fmt: skip
"""Macros LaTeX defines that a value read from a .bib may keep when written back verbatim.

Any other macro (``\\input``, ``\\write18``, ``\\def``, or one a .bib preamble defines) is not
written as it was: the decoded text is escaped instead.
"""

"""citeform's own CSL 1.0.2 processor: a style compiled once, rendered with per-call state.

Modules by concern: :mod:`.xml` (reading CSL files), :mod:`.locale` (terms and the
fallback chain), :mod:`.style` and :mod:`.compiler` (the compiled style),
:mod:`.context` (per-render state), :mod:`.names`, :mod:`.dates`, :mod:`.numbers`,
:mod:`.textcase`, :mod:`.markup` and :mod:`.rich` (rich text and output formats),
:mod:`.processor` (sorting and the document), :mod:`.positions`,
:mod:`.disambiguation` (year suffixes among others), :mod:`.collapse` (cite grouping)
and :mod:`.engine` (the seam).
"""

from citeform.engine.csl.engine import CslEngine

__all__ = ["CslEngine"]

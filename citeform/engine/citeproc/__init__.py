"""citeproc-py 0.11.1 behind citeform's engine seam, extended from outside.

:mod:`.loader` parses styles with citeform's own element classes; override modules
(``OVERRIDES = {tag: mixin}``) are listed in :data:`.engine.OVERRIDE_MODULES`.
"""

from citeform.engine.citeproc.engine import CiteprocEngine

__all__ = ["CiteprocEngine"]

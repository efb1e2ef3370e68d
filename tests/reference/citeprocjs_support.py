"""Skip, saying why, where Node or citeproc-js is absent."""

import pytest

from citeform.conformance.citeprocjs import unavailable_reason

REASON = unavailable_reason()
needs_citeproc_js = pytest.mark.skipif(
    REASON is not None, reason=f"citeproc-js reference not available: {REASON}"
)

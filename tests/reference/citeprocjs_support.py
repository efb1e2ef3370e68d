"""Skip, saying why, where Node or citeproc-js is absent; fail instead where CI requires them."""

import os

import pytest

from citeform.conformance.citeprocjs import unavailable_reason

REASON = unavailable_reason()
if REASON is not None and os.environ.get("CITEFORM_REQUIRE_CITEPROC_JS"):
    msg = f"CITEFORM_REQUIRE_CITEPROC_JS is set but citeproc-js cannot run: {REASON}"
    raise RuntimeError(msg)
needs_citeproc_js = pytest.mark.skipif(
    REASON is not None, reason=f"citeproc-js reference not available: {REASON}"
)

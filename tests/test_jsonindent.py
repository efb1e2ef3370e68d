"""Indented JSON: the same text as :func:`json.dumps`, for every value it writes or refuses."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeform import jsonindent

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text()
    | st.sampled_from([math.nan, math.inf, -math.inf, 0.0, -0.0, 1e300, "\u2028", "\x00"])
)
KEYS = st.text() | st.integers() | st.floats(allow_nan=False) | st.booleans() | st.none()
VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.tuples(children, children)
        | st.dictionaries(KEYS, children, max_size=4)
    ),
    max_leaves=20,
)


@given(value=VALUES, indent=st.integers(-1, 4), level=st.integers(0, 3))
def test_the_text_is_that_of_json_dumps(value, indent, level):
    expected = json.dumps(value, ensure_ascii=False, indent=indent)
    nested = expected.replace("\n", "\n" + " " * (indent * level))
    assert jsonindent.dumps(value, indent, level) == nested


@pytest.mark.parametrize("value", [{"a": {1, 2}}, [object()], {"a": b"x"}])
def test_what_json_cannot_write_is_refused_as_json_refuses_it(value):
    with pytest.raises(TypeError):
        jsonindent.dumps(value, 2)


def test_a_cycle_is_refused_as_json_refuses_it():
    value: list[object] = []
    value.append(value)
    with pytest.raises(ValueError, match="Circular reference"):
        jsonindent.dumps(value, 2)

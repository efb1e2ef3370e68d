import importlib.metadata
from pathlib import Path

import citeform


def test_version_from_metadata():
    assert citeform.__version__ == importlib.metadata.version("citeform")


def test_typed():
    assert (Path(citeform.__file__).parent / "py.typed").exists()


def test_public_names_exist():
    for name in citeform.__all__:
        assert getattr(citeform, name) is not None, name

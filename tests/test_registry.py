import importlib
import pkgutil

import pytest

import citeform
from citeform import formats
from citeform.registry import BUILT_INS, Format, Registry
from citeform.sources import Source


def test_builtin_formats_listed():
    names = [fmt.name for fmt in citeform.list_formats()]
    assert "csl-json" in names
    assert names == sorted(names)


def test_unknown_format():
    with pytest.raises(citeform.UnknownFormatError, match="unknown format 'nope'"):
        citeform.get_format("nope")


def test_alias():
    assert citeform.get_format("csljson").name == "csl-json"


def test_detect_csl_json():
    source = Source.from_any('[{"id": "a", "type": "book"}]')
    assert citeform.registry.detect_format(source).name == "csl-json"


def test_undetectable():
    with pytest.raises(citeform.UnknownFormatError, match="cannot tell the format"):
        citeform.read("just some words", format=None)


def test_register_clash_and_replace():
    registry = Registry()
    fmt = Format(name="x", description="test")
    registry.register(fmt)
    with pytest.raises(ValueError, match="already registered"):
        registry.register(fmt)
    registry.register(Format(name="x", description="other"), replace=True)


def test_plugin_through_register():
    def read(source):
        for line in source.text().splitlines():
            yield citeform.Record.build("document", {"title": line})

    registry = citeform.registry.REGISTRY
    registry.register(
        Format(name="lines-test", description="one title a line", read=read), replace=True
    )
    records = citeform.read("Eins\nZwei", format="lines-test")
    assert [record.get("title") for record in records] == ["Eins", "Zwei"]


class _FakeEntryPoint:
    name = "fake"

    def __init__(self, loaded):
        self._loaded = loaded

    def load(self):
        if isinstance(self._loaded, Exception):
            raise self._loaded
        return self._loaded


def test_entry_point_formats(monkeypatch):
    third_party = Format(name="third-party", description="from an installed package")
    monkeypatch.setattr(
        citeform.registry,
        "entry_points",
        lambda group: [_FakeEntryPoint([third_party])] if group == "citeform.formats" else [],
    )
    registry = Registry()
    assert registry.get("third-party") is third_party
    assert "csl-json" in [fmt.name for fmt in registry.formats()]


def test_broken_entry_point_warns_and_the_rest_loads(monkeypatch):
    monkeypatch.setattr(
        citeform.registry,
        "entry_points",
        lambda **_: [_FakeEntryPoint(ImportError("no module named x"))],
    )
    registry = Registry()
    with pytest.warns(UserWarning, match="format plug-in 'fake' not loaded"):
        names = [fmt.name for fmt in registry.formats()]
    assert "csl-json" in names


def test_every_built_in_module_is_in_the_table():
    modules = {f"citeform.formats.{info.name}" for info in pkgutil.iter_modules(formats.__path__)}
    assert {built_in.module for built_in in BUILT_INS} == modules


def test_built_in_table_names_each_modules_formats():
    for built_in in BUILT_INS:
        formats = importlib.import_module(built_in.module).FORMATS
        names = {name for fmt in formats for name in (fmt.name, *fmt.aliases)}
        assert names == set(built_in.names), built_in.module
        readers = [fmt for fmt in formats if fmt.read]
        assert bool(built_in.head) == bool(readers), built_in.module


def test_a_name_loads_only_its_module(monkeypatch):
    monkeypatch.setattr(citeform.registry, "entry_points", _no_entry_points)
    registry = Registry()
    assert registry.get("csl").name == "csl-json"
    assert registry._modules == {"citeform.formats.csl_json"}
    assert not registry._plugins_loaded


def test_detection_asks_plugins_only_when_no_built_in_recognises(monkeypatch):
    monkeypatch.setattr(citeform.registry, "entry_points", _no_entry_points)
    registry = Registry()
    assert registry.detect(Source("x", text='[{"id": "a", "type": "book"}]')).name == "csl-json"
    assert not registry._plugins_loaded
    assert "citeform.formats.bibtex" not in registry._modules
    with pytest.raises(citeform.UnknownFormatError):
        registry.detect(Source("x", text="neither here nor there"))
    assert registry._plugins_loaded


def _no_entry_points(**_):
    return []

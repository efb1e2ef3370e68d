import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import dates, names, records

from citeform import BadRecordError, Date, Name, Record, vocab
from citeform.model import FrozenMap, Unmapped, _coerce


class TestName:
    """Names: persons and corporate bodies."""

    def test_corporate_is_literal(self):
        name = Name.corporate("Städtetag Nordrhein-Westfalen")
        assert name.is_literal
        assert name.to_csl() == {"literal": "Städtetag Nordrhein-Westfalen"}

    def test_empty_name_refused(self):
        with pytest.raises(BadRecordError, match="family, given or literal"):
            Name(suffix="Jr.")

    def test_wrong_type_names_field(self):
        with pytest.raises(BadRecordError, match="family: must be a string"):
            Name(family=3)  # type: ignore[arg-type]

    def test_display(self):
        assert str(Name(family="Goethe", given="Johann Wolfgang", dropping_particle="von")) == (
            "Johann Wolfgang von Goethe"
        )

    @given(names)
    def test_round_trip(self, name):
        assert Name.from_csl(name.to_csl()) == name


class TestDate:
    """Dates: parts, ranges, literal, raw, EDTF strings."""

    @pytest.mark.parametrize(
        ("text", "parts", "circa"),
        [
            ("2017", ((2017,),), None),
            ("2017-02", ((2017, 2),), None),
            ("2017-02-14", ((2017, 2, 14),), None),
            ("2017/2018", ((2017,), (2018,)), None),
            ("2017~", ((2017,),), True),
        ],
    )
    def test_edtf(self, text, parts, circa):
        date = Date.from_csl(text)
        assert (date.parts, date.circa) == (parts, circa)

    def test_unparsed_string_kept_raw(self):
        assert Date.from_csl("Frühjahr 2017").raw == "Frühjahr 2017"

    def test_numeric_strings_in_parts(self):
        assert Date.from_csl({"date-parts": [["2017", "2"]]}).parts == ((2017, 2),)

    @pytest.mark.parametrize(
        "bad",
        [
            {"date-parts": [["spring"]]},
            {"date-parts": "2017"},
            {"date-parts": [[2017, 13, 40]]},
            {"date-parts": [[2017], [2018], [2019]]},
            {},
            {"when": 2017},
        ],
    )
    def test_refused(self, bad):
        with pytest.raises(BadRecordError):
            Date.from_csl(bad)

    @given(dates)
    def test_round_trip(self, date):
        assert Date.from_csl(date.to_csl()) == date


class TestRecord:
    """Records: building, reading, changing, validating."""

    def test_build_routes_kinds(self):
        record = Record.build(
            "book",
            {"title": "T", "volume": "2", "issued": "2017", "author": [Name(family="A")]},
        )
        assert record.text == {"title": "T"}
        assert record.numbers == {"volume": "2"}
        assert record.dates["issued"] == Date.of(2017)
        assert record.names["author"] == (Name(family="A"),)

    def test_unknown_type_refused(self):
        with pytest.raises(BadRecordError, match="type: not a CSL item type"):
            Record(type="bok")

    def test_unknown_variable_refused(self):
        with pytest.raises(BadRecordError, match="titel: not a CSL variable"):
            Record.build("book", {"titel": "x"})

    def test_wrong_kind_refused(self):
        with pytest.raises(BadRecordError, match="title: must be a string"):
            Record.build("book", {"title": 5})

    def test_set_and_remove(self):
        record = Record.build("book", {"title": "T"})
        changed = record.set("title", "U").set("page", "3-4")
        assert (changed.get("title"), changed.get("page")) == ("U", "3-4")
        assert record.get("title") == "T"
        assert changed.set("page", None).get("page") is None

    def test_citation_in_custom(self):
        record = Record.build("book", {"title": "T"}, citation="Z")
        assert record.to_csl()["custom"] == {"dspace_citation": "Z"}
        assert Record.from_csl(record.to_csl()).citation == "Z"

    def test_frozen(self):
        record = Record.build("book", {"title": "T"})
        with pytest.raises(AttributeError):
            record.type = "report"  # type: ignore[misc]
        with pytest.raises(TypeError):
            record.text["title"] = "U"  # type: ignore[index]

    @given(
        st.sampled_from([None, "book", "bok", 3]),
        st.dictionaries(
            st.sampled_from(["title", "volume", "issued", "author", "page", "note"]),
            st.sampled_from(["T", 5, True, None, Date.of(2017), (Name(family="A"),), ["x"]])
            | dates
            | names.map(lambda name: (name,)),
            max_size=4,
        ),
        st.fixed_dictionaries(
            {
                "id": st.sampled_from([None, "k", 7, True, 1.5, ["k"]]),
                "citation": st.sampled_from([None, "Z", 3]),
                "unmapped": st.sampled_from([(), [Unmapped("f", "v")], 5]),
                "custom": st.sampled_from([{}, {"k": "v"}, 5]),
            }
        ),
    )
    def test_build_checks_as_the_validators_check(self, kind, variables, others):
        """build gives the record the attrs constructor gives, or the same error."""
        sorted_variables = {kind_: {} for kind_ in ("text", "number", "date", "name")}

        def outcome(make):
            try:
                return make()
            except (BadRecordError, TypeError, ValueError) as error:
                return type(error), str(error)

        def constructed():
            for key, value in variables.items():
                kind_ = vocab.KIND_OF[key]
                sorted_variables[kind_][key] = _coerce(kind_, value)
            return Record(
                type=kind,
                text=sorted_variables["text"],
                numbers=sorted_variables["number"],
                dates=sorted_variables["date"],
                names=sorted_variables["name"],
                **others,
            )

        built = outcome(lambda: Record.build(kind, variables, **others))
        assert built == outcome(constructed)

    @given(records())
    def test_pickle(self, record):
        assert pickle.loads(pickle.dumps(record)) == record

    @given(records())
    def test_csl_round_trip(self, record):
        assert Record.from_csl(record.to_csl()) == record


def test_frozen_map_equality_and_hash():
    assert FrozenMap({"a": 1}) == {"a": 1}
    assert hash(FrozenMap({"a": 1})) == hash(FrozenMap([("a", 1)]))

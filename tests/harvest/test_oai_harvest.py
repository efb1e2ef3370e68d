"""OAI-PMH ListRecords against a live server on 127.0.0.1: paging, errors, retries, gzip."""

from __future__ import annotations

import pytest
from harvest_server import Repository, serving
from hypothesis import given
from hypothesis import strategies as st

from citeform import Record
from citeform.errors import (
    BadRecordError,
    CiteformError,
    LimitExceededError,
    UnreadableInputError,
)
from citeform.harvest import harvest, http
from citeform.harvest.http import HttpStatusError, RetryPolicy

FAST = RetryPolicy(attempts=3, backoff=0.01, max_wait=0.05, timeout=5)


def run(repository: Repository, path: str = "/oai/request", **options: object):
    """Harvest *repository*; return records, errors, announced totals and notes."""
    totals: list[int] = []
    notes: list[str] = []
    options.setdefault("policy", FAST)
    with serving(repository) as base:
        items = list(harvest(base + path, on_total=totals.append, on_note=notes.append, **options))
    records = [item for item in items if isinstance(item, Record)]
    errors = [item for item in items if isinstance(item, CiteformError)]
    return records, errors, totals, notes


def test_pages_follow_resumption_tokens_and_announce_the_total():
    records, errors, totals, _ = run(Repository(records=250, page_size=100))
    assert [r.id for r in records] == [f"oai:repo.example:10000/{n}" for n in range(250)]
    assert errors == []
    assert totals == [250]
    assert records[7].get("title") == "Record 7 & its title"
    assert records[7].custom["dspace_collection"] == "10000/1"


def test_oai_dc_prefix_reads_dublin_core():
    records, errors, _, _ = run(Repository(records=30, page_size=10), metadata_prefix="oai_dc")
    assert len(records) == 30
    assert errors == []
    assert records[0].type == "book"


def test_since_and_until_select_and_are_sent_as_from_and_until():
    repository = Repository(records=100, page_size=10)
    records, _, totals, _ = run(repository, since="2010-01-11", until="2010-01-20")
    assert [r.id.rpartition("/")[2] for r in records if r.id] == [str(n) for n in range(10, 20)]
    assert "from=2010-01-11" in repository.requests[0]
    assert "until=2010-01-20" in repository.requests[0]
    assert totals == []  # one page: no resumption token, so no completeListSize


def test_set_is_sent():
    repository = Repository(records=5)
    run(repository, set_spec="col_10000_1")
    assert "set=col_10000_1" in repository.requests[0]


def test_no_records_match_is_a_note_not_an_error():
    records, errors, _, notes = run(Repository(records=10), since="2030-01-01")
    assert records == errors == []
    assert notes == [notes[0]]
    assert "no records match" in notes[0]


def test_bad_resumption_token_is_a_clear_error_after_the_pages_before():
    read: list[Record | CiteformError] = []
    with (
        serving(Repository(records=50, page_size=10, expired={3})) as base,
        pytest.raises(UnreadableInputError, match="badResumptionToken") as raised,
    ):
        read.extend(harvest(base + "/oai/request", policy=FAST))
    assert len(read) == 20
    assert "--since" in str(raised.value)
    assert "(page 3)" in str(raised.value)


def test_unknown_prefix_and_bad_dates_are_refused_before_any_request():
    with pytest.raises(UnreadableInputError, match="metadata prefixes"):
        harvest("http://127.0.0.1:9/oai", metadata_prefix="marc")
    with pytest.raises(UnreadableInputError, match="YYYY-MM-DD"):
        harvest("http://127.0.0.1:9/oai", since="01.02.2020")


def test_503_with_retry_after_is_retried():
    repository = Repository(records=30, page_size=10, unavailable={1, 2})
    records, errors, _, _ = run(repository)
    assert len(records) == 30
    assert errors == []
    assert len(repository.requests) == 5


def test_slow_page_times_out_and_is_asked_again():
    repository = Repository(records=30, page_size=10, slow={2}, delay=1.0)
    policy = RetryPolicy(attempts=2, backoff=0.01, timeout=0.2)
    records, errors, _, _ = run(repository, policy=policy)
    assert len(records) == 30
    assert errors == []
    assert len(repository.requests) == 4


def test_cut_off_page_is_asked_again():
    repository = Repository(records=30, page_size=10, cut_off={2})
    records, errors, _, _ = run(repository)
    assert len(records) == 30
    assert errors == []


def test_gzip_responses_are_decoded():
    records, errors, _, _ = run(Repository(records=30, page_size=10, compress=True))
    assert len(records) == 30
    assert errors == []


def test_broken_record_is_reported_and_the_others_read():
    records, errors, _, _ = run(Repository(records=30, page_size=10, broken={13}))
    assert len(records) == 29
    assert len(errors) == 1
    assert isinstance(errors[0], BadRecordError)
    message = str(errors[0])
    assert "(page 2)" in message
    assert "oai:repo.example:10000/13" in message
    assert "mdschema" in message


def test_a_page_that_is_no_oai_response_is_given_up_naming_the_url():
    with serving(Repository(records=10)) as base:
        harvested = harvest(base + "/portal", policy=FAST)
        with pytest.raises(UnreadableInputError, match="gave up after 3 attempt") as raised:
            list(harvested)
    assert "/portal?verb=ListRecords" in str(raised.value)
    assert "not an OAI-PMH ListRecords response" in str(raised.value)


def test_a_page_with_entity_declarations_is_refused_never_expanded():
    repository = Repository()
    with serving(repository) as base:
        harvested = harvest(base + "/entities", policy=FAST)
        with pytest.raises(UnreadableInputError, match="DTD") as raised:
            list(harvested)
    assert "gave up after 3 attempt" in str(raised.value)


def test_a_page_over_the_size_limit_is_refused_at_once(monkeypatch):
    monkeypatch.setattr(http, "MAX_INPUT_BYTES", 2000)
    repository = Repository(records=30, page_size=10)
    with serving(repository) as base, pytest.raises(LimitExceededError, match="larger than"):
        list(harvest(base + "/oai/request", policy=FAST))
    assert len(repository.requests) == 1


def test_redirects_are_followed():
    records, errors, _, _ = run(Repository(records=15, page_size=10), path="/moved")
    assert len(records) == 15
    assert errors == []


def test_not_found_is_not_retried():
    repository = Repository(records=10)
    with serving(repository) as base, pytest.raises(HttpStatusError, match="HTTP 404"):
        list(harvest(base + "/missing", policy=FAST))
    assert len(repository.requests) == 1


def test_unreachable_server_is_given_up():
    policy = RetryPolicy(attempts=2, backoff=0.01, timeout=0.5)
    with pytest.raises(UnreadableInputError, match=r"127\.0\.0\.1:9"):
        list(harvest("http://127.0.0.1:9/oai/request", policy=policy))


def test_waits_double_and_follow_retry_after_within_the_cap():
    policy = RetryPolicy(backoff=1.0, max_wait=5.0)
    assert [policy.wait(n, None) for n in (1, 2, 3, 4)] == [1.0, 2.0, 4.0, 5.0]
    assert policy.wait(1, 3.0) == 3.0
    assert policy.wait(1, 3600.0) == 5.0


def test_deleted_records_are_counted_in_a_note_not_reported_as_errors():
    records, errors, _, notes = run(Repository(records=30, page_size=10, deleted={3, 17}))
    assert len(records) == 28
    assert errors == []
    assert notes == [notes[0]]
    assert "2 deleted record(s) skipped" in notes[0]


@given(
    st.integers(1, 20),
    st.none() | st.floats(0, 1e6),
    st.floats(0, 100),
    st.floats(0, 1000),
)
def test_waits_are_never_negative_nor_beyond_the_cap(attempt, retry_after, backoff, max_wait):
    policy = RetryPolicy(backoff=backoff, max_wait=max_wait)
    wait = policy.wait(attempt, retry_after)
    assert 0 <= wait <= max_wait
    if retry_after is None:
        assert wait <= policy.wait(attempt + 1, None)

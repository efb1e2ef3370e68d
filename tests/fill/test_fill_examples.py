"""examples/fill_collection.py and examples/dask_fill.py fill a collection to DSpace's CSV."""

import json
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest
from dspace_shapes import csv_rows

EXAMPLES = Path(__file__).parents[2] / "examples"
UUIDS = [f"{n:08d}-0000-4000-8000-000000000000" for n in range(6)]


@pytest.fixture
def collection(tmp_path):
    folder = tmp_path / "collection"
    folder.mkdir()
    for page in range(2):
        items = [
            {"id": UUIDS[3 * page + n], "type": "book", "title": f"Buch {3 * page + n}"}
            for n in range(3)
        ]
        (folder / f"page-{page}.json").write_text(json.dumps(items), encoding="utf-8")
    (folder / "page-1.json").write_text(
        json.dumps(
            [*json.loads((folder / "page-1.json").read_text()), {"id": "x", "type": "book"}]
        ),
        encoding="utf-8",
    )
    return sorted(folder.glob("*.json"))


def run(script, *arguments, cwd):
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *map(str, arguments)],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        timeout=300,
    )


def expected_rows():
    return [
        {"id": uuid, "dc.identifier.citation": f"Buch {n} (o.\xa0J.)."}
        for n, uuid in enumerate(UUIDS)
    ]


def test_fill_collection(collection, tmp_path):
    result = run("fill_collection.py", *collection, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert csv_rows(result.stdout) == expected_rows()
    assert "no title" in result.stderr
    assert "filled 6, skipped 0, failed 1" in result.stderr


def test_dask_fill_pickles_the_renderer_to_worker_processes(collection, tmp_path):
    if find_spec("dask") is None:
        pytest.skip("dask is not installed")
    result = run("dask_fill.py", *collection, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert csv_rows(result.stdout) == expected_rows()
    assert "no title" in result.stderr

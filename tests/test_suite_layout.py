"""The test suite's own layout: module names that cannot collide.

pytest imports each test module, and the helper modules beside them, by its bare file name
(its folder is put on ``sys.path``): two with the same name in different folders would
collide ("import file mismatch"), or one helper would shadow the other.
"""

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_every_module_name_is_unique():
    names = Counter(path.name for path in TESTS.rglob("*.py") if path.name != "conftest.py")
    assert [name for name, count in names.items() if count > 1] == []

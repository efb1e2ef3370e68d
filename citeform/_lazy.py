"""A package's names imported from their modules on first use (PEP 562).

``import citeform`` then costs next to nothing: the record model, attrs and the readers
load when a name that needs them is first looked up.
"""

from __future__ import annotations

import sys
from importlib import import_module

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping


def lazy_getattr(package: str, homes: Mapping[str, str]) -> Callable[[str], object]:
    """Return a module ``__getattr__`` for *package*.

    A name in *homes* is imported from the module *homes* names; any other name (but a
    dunder) is tried as a submodule of *package*. What is found is kept in the package, so
    each name is looked up once.
    """
    namespace = sys.modules[package].__dict__

    def lookup(name: str) -> object:
        if name.startswith("__"):  # what tools probe for (``__wrapped__``) is never a submodule
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        if name in homes:
            value = getattr(import_module(homes[name]), name)
        else:
            submodule = f"{package}.{name}"
            try:
                value = import_module(submodule)
            except ModuleNotFoundError as error:
                if error.name != submodule:
                    raise
                raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        namespace[name] = value
        return value

    return lookup

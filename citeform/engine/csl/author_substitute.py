"""subsequent-author-substitute: names that repeat the previous entry's, replaced.

The rules of ``subsequent-author-substitute-rule`` (CSL 1.0.2): ``complete-all``
replaces the whole list once, ``complete-each`` each name, both only when all names
repeat; ``partial-each`` replaces each name from the first up to the first that
differs, ``partial-first`` only the first name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from citeform.engine.csl.context import PrintedNames
from citeform.engine.csl.rich import Part, blank, plain


def names_text(lists: Sequence[PrintedNames]) -> str:
    """What is compared of an entry's name lists."""
    return ",".join(printed.identity or plain(printed.node) for printed in lists)


def substituted(
    node: Part,
    lists: Sequence[PrintedNames],
    previous: Sequence[PrintedNames],
    rule: str,
    substitute: str,
) -> Part:
    """*node* with the names of *lists* that repeat *previous* replaced by *substitute*."""
    targets = _targets(lists, previous, rule, substitute)
    return _replaced(node, targets) if targets else node


def _targets(
    lists: Sequence[PrintedNames], previous: Sequence[PrintedNames], rule: str, substitute: str
) -> dict[int, str]:
    """What replaces which node (by identity) under *rule*."""
    text = names_text(lists)
    if not text:
        return {}
    by_name = all(printed.each for printed in lists)
    if rule in {"partial-each", "partial-first"} and by_name:
        names = [name for printed in lists for name in printed.each]
        before = [identity for printed in previous for _node, identity in printed.each]
        count = 0
        for (_node, identity), other in zip(names, before, strict=False):
            if identity != other:
                break
            count += 1
        if rule == "partial-first":
            count = min(count, 1)
        return {id(name): substitute for name, _identity in names[:count]}
    if text != names_text(previous):
        return {}
    if rule == "complete-each" and by_name:
        return {id(name): substitute for printed in lists for name, _identity in printed.each}
    return {id(lists[0].node): substitute} | {id(printed.node): "" for printed in lists[1:]}


def _replaced(node: Part, targets: Mapping[int, str]) -> Part:
    """*node* with *targets* replaced; what is left empty by it goes (an empty block too)."""
    if id(node) in targets:
        return targets[id(node)]
    if isinstance(node, str):
        return node
    replaced = (_replaced(part, targets) for part in node.parts)
    return attrs.evolve(node, parts=tuple(part for part in replaced if not blank(part)))

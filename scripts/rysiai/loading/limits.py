"""How large a YAML record file may be, and how large one is: bytes, values, nesting.

No record needs a larger file, more values or deeper lists and mappings; each limit, when met,
is a finding of its own that says how large the file is. The byte limit is checked before the
file is composed, which would take memory in proportion to it.
"""

from __future__ import annotations

import yaml

MOST_BYTES = 1_000_000
MOST_NODES = 100_000
DEEPEST = 20
# libyaml's own limit, met before ours only by files nested hundreds of levels deep.
LIBYAML_DEEPEST = 1000


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def distinct_nodes(root: yaml.Node) -> set[int]:
    """The nodes composed from the file, each once (an alias repeats a node, it adds none)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            stack.extend(_children(node))
    return seen


def height(node: yaml.Node) -> int:
    """How many levels of lists and mappings lie below ``node``, a list or a mapping."""
    deepest, seen = 0, set()
    stack = [(node, 0)]
    while stack:
        current, depth = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        deepest = max(deepest, depth)
        stack.extend(
            (child, depth + 1)
            for child in _children(current)
            if not isinstance(child, yaml.ScalarNode)
        )
    return deepest

"""Reads one YAML record file without letting YAML guess types or build objects.

The file is composed into nodes by libyaml with the base resolver, so every scalar stays the
text that was written (`NO`, `+37061234567`, `012`, `12:30` come through unchanged); the
schema types them later; only an empty value, or `~`, YAML's sign for "no value", is absent
(`null`, `Null`, `NULL` are words: a surname Null exists). Tags are refused, aliases are refused
(which also stops alias bombs, since composing does not expand them), and duplicate keys are
reported. Each size limit (bytes, values, nesting) is its own finding, saying how large.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..findings import Finding, catalogue
from ..language import _
from .characters import CONTROL, character_name
from .limits import DEEPEST, LIBYAML_DEEPEST, MOST_BYTES, MOST_NODES, distinct_nodes, height
from .record import Record
from .text import decode

PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
# Written plain (unquoted), these mean "no value". `~` is YAML's own sign for it, not a word of
# any language; the null words (`null`, `Null`, `NULL`) are text here, and the schema decides
# (convert.py): a text field keeps the word, a date or a reference cannot hold it.
NO_VALUE = {"", "~"}
# Every way YAML writes "no value". Only NO_VALUE is none here, but a writer never writes any of
# these plain: other readers of the file (editors, other YAML libraries) take them for null.
NULL_WORDS = NO_VALUE | {"null", "Null", "NULL"}
_DEFAULT_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


class Loader(getattr(yaml, "CBaseLoader", yaml.BaseLoader)):
    """libyaml's parser with a resolver that guesses nothing: every untagged node is text,
    a list or a mapping (the base resolver's answer, without its per-node Python work)."""

    def resolve(self, kind, value, implicit):
        return _DEFAULT_TAGS[kind]


class _Refused(Exception):
    def __init__(self, finding: Finding):
        self.finding = finding


def read_yaml_record(
    data: bytes, *, collection: str, record_id: str, path: str, size: int | None = None
) -> tuple[Record | None, list[Finding]]:
    """Read the bytes of ``<collection>/<record_id>.yaml``; return the record and what is wrong.

    ``size`` is the file's size where it was found too large to read (``data`` then empty).
    """
    found = max(size or 0, len(data))
    if found > MOST_BYTES:
        return None, [
            catalogue.FILE_TOO_LARGE(
                path=path, record=record_id, found=f"{found:,}", most=f"{MOST_BYTES:,}"
            )
        ]
    text, finding = decode(data, path)
    if finding:
        return None, [finding]
    if "\x85" in text:  # NEL, which libyaml would take for a line break
        return None, [_raw_control(text.count("\n", 0, text.index("\x85")) + 1, 0x85, path, record_id)]
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_finding(error, path, record_id)]
    except yaml.YAMLError as error:  # ReaderError: a character libyaml does not read
        line = _line_at(text, getattr(error, "position", 0))
        character = getattr(error, "character", None)
        if isinstance(character, int) and CONTROL.fullmatch(chr(character)):
            return None, [_raw_control(line, character, path, record_id)]
        return None, [catalogue.YAML_SYNTAX(path=path, line=line, problem=str(error).split("\n")[0])]
    if root is None or (
        isinstance(root, yaml.ScalarNode) and not root.style and root.value in NO_VALUE
    ):
        return None, [catalogue.EMPTY_FILE(path=path, line=1, record=record_id)]
    if not isinstance(root, yaml.MappingNode):
        found = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
        return None, [
            catalogue.NOT_MAPPING(
                path=path, line=root.start_mark.line + 1, record=record_id, found=found
            )
        ]
    # An alias needs a `*`; a file without one needs no alias tracking, most of the walk's cost.
    walker = _Walker(path, record_id, track_aliases="*" in text)
    try:
        values = walker.mapping(root, ())
    except _Refused as refused:
        return None, [refused.finding]
    too_many = walker.too_many()
    if too_many is not None:
        return None, [too_many]
    record = Record(
        collection=collection, id=record_id, path=path, line=1, values=values, lines=walker.lines
    )
    return record, walker.findings


def _raw_control(line: int, character: int, path: str, record_id: str) -> Finding:
    """A control character written as it is: libyaml refuses them all but NEL, and the file
    cannot be read as written either way."""
    return catalogue.CONTROL_CHARACTER(
        path=path, line=line, record=record_id, where=_("this line"),
        character=character_name(chr(character)), hint=_("delete it; until then the file is not read"),
    )


def _line_at(text: str, position: int) -> int:
    """The line of a reader error's position: libyaml counts bytes of UTF-8, PyYAML characters."""
    if Loader.__mro__[1] is getattr(yaml, "CBaseLoader", None):
        return text.encode("utf-8")[:position].count(b"\n") + 1
    return text.count("\n", 0, position) + 1


def _syntax_finding(error: yaml.MarkedYAMLError, path: str, record_id: str) -> Finding:
    mark = error.problem_mark or error.context_mark
    if error.problem == "exceeded maximum nesting depth":  # libyaml's limit, not a syntax error
        return catalogue.TOO_DEEP(
            path=path, line=mark.line + 1 if mark else None, record=record_id,
            found=f"over {LIBYAML_DEEPEST:,}", most=DEEPEST,
        )
    problem = error.problem or "cannot be read"
    if error.context:
        problem = f"{error.context}, {problem}"
    return catalogue.YAML_SYNTAX(path=path, line=mark.line + 1 if mark else None, problem=problem)


class _Walker:
    """Turns composed nodes into plain values, noting each value's line."""

    def __init__(self, path: str, record_id: str, *, track_aliases: bool = True):
        self.path = path
        self.record_id = record_id
        self.lines: dict[tuple, int] = {}
        self.findings: list[Finding] = []
        self.seen: set[int] | None = set() if track_aliases else None
        self.nodes = 0
        self.root: yaml.Node = None  # the file's mapping, once the walk starts

    def _enter(self, node: yaml.Node) -> int:
        """Count the node, refuse a repeated one (an alias) or a tagged one; return its line."""
        line = node.start_mark.line + 1
        if self.seen is None:
            # Without alias tracking, a repeated node would be walked again each time: the
            # count bounds the walk. With it, the nodes are counted once the walk is done.
            self.nodes += 1
            if self.nodes > MOST_NODES:
                raise _Refused(self.too_many())
        elif id(node) in self.seen:
            raise _Refused(catalogue.YAML_ALIAS(path=self.path, line=line, record=self.record_id))
        else:
            self.seen.add(id(node))
        if node.tag not in PLAIN_TAGS:
            raise _Refused(
                catalogue.YAML_TAG(path=self.path, line=line, record=self.record_id, tag=node.tag)
            )
        return line

    def too_many(self) -> Finding | None:
        """The finding for a file of more than MOST_NODES values (None when it holds fewer)."""
        if (self.nodes if self.seen is None else len(self.seen)) <= MOST_NODES:
            return None
        return catalogue.TOO_MANY_VALUES(
            path=self.path, record=self.record_id,
            found=f"{len(distinct_nodes(self.root)):,}", most=f"{MOST_NODES:,}",
        )

    def value(self, node: yaml.Node, place: tuple) -> Any:
        line = self._enter(node)
        if len(place) > DEEPEST:
            raise _Refused(
                catalogue.TOO_DEEP(
                    path=self.path, line=line, record=self.record_id,
                    found=len(place) + height(node), most=DEEPEST,
                )
            )
        self.lines[place] = line
        if node.__class__ is yaml.ScalarNode:
            if not node.style and node.value in NO_VALUE:  # plain `key:` or `key: ~`
                return None
            return node.value
        if node.__class__ is yaml.SequenceNode:
            return [self.value(item, place + (index,)) for index, item in enumerate(node.value)]
        return self._pairs(node, place)

    def mapping(self, node: yaml.MappingNode, place: tuple) -> dict[str, Any]:
        """The top-level mapping of a file."""
        self.root = node
        self._enter(node)
        return self._pairs(node, place)

    def _pairs(self, node: yaml.MappingNode, place: tuple) -> dict[str, Any]:
        result: dict[str, Any] = {}
        lines = self.lines
        for key_node, value_node in node.value:
            line = self._enter(key_node)
            if key_node.__class__ is not yaml.ScalarNode:
                raise _Refused(
                    catalogue.BAD_KEY(
                        path=self.path, line=line, record=self.record_id, found="a list or mapping"
                    )
                )
            key = key_node.value
            key_place = place + (key,)
            if key in result:
                self.findings.append(
                    catalogue.DUPLICATE_KEY(
                        path=self.path,
                        line=line,
                        record=self.record_id,
                        field=key,
                        key=key,
                        first_line=lines[key_place],
                    )
                )
                self.value(value_node, ("#duplicate",) + key_place)  # still refuse tags in it
                continue
            result[key] = self.value(value_node, key_place)
            lines[key_place] = line  # a field's line is its key's, even for a block below it
        return result


"""The fast path of the parser: front matter → plain data, with no positions.

Most articles have no finding, so they never need to know where a value is. Three tries, each
giving libyaml's answer or stepping aside: the articles' own layout read line by line
(yaml_lines.py), yaml-rs (yaml_rust.py), then libyaml composes the node graph and one lean walk
turns it into dicts, lists and scalars. Anything unusual raises
NeedsFullParse and the full walk (`yaml_tree.build_tree`) parses again, with positions, to
report it.
"""
from __future__ import annotations

from typing import Any

import yaml

from .yaml_lines import lines_data
from .yaml_rust import rust_data
from .yaml_tree import STR_TAG, ArticleLoader, depth_and_unusual, yaml_safe

_SCALAR, _SEQUENCE = yaml.ScalarNode, yaml.SequenceNode
_INT_TAG = "tag:yaml.org,2002:int"


class NeedsFullParse(Exception):
    """The fast path cannot decide (an error, a duplicate, an alias...): use `build_tree`."""


def fast_data(source: str, max_depth: int = 64, encoded: bytes | None = None) -> Any:
    """Front matter → plain data, without positions: libyaml composes, one lean walk constructs.

    Positions are only needed for the few articles with findings; they are built later by
    `build_tree` (see Article.positions). Anything unusual (an error, an alias, a duplicate or
    non-text key, a tag that does not construct, too deep) raises NeedsFullParse so that the
    full walk can report it with a position. (Building the data from libyaml's events instead
    of its node graph was tried: the Python loop over events costs more than the nodes.)
    `encoded`: `source` in UTF-8 when the caller has it (cut from the file's bytes).
    """
    if encoded is None:
        encoded = source.encode()
    depth, unusual = depth_and_unusual(encoded)
    if depth > 500 or max_depth < 0:
        raise NeedsFullParse
    data = lines_data(source, unusual, max_depth)  # the articles' own layout (yaml_lines.py)
    if data is not None:
        return data
    data = rust_data(source, encoded, max_depth, unusual)  # yaml-rs, where its answer is libyaml's (yaml_rust.py)
    if data is not None:
        return data
    loader = ArticleLoader(yaml_safe(source))
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError:
            raise NeedsFullParse from None
        if root is None:
            return None
        # without an anchor in the source no node can be shared, so the alias check is skipped
        seen: set[int] | None = set() if "&" in source else None
        construct = loader.construct_object

        def walk(node: Any, depth: int) -> Any:  # `depth`: the node's own depth
            if seen is not None:
                if id(node) in seen:
                    raise NeedsFullParse  # an alias: refused, with its position, by the full walk
                seen.add(id(node))
            cls = node.__class__
            if cls is _SCALAR:
                return node.value if node.tag == STR_TAG else _construct(construct, node)
            if depth >= max_depth and node.value:
                raise NeedsFullParse  # its children would lie deeper than max_depth
            if cls is _SEQUENCE:
                return [walk(item, depth + 1) for item in node.value]
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.__class__ is not _SCALAR or key_node.tag != STR_TAG:
                    raise NeedsFullParse  # merge keys, non-text keys: the full walk decides
                key = key_node.value
                if key in out:
                    raise NeedsFullParse  # duplicate key: reported by the full walk
                if seen is None and value_node.__class__ is _SCALAR and value_node.tag == STR_TAG:
                    out[key] = value_node.value  # the common case, without a call
                else:
                    out[key] = walk(value_node, depth + 1)
            return out

        return walk(root, 0)
    except RecursionError:
        raise NeedsFullParse from None
    finally:
        loader.dispose()


def _construct(construct: Any, node: Any) -> Any:
    value = node.value
    if node.tag == _INT_TAG and value.isdigit() and value.isascii() and (value[0] != "0" or value == "0"):
        return int(value)  # what construct_yaml_int does with plain decimal digits, directly
    try:
        return construct(node)
    except (yaml.YAMLError, ValueError, OverflowError):
        raise NeedsFullParse from None

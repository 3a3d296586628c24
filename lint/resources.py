"""Where the bundled schemas and defaults live, in a source checkout and in an installed wheel.

The top-level `schemas/` directory is shipped inside the wheel as the package `lint.schemas`
(see `[tool.setuptools.package-dir]` in pyproject.toml), so `pip install .` finds it too.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def schemas_dir() -> Path:
    source_tree = Path(__file__).resolve().parent.parent / "schemas"
    if (source_tree / "article.schema.json").is_file():
        return source_tree
    spec = importlib.util.find_spec("lint.schemas")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return source_tree


def bundled(name: str) -> Path:
    return schemas_dir() / name

"""Output formats, one module each, behind one interface:

    render(diagnostics, rules, *, tool_version, root, sources, checked_paths) -> str

Formatters never decide anything (selection, severity, exit status); they only present.
"""
from __future__ import annotations

import importlib
from pathlib import Path

FORMATS = ("text", "json", "sarif", "github", "junit")


def get(name: str):
    if name not in FORMATS:
        raise ValueError(name)
    return importlib.import_module(f"{__name__}.{name}")


class LazySources(dict):
    """path → decoded text, read on first use (formatters that show source lines need it)."""

    def __init__(self, cwd: Path) -> None:
        super().__init__()
        self.cwd = cwd

    def __missing__(self, path: str) -> str:
        try:
            raw = (self.cwd / path).read_bytes()
            text = raw.decode("utf-8", "replace")
        except OSError:
            text = ""
        text = text[1:] if text.startswith("\ufeff") else text
        self[path] = text
        return text

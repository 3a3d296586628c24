"""Output formats, one module each, behind one interface:

    render(diagnostics, rules, *, tool_version, root, sources, checked_paths) -> str

Formatters never decide anything (selection, severity, exit status); they only present.
"""
from __future__ import annotations

import importlib
import os
import stat
from pathlib import Path

FORMATS = ("text", "json", "sarif", "github", "junit")


def get(name: str):
    if name not in FORMATS:
        raise ValueError(name)
    return importlib.import_module(f"{__name__}.{name}")


class LazySources(dict):
    """path → decoded text, read on first use (formatters that show source lines need it)."""

    def __init__(self, cwd: Path, limit: int = 8 * 1024 * 1024) -> None:
        super().__init__()
        self.cwd, self.limit = cwd, limit

    def __missing__(self, path: str) -> str:
        text = ""
        try:
            full = self.cwd / path
            if stat.S_ISREG(os.stat(full).st_mode):  # never a pipe or a device
                with open(full, "rb") as fh:
                    text = fh.read(self.limit).decode("utf-8", "replace")
        except OSError:
            pass
        text = text[1:] if text.startswith("\ufeff") else text
        self[path] = text
        return text

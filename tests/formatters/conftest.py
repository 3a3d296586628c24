"""The `sample` fixture (realistic findings on realistic article text) for the formatter tests."""

from __future__ import annotations

from tests.formatters.samples import sample

__all__ = ["sample"]

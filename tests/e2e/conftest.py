"""Fixtures for the end-to-end tests: temporary git repositories of articles, driven through the
real `qtlint` CLI, real `git` and the real `pre-commit` from the test environment."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_corpus
from tests.e2e.repos import init_repo


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: builds a pre-commit environment from PyPI (about a minute)")


@pytest.fixture
def content_repo(tmp_path):
    """make(files) -> a git repository holding `files` and a [tool.qtlint] corpus, all committed."""
    def make(files: dict[str, str], extra_config: str = "") -> Path:
        root = write_corpus(tmp_path / "content", files)
        if extra_config:
            with (root / "pyproject.toml").open("a", encoding="utf-8") as fh:
                fh.write(extra_config)
        return init_repo(root)
    return make


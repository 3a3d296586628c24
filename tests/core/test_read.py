"""lint.worker._read: the whole file (or just enough to know it is too large), with one read in
the common case and a loop when the size fstat gave is wrong."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from lint import worker
from lint.config import load_settings
from lint.worker import _read


def _read_path(path: Path | str, most: int) -> bytes:
    fd = os.open(path, os.O_RDONLY)
    try:
        return _read(fd, os.fstat(fd).st_size, most)
    finally:
        os.close(fd)


@pytest.mark.parametrize("size", [0, 1, 3000, 4096, 70000])
def test_whole_files_are_read(tmp_path: Path, size: int) -> None:
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    (tmp_path / "a.md").write_bytes(data)
    assert _read_path(tmp_path / "a.md", 100_001) == data


def test_a_file_over_the_limit_is_read_only_to_the_limit(tmp_path: Path) -> None:
    (tmp_path / "big.md").write_bytes(b"y" * 5000)
    assert _read_path(tmp_path / "big.md", 1001) == b"y" * 1001
    assert _read_path(tmp_path / "big.md", 5000) == b"y" * 5000


def test_a_file_whose_size_is_wrong_is_read_to_its_end() -> None:
    """/proc files say size 0 and hold text: the first read finds more than the size said."""
    with open("/proc/self/status", "rb") as fh:
        expected_start = fh.read(5)
    got = _read_path("/proc/self/status", 1 << 20)
    assert len(got) > 100 and got.startswith(expected_start)


def test_a_size_larger_than_the_file_stops_at_its_end(tmp_path: Path) -> None:
    """A file that shrank after fstat: the loop stops at the end instead of asking for ever."""
    (tmp_path / "a.md").write_bytes(b"z" * 10)
    fd = os.open(tmp_path / "a.md", os.O_RDONLY)
    try:
        assert _read(fd, 50, 1000) == b"z" * 10
    finally:
        os.close(fd)


def test_reading_ahead_skips_what_it_cannot_read_and_never_blocks(tmp_path: Path) -> None:
    """prefetch opens each file without blocking (a FIFO with no writer), ignores what it cannot
    open or advise, and the batch is then linted as without it: the FIFO, the directory and the
    missing file each get P011, the article its findings."""
    from tests.conftest import seed_text

    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    (tmp_path / "dir.md").mkdir()
    article = tmp_path / "a.md"
    article.write_text(seed_text("000"), encoding="utf-8")
    paths = [str(fifo), str(tmp_path / "dir.md"), str(tmp_path / "missing.md"), str(article)]
    worker.prefetch(paths)  # returns: no exception, no wait on the FIFO
    worker.init_worker(load_settings(cwd=tmp_path), ("ALL",), ("G",))
    results = worker.lint_batch([(p, p) for p in paths])
    codes = [[d.code for d in res.diagnostics] for res, _ in results]
    assert codes[:3] == [["P011"], ["P011"], ["P011"]]
    assert "P011" not in codes[3] and results[3][1] is not None  # read and stamped
    assert results[3][0].entry is not None

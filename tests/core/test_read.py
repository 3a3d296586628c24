"""lint.reading: the whole file (or just enough to know it is too large), with one read in the
common case and a loop when the size fstat gave is wrong; files in the page cache read at once,
the others asked of the disk together, in either case the same bytes in the same order."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from lint import reading, worker
from lint.config import load_settings
from lint.reading import read_batch, read_fd


def _read_path(path: Path | str, most: int) -> bytes:
    fd = os.open(path, os.O_RDONLY)
    try:
        return read_fd(fd, os.fstat(fd).st_size, most)
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
        assert read_fd(fd, 50, 1000) == b"z" * 10
    finally:
        os.close(fd)


def test_a_batch_reports_what_it_cannot_read_and_never_blocks(tmp_path: Path) -> None:
    """A FIFO with no writer is opened without blocking and refused, as are a directory and a
    missing file; each gets P011 and the article after them its findings."""
    from tests.conftest import seed_text

    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    (tmp_path / "dir.md").mkdir()
    article = tmp_path / "a.md"
    article.write_text(seed_text("000"), encoding="utf-8")
    paths = [str(fifo), str(tmp_path / "dir.md"), str(tmp_path / "missing.md"), str(article)]
    worker.init_worker(load_settings(cwd=tmp_path), ("ALL",), ("G",))
    results = worker.lint_batch([(p, p) for p in paths])
    codes = [[d.code for d in res.diagnostics] for res, _ in results]
    assert codes[:3] == [["P011"], ["P011"], ["P011"]]
    assert "not a regular file" in results[0][0].diagnostics[0].message
    assert "P011" not in codes[3] and results[3][1] is not None  # read and stamped
    assert results[3][0].entry is not None


def _evict(paths: list[Path]) -> None:
    """Drop the files from the page cache, as benchmarks/read_ahead.py does."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from read_ahead import evict

    evict([str(p) for p in paths])


@pytest.mark.parametrize("max_open", [1, 3, 256])
def test_files_not_in_the_page_cache_are_read_whole_and_in_order(tmp_path: Path, monkeypatch,
                                                                  max_open: int) -> None:
    """Evicted files take the read-ahead path (kept open, read after the batch was tried), with
    at most MAX_OPEN kept open at once; cached ones and errors in between keep their places."""
    monkeypatch.setattr(reading, "MAX_OPEN", max_open)
    monkeypatch.setattr(reading, "_ahead", reading.AHEAD_BATCHES)  # reading ahead (see below)
    paths, expected = [], []
    for i in range(12):
        data = (f"file {i} ".encode() * (50 + 700 * i))[: 1000 + 5000 * i]
        p = tmp_path / f"{i:02}.md"
        p.write_bytes(data)
        paths.append(p)
        expected.append(data)
    _evict(paths[::2])  # every other file leaves the cache (the others stay)
    given = [str(p) for p in paths]
    given.insert(5, str(tmp_path / "missing.md"))
    got = read_batch(given, 1 << 20)
    assert isinstance(got[5][0], FileNotFoundError) and got[5][1] is None
    del got[5]
    assert [raw for raw, _ in got] == expected
    assert [st.st_size for _, st in got] == [len(d) for d in expected]


def _spy_cached(monkeypatch) -> list[int]:
    """Count the reads that try the page cache first (the read-ahead path)."""
    calls: list[int] = []
    real = reading._cached

    def cached(fd: int, size: int, most: int):
        calls.append(fd)
        return real(fd, size, most)

    monkeypatch.setattr(reading, "_cached", cached)
    return calls


def _articles(tmp_path: Path, count: int, size: int) -> tuple[list[str], list[bytes]]:
    paths, data = [], []
    for i in range(count):
        raw = (f"article {i} ".encode() * size)[:size]
        (tmp_path / f"{i:03}.md").write_bytes(raw)
        paths.append(str(tmp_path / f"{i:03}.md"))
        data.append(raw)
    return paths, data


def test_cached_batches_are_read_the_plain_way(tmp_path: Path, monkeypatch) -> None:
    """Files in the page cache: one plain read each, no read-ahead try, and it stays so."""
    monkeypatch.setattr(reading, "_ahead", 0)
    calls = _spy_cached(monkeypatch)
    paths, data = _articles(tmp_path, 20, 30_000)
    for path in paths:
        Path(path).read_bytes()  # in the page cache now
    for _ in range(3):
        assert [raw for raw, _ in read_batch(paths, 1 << 20)] == data
    assert calls == [] and reading._ahead == 0


def test_a_batch_read_from_the_disk_turns_reading_ahead_on(tmp_path: Path, monkeypatch) -> None:
    """Files evicted from the page cache (real eviction, real disk reads counted by the kernel):
    the batch that finds them on the disk is read in order, the next ones read ahead, for
    AHEAD_BATCHES batches each time the disk is read again."""
    monkeypatch.setattr(reading, "_ahead", 0)
    calls = _spy_cached(monkeypatch)
    paths, data = _articles(tmp_path, 40, 30_000)
    _evict([Path(p) for p in paths])
    first, second = paths[:20], paths[20:]
    blocks = reading._disk_blocks()
    assert [raw for raw, _ in read_batch(first, 1 << 20)] == data[:20]
    if reading._disk_blocks() == blocks:
        pytest.skip("the files could not be evicted from the page cache here (tmpfs?)")
    assert calls == [] and reading._ahead == reading.AHEAD_BATCHES
    assert [raw for raw, _ in read_batch(second, 1 << 20)] == data[20:]  # read ahead, from the disk
    assert len(calls) == 20 and reading._ahead == reading.AHEAD_BATCHES  # and still on: renewed
    calls.clear()
    for left in range(reading.AHEAD_BATCHES - 1, -1, -1):  # cached now: the count runs down
        read_batch(first, 1 << 20)
        assert reading._ahead == left
    assert len(calls) == 20 * reading.AHEAD_BATCHES
    read_batch(first, 1 << 20)
    assert len(calls) == 20 * reading.AHEAD_BATCHES  # the plain way again


def test_the_same_bytes_without_reading_ahead(tmp_path: Path, monkeypatch) -> None:
    paths = []
    for i in range(5):
        p = tmp_path / f"{i}.md"
        p.write_bytes(b"x" * (100 * i))
        paths.append(str(p))
    ahead = [raw for raw, _ in read_batch(paths, 1000)]
    monkeypatch.setattr(reading, "READ_AHEAD", False)
    assert [raw for raw, _ in read_batch(paths, 1000)] == ahead == [b"x" * (100 * i) for i in range(5)]


def test_a_file_over_the_limit_is_read_to_the_limit_in_a_batch(tmp_path: Path) -> None:
    (tmp_path / "big.md").write_bytes(b"y" * 5000)
    (tmp_path / "small.md").write_bytes(b"z" * 10)
    _evict([tmp_path / "big.md"])
    got = read_batch([str(tmp_path / "big.md"), str(tmp_path / "small.md")], 1001)
    assert [raw for raw, _ in got] == [b"y" * 1001, b"z" * 10]


def test_reading_without_pread_gives_the_same_bytes(tmp_path: Path, monkeypatch) -> None:
    """Windows has no os.pread: the seek-and-read stand-in reads the same bytes, from where asked."""
    (tmp_path / "a.md").write_bytes(bytes(range(256)) * 40)
    monkeypatch.setattr(reading, "_pread", reading.seek_read)
    assert _read_path(tmp_path / "a.md", 100_000) == bytes(range(256)) * 40
    assert _read_path(tmp_path / "a.md", 300) == bytes(range(256)) + bytes(range(44))
    fd = os.open(tmp_path / "a.md", os.O_RDONLY)
    try:
        assert reading.seek_read(fd, 4, 254) == bytes([254, 255, 0, 1])
    finally:
        os.close(fd)

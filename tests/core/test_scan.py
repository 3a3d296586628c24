"""The scan's directory digests and the settle step (lint/scan.py), directly."""
from __future__ import annotations

from lint.scan import DirState, Scan, _digest

PATHS = ["/c/a.md", "/c/b.md"]


def test_digest_tells_stamps_apart() -> None:
    base = _digest(PATHS, [10, 20], [1_700_000_000_000_000_000, 1_700_000_000_000_000_001])
    assert base == _digest(list(PATHS), [10, 20], [1_700_000_000_000_000_000, 1_700_000_000_000_000_001])
    assert base != _digest(PATHS, [10, 21], [1_700_000_000_000_000_000, 1_700_000_000_000_000_001])
    assert base != _digest(PATHS, [10, 20], [1_700_000_000_000_000_000, 1_700_000_000_000_000_002])
    assert base != _digest(PATHS, [20, 10], [1_700_000_000_000_000_001, 1_700_000_000_000_000_000])
    assert base != _digest(["/c/a.md", "/c/c.md"], [10, 20], [1_700_000_000_000_000_000, 1_700_000_000_000_000_001])


def test_digest_of_numbers_past_64_bits() -> None:
    """A stamp no 64-bit word holds is written out instead, not an error."""
    big = _digest(PATHS, [10, 2**70], [1, 2])
    assert big != _digest(PATHS, [10, 2**70 + 1], [1, 2])


def _scan(stamps: dict, threshold: int = 1000) -> Scan:
    scan = Scan(threshold=threshold, stamps=dict(stamps))
    scan.dirs.append(DirState("/c", list(stamps), None))
    return scan


def test_settle_keeps_every_stamp_of_a_new_directory() -> None:
    scan = _scan({"/c/a.md": (10, 5), "/c/b.md": (20, 6)})
    scan.settle(set())
    d = scan.dirs[0]
    assert (d.paths, d.sizes, d.mtimes) == (PATHS, [10, 20], [5, 6])
    assert d.digest == _digest(PATHS, [10, 20], [5, 6])
    assert scan.steady and scan.trusted


def test_settle_leaves_out_unknown_recent_and_invalid_files() -> None:
    stamps = {"/c/a.md": (10, 5), "/c/b.md": None, "/c/c.md": (30, 2000), "/c/d.md": (40, 7)}
    for invalid, kept in ((set(), ["/c/a.md", "/c/d.md"]), ({"/c/d.md"}, ["/c/a.md"])):
        scan = _scan(stamps)
        scan.settle(invalid)
        d = scan.dirs[0]
        assert d.paths == kept
        assert d.digest == _digest(kept, [stamps[p][0] for p in kept], [stamps[p][1] for p in kept])
        assert not scan.steady

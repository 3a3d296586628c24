"""What reading ahead (lint/reading.py) gains when the articles are not in the page cache.

    python benchmarks/read_ahead.py CORPUS_DIR [--limit N] [--rounds 2]

Lints the same files on one core (the real worker: `lint_batch`), alternately without and with
reading ahead (`reading.READ_AHEAD`), first each time after asking the kernel to drop the files from its cache
(posix_fadvise DONTNEED, no root needed; a file still mapped or dirty may stay). Prints each pass
and the ratio with / without, within one run (the machine is noisy). A cold checkout, or a machine
that reclaims idle page cache (as these do), reads most articles from disk. Then the same with
the files cached, where both read each file with one open, fstat, read and close. With reading
ahead on, a process reads ahead only once a batch found its files on the disk (the first batch of
an evicted pass is read in order); each pass starts as a fresh worker does, with nothing found yet.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lint import reading, worker
from lint.config import load_settings


def evict(paths: list[str]) -> None:
    os.sync()
    for path in paths:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def one_pass(todo: list[tuple[str, str]], read_ahead: bool) -> float:
    saved = reading.READ_AHEAD
    reading.READ_AHEAD = read_ahead
    reading._ahead = 0  # as a fresh worker: no batch has found the disk yet (passes independent)
    try:
        start = time.perf_counter()
        for i in range(0, len(todo), 256):
            worker.lint_batch(todo[i:i + 256])
        return time.perf_counter() - start
    finally:
        reading.READ_AHEAD = saved


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--limit", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    files = sorted(str(p) for p in args.root.rglob("*.md"))[: args.limit]
    settings = load_settings(cwd=args.root)
    worker.init_worker(settings, ("ALL",), ("G",))
    todo = [(f, f) for f in files]
    one_pass(todo[:200], True)  # compile what the rules compile once
    for cached in (False, True):
        times: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(args.rounds):
            for read_ahead in (False, True):
                if not cached:
                    evict(files)
                times[read_ahead].append(one_pass(todo, read_ahead))
                print(f"{'cached ' if cached else 'evicted'} {'read ahead' if read_ahead else 'plain     '} "
                      f"{times[read_ahead][-1]:7.2f} s", flush=True)
        plain, ahead = min(times[False]), min(times[True])
        where = "in the page cache" if cached else "evicted from the page cache"
        print(f"{len(files):,} articles {where}: read ahead / plain = {ahead / plain:.3f}")


if __name__ == "__main__":
    main()

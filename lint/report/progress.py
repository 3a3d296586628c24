"""A progress bar on standard error, only on a terminal and only when the run is long.

Dependency-free. `ProgressBar` is the engine's `progress(done, total)` callback: it writes
nothing until `delay` seconds have passed (so short runs, and every run whose stderr is a
file, a pipe or a CI log, stay silent), redraws at most `interval` times a second on one line
with `\\r`, and erases that line when closed so the report's own output starts clean.

    with ProgressBar("checking") as bar:
        Engine(settings, progress=bar).run(paths)
"""
from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from typing import Self, TextIO

DELAY = 1.0  # seconds before the bar appears
INTERVAL = 0.1  # seconds between redraws


class ProgressBar:
    def __init__(self, label: str = "checking", *, stream: TextIO | None = None, delay: float = DELAY,
                 interval: float = INTERVAL, clock: Callable[[], float] = time.monotonic,
                 enabled: bool | None = None) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.interval = interval
        self.clock = clock
        self.enabled = _is_terminal(self.stream) if enabled is None else enabled
        self.started = clock()
        self.last_draw = float("-inf")
        self.drawn = 0  # width of what is on the line now
        encoding = (getattr(self.stream, "encoding", None) or "ascii").lower().replace("-", "")
        self.fill, self.empty = ("\u2588", "\u2591") if encoding in ("utf8", "utf8sig") else ("#", "-")

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < self.delay or (now - self.last_draw < self.interval and done < total):
            return
        self.last_draw = now
        self._write("\r" + self.line(done, total, now - self.started).ljust(self.drawn))

    def line(self, done: int, total: int, elapsed: float) -> str:
        """`checking ████░░░░ 1,234/10,000  12%  0:03 left 0:21`, fitted to the terminal width."""
        width = shutil.get_terminal_size((80, 24)).columns - 1
        share = done / total if total else 1.0
        left = f" left {_clock(elapsed * (1 - share) / share)}" if 0 < share < 1 else ""
        tail = f" {done:,}/{total:,} {share:4.0%} {_clock(elapsed)}{left}"
        bar_w = max(0, min(40, width - len(self.label) - len(tail) - 2))
        filled = int(bar_w * share)
        text = f"{self.label} {self.fill * filled}{self.empty * (bar_w - filled)}{tail}"
        return text[:width]

    def close(self) -> None:
        """Erase the bar (if one was drawn) so the next output starts at column 0."""
        if self.drawn:
            self._write("\r" + " " * self.drawn + "\r")
            self.drawn = 0

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # a closed or broken stderr must not stop the run
            self.enabled = False
            return
        self.drawn = len(text.rstrip("\r").split("\r")[-1])

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"

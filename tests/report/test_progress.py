"""The progress bar: silent off a terminal and on short runs; one erasable line otherwise."""
from __future__ import annotations

import io

from lint.report import ProgressBar


class Terminal(io.StringIO):
    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_silent_when_stderr_is_not_a_terminal() -> None:
    out, clock = io.StringIO(), Clock()
    bar = ProgressBar(stream=out, clock=clock)
    clock.now += 30
    for i in range(1, 101):
        bar(i, 100)
    bar.close()
    assert out.getvalue() == ""


def test_silent_while_the_run_is_short() -> None:
    out, clock = Terminal(), Clock()
    with ProgressBar(stream=out, clock=clock) as bar:
        clock.now += 0.5
        bar(10, 10)
    assert out.getvalue() == ""


def test_long_run_draws_throttled_and_erases_its_line() -> None:
    out, clock = Terminal(), Clock()
    with ProgressBar("checking", stream=out, clock=clock) as bar:
        clock.now += 2.0
        bar(1_234, 10_000)
        bar(1_300, 10_000)  # same instant: throttled
        drawn = out.getvalue()
        assert drawn.startswith("\rchecking \u2588") and "1,234/10,000" in drawn and "12%" in drawn
        assert "left 0:14" in drawn and "\n" not in drawn
        clock.now += 1.0
        bar(10_000, 10_000)
        assert "10,000/10,000 100%" in out.getvalue()
    last_line = out.getvalue().split("\r")[-3]
    assert out.getvalue().endswith("\r" + " " * len(last_line) + "\r") and bar.drawn == 0


def test_ascii_terminal_gets_ascii_bar() -> None:
    class Ascii(Terminal):
        encoding = "ascii"

    out, clock = Ascii(), Clock()
    bar = ProgressBar("reading", stream=out, clock=clock, delay=0)
    bar(5, 10)
    assert "#" in out.getvalue() and "-" in out.getvalue()
    out.getvalue().encode("ascii")


def test_a_closed_stream_disables_the_bar_instead_of_failing() -> None:
    out, clock = Terminal(), Clock()
    bar = ProgressBar(stream=out, clock=clock, delay=0)
    out.close()
    bar(1, 2)
    assert bar.enabled is False

"""A real headless Chromium (Debian's, installed by scripts/install-chromium.sh) driven by Playwright.

Missing browser: a skip with the reason on a developer's machine, a failure in CI (CI=true),
where `.ci/run` installs it. Playwright never downloads a browser here: it launches /usr/bin/chromium.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: the browser tests must run; see scripts/install-chromium.sh)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is absent: run scripts/install-chromium.sh to enable the browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class OpenedPage:
    """A page plus every console error and uncaught exception it produced."""

    def __init__(self, page) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))


@pytest.fixture
def open_report(browser):
    contexts = []

    def open_(path: Path, width: int = 1280, height: int = 900) -> OpenedPage:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        opened = OpenedPage(context.new_page())
        opened.page.goto(path.resolve().as_uri())
        opened.page.wait_for_selector("body[data-ready]")
        return opened

    yield open_
    for c in contexts:
        c.close()

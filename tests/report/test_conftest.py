"""The browser fixture's rule: without Chromium, skip on a developer's machine, fail in CI."""
from __future__ import annotations

import pytest

from tests.report.conftest import _unavailable


def test_missing_browser_skips_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="install-chromium"):
        _unavailable("/usr/bin/chromium is absent: run scripts/install-chromium.sh")


def test_missing_browser_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        _unavailable("/usr/bin/chromium is absent")

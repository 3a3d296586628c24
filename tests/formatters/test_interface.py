"""Every formatter takes the CLI's one call shape, including options meant for other formats."""

from __future__ import annotations

import pytest

from lint.formatters import github, junit, sarif, statistics
from tests.formatters.samples import RULES


@pytest.mark.parametrize(
    "module", [sarif, github, junit, statistics], ids=lambda m: m.__name__.rsplit(".", 1)[1]
)
def test_render_accepts_the_cli_call(sample, module):
    out = module.render(
        sample.diagnostics,
        RULES,
        tool_version="0.4.0",
        root=sample.root,
        sources=sample.sources,
        checked_paths=sample.checked_paths,
        colour=True,
        show_source=True,
    )
    assert out.endswith("\n")
    assert out == module.render(
        sample.diagnostics,
        RULES,
        tool_version="0.4.0",
        root=sample.root,
        sources=sample.sources,
        checked_paths=sample.checked_paths,
    )


def test_statistics_needs_only_the_findings_and_rules(sample):
    assert statistics.render(sample.diagnostics, RULES).startswith("2\tE001\t[*] mojibake\n")
    assert statistics.render_json(sample.diagnostics, RULES).startswith("[")

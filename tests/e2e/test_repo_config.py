"""The files that wire qtlint into other tools, checked with those tools where they can run here:
`.pre-commit-hooks.yaml` and `.pre-commit-config.yaml` by pre-commit's own validators, and
`.github/workflows/content.yml` by its YAML and the commands it runs (no Actions runner here)."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import pytest
import yaml

from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "content.yml"


def pre_commit(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=120, check=False)


def test_hook_manifest_is_valid_for_pre_commit():
    proc = pre_commit("validate-manifest", ".pre-commit-hooks.yaml")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_hooks_lint_markdown_file_names_with_the_console_script():
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"qtlint", "qtlint-fix"}
    assert hooks["qtlint"]["entry"] == "qtlint check"
    assert hooks["qtlint-fix"]["entry"] == "qtlint check --fix"
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"]
    assert "qtlint" in scripts  # what `pip install .` puts on the hook's PATH
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["types"] == ["markdown"]
        assert hook.get("pass_filenames", True) is True and hook["require_serial"] is True


def test_repository_config_is_valid_for_pre_commit():
    proc = pre_commit("validate-config", ".pre-commit-config.yaml")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_repository_hooks_install_from_pypi_only():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    assert {r["repo"] for r in config["repos"]} == {"local"}
    hooks = {h["id"]: h for r in config["repos"] for h in r["hooks"]}
    for hook in hooks.values():
        assert hook["language"] == "python"
        for dep in hook["additional_dependencies"]:
            assert re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][0-9A-Za-z.]*", dep), dep  # a pinned PyPI name
    assert any(d.startswith("ruff==") for d in hooks["ruff"]["additional_dependencies"])
    assert hooks["qtlint-seeds"]["entry"] == "python -m lint check seeds/"


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_qtlint_hook_installs_exactly_the_runtime_dependencies():
    """The local hook runs the work tree with `python -m lint`: it needs what `pip install .` would."""
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    hook = next(h for r in config["repos"] for h in r["hooks"] if h["id"] == "qtlint-seeds")
    wanted = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    assert sorted(map(_name, hook["additional_dependencies"])) == sorted(map(_name, wanted))


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def test_workflow_runs_on_pull_requests_with_permission_to_upload(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    assert workflow["permissions"]["security-events"] == "write"


def test_workflow_steps(workflow):
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    uses = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
    assert uses["actions/checkout"]["with"]["fetch-depth"] == 0
    assert str(uses["actions/setup-python"]["with"]["python-version"]) == "3.11"
    assert uses["github/codeql-action/upload-sarif"]["with"]["sarif_file"] == "qtlint.sarif"
    runs = [s["run"] for s in steps if "run" in s]
    assert any("pip install ." in r for r in runs)
    assert job["env"]["BASE_REF"] == "${{ github.base_ref }}"
    gate = next(s for s in steps if "--output-format github" in s.get("run", ""))
    assert gate["run"] == 'qtlint check --changed-since "origin/$BASE_REF" --output-format github'
    assert "if" not in gate and "continue-on-error" not in gate  # its failure fails the job
    sarif = next(s for s in steps if "--output-format sarif" in s.get("run", ""))
    assert "--output-file qtlint.sarif" in sarif["run"] and "--exit-zero" in sarif["run"]
    assert "!cancelled()" in sarif["if"]  # written even when the gate failed
    assert steps.index(gate) < steps.index(sarif) < steps.index(uses["github/codeql-action/upload-sarif"])


def test_workflow_commands_parse_with_the_real_cli(workflow):
    """Each qtlint command of the workflow is accepted by the CLI's own parser."""
    from lint.cli import build_parser

    for step in next(iter(workflow["jobs"].values()))["steps"]:
        run = step.get("run", "")
        if run.startswith("qtlint "):
            argv = run.replace('"origin/$BASE_REF"', "origin/main").split()[1:]
            args = build_parser().parse_args(argv)
            assert args.changed_since == "origin/main"


def test_docs_show_the_workflow_gate_as_it_runs(workflow):
    docs = (REPO / "docs" / "ways-in.md").read_text(encoding="utf-8")
    gate = next(s["run"] for s in next(iter(workflow["jobs"].values()))["steps"]
                if "--output-format github" in s.get("run", ""))
    assert f"```sh\n{gate}\n```" in docs

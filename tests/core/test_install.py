"""`pip install .` (not editable) gives a working `qtlint` that finds its bundled schema,
invariants, dictionary and report assets, run from outside the source tree."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO, seed_home, seed_text


def test_built_wheel_works_outside_the_source_tree(tmp_path):
    wheels, site = tmp_path / "wheels", tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(REPO)],
                   check=True, cwd=tmp_path, timeout=600)
    (wheel,) = wheels.glob("qtlint-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site),
                    str(wheel)], check=True, timeout=600)
    work = tmp_path / "work"
    text = seed_text("001").replace("id: 170601", "id: x")
    (work / seed_home(text)).parent.mkdir(parents=True)
    (work / seed_home(text)).write_text(text)
    env = {**os.environ, "PYTHONPATH": str(site), "NO_COLOR": "1"}
    where = subprocess.run([sys.executable, "-c", "import lint, lint.resources as r; "
                            "print(lint.__file__); print(r.schemas_dir())"],
                           cwd=work, env=env, capture_output=True, text=True, check=True)
    module_file, schemas = where.stdout.split()
    assert module_file.startswith(str(site)) and schemas.startswith(str(site))
    script = site / "bin" / "qtlint"
    proc = subprocess.run([str(script), "check", "--output-format", "json", "--no-cache", "--ignore", "G"],
                          cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert [d["code"] for d in json.loads(proc.stdout)] == ["S003"]
    report = subprocess.run([str(script), "report", "-o", "r.html", "--no-cache", "--ignore", "G"],
                            cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert report.returncode == 0, report.stderr
    html = (work / "r.html").read_text()
    assert "<style" in html and len(html) > 5000  # the inline CSS/JS assets were found

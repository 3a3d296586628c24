"""The result cache: reused when nothing changed, invalidated by a change of file,
configuration or version, robust to corruption and concurrency; parallel == serial."""
from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace

from lint import cache as lint_cache
from lint.config import load_settings
from lint.engine import Engine
from lint.rules import grammar_rules
from tests.conftest import REPO, run_cli, seed_home, seed_text, write_corpus

GOOD = {seed_home(seed_text(k)): seed_text(k).replace("Hereâ€™s", "Here’s") for k in ("000", "001", "002")}


def _engine(root, **kw):
    settings = replace(load_settings(cwd=root), **kw)
    return Engine(settings, cwd=root)


class CountingBackend:
    """The real Harper backend, counting the texts it is asked to check."""

    def __init__(self, real):
        self.real, self.calls = real, 0
        self.name, self.version = real.name, real.version
        self.dictionary_digest, self.rule_settings = real.dictionary_digest, real.rule_settings

    def check(self, text):
        self.calls += 1
        return self.real.check(text)

    def check_many(self, texts):
        self.calls += len(texts)
        return self.real.check_many(texts)


def test_second_run_over_unchanged_files_calls_no_checker(tmp_path, monkeypatch):
    files = dict(GOOD)
    bad = seed_text("001").replace("arises from the unequal", "arises from the the unequal")
    files[seed_home(bad)] = bad
    root = write_corpus(tmp_path / "c", files)
    counters = []
    real_build = grammar_rules.build_backend

    def counting_build(settings):
        counters.append(CountingBackend(real_build(settings)))
        return counters[-1]

    monkeypatch.setattr(grammar_rules, "build_backend", counting_build)
    first = _engine(root, jobs=1).run([root])
    assert sum(c.calls for c in counters) >= 3 and any(d.code == "G002" for d in first.diagnostics)
    counters.clear()
    second = _engine(root, jobs=1).run([root])
    assert sum(c.calls for c in counters) == 0  # no checker was even asked
    assert second.diagnostics == first.diagnostics


def test_cache_is_invalidated_by_file_config_and_version(tmp_path, monkeypatch):
    root = write_corpus(tmp_path / "c", GOOD)
    assert _engine(root, jobs=1).run([root]).diagnostics == []
    # a file changes
    path = root / next(iter(GOOD))
    path.write_text(path.read_text().replace("date: 2025-02-06", "date: 2025-02-30"))
    assert [d.code for d in _engine(root, jobs=1).run([root]).diagnostics] == ["S004"]
    # the configuration changes (a severity): new results, not the cached ones
    with open(root / "pyproject.toml", "a") as fh:
        fh.write('[tool.qtlint.severity]\nS004 = "warning"\n')
    (d,) = _engine(root, jobs=1).run([root]).diagnostics
    assert d.severity.value == "warning"
    # the tool's version changes: a fresh cache file
    before = set(os.listdir(root / ".qtlint_cache"))
    monkeypatch.setattr(lint_cache, "__version__", "999.0")
    _engine(root, jobs=1).run([root])
    after = set(os.listdir(root / ".qtlint_cache"))
    assert any(name.startswith("v999.0-") for name in after - before)


def test_content_unchanged_but_touched_is_still_a_hit(tmp_path):
    root = write_corpus(tmp_path / "c", GOOD)
    _engine(root, jobs=1).run([root])
    path = root / next(iter(GOOD))
    os.utime(path, (1, 1))
    engine = _engine(root, jobs=1)
    from lint.cache import ResultCache
    cache = ResultCache.open(engine.settings, engine.rules_key())
    assert cache.get(str(path), next(iter(GOOD))) is not None
    cache.close()


def test_corrupt_and_foreign_cache_files_are_discarded_with_a_warning(tmp_path):
    root = write_corpus(tmp_path / "c", GOOD)
    assert run_cli(["check"], root).returncode == 0
    (db,) = [p for p in (root / ".qtlint_cache").iterdir() if p.suffix == ".sqlite"]
    db.write_bytes(b"this is not a database" * 100)
    proc = run_cli(["check"], root)
    assert proc.returncode == 0 and "warning" in proc.stderr and "Traceback" not in proc.stderr
    # a well-formed database that is not ours
    db.unlink()
    for extra in db.parent.glob(db.name + "-*"):
        extra.unlink()
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT INTO meta VALUES ('magic', 'someone-else')")
    con.commit()
    con.close()
    proc = run_cli(["check"], root)
    assert proc.returncode == 0 and "foreign" in proc.stderr


def test_a_planted_row_is_never_trusted_blindly(tmp_path):
    root = write_corpus(tmp_path / "c", GOOD)
    run_cli(["check"], root)
    (db,) = [p for p in (root / ".qtlint_cache").iterdir() if p.suffix == ".sqlite"]
    con = sqlite3.connect(db)
    con.execute("UPDATE files SET entry = 'not json'")
    con.execute("DELETE FROM corpus")  # so the index entries must be read
    con.commit()
    con.close()
    proc = run_cli(["check", "--output-format", "json"], root)
    assert proc.returncode == 0 and json.loads(proc.stdout) == []
    assert "corrupt cache entry" in proc.stderr


def test_two_concurrent_runs_do_not_corrupt_the_cache(tmp_path):
    files = {}
    for i in range(60):
        text = seed_text("001").replace("id: 170601", f"id: {1000 + i}")
        text = text.replace("explain-how-the-sodiumpotassium", f"n{i}-explain-how-the-sodiumpotassium")
        files[f"nursing/{i}.md"] = text
    root = write_corpus(tmp_path / "c", files)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, "-m", "lint", "check", "--output-format", "json",
                               "--ignore", "G"], cwd=root, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 1 and out.strip() for p, (out, _) in zip(procs, outs, strict=True)), \
        [err for _, err in outs]
    assert all("Traceback" not in err for _, err in outs), [err for _, err in outs]
    assert json.loads(outs[0][0]) == json.loads(outs[1][0])
    again = run_cli(["check", "--output-format", "json", "--ignore", "G"], root)
    assert json.loads(again.stdout) == json.loads(outs[0][0]) and "warning" not in again.stderr


def _numbered_articles() -> dict[str, str]:
    """120 articles (above the parallel threshold), a date that does not exist in every fifth."""
    files = {}
    for i in range(120):
        text = seed_text("000").replace("id: 170611", f"id: {5000 + i}")
        if i % 5 == 0:
            text = text.replace("date: 2025-02-06", "date: 2025-02-31")
        files[f"nursing/a{i:03}.md"] = text
    return files


def test_parallel_run_gives_exactly_the_serial_diagnostics(tmp_path):
    files = _numbered_articles()
    root = write_corpus(tmp_path / "c", files)
    serial = run_cli(["check", "--no-cache", "--jobs", "1", "--output-format", "json", "--ignore", "G"], root)
    parallel = run_cli(["check", "--no-cache", "--jobs", "2", "--output-format", "json", "--ignore", "G"], root)
    assert serial.returncode == parallel.returncode == 1
    assert json.loads(serial.stdout) == json.loads(parallel.stdout)
    assert len(json.loads(serial.stdout)) > 120


def test_a_run_selecting_more_rules_does_not_reuse_results_of_fewer(tmp_path):
    text = seed_text("001").replace("For every three sodium ions (Na+) it pumps out of the cell, it brings in two",
                                    "For every two sodium ions (Na+) it pumps out of the cell, it brings in three")
    root = write_corpus(tmp_path / "c", {seed_home(text): text})
    first = run_cli(["check", "--output-format", "json", "--ignore", "F,G"], root)
    assert json.loads(first.stdout) == []
    second = run_cli(["check", "--output-format", "json", "--ignore", "G"], root)
    assert [d["code"] for d in json.loads(second.stdout)] == ["F001"]


def test_rows_written_while_linting_are_reused_and_equal(tmp_path, monkeypatch):
    """A cold run writes its rows a few at a time while it lints (run_files.WRITE_EVERY); the next
    run reads every one of them (the checker is asked nothing) and gives the same findings, and
    the table holds one row a file."""
    from lint import run_files

    monkeypatch.setattr(run_files, "WRITE_EVERY", 2)
    monkeypatch.delenv("QTLINT_CACHE_DIR", raising=False)  # the cache under the corpus, where _rows_of looks
    files = dict(GOOD)
    bad = seed_text("001").replace("arises from the unequal", "arises from the the unequal")
    files[seed_home(bad).replace(".md", "-2.md")] = bad
    root = write_corpus(tmp_path / "c", files)
    writes = []
    real_write = lint_cache.ResultCache.write_pending

    def counting_write(self):
        writes.append(len(self.pending))
        real_write(self)

    monkeypatch.setattr(lint_cache.ResultCache, "write_pending", counting_write)
    first = _engine(root, jobs=1).run([root])
    assert writes and all(n == 2 for n in writes)  # rows went out during the run
    counters = []
    real_build = grammar_rules.build_backend
    monkeypatch.setattr(grammar_rules, "build_backend",
                        lambda settings: counters.append(CountingBackend(real_build(settings))) or counters[-1])
    second = _engine(root, jobs=1).run([root])
    assert sum(c.calls for c in counters) == 0
    assert second.diagnostics == first.diagnostics and any(d.code == "G002" for d in first.diagnostics)
    assert _rows_of(root) == len(files)


def _rows_of(root) -> int:
    paths = list((root / ".qtlint_cache").glob("*.sqlite"))
    assert paths, "no cache database found"
    with sqlite3.connect(paths[0]) as db:
        return db.execute("SELECT COUNT(*) FROM files").fetchone()[0]


def test_a_cold_parallel_run_hands_out_files_before_sorting_and_stores_each_once(tmp_path, monkeypatch):
    """A cold run over many files hands the first run_files.EARLY out in the order the walk found
    them (the workers start while the rest are sorted by their row keys), through a real process
    pool. The findings equal a serial run's without cache, every file has one row, and the next
    run reuses them all (nothing is linted again)."""
    from lint import run_files

    monkeypatch.setattr(run_files, "WRITE_EVERY", 10)
    monkeypatch.setattr(run_files, "EARLY", 7)
    monkeypatch.delenv("QTLINT_CACHE_DIR", raising=False)
    files = _numbered_articles()
    root = write_corpus(tmp_path / "c", files)
    parts, workers = [], []
    real_map = run_files.map_files

    def recording_map(given, total, *args):
        def record():
            for part in given:  # made when the pool asks for it
                workers.append(len(multiprocessing.active_children()))
                parts.append([path for path, _ in part])
                yield part
        return real_map(record(), total, *args)

    monkeypatch.setattr(run_files, "map_files", recording_map)
    parallel = _engine(root, jobs=2, select=("ALL",), ignore=("G",)).run([root])
    walked = parts[0]
    assert workers == [0, 2]  # the second part was sorted with the two workers already started
    assert len(parts) == 2 and len(walked) == 7 and sorted(parts[0] + parts[1]) == sorted(
        str(root / name) for name in files)
    assert walked == sorted(walked)  # the walk's order (names sorted), not the keys'
    assert parts[1] == sorted(parts[1], key=lint_cache.file_id)
    assert parts[1] != sorted(parts[1])  # the keys' order is not the names' here
    serial = _engine(root, jobs=1, use_cache=False, select=("ALL",), ignore=("G",)).run([root])
    assert parallel.diagnostics == serial.diagnostics
    assert sum(d.code == "S004" for d in parallel.diagnostics) == 24  # 2025-02-31 in every fifth
    assert _rows_of(root) == 120
    parts.clear()
    again = _engine(root, jobs=2, select=("ALL",), ignore=("G",)).run([root])
    assert parts == [] and again.diagnostics == parallel.diagnostics

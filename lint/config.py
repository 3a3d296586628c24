"""Settings: `[tool.qtlint]` in pyproject.toml (found from the working directory upward), over
built-in defaults. Rules never read configuration; the engine hands them their options."""
from __future__ import annotations

import hashlib
import json
import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .diagnostic import Severity
from .resources import bundled

DEFAULT_EXCLUDE = (".git", ".hg", ".venv", "venv", "node_modules", ".qtlint_cache", "__pycache__",
                   ".tox", "build", "dist")


class ConfigError(Exception):
    """A usage or configuration error: the CLI prints it and exits 2."""


class BackendUnavailable(ConfigError):
    """A checker the configuration asks for cannot run (e.g. LanguageTool not reachable)."""


@dataclass(frozen=True)
class GrammarSettings:
    backend: str = "harper"  # harper | languagetool
    languagetool_url: str | None = None
    language: str = "en-US"
    # Harper rules that cried wolf on correct study prose in a 2,000-article sample, with no true
    # finding: "modify how cells behave" is not "how to"; "in fact ion channels" is not "faction";
    # "through its effects on breathing", "burnout", "in the pelvic floor", "contributes to
    # inherited disorders" are right as written; the Oxford comma is a house style.
    disabled_rules: tuple[str, ...] = ("OxfordComma", "HowTo", "CompoundNouns", "NounVerbConfusion",
                                       "PhrasalVerbAsCompoundNoun", "OnFloor", "InflectedVerbAfterTo")
    dictionary: Path = field(default_factory=lambda: bundled("dictionary.txt"))


@dataclass(frozen=True)
class Settings:
    root: Path
    config_path: Path | None = None
    include: tuple[str, ...] = (".",)
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extensions: tuple[str, ...] = (".md",)
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    schema: Path = field(default_factory=lambda: bundled("article.schema.json"))
    invariants: Path = field(default_factory=lambda: bundled("invariants.yaml"))
    published_index: Path | None = None
    content_roots: tuple[Path, ...] = ()
    cache_dir: Path | None = None
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    grammar: GrammarSettings = field(default_factory=GrammarSettings)
    max_file_size: int = 2 * 1024 * 1024
    jobs: int = 0  # 0: all cores
    use_cache: bool = True

    def resolve(self, value: str | Path) -> Path:
        p = Path(value)
        return p if p.is_absolute() else self.root / p

    def fingerprint(self) -> str:
        """Hash of everything that can change a per-file result (for the cache)."""
        h = hashlib.sha256()
        parts = {
            "select": self.select, "ignore": self.ignore,
            "severity": sorted((k, v.value) for k, v in self.severity.items()),
            "per_file_ignores": sorted(self.per_file_ignores.items()),
            "max_file_size": self.max_file_size,
            "grammar": [self.grammar.backend, self.grammar.languagetool_url, self.grammar.language,
                        self.grammar.disabled_rules],
        }
        h.update(json.dumps(parts, sort_keys=True, default=str).encode())
        import importlib.metadata

        for dist in ("harper-py", "ftfy", "jsonschema", "PyYAML"):  # checkers' versions change results
            try:
                h.update(f"{dist}={importlib.metadata.version(dist)}".encode())
            except importlib.metadata.PackageNotFoundError:
                h.update(dist.encode())
        for path in (self.schema, self.invariants, self.grammar.dictionary):
            try:
                h.update(path.read_bytes())
            except OSError:
                h.update(b"<missing>" + str(path).encode())
        return h.hexdigest()[:32]


KNOWN_KEYS = {
    "include", "exclude", "extend-exclude", "extensions", "select", "extend-select", "ignore",
    "severity", "fail-on", "schema", "invariants", "published-index", "content-roots", "cache-dir",
    "per-file-ignores", "grammar", "max-file-size", "jobs",
}
GRAMMAR_KEYS = {"backend", "languagetool-url", "language", "disabled-rules", "dictionary"}


def find_config(start: Path) -> Path | None:
    for directory in [start, *start.parents]:
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            try:
                with candidate.open("rb") as fh:
                    if "qtlint" in tomllib.load(fh).get("tool", {}):
                        return candidate
            except OSError:
                continue
            except tomllib.TOMLDecodeError as err:
                raise ConfigError(f"{candidate}: invalid TOML: {err}") from None
    return None


def load_settings(config: str | None = None, cwd: Path | None = None,
                  known_selector=None) -> Settings:
    cwd = (cwd or Path.cwd()).resolve()
    path = Path(config).resolve() if config else find_config(cwd)
    if path is None:
        return Settings(root=cwd, content_roots=(cwd,))
    try:
        with path.open("rb") as fh:
            doc = tomllib.load(fh)
    except OSError as err:
        raise ConfigError(f"{path}: cannot read the configuration: {err.strerror}") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None
    table = doc.get("tool", {}).get("qtlint")
    if table is None:
        if config:
            raise ConfigError(f"{path}: no [tool.qtlint] table")
        table = {}
    return settings_from_table(table, path, known_selector)


def _strings(name: str, value: Any, path: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: [tool.qtlint] `{name}` must be a list of strings")
    return tuple(value)


def _severity(name: str, value: Any, path: Path) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise ConfigError(f"{path}: [tool.qtlint] `{name}` must be one of error, warning, info; "
                          f"got {value!r}") from None


def settings_from_table(table: dict, path: Path, known_selector=None) -> Settings:
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) in [tool.qtlint]: {', '.join(unknown)}; "
                          f"known keys: {', '.join(sorted(KNOWN_KEYS))}")
    root = path.parent
    s = Settings(root=root, config_path=path, content_roots=(root,))
    changes: dict[str, Any] = {}

    def codes(name: str, value: Any) -> tuple[str, ...]:
        values = _strings(name, value, path)
        if known_selector is not None:
            bad = [v for v in values if not known_selector(v)]
            if bad:
                raise ConfigError(f"{path}: unknown rule code(s) in `{name}`: {', '.join(bad)} "
                                  "(see `qtlint rules`)")
        return values

    if "include" in table:
        changes["include"] = _strings("include", table["include"], path)
    exclude = _strings("exclude", table["exclude"], path) if "exclude" in table else DEFAULT_EXCLUDE
    changes["exclude"] = exclude + _strings("extend-exclude", table.get("extend-exclude", []), path)
    if "extensions" in table:
        changes["extensions"] = _strings("extensions", table["extensions"], path)
    if "select" in table:
        changes["select"] = codes("select", table["select"])
    if "extend-select" in table:
        changes["select"] = changes.get("select", s.select) + codes("extend-select", table["extend-select"])
    if "ignore" in table:
        changes["ignore"] = codes("ignore", table["ignore"])
    if "severity" in table:
        if not isinstance(table["severity"], dict):
            raise ConfigError(f"{path}: [tool.qtlint] `severity` must be a table CODE = \"level\"")
        codes("severity", list(table["severity"]))
        changes["severity"] = {k: _severity(f"severity.{k}", v, path) for k, v in table["severity"].items()}
    if "fail-on" in table:
        changes["fail_on"] = _severity("fail-on", table["fail-on"], path)
    for key, attr in (("schema", "schema"), ("invariants", "invariants"),
                      ("published-index", "published_index"), ("cache-dir", "cache_dir")):
        if key in table:
            if not isinstance(table[key], str):
                raise ConfigError(f"{path}: [tool.qtlint] `{key}` must be a path string")
            changes[attr] = s.resolve(table[key])
    if "content-roots" in table:
        changes["content_roots"] = tuple(s.resolve(p) for p in _strings("content-roots", table["content-roots"], path))
    if "per-file-ignores" in table:
        pfi = table["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(f"{path}: `per-file-ignores` must be a table \"glob\" = [codes]")
        changes["per_file_ignores"] = {g: codes(f"per-file-ignores.{g}", v) for g, v in pfi.items()}
    for key, attr in (("max-file-size", "max_file_size"), ("jobs", "jobs")):
        if key in table:
            if not isinstance(table[key], int) or table[key] < 0:
                raise ConfigError(f"{path}: [tool.qtlint] `{key}` must be a non-negative integer")
            changes[attr] = table[key]
    if "grammar" in table:
        changes["grammar"] = _grammar(table["grammar"], path, s)
    return replace(s, **changes)


def _grammar(table: Any, path: Path, s: Settings) -> GrammarSettings:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.qtlint.grammar] must be a table")
    unknown = sorted(set(table) - GRAMMAR_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) in [tool.qtlint.grammar]: {', '.join(unknown)}; "
                          f"known keys: {', '.join(sorted(GRAMMAR_KEYS))}")
    g = GrammarSettings()
    backend = table.get("backend", g.backend)
    if backend not in ("harper", "languagetool"):
        raise ConfigError(f"{path}: [tool.qtlint.grammar] backend must be `harper` or "
                          f"`languagetool`, not {backend!r}")
    return GrammarSettings(
        backend=backend,
        languagetool_url=table.get("languagetool-url"),
        language=table.get("language", g.language),
        disabled_rules=g.disabled_rules + _strings("grammar.disabled-rules", table.get("disabled-rules", []), path),
        dictionary=s.resolve(table["dictionary"]) if "dictionary" in table else g.dictionary,
    )


def with_overrides(s: Settings, **kw: Any) -> Settings:
    return replace(s, **{k: v for k, v in kw.items() if v is not None})


def env_languagetool_url() -> str | None:
    return os.environ.get("QTLINT_LANGUAGETOOL_URL") or None


def iter_selectors(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out

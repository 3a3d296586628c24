"""Applying fixes: text edits on the raw file, written back without touching anything else.

A Fix (lint.diagnostic) is a tuple of Edits (character offsets into the decoded file text,
`Article.text`) plus an applicability. This module never re-dumps YAML: it splices the edited
spans into the original text, so every byte outside them (line endings, BOM, quoting, key
order, comments, the body) stays as it was.

Public API:

    decode_raw(raw) -> str
        The parser's decoding: strip a UTF-8 BOM, decode UTF-8 strictly, no newline translation.
    encode_like(original_bytes, new_text) -> bytes
        The inverse for a file read that way: UTF-8, with the BOM put back if it had one.
    is_applicable(fix, unsafe_fixes=False) -> bool
        SAFE always, UNSAFE only with --unsafe-fixes, DISPLAY_ONLY never.
    apply_fixes(text, fixes) -> (new_text, skipped)
        Applies every fix that does not conflict with an earlier one, all edits of a fix or none.
        Order is fixed by content (first edit's start, then end, then the edits themselves), so
        the result does not depend on the order rules reported them. Skipped fixes are returned
        to be tried again in the next lint round. Raises ValueError for a malformed fix.
    fix_until_stable(text, find_fixes, max_rounds=10) -> FixOutcome
        The lint-again loop on one text: find fixes, apply, repeat until nothing is left to
        apply, or `max_rounds` is reached (FixOutcome.converged is then False).
    unified_diff(path, old_text, new_text) -> str
        `--diff` output ("--- a/path", "+++ b/path"); "" when nothing changed.
    write_atomic(path, new_bytes, expected_old_bytes) -> None
        Refuses with FileChangedError if the file no longer holds expected_old_bytes, and with
        FixWriteError (path + what to do) if the file or its directory is read-only. Otherwise
        writes a temporary file in the same directory, fsyncs it, gives it the file's permission
        bits (and owner, where allowed), and renames it over the file (os.replace, atomic). A
        symlink is followed, so the link stays a link; a hard link is broken (the path gets the
        new file), as with most editors' saves. On any failure the original file is untouched and
        no temporary file is left behind.

Wiring (--fix): for each file, text = article.text; run rules -> fixes (filtered with
is_applicable) -> apply_fixes -> lint again (fix_until_stable) -> if text changed:
write_atomic(path, encode_like(article.raw, text), article.raw); --diff prints
unified_diff(path, article.text, text) instead of writing.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .diagnostic import Applicability, Edit, Fix

UTF8_BOM = b"\xef\xbb\xbf"


class FixError(Exception):
    """A fix could not be written; `path` names the file. The file is unchanged."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


class FileChangedError(FixError):
    """The file on disk is no longer what was linted; it was not overwritten."""


class FixWriteError(FixError):
    """The file could not be written (read-only file or directory, disk full, ...)."""


# ---- text ------------------------------------------------------------------------------


def decode_raw(raw: bytes) -> str:
    return raw.removeprefix(UTF8_BOM).decode("utf-8")


def encode_like(original_bytes: bytes, new_text: str) -> bytes:
    bom = UTF8_BOM if original_bytes.startswith(UTF8_BOM) else b""
    return bom + new_text.encode("utf-8")


def is_applicable(fix: Fix, unsafe_fixes: bool = False) -> bool:
    if fix.applicability is Applicability.SAFE:
        return True
    return unsafe_fixes and fix.applicability is Applicability.UNSAFE


def apply_fixes(text: str, fixes: Sequence[Fix]) -> tuple[str, list[Fix]]:
    for fix in fixes:
        _check(text, fix)
    chosen: list[Edit] = []
    skipped: list[Fix] = []
    for fix in sorted((fix for fix in fixes if fix.edits), key=_order):
        if any(_conflict(edit, other) for edit in fix.edits for other in chosen):
            skipped.append(fix)
        else:
            chosen.extend(fix.edits)
    pieces: list[str] = []
    position = 0
    for edit in sorted(chosen, key=lambda edit: (edit.start, edit.end)):
        pieces.append(text[position : edit.start])
        pieces.append(edit.content)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces), skipped


def _order(fix: Fix) -> tuple:
    edits = sorted((edit.start, edit.end, edit.content) for edit in fix.edits)
    return (edits[0][0], max(end for _, end, _ in edits), edits, fix.applicability.value, fix.message)


def _conflict(a: Edit, b: Edit) -> bool:
    """Overlapping spans conflict; so do two edits starting at one point (two insertions
    there, or an insertion at the start of a replacement), whose order would be a guess."""
    return (a.start < b.end and b.start < a.end) or a.start == b.start


def _check(text: str, fix: Fix) -> None:
    for edit in fix.edits:
        if not 0 <= edit.start <= edit.end <= len(text):
            raise ValueError(f"edit {edit} lies outside the text (length {len(text)}) in fix {fix}")
    for index, edit in enumerate(fix.edits):
        if any(_conflict(edit, other) for other in fix.edits[index + 1 :]):
            raise ValueError(f"fix {fix} has overlapping edits")


@dataclass(frozen=True, slots=True)
class FixOutcome:
    text: str
    applied: int  # fixes applied over all rounds
    rounds: int  # lint rounds that found fixes
    converged: bool  # False when max_rounds ran out with fixes still to apply


def fix_until_stable(
    text: str, find_fixes: Callable[[str], Sequence[Fix]], max_rounds: int = 10
) -> FixOutcome:
    applied = 0
    for round_number in range(max_rounds):
        fixes = list(find_fixes(text))
        if not fixes:
            return FixOutcome(text, applied, round_number, True)
        new_text, skipped = apply_fixes(text, fixes)
        applied += len([fix for fix in fixes if fix.edits]) - len(skipped)
        if new_text == text:
            return FixOutcome(text, applied, round_number + 1, True)
        text = new_text
    return FixOutcome(text, applied, max_rounds, not find_fixes(text))


def unified_diff(path: str, old_text: str, new_text: str) -> str:
    if old_text == new_text:
        return ""
    lines = difflib.unified_diff(_lines(old_text), _lines(new_text), f"a/{path}", f"b/{path}")
    out: list[str] = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines split on "\\n" only (str.splitlines would also split on U+0085, U+2028, ...)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


# ---- files -----------------------------------------------------------------------------


def write_atomic(path: str | os.PathLike[str], new_bytes: bytes, expected_old_bytes: bytes) -> None:
    shown = os.fspath(path)
    target = os.path.realpath(shown)  # write through a symlink, keep the link
    directory = os.path.dirname(target) or "."
    status = _require_unchanged(shown, target, expected_old_bytes)
    mode = stat.S_IMODE(status.st_mode)
    if not _writable(target, mode):
        raise FixWriteError(
            shown,
            "cannot apply fixes: the file is read-only. Make it writable "
            f"(chmod u+w '{shown}') and run again, or run without --fix. The file was not changed.",
        )
    if not _writable(directory, stat.S_IMODE(os.stat(directory).st_mode)):
        raise FixWriteError(
            shown,
            f"cannot apply fixes: its directory '{directory}' is read-only, so no temporary file "
            "can be written beside it for an atomic replace. Make the directory writable and run "
            "again, or run without --fix. The file was not changed.",
        )
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{os.path.basename(target)}.", suffix=".qtlint-tmp", dir=directory
        )
    except OSError as error:
        raise FixWriteError(
            shown, f"cannot create a temporary file in '{directory}': {error}. The file was not changed."
        ) from error
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(new_bytes)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        _keep_owner(temporary, status)
        _require_unchanged(shown, target, expected_old_bytes)  # last look before the swap
        os.replace(temporary, target)
    except BaseException as error:
        _remove(temporary)
        if isinstance(error, OSError):
            raise FixWriteError(shown, f"cannot write fixes: {error}. The file was not changed.") from error
        raise
    _sync_directory(directory)


def _require_unchanged(shown: str, target: str, expected: bytes) -> os.stat_result:
    try:
        with open(target, "rb") as handle:
            current = handle.read()
            status = os.fstat(handle.fileno())
    except FileNotFoundError:
        raise FileChangedError(shown, "was deleted or moved since it was linted; nothing written.") from None
    except OSError as error:
        raise FixWriteError(
            shown, f"cannot re-read before writing: {error}. The file was not changed."
        ) from error
    if current != expected:
        raise FileChangedError(
            shown, "changed on disk since it was linted; not overwritten. Run qtlint again."
        )
    return status


def _keep_owner(temporary: str, status: os.stat_result) -> None:
    """Give the new file the old one's owner and group where allowed (root, or a group the
    user belongs to); otherwise it keeps the writer's, as any editor's save would."""
    if not hasattr(os, "chown"):
        return
    try:
        os.chown(temporary, status.st_uid, status.st_gid)
    except OSError:
        pass


def _writable(path: str, mode: int) -> bool:
    """Both the permission bits and the OS must allow writing (root ignores the bits, but a
    file nobody may write is meant to stay as it is)."""
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(path, os.W_OK)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _sync_directory(directory: str) -> None:
    """Make the rename itself durable; not possible everywhere (Windows), so best effort."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)

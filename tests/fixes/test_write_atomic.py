"""Writing fixes to real files: round trip of raw bytes, atomic replace, refusals."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from lint.diagnostic import Edit, Fix
from lint.encoding import find_mojibake
from lint.fixes import (
    UTF8_BOM,
    FileChangedError,
    FixWriteError,
    apply_fixes,
    decode_raw,
    encode_like,
    fix_until_stable,
    write_atomic,
)
from tests.conftest import SHARED

SEED_000 = SHARED / "seeds" / "000_42cfa97cd7b3d30b.txt"

ARTICLE = (
    "---\n_schema: default\n# comment kept\ntitle: >-\n    CafÃ© study at 37 Â°C\n"
    "seo:\n  page_keywords: 'quoted, Na+/K+'\n"
    "answer: >-\n    Hereâ€™s how.\\n\\nItâ€™s done — really.\n---\n&nbsp;\n"
)


def mojibake_fixes(text: str) -> list[Fix]:
    return [Fix((m.edit(),), message=f"{m.bad} -> {m.fixed}") for m in find_mojibake(text)]


def fix_file(path: Path) -> tuple[bytes, bytes]:
    """What `qtlint check --fix` does with one file; returns (old, new) bytes."""
    raw = path.read_bytes()
    outcome = fix_until_stable(decode_raw(raw), mojibake_fixes)
    new = encode_like(raw, outcome.text)
    if new != raw:
        write_atomic(path, new, raw)
    return raw, path.read_bytes()


def changed_region(old: bytes, new: bytes) -> tuple[str, str]:
    """The differing middle of two UTF-8 byte strings (after the longest common prefix and
    suffix, widened to whole characters), decoded."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    while prefix > 0 and 0x80 <= old[prefix] <= 0xBF:  # do not cut a character
        prefix -= 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    while suffix > 0 and 0x80 <= old[len(old) - suffix] <= 0xBF:
        suffix -= 1
    return old[prefix : len(old) - suffix].decode(), new[prefix : len(new) - suffix].decode()


def splice_bytes(raw: bytes, text: str, edits: list[tuple[int, int, str]]) -> bytes:
    """Apply character-offset edits at the matching byte offsets of the original bytes."""
    out = raw
    for start, end, content in sorted(edits, reverse=True):
        byte_start, byte_end = len(text[:start].encode()), len(text[:end].encode())
        assert out[byte_start:byte_end] == text[start:end].encode()
        out = out[:byte_start] + content.encode() + out[byte_end:]
    return out


def test_seed_000_byte_diff_is_exactly_the_repaired_span(tmp_path: Path) -> None:
    path = tmp_path / SEED_000.name
    path.write_bytes(SEED_000.read_bytes())
    old, new = fix_file(path)
    assert changed_region(old, new) == ("â€™", "’")
    assert new == old.replace("Hereâ€™s".encode(), "Here’s".encode(), 1)


def test_crlf_file_keeps_its_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    old, new = fix_file(path)
    assert new.count(b"\r\n") == old.count(b"\r\n") and b"\n" not in new.replace(b"\r\n", b"")
    assert (
        new
        == ARTICLE.replace("\n", "\r\n").replace("Ã©", "é").replace("Â°", "°").replace("â€™", "’").encode()
    )


def test_bom_file_keeps_its_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(UTF8_BOM + ARTICLE.encode())
    _, new = fix_file(path)
    assert new.startswith(UTF8_BOM) and not new[3:].startswith(UTF8_BOM)
    assert decode_raw(new) == ARTICLE.replace("Ã©", "é").replace("Â°", "°").replace("â€™", "’")


def test_several_fixes_change_only_their_spans(tmp_path: Path) -> None:
    path = tmp_path / "several.md"
    path.write_bytes(ARTICLE.encode())
    found = find_mojibake(ARTICLE)
    assert [m.bad for m in found] == ["Ã©", "Â°", "â€™", "â€™"]
    old, new = fix_file(path)
    assert new == splice_bytes(old, ARTICLE, [(m.start, m.end, m.fixed) for m in found])
    assert b"# comment kept" in new and b"'quoted, Na+/K+'" in new


def test_second_fix_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "twice.md"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    fix_file(path)
    stat_before = path.stat()
    first = path.read_bytes()
    old, new = fix_file(path)
    assert old == new == first
    assert path.stat().st_ino == stat_before.st_ino  # not even rewritten


def test_overlapping_fixes_are_applied_over_two_rounds(tmp_path: Path) -> None:
    path = tmp_path / "overlap.md"
    raw = ARTICLE.encode()
    path.write_bytes(raw)
    text = decode_raw(raw)
    start = text.index("CafÃ©")
    whole_word = Fix((Edit(start, start + 5, "Café"),))
    accent = Fix((Edit(start + 3, start + 5, "é"),))
    new_text, skipped = apply_fixes(text, [accent, whole_word])
    assert skipped == [accent]
    write_atomic(path, encode_like(raw, new_text), raw)
    assert changed_region(raw, path.read_bytes()) == ("Ã©", "é")


def test_permissions_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "mode.md"
    path.write_bytes(ARTICLE.encode())
    os.chmod(path, 0o640)
    fix_file(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert "é" in path.read_text(encoding="utf-8")


def test_read_only_file_gives_a_clear_error_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "locked.md"
    path.write_bytes(ARTICLE.encode())
    os.chmod(path, 0o444)
    with pytest.raises(FixWriteError) as caught:
        fix_file(path)
    message = str(caught.value)
    assert str(path) in message and "read-only" in message and "chmod u+w" in message
    assert caught.value.path == str(path)
    assert path.read_bytes() == ARTICLE.encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["locked.md"]


def test_read_only_directory_gives_a_clear_error_and_loses_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "article.md"
    path.write_bytes(ARTICLE.encode())
    os.chmod(folder, 0o555)
    try:
        with pytest.raises(FixWriteError) as caught:
            fix_file(path)
        assert "directory" in str(caught.value) and str(path) in str(caught.value)
        assert path.read_bytes() == ARTICLE.encode()
        assert sorted(p.name for p in folder.iterdir()) == ["article.md"]
    finally:
        os.chmod(folder, 0o755)


def test_file_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "edited.md"
    raw = ARTICLE.encode()
    path.write_bytes(raw)
    text = decode_raw(raw)
    new_text, _ = apply_fixes(text, mojibake_fixes(text))
    edited_meanwhile = raw.replace(b"How", b"how") + b"an editor saved this\n"
    path.write_bytes(edited_meanwhile)  # someone saves between our read and our write
    with pytest.raises(FileChangedError) as caught:
        write_atomic(path, encode_like(raw, new_text), raw)
    assert "changed on disk" in str(caught.value)
    assert path.read_bytes() == edited_meanwhile
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edited.md"]


def test_deleted_file_is_not_recreated(tmp_path: Path) -> None:
    path = tmp_path / "gone.md"
    with pytest.raises(FileChangedError):
        write_atomic(path, b"new", b"old")
    assert not path.exists()


def test_symlink_stays_a_link_and_its_target_is_fixed(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_bytes(ARTICLE.encode())
    link = tmp_path / "link.md"
    link.symlink_to(target)
    fix_file(link)
    assert link.is_symlink()
    assert "Café" in target.read_text(encoding="utf-8")


def test_write_failure_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "full.md"
    raw = ARTICLE.encode()
    path.write_bytes(raw)

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(FixWriteError) as caught:
        write_atomic(path, b"new content", raw)
    assert "No space left" in str(caught.value)
    assert path.read_bytes() == raw
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full.md"]


def test_encode_like_round_trips_the_parser_decoding() -> None:
    for raw in [ARTICLE.encode(), UTF8_BOM + ARTICLE.encode(), ARTICLE.replace("\n", "\r\n").encode(), b""]:
        assert encode_like(raw, decode_raw(raw)) == raw
    with pytest.raises(UnicodeDecodeError):
        decode_raw(b"caf\xe9")


def test_edit_during_our_write_is_caught_by_the_last_look(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor saves while the temporary file is being written: still not overwritten."""
    path = tmp_path / "race.md"
    raw = ARTICLE.encode()
    path.write_bytes(raw)
    real_fsync = os.fsync

    def fsync_while_editor_saves(descriptor: int) -> None:
        path.write_bytes(b"saved by the editor\n")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync_while_editor_saves)
    with pytest.raises(FileChangedError):
        write_atomic(path, b"our fix\n", raw)
    assert path.read_bytes() == b"saved by the editor\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["race.md"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing owners needs root")
def test_owner_and_group_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "owned.md"
    path.write_bytes(ARTICLE.encode())
    os.chown(path, 1234, 2345)
    fix_file(path)
    assert (path.stat().st_uid, path.stat().st_gid) == (1234, 2345)
    assert "Café" in path.read_text(encoding="utf-8")

"""Reading a worker's batch of files: each file opened once, what the page cache holds read at
once, the rest asked of the disk together before any of it is waited for.

A file is first read with RWF_NOWAIT, a read that fails rather than wait for the disk. In the
common case (the files were read recently) that is the whole read: open, fstat, read, close. A
file not (all) in the page cache is kept open and announced to the kernel (posix_fadvise
WILLNEED), and read once every file of the batch has been tried, so the disk works on all of
them at once instead of one after the other (benchmarks/read_ahead.py: 0.64x the time on
articles just evicted from the cache). Where RWF_NOWAIT or posix_fadvise do not exist (not
Linux), files are simply read in order.

Reading ahead costs a little when every file is in the page cache (the RWF_NOWAIT read into a
buffer, then a copy: ~1.5 µs a file more than one plain read, measured on 20,000 cached
articles). So a process reads its batches the plain way while they come from the page cache, and
reads ahead for the next AHEAD_BATCHES batches once a batch read a tenth of its bytes or more
from the disk (getrusage's ru_inblock; opening files may read a few blocks of metadata), for as
long as the disk keeps being read: a cold cache costs one batch read in order.
"""
from __future__ import annotations

import errno
import os
import stat

try:
    import resource
except ImportError:  # pragma: no cover - Windows: read ahead wherever the system can
    resource = None  # type: ignore[assignment]

READ_AHEAD = True  # False: read each file in turn (benchmarks/read_ahead.py compares the two)
AHEAD_BATCHES = 16
_ahead = 0  # batches this process reads ahead before it tries the plain way again
_NOWAIT = getattr(os, "RWF_NOWAIT", None) if hasattr(os, "preadv") else None
_ADVISE = getattr(os, "posix_fadvise", None)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # Windows has neither it nor FIFOs to block on
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def seek_read(fd: int, size: int, offset: int) -> bytes:
    """os.pread where the system has none (Windows)."""
    os.lseek(fd, offset, os.SEEK_SET)
    return os.read(fd, size)


_pread = getattr(os, "pread", seek_read)


def _max_open() -> int:
    """Files a batch keeps open while the disk reads them: well below the process's limit."""
    try:
        import resource

        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    except (ImportError, OSError, ValueError):
        return 16
    return 256 if soft == resource.RLIM_INFINITY else max(1, min(256, soft // 8))


MAX_OPEN = _max_open()


def read_batch(paths: list[str], most: int) -> list[tuple[bytes, os.stat_result] | tuple[OSError, None]]:
    """Each file's bytes (at most `most`: enough to know it is too large) and the fstat they were
    read under, or the error that kept it from being read; in the order given."""
    global _ahead
    out: list = [None] * len(paths)
    waiting: list[tuple[int, int, os.stat_result]] = []  # (index, open fd, stat) left for the disk
    ahead = READ_AHEAD and (_ahead > 0 or resource is None)
    if _ahead:
        _ahead -= 1
    disk, size = _disk_blocks(), 0  # blocks read from the disk so far; bytes of this batch
    try:
        for i, path in enumerate(paths):
            try:
                fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)  # a FIFO must not block the open
            except OSError as err:
                out[i] = (err, None)
                continue
            try:
                st = os.fstat(fd)
                if not stat.S_ISREG(st.st_mode):  # a FIFO would block for ever, /dev/zero never end
                    raise OSError(0, "not a regular file (a pipe, device or directory)")
                size += st.st_size
                raw = _cached(fd, st.st_size, most) if ahead else read_fd(fd, st.st_size, most)
            except OSError as err:
                os.close(fd)
                out[i] = (err, None)
                continue
            if raw is not None:
                os.close(fd)
                out[i] = (raw, st)
                continue
            if _ADVISE is not None:
                try:
                    _ADVISE(fd, 0, 0, os.POSIX_FADV_WILLNEED)
                except OSError:
                    pass
            waiting.append((i, fd, st))
            if len(waiting) >= MAX_OPEN:
                _read_waiting(waiting, out, most)
        _read_waiting(waiting, out, most)
    finally:
        for _, fd, _ in waiting:  # only after an unexpected error
            os.close(fd)
    if READ_AHEAD and disk is not None and (_disk_blocks() - disk) * 512 * 10 >= size > 0:
        _ahead = AHEAD_BATCHES  # the disk is being read: read the next batches ahead
    return out


def _disk_blocks() -> int | None:
    """Blocks this process has read from the disk so far (None where getrusage is missing)."""
    return None if resource is None else resource.getrusage(resource.RUSAGE_SELF).ru_inblock


def _read_waiting(waiting: list, out: list, most: int) -> None:
    while waiting:
        i, fd, st = waiting[0]
        try:
            out[i] = (read_fd(fd, st.st_size, most), st)
        except OSError as err:
            out[i] = (err, None)
        finally:
            del waiting[0]
            os.close(fd)


def _cached(fd: int, size: int, most: int) -> bytes | None:
    """The whole file if the page cache holds all of it (None: read it later), read without
    waiting for the disk; a file over the limit is read now, up to the limit."""
    global _NOWAIT
    if size >= most:
        return read_fd(fd, size, most)
    if _NOWAIT is None:
        return None
    buf = bytearray(size + 1)  # one byte more: a file that grew since fstat is read again below
    try:
        got = os.preadv(fd, [buf], 0, _NOWAIT)
    except BlockingIOError:
        return None  # some of it is on the disk only
    except OSError as err:
        if err.errno in (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
            _NOWAIT = None  # this kernel or file system cannot: read in order from now on
        return None  # the plain read below reports a real error
    if got != size:
        return None  # partly cached, or it grew: the plain read decides
    return bytes(memoryview(buf)[:got])


def read_fd(fd: int, size: int, most: int) -> bytes:
    """At most `most` bytes of the file from its start. A buffered `read(most)` allocates `most`
    (2 MiB) for every 3 kB article, which cost several times the read itself; here the first
    request is the size fstat gave, plus one byte to notice a file that grew."""
    chunk = _pread(fd, min(size + 1, most), 0)
    if len(chunk) == size or len(chunk) >= most:
        return chunk  # the whole file as fstat saw it (its stamp is the cache's key), or enough
    parts, got = [chunk], len(chunk)
    while chunk and got < most:  # a short read, or the file is changing: read on to the end
        chunk = _pread(fd, min(most - got, 1 << 20), got)
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)

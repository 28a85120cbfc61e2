"""An OSError in one line of words: the path, what went wrong and its errno, and what to do about it."""

from __future__ import annotations

import errno
import os
import re
import shutil

FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}
_ERRNO = re.compile(r"\[Errno (\d+)\] ([^:]+)")


def describe(error: OSError, doing: str = "write") -> str:
    """e.g. "cannot write site/.site-build-x/charts/a.png: No space left on device (errno 28)"; a path under the
    working folder is shown relative to it."""
    number, cause, paths, more = _parts(error)
    where = (" -> ".join(_shown(p) for p in paths) if paths else "a file") + (f" (and {more} more)" if more else "")
    return f"cannot {doing} {where}: {cause}" + (f" (errno {number})" if number else "")


def remedy(error: OSError) -> str:
    """What usually helps, by the kind of failure."""
    number = _parts(error)[0]
    if number in FULL:
        return "free space"
    if number in DENIED:
        return "make the folder writable"
    return "check the disk"


def _parts(error: OSError) -> tuple[int | None, str, list, int]:
    """(errno, cause, paths, how many more failed); shutil.copytree gathers its failures into one shutil.Error: its
    first one."""
    if isinstance(error, shutil.Error) and error.args and isinstance(error.args[0], list) and error.args[0]:
        _source, target, why = error.args[0][0]
        found = _ERRNO.search(str(why))
        cause = found.group(2) if found else str(why)
        return (int(found.group(1)) if found else None), cause, [target], len(error.args[0]) - 1
    paths = [p for p in (error.filename, error.filename2) if p is not None]
    return error.errno, error.strerror or str(error) or type(error).__name__, paths, 0


def _shown(path) -> str:
    path = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path)
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return relative if not relative.startswith("..") else path

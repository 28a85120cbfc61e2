"""A built site as a comparable value, and the work folders a build leaves next to it (for the fault tests)."""

import hashlib
import os
from pathlib import Path


def digest(folder: Path) -> dict[str, str]:
    """Every file, link and folder under folder, by its path, with a hash of its bytes (or where the link points):
    two digests are equal only if the trees are identical."""
    found = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[key] = "-> " + os.readlink(path)
        elif path.is_file():
            found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[key] = "folder"
    return found


def leftovers(parent: Path, out: Path) -> list[str]:
    """The work folders of builds into out (`.<out>-build-*`, `.<out>-claim-*`) in parent."""
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(f".{out.name}-"))

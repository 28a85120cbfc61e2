"""What the build is doing: its stages with timings and a final summary, on stderr.

Timings go to the terminal only, never into the built site, so two builds of
the same inputs stay byte-identical.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

QUIET, NORMAL, VERBOSE = 0, 1, 2


class Progress:
    def __init__(self, level: int = NORMAL, stream=None):
        self.level = level
        self.stream = stream
        self.started = time.monotonic()
        self._stage: tuple[str, float] | None = None
        self.notes: list[str] = []

    def _print(self, text: str) -> None:
        print(text, file=self.stream or sys.stderr, flush=True)

    def stage(self, name: str) -> None:
        """The previous stage has ended; `name` begins."""
        self.end()
        self._stage = (name, time.monotonic())

    def end(self) -> None:
        if self._stage and self.level >= NORMAL:
            name, since = self._stage
            self._print(f"  {name:<12} {time.monotonic() - since:6.2f}s")
        self._stage = None

    def detail(self, text: str) -> None:
        if self.level >= VERBOSE:
            self._print(f"    {text}")

    def note(self, text: str) -> None:
        """Something the reader should know about the result, printed under the summary."""
        if self.level >= NORMAL:
            self.notes.append(text)

    def summary(self, out_dir: Path | None, packages: int, problems: int) -> None:
        self.end()
        if self.level < NORMAL:
            return
        files = [p for p in out_dir.rglob("*") if p.is_file()] if out_dir and out_dir.is_dir() and not problems else []
        pages = sum(1 for p in files if p.suffix == ".html")
        self._print(
            f"{_n(packages, 'package')}, {_n(pages, 'page')}, {_n(len(files), 'file')}, "
            f"{_n(problems, 'problem')} in {time.monotonic() - self.started:.1f}s"
        )
        for note in [] if problems else self.notes:
            self._print(note)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


SILENT = Progress(QUIET)

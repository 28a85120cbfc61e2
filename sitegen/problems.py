"""A Problem: one thing wrong with the input, where it is and what to do."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    row: int | None
    field: str | None
    code: str
    message: str
    hint: str

    @property
    def location(self) -> str:
        parts = [self.file] + [str(p) for p in (self.row, self.field) if p is not None]
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.location}: [{self.code}] {self.message} - {self.hint}"

    def as_dict(self) -> dict:
        return asdict(self)


def in_order(problems) -> list[Problem]:
    """Problems by file, row, field and code: the order `check` lists them in."""
    return sorted(problems, key=lambda p: (p.file, p.row or 0, p.field or "", p.code, p.message))

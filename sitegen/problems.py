"""A Problem: one thing wrong with the input, where it is and what to do; a Code: one kind of problem, written once.

Each kind of problem is declared once, as a module-level `Code` constant in the module that finds it (the model of
frictionless' error classes: code, title, message template, description). The check passes only the place and the
values: `DISCLOSIVE_COUNT.at(path, row, "value", period=..., threshold=5)` fills the message template, and the
English fix becomes the Problem's hint (the Korean fix its `hint_ko`). The maintainer's guide lists every Code with
an example message made from its example values (sitegen.render.guide collects them from the modules under
sitegen.read); tests/unit/read/test_codes.py checks that every code used is declared and every declared one
is used.

Templates are `str.format` strings: `{name}` is a value the check passes (`{name!r}` and `{value:.3g}` work too),
`{file}`, `{row}` and `{field}` are the place, and `{{` `}}` are literal braces. Where one code covers several
findings, a value names the finding (like frictionless' note) and the fix covers them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from string import Formatter


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    row: int | None
    field: str | None
    code: str
    message: str
    hint: str
    hint_ko: str = dataclass_field(
        default="", compare=False, repr=False
    )  # the fix in Korean; not part of the text output

    @property
    def location(self) -> str:
        parts = [self.file] + [str(p) for p in (self.row, self.field) if p is not None]
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.location}: [{self.code}] {self.message} - {self.hint}"

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "row": self.row,
            "field": self.field,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


def in_order(problems) -> list[Problem]:
    """Problems by file, row, field and code: the order `check` lists them in."""
    return sorted(problems, key=lambda p: (p.file, p.row or 0, p.field or "", p.code, p.message))


@dataclass(frozen=True, eq=False)
class Code:
    """One kind of problem: its code (kebab-case), a short title, the English message template, the fix as a template
    in English and in Korean, and example values (file, row, field and every template value) for the guide."""

    code: str
    title: str
    message: str
    fix_en: str
    fix_ko: str
    example: Mapping

    def at(self, file, row: int | None = None, field: str | None = None, **values) -> Problem:
        """The Problem of this kind at file:row:field, its message and fixes filled with the values."""
        place = {"file": str(file), "row": row, "field": field}
        return Problem(
            str(file),
            row,
            field,
            self.code,
            self.message.format(**place, **values),
            self.fix_en.format(**place, **values),
            self.fix_ko.format(**place, **values),
        )

    def example_problem(self) -> Problem:
        return self.at(**self.example)

    @property
    def example_message(self) -> str:
        """The guide's example: where and what, as `check` prints it before the fix."""
        problem = self.example_problem()
        return f"{problem.location}: {problem.message}"

    def example_fix(self, lang: str) -> str:
        """The fix of the example in lang, as a sentence."""
        problem = self.example_problem()
        return sentence(problem.hint_ko) if lang == "ko" else sentence(problem.hint, capital=True)

    def placeholders(self) -> set[str]:
        """The names the templates use, the place included."""
        return {
            name.split(".")[0].split("[")[0]
            for template in (self.message, self.fix_en, self.fix_ko)
            for _, name, _, _ in Formatter().parse(template)
            if name
        }

    def __repr__(self) -> str:
        return f"Code({self.code!r})"


def sentence(text: str, capital: bool = False) -> str:
    """A hint as a sentence: a full stop at the end and, with capital, a capital first letter."""
    text = text.strip()
    if capital and text[:1].islower():
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."

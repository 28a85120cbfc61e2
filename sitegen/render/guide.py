"""The maintainer's guide: hand-written steps per language plus the table of every problem code.

The table is made from the Code constants declared in the modules under sitegen.read (sitegen.problems): each row
is a code, an example message made from its template and example values, and the fix in the page's language.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from .. import read
from ..config import Config
from ..problems import Code
from .pages import Page, make_environment

PAGE = "guide.md"


def problem_codes() -> dict[str, Code]:
    """Every Code declared at the top level of a module under sitegen.read, by code (sorted)."""
    found: dict[str, Code] = {}
    for module in pkgutil.walk_packages(read.__path__, f"{read.__name__}."):
        for value in vars(importlib.import_module(module.name)).values():
            if isinstance(value, Code) and found.setdefault(value.code, value) is not value:
                raise ValueError(f"the problem code {value.code} is declared twice")
    return dict(sorted(found.items()))


def code_rows(lang: str) -> list[dict[str, str]]:
    """The guide's table of codes in lang: code, example message, fix."""
    return [
        {"code": code, "example": entry.example_message, "fix": entry.example_fix(lang)}
        for code, entry in problem_codes().items()
    ]


def render(strings: dict, config: Config, docs: dict[str, Path]) -> list[Page]:
    env = make_environment(config.site_src / "templates")
    for lang, docs_dir in docs.items():
        (docs_dir / PAGE).write_text(
            env.get_template(f"guide/{lang}.md.j2").render(lang=lang, t=strings[lang], codes=code_rows(lang)),
            encoding="utf-8",
        )
    return [Page(PAGE, {lang: strings[lang]["maintainers_guide"] for lang in docs})]

"""The maintainer's guide: hand-written steps per language plus the table of every problem code."""

from __future__ import annotations

from pathlib import Path

from ..codes import all_codes
from ..config import Config
from .pages import Page, make_environment

PAGE = "guide.md"


def render(strings: dict, config: Config, docs: dict[str, Path]) -> list[Page]:
    env = make_environment(config.site_src / "templates")
    codes = all_codes()
    for lang, docs_dir in docs.items():
        (docs_dir / PAGE).write_text(env.get_template(f"guide/{lang}.md.j2").render(lang=lang, t=strings[lang], codes=codes),
                                     encoding="utf-8")
    return [Page(PAGE, {lang: strings[lang]["maintainers_guide"] for lang in docs})]

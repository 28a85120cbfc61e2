"""Rendering: StrictUndefined, autoescape, and package text kept inert."""

import jinja2
import pytest

from sitegen.config import ROOT
from sitegen.render.pages import make_environment


def test_undefined_variables_fail_loudly():
    env = make_environment(ROOT / "site_src" / "templates")
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


def test_package_text_is_escaped_in_html_and_front_matter():
    env = make_environment(ROOT / "site_src" / "templates")
    out = env.from_string("---\ntitle: {{ t | yaml_str }}\n---\n<p>{{ t }}</p>").render(t='<script>alert("x")</script>')
    assert "<script>" not in out
    assert 'title: "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"' in out

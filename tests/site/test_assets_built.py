"""Assets: the locked plotly.js basic bundle, and deterministic gzip copies of text files."""

import gzip
import re
from pathlib import Path

import material
import plotly.offline

from sitegen.publish import assets

THEME = Path(material.__file__).parent / "templates"


def test_the_shipped_bundle_is_the_basic_build_of_plotly_pys_plotlyjs(built_site):
    shipped = (built_site / "assets" / assets.PLOTLY_TARGET).read_text(encoding="utf-8")
    assert f"plotly.js (basic - minified) v{plotly.offline.get_plotlyjs_version()}" in shipped[:200]
    assert not (built_site / "assets" / "js" / "plotly.min.js").exists()  # the 4.8 MB full bundle is gone


def test_text_files_ship_with_a_gzip_copy_of_the_same_bytes(built_site):
    for name in [
        "index.html",
        "en/index.html",
        "assets/js/charts.js",
        "search/search_index.json",
        "assets/" + assets.PLOTLY_TARGET.as_posix(),
    ]:
        plain = built_site / name
        packed = plain.with_name(plain.name + ".gz")
        assert gzip.decompress(packed.read_bytes()) == plain.read_bytes(), name
        assert packed.read_bytes()[4:8] == b"\0\0\0\0"  # mtime 0: the same input gives the same bytes


def test_the_page_names_materials_script_as_shipped(built_site):
    """md-start.js loads Material's script from the address the page gives (overrides/main.html): it must be the
    file this version of Material ships, under its hashed name, or search and the rest never start."""
    tag = re.search(
        r'<script src="assets/js/md-start\.js" data-bundle="([^"]+)"></script>',
        (built_site / "index.html").read_text(encoding="utf-8"),
    )
    assert tag, "no md-start.js"
    assert (built_site / tag.group(1)).is_file(), tag.group(1)
    bundle = re.search(
        r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js", (THEME / "base.html").read_text(encoding="utf-8")
    )
    assert bundle and bundle.group() == tag.group(1)  # the theme's own block names the same file

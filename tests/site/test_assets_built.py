"""Assets: the locked plotly.js basic bundle, and deterministic gzip copies of text files."""

import gzip

import plotly.offline

from sitegen.publish import assets


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

"""Assets: the locked plotly.js basic bundle, and deterministic gzip copies of text files."""

import gzip

import plotly.offline
import pytest

from sitegen import SiteError
from sitegen.publish import assets


def test_the_shipped_bundle_is_the_basic_build_of_plotly_pys_plotlyjs(built_site):
    shipped = (built_site / "assets" / assets.PLOTLY_TARGET).read_text(encoding="utf-8")
    assert f"plotly.js (basic - minified) v{plotly.offline.get_plotlyjs_version()}" in shipped[:200]
    assert not (built_site / "assets" / "js" / "plotly.min.js").exists()  # the 4.8 MB full bundle is gone


def test_a_build_without_node_modules_says_to_run_make_site(tmp_path):
    with pytest.raises(SiteError, match=r"not found - run `make site`"):
        assets.plotly_bundle(tmp_path)


def test_a_bundle_of_another_plotlyjs_version_is_refused(tmp_path):
    bundle = tmp_path / assets.PLOTLY_PACKAGE
    bundle.parent.mkdir(parents=True)
    bundle.write_text("/**\n* plotly.js (basic - minified) v0.0.1\n*/\n", encoding="utf-8")
    with pytest.raises(SiteError, match="plotly.js 0.0.1, but plotly"):
        assets.plotly_bundle(tmp_path)


def test_text_files_ship_with_a_gzip_copy_of_the_same_bytes(built_site):
    for name in ["index.html", "en/index.html", "assets/js/charts.js", "search/search_index.json",
                 "assets/" + assets.PLOTLY_TARGET.as_posix()]:
        plain = built_site / name
        packed = plain.with_name(plain.name + ".gz")
        assert gzip.decompress(packed.read_bytes()) == plain.read_bytes(), name
        assert packed.read_bytes()[4:8] == b"\0\0\0\0"  # mtime 0: the same input gives the same bytes


def test_precompress_is_deterministic_and_skips_binaries(tmp_path):
    for run in ("a", "b"):
        folder = tmp_path / run
        folder.mkdir()
        (folder / "page.html").write_text("<p>데이터</p>" * 200, encoding="utf-8")
        (folder / "tiny.css").write_text("a{}", encoding="utf-8")
        (folder / "logo.png").write_bytes(b"\x89PNG" + b"\0" * 2000)
        assets.precompress(folder)
    assert (tmp_path / "a" / "page.html.gz").read_bytes() == (tmp_path / "b" / "page.html.gz").read_bytes()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["logo.png", "page.html", "page.html.gz", "tiny.css"]


"""Assets: the locked plotly.js basic bundle, and deterministic gzip copies of text files."""

import pytest

from sitegen import SiteError
from sitegen.publish import assets


def test_a_build_without_node_modules_says_to_run_make_site(tmp_path):
    with pytest.raises(SiteError, match=r"not found - run `make site`"):
        assets.plotly_bundle(tmp_path)


def test_a_bundle_of_another_plotlyjs_version_is_refused(tmp_path):
    bundle = tmp_path / assets.PLOTLY_PACKAGE
    bundle.parent.mkdir(parents=True)
    bundle.write_text("/**\n* plotly.js (basic - minified) v0.0.1\n*/\n", encoding="utf-8")
    with pytest.raises(SiteError, match="plotly.js 0.0.1, but plotly"):
        assets.plotly_bundle(tmp_path)


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

"""Chart images: an SVG and a PNG of 1200×630 per chart and language, with their provenance, the Korean text set
in the shipped font, the same bytes every time, and a PNG drawn again only when its chart changed."""

import pytest

from sitegen.publish import images


def test_a_missing_font_says_how_to_install_it(tmp_path):
    from sitegen import SiteError

    with pytest.raises(SiteError, match="make site"):
        images.font_files(tmp_path)

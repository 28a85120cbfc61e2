"""The build cache: a changed input is never served from the cache, and a cached build equals a cold one."""

from benchmarks.synthetic import generate
from sitegen.build import build_site
from sitegen.util.cache import Cache


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def set_detained(data, period_id, value):
    path = data / "synthetic-0001" / "data" / "observations.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    changed = [
        ",".join(cells[:3] + [value] + cells[4:]) if cells[:3] == [period_id, "detained", "total"] else line
        for line, cells in ((line, line.split(",")) for line in lines)
    ]
    assert changed != lines
    path.write_text("\n".join(changed), encoding="utf-8")


def test_a_changed_cell_is_rebuilt_and_the_cache_equals_a_cold_build(tmp_path, config):
    data = tmp_path / "data"
    generate(data, 12)  # two packages: one will change, one will not
    cache = Cache(tmp_path / "cache", config)
    assert build_site(data, tmp_path / "first", config, cache=cache) == []
    assert (cache.hits, cache.misses) == (0, 4)  # check + publication of each package
    page = tmp_path / "first" / "campaigns" / "synthetic-0001-01" / "index.html"
    assert "4,321" not in page.read_text(encoding="utf-8")

    set_detained(data, "synthetic-0001-01", "4321")
    cache = Cache(tmp_path / "cache", config)
    assert build_site(data, tmp_path / "warm", config, cache=cache) == []
    assert (cache.hits, cache.misses) == (2, 2)  # only the unchanged package came from the cache
    for lang in ("", "en/"):
        html = (tmp_path / "warm" / lang / "campaigns" / "synthetic-0001-01" / "index.html").read_text(encoding="utf-8")
        assert "4,321" in html
    assert "4321" in (tmp_path / "warm" / "data" / "synthetic-0001" / "latest" / "observations.csv").read_text(
        encoding="utf-8"
    )

    assert build_site(data, tmp_path / "cold", config) == []
    assert tree(tmp_path / "warm") == tree(tmp_path / "cold")

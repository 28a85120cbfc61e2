"""The build cache: a changed input is never served from the cache, and a cached build equals a cold one."""

from benchmarks.synthetic import generate
from sitegen.config import ROOT
from sitegen.util.cache import Cache


def test_a_changed_string_or_setting_changes_every_key(tmp_path, config):
    data = tmp_path / "data"
    package = generate(data, 1)[0]
    key = Cache(tmp_path / "cache", config).key(package)
    assert Cache(tmp_path / "cache", config).key(package) == key
    import dataclasses

    assert Cache(tmp_path / "cache", dataclasses.replace(config, site_url="https://example.org/")).key(package) != key
    (package / "changelog.yml").write_text(
        (package / "changelog.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    assert Cache(tmp_path / "cache", config).key(package) != key


def test_the_cache_lives_in_an_ignored_folder():
    assert "build/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split("\n")

"""Every chart has an address of its own in both languages, an embeddable copy, and keeps its address."""

from sitegen.render import chart_pages


def test_release_records_the_published_charts(shipped, capsys):
    from sitegen.commands.cli import main

    (shipped / chart_pages.PUBLISHED).unlink(missing_ok=True)
    assert main(["release", "--datasets", str(shipped)]) == 0
    recorded = (shipped / chart_pages.PUBLISHED).read_text(encoding="utf-8").split()
    assert "deepfake-crimes-by-year" in recorded and "arrests-2024-running-total" in recorded
    assert main(["release", "--datasets", str(shipped)]) == 0
    assert "charts: 0 new" in capsys.readouterr().out  # nothing new the second time

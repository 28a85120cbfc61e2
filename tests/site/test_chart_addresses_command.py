"""Every chart has an address of its own in both languages, an embeddable copy, and keeps its address."""

from sitegen.read import chart_addresses


def test_release_records_the_published_charts(shipped, capsys):
    from sitegen.commands.cli import main

    (shipped / chart_addresses.PUBLISHED).unlink(missing_ok=True)
    assert main(["release", "--datasets", str(shipped)]) == 0
    recorded = (shipped / chart_addresses.PUBLISHED).read_text(encoding="utf-8").split()
    assert "deepfake-crimes-by-year" in recorded and "arrests-2024-running-total" in recorded
    assert main(["release", "--datasets", str(shipped)]) == 0
    assert "charts: 0 new" in capsys.readouterr().out  # nothing new the second time

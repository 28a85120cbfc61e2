"""A figure's history (sitegen.read.history): its value in each published version, from the versions' records, with
the changelog's reason where it first appeared or changed, and no guess for a version without a record."""

import pytest

from sitegen.read.catalog import load_dataset
from sitegen.read.changes import changelog_entries
from sitegen.read.history import history

KEY = ("crackdown-2024-08-28", "arrested", "total")


@pytest.fixture
def folder(shipped):
    return shipped / "special-crackdown-2024"


def test_every_published_version_once_oldest_first(folder):
    dataset = load_dataset(folder)
    steps = history(dataset)[KEY]
    entries = list(reversed(changelog_entries(dataset)))
    assert [s.version for s in steps] == [e.version for e in entries]
    assert [s.date for s in steps] == [e.date for e in entries]
    assert steps[0].kind == "first" and steps[0].reason == entries[0].reason
    assert all(s.kind == "same" and s.reason == {} and s.value == 963 for s in steps[1:])


def test_a_changed_value_carries_the_reason_of_the_version_that_changed_it(folder):
    record = folder / "releases" / "1.0.0.csv"
    text = record.read_text(encoding="utf-8")
    assert "crackdown-2024-08-28,arrested,total,963," in text
    record.write_text(
        text.replace("crackdown-2024-08-28,arrested,total,963,", "crackdown-2024-08-28,arrested,total,960,", 1)
    )
    dataset = load_dataset(folder)
    steps = history(dataset)[KEY]
    entries = {e.version: e for e in changelog_entries(dataset)}
    assert (steps[0].value, steps[0].kind) == (960, "first")
    assert (steps[1].value, steps[1].kind, steps[1].reason) == (963, "changed", entries["1.0.1"].reason)


def test_a_version_without_a_record_is_left_out(folder):
    (folder / "releases" / "1.0.1.csv").unlink()
    assert [s.version for s in history(load_dataset(folder))[KEY]] == ["1.0.0", "1.0.2"]

"""sitegen.util.parallel: results in input order, errors reach the caller, workers do not start workers."""

import os

import pytest

from sitegen import SiteError
from sitegen.util import parallel


@pytest.fixture
def two_workers(monkeypatch):
    monkeypatch.setenv("SITEGEN_JOBS", "2")


def test_results_come_back_in_input_order_from_other_processes(two_workers):
    here = os.getpid()
    results = parallel.run(lambda n: (n * n, os.getpid()), [3, 1, 4, 1, 5], sizes=lambda n: n)
    assert [square for square, _ in results] == [9, 1, 16, 1, 25]
    assert here not in {pid for _, pid in results}


def test_a_closure_reaches_the_workers_as_it_is_in_memory(two_workers):
    table = {"ko": "한국어", "en": "English"}  # not passed as an argument: inherited by the forked workers
    assert parallel.run(lambda key: table[key], ["en", "ko"]) == ["English", "한국어"]


def test_an_error_in_a_worker_reaches_the_caller(two_workers):
    def fail_on_two(n):
        if n == 2:
            raise SiteError("piece 2 failed")
        return n

    with pytest.raises(SiteError, match="piece 2 failed"):
        parallel.run(fail_on_two, [1, 2, 3])


def test_a_worker_runs_its_own_pieces_in_itself(two_workers):
    def inner(n):
        return [(os.getpid(), m) for m in parallel.run(lambda m: os.getpid(), range(3))]

    for pids in parallel.run(inner, [1, 2]):
        assert len({pid for pid, _ in pids} | {m for _, m in pids}) == 1


def test_one_job_means_this_process(monkeypatch):
    monkeypatch.setenv("SITEGEN_JOBS", "1")
    assert parallel.jobs() == 1
    assert parallel.run(lambda n: os.getpid(), [1, 2, 3]) == [os.getpid()] * 3


class TwoPartError(Exception):
    def __init__(self, first, second):  # cannot be rebuilt from its args: it does not survive pickling
        super().__init__(f"{first} and {second}")


def test_an_error_that_cannot_be_pickled_still_reaches_the_caller_with_the_workers_traceback(two_workers):
    def fail(n):
        raise TwoPartError("this", "that")

    with pytest.raises(RuntimeError, match="TwoPartError: this and that") as raised:
        parallel.run(fail, [1, 2])
    assert any("in fail" in note for note in raised.value.__notes__)


def test_a_bad_number_of_jobs_is_refused(monkeypatch):
    monkeypatch.setenv("SITEGEN_JOBS", "two")
    with pytest.raises(SiteError, match="SITEGEN_JOBS='two'"):
        parallel.jobs()


KILLED_PARENT = """
import os, sys, time
from sitegen.util import parallel

def piece(n):
    with open(sys.argv[1], "a") as record:
        record.write(f"{os.getpid()}\\n")
    time.sleep(600)

parallel.run(piece, [1, 2])
"""


def test_workers_end_when_the_process_that_started_them_is_killed(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from sitegen.config import ROOT

    record = tmp_path / "workers"
    record.touch()
    parent = subprocess.Popen(
        [sys.executable, "-c", KILLED_PARENT, str(record)], cwd=ROOT, env=os.environ | {"SITEGEN_JOBS": "2"}
    )

    def workers():
        return [int(pid) for pid in record.read_text().split()]

    try:
        deadline = time.monotonic() + 60
        while len(workers()) < 2 and time.monotonic() < deadline and parent.poll() is None:
            time.sleep(0.02)
        assert len(workers()) == 2
    finally:
        parent.kill()
        parent.wait()

    def alive(pid):
        try:
            state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
        return state != "Z"

    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers()) and time.monotonic() < deadline:
        time.sleep(0.02)
    survivors = [pid for pid in workers() if alive(pid)]
    for pid in survivors:  # on failure, end what this test started
        os.kill(pid, signal.SIGKILL)
    assert survivors == []

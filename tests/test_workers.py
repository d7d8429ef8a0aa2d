"""`translate --jobs N`: worker processes die with their parent, even after kill -9."""
import os
import select
import signal
import subprocess
import sys

import pytest

from conftest import ROOT

PARENT = """
import os, sys
from localize.workers import worker_pool
pool = worker_pool(2)
pool.submit(os.getpid).result()
print(" ".join(str(p) for p in pool._processes), flush=True)
sys.stdin.read()  # stays alive until killed
"""


def wait_gone(pid: int, timeout: float) -> bool:
    """Wait for a process that is not our child to end, on its pidfd (an event, not a sleep)."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        readable, _, _ = select.select([fd], [], [], timeout)
        return bool(readable)
    finally:
        os.close(fd)


@pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="needs Linux pidfd_open")
def test_kill_9_of_the_parent_leaves_no_worker_behind():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True, env=env)
    workers = [int(p) for p in parent.stdout.readline().split()]
    assert workers and parent.pid not in workers
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    try:
        assert all(wait_gone(pid, timeout=20) for pid in workers), "a worker outlived its parent"
    finally:
        for pid in workers:  # never leave them behind, even when the test fails
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        parent.stdin.close()
        parent.stdout.close()

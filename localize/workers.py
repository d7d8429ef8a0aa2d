"""Worker processes (``--jobs``) that never outlive the process that started them.

A ProcessPoolExecutor's workers wait on a pipe the parent feeds; when the parent is killed
(kill -9, SIGTERM, an OOM kill) nothing tells them, and they stay alive under PID 1. Each worker
therefore asks Linux to kill it when its parent dies (prctl PR_SET_PDEATHSIG), and elsewhere
watches its parent from a daemon thread.
"""
from __future__ import annotations

import os
import signal
import sys
import threading

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
PARENT_POLL_S = 1.0  # only where prctl is missing: how often a worker looks for its parent


def _die_with(parent: int) -> None:
    """Worker initializer: end this process when ``parent`` goes away."""
    if sys.platform.startswith("linux") and _set_pdeathsig(signal.SIGKILL):
        if os.getppid() != parent:  # the parent died before the request took effect
            os._exit(1)
        return
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _set_pdeathsig(sig: int) -> bool:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    os._exit(1)


def worker_pool(jobs: int):
    """A process pool of ``jobs`` workers, each of which dies with this process."""
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=jobs, initializer=_die_with, initargs=(os.getpid(),))

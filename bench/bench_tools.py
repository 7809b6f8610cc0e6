"""What the benchmarks share: timing a command as a whole process, a free port, and progress
lines on standard error (the tables go to standard output)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time


def timed(command: list[str], environment: dict | None = None) -> float:
    """Seconds the command took; a failure stops the benchmark with its error output."""
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=environment, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed (exit {done.returncode}): {done.stderr[-2000:]}")
    return elapsed


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)

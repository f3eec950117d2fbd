#!/usr/bin/env python3
"""Start-up to first frame and peak memory of the real binary, in a
pseudo-terminal: the time from starting the process until the home screen is
on the terminal, and the largest resident size once every page has been read
and the journal screen opened. Prints one JSON object per journal, for
benches/table.py.

    benches/startup.py BINARY DIR [DIR ...]
"""
import fcntl
import json
import os
import pty
import resource
import select
import struct
import sys
import termios
import time

RUNS = 21


def run_once(binary, data, measure_memory):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(binary, [binary, "--data-dir", data])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    screen = b""
    first_frame = None
    journal_seen = None
    last_loading = time.perf_counter()
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        chunk = b""
        if ready:
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:
                break
            screen += chunk
        now = time.perf_counter()
        if first_frame is None and b"Hello," in screen:
            first_frame = now - start
            if not measure_memory:
                break
            os.write(fd, b"b")  # the journal screen, every page listed
        if b"Reading your journal" in chunk or b"(reading" in chunk:
            last_loading = now
        if journal_seen is None and b"Category:" in screen:
            journal_seen = now
        if journal_seen is not None and now - last_loading > 0.5:
            os.write(fd, b"/walk")  # and a search over all of it
            time.sleep(0.5)
            break
    os.write(fd, b"\x03")
    usage = wait_draining(pid, fd)
    os.close(fd)
    peak_mb = usage.ru_maxrss / 1024.0  # kilobytes on Linux
    return first_frame, peak_mb


def wait_draining(pid, fd):
    """Waits for the app to exit, reading what it still draws: a terminal
    nobody reads from fills up and blocks the app mid-frame."""
    deadline = time.perf_counter() + 10
    while True:
        done, _, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return usage
        if time.perf_counter() > deadline:
            os.kill(pid, 9)
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                os.read(fd, 1 << 16)
            except OSError:
                pass


def main():
    binary = sys.argv[1]
    for data in sys.argv[2:]:
        pages = len([n for n in os.listdir(os.path.join(data, "journal")) if n.endswith(".ron")])
        frames = []
        for _ in range(RUNS):
            first_frame, _ = run_once(binary, data, False)
            if first_frame is None:
                sys.exit(f"no first frame within a minute on {data}")
            frames.append(first_frame * 1000)
        frames.sort()
        peak = max(run_once(binary, data, True)[1] for _ in range(3))
        print(json.dumps({
            "pages": pages,
            "first_frame_ms": frames[RUNS // 2],
            "fastest_ms": frames[0],
            "slowest_ms": frames[-1],
            "peak_mb": peak,
        }), flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Start-up to first frame and peak memory of the real binary, in a
pseudo-terminal: the time from starting the process until the home screen is
on the terminal, and the largest resident size once every page has been read
and the journal screen opened. Prints one Markdown table row per journal.

    benches/startup.py BINARY DIR [DIR ...]
"""
import fcntl
import os
import pty
import resource
import select
import struct
import sys
import termios
import time

RUNS = 9


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
    _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    peak_mb = usage.ru_maxrss / 1024.0  # kilobytes on Linux
    return first_frame, peak_mb


def main():
    binary = sys.argv[1]
    for data in sys.argv[2:]:
        pages = len([n for n in os.listdir(os.path.join(data, "journal")) if n.endswith(".ron")])
        frames = sorted(run_once(binary, data, False)[0] * 1000 for _ in range(RUNS))
        peak = max(run_once(binary, data, True)[1] for _ in range(3))
        print(f"| {pages:,} | {frames[RUNS // 2]:.1f} ms | {frames[0]:.1f}–{frames[-1]:.1f} ms | {peak:.1f} MB |")


if __name__ == "__main__":
    main()

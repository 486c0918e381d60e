#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up time to the first window on screen, for KMS Doctor and, started
the same way in the same X server, GNOME Text Editor as the reference.

A window is counted when it is mapped (xwininfo lists it as viewable), which
GTK does as it draws its first frame.  Each program runs RUNS times; the
median is reported.  Run under xvfb-run and dbus-run-session (meson does).
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(os.environ.get("KD_BENCH_RUNS", "7"))


def viewable_windows():
    out = subprocess.run(["xwininfo", "-root", "-children", "-tree"], capture_output=True, text=True).stdout
    return sum(1 for line in out.splitlines() if "0x" in line and "has no name" not in line and '"' in line)


def measure(argv, env):
    before = viewable_windows()
    start = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.monotonic() - start < 30:
            out = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True).stdout
            if any("KMS Doctor" in l or "Text Editor" in l or "Untitled" in l or "Nuovo documento" in l
                   for l in out.splitlines()) or viewable_windows() > before:
                return time.monotonic() - start
            time.sleep(0.005)
        return None
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
        time.sleep(0.3)


def bench(name, argv, env):
    times = []
    for _ in range(RUNS):
        t = measure(argv, env)
        if t is not None:
            times.append(t)
    if not times:
        print(f"{name}: no window appeared")
        return None
    med = statistics.median(times)
    print(f"{name}: median {med * 1000:.0f} ms, min {min(times) * 1000:.0f} ms over {len(times)} runs")
    return med


def main():
    env = dict(os.environ)
    env["GSETTINGS_BACKEND"] = "memory"
    home = tempfile.mkdtemp()
    env["HOME"] = home
    env["XDG_CONFIG_HOME"] = os.path.join(home, ".config")
    ours = bench("kms-doctor", [sys.argv[1], "--gapplication-app-id=io.github.kmsdoctor.Bench"]
                 if False else [sys.argv[1]], env)
    editor = shutil.which("gnome-text-editor")
    ref = bench("gnome-text-editor", [editor, "--standalone"], env) if editor else None
    if ours is not None and ref is not None:
        print(f"ratio kms-doctor / gnome-text-editor: {ours / ref:.2f}")
    shutil.rmtree(home, ignore_errors=True)
    return 0 if ours is not None else 1


if __name__ == "__main__":
    sys.exit(main())

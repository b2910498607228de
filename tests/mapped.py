#!/usr/bin/env python3
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
"""mapped.py MAPS OUT -- COMMAND...: runs COMMAND with its standard output
and error a pipe that is full already, so that the command stops at its
first write (zoomwiz writes its output to a pipe at exit, its work done; an
error as it happens); then writes the files the
process has mapped (from /proc/PID/maps, one path a line, sorted) to MAPS,
drains the pipe into OUT, and exits with the command's status (125 when it
never stopped at a write within 10 seconds)."""
import fcntl, os, subprocess, sys, time

maps_file, out_file = sys.argv[1], sys.argv[2]
argv = sys.argv[sys.argv.index("--") + 1:]
r, w = os.pipe()
fcntl.fcntl(w, 1031, 4096)  # F_SETPIPE_SZ: the smallest pipe
os.write(w, b"\0" * 4096)   # now full: the next write blocks
p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=w, stderr=w)
os.close(w)


def blocked():
    """True when P sleeps in write(2): its syscall (1 on x86-64, 64 on
    arm64), or where that is not readable its wait channel."""
    try:
        with open(f"/proc/{p.pid}/stat") as f:
            if f.read().rsplit(")", 1)[1].split()[0] != "S":
                return False
    except (OSError, IndexError):
        return False
    try:
        with open(f"/proc/{p.pid}/syscall") as f:
            return f.read().split()[0] in ("1", "64")
    except (OSError, IndexError):
        pass
    try:
        with open(f"/proc/{p.pid}/wchan") as f:
            return "pipe_write" in f.read()
    except OSError:
        return False


end = time.monotonic() + 10
while time.monotonic() < end and p.poll() is None and not blocked():
    time.sleep(0.01)
status = 125
if p.poll() is None and blocked():
    with open(f"/proc/{p.pid}/maps") as f:
        paths = {line.split(None, 5)[5].strip() for line in f if len(line.split(None, 5)) == 6}
    with open(maps_file, "w") as f:
        f.write("".join(f"{x}\n" for x in sorted(paths) if x.startswith("/")))
    status = None
data = os.read(r, 4096)  # the filler
out = b""
while True:
    chunk = os.read(r, 65536)
    if not chunk:
        break
    out += chunk
with open(out_file, "wb") as f:
    f.write(out)
rc = p.wait()
sys.exit(rc if status is None else status)

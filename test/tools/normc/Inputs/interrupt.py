"""Runs normc, interrupts it, and checks that it left nothing behind.

usage: interrupt.py SIGNAL|closed-stderr WORKDIR -- normc ARGS...

SIGNAL (INT, TERM, HUP, QUIT): sent once normc's staging directory exists,
i.e. in the middle of compiling; normc must die of that signal.
closed-stderr: normc's stderr is a pipe whose reader has gone; the error
message it writes raises SIGPIPE, and normc must exit 74 (EX_IOERR).
Either way nothing may remain in WORKDIR but what was there before.
"""
import os
import signal
import subprocess
import sys
import time

mode, workdir = sys.argv[1], sys.argv[2]
command = sys.argv[sys.argv.index("--") + 1:]
before = set(os.listdir(workdir))


def staging_dirs():
    return [n for n in os.listdir(workdir) if ".normc-tmp" in n]


if mode == "closed-stderr":
    read_end, write_end = os.pipe()
    os.close(read_end)
    rc = subprocess.call(command, stderr=write_end)
    os.close(write_end)
    expected = 74
else:
    sig = getattr(signal, "SIG" + mode)
    proc = subprocess.Popen(command)
    deadline = time.time() + 120
    while not staging_dirs() and proc.poll() is None and time.time() < deadline:
        time.sleep(0.02)
    if proc.poll() is not None:
        sys.exit(f"normc ended (rc {proc.returncode}) before it could be interrupted")
    time.sleep(0.3)  # well into the compile
    proc.send_signal(sig)
    rc = proc.wait(timeout=120)
    expected = -sig

left = sorted(set(os.listdir(workdir)) - before)
if rc != expected or left:
    sys.exit(f"rc {rc} (expected {expected}); left behind: {left}")
print(f"{mode}: rc {rc}, nothing left behind")

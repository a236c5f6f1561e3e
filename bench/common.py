"""What the benchmarks share: building with pyseal, the benchmark's own virtualenvs,
interleaved timing, peak memory and the machine line of a results table.
Nothing here is a test: tests never time anything."""
import datetime
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
APPS = REPO / "bench" / "apps"
WORK = Path(os.environ.get("PYSEAL_BENCH_DIR", Path.home() / ".cache" / "pyseal" / "bench"))
SYSTEM_PYTHON = "/usr/bin/python3.11"
CLI = REPO / "dist" / "cli.js"


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def timed(command, **kwargs):
    """Runs command; returns (seconds, its stdout as text)."""
    started = time.perf_counter()
    result = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True, **kwargs)
    return time.perf_counter() - started, result.stdout


def pyseal_build(project, out_dir, optimization="none", cache_dir=None, extra=()):
    """Builds project with pyseal's CLI; returns (seconds, the binary, the CLI's output).
    An optimized CPython is built with this machine's gcc, which a glibc floor does not use:
    those builds get --glibc host (the README's glibc floor section says why)."""
    floor = ["--glibc", "host"] if optimization != "none" and "--glibc" not in extra else []
    command = ["node", str(CLI), "build", "--project", str(project), "--out-dir", str(out_dir),
               "--python-optimization", optimization, *floor, *extra]
    if cache_dir:
        command += ["--cache-dir", str(cache_dir)]
    seconds, output = timed(command)
    binary = Path(output.strip().splitlines()[-1])
    if not binary.is_file():
        raise SystemExit(f"pyseal did not print its binary's path:\n{output}")
    return seconds, binary, output


def tool_env(name, packages):
    """A virtualenv of Debian's python3.11 under the benchmark's directory, with packages from the index."""
    env = WORK / name
    python = env / "bin" / "python"
    if not python.exists():
        run([SYSTEM_PYTHON, "-m", "venv", str(env)])
        run([str(python), "-m", "pip", "install", "-q", *packages])
    return env


def interleaved(candidates, rounds):
    """Runs every candidate once per round, in a shuffled order each round; returns the medians in ms."""
    for command in candidates.values():  # the page cache, warmed once for all
        run(command, stdout=subprocess.DEVNULL)
    samples = {name: [] for name in candidates}
    for _ in range(rounds):
        order = list(candidates)
        random.shuffle(order)
        for name in order:
            started = time.perf_counter()
            run(candidates[name], stdout=subprocess.DEVNULL)
            samples[name].append((time.perf_counter() - started) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}


def peak_rss_mib(command):
    """Peak resident memory of one run, from the kernel's accounting of a child that runs it."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    kib = subprocess.run([SYSTEM_PYTHON, "-c", probe, *command], capture_output=True, text=True).stdout.strip()
    return int(kib) / 1024


def stripped_size(binary):
    """Bytes of the binary without its symbol table: pyseal's resources sit after the ELF
    image, so `strip` cannot be run on it; the ELF part is measured stripped and the
    appended archive added."""
    size = binary.stat().st_size
    out = subprocess.run(["readelf", "-S", "-W", str(binary)], capture_output=True, text=True).stdout
    removable = 0
    for line in out.splitlines():
        match = re.search(r"\]\s+(\.symtab|\.strtab|\.debug\w*)\s+\S+\s+\S+\s+\S+\s+([0-9a-f]+)", line)
        if match:
            removable += int(match.group(2), 16)
    return size - removable


def machine_line(rounds, script):
    return (
        f"Measured {datetime.date.today().isoformat()} on {platform.node() or 'this machine'}: "
        f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; "
        f"{rounds} rounds, candidates interleaved in a shuffled order each round; medians. "
        f"Produced by `python3 bench/{script}`."
    )


def verdict(value, goal, better="lower"):
    met = value <= goal if better == "lower" else value >= goal
    if met:
        return "met."
    return f"missed by {abs(value / goal - 1) * 100:.0f}%."


if __name__ == "__main__":
    sys.exit("bench/common.py is imported by the benchmarks; run bench/startup.py, imports.py or build_time.py")

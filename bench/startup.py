#!/usr/bin/env python3
"""Start-up, size and peak memory of a hello-world: pyseal against the interpreter
itself and the single-file tools users would pick instead (PyInstaller --onefile,
Nuitka --onefile), measured side by side on this machine in one run.

    python3 bench/startup.py [--rounds 20] [--out bench/RESULTS-startup.md]

It builds bench/apps/hello with each tool (PyInstaller and Nuitka come from the
package index into the benchmark's own virtualenv under ~/.cache/pyseal/bench), then
runs every candidate once per round, in a shuffled order each round (A/B
interleaved), and reports medians. Nothing here is a test: tests never time anything.
"""
import argparse
import datetime
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "bench" / "apps" / "hello"
WORK = Path(os.environ.get("PYSEAL_BENCH_DIR", Path.home() / ".cache" / "pyseal" / "bench"))
SYSTEM_PYTHON = "/usr/bin/python3.11"


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def timed_build(name, command, **kwargs):
    started = time.perf_counter()
    run(command, **kwargs)
    seconds = time.perf_counter() - started
    print(f"built {name} in {seconds:.1f} s", file=sys.stderr)
    return seconds


def bench_env():
    env = WORK / "venv"
    python = env / "bin" / "python"
    if not python.exists():
        run([SYSTEM_PYTHON, "-m", "venv", str(env)])
        run([str(python), "-m", "pip", "install", "-q", "pyinstaller", "nuitka[onefile]"])
    return python


def build_all():
    out = WORK / "hello"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    python = bench_env()
    builds = {}
    builds["pyseal"] = timed_build(
        "pyseal",
        ["node", str(REPO / "dist" / "cli.js"), "build", "--project", str(APP), "--out-dir", str(out / "pyseal")],
        stdout=subprocess.DEVNULL,
    )
    builds["PyInstaller --onefile"] = timed_build(
        "PyInstaller",
        [str(python), "-m", "PyInstaller", "--onefile", "-y", "--log-level", "ERROR", "-n", "hello",
         "--distpath", str(out / "pyinstaller"), "--workpath", str(out / "pyinstaller-work"),
         "--specpath", str(out), str(APP / "hello.py")],
    )
    builds["Nuitka --onefile"] = timed_build(
        "Nuitka",
        [str(python), "-m", "nuitka", "--onefile", "--quiet", "--assume-yes-for-downloads",
         f"--output-dir={out / 'nuitka'}", "--output-filename=hello", str(APP / "hello.py")],
    )
    versions = {
        "PyInstaller": subprocess.run([str(python), "-m", "PyInstaller", "--version"], capture_output=True, text=True).stdout.strip(),
        "Nuitka": subprocess.run([str(python), "-m", "nuitka", "--version"], capture_output=True, text=True).stdout.split("\n")[0].strip(),
    }
    binaries = {
        "pyseal": out / "pyseal" / "hello",
        "PyInstaller --onefile": out / "pyinstaller" / "hello",
        "Nuitka --onefile": out / "nuitka" / "hello",
    }
    return binaries, builds, versions


def peak_rss_kib(command):
    """Peak resident memory of one run, from the kernel's accounting of a child that runs it."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    return int(subprocess.run([SYSTEM_PYTHON, "-c", probe, *command], capture_output=True, text=True).stdout.strip())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--out", default=str(REPO / "bench" / "RESULTS-startup.md"))
    args = parser.parse_args()

    binaries, builds, versions = build_all()
    candidates = {
        "pyseal (hello app)": [str(binaries["pyseal"])],
        "python3.11 -I -S -c pass": [SYSTEM_PYTHON, "-I", "-S", "-c", "pass"],
        "python3.11 -I -c pass": [SYSTEM_PYTHON, "-I", "-c", "pass"],
        "PyInstaller --onefile": [str(binaries["PyInstaller --onefile"])],
        "Nuitka --onefile": [str(binaries["Nuitka --onefile"])],
    }
    for command in candidates.values():  # warm the page cache once
        run(command, stdout=subprocess.DEVNULL)
    samples = {name: [] for name in candidates}
    for _ in range(args.rounds):
        order = list(candidates)
        random.shuffle(order)
        for name in order:
            started = time.perf_counter()
            run(candidates[name], stdout=subprocess.DEVNULL)
            samples[name].append((time.perf_counter() - started) * 1000)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    baseline = medians["python3.11 -I -S -c pass"]
    sizes = {
        "pyseal (hello app)": binaries["pyseal"].stat().st_size,
        "PyInstaller --onefile": binaries["PyInstaller --onefile"].stat().st_size,
        "Nuitka --onefile": binaries["Nuitka --onefile"].stat().st_size,
    }

    lines = [
        "# Start-up of a hello-world, side by side",
        "",
        f"Measured {datetime.date.today().isoformat()} on {platform.node() or 'this machine'}: "
        f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; "
        f"{args.rounds} rounds, candidates interleaved in a shuffled order each round; medians. "
        f"{versions['PyInstaller'] and 'PyInstaller ' + versions['PyInstaller']}, Nuitka {versions['Nuitka']}, "
        f"Debian's {SYSTEM_PYTHON} (PGO and LTO). Produced by `python3 bench/startup.py`.",
        "",
        "| candidate | start-up (median ms) | × python -I -S | size (MB) | peak RSS (MB) | build (s) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, command in candidates.items():
        size = f"{sizes[name] / 1e6:.1f}" if name in sizes else "—"
        build = next((f"{seconds:.1f}" for key, seconds in builds.items() if name.startswith(key)), "—")
        lines.append(
            f"| {name} | {medians[name]:.1f} | {medians[name] / baseline:.2f} | {size} | "
            f"{peak_rss_kib(command) / 1024:.1f} | {build} |"
        )
    pyseal = medians["pyseal (hello app)"]
    lines += [
        "",
        "Goals (issue: benchmarks):",
        f"- start-up ≤ 1.0× `python3.11 -I -S -c pass`: **{pyseal / baseline:.2f}×** — "
        + ("met." if pyseal <= baseline else f"missed by {(pyseal / baseline - 1) * 100:.0f}%."),
        f"- ≥ 10× faster than PyInstaller onefile: **{medians['PyInstaller --onefile'] / pyseal:.1f}×** — "
        + ("met." if medians["PyInstaller --onefile"] / pyseal >= 10 else "missed."),
        f"- hello-world binary ≤ 12 MB: **{sizes['pyseal (hello app)'] / 1e6:.1f} MB** — "
        + ("met." if sizes["pyseal (hello app)"] <= 12e6 else "missed: the default keeps most of the stdlib and every stdlib extension module."),
        "",
        "The pyseal binary is not stripped further: its resources are appended after the",
        "link (its debug sections are already removed); the other binaries are as their tools leave them.",
    ]
    Path(args.out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

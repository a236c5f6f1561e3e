#!/usr/bin/env python3
"""Start-up, size and peak memory of a hello-world: pyseal against the interpreter
itself and the single-file tools users would pick instead (PyInstaller --onefile,
Nuitka --onefile), measured side by side on this machine in one run.

    python3 bench/startup.py [--rounds 20] [--out bench/RESULTS-startup.md]

It builds bench/apps/hello with pyseal twice (CPython built from source without
optimization, and with --python-optimization pgo+lto: the first run builds that
CPython, about half an hour on two cores, then it is cached), and with PyInstaller
and Nuitka (from the package index, into the benchmark's own virtualenv under
~/.cache/pyseal/bench). Every candidate runs once per round, in a shuffled order
each round (A/B interleaved); medians. Nothing here is a test: tests never time anything.
"""
import argparse
import subprocess
import sys
from pathlib import Path

from common import APPS, SYSTEM_PYTHON, WORK, interleaved, machine_line, peak_rss_mib, pyseal_build, run, \
    stripped_size, timed, tool_env, verdict

APP = APPS / "hello"


def build_all():
    out = WORK / "hello"
    env = tool_env("venv", ["pyinstaller", "nuitka[onefile]"])
    python = str(env / "bin" / "python")
    builds, binaries = {}, {}
    for optimization, stdlib in (("none", "all"), ("pgo+lto", "all"), ("pgo+lto", "imported")):
        name = f"pyseal, CPython {optimization}, --stdlib {stdlib}"
        builds[name], binaries[name], _ = pyseal_build(APP, out / f"pyseal-{optimization}-{stdlib}", optimization,
                                                       extra=["--stdlib", stdlib])
    builds["PyInstaller --onefile"], _ = timed(
        [python, "-m", "PyInstaller", "--onefile", "-y", "--log-level", "ERROR", "-n", "hello",
         "--distpath", str(out / "pyinstaller"), "--workpath", str(out / "pyinstaller-work"),
         "--specpath", str(out), str(APP / "hello.py")])
    binaries["PyInstaller --onefile"] = out / "pyinstaller" / "hello"
    builds["Nuitka --onefile"], _ = timed(
        [python, "-m", "nuitka", "--onefile", "--quiet", "--assume-yes-for-downloads",
         f"--output-dir={out / 'nuitka'}", "--output-filename=hello", str(APP / "hello.py")])
    binaries["Nuitka --onefile"] = out / "nuitka" / "hello"
    versions = {
        "PyInstaller": subprocess.run([python, "-m", "PyInstaller", "--version"], capture_output=True,
                                      text=True).stdout.strip(),
        "Nuitka": subprocess.run([python, "-m", "nuitka", "--version"], capture_output=True,
                                 text=True).stdout.split("\n")[0].strip(),
    }
    return binaries, builds, versions


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--out", default=str(Path(__file__).parent / "RESULTS-startup.md"))
    args = parser.parse_args()

    binaries, builds, versions = build_all()
    for binary in binaries.values():
        run([str(binary)], stdout=subprocess.DEVNULL)
    candidates = {name: [str(binary)] for name, binary in binaries.items()}
    candidates["python3.11 -I -S -c pass"] = [SYSTEM_PYTHON, "-I", "-S", "-c", "pass"]
    candidates["python3.11 -I -c pass"] = [SYSTEM_PYTHON, "-I", "-c", "pass"]
    medians = interleaved(candidates, args.rounds)
    baseline = medians["python3.11 -I -S -c pass"]

    lines = [
        "# Start-up of a hello-world, side by side",
        "",
        machine_line(args.rounds, "startup.py") + f" PyInstaller {versions['PyInstaller']}, Nuitka "
        f"{versions['Nuitka']}; `python3.11` is Debian's {SYSTEM_PYTHON} (the same CPython 3.11.2, built with PGO "
        "and LTO). Sizes are stripped (for pyseal: its ELF part without symbols, plus the appended archive).",
        "",
        "| candidate | start-up (median ms) | × python -I -S | size (MB) | peak RSS (MB) | build (s) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, command in candidates.items():
        size = f"{stripped_size(binaries[name]) / 1e6:.1f}" if name in binaries else "—"
        build = f"{builds[name]:.1f}" if name in builds else "—"
        lines.append(f"| {name} | {medians[name]:.1f} | {medians[name] / baseline:.2f} | {size} | "
                     f"{peak_rss_mib(command):.1f} | {build} |")
    best = "pyseal, CPython pgo+lto, --stdlib all"
    small = "pyseal, CPython pgo+lto, --stdlib imported"
    speedup = medians["PyInstaller --onefile"] / medians[best]
    size = stripped_size(binaries[best]) / 1e6
    small_size = stripped_size(binaries[small]) / 1e6
    lines += [
        "",
        "Goals (issue: benchmarks), for pyseal with CPython pgo+lto:",
        f"- start-up ≤ 1.0× `python3.11 -I -S -c pass`: **{medians[small] / baseline:.2f}×** with `--stdlib imported` — "
        + verdict(medians[small] / baseline, 1.0) + f" **{medians[best] / baseline:.2f}×** with the whole stdlib — "
        + verdict(medians[best] / baseline, 1.0),
        f"- ≥ 10× faster than PyInstaller onefile: **{speedup:.1f}×** (whole stdlib) — "
        + verdict(speedup, 10, better="higher"),
        f"- hello-world binary ≤ 12 MB stripped: **{small_size:.1f} MB** with `--stdlib imported` — "
        + verdict(small_size, 12) + f" **{size:.1f} MB** with the whole stdlib — " + verdict(size, 12)
        + " (every stdlib extension module, and bytecode stored uncompressed so imports need no inflating).",
        "",
        "Build times are second builds, each tool with its own caches: pyseal's with CPython and the",
        "packages cached (a pgo+lto link runs link-time optimization over libpython: about 1.5 minutes),",
        "PyInstaller's and Nuitka's as they reuse their work directories. Cold builds: RESULTS-build.md.",
    ]
    Path(args.out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())

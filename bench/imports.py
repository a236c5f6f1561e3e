#!/usr/bin/env python3
"""Import-heavy start-up: pyseal against the same imports from a normal virtualenv.

    python3 bench/imports.py [--rounds 15] [--optimization pgo+lto] [--out bench/RESULTS-imports.md]

bench/apps/imports imports 250 stdlib modules (about 430 modules load with what they
import) and markupsafe, simplejson, msgpack, zstandard, psutil and cffi with their C
accelerators. pyseal builds it into one binary (the packages from their source
distributions, built in); the virtualenvs get the same pinned packages from the
package index and the app installed, and run its console script, as a user would:
one on Debian's python3.11 (PGO and LTO), one on the very CPython pyseal linked
(same build, so only the importer differs). All run interleaved; medians.
"""
import argparse
import subprocess
import sys
from pathlib import Path

from common import APPS, WORK, interleaved, machine_line, peak_rss_mib, pyseal_build, run, stripped_size, verdict

APP = APPS / "imports"
PACKAGES = ["markupsafe==2.1.5", "simplejson==3.19.3", "msgpack==1.1.0", "zstandard==0.23.0", "psutil==6.1.1",
            "cffi==1.17.1"]


def venv_with_app(name, python):
    env = WORK / name
    if not (env / "bin" / "imports").exists():
        run([python, "-m", "venv", "--clear", str(env)])
        run([str(env / "bin" / "python"), "-m", "pip", "install", "-q", *PACKAGES, str(APP)])
    return env / "bin" / "imports"


def distribution_python(report_path):
    """The interpreter of the CPython distribution pyseal linked, from the build's report."""
    import json

    report = json.loads(Path(report_path).read_text())
    root = Path(report["python"]["root"])
    if not root.is_absolute():  # a path-free report names it relative to the cache
        root = Path.home() / ".cache" / "pyseal" / root
    exe = json.loads((root / "PYTHON.json").read_text())["python_exe"]
    return str(root / exe)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--optimization", default="pgo+lto", choices=["none", "lto", "pgo+lto"])
    parser.add_argument("--out", default=str(Path(__file__).parent / "RESULTS-imports.md"))
    args = parser.parse_args()

    build_seconds, binary, _ = pyseal_build(APP, WORK / "imports" / args.optimization, args.optimization)
    debian_app = venv_with_app("venv-imports-debian", "/usr/bin/python3.11")
    same_app = venv_with_app(f"venv-imports-{args.optimization}", distribution_python(f"{binary}.report.json"))
    loaded = subprocess.run([str(binary)], capture_output=True, text=True, check=True).stdout.strip()
    candidates = {
        f"pyseal binary (CPython {args.optimization})": [str(binary)],
        "virtualenv, Debian's python3.11 (PGO+LTO)": [str(debian_app)],
        f"virtualenv, the same CPython ({args.optimization})": [str(same_app)],
    }
    medians = interleaved(candidates, args.rounds)
    base = medians["virtualenv, Debian's python3.11 (PGO+LTO)"]
    same = medians[f"virtualenv, the same CPython ({args.optimization})"]
    mine = medians[f"pyseal binary (CPython {args.optimization})"]
    lines = [
        "# Import-heavy start-up, side by side",
        "",
        machine_line(args.rounds, "imports.py") + f" The app loads {loaded} modules.",
        "",
        "| candidate | start-up (median ms) | × Debian venv | × same-CPython venv | peak RSS (MB) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, command in candidates.items():
        lines.append(f"| {name} | {medians[name]:.1f} | {medians[name] / base:.2f} | {medians[name] / same:.2f} | "
                     f"{peak_rss_mib(command):.1f} |")
    lines += [
        "",
        f"pyseal binary: {stripped_size(binary) / 1e6:.1f} MB stripped; built in {build_seconds:.0f} s "
        "(CPython and the packages from the cache when present).",
        "",
        "Goal (issue: benchmarks): import-heavy start-up ≤ 0.9× the virtualenv's:",
        f"- against Debian's virtualenv: **{mine / base:.2f}×** — {verdict(mine / base, 0.9)}",
        f"- against a virtualenv of the same CPython: **{mine / same:.2f}×** — {verdict(mine / same, 0.9)}",
    ]
    Path(args.out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())

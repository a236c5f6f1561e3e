#!/usr/bin/env python3
"""Build time: a cold build, a warm rebuild with a full cache hit, and a rebuild after a
one-line change in the app's own Python code.

    python3 bench/build_time.py [--optimization none] [--out bench/RESULTS-build.md]

The app is bench/apps/imports (six packages with C accelerators, from their source
distributions). "Cold" starts from a cache that holds only the CPython distribution
(building CPython is a one-time cost per version and target, given separately from
its build log when known); everything else, the packages above all, is compiled.
"Warm" repeats the same build. "One-line change" edits the app's module and builds
again: the dependencies must come from the cache, no extension recompiled.
"""
import argparse
import datetime
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import APPS, WORK, pyseal_build, verdict

SHARED_CACHE = Path.home() / ".cache" / "pyseal"
# What a cold build may find: CPython and what building it needs, never packages.
SEEDED = ["python", "sources", "static-deps", "toolchain"]


def seed_cache(cache):
    """A cache holding the shared cache's CPython distributions (hard links: no copying)."""
    cache.mkdir(parents=True)
    for name in SEEDED:
        if (SHARED_CACHE / name).exists():
            subprocess.run(["cp", "-al", str(SHARED_CACHE / name), str(cache / name)], check=True)
    for extra in SHARED_CACHE.glob("musl-kernel-headers-*"):
        subprocess.run(["cp", "-al", str(extra), str(cache / extra.name)], check=True)


def compiled_extensions(output):
    """How many extension modules a build compiled, from its build-stage line."""
    match = re.search(r"✓ build [\d.]+s: (reused cached|built) packages \S+ \(\d+ extension modules captured"
                      r"(?:, (\d+) compiled now)?\)", output)
    if not match:
        raise SystemExit(f"no build-stage line in pyseal's output:\n{output}")
    return int(match.group(2) or 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--optimization", default="none", choices=["none", "lto", "pgo+lto"])
    parser.add_argument("--out", default=str(Path(__file__).parent / "RESULTS-build.md"))
    args = parser.parse_args()

    # CPython itself, built (or found) in the shared cache first: not part of "cold".
    pyseal_build(APPS / "hello", WORK / "build-time" / "prime", args.optimization)
    work = Path(tempfile.mkdtemp(prefix="pyseal-build-time-", dir=WORK))
    try:
        cache = work / "cache"
        seed_cache(cache)
        app = work / "imports"
        shutil.copytree(APPS / "imports", app)
        out = work / "out"
        cold, _, cold_log = pyseal_build(app, out, args.optimization, cache)
        warm, _, warm_log = pyseal_build(app, out, args.optimization, cache)
        module = app / "imports_app.py"
        module.write_text(module.read_text().replace('print(len(sys.modules))',
                                                     'print(len(sys.modules))  # one-line change'))
        edited, binary, edited_log = pyseal_build(app, out, args.optimization, cache)
        check = subprocess.run([str(binary)], capture_output=True, text=True, check=True).stdout.strip()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    rows = [
        ("cold (only CPython cached)", cold, compiled_extensions(cold_log)),
        ("warm (full cache hit)", warm, compiled_extensions(warm_log)),
        ("one-line change in the app's code", edited, compiled_extensions(edited_log)),
    ]
    lines = [
        "# Build time, cold and warm",
        "",
        f"Measured {datetime.date.today().isoformat()} on {platform.node() or 'this machine'}: {platform.machine()}, "
        f"{os.cpu_count()} cores, {platform.platform()}; one build each, in this order. CPython "
        f"{args.optimization}; bench/apps/imports (its binary runs and loads {check} modules). Produced by "
        "`python3 bench/build_time.py`.",
        "",
        "| build | seconds | × cold | extension modules compiled |",
        "| --- | --- | --- | --- |",
    ]
    for name, seconds, compiled in rows:
        lines.append(f"| {name} | {seconds:.1f} | {seconds / cold:.2f} | {compiled} |")
    lines += [
        "",
        "Goals (issue: benchmarks):",
        f"- warm rebuild ≤ 10% of the cold build: **{warm / cold * 100:.0f}%** — {verdict(warm / cold, 0.10)}",
        f"- after a change in the app's own Python code, no extension is recompiled: **{rows[2][2]} compiled** — "
        + ("met." if rows[2][2] == 0 else "missed."),
        f"- that rebuild takes {edited:.1f} s ({edited / cold * 100:.0f}% of cold): the app's own layer is "
        "reinstalled, the link and the archive are redone.",
    ]
    Path(args.out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())

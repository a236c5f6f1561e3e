#!/usr/bin/env python3
"""Start-up and size of gnu binaries built for the default glibc floor against `--glibc host`.

    python3 bench/glibc_floor.py [--rounds 20] [--out bench/RESULTS-glibc-floor.md]

The default gnu build (glibc 2.17: CPython, its static libraries and the packages
compiled by zig's clang) and a `--glibc host` build (this machine's gcc and -dev
libraries) of bench/apps/hello and bench/apps/imports, CPython unoptimized as the
default builds it (the first run builds both CPythons, then they are cached), plus an
interpreter-mode hello-world running a loop, so the two compilers' CPythons are compared
on work as well as start-up. All run interleaved, a shuffled order each round; medians.
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

from common import APPS, WORK, interleaved, machine_line, peak_rss_mib, pyseal_build, stripped_size

FLOORS = {"default (2.17)": [], "--glibc host": ["--glibc", "host"]}
LOOP = "s = 0\nfor i in range(3_000_000): s += i * i % 7\n"


def newest_glibc(binary):
    out = subprocess.run(["readelf", "-V", "-W", str(binary)], capture_output=True, text=True, check=True).stdout
    versions = {tuple(int(p) for p in v.split(".")) for v in re.findall(r"Name: GLIBC_(\d+(?:\.\d+)+)\s", out)}
    return ".".join(str(p) for p in max(versions))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--out", default=str(Path(__file__).parent / "RESULTS-glibc-floor.md"))
    args = parser.parse_args()

    binaries, candidates = {}, {}
    for floor, extra in FLOORS.items():
        slug = "host" if extra else "default"
        for app in ("hello", "imports"):
            _, binary, _ = pyseal_build(APPS / app, WORK / "glibc-floor" / f"{app}-{slug}", extra=extra)
            binaries[f"{app}, {floor}"] = binary
            candidates[f"{app}, {floor}"] = [str(binary)]
        _, python, _ = pyseal_build(APPS / "hello", WORK / "glibc-floor" / f"python-{slug}",
                                    extra=[*extra, "--entry-point", "none", "--name", "python"])
        binaries[f"loop (interpreter mode), {floor}"] = python
        candidates[f"loop (interpreter mode), {floor}"] = [str(python), "-c", LOOP]
    medians = interleaved(candidates, args.rounds)

    lines = [
        "# The default glibc floor against --glibc host, side by side",
        "",
        machine_line(args.rounds, "glibc_floor.py") + " CPython 3.14, unoptimized (`--python-optimization none`, "
        "the default); sizes stripped (the ELF part without symbols, plus the appended archive).",
        "",
        "| candidate | run (median ms) | floor ÷ host | size (MB) | peak RSS (MB) | newest GLIBC_ needed |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, command in candidates.items():
        host = medians[name.rsplit(", ", 1)[0] + ", --glibc host"]
        lines.append(f"| {name} | {medians[name]:.1f} | {medians[name] / host:.2f} | "
                     f"{stripped_size(binaries[name]) / 1e6:.1f} | {peak_rss_mib(command):.1f} | "
                     f"{newest_glibc(binaries[name])} |")
    Path(args.out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Start-up of the hello-world and of the import-heavy app as two revisions of pyseal
build them, side by side: what a change to the launcher or the importer costs.

    python3 bench/revisions.py --before REV [--after REV] [--rounds 30] [--out bench/RESULTS-x.md]

Each revision is exported from git (`git archive`, its committed dist/cli.js, c/ and
python/) into the benchmark's directory, and builds bench/apps/hello and
bench/apps/imports with default options (the same cached CPython and packages when the
revisions agree on them). The binaries run interleaved, in a shuffled order each round,
with `python -I -S -c pass` of the CPython they link as the reference; medians.
Nothing here is a test: tests never time anything.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

from common import APPS, REPO, WORK, interleaved, machine_line, peak_rss_mib, stripped_size, timed


def export(revision):
    """The revision's files under WORK/revisions/<commit>, exported once."""
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", revision], check=True, capture_output=True,
                            text=True).stdout.strip()
    tree = WORK / "revisions" / commit[:12]
    if not (tree / "dist" / "cli.js").exists():
        tree.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(REPO), "archive", commit], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return commit[:12], tree


def build(tree, app, out_dir):
    command = ["node", str(tree / "dist" / "cli.js"), "build", "--project", str(APPS / app), "--out-dir", str(out_dir)]
    seconds, output = timed(command)
    return Path(output.strip().splitlines()[-1])


def linked_python(binary):
    report = json.loads(Path(f"{binary}.report.json").read_text())
    root = Path(report["python"]["root"].replace("{cache-dir}", str(Path.home() / ".cache" / "pyseal")))
    return str(root / json.loads((root / "PYTHON.json").read_text())["python_exe"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", default="HEAD")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--out")
    args = parser.parse_args()
    binaries, commits = {}, {}
    for label, revision in (("before", args.before), ("after", args.after)):
        commit, tree = export(revision)
        commits[label] = commit
        for app in ("hello", "imports"):
            binaries[(label, app)] = build(tree, app, WORK / "revisions" / f"out-{commit}-{app}")
    python = linked_python(binaries[("after", "hello")])
    candidates = {f"{app}, {label} ({commits[label]})": [str(binaries[(label, app)])]
                  for app in ("hello", "imports") for label in ("before", "after")}
    candidates["python -I -S -c pass (the CPython linked)"] = [python, "-I", "-S", "-c", "pass"]
    medians = interleaved(candidates, args.rounds)
    base = medians["python -I -S -c pass (the CPython linked)"]
    lines = [
        f"# Start-up before and after: {commits['before']} → {commits['after']}", "",
        machine_line(args.rounds, "revisions.py") + f" Revisions: `--before {args.before} --after {args.after}`.",
        "", "| candidate | start-up (median ms) | × python -I -S | size (MB) | peak RSS (MB) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, command in candidates.items():
        binary = Path(command[0])
        size = f"{stripped_size(binary) / 1e6:.1f}" if binary.name != Path(python).name else "—"
        lines.append(f"| {name} | {medians[name]:.1f} | {medians[name] / base:.2f} | {size} | "
                     f"{peak_rss_mib(command):.1f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        Path(args.out).write_text(text)


if __name__ == "__main__":
    sys.exit(main())

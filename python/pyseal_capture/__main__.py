# pyseal_capture/__main__.py
# Loaded by: `python -m pyseal_capture ...` (pyseal's build stage, run with the
#   Python that will build the packages; PYTHONPATH=<repo>/python).
# Writes: install -> <site-packages>/pyseal_capture.pth; uninstall removes it;
#   check/pth-line/site-packages only print.
"""Command line: install | uninstall | pth-line | site-packages | check."""

import argparse
import json
import os
import sys
import sysconfig

from . import PTH_NAME, records

SHIM_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pth_line(shim_root=SHIM_ROOT):
    """The single line of pyseal_capture.pth.

    Does nothing unless PYSEAL_CAPTURE_DIR is set; else appends the shim root to
    sys.path and calls pyseal_capture.activate(), guarded against re-entry (pip's
    isolation re-processes site-packages .pth files) and against failure.
    """
    body = (
        "try:\n"
        "    p = %r\n"
        "    p in sys.path or sys.path.append(p)\n"
        "    __import__('pyseal_capture').activate()\n"
        "except Exception as e:\n"
        "    sys.stderr.write('pyseal_capture: capture not active: %%r\\n' %% (e,))\n"
    ) % (shim_root,)
    return (
        "import os, sys; os.environ.get('PYSEAL_CAPTURE_DIR') and "
        "not getattr(sys.modules.get('pyseal_capture'), 'ACTIVE', False) and "
        "exec(%r)\n" % body
    )


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m pyseal_capture")
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("install", "uninstall"):
        p = sub.add_parser(name)
        p.add_argument("--site-packages", default=None,
                       help="target dir (default: this interpreter's purelib)")
        if name == "install":
            p.add_argument("--shim-root", default=SHIM_ROOT,
                           help="directory holding the pyseal_capture package")
    sub.add_parser("pth-line")
    sub.add_parser("site-packages")
    p = sub.add_parser("check", help="print intended vs captured modules as JSON")
    p.add_argument("--capture-dir", required=True)
    args = ap.parse_args(argv)

    if args.cmd == "pth-line":
        sys.stdout.write(pth_line())
        return 0
    if args.cmd == "site-packages":
        print(sysconfig.get_paths()["purelib"])
        return 0
    if args.cmd == "check":
        print(json.dumps(records.compare(args.capture_dir), indent=2, sort_keys=True))
        return 0

    site = os.path.abspath(args.site_packages or sysconfig.get_paths()["purelib"])
    path = os.path.join(site, PTH_NAME)
    if args.cmd == "install":
        os.makedirs(site, exist_ok=True)
        # A name of this process's own: two builds may install into one Python at once.
        tmp = "%s.%d.tmp" % (path, os.getpid())
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(pth_line(os.path.abspath(args.shim_root)))
        os.replace(tmp, path)
        print(path)
        return 0
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())

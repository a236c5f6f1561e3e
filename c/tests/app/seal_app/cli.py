import os
import sys

MSG = "pyseal traceback test"


def fail():
    raise RuntimeError(MSG)  # <- this source line must appear in the traceback


def files_by_path():
    """The package's own files, reached by path from __file__ (the archive's view)."""
    import errno
    import glob
    import pathlib
    here = os.path.dirname(__file__)
    with open(os.path.join(here, "data.txt")) as f:
        print(f.read().strip())
    print(sorted(n for n in os.listdir(here) if not n.endswith(".pyc")))
    print([os.path.basename(p) for p in glob.glob(os.path.join(here, "*.txt"))])
    print(os.path.isdir(here), os.path.isfile(os.path.join(here, "data.txt")),
          os.stat(os.path.join(here, "data.txt")).st_size)
    print(pathlib.Path(here, "data.txt").read_bytes().strip().decode())
    try:
        open(os.path.join(here, "new.txt"), "w")
    except OSError as e:
        print(errno.errorcode[e.errno])
    return 0


def main():
    args = sys.argv[1:]
    cmd = args[0] if args else ""
    if cmd == "argv":
        print(sys.argv[1:])
        return int(args[1])
    if cmd == "path":
        print(sys.path, sys.executable, sys.prefix)
        return 0
    if cmd == "speedups":
        import seal_app._speedups as s
        print(s.add(2, 40), s.__spec__.origin,
              "seal_app._speedups" in sys.builtin_module_names)
        return 0
    if cmd == "subprocess":
        import subprocess
        r = subprocess.run([sys.executable, "-c", "print(1)"], env={},
                           capture_output=True, text=True)
        sys.stdout.write(r.stdout)
        sys.stderr.write(r.stderr)
        return r.returncode
    if cmd == "mp":
        import multiprocessing
        from seal_app.work import square
        ctx = multiprocessing.get_context(args[1])
        with ctx.Pool(2) as pool:
            print(pool.map(square, range(6)))
        return 0
    if cmd == "traceback":
        fail()
    if cmd == "resources":
        import importlib.metadata
        import importlib.resources
        print(importlib.resources.files("seal_app").joinpath("data.txt")
              .read_text().strip())
        print(importlib.metadata.version("seal-app"))
        return 0
    if cmd == "files":
        return files_by_path()
    if cmd == "exit":
        exit(int(args[1]))  # the builtin site would add
    if cmd == "site":
        print("site" in sys.modules, sys.flags.no_site, type(help).__name__, quit.__class__.__name__)
        return 0
    if cmd == "env":
        print(os.environ.get(args[1], "<unset>"))
        return 0
    print("APP", sys.argv[1:])
    return 0

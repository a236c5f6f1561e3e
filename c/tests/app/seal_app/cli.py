import os
import sys

MSG = "pyseal traceback test"


def fail():
    raise RuntimeError(MSG)  # <- this source line must appear in the traceback


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

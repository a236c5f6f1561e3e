"""Which stdlib modules an app can import, found statically (``--stdlib imported``).

    python -m pyseal_pack.imports --site DIR [--module NAME]... [--stdlib DIR]

Scans, with the stdlib's own ``modulefinder``, every module below the site
directory (the app and its dependencies: their dynamic imports inside their
own packages are covered that way), the given modules (the entry point's),
and what every pyseal binary needs at start and on an error (encodings, the
traceback machinery, runpy). Prints JSON: ``{"top_level": [names of stdlib
top-level modules and packages to keep], "modules": [every stdlib module
found, dotted], "missing": [imports nothing provides]}``.

What static analysis cannot see (``importlib.import_module(f"...")``,
``__import__`` of a computed name) is not found: the user names it with
``--stdlib-include``. Imports made by C code are listed in HIDDEN below.
"""
import argparse
import collections
import json
import inspect
import modulefinder
import os
import sys

# Started by the launcher, the frozen importlib, or an error report: always kept.
ALWAYS = ["encodings", "traceback", "linecache", "runpy", "importlib", "warnings", "codecs", "io", "abc", "os",
          # zipimport inflates the archive's sources (tracebacks, inspect) with it
          "zlib"]

# Imports C code makes (never visible in bytecode): module -> what it imports.
HIDDEN = {
    "time": ["_strptime"],
    "datetime": ["_strptime"],
    "_datetime": ["_strptime"],
    "_pickle": ["copyreg", "_compat_pickle"],
    "pickle": ["copyreg", "_compat_pickle"],
    "_elementtree": ["xml.etree.ElementPath"],
    "xml.etree.ElementTree": ["xml.etree.ElementPath"],
    "_decimal": ["collections", "numbers", "contextvars"],
    # hashlib's constructors import the built-in hash modules inside functions
    "hashlib": ["_hashlib", "_md5", "_sha1", "_sha2", "_sha256", "_sha512", "_sha3", "_blake2"],
    "hmac": ["_hashlib", "_hmac"],
    "decimal": ["numbers", "contextvars"],
    # Host names are encoded with the idna codec (stringprep, unicodedata) by C code.
    "_ssl": ["ssl", "encodings.idna"],
    "_ctypes": ["ctypes"],
    "_sqlite3": ["sqlite3"],
    "_json": ["json.decoder"],
    "_socket": ["socket", "encodings.idna"],
    "_asyncio": ["asyncio"],
    # zipimporter.get_resource_reader (frozen) imports the readers importlib.resources uses
    "importlib.resources": ["importlib.readers"],
}


class StdlibAtImportFinder(modulefinder.ModuleFinder):
    """A ModuleFinder that, inside a stdlib function body, follows only imports of
    the function's own package (multiprocessing's `from .pool import Pool`): what a
    stdlib function imports from elsewhere when called (os.popen -> subprocess,
    and on to most of the stdlib) is not followed. Module level and class bodies
    are read whole, and so is code outside the stdlib: the app and its packages."""

    def __init__(self, stdlib, **kwargs):
        super().__init__(**kwargs)
        self.stdlib = stdlib + os.sep
        self.in_function = collections.Counter()  # module name -> function bodies being read

    def in_stdlib(self, m):
        return bool(m.__file__) and os.path.realpath(m.__file__).startswith(self.stdlib)

    def scan_code(self, co, m):
        if not (co.co_flags & inspect.CO_OPTIMIZED and self.in_stdlib(m)):
            return super().scan_code(co, m)
        self.in_function[m.__name__] += 1
        try:
            super().scan_code(co, m)
        finally:
            self.in_function[m.__name__] -= 1

    def find_module(self, name, path, parent=None):
        try:
            return super().find_module(name, path, parent)
        except AttributeError:
            # A namespace package: importlib finds it without a loader, which modulefinder
            # cannot read. Its modules are scanned as files (main's fallback).
            raise ImportError(f"{name} is a namespace package") from None

    def _safe_import_hook(self, name, caller, fromlist, level=-1):
        if caller is not None and self.in_function[caller.__name__]:
            package = caller.__name__.split(".")[0]
            if not (level > 0 or name.split(".")[0] == package) or name in NOT_FROM_FUNCTIONS:
                return  # another package, imported only when this function runs
        super()._safe_import_hook(name, caller, fromlist, level)


# Followed from module level only: the import system's own functions import them
# (find_distributions, get_resource_reader), and they would pull in email, zipfile,
# csv, pathlib and tempfile; an app that uses them imports them itself.
NOT_FROM_FUNCTIONS = {"importlib.metadata", "importlib.readers", "importlib.resources"}


def site_files(site):
    """Every Python module below the site directory: dotted name -> its file."""
    names = {}
    for dirpath, dirnames, filenames in os.walk(site):
        rel = os.path.relpath(dirpath, site)
        parts = [] if rel == "." else rel.split(os.sep)
        if any(p.endswith((".dist-info", ".egg-info", ".data")) or p == "__pycache__" or "-" in p for p in parts):
            dirnames[:] = []
            continue
        for fn in filenames:
            if not fn.endswith(".py"):
                continue
            stem = fn[:-3]
            if stem == "__init__":
                if parts:
                    names[".".join(parts)] = os.path.join(dirpath, fn)
            else:
                names[".".join(parts + [stem])] = os.path.join(dirpath, fn)
    return names


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", required=True)
    parser.add_argument("--module", action="append", default=[])
    parser.add_argument("--stdlib", default=os.path.dirname(os.__file__))
    args = parser.parse_args(argv)

    stdlib = os.path.realpath(args.stdlib)
    finder = StdlibAtImportFinder(stdlib, path=[args.site, stdlib, os.path.join(stdlib, "lib-dynload")])
    files = site_files(args.site)
    pending = ALWAYS + args.module + sorted(files)
    seen = set()
    while pending:
        for name in pending:
            seen.add(name)
            try:
                finder.import_hook(name)
            except (ImportError, SyntaxError):
                # listed under "missing" (badmodules) when nothing provides it; a module of
                # the site that cannot be imported by name (inside a namespace package) is read as a file
                if name in files:
                    try:
                        finder.run_script(files[name])
                    except SyntaxError:
                        pass
        pending = sorted({hidden for found in finder.modules for hidden in HIDDEN.get(found, ())} - seen)

    stdlib_modules = set()
    for name, module in finder.modules.items():
        file = module.__file__
        if file is None or os.path.realpath(file).startswith(stdlib + os.sep):
            # built-in (file None) or below the stdlib: not from the site directory
            if file is None or not os.path.realpath(file).startswith(os.path.realpath(args.site) + os.sep):
                stdlib_modules.add(name)
    top_level = {"encodings"}  # every codec is packed; those needing extension modules work when imported
    for name in stdlib_modules:
        module = finder.modules[name]
        if module.__file__ is None:
            continue
        rel = os.path.relpath(os.path.realpath(module.__file__), stdlib).split(os.sep)
        if rel[0] == "lib-dynload":
            continue
        top_level.add(rel[0])
    if "sysconfig" in stdlib_modules:
        # sysconfig imports its data module by a name made of the platform's (the target's, in a cross build)
        top_level.add("_sysconfigdata_*.py")
    missing = sorted(n for n in finder.badmodules if n not in sys.builtin_module_names)
    json.dump({"top_level": sorted(top_level), "modules": sorted(stdlib_modules), "missing": missing},
              sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

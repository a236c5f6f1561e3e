"""Deterministic resource-archive builder for pyseal executables.

Manifest (JSON object; unknown keys are an error)::

    {
      "version": 1,                       # required, must be 1
      "optimize": 0,                      # 0/1/2, like -O; CLI --optimize wins
      "compression": "deflated",          # or "stored"
      "bytecode_compression": "stored",   # .pyc files only; default: "compression"
      "source_prefix": "<pyseal>/",       # prepended to co_filename (see below)
      "roots": [                          # directories to take, in order
        {
          "path": "/usr/lib/python3.11",  # required
          "prefix": "",                   # where it lands in the archive
          "include": ["json", "os.py"],   # optional: only these top-level names (globs)
          "exclude": ["test", "idlelib", "*/tests", "site-packages"],
          "allow_compile_errors": false,  # keep .py without .pyc instead of failing
          "pycache": false,               # .pyc in __pycache__/ (for a directory on disk)
          "digest_file": "NAME"           # also write NAME: "<sha256> <path>" per file
        }
      ],
      "files": [                          # single files (package data etc.)
        {"src": "/abs/data.txt", "dst": "pkg/data.txt"}
      ]
    }

Exclude/include patterns are ``fnmatch`` globs matched against the path
relative to the root, with ``/`` separators ("test" is the top-level ``test``
only; ``*/tests`` is any ``tests`` below the top level, since ``*`` also
matches ``/``).  A matching directory drops its whole subtree.  ``include``
is matched against the first path component only.

Always left out: ``__pycache__`` directories, ``*.pyc``/``*.pyo`` files (we
compile our own), and compiled extension modules / shared libraries
(``*.so``, ``*.pyd``, ``*.dylib``, ``*.dll``): those are built-ins or shipped
separately.  Each skipped one is reported in the ``--skipped`` JSON side file
(default ``<out>.skipped.json``)::

    {"magic": "<importlib.util.MAGIC_NUMBER as hex>",
     "skipped_extensions": [
       {"root": "/site-packages", "path": "yaml/_yaml.cpython-311-x86_64-linux-gnu.so",
        "archive_name": "yaml/_yaml.cpython-311-x86_64-linux-gnu.so",
        "kind": "extension",            # *.so / *.pyd
        "module": "yaml._yaml"},        # the dotted name it would import as
       {..., "kind": "shared_library",  # *.dylib, *.dll, *.so.N
        "module": null}]}

sorted by archive_name, so pyseal can cross-check them against the captured
extensions (the path relative to its root gives the dotted module name, so a
root must be a sys.path entry: list lib-dynload as a root of its own).

Everything else is kept: ``.py`` files get a ``.pyc`` right beside them
(legacy layout ``pkg/mod.pyc``, which zipimport tries first), compiled with
``py_compile`` in ``UNCHECKED_HASH`` mode at the requested optimization level;
data files and ``*.dist-info`` directories are copied as they are, so
``importlib.resources`` and ``importlib.metadata`` work through zipimport.
Every directory gets an explicit entry (namespace packages need them).

A root with ``pycache`` puts each ``.pyc`` where a file-system import looks for it,
``dir/__pycache__/mod.<cache tag>[.opt-N].pyc``, for a package that is imported
from a directory on disk (shipped beside the binary, or extracted from the
archive by the launcher).  A root with ``digest_file`` adds that member: one line
``<sha256 hex> <name relative to the root's prefix>`` per file of the root (after
compilation), sorted by name; its own sha256 names the set.

``--out-dir DIR`` writes the entries as files under DIR instead of a zip (no
directory entries, no index), for a package shipped beside the binary.

``co_filename`` of each module is ``source_prefix + archive path`` (default
``<pyseal>/pkg/mod.py``): a name that cannot accidentally exist relative to
the working directory, so linecache falls back to the zipimport loader's
``get_source`` and tracebacks show the source lines from the archive.  The
launcher's importer replaces it, when it loads a module, with the module's
``__file__`` (``<exe>/pkg/mod.py``), which its view of the archive opens.

The launcher's own Python (``python/pyseal_runtime/``: the read-only view of the
archive by path, the extraction of packages to a per-user cache, the loading of
extension modules from memory) is always packed, as ``__pyseal__/archive_files.py``,
``__pyseal__/extracted_packages.py`` and ``__pyseal__/memory_extensions.py``.

A prebuilt directory index is appended as the last member
(``__pyseal__/zipindex``, see ``_write_index``) and located by the zip
comment; ``--no-index`` leaves it out.  zipimport itself ignores both.

Determinism: entries sorted by name, timestamps fixed at 1980-01-01, fixed
permissions, files compiled sequentially in sorted order in one process;
the same input and the same Python give the same bytes.
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import gc
import importlib.util
import io
import json
import os
import py_compile
import stat
import sys
import sysconfig
import tempfile
import zipfile

EXTENSION_SUFFIXES = (".so", ".pyd", ".dylib", ".dll")
# What the launcher imports from every archive (c/archive_files.c).
RUNTIME_FILES = {
    f"__pyseal__/{name}.py": os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "pyseal_runtime", f"{name}.py")
    for name in ("archive_files", "extracted_packages", "memory_extensions")
}
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
ROOT_KEYS = {"path", "prefix", "include", "exclude", "allow_compile_errors", "pycache", "digest_file"}
TOP_KEYS = {"version", "optimize", "compression", "bytecode_compression", "source_prefix", "roots",
            "files"}

# A free-threaded CPython shares equal constants between code objects and starts its
# garbage collector by the process's memory use, so whether marshal marks a constant
# as referenced twice (FLAG_REF) would depend on what an earlier collection happened
# to free: the same input would give other .pyc bytes on a busier machine.
FREE_THREADED = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))


@contextlib.contextmanager
def _same_references():
    """On a free-threaded CPython, collections only where build_archive makes them."""
    if not FREE_THREADED or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class PackError(Exception):
    """A problem with the manifest or the inputs, for the user to fix."""


def load_manifest(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        raise PackError(f"cannot read manifest {path}: {e}") from e
    problems = []
    if not isinstance(data, dict):
        raise PackError(f"manifest {path}: top level must be a JSON object")
    for k in sorted(set(data) - TOP_KEYS):
        problems.append(f"unknown key {k!r}")
    if data.get("version") != 1:
        problems.append("'version' must be 1")
    if data.get("optimize", 0) not in (0, 1, 2):
        problems.append("'optimize' must be 0, 1 or 2")
    for key in ("compression", "bytecode_compression"):
        if data.get(key, "deflated") not in ("deflated", "stored"):
            problems.append(f"'{key}' must be 'deflated' or 'stored'")
    if not isinstance(data.get("source_prefix", ""), str):
        problems.append("'source_prefix' must be a string")
    roots = data.get("roots", [])
    if not isinstance(roots, list):
        problems.append("'roots' must be a list")
        roots = []
    for i, r in enumerate(roots):
        if not isinstance(r, dict) or not isinstance(r.get("path"), str):
            problems.append(f"roots[{i}]: must be an object with a string 'path'")
            continue
        for k in sorted(set(r) - ROOT_KEYS):
            problems.append(f"roots[{i}]: unknown key {k!r}")
        for k in ("include", "exclude"):
            v = r.get(k, [])
            if not (isinstance(v, list) and all(isinstance(s, str) for s in v)):
                problems.append(f"roots[{i}].{k}: must be a list of strings")
        if not isinstance(r.get("pycache", False), bool):
            problems.append(f"roots[{i}].pycache: must be true or false")
        if not isinstance(r.get("digest_file", ""), str):
            problems.append(f"roots[{i}].digest_file: must be a string")
        if not isinstance(r.get("prefix", ""), str):
            problems.append(f"roots[{i}].prefix: must be a string")
        elif not os.path.isdir(r["path"]):
            problems.append(f"roots[{i}].path: not a directory: {r['path']}")
    files = data.get("files", [])
    if not isinstance(files, list):
        problems.append("'files' must be a list")
        files = []
    for i, f in enumerate(files):
        if not (isinstance(f, dict) and isinstance(f.get("src"), str)
                and isinstance(f.get("dst"), str) and set(f) <= {"src", "dst"}):
            problems.append(f"files[{i}]: must be {{\"src\": str, \"dst\": str}}")
        elif not os.path.isfile(f["src"]):
            problems.append(f"files[{i}].src: not a file: {f['src']}")
    if problems:
        raise PackError(f"manifest {path}:\n  " + "\n  ".join(problems))
    return data


def _norm_prefix(prefix):
    prefix = prefix.strip("/")
    return prefix + "/" if prefix else ""


def _matches(rel, patterns):
    return any(fnmatch.fnmatchcase(rel, p) for p in patterns)


def _module_name(archive_name):
    """'yaml/_yaml.cpython-311-x86_64-linux-gnu.so' -> 'yaml._yaml'."""
    parts = archive_name.split("/")
    parts[-1] = parts[-1].split(".", 1)[0]
    return ".".join(p for p in parts if p)


def collect(manifest, runtime=True):
    """Return ({archive name: source path}, {archive name: its root's index},
    skipped extensions, errors)."""
    entries = {}
    root_of = {}
    skipped = []
    problems = []

    def add(name, src, root=None):
        old = entries.get(name)
        if old is not None and os.path.realpath(old) != os.path.realpath(src):
            with open(old, "rb") as a, open(src, "rb") as b:
                if a.read() != b.read():
                    problems.append(f"{name}: provided by both {old} and {src}")
                    return
        entries.setdefault(name, src)
        if root is not None:
            root_of.setdefault(name, root)

    for index, root in enumerate(manifest.get("roots", [])):
        base = root["path"]
        prefix = _norm_prefix(root.get("prefix", ""))
        include = root.get("include", [])
        exclude = root.get("exclude", [])
        for dirpath, dirnames, filenames in os.walk(base, followlinks=True):
            reldir = os.path.relpath(dirpath, base).replace(os.sep, "/")
            reldir = "" if reldir == "." else reldir + "/"
            keep = []
            for d in sorted(dirnames):
                rel = reldir + d
                if d == "__pycache__" or _matches(rel, exclude):
                    continue
                if include and not reldir and not _matches(d, include):
                    continue
                keep.append(d)
            dirnames[:] = keep
            for fn in sorted(filenames):
                rel = reldir + fn
                if _matches(rel, exclude):
                    continue
                if include and not reldir and not _matches(fn, include):
                    continue
                src = os.path.join(dirpath, fn)
                if fn.endswith((".pyc", ".pyo")):
                    continue
                if fn.endswith(EXTENSION_SUFFIXES) or ".so." in fn:
                    kind = ("extension" if fn.endswith((".so", ".pyd"))
                            else "shared_library")
                    skipped.append({"root": base, "path": rel, "kind": kind,
                                    "archive_name": prefix + rel,
                                    "module": (_module_name(prefix + rel)
                                               if kind == "extension" else None)})
                    continue
                try:
                    st = os.stat(src)
                except OSError as e:
                    problems.append(f"{src}: {e}")
                    continue
                if stat.S_ISREG(st.st_mode):
                    add(prefix + rel, src, index)
    for f in manifest.get("files", []):
        add(f["dst"].strip("/"), f["src"])
    for name, src in RUNTIME_FILES.items() if runtime else ():
        add(name, src)
    return entries, root_of, skipped, problems


def _zipinfo(name, is_dir, compression):
    zi = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    zi.create_system = 3  # unix, so external_attr means st_mode
    if is_dir:
        zi.external_attr = (stat.S_IFDIR | 0o755) << 16 | 0x10
        zi.compress_type = zipfile.ZIP_STORED
    else:
        zi.external_attr = (stat.S_IFREG | 0o644) << 16
        zi.compress_type = compression
    return zi


INDEX_NAME = "__pyseal__/zipindex"
INDEX_MAGIC = b"PYSEALIX"
INDEX_FORMAT = b"PSIX0002"
INDEX_RECORD = "<HHIIIQHH"  # name length, compress, crc, data size, file size, offset, dos time, dos date


def _write_index(zf):
    """Append the prebuilt directory index and point the zip comment at it.

    The launcher reads it, without unmarshalling anything, into an object
    that stands in for zipimport's directory cache: an entry becomes
    zipimport's tuple only when something looks it up, so start-up does not
    pay for the whole stdlib's directory.  Layout (little endian):
    INDEX_FORMAT, <I central directory entries> <I n>, <I offset>*n of each
    record from the first record, then n records sorted by their UTF-8 name:
    INDEX_RECORD + the name (the fields of zipimport's cache tuples, offsets
    relative to the archive's start).  The index member itself is not listed.
    Comment: INDEX_MAGIC + <Q data offset> + <Q length>, offsets relative to
    the archive's start.
    """
    import struct
    records = []
    for zi in sorted(zf.infolist(), key=lambda zi: zi.filename.encode("utf-8")):
        y, mo, d, h, mi, sec = zi.date_time
        name = zi.filename.encode("utf-8")
        records.append(struct.pack(
            INDEX_RECORD, len(name), zi.compress_type, zi.CRC, zi.compress_size,
            zi.file_size, zi.header_offset, (h << 11) | (mi << 5) | (sec // 2),
            ((y - 1980) << 9) | (mo << 5) | d) + name)
    offsets, at = [], 0
    for record in records:
        offsets.append(at)
        at += len(record)
    payload = (INDEX_FORMAT + struct.pack("<II", len(records) + 1, len(records))
               + struct.pack(f"<{len(offsets)}I", *offsets) + b"".join(records))
    zi = _zipinfo(INDEX_NAME, False, zipfile.ZIP_STORED)
    zf.writestr(zi, payload)
    # local header: 30 fixed bytes + name + extra (none written by zipfile here)
    data_offset = zi.header_offset + 30 + len(zi.filename.encode("utf-8")) + len(zi.extra)
    zf.comment = INDEX_MAGIC + struct.pack("<QQ", data_offset, len(payload))


def _bytecode_name(name, optimize, pycache):
    """Where the .pyc of source `name` goes: beside it, or in its __pycache__."""
    if not pycache:
        return name[:-3] + ".pyc"
    return importlib.util.cache_from_source(name, optimization=optimize or "")


def compile_entries(manifest, optimize, runtime=True):
    """Every file's bytes, each .py's .pyc added: ({name: bytes}, skipped, compile errors)."""
    source_prefix = manifest.get("source_prefix", "<pyseal>/")
    roots = manifest.get("roots", [])
    allow_errors = {os.path.abspath(r["path"]) for r in roots if r.get("allow_compile_errors")}
    entries, root_of, skipped, problems = collect(manifest, runtime)
    if problems:
        raise PackError("inputs:\n  " + "\n  ".join(problems))

    # .py -> also .pyc beside it (an explicit .pyc source would be overridden).
    blobs = {}
    compiled_from = {}
    compile_errors = []
    with tempfile.TemporaryDirectory(prefix="pyseal_pack.") as tmp, _same_references():
        cfile = os.path.join(tmp, "m.pyc")
        for name in sorted(entries):
            src = entries[name]
            with open(src, "rb") as f:
                blobs[name] = f.read()
            if not name.endswith(".py"):
                continue
            if FREE_THREADED:
                gc.collect()
            try:
                py_compile.compile(
                    src, cfile=cfile, dfile=source_prefix + name, doraise=True,
                    optimize=optimize,
                    invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
            except py_compile.PyCompileError as e:
                if any(os.path.abspath(src).startswith(r + os.sep) for r in allow_errors):
                    compile_errors.append(f"{src}: {e.msg.strip().splitlines()[-1]}")
                    continue
                raise PackError(f"cannot compile {src}: {e.msg.strip()}") from e
            root = root_of.get(name)
            pyc = _bytecode_name(name, optimize, root is not None and roots[root].get("pycache", False))
            with open(cfile, "rb") as f:
                blobs[pyc] = f.read()
            compiled_from[pyc] = name
    _add_digest_files(roots, root_of, compiled_from, blobs)
    return blobs, skipped, compile_errors


def _add_digest_files(roots, root_of, compiled_from, blobs):
    """Each root's digest_file: "<sha256> <name below the root's prefix>" per file."""
    import hashlib
    for index, root in enumerate(roots):
        if not root.get("digest_file"):
            continue
        prefix = _norm_prefix(root.get("prefix", ""))
        names = sorted(n for n in blobs if root_of.get(compiled_from.get(n, n)) == index)
        lines = "".join(f"{hashlib.sha256(blobs[n]).hexdigest()} {n[len(prefix):]}\n" for n in names)
        blobs[root["digest_file"].strip("/")] = lines.encode("utf-8")


def _write_skipped(skipped, skipped_out):
    skipped.sort(key=lambda s: (s["archive_name"], s["root"]))
    if skipped_out:
        with open(skipped_out, "w", encoding="utf-8") as f:
            json.dump({"magic": importlib.util.MAGIC_NUMBER.hex(),
                       "skipped_extensions": skipped}, f, indent=1, sort_keys=True)
            f.write("\n")


def build_archive(manifest, out, optimize=None, skipped_out=None, index=True):
    """Write the archive; return a summary dict."""
    if optimize is None:
        optimize = manifest.get("optimize", 0)
    compression = (zipfile.ZIP_STORED if manifest.get("compression") == "stored"
                   else zipfile.ZIP_DEFLATED)
    # Bytecode is read at every import: stored, it is used as it lies in the file.
    bytecode_compression = {"stored": zipfile.ZIP_STORED, "deflated": zipfile.ZIP_DEFLATED}.get(
        manifest.get("bytecode_compression"), compression)
    blobs, skipped, compile_errors = compile_entries(manifest, optimize)

    dirs = set()
    for name in blobs:
        parts = name.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            dirs.add("/".join(parts[:i]) + "/")
    names = sorted(set(blobs) | dirs)

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", allowZip64=True) as zf:
        for name in names:
            is_dir = name.endswith("/")
            zi = _zipinfo(name, is_dir, bytecode_compression if name.endswith(".pyc") else compression)
            zf.writestr(zi, b"" if is_dir else blobs[name],
                        compresslevel=None if is_dir else 6)
        if index:
            _write_index(zf)
    data = buf.getvalue()
    tmp_out = out + ".tmp"
    with open(tmp_out, "wb") as f:
        f.write(data)
    os.replace(tmp_out, out)
    _write_skipped(skipped, skipped_out)
    return {
        "files": len(blobs),
        "modules": sum(1 for n in blobs if n.endswith(".pyc")),
        "entries": len(names),
        "bytes": len(data),
        "skipped_extensions": len(skipped),
        "compile_errors": compile_errors,
    }


def build_tree(manifest, out_dir, optimize=None, skipped_out=None):
    """Write the entries as files under out_dir (which must not exist); return a summary dict."""
    if optimize is None:
        optimize = manifest.get("optimize", 0)
    blobs, skipped, compile_errors = compile_entries(manifest, optimize, runtime=False)
    if os.path.lexists(out_dir):
        raise PackError(f"--out-dir {out_dir}: already exists")
    partial = out_dir + ".partial"
    if os.path.lexists(partial):
        import shutil
        shutil.rmtree(partial)
    for name in sorted(blobs):
        dest = os.path.join(partial, *name.split("/"))
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "wb") as f:
            f.write(blobs[name])
    os.makedirs(partial, exist_ok=True)
    os.rename(partial, out_dir)
    _write_skipped(skipped, skipped_out)
    return {
        "files": len(blobs),
        "modules": sum(1 for n in blobs if n.endswith(".pyc")),
        "entries": len(blobs),
        "bytes": sum(len(b) for b in blobs.values()),
        "skipped_extensions": len(skipped),
        "compile_errors": compile_errors,
    }


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m pyseal_pack",
                                description="Build a pyseal resource archive.")
    p.add_argument("--manifest", required=True, help="JSON manifest (see docs)")
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("--out", help="output zip")
    out.add_argument("--out-dir", help="write the files under this new directory instead of a zip")
    p.add_argument("--optimize", type=int, choices=(0, 1, 2), default=None,
                   help="bytecode optimization level (default: manifest's, else 0)")
    p.add_argument("--skipped", default=None,
                   help="write skipped extension files as JSON here "
                        "(default: <out>.skipped.json)")
    p.add_argument("--no-index", action="store_true",
                   help="do not append the prebuilt directory index")
    args = p.parse_args(argv)
    try:
        manifest = load_manifest(args.manifest)
        if args.out_dir:
            summary = build_tree(manifest, args.out_dir, optimize=args.optimize, skipped_out=args.skipped)
        else:
            summary = build_archive(manifest, args.out, optimize=args.optimize,
                                    skipped_out=args.skipped or args.out + ".skipped.json",
                                    index=not args.no_index)
    except PackError as e:
        print(f"pyseal_pack: error: {e}", file=sys.stderr)
        return 2
    for err in summary["compile_errors"]:
        print(f"pyseal_pack: warning: kept without .pyc: {err}", file=sys.stderr)
    print(f"pyseal_pack: {args.out or args.out_dir}: {summary['files']} files "
          f"({summary['modules']} modules), {summary['bytes']} bytes, "
          f"{summary['skipped_extensions']} extension files skipped, "
          f"{len(summary['compile_errors'])} compile errors")
    return 0

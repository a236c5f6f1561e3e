# pyseal_capture/records.py
# Loaded by: pyseal_capture.hooks (inside a package build, via the .pth) and
#   pyseal_capture.wrapper (the pyseal-cc / pyseal-c++ compiler wrapper).
# Writes: under $PYSEAL_CAPTURE_DIR -
#   records/<key>.json             one record per captured extension module; the key is
#                                  its dotted name, or for a bare guess (a CMake or meson
#                                  build tree) the guess and its output's path hash
#   objects/<key>/<n>-<name>       copies of what its link consumed: object files,
#                                  archives (thin ones made regular), and in lib/
#                                  the static libraries its own build made
#   intended/<package>.json        extensions a build_ext command meant to build ("modules")
#                                  and those still in its list when it started building
#                                  them ("building"; a setup.py drops one whose optional
#                                  library it did not find)
#   errors.log                     capture failures (the build itself goes on)
#   skipped.jsonl                  shared objects seen but not recorded, and why
"""Record format and the file layout shared by every capture path.

Stdlib only; must import on any CPython 3.8+ (the wrapper may run under
whatever ``python3`` is on PATH).
"""

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
import traceback

from . import archives as _archives

SCHEMA = 1

ENV_CAPTURE_DIR = "PYSEAL_CAPTURE_DIR"
ENV_PACKAGE = "PYSEAL_CAPTURE_PACKAGE"
ENV_STRICT = "PYSEAL_CAPTURE_STRICT"
# set by the hooks while a build dependency (not $PYSEAL_CAPTURE_PACKAGE) builds,
# so compiler wrappers it runs record nothing
ENV_FOREIGN = "PYSEAL_CAPTURE_FOREIGN"

CAPTURE_SETUPTOOLS = "setuptools._distutils"
CAPTURE_DISTUTILS = "distutils"
CAPTURE_WRAPPER = "compiler-wrapper"

CXX_SOURCE_SUFFIXES = (".cpp", ".cc", ".cxx", ".c++", ".cp", ".C", ".CPP", ".mm", ".ii")
C_SOURCE_SUFFIXES = (".c", ".m", ".s", ".S", ".i", ".sx")
SHARED_SUFFIXES = (".so", ".pyd", ".dylib", ".sl", ".dll")

# Directory names under which the path below is the package path.
_STRONG_ROOT = re.compile(
    r"^(site-packages|dist-packages|lib\..+|lib|cp3\d+t?|\.mesonpy-.+|platlib|purelib)$"
)
_MESON_TREE = re.compile(r"^(cp3\d+t?|\.mesonpy-.+)$")
_PY_EXT_TAG = re.compile(r"\.(cpython-[^.]+|abi3|pypy[^.]*|cp\d+[^.]*|graalpy[^.]*)\.(so|pyd|dylib)$")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def capture_dir():
    """The capture root, or None when capture is off."""
    value = os.environ.get(ENV_CAPTURE_DIR)
    return os.path.abspath(value) if value else None


def package_from_env():
    return os.environ.get(ENV_PACKAGE) or None


def normalize_name(name):
    """PEP 503 normalized distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def strict():
    return os.environ.get(ENV_STRICT, "") not in ("", "0")


def init_fn_for(module):
    """PEP 489 init function name for a dotted module name."""
    last = module.rpartition(".")[2]
    try:
        last.encode("ascii")
        return "PyInit_" + last
    except UnicodeEncodeError:
        return "PyInitU_" + last.encode("punycode").decode("ascii").replace("-", "_")


def is_cxx_source(path):
    return os.path.splitext(path)[1] in CXX_SOURCE_SUFFIXES


def is_cxx_driver(cmd0):
    if not cmd0:
        return False
    base = os.path.basename(cmd0)
    return "++" in base or base in ("cxx", "CC")


def looks_like_python_extension(path):
    """True if the file name carries a Python extension tag (or sysconfig EXT_SUFFIX)."""
    name = os.path.basename(path)
    if _PY_EXT_TAG.search(name):
        return True
    try:
        import sysconfig

        suffix = sysconfig.get_config_var("EXT_SUFFIX")
    except Exception:  # pragma: no cover - sysconfig always there
        suffix = None
    return bool(suffix) and name.endswith(suffix) and name != suffix


def module_stem(filename):
    """'_yaml.cpython-311-x86_64-linux-gnu.so' -> '_yaml'; None if not a shared object name."""
    name = os.path.basename(filename)
    if not name.endswith(SHARED_SUFFIXES):
        return None
    return name.split(".", 1)[0]


def infer_module(output, roots=()):
    """Dotted module name for an extension file path.

    Returns (module, guess). ``roots`` are directories known to be package roots
    (e.g. build_ext's build_lib); then directory markers (site-packages,
    build/lib.*, meson-python's cp3XX / .mesonpy-*), then an __init__.py walk.
    When nothing tells, the last component alone with guess=True.
    """
    output = os.path.abspath(output)
    stem = module_stem(output) or os.path.basename(output).split(".", 1)[0]
    for root in roots:
        if not root:
            continue
        root = os.path.abspath(root)
        rel = os.path.relpath(os.path.dirname(output), root)
        if rel == ".":
            return stem, False
        if not rel.startswith(".."):
            parts = rel.split(os.sep)
            if all(_IDENT.match(p) for p in parts):
                return ".".join(parts + [stem]), False
    # markers
    parts = []
    d = os.path.dirname(output)
    while True:
        name = os.path.basename(d)
        if not name:
            break
        if _STRONG_ROOT.match(name) and (name != "lib" or os.path.basename(os.path.dirname(d)).startswith("build")):
            # A meson build tree holds a module where its meson.build is, not where it is
            # installed: one at the tree's root may belong in any package.
            return ".".join(list(reversed(parts)) + [stem]), not parts and _MESON_TREE.match(name) is not None
        if not _IDENT.match(name):
            break
        parts.append(name)
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    # __init__.py walk (in-place builds)
    d = os.path.dirname(output)
    pkg = []
    while os.path.isfile(os.path.join(d, "__init__.py")) and _IDENT.match(os.path.basename(d)):
        pkg.append(os.path.basename(d))
        d = os.path.dirname(d)
    if pkg:
        return ".".join(list(reversed(pkg)) + [stem]), False
    return stem, True


def _atomic_write_json(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = "%s.%d.tmp" % (path, os.getpid())
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, sort_keys=True)
        f.write("\n")
    os.replace(tmp, path)


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def record_path(root, module):
    return os.path.join(root, "records", module + ".json")


def record_key(module, guess, output):
    """Where a record and its objects are kept: its dotted name, or for a bare guess the guess
    and a hash of the output path. Two packages (or two folders of one build tree) that each
    link a `lib` or `_core` keep their own captures; the installed files name them later."""
    if not guess:
        return module
    return "%s@%s" % (module, hashlib.sha256(output.encode("utf-8", "surrogateescape")).hexdigest()[:12])


def existing_record(root, module):
    return read_json(record_path(root, module))


def iter_records(root):
    d = os.path.join(root, "records")
    if not os.path.isdir(d):
        return
    for name in sorted(os.listdir(d)):
        if name.endswith(".json"):
            rec = read_json(os.path.join(d, name))
            if rec:
                yield rec


def copy_objects(root, module, objects, prefix="", archives=False):
    """Copy files into objects/<module>/<prefix><n>-<basename>; returns (copied, missing).
    With ``archives``, the files are static archives: thin ones are made regular, and
    every copy's name ends in .a (what the link stage takes as an archive)."""
    dest = os.path.join(root, "objects", module)
    os.makedirs(dest, exist_ok=True)
    copied, missing = [], []
    for n, obj in enumerate(objects):
        src = os.path.abspath(obj)
        if not os.path.isfile(src):
            missing.append(src)
            continue
        name = os.path.basename(src)
        if archives and not name.endswith(".a"):
            name += ".a"
        dst = os.path.join(dest, "%s%d-%s" % (prefix, n, name))
        (_archives.copy_archive if archives else shutil.copyfile)(src, dst)
        copied.append(dst)
    return copied, missing


def _inside(path, folder):
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def in_build_tree(folder, root):
    """A folder of this build (its source tree, or a temporary directory), gone once pip is done with it."""
    if _inside(folder, root):
        return False
    return _inside(folder, os.getcwd()) or _inside(folder, tempfile.gettempdir())


def capture_build_libraries(root, module, libraries, library_dirs):
    """Static libraries a link names with -l that the package's own build made (build_clib, a
    vendored library built in its tree): copied into objects/<module>/lib/ now, while they
    exist. Returns (that folder or None, the names copied)."""
    dest = os.path.join(root, "objects", module, "lib")
    copied = []
    for name in libraries:
        for folder in library_dirs:
            static = os.path.join(os.path.abspath(folder), "lib%s.a" % name)
            shared = os.path.join(os.path.abspath(folder), "lib%s.so" % name)
            # the linker takes the first folder that has either
            if os.path.isfile(static) and in_build_tree(folder, root):
                os.makedirs(dest, exist_ok=True)
                _archives.copy_archive(static, os.path.join(dest, "lib%s.a" % name))
                copied.append(name)
            if os.path.exists(static) or os.path.exists(shared):
                break
    return (dest if copied else None), copied


def capture_link_inputs(root, module, objects, archives=(), whole_archives=(), libraries=(), library_dirs=()):
    """Copy everything a -shared link consumed into objects/<module>/ and return the record's fields
    for it: objects, archives, whole_archives, library_dirs (the folder of copied build
    libraries first), captured_libraries, missing_objects."""
    clear_objects(root, module)
    copied, missing = copy_objects(root, module, objects)
    on_demand, missing_archives = copy_objects(root, module, archives, "archive-", archives=True)
    whole, missing_whole = copy_objects(root, module, whole_archives, "whole-", archives=True)
    dirs = [os.path.abspath(d) for d in library_dirs]
    lib_dir, captured = capture_build_libraries(root, module, libraries, dirs)
    return {
        "objects": copied,
        "archives": on_demand,
        "whole_archives": whole,
        "library_dirs": ([lib_dir] if lib_dir else []) + dirs,
        "captured_libraries": captured,
        "missing_objects": missing + missing_archives + missing_whole,
    }


def file_sha256(path):
    """The sha256 of a file, or None when it cannot be read."""
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None


def clear_objects(root, module):
    shutil.rmtree(os.path.join(root, "objects", module), ignore_errors=True)


def normalize_macros(macros):
    out = []
    for m in macros or ():
        if isinstance(m, (list, tuple)) and len(m) == 2:
            out.append([str(m[0]), None if m[1] is None else str(m[1])])
    return out


def make_record(module, capture, objects, **fields):
    rec = {
        "schema": SCHEMA,
        "module": module,
        "init_fn": init_fn_for(module),
        "objects": list(objects),
        "libraries": [],
        "library_dirs": [],
        "runtime_library_dirs": [],
        "extra_link_args": [],
        "extra_objects_from_user": [],
        "define_macros": [],
        "compiler": None,
        "language": "c",
        "capture": capture,
        "package": package_from_env(),
        "module_guess": False,
        "python": "%d.%d" % sys.version_info[:2],
    }
    rec.update(fields)
    return rec


def write_record(root, rec):
    _atomic_write_json(record_path(root, rec.get("record_key") or rec["module"]), rec)


def write_intent(root, package, modules, dist_name=None, building=None):
    """Merge ``modules`` (and ``building``, when given) into intended/<package>.json
    (a build may run setup() twice)."""
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", package) or "UNKNOWN"
    path = os.path.join(root, "intended", safe + ".json")
    old = read_json(path) or {}

    def merged(key, new):
        values = list(old.get(key) or [])
        return values + [m for m in new if m not in values]

    data = {"schema": SCHEMA, "package": package, "modules": merged("modules", modules)}
    if building is not None or "building" in old:
        data["building"] = merged("building", building or [])
    if dist_name or old.get("dist_name"):
        data["dist_name"] = dist_name or old.get("dist_name")
    _atomic_write_json(path, data)
    return path


def log_error(what, exc=None):
    root = capture_dir()
    text = "%s [%d] %s\n" % (time.strftime("%Y-%m-%dT%H:%M:%S"), os.getpid(), what)
    if exc is not None:
        text += "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    sys.stderr.write("pyseal_capture: " + what + "\n")
    if root:
        try:
            os.makedirs(root, exist_ok=True)
            with open(os.path.join(root, "errors.log"), "a", encoding="utf-8") as f:
                f.write(text)
        except OSError:
            pass


def log_skipped(entry):
    root = capture_dir()
    if not root:
        return
    try:
        os.makedirs(root, exist_ok=True)
        with open(os.path.join(root, "skipped.jsonl"), "a", encoding="utf-8") as f:
            f.write(json.dumps(entry, sort_keys=True) + "\n")
    except OSError:
        pass


def compare(root):
    """Intended vs captured, per package: {pkg: {"intended", "captured", "missing"}}."""
    captured = {r["module"] for r in iter_records(root)}
    out = {}
    d = os.path.join(root, "intended")
    if os.path.isdir(d):
        for name in sorted(os.listdir(d)):
            data = read_json(os.path.join(d, name)) if name.endswith(".json") else None
            if not data:
                continue
            mods = list(data.get("modules") or [])
            out[data.get("package") or name[:-5]] = {
                "intended": mods,
                "captured": [m for m in mods if m in captured],
                "missing": [m for m in mods if m not in captured],
            }
    return out

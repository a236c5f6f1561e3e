# python/tests/helpers.py
# Loaded by: the python/tests test modules.
# Writes: nothing; reads capture dirs and inspects object files (nm, ELF header).
"""Assertions on capture records and captured object files."""

import json
import os
import struct
import subprocess


def records(capture):
    d = os.path.join(capture, "records")
    if not os.path.isdir(d):
        return {}
    out = {}
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name), encoding="utf-8") as f:
            rec = json.load(f)
        assert name == (rec.get("record_key") or rec["module"]) + ".json"
        out[rec["module"]] = rec
    return out


def intent(capture, package):
    path = os.path.join(capture, "intended", package + ".json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def errors(capture):
    path = os.path.join(capture, "errors.log")
    return open(path, encoding="utf-8").read() if os.path.exists(path) else ""


def skipped(capture):
    path = os.path.join(capture, "skipped.jsonl")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def is_elf_relocatable(path):
    with open(path, "rb") as f:
        head = f.read(20)
    if head[:4] != b"\x7fELF":
        return False
    endian = "<" if head[5] == 1 else ">"
    (e_type,) = struct.unpack(endian + "H", head[16:18])
    return e_type == 1  # ET_REL


def defined_symbols(path):
    out = subprocess.run(["nm", "--defined-only", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, check=True).stdout
    return {line.split()[-1] for line in out.splitlines() if len(line.split()) >= 2}


REQUIRED_FIELDS = {
    "schema", "module", "init_fn", "objects", "libraries", "library_dirs", "runtime_library_dirs",
    "extra_link_args", "extra_objects_from_user", "define_macros", "compiler", "language", "capture",
    "package",
}


def check_record(rec, module, capture_dir, capture_kind=None):
    """The common contract of every record; returns the set of symbols of its objects."""
    assert REQUIRED_FIELDS <= set(rec), REQUIRED_FIELDS - set(rec)
    assert rec["schema"] == 1
    assert rec["module"] == module
    assert rec["init_fn"] == "PyInit_" + module.rpartition(".")[2]
    if capture_kind:
        assert rec["capture"] == capture_kind
    assert rec["objects"], rec
    syms = set()
    obj_dir = os.path.join(capture_dir, "objects", rec.get("record_key") or module)
    for obj in rec["objects"]:
        assert os.path.isabs(obj) and os.path.dirname(obj) == obj_dir, obj
        assert os.path.isfile(obj), obj
        assert is_elf_relocatable(obj), obj
        syms |= defined_symbols(obj)
    assert rec["init_fn"] in syms, (rec["init_fn"], sorted(syms)[:20])
    assert rec["compiler"]
    assert rec["language"] in ("c", "c++")
    return syms

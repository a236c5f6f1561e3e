# pyseal_capture/archives.py
# Loaded by: pyseal_capture.records (capture_link_inputs), inside a package build.
# Writes: only the destination file it is given (a copy of a static archive).
"""Static archives copied whole, thin ones included.

A thin archive (``ar T``, what meson and some CMake builds make) holds only the
paths of its members, which live in the build directory and are gone once pip is
done with it. Its copy here is a regular archive with the members' bytes inside
and the same symbol index, its offsets moved to where the members now are: no
``ar`` is needed, so it works for any target's objects.

Stdlib only; must import on any CPython 3.8+.
"""

import os
import shutil
import struct

ARCHIVE_MAGIC = b"!<arch>\n"
THIN_MAGIC = b"!<thin>\n"
_HEADER = 60
# Members whose data a thin archive does hold: the symbol index and the long-name table.
_INDEXES = ("/", "/SYM64/")
_LONG_NAMES = "//"


def is_thin(path):
    with open(path, "rb") as f:
        return f.read(8) == THIN_MAGIC


def copy_archive(src, dst):
    """Copy a static archive to ``dst``; a thin one becomes a regular one."""
    if not is_thin(src):
        shutil.copyfile(src, dst)
        return
    with open(src, "rb") as f:
        data = f.read()
    index, members = _read_thin(src, data)
    with open(dst, "wb") as f:
        f.write(_regular_archive(index, members))


def _read_thin(src, data):
    """The symbol index (kind, bytes) or None, and the members as [(old header offset, path)]."""
    pos, index, long_names, members = 8, None, b"", []
    while pos + _HEADER <= len(data):
        header = data[pos:pos + _HEADER]
        name = header[:16].decode("ascii", "replace").rstrip()
        size = int(header[48:58].decode("ascii").strip() or 0)
        if name in _INDEXES or name == _LONG_NAMES:
            body = data[pos + _HEADER:pos + _HEADER + size]
            if name == _LONG_NAMES:
                long_names = body
            else:
                index = (name, body)
            pos += _HEADER + size + (size & 1)
            continue
        if name.startswith("/") and name[1:].isdigit():
            start = int(name[1:])
            end = long_names.index(b"/\n", start)
            member = long_names[start:end].decode("utf-8", "surrogateescape")
        else:
            member = name[:-1] if name.endswith("/") else name
        if not os.path.isabs(member):
            member = os.path.join(os.path.dirname(os.path.abspath(src)), member)
        members.append((pos, member))
        pos += _HEADER  # a thin archive holds no member data
    return index, members


def _header(name, size):
    return b"%-16s%-12s%-6s%-6s%-8s%-10d`\n" % (name, b"0", b"0", b"0", b"644", size)


def _regular_archive(index, members):
    """A regular archive of ``members`` with ``index`` (offsets moved to the new layout)."""
    bodies, names, long_names = [], [], b""
    for n, (_, path) in enumerate(members):
        with open(path, "rb") as f:
            bodies.append(f.read())
        # Unique names of our own: members of a thin archive may share a file name.
        names.append(b"/%d" % len(long_names))
        long_names += ("%d-%s" % (n, os.path.basename(path))).encode("utf-8", "surrogateescape") + b"/\n"
    if len(long_names) & 1:
        long_names += b"\n"
    layout = len(ARCHIVE_MAGIC)
    if index is not None:
        layout += _HEADER + len(index[1]) + (len(index[1]) & 1)
    layout += _HEADER + len(long_names)
    offsets = []
    for body in bodies:
        offsets.append(layout)
        layout += _HEADER + len(body) + (len(body) & 1)
    out = [ARCHIVE_MAGIC]
    if index is not None:
        moved = _moved_index(index, {old: offsets[n] for n, (old, _) in enumerate(members)})
        out += [_header(index[0].encode("ascii"), len(moved)), moved, b"\n" if len(moved) & 1 else b""]
    out += [_header(b"//", len(long_names)), long_names]
    for name, body in zip(names, bodies):
        out += [_header(name, len(body)), body, b"\n" if len(body) & 1 else b""]
    return b"".join(out)


def _moved_index(index, new_offset):
    """The GNU symbol index with each member offset replaced (32-bit ``/`` or 64-bit ``/SYM64/``)."""
    kind, body = index
    width, fmt = (8, ">Q") if kind == "/SYM64/" else (4, ">I")
    count = struct.unpack(fmt, body[:width])[0]
    out = [body[:width]]
    for n in range(count):
        old = struct.unpack(fmt, body[width * (n + 1):width * (n + 2)])[0]
        out.append(struct.pack(fmt, new_offset[old]))
    out.append(body[width * (count + 1):])
    return b"".join(out)

"""The read-only view of a pyseal executable's archive at the paths __file__ names.

Packed into every archive as ``__pyseal__/archive_files.py``, and imported by the
launcher (c/archive_files.c) the first time a function that takes a path is given
one under the executable's own path (``<exe>/pkg/data.json``): ``os.stat``,
``os.listdir``, ``os.scandir``, ``open()``... then call the function of the same
name here, with the original function first.  Everything they need is a frozen or
built-in module, so it works with ``--stdlib imported`` too.

Files are what the archive holds (``.py`` sources, their ``.pyc``, data files),
directories what its explicit directory entries say.  They are read-only: mode
0o444 (directories 0o555), owner, device and times those of the executable.
``open()`` gives a real file object over a real descriptor (a sealed-in-memory
``memfd`` copy, reopened read-only), so ``fileno()``, ``mmap`` and ``sendfile``
work; where the kernel has no ``memfd_create`` it is an in-memory buffer.  Writes
fail as on a read-only file system (``EROFS``).  What is not covered (a C library
opening the path, a subprocess, ``os.chdir`` into the archive) is in c/README.md.
"""

import errno
import os
import stat as _stat

import zipimport

archive = None  # the executable's path (str), set by attach()
_prefix = None
_originals = {}  # handler name -> the function it stands in for
_sorted_names = (None, [])  # (the directory dict they came from, its keys sorted)


def attach(path, originals):
    """Called once by the launcher: the archive's path and the replaced functions."""
    global archive, _prefix
    _originals.update(originals)
    _prefix = path + "/"
    archive = path


# ---- what a path names --------------------------------------------------


def _files():
    files = zipimport._zip_directory_cache.get(archive)
    if files is None:
        zipimport.zipimporter(archive)  # reads the directory into the cache
        files = zipimport._zip_directory_cache[archive]
    return files


def _name(path):
    """The archive name a path under the executable names ('' for its root), or
    None when it leaves the archive (``<exe>/pkg/../../x``)."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    parts = []
    for part in path[len(_prefix):].split("/"):
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _kind(name):
    """'dir', 'file' or None."""
    if name == "":
        return "dir"
    files = _files()
    if name + "/" in files:
        return "dir"
    if name in files:
        return "file"
    return None


def _error(code, path, path2=None):
    if path2 is None:
        return OSError(code, os.strerror(code), path)
    return OSError(code, os.strerror(code), path, None, path2)


def _existing(path):
    """(name, kind) of a path that exists in the archive, else FileNotFoundError."""
    name = _name(path)
    kind = None if name is None else _kind(name)
    if kind is None:
        raise _error(errno.ENOENT, path)
    return name, kind


def _fnv(name):
    """A stable inode number for a name (the same in every process)."""
    h = 0xCBF29CE484222325
    for b in name.encode("utf-8", "surrogateescape"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h >> 1


def _stat_result(name, kind):
    exe = _originals["stat"](archive)
    size = 0 if kind == "dir" else _files()[name][3]
    mode = (_stat.S_IFDIR | 0o555) if kind == "dir" else (_stat.S_IFREG | 0o444)
    fields = (mode, _fnv(name), exe.st_dev, 2 if kind == "dir" else 1, exe.st_uid, exe.st_gid, size,
              int(exe.st_atime), int(exe.st_mtime), int(exe.st_ctime))
    extra = {"st_atime": exe.st_atime, "st_mtime": exe.st_mtime, "st_ctime": exe.st_ctime,
             "st_atime_ns": exe.st_atime_ns, "st_mtime_ns": exe.st_mtime_ns,
             "st_ctime_ns": exe.st_ctime_ns, "st_blksize": exe.st_blksize,
             "st_blocks": (size + 511) // 512, "st_rdev": 0}
    return os.stat_result(fields, extra)


def _children(name):
    """The names in a directory of the archive, sorted."""
    global _sorted_names
    files = _files()
    if _sorted_names[0] is not files:
        _sorted_names = (files, sorted(files))
    names = _sorted_names[1]
    prefix = name + "/" if name else ""
    lo, hi = 0, len(names)
    while lo < hi:  # the first name >= prefix
        mid = (lo + hi) // 2
        if names[mid] < prefix:
            lo = mid + 1
        else:
            hi = mid
    out = []
    for key in names[lo:]:
        if not key.startswith(prefix):
            break
        rest = key[len(prefix):]
        if rest and "/" not in rest.rstrip("/"):
            out.append(rest.rstrip("/"))
    return out


def _data(name, kind, path):
    if kind == "dir":
        raise _error(errno.EISDIR, path)
    return zipimport.zipimporter(archive).get_data(_prefix + name)


def _descriptor(data, name):
    """A read-only descriptor over a copy of data in memory, or None where the
    kernel cannot make one."""
    create = getattr(os, "memfd_create", None)
    if create is None:
        return None
    try:
        fd = create(name.rsplit("/", 1)[-1], os.MFD_CLOEXEC)
    except OSError:
        return None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        try:
            readonly = _originals["os_open"](f"/proc/self/fd/{fd}", os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            os.lseek(fd, 0, os.SEEK_SET)
            return fd  # no /proc: readable and writable, but a private copy
        os.close(fd)
        return readonly
    except BaseException:
        os.close(fd)
        raise


# ---- reading ------------------------------------------------------------


def stat(orig, path, *, dir_fd=None, follow_symlinks=True):
    if _name(path) is None:
        return orig(path, dir_fd=dir_fd, follow_symlinks=follow_symlinks)
    return _stat_result(*_existing(path))


def lstat(orig, path, *, dir_fd=None):
    if _name(path) is None:
        return orig(path, dir_fd=dir_fd)
    return _stat_result(*_existing(path))


def access(orig, path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    name = _name(path)
    if name is None:
        return orig(path, mode, dir_fd=dir_fd, effective_ids=effective_ids, follow_symlinks=follow_symlinks)
    kind = _kind(name)
    if kind is None or mode & os.W_OK:
        return False
    return not (mode & os.X_OK and kind == "file")


def listdir(orig, path="."):
    name = _name(path)
    if name is None:
        return orig(path)
    name, kind = _existing(path)
    if kind != "dir":
        raise _error(errno.ENOTDIR, path)
    names = _children(name)
    if isinstance(os.fspath(path), bytes):
        return [os.fsencode(n) for n in names]
    return names


class DirEntry:
    """What os.scandir() yields for a directory of the archive (os.DirEntry's interface)."""

    __slots__ = ("name", "path", "_archive_name", "_kind")

    def __init__(self, directory, name, archive_name, kind):
        self.name = name
        sep = b"/" if isinstance(directory, bytes) else "/"
        self.path = directory + name if directory.endswith(sep) else directory + sep + name
        self._archive_name = archive_name
        self._kind = kind

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    def inode(self):
        return _fnv(self._archive_name)

    def is_dir(self, *, follow_symlinks=True):
        return self._kind == "dir"

    def is_file(self, *, follow_symlinks=True):
        return self._kind == "file"

    def is_symlink(self):
        return False

    def is_junction(self):
        return False

    def stat(self, *, follow_symlinks=True):
        return _stat_result(self._archive_name, self._kind)


class _ScandirIterator:
    """os.scandir()'s iterator: iterable, a context manager, closable."""

    def __init__(self, entries):
        self._entries = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def close(self):
        self._entries = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def scandir(orig, path="."):
    name = _name(path)
    if name is None:
        return orig(path)
    name, kind = _existing(path)
    if kind != "dir":
        raise _error(errno.ENOTDIR, path)
    directory = os.fspath(path)
    entries = []
    for child in _children(name):
        archive_name = f"{name}/{child}" if name else child
        shown = os.fsencode(child) if isinstance(directory, bytes) else child
        entries.append(DirEntry(directory, shown, archive_name, _kind(archive_name)))
    return _ScandirIterator(entries)


def readlink(orig, path, *, dir_fd=None):
    if _name(path) is None:
        return orig(path, dir_fd=dir_fd)
    _existing(path)
    raise _error(errno.EINVAL, path)  # nothing in the archive is a link


def listxattr(orig, path=None, *, follow_symlinks=True):
    if _name(path) is None:
        return orig(path, follow_symlinks=follow_symlinks)
    _existing(path)
    return []


def getxattr(orig, path, attribute, *, follow_symlinks=True):
    if _name(path) is None:
        return orig(path, attribute, follow_symlinks=follow_symlinks)
    _existing(path)
    raise _error(errno.ENODATA, path)


_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def os_open(orig, path, flags, mode=0o777, *, dir_fd=None):
    name = _name(path)
    if name is None:
        return orig(path, flags, mode, dir_fd=dir_fd)
    if flags & _WRITE_FLAGS:
        raise _error(errno.EROFS, path)
    name, kind = _existing(path)
    fd = _descriptor(_data(name, kind, path), name)
    if fd is None:
        raise _error(errno.EOPNOTSUPP, path)  # no memfd_create: open() still works
    return fd


class _MemoryFile:
    """open()'s result where no descriptor can be made: the data in a buffer."""

    @staticmethod
    def make(data, path, mode, encoding, errors, newline):
        import io
        buffer = io.BytesIO(data)
        buffer.name = path
        buffer.mode = "rb"
        if "b" in mode:
            return buffer
        return io.TextIOWrapper(buffer, encoding, errors, newline)


def io_open(orig, file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
            opener=None):
    name = _name(file)
    if name is None:
        return orig(file, mode, buffering, encoding, errors, newline, closefd, opener)
    if not isinstance(mode, str) or set(mode) & set("wax+"):
        if isinstance(mode, str):
            raise _error(errno.EROFS, file)
        return orig(file, mode, buffering, encoding, errors, newline, closefd, opener)
    name, kind = _existing(file)
    data = _data(name, kind, file)
    fd = _descriptor(data, name)
    if fd is None:
        return _MemoryFile.make(data, file, mode, encoding, errors, newline)
    try:
        return orig(file, mode, buffering, encoding, errors, newline, closefd, lambda _path, _flags: fd)
    except BaseException:
        os.close(fd)
        raise


def io_open_code(orig, path):
    return io_open(_originals["io_open"], path, "rb")


# ---- writing: a read-only file system ---------------------------------


def _inside(path):
    try:
        path = os.fspath(path)
    except TypeError:
        return False  # a descriptor
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    return path.startswith(_prefix) and _name(path) is not None


def _refuse(path, creates):
    """Raise what a read-only file system says, after the path lookup it does
    first: ENOENT for a missing file (or a missing parent of a new one), EEXIST
    for one that exists when it would create it, else EROFS."""
    name = _name(path)
    kind = _kind(name)
    if kind is None and (not creates or _kind(name.rpartition("/")[0]) != "dir"):
        raise _error(errno.ENOENT, path)
    if creates and kind is not None:
        raise _error(errno.EEXIST, path)
    raise _error(errno.EROFS, path)


def _path_argument(args, kwargs, position, keyword):
    return args[position] if len(args) > position else kwargs.get(keyword)


def _changes(orig, *args, **kwargs):
    """unlink, rmdir, chmod, utime...: the file must exist."""
    path = _path_argument(args, kwargs, 0, "path")
    if _inside(path):
        _refuse(path, creates=False)
    return orig(*args, **kwargs)


def _creates(orig, *args, **kwargs):
    """mkdir, mkfifo, mknod: a new file in a directory."""
    path = _path_argument(args, kwargs, 0, "path")
    if _inside(path):
        _refuse(path, creates=True)
    return orig(*args, **kwargs)


def _moves(orig, *args, **kwargs):
    """rename, replace: the source goes, the destination changes."""
    src, dst = _path_argument(args, kwargs, 0, "src"), _path_argument(args, kwargs, 1, "dst")
    if _inside(src):
        _refuse(src, creates=False)
    if _inside(dst):
        raise _error(errno.EROFS, src, dst)
    return orig(*args, **kwargs)


def _links(orig, *args, **kwargs):
    """link, symlink: a new name at the destination."""
    dst = _path_argument(args, kwargs, 1, "dst")
    if _inside(dst):
        _refuse(dst, creates=True)
    return orig(*args, **kwargs)


rmdir = remove = unlink = chmod = chown = utime = truncate = setxattr = removexattr = _changes
mkdir = mkfifo = mknod = _creates
rename = replace = _moves
link = symlink = _links

"""Packages extracted from the archive to a per-user cache on first import (``user-cache``).

Packed into every archive as ``__pyseal__/extracted_packages.py``.  A package listed
as ``--package-data-location PKG=user-cache`` is packed under
``__pyseal__/packages/PKG/`` (its ``.pyc`` files in ``__pycache__``, where a file-system
import looks for them) with a listing ``__pyseal__/packages/PKG.sha256`` of every
file's sha256.  The launcher's finder (c/services.c) calls ``find_spec`` here when
the package is first imported: the files are written to

    $XDG_CACHE_HOME/pyseal/packages/<sha256 of the listing>/PKG/...   (~/.cache by default)

once, checked against the listing on every first import in a process, and the
package is imported from there, so its ``__file__`` is a real path that C code and
subprocesses can open.  The cache directory is the user's own: ``pyseal/`` is made
0700 and refused if another user owns it or can write to it; a directory that does
not match its listing is replaced.  Only frozen and built-in modules are used here.
"""

import errno
import os
import stat
import sys

import _frozen_importlib_external as _external
import zipimport

_PACKAGES = "__pyseal__/packages/"
_found = {}  # package -> the directory its files were checked in, this process


class ExtractionError(ImportError):
    """The package could not be written to or checked in the per-user cache."""


def _sha256(data):
    try:
        from _hashlib import openssl_sha256 as sha256
    except ImportError:
        try:
            from _sha2 import sha256
        except ImportError:
            from _sha256 import sha256
    return sha256(data).hexdigest()


def _cache_home():
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        home = os.environ.get("HOME") or os.path.expanduser("~")
        base = os.path.join(home, ".cache")
    return base


def _own_directory(path):
    """Make path (mode 0700) if it is missing; refuse one that is not this user's alone."""
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    st = os.lstat(path)
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o022:
        raise ExtractionError(
            f"pyseal: {path} is not a directory of this user's that only this user can write to; "
            "remove it, or set XDG_CACHE_HOME to a directory of your own")


def _listing(name):
    data = zipimport.zipimporter(sys.executable).get_data(f"{sys.executable}/{_PACKAGES}{name}.sha256")
    files = {}
    for line in data.decode("utf-8").splitlines():
        digest, _, relative = line.partition(" ")
        files[relative] = digest
    return _sha256(data), files


def _matches(root, files):
    """Every file of the listing is in root with its sha256."""
    for relative, digest in files.items():
        try:
            with open(os.path.join(root, relative), "rb") as f:
                if _sha256(f.read()) != digest:
                    return False
        except OSError:
            return False
    return True


def _remove_tree(path):
    for dirpath, dirnames, filenames in os.walk(path, topdown=False):
        for n in filenames:
            os.unlink(os.path.join(dirpath, n))
        for n in dirnames:
            os.rmdir(os.path.join(dirpath, n))
    os.rmdir(path)


def _extract(root, files):
    """Write the files under a new directory beside root, then rename it into place."""
    partial = f"{root}.{os.getpid()}.partial"
    if os.path.lexists(partial):
        _remove_tree(partial)
    importer = zipimport.zipimporter(sys.executable)
    for relative in sorted(files):
        dest = os.path.join(partial, relative)
        os.makedirs(os.path.dirname(dest), 0o700, exist_ok=True)
        data = importer.get_data(f"{sys.executable}/{_PACKAGES}{relative}")
        with open(dest, "xb") as f:
            f.write(data)
    try:
        os.rename(partial, root)
    except OSError as e:
        _remove_tree(partial)
        if e.errno not in (errno.EEXIST, errno.ENOTEMPTY):
            raise  # else another process put it there first: checked by the caller


def package_directory(name):
    """The directory on disk that holds package `name`, extracted and checked."""
    if name in _found:
        return _found[name]
    digest, files = _listing(name)
    cache = os.path.join(_cache_home(), "pyseal")
    try:
        os.makedirs(_cache_home(), exist_ok=True)
        _own_directory(cache)
        _own_directory(os.path.join(cache, "packages"))
        root = os.path.join(cache, "packages", digest)
        for attempt in range(2):
            if os.path.isdir(root) and _matches(root, files):
                _found[name] = root
                return root
            if os.path.lexists(root):
                _remove_tree(root)  # not what the listing says: written again
            _extract(root, files)
    except OSError as e:
        raise ExtractionError(
            f"pyseal: cannot extract package {name!r} to {cache} ({e}); set XDG_CACHE_HOME to a "
            "writable directory of your own", name=name) from e
    raise ExtractionError(f"pyseal: package {name!r} extracted to {root} does not match its listing", name=name)


def find_spec(name):
    """The spec of package `name`, imported from its extracted directory."""
    return _external.PathFinder.find_spec(name, [package_directory(name)])

# pyseal_capture/target_dirs.py
# Loaded by: pyseal_capture.hooks, which patches every distutils compiler class with
#   patch_compiler_class() as the class's module is imported.
# Writes: nothing.
"""A target build's distutils compiler searches the target's directories only.

A setup.py often looks for optional libraries by hand: it adds the build machine's
/usr/include, /usr/local/lib and ldconfig's directories to the compiler's
include_dirs and library_dirs, then tests whether a header or an archive exists
there (Pillow does so for xcb, lcms2, openjpeg, libimagequant, ...). For a target
build (PYSEAL_DROP_HOST_PATHS=1, see libraries.py) those directories hold the
host's headers and libraries, which the compiler wrapper drops from every call:
a feature found there would be compiled without its header. So the compiler
object never holds them: include_dirs and library_dirs leave them out however
they are set or added to, and find_library_file does not look in them. A library
only the host has is then not found and the package leaves the optional feature
out, as on a machine without it; one a pyseal recipe provides is found where
pkg-config (config_shims.py) or the wrapper's retry puts it.
"""

import functools

from . import libraries

_ROOTS = {"include_dirs": libraries.HOST_INCLUDE_ROOTS, "library_dirs": libraries.HOST_LIBRARY_ROOTS}


class TargetDirs(list):
    """A compiler's directory list that refuses the build machine's directories."""

    # copy.copy() makes one without __init__: then any host directory is refused
    roots = libraries.HOST_INCLUDE_ROOTS + libraries.HOST_LIBRARY_ROOTS

    def __init__(self, directories, roots):
        self.roots = roots
        super().__init__(libraries.without_host_dirs(directories, roots))

    def append(self, directory):
        self.extend([directory])

    def insert(self, index, directory):
        if libraries.without_host_dirs([directory], self.roots):
            super().insert(index, directory)

    def extend(self, directories):
        super().extend(libraries.without_host_dirs(list(directories), self.roots))

    def __iadd__(self, directories):
        self.extend(directories)
        return self


class _DirsAttribute:
    """include_dirs / library_dirs on a compiler class: each instance's list is a TargetDirs.
    The class's own default (compilers read `self.__class__.include_dirs`) is kept as it was."""

    def __init__(self, name, class_default):
        self.name = name
        self.stored = "_pyseal_" + name
        self.class_default = class_default

    def __get__(self, instance, owner=None):
        if instance is None:
            return self.class_default
        value = instance.__dict__.get(self.stored)
        if value is None:
            value = instance.__dict__[self.stored] = TargetDirs(instance.__dict__.get(self.name) or [], _ROOTS[self.name])
        return value

    def __set__(self, instance, value):
        instance.__dict__[self.stored] = TargetDirs(value or [], _ROOTS[self.name])


def _wrap_find_library_file(orig):
    @functools.wraps(orig)
    def find_library_file(self, dirs, *args, **kwargs):
        return orig(self, libraries.without_host_dirs(dirs or [], libraries.HOST_LIBRARY_ROOTS), *args, **kwargs)

    find_library_file._pyseal_wrapped = True
    return find_library_file


def patch_compiler_class(cls):
    """Makes the class's directory lists and library search skip the host's (idempotent;
    only in a target build, where PYSEAL_DROP_HOST_PATHS is set before the build starts)."""
    if not libraries.dropping_host_paths():
        return
    for name in _ROOTS:
        if not isinstance(cls.__dict__.get(name), _DirsAttribute):
            default = getattr(cls, name, [])
            setattr(cls, name, _DirsAttribute(name, default if isinstance(default, list) else []))
    find = getattr(cls, "find_library_file", None)
    if callable(find) and not getattr(find, "_pyseal_wrapped", False):
        cls.find_library_file = _wrap_find_library_file(find)

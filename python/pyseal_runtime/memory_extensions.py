"""Extension modules loaded from memory, the ``in-memory`` extension location (Linux).

Packed into every archive as ``__pyseal__/memory_extensions.py``.  A module pyseal
could not build in, placed ``in-memory``, is stored in the archive at its package
path (``pkg/_mod.cpython-314-x86_64-linux-gnu.so``) and the shared libraries it needs
under ``__pyseal__/libraries/``.  The launcher's finder (c/memory_images.c) calls
``find_spec`` here on the module's first import, with the module's member and its
libraries' members, dependencies before dependents.

Each library is written into a memfd and dlopen()ed through its ``/proc/self/fd/N``
path by ``_pyseal_memory`` (c/memory_images.c), once per process; then the module the
same way, through CPython's own extension loader (``_imp.create_dynamic``).  When the
module's NEEDED names a library, the system's loader finds it already loaded by its
SONAME (pyseal set it to the name the module asks for).  The descriptors are closed
once loaded: nothing is written to disk.  The module's ``__file__`` is its path in the
archive, which the view of the archive by path can read.

Where that cannot work (a kernel older than 3.17 or a sandbox without memfd_create,
no ``/proc``), the import raises ImportError naming the module and the cause.  Only
frozen and built-in modules are used here.
"""

import sys

import _frozen_importlib as _bootstrap
import _imp
import _pyseal_memory
import _thread
import posix
import zipimport

_loaded_libraries = set()  # archive members dlopen()ed in this process
_libraries_lock = _thread.allocate_lock()  # two modules imported at once may need the same one
_first_origin = {}  # module -> the /proc/self/fd path it was first loaded by

_HINT = ("in-memory extension modules need Linux 3.17 or later (memfd_create) and /proc mounted; "
         "build with --extension-location filesystem-relative:lib to ship it beside the binary instead")


def find_spec(name, member, libraries):
    origin = f"{sys.executable}/{member}"
    return _bootstrap.ModuleSpec(name, MemoryExtensionLoader(name, member, libraries), origin=origin)


def _image(member):
    """A descriptor of a memfd holding the archive member's bytes."""
    data = zipimport.zipimporter(sys.executable).get_data(f"{sys.executable}/{member}")
    return _pyseal_memory.image(member.rsplit("/", 1)[-1], data)


class MemoryExtensionLoader:
    """Loads one extension module, and the libraries it needs, from the archive through memfds."""

    def __init__(self, name, member, libraries):
        self.name = name
        self.member = member
        self.libraries = libraries

    def create_module(self, spec):
        try:
            with _libraries_lock:
                for library in self.libraries:
                    if library not in _loaded_libraries:
                        self._load_library(library)
            return self._create(spec)
        except OSError as error:
            raise ImportError(f"{spec.name} could not be loaded from memory: {error.strerror or error} "
                              f"({_HINT})", name=spec.name) from error
        except ImportError as error:
            if error.name == spec.name:
                raise
            raise ImportError(f"{spec.name} could not be loaded from memory: {error} ({_HINT})",
                              name=spec.name) from error

    def _load_library(self, library):
        fd = _image(library)
        try:
            _pyseal_memory.load_library(fd)
        finally:
            posix.close(fd)
        _loaded_libraries.add(library)

    def _create(self, spec):
        # A later import (after `del sys.modules[...]`) names the path it was loaded by
        # first: the loader gives back the image already mapped, as for a file.
        path = _first_origin.get(spec.name)
        fd = None
        if path is None:
            fd = _image(self.member)
            path = f"/proc/self/fd/{fd}"
        try:
            module = _imp.create_dynamic(_bootstrap.ModuleSpec(spec.name, self, origin=path))
        finally:
            if fd is not None:
                posix.close(fd)
        _first_origin[spec.name] = path
        return module

    def exec_module(self, module):
        _imp.exec_dynamic(module)
        # A single-phase module was given the descriptor's path: name the archive's.
        module.__file__ = module.__spec__.origin

    def is_package(self, fullname):
        return False

    def get_code(self, fullname):
        return None

    def get_source(self, fullname):
        return None

# pyseal_capture/hooks.py
# Loaded by: pyseal_capture.activate(), which the pyseal_capture.pth line calls at
#   interpreter start-up when $PYSEAL_CAPTURE_DIR is set (also inside pip's
#   isolated build subprocesses).
# Writes: nothing by itself; when a distutils / setuptools._distutils compiler
#   links an extension it writes records/, objects/ and intended/ under
#   $PYSEAL_CAPTURE_DIR through pyseal_capture.records.
"""Lazy hooks on the distutils compiler objects and build_ext.

A meta path finder watches imports of ``distutils.*`` and
``setuptools._distutils.*`` submodules; when one has executed, every compiler
class defined in it (anything with compile/link/link_shared_object) gets its
``compile`` and ``link`` wrapped, and the ``build_ext`` base command gets
``finalize_options`` (intent + force), ``build_extensions`` (what is left to
build) and ``build_extension`` (context + force) wrapped; in a target build the compiler classes also leave the build machine's
directories out (target_dirs.py). Nothing is imported or patched until a build
imports distutils.
"""

import functools
import inspect
import os
import sys
import threading

from . import records, target_dirs, wrapper

_PREFIXES = ("distutils.", "setuptools._distutils.")
_state = threading.local()
_lock = threading.RLock()
_finder = None
# the build_ext command last finalized (its extensions name what a link without context builds)
_last_build_ext = None


def _capture_label(module):
    path = os.path.normcase(os.path.abspath(getattr(module, "__file__", None) or ""))
    marker = os.path.normcase(os.sep + os.path.join("setuptools", "_distutils") + os.sep)
    if marker in path or (module.__name__ or "").startswith("setuptools._distutils"):
        return records.CAPTURE_SETUPTOOLS
    return records.CAPTURE_DISTUTILS


def _fail(what, exc):
    records.log_error(what, exc)
    if records.strict():
        raise


# ---------------------------------------------------------------- build_ext

def _ctx_stack():
    stack = getattr(_state, "ext_stack", None)
    if stack is None:
        stack = _state.ext_stack = []
    return stack


def _ext_name(ext):
    return ext.name if hasattr(ext, "name") else ext[0]


def _is_library(ext):
    # setuptools.extension.Library: a plain shared library, not a module.
    return any(c.__name__ == "Library" for c in type(ext).__mro__)


def _dist_name(cmd):
    try:
        name = cmd.distribution.get_name()
    except Exception:
        return None
    return None if name in (None, "", "UNKNOWN") else name


def _foreign(cmd):
    """The dist being built when it is not $PYSEAL_CAPTURE_PACKAGE (a build
    dependency compiled from source in pip's isolated environment), else None."""
    wanted = records.package_from_env()
    dist = _dist_name(cmd)
    if wanted and dist and records.normalize_name(wanted) != records.normalize_name(dist):
        return dist
    return None


def _module_names(cmd):
    modules = []
    for ext in [e for e in (getattr(cmd, "extensions", None) or []) if not _is_library(e)]:
        try:
            modules.append(cmd.get_ext_fullname(_ext_name(ext)))
        except Exception:
            modules.append(_ext_name(ext))
    return modules


def _write_intent(cmd, building=False):
    """The modules the command means to build (when finalized), or is building now (when
    it starts: a setup.py may have dropped one in between, on purpose)."""
    root = records.capture_dir()
    if not root:
        return
    foreign = _foreign(cmd)
    if foreign:
        # tell compiler wrappers run from this process to stay out of it too
        os.environ[records.ENV_FOREIGN] = foreign
        records.log_skipped({"dist_name": foreign, "reason": "build of another distribution than "
                             + str(records.package_from_env()) + " (a build dependency?)"})
        return
    modules = _module_names(cmd)
    dist = _dist_name(cmd)
    package = records.package_from_env() or dist or "UNKNOWN"
    if building:
        records.write_intent(root, package, [], dist_name=dist, building=modules)
    elif modules or package:
        records.write_intent(root, package, modules, dist_name=dist)


def _wrap_finalize_options(orig):
    @functools.wraps(orig)
    def finalize_options(self, *a, **kw):
        result = orig(self, *a, **kw)
        self.force = True
        global _last_build_ext
        _last_build_ext = self
        try:
            _write_intent(self)
        except Exception as exc:
            _fail("could not write build_ext intent", exc)
        return result

    finalize_options._pyseal_wrapped = True
    return finalize_options


def _wrap_build_extensions(orig):
    @functools.wraps(orig)
    def build_extensions(self, *a, **kw):
        try:
            _write_intent(self, building=True)
        except Exception as exc:
            _fail("could not write build_ext intent", exc)
        return orig(self, *a, **kw)

    build_extensions._pyseal_wrapped = True
    return build_extensions


def _wrap_build_extension(orig):
    @functools.wraps(orig)
    def build_extension(self, ext, *a, **kw):
        self.force = True  # never skip an up-to-date extension: it would go unrecorded
        comp = getattr(self, "compiler", None)
        if comp is not None and not isinstance(comp, str):
            try:
                comp.force = True
            except Exception:
                pass
        stack = _ctx_stack()
        stack.append((self, ext))
        try:
            return orig(self, ext, *a, **kw)
        finally:
            stack.pop()

    build_extension._pyseal_wrapped = True
    return build_extension


# ---------------------------------------------------------------- compiler

def _wrap_compile(orig):
    sig = inspect.signature(orig)

    @functools.wraps(orig)
    def compile(self, *args, **kwargs):
        objects = orig(self, *args, **kwargs)
        try:
            bound = sig.bind(self, *args, **kwargs)
            sources = list(bound.arguments.get("sources") or [])
            macros = bound.arguments.get("macros")
            seen = self.__dict__.setdefault("_pyseal_compiled", {})
            for src, obj in zip(sources, objects or []):
                seen[os.path.abspath(obj)] = (os.path.abspath(src), list(macros or []))
        except Exception as exc:
            _fail("could not note compiled sources", exc)
        return objects

    compile._pyseal_wrapped = True
    return compile


def _wrap_link(orig, capture):
    sig = inspect.signature(orig)

    @functools.wraps(orig)
    def link(self, *args, **kwargs):
        depth = getattr(_state, "link_depth", 0)
        rec = None
        if depth == 0 and records.capture_dir():
            try:
                bound = sig.bind(self, *args, **kwargs)
                bound.apply_defaults()
                shared = getattr(self, "SHARED_OBJECT", "shared_object")
                if bound.arguments.get("target_desc") == shared:
                    self.force = True
                    # before the link: a build may remove its inputs right after it, and
                    # a compiler wrapper the link runs must see the module recorded
                    rec = _record_link(self, bound.arguments, capture)
                    if rec is not None:
                        records.write_record(records.capture_dir(), rec)
            except Exception as exc:
                _fail("could not record an extension link", exc)
        _state.link_depth = depth + 1
        try:
            result = orig(self, *args, **kwargs)
        finally:
            _state.link_depth = depth
        if rec is not None:
            try:
                # what the link wrote, to find the file among what the wheel installs
                rec["output_sha256"] = records.file_sha256(rec["output"])
                records.write_record(records.capture_dir(), rec)
            except Exception as exc:
                _fail("could not record an extension link", exc)
        return result

    link._pyseal_wrapped = True
    return link


def _extension_linked_to(output):
    """(build_ext command, extension) whose file name is the output's, else (None, None)."""
    cmd = _last_build_ext
    for ext in (getattr(cmd, "extensions", None) or []) if cmd is not None else []:
        try:
            if not _is_library(ext) and os.path.basename(cmd.get_ext_fullpath(_ext_name(ext))) == os.path.basename(output):
                return cmd, ext
        except Exception:
            continue
    return None, None


def _record_link(compiler, a, capture):
    """The record of one extension's link, its inputs copied; None when it is not recorded."""
    root = records.capture_dir()
    output = a.get("output_filename")
    if a.get("output_dir") and output and not os.path.isabs(output):
        output = os.path.join(a["output_dir"], output)
    output = os.path.abspath(output)
    objects = list(a.get("objects") or [])
    stack = _ctx_stack()
    cmd, ext = stack[-1] if stack else (None, None)

    if cmd is not None and _foreign(cmd):
        records.log_skipped({"output": output, "dist_name": _dist_name(cmd), "capture": capture,
                             "reason": "build of another distribution than " + str(records.package_from_env())})
        return None
    if ext is not None and _is_library(ext):
        records.log_skipped({"output": output, "reason": "setuptools Library (not a module)", "capture": capture})
        return None

    if ext is None:
        # A build_extension of the package's own that never calls setuptools' links the
        # extension without its context: find it among the command's extensions by file name.
        cmd, ext = _extension_linked_to(output)
    module, guess = None, False
    if ext is not None:
        try:
            fullname = cmd.get_ext_fullname(_ext_name(ext))
            # The extension being built, linked to its own file name: a build that links
            # in a folder of its own shape (cp310-abi3-linux_x86_64/...) names it all the same.
            if os.path.basename(cmd.get_ext_fullpath(_ext_name(ext))) == os.path.basename(output):
                module = fullname
        except Exception:
            module = None
    if module is None:
        roots = [getattr(cmd, "build_lib", None)] if cmd is not None else []
        module, guess = records.infer_module(output, roots)

    user_extra = [os.path.abspath(o) for o in (getattr(ext, "extra_objects", None) or [])]
    own = [o for o in objects if os.path.abspath(o) not in user_extra]
    extra = [o for o in objects if os.path.abspath(o) in user_extra]
    # What the link takes besides its own objects: Extension.extra_objects (objects and
    # archives, such as a bundled library built by the package) and whatever
    # extra_link_args names (archives, a --whole-archive group, -l and -L).
    extra_link_args = list(a.get("extra_preargs") or []) + list(a.get("extra_postargs") or [])
    linked = wrapper.parse_link(extra + extra_link_args)

    libraries = a.get("libraries")
    library_dirs = a.get("library_dirs")
    rpath = a.get("runtime_library_dirs")
    try:
        libraries, library_dirs, rpath = compiler._fix_lib_args(libraries, library_dirs, rpath)
    except Exception:
        libraries = list(libraries or []) + list(getattr(compiler, "libraries", None) or [])
        library_dirs = list(library_dirs or []) + list(getattr(compiler, "library_dirs", None) or [])
        rpath = list(rpath or []) + list(getattr(compiler, "runtime_library_dirs", None) or [])

    compiled = compiler.__dict__.get("_pyseal_compiled", {})
    sources, macros = [], []
    for o in own:
        info = compiled.get(os.path.abspath(o))
        if info:
            sources.append(info[0])
            for m in info[1]:
                if list(m) not in [list(x) for x in macros]:
                    macros.append(m)
    if not sources and ext is not None:
        sources = [os.path.abspath(s) for s in getattr(ext, "sources", [])]
    if not macros and ext is not None:
        macros = list(getattr(ext, "define_macros", None) or [])

    linker = list(getattr(compiler, "linker_so", None) or [])
    cc = list(getattr(compiler, "compiler_so", None) or [])
    compiler_name = cc[0] if cc else getattr(compiler, "cc", None) or getattr(compiler, "compiler_type", None)
    if compiler_name and not os.path.isabs(compiler_name):
        import shutil

        compiler_name = shutil.which(compiler_name) or compiler_name
    lang = a.get("target_lang")
    cxx = (
        lang == "c++"
        or any(records.is_cxx_source(s) for s in sources)
        or (linker and records.is_cxx_driver(linker[0]))
        or (ext is not None and getattr(ext, "language", None) == "c++")
    )

    # once each, in order (build_ext passes a build_clib library both ways)
    libraries = list(dict.fromkeys(list(libraries or []) + linked["libraries"]))
    inputs = records.capture_link_inputs(
        root,
        module,
        own + linked["objects"],
        archives=linked["archives"],
        whole_archives=linked["whole_archives"],
        libraries=libraries,
        library_dirs=list(library_dirs or []) + linked["library_dirs"],
    )
    copied = inputs.pop("objects")
    return records.make_record(
        module,
        capture,
        copied,
        libraries=libraries,
        runtime_library_dirs=list(rpath or []),
        extra_link_args=extra_link_args,
        extra_objects_from_user=user_extra,
        define_macros=records.normalize_macros(macros),
        compiler=compiler_name,
        language="c++" if cxx else "c",
        module_guess=guess,
        output=output,
        sources=sources,
        linker=linker,
        export_symbols=list(a.get("export_symbols") or []),
        dist_name=_dist_name(cmd) if cmd is not None else None,
        shared_inputs=[os.path.abspath(x) for x in linked["shared_inputs"]],
        **inputs
    )


# ---------------------------------------------------------------- patching

def _is_compiler_class(obj):
    return all(hasattr(obj, n) for n in ("compile", "link", "link_shared_object", "SHARED_OBJECT"))


def _is_build_ext_class(obj):
    return "build_extension" in obj.__dict__ and hasattr(obj, "get_ext_fullpath")


def _patch_attr(cls, name, wrapper, *extra):
    fn = cls.__dict__.get(name)
    if fn is None or getattr(fn, "_pyseal_wrapped", False) or not callable(fn):
        return
    setattr(cls, name, wrapper(fn, *extra))


def patch_module(module):
    """Patch compiler / build_ext classes defined in ``module`` (idempotent)."""
    name = getattr(module, "__name__", "") or ""
    capture = _capture_label(module)
    with _lock:
        for obj in list(vars(module).values()):
            if not isinstance(obj, type) or obj.__module__ != name:
                continue
            try:
                if _is_compiler_class(obj):
                    _patch_attr(obj, "compile", _wrap_compile)
                    _patch_attr(obj, "link", _wrap_link, capture)
                    target_dirs.patch_compiler_class(obj)
                elif _is_build_ext_class(obj) and name.endswith("command.build_ext"):
                    _patch_attr(obj, "finalize_options", _wrap_finalize_options)
                    _patch_attr(obj, "build_extensions", _wrap_build_extensions)
                    _patch_attr(obj, "build_extension", _wrap_build_extension)
            except Exception as exc:
                _fail("could not patch %s.%s" % (name, obj.__name__), exc)


class _PatchingLoader:
    """Delegates to the real loader, then patches the executed module."""

    def __init__(self, loader):
        self._pyseal_loader = loader

    def create_module(self, spec):
        create = getattr(self._pyseal_loader, "create_module", None)
        return create(spec) if create else None

    def exec_module(self, module):
        self._pyseal_loader.exec_module(module)
        patch_module(module)

    def __getattr__(self, name):
        return getattr(self._pyseal_loader, name)


class CaptureFinder:
    """sys.meta_path entry; only wraps the loader of distutils submodules."""

    def find_spec(self, name, path=None, target=None):
        if not name.startswith(_PREFIXES):
            return None
        for finder in sys.meta_path:
            if finder is self or isinstance(finder, CaptureFinder):
                continue
            find = getattr(finder, "find_spec", None)
            if find is None:
                continue
            try:
                spec = find(name, path, target)
            except Exception:
                continue
            if spec is not None:
                break
        else:
            return None
        loader = spec.loader
        if loader is None or not hasattr(loader, "exec_module") or isinstance(loader, _PatchingLoader):
            return spec
        spec.loader = _PatchingLoader(loader)
        return spec

    def invalidate_caches(self):
        pass


def install():
    """Put the finder first on sys.meta_path and patch what is already imported."""
    global _finder
    with _lock:
        if _finder is None:
            _finder = CaptureFinder()
        if _finder not in sys.meta_path:
            sys.meta_path.insert(0, _finder)
        for name, module in list(sys.modules.items()):
            if module is not None and name.startswith(_PREFIXES):
                patch_module(module)

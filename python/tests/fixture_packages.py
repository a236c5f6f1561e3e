# python/tests/fixture_packages.py
# Loaded by: python/tests/conftest.py and the test modules (pytest).
# Writes: tiny source packages (setup.py + pyproject.toml + C/C++/Cython
#   sources) into a directory the caller gives, nothing else.
"""Fixture packages built for real by the capture tests."""

import os
import textwrap

PYPROJECT = """\
[build-system]
requires = [{requires}]
build-backend = "setuptools.build_meta"
"""

C_MODULE = """\
#include <Python.h>
{includes}
static PyObject *answer(PyObject *self, PyObject *args) {{ return {body}; }}
static PyMethodDef methods[] = {{{{"answer", answer, METH_NOARGS, ""}}, {{NULL, NULL, 0, NULL}}}};
static struct PyModuleDef def = {{PyModuleDef_HEAD_INIT, "{name}", NULL, -1, methods}};
PyMODINIT_FUNC PyInit_{name}(void) {{ return PyModule_Create(&def); }}
"""


def _write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(textwrap.dedent(text) if not rel.endswith((".c", ".cpp")) else text)
    return path


def c_module(name, includes="", body="PyLong_FromLong(42)"):
    return C_MODULE.format(name=name, includes=includes, body=body)


def _pyproject(requires=("setuptools",)):
    return PYPROJECT.format(requires=", ".join('"%s"' % r for r in requires))


def plain_c(root):
    """plainc._speed: C, libraries=['z'], define_macros."""
    _write(root, "pyproject.toml", _pyproject())
    _write(root, "setup.py", """\
        from setuptools import setup, Extension
        setup(
            name="plainc", version="0.1", packages=["plainc"], package_dir={"": "src"},
            ext_modules=[Extension("plainc._speed", ["src/plainc/_speed.c"], libraries=["z"],
                                   define_macros=[("PLAINC_FAST", "1"), ("PLAINC_FLAG", None)])],
        )
        """)
    _write(root, "src/plainc/__init__.py", "")
    _write(root, "src/plainc/_speed.c", c_module(
        "_speed", "#include <zlib.h>", "PyUnicode_FromString(zlibVersion())"))
    return {"dist": "plainc", "modules": ["plainc._speed"]}


def cython_ext(root):
    """cyext._fast: a Cython module; Cython comes through build-system.requires."""
    _write(root, "pyproject.toml", _pyproject(("setuptools", "Cython>=3")))
    _write(root, "setup.py", """\
        from setuptools import setup
        from Cython.Build import cythonize
        setup(name="cyext", version="0.1", packages=["cyext"],
              ext_modules=cythonize(["cyext/_fast.pyx"], language_level=3))
        """)
    _write(root, "cyext/__init__.py", "")
    _write(root, "cyext/_fast.pyx", """\
        def add(int a, int b):
            return a + b
        """)
    return {"dist": "cyext", "modules": ["cyext._fast"]}


def cxx_ext(root):
    """cxxext._vec: C++ (std::vector), language='c++'."""
    _write(root, "pyproject.toml", _pyproject())
    _write(root, "setup.py", """\
        from setuptools import setup, Extension
        setup(name="cxxext", version="0.1", packages=["cxxext"],
              ext_modules=[Extension("cxxext._vec", ["cxxext/_vec.cpp"], language="c++")])
        """)
    _write(root, "cxxext/__init__.py", "")
    _write(root, "cxxext/_vec.cpp", """\
#include <Python.h>
#include <vector>
#include <numeric>
static PyObject *total(PyObject *, PyObject *) {
    std::vector<long> v{1, 2, 3, 4};
    return PyLong_FromLong(std::accumulate(v.begin(), v.end(), 0L));
}
static PyMethodDef methods[] = {{"total", total, METH_NOARGS, ""}, {nullptr, nullptr, 0, nullptr}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "_vec", nullptr, -1, methods};
PyMODINIT_FUNC PyInit__vec(void) { return PyModule_Create(&def); }
""")
    return {"dist": "cxxext", "modules": ["cxxext._vec"]}


def two_ext(root):
    """twoext.a._one and twoext.b._two in subpackages."""
    _write(root, "pyproject.toml", _pyproject())
    _write(root, "setup.py", """\
        from setuptools import setup, Extension
        setup(name="twoext", version="0.1", packages=["twoext", "twoext.a", "twoext.b"],
              ext_modules=[Extension("twoext.a._one", ["twoext/a/_one.c"]),
                           Extension("twoext.b._two", ["twoext/b/_two.c"])])
        """)
    for sub, name in (("a", "_one"), ("b", "_two")):
        _write(root, "twoext/%s/__init__.py" % sub, "")
        _write(root, "twoext/%s/%s.c" % (sub, name), c_module(name))
    _write(root, "twoext/__init__.py", "")
    return {"dist": "twoext", "modules": ["twoext.a._one", "twoext.b._two"]}


def swallowing(root):
    """swallow._opt fails to compile; setup.py swallows it (and builds swallow._ok)."""
    _write(root, "pyproject.toml", _pyproject())
    _write(root, "setup.py", """\
        import sys
        from setuptools import setup, Extension
        from setuptools.command.build_ext import build_ext

        class optional_build_ext(build_ext):
            def build_extension(self, ext):
                try:
                    build_ext.build_extension(self, ext)
                except Exception as exc:
                    sys.stderr.write("WARNING: optional extension %s not built: %s\\n" % (ext.name, exc))

        setup(name="swallow", version="0.1", packages=["swallow"],
              cmdclass={"build_ext": optional_build_ext},
              ext_modules=[Extension("swallow._opt", ["swallow/_opt.c"]),
                           Extension("swallow._ok", ["swallow/_ok.c"])])
        """)
    _write(root, "swallow/__init__.py", "")
    _write(root, "swallow/_opt.c", "#include <Python.h>\nthis is not C;\n")
    _write(root, "swallow/_ok.c", c_module("_ok"))
    return {"dist": "swallow", "modules": ["swallow._opt", "swallow._ok"]}


def probing(root):
    """probe._found and probe._zlib: a setup.py that looks for zlib by hand, as Pillow's does
    for its optional libraries: the build machine's directories added to the compiler's
    lists, then a file test for zlib.h there and a find_library_file for -lz; what it found
    becomes macros of _found, and _zlib is dropped from the build when zlib.h is not found."""
    _write(root, "pyproject.toml", _pyproject())
    _write(root, "setup.py", """\
        import os
        from setuptools import setup, Extension
        from setuptools.command.build_ext import build_ext

        HOST_LIBRARY_DIRS = ["/usr/lib/x86_64-linux-gnu", "/usr/local/lib", "/usr/lib"]

        class probing_build_ext(build_ext):
            def build_extensions(self):
                self.compiler.include_dirs = ["/usr/local/include", "/usr/include"] + self.compiler.include_dirs
                self.compiler.library_dirs = HOST_LIBRARY_DIRS + self.compiler.library_dirs
                self.compiler.add_include_dir("/usr/include")
                macros = []
                if any(os.path.isfile(os.path.join(d, "zlib.h")) for d in self.compiler.include_dirs):
                    macros.append(("PROBE_ZLIB_H", None))
                if self.compiler.find_library_file(HOST_LIBRARY_DIRS, "z"):
                    macros.append(("PROBE_LIBZ", None))
                self.extensions[0].define_macros += macros
                if "PROBE_ZLIB_H" not in [m[0] for m in macros]:
                    self.extensions.remove(self.extensions[1])
                build_ext.build_extensions(self)

        setup(name="probe", version="0.1", packages=["probe"], cmdclass={"build_ext": probing_build_ext},
              ext_modules=[Extension("probe._found", ["probe/_found.c"]),
                           Extension("probe._zlib", ["probe/_zlib.c"], libraries=["z"])])
        """)
    _write(root, "probe/__init__.py", "")
    _write(root, "probe/_found.c", c_module("_found"))
    _write(root, "probe/_zlib.c", c_module("_zlib", "#include <zlib.h>", "PyUnicode_FromString(zlibVersion())"))
    return {"dist": "probe", "modules": ["probe._found", "probe._zlib"]}


def stdlib_distutils(root):
    """dupkg._du: setup.py that imports distutils (stdlib on 3.11 with SETUPTOOLS_USE_DISTUTILS=stdlib)."""
    _write(root, "setup.py", """\
        from distutils.core import setup, Extension
        setup(name="dupkg", version="0.1", packages=["dupkg"],
              ext_modules=[Extension("dupkg._du", ["dupkg/_du.c"], libraries=["m"])])
        """)
    _write(root, "dupkg/__init__.py", "")
    _write(root, "dupkg/_du.c", c_module("_du"))
    return {"dist": "dupkg", "modules": ["dupkg._du"]}


def link_inputs(root):
    """linkin._bundled, linkin._clib, linkin._thin: what a setuptools link takes besides its own
    objects, each from the build tree pip removes once done. _bundled: Extension.extra_objects
    with an object and a static archive the setup.py builds (as uvloop passes its libuv.a);
    _clib: a build_clib library; _thin: a thin archive in a --whole-archive group of
    extra_link_args."""
    _write(root, "pyproject.toml", _pyproject())
    _write(root, "setup.py", """\
        import os, subprocess, sysconfig
        from setuptools import setup, Extension

        CC = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()
        os.makedirs("build/vendor/obj", exist_ok=True)
        for name in ("bundled", "extra", "thin_a", "thin_b"):
            subprocess.check_call(CC + ["-fPIC", "-c", "vendor/%s.c" % name, "-o", "build/vendor/obj/%s.o" % name])
        subprocess.check_call(["ar", "rcs", "build/vendor/libbundled.a", "build/vendor/obj/bundled.o"])
        subprocess.check_call(["ar", "rcsT", "build/vendor/libthin.a",
                               "build/vendor/obj/thin_a.o", "build/vendor/obj/thin_b.o"])

        setup(
            name="linkin", version="0.1", packages=["linkin"],
            libraries=[("pysealhelper", {"sources": ["vendor/helper.c"]})],
            ext_modules=[
                Extension("linkin._bundled", ["linkin/_bundled.c"],
                          extra_objects=["build/vendor/obj/extra.o", "build/vendor/libbundled.a"]),
                Extension("linkin._clib", ["linkin/_clib.c"], libraries=["pysealhelper"]),
                Extension("linkin._thin", ["linkin/_thin.c"],
                          extra_link_args=["-Wl,--whole-archive", "build/vendor/libthin.a",
                                           "-Wl,--no-whole-archive"]),
            ],
        )
        """)
    _write(root, "linkin/__init__.py", "")
    for name, value in (("bundled", 1), ("extra", 2), ("thin_a", 3), ("thin_b", 4), ("helper", 5)):
        _write(root, "vendor/%s.c" % name, "int pyseal_%s(void) { return %d; }\n" % (name, value))
    _write(root, "linkin/_bundled.c", c_module(
        "_bundled", "int pyseal_bundled(void); int pyseal_extra(void);",
        "PyLong_FromLong(pyseal_bundled() + pyseal_extra())"))
    _write(root, "linkin/_clib.c", c_module("_clib", "int pyseal_helper(void);", "PyLong_FromLong(pyseal_helper())"))
    # only thin_a is called: the whole-archive group must bring thin_b too
    _write(root, "linkin/_thin.c", c_module("_thin", "int pyseal_thin_a(void);", "PyLong_FromLong(pyseal_thin_a())"))
    return {"dist": "linkin", "modules": ["linkin._bundled", "linkin._clib", "linkin._thin"]}


def abi3_elsewhere(root):
    """abi3x.sub._ffi: a limited-API extension whose build links it in a folder shaped like a
    wheel tag (cp310-abi3-linux_x86_64/), then puts it where setuptools expects it."""
    _write(root, "pyproject.toml", _pyproject())
    _write(root, "setup.py", """\
        import os, shutil
        from setuptools import setup, Extension
        from setuptools.command.build_ext import build_ext

        class elsewhere(build_ext):
            def build_extension(self, ext):
                objects = self.compiler.compile(ext.sources, output_dir=self.build_temp,
                                                macros=ext.define_macros)
                target = self.get_ext_fullpath(ext.name)
                linked = os.path.join("build", "cp310-abi3-linux_x86_64", "abi3x", "sub",
                                      os.path.basename(target))
                self.compiler.link_shared_object(objects, linked)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copyfile(linked, target)

        setup(name="abi3x", version="0.1", packages=["abi3x", "abi3x.sub"], cmdclass={"build_ext": elsewhere},
              ext_modules=[Extension("abi3x.sub._ffi", ["abi3x/sub/_ffi.c"], py_limited_api=True,
                                     define_macros=[("Py_LIMITED_API", "0x030a0000")])])
        """)
    _write(root, "abi3x/__init__.py", "")
    _write(root, "abi3x/sub/__init__.py", "")
    _write(root, "abi3x/sub/_ffi.c", c_module("_ffi"))
    return {"dist": "abi3x", "modules": ["abi3x.sub._ffi"]}


PIP_PACKAGES = {
    "plainc": plain_c,
    "cyext": cython_ext,
    "cxxext": cxx_ext,
    "twoext": two_ext,
    "swallow": swallowing,
    "linkin": link_inputs,
    "abi3x": abi3_elsewhere,
}

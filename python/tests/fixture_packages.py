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


PIP_PACKAGES = {
    "plainc": plain_c,
    "cyext": cython_ext,
    "cxxext": cxx_ext,
    "twoext": two_ext,
    "swallow": swallowing,
}

# python/tests/test_records.py
# Loaded by: pytest.
# Writes: only pytest tmp dirs (an in-place package tree, capture dirs).
"""Module-name inference, init function names, intent merging."""

import pytest

import conftest  # noqa: F401  (puts python/ on sys.path)
from pyseal_capture import records


@pytest.mark.parametrize("path,expected", [
    ("/t/build/lib.linux-x86_64-cpython-311/yaml/_yaml.cpython-311-x86_64-linux-gnu.so", ("yaml._yaml", False)),
    ("/v/lib/python3.13/site-packages/a/b/_c.abi3.so", ("a.b._c", False)),
    ("/src/.mesonpy-abc123/pkg/core/_m.cpython-313-x86_64-linux-gnu.so", ("pkg.core._m", False)),
    ("/src/build/cp311/np/_x.cpython-311-x86_64-linux-gnu.so", ("np._x", False)),
    # meson puts a module where its meson.build is: at the tree's root, its package is unknown
    ("/src/.mesonpy-abc123/_cmod.cpython-313-x86_64-linux-gnu.so", ("_cmod", True)),
    ("/t/build/lib.linux-x86_64-cpython-311/_speedups.cpython-311-x86_64-linux-gnu.so", ("_speedups", False)),
    ("/tmp/tmpab-c/build/_core.cpython-311-x86_64-linux-gnu.so", ("_core", True)),
    ("/x/y-z/_plain.so", ("_plain", True)),
])
def test_infer_module(path, expected):
    assert records.infer_module(path) == expected


def test_infer_module_explicit_root_and_init_walk(tmp_path):
    lib = tmp_path / "weird-root"
    assert records.infer_module(str(lib / "p" / "q" / "_r.so"), [str(lib)]) == ("p.q._r", False)
    pkg = tmp_path / "src-tree" / "top" / "inner"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg.parent / "__init__.py").write_text("")
    assert records.infer_module(str(pkg / "_e.cpython-311-x86_64-linux-gnu.so")) == ("top.inner._e", False)


def test_init_fn():
    assert records.init_fn_for("a.b._speed") == "PyInit__speed"
    assert records.init_fn_for("pkg.café").startswith("PyInitU_caf")


def test_intent_merges(tmp_path):
    records.write_intent(str(tmp_path), "p", ["p._a", "p._b"])
    records.write_intent(str(tmp_path), "p", [])  # a second setup() without extensions
    records.write_intent(str(tmp_path), "p", ["p._c"])
    data = records.read_json(str(tmp_path / "intended" / "p.json"))
    assert data == {"schema": 1, "package": "p", "modules": ["p._a", "p._b", "p._c"]}

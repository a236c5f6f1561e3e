# python/tests/test_pip_builds.py
# Loaded by: pytest.
# Writes: only pytest tmp dirs (through the session fixtures in conftest.py).
"""Real `pip wheel --no-binary :all: --no-deps` builds (build isolation on) on
CPython 3.11 and 3.13, with the .pth-activated hooks; the records are checked."""

import os
import zipfile

import helpers


def _wheel_members(build):
    names = []
    for w in os.listdir(build.wheels):
        if w.endswith(".whl"):
            with zipfile.ZipFile(os.path.join(build.wheels, w)) as z:
                names += z.namelist()
    return names


def test_builds_succeeded_without_capture_errors(built):
    for name, b in built["builds"].items():
        assert b.result.returncode == 0, (name, b.result.stdout[-3000:])
        assert helpers.errors(b.capture) == "", (name, helpers.errors(b.capture))
        assert any(w.endswith(".whl") for w in os.listdir(b.wheels)), name


def test_plain_c_extension(built):
    b = built["builds"]["plainc"]
    recs = helpers.records(b.capture)
    assert sorted(recs) == ["plainc._speed"]
    rec = recs["plainc._speed"]
    syms = helpers.check_record(rec, "plainc._speed", b.capture, "setuptools._distutils")
    assert "PyInit__speed" in syms
    assert rec["libraries"] == ["z"]
    assert rec["language"] == "c"
    assert rec["package"] == "plainc"
    assert rec["dist_name"] == "plainc"
    assert ["PLAINC_FAST", "1"] in rec["define_macros"]
    assert ["PLAINC_FLAG", None] in rec["define_macros"]
    assert rec["module_guess"] is False
    assert rec["extra_objects_from_user"] == []
    assert rec["python"] == built["version"]
    assert helpers.intent(b.capture, "plainc")["modules"] == ["plainc._speed"]
    # the real link still ran: the wheel holds the extension
    assert any(n.startswith("plainc/_speed.") and n.endswith(".so") for n in _wheel_members(b))


def test_cython_extension(built):
    b = built["builds"]["cyext"]
    recs = helpers.records(b.capture)
    # Cython itself came as a wheel; only the package's own module is recorded
    assert sorted(recs) == ["cyext._fast"]
    rec = recs["cyext._fast"]
    helpers.check_record(rec, "cyext._fast", b.capture, "setuptools._distutils")
    assert rec["language"] == "c"
    assert rec["sources"] and rec["sources"][0].endswith("_fast.c")
    assert helpers.intent(b.capture, "cyext")["modules"] == ["cyext._fast"]


def test_cxx_extension(built):
    b = built["builds"]["cxxext"]
    rec = helpers.records(b.capture)["cxxext._vec"]
    syms = helpers.check_record(rec, "cxxext._vec", b.capture, "setuptools._distutils")
    assert rec["language"] == "c++"
    # C++ objects: mangled names from the standard library are referenced/defined
    assert any(s.startswith("_Z") for s in syms) or rec["sources"][0].endswith(".cpp")


def test_two_extensions_in_subpackages(built):
    b = built["builds"]["twoext"]
    recs = helpers.records(b.capture)
    assert sorted(recs) == ["twoext.a._one", "twoext.b._two"]
    for mod, rec in recs.items():
        helpers.check_record(rec, mod, b.capture, "setuptools._distutils")
        assert rec["libraries"] == []
    # objects of the two modules are kept apart
    assert recs["twoext.a._one"]["objects"] != recs["twoext.b._two"]["objects"]
    assert sorted(helpers.intent(b.capture, "twoext")["modules"]) == ["twoext.a._one", "twoext.b._two"]


def test_swallowed_optional_extension_intent_vs_capture(built):
    b = built["builds"]["swallow"]
    assert "not built" in b.result.stdout or b.result.returncode == 0
    recs = helpers.records(b.capture)
    assert sorted(recs) == ["swallow._ok"]
    helpers.check_record(recs["swallow._ok"], "swallow._ok", b.capture)
    assert not os.path.exists(os.path.join(b.capture, "objects", "swallow._opt"))
    assert sorted(helpers.intent(b.capture, "swallow")["modules"]) == ["swallow._ok", "swallow._opt"]
    # the wheel is "successful" without _opt
    members = _wheel_members(b)
    assert not any(n.startswith("swallow/_opt.") for n in members)
    # the comparison helper pyseal uses
    from pyseal_capture import records
    cmp = records.compare(b.capture)
    assert cmp["swallow"]["missing"] == ["swallow._opt"]
    assert cmp["swallow"]["captured"] == ["swallow._ok"]


def test_rebuild_in_same_tree_is_recorded_again(built, tmp_path):
    """An up-to-date build/ tree from the first build must not hide the extension."""
    b = built["builds"]["plainc"]
    capture = str(tmp_path / "capture")
    r = built["venv"].pip_wheel(b.src, str(tmp_path / "wheels"), capture, package="plainc")
    assert r.returncode == 0
    rec = helpers.records(capture)["plainc._speed"]
    helpers.check_record(rec, "plainc._speed", capture, "setuptools._distutils")


def test_build_dependency_compiled_from_source_is_not_recorded(built, tmp_path):
    """A build requirement built from source (here a tiny C package) in pip's isolated
    env is another distribution than PYSEAL_CAPTURE_PACKAGE: not recorded."""
    import fixture_packages

    dep_src = str(tmp_path / "depc")
    fixture_packages.plain_c(dep_src)
    top = tmp_path / "top"
    top.mkdir()
    (top / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools", "plainc @ file://%s"]\n'
        'build-backend = "setuptools.build_meta"\n' % dep_src)
    (top / "setup.py").write_text(
        "from setuptools import setup, Extension\n"
        "setup(name='top-pkg', version='0.1', ext_modules=[Extension('top_ext', ['top_ext.c'])])\n")
    (top / "top_ext.c").write_text(fixture_packages.c_module("top_ext"))
    capture = str(tmp_path / "capture")
    r = built["venv"].pip_wheel(str(top), str(tmp_path / "wheels"), capture, package="Top_Pkg")
    assert r.returncode == 0
    recs = helpers.records(capture)
    assert sorted(recs) == ["top_ext"]
    rec = recs["top_ext"]
    helpers.check_record(rec, "top_ext", capture, "setuptools._distutils")
    assert rec["package"] == "Top_Pkg"
    assert os.listdir(os.path.join(capture, "intended")) == ["Top_Pkg.json"]
    assert any(s.get("dist_name") == "plainc" for s in helpers.skipped(capture))

# python/tests/test_activation.py
# Loaded by: pytest.
# Writes: only pytest tmp dirs (venvs with/without pyseal_capture.pth, builds).
"""The .pth activation contract, and the stdlib distutils capture path."""

import os
import shutil

import pytest

import conftest
import fixture_packages
import helpers


@pytest.fixture(scope="module", params=sorted(conftest.PYTHONS))
def venv(request, tmp_path_factory):
    exe = conftest.PYTHONS[request.param]
    if not os.path.exists(exe):
        pytest.skip("no Python " + request.param)
    v = conftest.Venv(str(tmp_path_factory.mktemp("act") / "venv"), exe)
    v.version = request.param
    return v


PROBE = ("import sys; m = sys.modules.get('pyseal_capture'); "
         "print(m is not None, getattr(m, 'ACTIVE', False), "
         "any(type(f).__name__ == 'CaptureFinder' for f in sys.meta_path), "
         "any(n == 'setuptools' or n.startswith('distutils') for n in sys.modules), "
         "sys.path.count(%r))" % conftest.SHIM_ROOT)


def test_pth_is_one_line_and_inert_without_env(venv):
    pth = os.path.join(venv.site, "pyseal_capture.pth")
    text = open(pth, encoding="utf-8").read()
    assert text.count("\n") == 1 and text.startswith("import ")
    assert conftest.SHIM_ROOT in text
    out = conftest.run([venv.python, "-c", PROBE]).stdout.split()
    assert out == ["False", "False", "False", "False", "0"], out


def test_pth_activates_lazily_with_env(venv, tmp_path):
    out = conftest.run([venv.python, "-c", PROBE], env={"PYSEAL_CAPTURE_DIR": str(tmp_path)}).stdout.split()
    # imported, active, finder installed, no distutils imported yet, path added once
    assert out == ["True", "True", "True", "False", "1"], out


def test_hooks_patch_setuptools_distutils_on_import(venv, tmp_path):
    """Importing setuptools' compiler classes afterwards gets them patched."""
    if venv.version == "3.13":
        conftest.run([venv.python, "-m", "pip", "install", "-q", "setuptools"])
    code = ("import setuptools\n"
            "from distutils import ccompiler\n"
            "from distutils.command import build_ext\n"
            "import distutils.unixccompiler as u\n"
            "print(getattr(ccompiler.CCompiler.link, '_pyseal_wrapped', False),\n"
            "      getattr(u.UnixCCompiler.link, '_pyseal_wrapped', False),\n"
            "      getattr(build_ext.build_ext.build_extension, '_pyseal_wrapped', False),\n"
            "      '_distutils' in ccompiler.__file__)\n")
    out = conftest.run([venv.python, "-c", code], env={"PYSEAL_CAPTURE_DIR": str(tmp_path)}).stdout.split()
    assert out[-4:] == ["True", "True", "True", "True"], out


def test_stdlib_distutils_capture_and_forced_relink(tmp_path):
    """3.11's own distutils (SETUPTOOLS_USE_DISTUTILS=stdlib): capture 'distutils';
    a second build over an up-to-date build/ tree is still recorded."""
    exe = conftest.PYTHONS["3.11"]
    if not os.path.exists(exe):
        pytest.skip("no Python 3.11")
    v = conftest.Venv(str(tmp_path / "venv"), exe)
    src = str(tmp_path / "dupkg")
    fixture_packages.stdlib_distutils(src)
    env = {"SETUPTOOLS_USE_DISTUTILS": "stdlib", "PYSEAL_CAPTURE_STRICT": "1", "PYSEAL_CAPTURE_PACKAGE": "dupkg"}
    for round_ in (1, 2):
        capture = str(tmp_path / ("capture%d" % round_))
        env["PYSEAL_CAPTURE_DIR"] = capture
        conftest.run([v.python, "setup.py", "build"], env=env, cwd=src)
        rec = helpers.records(capture)["dupkg._du"]
        helpers.check_record(rec, "dupkg._du", capture, "distutils")
        assert rec["libraries"] == ["m"]
        assert helpers.intent(capture, "dupkg")["modules"] == ["dupkg._du"]
        assert helpers.errors(capture) == ""


def test_uninstall_removes_pth(tmp_path):
    site = tmp_path / "site"
    conftest.run([conftest.sys.executable, "-m", "pyseal_capture", "install", "--site-packages", str(site)],
                 env={"PYTHONPATH": conftest.SHIM_ROOT})
    assert (site / "pyseal_capture.pth").is_file()
    conftest.run([conftest.sys.executable, "-m", "pyseal_capture", "uninstall", "--site-packages", str(site)],
                 env={"PYTHONPATH": conftest.SHIM_ROOT})
    assert not (site / "pyseal_capture.pth").exists()
    shutil.rmtree(site)

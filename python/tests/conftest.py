# python/tests/conftest.py
# Loaded by: pytest (python3 -m pytest python/tests).
# Writes: only into pytest's tmp dirs - fresh venvs (one per Python version,
#   with pyseal_capture.pth installed), fixture packages, wheels and capture dirs.
"""Session fixtures: real venvs and real pip builds of the fixture packages."""

import concurrent.futures
import os
import subprocess
import sys
import sysconfig

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SHIM_ROOT = os.path.dirname(HERE)  # python/
sys.path.insert(0, SHIM_ROOT)
sys.path.insert(0, HERE)

import fixture_packages  # noqa: E402

PYTHONS = {
    "3.11": "/root/.pyenv/versions/3.11.7/bin/python3",
    "3.13": "/root/.pyenv/versions/3.13.0/bin/python3",
}

# Build dependencies come as wheels; only the fixture package is built from source.
# (With a bare --no-binary :all: pip would also compile Cython itself from its sdist.)
PIP_WHEEL = ["-m", "pip", "wheel", "--no-deps", "--no-binary", ":all:",
             "--only-binary", "setuptools,cython,wheel", "--disable-pip-version-check"]


def run(cmd, env=None, cwd=None, check=True, timeout=900):
    full_env = dict(os.environ)
    for k in [k for k in full_env if k.startswith("PYSEAL_")]:
        del full_env[k]
    full_env.update(env or {})
    r = subprocess.run(cmd, env=full_env, cwd=cwd, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, timeout=timeout)
    if check and r.returncode != 0:
        raise AssertionError("command failed (%d): %s\n%s" % (r.returncode, " ".join(cmd), r.stdout[-6000:]))
    return r


class Venv:
    def __init__(self, root, base_python, with_pth=True):
        self.root = root
        run([base_python, "-m", "venv", root])
        self.python = os.path.join(root, "bin", "python")
        self.site = run([self.python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
        if with_pth:
            run([self.python, "-m", "pyseal_capture", "install", "--site-packages", self.site],
                env={"PYTHONPATH": SHIM_ROOT})

    def pip_wheel(self, src, outdir, capture_dir, package=None, extra_env=None, check=True):
        env = {"PYSEAL_CAPTURE_DIR": capture_dir, "PYSEAL_CAPTURE_STRICT": "1"}
        if package:
            env["PYSEAL_CAPTURE_PACKAGE"] = package
        env.update(extra_env or {})
        return run([self.python] + PIP_WHEEL + ["-w", outdir, src], env=env, check=check)


class Build:
    def __init__(self, name, info, src, capture, wheels, result):
        self.name, self.info, self.src, self.capture, self.wheels, self.result = name, info, src, capture, wheels, result


def _python_or_skip(version):
    exe = PYTHONS[version]
    if not os.path.exists(exe):
        pytest.skip("Python %s not installed at %s" % (version, exe))
    return exe


@pytest.fixture(scope="session", params=sorted(PYTHONS))
def built(request, tmp_path_factory):
    """Every fixture package built with pip wheel (isolation on) under one Python."""
    version = request.param
    exe = _python_or_skip(version)
    base = tmp_path_factory.mktemp("py" + version.replace(".", ""))
    venv = Venv(str(base / "venv"), exe)

    def build_one(name):
        src = str(base / "src" / name)
        info = fixture_packages.PIP_PACKAGES[name](src)
        capture = str(base / "capture" / name)
        wheels = str(base / "wheels" / name)
        r = venv.pip_wheel(src, wheels, capture, package=info["dist"])
        return Build(name, info, src, capture, wheels, r)

    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as ex:
        builds = {b.name: b for b in ex.map(build_one, sorted(fixture_packages.PIP_PACKAGES))}
    return {"version": version, "python": exe, "venv": venv, "base": base, "builds": builds}


@pytest.fixture(scope="session")
def host_ext_suffix():
    return sysconfig.get_config_var("EXT_SUFFIX")

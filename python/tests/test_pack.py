# python/tests/test_pack.py
# Loaded by: pytest.
# Writes: only pytest tmp dirs.
"""pyseal_pack's layouts for packages that live outside the archive: __pycache__,
sha256 listings, and a directory tree instead of a zip."""
import hashlib
import importlib.util
import json
import subprocess
import sys
import zipfile
from pathlib import Path

PYTHON_DIR = Path(__file__).resolve().parent.parent


def pack(tmp_path, manifest, *out):
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps({"version": 1, **manifest}))
    return subprocess.run([sys.executable, "-m", "pyseal_pack", "--manifest", str(path), *out],
                          cwd=PYTHON_DIR, capture_output=True, text=True)


def site(tmp_path):
    root = tmp_path / "site"
    (root / "pkg" / "sub").mkdir(parents=True)
    (root / "pkg" / "__init__.py").write_text("X = 1\n")
    (root / "pkg" / "sub" / "mod.py").write_text("Y = 2\n")
    (root / "pkg" / "data.json").write_text("{}\n")
    (root / "other").mkdir()
    (root / "other" / "__init__.py").write_text("")
    return root


def test_pycache_layout_and_sha256_listing_in_the_archive(tmp_path):
    root = site(tmp_path)
    result = pack(tmp_path, {"roots": [
        {"path": str(root), "exclude": ["pkg"]},
        {"path": str(root), "include": ["pkg"], "prefix": "__pyseal__/packages", "pycache": True,
         "digest_file": "__pyseal__/packages/pkg.sha256"}]}, "--out", str(tmp_path / "a.zip"))
    assert result.returncode == 0, result.stderr
    archive = zipfile.ZipFile(tmp_path / "a.zip")
    names = set(archive.namelist())
    tag = sys.implementation.cache_tag
    assert f"__pyseal__/packages/pkg/sub/__pycache__/mod.{tag}.pyc" in names
    assert "__pyseal__/packages/pkg/sub/mod.pyc" not in names
    assert "other/__init__.pyc" in names and "pkg/__init__.py" not in names
    listing = archive.read("__pyseal__/packages/pkg.sha256").decode().splitlines()
    listed = dict(reversed(line.split(" ", 1)) for line in listing)
    assert sorted(listed) == sorted(["pkg/__init__.py", f"pkg/__pycache__/__init__.{tag}.pyc", "pkg/data.json",
                                     "pkg/sub/mod.py", f"pkg/sub/__pycache__/mod.{tag}.pyc"])
    for name, digest in listed.items():
        assert hashlib.sha256(archive.read(f"__pyseal__/packages/{name}")).hexdigest() == digest


def test_a_tree_imports_from_its_pycache(tmp_path):
    root = site(tmp_path)
    tree = tmp_path / "tree"
    result = pack(tmp_path, {"roots": [{"path": str(root), "include": ["pkg"], "pycache": True}]},
                  "--out-dir", str(tree))
    assert result.returncode == 0, result.stderr
    files = sorted(str(p.relative_to(tree)) for p in tree.rglob("*") if p.is_file())
    tag = sys.implementation.cache_tag
    assert files == ["pkg/__init__.py", f"pkg/__pycache__/__init__.{tag}.pyc", "pkg/data.json",
                     f"pkg/sub/__pycache__/mod.{tag}.pyc", "pkg/sub/mod.py"]
    # the .pyc is what a file-system import reads: unchecked-hash, so the source is never compared
    pyc = (tree / "pkg" / "sub" / "__pycache__" / f"mod.{tag}.pyc").read_bytes()
    assert pyc[:4] == importlib.util.MAGIC_NUMBER and int.from_bytes(pyc[4:8], "little") == 1
    again = pack(tmp_path, {"roots": [{"path": str(root), "include": ["pkg"]}]}, "--out-dir", str(tree))
    assert again.returncode == 2 and "already exists" in again.stderr

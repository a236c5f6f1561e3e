# python/tests/test_imports.py
# Loaded by: pytest.
# Writes: only pytest tmp dirs (a site directory with a tiny app).
"""What `--stdlib imported` keeps: the stdlib modules an app reaches, found statically."""

import io
import json
import contextlib

import conftest  # noqa: F401  (puts python/ on sys.path)
from pyseal_pack import imports


def analyse(tmp_path, source, *modules):
    site = tmp_path / "site"
    (site / "app").mkdir(parents=True)
    (site / "app" / "__init__.py").write_text("")
    (site / "app" / "main.py").write_text(source)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert imports.main(["--site", str(site), *[a for m in modules for a in ("--module", m)]]) == 0
    return json.loads(out.getvalue())


def test_the_app_reaches_what_it_imports_anywhere_in_its_code(tmp_path):
    found = analyse(tmp_path, "import json\n\ndef later():\n    import sqlite3\n", "app.main")
    assert {"json", "json.decoder", "sqlite3", "_sqlite3"} <= set(found["modules"])
    assert {"json", "sqlite3"} <= set(found["top_level"])


def test_a_stdlib_function_importing_another_package_is_not_followed(tmp_path):
    # os.popen() imports subprocess only when called
    found = analyse(tmp_path, "import os\n", "app.main")
    assert "os" in found["modules"]
    assert "subprocess" not in found["modules"]
    assert "subprocess.py" not in found["top_level"]


def test_a_stdlib_function_importing_its_own_package_is_followed(tmp_path):
    # multiprocessing's context imports .pool when a Pool is made, and pool imports queue
    found = analyse(tmp_path, "import multiprocessing\n", "app.main")
    assert {"multiprocessing.pool", "queue"} <= set(found["modules"])


def test_imports_made_by_c_code_and_every_codec(tmp_path):
    found = analyse(tmp_path, "import time\n", "app.main")
    assert "_strptime" in found["modules"]  # time.strptime() imports it from C
    assert "encodings" in found["top_level"]  # codecs are looked up by name
    assert "traceback" in found["modules"]  # the launcher reports errors with it


def test_host_names_encoded_by_c_code_keep_the_idna_codec(tmp_path):
    found = analyse(tmp_path, "import socket\n", "app.main")
    assert {"encodings.idna", "stringprep", "unicodedata"} <= set(found["modules"])
    assert "stringprep.py" in found["top_level"]


def test_sysconfig_keeps_its_data_module_whatever_the_platform_calls_it(tmp_path):
    found = analyse(tmp_path, "import sysconfig\n", "app.main")
    assert "_sysconfigdata_*.py" in found["top_level"]
    without = analyse(tmp_path / "json", "import json\n", "app.main")
    assert not any(n.startswith("_sysconfigdata_") for n in without["top_level"])


def test_a_namespace_package_in_the_site_is_read_as_files(tmp_path):
    # no __init__.py: importlib finds it without a loader, which modulefinder cannot read
    site = tmp_path / "site"
    (site / "nsapp" / "sub").mkdir(parents=True)
    (site / "nsapp" / "sub" / "mod.py").write_text("import csv\n")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert imports.main(["--site", str(site), "--module", "nsapp.sub.mod"]) == 0
    found = json.loads(out.getvalue())
    assert "csv" in found["modules"]
    assert "csv.py" in found["top_level"]

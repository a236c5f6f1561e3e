# python/tests/test_libraries.py
# Loaded by: pytest.
# Writes: only pytest tmp dirs (a library prefix made with gcc, objects, a capture dir).
"""Libraries built on demand (pyseal_capture.libraries, config_shims): the compiler
wrapper and pkg-config asking a library server over its Unix socket, around real gcc.

The server here is a small Python stand-in for pyseal's (src/libraries/library-server.ts,
whose protocol test/libraries/library-server.test.ts checks with this client): it "builds"
a library by compiling it with gcc into a prefix when first asked.
"""

import json
import os
import socket
import subprocess
import sys
import threading

import pytest

import conftest
import fixture_packages
import helpers

sys.path.insert(0, conftest.SHIM_ROOT)
from pyseal_capture import config_shims, libraries, target_dirs  # noqa: E402

CC = os.path.join(conftest.SHIM_ROOT, "pyseal_capture", "bin", "pyseal-cc")
PKG_CONFIG = os.path.join(conftest.SHIM_ROOT, "pyseal_capture", "shims", "pkg-config")
INCLUDE = subprocess.run([sys.executable, "-c", "import sysconfig; print(sysconfig.get_paths()['include'])"],
                         stdout=subprocess.PIPE, text=True, check=True).stdout.strip()


class LibraryServer:
    """Answers header 'pysealdemo.h', library 'pysealdemo' and pkg-config 'pysealdemo' with a prefix built by gcc."""

    def __init__(self, root):
        self.root = str(root)
        self.prefix = os.path.join(self.root, "prefix")
        self.path = os.path.join(self.root, "socket")
        self.asked = []
        os.makedirs(self.root)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(self.path)
        self.sock.listen(8)
        threading.Thread(target=self._serve, daemon=True).start()

    def _build(self):
        if os.path.exists(os.path.join(self.prefix, "lib", "libpysealdemo.a")):
            return
        for d in ("include", "lib/pkgconfig", "src"):
            os.makedirs(os.path.join(self.prefix, d), exist_ok=True)
        with open(os.path.join(self.prefix, "include", "pysealdemo.h"), "w") as f:
            f.write("int pysealdemo_answer(void);\n")
        src = os.path.join(self.prefix, "src", "demo.c")
        with open(src, "w") as f:
            f.write("int pysealdemo_answer(void) { return 42; }\n")
        obj = src[:-2] + ".o"
        subprocess.run(["gcc", "-fPIC", "-c", src, "-o", obj], check=True)
        subprocess.run(["ar", "rcs", os.path.join(self.prefix, "lib", "libpysealdemo.a"), obj], check=True)
        with open(os.path.join(self.prefix, "lib", "pkgconfig", "pysealdemo.pc"), "w") as f:
            f.write("prefix=%s\nName: pysealdemo\nDescription: demo\nVersion: 1.0\n"
                    "Libs: -L${prefix}/lib -lpysealdemo\nCflags: -I${prefix}/include\n" % self.prefix)

    def _serve(self):
        while True:
            conn, _ = self.sock.accept()
            with conn:
                query = json.loads(conn.makefile().readline())
                self.asked.append((query["kind"], query["name"]))
                if query["name"] in ("pysealdemo.h", "pysealdemo"):
                    self._build()
                    answer = {"found": True, "recipe": "pysealdemo", "includeDirs": [os.path.join(self.prefix, "include")],
                              "libDir": os.path.join(self.prefix, "lib"),
                              "pkgConfigDir": os.path.join(self.prefix, "lib", "pkgconfig")}
                else:
                    answer = {"found": False}
                conn.sendall((json.dumps(answer) + "\n").encode())


@pytest.fixture
def server(tmp_path):
    return LibraryServer(tmp_path / "server")


def wrap(cmd, server, capture=None, **env):
    e = {"PYSEAL_REAL_CC": "gcc", "PYSEAL_LIBRARY_SOCKET": server.path}
    if capture:
        e["PYSEAL_CAPTURE_DIR"] = capture
        e["PYSEAL_CAPTURE_STRICT"] = "1"
    e.update(env)
    return conftest.run(cmd, env=e, check=False)


def test_missing_headers_and_libraries_are_read_from_gcc_ld_clang_and_lld(tmp_path):
    src = tmp_path / "m.c"
    src.write_text("#include <pyseal_nowhere.h>\n")
    gcc = subprocess.run(["gcc", "-c", str(src), "-o", str(tmp_path / "m.o")], stderr=subprocess.PIPE, text=True)
    assert libraries.missing_from_errors(gcc.stderr) == [("header", "pyseal_nowhere.h")]
    main = tmp_path / "main.c"
    main.write_text("int main(void) { return 0; }\n")
    ld = subprocess.run(["gcc", str(main), "-o", str(tmp_path / "main"), "-lpyseal_nowhere"],
                        stderr=subprocess.PIPE, text=True)
    assert libraries.missing_from_errors(ld.stderr) == [("library", "pyseal_nowhere")]
    # clang's and lld's words (zig cc, the glibc floor's compiler)
    clang = ("x.c:1:10: fatal error: 'libxml/xmlversion.h' file not found\nld.lld: error: unable to find library -lxslt\n"
             'error: unable to find dynamic system library "exslt" using strategy paths_first. searched paths: none\n')
    assert libraries.missing_from_errors(clang) == [("header", "libxml/xmlversion.h"), ("library", "xslt"),
                                                    ("library", "exslt")]


ZIG_FLOOR_CC = os.path.expanduser("~/.cache/pyseal/toolchain/zig-0.17.1/bin/cc-x86_64-linux-gnu.2.17")


@pytest.mark.skipif(not os.path.exists(ZIG_FLOOR_CC), reason="the glibc floor's zig driver is not in the cache yet")
def test_missing_headers_and_libraries_are_read_from_the_glibc_floor_driver(tmp_path):
    src = tmp_path / "m.c"
    src.write_text("#include <pyseal_nowhere.h>\n")
    cc = subprocess.run([ZIG_FLOOR_CC, "-c", str(src), "-o", str(tmp_path / "m.o")], stderr=subprocess.PIPE, text=True)
    assert libraries.missing_from_errors(cc.stderr) == [("header", "pyseal_nowhere.h")]
    src.write_text("int f(void) { return 0; }\n")
    ld = subprocess.run([ZIG_FLOOR_CC, "-shared", "-fPIC", str(src), "-o", str(tmp_path / "m.so"), "-lpyseal_nowhere"],
                        stderr=subprocess.PIPE, text=True)
    assert libraries.missing_from_errors(ld.stderr) == [("library", "pyseal_nowhere")]


def test_host_include_and_library_directories_are_dropped_when_asked(monkeypatch):
    args = ["-I/usr/include", "-I", "/usr/include/freetype2", "-isystem", "/usr/local/include", "-Iinclude",
            "-L/usr/lib/x86_64-linux-gnu", "-L", "/usr/lib", "-L/usr/lib/musl/lib", "-L/opt/lib", "-lz", "x.c"]
    monkeypatch.delenv(libraries.ENV_DROP_HOST_PATHS, raising=False)
    assert libraries.drop_host_paths(args) == args
    monkeypatch.setenv(libraries.ENV_DROP_HOST_PATHS, "1")
    assert libraries.drop_host_paths(args) == ["-Iinclude", "-L/usr/lib/musl/lib", "-L/opt/lib", "-lz", "x.c"]


def test_a_missing_header_and_library_are_built_and_the_link_recorded_with_them(tmp_path, server):
    src = tmp_path / "_demo.c"
    src.write_text(fixture_packages.c_module("_demo", "#include <pysealdemo.h>",
                                             "PyLong_FromLong(pysealdemo_answer())"))
    obj = tmp_path / "_demo.o"
    r = wrap([CC, "-fPIC", "-I", INCLUDE, "-c", str(src), "-o", str(obj)], server)
    assert r.returncode == 0, r.stdout
    assert "pysealdemo.h" not in r.stdout  # the failed first try is not shown
    capture = str(tmp_path / "capture")
    out = tmp_path / "build" / "lib.linux-x86_64-cpython-311" / "demo" / "_demo.cpython-311-x86_64-linux-gnu.so"
    out.parent.mkdir(parents=True)
    r = wrap([CC, "-shared", str(obj), "-o", str(out), "-lpysealdemo", "-L/usr/lib/x86_64-linux-gnu"], server,
             capture, PYSEAL_DROP_HOST_PATHS="1")
    assert r.returncode == 0, r.stdout
    assert server.asked == [("header", "pysealdemo.h"), ("library", "pysealdemo")]
    rec = helpers.records(capture)["demo._demo"]
    assert rec["libraries"] == ["pysealdemo"]
    # the built one added, the host's dropped (a prefix under the temp directory is also copied as a build's own)
    assert os.path.join(server.prefix, "lib") in rec["library_dirs"]
    assert "/usr/lib/x86_64-linux-gnu" not in rec["library_dirs"]


def test_a_header_no_recipe_provides_fails_as_it_would_have(tmp_path, server):
    src = tmp_path / "m.c"
    src.write_text("#include <pyseal_nowhere.h>\n")
    r = wrap([CC, "-c", str(src), "-o", str(tmp_path / "m.o")], server)
    assert r.returncode != 0
    assert "pyseal_nowhere.h" in r.stdout
    assert server.asked == [("header", "pyseal_nowhere.h")]


def test_pkg_config_answers_a_built_module_and_passes_others_on(tmp_path, server):
    env = {"PYSEAL_LIBRARY_SOCKET": server.path, "PKG_CONFIG_LIBDIR": str(tmp_path / "empty"), "PKG_CONFIG_PATH": ""}
    r = conftest.run([PKG_CONFIG, "--cflags", "--libs", "pysealdemo >= 1.0"], env=env, check=False)
    assert r.returncode == 0, r.stdout
    assert r.stdout.split() == ["-I" + os.path.join(server.prefix, "include"),
                                "-L" + os.path.join(server.prefix, "lib"), "-lpysealdemo"]
    r = conftest.run([PKG_CONFIG, "--exists", "pyseal-nowhere"], env=env, check=False)
    assert r.returncode != 0
    assert ("pkg-config", "pyseal-nowhere") in server.asked


def test_pkg_config_module_names_are_told_from_options_and_versions():
    assert config_shims.pkg_config_modules(["--cflags", "--atleast-version", "2.9", "libxml-2.0", "libxslt >= 1.1",
                                            "zlib", ">=", "1.2", "--variable=prefix"]) == ["libxml-2.0", "libxslt",
                                                                                             "zlib"]


def _probe_macros(tmp_path, name, **env):
    exe = conftest.PYTHONS["3.11"]
    if not os.path.exists(exe):
        pytest.skip("Python 3.11 not installed at %s" % exe)
    venv = conftest.Venv(str(tmp_path / name / "venv"), exe)
    src = str(tmp_path / name / "src")
    fixture_packages.probing(src)
    capture = str(tmp_path / name / "capture")
    r = venv.pip_wheel(src, str(tmp_path / name / "wheels"), capture, package="probe", extra_env=env)
    assert r.returncode == 0, r.stdout[-3000:]
    macros = [m[0] for m in helpers.records(capture)["probe._found"]["define_macros"]]
    return macros, helpers.intent(capture, "probe")


def test_a_target_build_probing_the_host_by_hand_does_not_find_the_hosts_libraries(tmp_path):
    # the build machine has zlib's header and archive: a host build finds both
    assert os.path.isfile("/usr/include/zlib.h")
    macros, intent = _probe_macros(tmp_path, "host")
    assert macros == ["PROBE_ZLIB_H", "PROBE_LIBZ"]
    assert intent["building"] == intent["modules"] == ["probe._found", "probe._zlib"]
    # a target build's compiler never holds the host's directories, nor searches them; the
    # module needing zlib is dropped by the setup.py, and the intent says it was not built on purpose
    macros, intent = _probe_macros(tmp_path, "target", PYSEAL_DROP_HOST_PATHS="1")
    assert macros == []
    assert intent["modules"] == ["probe._found", "probe._zlib"]
    assert intent["building"] == ["probe._found"]


def test_a_compiler_class_keeps_its_class_default_and_refuses_host_directories_however_added(monkeypatch):
    from setuptools._distutils.unixccompiler import UnixCCompiler

    monkeypatch.setenv(libraries.ENV_DROP_HOST_PATHS, "1")
    compiler_class = type("TargetCompiler", (UnixCCompiler,), {})
    target_dirs.patch_compiler_class(compiler_class)
    assert isinstance(compiler_class.include_dirs, list)  # distutils adds the class's own to each compile
    compiler = compiler_class()
    compiler.include_dirs = ["/usr/include", "/opt/target/include", "/usr/lib/musl/include"]
    compiler.add_include_dir("/usr/local/include/freetype2")
    compiler.include_dirs.insert(0, "/usr/include")
    compiler.include_dirs += ["/usr/include/x86_64-linux-gnu", "include"]
    assert compiler.include_dirs == ["/opt/target/include", "/usr/lib/musl/include", "include"]
    compiler.set_library_dirs(["/lib/x86_64-linux-gnu", "/opt/target/lib"])
    assert compiler.library_dirs == ["/opt/target/lib"]
    assert compiler.find_library_file(["/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu"], "c") is None



def test_pkg_config_does_not_find_itself_when_another_copy_of_the_shim_module_is_loaded(tmp_path):
    # The shim script run from this pyseal's shims/ while the build Python's .pth had loaded
    # another pyseal's pyseal_capture (two installs sharing one cache): the real pkg-config is
    # the next one on PATH, not this script again (which would call itself without end).
    other = tmp_path / "other"
    (other / "pyseal_capture").mkdir(parents=True)
    for name in ("__init__.py", "config_shims.py", "libraries.py"):
        with open(os.path.join(conftest.SHIM_ROOT, "pyseal_capture", name)) as f:
            (other / "pyseal_capture" / name).write_text(f.read())
    script = ("import sys; sys.path.insert(0, %r); from pyseal_capture import config_shims; "
              "sys.argv = [%r]; print(config_shims.SHIM_DIR); print(config_shims.real_program('pkg-config'))"
              % (str(other), PKG_CONFIG))
    path = os.pathsep.join([os.path.dirname(PKG_CONFIG), os.environ["PATH"]])
    r = conftest.run([sys.executable, "-c", script], env={"PATH": path}, timeout=30)
    loaded_from, real = r.stdout.split()
    assert loaded_from.startswith(str(other))
    assert os.path.basename(real) == "pkg-config" and os.path.dirname(real) != os.path.dirname(PKG_CONFIG)

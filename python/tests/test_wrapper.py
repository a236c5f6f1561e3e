# python/tests/test_wrapper.py
# Loaded by: pytest.
# Writes: only pytest tmp dirs (objects, shared objects, capture dirs, a venv).
"""The pyseal-cc / pyseal-c++ compiler wrapper, run for real around gcc / g++."""

import json
import os
import shutil
import subprocess
import sys

import pytest

import conftest
import fixture_packages
import helpers
from pyseal_capture import archives

BIN = os.path.join(conftest.SHIM_ROOT, "pyseal_capture", "bin")
CC = os.path.join(BIN, "pyseal-cc")
CXX = os.path.join(BIN, "pyseal-c++")
WRAPPER_PY = os.path.join(conftest.SHIM_ROOT, "pyseal_capture", "wrapper.py")
INCLUDE = subprocess.run([sys.executable, "-c", "import sysconfig; print(sysconfig.get_paths()['include'])"],
                         stdout=subprocess.PIPE, text=True, check=True).stdout.strip()


def wrap(cmd, capture=None, cwd=None, **env):
    e = {"PYSEAL_REAL_CC": "gcc", "PYSEAL_REAL_CXX": "g++"}
    if capture:
        e["PYSEAL_CAPTURE_DIR"] = capture
        e["PYSEAL_CAPTURE_STRICT"] = "1"
    e.update(env)
    return conftest.run(cmd, env=e, cwd=cwd, check=False)


@pytest.fixture
def c_source(tmp_path):
    src = tmp_path / "_w.c"
    src.write_text(fixture_packages.c_module("_w", "#include <zlib.h>", "PyUnicode_FromString(zlibVersion())"))
    return src


@pytest.mark.skipif(not shutil.which("rustc"), reason="rustc is not on this machine")
def test_rustc_cdylib_link_is_recorded_as_rust(tmp_path):
    """rustc links a cdylib through the wrapper (cargo's linker): the record is named after the
    crate, not the lib<crate>.so file, and holds the crate's objects and std's .rlib's."""
    capture = str(tmp_path / "capture")
    src = tmp_path / "rsmod.rs"
    src.write_text("#[no_mangle]\npub extern \"C\" fn PyInit_rsmod() -> usize { 42 }\n")
    deps = tmp_path / "target" / "release" / "deps"
    deps.mkdir(parents=True)
    r = wrap(["rustc", "--crate-type", "cdylib", "--crate-name", "rsmod", "-C", "linker=" + CC,
              "-C", "opt-level=1", str(src), "--out-dir", str(deps)], capture)
    assert r.returncode == 0, r.stdout
    assert (deps / "librsmod.so").is_file()
    recs = helpers.records(capture)
    assert sorted(recs) == ["rsmod"]
    rec = recs["rsmod"]
    assert rec["language"] == "rust"
    assert rec["init_fn_found"] is True
    names = [os.path.basename(o) for o in rec["objects"]]
    assert any(n.endswith(".rlib") and "libstd-" in n for n in names), names
    assert any(n.endswith(".o") and "rsmod" in n for n in names), names


@pytest.mark.skipif(not shutil.which("rustc"), reason="rustc is not on this machine")
def test_rust_module_named_after_its_pyinit_not_its_crate(tmp_path):
    """cryptography's crate cryptography_rust defines PyInit__rust and one PyInit_ per submodule:
    the record is the module's."""
    capture = str(tmp_path / "capture")
    src = tmp_path / "lib.rs"
    src.write_text("#[no_mangle]\npub extern \"C\" fn PyInit__inner() -> usize { 7 }\n"
                   "#[no_mangle]\npub extern \"C\" fn PyInit_submodule() -> usize { 8 }\n")
    deps = tmp_path / "target" / "release" / "deps"
    deps.mkdir(parents=True)
    r = wrap(["rustc", "--crate-type", "cdylib", "--crate-name", "outer_rust", "-C", "linker=" + CC,
              str(src), "--out-dir", str(deps)], capture)
    assert r.returncode == 0, r.stdout
    recs = helpers.records(capture)
    assert sorted(recs) == ["_inner"]
    assert recs["_inner"]["init_fn"] == "PyInit__inner" and recs["_inner"]["language"] == "rust"


# zig as pyseal installs it (src/toolchain/zig.ts): the glibc-floor driver's compiler.
ZIG = os.path.join(os.path.expanduser("~"), ".cache", "pyseal", "toolchain", "zig-0.17.1", "ziglang", "zig")


@pytest.mark.skipif(not shutil.which("rustc") or not os.path.exists(ZIG), reason="needs rustc and pyseal's zig")
def test_rustc_link_through_zig_takes_a_static_only_library_and_the_cc_crates_target(tmp_path):
    """Through zig (the glibc floor's driver): a library rustc asks for after -Bdynamic that has
    only a static archive (openssl-sys's -lssl against pyseal's OpenSSL) links, and is recorded
    as -l<name>; the cc crate's --target=<Rust triple>, which zig refuses, is dropped."""
    real_cc = "%s cc -target x86_64-linux-gnu.2.17" % ZIG
    libdir = tmp_path / "lib"
    libdir.mkdir()
    (tmp_path / "answer.c").write_text("unsigned answer(void) { return 42; }\n")
    obj = tmp_path / "answer.o"
    r = wrap([CC, "--target=x86_64-unknown-linux-gnu", "-fPIC", "-c", str(tmp_path / "answer.c"), "-o", str(obj)],
             PYSEAL_REAL_CC=real_cc)
    assert r.returncode == 0, r.stdout
    subprocess.run(["ar", "rcs", str(libdir / "libanswer.a"), str(obj)], check=True)
    src = tmp_path / "rsans.rs"
    src.write_text('#[link(name = "answer")]\nextern "C" { fn answer() -> u32; }\n'
                   "#[no_mangle]\npub extern \"C\" fn PyInit_rsans() -> u32 { unsafe { answer() } }\n")
    capture = str(tmp_path / "capture")
    deps = tmp_path / "target" / "release" / "deps"
    deps.mkdir(parents=True)
    r = wrap(["rustc", "--crate-type", "cdylib", "--crate-name", "rsans", "-C", "linker=" + CC, "-L",
              str(libdir), str(src), "--out-dir", str(deps)], capture, PYSEAL_REAL_CC=real_cc)
    assert r.returncode == 0, r.stdout
    assert "answer" in helpers.records(capture)["rsans"]["libraries"]


def test_direct_gcc_shared_link_is_recorded(tmp_path, c_source):
    capture = str(tmp_path / "capture")
    obj = tmp_path / "tmpbuild" / "_w.o"
    obj.parent.mkdir()
    r = wrap([CC, "-fPIC", "-I", INCLUDE, "-DWRAPPED=2", "-c", str(c_source), "-o", str(obj)], capture)
    assert r.returncode == 0, r.stdout
    assert not os.path.exists(os.path.join(capture, "records"))  # compiling records nothing
    out = tmp_path / "build" / "lib.linux-x86_64-cpython-311" / "wpkg" / "sub" / "_w.cpython-311-x86_64-linux-gnu.so"
    out.parent.mkdir(parents=True)
    r = wrap([CC, "-shared", str(obj), "-o", str(out), "-L/opt/nowhere", "-lz",
              "-Wl,-rpath,/opt/rp", "-Wl,--as-needed"], capture)
    assert r.returncode == 0, r.stdout
    assert out.is_file()  # the real link ran
    recs = helpers.records(capture)
    assert sorted(recs) == ["wpkg.sub._w"]
    rec = recs["wpkg.sub._w"]
    helpers.check_record(rec, "wpkg.sub._w", capture, "compiler-wrapper")
    assert rec["libraries"] == ["z"]
    assert rec["library_dirs"] == ["/opt/nowhere"]
    assert rec["runtime_library_dirs"] == ["/opt/rp"]
    assert "-Wl,--as-needed" in rec["extra_link_args"]
    assert rec["module_guess"] is False
    assert rec["language"] == "c"
    assert rec["compiler"].endswith("gcc")
    assert rec["package"] is None


def test_wrapper_py_as_script_one_step_cxx_guessed_name(tmp_path):
    """`<python> wrapper.py --pyseal-lang=c++` with sources on the link line; no package root."""
    capture = str(tmp_path / "capture")
    src = tmp_path / "vec.cpp"
    src.write_text("#include <Python.h>\n#include <vector>\n"
                   "static struct PyModuleDef d = {PyModuleDef_HEAD_INIT, \"_cx\", nullptr, -1, nullptr};\n"
                   "PyMODINIT_FUNC PyInit__cx(void) { std::vector<int> v(3); (void)v; return PyModule_Create(&d); }\n")
    out = tmp_path / "out-dir" / "_cx.so"
    out.parent.mkdir()
    r = wrap([sys.executable, WRAPPER_PY, "--pyseal-lang=c++", "-shared", "-fPIC", "-I" + INCLUDE,
              str(src), "-o", str(out)], capture)
    assert r.returncode == 0, r.stdout
    assert out.is_file()
    rec = helpers.records(capture)["_cx"]
    helpers.check_record(rec, "_cx", capture, "compiler-wrapper")
    assert rec["module_guess"] is True
    assert rec["language"] == "c++"
    assert rec["compiler"].endswith("g++")


def test_exit_status_and_output_pass_through(tmp_path):
    capture = str(tmp_path / "capture")
    bad = tmp_path / "bad.c"
    bad.write_text("int f(void) { return undeclared_thing; }\n")
    direct = subprocess.run(["gcc", "-c", str(bad), "-o", str(tmp_path / "a.o")], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    r = wrap([CC, "-c", str(bad), "-o", str(tmp_path / "b.o")], capture)
    assert direct.returncode != 0 and r.returncode == direct.returncode
    assert "undeclared_thing" in r.stdout
    # a failing link: same status, nothing recorded
    r = wrap([CC, "-shared", str(tmp_path / "missing.o"), "-o", str(tmp_path / "pkg" / "_m.cpython-311-x86_64-linux-gnu.so")],
             capture)
    assert r.returncode != 0
    assert helpers.records(capture) == {}
    # version query works through the script form too
    r = wrap([sys.executable, WRAPPER_PY, "--version"], capture)
    assert r.returncode == 0 and "gcc" in r.stdout.lower()


def test_plain_shared_library_is_not_recorded(tmp_path):
    capture = str(tmp_path / "capture")
    src = tmp_path / "foo.c"
    src.write_text("int foo(void) { return 1; }\n")
    r = wrap([CC, "-shared", "-fPIC", str(src), "-o", str(tmp_path / "libfoo.so")], capture)
    assert r.returncode == 0, r.stdout
    assert helpers.records(capture) == {}
    assert [s["module"] for s in helpers.skipped(capture)] == ["libfoo"]


def test_without_capture_dir_wrapper_only_runs_compiler(tmp_path, c_source):
    out = tmp_path / "site-packages" / "x" / "_w.cpython-311-x86_64-linux-gnu.so"
    out.parent.mkdir(parents=True)
    r = wrap([CC, "-shared", "-fPIC", "-I" + INCLUDE, str(c_source), "-o", str(out), "-lz"])
    assert r.returncode == 0, r.stdout
    assert out.is_file()
    assert not (tmp_path / "capture").exists()


@pytest.mark.parametrize("version", sorted(conftest.PYTHONS))
def test_pip_build_through_wrapper(version, tmp_path):
    """CC/LDSHARED = pyseal-cc in a real pip build: without the .pth the wrapper
    records (name from build/lib.*); with the hooks active the distutils record wins."""
    exe = conftest.PYTHONS[version]
    if not os.path.exists(exe):
        pytest.skip("no Python " + version)
    env = {"CC": CC, "LDSHARED": CC + " -shared", "PYSEAL_REAL_CC": "gcc"}
    src = str(tmp_path / "plainc")
    fixture_packages.plain_c(src)

    def capture(name, with_pth, capture_path):
        venv = conftest.Venv(str(tmp_path / name), exe, with_pth=with_pth)
        cap = str(tmp_path / ("cap-" + name))
        r = venv.pip_wheel(src, str(tmp_path / ("w-" + name)), cap, package="plainc", extra_env=env)
        assert r.returncode == 0
        rec = helpers.records(cap)["plainc._speed"]
        helpers.check_record(rec, "plainc._speed", cap, capture_path)
        return cap, rec

    _, rec = capture("bare", False, "compiler-wrapper")
    assert rec["libraries"] == ["z"] and rec["module_guess"] is False
    cap2, _ = capture("hooked", True, "setuptools._distutils")
    assert any("already recorded" in s.get("reason", "") for s in helpers.skipped(cap2))


def test_build_paths_are_mapped_out_of_objects(tmp_path):
    """The same source compiled in two directories (and two cache roots) gives the same object."""
    objects = []
    for place in ("one", "two/deeper"):
        build = tmp_path / place / "build"
        build.mkdir(parents=True)
        (build / "m.c").write_text('const char *where(void) { return __FILE__; }\n')
        cache = tmp_path / place / "cache"
        header_dir = cache / "include"
        header_dir.mkdir(parents=True)
        (header_dir / "h.h").write_text('static const char *header = __FILE__;\n')
        (build / "n.c").write_text('#include "h.h"\nconst char *hdr(void) { return header; }\n')
        r = wrap([CC, "-c", "m.c", "n.c", "-I" + str(header_dir)], cwd=str(build),
                 PYSEAL_FILE_PREFIX_MAPS="%s=/pyseal-cache" % cache)
        assert r.returncode == 0, r.stderr
        objects.append(((build / "m.o").read_bytes(), (build / "n.o").read_bytes()))
    assert objects[0] == objects[1]
    assert b"/pyseal-cache/include/h.h" in objects[0][1]


def _module_source(path, name):
    path.write_text(fixture_packages.c_module(name))
    return path


def test_bare_guesses_of_two_build_trees_keep_their_own_captures(tmp_path):
    """CMake build trees (two packages' `lib`) do not mirror the package path: each link is kept
    under its guess and its output's hash, so neither overwrites the other's record or objects."""
    capture = str(tmp_path / "capture")
    outputs = []
    for tree in ("one", "two"):
        build = tmp_path / tree / "build" / "src"
        build.mkdir(parents=True)
        src = _module_source(build / "lib.c", "lib")
        out = build / "lib.cpython-311-x86_64-linux-gnu.so"
        r = wrap([CC, "-shared", "-fPIC", "-I" + INCLUDE, str(src), "-o", str(out)], capture)
        assert r.returncode == 0, r.stdout
        outputs.append(str(out))
    names = sorted(os.listdir(os.path.join(capture, "records")))
    assert len(names) == 2 and all(n.startswith("lib@") for n in names), names
    for name in names:
        with open(os.path.join(capture, "records", name), encoding="utf-8") as f:
            rec = json.load(f)
        assert rec["module"] == "lib" and rec["module_guess"] is True
        assert rec["record_key"] + ".json" == name
        helpers.check_record(rec, "lib", capture, "compiler-wrapper")
    assert sorted(json.load(open(os.path.join(capture, "records", n)))["output"] for n in names) == sorted(outputs)


def test_shared_library_given_by_path_is_a_library_and_host_folders_stay_out(tmp_path):
    """CMake names libraries by path: /usr/lib/.../libz.so is -lz (linked from the target's
    static archive later), and its folder, the build machine's, is not searched."""
    capture = str(tmp_path / "capture")
    libz = os.path.normpath(subprocess.run(["gcc", "-print-file-name=libz.so"], stdout=subprocess.PIPE,
                                           text=True).stdout.strip())
    if not os.path.isabs(libz):
        pytest.skip("no libz.so on this machine")
    src = tmp_path / "_z.c"
    src.write_text(fixture_packages.c_module("_z", "#include <zlib.h>", "PyUnicode_FromString(zlibVersion())"))
    out = tmp_path / "build" / "_z.cpython-311-x86_64-linux-gnu.so"
    out.parent.mkdir()
    r = wrap([CC, "-shared", "-fPIC", "-I" + INCLUDE, str(src), "-o", str(out), libz], capture)
    assert r.returncode == 0, r.stdout
    (rec,) = helpers.records(capture).values()
    assert rec["libraries"] == ["z"]
    assert os.path.dirname(libz) not in rec["library_dirs"]
    assert rec["shared_inputs"] == [libz]


def test_link_time_optimization_is_turned_off_while_capturing(tmp_path):
    """-flto would leave GIMPLE in the objects, which a relocatable link of a built-in cannot
    take: while capturing, every compile ends in -fno-lto. Without capture, -flto stays."""
    src = tmp_path / "f.c"
    src.write_text("int f(int x) { return x * 3; }\n")
    captured, plain = tmp_path / "captured.o", tmp_path / "plain.o"
    r = wrap([CC, "-flto", "-O2", "-c", str(src), "-o", str(captured)], str(tmp_path / "capture"))
    assert r.returncode == 0, r.stdout
    r = wrap([CC, "-flto", "-O2", "-c", str(src), "-o", str(plain)])
    assert r.returncode == 0, r.stdout
    assert b".gnu.lto_" in plain.read_bytes()
    assert b".gnu.lto_" not in captured.read_bytes()
    assert "f" in helpers.defined_symbols(str(captured))


def test_meson_link_line_thin_archives_in_a_group_hidden_kernels(tmp_path):
    """A link as meson writes it: the module's objects in `<name>.so.p/`, its own static
    libraries as thin archives (relative member paths) inside -Wl,--start-group, and a
    kernel the module calls through a hidden symbol defined in one of them."""
    capture = str(tmp_path / "capture")
    build = tmp_path / ".mesonpy-abc"
    (build / "libkernel.a.p").mkdir(parents=True)
    (build / "_k.cpython-311-x86_64-linux-gnu.so.p").mkdir()
    (build / "kernel.c").write_text('__attribute__((visibility("hidden"))) int kernel_AVX2(int x) { return x * 7; }\n')
    (build / "mod.c").write_text(
        fixture_packages.c_module("_k", "int kernel_AVX2(int);", "PyLong_FromLong(kernel_AVX2(6))"))
    module_obj = "_k.cpython-311-x86_64-linux-gnu.so.p/mod.c.o"
    for src, obj in (("kernel.c", "libkernel.a.p/kernel.c.o"), ("mod.c", module_obj)):
        r = wrap([CC, "-fPIC", "-I" + INCLUDE, "-c", src, "-o", obj], capture, cwd=str(build))
        assert r.returncode == 0, r.stdout
    subprocess.run(["ar", "csrDT", "libkernel.a", "libkernel.a.p/kernel.c.o"], cwd=str(build), check=True)
    r = wrap([CC, "-o", "_k.cpython-311-x86_64-linux-gnu.so", module_obj,
              "-Wl,--as-needed", "-Wl,--allow-shlib-undefined", "-shared", "-fPIC", "-Wl,--start-group",
              "libkernel.a", "-Wl,--end-group"], capture, cwd=str(build))
    assert r.returncode == 0, r.stdout
    rec = helpers.records(capture)["_k"]
    (archive,) = rec["archives"]
    assert not archives.is_thin(archive)
    merged = str(tmp_path / "merged.o")
    subprocess.run(["ld", "-r", "-o", merged] + rec["objects"] + ["--start-group", archive, "--end-group"], check=True)
    assert {"PyInit__k", "kernel_AVX2"} <= helpers.defined_symbols(merged)

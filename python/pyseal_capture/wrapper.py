#!/usr/bin/env python3
# pyseal_capture/wrapper.py
# Loaded by: bin/pyseal-cc and bin/pyseal-c++ (set by pyseal as CC / CXX /
#   LDSHARED), or run directly as `<python> .../pyseal_capture/wrapper.py ARGS`.
# Writes: nothing for compile steps; after a successful `-shared` link, under
#   $PYSEAL_CAPTURE_DIR: records/<module>.json (capture "compiler-wrapper") and
#   objects/<module>/ copies, or a line in skipped.jsonl.
"""Compiler/linker wrapper for builds that never touch distutils.

Runs the real compiler ($PYSEAL_REAL_CC or $PYSEAL_REAL_CXX) with the same
arguments; output and exit status pass through unchanged, except that for a
target build the host's include and library directories are dropped and a
missing library pyseal has a recipe for is built and added (libraries.py). Only a successful
``-shared`` link whose output looks like a Python extension (a tagged file name
such as .cpython-311-x86_64-linux-gnu.so, or an input defining PyInit_<name>)
is recorded. A module already recorded by the distutils hooks is left alone.
"""

import os
import re
import shlex
import subprocess
import sys
import tempfile

try:
    from . import libraries, records
except ImportError:  # run as a plain script: <python> .../pyseal_capture/wrapper.py
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from pyseal_capture import libraries, records

_SOURCE_SUFFIXES = records.C_SOURCE_SUFFIXES + records.CXX_SOURCE_SUFFIXES
_OBJECT_SUFFIXES = (".o", ".obj", ".lo")
_ARCHIVE_SUFFIXES = (".a", ".lib")
_NOT_LINK = ("-c", "-E", "-S", "-M", "-MM", "--version", "-v", "-dumpversion", "-dumpmachine")
# flags whose value is the next argument
_WITH_VALUE = ("-o", "-l", "-L", "-I", "-D", "-U", "-x", "-include", "-isystem", "-MF", "-MT",
               "-MQ", "-Xlinker", "-T", "-arch", "-isysroot", "-iquote", "-idirafter", "-z",
               "-u", "-e", "--sysroot", "-imacros", "-target")
_DEPTH_ENV = "PYSEAL_WRAPPER_DEPTH"
# OLD=NEW pairs (os.pathsep-separated) pyseal sets so build paths never reach the objects.
_PREFIX_MAPS_ENV = "PYSEAL_FILE_PREFIX_MAPS"


def expand_response_files(args, cwd=None, _depth=0):
    out = []
    for a in args:
        if a.startswith("@") and len(a) > 1 and _depth < 8:
            path = os.path.join(cwd or os.getcwd(), a[1:])
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    out.extend(expand_response_files(shlex.split(f.read()), cwd, _depth + 1))
                continue
            except OSError:
                pass
        out.append(a)
    return out


def parse_link(args):
    """Split a compiler-driver link command line into its parts."""
    p = {"output": None, "objects": [], "archives": [], "whole_archives": [], "shared_inputs": [],
         "sources": [], "libraries": [], "library_dirs": [], "rpath": [], "link_args": [], "macros": [],
         "compile_args": [], "lang": None}
    # inside a --whole-archive ... --no-whole-archive group: archives are taken whole
    whole = False
    i = 0
    n = len(args)
    while i < n:
        a = args[i]
        nxt = args[i + 1] if i + 1 < n else None
        if a in _WITH_VALUE and nxt is not None:
            i += 2
            if a == "-o":
                p["output"] = nxt
            elif a == "-l":
                p["libraries"].append(nxt)
            elif a == "-L":
                p["library_dirs"].append(nxt)
            elif a == "-D":
                p["macros"].append(_macro(nxt))
                p["compile_args"] += [a, nxt]
            elif a in ("-I", "-U", "-include", "-isystem", "-iquote", "-idirafter", "-imacros"):
                p["compile_args"] += [a, nxt]
            elif a == "-x":
                p["lang"] = nxt
                p["compile_args"] += [a, nxt]
            elif a in ("-MF", "-MT", "-MQ"):
                pass
            elif a == "-Xlinker":
                whole = _whole_archive_state(nxt, whole)
                p["link_args"] += [a, nxt]
            else:
                p["link_args"] += [a, nxt]
                p["compile_args"] += [a, nxt] if a in ("-arch", "-isysroot", "--sysroot", "-target") else []
            continue
        i += 1
        if a.startswith("-o") and len(a) > 2:
            p["output"] = a[2:]
        elif a.startswith("-l") and len(a) > 2:
            p["libraries"].append(a[2:])
        elif a.startswith("-L") and len(a) > 2:
            p["library_dirs"].append(a[2:])
        elif a.startswith("-D") and len(a) > 2:
            p["macros"].append(_macro(a[2:]))
            p["compile_args"].append(a)
        elif a.startswith(("-I", "-U", "-std=", "-f", "-m", "-O", "-g", "-W", "-isystem", "-pthread")) \
                and not a.startswith("-Wl,"):
            p["compile_args"].append(a)
            if a.startswith(("-f", "-m", "-O", "-g", "-pthread")):
                p["link_args"].append(a)
        elif a.startswith("-Wl,"):
            parts = a[4:].split(",")
            rest = []
            j = 0
            while j < len(parts):
                q = parts[j]
                if q in ("-rpath", "-R", "--rpath") and j + 1 < len(parts):
                    p["rpath"].append(parts[j + 1])
                    j += 2
                    continue
                if q.startswith(("-rpath=", "--rpath=")):
                    p["rpath"].append(q.split("=", 1)[1])
                elif q.startswith("-R") and len(q) > 2 and q[2] != "-":
                    p["rpath"].append(q[2:])
                else:
                    whole = _whole_archive_state(q, whole)
                    rest.append(q)
                j += 1
            if rest:
                p["link_args"].append("-Wl," + ",".join(rest))
        elif a == "-shared":
            pass
        elif a.startswith("-"):
            p["link_args"].append(a)
        elif a.endswith(_OBJECT_SUFFIXES):
            p["objects"].append(a)
        elif a.endswith(_ARCHIVE_SUFFIXES):
            p["whole_archives" if whole else "archives"].append(a)
        elif a.endswith(_SOURCE_SUFFIXES):
            p["sources"].append(a)
        elif ".so" in os.path.basename(a) or a.endswith((".dylib", ".dll")):
            p["shared_inputs"].append(a)
        else:
            p["objects"].append(a)  # an input with an unusual name: let the linker decide
    return p


def _whole_archive_state(option, whole):
    """Whether archives after this linker option are taken whole."""
    if option in ("--whole-archive", "-whole-archive"):
        return True
    if option in ("--no-whole-archive", "-no-whole-archive"):
        return False
    return whole


def _macro(text):
    name, eq, value = text.partition("=")
    return [name, value if eq else None]


def _file_mentions(path, needle):
    try:
        with open(path, "rb") as f:
            return needle in f.read()
    except OSError:
        return False


def _compile_sources(real, parsed, tmpdir, cwd):
    objs = []
    for n, src in enumerate(parsed["sources"]):
        obj = os.path.join(tmpdir, "%d-%s.o" % (n, os.path.splitext(os.path.basename(src))[0]))
        cmd = real + parsed["compile_args"] + ["-fPIC", "-c", src, "-o", obj]
        r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if r.returncode != 0:
            raise RuntimeError("recompiling %s for capture failed: %s" % (src, r.stderr.decode(errors="replace")[-2000:]))
        objs.append(obj)
    return objs


def record_link(real, args, lang, cwd=None):
    """Record one successful shared link. Returns the record or None."""
    root = records.capture_dir()
    cwd = cwd or os.getcwd()
    parsed = parse_link(expand_response_files(args, cwd))
    if not parsed["output"]:
        return None
    output = os.path.abspath(os.path.join(cwd, parsed["output"]))
    rust_crate = _rust_cdylib_crate(output, parsed)
    rust_inits = _pyinit_names(output) if rust_crate else []
    if rust_crate:
        module, guess = _rust_module(rust_crate, rust_inits), True
    else:
        module, guess = records.infer_module(output)
    key = records.record_key(module, guess, output)
    entry = {"output": output, "module": module, "capture": records.CAPTURE_WRAPPER}
    if os.environ.get(records.ENV_FOREIGN):
        entry["reason"] = "linked during a build of " + os.environ[records.ENV_FOREIGN]
        records.log_skipped(entry)
        return None

    # the distutils hooks win
    prev = records.existing_record(root, module)
    if prev and prev.get("capture") != records.CAPTURE_WRAPPER:
        entry["reason"] = "already recorded by " + str(prev.get("capture"))
        records.log_skipped(entry)
        return None
    for rec in records.iter_records(root):
        if rec.get("output") == output and rec.get("capture") != records.CAPTURE_WRAPPER:
            entry["reason"] = "output already recorded by " + str(rec.get("capture"))
            records.log_skipped(entry)
            return None

    with tempfile.TemporaryDirectory(prefix="pyseal-cc-") as tmp:
        extra_objs = _compile_sources(real, parsed, tmp, cwd) if parsed["sources"] else []
        objects = [os.path.join(cwd, o) for o in parsed["objects"]] + extra_objs
        archives = [os.path.join(cwd, a) for a in parsed["archives"]]
        whole = [os.path.join(cwd, a) for a in parsed["whole_archives"]]
        needle = records.init_fn_for(module).encode() + b"\0"
        # A Rust cdylib exports its PyInit_'s (a crate with none is a proc-macro, not a module).
        has_init = bool(rust_inits) or any(_file_mentions(f, needle) for f in objects + archives + whole)
        if not (has_init or records.looks_like_python_extension(output)):
            entry["reason"] = "no %s in the inputs and not an extension file name" % needle[:-1].decode()
            records.log_skipped(entry)
            return None
        shared = [os.path.abspath(os.path.join(cwd, s)) for s in parsed["shared_inputs"]]
        libraries, shared_dirs = _libraries_given_by_path(shared, parsed["libraries"])
        inputs = records.capture_link_inputs(
            root, key, objects, archives=archives, whole_archives=whole, libraries=libraries,
            library_dirs=[os.path.join(cwd, d) for d in parsed["library_dirs"]] + shared_dirs)

    cxx = (lang == "c++" or records.is_cxx_driver(real[-1] if real else "")
           or any(records.is_cxx_source(s) for s in parsed["sources"])
           or parsed["lang"] == "c++" or "stdc++" in parsed["libraries"])
    import shutil

    compiler = real[-1] if real else None
    if compiler and not os.path.isabs(compiler):
        compiler = shutil.which(compiler) or compiler
    copied = inputs.pop("objects")
    rec = records.make_record(
        module,
        records.CAPTURE_WRAPPER,
        copied,
        libraries=libraries,
        runtime_library_dirs=parsed["rpath"],
        extra_link_args=parsed["link_args"],
        extra_objects_from_user=archives + whole,
        shared_inputs=shared,
        define_macros=parsed["macros"],
        compiler=compiler,
        language="rust" if rust_crate else "c++" if cxx else "c",
        module_guess=guess,
        output=output,
        output_sha256=records.file_sha256(output),
        sources=[os.path.abspath(os.path.join(cwd, s)) for s in parsed["sources"]],
        linker=real,
        init_fn_found=has_init,
        **inputs
    )
    if key != module:
        rec["record_key"] = key
    records.write_record(root, rec)
    return rec


# cargo links a cdylib as target/<profile>/deps/lib<crate>.so (lib<crate>-<hash>.so with
# -C extra-filename), with the .rlib's of std and every dependency among its inputs.
_CARGO_CDYLIB_NAME = re.compile(r"^lib([A-Za-z_][A-Za-z0-9_]*?)(-[0-9a-f]{16})?\.so$")


def _rust_cdylib_crate(output, parsed):
    """The crate's name when this is rustc's link of a cdylib, else None. maturin and
    setuptools-rust name the module after the crate's lib name unless told otherwise; the
    installed file's name corrects the guess (src/packages/record-names.ts)."""
    if not any(o.endswith(".rlib") for o in parsed["objects"]):
        return None
    match = _CARGO_CDYLIB_NAME.match(os.path.basename(output))
    return match.group(1) if match else None


_PYINIT_NAME = re.compile(rb"PyInit_([A-Za-z0-9_]+)\0")


def _pyinit_names(output):
    """The PyInit_ functions a linked cdylib defines, from its bytes (its dynamic symbols)."""
    try:
        with open(output, "rb") as f:
            return sorted({m.decode() for m in _PYINIT_NAME.findall(f.read())})
    except OSError:
        return []


def _rust_module(crate, inits):
    """The module a Rust cdylib is: PyO3 names PyInit_ after the #[pymodule], which need not be
    the crate (bcrypt's crate bcrypt_rust defines PyInit__bcrypt). A crate with submodules
    exports one PyInit_ for each (cryptography_rust: _rust, aead, asn1, ...): the one PyO3's
    convention names with a leading underscore, else the crate's name. A guess either way: the
    installed file with the link's bytes names the record (src/packages/record-names.ts)."""
    if len(inits) == 1:
        return inits[0]
    private = [name for name in inits if name.startswith("_")]
    return private[0] if len(private) == 1 else crate


_SHARED_LIBRARY_NAME = re.compile(r"^lib(.+)\.so(\.\d+)*$")


def _libraries_given_by_path(shared_inputs, libraries):
    """A shared library given by its full path (CMake's way: /usr/lib/.../libz.so) is a library
    like -lz: the built-in links its static archive, found for the target. Its folder is searched
    too when the package's build made it (a static twin may lie there); a folder of the build
    machine never is, as it holds the machine's libraries, not the target's."""
    names, dirs = list(libraries), []
    for path in shared_inputs:
        match = _SHARED_LIBRARY_NAME.match(os.path.basename(path))
        if not match:
            continue
        if match.group(1) not in names:
            names.append(match.group(1))
        folder = os.path.dirname(path)
        if records.in_build_tree(folder, records.capture_dir()) and folder not in dirs:
            dirs.append(folder)
    return names, dirs


# A folder whose libgcc_s.a is the unwinder rustup ships for a musl target (src/packages/cargo-env.ts).
_RUST_UNWIND_DIR_ENV = "PYSEAL_RUST_UNWIND_DIR"


def _with_rust_unwinder(args):
    """rustc's link of a musl cdylib (crt-static off, as maturin and setuptools-rust ask) names
    -lgcc_s, which musl has not: the folder of the unwinder standing in for it comes first. It is
    then among the link's library folders, and the built-in links the same archive."""
    folder = os.environ.get(_RUST_UNWIND_DIR_ENV)
    if not folder or "-lgcc_s" not in args or not any(a.endswith(".rlib") for a in args):
        return args
    return ["-L" + folder] + args


def _without_rust_target(args):
    """The cc crate (Rust build scripts compiling C: openssl-sys's header check, cryptography's
    bindings) gives a compiler it takes for clang `--target=<Rust triple>`. The wrapper runs the
    target's own driver, which already compiles for that target; zig's refuses the triple's
    `unknown` vendor ("unable to parse target query"). Dropped, the driver's own target stands."""
    return [a for a in args if not re.match(r"--target=(x86_64|aarch64)-unknown-linux-(gnu|musl)$", a)]


# The C library's parts and its unwinder: the target's driver links these its own way.
_SYSTEM_LIBRARIES = {"c", "m", "dl", "pthread", "rt", "util", "gcc_s", "gcc", "gcc_eh"}


def _static_where_only_archive(args):
    """rustc links the libraries a build script names without a kind (openssl-sys's -lssl and
    -lcrypto, found through pkg-config) after -Bdynamic. GNU ld takes a lib<name>.a there when
    no .so is found; zig's linker does not. pyseal's library folders hold archives only, so
    such a library is asked for after -Bstatic: the cdylib links as GNU ld would link it, and
    the record still says -l<name>, which the final link resolves against the same archive."""
    if not any(a.endswith(".rlib") for a in args):
        return args
    dirs = [a[2:] for a in args if a.startswith("-L") and len(a) > 2]
    dirs += [b for a, b in zip(args, args[1:]) if a == "-L"]
    out, dynamic = [], True
    for a in args:
        if a in ("-Wl,-Bstatic", "-Wl,-Bdynamic"):
            dynamic = a == "-Wl,-Bdynamic"
        name = a[2:] if a.startswith("-l") and len(a) > 2 else None
        if dynamic and name and name not in _SYSTEM_LIBRARIES and _only_archive(name, dirs):
            out += ["-Wl,-Bstatic", a, "-Wl,-Bdynamic"]
        else:
            out.append(a)
    return out


def _only_archive(name, dirs):
    for folder in dirs:
        if os.path.exists(os.path.join(folder, "lib%s.so" % name)):
            return False
        if os.path.exists(os.path.join(folder, "lib%s.a" % name)):
            return True
    return False


def _no_lto(args):
    """`-fno-lto` last on every compile and shared link while capturing: a build that asks for LTO
    (meson's b_lto, CMake's INTERPROCEDURAL_OPTIMIZATION, -flto in CFLAGS) would leave compiler IR
    in its objects, which the relocatable link of a built-in cannot take, and one compiler's IR
    the other cannot read at all. The last of -flto and -fno-lto wins, for gcc and clang alike."""
    if "-c" in args or _is_shared_link(args):
        return ["-fno-lto"]
    return []


def _is_shared_link(args):
    if not any(a in ("-shared", "-dynamiclib", "-bundle") for a in args):
        return False
    return not any(a in _NOT_LINK for a in args)


def prefix_map_flags(cwd=None):
    """-ffile-prefix-map flags: each of $PYSEAL_FILE_PREFIX_MAPS (the cache root, the
    distribution's prefix) becomes a fixed name and the build directory (pip's random
    temporary one) ".", so __FILE__ and debug paths are the same whichever directory
    a build ran in. The last matching map wins: the most specific comes last."""
    maps = [m for m in os.environ.get(_PREFIX_MAPS_ENV, "").split(os.pathsep) if "=" in m]
    return ["-ffile-prefix-map=" + m for m in maps] + ["-ffile-prefix-map=%s=." % (cwd or os.getcwd())]


def main(argv=None, lang=None):
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0].startswith("--pyseal-lang="):
        lang = args.pop(0).split("=", 1)[1]
    lang = lang or os.environ.get("PYSEAL_WRAPPER_LANG") or "c"
    if lang in ("c++", "cxx", "cpp"):
        lang = "c++"
        real = shlex.split(os.environ.get("PYSEAL_REAL_CXX") or "c++")
    else:
        real = shlex.split(os.environ.get("PYSEAL_REAL_CC") or "cc")
    depth = int(os.environ.get(_DEPTH_ENV, "0") or 0)
    if depth > 4:
        sys.stderr.write("pyseal-cc: PYSEAL_REAL_CC/CXX points back at the wrapper\n")
        return 127
    os.environ[_DEPTH_ENV] = str(depth + 1)
    if depth == 0 and os.environ.get(_PREFIX_MAPS_ENV) is not None:
        real = real + prefix_map_flags()

    # The build machine's own include and library directories never reach a target build.
    args = libraries.drop_host_paths(args)
    args = _static_where_only_archive(_with_rust_unwinder(_without_rust_target(args)))
    serving = libraries.serving()
    if not records.capture_dir() and not serving:
        os.execvp(real[0], real + args)
    try:
        expanded = expand_response_files(args)
    except Exception:
        expanded = args
    shared = _is_shared_link(expanded) and records.capture_dir()
    no_lto = _no_lto(expanded)
    if serving:
        # A header or library pyseal builds for the target is built when first missed.
        rc, served = libraries.run_with_libraries(real, args + no_lto)
        # What is recorded is the package's own words and the directories served, not -fno-lto.
        args = served[: len(args)] + served[len(args) + len(no_lto) :]
    elif not shared:
        os.execvp(real[0], real + args + no_lto)
    else:
        rc = subprocess.call(real + args + no_lto)
    if rc == 0 and shared:
        try:
            record_link(real, args, lang)
        except Exception as exc:
            records.log_error("compiler wrapper could not record %s" % " ".join(args), exc)
            if records.strict():
                return 1
    if rc < 0:
        return 128 - rc
    return rc


if __name__ == "__main__":
    sys.exit(main())

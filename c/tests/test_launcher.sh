#!/bin/bash
# Builds the launcher (c/*.c) against a CPython's own static libpython (default:
# Debian's /usr/bin/python3.11 with python3.11-dev), packs that Python's
# stdlib + a tiny app with python/pyseal_pack, appends the archive and RUNS
# the binaries.  Exit status 0 only if every check that ran passed.
#
#   c/tests/test_launcher.sh                      # Debian python3.11 (full)
#   PYSEAL_TEST_PYTHON=/path/python3.13 c/tests/test_launcher.sh
#
# The inittab is the distribution's own config.c (read at test time) plus the
# test's dotted module "seal_app._speedups" and, when their sources are
# available, _multiprocessing and _posixshmem (Debian does not build them in;
# multiprocessing needs them).  Their sources: $PYSEAL_CPYTHON_SRC (a CPython
# source tree of the same version), else for Debian's python3.11 the source
# package fetched once with `apt-get source --download-only python3.11`
# (deb-src must be configured) into $PYSEAL_TEST_CACHE (default
# ~/.cache/pyseal-test).  Checks that need modules the distribution does not
# build in (subprocess, multiprocessing, json.tool, importlib.resources on
# a shared-module build like pyenv's) are reported as "skip", never "ok".
#
# Needs: gcc, the Python's libpythonX.Y.a + headers, and for Debian
# libexpat1-dev, zlib1g-dev, ca-certificates; for the ssl checks libssl-dev
# and libbluetooth-dev (headers that Debian's pyconfig.h asks _ssl.c for).   KEEP=1 keeps the work dir.
set -u -o pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
PY=${PYSEAL_TEST_PYTHON:-/usr/bin/python3.11}
CC=${CC:-gcc}
CACHE=${PYSEAL_TEST_CACHE:-$HOME/.cache/pyseal-test}
W=$(mktemp -d /tmp/pyseal-launcher-test.XXXXXX)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$W"' EXIT

FAILED=0
PASSED=0
SKIPPED=0
pass() { PASSED=$((PASSED + 1)); echo "ok   - $1"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL - $1"; [ -n "${2:-}" ] && printf '       %s\n' "$2"; }
skip() { SKIPPED=$((SKIPPED + 1)); echo "skip - $1 ($2)"; }
die() { echo "test_launcher: $*" >&2; exit 2; }
# expect NAME EXPECTED ACTUAL
expect() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "expected [$2] got [$3]"; fi; }
# contains NAME NEEDLE HAYSTACK
contains() { case "$3" in *"$2"*) pass "$1" ;; *) fail "$1" "[$2] not in [$3]" ;; esac; }

[ -x "$PY" ] || die "no Python at $PY"
PYVARS=$("$PY" -c '
import platform, shlex, sysconfig as s
v = {
    "PYFULL": platform.python_version(),
    "PYVER": s.get_config_var("VERSION"),
    "CONFIGDIR": s.get_config_var("LIBPL"),
    "LIBRARY": s.get_config_var("LIBRARY"),
    "INC": s.get_paths()["include"],
    "STDLIB": s.get_paths()["stdlib"],
    "DYNLOAD": s.get_config_var("DESTSHARED") or "",
    "MODLIBS": s.get_config_var("LOCALMODLIBS") or "",  # -l of built-in stdlib modules
    "LIBS": s.get_config_var("LIBS") or "",
    "SYSLIBS": s.get_config_var("SYSLIBS") or "",
}
for k, x in v.items():
    print(f"{k}={shlex.quote(chr(32).join(str(x).split()))}")
') || die "cannot query $PY"
eval "$PYVARS"
# LOCALMODLIBS names the archives CPython built itself (libmpdec, expat, HACL*)
# relative to its build directory, which is gone after `make install`. A pyseal
# distribution (PYTHON.json two levels above bin/) keeps them in build/lib/.
PYSEAL_DIST=$(cd "$(dirname "$PY")/../.." && pwd)
if [ -f "$PYSEAL_DIST/PYTHON.json" ]; then
    words=""
    for word in $MODLIBS; do
        case "$word" in
        /*.a | -*) ;;
        *.a) word=$PYSEAL_DIST/build/lib/$(basename "$word") ;;
        esac
        words="$words $word"
    done
    MODLIBS=$words
fi
for f in "$CONFIGDIR/$LIBRARY" "$CONFIGDIR/config.c" "$INC/Python.h"; do
    [ -e "$f" ] || die "missing $f (Debian: apt-get install python$PYVER-dev)"
done
has_builtin() { grep -q "{\"$1\", " "$CONFIGDIR/config.c"; }

# ---- CPython sources of _multiprocessing (optional) ---------------------------
SRC=${PYSEAL_CPYTHON_SRC:-}
if [ -z "$SRC" ] && [ "$PY" = /usr/bin/python3.11 ]; then
    mkdir -p "$CACHE"
    TARBALL=$(ls "$CACHE"/python3.11_"$PYFULL".orig.tar.* 2>/dev/null | head -1)
    if [ -z "$TARBALL" ]; then
        (cd "$CACHE" && apt-get source --download-only -qq python3.11 >/dev/null 2>&1) ||
            die "cannot fetch the python3.11 source package (configure deb-src, or set PYSEAL_CPYTHON_SRC)"
        TARBALL=$(ls "$CACHE"/python3.11_"$PYFULL".orig.tar.* 2>/dev/null | head -1)
    fi
    [ -n "$TARBALL" ] || die "no python3.11_$PYFULL.orig.tar.* in $CACHE"
    tar -xf "$TARBALL" -C "$W" "Python-$PYFULL/Modules/_multiprocessing" "Python-$PYFULL/Modules/_ssl" \
        "Python-$PYFULL/Modules/_ssl.c" "Python-$PYFULL/Modules/_ssl.h" "Python-$PYFULL/Modules/socketmodule.h" \
        "Python-$PYFULL/Modules/clinic/_ssl.c.h" --wildcards "Python-$PYFULL/Modules/_ssl_data*.h" || die "cannot extract $TARBALL"
    SRC=$W/Python-$PYFULL
fi
MPDIR=${SRC:+$SRC/Modules/_multiprocessing}
HAVE_MP=0
if [ -n "$MPDIR" ] && ! has_builtin _multiprocessing; then
    [ -f "$MPDIR/multiprocessing.c" ] || die "no $MPDIR/multiprocessing.c"
    HAVE_MP=1
fi
# _ssl (Debian does not build it in) into the interpreter binaries, statically
# linked with OpenSSL, when its sources and libssl.a/libcrypto.a are there.
HAVE_SSL=0
SSL_LIBS=""
if [ -n "$SRC" ] && [ -f "$SRC/Modules/_ssl.c" ] && ! has_builtin _ssl && has_builtin _socket; then
    SSLA=$($CC -print-file-name=libssl.a)
    CRYPTOA=$($CC -print-file-name=libcrypto.a)
    # Debian's pyconfig.h has HAVE_BLUETOOTH_BLUETOOTH_H, which socketmodule.h
    # (included by _ssl.c) follows: needs libbluetooth-dev's headers.
    if grep -q '^#define HAVE_BLUETOOTH_BLUETOOTH_H 1' "$INC/pyconfig.h" &&
        ! echo '#include <bluetooth/bluetooth.h>' | $CC -E -x c - >/dev/null 2>&1; then
        echo "# no <bluetooth/bluetooth.h> (apt-get install libbluetooth-dev): _ssl checks skipped"
    elif [ -f "$SSLA" ] && [ -f "$CRYPTOA" ]; then
        HAVE_SSL=1
        SSL_LIBS="$SSLA $CRYPTOA -lpthread"
    fi
fi
# _ssl in the binaries: built in by the distribution (pyseal's), or added here.
SSL_IN=$HAVE_SSL
has_builtin _ssl && SSL_IN=1
# _multiprocessing likewise.
MP_IN=$HAVE_MP
has_builtin _multiprocessing && MP_IN=1
# are the stdlib extension modules the "full" checks need built in?
FULL=1
for m in _posixsubprocess select fcntl math _struct binascii zlib; do has_builtin $m || FULL=0; done
[ $FULL = 1 ] || echo "# $PY: its stdlib extension modules are shared libraries, not built in: core checks only"

# ---- pyseal_app.h ------------------------------------------------------------
# Debian's inittab (config.c), plus _multiprocessing and the dotted test module.
gen_header() { # $1 = dir, $2 = extra #define lines, $3 = extra "name=PyInit_x" entries
    mkdir -p "$1"
    {
        echo "/* generated by c/tests/test_launcher.sh from $CONFIGDIR/config.c */"
        printf '%s\n' "$2"
        grep -E '^extern PyObject\* *[A-Za-z_0-9]+\(void\);' "$CONFIGDIR/config.c"
        for e in $3; do echo "extern PyObject* ${e#*=}(void);"; done
        echo '#define PYSEAL_INITTAB_ENTRIES \'
        sed -n '/_PyImport_Inittab\[\] *= *{/,/{0, 0}/p' "$CONFIGDIR/config.c" |
            grep -E '^[[:space:]]*\{"[^"]+", *[A-Za-z_0-9]+\},' | sed 's/$/ \\/'
        for e in $3; do echo "    {\"${e%%=*}\", ${e#*=}}, \\"; done
        echo ''
    } >"$1/pyseal_app.h"
}
MODS="seal_app._speedups=PyInit__speedups"
[ $HAVE_MP = 1 ] && MODS="$MODS _multiprocessing=PyInit__multiprocessing _posixshmem=PyInit__posixshmem"
IMODS=$MODS
[ $HAVE_SSL = 1 ] && IMODS="$MODS _ssl=PyInit__ssl"
gen_header "$W/h-app" '#define PYSEAL_ENTRY_POINT "seal_app.cli:main"' "$MODS"
# seal_gone: a module left out, of which only a folder of type stubs is in the archive (gone.pyi)
LEFT_OUT='#define PYSEAL_LEFT_OUT_MODULES "{\"seal_gone\": \"seal_gone is not in this executable (LINK_FAILED: a test)\"}"'
# seal_stdgone: a stdlib module --stdlib imported left out (never in the archive)
LEFT_OUT="$LEFT_OUT
#define PYSEAL_STDLIB_LEFT_OUT \"seal_other seal_stdgone\""
if [ $SSL_IN = 1 ]; then
    # OpenSSL linked: the launcher asks it for its default CA file (weak ref).
    gen_header "$W/h-interp" "#define PYSEAL_SIDE_DIR \"side\"
$LEFT_OUT" "$IMODS"
    # pretend the distribution's OpenSSL has a CA file that is missing here
    gen_header "$W/h-sslfb" '#define PYSEAL_OPENSSL_CERT_FILE "/nonexistent/pyseal/cert.pem"' "$IMODS"
else
    # claim OpenSSL's default CA file exists (any existing file will do), so
    # the CA fallback must leave SSL_CERT_FILE alone.
    gen_header "$W/h-interp" '#define PYSEAL_OPENSSL_CERT_FILE "/etc/passwd"
#define PYSEAL_SIDE_DIR "side"
'"$LEFT_OUT" "$IMODS"
fi
# the optional switches: no index, no site, -O, a module entry point, no view of the archive's files
gen_header "$W/h-opts" '#define PYSEAL_ENTRY_POINT "seal_app.hello"
#define PYSEAL_NO_ZIP_INDEX
#define PYSEAL_NO_SITE
#define PYSEAL_OPTIMIZE 1
#define PYSEAL_NO_CA_FALLBACK
#define PYSEAL_NO_ARCHIVE_FILES' "$MODS"
grep -q '{"posix", PyInit_posix}' "$W/h-app/pyseal_app.h" || die "could not read the inittab from config.c"

# ---- compile and link --------------------------------------------------------
# -no-pie: Debian builds libpython3.11.a without -fPIC (harmless when PIC).
CFLAGS="-O2 -g0 -Wall -I$INC"
set -e
VARIANTS="app interp opts"
[ $SSL_IN = 1 ] && VARIANTS="$VARIANTS sslfb"
# The launcher is every c/*.c, each compiled with the variant's pyseal_app.h.
for v in $VARIANTS; do
    mkdir -p "$W/launcher-$v"
    for src in "$REPO"/c/*.c; do
        $CC $CFLAGS -Werror -Wextra -I"$W/h-$v" -c "$src" -o "$W/launcher-$v/$(basename "$src" .c).o"
    done
done
$CC $CFLAGS -c "$HERE/speedups.c" -o "$W/speedups.o"
EXT_SUFFIX=$("$PY" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
mkdir -p "$W/side"
$CC $CFLAGS -fPIC -shared -DMODULE_NAME='"seal_side"' -DINIT_FUNC=PyInit_seal_side \
    "$HERE/speedups.c" -o "$W/side/seal_side$EXT_SUFFIX"
EXTRA_OBJS="$W/speedups.o"
if [ $HAVE_MP = 1 ]; then
    for f in multiprocessing semaphore posixshmem; do
        $CC $CFLAGS -DPy_BUILD_CORE_BUILTIN -I"$INC/internal" -c "$MPDIR/$f.c" -o "$W/mp_$f.o"
        EXTRA_OBJS="$EXTRA_OBJS $W/mp_$f.o"
    done
fi
if [ $HAVE_SSL = 1 ]; then
    $CC $CFLAGS -DPy_BUILD_CORE_BUILTIN -I"$INC/internal" -I"$SRC/Modules" -c "$SRC/Modules/_ssl.c" -o "$W/ssl.o"
fi
for v in $VARIANTS; do
    objs="$(echo "$W/launcher-$v"/*.o) $EXTRA_OBJS" libs=""
    if [ $v != app ] && [ $HAVE_SSL = 1 ]; then objs="$objs $W/ssl.o" libs="$SSL_LIBS"; fi
    # interp loads a shared extension from PYSEAL_SIDE_DIR: export the C API
    [ $v = interp ] && libs="$libs -Wl,--export-dynamic"
    LINK="$CC -no-pie -o $W/$v.exe $objs $CONFIGDIR/$LIBRARY $libs $MODLIBS $LIBS $SYSLIBS"
    echo "+ $LINK"
    $LINK
done
set +e

# ---- resources ---
# zipimport needs zlib to read a deflated archive: stored unless zlib is built in.
COMPRESSION=stored
has_builtin zlib && COMPRESSION=deflated
# ---- resources -------------------------------------------------------------
# a zip of its own inside the archive, as package data (a stored member: no zlib needed)
"$PY" -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("seal_nested.py", "WHERE = __file__\n")' "$W/nested.zip" || die "cannot write nested.zip"
cat >"$W/manifest.json" <<EOF
{
  "version": 1,
  "optimize": 0,
  "compression": "$COMPRESSION",
  "bytecode_compression": "stored",
  "roots": [
    {"path": "$STDLIB",
     "exclude": ["test", "idlelib", "tkinter", "turtledemo", "ensurepip", "lib2to3",
                 "*/tests", "*/test", "__phello__", "site-packages", "dist-packages",
                 "lib-dynload", "config-*", "sitecustomize.py", "EXTERNALLY-MANAGED"]},
    {"path": "$DYNLOAD"},
    {"path": "$HERE/app"}
  ],
  "files": [{"src": "$HERE/sitecustomize_test.py", "dst": "sitecustomize.py"},
            {"src": "$HERE/gone.pyi", "dst": "seal_gone/__init__.pyi"},
            {"src": "$W/nested.zip", "dst": "seal_app/nested.zip"}]
}
EOF
PACK="env PYTHONPATH=$REPO/python $PY -m pyseal_pack --manifest $W/manifest.json"
OUT=$($PACK --out "$W/res.zip") || die "pyseal_pack failed"
echo "$OUT"
$PACK --out "$W/res2.zip" >/dev/null || die "pyseal_pack failed (2nd run)"
if cmp -s "$W/res.zip" "$W/res2.zip"; then pass "pack: same bytes for the same input"; else fail "pack: not deterministic"; fi
LIST=$($PY -m zipfile -l "$W/res.zip")
contains "pack: .pyc beside .py (legacy layout)" "seal_app/cli.pyc" "$LIST"
case "$LIST" in *__pycache__*) fail "pack: no __pycache__ entries" ;; *) pass "pack: no __pycache__ entries" ;; esac
case "$LIST" in *idlelib*|*lib2to3*) fail "pack: excluded dirs left out" ;; *) pass "pack: excluded dirs left out" ;; esac
SKIPPED_EXT=$($PY -c 'import json,sys; print(" ".join(s["module"] for s in json.load(open(sys.argv[1]))["skipped_extensions"]))' "$W/res.zip.skipped.json")
# Any shared extension module of the distribution will do (Debian's have _multiprocessing;
# a pyseal distribution builds everything in but _ctypes_test).
SHARED_EXT=$(cd "$DYNLOAD" 2>/dev/null && ls -- *"$EXT_SUFFIX" 2>/dev/null | head -1)
if [ -n "$SHARED_EXT" ]; then
    contains "pack: skipped extensions reported" "${SHARED_EXT%"$EXT_SUFFIX"}" "$SKIPPED_EXT"
else
    skip "pack: skipped extensions reported" "no shared extension module in $DYNLOAD"
fi
echo '{"version": 2, "roots": [{"path": "/nonexistent/x"}], "bogus": 1}' >"$W/bad.json"
err=$(env PYTHONPATH="$REPO/python" "$PY" -m pyseal_pack --manifest "$W/bad.json" --out "$W/bad.zip" 2>&1); rc=$?
expect "pack: bad manifest exits 2" 2 "$rc"
contains "pack: bad manifest names every problem" "unknown key 'bogus'
  'version' must be 1
  roots[0].path: not a directory: /nonexistent/x" "$err"

for v in $VARIANTS; do
    cat "$W/$v.exe" "$W/res.zip" >"$W/$v" && chmod +x "$W/$v"
done
APP=$W/app
INTERP=$W/interp
ls -l "$APP" "$INTERP"
cd "$W" || exit 2

# ---- app mode ----------------------------------------------------------------
out=$("$APP" argv 7 "a b" ü); rc=$?
expect "app: argv passed through" "['argv', '7', 'a b', 'ü']" "$out"
expect "app: exit code = main()'s return value" 7 "$rc"
out=$(PYTHONPATH=$W/evil PYTHONHOME=/nonexistent "$APP" path)
expect "app: sys.path is [exe], PYTHONPATH/PYTHONHOME ignored" "['$APP'] $APP $W" "$out"
expect "app: dotted built-in imports" "42 built-in True" "$("$APP" speedups 2>&1)"
if [ $FULL = 1 ]; then
    expect "app: subprocess [sys.executable, -c] with env={}" 1 "$("$APP" subprocess 2>&1)"
else
    skip "app: subprocess [sys.executable, -c] with env={}" "_posixsubprocess/select/fcntl not built in"
fi
if [ $FULL = 1 ] && [ $MP_IN = 1 ]; then
    expect "app: multiprocessing spawn Pool" "[0, 1, 4, 9, 16, 25]" "$(timeout 60 "$APP" mp spawn 2>&1)"
    expect "app: multiprocessing forkserver Pool" "[0, 1, 4, 9, 16, 25]" "$(timeout 60 "$APP" mp forkserver 2>&1)"
else
    skip "app: multiprocessing spawn/forkserver Pool" "no _multiprocessing sources (PYSEAL_CPYTHON_SRC) or stdlib modules not built in"
fi
err=$("$APP" traceback 2>&1); rc=$?
expect "app: uncaught exception exits 1" 1 "$rc"
contains "app: traceback shows the source line" "raise RuntimeError(MSG)  # <- this source line" "$err"
if [ $FULL = 1 ]; then
    expect "app: importlib.resources + importlib.metadata" "hello from package data
1.2.3" "$("$APP" resources 2>&1)"
else
    skip "app: importlib.resources + importlib.metadata" "zipfile needs binascii/_struct/zlib built in"
fi
expect "app: the package's own files by path (open, listdir, glob, stat, pathlib; writes refused)" "hello from package data
['__init__.py', 'cli.py', 'data.txt', 'hello.py', 'nested.zip', 'work.py']
['data.txt']
True True 24
hello from package data
EROFS" "$("$APP" files 2>&1)"
expect "interp: a zip inside the archive goes on sys.path (zipimport reads it through the view)" \
    "$INTERP/seal_app/nested.zip/seal_nested.py" \
    "$("$INTERP" -c 'import os, sys, seal_app
sys.path.append(os.path.join(os.path.dirname(seal_app.__file__), "nested.zip"))
import seal_nested; print(seal_nested.WHERE)' 2>&1)"
contains "opts: PYSEAL_NO_ARCHIVE_FILES leaves paths into the archive to the OS" "NotADirectoryError" \
    "$(PYSEAL_INTERPRETER=1 "$W/opts" -c 'import seal_app.cli as c; c.files_by_path()' 2>&1)"
"$APP" exit 4 >/dev/null 2>&1; expect "app: exit() works (site's builtins without site)" 4 $?
expect "app: site is not imported; help and quit exist" "False 1 _Helper Quitter" "$("$APP" site 2>&1)"
expect "app: the archive's sitecustomize runs" "site: 7
APP []" "$(SEAL_SITE_TEST=1 "$APP" 2>&1)"
expect "app: -c from a shell stays app mode" "APP ['-c', 'print(1)']" "$("$APP" -c 'print(1)' 2>&1)"
expect "app: PYSEAL_INTERPRETER=1 forces interpreter" 5 "$(PYSEAL_INTERPRETER=1 "$APP" -c 'print(2+3)' 2>&1)"
# Without OpenSSL linked in, the app cannot know OpenSSL's default CA file. A
# distribution with _ssl/_hashlib built in links libcrypto: where its default
# CA file exists, the fallback stays out.
if nm "$W/app.exe" 2>/dev/null | grep -E ' [TU] X509_get_default_cert_file(@|$)' >/dev/null &&
    [ -e "$("$PY" -c 'import ssl; print(ssl.get_default_verify_paths().openssl_cafile)' 2>/dev/null)" ]; then
    expect "app: CA fallback leaves SSL_CERT_FILE alone (OpenSSL linked, its default exists)" "<unset>" \
        "$(env -u SSL_CERT_FILE -u SSL_CERT_DIR "$APP" env SSL_CERT_FILE 2>&1)"
else
    expect "app: CA fallback sets SSL_CERT_FILE (default unknown)" /etc/ssl/certs/ca-certificates.crt \
        "$(env -u SSL_CERT_FILE -u SSL_CERT_DIR "$APP" env SSL_CERT_FILE 2>&1)"
fi
expect "app: SSL_CERT_FILE set by the user is kept" /my/ca.pem "$(SSL_CERT_FILE=/my/ca.pem "$APP" env SSL_CERT_FILE 2>&1)"

# ---- zip index -------------------------------------------------------------
expect "index: zipimport never parses the central directory" 0 \
    "$("$INTERP" -v -c 'import json' 2>&1 | grep -c 'zipimport: found')"
expect "index: entries are built only when looked up" "True True" \
    "$("$INTERP" -c 'import sys, zipimport, json; d = zipimport._zip_directory_cache[sys.executable]; print(dict.__len__(d) < 60, len(d) > 100)' 2>&1)"
if [ $FULL = 1 ]; then
    expect "index: a looked-up entry is zipimport's own tuple" "True" \
    "$("$INTERP" -c 'import sys, zipimport, zipfile
d = zipimport._zip_directory_cache[sys.executable]
e = d["json/__init__.pyc"]
i = zipfile.ZipFile(sys.executable).getinfo("json/__init__.pyc")
print(e[0] == sys.executable + "/json/__init__.pyc" and e[1:4] == (i.compress_type, i.compress_size, i.file_size) and e[7] == i.CRC and "nope.py" not in d and d.get("nope.py", 7) == 7)' 2>&1)"
    expect "index: iterating lists the whole archive (pkgutil)" "True" \
    "$("$INTERP" -c 'import sys, zipfile, pkgutil, zipimport
names = sorted(zipimport._zip_directory_cache[sys.executable])
print(names == sorted(n for n in zipfile.ZipFile(sys.executable).namelist() if n != "__pyseal__/zipindex") and any(m.name == "json" for m in pkgutil.iter_modules([sys.executable])))' 2>&1)"
else
    skip "index: entries match zipfile's view" "zipfile needs binascii/_struct/zlib built in"
fi
# zipimport's reads of entries, counted (the python prelude of the next checks)
COUNT_READS='import zipimport, collections
reads = collections.Counter()
get_data = zipimport._get_data
def counting(archive, entry):
    reads[entry[0]] += 1
    return get_data(archive, entry)
zipimport._get_data = counting
'
expect "index: code is read by the launcher, the path found without loading it; __file__ and co_filename name the source" \
    "0 $INTERP/json/__init__.py $INTERP/json/decoder.py $INTERP/json/decoder.py" \
    "$("$INTERP" -c "$COUNT_READS"'
import json.decoder
print(sum(reads.values()), json.__file__, json.decoder.__spec__.origin, json.decoder.JSONDecoder.decode.__code__.co_filename)' 2>&1)"
if [ "$COMPRESSION" = deflated ]; then
    sed 's/"bytecode_compression": "stored"/"bytecode_compression": "deflated"/' "$W/manifest.json" >"$W/manifest-deflated.json"
    env PYTHONPATH=$REPO/python $PY -m pyseal_pack --manifest "$W/manifest-deflated.json" --out "$W/res-deflated.zip" >/dev/null ||
        die "pyseal_pack (deflated bytecode) failed"
    cat "$W/interp.exe" "$W/res-deflated.zip" >"$W/interp-deflated" && chmod +x "$W/interp-deflated"
    expect "index: deflated bytecode is read by zipimport itself, once" "1 {'a': 1}" \
        "$("$W/interp-deflated" -c "$COUNT_READS"'
import json
print(max(reads.values()), json.loads("{\"a\": 1}"))' 2>&1)"
else
    skip "index: deflated bytecode is read by zipimport itself, once" "zlib is not built in"
fi
$PACK --no-index --out "$W/res-noidx.zip" >/dev/null || die "pyseal_pack --no-index failed"
cat "$W/interp.exe" "$W/res-noidx.zip" >"$W/interp-noidx" && chmod +x "$W/interp-noidx"
expect "index: archive without index still works (zipimport reads it)" "1 1" \
    "$("$W/interp-noidx" -v -c 'import json; print(1)' 2>&1 | grep -c 'zipimport: found') $("$W/interp-noidx" -c 'import json; print(1)' 2>&1)"

# ---- optional switches ------------------------------------------------------
expect "opts: module entry point (runpy, argv kept)" "hi" "$("$W/opts" 2>&1)"
expect "opts: PYSEAL_NO_ZIP_INDEX/NO_SITE/OPTIMIZE/NO_CA_FALLBACK" "1 False 1 <unset>" \
    "$(env -u SSL_CERT_FILE -u SSL_CERT_DIR PYSEAL_INTERPRETER=1 "$W/opts" -v -c 'import sys, os; print(sys.flags.optimize, "site" in sys.modules, sys.flags.no_site, os.environ.get("SSL_CERT_FILE", "<unset>"))' 2>/dev/null)"
expect "opts: without the index zipimport reads the directory" 1 \
    "$(PYSEAL_INTERPRETER=1 "$W/opts" -v -c pass 2>&1 | grep -c 'zipimport: found')"

# ---- interpreter mode --------------------------------------------------------
expect "interp: -c with argv" "['-c', 'x', 'y']" "$("$INTERP" -c 'import sys; print(sys.argv)' x y 2>&1)"
"$INTERP" -c 'raise SystemExit(3)'; expect "interp: SystemExit code" 3 $?
if [ $FULL = 1 ]; then
    expect "interp: -m json.tool" '{
    "a": 1
}' "$(echo '{"a":1}' | "$INTERP" -m json.tool 2>&1)"
else
    skip "interp: -m json.tool" "stdlib modules not built in"
fi
expect "interp: -m runs a module from the archive" "hi" "$("$INTERP" -m seal_app.hello 2>&1)"
mkdir -p "$W/scr" "$W/evil"
echo 'VALUE = "sibling"' >"$W/scr/sibling.py"
printf 'import sys, sibling\nprint(__name__, sibling.VALUE, sys.argv[1:])\n' >"$W/scr/script.py"
echo 'print("EVIL")' >"$W/evil/seal_evil.py"
expect "interp: script path (its dir on sys.path)" "__main__ sibling ['q']" "$("$INTERP" "$W/scr/script.py" q 2>&1)"
expect "interp: program from stdin" 42 "$(echo 'print(6*7)' | "$INTERP" 2>&1)"
expect "interp: REPL (-i, piped)" 10 "$(printf 'x = 5\nx * 2\n' | "$INTERP" -i -q 2>/dev/null | tr -d '> .\n')"
contains "interp: PYTHONPATH ignored" ModuleNotFoundError "$(PYTHONPATH=$W/evil "$INTERP" -c 'import seal_evil' 2>&1)"
expect "interp: shared extension from PYSEAL_SIDE_DIR" "5 $W/side/seal_side$EXT_SUFFIX" \
    "$("$INTERP" -c 'import seal_side; print(seal_side.add(2, 3), seal_side.__file__)' 2>&1)"
expect "interp: sitecustomize (a manifest 'files' entry) can import a dotted built-in" "site: 7" \
    "$(SEAL_SITE_TEST=1 "$INTERP" -c pass 2>&1)"
expect "interp: a left-out module's import names the reason, though a folder of stubs is in the archive" \
    "ModuleNotFoundError seal_gone seal_gone is not in this executable (LINK_FAILED: a test)" \
    "$("$INTERP" -c 'try:
    import seal_gone
except ImportError as e:
    print(type(e).__name__, e.name, e)' 2>&1)"
expect "interp: a stdlib module left out names the option that brings it back (importing a submodule fails at it)" \
    "ModuleNotFoundError seal_stdgone No module named 'seal_stdgone': pyseal left the stdlib module 'seal_stdgone' out of this executable (--stdlib imported found no import of it); build it with --stdlib-include seal_stdgone (or --stdlib all)" \
    "$("$INTERP" -c 'try:
    import seal_stdgone.sub
except ImportError as e:
    print(type(e).__name__, e.name, e)' 2>&1)"
expect "interp: other missing modules stay plain misses, found by nothing" "None No module named 'seal_nowhere'" \
    "$("$INTERP" -c 'import importlib.util as u; print(u.find_spec("seal_nowhere"))
try:
    import seal_nowhere
except ImportError as e:
    print(e)' 2>&1 | tr '\n' ' ' | sed 's/ $//')"
contains "app: without the finder the folder of stubs imports as a namespace package" "namespace" \
    "$(PYSEAL_INTERPRETER=1 "$W/app" -c 'import seal_gone as g; print(g.__spec__.origin, type(g.__spec__.loader).__name__, "namespace" if g.__file__ is None else g.__file__)' 2>&1)"
expect "interp: dotted built-in imports" 3 "$("$INTERP" -c 'import seal_app._speedups as s; print(s.add(1, 2))' 2>&1)"
if [ "$("$PY" -c 'import sysconfig; print(sysconfig.get_config_var("Py_GIL_DISABLED") or 0)')" = 1 ]; then
    expect "interp: free-threaded, the GIL stays disabled after a dotted built-in that declares it" "False False" \
        "$("$INTERP" -c 'import sys; a = sys._is_gil_enabled(); import seal_app._speedups; print(a, sys._is_gil_enabled())' 2>&1)"
else
    skip "interp: free-threaded, the GIL stays disabled after a dotted built-in that declares it" "not a free-threaded build"
fi
expect "interp: sys.flags (like python -E -s -B)" "0 1 1 1" "$("$INTERP" -c 'import sys; print(sys.flags.isolated, sys.flags.dont_write_bytecode, sys.flags.ignore_environment, sys.flags.no_user_site)' 2>&1)"
if [ $SSL_IN = 1 ]; then
    # OpenSSL's compiled-in default CA file: Debian's libssl looks in /usr/lib/ssl (a link to
    # the system bundle); pyseal's own OpenSSL (musl, a glibc floor) in /etc/ssl, where Debian
    # keeps no cert.pem, so there the launcher points SSL_CERT_FILE at the system bundle.
    DEFAULT_CA=$(env -u SSL_CERT_FILE -u SSL_CERT_DIR "$INTERP" -c 'import ssl; print(ssl.get_default_verify_paths().openssl_cafile)' 2>&1)
    CA_SEEN="$(env -u SSL_CERT_FILE -u SSL_CERT_DIR "$INTERP" -c 'import os, ssl; print(os.environ.get("SSL_CERT_FILE", "<unset>"), ssl.create_default_context().cert_store_stats()["x509_ca"] > 0)' 2>&1)"
    if [ -e "$DEFAULT_CA" ]; then
        expect "ssl: OpenSSL's own default CA file ($DEFAULT_CA) is used where it exists, no fallback" "<unset> True" "$CA_SEEN"
    else
        expect "ssl: OpenSSL's default CA file ($DEFAULT_CA) missing -> system bundle via SSL_CERT_FILE" \
            "/etc/ssl/certs/ca-certificates.crt True" "$CA_SEEN"
    fi
    expect "ssl: missing default CA file -> system bundle via SSL_CERT_FILE" "/etc/ssl/certs/ca-certificates.crt True" \
        "$(env -u SSL_CERT_FILE -u SSL_CERT_DIR "$W/sslfb" -c 'import ssl; print(ssl.get_default_verify_paths().cafile, ssl.create_default_context().cert_store_stats()["x509_ca"] > 0)' 2>&1)"
else
    # The interpreter was told its default CA file exists (/etc/passwd): no fallback.
    expect "interp: CA fallback off when OpenSSL's default exists" "<unset>" \
        "$(env -u SSL_CERT_FILE -u SSL_CERT_DIR "$INTERP" -c 'import os; print(os.environ.get("SSL_CERT_FILE", "<unset>"))' 2>&1)"
    skip "ssl: CA certificates through the ssl module" "no _ssl sources or libssl.a"
fi
# Started with SIGINT at its default (a job started in the background by a shell
# inherits it ignored, and CPython then leaves it ignored, as the launcher must too).
expect "interp: signal handlers installed (SIGINT -> KeyboardInterrupt)" KI \
    "$("$PY" -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])' \
        "$INTERP" -c 'import os, signal
try:
    os.kill(os.getpid(), signal.SIGINT); import time; time.sleep(1)
except KeyboardInterrupt:
    print("KI")' 2>&1)"

# ---- start-up time (reported, not asserted) ----------------------------------
T=$($PY - "$INTERP" "$APP" <<'EOF'
import subprocess, sys, time
def best(cmd, n=20):
    r = []
    for _ in range(n):
        t = time.perf_counter(); subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL); r.append(time.perf_counter() - t)
    r.sort(); return r[len(r) // 2] * 1000
print(f"interp -c pass: {best([sys.argv[1], '-c', 'pass']):.1f} ms (median of 20); "
      f"app with no-op args: {best([sys.argv[2], 'env', 'X']):.1f} ms; "
      f"{sys.executable} -I -c pass: {best([sys.executable, '-I', '-c', 'pass']):.1f} ms")
EOF
)
echo "# $T"
echo "# sizes: $(stat -c '%n %s' "$W/interp.exe" "$W/res.zip" "$INTERP" | tr '\n' ' ')"

echo "# $PY: $PASSED passed, $FAILED failed, $SKIPPED skipped"
[ "$FAILED" = 0 ]

# pyseal_capture/libraries.py
# Loaded by: pyseal_capture.wrapper (the pyseal-cc / pyseal-c++ compiler wrapper),
#   pyseal_capture.config_shims (pkg-config, xml2-config, xslt-config) and
#   pyseal_capture.target_dirs (the distutils compilers' directories).
# Writes: nothing; asks pyseal's library server (src/libraries/library-server.ts)
#   over the Unix socket $PYSEAL_LIBRARY_SOCKET, which builds what is asked for.
"""Libraries built for the target on demand, and host paths kept out.

Environment variables (set by pyseal for musl and glibc-floor builds only)
-------------------------------------------------------------------------
PYSEAL_LIBRARY_SOCKET     the library server's socket: a header the compiler
                          does not find, a -l the linker does not find, a
                          pkg-config module asked for are asked of it; when a
                          pyseal recipe provides it, it is built and the call
                          is repeated with its directories.
PYSEAL_DROP_HOST_PATHS    "1": include and library directories of the build
                          machine (-I/usr/include, -L/usr/lib/x86_64-linux-gnu)
                          are dropped from every compiler call, and from a
                          distutils compiler's own lists (target_dirs.py): their
                          headers and archives are the host's, not the target's.
"""

import json
import os
import re
import socket
import subprocess
import sys

ENV_SOCKET = "PYSEAL_LIBRARY_SOCKET"
ENV_DROP_HOST_PATHS = "PYSEAL_DROP_HOST_PATHS"

# gcc: "fatal error: yaml.h: No such file or directory"; clang: "fatal error: 'yaml.h' file not found"
_MISSING_HEADER = (
    re.compile(r"fatal error: ([^\s:']+): No such file or directory"),
    re.compile(r"error: '([^']+)' file not found"),
)
# GNU ld: "cannot find -lyaml" (2.40 adds ": No such file or directory"); lld: "unable to find library -lyaml";
# zig cc, which looks libraries up itself: 'unable to find dynamic system library "yaml" using strategy ...'
_MISSING_LIBRARY = (
    re.compile(r"cannot find -l([^\s:]+)"),
    re.compile(r"unable to find library -l([^\s:]+)"),
    re.compile(r"unable to find (?:dynamic |static )?system library [\"']([^\"']+)[\"']"),
)
HOST_INCLUDE_ROOTS = ("/usr/include", "/usr/local/include")
HOST_LIBRARY_ROOTS = ("/usr/lib", "/usr/local/lib", "/lib", "/usr/lib64", "/lib64")
_MAX_ROUNDS = 8


def serving():
    return bool(os.environ.get(ENV_SOCKET))


def ask(kind, name):
    """The server's answer for one header, library or pkg-config module (a dict), or None."""
    path = os.environ.get(ENV_SOCKET)
    if not path:
        return None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.connect(path)
            conn.sendall((json.dumps({"kind": kind, "name": name}) + "\n").encode())
            data = b""
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                data += chunk
    except OSError as exc:
        sys.stderr.write("pyseal: the library server did not answer (%s)\n" % exc)
        return None
    try:
        answer = json.loads(data.decode() or "{}")
    except ValueError:
        return None
    if answer.get("error"):
        sys.stderr.write("pyseal: building %s for the target failed: %s\n" % (name, answer["error"]))
    return answer if answer.get("found") else None


def missing_from_errors(text):
    """(kind, name) pairs a compiler's or linker's error output says are missing, in order."""
    found = []
    for kind, patterns in (("header", _MISSING_HEADER), ("library", _MISSING_LIBRARY)):
        for pattern in patterns:
            for match in pattern.finditer(text):
                if (kind, match.group(1)) not in found:
                    found.append((kind, match.group(1)))
    return found


def _is_host_dir(directory, roots):
    normalized = os.path.normpath(directory)
    # musl's own directories (/usr/lib/musl, /usr/lib/x86_64-linux-musl) are the target's.
    if "musl" in normalized:
        return False
    return any(normalized == root or normalized.startswith(root + "/") for root in roots)


def dropping_host_paths():
    """Whether this build is for a target whose headers and libraries are not the build machine's."""
    return os.environ.get(ENV_DROP_HOST_PATHS) == "1"


def without_host_dirs(directories, roots):
    """The directories that are not the build machine's (under `roots`), in order (when asked to)."""
    if not dropping_host_paths():
        return list(directories)
    return [d for d in directories if not (isinstance(d, str) and _is_host_dir(d, roots))]


def drop_host_paths(args):
    """The arguments without the build machine's include and library directories (when asked to)."""
    if not dropping_host_paths():
        return list(args)
    kept = []
    i = 0
    while i < len(args):
        a = args[i]
        for flag, roots in (("-I", HOST_INCLUDE_ROOTS), ("-isystem", HOST_INCLUDE_ROOTS),
                            ("-idirafter", HOST_INCLUDE_ROOTS), ("-L", HOST_LIBRARY_ROOTS)):
            if a == flag and i + 1 < len(args) and _is_host_dir(args[i + 1], roots):
                i += 2
                break
            if a.startswith(flag) and len(a) > len(flag) and _is_host_dir(a[len(flag):], roots):
                i += 1
                break
        else:
            kept.append(a)
            i += 1
    return kept


def add_flags(extra, answer, compile_only=False):
    """Adds to `extra` the flags that find a built library's headers and archives (no -L for
    a call that only compiles: clang warns of an unused one); True when any was new."""
    added = False
    for directory in answer.get("includeDirs", []):
        if directory not in extra:
            extra += ["-isystem", directory]
            added = True
    lib_dir = answer.get("libDir")
    if lib_dir and not compile_only and "-L" + lib_dir not in extra:
        extra.append("-L" + lib_dir)
        added = True
    return added


def run_with_libraries(command, args):
    """Runs the compiler; a missing header or library a pyseal recipe provides is built
    and the call repeated with its directories. Returns (exit code, the arguments of the
    last run). Standard error of a run that is repeated is not shown."""
    extra = []
    asked = set()
    for _ in range(_MAX_ROUNDS):
        proc = subprocess.run(command + args + extra, stderr=subprocess.PIPE)
        if proc.returncode == 0:
            sys.stderr.buffer.write(proc.stderr)
            return 0, args + extra
        added = False
        for want in missing_from_errors(proc.stderr.decode(errors="replace")):
            if want in asked:
                continue
            asked.add(want)
            answer = ask(*want)
            if answer and add_flags(extra, answer, compile_only="-c" in args):
                added = True
        if not added:
            sys.stderr.buffer.write(proc.stderr)
            return (128 - proc.returncode if proc.returncode < 0 else proc.returncode), args + extra
    sys.stderr.buffer.write(proc.stderr)
    return proc.returncode, args + extra

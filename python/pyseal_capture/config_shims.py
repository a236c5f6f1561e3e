# pyseal_capture/config_shims.py
# Loaded by: shims/pkg-config, shims/xml2-config and shims/xslt-config, first on
#   PATH while pyseal builds packages for a musl or glibc-floor target.
# Writes: nothing; the library server (libraries.py) builds what is asked for.
"""pkg-config and the libxml2/libxslt config scripts, answered from pyseal's recipes.

pkg-config: each module named that a pyseal recipe provides is built for the
target and its directory put first on PKG_CONFIG_PATH; then the real pkg-config
answers (the next one on PATH), with --static added to --libs so a static
library's own needs come along. Modules no recipe provides get the real
pkg-config's answer, as they would without pyseal.

xml2-config, xslt-config: the scripts libxml2 and libxslt install, as pkg-config
answers them for their modules (the real scripts name the build machine's paths).
"""

import os
import subprocess
import sys

from . import libraries

SHIM_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "shims")

# the options of pkg-config that take the next argument as their value
_WITH_VALUE = ("--atleast-version", "--exact-version", "--max-version", "--variable", "--define-variable",
               "--atleast-pkgconfig-version")
_COMPARISONS = ("<", "<=", "=", "!=", ">=", ">")
# the config scripts: their pkg-config modules
CONFIG_SCRIPTS = {"xml2-config": ["libxml-2.0"], "xslt-config": ["libxslt", "libexslt"]}


def real_program(name):
    """The next `name` on PATH after the shims' own directory, or None. The directory of the
    running script counts as the shims' too: a build Python whose .pth loaded another pyseal's
    copy of this module (two pyseal installs sharing one cache) must not find this script
    again, and call itself without end."""
    own = {os.path.realpath(SHIM_DIR)}
    if sys.argv and sys.argv[0]:
        own.add(os.path.dirname(os.path.realpath(sys.argv[0])))
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        if not directory or os.path.realpath(directory) in own:
            continue
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def pkg_config_modules(args):
    """The module names among pkg-config's arguments (`foo >= 1.2` counts `foo` only)."""
    modules = []
    skip = False
    for a in args:
        if skip:
            skip = False
            continue
        if a in _WITH_VALUE:
            skip = True
        elif a in _COMPARISONS:
            skip = True  # the version after the comparison
        elif not a.startswith("-"):
            # "foo >= 1.2" given as one word
            modules.extend(word for word in a.replace(",", " ").split()
                           if word not in _COMPARISONS and not word[:1].isdigit())
    return modules


def built_pkg_config_env(real, modules):
    """The environment that finds the built modules first; None when pyseal built none of them.
    A module pkg-config already finds (CPython's own libraries, in the target's prefix) is left
    to it."""
    dirs = []
    for module in modules:
        if subprocess.call([real, "--exists", module], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0:
            continue
        answer = libraries.ask("pkg-config", module)
        if answer and answer.get("pkgConfigDir") not in dirs:
            dirs.append(answer["pkgConfigDir"])
    if not dirs:
        return None
    env = dict(os.environ)
    env["PKG_CONFIG_PATH"] = os.pathsep.join(dirs + [p for p in [env.get("PKG_CONFIG_PATH")] if p])
    return env


def pkg_config_main(args):
    real = real_program("pkg-config")
    if real is None:
        sys.stderr.write("pkg-config (pyseal's shim): no pkg-config on PATH\n")
        return 127
    env = built_pkg_config_env(real, pkg_config_modules(args))
    if env is not None and "--libs" in args and "--static" not in args:
        args = ["--static"] + list(args)
    return subprocess.call([real] + list(args), env=env)


def config_script_main(name, args):
    """xml2-config / xslt-config: --cflags, --libs, --version, --modules answered through pkg-config."""
    modules = CONFIG_SCRIPTS[name]
    real = real_program("pkg-config")
    if real is None:
        sys.stderr.write("%s (pyseal's shim): no pkg-config on PATH\n" % name)
        return 127
    env = built_pkg_config_env(real, modules)
    if env is None and subprocess.call([real, "--exists"] + modules) != 0:
        sys.stderr.write("%s (pyseal's shim): pyseal has no recipe for %s\n" % (name, " ".join(modules)))
        return 1
    if "--version" in args:
        return subprocess.call([real, "--modversion", modules[0]], env=env)
    if "--modules" in args:
        return 0  # libxml2 is built without loadable modules
    words = []
    for option, query in (("--cflags", ["--cflags"]), ("--libs", ["--libs", "--static"])):
        if option in args:
            out = subprocess.run([real] + query + modules, env=env, stdout=subprocess.PIPE)
            if out.returncode != 0:
                return out.returncode
            words.append(out.stdout.decode().strip())
    if not words:
        sys.stderr.write("Usage: %s [--cflags] [--libs] [--version]\n" % name)
        return 1
    sys.stdout.write(" ".join(words) + "\n")
    return 0

/*
 * pyseal launcher: main() of a pyseal executable (CPython 3.11 .. 3.13+,
 * PyConfig API).
 *
 * The executable is: this file + a generated inittab + CPython's static
 * library + every extension module's objects, with a zip archive (stdlib and
 * the app's pure-Python code, built by python/pyseal_pack) appended to its
 * end.  zipimport finds the archive's central directory from the end of the
 * file and copes with the leading ELF/Mach-O/PE data, so sys.path is just
 * [<the executable>].  Never strip or sign the binary after appending.
 *
 * ---------------------------------------------------------------------------
 * Contract with the generated header  pyseal_app.h
 * ---------------------------------------------------------------------------
 * pyseal_app.h is included after <Python.h>, so it may use PyObject.  Every
 * macro is optional; an empty header gives a plain interpreter.
 *
 *   PYSEAL_ENTRY_POINT          string, e.g. "pkg.cli:main", "pkg.cli:obj.run"
 *                               or "pkg.__main__"/"pkg.cli" (module only).
 *                               Defined   => APP MODE by default.
 *                               Undefined => INTERPRETER MODE always.
 *                               Characters allowed: [A-Za-z0-9_.:]; the
 *                               launcher refuses anything else at run time.
 *       "mod:attr.path"  runs   import sys; from mod import attr;
 *                               sys.exit(attr.path())        (console_scripts)
 *       "mod"            runs   runpy._run_module_as_main("mod", False)
 *                               (like `python -m mod`, but sys.argv is kept).
 *                               In both, sys.argv is the real argv unchanged.
 *   PYSEAL_INTERPRETER_ENV      string, name of the environment variable that
 *                               forces the mode; default "PYSEAL_INTERPRETER".
 *                               value "1" => interpreter mode, "0" => app mode.
 *   PYSEAL_OPTIMIZE             0, 1 or 2: PyConfig.optimization_level (the
 *                               -O level); must equal the packer's --optimize.
 *                               Default 0.
 *   PYSEAL_NO_SITE              defined => interpreter mode does not import
 *                               `site` either, and app mode does not add
 *                               exit()/quit()/help or run a sitecustomize.
 *   PYSEAL_OPENSSL_CERT_FILE    string: the CA file compiled into the
 *                               distribution's OpenSSL (its OPENSSLDIR
 *                               "/cert.pem", i.e.
 *                               ssl.get_default_verify_paths().openssl_cafile
 *                               at build time).  If undefined, the launcher
 *                               asks OpenSSL itself through a weak reference
 *                               to X509_get_default_cert_file() (ELF only;
 *                               resolved only when libcrypto is linked).
 *   PYSEAL_NO_CA_FALLBACK       defined => skip the CA-bundle fallback.
 *   PYSEAL_NO_ZIP_INDEX         defined => do not load pyseal_pack's prebuilt
 *                               directory index, nor the zipimporter fast
 *                               paths built on it (they use the private
 *                               PyConfig._init_main + _Py_InitializeMain()
 *                               and zipimport._zip_directory_cache, present
 *                               in 3.11 .. 3.13; define this for a CPython
 *                               where they are gone).
 *   PYSEAL_SIDE_DIR             string: a directory for extension modules
 *                               shipped as files beside the binary (the
 *                               "standalone file" fallback); relative to the
 *                               executable's directory unless absolute.
 *                               Appended to sys.path after the executable.
 *                               Link with -Wl,--export-dynamic (or a
 *                               --dynamic-list of the Py and _Py symbols) so
 *                               those .so files resolve the C API from the
 *                               executable.  Undefined => sys.path = [exe].
 *   PYSEAL_STANDALONE_MODULES   string: a Python dict literal mapping dotted
 *                               module names to shared-library files relative
 *                               to PYSEAL_SIDE_DIR (which must be defined), e.g.
 *                               "{\"pkg._native\": \"pkg/_native.cpython-311-
 *                               x86_64-linux-gnu.so\"}".  A finder at the end of
 *                               sys.meta_path loads them with the extension-file
 *                               loader: a package embedded in the executable
 *                               cannot list a file beside it in its __path__.
 *   PYSEAL_INITTAB_ENTRIES      if defined, this file defines
 *                                 struct _inittab _PyImport_Inittab[] =
 *                                   { PYSEAL_INITTAB_ENTRIES {0, 0} };
 *                               The header must then also declare every init
 *                               function it names, e.g.
 *                                 extern PyObject *PyInit_math(void);
 *                                 extern PyObject *PyInit__speedups(void);
 *                                 #define PYSEAL_INITTAB_ENTRIES \
 *                                   {"marshal", PyMarshal_Init}, \
 *                                   {"builtins", NULL}, {"sys", NULL}, \
 *                                   {"math", PyInit_math}, \
 *                                   {"pkg._speedups", PyInit__speedups},
 *                               (trailing comma required; the core entries
 *                               of CPython's config.c — marshal, _imp, _ast,
 *                               _tokenize, builtins, sys, gc, _warnings,
 *                               _string — must be present).  If undefined,
 *                               the inittab must come from another object
 *                               (e.g. the distribution's config.o).
 *                               Dotted names ("pkg._speedups") are found by
 *                               the dotted-built-in finder below.
 *
 * ---------------------------------------------------------------------------
 * Mode selection (decided before Python starts)
 * ---------------------------------------------------------------------------
 *   1. No PYSEAL_ENTRY_POINT                         -> interpreter.
 *   2. $PYSEAL_INTERPRETER == "1"                    -> interpreter;
 *      $PYSEAL_INTERPRETER == "0"                    -> app.
 *   3. The parent process runs this very executable (same st_dev/st_ino of
 *      /proc/<ppid>/exe and /proc/self/exe — survives env={}) AND argv[1..]
 *      is a run of Python options ending in -c or -m (e.g. `-B -s -I -c CODE`,
 *      `-Wdefault -Ic CODE`, `-m json.tool`; flags bBdEiIOPqRsSuvx,
 *      -W/-X with their argument, --check-hash-based-pycs MODE)
 *                                                    -> interpreter.
 *      This covers multiprocessing spawn/forkserver/resource_tracker and
 *      subprocess.run([sys.executable, "-c", ...], env={}).
 *   4. Otherwise                                     -> app.
 *   Not covered: re-executing sys.executable with a script path or stdin
 *   from app mode (indistinguishable from app arguments): set
 *   PYSEAL_INTERPRETER=1 in the child's environment for that.
 *   sys.frozen is NOT set, so multiprocessing uses the `-c` command line.
 *
 * ---------------------------------------------------------------------------
 * Configuration applied in both modes
 * ---------------------------------------------------------------------------
 *   PyConfig_InitIsolatedConfig (no PYTHON* variables, no user site, safe
 *   path), then: install_signal_handlers = 1, write_bytecode = 0,
 *   configure_c_stdio = 1, executable = base_executable = the binary's real
 *   path, home = prefix = exec_prefix = base_* = its directory,
 *   module_search_paths = [binary] (set, so getpath searches nothing).
 *   `site` still looks for <prefix>/lib/pythonX.Y/site-packages and adds it
 *   only if it exists (it normally does not); PYSEAL_NO_SITE avoids even that.
 *   Locale handling is python's own (PyPreConfig_InitPythonConfig with
 *   use_environment = 0, isolated as in PyConfig): C-locale coercion and
 *   UTF-8 mode as `python` does them.
 *   Interpreter mode additionally sets parse_argv = 1, isolated = 0 and
 *   safe_path = 0 (use_environment and user_site_directory stay 0), so
 *   `-c`, `-m`, a script (its directory first on sys.path), `-` / stdin and
 *   the REPL behave like `python -E -s` (pass -I/-P to get safe_path back).
 *
 *   `site`: interpreter mode imports it, as `python` does.  App mode does
 *   not (like PyInstaller's bootloader; it costs about a fifth of a
 *   hello-world's start-up: `os`, path fix-ups, site-packages probes): the
 *   launcher adds what an app may rely on instead, exit() and quit() and
 *   help from the frozen _sitebuiltins, and imports a `sitecustomize` if
 *   the archive has one (its errors are reported as site reports them).
 *   sys.flags.no_site is 1 in app mode; `import site` still works.
 *
 *   Zip index: initialization stops after the core phase (_init_main = 0),
 *   a directory built on demand from the archive's prebuilt index (see
 *   python/pyseal_pack) is put into zipimport's directory cache, then
 *   _Py_InitializeMain() continues.  Without a valid index zipimport reads
 *   the directory itself (~3-4 ms for the stdlib).  With it, zipimporter's
 *   get_filename and get_code answer for the executable's own archive in C
 *   (no second load of every module, no Python-level file reading); other
 *   zips, and deflated or source-only entries, keep zipimport's own code.
 *
 *   sys.excepthook (installed with the finder): a C function that imports
 *   `traceback` on first use and calls traceback.print_exception(), because
 *   the built-in hook reads source lines only from files on disk
 *   (sys.__excepthook__ is left as it was).
 *   With the packer's co_filename "<pyseal>/pkg/mod.py" linecache then gets
 *   the source from zipimporter.get_source().
 *
 *   Dotted built-ins: if any inittab name contains a dot, a tiny meta path
 *   finder is inserted right after BuiltinImporter before any user code
 *   (in the core phase, so before `site` and a sitecustomize; only with
 *   PYSEAL_NO_ZIP_INDEX is it installed after `site`).  It
 *   returns ModuleSpec(name, BuiltinImporter, origin="built-in") for those
 *   names (3.11's BuiltinImporter ignores any import with a parent path).
 *
 *   CA certificates (C, at start-up, before Python: getenv + a few stat()s):
 *   if neither SSL_CERT_FILE nor SSL_CERT_DIR is set and OpenSSL's compiled
 *   default CA file does not exist here, SSL_CERT_FILE is set (setenv, so
 *   children inherit it) to the first existing of the known system bundles
 *   (Debian/Ubuntu/Alpine, Fedora/RHEL, openSUSE, macOS/BSD).  OpenSSL's
 *   default CA *directory* is still used in addition.
 *
 * ---------------------------------------------------------------------------
 * Finding the executable
 * ---------------------------------------------------------------------------
 *   Linux: readlink("/proc/self/exe").  Fallback (no /proc): realpath of
 *   argv[0] if it has a slash, else of the first executable argv[0] on $PATH.
 *   macOS (not built yet): _NSGetExecutablePath() then realpath(); parent's
 *   executable via proc_pidpath(getppid()) from <libproc.h>.
 *   Windows (not built yet): GetModuleFileNameW(NULL) and wmain(); parent
 *   via CreateToolhelp32Snapshot + QueryFullImageNameW; compare with
 *   GetFileInformationByHandle volume serial + file index.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <marshal.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "pyseal_app.h"

#ifndef PYSEAL_INTERPRETER_ENV
#define PYSEAL_INTERPRETER_ENV "PYSEAL_INTERPRETER"
#endif
#ifndef PYSEAL_OPTIMIZE
#define PYSEAL_OPTIMIZE 0
#endif

#ifdef PYSEAL_INITTAB_ENTRIES
struct _inittab _PyImport_Inittab[] = {PYSEAL_INITTAB_ENTRIES{0, 0}};
#endif

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

static void
fatal(const char *msg)
{
    fprintf(stderr, "pyseal launcher: %s\n", msg);
    exit(120);
}

/* ---- the executable's path ------------------------------------------- */

static int
get_exe_path(const char *argv0, char *buf, size_t size)
{
#if defined(__linux__)
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n > 0 && (size_t)n < size - 1) {
        buf[n] = '\0';
        return 0;
    }
#endif
    /* macOS: uint32_t len = size; _NSGetExecutablePath(tmp, &len) then
       realpath(tmp, buf).  Windows: GetModuleFileNameW.  Portable last
       resorts (no /proc): argv[0] with a slash, relative to the cwd, else
       argv[0] searched on $PATH like a shell does. */
    if (argv0 == NULL || argv0[0] == '\0' || size < PATH_MAX) {
        return -1;
    }
    if (strchr(argv0, '/') != NULL) {
        return realpath(argv0, buf) != NULL ? 0 : -1;
    }
    {
        const char *path = getenv("PATH");
        char cand[PATH_MAX];
        while (path != NULL && *path) {
            const char *end = strchr(path, ':');
            size_t len = end ? (size_t)(end - path) : strlen(path);
            if (len > 0 && len + strlen(argv0) + 2 < sizeof cand) {
                memcpy(cand, path, len);
                cand[len] = '/';
                strcpy(cand + len + 1, argv0);
                if (access(cand, X_OK) == 0 && realpath(cand, buf) != NULL) {
                    return 0;
                }
            }
            path = end ? end + 1 : NULL;
        }
    }
    return -1;
}

/* ---- mode selection --------------------------------------------------- */

#ifdef PYSEAL_ENTRY_POINT
static int
parent_is_same_executable(void)
{
#if defined(__linux__)
    char path[64];
    struct stat self, parent;
    snprintf(path, sizeof path, "/proc/%ld/exe", (long)getppid());
    if (stat("/proc/self/exe", &self) != 0 || stat(path, &parent) != 0) {
        return 0;
    }
    return self.st_dev == parent.st_dev && self.st_ino == parent.st_ino;
#else
    /* macOS: proc_pidpath(getppid(), buf, sizeof buf) + stat() compare. */
    return 0;
#endif
}

/* argv[1..] is a run of python options that ends in -c or -m. */
static int
looks_like_python_command(int argc, char **argv)
{
    int i;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *p;
        if (a[0] != '-' || a[1] == '\0') {
            return 0; /* script path, "-" (stdin) or an app argument */
        }
        if (a[1] == '-') {
            if (strcmp(a, "--check-hash-based-pycs") == 0 && i + 1 < argc) {
                i++;
                continue;
            }
            return 0;
        }
        for (p = a + 1; *p; p++) {
            if (*p == 'c' || *p == 'm') {
                return 1;
            }
            if (*p == 'W' || *p == 'X') {
                if (p[1] == '\0') {
                    i++; /* argument in the next element */
                }
                break;
            }
            if (strchr("bBdEiIOPqRsSuvx", *p) == NULL) {
                return 0;
            }
        }
    }
    return 0;
}

static int
choose_interpreter_mode(int argc, char **argv)
{
    const char *force = getenv(PYSEAL_INTERPRETER_ENV);
    if (force != NULL && strcmp(force, "1") == 0) {
        return 1;
    }
    if (force != NULL && strcmp(force, "0") == 0) {
        return 0;
    }
    if (argc > 1 && argv[1][0] == '-' && looks_like_python_command(argc, argv)) {
        return parent_is_same_executable();
    }
    return 0;
}
#endif /* PYSEAL_ENTRY_POINT */

/* ---- CA certificates -------------------------------------------------- */

#if !defined(PYSEAL_NO_CA_FALLBACK)
#if !defined(PYSEAL_OPENSSL_CERT_FILE) && defined(__ELF__) && defined(__GNUC__)
extern const char *X509_get_default_cert_file(void) __attribute__((weak));
#endif

static void
ca_bundle_fallback(void)
{
    static const char *const bundles[] = {
        "/etc/ssl/certs/ca-certificates.crt",                /* Debian, Ubuntu, Alpine, Arch, Gentoo */
        "/etc/pki/tls/certs/ca-bundle.crt",                  /* Fedora, RHEL, CentOS */
        "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", /* RHEL 7+ */
        "/etc/ssl/ca-bundle.pem",                            /* openSUSE */
        "/etc/ssl/cert.pem",                                 /* macOS, Alpine, BSDs */
        "/etc/pki/tls/cacert.pem",                           /* OpenELEC */
        NULL};
    const char *deflt = NULL;
    struct stat st;
    int i;

    if (getenv("SSL_CERT_FILE") != NULL || getenv("SSL_CERT_DIR") != NULL) {
        return;
    }
#if defined(PYSEAL_OPENSSL_CERT_FILE)
    deflt = PYSEAL_OPENSSL_CERT_FILE;
#elif defined(__ELF__) && defined(__GNUC__)
    if (X509_get_default_cert_file != NULL) {
        deflt = X509_get_default_cert_file();
    }
#endif
    if (deflt != NULL && stat(deflt, &st) == 0) {
        return; /* OpenSSL's own default works on this machine */
    }
    for (i = 0; bundles[i] != NULL; i++) {
        if (stat(bundles[i], &st) == 0 && S_ISREG(st.st_mode)) {
            setenv("SSL_CERT_FILE", bundles[i], 0);
            return;
        }
    }
}
#endif

/* ---- dotted built-ins ------------------------------------------------- */

static const char dotted_finder_src[] =
    "import sys, _frozen_importlib as _b\n"
    "class DottedBuiltinFinder:\n"
    "    names = frozenset(n for n in sys.builtin_module_names if '.' in n)\n"
    "    @classmethod\n"
    "    def find_spec(cls, name, path=None, target=None):\n"
    "        if name in cls.names:\n"
    "            return _b.ModuleSpec(name, _b.BuiltinImporter, origin='built-in')\n"
    "m = sys.meta_path\n"
    "m.insert(m.index(_b.BuiltinImporter) + 1 if _b.BuiltinImporter in m else 0,"
    " DottedBuiltinFinder)\n";

/* Runs one of the launcher's boot snippets in a namespace of its own. */
static int
run_boot_source(const char *src)
{
    PyObject *d, *name, *r;
    d = PyDict_New();
    name = PyUnicode_FromString("_pyseal_boot");
    if (d == NULL || name == NULL || PyDict_SetItemString(d, "__builtins__", PyEval_GetBuiltins()) < 0 ||
        PyDict_SetItemString(d, "__name__", name) < 0) {
        Py_XDECREF(name);
        Py_XDECREF(d);
        return -1;
    }
    Py_DECREF(name);
    r = PyRun_String(src, Py_file_input, d, d);
    Py_DECREF(d);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

static int
install_dotted_builtin_finder(void)
{
    const struct _inittab *t;
    int dotted = 0;
    for (t = PyImport_Inittab; t->name != NULL; t++) {
        if (strchr(t->name, '.') != NULL) {
            dotted = 1;
            break;
        }
    }
    if (!dotted) {
        return 0;
    }
    return run_boot_source(dotted_finder_src);
}

/* ---- standalone extension files beside the executable ------------------ */

#if defined(PYSEAL_STANDALONE_MODULES) && defined(PYSEAL_SIDE_DIR)
static const char standalone_finder_src[] =
    "import sys\n"
    "class StandaloneFileFinder:\n"
    "    files = " PYSEAL_STANDALONE_MODULES "\n"
    "    side = " "\"" PYSEAL_SIDE_DIR "\"" "\n"
    "    @classmethod\n"
    "    def find_spec(cls, name, path=None, target=None):\n"
    "        relative = cls.files.get(name)\n"
    "        if relative is None:\n"
    "            return None\n"
    "        import _frozen_importlib_external as e\n"
    "        side = cls.side if cls.side.startswith('/') else"
    " e._path_join(e._path_split(sys.executable)[0], cls.side)\n"
    "        file = e._path_join(side, relative)\n"
    "        return e.spec_from_file_location(name, file, loader=e.ExtensionFileLoader(name, file))\n"
    "sys.meta_path.append(StandaloneFileFinder)\n";
#endif

static int
install_standalone_finder(void)
{
#if defined(PYSEAL_STANDALONE_MODULES) && defined(PYSEAL_SIDE_DIR)
    return run_boot_source(standalone_finder_src);
#else
    return 0;
#endif
}

/* ---- sys.excepthook with source lines -------------------------------- */

/* The default sys.excepthook (C) reads source lines only from files on disk;
   the traceback module goes through linecache, which asks the module's
   __loader__ (zipimporter.get_source).  `traceback` is imported only when an
   exception is actually reported. */
static PyObject *
pyseal_excepthook(PyObject *self, PyObject *args)
{
    PyObject *tb_mod, *hook, *r;
    (void)self;
    tb_mod = PyImport_ImportModule("traceback");
    if (tb_mod == NULL) {
        hook = PySys_GetObject("__excepthook__"); /* borrowed */
        PyErr_Clear();
        return hook ? PyObject_Call(hook, args, NULL) : NULL;
    }
    hook = PyObject_GetAttrString(tb_mod, "print_exception");
    Py_DECREF(tb_mod);
    if (hook == NULL) {
        return NULL;
    }
    r = PyObject_Call(hook, args, NULL); /* (type, value, traceback) */
    Py_DECREF(hook);
    return r;
}

static PyMethodDef excepthook_def = {
    "excepthook", pyseal_excepthook, METH_VARARGS,
    "pyseal: print an exception with source lines read through the loader"};

static int
install_excepthook(void)
{
    int rc;
    PyObject *hook = PyCFunction_New(&excepthook_def, NULL);
    if (hook == NULL) {
        return -1;
    }
    rc = PySys_SetObject("excepthook", hook);
    Py_DECREF(hook);
    return rc;
}

/* ---- prebuilt zip directory index ------------------------------------ */

#ifndef PYSEAL_NO_ZIP_INDEX
static uint64_t
le(const unsigned char *p, int n)
{
    uint64_t v = 0;
    while (n-- > 0) {
        v = (v << 8) | p[n];
    }
    return v;
}

/* pyseal_pack's index (see _write_index there): "PSIX0002", <I cd entries>,
   <I n>, <I record offset>*n, then n records sorted by UTF-8 name:
   <H name length> <H compress> <I crc> <I data size> <I file size>
   <Q local header offset> <H dos time> <H dos date> name. */
enum { INDEX_HEAD = 16, RECORD_FIXED = 28 };

/* zipimport's directory cache entry for one archive, filled on demand.  A dict
   subclass: zipimport only asks `name in files` and `files[name]`, which are
   answered by a binary search over the index, building just that entry's tuple
   (the same tuple _read_directory() makes, in 3.11 .. 3.13).  Anything else
   (iteration, len, keys(), ...: pkgutil, importlib.resources) first fills the
   whole dict, then behaves as a plain dict. */
typedef struct {
    PyDictObject dict;
    unsigned char *index; /* owned; NULL once complete */
    uint32_t count;
    const unsigned char *records;
    PyObject *archive; /* str: the executable's path */
    uint64_t arc;      /* bytes before the archive: the program */
} LazyDirectory;

static PyTypeObject LazyDirectory_Type;

static const unsigned char *
lazy_record(LazyDirectory *self, uint32_t i)
{
    return self->records + le(self->index + INDEX_HEAD + 4 * (size_t)i, 4);
}

/* Adds record i to the dict; returns the new tuple (borrowed) or NULL. */
static PyObject *
lazy_add(LazyDirectory *self, uint32_t i)
{
    const unsigned char *r = lazy_record(self, i);
    Py_ssize_t name_len = (Py_ssize_t)le(r, 2);
    PyObject *name, *path, *t;
    int rc;

    name = PyUnicode_DecodeUTF8((const char *)r + RECORD_FIXED, name_len, NULL);
    if (name == NULL) {
        return NULL;
    }
    /* Windows would need '/' -> '\\' in the name, like zipimport. */
    path = PyUnicode_FromFormat("%U/%U", self->archive, name);
    t = path == NULL ? NULL
                     : Py_BuildValue("(NiKKKiiK)", path, (int)le(r + 2, 2), (unsigned long long)le(r + 8, 4),
                                     (unsigned long long)le(r + 12, 4),
                                     (unsigned long long)(le(r + 16, 8) + self->arc), (int)le(r + 24, 2),
                                     (int)le(r + 26, 2), (unsigned long long)le(r + 4, 4));
    rc = t == NULL ? -1 : PyDict_SetItem((PyObject *)self, name, t);
    Py_DECREF(name);
    Py_XDECREF(t); /* the dict holds it */
    return rc < 0 ? NULL : t;
}

/* 1 and the entry added, 0 when the index does not list key, -1 on error. */
static int
lazy_find(LazyDirectory *self, PyObject *key)
{
    const char *want;
    Py_ssize_t want_len;
    uint32_t lo = 0, hi = self->count;

    if (self->index == NULL || !PyUnicode_Check(key)) {
        return 0;
    }
    want = PyUnicode_AsUTF8AndSize(key, &want_len);
    if (want == NULL) {
        PyErr_Clear();
        return 0;
    }
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        const unsigned char *r = lazy_record(self, mid);
        size_t len = (size_t)le(r, 2);
        size_t common = len < (size_t)want_len ? len : (size_t)want_len;
        int c = memcmp(r + RECORD_FIXED, want, common);
        if (c == 0) {
            c = len < (size_t)want_len ? -1 : len > (size_t)want_len ? 1 : 0;
        }
        if (c == 0) {
            return lazy_add(self, mid) == NULL ? -1 : 1;
        }
        if (c < 0) {
            lo = mid + 1;
        }
        else {
            hi = mid;
        }
    }
    return 0;
}

/* Every entry into the dict, then it is a plain dict. */
static int
lazy_complete(LazyDirectory *self)
{
    uint32_t i;
    if (self->index == NULL) {
        return 0;
    }
    for (i = 0; i < self->count; i++) {
        const unsigned char *r = lazy_record(self, i);
        PyObject *name = PyUnicode_DecodeUTF8((const char *)r + RECORD_FIXED, (Py_ssize_t)le(r, 2), NULL);
        int present = name == NULL ? -1 : PyDict_Contains((PyObject *)self, name);
        Py_XDECREF(name);
        if (present < 0 || (!present && lazy_add(self, i) == NULL)) {
            return -1;
        }
    }
    PyMem_RawFree(self->index);
    self->index = NULL;
    return 0;
}

static int
lazy_contains(PyObject *op, PyObject *key)
{
    int found = PyDict_Type.tp_as_sequence->sq_contains(op, key);
    return found != 0 ? found : lazy_find((LazyDirectory *)op, key);
}

static PyObject *
lazy_subscript(PyObject *op, PyObject *key)
{
    if (PyDict_Type.tp_as_sequence->sq_contains(op, key) == 0 && lazy_find((LazyDirectory *)op, key) < 0) {
        return NULL;
    }
    return PyDict_Type.tp_as_mapping->mp_subscript(op, key);
}

static PyObject *
lazy_get(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *value;
    if (nargs < 1 || nargs > 2) {
        PyErr_SetString(PyExc_TypeError, "get expected 1 or 2 arguments");
        return NULL;
    }
    if (lazy_contains(op, args[0]) < 0) {
        return NULL;
    }
    value = PyDict_GetItemWithError(op, args[0]);
    if (value == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        value = nargs == 2 ? args[1] : Py_None;
    }
    Py_INCREF(value);
    return value;
}

static Py_ssize_t
lazy_length(PyObject *op)
{
    return lazy_complete((LazyDirectory *)op) < 0 ? -1 : PyDict_Size(op);
}

static PyObject *
lazy_iter(PyObject *op)
{
    return lazy_complete((LazyDirectory *)op) < 0 ? NULL : PyDict_Type.tp_iter(op);
}

static PyObject *
lazy_repr(PyObject *op)
{
    return lazy_complete((LazyDirectory *)op) < 0 ? NULL : PyDict_Type.tp_repr(op);
}

static PyObject *
lazy_richcompare(PyObject *op, PyObject *other, int cmp)
{
    if (lazy_complete((LazyDirectory *)op) < 0 ||
        (PyObject_TypeCheck(other, &LazyDirectory_Type) && lazy_complete((LazyDirectory *)other) < 0)) {
        return NULL;
    }
    return PyDict_Type.tp_richcompare(op, other, cmp);
}

/* Fills the dict, then calls dict's own method of that name. */
static PyObject *
lazy_then_dict(PyObject *op, const char *method, PyObject *args, PyObject *kwargs)
{
    PyObject *descr, *full, *r;
    Py_ssize_t i, n = PyTuple_GET_SIZE(args);
    if (lazy_complete((LazyDirectory *)op) < 0) {
        return NULL;
    }
    descr = PyObject_GetAttrString((PyObject *)&PyDict_Type, method);
    full = PyTuple_New(n + 1);
    if (descr == NULL || full == NULL) {
        Py_XDECREF(descr);
        Py_XDECREF(full);
        return NULL;
    }
    Py_INCREF(op);
    PyTuple_SET_ITEM(full, 0, op);
    for (i = 0; i < n; i++) {
        Py_INCREF(PyTuple_GET_ITEM(args, i));
        PyTuple_SET_ITEM(full, i + 1, PyTuple_GET_ITEM(args, i));
    }
    r = PyObject_Call(descr, full, kwargs);
    Py_DECREF(descr);
    Py_DECREF(full);
    return r;
}

#define LAZY_METHOD(name)                                                   \
    static PyObject *lazy_##name(PyObject *op, PyObject *args, PyObject *kw) \
    {                                                                       \
        return lazy_then_dict(op, #name, args, kw);                         \
    }
LAZY_METHOD(keys)
LAZY_METHOD(values)
LAZY_METHOD(items)
LAZY_METHOD(copy)
LAZY_METHOD(pop)
LAZY_METHOD(popitem)
LAZY_METHOD(setdefault)
LAZY_METHOD(__reversed__)
#undef LAZY_METHOD

#define LAZY_ENTRY(name) {#name, (PyCFunction)(void (*)(void))lazy_##name, METH_VARARGS | METH_KEYWORDS, NULL}
static PyMethodDef lazy_methods[] = {
    {"get", (PyCFunction)(void (*)(void))lazy_get, METH_FASTCALL, NULL},
    LAZY_ENTRY(keys),
    LAZY_ENTRY(values),
    LAZY_ENTRY(items),
    LAZY_ENTRY(copy),
    LAZY_ENTRY(pop),
    LAZY_ENTRY(popitem),
    LAZY_ENTRY(setdefault),
    LAZY_ENTRY(__reversed__),
    {NULL, NULL, 0, NULL},
};
#undef LAZY_ENTRY

static PySequenceMethods lazy_as_sequence;
static PyMappingMethods lazy_as_mapping;

static void
lazy_dealloc(PyObject *op)
{
    LazyDirectory *self = (LazyDirectory *)op;
    PyMem_RawFree(self->index);
    self->index = NULL;
    Py_CLEAR(self->archive);
    PyDict_Type.tp_dealloc(op);
}

static PyTypeObject LazyDirectory_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pyseal.ZipDirectory",
    .tp_basicsize = sizeof(LazyDirectory),
    .tp_dealloc = lazy_dealloc,
    .tp_repr = lazy_repr,
    .tp_as_sequence = &lazy_as_sequence,
    .tp_as_mapping = &lazy_as_mapping,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "zipimport's directory of the executable's archive, read from pyseal's index on demand",
    .tp_richcompare = lazy_richcompare,
    .tp_iter = lazy_iter,
    .tp_methods = lazy_methods,
};

/* zipimport, sped up for the executable's own archive (whose .pyc files are
   never stale and whose bytecode is stored, not deflated):
   - get_filename() works the path out by loading the module's code, and
     importlib calls it while it only looks for the module (spec_from_loader):
     every module would be read and unmarshalled twice.  Here the path is the
     first of zipimport's search order present in the directory.
   - get_code() opens the file, seeks, parses the local header and checks the
     .pyc header in Python for every module.  Here two pread()s on a descriptor
     kept open (close-on-exec) get the header and the bytes, unmarshalled at
     once.  (A map of the executable would be quicker still, but every page
     read would stay counted in the process's resident memory.)
   Anything else (another zip on sys.path, a deflated or source-only entry, a
   .pyc that is not unchecked-hash) goes to zipimport's own method. */
static PyObject *zip_get_filename_orig; /* zipimporter.get_filename */
static PyObject *zip_get_code_orig;     /* zipimporter.get_code */
static PyObject *zip_archive;           /* the executable's path */
static PyObject *zip_directory_cache;   /* zipimport._zip_directory_cache */
static int zip_fd = -1;                 /* the executable, open for reading */
static uint64_t zip_file_size;
static unsigned char pyc_magic[4];      /* importlib's MAGIC_NUMBER */
static PyObject *pyc_suffix;            /* ".pyc" */

/* The directory entry zipimport would load fullname from, if self is an
   importer of the executable's archive: a new reference to its key, or NULL
   (no error set) when it is not ours or not there. */
static PyObject *
zip_own_entry(PyObject *self, PyObject *fullname, PyObject **files_out)
{
    static const char *const order[] = {"/__init__.pyc", "/__init__.py", ".pyc", ".py"};
    PyObject *archive, *prefix = NULL, *files = NULL, *sub = NULL, *found = NULL;
    Py_ssize_t dot;
    size_t i;
    archive = PyObject_GetAttrString(self, "archive");
    if (archive != NULL && PyUnicode_Check(archive) && PyUnicode_Compare(archive, zip_archive) == 0) {
        prefix = PyObject_GetAttrString(self, "prefix");
        files = PyObject_GetItem(zip_directory_cache, archive);
        /* the last component: zipimport's prefix already holds the package's path */
        dot = PyUnicode_FindChar(fullname, '.', 0, PyUnicode_GET_LENGTH(fullname), -1);
        sub = dot >= -1 ? PyUnicode_Substring(fullname, dot + 1, PyUnicode_GET_LENGTH(fullname)) : NULL;
        for (i = 0; prefix != NULL && files != NULL && sub != NULL && found == NULL && i < 4; i++) {
            PyObject *key = PyUnicode_FromFormat("%U%U%s", prefix, sub, order[i]);
            int present = key == NULL ? -1 : PySequence_Contains(files, key);
            if (present > 0) {
                found = key;
                key = NULL;
            }
            Py_XDECREF(key);
            if (present < 0) {
                break;
            }
        }
    }
    Py_XDECREF(archive);
    Py_XDECREF(prefix);
    Py_XDECREF(sub);
    if (found != NULL && files_out != NULL) {
        *files_out = files;
    }
    else {
        Py_XDECREF(files);
    }
    PyErr_Clear();
    return found;
}

static PyObject *
zip_get_filename(PyObject *unused, PyObject *args)
{
    PyObject *self, *fullname, *key, *path;
    (void)unused;
    if (!PyArg_ParseTuple(args, "OU:get_filename", &self, &fullname)) {
        return NULL;
    }
    key = zip_own_entry(self, fullname, NULL);
    if (key == NULL) { /* not ours, or not found: zipimport's own answer, error included */
        return PyObject_CallFunctionObjArgs(zip_get_filename_orig, self, fullname, NULL);
    }
    path = PyUnicode_FromFormat("%U/%U", zip_archive, key);
    Py_DECREF(key);
    return path;
}

/* The code of a stored, unchecked-hash .pyc entry, read from the executable;
   NULL without an error when zipimport must decide. */
static PyObject *
zip_read_code(PyObject *entry)
{
    unsigned long long compress, size, offset, start;
    unsigned char header[30];
    char *data;
    PyObject *code = NULL;
    if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 8) {
        return NULL;
    }
    compress = PyLong_AsUnsignedLongLong(PyTuple_GET_ITEM(entry, 1));
    size = PyLong_AsUnsignedLongLong(PyTuple_GET_ITEM(entry, 2));
    offset = PyLong_AsUnsignedLongLong(PyTuple_GET_ITEM(entry, 4));
    if (PyErr_Occurred() || compress != 0 || size < 16 || size > PY_SSIZE_T_MAX || offset + 30 > zip_file_size ||
        pread(zip_fd, header, sizeof header, (off_t)offset) != (ssize_t)sizeof header ||
        memcmp(header, "PK\003\004", 4) != 0) {
        PyErr_Clear();
        return NULL;
    }
    start = offset + 30 + le(header + 26, 2) + le(header + 28, 2);
    if (start + size > zip_file_size || (data = PyMem_RawMalloc((size_t)size)) == NULL) {
        return NULL;
    }
    /* magic, then flags 0b01: hash-based, source never checked (pyseal_pack's) */
    if (pread(zip_fd, data, (size_t)size, (off_t)start) == (ssize_t)size && memcmp(data, pyc_magic, 4) == 0 &&
        le((const unsigned char *)data + 4, 4) == 1) {
        code = PyMarshal_ReadObjectFromString(data + 16, (Py_ssize_t)(size - 16));
        if (code != NULL && !PyCode_Check(code)) {
            Py_CLEAR(code);
        }
    }
    PyMem_RawFree(data);
    PyErr_Clear();
    return code;
}

static PyObject *
zip_get_code(PyObject *unused, PyObject *args)
{
    PyObject *self, *fullname, *key, *files = NULL, *entry, *code = NULL;
    (void)unused;
    if (!PyArg_ParseTuple(args, "OU:get_code", &self, &fullname)) {
        return NULL;
    }
    key = zip_fd >= 0 ? zip_own_entry(self, fullname, &files) : NULL;
    if (key != NULL && PyUnicode_Tailmatch(key, pyc_suffix, 0, PY_SSIZE_T_MAX, +1) == 1) {
        entry = PyObject_GetItem(files, key);
        code = entry != NULL ? zip_read_code(entry) : NULL;
        Py_XDECREF(entry);
        PyErr_Clear();
    }
    Py_XDECREF(key);
    Py_XDECREF(files);
    return code != NULL ? code : PyObject_CallFunctionObjArgs(zip_get_code_orig, self, fullname, NULL);
}

static PyMethodDef zip_get_filename_def = {
    "get_filename", zip_get_filename, METH_VARARGS,
    "pyseal: the module's path in the archive, found without loading its code"};
static PyMethodDef zip_get_code_def = {
    "get_code", zip_get_code, METH_VARARGS,
    "pyseal: the module's code, read from the executable and unmarshalled"};

/* zipimporter.<def->ml_name> = def, bound like a method; the old one in *orig. */
static int
replace_zipimporter_method(PyObject *cls, PyMethodDef *def, PyObject **orig)
{
    PyObject *old = PyObject_GetAttrString(cls, def->ml_name);
    PyObject *fn = old ? PyCFunction_New(def, NULL) : NULL;
    PyObject *method = fn ? PyInstanceMethod_New(fn) : NULL;
    int ok = method != NULL && PyObject_SetAttrString(cls, def->ml_name, method) == 0;
    if (ok) {
        *orig = old;
        old = NULL;
    }
    PyErr_Clear();
    Py_XDECREF(method);
    Py_XDECREF(fn);
    Py_XDECREF(old);
    return ok;
}

static void
install_zip_fast_paths(PyObject *zipimport, PyObject *archive, PyObject *cache, const char *exe, uint64_t size)
{
    PyObject *cls = PyObject_GetAttrString(zipimport, "zipimporter");
    PyObject *external = PyImport_ImportModule("_frozen_importlib_external");
    PyObject *magic = external ? PyObject_GetAttrString(external, "MAGIC_NUMBER") : NULL;

    if (pyc_suffix == NULL) {
        pyc_suffix = PyUnicode_InternFromString(".pyc");
    }
    if (cls != NULL && pyc_suffix != NULL) {
        zip_archive = archive;
        Py_INCREF(archive);
        zip_directory_cache = cache;
        Py_INCREF(cache);
        replace_zipimporter_method(cls, &zip_get_filename_def, &zip_get_filename_orig);
        if (magic != NULL && PyBytes_Check(magic) && PyBytes_GET_SIZE(magic) == 4 &&
            (zip_fd = open(exe, O_RDONLY | O_CLOEXEC)) >= 0) {
            memcpy(pyc_magic, PyBytes_AS_STRING(magic), 4);
            zip_file_size = size;
            if (!replace_zipimporter_method(cls, &zip_get_code_def, &zip_get_code_orig)) {
                close(zip_fd);
                zip_fd = -1;
            }
        }
    }
    PyErr_Clear();
    Py_XDECREF(magic);
    Py_XDECREF(external);
    Py_XDECREF(cls);
}

/* Called between the core and the main phase of initialization, before the
   first import from the archive (encodings).  Finds the index that
   pyseal_pack appended (located by the zip comment "PYSEALIX" <Q data offset>
   <Q length>) and stores a LazyDirectory over it in
   zipimport._zip_directory_cache[exe], so zipimport never parses the central
   directory in Python and no entry is built before it is asked for.  Any
   mismatch => do nothing: zipimport reads the directory itself. */
static void
preload_zip_index(const char *exe)
{
    enum { EOCD = 22, COMMENT = 24 };
    unsigned char tail[EOCD + COMMENT];
    FILE *f;
    long end;
    uint64_t cd_size, cd_offset, zip_size, arc, off, len, count, n;
    unsigned char *payload = NULL;
    PyObject *archive = NULL, *mod = NULL, *cache = NULL, *empty = NULL;
    LazyDirectory *dir = NULL;

    f = fopen(exe, "rb");
    if (f == NULL) {
        return;
    }
    if (fseek(f, -(long)sizeof tail, SEEK_END) != 0 || (end = ftell(f)) < 0 ||
        fread(tail, 1, sizeof tail, f) != sizeof tail || memcmp(tail, "PK\005\006", 4) != 0 ||
        le(tail + 20, 2) != COMMENT || memcmp(tail + EOCD, "PYSEALIX", 8) != 0) {
        goto done;
    }
    end += (long)sizeof tail; /* file size */
    count = le(tail + 10, 2); /* central directory entries, index included */
    cd_size = le(tail + 12, 4);
    cd_offset = le(tail + 16, 4);
    off = le(tail + EOCD + 8, 8);
    len = le(tail + EOCD + 16, 8);
    zip_size = cd_offset + cd_size + EOCD + COMMENT;
    if (cd_offset == 0xFFFFFFFFu || zip_size > (uint64_t)end || off + len > cd_offset || len < INDEX_HEAD ||
        len > 64u * 1024 * 1024) {
        goto done;
    }
    arc = (uint64_t)end - zip_size; /* bytes before the archive: the program */
    payload = PyMem_RawMalloc(len);
    if (payload == NULL || fseek(f, (long)(arc + off), SEEK_SET) != 0 || fread(payload, 1, len, f) != len) {
        goto done;
    }
    n = le(payload + 12, 4);
    if (memcmp(payload, "PSIX0002", 8) != 0 || le(payload + 8, 4) != count || n + 1 != count ||
        INDEX_HEAD + 4 * n > len) {
        goto done;
    }
    for (uint64_t i = 0; i < n; i++) { /* every record inside the payload */
        uint64_t at = INDEX_HEAD + 4 * n + le(payload + INDEX_HEAD + 4 * i, 4);
        if (at + RECORD_FIXED > len || at + RECORD_FIXED + le(payload + at, 2) > len) {
            goto done;
        }
    }
    lazy_as_sequence = *PyDict_Type.tp_as_sequence;
    lazy_as_sequence.sq_contains = lazy_contains;
    lazy_as_mapping = *PyDict_Type.tp_as_mapping;
    lazy_as_mapping.mp_length = lazy_length;
    lazy_as_mapping.mp_subscript = lazy_subscript;
    LazyDirectory_Type.tp_base = &PyDict_Type;
    LazyDirectory_Type.tp_traverse = PyDict_Type.tp_traverse; /* the archive path is a str: nothing more */
    LazyDirectory_Type.tp_clear = PyDict_Type.tp_clear;
    if (PyType_Ready(&LazyDirectory_Type) < 0) {
        goto done;
    }
    archive = PyUnicode_DecodeFSDefault(exe);
    empty = PyTuple_New(0);
    dir = archive && empty ? (LazyDirectory *)PyObject_Call((PyObject *)&LazyDirectory_Type, empty, NULL) : NULL;
    if (dir == NULL) {
        goto done;
    }
    dir->index = payload;
    payload = NULL;
    dir->count = (uint32_t)n;
    dir->records = dir->index + INDEX_HEAD + 4 * n;
    dir->archive = archive;
    Py_INCREF(archive);
    dir->arc = arc;
    mod = PyImport_ImportModule("zipimport");
    cache = mod ? PyObject_GetAttrString(mod, "_zip_directory_cache") : NULL;
    if (cache != NULL && PyDict_Check(cache) && PyDict_SetItem(cache, archive, (PyObject *)dir) == 0) {
        install_zip_fast_paths(mod, archive, cache, exe, (uint64_t)end);
    }
done:
    PyErr_Clear();
    Py_XDECREF(cache);
    Py_XDECREF(mod);
    Py_XDECREF((PyObject *)dir);
    Py_XDECREF(empty);
    Py_XDECREF(archive);
    PyMem_RawFree(payload);
    fclose(f);
}
#endif

/* ---- what `site` gives an app ---------------------------------------- */

#ifndef PYSEAL_NO_SITE
/* Is the pending error "No module named 'sitecustomize'"?  If so, clears it. */
static int
sitecustomize_is_missing(void)
{
    PyObject *type, *value, *tb, *name;
    int missing;
    if (!PyErr_ExceptionMatches(PyExc_ModuleNotFoundError)) {
        return 0;
    }
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    name = value != NULL ? PyObject_GetAttrString(value, "name") : NULL;
    missing = name != NULL && PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, "sitecustomize") == 0;
    Py_XDECREF(name);
    PyErr_Clear();
    if (missing) {
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
    }
    else {
        PyErr_Restore(type, value, tb);
    }
    return missing;
}

/* exit(), quit() and help, as site.setquit() and site.sethelper() make them,
   then the archive's sitecustomize, if any, as site.execsitecustomize(). */
static int
app_site(void)
{
    PyObject *sb = PyImport_ImportModule("_sitebuiltins"); /* frozen */
    PyObject *builtins = PyEval_GetBuiltins();            /* borrowed */
    PyObject *quitter, *helper, *obj, *custom;
    static const char *const names[] = {"exit", "quit"};
    size_t i;
    int rc = 0;

    if (sb == NULL || builtins == NULL) {
        Py_XDECREF(sb);
        return -1;
    }
    quitter = PyObject_GetAttrString(sb, "Quitter");
    helper = PyObject_GetAttrString(sb, "_Helper");
    Py_DECREF(sb);
    if (quitter == NULL || helper == NULL) {
        rc = -1;
    }
    for (i = 0; rc == 0 && i < 2; i++) {
        obj = PyObject_CallFunction(quitter, "ss", names[i], "Ctrl-D (i.e. EOF)");
        rc = obj == NULL ? -1 : PyDict_SetItemString(builtins, names[i], obj);
        Py_XDECREF(obj);
    }
    obj = rc == 0 ? PyObject_CallNoArgs(helper) : NULL;
    rc = obj == NULL ? -1 : PyDict_SetItemString(builtins, "help", obj);
    Py_XDECREF(obj);
    Py_XDECREF(quitter);
    Py_XDECREF(helper);
    if (rc < 0) {
        return -1;
    }
    custom = PyImport_ImportModule("sitecustomize");
    if (custom == NULL && !sitecustomize_is_missing()) {
        fprintf(stderr, "Error in sitecustomize; the traceback follows:\n");
        PyErr_Print();
    }
    Py_XDECREF(custom);
    return 0;
}
#endif

/* ---- app-mode command ------------------------------------------------- */

#ifdef PYSEAL_ENTRY_POINT
static char *
app_command(void)
{
    const char *ep = PYSEAL_ENTRY_POINT;
    const char *colon = strchr(ep, ':');
    const char *p;
    size_t n = strlen(ep);
    char *cmd = malloc(3 * n + 128);
    char *first;
    size_t modlen;

    if (cmd == NULL) {
        fatal("out of memory");
    }
    for (p = ep; *p; p++) {
        if (!(Py_ISALNUM(*p) || *p == '_' || *p == '.' || *p == ':')) {
            fatal("invalid PYSEAL_ENTRY_POINT");
        }
    }
    if (colon == NULL) {
        snprintf(cmd, 3 * n + 128,
                 "__import__('runpy')._run_module_as_main('%s', False)\n", ep);
        return cmd;
    }
    modlen = (size_t)(colon - ep);
    /* first component of the attribute path */
    first = strdup(colon + 1);
    if (first == NULL) {
        fatal("out of memory");
    }
    first[strcspn(first, ".")] = '\0';
    snprintf(cmd, 3 * n + 128,
             "import sys\nfrom %.*s import %s\nsys.exit(%s())\n",
             (int)modlen, ep, first, colon + 1);
    free(first);
    return cmd;
}
#endif

/* ---- main ------------------------------------------------------------- */

static void
check(PyStatus status, PyConfig *config)
{
    if (PyStatus_Exception(status)) {
        if (config != NULL) {
            PyConfig_Clear(config);
        }
        if (PyStatus_IsExit(status)) {
            exit(status.exitcode);
        }
        Py_ExitStatusException(status);
    }
}

int
main(int argc, char **argv)
{
    char exe[PATH_MAX + 1];
    char dir[PATH_MAX + 1];
    char *slash;
    wchar_t *wexe;
    PyPreConfig preconfig;
    PyConfig config;
    PyStatus status;
    int interpreter = 1;
#ifdef PYSEAL_ENTRY_POINT
    char *cmd = NULL;
#endif

    if (get_exe_path(argc > 0 ? argv[0] : NULL, exe, sizeof exe) != 0) {
        fatal("cannot find the path of this executable");
    }
    memcpy(dir, exe, sizeof exe);
    slash = strrchr(dir, '/');
    if (slash == NULL) {
        fatal("executable path is not absolute");
    }
    *(slash == dir ? slash + 1 : slash) = '\0';

#ifdef PYSEAL_ENTRY_POINT
    interpreter = choose_interpreter_mode(argc, argv);
#endif
#if !defined(PYSEAL_NO_CA_FALLBACK)
    ca_bundle_fallback();
#endif

    /* Pre-initialize like `python` (locale, UTF-8 mode) but isolated. */
    PyPreConfig_InitPythonConfig(&preconfig);
    preconfig.isolated = !interpreter;
    preconfig.use_environment = 0;
    preconfig.parse_argv = interpreter;
    status = interpreter ? Py_PreInitializeFromBytesArgs(&preconfig, argc, argv)
                         : Py_PreInitialize(&preconfig);
    check(status, NULL);

    PyConfig_InitIsolatedConfig(&config);
    config.install_signal_handlers = 1;
    config.write_bytecode = 0;
    config.configure_c_stdio = 1;
    config.optimization_level = PYSEAL_OPTIMIZE;
#ifdef PYSEAL_NO_SITE
    config.site_import = 0;
#endif
    if (!interpreter) {
        config.site_import = 0; /* app_site() below does what an app needs of it */
    }
    config.parse_argv = interpreter;
    if (interpreter) {
        /* like `python -E -s`: isolated would force safe_path = 1 */
        config.isolated = 0;
        config.safe_path = 0;
        config.use_environment = 0;
        config.user_site_directory = 0;
    }

    status = PyConfig_SetBytesArgv(&config, argc, argv);
    check(status, &config);
    status = PyConfig_SetBytesString(&config, &config.executable, exe);
    check(status, &config);
    status = PyConfig_SetBytesString(&config, &config.base_executable, exe);
    check(status, &config);
    status = PyConfig_SetBytesString(&config, &config.home, dir);
    check(status, &config);
    status = PyConfig_SetBytesString(&config, &config.prefix, dir);
    check(status, &config);
    status = PyConfig_SetBytesString(&config, &config.exec_prefix, dir);
    check(status, &config);
    status = PyConfig_SetBytesString(&config, &config.base_prefix, dir);
    check(status, &config);
    status = PyConfig_SetBytesString(&config, &config.base_exec_prefix, dir);
    check(status, &config);

    wexe = Py_DecodeLocale(exe, NULL);
    if (wexe == NULL) {
        fatal("cannot decode the executable path");
    }
    config.module_search_paths_set = 1;
    status = PyWideStringList_Append(&config.module_search_paths, wexe);
    PyMem_RawFree(wexe);
    check(status, &config);
#ifdef PYSEAL_SIDE_DIR
    {
        char side[2 * PATH_MAX + 2];
        wchar_t *wside;
        if (PYSEAL_SIDE_DIR[0] == '/') {
            snprintf(side, sizeof side, "%s", PYSEAL_SIDE_DIR);
        }
        else {
            snprintf(side, sizeof side, "%s/%s", strcmp(dir, "/") ? dir : "", PYSEAL_SIDE_DIR);
        }
        wside = Py_DecodeLocale(side, NULL);
        if (wside == NULL) {
            fatal("cannot decode PYSEAL_SIDE_DIR");
        }
        status = PyWideStringList_Append(&config.module_search_paths, wside);
        PyMem_RawFree(wside);
        check(status, &config);
    }
#endif

#ifdef PYSEAL_ENTRY_POINT
    if (!interpreter) {
        cmd = app_command();
        status = PyConfig_SetBytesString(&config, &config.run_command, cmd);
        free(cmd);
        check(status, &config);
    }
#endif

#ifndef PYSEAL_NO_ZIP_INDEX
    config._init_main = 0; /* stop after the core phase: see preload_zip_index */
#endif
    status = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    check(status, NULL);
    /* With PYSEAL_NO_ZIP_INDEX the hooks come after `site` (and so after a
       sitecustomize); otherwise before anything is imported from the zip. */
    if (install_excepthook() < 0 || install_dotted_builtin_finder() < 0 || install_standalone_finder() < 0) {
        PyErr_Print();
        fprintf(stderr, "pyseal launcher: cannot install the boot hooks\n");
        Py_Finalize();
        return 120;
    }
#ifndef PYSEAL_NO_ZIP_INDEX
    preload_zip_index(exe);
    status = _Py_InitializeMain();
    check(status, NULL);
#endif
#ifndef PYSEAL_NO_SITE
    if (!interpreter && app_site() < 0) {
        PyErr_Print();
        fprintf(stderr, "pyseal launcher: cannot add exit(), quit() and help\n");
        Py_Finalize();
        return 120;
    }
#endif
    return Py_RunMain();
}

/*
 * The launcher's small services (services.h says when launcher.c calls each):
 * a CA bundle for OpenSSL where the compiled-in one is missing, a
 * sys.excepthook that shows source lines from the archive, the finders for
 * dotted built-ins, for extension files beside the executable and for the
 * modules left out of it, and what `site` would give an app (exit(), quit(),
 * help, sitecustomize).  Each reads its own switches from the generated
 * pyseal_app.h (c/README.md lists them); a service switched off there does
 * nothing.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pyseal_app.h"
#include "services.h"

/* ---- CA certificates -------------------------------------------------- */

#if defined(PYSEAL_NO_CA_FALLBACK)
void
pyseal_ca_bundle_fallback(void)
{
}
#else
#if !defined(PYSEAL_OPENSSL_CERT_FILE) && defined(__ELF__) && defined(__GNUC__)
extern const char *X509_get_default_cert_file(void) __attribute__((weak));
#endif

void
pyseal_ca_bundle_fallback(void)
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

int
pyseal_install_dotted_builtin_finder(void)
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

int
pyseal_install_standalone_finder(void)
{
#if defined(PYSEAL_STANDALONE_MODULES) && defined(PYSEAL_SIDE_DIR)
    return run_boot_source(standalone_finder_src);
#else
    return 0;
#endif
}

/* ---- extension modules left out of the executable --------------------- */

/* A left-out module's import fails with pyseal's reason, never by accident: without
   this a folder of type stubs beside it (`_rust/` of `.pyi` files) would import as an empty
   namespace package.  First on sys.meta_path, so no other finder answers first. */
#ifdef PYSEAL_LEFT_OUT_MODULES
static const char left_out_finder_src[] =
    "import sys, _frozen_importlib as _b\n"
    "class LeftOutModuleFinder:\n"
    "    reasons = " PYSEAL_LEFT_OUT_MODULES "\n"
    "    @classmethod\n"
    "    def find_spec(cls, name, path=None, target=None):\n"
    "        if name in cls.reasons:\n"
    "            return _b.ModuleSpec(name, cls, origin='left out by pyseal')\n"
    "    @classmethod\n"
    "    def create_module(cls, spec):\n"
    "        raise ModuleNotFoundError(cls.reasons[spec.name], name=spec.name)\n"
    "    @classmethod\n"
    "    def exec_module(cls, module):\n"
    "        pass\n"
    "sys.meta_path.insert(0, LeftOutModuleFinder)\n";
#endif

int
pyseal_install_left_out_finder(void)
{
#ifdef PYSEAL_LEFT_OUT_MODULES
    return run_boot_source(left_out_finder_src);
#else
    return 0;
#endif
}

/* ---- stdlib modules --stdlib imported left out ----------------------- */

/* Last on sys.meta_path, so asked only when nothing else found the name: an import
   of a stdlib module the build left out raises ModuleNotFoundError naming the
   option that keeps it.  The names are split on the first miss, not at start-up.
   A spec (not an exception from find_spec) keeps importlib.util.find_spec quiet,
   as for the left-out extension modules above. */
#ifdef PYSEAL_STDLIB_LEFT_OUT
static const char stdlib_left_out_finder_src[] =
    "import sys, _frozen_importlib as _b\n"
    "class StdlibLeftOutFinder:\n"
    "    names = None\n"
    "    @classmethod\n"
    "    def find_spec(cls, name, path=None, target=None):\n"
    "        if cls.names is None:\n"
    "            cls.names = frozenset(" "\"" PYSEAL_STDLIB_LEFT_OUT "\"" ".split())\n"
    "        if name.partition('.')[0] in cls.names:\n"
    "            return _b.ModuleSpec(name, cls, origin='left out by pyseal')\n"
    "    @classmethod\n"
    "    def create_module(cls, spec):\n"
    "        top = spec.name.partition('.')[0]\n"
    "        raise ModuleNotFoundError(f'No module named {spec.name!r}: pyseal left the stdlib module {top!r} out of'\n"
    "            f' this executable (--stdlib imported found no import of it); build it with --stdlib-include {top}'\n"
    "            ' (or --stdlib all)', name=spec.name)\n"
    "    @classmethod\n"
    "    def exec_module(cls, module):\n"
    "        pass\n"
    "sys.meta_path.append(StdlibLeftOutFinder)\n";
#endif

int
pyseal_install_stdlib_left_out_finder(void)
{
#ifdef PYSEAL_STDLIB_LEFT_OUT
    return run_boot_source(stdlib_left_out_finder_src);
#else
    return 0;
#endif
}

/* ---- packages extracted to a per-user cache --------------------------- */

#ifdef PYSEAL_EXTRACTED_PACKAGES
static const char extracted_finder_src[] =
    "import sys\n"
    "class ExtractedPackageFinder:\n"
    "    names = frozenset(" PYSEAL_EXTRACTED_PACKAGES ")\n"
    "    @classmethod\n"
    "    def find_spec(cls, name, path=None, target=None):\n"
    "        if name not in cls.names:\n"
    "            return None\n"
    "        from __pyseal__.extracted_packages import find_spec\n"
    "        return find_spec(name)\n"
    "sys.meta_path.append(ExtractedPackageFinder)\n";
#endif

int
pyseal_install_extracted_package_finder(void)
{
#ifdef PYSEAL_EXTRACTED_PACKAGES
    return run_boot_source(extracted_finder_src);
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

int
pyseal_install_excepthook(void)
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

/* ---- what `site` gives an app ---------------------------------------- */

#ifdef PYSEAL_NO_SITE
int
pyseal_app_site(void)
{
    return 0;
}
#else
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
int
pyseal_app_site(void)
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

/* The package context: a private global in 3.11, behind a swap function since
   3.12 (non-static in libpython, so a static link reaches it). */
#if PY_VERSION_HEX >= 0x030C0000
extern const char *_PyImport_SwapPackageContext(const char *newcontext);
#endif

PyObject *
pyseal_init_in_package(const char *fullname, PyObject *(*init)(void))
{
#if PY_VERSION_HEX >= 0x030C0000
    const char *previous = _PyImport_SwapPackageContext(fullname);
    PyObject *module = init();
    _PyImport_SwapPackageContext(previous);
#else
    const char *previous = _Py_PackageContext;
    _Py_PackageContext = fullname;
    PyObject *module = init();
    _Py_PackageContext = previous;
#endif
    return module;
}

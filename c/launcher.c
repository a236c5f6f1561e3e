/*
 * pyseal launcher: main() of every pyseal executable (CPython 3.11 .. 3.14+,
 * PyConfig API).  It finds the executable's own path, chooses app or
 * interpreter mode, configures CPython to import from the zip archive
 * appended to the executable, and runs the app's entry point or `python`.
 *
 * Compiled with the generated pyseal_app.h, together with
 * archive_importer.c (the archive's index and zipimport's fast paths),
 * services.c (CA bundle, excepthook, finders, what `site` gives an app) and
 * memory_images.c (extension modules loaded from memory).
 * The contract with pyseal_app.h (every macro), the mode rule and what is
 * configured are described in c/README.md.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "pyseal_app.h"

#include "archive_files.h"
#include "archive_importer.h"
#include "memory_images.h"
#include "services.h"

#ifndef PYSEAL_INTERPRETER_ENV
#define PYSEAL_INTERPRETER_ENV "PYSEAL_INTERPRETER"
#endif
#ifndef PYSEAL_OPTIMIZE
#define PYSEAL_OPTIMIZE 0
#endif

/* The built-in modules: CPython's core ones and every extension linked in
   (the header declares their init functions).  Without the macro the
   inittab comes from another object, e.g. the distribution's config.o. */
#ifdef PYSEAL_INITTAB_ENTRIES
/* A dotted built-in's init runs through a wrapper that gives it its full name
   (c/README.md, PYSEAL_DOTTED_INITS). */
#define PYSEAL_DOTTED(wrapper, name, init) \
    static PyObject *wrapper(void) { return pyseal_init_in_package(name, init); }
#ifdef PYSEAL_DOTTED_INITS
PYSEAL_DOTTED_INITS
#endif
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

/* Its real path: sys.executable, sys.path[0] (the archive) and, through its
   directory, home and every prefix. */
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

/* Decided before Python starts.  Without PYSEAL_ENTRY_POINT: interpreter.
   Otherwise $PYSEAL_INTERPRETER ("1"/"0") forces it, then interpreter only
   when this same executable started us with Python options ending in -c or
   -m (multiprocessing, subprocess of sys.executable), else app.  The whole
   rule and what it does not cover: c/README.md, "Mode selection". */

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

#ifndef PYSEAL_NO_ZIP_INDEX
/* Finishes an initialization stopped after the core phase (_init_main = 0).
   3.14 removed _Py_InitializeMain(); there, the same configuration given
   again with _init_main = 1 reconfigures the core (a no-op: nothing in it
   changed) and runs the main phase, as _Py_InitializeMain() did. */
static PyStatus
initialize_main_phase(PyConfig *config)
{
#if PY_VERSION_HEX >= 0x030E0000
    config->_init_main = 1;
    return Py_InitializeFromConfig(config);
#else
    (void)config;
    return _Py_InitializeMain();
#endif
}
#endif

/* Appends path to sys.path (PyConfig.module_search_paths); what names it in
   the error message if it cannot be decoded. */
static void
append_search_path(PyConfig *config, const char *path, const char *what)
{
    PyStatus status;
    wchar_t *wpath = Py_DecodeLocale(path, NULL);
    if (wpath == NULL) {
        fatal(what);
    }
    status = PyWideStringList_Append(&config->module_search_paths, wpath);
    PyMem_RawFree(wpath);
    check(status, config);
}

#if defined(PYSEAL_SIDE_DIR) || defined(PYSEAL_PACKAGE_DIRS)
/* Appends a directory to sys.path: relative to dir (the executable's) unless
   it is absolute. */
static void
append_relative_path(PyConfig *config, const char *dir, const char *path, const char *what)
{
    char full[2 * PATH_MAX + 2];
    if (path[0] == '/') {
        snprintf(full, sizeof full, "%s", path);
    }
    else {
        snprintf(full, sizeof full, "%s/%s", strcmp(dir, "/") ? dir : "", path);
    }
    append_search_path(config, full, what);
}
#endif

/* The binary is executable, home and every prefix: sys.path is [the binary]
   (its archive), plus PYSEAL_SIDE_DIR and PYSEAL_PACKAGE_DIRS; getpath
   searches nothing. */
static void
set_paths(PyConfig *config, const char *exe, const char *dir)
{
    struct {
        wchar_t **field;
        const char *value;
    } paths[] = {
        {&config->executable, exe},
        {&config->base_executable, exe},
        {&config->home, dir},
        {&config->prefix, dir},
        {&config->exec_prefix, dir},
        {&config->base_prefix, dir},
        {&config->base_exec_prefix, dir},
    };
    size_t i;

    for (i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        check(PyConfig_SetBytesString(config, paths[i].field, paths[i].value), config);
    }
    config->module_search_paths_set = 1;
    append_search_path(config, exe, "cannot decode the executable path");
#ifdef PYSEAL_SIDE_DIR
    append_relative_path(config, dir, PYSEAL_SIDE_DIR, "cannot decode PYSEAL_SIDE_DIR");
#endif
#ifdef PYSEAL_PACKAGE_DIRS
    {
        static const char *const package_dirs[] = {PYSEAL_PACKAGE_DIRS};
        for (i = 0; i < sizeof package_dirs / sizeof package_dirs[0]; i++) {
            append_relative_path(config, dir, package_dirs[i], "cannot decode PYSEAL_PACKAGE_DIRS");
        }
    }
#endif
}

int
main(int argc, char **argv)
{
    char exe[PATH_MAX + 1];
    char dir[PATH_MAX + 1];
    char *slash;
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
    pyseal_ca_bundle_fallback(); /* before Python: it sets SSL_CERT_FILE */

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
        config.site_import = 0; /* pyseal_app_site() below does what an app needs of it */
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
    set_paths(&config, exe, dir);

#ifdef PYSEAL_ENTRY_POINT
    if (!interpreter) {
        cmd = app_command();
        status = PyConfig_SetBytesString(&config, &config.run_command, cmd);
        free(cmd);
        check(status, &config);
    }
#endif

#ifndef PYSEAL_NO_ZIP_INDEX
    config._init_main = 0; /* stop after the core phase: see archive_importer.h */
#endif
    status = Py_InitializeFromConfig(&config);
#ifdef PYSEAL_NO_ZIP_INDEX
    PyConfig_Clear(&config);
    check(status, NULL);
#else
    check(status, &config); /* kept for the main phase below */
#endif
    /* With PYSEAL_NO_ZIP_INDEX the hooks come after `site` (and so after a
       sitecustomize); otherwise before anything is imported from the zip. */
    if (pyseal_install_excepthook() < 0 || pyseal_install_dotted_builtin_finder() < 0 ||
        pyseal_install_standalone_finder() < 0 || pyseal_install_left_out_finder() < 0 ||
        pyseal_install_extracted_package_finder() < 0 || pyseal_install_memory_finder() < 0 ||
        pyseal_install_stdlib_left_out_finder() < 0) {
        PyErr_Print();
        fprintf(stderr, "pyseal launcher: cannot install the boot hooks\n");
        Py_Finalize();
        return 120;
    }
#ifndef PYSEAL_NO_ARCHIVE_FILES
    pyseal_install_archive_files(exe);
#endif
#ifndef PYSEAL_NO_ZIP_INDEX
    pyseal_install_archive_importer(exe);
    status = initialize_main_phase(&config);
    PyConfig_Clear(&config);
    check(status, NULL);
#endif
    if (!interpreter && pyseal_app_site() < 0) {
        PyErr_Print();
        fprintf(stderr, "pyseal launcher: cannot add exit(), quit() and help\n");
        Py_Finalize();
        return 120;
    }
    return Py_RunMain();
}

/*
 * The launcher's small services (services.c), in the order launcher.c calls
 * them.  Each one reads its own switches from pyseal_app.h and does nothing
 * (returning 0) when switched off there.  The int ones return -1 with a
 * Python exception set on failure; the launcher then prints it and exits 120.
 */
#ifndef PYSEAL_SERVICES_H
#define PYSEAL_SERVICES_H

/* Before Python starts (plain C: getenv, stat, setenv).  If neither
   SSL_CERT_FILE nor SSL_CERT_DIR is set and OpenSSL's compiled-in CA file is
   missing here, sets SSL_CERT_FILE (children inherit it) to the first
   system bundle found.  Off with PYSEAL_NO_CA_FALLBACK. */
void pyseal_ca_bundle_fallback(void);

/* After the core phase of initialization, before anything is imported from
   the archive (after `site` when the launcher is built with
   PYSEAL_NO_ZIP_INDEX). */

/* sys.excepthook = a hook that prints through `traceback`, so tracebacks
   show source lines read from the archive. */
int pyseal_install_excepthook(void);
/* When an inittab name has a dot ("pkg._speedups"), a meta path finder right
   after BuiltinImporter that finds those names as built-ins. */
int pyseal_install_dotted_builtin_finder(void);
/* With PYSEAL_STANDALONE_MODULES and PYSEAL_SIDE_DIR, a finder at the end of
   sys.meta_path that loads those modules from files beside the executable. */
int pyseal_install_standalone_finder(void);
/* With PYSEAL_LEFT_OUT_MODULES: a finder first on sys.meta_path whose modules'
   imports raise ModuleNotFoundError with the reason pyseal left each out. */
int pyseal_install_left_out_finder(void);
/* With PYSEAL_STDLIB_LEFT_OUT: a finder at the end of sys.meta_path whose
   stdlib modules' imports raise ModuleNotFoundError naming --stdlib-include. */
int pyseal_install_stdlib_left_out_finder(void);

/* With PYSEAL_EXTRACTED_PACKAGES: a finder at the end of sys.meta_path that
   imports those top-level packages from a per-user cache directory they are
   extracted to on first import (the archive's __pyseal__.extracted_packages). */
int pyseal_install_extracted_package_finder(void);

/* App mode only, after initialization, before the app's command runs:
   exit(), quit() and help as `site` makes them, then the archive's
   sitecustomize if it has one (its errors are printed, not fatal).
   Off with PYSEAL_NO_SITE. */
int pyseal_app_site(void);

/* Runs a built-in's init function with the import system's package context set
   to its dotted name, as CPython does when it loads the same module from a file:
   a single-phase module (PyModule_Create) is then named "pkg._mod", not "_mod",
   and its functions' __module__ with it (pickle finds them). */
PyObject *pyseal_init_in_package(const char *fullname, PyObject *(*init)(void));

#endif

/*
 * The read-only view of the embedded archive at the paths __file__ and
 * __path__ name (<exe>/pkg/data.json): os.stat, os.listdir, os.scandir,
 * open() and the rest answer for those paths from the archive, so a package
 * that reads its own files by path works in a single file.  The launcher
 * calls pyseal_install_archive_files() once, with the archive importer.
 *
 * What is answered and how is in c/README.md ("Files by path").  This file
 * only routes: each function of the list below is replaced by a wrapper that
 * looks at its path arguments (a prefix compare) and, for a path under the
 * executable's, calls the function of the same name in the archive's
 * __pyseal__.archive_files module (python/pyseal_runtime), imported on first
 * use, with the original function first.  Every other call goes straight to
 * the original.  Start-up pays for a few attribute sets, nothing more.
 *
 * zipimport must keep seeing the executable as a zip file: it finds the
 * archive by stat()ing a path, then its parents, until a regular file
 * answers, so its stat() sees the archive's files but not its directories
 * (give_zipimport_its_own_stat).
 * The rest of importlib sees the view (py_compile of a module's source, a
 * SourceFileLoader given such a path), but never needs it: zipimporter comes
 * first in sys.path_hooks and takes every path under the executable's.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <string.h>
#include <sys/stat.h>

#include "archive_files.h"

/* Which positional arguments (bits) or keywords are paths. */
typedef struct {
    const char *module; /* "posix" or "_io" */
    const char *name;
    const char *handler; /* its name in __pyseal__.archive_files */
    unsigned positions;
    const char *keyword0; /* keyword of position 0 */
    const char *keyword1; /* keyword of position 1 */
} ViewedFunction;

static const ViewedFunction viewed[] = {
    /* read */
    {"posix", "stat", "stat", 1, "path", NULL},
    {"posix", "lstat", "lstat", 1, "path", NULL},
    {"posix", "access", "access", 1, "path", NULL},
    {"posix", "listdir", "listdir", 1, "path", NULL},
    {"posix", "scandir", "scandir", 1, "path", NULL},
    {"posix", "open", "os_open", 1, "path", NULL},
    {"posix", "readlink", "readlink", 1, "path", NULL},
    {"posix", "listxattr", "listxattr", 1, "path", NULL},
    {"posix", "getxattr", "getxattr", 1, "path", NULL},
    {"_io", "open", "io_open", 1, "file", NULL},
    {"_io", "open_code", "io_open_code", 1, "path", NULL},
    /* write: a read-only file system's error */
    {"posix", "mkdir", "mkdir", 1, "path", NULL},
    {"posix", "rmdir", "rmdir", 1, "path", NULL},
    {"posix", "remove", "remove", 1, "path", NULL},
    {"posix", "unlink", "unlink", 1, "path", NULL},
    {"posix", "rename", "rename", 3, "src", "dst"},
    {"posix", "replace", "replace", 3, "src", "dst"},
    {"posix", "link", "link", 3, "src", "dst"},
    {"posix", "symlink", "symlink", 2, NULL, "dst"},
    {"posix", "chmod", "chmod", 1, "path", NULL},
    {"posix", "chown", "chown", 1, "path", NULL},
    {"posix", "utime", "utime", 1, "path", NULL},
    {"posix", "truncate", "truncate", 1, "path", NULL},
    {"posix", "mkfifo", "mkfifo", 1, "path", NULL},
    {"posix", "mknod", "mknod", 1, "path", NULL},
    {"posix", "setxattr", "setxattr", 1, "path", NULL},
    {"posix", "removexattr", "removexattr", 1, "path", NULL},
};
enum { VIEWED = sizeof viewed / sizeof viewed[0] };

static PyMethodDef wrapper_defs[VIEWED];
static PyObject *prefix_str;   /* "<exe>/" */
static PyObject *prefix_bytes; /* the same, file-system encoded */
static PyObject *archive_path; /* "<exe>" */
static PyObject *originals;    /* handler name -> the function its wrapper replaced */

/* 1 when arg names a path under the executable's, else 0 (never an error). */
static int
under_archive(PyObject *arg)
{
    PyObject *path;
    int inside = 0;
    if (arg == NULL || arg == Py_None || PyLong_Check(arg)) {
        return 0; /* a file descriptor, or nothing */
    }
    path = PyOS_FSPath(arg);
    if (path == NULL) {
        PyErr_Clear(); /* the original function gives the real error */
        return 0;
    }
    if (PyUnicode_Check(path)) {
        inside = PyUnicode_Tailmatch(path, prefix_str, 0, PY_SSIZE_T_MAX, -1) == 1;
    }
    else if (PyBytes_Check(path)) {
        Py_ssize_t n = PyBytes_GET_SIZE(prefix_bytes);
        inside = PyBytes_GET_SIZE(path) >= n && memcmp(PyBytes_AS_STRING(path), PyBytes_AS_STRING(prefix_bytes), n) == 0;
    }
    PyErr_Clear();
    Py_DECREF(path);
    return inside;
}

static PyObject *
path_argument(PyObject *args, PyObject *kwargs, Py_ssize_t position, const char *keyword)
{
    if (position < PyTuple_GET_SIZE(args)) {
        return PyTuple_GET_ITEM(args, position);
    }
    return kwargs != NULL && keyword != NULL ? PyDict_GetItemString(kwargs, keyword) : NULL;
}

/* The view's handler of that name, or NULL without an error when the archive
   has no view module (an archive packed without it). */
static PyObject *
view_handler(const char *name)
{
    PyObject *module = PyImport_ImportModule("__pyseal__.archive_files");
    PyObject *handler = NULL;
    if (module != NULL) {
        PyObject *attached = PyObject_GetAttrString(module, "archive");
        if (attached == Py_None) {
            Py_XDECREF(PyObject_CallMethod(module, "attach", "OO", archive_path, originals));
        }
        Py_XDECREF(attached);
        handler = PyErr_Occurred() ? NULL : PyObject_GetAttrString(module, name);
        Py_DECREF(module);
    }
    if (handler == NULL) {
        PyErr_Clear();
    }
    return handler;
}

/* Every wrapper: self is (original, index into viewed). */
static PyObject *
view_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *original = PyTuple_GET_ITEM(self, 0);
    const ViewedFunction *f = &viewed[PyLong_AsSsize_t(PyTuple_GET_ITEM(self, 1))];
    PyObject *handler, *full, *result;
    Py_ssize_t i, n = PyTuple_GET_SIZE(args);
    int inside = 0;

    for (i = 0; i < 2 && !inside; i++) {
        if (f->positions & (1u << i)) {
            inside = under_archive(path_argument(args, kwargs, i, i == 0 ? f->keyword0 : f->keyword1));
        }
    }
    if (!inside || (handler = view_handler(f->handler)) == NULL) {
        return PyObject_Call(original, args, kwargs);
    }
    full = PyTuple_New(n + 1);
    if (full == NULL) {
        Py_DECREF(handler);
        return NULL;
    }
    Py_INCREF(original);
    PyTuple_SET_ITEM(full, 0, original);
    for (i = 0; i < n; i++) {
        Py_INCREF(PyTuple_GET_ITEM(args, i));
        PyTuple_SET_ITEM(full, i + 1, PyTuple_GET_ITEM(args, i));
    }
    result = PyObject_Call(handler, full, kwargs);
    Py_DECREF(full);
    Py_DECREF(handler);
    return result;
}

/* module.name = its wrapper, unless it is missing (not every platform has
   every function) or already wrapped; also in `also` (os, io, builtins
   imported before us) where it holds the same original. */
static void
wrap(PyObject *module, Py_ssize_t index, PyObject *also[], int n_also)
{
    const ViewedFunction *f = &viewed[index];
    PyObject *original = PyObject_GetAttrString(module, f->name);
    PyObject *self = NULL, *wrapper = NULL;
    int i;
    if (original == NULL || !PyCFunction_Check(original)) {
        goto done; /* missing here, or not the C function we expect */
    }
    wrapper_defs[index].ml_name = f->name;
    wrapper_defs[index].ml_meth = (PyCFunction)(void (*)(void))view_call;
    wrapper_defs[index].ml_flags = METH_VARARGS | METH_KEYWORDS;
    wrapper_defs[index].ml_doc = ((PyCFunctionObject *)original)->m_ml->ml_doc;
    self = Py_BuildValue("(On)", original, index);
    wrapper = self ? PyCFunction_NewEx(&wrapper_defs[index], self, NULL) : NULL;
    if (wrapper == NULL || PyDict_SetItemString(originals, f->handler, original) < 0 ||
        PyObject_SetAttrString(module, f->name, wrapper) < 0) {
        goto done;
    }
    for (i = 0; i < n_also; i++) {
        PyObject *held = also[i] ? PyObject_GetAttrString(also[i], f->name) : NULL;
        if (held == original) {
            PyObject_SetAttrString(also[i], f->name, wrapper);
        }
        Py_XDECREF(held);
    }
done:
    PyErr_Clear();
    Py_XDECREF(wrapper);
    Py_XDECREF(self);
    Py_XDECREF(original);
}

/* A module of that name if it is already imported, else NULL. */
static PyObject *
imported(const char *name)
{
    PyObject *key = PyUnicode_FromString(name);
    PyObject *m = key != NULL ? PyImport_GetModule(key) : NULL;
    Py_XDECREF(key);
    PyErr_Clear();
    return m;
}

/* zipimport's _path_stat: a file of the archive is a regular file, as the view
   says (so a zip inside the archive can go on sys.path: zipimport then reads
   it through _io.open_code, which the view serves); anything else, a directory
   of the archive included, is what the OS says.  zipimporter(path) finds the
   archive by stat()ing path, then its parents, until a regular file answers:
   <exe>/pkg must not be a directory to it.  self is posix.stat as it was. */
static PyObject *
zipimport_path_stat(PyObject *self, PyObject *path)
{
    if (under_archive(path)) {
        PyObject *handler = view_handler("stat");
        PyObject *st = handler ? PyObject_CallFunctionObjArgs(handler, self, path, NULL) : NULL;
        PyObject *mode = st ? PyObject_GetAttrString(st, "st_mode") : NULL;
        long value = mode ? PyLong_AsLong(mode) : 0;
        Py_XDECREF(mode);
        Py_XDECREF(handler);
        if (st != NULL && (value & S_IFMT) == S_IFREG) {
            return st;
        }
        Py_XDECREF(st);
        PyErr_Clear();
    }
    return PyObject_CallOneArg(self, path);
}

static PyMethodDef zipimport_path_stat_def = {"_path_stat", zipimport_path_stat, METH_O,
                                              "pyseal: stat() for zipimport, files of the archive seen as files"};

/* zipimport._bootstrap_external = a copy of that module whose _path_stat is
   zipimport_path_stat over posix.stat as it is now. */
static int
give_zipimport_its_own_stat(PyObject *posix)
{
    PyObject *external = PyImport_ImportModule("_frozen_importlib_external");
    PyObject *zipimport = PyImport_ImportModule("zipimport");
    PyObject *stat = PyObject_GetAttrString(posix, "stat");
    PyObject *own = stat ? PyCFunction_New(&zipimport_path_stat_def, stat) : NULL;
    PyObject *copy = PyModule_New("_frozen_importlib_external");
    int ok = external != NULL && zipimport != NULL && own != NULL && copy != NULL &&
             PyDict_Update(PyModule_GetDict(copy), PyModule_GetDict(external)) == 0 &&
             PyObject_SetAttrString(copy, "_path_stat", own) == 0 &&
             PyObject_SetAttrString(zipimport, "_bootstrap_external", copy) == 0;
    Py_XDECREF(copy);
    Py_XDECREF(own);
    Py_XDECREF(stat);
    Py_XDECREF(zipimport);
    Py_XDECREF(external);
    PyErr_Clear();
    return ok;
}

void
pyseal_install_archive_files(const char *exe)
{
    PyObject *posix = PyImport_ImportModule("posix");
    PyObject *io_c = PyImport_ImportModule("_io");
    PyObject *os = imported("os"), *io = imported("io"), *builtins_module = imported("builtins");
    Py_ssize_t i;

    archive_path = PyUnicode_DecodeFSDefault(exe);
    prefix_str = archive_path ? PyUnicode_FromFormat("%U/", archive_path) : NULL;
    prefix_bytes = prefix_str ? PyUnicode_EncodeFSDefault(prefix_str) : NULL;
    originals = PyDict_New();
    if (originals == NULL || posix == NULL || io_c == NULL || prefix_bytes == NULL || !give_zipimport_its_own_stat(posix)) {
        goto done;
    }
    for (i = 0; i < VIEWED; i++) {
        if (strcmp(viewed[i].module, "posix") == 0) {
            PyObject *also[] = {os};
            wrap(posix, i, also, 1);
        }
        else {
            PyObject *also[] = {io, builtins_module};
            wrap(io_c, i, also, 2);
        }
    }
done:
    PyErr_Clear();
    Py_XDECREF(builtins_module);
    Py_XDECREF(io);
    Py_XDECREF(os);
    Py_XDECREF(io_c);
    Py_XDECREF(posix);
}

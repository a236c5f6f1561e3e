/*
 * The importer of the executable's own archive: zipimport, given a directory
 * it need not read and two methods it need not run in Python.  The launcher
 * calls pyseal_install_archive_importer() once, between the core and the main
 * phase of initialization (see archive_importer.h).
 *
 * The index it reads is written by python/pyseal_pack (_write_index there);
 * its layout and why zipimport is used this way are in c/README.md ("The
 * embedded archive").  Anything unexpected => nothing is installed and
 * zipimport does all the work itself, as in a plain `python`.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <marshal.h>

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "archive_importer.h"

/* A free-threaded CPython (3.13+, Py_GIL_DISABLED) runs this code in several
   threads at once: the directory's index is read and freed under the object's
   critical section (a no-op with the GIL), and dict lookups take a strong
   reference (PyDict_GetItemRef, 3.13+) instead of a borrowed one.  3.11 and
   3.12 have neither, and need neither. */
#if PY_VERSION_HEX < 0x030D0000
#define Py_BEGIN_CRITICAL_SECTION(op) {
#define Py_END_CRITICAL_SECTION() }
#endif

/* ---- the prebuilt directory index ----------------------------------- */

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

/* Adds record i to the dict: 0, or -1 on error.  Called in the object's critical section. */
static int
lazy_add(LazyDirectory *self, uint32_t i)
{
    const unsigned char *r = lazy_record(self, i);
    Py_ssize_t name_len = (Py_ssize_t)le(r, 2);
    PyObject *name, *path, *t;
    int rc;

    name = PyUnicode_DecodeUTF8((const char *)r + RECORD_FIXED, name_len, NULL);
    if (name == NULL) {
        return -1;
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
    return rc;
}

/* lazy_find's search, in the object's critical section. */
static int
lazy_find_locked(LazyDirectory *self, const char *want, Py_ssize_t want_len)
{
    uint32_t lo = 0, hi = self->count;
    if (self->index == NULL) {
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
            return lazy_add(self, mid) < 0 ? -1 : 1;
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

/* 1 and the entry added, 0 when the index does not list key, -1 on error. */
static int
lazy_find(LazyDirectory *self, PyObject *key)
{
    const char *want;
    Py_ssize_t want_len;
    int rc;

    if (!PyUnicode_Check(key)) {
        return 0;
    }
    want = PyUnicode_AsUTF8AndSize(key, &want_len);
    if (want == NULL) {
        PyErr_Clear();
        return 0;
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    rc = lazy_find_locked(self, want, want_len);
    Py_END_CRITICAL_SECTION();
    return rc;
}

/* lazy_complete's work, in the object's critical section. */
static int
lazy_complete_locked(LazyDirectory *self)
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
        if (present < 0 || (!present && lazy_add(self, i) < 0)) {
            return -1;
        }
    }
    PyMem_RawFree(self->index);
    self->index = NULL;
    return 0;
}

/* Every entry into the dict, then it is a plain dict. */
static int
lazy_complete(LazyDirectory *self)
{
    int rc;
    Py_BEGIN_CRITICAL_SECTION(self);
    rc = lazy_complete_locked(self);
    Py_END_CRITICAL_SECTION();
    return rc;
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
#if PY_VERSION_HEX >= 0x030D0000
    if (PyDict_GetItemRef(op, args[0], &value) < 0) {
        return NULL;
    }
#else
    value = PyDict_GetItemWithError(op, args[0]);
    if (value == NULL && PyErr_Occurred()) {
        return NULL;
    }
    Py_XINCREF(value);
#endif
    if (value == NULL) {
        value = nargs == 2 ? args[1] : Py_None;
        Py_INCREF(value);
    }
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

/* ---- zipimporter fast paths ------------------------------------------ */

/* zipimport, sped up for the executable's own archive (whose .pyc files are
   never stale and whose bytecode is stored, not deflated):
   - get_filename() works the path out by loading the module's code, and
     importlib calls it while it only looks for the module (spec_from_loader):
     every module would be read and unmarshalled twice.  Here the path is the
     first of zipimport's search order present in the directory, or rather the
     source beside that .pyc when the archive has it: __file__ is then
     <exe>/pkg/mod.py, as for a module imported from source files, and
     get_code() gives co_filename the same path (pyseal_pack compiled it as
     "<pyseal>/pkg/mod.py"), so warnings, inspect and tracebacks name a path
     that the archive's view of files (archive_files.c) opens.
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
static PyObject *fix_co_filename;       /* _imp._fix_co_filename */

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

/* The module's path, for __file__ and co_filename: its source beside the
   bytecode when the archive holds it (what a module imported from a source
   file says, and a path the archive's view of files can open), else the entry
   found. */
static PyObject *
zip_module_path(PyObject *files, PyObject *key)
{
    PyObject *source = NULL, *path;
    if (PyUnicode_Tailmatch(key, pyc_suffix, 0, PY_SSIZE_T_MAX, +1) == 1) {
        source = PyUnicode_Substring(key, 0, PyUnicode_GET_LENGTH(key) - 1);
        if (source != NULL && PySequence_Contains(files, source) != 1) {
            Py_CLEAR(source);
        }
        PyErr_Clear();
    }
    path = PyUnicode_FromFormat("%U/%U", zip_archive, source != NULL ? source : key);
    Py_XDECREF(source);
    return path;
}

static PyObject *
zip_get_filename(PyObject *unused, PyObject *args)
{
    PyObject *self, *fullname, *key, *files = NULL, *path;
    (void)unused;
    if (!PyArg_ParseTuple(args, "OU:get_filename", &self, &fullname)) {
        return NULL;
    }
    key = zip_own_entry(self, fullname, &files);
    if (key == NULL) { /* not ours, or not found: zipimport's own answer, error included */
        return PyObject_CallFunctionObjArgs(zip_get_filename_orig, self, fullname, NULL);
    }
    path = zip_module_path(files, key);
    Py_DECREF(key);
    Py_DECREF(files);
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
    if (code == NULL) {
        code = PyObject_CallFunctionObjArgs(zip_get_code_orig, self, fullname, NULL);
    }
    if (code != NULL && key != NULL && fix_co_filename != NULL) {
        /* co_filename = __file__ (get_filename above), as importlib makes it for
           a module from a file: warnings, inspect and tracebacks name that path */
        PyObject *path = zip_module_path(files, key);
        PyObject *r = path ? PyObject_CallFunctionObjArgs(fix_co_filename, code, path, NULL) : NULL;
        if (r == NULL) {
            PyErr_Clear();
        }
        Py_XDECREF(r);
        Py_XDECREF(path);
    }
    Py_XDECREF(key);
    Py_XDECREF(files);
    return code;
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

    PyObject *imp = PyImport_ImportModule("_imp");
    if (pyc_suffix == NULL) {
        pyc_suffix = PyUnicode_InternFromString(".pyc");
    }
    fix_co_filename = imp != NULL ? PyObject_GetAttrString(imp, "_fix_co_filename") : NULL;
    Py_XDECREF(imp);
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

/* ---- loading the index ----------------------------------------------- */

/* Called between the core and the main phase of initialization, before the
   first import from the archive (encodings).  Finds the index that
   pyseal_pack appended (located by the zip comment "PYSEALIX" <Q data offset>
   <Q length>) and stores a LazyDirectory over it in
   zipimport._zip_directory_cache[exe], so zipimport never parses the central
   directory in Python and no entry is built before it is asked for.  Any
   mismatch => do nothing: zipimport reads the directory itself. */
void
pyseal_install_archive_importer(const char *exe)
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

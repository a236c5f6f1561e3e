/*
 * Extension modules embedded in the executable and loaded from memory (the
 * `in-memory` extension location, Linux only).  launcher.c calls
 * pyseal_install_memory_finder() with the other finders; with
 * PYSEAL_MEMORY_MODULES it registers the built-in module `_pyseal_memory`
 * (the two system calls Python cannot make here) and puts a finder first on
 * sys.meta_path that hands those names to the archive's
 * __pyseal__.memory_extensions (python/pyseal_runtime/memory_extensions.py).
 *
 * A shared library is loaded from memory by writing it into a memfd and
 * dlopen()ing its /proc/self/fd/N path: the system's own loader maps it, and no
 * file appears anywhere.  memfd_create is called through syscall(): a CPython
 * built against an old glibc's headers (the 2.17 floor) has no
 * os.memfd_create, and the binary must run where the C library lacks it too.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "pyseal_app.h"
#include "memory_images.h"

#if defined(PYSEAL_MEMORY_MODULES) && defined(__linux__)
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Kernel headers older than 3.17 do not number the call. */
#ifndef SYS_memfd_create
#if defined(__x86_64__)
#define SYS_memfd_create 319
#elif defined(__aarch64__)
#define SYS_memfd_create 279
#endif
#endif
#define PYSEAL_MFD_CLOEXEC 0x0001U
/* Linux 6.3+: with vm.memfd_noexec set a memfd is not mappable executable unless
   asked for; older kernels refuse the flag (EINVAL), and there every memfd is. */
#define PYSEAL_MFD_EXEC 0x0010U

/* The descriptor numbers images were loaded from.  glibc knows a loaded object by
   the path it was opened by: a second image opened as the /proc/self/fd/N of an
   earlier one (its descriptor closed, the number reused) would be taken for it. */
static int *used_numbers;
static size_t used_count;
/* Free-threaded CPython imports two modules at once from two threads. */
static pthread_mutex_t used_lock = PTHREAD_MUTEX_INITIALIZER;

static int
number_was_used(int fd)
{
    size_t i;
    for (i = 0; i < used_count; i++) {
        if (used_numbers[i] == fd) {
            return 1;
        }
    }
    return 0;
}

/* A number no image had: fd itself, or a duplicate above every number used. */
static int
unused_number(int fd)
{
    int highest = fd, other;
    size_t i;
    int *grown;
    if (number_was_used(fd)) {
        for (i = 0; i < used_count; i++) {
            highest = used_numbers[i] > highest ? used_numbers[i] : highest;
        }
        other = fcntl(fd, F_DUPFD_CLOEXEC, highest + 1);
        close(fd);
        if (other < 0) {
            return -1;
        }
        fd = other;
    }
    grown = PyMem_RawRealloc(used_numbers, (used_count + 1) * sizeof *used_numbers);
    if (grown == NULL) {
        close(fd);
        errno = ENOMEM;
        return -1;
    }
    used_numbers = grown;
    used_numbers[used_count++] = fd;
    return fd;
}

/* _pyseal_memory.image(name, data) -> fd: a memfd holding data, whose
   /proc/self/fd path no earlier image had.  OSError when the kernel refuses. */
static PyObject *
memory_image(PyObject *self, PyObject *args)
{
    const char *name;
    Py_buffer data;
    Py_ssize_t done = 0;
    long fd = -1;
    (void)self;
    if (!PyArg_ParseTuple(args, "sy*:image", &name, &data)) {
        return NULL;
    }
#ifdef SYS_memfd_create
    fd = syscall(SYS_memfd_create, name, PYSEAL_MFD_CLOEXEC | PYSEAL_MFD_EXEC);
    if (fd < 0 && errno == EINVAL) {
        fd = syscall(SYS_memfd_create, name, PYSEAL_MFD_CLOEXEC);
    }
#else
    errno = ENOSYS;
#endif
    while (fd >= 0 && done < data.len) {
        ssize_t n = write((int)fd, (const char *)data.buf + done, (size_t)(data.len - done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            int saved = errno;
            close((int)fd);
            fd = -1;
            errno = saved;
            break;
        }
        done += n;
    }
    PyBuffer_Release(&data);
    if (fd >= 0) {
        pthread_mutex_lock(&used_lock);
        fd = unused_number((int)fd);
        pthread_mutex_unlock(&used_lock);
    }
    if (fd < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(fd);
}

/* _pyseal_memory.load_library(fd): dlopen of /proc/self/fd/N, kept loaded for the
   process, so a module that needs it finds it by its SONAME.  ImportError with
   the loader's message when it fails. */
static PyObject *
memory_load_library(PyObject *self, PyObject *args)
{
    int fd;
    char path[64];
    (void)self;
    if (!PyArg_ParseTuple(args, "i:load_library", &fd)) {
        return NULL;
    }
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    if (dlopen(path, RTLD_NOW | RTLD_LOCAL) == NULL) {
        const char *why = dlerror();
        PyErr_SetString(PyExc_ImportError, why != NULL ? why : path);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef memory_methods[] = {
    {"image", memory_image, METH_VARARGS, "image(name, data) -> fd: a memfd holding data"},
    {"load_library", memory_load_library, METH_VARARGS, "load_library(fd): dlopen its /proc/self/fd path"},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef memory_module = {PyModuleDef_HEAD_INIT, "_pyseal_memory", NULL, -1, memory_methods};

static const char memory_finder_src[] =
    "import sys\n"
    "class MemoryExtensionFinder:\n"
    "    modules = " PYSEAL_MEMORY_MODULES "\n"
    "    @classmethod\n"
    "    def find_spec(cls, name, path=None, target=None):\n"
    "        image = cls.modules.get(name)\n"
    "        if image is None:\n"
    "            return None\n"
    "        from __pyseal__.memory_extensions import find_spec\n"
    "        return find_spec(name, image[0], image[1])\n"
    "sys.meta_path.insert(0, MemoryExtensionFinder)\n";

int
pyseal_install_memory_finder(void)
{
    PyObject *module, *modules, *globals, *result;
    module = PyModule_Create(&memory_module);
    modules = PyImport_GetModuleDict(); /* borrowed */
    if (module == NULL || PyDict_SetItemString(modules, "_pyseal_memory", module) < 0) {
        Py_XDECREF(module);
        return -1;
    }
    Py_DECREF(module);
    globals = PyDict_New();
    if (globals == NULL || PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins()) < 0) {
        Py_XDECREF(globals);
        return -1;
    }
    result = PyRun_String(memory_finder_src, Py_file_input, globals, globals);
    Py_DECREF(globals);
    if (result == NULL) {
        return -1;
    }
    Py_DECREF(result);
    return 0;
}
#else
int
pyseal_install_memory_finder(void)
{
    return 0;
}
#endif
